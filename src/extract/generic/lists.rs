//! Lists of links to other pages: the positive evidence that a page is a column list, a directory or a hub rather
//! than an article. A list is a run of sibling elements of one shape (same tag and class) that each *start with*
//! a link to another page — news items (date, title link, teaser), table rows of a column, person cards. A pager
//! (下一页, 尾页, 页码 1/12, "Next") beside a list confirms it, and makes a list of even one such item. Links to
//! documents count only in a dated list (a download column): a notice whose body is six .docx links is an article
//! with attachments.

use super::vocabulary::{
    BOX_MAX_TEXT_SHARE, BOX_MIN_ITEMS, CARD_TITLE_MIN_CHARS, ITEM_LEAD_MAX_CHARS,
    LATIN_PAGER_BUTTONS, LATIN_PAGER_BUTTONS_MIN, LATIN_PAGER_WORDS, LINKED_ITEM_MAX_AVG_CHARS,
    LINKED_ITEM_SHARE, LIST_ANCESTOR_LEVELS, LIST_MIN_ITEMS, LIST_MIN_ITEMS_WITH_PAGER,
    LIST_TEXT_SHARE, PAGE_LIST_TEXT_RATIO, PAGER_MAX_CHARS, PAGER_WORDS, RECORD_MAX_CHARS,
    RECORD_MAX_SENTENCES, RECORDS_MIN_ITEMS, TITLE_LINK_MIN_CHARS,
};
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use html5ever::local_name;
use rustc_hash::FxHashMap as HashMap;
use scraper::Node;

use super::analysis::Analysis;
use super::links::{is_attachment_href, is_download_endpoint};
use crate::extract::dom::{Markers, attr, is_skipped};
use crate::href::starts_with_ignore_case;
use crate::normalize::date::find_date;
use crate::normalize::text::{is_space, visible_len};
use std::sync::LazyLock;

/// What kind of list was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Items that start with links to distinct pages (news titles, names, rows of a column).
    Linked,
    /// Structured records (date, title, place, person card) under a pager, with or without links.
    Records,
}

/// What was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListEvidence {
    /// The element whose children are the items (a `ul`, a table body, a `div`): where the template keeps its list.
    pub container: ego_tree::NodeId,
    pub items: usize,
    pub pager: bool,
    pub kind: ListKind,
}

/// A list holding most of the main block's text — searched in the main block, its descendants and a few of its
/// ancestors; and, when the main block is weak (`weak`), anywhere outside the page chrome.
pub fn main_list(an: &Analysis<'_>, main: ego_tree::NodeId, weak: bool) -> Option<ListEvidence> {
    let node = an.doc.tree.get(main)?;
    let main_text = text_of(an, main).max(1);
    let pager = has_pager(an);
    let mut best: Option<ListEvidence> = None;
    let consider = |best: &mut Option<ListEvidence>, found: ListEvidence| {
        if best.is_none_or(|b| found.items > b.items) {
            *best = Some(found);
        }
    };
    let around = node
        .ancestors()
        .take(LIST_ANCESTOR_LEVELS)
        .filter(|a| a.value().is_element())
        .map(|a| (a, false));
    let inside = node.descendants().map(|d| (d, true));
    for (scope, within) in around.chain(inside) {
        // Inside the main block the list must hold most of it; around it (the main block is one item) the list
        // must hold most of the wrapper it sits in.
        let whole = if within {
            main_text
        } else {
            text_of(an, scope.id()).max(1)
        };
        // A group's items hold at most the scope's text: a scope with less than the share holds no such list.
        let reaches = |text: usize| text as f32 >= LIST_TEXT_SHARE * whole as f32;
        if reaches(text_of(an, scope.id())) {
            for group in item_groups(an, scope, pager) {
                if group.titled && reaches(group.text) {
                    consider(&mut best, group.evidence(pager));
                }
            }
        }
        if pager
            && best.is_none()
            && let Some(item) = single_item(an, scope)
            && text_of(an, item.container) as f32 >= LIST_TEXT_SHARE * whole as f32
        {
            consider(&mut best, item);
        }
    }
    if best.is_none() && weak {
        for scope in an.doc.tree.root().descendants() {
            // A group's items hold at most the scope's text: a scope with less holds no list that is the page.
            if !scope.value().is_element()
                || an.block_of(scope.id()).is_some_and(|b| b.chrome)
                || text_of(an, scope.id()) < PAGE_LIST_TEXT_RATIO * main_text
            {
                continue;
            }
            for group in item_groups(an, scope, pager) {
                let titled = group.titled
                    && (group.kind == ListKind::Records
                        || pager
                        || group.dated * 2 >= group.items
                        || group.link_chars >= TITLE_LINK_MIN_CHARS * group.items);
                if titled && group.text >= PAGE_LIST_TEXT_RATIO * main_text {
                    consider(&mut best, group.evidence(pager));
                }
            }
        }
    }
    best
}

