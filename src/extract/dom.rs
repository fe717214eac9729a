//! Small read-only helpers over the parsed DOM (scraper/html5ever). Everything here walks iteratively — deeply
//! nested legacy markup must never overflow the stack — and skips content a reader never sees (scripts, styles,
//! hidden elements, form controls).

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use html5ever::{LocalName, local_name};
use scraper::Node;
use scraper::node::Element;

use std::sync::LazyLock;

use super::name_words::NameWords;
use crate::normalize::text::fold;

/// Elements that start a new line of text (block-level in legacy rendering). Names are compared as interned
/// names (one integer each), not as text: every walk asks every element.
pub fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hr")
            | local_name!("li")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("td")
            | local_name!("th")
            | local_name!("tr")
            | local_name!("ul")
            | local_name!("html")
            | local_name!("caption")
            | local_name!("frameset")
            | local_name!("noframes")
    )
}

/// Elements whose content is never article text (interned names compared, as in [`is_block`]).
pub fn is_skipped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("head")
            | local_name!("title")
            | local_name!("select")
            | local_name!("option")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("map")
            | local_name!("input")
            | local_name!("meta")
            | local_name!("link")
            // Ruby annotations: the reading printed above a character (`<ruby>漢<rt>かん</rt></ruby>`), not text of
            // its own; kept, it splits every annotated word in two.
            | local_name!("rt")
            | local_name!("rp")
    )
}

/// An attribute's value, found by scanning the element's attributes: unlike `Element::attr`, this does not intern
/// the name on every call (measurably cheaper on the hot path, where every element is asked several times).
pub fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Utility classes that hide an element from readers (screen-reader texts, collapsed boxes).
const HIDING_CLASSES: [&str; 7] = [
    "hidden",
    "!hidden",
    "d-none",
    "element-invisible",
    "visually-hidden",
    "sr-only",
    "screen-reader-text",
];

/// Whether inline style or attributes hide the element. Attribute names are compared as interned names (one
/// integer each), not as text: every element of the page is asked.
pub fn is_hidden(el: &Element) -> bool {
    el.attrs.iter().any(|(name, value)| match name.local {
        local_name!("hidden") => true,
        local_name!("style") => style_hides(value),
        local_name!("class") => class_hides(value),
        _ => false,
    })
}

/// Whether a class attribute names one of [`HIDING_CLASSES`] (ASCII case ignored).
pub(crate) fn class_hides(class: &str) -> bool {
    static HIDING: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&HIDING_CLASSES));
    let hides = |c: &[u8]| HIDING.class(c) != 0;
    if !class.is_ascii() {
        return class.split_whitespace().any(|c| hides(c.as_bytes()));
    }
    // An ASCII class splits at the bytes `split_whitespace` splits at (vertical tab included).
    class
        .as_bytes()
        .split(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        .any(hides)
}

