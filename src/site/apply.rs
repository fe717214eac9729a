//! The model inside extraction: [`observe`] records what the first pass found on a page (the [`Observation`]),
//! and in the second pass the template's [`TemplateHint`] changes the page where its own heuristics disagree
//! with its siblings — the body container and the headline taken from the template's usual place, a credit
//! from the element where the template keeps it ([`credits`]), missing or guessed metadata read from the
//! template's metadata line, a missing breadcrumb from the template's (each as
//! the page's [`Plan`] says), repeated blocks left out of the body's edges and the kind made the template's
//! (on every page extracted again). Every rule acts only under the conditions
//! [`super::model::SiteModel::plan`] checks on the first pass, so a page the plan leaves alone, which is not
//! extracted again, is exactly what the second pass would make of it. Fields from a mapping are never
//! touched.

use std::cell::OnceCell;

use ego_tree::NodeId;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use scraper::Html;

use super::boilerplate::{Repeated, left_out};
use super::kinds::{KindChange, KindCounts, TemplateKind, change};
pub use super::model::Plan;
use super::signature::{
    self, CREDITS, FILLED, LOCATED, LineShape, MAX_BLOCKS, MAX_BODY_BLOCKS, Observation,
    ObservedKind, body_entry, bounded, ends, hashable, located, path_hash, text_hash,
};
use crate::extract::dom::spaced_text;
use crate::extract::generic::analysis::Analysis;
use crate::extract::{Extracted, Found, NotArticleKind, PageKind, Rule};
use crate::normalize::text::visible_len;

/// How the site model takes part in extracting one page.
#[derive(Debug, Clone, Copy, Default)]
pub enum SitePass<'a> {
    /// Not at all (a single page, `--no-site-model`).
    #[default]
    Off,
    /// First pass: extract as without the model, and record the page's [`Observation`].
    Observe,
    /// Second pass: extract with the page's template, applying the rules of its plan.
    Apply(&'a TemplateHint, Plan),
}

impl<'a> SitePass<'a> {
    /// The template and the plan, in the second pass.
    pub fn hint(self) -> Option<(&'a TemplateHint, Plan)> {
        match self {
            SitePass::Apply(h, p) => Some((h, p)),
            _ => None,
        }
    }
}

/// What a template tells the pages of it, in the second pass.
#[derive(Debug, Clone, Default)]
pub struct TemplateHint {
    /// The template's id (`t3`), written into provenance.
    pub id: String,
    /// The blocks that repeat on the template's pages: chrome, left out of the edges of the bodies it leaks
    /// into, and the content area's fixed part, kept.
    pub repeated: Repeated,
    /// The template's kind, when its pages agree.
    pub kind: Option<TemplateKind>,
    pub kind_counts: KindCounts,
    /// Consensus path hash of each field of [`LOCATED`] (0: none).
    pub locations: [u64; LOCATED.len()],
    /// Bits over [`FILLED`]: metadata fields most of the template's pages have labelled.
    pub meta_fields: u8,
}

impl TemplateHint {
    /// A digest of everything the template tells its pages (its id included, which provenance names): two
    /// hints with one digest change a page the same way.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.id.hash(&mut h);
        for set in [
            &self.repeated.chrome,
            &self.repeated.fixed,
            &self.repeated.opens,
        ] {
            let mut v: Vec<u64> = set.iter().copied().collect();
            v.sort_unstable();
            v.hash(&mut h);
        }
        self.kind.map(|k| k.name()).hash(&mut h);
        let c = self.kind_counts;
        [c.articles, c.dated_articles, c.lists, c.empty, c.other].hash(&mut h);
        self.locations.hash(&mut h);
        self.meta_fields.hash(&mut h);
        signature::mix(h.finish())
    }

    fn rule(&self, what: &str) -> Rule {
        Rule::site_model(&self.id, what)
    }

    fn location(&self, field: &str) -> Option<u64> {
        Some(self.locations[located(field)]).filter(|l| *l != 0)
    }
}

/// A headline taken from the template's place is at most this long (visible characters): a longer text there
/// is this page's content, not a title.
const TITLE_MAX_CHARS: usize = 200;