/// A list of one item beside a pager (a column's last page, a faculty list of one person): an `li` alone in a
/// list that holds most of its wrapper's text, a short record linking by a title to another page. An article's
/// one-item list is a small part of its text, and an article is no short record.
fn single_item(an: &Analysis<'_>, item: NodeRef<'_, Node>) -> Option<ListEvidence> {
    let is = crate::extract::dom::is_named;
    if !is(item, &["li"]) {
        return None;
    }
    let list = item.parent().filter(|p| is(*p, &["ul", "ol"]))?;
    let wrapper = list.parent()?;
    let alone = list.children().filter(|c| is(*c, &["li"])).count() == 1;
    let holds_wrapper =
        text_of(an, list.id()) as f32 >= LIST_TEXT_SHARE * text_of(an, wrapper.id()) as f32;
    let titled =
        || page_links(&item).any(|href| title_link_chars(&item, href) >= TITLE_LINK_MIN_CHARS);
    (alone && holds_wrapper && is_short_record(an, &item) && titled()).then_some(ListEvidence {
        container: list.id(),
        items: 1,
        pager: true,
        kind: ListKind::Linked,
    })
}

/// The list that `node` is a piece of (a row's date cell, an item's title): a titled group of same-shaped
/// siblings, one of which holds `node`.
pub fn list_holding(an: &Analysis<'_>, node: ego_tree::NodeId) -> Option<ListEvidence> {
    let pager = has_pager(an);
    let node = an.doc.tree.get(node)?;
    let mut item = node;
    for parent in node.ancestors() {
        if parent.value().is_element() {
            let found = item_groups(an, parent, pager)
                .into_iter()
                .find(|g| g.titled && g.nodes.contains(&item.id()));
            if let Some(group) = found {
                return Some(group.evidence(pager));
            }
        }
        item = parent;
    }
    None
}

fn text_of(an: &Analysis<'_>, node: ego_tree::NodeId) -> usize {
    an.stats
        .get(&node)
        .map(|s| s.chars + s.link_chars)
        .unwrap_or(0)
}

/// A group of same-shaped siblings that qualifies as a list.
struct Group {
    kind: ListKind,
    /// The items' parent.
    parent: ego_tree::NodeId,
    /// Items start with a title-length link, or are short records: a column, not a forum thread whose posts
    /// start with a user name.
    titled: bool,
    items: usize,
    /// The items' elements.
    nodes: Vec<ego_tree::NodeId>,
    /// Visible characters of the items.
    text: usize,
    /// Visible characters of the items' leading links.
    link_chars: usize,
    /// Items showing a date.
    dated: usize,
}

impl Group {
    fn evidence(&self, pager: bool) -> ListEvidence {
        ListEvidence {
            container: self.parent,
            items: self.items,
            pager,
            kind: self.kind,
        }
    }
}

