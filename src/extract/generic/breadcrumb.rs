//! Breadcrumb → category path. Finds the 当前位置 / 您现在的位置 / 所在位置 line (or an element marked
//! breadcrumb/position/location) and splits it into items, dropping the label, 首页 and 正文.

use super::vocabulary::{
    BREADCRUMB_BARE_LABEL, BREADCRUMB_CLASS_WORDS, BREADCRUMB_DROPPED, BREADCRUMB_LABELS,
};
use ego_tree::{NodeId, NodeRef};
use html5ever::local_name;
use scraper::Node;

use super::analysis::Analysis;
use std::sync::LazyLock;

use crate::extract::Rule;
use crate::extract::dom::{Markers, is_anchor, is_block, is_named, spaced_text};

static CLASSES: LazyLock<Markers> = LazyLock::new(|| Markers::new(&BREADCRUMB_CLASS_WORDS));
/// Every label at once: a line that holds none is passed over with one search.
static LABELS: LazyLock<Markers> = LazyLock::new(|| Markers::new(&BREADCRUMB_LABELS));
use crate::normalize::text::fold;

/// A breadcrumb found on the page.
#[derive(Debug, Clone)]
pub struct Breadcrumb {
    pub node: NodeId,
    pub items: Vec<String>,
    pub rule: Rule,
}

/// Find the breadcrumb and turn it into a category path.
pub fn find(an: &Analysis<'_>) -> Option<Breadcrumb> {
    for block in &an.blocks {
        if block.line.chars().count() > 150 {
            continue;
        }
        // Most lines hold no label at all: one search for any of them first, then the first label in order.
        if LABELS.find_in(&block.line).is_none() {
            continue;
        }
        if let Some(marker) = BREADCRUMB_LABELS
            .iter()
            .find(|m| block.line.contains(*m))
            .filter(|m| **m != BREADCRUMB_BARE_LABEL || opens_a_label(&block.line, m))
        {
            let node = an.doc.tree.get(block.node)?;
            let items = items_of(node, Some(marker));
            if !items.is_empty() {
                return Some(Breadcrumb {
                    node: block.node,
                    items,
                    rule: Rule::generic(format!("breadcrumb {marker}")),
                });
            }
        }
    }
    // Elements marked by class or id; only those holding a little text qualify (checked on the subtree
    // statistics first, so the page's thousands of other elements cost one map lookup each). Statistics are
    // kept for blocks, so a marked inline element (`<span class="Column_Position">` in a table cell) is looked
    // for inside the small blocks that hold links.
    let mut marked: Vec<(usize, ego_tree::NodeId)> = an
        .stats
        .iter()
        .filter(|(_, s)| s.chars + s.link_chars <= 150)
        .filter_map(|(id, s)| {
            let node = an.doc.tree.get(*id)?;
            if CLASSES.in_names(node.value().as_element()?).is_some() {
                return Some((s.pre, *id));
            }
            if s.link_chars == 0 {
                return None;
            }
            // A trail has steps: the marked element holds two links or more (a lone link marked
            // `…_position_top` is a widget's credit).
            let inline = node.descendants().skip(1).find(|d| {
                d.value().as_element().is_some_and(|el| {
                    !is_block(&el.name.local)
                        && el.name.local != local_name!("a")
                        && CLASSES.in_names(el).is_some()
                })
            })?;
            let links = inline
                .descendants()
                .filter(|d| is_anchor(*d))
                .take(2)
                .count();
            (links == 2).then_some((s.pre, inline.id()))
        })
        .collect();
    marked.sort_unstable();
    for node in marked.into_iter().filter_map(|(_, id)| an.doc.tree.get(id)) {
        let text = spaced_text(node);
        if text.is_empty() || text.chars().count() > 150 {
            continue;
        }
        let items = items_of(node, None);
        if !items.is_empty() {
            return Some(Breadcrumb {
                node: node.id(),
                items,
                rule: Rule::generic("breadcrumb element"),
            });
        }
    }
    None
}

/// Whether `label` stands somewhere in `line` as a label of its own: at the line's start or after a mark, a
/// space or an icon's bracket, not glued to the end of a longer word (`具体位置：` is a field of a contact list).
fn opens_a_label(line: &str, label: &str) -> bool {
    line.match_indices(label).any(|(at, _)| {
        line[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !crate::normalize::text::is_cjk(c))
    })
}

