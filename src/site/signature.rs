//! What one page tells the site model, in a few kilobytes: a MinHash sketch of its layout skeleton (the set of
//! tag/class/id paths of its layout elements, never its text) to group it with the other pages of its
//! template; hashes of its text blocks, and of those that went into its body, to learn which blocks repeat;
//! where the generic extractor found each field (a hash of the element's path); and its page kind. The DOM is
//! dropped right after; only this [`Observation`] survives the page.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap as HashMap;
use scraper::{Html, Node};

use crate::extract::dom::{Visible, attr, visible_edges};

/// Number of MinHash values in a sketch: the similarity of two pages is estimated to about ±0.06 (1/√64),
/// enough to tell a template's pages (≥ 0.8) from another template's (usually ≤ 0.5).
pub const SKETCH_SIZE: usize = 64;

/// Layout elements deeper than this (from `<body>`) do not enter the skeleton: the layout of legacy templates
/// sits in the first dozen levels; deeper elements are content.
const SKELETON_MAX_DEPTH: usize = 24;

/// Levels below the body container that still count as layout (its own direct structure: a list's `ul > li`
/// against an article's paragraphs); deeper elements are the content itself, which varies from page to page.
const BODY_LAYOUT_LEVELS: usize = 2;

/// Text blocks kept per page for learning (the first and last halves when a page has more): chrome sits at
/// the top and bottom of legacy pages, and a few KB per page keeps the model's memory bounded.
pub const MAX_BLOCKS: usize = 384;

/// Body blocks kept per page (the first and last halves of a longer body: repeated blocks are looked for at
/// the body's edges).
pub const MAX_BODY_BLOCKS: usize = 2048;

/// Blocks shorter than this (visible characters) are not hashed: separators and single characters (`|`, `>`)
/// repeat everywhere and carry no template evidence.
const MIN_BLOCK_CHARS: usize = 2;

/// What the page is, as the generic extractor (or the mapping) decided on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservedKind {
    /// An article with a headline and a date shown as its own (or declared by a mapping): strong evidence.
    DatedArticle,
    /// An article on weaker evidence (text, attachments, images).
    Article,
    /// A list of links or records.
    List,
    /// No text worth a record (`no article text`, `no article body found`).
    Empty,
    /// Anything else the extractor skips (login page, frameset, a mapping's declaration): never changed.
    Other,
}

impl ObservedKind {
    pub fn is_article(self) -> bool {
        matches!(self, ObservedKind::DatedArticle | ObservedKind::Article)
    }

    pub fn name(self) -> &'static str {
        match self {
            ObservedKind::DatedArticle | ObservedKind::Article => "article",
            ObservedKind::List => "list",
            ObservedKind::Empty => "empty",
            ObservedKind::Other => "other",
        }
    }

    fn code(self) -> u8 {
        match self {
            ObservedKind::DatedArticle => 0,
            ObservedKind::Article => 1,
            ObservedKind::List => 2,
            ObservedKind::Empty => 3,
            ObservedKind::Other => 4,
        }
    }

    fn from_code(c: u8) -> ObservedKind {
        match c {
            0 => ObservedKind::DatedArticle,
            1 => ObservedKind::Article,
            2 => ObservedKind::List,
            3 => ObservedKind::Empty,
            _ => ObservedKind::Other,
        }
    }
}

/// The fields whose location the model learns, in the order of [`Observation::locations`]: the headline, the
/// metadata line, the body container and the breadcrumb, then the credits the page read from a labelled line of
/// their own ([`CREDITS`]: a reprint's closing 编辑 inside the text against the site's own 编辑 row).
pub const LOCATED: [&str; 7] = [
    "title",
    "meta",
    "body",
    "breadcrumb",
    "author",
    "editor",
    "source",
];

/// The credits of [`LOCATED`], in the order of [`crate::extract::generic::meta::CREDIT_KINDS`].
pub const CREDITS: [&str; 3] = ["author", "editor", "source"];

/// Index of a field in [`LOCATED`].
pub fn located(field: &str) -> usize {
    LOCATED
        .iter()
        .position(|f| *f == field)
        .expect("a located field")
}

/// The record fields whose fill rate the model keeps per template, in the order of the [`Observation::filled`]
/// bits.
pub const FILLED: [&str; 8] = [
    "title",
    "published",
    "author",
    "editor",
    "source",
    "category",
    "body_text",
    "attachments",
];