/// The groups of same-shaped children of `parent` that are lists: items starting with links to distinct pages
/// (enough of them), or structured records under a pager.
fn item_groups(an: &Analysis<'_>, parent: NodeRef<'_, Node>, pager: bool) -> Vec<Group> {
    let needed = if pager {
        LIST_MIN_ITEMS_WITH_PAGER
    } else {
        LIST_MIN_ITEMS
    };
    groups_of(an, parent, needed, pager)
}

/// The items of every list of links to other pages inside `container` that holds less than half its text:
/// related-story boxes, hot lists and teaser columns that a wide container took in with the article.
pub fn boxes_inside(an: &Analysis<'_>, container: ego_tree::NodeId) -> Vec<ego_tree::NodeId> {
    let Some(root) = an.doc.tree.get(container) else {
        return Vec::new();
    };
    let total = text_of(an, container).max(1) as f32;
    let mut out = Vec::new();
    for parent in root.descendants().filter(|n| n.value().is_element()) {
        for group in groups_of(an, parent, BOX_MIN_ITEMS, false) {
            if group.kind == ListKind::Linked && (group.text as f32) < BOX_MAX_TEXT_SHARE * total {
                out.extend(group.nodes);
            }
        }
    }
    out
}

/// Groups of same-shaped children of `parent` with at least `needed` linked items.
fn groups_of(
    an: &Analysis<'_>,
    parent: NodeRef<'_, Node>,
    needed: usize,
    pager: bool,
) -> Vec<Group> {
    let smallest = needed.min(RECORDS_MIN_ITEMS);
    // Most elements have fewer children than a list needs: leave them before grouping anything.
    if parent
        .children()
        .filter(|c| c.value().is_element())
        .take(smallest)
        .count()
        < smallest
    {
        return Vec::new();
    }
    let mut groups: HashMap<(&str, u64), Vec<NodeRef<'_, Node>>> = HashMap::default();
    for child in parent.children() {
        let Some(el) = child.value().as_element() else {
            continue;
        };
        // Elements without statistics hold no visible text (hidden, scripts, empty): never items.
        if !an.stats.contains_key(&child.id()) {
            continue;
        }
        groups.entry(shape(el)).or_default().push(child);
    }
    let mut out = Vec::new();
    for items in groups.into_values() {
        let n = items.len();
        if n < smallest {
            continue;
        }
        let share = LINKED_ITEM_SHARE * n as f32;
        let text: usize = items.iter().map(|i| text_of(an, i.id())).sum();
        let dated = || {
            items
                .iter()
                .filter(|i| subtree_has_date(an, i.id()))
                .count()
        };
        // The cheap tests first: most groups are paragraphs or menus that fail them.
        let mut leads: Vec<Lead<'_>> = Vec::new();
        if n >= needed && text <= LINKED_ITEM_MAX_AVG_CHARS * n {
            // Stop at the first item that makes the share unreachable.
            let allowed_misses = n - (share.ceil() as usize).min(n);
            let mut misses = 0;
            for item in &items {
                match leading_link(item) {
                    Some(lead) => leads.push(lead),
                    None => misses += 1,
                }
                if misses > allowed_misses {
                    break;
                }
            }
        }
        // Items leading with a document count only in a dated list (a download column lists its files with
        // their dates; a notice's attachments are not dated items).
        let documents = leads.iter().filter(|l| l.document).count();
        let counted = if documents > 0 && (dated() as f32) < share {
            leads.len() - documents
        } else {
            leads.len()
        };
        // Whether the items link to at least `share` distinct pages (their leading documents counted too):
        // counted until there are enough, so a big wrapper's items are not all read for it.
        let distinct_reach_share = || {
            let mut hrefs: rustc_hash::FxHashSet<&str> = Default::default();
            let documents = leads.iter().filter(|l| l.document).map(|l| l.href);
            for href in items.iter().flat_map(page_links).chain(documents) {
                hrefs.insert(href);
                if hrefs.len() as f32 >= share {
                    return true;
                }
            }
            hrefs.len() as f32 >= share
        };
        // Items that start with a title (a link of a title's length), or short records (a name card, a dated
        // line): a forum thread's posts start with a short user name and go on in prose.
        let titled = leads.iter().map(|l| l.chars).sum::<usize>()
            >= TITLE_LINK_MIN_CHARS * leads.len().max(1);
        let records = || items.iter().filter(|i| is_short_record(an, i)).count() as f32 >= share;
        if n >= needed && counted as f32 >= share && distinct_reach_share() {
            out.push(Group {
                kind: ListKind::Linked,
                parent: parent.id(),
                titled: titled || records(),
                items: n,
                nodes: items.iter().map(|i| i.id()).collect(),
                text,
                link_chars: leads.iter().map(|l| l.chars).sum(),
                dated: dated(),
            });
            continue;
        }
        if pager && n >= RECORDS_MIN_ITEMS {
            let (mut records, mut dated_links) = (0, 0);
            for item in &items {
                let linked = page_links(item).next().is_some();
                records += usize::from(is_record(an, item, linked));
                dated_links += usize::from(linked && subtree_has_date(an, item.id()));
            }
            // Under a pager, items that each show a date and link to a page of their own are a column's entries
            // however long their teasers run (a template that prints each story's text, cut short by its style).
            if records as f32 >= share || (dated_links as f32 >= share && distinct_reach_share()) {
                out.push(Group {
                    kind: ListKind::Records,
                    parent: parent.id(),
                    titled: true,
                    items: n,
                    nodes: items.iter().map(|i| i.id()).collect(),
                    text,
                    link_chars: 0,
                    dated: dated(),
                });
            }
        }
    }
    out
}

