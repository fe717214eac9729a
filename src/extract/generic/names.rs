//! What an element's class and id words say about it, read in one split of its names during the analysis walk:
//! whether it is page chrome and of which kind (the analysis' block weights), and whether a [`CHROME_MARKERS`]
//! word names it (the body chooser's chrome spans, [`ChromeSpans`]). Each part of a name (split at `-` and `_`)
//! is looked up once, in one table that holds every list with a bit of its own; before, the body chooser walked
//! the page a second time to split every element's names again. The walk reads an element's attributes once for
//! its hidden state and its names ([`NameReader`]), and splits each distinct class attribute of a page once.

use std::sync::LazyLock;

use html5ever::local_name;
use scraper::node::Element;

use super::vocabulary::{
    BANNER_WORDS, CHROME_MARKERS, CHROME_NAME_WORDS, CONTENT_NAME_WORDS, NAVIGATION_NAME_WORDS,
};
use crate::extract::dom::{class_hides, class_words, is_hidden, is_skipped, style_hides};
use crate::extract::name_words::NameWords;

/// What kind of page chrome an element is named as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Menus and navigation bars (`nav`, `menu`): links by nature.
    Navigation,
    /// Footers, sidebars, newsletter boxes.
    Other,
    /// Cookie and consent banners, pop-ups: chrome whatever they hold.
    Banner,
}

/// What an element's class and id words (and its tag) say.
#[derive(Debug, Clone, Copy)]
pub struct NameFacts {
    /// Page chrome by tag (`footer`, `nav`, `aside`) or by a class/id word ([`NameFacts::from_parts`] says which
    /// words).
    pub chrome: Option<Chrome>,
    /// A part of a class name or of the id is a [`CHROME_MARKERS`] word (comments, sidebars, menus, footers …);
    /// never for `<html>` and `<body>`, whose classes describe the page (`single-post comments-open`).
    pub chrome_marked: bool,
}

impl NameFacts {
    /// The facts from the element's tag, what its class attribute says (its tokens come first) and its id.
    /// Chrome by word: a cookie or consent banner word anywhere in a name token (`avia_cookie_text`); else a
    /// chrome word as the first or last part of a token (`footer`, `site-footer`, `nav_main`, `left-menu`) that
    /// names no content (`sidebar-and-content-body` is not chrome); the first token that decides, decides.
    fn from_parts(el: &Element, class: Option<ClassFacts>, id: Option<&str>) -> NameFacts {
        // `Some(kind)` once the tag or a token has decided what chrome the element is (`Some(None)`: none).
        // Interned names compared (one integer each): every element of the page is asked.
        let mut decided: Option<Option<Chrome>> = match el.name.local {
            local_name!("nav") => Some(Some(Chrome::Navigation)),
            local_name!("footer") | local_name!("aside") => Some(Some(Chrome::Other)),
            // Page-level wrappers carry state classes (`has-nav-menu`) that say nothing about their content.
            local_name!("html")
            | local_name!("body")
            | local_name!("main")
            | local_name!("article")
            | local_name!("section")
            | local_name!("form") => Some(None),
            _ => None,
        };
        let markable = !matches!(el.name.local, local_name!("html") | local_name!("body"));
        let mut marked = false;
        if let Some(class) = class {
            marked |= class.marked;
            if decided.is_none() {
                decided = class.chrome.map(Some);
            }
        }
        // The id is one token, whitespace and all.
        if let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) {
            let (kind, id_marked) = token_facts(id);
            marked |= id_marked;
            if decided.is_none() {
                decided = kind.map(Some);
            }
        }
        NameFacts {
            chrome: decided.flatten(),
            chrome_marked: marked && markable,
        }
    }
}

/// What one class attribute says, token by token as [`NameFacts::from_parts`] reads them, and whether it hides the
/// element ([`dom::class_hides`]).
#[derive(Debug, Clone, Copy)]
struct ClassFacts {
    /// The chrome named by the first of its tokens that names one.
    chrome: Option<Chrome>,
    /// A part of one of its tokens is a [`CHROME_MARKERS`] word.
    marked: bool,
    hides: bool,
}

