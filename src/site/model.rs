//! The site model of one run: the pages grouped by template, and per template (with at least
//! [`MIN_TEMPLATE_PAGES`] pages) its [`TemplateHint`] — repeated blocks, kind, field locations — learned from
//! the first pass's observations in two streaming steps ([`Learner`]: sketches first, then every observation
//! once). [`SiteModel::plan`] then tells, from a page's observation alone, whether the second pass would change
//! it, so only those pages are extracted again.

use serde::Serialize;

use super::apply::TemplateHint;
use super::boilerplate::{REPEAT_MIN_PAGES, REPEAT_MIN_SHARE, RepeatCounter, left_out};
use super::fields::FieldCounts;
use super::kinds::{KindChange, KindCounts, change};
use super::signature::{CREDITS, FILLED, Observation, SKETCH_SIZE, entry_hash, located};
use super::templates::{Grouping, MIN_TEMPLATE_PAGES, group};

/// Sample pages kept per template (the report shows them; drafts name them).
pub const SAMPLES: usize = 2;

/// What the model learns about one template while the observations stream by.
#[derive(Debug, Default)]
struct Learning {
    repeats: RepeatCounter,
    kinds: KindCounts,
    fields: FieldCounts,
    samples: Vec<String>,
}

/// Learns the model from one run's observations: first every page's sketch ([`Learner::new`]), then every
/// observation in the same order ([`Learner::add`]).
pub struct Learner {
    grouping: Grouping,
    /// Per group: what is being learned, for groups large enough to model.
    learning: Vec<Option<Learning>>,
}

impl Learner {
    /// Group the pages (by their sketches, in input order).
    pub fn new(sketches: &[[u32; SKETCH_SIZE]]) -> Learner {
        let grouping = group(sketches);
        let learning = grouping
            .sizes
            .iter()
            .map(|&n| (n as usize >= MIN_TEMPLATE_PAGES).then(Learning::default))
            .collect();
        Learner { grouping, learning }
    }

    /// Learn from page `page` (its index among the sketches).
    pub fn add(&mut self, page: usize, obs: &Observation, label: &str) {
        let Some(&g) = self.grouping.group_of.get(page) else {
            return;
        };
        let Some(l) = self.learning[g as usize].as_mut() else {
            return;
        };
        let body: rustc_hash::FxHashSet<u64> = obs.body.iter().map(|e| entry_hash(*e)).collect();
        l.repeats.add_page(&obs.blocks, |b| body.contains(&b));
        l.repeats.add_body(&obs.body);
        l.kinds.add(obs.kind);
        l.fields.add(obs);
        if l.samples.len() < SAMPLES {
            l.samples.push(label.to_string());
        }
    }

    /// The model: modelled templates numbered t1, t2, … from the largest.
    pub fn finish(self) -> SiteModel {
        let Learner { grouping, learning } = self;
        let mut groups: Vec<(usize, Learning)> = learning
            .into_iter()
            .enumerate()
            .filter_map(|(g, l)| l.map(|l| (g, l)))
            .collect();
        // Largest first; equal sizes in order of their first page.
        groups.sort_by_key(|(g, _)| std::cmp::Reverse(grouping.sizes[*g]));
        let mut template_of_group = vec![None; grouping.sizes.len()];
        let mut templates = Vec::new();
        for (i, (g, l)) in groups.into_iter().enumerate() {
            template_of_group[g] = Some(i as u32);
            let hint = TemplateHint {
                id: format!("t{}", i + 1),
                repeated: l.repeats.repeated(REPEAT_MIN_SHARE, REPEAT_MIN_PAGES),
                kind: l.kinds.consensus(),
                kind_counts: l.kinds,
                locations: l.fields.consensus(),
                meta_fields: l.fields.labelled_mostly(),
            };
            templates.push(Template {
                hint,
                pages: grouping.sizes[g],
                fields: l.fields,
                samples: l.samples,
            });
        }
        let page_template = grouping
            .group_of
            .iter()
            .map(|g| template_of_group[*g as usize])
            .collect();
        SiteModel {
            templates,
            page_template,
            groups: grouping.sizes.len(),
        }
    }
}