/// A short item of at most a teaser's sentence (a card's lines, a dated link).
fn is_short_record(an: &Analysis<'_>, item: &NodeRef<'_, Node>) -> bool {
    let Some(s) = an.stats.get(&item.id()) else {
        return false;
    };
    let sentences: usize = an
        .blocks_in(s.first_order, s.last_order)
        .iter()
        .map(|b| sentence_ends(&b.line))
        .sum();
    s.chars + s.link_chars <= RECORD_MAX_CHARS && sentences <= RECORD_MAX_SENTENCES
}

/// Whether any block of the item shows a date.
fn subtree_has_date(an: &Analysis<'_>, node: ego_tree::NodeId) -> bool {
    let Some(s) = an.stats.get(&node) else {
        return false;
    };
    an.blocks_in(s.first_order, s.last_order)
        .iter()
        .any(|b| find_date(&b.line).is_some())
}

/// A structured record: two or more blocks of its own (date, title, place; a card's lines; a row's cells), a link
/// or a date, and at most a teaser's sentence.
fn is_record(an: &Analysis<'_>, item: &NodeRef<'_, Node>, linked: bool) -> bool {
    let Some(s) = an.stats.get(&item.id()) else {
        return false;
    };
    let blocks = an.blocks_in(s.first_order, s.last_order);
    let sentences: usize = blocks.iter().map(|b| sentence_ends(&b.line)).sum();
    blocks.len() >= 2
        && s.chars + s.link_chars <= RECORD_MAX_CHARS
        && sentences <= RECORD_MAX_SENTENCES
        && (linked || blocks.iter().any(|b| find_date(&b.line).is_some()))
}

/// An item's class with numbering left out (`news n1 clearfix` and `news n2 clearfix` are one shape).
fn shape(el: &scraper::node::Element) -> (&str, u64) {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for token in attr(el, "class").unwrap_or("").split_whitespace() {
        h.write(
            token
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .as_bytes(),
        );
        h.write_u8(b' ');
    }
    (el.name(), h.finish())
}

