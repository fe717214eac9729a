//! Body selection: the element whose subtree holds the most prose and the least navigation wins (block weights
//! summed in [`Analysis`]); containers that CMS families always use for the article (TRS_Editor, wp_articlecontent
//! …) win when they hold a fair share of it, and sibling sections of the same text (`<section class="about">` parts
//! of one column page) join the densest block. Then boilerplate *inside* the chosen block — pagers, 上一篇/下一篇,
//! 相关文章, print/close/font-size bars, share widgets, link lists — is marked for exclusion. Signatures and dates
//! at the end of notices are prose-like short lines and are kept.

use super::vocabulary::{
    BODY_MARKERS, BOILERPLATE_MAX_SCORE_SHARE, BOILERPLATE_WORDS, CHROME_LINES, CHROME_NAME_WEIGHT,
    EDGE_LINKS_MAX_CHARS, EDGE_MEDIA_NOTE_MAX_CHARS, EDGE_MEDIA_WORDS, EDGE_META_MAX_CHARS,
    EDGE_NOTE_MAX_CHARS, EDGE_PHRASES, EDGE_PROSE_CHARS, END_MARKERS, FOOTER_NAME_WORDS,
    GRID_CELL_MAX_DEPTH, GRID_MIN_COLUMNS, GRID_MIN_ROWS, HEADER_FIELDS_MAX_LINES,
    LINK_BOX_MIN_DENSITY, LINK_BOX_MIN_LINK_CHARS, LINKED_PROSE_MIN_CHARS, LIST_TAG_WEIGHT,
    MARKED_ANCESTOR_SLACK_CHARS, MARKED_CONTAINER_MIN_SHARE, PEOPLE_LINE_MAX_NODES,
    PERSON_CARD_LABELS, SECTION_MAX_LINK_DENSITY, SECTION_MIN_PUNCT, SECTION_MIN_SHARE,
    SOCIAL_WORDS, TAIL_PARAGRAPH_MIN_WIDTH, WIDGET_LINE_MAX_CHARS, WIDGET_LINE_STARTS,
};
use rustc_hash::FxHashSet as HashSet;

use ego_tree::NodeId;
use scraper::Node;

use super::analysis::{Analysis, is_boilerplate};
use super::lines::{Line, lines_of};
use super::names::ChromeSpans;
use std::sync::LazyLock;

use crate::extract::Rule;
use crate::extract::dom::{Markers, is_block, is_named};
use crate::extract::labels::{LabelKind, split_labels};
use crate::extract::name_words::NameWords;
use crate::normalize::text::{is_sentence, opens_with_item_number, visible_len};

static BODY: LazyLock<Markers> = LazyLock::new(|| Markers::new(&BODY_MARKERS));
static FOOTER_NAMES: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&FOOTER_NAME_WORDS));
static BOILERPLATE_NAMES: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&BOILERPLATE_WORDS));

/// The chosen body container and why.
#[derive(Debug, Clone)]
pub struct BodyChoice {
    pub node: NodeId,
    pub rule: Rule,
}