/// The page's elements by path, computed once and only when a consensus location is looked up.
pub struct Paths<'d> {
    doc: &'d Html,
    map: OnceCell<HashMap<u64, NodeId>>,
}

impl<'d> Paths<'d> {
    pub fn new(doc: &'d Html) -> Paths<'d> {
        Paths {
            doc,
            map: OnceCell::new(),
        }
    }

    fn find(&self, path: u64) -> Option<NodeId> {
        self.map
            .get_or_init(|| signature::elements_by_path(self.doc))
            .get(&path)
            .copied()
    }
}

/// The path hash of a node (0 for none).
pub fn location_of(an: &Analysis<'_>, node: Option<NodeId>) -> u64 {
    node.and_then(|n| an.doc.tree.get(n)).map_or(0, path_hash)
}

/// The body container the template uses, when this page's own choice is elsewhere and the page has that
/// container with text in it.
pub fn body_root(
    an: &Analysis<'_>,
    hint: &TemplateHint,
    roots: &[NodeId],
    paths: &Paths<'_>,
) -> Option<(NodeId, Rule)> {
    let want = hint.location("body")?;
    if roots.len() > 1 || location_of(an, roots.first().copied()) == want {
        return None;
    }
    let node = paths.find(want)?;
    let stats = an.stats.get(&node)?;
    // The page's own container inside the template's, holding most of its text, is the same body with the
    // template's edges (captions, a gallery, a tool bar) left off: a refinement, not a disagreement.
    if let Some(&own) = roots.first()
        && refines(an, own, node)
    {
        return None;
    }
    (stats.chars > 0).then(|| (node, hint.rule("body")))
}

/// Whether the page's own body container `own` lies inside `container` and holds most of its text (at least
/// four fifths): the same body with the container's edges left off. The site
/// model keeps such a page's own container, and a drafted mapping's `body_edges = "text"` does too.
pub fn refines(an: &Analysis<'_>, own: NodeId, container: NodeId) -> bool {
    let Some(stats) = an.stats.get(&container) else {
        return false;
    };
    an.doc
        .tree
        .get(own)
        .is_some_and(|n| n.ancestors().any(|a| a.id() == container))
        && an
            .stats
            .get(&own)
            .is_some_and(|o| o.chars * OWN_BODY_SHARE_DEN >= stats.chars * OWN_BODY_SHARE_NUM)
}

/// The share of the template's body container's text that the page's own container inside it must hold to be
/// kept as the same body (four fifths: a caption or two, not the text's other paragraphs).
const OWN_BODY_SHARE_NUM: usize = 4;
const OWN_BODY_SHARE_DEN: usize = 5;

/// The headline at the template's place, when this page's own headline is weak — none from an element, or a
/// text that repeats on the template's pages (a column's or the site's name, a section heading) — and came
/// from elsewhere.
pub fn title(
    an: &Analysis<'_>,
    hint: &TemplateHint,
    own: Option<&Found<String>>,
    own_node: Option<NodeId>,
    column: Option<&str>,
    paths: &Paths<'_>,
) -> Option<(Found<String>, NodeId)> {
    let want = hint.location("title")?;
    let own_loc = location_of(an, own_node);
    let own_hash = own.map_or(0, |t| text_hash(&t.value));
    let weak = own_loc == 0
        || own_hash == 0
        || hint.repeated.chrome.contains(&own_hash)
        || hint.repeated.fixed.contains(&own_hash);
    if own_loc == want || !weak {
        return None;
    }
    let node = paths.find(want)?;
    let text = spaced_text(an.doc.tree.get(node)?);
    let len = visible_len(&text);
    // The same words on many pages of the template are a column's or the site's name, not a headline.
    let h = text_hash(&text);
    if len == 0
        || len > TITLE_MAX_CHARS
        || hint.repeated.chrome.contains(&h)
        || hint.repeated.fixed.contains(&h)
    {
        return None;
    }
    use crate::extract::generic::people;
    // A roster line (`工作人员：鲍萍`) at the template's headline place is this page's content: a role and a name;
    // a line that is mostly a link (`课程简介.doc`) points elsewhere, as the generic rules also judge.
    let outside_links = an.doc.tree.get(node).map_or(0, |n| {
        visible_len(&crate::extract::dom::text_outside_links(n))
    });
    let linked = outside_links * 2 < len;
    // A name followed by another name is the first entry of a roll of names, not a profile's heading.
    let roll = || {
        people::is_bare_name(&text)
            && an
                .block_of(node)
                .is_some_and(|b| people::name_follows(an, b.order))
    };
    if people::is_role_and_name(&text) || linked || roll() {
        return None;
    }
    // The template's headline place holding this page's column name is the column heading of a page without
    // a headline of its own (the generic rules' verdict too).
    if column.is_some_and(|c| crate::extract::generic::title::is_column_heading(&text, c)) {
        return None;
    }
    Some((Found::new(text, hint.rule("title")), node))
}

/// The template's metadata line, when this page read its own metadata elsewhere (or found none).
pub fn meta_line(hint: &TemplateHint, own: u64, paths: &Paths<'_>) -> Option<NodeId> {
    let want = hint.location("meta")?;
    (own != want).then(|| paths.find(want)).flatten()
}

/// Whether some metadata field (published, author, editor, source) has no labelled value yet, so the
/// template's metadata line may fill it.
pub fn meta_open(out: &Extracted) -> bool {
    [
        out.published.as_ref().map(|f| &f.rule),
        out.author.as_ref().map(|f| &f.rule),
        out.editor.as_ref().map(|f| &f.rule),
        out.source.as_ref().map(|f| &f.rule),
    ]
    .into_iter()
    .any(|rule| !settled(rule))
}

/// Where the page's own metadata line is: the info line that gave the published date, else the first one.
pub fn meta_location(an: &Analysis<'_>, info_nodes: &[NodeId]) -> u64 {
    use crate::extract::labels::{LabelKind, split_labels};
    let dated = info_nodes.iter().find(|n| {
        an.block_of(**n).is_some_and(|b| {
            split_labels(&b.line)
                .iter()
                .any(|p| p.kind == LabelKind::Published && p.value.is_some())
        })
    });
    location_of(an, dated.or(info_nodes.first()).copied())
}

/// Fill the metadata fields that are missing or were only guessed (no label) from the template's line.
pub fn fill_meta(an: &Analysis<'_>, hint: &TemplateHint, line: NodeId, out: &mut Extracted) {
    use crate::extract::labels::{LabelKind, split_labels};
    use crate::normalize::date::{find_date, parse_date};
    let Some(node) = an.doc.tree.get(line) else {
        return;
    };
    let text = spaced_text(node);
    for pair in split_labels(&text) {
        let Some(value) = pair.value.as_deref() else {
            continue;
        };
        let rule = || Rule::site_model_label(&hint.id, pair.label);
        match pair.kind {
            LabelKind::Published if !settled(out.published.as_ref().map(|f| &f.rule)) => {
                if let Some(at) = parse_date(value).or_else(|| find_date(value).map(|d| d.0)) {
                    out.published = Some(Found::new(at, rule()));
                }
            }
            LabelKind::Author if !settled(out.author.as_ref().map(|f| &f.rule)) => {
                if let Some(v) = crate::extract::generic::people::clean_person(value) {
                    out.author = Some(Found::new(v, rule()));
                }
            }
            LabelKind::Editor if !settled(out.editor.as_ref().map(|f| &f.rule)) => {
                if let Some(v) = crate::extract::generic::people::clean_person(value) {
                    out.editor = Some(Found::new(v, rule()));
                }
            }
            LabelKind::Source if !settled(out.source.as_ref().map(|f| &f.rule)) => {
                if let Some(v) = crate::normalize::text::non_empty(value) {
                    out.source = Some(Found::new(v, rule()));
                }
            }
            _ => {}
        }
    }
}

/// The credits (author, editor, source) the template keeps labelled in an element of their own, where this page
/// read one elsewhere or found none: a reprint's closing credit inside the text (（津云新闻编辑李彤）, a copied
/// `来源：… 编辑：…` line) against the site's own `编辑：` row under it. The template's element wins when it carries
/// a labelled value of that kind on this page; `own` holds the page's own credit places ([`LOCATED`] order);
/// `mapped` the credits from the mapping (never touched). Returns the credits taken, as their element.
pub fn credits(
    an: &Analysis<'_>,
    hint: &TemplateHint,
    own: &[u64; CREDITS.len()],
    mapped: [bool; CREDITS.len()],
    paths: &Paths<'_>,
    out: &mut Extracted,
) -> [Option<NodeId>; CREDITS.len()] {
    use crate::extract::generic::meta::{CREDIT_KINDS, credit_value, is_chief_editor};
    use crate::extract::labels::split_labels;
    let mut taken = [None; CREDITS.len()];
    for (i, field) in CREDITS.iter().enumerate() {
        let Some(want) = hint.location(field).filter(|w| *w != own[i] && !mapped[i]) else {
            continue;
        };
        let Some(node) = paths.find(want) else {
            continue;
        };
        let Some(el) = an.doc.tree.get(node) else {
            continue;
        };
        let kind = CREDIT_KINDS[i];
        let value = split_labels(&spaced_text(el)).into_iter().find_map(|p| {
            let v = p.value.as_deref().filter(|_| p.kind == kind)?;
            credit_value(kind, v).map(|v| (v, p.label))
        });
        let Some((value, label)) = value else {
            continue;
        };
        // A page showing both a 责任编辑 and a plain 编辑 credits the 责任编辑 (the generic rules' order, and the
        // labelling guide's): the template's plain 编辑 row does not replace the page's own 责任编辑.
        if *field == "editor"
            && !is_chief_editor(label)
            && out
                .editor
                .as_ref()
                .and_then(|e| e.rule.label())
                .is_some_and(is_chief_editor)
        {
            continue;
        }
        let found = Some(Found::new(
            value,
            Rule::site_model_credit(&hint.id, field, label),
        ));
        match *field {
            "author" => out.author = found,
            "editor" => out.editor = found,
            _ => out.source = found,
        }
        taken[i] = Some(node);
    }
    taken
}

/// Whether a value's rule read it from a label, a mapping ([`Rule::is_labelled`]) or the model (not guessed from
/// a signature, a `<meta>` tag or the URL): [`Rule::settled_for_model`].
fn settled(rule: Option<&Rule>) -> bool {
    rule.is_some_and(Rule::settled_for_model)
}

/// The breadcrumb at the template's place, for a page that found none of its own.
pub fn breadcrumb(
    an: &Analysis<'_>,
    hint: &TemplateHint,
    paths: &Paths<'_>,
) -> Option<(Found<Vec<String>>, NodeId)> {
    let node = paths.find(hint.location("breadcrumb")?)?;
    let items = crate::extract::generic::breadcrumb::items_of(an.doc.tree.get(node)?, None);
    (!items.is_empty()).then(|| (Found::new(items, hint.rule("breadcrumb")), node))
}

/// Whether `node` is rendered as part of the body under `root`: neither it nor an ancestor up to the root is
/// excluded.
fn rendered(an: &Analysis<'_>, node: NodeId, root: NodeId, exclude: &HashSet<NodeId>) -> bool {
    let Some(n) = an.doc.tree.get(node) else {
        return false;
    };
    for a in std::iter::once(n).chain(n.ancestors()) {
        if exclude.contains(&a.id()) {
            return false;
        }
        if a.id() == root {
            return true;
        }
    }
    false
}

/// The body's blocks, in order, as (block index, leaf): a leaf holds no text-bearing block of its own, so it
/// can be left out without losing anything else. The containers themselves are not listed.
fn body_blocks(
    an: &Analysis<'_>,
    roots: &[NodeId],
    exclude: &HashSet<NodeId>,
) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    for &root in roots {
        let Some(s) = an.stats.get(&root) else {
            continue;
        };
        let from = an.blocks.partition_point(|b| b.order < s.first_order);
        for (i, b) in an.blocks[from..]
            .iter()
            .enumerate()
            .take_while(|(_, b)| b.order <= s.last_order)
        {
            if b.node == root || !hashable(&b.line) || !rendered(an, b.node, root, exclude) {
                continue;
            }
            let leaf = an
                .stats
                .get(&b.node)
                .is_none_or(|st| st.last_order == b.order);
            out.push((from + i, leaf));
        }
    }
    out
}