/// `display: none` or `visibility: hidden` in an inline style, in any case and spacing; or a box that shows
/// nothing: clipped to no height or width (`height:0;overflow:hidden`), or text of size zero (`font:0/0 a`,
/// `font-size:0`) — the hidden notes portals leave for screen readers and scrapers.
pub(crate) fn style_hides(style: &str) -> bool {
    // Only a style with a zero, `none` or `hidden` in it (as written) is read further.
    if !style.contains('0')
        && !contains_ignore_ascii_case(style, "none")
        && !contains_ignore_ascii_case(style, "hidden")
    {
        return false;
    }
    // Declarations are compared with whitespace and ASCII case ignored, without building a folded copy: most
    // elements of a legacy page carry a style, and this runs for each of them. Each property is squeezed once
    // into a few bytes on the stack and matched; its value only when the property is one of these. A property
    // that cannot be one of them by its first letter (`color`, `margin`, `line-height` …) is not squeezed.
    let mut clipped = false;
    let mut no_box = false;
    let bytes = style.as_bytes();
    let mut from = 0;
    while from <= bytes.len() {
        // `;` and `:` are ASCII: the slices below never cut a character.
        let end = memchr::memchr(b';', &bytes[from..]).map_or(bytes.len(), |e| from + e);
        let decl = &style[from..end];
        from = end + 1;
        let Some(colon) = memchr::memchr(b':', decl.as_bytes()) else {
            continue;
        };
        let (prop, value) = (&decl[..colon], &decl[colon + 1..]);
        let first = prop
            .bytes()
            .find(|b| !b.is_ascii_whitespace() && *b != b'\x0b');
        if first.is_some_and(|b| {
            b.is_ascii() && !PROPERTY_FIRST_LETTERS.contains(&b.to_ascii_lowercase())
        }) {
            continue;
        }
        let zero = |v: &Squeezed| ["0", "0px", "0em", "0pt"].iter().any(|z| v.is(z));
        match Squeezed::of(prop).whole() {
            Some(b"display") if Squeezed::of(value).is("none") => return true,
            Some(b"visibility") if Squeezed::of(value).is("hidden") => return true,
            Some(b"overflow") if Squeezed::of(value).is("hidden") => clipped = true,
            Some(b"height" | b"width" | b"max-height") if zero(&Squeezed::of(value)) => {
                no_box = true;
            }
            Some(b"font-size") if zero(&Squeezed::of(value)) => return true,
            Some(b"font") => {
                let value = Squeezed::of(value);
                if value.starts("0/") || value.starts("0px/") {
                    return true;
                }
            }
            _ => {}
        }
    }
    clipped && no_box
}

/// The first letters of the properties [`style_hides`] reads: `display`, `visibility`, `overflow`, `height`,
/// `width`, `max-height`, `font-size`, `font`.
const PROPERTY_FIRST_LETTERS: [u8; 7] = [b'd', b'v', b'o', b'h', b'w', b'm', b'f'];

/// The first [`Squeezed::CAP`] characters of a text with whitespace left out, ASCII lower-cased (any other
/// character as a byte no ASCII word holds), and whether more followed: a style's property or value compared
/// with whitespace and ASCII case ignored.
struct Squeezed {
    bytes: [u8; Squeezed::CAP],
    len: usize,
    more: bool,
}

impl Squeezed {
    /// Longer than every property and value compared (`visibility`, `max-height`).
    const CAP: usize = 12;

    fn of(text: &str) -> Squeezed {
        let mut s = Squeezed {
            bytes: [0; Squeezed::CAP],
            len: 0,
            more: false,
        };
        // An ASCII text (nearly every style) is read by bytes: the same whitespace, no decoding.
        if text.is_ascii() {
            for &b in text.as_bytes() {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                    continue;
                }
                if s.len == Squeezed::CAP {
                    s.more = true;
                    break;
                }
                s.bytes[s.len] = b.to_ascii_lowercase();
                s.len += 1;
            }
            return s;
        }
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if s.len == Squeezed::CAP {
                s.more = true;
                break;
            }
            s.bytes[s.len] = if c.is_ascii() {
                (c as u8).to_ascii_lowercase()
            } else {
                0xff
            };
            s.len += 1;
        }
        s
    }

    /// All of the text, when it fits.
    fn whole(&self) -> Option<&[u8]> {
        (!self.more).then_some(&self.bytes[..self.len])
    }

    /// Whether the text is `want` (lower-case ASCII).
    fn is(&self, want: &str) -> bool {
        self.whole() == Some(want.as_bytes())
    }

    /// Whether the text starts with `want` (lower-case ASCII, at most [`Squeezed::CAP`] bytes).
    fn starts(&self, want: &str) -> bool {
        self.bytes[..self.len].starts_with(want.as_bytes())
    }
}

/// Whether a node's subtree should be skipped entirely when reading text.
pub fn skip_subtree(el: &Element) -> bool {
    is_skipped(&el.name.local) || is_hidden(el)
}