/// The [`Observation::filled`] bits of a record.
pub fn filled_bits(record: &crate::record::Record) -> u8 {
    FILLED
        .iter()
        .enumerate()
        .filter(|(_, f)| record.is_filled(f))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// One page, as the site model sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// MinHash of the layout skeleton.
    pub sketch: [u32; SKETCH_SIZE],
    /// Distinct text-block hashes of the page, in document order (at most [`MAX_BLOCKS`]).
    pub blocks: Vec<u64>,
    /// The blocks that went into the body, in order, as [`body_entry`] values (text hash, whether the block
    /// holds no text-bearing block of its own, so it can be left out alone, and its [`LineShape`]); at most [`MAX_BODY_BLOCKS`], the
    /// first and last halves of a longer body.
    pub body: Vec<u64>,
    /// Path hash of the element each field of [`LOCATED`] came from (0: none, or not from an element).
    pub locations: [u64; LOCATED.len()],
    /// Text hash of the page's title (0: none).
    pub title: u64,
    /// Bit i set: field i of [`LOCATED`] came from the mapping (the model never touches it).
    pub mapped: u8,
    pub kind: ObservedKind,
    /// Bit i set: field i of [`FILLED`] has a value (in the page's record, when it is exported).
    pub filled: u8,
    /// Bit i set: field i of [`FILLED`] was found by a label or a mapping (not guessed).
    pub labelled: u8,
}

impl Observation {
    pub fn has(&self, field: usize) -> bool {
        self.filled & (1 << field) != 0
    }

    /// A compact binary form (little-endian), for spools and the job store.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            SKETCH_SIZE * 4 + (self.blocks.len() + self.body.len() + LOCATED.len()) * 8 + 16,
        );
        out.push(FORMAT);
        out.push(self.kind.code());
        out.push(self.filled);
        out.push(self.labelled);
        out.push(self.mapped);
        for v in self.sketch {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in self.locations.iter().chain([&self.title]) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for list in [&self.blocks, &self.body] {
            out.extend_from_slice(&(list.len() as u32).to_le_bytes());
            for v in list {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Read [`Observation::to_bytes`] back; `None` for bytes of another format (an older sitelift).
    pub fn from_bytes(bytes: &[u8]) -> Option<Observation> {
        let mut r = Reader { bytes, at: 0 };
        if r.u8()? != FORMAT {
            return None;
        }
        let kind = ObservedKind::from_code(r.u8()?);
        let filled = r.u8()?;
        let labelled = r.u8()?;
        let mapped = r.u8()?;
        let mut sketch = [0u32; SKETCH_SIZE];
        for v in &mut sketch {
            *v = u32::from_le_bytes(r.take()?);
        }
        let mut locations = [0u64; LOCATED.len()];
        for v in &mut locations {
            *v = u64::from_le_bytes(r.take()?);
        }
        let title = u64::from_le_bytes(r.take()?);
        let mut list = || -> Option<Vec<u64>> {
            let n = u32::from_le_bytes(r.take()?) as usize;
            (0..n).map(|_| r.take().map(u64::from_le_bytes)).collect()
        };
        let blocks = list()?;
        let body = list()?;
        Some(Observation {
            sketch,
            blocks,
            body,
            locations,
            title,
            mapped,
            kind,
            filled,
            labelled,
        })
    }
}

/// Version byte of [`Observation::to_bytes`] (3: body entries carry their [`LineShape`], text hashes keep three
/// flag bits free). A job's observations of another format are observed again.
pub const FORMAT: u8 = 3;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let slice = self.bytes.get(self.at..self.at + N)?;
        self.at += N;
        slice.try_into().ok()
    }
}

/// A 64-bit mix (splitmix64's finalizer): spreads structured inputs over all bits, deterministically.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The low bits of a [`body_entry`] that carry flags rather than the text hash: bit 0 the leaf flag, bits 1–2
/// the block's [`LineShape`]. [`text_hash`] keeps them 0.
const ENTRY_FLAGS: u64 = 0b111;

/// Hash of a block's folded text (the text [`crate::extract::generic::analysis::Block::line`] holds). Its three
/// lowest bits are always 0: [`body_entry`] keeps its flags there.
pub fn text_hash(line: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(line.as_bytes());
    mix(h.finish()) & !ENTRY_FLAGS
}

/// What a block's text looks like as a label, from its text alone: the site model tells a field label still
/// waiting for its value (`电话：`) from a label that holds one (`电话：022-2350`) and from other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineShape {
    /// Neither (a heading, a paragraph, a value).
    Plain,
    /// A short label ending in a colon, with nothing after it: what follows it is its value.
    Label,
    /// A label and its value in one block (`名 称：南开大学`), or a sentence with a colon inside: it introduces
    /// nothing after it.
    Filled,
}