/// One modelled template.
#[derive(Debug, Clone)]
pub struct Template {
    pub hint: TemplateHint,
    pub pages: u32,
    pub fields: FieldCounts,
    /// The first pages of the template (file paths or URLs).
    pub samples: Vec<String>,
}

/// The model of one run.
#[derive(Debug, Clone, Default)]
pub struct SiteModel {
    pub templates: Vec<Template>,
    /// Per observed page: its template, if modelled.
    page_template: Vec<Option<u32>>,
    /// Groups found, modelled or not.
    pub groups: usize,
}

/// What the second pass does to a page: the rules its first-pass observation calls for, and only those.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Leave the template's chrome out of the body's edges, its content area's fixed part out where it frames
    /// nothing (the body's end; a label or heading right before the next one, on exported pages).
    pub strip: bool,
    /// Whether the fixed blocks that frame nothing inside the body leave it too ([`left_out`]'s `frames`): on
    /// pages exported as articles only. Not a change by itself.
    pub frames: bool,
    /// Take the body container at the template's place.
    pub body: bool,
    /// Take the headline at the template's place.
    pub title: bool,
    /// Take credits from the element where the template keeps them.
    pub credits: bool,
    /// Fill metadata from the template's metadata line.
    pub meta: bool,
    /// Take the breadcrumb at the template's place.
    pub breadcrumb: bool,
    /// Make the kind the template's.
    pub kind: bool,
}

impl Plan {
    pub fn any(&self) -> bool {
        self.strip || self.relocate() || self.kind
    }

    /// Whether some field is taken from the template's place.
    pub fn relocate(&self) -> bool {
        self.body || self.title || self.credits || self.meta || self.breadcrumb
    }
}

impl SiteModel {
    /// The template of observed page `page`, if it is modelled.
    pub fn template_of(&self, page: usize) -> Option<&Template> {
        let t = (*self.page_template.get(page)?)?;
        self.templates.get(t as usize)
    }

    /// The index (in [`SiteModel::templates`]) of observed page `page`'s template, if it is modelled.
    pub fn template_index(&self, page: usize) -> Option<usize> {
        self.page_template
            .get(page)
            .copied()
            .flatten()
            .map(|t| t as usize)
    }

    /// Pages in modelled templates.
    pub fn modelled_pages(&self) -> u32 {
        self.templates.iter().map(|t| t.pages).sum()
    }