/// Case-insensitive (ASCII) substring test without allocating.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    find_ignore_ascii_case(haystack, needle).is_some()
}

/// Where `needle` first occurs in `haystack`, ASCII case ignored, without allocating.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    // Candidates are found by their first byte (either case) with memchr; only they are compared whole.
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = 0;
    while at <= last_start {
        let starts = &h[at..=last_start];
        let found = if lower == upper {
            memchr::memchr(lower, starts)
        } else {
            memchr::memchr2(lower, upper, starts)
        };
        let i = at + found?;
        if h[i + 1..i + n.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// The element's class names and id, as written (read from the attribute text: `Element::classes` would
/// intern every class name).
pub fn name_tokens<'a>(el: &'a Element) -> impl Iterator<Item = &'a str> + 'a {
    let mut class = None;
    let mut id = None;
    // Attribute names compared as interned names (one integer each): every element is asked.
    for (name, value) in el.attrs.iter() {
        match name.local {
            local_name!("class") => class = Some(&**value),
            local_name!("id") => id = Some(&**value),
            _ => {}
        }
    }
    class_words(class.unwrap_or("")).chain(id.map(str::trim).filter(|i| !i.is_empty()))
}

/// The words of a class attribute, split as `str::split_whitespace` splits them.
pub fn class_words(class: &str) -> impl Iterator<Item = &str> {
    Words { rest: class }
}

/// The words of a text split as `str::split_whitespace` splits it, reading ASCII by byte (class attributes are
/// ASCII nearly always) and decoding only other characters.
struct Words<'a> {
    rest: &'a str,
}

impl<'a> Words<'a> {
    /// Where the first character at or after `from` that is (`space`) or is not whitespace starts.
    fn first_where(&self, from: usize, space: bool) -> usize {
        let bytes = self.rest.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            let b = bytes[at];
            let (is_space, len) = if b.is_ascii() {
                (
                    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                    1,
                )
            } else {
                let c = self.rest[at..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            };
            if is_space == space {
                return at;
            }
            at += len;
        }
        bytes.len()
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.first_where(0, false);
        if start == self.rest.len() {
            self.rest = "";
            return None;
        }
        let end = self.first_where(start, true);
        let word = &self.rest[start..end];
        self.rest = &self.rest[end..];
        Some(word)
    }
}

/// The readable text of a subtree with element boundaries as spaces, whitespace folded. Used for short things
/// (titles, metadata lines, breadcrumbs), where `<span>来源：X</span><span>时间：Y</span>` must not glue together.
pub fn spaced_text(node: NodeRef<'_, Node>) -> String {
    text_of(node, |_| true)
}

/// The readable text of a subtree as a browser would run it together: spaces only at blocks and `<br>`.
pub fn flowing_text(node: NodeRef<'_, Node>) -> String {
    text_of(node, |el| {
        el.name.local == local_name!("br") || is_block(&el.name.local)
    })
}

/// One step of a walk over the part of a subtree a reader sees: an element opens or closes, or a text node.
#[derive(Clone, Copy)]
pub enum Visible<'a> {
    Open(NodeRef<'a, Node>, &'a Element),
    Close(&'a Element),
    /// A text node and its text.
    Text(NodeRef<'a, Node>, &'a str),
}

/// The walk of [`visible_edges`]: the subtree in document order, elements that [`skip_subtree`] rejects left out
/// with everything below them. It counts the raw steps it takes (skipped ones included) and, given a bound
/// ([`VisibleEdges::bounded`]), stops after that many and says so ([`VisibleEdges::over_bound`]).
pub struct VisibleEdges<'a> {
    traverse: ego_tree::iter::Traverse<'a, Node>,
    root: ego_tree::NodeId,
    /// Subtrees left out besides the hidden ones ([`VisibleEdges::excluding`]); the root is never left out.
    exclude: Option<&'a rustc_hash::FxHashSet<ego_tree::NodeId>>,
    /// `exclude` holds text nodes too (a closing line inside a block): only then is a text node looked up.
    exclude_texts: bool,
    tree: &'a ego_tree::Tree<Node>,
    /// Elements open inside a skipped subtree (its root included); 0 outside one.
    skip_depth: usize,
    steps: usize,
    max_steps: usize,
    over: bool,
}