/// Leave the template's chrome out of the body's edges, and the fixed part of its content area out where it
/// frames nothing: the body's end, and a label or heading right before the next one on pages exported as
/// articles (`plan.frames`; [`left_out`]); returns the lines left out.
pub fn strip(
    an: &Analysis<'_>,
    hint: &TemplateHint,
    plan: Plan,
    roots: &[NodeId],
    exclude: &mut HashSet<NodeId>,
) -> Vec<String> {
    if hint.repeated.chrome.is_empty() && hint.repeated.fixed.is_empty() {
        return Vec::new();
    }
    let (blocks, body) = body_entries(an, roots, exclude);
    let mut lines = Vec::new();
    for i in left_out(&body, &hint.repeated, plan.frames) {
        let block = &an.blocks[blocks[i]];
        lines.push(block.line.clone());
        exclude.insert(block.node);
    }
    lines
}

/// The body's blocks (indices into the page's blocks) and their [`body_entry`] values, bounded as the
/// observation keeps them.
fn body_entries(
    an: &Analysis<'_>,
    roots: &[NodeId],
    exclude: &HashSet<NodeId>,
) -> (Vec<usize>, Vec<u64>) {
    let listed = ends(body_blocks(an, roots, exclude), MAX_BODY_BLOCKS);
    let entries = listed
        .iter()
        .map(|&(i, leaf)| {
            let line = &an.blocks[i].line;
            body_entry(text_hash(line), leaf, LineShape::of(line))
        })
        .collect();
    (listed.into_iter().map(|(i, _)| i).collect(), entries)
}