/// Pick the element most likely to hold the article body. Only elements holding text (those with subtree
/// statistics) are candidates; on equal scores the deeper (later in document order) wins.
pub fn choose(an: &Analysis<'_>) -> Option<BodyChoice> {
    let mut best: Option<(f32, usize, NodeId)> = None;
    let mut marked: Option<(usize, NodeId, f32, &'static str)> = None;
    let in_chrome = &an.chrome_spans;
    for (&id, stats) in &an.stats {
        let Some(el) = an.doc.tree.get(id).and_then(|n| n.value().as_element()) else {
            continue;
        };
        if !is_block(&el.name.local)
            || matches!(el.name(), "html" | "tr" | "tbody" | "thead" | "table")
        {
            continue;
        }
        let mut score = stats.score;
        if in_chrome.contains(stats.pre) {
            score *= CHROME_NAME_WEIGHT;
        }
        // A list item or a list is rarely the article (a comment, a teaser list).
        if matches!(
            el.name(),
            "li" | "ul" | "ol" | "dl" | "dd" | "h1" | "h2" | "h3"
        ) {
            score *= LIST_TAG_WEIGHT;
        }
        if best.is_none_or(|(s, pre, _)| score > s || (score == s && stats.pre > pre)) {
            best = Some((score, stats.pre, id));
        }
        if stats.chars >= 10
            && marked.is_none_or(|(pre, ..)| stats.pre < pre)
            && let Some(m) = BODY.in_names(el)
        {
            marked = Some((stats.pre, id, stats.score, m));
        }
    }
    if tracing::enabled!(tracing::Level::TRACE) {
        trace_candidates(an, in_chrome);
    }
    let (best_score, best_pre, best_node) = best?;
    if best_score <= 0.0 {
        return None;
    }
    if let Some((_, node, score, marker)) = marked
        && score >= MARKED_CONTAINER_MIN_SHARE * best_score
    {
        return Some(BodyChoice {
            node,
            rule: Rule::article_container(marker),
        });
    }
    if let Some((node, marker)) = marked_ancestor(an, best_node) {
        return Some(BodyChoice {
            node,
            rule: Rule::article_container(marker),
        });
    }
    // The page's text is all in its footer (the site's address box) when the best candidate is inside one even
    // after the chrome weight, and no article container vouches for it: the page has no text of its own (an
    // empty column). Sidebars and menus are left out of this: sites put real articles in elements so named.
    if in_chrome.contains(best_pre) && in_footer(an, best_node) {
        return None;
    }
    Some(BodyChoice {
        node: best_node,
        rule: Rule::generic("densest block"),
    })
}

/// The densest block's section and its sibling sections of the same text, in document order. The section is the
/// highest element around the block holding no more text than it; a sibling joins when it has the section's tag,
/// shares a class word with it, reads as prose ([`SECTION_MIN_PUNCT`], [`SECTION_MAX_LINK_DENSITY`]) and scores
/// [`SECTION_MIN_SHARE`] of the block. Siblings are taken outward from the section and the first one with text
/// that fails stops the walk on its side, so the body stays one stretch of the page.
pub fn sections(an: &Analysis<'_>, best: NodeId) -> Vec<NodeId> {
    let Some((stats, mut top)) = an.stats.get(&best).zip(an.doc.tree.get(best)) else {
        return vec![best];
    };
    while let Some(parent) = top.parent()
        && parent.value().is_element()
        && an
            .stats
            .get(&parent.id())
            .is_some_and(|p| p.chars == stats.chars && p.link_chars == stats.link_chars)
    {
        top = parent;
    }
    let Some(top_el) = top.value().as_element() else {
        return vec![best];
    };
    let joins = |node: ego_tree::NodeRef<'_, Node>| -> Option<bool> {
        let el = node.value().as_element()?;
        let s = an.stats.get(&node.id())?;
        Some(
            el.name() == top_el.name()
                && el.classes().any(|c| top_el.classes().any(|t| t == c))
                && s.punct >= SECTION_MIN_PUNCT
                && s.link_density() <= SECTION_MAX_LINK_DENSITY
                && s.score >= SECTION_MIN_SHARE * stats.score,
        )
    };
    // `None`: no text of its own (a spacer, an image), passed over; `Some(false)`: the walk stops.
    let walk = |siblings: &mut dyn Iterator<Item = ego_tree::NodeRef<'_, Node>>| -> Vec<NodeId> {
        siblings
            .map(|n| (n.id(), joins(n)))
            .take_while(|(_, j)| *j != Some(false))
            .filter_map(|(id, j)| j.map(|_| id))
            .collect()
    };
    let before = walk(&mut top.prev_siblings());
    let after = walk(&mut top.next_siblings());
    if before.is_empty() && after.is_empty() {
        return vec![best];
    }
    let mut all: Vec<NodeId> = before.into_iter().rev().collect();
    all.push(top.id());
    all.extend(after);
    all
}

