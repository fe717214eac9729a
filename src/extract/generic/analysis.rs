//! One pass over the DOM that every generic rule reads: the page's text blocks (a block element's own text,
//! with its link text and punctuation counted), the `<meta>` tags, `<title>`, frames and forms. Subtree scores
//! for body selection are summed from the blocks, so the page is walked once, not once per rule.

use super::names::{Chrome, ChromeSpans, NameReader};
use super::vocabulary::{
    CHROME_ARTICLE_MIN_CHARS, CHROME_ARTICLE_MIN_PUNCT, FOOTER_LINE_MAX_BYTES, FOOTER_MARKERS,
    NAV_MAX_PROSE_LINK_DENSITY, NAV_PROSE_MIN_PUNCT, PROSE_MIN_SENTENCES, URL_PREFIXES,
};
use rustc_hash::FxHashMap as HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
use scraper::{Html, Node};

use std::sync::LazyLock;

use crate::extract::dom::{Markers, attr, is_block};
use crate::href::{
    is_attachment_href, is_download_endpoint, is_mail_href, starts_with_ignore_case,
};
use crate::normalize::text::{CharClass, char_at, fold, is_invisible, is_space};

/// A block element's own text (text of nested blocks belongs to them).
#[derive(Debug, Clone)]
pub struct Block {
    pub node: NodeId,
    /// Document order of the block's opening tag.
    pub order: usize,
    /// Folded text with element boundaries as spaces.
    pub line: String,
    /// Visible characters outside links.
    pub chars: usize,
    /// Visible characters inside `<a href>`.
    pub link_chars: usize,
    /// Sentence punctuation outside links.
    pub punct: usize,
    /// Visible characters of links to documents or of links whose text is a URL (content, not navigation).
    pub content_link_chars: usize,
    /// Cached [`Block::weight`].
    weight: f32,
    /// Inside page chrome: `<footer>`, `<nav>`, `<aside>`, or an element whose class/id says footer, nav, menu,
    /// sidebar or copyright.
    pub chrome: bool,
}

impl Block {
    /// How much this block looks like article prose (positive) or navigation and boilerplate (negative).
    pub fn weight(&self) -> f32 {
        self.weight
    }

    fn compute_weight(&self) -> f32 {
        // A block of navigation links alone (a menu's `<li><a>`) weighs minus its link text whether or not it is
        // boilerplate: its line is not searched for footer markers.
        let links_only = self.chars == 0 && self.content_link_chars == 0;
        if self.chrome || (!links_only && is_boilerplate(&self.line)) {
            return -((self.chars + self.link_chars) as f32);
        }
        let prose = if (self.chars >= 10 && self.punct >= 1) || self.chars >= 40 {
            (self.chars + 2 * self.punct) as f32
        } else {
            self.chars as f32 * 0.3
        };
        // Links to documents and URLs written out are part of the article (an attachment list is content).
        prose + self.content_link_chars as f32 * 0.5 - self.link_chars as f32
    }
}

/// Aggregates over an element's subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubtreeStats {
    pub score: f32,
    pub chars: usize,
    pub link_chars: usize,
    pub punct: usize,
    pub first_order: usize,
    pub last_order: usize,
    /// Pre-order index of the element in the document (ties in body selection go to the later, deeper one).
    pub pre: usize,
}

impl SubtreeStats {
    pub fn link_density(&self) -> f32 {
        let total = self.chars + self.link_chars;
        if total == 0 {
            0.0
        } else {
            self.link_chars as f32 / total as f32
        }
    }
}

