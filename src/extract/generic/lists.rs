//! Lists of links to other pages: the positive evidence that a page is a column list, a directory or a hub rather
//! than an article. A list is a run of sibling elements of one shape (same tag and class) that each *start with*
//! a link to another page — news items (date, title link, teaser), table rows of a column, person cards. A pager
//! (下一页, 尾页, 页码 1/12, "Next") beside a list confirms it. Links to documents do not count: a notice whose
//! body is six .docx links is an article with attachments.

use ego_tree::NodeRef;
use rustc_hash::FxHashMap as HashMap;
use scraper::Node;

use super::analysis::Analysis;
use super::links::{is_attachment_href, is_download_endpoint};
use crate::extract::dom::{attr, skip_subtree};
use crate::normalize::text::{is_space, visible_len};

/// Items a list needs to be evidence on its own: fewer could be a short "related" box or an article's numbered
/// links.
pub const LIST_MIN_ITEMS: usize = 5;

/// With a pager beside it, a list of this many items is a list page (the last page of a column may hold two; one
/// item that starts with a link could be a paragraph of a multi-page article).
pub const LIST_MIN_ITEMS_WITH_PAGER: usize = 2;

/// An item "starts with" its link when at most this many visible characters come before the link (a date, a
/// number, a bullet).
const ITEM_LEAD_MAX_CHARS: usize = 12;

/// Share of the items that must start with a link to a distinct page.
const LINKED_ITEM_SHARE: f32 = 0.8;

/// Share of the main block's text the list's items must hold: the list *is* the page, not a box in an article.
const LIST_TEXT_SHARE: f32 = 0.6;

/// How far up from the chosen block the list may sit (the chosen block can be one item or the list's wrapper).
const LIST_ANCESTOR_LEVELS: usize = 3;

/// What was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListEvidence {
    pub items: usize,
    pub pager: bool,
}

/// A run of sibling items that each start with a link to another page, holding most of the main block's text —
/// searched in the main block, its descendants and a few of its ancestors.
pub fn main_list(an: &Analysis<'_>, main: ego_tree::NodeId) -> Option<ListEvidence> {
    let node = an.doc.tree.get(main)?;
    let main_text = text_of(an, main).max(1);
    let pager = has_pager(an);
    let needed = if pager {
        LIST_MIN_ITEMS_WITH_PAGER
    } else {
        LIST_MIN_ITEMS
    };
    let mut best: Option<usize> = None;
    let scopes = node
        .ancestors()
        .take(LIST_ANCESTOR_LEVELS)
        .filter(|a| a.value().is_element())
        .chain(node.descendants());
    for scope in scopes {
        let Some((items, text)) = linked_items(an, scope) else {
            continue;
        };
        // Inside the main block the list must hold most of it; around it (the main block is one item) the list
        // must hold most of the wrapper it sits in.
        let whole = if scope.ancestors().any(|a| a.id() == main) || scope.id() == main {
            main_text
        } else {
            text_of(an, scope.id()).max(1)
        };
        if items >= needed && text as f32 >= LIST_TEXT_SHARE * whole as f32 {
            best = best.max(Some(items));
        }
    }
    best.map(|items| ListEvidence { items, pager })
}

fn text_of(an: &Analysis<'_>, node: ego_tree::NodeId) -> usize {
    an.stats
        .get(&node)
        .map(|s| s.chars + s.link_chars)
        .unwrap_or(0)
}