/// Make the page's kind the template's, where [`change`] says so; `body` is the location of the page's body
/// container.
pub fn kind(hint: &TemplateHint, observed: ObservedKind, body: u64, out: &mut Extracted) {
    let c = hint.kind_counts;
    let at_list_place = hint.location("body").is_some_and(|want| want == body);
    match change(hint.kind, observed, at_list_place) {
        Some(KindChange::ToArticle) => {
            if let PageKind::NotArticle { reason, .. } = &out.kind {
                out.warnings.push(crate::warnings::KEPT_BY_MODEL.text(&[
                    &c.articles,
                    &c.total(),
                    &hint.id,
                    reason,
                ]));
            }
            out.kind = PageKind::Article;
        }
        Some(KindChange::ToList) => {
            out.kind = PageKind::NotArticle {
                kind: NotArticleKind::List,
                reason: format!(
                    "list page: template {} is a list template ({} of its {} pages are lists; site model)",
                    hint.id,
                    c.lists,
                    c.total()
                ),
            };
        }
        None => {}
    }
}

/// What the extractor decided on a page, for [`observe`] (and for the rules of the second pass).
pub struct Decided<'x> {
    pub doc: &'x Html,
    pub roots: &'x [NodeId],
    pub exclude: &'x HashSet<NodeId>,
    pub title_node: Option<NodeId>,
    pub meta_location: u64,
    pub category_node: Option<NodeId>,
    /// The line each credit of [`CREDITS`] was read from.
    pub credit_nodes: [Option<NodeId>; CREDITS.len()],
    /// The list's container on a page skipped as a list: its "body" place (what a draft's `[kinds]` names).
    pub list: Option<NodeId>,
    /// Bits over [`LOCATED`]: fields from the mapping.
    pub mapped: u8,
    pub kind: ObservedKind,
}

