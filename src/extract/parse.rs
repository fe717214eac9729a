//! Parsing with a bound. The HTML parsing algorithm can build far more elements than a page has tags: every
//! unclosed formatting tag (`<font color=…>` with a new colour each time) is re-opened after each paragraph
//! that closes it, so 4,900 of them on a 215 KB page make 12 million elements (13 s and 2 GB in a release
//! build). The parser builds into a [`Bounded`] tree that stops growing once it holds what the memory budget
//! allows for a page of that size ([`max_nodes`]): past that, the parser gets placeholder handles that cost
//! nothing, and the page, fed in small pieces, is abandoned at the end of the piece. Before that, a byte scan
//! refuses a page that keeps more than [`MAX_OPEN_FORMATTING`] distinct formatting tags open at once: the parser
//! compares each new one with every open one, which alone costs a second for 5,000 of them. Such a page fails
//! with the reason, as a page nested too deep does, and nothing else is affected.

use std::borrow::Cow;
use std::cell::Cell;

use ego_tree::NodeId;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, LocalName, Namespace, QualName};
use scraper::{Html, HtmlTreeSink, StrTendril};

/// Memory a page may cost: this many times its size …
pub const MEMORY_PER_BYTE: usize = 20;
/// … plus this much, for the fixed costs of a small page.
pub const MEMORY_BASE: usize = 64 * 1024 * 1024;
/// What one element or text node costs through extraction (the tree, the analysis, the rendering): about 350
/// bytes measured on the densest legitimate markup, a megabyte of bare `<p>x`, rounded up.
const BYTES_PER_NODE: usize = 400;
/// Bytes fed to the parser at a time: once the tree is full, the rest of the piece is parsed into placeholders
/// (at most a thousand paragraphs re-opening at most [`MAX_OPEN_FORMATTING`] tags each: about 0.1 s), then the
/// page is abandoned. Smaller pieces cost more on every page (1 KB pieces: 3% of the parse).
const PIECE_BYTES: usize = 4096;

/// The most nodes the tree of a page of `len` bytes (decoded) may hold.
pub fn max_nodes(len: usize) -> usize {
    (MEMORY_PER_BYTE.saturating_mul(len) + MEMORY_BASE) / BYTES_PER_NODE
}

/// Distinct formatting tags a page may keep open at once. The pages of ../shared/corpus keep at most 10; the
/// parser's cost grows with the square of this number.
pub const MAX_OPEN_FORMATTING: usize = 500;

/// Formatting elements the parser re-opens after a block closes them (`<a>` is left out: a new one closes the
/// last). What [`open_formatting`] counts.
const FORMATTING: [&[u8]; 13] = [
    b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike", b"strong",
    b"tt", b"u",
];

/// The longest tag name [`open_formatting`] looks for (`script`, `strike`, `strong`), in bytes.
const NAME_MAX_BYTES: usize = 6;