/// Under `-vvv`: the ten strongest body candidates by raw score, for a developer asking why one won.
fn trace_candidates(an: &Analysis<'_>, in_chrome: &ChromeSpans) {
    let mut all: Vec<_> = an.stats.iter().collect();
    all.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    for (id, stats) in all.into_iter().take(10) {
        if let Some(el) = an.doc.tree.get(*id).and_then(|n| n.value().as_element()) {
            tracing::trace!(
                "body candidate <{} class={:?} id={:?}> score {:.1}, {} chars, {} link chars, chrome {}",
                el.name(),
                el.attr("class"),
                el.id(),
                stats.score,
                stats.chars,
                stats.link_chars,
                in_chrome.contains(stats.pre)
            );
        }
    }
}

/// Whether a node is, or is inside, an element named as the page's footer ([`FOOTER_NAME_WORDS`]); `<body>`
/// and `<html>` do not count (their classes describe the page's look: `cb-footer-dark`).
fn in_footer(an: &Analysis<'_>, node: NodeId) -> bool {
    an.doc.tree.get(node).is_some_and(|n| {
        std::iter::once(n)
            .chain(n.ancestors())
            .filter_map(|a| a.value().as_element())
            .take_while(|el| !matches!(el.name(), "body" | "html"))
            .any(|el| FOOTER_NAMES.in_names(el))
    })
}

/// The nearest article container (by its CMS class name) around the densest block. A short article's container
/// can score below one of its paragraphs when a box of related links sits inside it; the box is left out later,
/// the container keeps the article's other paragraphs.
fn marked_ancestor(an: &Analysis<'_>, best: NodeId) -> Option<(NodeId, &'static str)> {
    let best_chars = an.stats.get(&best)?.chars;
    let node = an.doc.tree.get(best)?;
    node.ancestors().find_map(|a| {
        let el = a.value().as_element()?;
        let marker = BODY.in_names(el)?;
        let stats = an.stats.get(&a.id())?;
        (stats.chars <= 2 * best_chars + MARKED_ANCESTOR_SLACK_CHARS).then_some((a.id(), marker))
    })
}

fn is_boilerplate_element(el: &scraper::node::Element) -> bool {
    BOILERPLATE_NAMES.in_names(el)
}

/// Every element that holds a link to a document (the link and its ancestors), found from the page's links
/// upward: each element is marked once, so deep nesting costs one walk, not one walk per level.
fn attachment_holders(an: &Analysis<'_>) -> HashSet<NodeId> {
    let mut holders: HashSet<NodeId> = HashSet::default();
    for &(id, href) in &an.anchors {
        if !super::links::is_attachment_href(href) {
            continue;
        }
        let Some(link) = an.doc.tree.get(id) else {
            continue;
        };
        for node in std::iter::once(link).chain(link.ancestors()) {
            if !holders.insert(node.id()) {
                break;
            }
        }
    }
    holders
}

/// Mark boilerplate inside each of the body's containers for exclusion from the body.
pub fn prune(an: &Analysis<'_>, containers: &[NodeId], exclude: &mut HashSet<NodeId>) {
    // Found only if some link-dense element asks (most pages have none).
    let holds_attachment = std::cell::OnceCell::new();
    for container in containers {
        prune_container(an, *container, &holds_attachment, exclude);
    }
}