fn is_separator_text(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '>' | '＞' | '»' | '›' | '→' | '/' | '\\' | '-' | '|' | '·' | '\u{a0}' | '\u{3000}'
            )
    })
}

/// Split a breadcrumb element into its items.
pub(crate) fn items_of(node: NodeRef<'_, Node>, marker: Option<&str>) -> Vec<String> {
    let text = spaced_text(node);
    let after_marker = match marker {
        Some(m) => match text.find(m) {
            Some(i) => &text[i + m.len()..],
            None => text.as_str(),
        },
        None => text.as_str(),
    };
    let after_marker =
        after_marker.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
    let links: Vec<(String, bool)> = node
        .descendants()
        .filter_map(|d| {
            let el = d.value().as_element()?;
            if !is_anchor(d) {
                return None;
            }
            let t = spaced_text(d);
            let root_link = el.attr("href").is_some_and(is_site_root);
            (!t.is_empty()).then_some((t, root_link))
        })
        .collect();
    // A trail written as a list (`<ol><li><a>首页</a></li><li>关于我们</li><li>中心简介</li></ol>`): its items,
    // whatever else the element holds (a heading repeating the page's name).
    // (Read only when the links do not make the trail.)
    let list_items = || -> Vec<String> {
        node.descendants()
            .filter(|d| is_named(*d, &["li"]))
            .map(spaced_text)
            .collect()
    };
    let listed = if links.len() < 2 {
        list_items()
    } else {
        Vec::new()
    };
    let mut items: Vec<String> = if listed.len() >= 2 {
        listed
    } else if links.len() >= 2 && !has_separator(after_marker) {
        let mut v: Vec<String> = links
            .iter()
            .enumerate()
            .filter(|(i, (_, root))| !(*i == 0 && *root))
            .map(|(_, (t, _))| t.clone())
            .collect();
        if let Some((last, _)) = links.last()
            && let Some(pos) = after_marker.rfind(last.as_str())
        {
            let rest = &after_marker[pos + last.len()..];
            if !is_separator_text(rest) {
                v.push(rest.to_string());
            }
        }
        v
    } else {
        let root_text = links
            .first()
            .filter(|(_, root)| *root)
            .map(|(t, _)| t.clone());
        split_items(after_marker)
            .into_iter()
            .enumerate()
            .filter(|(i, t)| !(*i == 0 && root_text.as_deref() == Some(t.as_str())))
            .map(|(_, t)| t)
            .collect()
    };
    items = items
        .into_iter()
        .map(|t| fold(t.trim_matches(|c: char| c.is_whitespace() || is_sep_char(c))))
        .filter(|t| {
            !t.is_empty()
                && !BREADCRUMB_DROPPED.contains(&t.as_str())
                && !BREADCRUMB_LABELS.iter().any(|m| t.contains(m))
        })
        .collect();
    items
}

fn is_sep_char(c: char) -> bool {
    matches!(c, '>' | '＞' | '»' | '›' | '→' | '|' | '\\')
}

fn has_separator(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '>' | '＞' | '»' | '›' | '→'))
}

fn split_items(s: &str) -> Vec<String> {
    let parts: Vec<&str> = if has_separator(s) {
        s.split(['>', '＞', '»', '›', '→']).collect()
    } else {
        s.split(['/', '|']).collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// `/`, `/index.html`, `http://host/`, `../../index.htm`: links to a site's home.
fn is_site_root(href: &str) -> bool {
    let path = href
        .split_once("://")
        .map(|(_, rest)| rest.split_once('/').map(|(_, p)| p).unwrap_or(""))
        .unwrap_or(href);
    let path = path
        .trim_start_matches("./")
        .trim_start_matches("../")
        .trim_start_matches('/');
    let path = path.trim_start_matches("../");
    path.is_empty()
        || matches!(
            path.to_ascii_lowercase().as_str(),
            "index.html"
                | "index.htm"
                | "index.shtml"
                | "index.asp"
                | "index.php"
                | "index.jsp"
                | "default.htm"
                | "default.html"
                | "default.asp"
                | "default.aspx"
                | "main.htm"
                | "main.html"
        )
}