/// Everything the generic rules need from one walk of the page.
pub struct Analysis<'a> {
    pub doc: &'a Html,
    pub blocks: Vec<Block>,
    block_index: HashMap<NodeId, usize>,
    pub stats: HashMap<NodeId, SubtreeStats>,
    /// `<meta name|property|itemprop=… content=…>`, names lower-cased; first occurrence wins.
    pub meta: HashMap<String, String>,
    pub title_tag: Option<String>,
    pub base_href: Option<String>,
    pub canonical: Option<String>,
    /// `src` (or `data`) of `<iframe>`, `<embed>` and `<object>` elements: embedded documents.
    pub embeds: Vec<(NodeId, &'a str)>,
    /// Elements that look like page chrome (footer, nav, sidebar, cookie banner), outermost first.
    chrome_nodes: Vec<(NodeId, Chrome)>,
    /// The outermost elements a chrome-marker word names (comments, sidebars, menus …) and everything inside
    /// them, as pre-order spans: where the body chooser discounts a candidate.
    pub chrome_spans: ChromeSpans,
    /// Every `<a href>` of the page (hidden ones too), in document order.
    pub anchors: Vec<(NodeId, &'a str)>,
    /// Texts of the page's short links (menus, breadcrumbs, columns) → how many links carry them.
    link_texts: HashMap<u64, usize>,
    /// Hashes of the last two to [`LINK_ENDING_MAX_CHARS`] visible characters of the short links' texts, each
    /// shorter than its text (简介 for 学院简介): the words that links qualify.
    link_endings: rustc_hash::FxHashSet<u64>,
    /// `src` of `<frame>` and `<iframe>` elements.
    pub frames: Vec<String>,
    pub is_frameset: bool,
    /// `<input type=password>` elements: a login form, in a sidebar or as the page itself.
    pub password_fields: Vec<NodeId>,
    /// Script bodies that carry TRS pagination calls (`createPageHTML`).
    pub pager_scripts: Vec<String>,
    /// `href` of `<area>` and `src` of `<frame>` / `<iframe>` (hidden ones too): the links a crawler follows
    /// besides the anchors.
    pub link_targets: Vec<(NodeId, &'a str)>,
}

/// What an open element started, to undo at its close.
#[derive(Debug, Clone, Copy, Default)]
struct Opens {
    link: bool,
    content_link: bool,
    chrome: bool,
    /// The element is a block ([`is_block`]): its close ends the block's line.
    block: bool,
}

struct OpenBlock {
    node: NodeId,
    order: usize,
    chrome: bool,
    content_link_chars: usize,
    /// The block's own text, whitespace folded as it is read (one pass: no raw copy to fold afterwards).
    line: String,
    /// A space is due before the next visible character.
    space: bool,
    chars: usize,
    link_chars: usize,
    punct: usize,
}

/// Where a text node sits: plain text, a navigation link, or a content link (document, URL, e-mail).
#[derive(Clone, Copy)]
enum TextKind {
    Plain,
    Link,
    ContentLink,
}

impl OpenBlock {
    /// An element boundary inside the block reads as a space (`<span>来源：X</span><span>时间：Y</span>`).
    fn boundary(&mut self) {
        self.space = !self.line.is_empty();
    }

    fn push_text(&mut self, t: &str, kind: TextKind) {
        // The run of visible characters being read, copied whole when it ends (not one character at a time).
        let mut run: Option<usize> = None;
        // Counted here and added to the block's counts once, by kind, at the end (not per character).
        let (mut visible, mut punct) = (0usize, 0usize);
        let mut at = 0;
        while at < t.len() {
            let (len, class, is_punct) = char_at(t, at);
            let start = at;
            at += len;
            if class == CharClass::Visible {
                if run.is_none() {
                    if self.space {
                        self.line.push(' ');
                        self.space = false;
                    }
                    run = Some(start);
                }
                visible += 1;
                punct += usize::from(is_punct);
                continue;
            }
            if let Some(from) = run.take() {
                self.line.push_str(&t[from..start]);
            }
            if class == CharClass::Space {
                self.space = !self.line.is_empty();
            }
        }
        if let Some(start) = run {
            self.line.push_str(&t[start..]);
        }
        match kind {
            TextKind::Plain => {
                self.chars += visible;
                self.punct += punct;
            }
            TextKind::Link => self.link_chars += visible,
            TextKind::ContentLink => self.content_link_chars += visible,
        }
    }
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Html) -> Analysis<'a> {
        let mut an = Analysis {
            doc,
            blocks: Vec::new(),
            block_index: HashMap::default(),
            stats: HashMap::default(),
            meta: HashMap::default(),
            title_tag: None,
            base_href: None,
            canonical: None,
            link_texts: HashMap::default(),
            link_endings: Default::default(),
            anchors: Vec::new(),
            chrome_nodes: Vec::new(),
            chrome_spans: ChromeSpans::default(),
            embeds: Vec::new(),
            frames: Vec::new(),
            is_frameset: false,
            password_fields: Vec::new(),
            pager_scripts: Vec::new(),
            link_targets: Vec::new(),
        };
        an.walk();
        an.mark_chrome();
        an
    }

    fn walk(&mut self) {
        let mut open: Vec<OpenBlock> = Vec::new();
        let mut order = 0usize;
        let mut skip_depth = 0usize;
        let mut link_depth = 0usize;
        // Links to documents (attachments) are content, counted neither as prose nor as navigation.
        let mut content_link_depth = 0usize;
        let mut link_text = String::new();
        // One entry per open (not skipped) element.
        let mut element_stack: Vec<Opens> = Vec::new();
        let mut chrome_nodes: Vec<(NodeId, Chrome)> = Vec::new();
        // The chrome-marked element open around the walk (outermost only), and its pre-order number.
        let mut chrome_open: Option<(NodeId, usize)> = None;
        let mut chrome_spans = ChromeSpans::default();
        // The subtree statistics summed as the walk closes elements: one entry per open element (skipped ones
        // too), its pre-order index and what its closed children added up to.
        let mut pre = 0usize;
        let mut subtrees: Vec<(usize, Option<SubtreeStats>)> = Vec::new();
        let mut names_read = NameReader::default();
        for edge in self.doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        pre += 1;
                        subtrees.push((pre, None));
                        let name = &el.name.local;
                        self.note_head_element(node, el);
                        if *name == local_name!("a")
                            && let Some(href) = attr(el, "href")
                        {
                            self.anchors.push((node.id(), href));
                        }
                        // The element's attributes, read once for its hidden state and its names (its names
                        // are needed in a hidden subtree only outside an open chrome span).
                        let read =
                            (skip_depth == 0 || chrome_open.is_none()).then(|| names_read.read(el));
                        let skipped = skip_depth > 0 || read.as_ref().is_some_and(|r| r.skipped());
                        // The element's names, split once: for the chrome spans (every element outside an
                        // open span, hidden ones too) and for the chrome kind (visible elements).
                        let names = read
                            .as_ref()
                            .filter(|_| !skipped || chrome_open.is_none())
                            .map(|r| r.facts());
                        if chrome_open.is_none() && names.is_some_and(|n| n.chrome_marked) {
                            chrome_open = Some((node.id(), pre));
                        }
                        if skipped {
                            skip_depth += 1;
                            continue;
                        }
                        // What this element opens: a link, a content link, page chrome; undone at its close.
                        let mut opens = Opens::default();
                        if *name == local_name!("a")
                            && let Some(href) = attr(el, "href")
                        {
                            opens.link = true;
                            link_depth += 1;
                            if is_content_href(href) {
                                opens.content_link = true;
                                content_link_depth += 1;
                            }
                        }
                        if let Some(kind) = names.and_then(|n| n.chrome) {
                            opens.chrome = true;
                            chrome_nodes.push((node.id(), kind));
                        }
                        opens.block = is_block(name);
                        element_stack.push(opens);
                        if opens.block {
                            order += 1;
                            open.push(OpenBlock {
                                node: node.id(),
                                order,
                                chrome: false,
                                content_link_chars: 0,
                                line: String::new(),
                                space: false,
                                chars: 0,
                                link_chars: 0,
                                punct: 0,
                            });
                        } else if let Some(b) = open.last_mut() {
                            b.boundary();
                        }
                    }
                    Node::Text(t) if skip_depth == 0 => {
                        if link_depth > 0 && link_text.len() < 200 {
                            link_text.push_str(t);
                        }
                        if let Some(b) = open.last_mut() {
                            // A link whose text is a URL (访问地址：http://…) or that points at a document is
                            // content, not navigation.
                            let kind = if link_depth == 0 {
                                TextKind::Plain
                            } else if content_link_depth > 0 || looks_like_url(t) {
                                TextKind::ContentLink
                            } else {
                                TextKind::Link
                            };
                            b.push_text(t, kind);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        if let Some((id, start)) = chrome_open
                            && id == node.id()
                        {
                            chrome_spans.push(start, pre);
                            chrome_open = None;
                        }
                        let (own_pre, acc) = subtrees.pop().unwrap_or_default();
                        if skip_depth > 0 {
                            skip_depth -= 1;
                            self.close_subtree(node.id(), own_pre, acc, &mut subtrees);
                            continue;
                        }
                        let blocks = self.blocks.len();
                        let opens = element_stack.pop().unwrap_or_default();
                        if opens.link {
                            link_depth = link_depth.saturating_sub(1);
                            if link_depth == 0 {
                                let (hash, len) = folded_hash(&link_text);
                                if (2..=30).contains(&len) {
                                    *self.link_texts.entry(hash).or_default() += 1;
                                    self.note_link_endings(&link_text, len);
                                }
                                link_text.clear();
                            }
                        }
                        if opens.content_link {
                            content_link_depth = content_link_depth.saturating_sub(1);
                        }

                        if opens.block {
                            if let Some(b) = open.pop()
                                && b.chars + b.link_chars + b.content_link_chars > 0
                            {
                                let mut block = Block {
                                    node: b.node,
                                    order: b.order,
                                    line: b.line,
                                    chars: b.chars,
                                    link_chars: b.link_chars,
                                    punct: b.punct,
                                    chrome: b.chrome,
                                    content_link_chars: b.content_link_chars,
                                    weight: 0.0,
                                };
                                block.weight = block.compute_weight();
                                self.blocks.push(block);
                            }
                        } else if let Some(b) = open.last_mut() {
                            b.boundary();
                        }
                        // The element's own block, when this close made one, counts in its subtree.
                        let mut acc = acc;
                        if let Some(b) = self.blocks.get(blocks) {
                            merge(
                                &mut acc,
                                SubtreeStats {
                                    score: b.weight(),
                                    chars: b.chars,
                                    link_chars: b.link_chars,
                                    punct: b.punct,
                                    first_order: b.order,
                                    last_order: b.order,
                                    pre: own_pre,
                                },
                            );
                        }
                        self.close_subtree(node.id(), own_pre, acc, &mut subtrees);
                    }
                }
            }
        }
        self.blocks.sort_by_key(|b| b.order);
        self.chrome_nodes = chrome_nodes;
        self.chrome_spans = chrome_spans;
        self.block_index = self
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.node, i))
            .collect();
    }

    /// Record head-ish facts (meta, title, base, frames, password fields, pager scripts) as the walk passes.
    fn note_head_element(
        &mut self,
        node: ego_tree::NodeRef<'a, Node>,
        el: &'a scraper::node::Element,
    ) {
        // Interned names compared (one integer each): every element of the page passes here.
        match el.name.local {
            local_name!("meta") => {
                let key = el
                    .attr("name")
                    .or_else(|| attr(el, "property"))
                    .or_else(|| attr(el, "itemprop"));
                if let (Some(key), Some(content)) = (key, attr(el, "content")) {
                    self.meta
                        .entry(key.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.trim().to_string());
                }
            }
            local_name!("title") if self.title_tag.is_none() => {
                let text: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                let text = fold(&text);
                if !text.is_empty() {
                    self.title_tag = Some(text);
                }
            }
            local_name!("base") if self.base_href.is_none() => {
                self.base_href = attr(el, "href").map(str::to_string);
            }
            local_name!("link")
                if self.canonical.is_none()
                    && el
                        .attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = attr(el, "href").map(str::to_string);
            }
            local_name!("frameset") => self.is_frameset = true,
            local_name!("frame")
            | local_name!("iframe")
            | local_name!("embed")
            | local_name!("object") => {
                let src = attr(el, "src").or_else(|| attr(el, "data"));
                if let Some(src) = src {
                    if el.name.local != local_name!("embed")
                        && el.name.local != local_name!("object")
                    {
                        self.frames.push(src.to_string());
                        self.link_targets.push((node.id(), src));
                    }
                    if el.name.local != local_name!("frame") {
                        self.embeds.push((node.id(), src));
                    }
                }
            }
            local_name!("input")
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("password")) =>
            {
                self.password_fields.push(node.id());
            }
            local_name!("area") => {
                if let Some(href) = attr(el, "href") {
                    self.link_targets.push((node.id(), href));
                }
            }
            local_name!("script") => {
                for child in node.children() {
                    if let Some(t) = child.value().as_text()
                        && t.contains("createPageHTML")
                    {
                        self.pager_scripts.push(t.to_string());
                    }
                }
            }
            _ => {}
        }
    }

    /// Record a closed element's subtree statistics (its closed children's and its own block's, summed by the
    /// walk) and add them to its parent's: one post-order pass, linear even on pathologically deep trees.
    fn close_subtree(
        &mut self,
        node: NodeId,
        own_pre: usize,
        acc: Option<SubtreeStats>,
        open: &mut [(usize, Option<SubtreeStats>)],
    ) {
        if let Some(mut s) = acc {
            s.pre = own_pre;
            self.stats.insert(node, s);
            if let Some((_, parent)) = open.last_mut() {
                merge(parent, s);
            }
        }
    }

    /// Mark the blocks inside page chrome, and weigh them again. A chrome-named element that holds most of the
    /// page's text (`<div class="l-outer--nav">` around everything) is a wrapper, not chrome, and is ignored.
    fn mark_chrome(&mut self) {
        let total: usize = self.blocks.iter().map(|b| b.chars + b.link_chars).sum();
        let mut changes: Vec<(NodeId, f32)> = Vec::new();
        for (id, kind) in std::mem::take(&mut self.chrome_nodes) {
            let Some(s) = self.stats.get(&id).copied() else {
                continue;
            };
            if (s.chars + s.link_chars) * 10 >= total * 4 {
                continue;
            }
            // Navigation is links: a `nav_right` column holding prose is a layout column named after its
            // neighbour, not a menu.
            if kind == Chrome::Navigation
                && s.link_density() < NAV_MAX_PROSE_LINK_DENSITY
                && s.punct >= NAV_PROSE_MIN_PUNCT
            {
                continue;
            }
            // An `<aside>` or a "sidebar" holding an article's worth of prose is where this template put the
            // article.
            if kind == Chrome::Other
                && s.chars >= CHROME_ARTICLE_MIN_CHARS
                && s.link_density() < NAV_MAX_PROSE_LINK_DENSITY
                && s.punct >= CHROME_ARTICLE_MIN_PUNCT
            {
                continue;
            }
            let from = self.blocks.partition_point(|b| b.order < s.first_order);
            for b in self.blocks[from..]
                .iter_mut()
                .take_while(|b| b.order <= s.last_order)
            {
                if !b.chrome {
                    b.chrome = true;
                    let old = b.weight;
                    b.weight = b.compute_weight();
                    changes.push((b.node, b.weight - old));
                }
            }
        }
        // Carry each block's new weight up to the subtree scores (cheaper than summing the tree again).
        for (node, delta) in changes {
            let Some(n) = self.doc.tree.get(node) else {
                continue;
            };
            for a in std::iter::once(n).chain(n.ancestors()) {
                if let Some(s) = self.stats.get_mut(&a.id()) {
                    s.score += delta;
                }
            }
        }
    }

    /// Document-order span of a node: its own subtree's blocks, or its nearest block ancestor's position.
    pub fn order_span(&self, node: ego_tree::NodeRef<'_, Node>) -> Option<(usize, usize)> {
        if let Some(s) = self.stats.get(&node.id()) {
            return Some((s.first_order, s.last_order));
        }
        node.ancestors()
            .find_map(|a| self.block_of(a.id()).map(|b| (b.order, b.order)))
    }

    /// The blocks whose document order lies in `first..=last` (blocks are sorted by order: a binary search, not a
    /// scan of the page).
    pub fn blocks_in(&self, first: usize, last: usize) -> &[Block] {
        let from = self.blocks.partition_point(|b| b.order < first);
        let to = self.blocks.partition_point(|b| b.order <= last);
        &self.blocks[from..to.max(from)]
    }

    /// The block whose element is `node`, if it has text of its own.
    pub fn block_of(&self, node: NodeId) -> Option<&Block> {
        self.block_index.get(&node).map(|i| &self.blocks[*i])
    }

    /// How many of the page's links carry exactly this text (whitespace folded).
    pub fn links_with_text(&self, text: &str) -> usize {
        self.link_texts
            .get(&folded_hash(text).0)
            .copied()
            .unwrap_or(0)
    }

    /// Remember the endings of a short link's text (`len` visible characters) for [`Self::qualifies_link_texts`].
    fn note_link_endings(&mut self, text: &str, len: usize) {
        let mut tail = [' '; LINK_ENDING_MAX_CHARS];
        let mut n = 0;
        for c in visible_chars(text).rev().take(LINK_ENDING_MAX_CHARS) {
            tail[LINK_ENDING_MAX_CHARS - 1 - n] = c;
            n += 1;
        }
        let tail = &tail[LINK_ENDING_MAX_CHARS - n..];
        for k in 2..=n.min(len.saturating_sub(1)) {
            self.link_endings
                .insert(chars_hash(tail[tail.len() - k..].iter().copied()));
        }
    }

    /// Whether longer link texts of the page end with `text` (学院简介 and 中心简介 for 简介): a word that links
    /// qualify is a common noun, even one that starts with a surname's character, never a person's name.
    /// Only words of up to [`LINK_ENDING_MAX_CHARS`] visible characters are looked up (Chinese names).
    pub fn qualifies_link_texts(&self, text: &str) -> bool {
        (2..=LINK_ENDING_MAX_CHARS).contains(&visible_chars(text).count())
            && self.link_endings.contains(&chars_hash(visible_chars(text)))
    }

    /// A `<meta>` value by any of several names (case-insensitive), non-empty.
    pub fn meta_value<'n>(&self, names: &[&'n str]) -> Option<(&'n str, &str)> {
        names.iter().find_map(|n| {
            self.meta
                .get(*n)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (*n, v.as_str()))
        })
    }
}