    /// What the second pass changes on a page, judged from its first-pass observation only. The second pass
    /// takes fields from the template's places as planned, and applies the template's repeated blocks and kind
    /// to every page it extracts ([`super::apply`]); a page with an empty plan is not extracted again.
    /// Fields are taken from the template's places only on pages that are exported as articles (or that the
    /// template's kind keeps as articles): a list's headline or metadata line changes nothing in the output.
    pub fn plan(&self, page: usize, obs: &Observation) -> Plan {
        let Some(t) = self.template_of(page) else {
            return Plan::default();
        };
        let h = &t.hint;
        let mapped = |field: &str| obs.mapped & (1 << located(field)) != 0;
        let at = |field: &str| (h.locations[located(field)], obs.locations[located(field)]);
        let elsewhere = |field: &str| {
            let (want, own) = at(field);
            !mapped(field) && want != 0 && own != want
        };
        let (body_want, body_own) = at("body");
        let kind = change(h.kind, obs.kind, body_want != 0 && body_own == body_want);
        let exported = obs.kind.is_article() || kind == Some(KindChange::ToArticle);
        // A metadata field the page has no labelled value for, while most of the template's pages have one.
        let meta_open =
            (1..=4).any(|i| obs.labelled & (1 << i) == 0 && h.meta_fields & (1 << i) != 0);
        let (meta_want, meta_own) = at("meta");
        let category = FILLED.iter().position(|f| *f == "category").unwrap_or(0);
        // The page's own headline is weak when it has none from an element, or its text repeats on the template.
        let weak_title = obs.locations[located("title")] == 0
            || obs.title == 0
            || h.repeated.chrome.contains(&obs.title)
            || h.repeated.fixed.contains(&obs.title);
        Plan {
            strip: !mapped("body") && !left_out(&obs.body, &h.repeated, exported).is_empty(),
            frames: exported,
            body: exported && elsewhere("body"),
            title: exported && elsewhere("title") && weak_title,
            credits: exported && CREDITS.iter().any(|c| elsewhere(c)),
            meta: exported && meta_want != 0 && meta_own != meta_want && meta_open,
            breadcrumb: exported
                && !obs.has(category)
                && at("breadcrumb").0 != 0
                && !mapped("breadcrumb"),
            kind: kind.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::signature::{LineShape, ObservedKind, body_entry, text_hash};

    /// A page of one layout: the navigation line on every page, a text of its own, and `in_body` lines at the
    /// start of its body.
    fn page(own: &str, in_body: &[&str], kind: ObservedKind) -> Observation {
        let nav = text_hash("首页 学院概况 学院新闻");
        let own = text_hash(own);
        let mut body: Vec<u64> = in_body
            .iter()
            .map(|l| body_entry(text_hash(l), true, LineShape::of(l)))
            .collect();
        body.push(body_entry(own, true, LineShape::Plain));
        Observation {
            sketch: [3; SKETCH_SIZE],
            blocks: vec![nav, own],
            body,
            locations: [11, 12, 13, 0, 0, 0, 0],
            title: text_hash("标题"),
            mapped: 0,
            kind,
            filled: 0b111,
            labelled: 0b111,
        }
    }

    fn model(pages: &[Observation]) -> SiteModel {
        let sketches: Vec<_> = pages.iter().map(|p| p.sketch).collect();
        let mut learner = Learner::new(&sketches);
        for (i, p) in pages.iter().enumerate() {
            learner.add(i, p, &format!("p{i}.html"));
        }
        learner.finish()
    }

    #[test]
    fn only_pages_the_model_changes_are_planned() {
        use ObservedKind::*;
        let mut pages: Vec<Observation> = (0..6)
            .map(|i| page(&format!("正文{i}"), &[], DatedArticle))
            .collect();
        // One body took in the navigation line; one page was judged empty on its own.
        pages.push(page("正文6", &["首页 学院概况 学院新闻"], Article));
        pages.push(page("正文7", &[], Empty));
        let m = model(&pages);
        assert_eq!(m.templates.len(), 1);
        assert_eq!(m.templates[0].hint.id, "t1");
        assert_eq!(m.templates[0].samples, ["p0.html", "p1.html"]);
        for (i, p) in pages.iter().enumerate().take(6) {
            assert!(!m.plan(i, p).any(), "page {i}");
        }
        assert_eq!(
            m.plan(6, &pages[6]),
            Plan {
                strip: true,
                frames: true,
                ..Plan::default()
            }
        );
        assert!(m.plan(6, &pages[6]).any());
        assert_eq!(
            m.plan(7, &pages[7]),
            Plan {
                kind: true,
                frames: true,
                ..Plan::default()
            }
        );
    }

    #[test]
    fn a_template_with_too_few_pages_is_not_modelled() {
        let pages: Vec<Observation> = (0..4)
            .map(|i| {
                page(
                    &format!("正文{i}"),
                    &["首页 学院概况 学院新闻"],
                    ObservedKind::Article,
                )
            })
            .collect();
        let m = model(&pages);
        assert!(m.templates.is_empty());
        assert!(!m.plan(0, &pages[0]).any());
    }
}
