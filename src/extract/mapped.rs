//! Mapping-driven extraction: run the site mapping's selectors and patterns on the parsed page. A field whose
//! selector is missing or matches nothing stays empty here and falls back to the generic rules; the miss is
//! reported as a warning so a developer sees a stale selector at once. A selector that matches elements nested
//! in one another (a `div.TRS_Editor` inside a `div.TRS_Editor`) yields the outermost ones only: a match inside
//! another match is part of it, so its text is read once and hostile nesting costs one walk of the page, not one
//! per level.

use ego_tree::NodeId;
use html5ever::local_name;
use rustc_hash::FxHashSet as HashSet;
use scraper::ElementRef;
use url::Url;

use super::dom::{flowing_text, spaced_text};
use super::generic::analysis::Analysis;
use super::generic::breadcrumb::items_of;
use super::generic::links::attachment_name;
use super::generic::meta::credit_value;
use super::labels::{LabelKind, split_labels};
use super::{Found, Rule};
use crate::mapping::Mapping;
use crate::normalize::date::{PublishedAt, find_date, parse_date};
use crate::normalize::text::{fold, non_empty};
use crate::normalize::url::resolve;
use crate::record::{Attachment, Image};
use crate::warnings::{MAPPING_PATTERN, MAPPING_SELECTOR};

/// What the mapping found on one page.
#[derive(Debug, Default)]
pub struct Mapped {
    pub title: Option<Found<String>>,
    pub title_node: Option<NodeId>,
    pub published: Option<Found<PublishedAt>>,
    pub author: Option<Found<String>>,
    pub editor: Option<Found<String>>,
    pub source: Option<Found<String>>,
    pub category: Option<Found<Vec<String>>>,
    pub category_node: Option<NodeId>,
    pub body_roots: Vec<NodeId>,
    pub meta_node: Option<NodeId>,
    pub attachments: Option<Vec<Attachment>>,
    pub images: Option<Vec<Image>>,
    /// Nodes matched by the mapping's `remove` selectors.
    pub removed: Vec<NodeId>,
    pub warnings: Vec<String>,
}