/// The visible part of a subtree as open, close and text steps (iteratively: deep legacy nesting never overflows
/// the stack), without scripts, styles, form controls and hidden elements.
pub fn visible_edges(root: NodeRef<'_, Node>) -> VisibleEdges<'_> {
    VisibleEdges {
        traverse: root.traverse(),
        root: root.id(),
        exclude: None,
        exclude_texts: false,
        tree: root.tree(),
        skip_depth: 0,
        steps: 0,
        max_steps: usize::MAX,
        over: false,
    }
}

impl<'a> VisibleEdges<'a> {
    /// The same walk, leaving out the subtrees of `exclude` too (the root's own id excepted), and its text nodes.
    pub fn excluding(mut self, exclude: &'a rustc_hash::FxHashSet<ego_tree::NodeId>) -> Self {
        self.exclude = Some(exclude);
        self.exclude_texts = exclude
            .iter()
            .any(|id| self.tree.get(*id).is_some_and(|n| n.value().is_text()));
        self
    }

    /// Whether the walk leaves out the element `n` and everything below it.
    fn leaves_out(&self, n: NodeRef<'_, Node>, el: &Element) -> bool {
        self.skip_depth > 0
            || self
                .exclude
                .is_some_and(|ex| n.id() != self.root && ex.contains(&n.id()))
            || skip_subtree(el)
    }

    /// The same walk, ended after `max_steps` raw steps (an open or a close of any node, skipped or not).
    pub fn bounded(mut self, max_steps: usize) -> Self {
        self.max_steps = max_steps;
        self
    }

    /// Whether the walk ended because the subtree has more steps than the bound.
    pub fn over_bound(&self) -> bool {
        self.over
    }
}

impl<'a> Iterator for VisibleEdges<'a> {
    type Item = Visible<'a>;

    fn next(&mut self) -> Option<Visible<'a>> {
        loop {
            let edge = self.traverse.next()?;
            self.steps += 1;
            if self.steps > self.max_steps {
                self.over = true;
                return None;
            }
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) => {
                        if self.leaves_out(n, el) {
                            self.skip_depth += 1;
                        } else {
                            return Some(Visible::Open(n, el));
                        }
                    }
                    // A text node can be left out on its own (a closing line inside a block of lines).
                    Node::Text(t)
                        if self.skip_depth == 0
                            && !(self.exclude_texts
                                && self.exclude.is_some_and(|ex| ex.contains(&n.id()))) =>
                    {
                        return Some(Visible::Text(n, t));
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(el) = n.value() {
                        if self.skip_depth > 0 {
                            self.skip_depth -= 1;
                        } else {
                            return Some(Visible::Close(el));
                        }
                    }
                }
            }
        }
    }
}

/// Nodes a bounded text length check visits at most: past them the text counts as long (a subtree that large
/// is never a short label).
const BOUNDED_TEXT_MAX_NODES: usize = 512;

/// Whether [`flowing_text`] of the subtree would be longer than `limit` characters, reading only as far as it
/// takes to know (or [`BOUNDED_TEXT_MAX_NODES`] nodes, after which it is taken as long).
pub fn flowing_text_exceeds(node: NodeRef<'_, Node>, limit: usize) -> bool {
    let mut len = 0usize;
    // A space is due before the next visible character (folding keeps one between words, none at the ends).
    let mut space = false;
    let push = |c: char, len: &mut usize, space: &mut bool| {
        if crate::normalize::text::is_invisible(c) {
            return;
        }
        if crate::normalize::text::is_space(c) {
            *space = *len > 0;
        } else {
            *len += 1 + usize::from(std::mem::take(space));
        }
    };
    let mut edges = visible_edges(node).bounded(2 * BOUNDED_TEXT_MAX_NODES);
    for edge in edges.by_ref() {
        match edge {
            Visible::Open(_, el) | Visible::Close(el) => {
                if el.name.local == local_name!("br") || is_block(&el.name.local) {
                    push(' ', &mut len, &mut space);
                }
            }
            Visible::Text(_, t) => {
                for c in t.chars() {
                    push(c, &mut len, &mut space);
                }
            }
        }
        if len > limit {
            return true;
        }
    }
    edges.over_bound()
}

