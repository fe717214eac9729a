//! What an element's class and id words say about it, read in one split of its names during the analysis walk:
//! whether it is page chrome and of which kind (the analysis' block weights), and whether a [`CHROME_MARKERS`]
//! word names it (the body chooser's chrome spans, [`ChromeSpans`]). Each part of a name (split at `-` and `_`)
//! is looked up once, in one table that holds every list with a bit of its own; before, the body chooser walked
//! the page a second time to split every element's names again.

use std::sync::LazyLock;

use html5ever::local_name;
use scraper::node::Element;

use super::vocabulary::{
    BANNER_WORDS, CHROME_MARKERS, CHROME_NAME_WORDS, CONTENT_NAME_WORDS, NAVIGATION_NAME_WORDS,
};
use crate::extract::dom::name_tokens;
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
    /// Page chrome by tag (`footer`, `nav`, `aside`) or by a class/id word ([`NameFacts::of`] says which words).
    pub chrome: Option<Chrome>,
    /// A part of a class name or of the id is a [`CHROME_MARKERS`] word (comments, sidebars, menus, footers …);
    /// never for `<html>` and `<body>`, whose classes describe the page (`single-post comments-open`).
    pub chrome_marked: bool,
}

impl NameFacts {
    /// Read the element's tag and split its class and id once. Chrome by word: a cookie or consent banner word
    /// anywhere in a name token (`avia_cookie_text`); else a chrome word as the first or last part of a token
    /// (`footer`, `site-footer`, `nav_main`, `left-menu`) that names no content (`sidebar-and-content-body` is
    /// not chrome); the first token that decides, decides.
    pub fn of(el: &Element) -> NameFacts {
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
        for token in name_tokens(el) {
            // Each part of the token (split at `-` and `_`) is looked up once in the word lists.
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
            marked |= any & MARKER != 0;
            if decided.is_none() {
                decided = token_chrome(any, first, last, parts).map(Some);
            }
            if decided.is_some() && (marked || !markable) {
                break;
            }
        }
        NameFacts {
            chrome: decided.flatten(),
            chrome_marked: marked && markable,
        }
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