/// A label waiting for its value is shorter than this (visible characters): `办公地址：`, `Research Center：`,
/// `五、评审专家（单一来源采购人员）名单：` (19). A longer line ending in a colon is a sentence leading into the
/// text after it. (A short lead such as `通知如下：` has a label's shape; the model leaves a label out only when
/// the block right after it is another label or heading of the template, see [`super::boilerplate`].)
const LABEL_MAX_CHARS: usize = 24;

/// Marks of a sentence: a line holding one before its final colon is a sentence, not a field label.
const SENTENCE_MARKS: &[char] = &['，', '。', '；', '！', '？', ',', ';', '!', '?'];

impl LineShape {
    /// The shape of a block's line.
    pub fn of(line: &str) -> LineShape {
        let text = line.trim();
        let Some(at) = text.rfind(['：', ':']) else {
            return LineShape::Plain;
        };
        let (head, tail) = text.split_at(at);
        let tail = tail.trim_start_matches(['：', ':']).trim();
        if !tail.is_empty() {
            return LineShape::Filled;
        }
        if head.contains(SENTENCE_MARKS)
            || crate::normalize::text::visible_len(head) >= LABEL_MAX_CHARS
        {
            return LineShape::Filled;
        }
        LineShape::Label
    }

    fn code(self) -> u64 {
        match self {
            LineShape::Plain => 0,
            LineShape::Label => 1,
            LineShape::Filled => 2,
        }
    }
}

/// A body block as [`Observation::body`] keeps it: its text hash, the lowest bit set when it is a leaf, the
/// next two its [`LineShape`].
pub fn body_entry(hash: u64, leaf: bool, shape: LineShape) -> u64 {
    hash | u64::from(leaf) | shape.code() << 1
}

/// The text hash of a [`body_entry`].
pub fn entry_hash(entry: u64) -> u64 {
    entry & !ENTRY_FLAGS
}

/// Whether a [`body_entry`] is a leaf block.
pub fn entry_leaf(entry: u64) -> bool {
    entry & 1 == 1
}

/// The [`LineShape`] of a [`body_entry`].
pub fn entry_shape(entry: u64) -> LineShape {
    match (entry >> 1) & 0b11 {
        1 => LineShape::Label,
        2 => LineShape::Filled,
        _ => LineShape::Plain,
    }
}

/// The first and last halves of a list longer than `max`, in order.
pub fn ends<T>(mut list: Vec<T>, max: usize) -> Vec<T> {
    if list.len() > max {
        let tail = list.split_off(list.len() - max / 2);
        list.truncate(max - max / 2);
        list.extend(tail);
    }
    list
}

/// Whether a block line is long enough to be hashed.
pub fn hashable(line: &str) -> bool {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .nth(MIN_BLOCK_CHARS - 1)
        .is_some()
}

/// Hash of a string with digit runs folded into one `0`: per-record ids and numbered classes (`content_1234`,
/// `titlestyle5678`) name the same place on every page.
fn name_hash(h: &mut impl std::hash::Hasher, s: &str) {
    let mut digits = false;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            if !digits {
                h.write_u8(b'0');
            }
            digits = true;
        } else {
            digits = false;
            h.write_u8(b.to_ascii_lowercase());
        }
    }
    h.write_u8(0xff);
}

/// The step an element adds to a path: its tag, id and sorted class names (digit runs folded).
pub fn step_hash(el: &scraper::node::Element) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(el.name().as_bytes());
    h.write_u8(b'#');
    if let Some(id) = attr(el, "id") {
        name_hash(&mut h, id.trim());
    }
    if let Some(class) = attr(el, "class") {
        let mut classes: Vec<&str> = class.split_whitespace().collect();
        classes.sort_unstable();
        classes.dedup();
        for c in classes {
            h.write_u8(b'.');
            name_hash(&mut h, c);
        }
    }
    h.finish()
}

/// Combine a parent's path hash with a child's step (and its index among siblings with the same step).
fn child_path(parent: u64, step: u64, index: u32) -> u64 {
    mix(parent ^ step.rotate_left(17) ^ (u64::from(index) << 48 | 0x9e37))
}

/// The index of `node` among its preceding siblings with the same step (0 for the first).
fn same_step_index(node: NodeRef<'_, Node>, step: u64) -> u32 {
    node.prev_siblings()
        .filter(|s| s.value().as_element().is_some_and(|e| step_hash(e) == step))
        .count() as u32
}