/// Whether a node is a link element (`<a>`), compared by interned name.
pub fn is_anchor(node: NodeRef<'_, Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| e.name.local == local_name!("a"))
}

/// Whether a node is an element named one of `names` (`td`/`th`, `ul`/`ol`).
pub fn is_named(node: NodeRef<'_, Node>, names: &[&str]) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| names.contains(&e.name()))
}

/// Visible characters of a subtree's readable text (what `visible_len` counts of [`spaced_text`]), counted up to
/// `cap` (returned when reached) and over at most [`BOUNDED_TEXT_MAX_NODES`] nodes.
pub fn visible_chars_upto(node: NodeRef<'_, Node>, cap: usize) -> usize {
    let mut total = 0usize;
    // One step more than `flowing_text_exceeds` reads: the bound this count has always had.
    for edge in visible_edges(node).bounded(2 * BOUNDED_TEXT_MAX_NODES + 1) {
        if total >= cap {
            break;
        }
        if let Visible::Text(_, t) = edge {
            total += crate::normalize::text::visible_len(t);
        }
    }
    total.min(cap)
}

/// Visible text of a subtree, a space at the boundaries of elements `breaks` accepts, whitespace folded.
fn text_of(node: NodeRef<'_, Node>, breaks: impl Fn(&Element) -> bool) -> String {
    let mut raw = String::new();
    for edge in visible_edges(node) {
        match edge {
            Visible::Open(_, el) | Visible::Close(el) => {
                if breaks(el) {
                    raw.push(' ');
                }
            }
            Visible::Text(_, t) => raw.push_str(t),
        }
    }
    fold(&raw)
}

/// An element's text without the text of its links.
pub fn text_outside_links(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Some(t) = d.value().as_text()
            && !d
                .ancestors()
                .take_while(|a| a.id() != node.id())
                .any(is_anchor)
        {
            out.push_str(t);
            out.push(' ');
        }
    }
    fold(&out)
}

/// Whether `ancestor` is `node` or one of its ancestors.
pub fn is_within(node: NodeRef<'_, Node>, ancestor: ego_tree::NodeId) -> bool {
    node.id() == ancestor || node.ancestors().any(|a| a.id() == ancestor)
}

/// A fixed set of marker strings searched all at once (Aho-Corasick, ASCII case ignored): footer words in a
/// line, container class names in an element's class and id.
pub struct Markers {
    words: &'static [&'static str],
    automaton: aho_corasick::AhoCorasick,
}

impl Markers {
    pub fn new(words: &'static [&'static str]) -> Markers {
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("marker words build an automaton");
        Markers { words, automaton }
    }

    /// The first marker found in `text`.
    pub fn find_in(&self, text: &str) -> Option<&'static str> {
        self.automaton
            .find(text)
            .map(|m| self.words[m.pattern().as_usize()])
    }

    /// The first marker found in `text` as a word of its own: a Latin marker (`app`, `read more`) must not sit
    /// inside a longer Latin word (`schwappte`, `already`); Chinese markers match anywhere.
    pub fn find_word_in(&self, text: &str) -> Option<&'static str> {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        self.automaton.find_iter(text).find_map(|m| {
            let word = self.words[m.pattern().as_usize()];
            let inside = (latin(word.chars().next())
                && latin(text[..m.start()].chars().next_back()))
                || (latin(word.chars().next_back()) && latin(text[m.end()..].chars().next()));
            (!inside).then_some(word)
        })
    }

    /// The first marker found in the element's class names or id.
    pub fn in_names(&self, el: &Element) -> Option<&'static str> {
        name_tokens(el).find_map(|t| self.find_in(t))
    }
}