fn prune_container(
    an: &Analysis<'_>,
    container: NodeId,
    holds_attachment: &std::cell::OnceCell<HashSet<NodeId>>,
    exclude: &mut HashSet<NodeId>,
) {
    let Some(root) = an.doc.tree.get(container) else {
        return;
    };
    let container_score = an.stats.get(&container).map(|s| s.score).unwrap_or(0.0);
    for node in root.descendants().skip(1) {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(stats) = an.stats.get(&node.id()) else {
            continue;
        };
        // Comment threads, share bars, newsletter boxes, related posts, tag lists, forms and page chrome
        // inside the container — unless the element holds most of the text (a wrapper with an odd name).
        if (is_boilerplate_element(el)
            || matches!(
                el.name(),
                "form" | "nav" | "aside" | "footer" | "figcaption"
            ))
            && stats.score < BOILERPLATE_MAX_SCORE_SHARE * container_score
        {
            exclude.insert(node.id());
            continue;
        }
        if stats.link_chars >= LINK_BOX_MIN_LINK_CHARS
            && stats.link_density() > LINK_BOX_MIN_DENSITY
            && !holds_attachment
                .get_or_init(|| attachment_holders(an))
                .contains(&node.id())
            && !links_are_people(node)
            && !is_linked_prose(an, node.id())
        {
            exclude.insert(node.id());
        }
    }
    let range = an
        .stats
        .get(&container)
        .map(|s| (s.first_order, s.last_order));
    let blocks = match range {
        Some((first, last)) => an.blocks_in(first, last),
        None => &an.blocks[..],
    };
    // Blocks inside page chrome (a tab menu, a sidebar box the container took in) are not text, unless the
    // chosen container is mostly chrome itself (then its chrome marks say nothing).
    let (chrome_chars, all_chars) = blocks.iter().fold((0, 0), |(c, a), b| {
        let n = b.chars + b.link_chars;
        (c + if b.chrome { n } else { 0 }, a + n)
    });
    let leave_chrome = chrome_chars * 2 < all_chars;
    for block in blocks {
        if leave_chrome && block.chrome && block.node != container {
            exclude.insert(block.node);
            continue;
        }
        let subtree = an
            .stats
            .get(&block.node)
            .map(|s| s.chars + s.link_chars)
            .unwrap_or(0);
        // A reading-aid line starts with its marker or is a short line without sentences; a sentence that
        // mentions 相关报道 or 打印本页 is text. (Read only for the small blocks it can leave out.)
        let chrome_line = || {
            CHROME_LINES.iter().any(|m| block.line.starts_with(m))
                || (is_short_label_line(block) && CHROME_LINE_SEARCH.is_match(&block.line))
                || is_widget_line(block)
        };
        if block.node != container
            && subtree < 100
            && (is_boilerplate(&block.line)
                || chrome_line()
                || SOCIAL_WORDS.contains(&block.line.as_str()))
            && !is_grid_cell(an, block.node)
        {
            exclude.insert(block.node);
        }
    }
    exclude_leading_widgets(an, range, exclude);
}

/// The [`CHROME_LINES`] searched anywhere in a line at once (as written: every one is Chinese), not one
/// substring search per word.
static CHROME_LINE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(CHROME_LINES).expect("chrome lines build an automaton")
});

/// Whether a block is a cell of a grid of data (a price list's `复印 打印 扫描` columns): its words are the
/// table's headings, not a print or share button. A toolbar is one row and a layout table's rows hold a cell or
/// two, so a grid is several rows of several cells each.
fn is_grid_cell(an: &Analysis<'_>, node: NodeId) -> bool {
    let Some(n) = an.doc.tree.get(node) else {
        return false;
    };
    let Some(cell) = std::iter::once(n)
        .chain(n.ancestors())
        .take(GRID_CELL_MAX_DEPTH)
        .find(|a| is_named(*a, &["td", "th"]))
    else {
        return false;
    };
    let Some(table) = cell.ancestors().find(|a| is_named(*a, &["table"])) else {
        return false;
    };
    let sections = std::iter::once(table).chain(
        table
            .children()
            .filter(|c| is_named(*c, &["tbody", "thead", "tfoot"])),
    );
    let full_rows = sections
        .flat_map(|s| s.children())
        .filter(|r| is_named(*r, &["tr"]))
        .filter(|r| {
            r.children().filter(|c| is_named(*c, &["td", "th"])).count() >= GRID_MIN_COLUMNS
        })
        .take(GRID_MIN_ROWS)
        .count();
    full_rows >= GRID_MIN_ROWS
}