/// The longest word looked up among the endings of link texts ([`Analysis::qualifies_link_texts`]): a Chinese
/// personal name has at most four characters.
const LINK_ENDING_MAX_CHARS: usize = 4;

/// The characters of a text that are neither whitespace nor invisible.
fn visible_chars(text: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    text.chars().filter(|&c| !is_invisible(c) && !is_space(c))
}

/// A hash of a run of characters.
fn chars_hash(chars: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in chars {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// A hash of the text with whitespace folded (as [`fold`] would), and its visible length, without allocating.
fn folded_hash(text: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut len = 0;
    let mut space = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            space = len > 0;
            continue;
        }
        if space {
            h.write_u32(' ' as u32);
            space = false;
        }
        h.write_u32(c as u32);
        len += 1;
    }
    (h.finish(), len)
}

fn merge(acc: &mut Option<SubtreeStats>, s: SubtreeStats) {
    match acc {
        None => *acc = Some(s),
        Some(a) => {
            a.score += s.score;
            a.chars += s.chars;
            a.link_chars += s.link_chars;
            a.punct += s.punct;
            a.first_order = a.first_order.min(s.first_order);
            a.last_order = a.last_order.max(s.last_order);
        }
    }
}

/// Links that are part of an article's content: documents, download endpoints, e-mail addresses.
fn is_content_href(href: &str) -> bool {
    is_attachment_href(href) || is_download_endpoint(href) || is_mail_href(href)
}

fn looks_like_url(t: &str) -> bool {
    let t = t.trim_start();
    URL_PREFIXES.iter().any(|p| starts_with_ignore_case(t, p))
}

/// Footer and site-chrome lines that never belong to an article.
pub fn is_boilerplate(line: &str) -> bool {
    static MARKERS: LazyLock<Markers> = LazyLock::new(|| Markers::new(&FOOTER_MARKERS));
    line.len() <= FOOTER_LINE_MAX_BYTES && MARKERS.find_in(line).is_some() && !is_prose(line)
}

/// Whether the line holds [`PROSE_MIN_SENTENCES`] full sentences.
fn is_prose(line: &str) -> bool {
    line.chars()
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .count()
        >= PROSE_MIN_SENTENCES
}