#[cfg(test)]
mod tests {
    use super::{Markers, Words, class_hides, contains_ignore_ascii_case, style_hides};

    /// The memchr search finds what a compare at every offset finds.
    #[test]
    fn contains_ignore_ascii_case_compares_at_every_offset() {
        let naive = |h: &str, n: &str| {
            n.is_empty()
                || h.as_bytes()
                    .windows(n.len())
                    .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        };
        let haystacks = [
            "",
            "a",
            "Display:NONE",
            "nonone",
            "nnone",
            "下一页 Next",
            "visibility : Hidden",
            "xx0/0",
            "页码 1/12",
        ];
        let needles = [
            "", "n", "none", "NONE", "hidden", "next", "0", "0/0", "页", "x1",
        ];
        for h in haystacks {
            for n in needles {
                assert_eq!(contains_ignore_ascii_case(h, n), naive(h, n), "{h:?} {n:?}");
            }
        }
    }

    /// Styles compared with whitespace and ASCII case ignored, whatever the spacing.
    #[test]
    fn styles_that_hide_an_element() {
        for (style, hides) in [
            ("display:none", true),
            ("DISPLAY : No ne;margin:0", true),
            ("margin:0;display:none !important", false),
            ("visibility: hidden", true),
            ("overflow:hidden;height:0px", true),
            ("overflow:hidden; max-height: 0", true),
            ("overflow:hidden;height:10px", false),
            ("width:0", false),
            ("font-size:0", true),
            ("font-size:0pt;color:red", true),
            ("font: 0/0 a", true),
            ("font:0px/0px a", true),
            ("font:10px/1 a", false),
            ("margin:0 auto", false),
            ("dis\u{3000}play:none", true),
            ("display:nöne", false),
            ("visibility:hiddenhidden", false),
        ] {
            assert_eq!(style_hides(style), hides, "{style}");
        }
    }

    /// Class words split as `split_whitespace` splits them, ASCII or not.
    #[test]
    fn words_split_as_split_whitespace() {
        for text in [
            "",
            "  ",
            "a",
            " nav  main_menu\tfooter\x0bx\x0cy\r\nz ",
            "新闻\u{3000}列表 a\u{a0}b\u{85}c",
            "\u{2000}é\u{2028}",
        ] {
            let words: Vec<&str> = Words { rest: text }.collect();
            assert_eq!(
                words,
                text.split_whitespace().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    /// Hiding classes in any case, split at ASCII whitespace (vertical tab included) and, in a class that is not
    /// ASCII, at any whitespace.
    #[test]
    fn classes_that_hide_an_element() {
        for (class, hides) in [
            ("sr-only", true),
            ("nav SR-Only", true),
            ("a\x0bhidden", true),
            ("a\u{3000}hidden", true),
            ("新闻 d-none", true),
            ("hidden-xs", false),
            ("unhidden", false),
            ("", false),
            ("新闻\u{3000}列表", false),
        ] {
            assert_eq!(class_hides(class), hides, "{class:?}");
        }
    }

    /// A Latin marker counts only as a word of its own; a Chinese one anywhere.
    #[test]
    fn marker_words_do_not_match_inside_latin_words() {
        static WORDS: [&str; 2] = ["app", "公众号"];
        let markers = Markers::new(&WORDS);
        assert_eq!(markers.find_word_in("Der Sog schwappte über"), None);
        assert_eq!(markers.find_word_in("Download our App today"), Some("app"));
        assert_eq!(markers.find_word_in("关注青松科协公众号"), Some("公众号"));
        // The plain search still finds both.
        assert_eq!(markers.find_in("schwappte"), Some("app"));
    }
}