impl ClassFacts {
    fn of(class: &str) -> ClassFacts {
        let (mut chrome, mut marked) = (None, false);
        for token in class_words(class) {
            let (kind, token_marked) = token_facts(token);
            marked |= token_marked;
            chrome = chrome.or(kind);
            if chrome.is_some() && marked {
                break;
            }
        }
        ClassFacts {
            chrome,
            marked,
            hides: class_hides(class),
        }
    }
}

/// The chrome a class or id token names, and whether a part of it is a chrome marker: each part (split at `-`
/// and `_`) looked up once in the word lists.
fn token_facts(token: &str) -> (Option<Chrome>, bool) {
    let (mut any, mut first, mut last, mut parts) = (0u8, 0u8, 0u8, 0usize);
    // Split at the ASCII bytes `-` and `_` (a split never cuts a character).
    for word in token.as_bytes().split(|b| matches!(b, b'-' | b'_')) {
        let class = name_word_class(word);
        any |= class;
        if parts == 0 {
            first = class;
        } else {
            last = class;
        }
        parts += 1;
    }
    (token_chrome(any, first, last, parts), any & MARKER != 0)
}

/// The attributes [`NameReader`] reads, found in one pass over the element's attributes.
#[derive(Default)]
struct Names<'a> {
    /// The class and id attributes (the last of each, as [`dom::name_tokens`] reads them).
    class: Option<&'a str>,
    id: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    /// More than one class or style attribute: the hidden test reads every one ([`dom::is_hidden`]).
    repeated: bool,
}

impl<'a> Names<'a> {
    fn of(el: &'a Element) -> Names<'a> {
        let mut names = Names::default();
        // Attribute names compared as interned names (one integer each): every element is asked.
        for (name, value) in el.attrs.iter() {
            match name.local {
                local_name!("class") => {
                    names.repeated |= names.class.is_some();
                    names.class = Some(&**value);
                }
                local_name!("id") => names.id = Some(&**value),
                local_name!("style") => {
                    names.repeated |= names.style.is_some();
                    names.style = Some(&**value);
                }
                local_name!("hidden") => names.hidden = true,
                _ => {}
            }
        }
        names
    }
}

/// The analysis walk's reader of element names: an element's attributes are read in one pass for both its
/// hidden state and its [`NameFacts`], and each distinct class attribute of the page is split and looked up
/// once (a template repeats a few class values on hundreds of elements: `news_list`, `clearfix`).
#[derive(Default)]
pub struct NameReader<'a> {
    classes: rustc_hash::FxHashMap<&'a str, ClassFacts>,
}

/// One element as [`NameReader::read`] found it.
pub struct ReadElement<'a> {
    el: &'a Element,
    names: Names<'a>,
    class: Option<ClassFacts>,
}

impl<'a> NameReader<'a> {
    /// Read the element's attributes (its class looked up once per page).
    pub fn read(&mut self, el: &'a Element) -> ReadElement<'a> {
        let names = Names::of(el);
        let class = names
            .class
            .map(|c| *self.classes.entry(c).or_insert_with(|| ClassFacts::of(c)));
        ReadElement { el, names, class }
    }
}

impl ReadElement<'_> {
    /// What [`dom::skip_subtree`] says of the element.
    pub fn skipped(&self) -> bool {
        if is_skipped(&self.el.name.local) {
            return true;
        }
        if self.names.repeated {
            return is_hidden(self.el);
        }
        self.names.hidden
            || self.class.is_some_and(|c| c.hides)
            || self.names.style.is_some_and(style_hides)
    }

    /// What the element's tag, class and id say of it.
    pub fn facts(&self) -> NameFacts {
        NameFacts::from_parts(self.el, self.class, self.names.id)
    }
}

/// The chrome one class or id token names, from the classes of its parts: all of them (`any`), the first and
/// the last (when there are several).
fn token_chrome(any: u8, first: u8, last: u8, parts: usize) -> Option<Chrome> {
    if any & BANNER != 0 {
        return Some(Chrome::Banner);
    }
    if any & CONTENT != 0 {
        return None;
    }
    let hit = if first & CHROME != 0 {
        first
    } else if parts > 1 && last & CHROME != 0 {
        last
    } else {
        return None;
    };
    Some(if hit & NAVIGATION != 0 {
        Chrome::Navigation
    } else {
        Chrome::Other
    })
}