/// The target of a script link on a row (`onclick="window.location.href='/2025/0401/page.htm'"`).
fn onclick_target(el: &scraper::node::Element) -> Option<&str> {
    let js = attr(el, "onclick")?;
    let at = js.find("location").or_else(|| js.find("window.open"))?;
    let rest = &js[at..];
    let open = rest.find(['\'', '"'])?;
    let quote = rest[open..].chars().next()?;
    let inner = &rest[open + 1..];
    let end = inner.find(quote)?;
    let target = inner[..end].trim();
    (!target.is_empty()).then_some(target)
}

/// Text of a scripted item (`<tr onclick=…>`) counted as its link text at most: far above any title, and it
/// keeps nested items from each reading the whole subtree below them.
const ITEM_TEXT_MAX_CHARS: usize = 1_000;

/// Nodes an item may open before its leading link (a date, a bullet image, numbering in a few wrappers take a
/// dozen). It bounds the walk: an item holding thousands of nested elements costs this much, not its subtree.
const ITEM_LEAD_MAX_NODES: usize = 32;

/// An item's leading link.
struct Lead<'a> {
    href: &'a str,
    /// Visible characters of its text (a card's title when the link is its thumbnail).
    chars: usize,
    /// It links to a document (`.pdf`, `.docx` …), not a page.
    document: bool,
}

/// The link an item starts with (after at most a few characters of date or numbering), if it links to another
/// page or to a document (not a script or an anchor).
fn leading_link<'a>(item: &NodeRef<'a, Node>) -> Option<Lead<'a>> {
    if let Some(target) = item.value().as_element().and_then(onclick_target) {
        let chars = crate::extract::dom::visible_chars_upto(*item, ITEM_TEXT_MAX_CHARS);
        return is_page_href(target).then_some(Lead {
            href: target,
            chars,
            document: false,
        });
    }
    let mut lead = 0usize;
    let mut skipped = 0usize;
    let mut opened = 0usize;
    for edge in item.traverse() {
        if matches!(edge, Edge::Open(_)) {
            opened += 1;
            if opened > ITEM_LEAD_MAX_NODES {
                return None;
            }
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) if skipped > 0 => skipped += 1,
                Node::Element(el) if el.name.local == local_name!("a") => {
                    let href = attr(el, "href")?.trim();
                    // The link's text is read whole: an item reaches a link only within its first
                    // ITEM_LEAD_MAX_NODES nodes, so each link is read by a few dozen items at most.
                    // The link's target first (one attachment test), its text only for a link to a page or
                    // a document.
                    let document = is_attachment_href(href);
                    if !(document || is_page_href_besides(href, document)) {
                        return None;
                    }
                    let chars = link_chars(node);
                    let image = node.descendants().any(|d| {
                        d.value()
                            .as_element()
                            .is_some_and(|e| e.name.local == local_name!("img"))
                    });
                    if chars == 0 && !image {
                        return None;
                    }
                    // A card's thumbnail links to the page its title links to: the title is the lead's text
                    // (a user name beside an avatar, as in a forum thread, is shorter than a title).
                    let chars = if chars == 0 {
                        Some(title_link_chars(item, href))
                            .filter(|n| *n >= CARD_TITLE_MIN_CHARS)
                            .unwrap_or(0)
                    } else {
                        chars
                    };
                    return Some(Lead {
                        href,
                        chars,
                        document,
                    });
                }
                Node::Element(el) if is_skipped(&el.name.local) => skipped = 1,
                Node::Text(t) if skipped == 0 => {
                    lead += t.chars().filter(|c| !is_space(*c)).count();
                    if lead > ITEM_LEAD_MAX_CHARS {
                        return None;
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipped > 0 && node.value().is_element() => skipped -= 1,
            Edge::Close(_) => {}
        }
    }
    None
}

/// Every link to another page inside an item (its `onclick` target included), read as they are asked for.
fn page_links<'a>(item: &NodeRef<'a, Node>) -> impl Iterator<Item = &'a str> + 'a {
    let own = item.value().as_element().and_then(onclick_target);
    let anchors = item.descendants().filter_map(|d| match d.value() {
        Node::Element(el) if el.name.local == local_name!("a") => attr(el, "href").map(str::trim),
        _ => None,
    });
    own.into_iter().chain(anchors).filter(|h| is_page_href(h))
}