/// A tag name of at most 8 ASCII letters and digits, lower-cased and packed into an integer (first letter in the
/// lowest byte): a name read from the page is compared with each name looked for in one instruction.
const fn pack(name: &[u8]) -> u64 {
    let mut packed = 0u64;
    let mut i = 0;
    while i < name.len() {
        packed |= (name[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    packed
}

/// [`FORMATTING`], packed ([`pack`]).
const FORMATTING_PACKED: [u64; FORMATTING.len()] = {
    let mut packed = [0u64; FORMATTING.len()];
    let mut i = 0;
    while i < FORMATTING.len() {
        packed[i] = pack(FORMATTING[i]);
        i += 1;
    }
    packed
};

/// The first letters (either case) of the tag names [`open_formatting`] looks at: [`FORMATTING`], `script` and
/// `style`.
const LOOKED_FOR_FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < FORMATTING.len() {
        let first = FORMATTING[i][0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table[b's' as usize] = true;
    table[b'S' as usize] = true;
    table
};

/// Parse `text` as a document, unless its tree grows past [`max_nodes`]; the error says why.
pub fn document(text: &str) -> Result<Html, String> {
    let open = open_formatting(text.as_bytes());
    if open > MAX_OPEN_FORMATTING {
        return Err(format!(
            "the page keeps {open} distinct formatting tags (<font>, <b> …) open at once, over the \
             {MAX_OPEN_FORMATTING} allowed: parsing it would cost many times its size; the page is broken or \
             hostile: fix or remove it"
        ));
    }
    let limit = max_nodes(text.len());
    let sink = Bounded {
        inner: HtmlTreeSink::new(Html::new_document()),
        limit,
        nodes: Cell::new(0),
        next_placeholder: Cell::new(0),
    };
    let mut parser = html5ever::parse_document(sink, Default::default());
    // One shared buffer; each piece is a view of it (no copy per piece).
    let whole = StrTendril::from_slice(text);
    let mut at = 0usize;
    while at < text.len() {
        let mut end = (at + PIECE_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let view = match (u32::try_from(at), u32::try_from(end - at)) {
            (Ok(offset), Ok(len)) => whole.subtendril(offset, len),
            _ => StrTendril::from_slice(&text[at..end]),
        };
        parser.process(view);
        at = end;
        if parser.tokenizer.sink.sink.full() {
            return Err(format!(
                "the page makes too many elements: over the {limit} its size allows after {at} of its {} bytes \
                 (unclosed formatting tags such as <font> re-opened at every paragraph?); the page is broken or \
                 hostile: fix or remove it",
                text.len()
            ));
        }
    }
    Ok(parser.finish())
}

/// The most formatting tags open at once, as the parser keeps them: a start tag opens one, an end tag closes the
/// last of its name, and at most three open ones of identical markup count (the parser keeps no more). A byte
/// scan that skips comments, scripts and styles; it never parses.
pub fn open_formatting(bytes: &[u8]) -> usize {
    let mut identical: rustc_hash::FxHashMap<&[u8], usize> = Default::default();
    let mut open_by_name: Vec<Vec<&[u8]>> = vec![Vec::new(); FORMATTING.len()];
    let (mut open, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        // Most tags (`div`, `a`, `p`, `td`, `span` …) are rejected by their first letter.
        if !rest
            .get(name_start)
            .is_some_and(|b| LOOKED_FOR_FIRST[usize::from(*b)])
        {
            continue;
        }
        // Every name looked for is 1 to [`NAME_MAX_BYTES`] letters long: most tags are rejected by their length.
        let (mut packed, mut name_len) = (0u64, 0usize);
        for &b in &rest[name_start..] {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            if name_len == NAME_MAX_BYTES {
                name_len += 1;
                break;
            }
            packed |= u64::from(b.to_ascii_lowercase()) << (8 * name_len);
            name_len += 1;
        }
        if name_len == 0 || name_len > NAME_MAX_BYTES {
            continue;
        }
        let name = &rest[name_start..name_start + name_len];
        let end = || memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
        if !closing && (packed == pack(b"script") || packed == pack(b"style")) {
            let end = end();
            i += skip_raw_text(&rest[end..], name) + end;
            continue;
        }
        let Some(kind) = FORMATTING_PACKED.iter().position(|f| packed == *f) else {
            continue;
        };
        if closing {
            if let Some(key) = open_by_name[kind].pop() {
                let n = identical.entry(key).or_default();
                *n = n.saturating_sub(1);
                if *n < 3 {
                    open = open.saturating_sub(1);
                }
            }
        } else {
            let key = &rest[..end()];
            let n = identical.entry(key).or_default();
            if *n < 3 {
                open += 1;
                max = max.max(open);
            }
            *n += 1;
            open_by_name[kind].push(key);
        }
    }
    max
}

/// Bytes of a script's or style's text up to its end tag (`</script`, any case), or all of them.
fn skip_raw_text(bytes: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[at..]) {
        at += off + 1;
        let tail = &bytes[at..];
        if tail.first() == Some(&b'/')
            && tail.len() > name.len()
            && tail[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return at;
        }
    }
    bytes.len()
}

/// A node the tree holds, or a placeholder handed out once the tree is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Node(NodeId),
    Placeholder(u64),
}

/// What the parser holds for a node: where it is, and the element's name. The parser asks for an open element's
/// name about 23 times per element (every scope test walks the stack of open elements): carried in the handle,
/// the name is read there instead of through the tree's `RefCell` and node lookup each time. Nodes that are no
/// elements (the document, comments) carry the empty name; the parser never asks for theirs.
#[derive(Debug, Clone)]
pub struct Handle {
    slot: Slot,
    ns: Namespace,
    local: LocalName,
}

impl Handle {
    /// A node of the tree that is no element.
    fn other(id: NodeId) -> Handle {
        Handle {
            slot: Slot::Node(id),
            ns: Namespace::default(),
            local: LocalName::default(),
        }
    }

    fn node(&self) -> Option<NodeId> {
        match self.slot {
            Slot::Node(id) => Some(id),
            Slot::Placeholder(_) => None,
        }
    }
}

/// scraper's tree sink, stopped at `limit` nodes.
pub struct Bounded {
    inner: HtmlTreeSink,
    limit: usize,
    /// Nodes created (elements, texts, comments), counted before they are made.
    nodes: Cell<usize>,
    next_placeholder: Cell<u64>,
}

impl Bounded {
    /// Whether the tree is full (placeholders have been handed out).
    fn full(&self) -> bool {
        self.nodes.get() > self.limit
    }

    /// Count one more node; false when there is no room for it.
    fn room(&self) -> bool {
        self.nodes.set(self.nodes.get() + 1);
        !self.full()
    }

    fn placeholder(&self, ns: Namespace, local: LocalName) -> Handle {
        let id = self.next_placeholder.get();
        self.next_placeholder.set(id + 1);
        Handle {
            slot: Slot::Placeholder(id),
            ns,
            local,
        }
    }

    /// The child as the inner sink takes it; `None` when it is (or would make) a node that does not fit.
    fn child(&self, child: NodeOrText<Handle>) -> Option<NodeOrText<NodeId>> {
        match child {
            NodeOrText::AppendNode(handle) => handle.node().map(NodeOrText::AppendNode),
            NodeOrText::AppendText(text) => self.room().then_some(NodeOrText::AppendText(text)),
        }
    }
}

fn node(handle: &Handle) -> Option<NodeId> {
    handle.node()
}

/// Every call goes to scraper's sink with the node ids; one that involves a placeholder is dropped (the tree
/// is abandoned anyway).
impl TreeSink for Bounded {
    type Handle = Handle;
    type Output = Html;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> Handle {
        Handle::other(self.inner.get_document())
    }

    #[inline]
    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        ExpandedName {
            ns: &target.ns,
            local: &target.local,
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let (ns, local) = (name.ns.clone(), name.local.clone());
        if self.room() {
            Handle {
                slot: Slot::Node(self.inner.create_element(name, attrs, flags)),
                ns,
                local,
            }
        } else {
            self.placeholder(ns, local)
        }
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        if self.room() {
            Handle::other(self.inner.create_comment(text))
        } else {
            self.placeholder(Namespace::default(), LocalName::default())
        }
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        if self.room() {
            Handle::other(self.inner.create_pi(target, data))
        } else {
            self.placeholder(Namespace::default(), LocalName::default())
        }
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        if let (Some(parent), Some(child)) = (node(parent), self.child(child)) {
            self.inner.append(&parent, child);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if let (Some(element), Some(prev), Some(child)) =
            (node(element), node(prev), self.child(child))
        {
            self.inner
                .append_based_on_parent_node(&element, &prev, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, target: &Handle) {
        if let Some(id) = node(target) {
            self.inner.mark_script_already_started(&id);
        }
    }

    fn pop(&self, target: &Handle) {
        if let Some(id) = node(target) {
            self.inner.pop(&id);
        }
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match node(target) {
            Some(id) => Handle::other(self.inner.get_template_contents(&id)),
            None => target.clone(),
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.slot == y.slot
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        if let (Some(sibling), Some(child)) = (node(sibling), self.child(new_node)) {
            self.inner.append_before_sibling(&sibling, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Some(id) = node(target) {
            self.inner.add_attrs_if_missing(&id, attrs);
        }
    }

    fn associate_with_form(
        &self,
        target: &Handle,
        form: &Handle,
        nodes: (&Handle, Option<&Handle>),
    ) {
        let prev = nodes.1.map(node);
        if let (Some(target), Some(form), Some(element)) = (node(target), node(form), node(nodes.0))
            && prev.is_none_or(|p| p.is_some())
        {
            let prev = prev.flatten();
            self.inner
                .associate_with_form(&target, &form, (&element, prev.as_ref()));
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        if let Some(id) = node(target) {
            self.inner.remove_from_parent(&id);
        }
    }

    fn reparent_children(&self, from: &Handle, to: &Handle) {
        if let (Some(from), Some(to)) = (node(from), node(to)) {
            self.inner.reparent_children(&from, &to);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, target: &Handle) -> bool {
        node(target).is_some_and(|id| self.inner.is_mathml_annotation_xml_integration_point(&id))
    }

    fn set_current_line(&self, line: u64) {
        self.inner.set_current_line(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_parse_as_scraper_parses_them() {
        let page = "<html><head><title>标题</title></head><body><p>一段<b>文字</b>。<table><tr><td>格</td></tr></table>\
                    <form><input name=a></form><template><p>x</p></template><svg><title>t</title></svg>";
        let ours = document(page).unwrap();
        let theirs = Html::parse_document(page);
        assert_eq!(ours.html(), theirs.html());
        // A multi-byte character across a piece boundary.
        let long = format!("<p>{}</p>", "汉".repeat(1_000));
        assert_eq!(
            document(&long).unwrap().html(),
            Html::parse_document(&long).html()
        );
    }

    #[test]
    fn open_formatting_tags_are_counted_as_the_parser_keeps_them() {
        let cases: [(&str, usize); 6] = [
            ("<b>a</b><i>b</i><font color=red>c</font>", 1),
            (
                "<font face=宋体><font face=宋体><font face=宋体><font face=宋体><font face=宋体>",
                3,
            ),
            (
                "<font color=1><font color=2><font color=3><font color=4></font></font>",
                4,
            ),
            (
                "<!-- <b><b id=1><b id=2> --><script>var s='<b id=3><b id=4>';</script><b>",
                1,
            ),
            ("<a href=1><a href=2><a href=3>", 0),
            ("<STRONG><Em><u>x</U></em>", 3),
        ];
        for (html, want) in cases {
            assert_eq!(open_formatting(html.as_bytes()), want, "{html}");
        }
        let bomb: String = (0..600)
            .map(|i| format!("<font color=\"#{i:06x}\">"))
            .collect();
        assert!(
            document(&bomb)
                .unwrap_err()
                .contains("600 distinct formatting tags")
        );
    }

    #[test]
    fn formatting_tags_reopened_at_every_paragraph_are_stopped() {
        // Under the open-tag limit, but re-opened at each of 30,000 paragraphs: the tree fills, the page fails.
        let mut bomb = String::from("<p>");
        for i in 0..MAX_OPEN_FORMATTING - 1 {
            bomb.push_str(&format!("<font color=\"#{i:06x}\">"));
        }
        bomb.push_str(&"<p>x".repeat(30_000));
        let err = document(&bomb).unwrap_err();
        assert!(err.contains("too many elements"), "{err}");
        // Over the limit: refused before parsing.
        let page: String = (0..4_900)
            .map(|i| format!("<font color=\"#{i:06x}\"><p>第{i}段文字。"))
            .collect();
        let err = document(&page).unwrap_err();
        assert!(err.contains("4900 distinct formatting tags"), "{err}");
    }
}