/// Record what the first pass found on the page.
pub fn observe(an: &Analysis<'_>, d: &Decided<'_>, out: &Extracted) -> Observation {
    let body_root = match d.roots {
        [root] => Some(*root),
        _ => None,
    };
    let mut blocks: Vec<u64> = an
        .blocks
        .iter()
        .filter(|b| hashable(&b.line))
        .map(|b| text_hash(&b.line))
        .collect();
    blocks = bounded(blocks, MAX_BLOCKS);
    let (_, body) = body_entries(an, d.roots, d.exclude);
    let mut locations = [0u64; LOCATED.len()];
    locations[located("title")] = location_of(an, d.title_node);
    locations[located("meta")] = d.meta_location;
    // A list in the page's chrome (a menu's submenu) is no place of the template's content.
    let list = d.list.filter(|l| {
        an.stats.get(l).is_some_and(|s| {
            an.blocks_in(s.first_order, s.last_order)
                .iter()
                .any(|b| !b.chrome)
        })
    });
    locations[located("body")] = location_of(an, list.or(body_root));
    locations[located("breadcrumb")] = location_of(an, d.category_node);
    for (field, node) in CREDITS.iter().zip(d.credit_nodes) {
        locations[located(field)] = location_of(an, node);
    }
    let mut filled = 0u8;
    let mut labelled = 0u8;
    for (i, field) in FILLED.iter().enumerate() {
        let (has, rule) = match *field {
            "title" => (out.title.is_some(), out.title.as_ref().map(|f| &f.rule)),
            "published" => (
                out.published.is_some(),
                out.published.as_ref().map(|f| &f.rule),
            ),
            "author" => (out.author.is_some(), out.author.as_ref().map(|f| &f.rule)),
            "editor" => (out.editor.is_some(), out.editor.as_ref().map(|f| &f.rule)),
            "source" => (out.source.is_some(), out.source.as_ref().map(|f| &f.rule)),
            "category" => (
                out.category.is_some(),
                out.category.as_ref().map(|f| &f.rule),
            ),
            "body_text" => (
                out.body.as_ref().is_some_and(|b| !b.value.text.is_empty()),
                None,
            ),
            _ => (!out.attachments.is_empty(), None),
        };
        if has {
            filled |= 1 << i;
        }
        if settled(rule) {
            labelled |= 1 << i;
        }
    }
    Observation {
        title: out.title.as_ref().map_or(0, |t| text_hash(&t.value)),
        sketch: signature::skeleton_sketch(d.doc, body_root),
        blocks,
        body,
        locations,
        mapped: d.mapped,
        kind: d.kind,
        filled,
        labelled,
    }
}