/// A link to another page: not empty, not an anchor, a script, an e-mail address or a document.
fn is_page_href(href: &str) -> bool {
    is_page_href_besides(href, is_attachment_href(href))
}

/// [`is_page_href`] when whether `href` links to a document is known already.
fn is_page_href_besides(href: &str, document: bool) -> bool {
    !href.is_empty()
        && !href.starts_with('#')
        && !starts_with_ignore_case(href, "javascript:")
        && !starts_with_ignore_case(href, "mailto:")
        && !document
        && !is_download_endpoint(href)
}

/// The text length of the longest link in `item` to `href` (a card's title beside its thumbnail), looked for in
/// the item's first few dozen nodes ([`ITEM_LEAD_MAX_NODES`] twice over: a date and an image wrapper come first),
/// so that an item of thousands of nested elements costs no more than a card.
fn title_link_chars(item: &NodeRef<'_, Node>, href: &str) -> usize {
    item.descendants()
        .take(2 * ITEM_LEAD_MAX_NODES)
        .filter(|d| {
            d.value().as_element().is_some_and(|e| {
                e.name.local == local_name!("a") && attr(e, "href").map(str::trim) == Some(href)
            })
        })
        .map(link_chars)
        .max()
        .unwrap_or(0)
}

/// The visible characters of a link's text, read whole.
fn link_chars(link: NodeRef<'_, Node>) -> usize {
    link.descendants()
        .filter_map(|d| d.value().as_text().map(|t| visible_len(t)))
        .sum()
}

/// Sentence ends in a line: `。！？` anywhere, `. ! ?` before a space or at the end.
fn sentence_ends(line: &str) -> usize {
    let mut chars = line.chars().peekable();
    let mut ends = 0;
    while let Some(c) = chars.next() {
        match c {
            '。' | '！' | '？' => ends += 1,
            '.' | '!' | '?' if chars.peek().is_none_or(|n| n.is_whitespace()) => ends += 1,
            _ => {}
        }
    }
    ends
}

/// Whether the page has a pager: a short line with a pager word (下一页, 尾页) or a page count (`页码 1/112`,
/// `总共 36 记录`, `共 5 页`), or Latin pager words beside two or more page numbers.
pub fn has_pager(an: &Analysis<'_>) -> bool {
    // The pager words, searched all at once.
    static PAGER: LazyLock<Markers> = LazyLock::new(|| Markers::new(&PAGER_WORDS));
    an.blocks.iter().any(|b| {
        let line = b.line.as_str();
        // A pager line has digits or the word 页; most lines of a page have neither.
        if line.len() > 4 * PAGER_MAX_CHARS {
            return false;
        }
        let page_word = line.contains('页');
        if !(page_word || line.bytes().any(|c| c.is_ascii_digit()))
            || visible_len(line) > PAGER_MAX_CHARS
        {
            return false;
        }
        // 页码 and 第…页 need 页: a character search, before any search for a word.
        let counted = (page_word && line.contains("页码"))
            || (line.contains('共') && (page_word || line.contains("记录")))
            || (page_word && line.contains('第') && line.contains('/'));
        if counted || PAGER.find_in(line).is_some() {
            return line.chars().any(|c| c.is_ascii_digit()) || counted;
        }
        let numbers = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| (1..=3).contains(&n.len()))
            .count();
        let has = |w: &str| crate::extract::dom::contains_ignore_ascii_case(line, w);
        (numbers >= 2 && LATIN_PAGER_WORDS.iter().any(|w| has(w)))
            || (numbers >= 1
                && LATIN_PAGER_BUTTONS.iter().filter(|w| has(w)).count() >= LATIN_PAGER_BUTTONS_MIN)
    })
}