/// The path hash of an element: every ancestor's step and index from the root. Pages of one template give the
/// element in the same place the same hash.
pub fn path_hash(node: NodeRef<'_, Node>) -> u64 {
    let mut chain: Vec<NodeRef<'_, Node>> = std::iter::once(node)
        .chain(node.ancestors())
        .filter(|n| n.value().is_element())
        .collect();
    chain.reverse();
    let mut h = 0u64;
    for n in chain {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        let step = step_hash(el);
        h = child_path(h, step, same_step_index(n, step));
    }
    h
}

/// Every element of the page by path hash (the first one when two share a path), for finding a template's
/// consensus location on a page.
pub fn elements_by_path(doc: &Html) -> HashMap<u64, NodeId> {
    let mut out: HashMap<u64, NodeId> = HashMap::default();
    // Per open element: its path hash and the count of its children seen so far per step.
    let mut stack: Vec<(u64, HashMap<u64, u32>)> = vec![(0, HashMap::default())];
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if let Some(el) = n.value().as_element() {
                    let step = step_hash(el);
                    let (parent, counts) = stack.last_mut().expect("the root frame");
                    let index = counts.entry(step).or_default();
                    let h = child_path(*parent, step, *index);
                    *index += 1;
                    out.entry(h).or_insert(n.id());
                    stack.push((h, HashMap::default()));
                }
            }
            Edge::Close(n) => {
                if n.value().is_element() {
                    stack.pop();
                }
            }
        }
    }
    out
}

/// Elements that make a page's layout (not inline formatting, not paragraphs).
fn is_layout(name: &str) -> bool {
    matches!(
        name,
        "body"
            | "div"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "section"
            | "article"
            | "main"
            | "form"
            | "iframe"
            | "frameset"
            | "frame"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "center"
    )
}

/// MinHash of the page's layout skeleton: the set of unindexed tag/class/id paths of its layout elements, the
/// body container's own structure included but not the content below it.
pub fn skeleton_sketch(doc: &Html, body_root: Option<NodeId>) -> [u32; SKETCH_SIZE] {
    let mut features: Vec<u64> = Vec::new();
    // Per open element: its unindexed path hash, and levels below the body root (None outside it).
    let mut stack: Vec<(u64, Option<usize>)> = vec![(0, None)];
    for step in visible_edges(doc.tree.root()) {
        match step {
            Visible::Open(n, el) => {
                let (parent, below) = *stack.last().expect("the root frame");
                let below = match below {
                    Some(l) => Some(l + 1),
                    None if Some(n.id()) == body_root => Some(0),
                    None => None,
                };
                let h = child_path(parent, step_hash(el), 0);
                if is_layout(el.name())
                    && stack.len() <= SKELETON_MAX_DEPTH
                    && below.is_none_or(|l| l <= BODY_LAYOUT_LEVELS)
                {
                    features.push(h);
                }
                stack.push((h, below));
            }
            Visible::Close(_) => {
                stack.pop();
            }
            Visible::Text(..) => {}
        }
    }
    features.sort_unstable();
    features.dedup();
    sketch_of(&features)
}