/// Whether every link in the element names a person (`中心成员：张树楠 刘俊岭 …`, each linked to a profile): a
/// line of the text that credits people, not a box of links to other stories. Elements with many nodes are not
/// looked at (a staff list is one line).
fn links_are_people(node: ego_tree::NodeRef<'_, Node>) -> bool {
    if node.descendants().nth(PEOPLE_LINE_MAX_NODES).is_some() {
        return false;
    }
    let mut names = 0;
    for link in node
        .descendants()
        .filter(|d| crate::extract::dom::is_anchor(*d))
    {
        if !super::people::is_chinese_name(crate::extract::dom::spaced_text(link).trim()) {
            return false;
        }
        names += 1;
    }
    names >= 2
}

/// Whether a block is a paragraph of prose that a link wraps (a reprint's last paragraph linked to the newspaper's
/// page): a sentence that ends with its full stop, not a box of headlines, which never end with one.
fn is_linked_prose(an: &Analysis<'_>, node: NodeId) -> bool {
    an.block_of(node).is_some_and(|b| {
        b.link_chars >= LINKED_PROSE_MIN_CHARS && b.line.trim_end().ends_with(['。', '！', '？'])
    })
}

/// Whether a short line starts like a widget of a European blog or newspaper (case-insensitive).
fn is_widget_line(block: &super::analysis::Block) -> bool {
    let line = block.line.as_bytes();
    block.chars + block.link_chars <= WIDGET_LINE_MAX_CHARS
        && !is_sentence(&block.line)
        && WIDGET_LINE_STARTS
            .iter()
            .any(|w| line.len() >= w.len() && line[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

/// A short line (30 characters at most) that is not a sentence.
fn is_short_label_line(block: &super::analysis::Block) -> bool {
    block.chars + block.link_chars <= 30 && !is_sentence(&block.line)
}

/// Three or more tiny lines before the first sentence of the text (a share bar, a toolbar: `关注本网 微信 微博
/// 评论`) are page widgets, not the article's opening; a person's card field (`职称：教授`) is the profile's own.
fn exclude_leading_widgets(
    an: &Analysis<'_>,
    range: Option<(usize, usize)>,
    exclude: &mut HashSet<NodeId>,
) {
    let Some((first, last)) = range else {
        return;
    };
    let blocks = an.blocks_in(first, last);
    let leading: Vec<&super::analysis::Block> = blocks
        .iter()
        .take_while(|b| !(b.punct >= 1 && b.chars >= 10 || b.chars >= 40))
        .collect();
    // Without a sentence after them, the tiny lines are the text itself (a roll of names, a list of rooms).
    if leading.len() == blocks.len() {
        return;
    }
    let tiny: Vec<NodeId> = leading
        .iter()
        .rev()
        .take_while(|b| {
            b.chars + b.link_chars + b.content_link_chars <= 6
                && b.punct == 0
                && !super::people::starts_with_label(&b.line, &PERSON_CARD_LABELS)
        })
        .map(|b| b.node)
        .collect();
    if tiny.len() >= 3 {
        exclude.extend(tiny);
    }
}

static END: LazyLock<Markers> = LazyLock::new(|| Markers::new(&END_MARKERS));

/// Where the article's text ends inside its container.
#[derive(Debug)]
pub enum TextEnd {
    /// At this block (by document order): it and the blocks after it are not article text.
    Block(usize),
    /// At a line inside a block of `<br>`-separated lines.
    Line(LineEnd),
}

/// The text ends at a line inside a block: the nodes to leave out (that line and all after it in the block),
/// the first block order after the cut, and the lines left out (a closing note's credits are metadata).
#[derive(Debug)]
pub struct LineEnd {
    pub nodes: Vec<NodeId>,
    pub next_order: usize,
    pub lines: Vec<String>,
}

impl TextEnd {
    /// The first block order that is not article text.
    pub fn order(&self) -> usize {
        match self {
            TextEnd::Block(order) => *order,
            TextEnd::Line(end) => end.next_order,
        }
    }
}

/// Where the article's text ends inside `container`: the first end marker (相关文章, 推荐阅读, 上一篇 …) or
/// closing note (责任编辑, a follow-us prompt) that comes after most of the container's prose, as a block or as
/// a line of a block of lines. What follows is not article text.
pub fn text_end(an: &Analysis<'_>, container: NodeId, boxes: &[NodeId]) -> Option<TextEnd> {
    let stats = an.stats.get(&container)?;
    // Boxes of links inside the container (related stories, hot lists) are neither text nor its end.
    let mut boxes: Vec<(usize, usize)> = boxes
        .iter()
        .filter_map(|n| an.stats.get(n).map(|s| (s.first_order, s.last_order)))
        .collect();
    boxes.sort_unstable();
    let in_box = |order: usize| {
        let i = boxes.partition_point(|(first, _)| *first <= order);
        i > 0 && boxes[i - 1].1 >= order
    };
    let blocks: Vec<&super::analysis::Block> = an
        .blocks_in(stats.first_order, stats.last_order)
        .iter()
        .filter(|b| !in_box(b.order))
        .collect();
    let total: usize = blocks
        .iter()
        .filter(|b| b.weight() > 0.0)
        .map(|b| b.chars)
        .sum();
    let tail_heading = tail_heading(an, &blocks);
    let mut before = 0;
    for block in blocks {
        if Some(block.order) == tail_heading {
            return tail_heading.map(TextEnd::Block);
        }
        let short = block.chars + block.link_chars < 40 && !is_sentence(&block.line);
        if after_most(before, total)
            && !opens_with_item_number(&block.line)
            && ((short && END.find_word_in(&block.line).is_some()) || is_closing_note(an, block))
        {
            return Some(TextEnd::Block(block.order));
        }
        let weighted = block.weight() > 0.0;
        // A long block that reaches past most of the text may end with a closing note among its lines.
        if weighted
            && after_most(before + block.chars, total)
            && block.chars + block.link_chars > EDGE_META_MAX_CHARS
            && let Some(end) = closing_line(an, block, before, total)
        {
            return Some(TextEnd::Line(end));
        }
        if weighted {
            before += block.chars;
        }
    }
    None
}

/// Whether `before` characters of text are most (six tenths) of the container's `total`: an end marker
/// before that point is a sentence's or a section's, not the text's end.
fn after_most(before: usize, total: usize) -> bool {
    before * 10 >= total * 6
}

/// The first line of `block` that closes the article (see [`is_closing_line`]) after most of the `total`
/// characters of text, where `before` of them come before the block.
fn closing_line(
    an: &Analysis<'_>,
    block: &super::analysis::Block,
    before: usize,
    total: usize,
) -> Option<LineEnd> {
    let lines = lines_of(an, block.node);
    // A block of one line is judged as a block.
    if lines.lines.len() < 2 {
        return None;
    }
    let mut seen = before;
    let at = lines.lines.iter().position(|line| {
        let closing = after_most(seen, total) && is_closing_line(line);
        seen += visible_len(&line.own_text);
        closing
    })?;
    let line = &lines.lines[at];
    tracing::debug!("text ends at the line {:?} of a block of lines", line.text);
    Some(LineEnd {
        nodes: lines.nodes[line.first..].to_vec(),
        next_order: line.blocks_before.unwrap_or(block.order) + 1,
        lines: lines.lines[at..].iter().map(|l| l.text.clone()).collect(),
    })
}

/// A line that closes an article, as [`is_closing_note`] judges a block: an edge phrase (reprint notice, app
/// prompt) outside its links, an editor's or proofreader's credit, or a short end marker (相关阅读).
fn is_closing_line(line: &Line) -> bool {
    if opens_with_item_number(&line.text) {
        return false;
    }
    let len = visible_len(&line.text);
    if edge_note_max(&line.own_text).is_some_and(|max| len <= max) {
        return !line.text.contains("原标题");
    }
    (len <= EDGE_META_MAX_CHARS
        && line_has_label(&line.text, &[LabelKind::Editor, LabelKind::Reviewer]))
        || (len < 40 && !is_sentence(&line.text) && END.find_word_in(&line.text).is_some())
}

/// A short heading after the text's last paragraph: what it introduces (related stories, comments, contact
/// details, a newsletter or donation box) is about the site, not the article, whose sections hold prose. Not
/// when the article's own sections above use the same kind of heading (a profile's last tab, 讲授课程, lists
/// courses), nor when a list of `label：value` lines follows it (人员组成： 所长：…).
fn tail_heading(an: &Analysis<'_>, blocks: &[&super::analysis::Block]) -> Option<usize> {
    let last_paragraph = blocks.iter().rposition(|b| is_paragraph(b))?;
    let heading = |b: &super::analysis::Block| {
        an.doc
            .tree
            .get(b.node)
            .and_then(|n| n.value().as_element())
            .filter(|el| matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6"))
            .map(|el| (el.name(), el.attr("class")))
    };
    let sections: Vec<_> = blocks[..last_paragraph]
        .iter()
        .filter_map(|b| heading(b))
        .collect();
    let tail = &blocks[last_paragraph + 1..];
    let at = tail.iter().position(|b| {
        display_width(&b.line) < TAIL_PARAGRAPH_MIN_WIDTH
            && heading(b).is_some_and(|kind| !sections.contains(&kind))
    })?;
    (!is_field_list(&tail[at + 1..])).then(|| tail[at].order)
}

/// Two or more short lines, half of them or more `label：value` pairs.
fn is_field_list(blocks: &[&super::analysis::Block]) -> bool {
    let labelled = blocks
        .iter()
        .filter(|b| b.line.contains(['：', ':']))
        .count();
    blocks.len() >= 2
        && labelled * 2 >= blocks.len()
        && blocks
            .iter()
            .all(|b| display_width(&b.line) < TAIL_PARAGRAPH_MIN_WIDTH)
}

/// A paragraph of prose: a few lines of text with sentence punctuation, mostly outside links.
fn is_paragraph(block: &super::analysis::Block) -> bool {
    block.punct > 0
        && block.link_chars * 2 < block.chars
        && display_width(&block.line) >= TAIL_PARAGRAPH_MIN_WIDTH
}

/// Width of a line in Latin letters, as a terminal shows it: a Chinese, Japanese or Korean character counts two.
fn display_width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

static EDGE: LazyLock<Markers> = LazyLock::new(|| Markers::new(&EDGE_PHRASES));
static EDGE_MEDIA: LazyLock<Markers> = LazyLock::new(|| Markers::new(&EDGE_MEDIA_WORDS));

/// How long a note carrying `text`'s phrase may be: a notice's phrase ([`EDGE_PHRASES`]) marks a note of up to
/// [`EDGE_NOTE_MAX_CHARS`], a medium's name alone ([`EDGE_MEDIA_WORDS`]) one of up to
/// [`EDGE_MEDIA_NOTE_MAX_CHARS`]; `None` when the text carries neither.
fn edge_note_max(text: &str) -> Option<usize> {
    if EDGE.find_word_in(text).is_some() {
        Some(EDGE_NOTE_MAX_CHARS)
    } else {
        EDGE_MEDIA
            .find_word_in(text)
            .map(|_| EDGE_MEDIA_NOTE_MAX_CHARS)
    }
}

/// A note that closes an article (责任编辑 and proofreader lines, reprint notices, disclaimers, app prompts):
/// after most of the text, nothing that follows it is article text.
fn is_closing_note(an: &Analysis<'_>, block: &super::analysis::Block) -> bool {
    let len = block.chars + block.link_chars + block.content_link_chars;
    if has_edge_phrase(an, block).is_some_and(|max| len <= max) {
        return !block.line.contains("原标题");
    }
    len <= EDGE_META_MAX_CHARS && has_label(block, &[LabelKind::Editor, LabelKind::Reviewer])
}

/// Whether the block's line carries a label of one of these kinds.
fn has_label(block: &super::analysis::Block, kinds: &[LabelKind]) -> bool {
    line_has_label(&block.line, kinds)
}

/// Whether a line carries a label of one of these kinds.
fn line_has_label(line: &str, kinds: &[LabelKind]) -> bool {
    split_labels(line).iter().any(|p| kinds.contains(&p.kind))
}

/// Whether the block carries one of the edge notes' phrases — in its own text, not only in a link that follows
/// a sentence — and then how long the note may be ([`edge_note_max`]).
fn has_edge_phrase(an: &Analysis<'_>, block: &super::analysis::Block) -> Option<usize> {
    let max = edge_note_max(&block.line)?;
    if block.link_chars == 0 || block.chars < EDGE_PROSE_CHARS || block.punct == 0 {
        return Some(max);
    }
    let Some(node) = an.doc.tree.get(block.node) else {
        return Some(max);
    };
    edge_note_max(&crate::extract::dom::text_outside_links(node))
}

/// Whether a block at the edge of the text is a note, a metadata line or a link bar rather than article text.
fn is_edge_note(an: &Analysis<'_>, block: &super::analysis::Block) -> bool {
    let len = block.chars + block.link_chars + block.content_link_chars;
    if has_edge_phrase(an, block).is_some_and(|max| len <= max) {
        return true;
    }
    if len <= EDGE_META_MAX_CHARS
        && has_label(
            block,
            &[
                LabelKind::Editor,
                LabelKind::Reviewer,
                LabelKind::Source,
                LabelKind::Photographer,
            ],
        )
    {
        return true;
    }
    len <= EDGE_LINKS_MAX_CHARS && block.link_chars > block.chars && block.content_link_chars == 0
}

/// Where the text starts after a header of short field lines closed by a view counter (`浏览量：1241`): a job
/// posting's or an event's header inside the body's container. A counter is never article text, and the short
/// lines above it belong to it; without a counter, `时间：… 地点：…` lines are the notice's own content.
fn header_fields_end(blocks: &[super::analysis::Block]) -> usize {
    for (i, block) in blocks.iter().take(HEADER_FIELDS_MAX_LINES).enumerate() {
        let len = block.chars + block.link_chars;
        if len > EDGE_META_MAX_CHARS || is_sentence(&block.line) {
            return 0;
        }
        if has_label(block, &[LabelKind::Views]) && i + 1 < blocks.len() {
            return i + 1;
        }
    }
    0
}

/// The body's span without the notes at its edges: walking in from the end, editor and proofreader lines,
/// reprint notices, disclaimers, app prompts and link bars are dropped until the last line of text; walking in
/// from the start, an 原标题 line is dropped. Returns the new span (first and last block order).
pub fn trim_edges(an: &Analysis<'_>, start: usize, end: usize) -> (usize, usize) {
    let blocks = an.blocks_in(start, end);
    // A note is trimmed only while a line of prose stays before it: a one-sentence notice that ends with 扫描二维码
    // is all the text there is.
    let first_prose = blocks
        .iter()
        .position(|b| b.punct >= 1 && b.chars >= EDGE_PROSE_CHARS);
    let mut last = blocks.len();
    while last > 1
        && first_prose.is_some_and(|p| p < last - 1)
        && is_edge_note(an, &blocks[last - 1])
    {
        last -= 1;
    }
    let mut first = header_fields_end(&blocks[..last]);
    while first + 1 < last
        && blocks[first].line.contains("原标题")
        && is_edge_note(an, &blocks[first])
    {
        first += 1;
    }
    let new_start = if first == 0 {
        start
    } else {
        blocks[first].order
    };
    let new_end = if last == blocks.len() || last == 0 {
        end
    } else {
        blocks[last - 1].order
    };
    (new_start, new_end)
}