/// Run `mapping` on the analysed page.
pub fn extract(an: &Analysis<'_>, mapping: &Mapping, base: Option<&Url>) -> Mapped {
    let mut m = Mapped::default();
    let first = |field: &str, m: &mut Mapped| -> Option<ElementRef<'_>> {
        let sel = mapping.selector(field)?;
        let found = an.doc.select(sel).next();
        if found.is_none() {
            m.warnings.push(MAPPING_SELECTOR.text(&[
                &field,
                &format_args!("{:?}", mapping.selector_text(field).unwrap_or_default()),
            ]));
        }
        found
    };
    let meta_text = first("meta", &mut m).map(|el| {
        m.meta_node = Some(el.id());
        spaced_text(*el)
    });
    let page_text = std::cell::OnceCell::new();
    for field in crate::mapping::PATTERN_FIELDS {
        let selected = first(field, &mut m);
        if field == "title" {
            m.title_node = selected.map(|el| el.id());
        }
        // A selector matching only whitespace counts as no match: the next rule runs.
        let selected_text = selected
            .map(|el| spaced_text(*el))
            .filter(|t| !t.trim().is_empty());
        let pattern = mapping.pattern(field);
        let captured = |text: &str| {
            pattern
                .and_then(|re| re.captures(text))
                .and_then(|c| c.name("value").map(|v| fold(v.as_str())))
                .filter(|v| !v.is_empty())
        };
        // 1. the selector's text, refined by the field's pattern when it has one
        let mut value = selected_text.as_deref().map(|t| match captured(t) {
            Some(v) => (v, Rule::pattern(field), false),
            None => (t.to_string(), Rule::mapping(field), true),
        });
        // 2. the pattern over the meta block's text, else over the page's text
        if value.is_none() && pattern.is_some() {
            let haystack = match &meta_text {
                Some(t) => t.as_str(),
                None => page_text.get_or_init(|| {
                    an.blocks
                        .iter()
                        .map(|b| b.line.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                }),
            };
            value = captured(haystack).map(|v| (v, Rule::pattern(field), false));
            if value.is_none() {
                m.warnings.push(MAPPING_PATTERN.text(&[&field]));
            }
        }
        let Some((raw, rule, labelled)) = value else {
            continue;
        };
        match field {
            "title" => m.title = non_empty(&raw).map(|t| Found::new(t, rule)),
            "published" => m.published = date_in(&raw).map(|d| Found::new(d, rule)),
            _ => {
                let kind = match field {
                    "author" => LabelKind::Author,
                    "editor" => LabelKind::Editor,
                    _ => LabelKind::Source,
                };
                let v = if labelled {
                    labelled_value(&raw, kind)
                } else {
                    non_empty(&raw)
                };
                let found = v.map(|v| Found::new(v, rule));
                match kind {
                    LabelKind::Author => m.author = found,
                    LabelKind::Editor => m.editor = found,
                    _ => m.source = found,
                }
            }
        }
    }
    // 3. label splitting of the meta block
    if let Some(text) = &meta_text {
        for pair in split_labels(text) {
            let Some(value) = pair.value else { continue };
            let rule = Rule::mapping_label(pair.label);
            match pair.kind {
                LabelKind::Published if m.published.is_none() => {
                    m.published = date_in(&value).map(|d| Found::new(d, rule));
                }
                LabelKind::Author if m.author.is_none() => {
                    m.author = credit_value(pair.kind, &value).map(|v| Found::new(v, rule));
                }
                LabelKind::Editor if m.editor.is_none() => {
                    m.editor = credit_value(pair.kind, &value).map(|v| Found::new(v, rule));
                }
                LabelKind::Source if m.source.is_none() => {
                    m.source = credit_value(pair.kind, &value).map(|v| Found::new(v, rule));
                }
                _ => {}
            }
        }
    }
    if let Some(el) = first("breadcrumb", &mut m) {
        let items = items_of(*el, None);
        if !items.is_empty() {
            m.category = Some(Found::new(items, Rule::mapping("breadcrumb")));
            m.category_node = Some(el.id());
        }
    }
    if let Some(sel) = mapping.selector("body") {
        m.body_roots = outermost(an.doc.select(sel));
        if m.body_roots.is_empty() {
            m.warnings.push(MAPPING_SELECTOR.text(&[
                &"body",
                &format_args!("{:?}", mapping.selector_text("body").unwrap_or_default()),
            ]));
        }
    }
    for sel in &mapping.remove {
        m.removed.extend(outermost(an.doc.select(sel)));
    }
    // Every node inside a removed subtree, so asking about one costs a lookup, not a walk to the root.
    let removed_set: HashSet<NodeId> = subtrees(an, &m.removed);
    let removed = |el: &ElementRef<'_>| removed_set.contains(&el.id());
    if let Some(sel) = mapping.selector("attachments") {
        let mut list: Vec<Attachment> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for id in outermost(an.doc.select(sel)) {
            let Some(el) = an.doc.tree.get(id).and_then(ElementRef::wrap) else {
                continue;
            };
            let links = std::iter::once(el).chain(el.descendants().filter_map(ElementRef::wrap));
            for a in links.filter(|a| a.value().name.local == local_name!("a") && !removed(a)) {
                let Some(href) = a.value().attr("href") else {
                    continue;
                };
                let url = resolve(base, href);
                if seen.insert(url.clone()) {
                    let name = attachment_name(&flowing_text(*a), a.value().attr("title"), &url);
                    list.push(Attachment { name, url });
                }
            }
        }
        // An empty match falls back to the generic rule, like every other field.
        m.attachments = (!list.is_empty()).then_some(list);
    }
    if let Some(sel) = mapping.selector("images") {
        let mut list: Vec<Image> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        for id in outermost(an.doc.select(sel)) {
            let Some(el) = an.doc.tree.get(id).and_then(ElementRef::wrap) else {
                continue;
            };
            let imgs = std::iter::once(el).chain(el.descendants().filter_map(ElementRef::wrap));
            for img in imgs.filter(|i| i.value().name.local == local_name!("img") && !removed(i)) {
                let Some(src) = img.value().attr("src") else {
                    continue;
                };
                let alt = img.value().attr("alt").and_then(non_empty);
                let url = resolve(base, src);
                if !seen.insert(url.clone()) {
                    continue;
                }
                list.push(Image { url, alt });
            }
        }
        m.images = (!list.is_empty()).then_some(list);
    }
    m
}

/// The matches (in document order) that are not inside an earlier match. Each kept match's subtree is walked
/// once to mark what it covers; kept subtrees are disjoint, so the whole costs one walk of the page at most.
fn outermost<'a>(matches: impl Iterator<Item = ElementRef<'a>>) -> Vec<NodeId> {
    let mut covered: HashSet<NodeId> = HashSet::default();
    let mut kept = Vec::new();
    for el in matches {
        if covered.contains(&el.id()) {
            continue;
        }
        covered.extend(el.descendants().map(|d| d.id()));
        kept.push(el.id());
    }
    kept
}

/// Every node of the given (disjoint) subtrees.
fn subtrees(an: &Analysis<'_>, roots: &[NodeId]) -> HashSet<NodeId> {
    roots
        .iter()
        .filter_map(|r| an.doc.tree.get(*r))
        .flat_map(|r| r.descendants().map(|d| d.id()))
        .collect()
}

fn date_in(text: &str) -> Option<PublishedAt> {
    parse_date(text).or_else(|| find_date(text).map(|(d, _)| d))
}

/// The value of a mapped element: the value of its label when it has one (`作者：张三` → 张三), else its text.
pub(crate) fn labelled_value(text: &str, kind: LabelKind) -> Option<String> {
    let pairs = split_labels(text);
    if let Some(p) = pairs.iter().find(|p| p.kind == kind) {
        return p.value.as_deref().and_then(|v| credit_value(kind, v));
    }
    if let Some(p) = pairs.first() {
        return p.value.clone();
    }
    non_empty(text)
}