/// MinHash of a feature set: for each of [`SKETCH_SIZE`] hash functions, the smallest value over the set.
fn sketch_of(features: &[u64]) -> [u32; SKETCH_SIZE] {
    let mut sketch = [u32::MAX; SKETCH_SIZE];
    for &f in features {
        for (i, slot) in sketch.iter_mut().enumerate() {
            let v = (mix(f ^ SEEDS[i]) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    sketch
}

/// Per-function seeds of the sketch (fixed: sketches of different runs compare).
static SEEDS: std::sync::LazyLock<[u64; SKETCH_SIZE]> = std::sync::LazyLock::new(|| {
    let mut seeds = [0u64; SKETCH_SIZE];
    for (i, s) in seeds.iter_mut().enumerate() {
        *s = mix(0x5171_e1f7_0000_0000 + i as u64);
    }
    seeds
});

/// The share of sketch values two pages agree on: an estimate of the Jaccard similarity of their skeletons.
pub fn similarity(a: &[u32; SKETCH_SIZE], b: &[u32; SKETCH_SIZE]) -> f32 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f32 / SKETCH_SIZE as f32
}

/// Keep at most `max` distinct hashes, in order; over the limit, the first and last halves.
pub fn bounded(mut hashes: Vec<u64>, max: usize) -> Vec<u64> {
    let mut seen = rustc_hash::FxHashSet::default();
    hashes.retain(|h| seen.insert(*h));
    ends(hashes, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(nav: &str, body: &str) -> Html {
        Html::parse_document(&format!(
            "<html><body><div id=top><ul class=nav>{nav}</ul></div><div class=main><div class=content>{body}</div>\
             </div><div class=foot>版权所有</div></body></html>"
        ))
    }

    #[test]
    fn pages_of_one_layout_have_the_same_sketch_whatever_their_text() {
        // Content below the body container's own structure does not count (a table in the article).
        let a = page(
            "<li>首页</li><li>新闻</li>",
            "<p>第一篇。</p><font><font><table><tr><td>x</td></tr></table></font></font>",
        );
        let b = page("<li>Home</li>", "<p>另一篇文章。</p><p>更多。</p>");
        let root = |d: &Html| {
            d.select(&scraper::Selector::parse("div.content").unwrap())
                .next()
                .map(|e| e.id())
        };
        let (sa, sb) = (skeleton_sketch(&a, root(&a)), skeleton_sketch(&b, root(&b)));
        assert_eq!(similarity(&sa, &sb), 1.0);
        let other = Html::parse_document(
            "<html><body><table><tr><td class=left>a</td><td id=txt>b</td></tr></table></body></html>",
        );
        assert!(similarity(&sa, &skeleton_sketch(&other, None)) < 0.3);
    }

    #[test]
    fn hidden_layout_does_not_count_in_the_sketch() {
        let plain = page("<li>首页</li>", "<p>正文。</p>");
        let hidden = page(
            "<li>首页</li><li style=\"display:none\"><div class=menu><div class=sub>x</div></div></li>",
            "<p>正文。</p><script>var a;</script>",
        );
        let shown = page(
            "<li>首页</li><li><div class=menu><div class=sub>x</div></div></li>",
            "<p>正文。</p>",
        );
        assert_eq!(
            skeleton_sketch(&plain, None),
            skeleton_sketch(&hidden, None)
        );
        assert_ne!(skeleton_sketch(&plain, None), skeleton_sketch(&shown, None));
    }

    #[test]
    fn a_path_hash_finds_the_same_place_on_a_sibling_page() {
        let a = page("<li>a</li>", "<p>x</p>");
        let b = page("<li>b</li><li>c</li>", "<p>y</p><p>z</p>");
        let sel = scraper::Selector::parse("div.content").unwrap();
        let in_a = a.select(&sel).next().unwrap();
        let in_b = b.select(&sel).next().unwrap();
        let h = path_hash(*in_a);
        assert_eq!(h, path_hash(*in_b));
        assert_eq!(elements_by_path(&b).get(&h), Some(&in_b.id()));
        // The second li of a list has another path than the first.
        let li = scraper::Selector::parse("li").unwrap();
        let lis: Vec<_> = b.select(&li).collect();
        assert_ne!(path_hash(*lis[0]), path_hash(*lis[1]));
        assert_eq!(
            elements_by_path(&b).get(&path_hash(*lis[1])),
            Some(&lis[1].id())
        );
    }

    #[test]
    fn numbered_names_are_one_place() {
        let a = Html::parse_document("<div id=content_123 class='t9 box'>a</div>");
        let b = Html::parse_document("<div id=content_4567 class='box t1'>b</div>");
        let sel = scraper::Selector::parse("div").unwrap();
        assert_eq!(
            path_hash(*a.select(&sel).next().unwrap()),
            path_hash(*b.select(&sel).next().unwrap())
        );
    }

    #[test]
    fn observations_round_trip_through_bytes() {
        let o = Observation {
            sketch: [7; SKETCH_SIZE],
            blocks: vec![1, 2, u64::MAX],
            body: vec![2, 5],
            locations: [0, 5, 6, 0, 0, 7, 0],
            title: 8,
            mapped: 0b10,
            kind: ObservedKind::List,
            filled: 0b101,
            labelled: 0b1,
        };
        assert_eq!(Observation::from_bytes(&o.to_bytes()), Some(o));
        assert_eq!(Observation::from_bytes(&[9, 0, 0]), None);
    }

    #[test]
    fn bounded_keeps_distinct_hashes_and_both_ends() {
        assert_eq!(bounded(vec![1, 2, 1, 3], 10), vec![1, 2, 3]);
        let many: Vec<u64> = (0..100).collect();
        let kept = bounded(many, 10);
        assert_eq!(kept, vec![0, 1, 2, 3, 4, 95, 96, 97, 98, 99]);
    }
}