/// The largest group of same-shaped children of `parent` that start with links to distinct pages: (items, text).
fn linked_items(an: &Analysis<'_>, parent: NodeRef<'_, Node>) -> Option<(usize, usize)> {
    let mut groups: HashMap<(&str, String), Vec<NodeRef<'_, Node>>> = HashMap::default();
    for child in parent.children() {
        let Some(el) = child.value().as_element() else {
            continue;
        };
        if skip_subtree(el) || !an.stats.contains_key(&child.id()) {
            continue;
        }
        groups
            .entry((el.name(), shape(el)))
            .or_default()
            .push(child);
    }
    groups
        .into_values()
        .filter(|items| !items.is_empty())
        .filter_map(|items| {
            let mut hrefs: Vec<&str> = items.iter().filter_map(|i| leading_link(i)).collect();
            let linked = hrefs.len();
            hrefs.sort_unstable();
            hrefs.dedup();
            let distinct = hrefs.len();
            let share = LINKED_ITEM_SHARE * items.len() as f32;
            (linked as f32 >= share && distinct as f32 >= share).then(|| {
                let text = items.iter().map(|i| text_of(an, i.id())).sum();
                (items.len(), text)
            })
        })
        .max_by_key(|(items, text)| (*text, *items))
}

/// An item's class with numbering left out (`news n1 clearfix` and `news n2 clearfix` are one shape).
fn shape(el: &scraper::node::Element) -> String {
    attr(el, "class")
        .unwrap_or("")
        .split_whitespace()
        .map(|t| t.trim_end_matches(|c: char| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
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

/// The href of the link an item starts with (after at most a few characters of date or numbering), if it links
/// to another page (not a document, a script or an anchor).
fn leading_link<'a>(item: &NodeRef<'a, Node>) -> Option<&'a str> {
    if let Some(target) = item.value().as_element().and_then(onclick_target) {
        return is_page_href(target).then_some(target);
    }
    let mut lead = 0usize;
    for node in item.descendants() {
        match node.value() {
            Node::Element(el) if el.name() == "a" => {
                let href = attr(el, "href")?.trim();
                let page_link = is_page_href(href);
                let has_text = node
                    .descendants()
                    .any(|d| d.value().as_text().is_some_and(|t| visible_len(t) > 0))
                    || node
                        .descendants()
                        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "img"));
                return (page_link && has_text).then_some(href);
            }
            Node::Element(el) if skip_subtree(el) => {}
            Node::Text(t) => {
                let inside_skipped = node
                    .ancestors()
                    .take_while(|a| a.id() != item.id())
                    .any(|a| a.value().as_element().is_some_and(skip_subtree));
                if !inside_skipped {
                    lead += t.chars().filter(|c| !is_space(*c)).count();
                    if lead > ITEM_LEAD_MAX_CHARS {
                        return None;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A link to another page: not empty, not an anchor, a script, an e-mail address or a document.
fn is_page_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    !href.is_empty()
        && !href.starts_with('#')
        && !lower.starts_with("javascript:")
        && !lower.starts_with("mailto:")
        && !is_attachment_href(href)
        && !is_download_endpoint(href)
}

/// Words of a pager's links (a multi-page article has them too: a pager alone is no evidence, only beside a list).
const PAGER_WORDS: [&str; 12] = [
    "下一页",
    "下页",
    "尾页",
    "末页",
    "上一页",
    "末 页",
    "尾 页",
    "下一頁",
    "next",
    "last",
    "»",
    "›",
];

/// Whether the page has a pager: a short line with a pager word and a page number (`首页 上一页 1 2 3 下一页 尾页`,
/// `页码 1/112`, `总共 36 记录`, `FirstPrevious1NextLast`).
pub fn has_pager(an: &Analysis<'_>) -> bool {
    an.blocks.iter().any(|b| {
        let line = b.line.as_str();
        if visible_len(line) > 120 {
            return false;
        }
        let lower = line.to_ascii_lowercase();
        let numbered = line.chars().any(|c| c.is_ascii_digit());
        let words = PAGER_WORDS.iter().any(|w| lower.contains(w));
        let counted = (line.contains("页码") || line.contains("共") && line.contains("页"))
            || (line.contains("总共") && line.contains("记录"))
            || (line.contains('第') && line.contains("页") && line.contains('/'));
        numbered && (words || counted)
    })
}