/// The kind the first pass found, as the model sees it.
pub fn observed_kind(kind: &PageKind, dated_header: bool, declared: bool) -> ObservedKind {
    match kind {
        PageKind::Article if dated_header || declared => ObservedKind::DatedArticle,
        PageKind::Article => ObservedKind::Article,
        PageKind::NotArticle { .. } if declared => ObservedKind::Other,
        PageKind::NotArticle { kind, .. } => match kind {
            NotArticleKind::List => ObservedKind::List,
            NotArticleKind::Empty => ObservedKind::Empty,
            NotArticleKind::Other => ObservedKind::Other,
        },
        PageKind::Refused(_) => ObservedKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Context, extract};

    const PAGE: &str = "<html><body><div class=content>\
        <p>欢迎访问示范学院网站</p>\
        <p>学院于本周召开年度工作会议，全体教职工参加了会议，会议总结了上一年度的工作并部署了新一年的任务。</p>\
        <p>会议议程</p>\
        <p>会议由院长主持，各系主任分别汇报了本系的工作情况，与会人员进行了充分的交流与讨论，形成了多项共识。</p>\
        <p>示范学院版面设计与维护</p>\
        </div></body></html>";

    fn hint(chrome: &[&str]) -> TemplateHint {
        TemplateHint {
            id: "t9".into(),
            repeated: Repeated {
                chrome: chrome.iter().map(|l| text_hash(l)).collect(),
                ..Repeated::default()
            },
            ..TemplateHint::default()
        }
    }

    fn strip() -> Plan {
        Plan {
            strip: true,
            ..Plan::default()
        }
    }

    fn body_of(site: SitePass<'_>) -> (String, Extracted) {
        let ex = extract(
            PAGE,
            &Context {
                site,
                ..Context::default()
            },
        );
        (
            ex.body
                .as_ref()
                .map(|b| b.value.text.clone())
                .unwrap_or_default(),
            ex,
        )
    }

    #[test]
    fn repeated_lines_leave_the_body_at_its_edges_only() {
        let (plain, _) = body_of(SitePass::Off);
        assert!(
            plain.starts_with("欢迎访问示范学院网站") && plain.ends_with("示范学院版面设计与维护")
        );
        let h = hint(&["欢迎访问示范学院网站", "会议议程", "示范学院版面设计与维护"]);
        let (text, ex) = body_of(SitePass::Apply(&h, strip()));
        assert!(text.starts_with("学院于本周召开"), "{text}");
        assert!(text.ends_with("形成了多项共识。"), "{text}");
        // A repeated line between two lines of the page's own text is the page's structure.
        assert!(text.contains("会议议程"));
        assert_eq!(
            ex.stripped,
            ["欢迎访问示范学院网站", "示范学院版面设计与维护"]
        );
        let rule = ex.body.unwrap().rule.to_string();
        assert!(
            rule.starts_with("site-model:t9 body: 2 repeated block(s) left out of generic:"),
            "{rule}"
        );
    }

    #[test]
    fn a_body_made_only_of_repeated_lines_is_left_whole() {
        let h = hint(&[
            "欢迎访问示范学院网站",
            "学院于本周召开年度工作会议，全体教职工参加了会议，会议总结了上一年度的工作并部署了新一年的任务。",
            "会议议程",
            "会议由院长主持，各系主任分别汇报了本系的工作情况，与会人员进行了充分的交流与讨论，形成了多项共识。",
            "示范学院版面设计与维护",
        ]);
        let (text, ex) = body_of(SitePass::Apply(&h, strip()));
        assert!(ex.stripped.is_empty());
        assert_eq!(text, body_of(SitePass::Off).0);
    }

    #[test]
    fn observing_a_page_changes_nothing_in_it() {
        let (plain, off) = body_of(SitePass::Off);
        let (observed, on) = body_of(SitePass::Observe);
        assert_eq!(plain, observed);
        assert_eq!(off.title, on.title);
        assert_eq!(off.kind, on.kind);
        assert!(off.observation.is_none());
        let obs = on.observation.expect("an observation");
        // Five body lines, in order, all leaves.
        assert_eq!(obs.body.len(), 5);
        assert!(obs.body.iter().all(|e| signature::entry_leaf(*e)));
        assert_eq!(signature::entry_hash(obs.body[2]), text_hash("会议议程"));
    }

    /// The kind the model counts comes with the extractor's decision (not from the reason's words): a list page,
    /// a page without a body and a login page each observed as what they are.
    #[test]
    fn a_skipped_page_is_observed_as_the_kind_its_decision_carries() {
        let items: String = (1..=30)
            .map(|i| {
                format!(
                    "<li><a href=\"/xwzx/art_{i}.html\">关于开展第{i}批安全生产检查工作的通知</a>\
                     <span>2023-05-{:02}</span></li>",
                    i % 28 + 1
                )
            })
            .collect();
        let list = format!(
            "<html><body><h1>通知公告</h1><ul>{items}</ul>\
             <div class=\"pager\"><a href=\"list_2.html\">下一页</a></div></body></html>"
        );
        let login = "<html><body><form action=\"/login\" method=\"post\"><p>请输入用户名和密码登录会员系统。</p>\
            <input type=\"text\" name=\"u\"><input type=\"password\" name=\"p\"><button>登录</button></form></body></html>";
        let empty = "<html><body><div></div></body></html>";
        for (page, want, words) in [
            (list.as_str(), ObservedKind::List, "list page"),
            (empty, ObservedKind::Empty, "no article"),
            (login, ObservedKind::Other, "login page"),
        ] {
            let ex = extract(page, &Context::default());
            let PageKind::NotArticle { reason, .. } = &ex.kind else {
                panic!("{words}: not skipped: {:?}", ex.kind);
            };
            assert!(reason.starts_with(words), "{words}: {reason}");
            assert_eq!(observed_kind(&ex.kind, false, false), want, "{reason}");
            // A mapping's declaration is never changed by the model, whatever it looks like.
            assert_eq!(observed_kind(&ex.kind, false, true), ObservedKind::Other);
        }
    }
}