/// Bits of [`name_word_class`]: the word lists a class/id word is in.
const BANNER: u8 = 1;
const CONTENT: u8 = 2;
const CHROME: u8 = 4;
const NAVIGATION: u8 = 8;
const MARKER: u8 = 16;

/// The word lists of [`name_word_class`], each with its bit.
const NAME_WORD_LISTS: [(u8, &[&str]); 5] = [
    (BANNER, &BANNER_WORDS),
    (CONTENT, &CONTENT_NAME_WORDS),
    (CHROME, &CHROME_NAME_WORDS),
    (NAVIGATION, &NAVIGATION_NAME_WORDS),
    (MARKER, &CHROME_MARKERS),
];

/// Which of the banner, content, chrome, navigation and chrome-marker word lists hold `word` (ASCII case
/// ignored).
fn name_word_class(word: &[u8]) -> u8 {
    static CLASSES: LazyLock<NameWords> = LazyLock::new(|| NameWords::new(&NAME_WORD_LISTS));
    CLASSES.class(word)
}

/// The pre-order spans (element numbers, as in `SubtreeStats::pre`) of the outermost elements that
/// [`NameFacts::chrome_marked`] marks, in document order: an element inside one needs no look at its own names.
#[derive(Debug, Clone, Default)]
pub struct ChromeSpans(Vec<(usize, usize)>);

impl ChromeSpans {
    /// Record a marked element's span (its number, and the number of the last element inside it).
    pub(super) fn push(&mut self, start: usize, end: usize) {
        self.0.push((start, end));
    }

    /// Whether the element numbered `pre` is a chrome-marked element or inside one.
    pub fn contains(&self, pre: usize) -> bool {
        let i = self.0.partition_point(|(start, _)| *start <= pre);
        i > 0 && self.0[i - 1].1 >= pre
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::{name_tokens, skip_subtree};

    /// The reader says what the hidden test and a token-by-token read of the element's names say, with each
    /// class attribute read once for the page.
    #[test]
    fn reader_reads_as_each_element_read_alone() {
        let page = r#"<html class="has-nav-menu"><body class="single-post comments-open">
            <div class="footer"><p class="footer">a</p><p class="x footer">b</p></div>
            <nav class="content">c</nav><div id=" site-footer " class="sidebar-and-content-body">d</div>
            <div class="avia_cookie_text">e</div><ul class="left-menu nav_main"><li class="comments">f</li></ul>
            <span class="sr-only">g</span><span class="sr-only">h</span><p hidden>i</p>
            <p style="display: none">j</p><p style="color:red" class="d-none widget">k</p>
            <div class="NAV"><script>l</script></div><aside class="">m</aside><div class="  ">n</div>
            <svg class="menu"><title>o</title></svg><div class="菜单 footer">p</div></body></html>"#;
        let doc = scraper::Html::parse_document(page);
        let mut reader = NameReader::default();
        let mut classes = rustc_hash::FxHashSet::default();
        for node in doc.tree.root().descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            classes.extend(el.attr("class"));
            let read = reader.read(el);
            assert_eq!(read.skipped(), skip_subtree(el), "{el:?}");
            // The names read token by token, as before the reader.
            let mut decided = match NameFacts::from_parts(el, None, None).chrome {
                Some(kind) => Some(Some(kind)),
                None if matches!(
                    el.name(),
                    "html" | "body" | "main" | "article" | "section" | "form"
                ) =>
                {
                    Some(None)
                }
                None => None,
            };
            let mut marked = false;
            for token in name_tokens(el) {
                let (kind, token_marked) = token_facts(token);
                marked |= token_marked;
                if decided.is_none() {
                    decided = kind.map(Some);
                }
            }
            let facts = read.facts();
            assert_eq!(facts.chrome, decided.flatten(), "{el:?}");
            assert_eq!(
                facts.chrome_marked,
                marked && !matches!(el.name(), "html" | "body"),
                "{el:?}"
            );
        }
        assert_eq!(reader.classes.len(), classes.len(), "each class read once");
    }
}
