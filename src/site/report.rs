//! The site model for the people who check a migration: per template its page count, kind, fill rate per field,
//! two sample pages, the repeated blocks that were left out of bodies, and its anomalies — records missing a
//! field that nearly all their siblings have, bodies still holding a block repeated across the template
//! (boilerplate that got through), pages whose kind differs from their template's. Built while the second pass
//! writes the final outcomes; `status`, the report and `extract --summary` show it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::boilerplate::framing_nothing;
use super::kinds::KindCounts;
use super::model::{Plan, SiteModel};
use super::signature::{FILLED, Observation};
use super::templates::MIN_TEMPLATE_PAGES;
use crate::outcome::Shape;

/// What an anomaly found on a page, in English as the job store and the JSON keep it, and the message that says
/// it in the interface language (see [`crate::outcome`]): the words are spelled here only.
pub(crate) const SHAPES: &[Shape] = &[
    EXPORTED_FROM_LIST,
    NOT_EXPORTED_FROM_ARTICLES,
    MISSING_FIELD,
    REPEATED_BLOCKS,
    EMPTY_FRAMES,
];
const EXPORTED_FROM_LIST: Shape = Shape {
    id: "anomaly-exported-from-list",
    pieces: &["exported as an article; its template is a list template"],
    args: &[],
};
/// The page's own reason inside.
const NOT_EXPORTED_FROM_ARTICLES: Shape = Shape {
    id: "anomaly-not-exported-from-articles",
    pieces: &["not exported (", "); its template is an article template"],
    args: &["reason"],
};
const MISSING_FIELD: Shape = Shape {
    id: "anomaly-missing-field",
    pieces: &["no ", "; ", "% of the template's pages have one"],
    args: &["field", "share"],
};
const REPEATED_BLOCKS: Shape = Shape {
    id: "anomaly-repeated-blocks",
    pieces: &[
        "",
        " block(s) of the body repeat on the template's pages, most of which keep them out of the body",
    ],
    args: &["n"],
};

/// A body without the template's chrome whose fixed blocks frame nothing ([`framing_nothing`]).
const EMPTY_FRAMES: Shape = Shape {
    id: "anomaly-empty-frames",
    pieces: &[
        "",
        " label(s) or heading(s) of the template in the body frame nothing (no value or text of the page's own after them)",
    ],
    args: &["n"],
};

/// A record lacks a field "that its siblings have" when at least this share of its template's pages have it.
pub const SIBLINGS_HAVE: f32 = 0.9;

/// Example pages kept per anomaly kind and template (the counts are exact).
const EXAMPLES: usize = 20;

/// Distinct stripped lines remembered per template (the most frequent are shown).
const STRIPPED_LINES: usize = 12;

/// The site model of a run, as shown to people.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct SiteReport {
    /// Pages a template needs before the model says anything about it.
    pub min_template_pages: usize,
    /// Pages observed (every page that was parsed).
    pub pages: u64,
    /// Layout groups found, modelled or not.
    pub groups: usize,
    /// Pages in modelled templates.
    pub modelled_pages: u64,
    /// Pages whose outcome the model changes (its second pass extracts them again).
    pub changed_pages: u64,
    /// Exported records of the modelled templates.
    pub records: u64,
    /// Of them, the records whose body holds template text: a block repeated on at least a fifth of its
    /// template's pages ([`REPEAT_MIN_SHARE`](super::boilerplate::REPEAT_MIN_SHARE)) that is the template's
    /// chrome, or a block of its content area's fixed part that frames nothing
    /// ([`framing_nothing`]: a label or heading with no value or text of the page's own after it). Issue 9's
    /// measure of boilerplate that got through. A fixed label before the page's value is the page's content and
    /// does not count.
    pub records_with_template_text: u64,
    /// The records whose body holds any block repeated on at least a fifth of its template's pages, framing
    /// or not, and those among them holding the template's chrome.
    pub records_with_repeated_lines: u64,
    pub records_with_repeated_chrome: u64,
    /// Repeated blocks in those bodies: the template's chrome, the fixed part of its content area (all of it),
    /// and of that part the blocks that frame nothing.
    pub chrome_lines_in_bodies: u64,
    pub fixed_lines_in_bodies: u64,
    pub empty_frames_in_bodies: u64,
    pub templates: Vec<TemplateReport>,
}

/// One template.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TemplateReport {
    pub id: String,
    pub pages: u32,
    /// `article`, `list`, or null when its pages disagree.
    pub kind: Option<String>,
    /// How the generic classifier judged its pages on their own (first pass).
    pub kinds: BTreeMap<String, u32>,
    /// Field → share of the template's exported records with a value.
    pub fill_rates: BTreeMap<String, f64>,
    pub records: u32,
    pub samples: Vec<String>,
    /// Blocks that repeat on its pages outside most bodies (chrome, learned).
    pub repeated_blocks: usize,
    /// Blocks that repeat on its pages inside most bodies (the content area's fixed part, kept).
    pub fixed_blocks: usize,
    /// The repeated lines left out of bodies, most frequent first, with the pages each was left out of.
    pub stripped: Vec<(String, u32)>,
    /// Pages the model changed, by what it did.
    pub stripped_pages: u32,
    pub relocated_pages: u32,
    pub kind_changed_pages: u32,
    /// Exported records whose body holds template text: its chrome, or a fixed block that frames nothing (the
    /// issue's measure, as [`SiteReport::records_with_template_text`]).
    pub records_with_template_text: u32,
    /// Exported records whose body holds a line repeated on at least a fifth of the template's pages, chrome or
    /// the content area's fixed part (field labels, section headings, kept where they frame the page's text).
    pub records_with_repeated_lines: u32,
    /// Repeated blocks still in its exported bodies: its chrome, the fixed part of its content area, and of that
    /// part the blocks that frame nothing (chrome and those are the `repeated_in_body` anomaly).
    pub chrome_lines_in_bodies: u32,
    pub fixed_lines_in_bodies: u32,
    pub empty_frames_in_bodies: u32,
    /// Exported records whose body holds the template's chrome.
    pub records_with_repeated_chrome: u32,
    pub anomalies: Anomalies,
}

/// A template's anomalies: counts and example pages.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Anomalies {
    /// Records missing a field that ≥ 90% of their siblings have: (page, field).
    pub missing_field: Anomaly,
    /// Exported bodies still holding template text: the template's chrome, or fixed blocks that frame nothing.
    pub repeated_in_body: Anomaly,
    /// Pages whose final kind differs from the template's.
    pub kind_differs: Anomaly,
}

/// Pages of one anomaly.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Anomaly {
    pub count: u32,
    /// (page, what), at most 20.
    pub examples: Vec<(String, String)>,
}

impl Anomaly {
    fn add(&mut self, page: &str, what: String) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push((page.to_string(), what));
        }
    }
}

/// A page's final state, as the report needs it.
pub struct Final<'a> {
    /// Its index among the observed pages.
    pub page: usize,
    pub label: &'a str,
    pub plan: Plan,
    /// Why it is not exported (None: it is).
    pub skipped: Option<String>,
    /// Its last observation (the second pass's when it was extracted again): the fields its record has, the
    /// blocks in its body.
    pub obs: &'a Observation,
    /// The repeated lines the model left out of its body.
    pub stripped: &'a [String],
}

/// Builds the report as the final outcomes stream by.
pub struct ReportBuilder<'m> {
    model: &'m SiteModel,
    report: SiteReport,
    /// Per template: filled counts over its exported records, and its stripped lines.
    filled: Vec<[u32; FILLED.len()]>,
    lines: Vec<BTreeMap<String, u32>>,
}

impl<'m> ReportBuilder<'m> {
    pub fn new(model: &'m SiteModel, pages: u64) -> ReportBuilder<'m> {
        let templates = model
            .templates
            .iter()
            .map(|t| TemplateReport {
                id: t.hint.id.clone(),
                pages: t.pages,
                kind: t.hint.kind.map(|k| k.name().to_string()),
                kinds: kind_map(&t.hint.kind_counts),
                samples: t.samples.clone(),
                repeated_blocks: t.hint.repeated.chrome.len(),
                fixed_blocks: t.hint.repeated.fixed.len(),
                ..TemplateReport::default()
            })
            .collect();
        ReportBuilder {
            model,
            report: SiteReport {
                min_template_pages: MIN_TEMPLATE_PAGES,
                pages,
                groups: model.groups,
                modelled_pages: u64::from(model.modelled_pages()),
                changed_pages: 0,
                templates,
                ..SiteReport::default()
            },
            filled: vec![[0; FILLED.len()]; model.templates.len()],
            lines: vec![BTreeMap::new(); model.templates.len()],
        }
    }

    /// One page's final state.
    pub fn add(&mut self, f: Final<'_>) {
        let Final {
            page,
            label,
            plan,
            skipped,
            obs,
            stripped,
        } = f;
        let (Some(i), Some(t)) = (
            self.model.template_index(page),
            self.model.template_of(page),
        ) else {
            return;
        };
        if plan.any() {
            self.report.changed_pages += 1;
        }
        let r = &mut self.report.templates[i];
        r.stripped_pages += u32::from(!stripped.is_empty());
        r.relocated_pages += u32::from(plan.relocate());
        r.kind_changed_pages += u32::from(plan.kind);
        let lines = &mut self.lines[i];
        for line in stripped {
            if let Some(n) = lines.get_mut(line) {
                *n += 1;
            } else if lines.len() < STRIPPED_LINES * 4 {
                lines.insert(line.clone(), 1);
            }
        }
        match (t.hint.kind, &skipped) {
            (Some(super::kinds::TemplateKind::List), None) => r
                .anomalies
                .kind_differs
                .add(label, EXPORTED_FROM_LIST.text(&[])),
            (Some(super::kinds::TemplateKind::Article), Some(why)) => {
                r.anomalies
                    .kind_differs
                    .add(label, NOT_EXPORTED_FROM_ARTICLES.text(&[why]));
            }
            _ => {}
        }
        if skipped.is_some() {
            return;
        }
        r.records += 1;
        let rates = t.fields.fill_rates();
        for (f, field) in FILLED.iter().enumerate() {
            let has = obs.has(f);
            if has {
                self.filled[i][f] += 1;
            } else if rates[f] >= SIBLINGS_HAVE {
                r.anomalies.missing_field.add(
                    label,
                    MISSING_FIELD.text(&[field, &format_args!("{:.0}", rates[f] * 100.0)]),
                );
            }
        }
        let repeated = &t.hint.repeated;
        let hash = |e: &u64| super::signature::entry_hash(*e);
        let left = obs
            .body
            .iter()
            .filter(|e| repeated.chrome.contains(&hash(e)))
            .count();
        let fixed = obs
            .body
            .iter()
            .filter(|e| repeated.fixed.contains(&hash(e)))
            .count();
        let empty = framing_nothing(&obs.body, repeated).len();
        r.records_with_repeated_lines += u32::from(left > 0 || fixed > 0);
        r.records_with_repeated_chrome += u32::from(left > 0);
        r.records_with_template_text += u32::from(left > 0 || empty > 0);
        r.chrome_lines_in_bodies += left as u32;
        r.fixed_lines_in_bodies += fixed as u32;
        r.empty_frames_in_bodies += empty as u32;
        if left > 0 {
            r.anomalies
                .repeated_in_body
                .add(label, REPEATED_BLOCKS.text(&[&left]));
        } else if empty > 0 {
            r.anomalies
                .repeated_in_body
                .add(label, EMPTY_FRAMES.text(&[&empty]));
        }
    }

    pub fn finish(mut self) -> SiteReport {
        for (i, r) in self.report.templates.iter_mut().enumerate() {
            for (f, field) in FILLED.iter().enumerate() {
                let rate = if r.records > 0 {
                    f64::from(self.filled[i][f]) / f64::from(r.records)
                } else {
                    0.0
                };
                r.fill_rates
                    .insert(field.to_string(), (rate * 1000.0).round() / 1000.0);
            }
            let mut lines: Vec<(String, u32)> =
                std::mem::take(&mut self.lines[i]).into_iter().collect();
            lines.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            lines.truncate(STRIPPED_LINES);
            r.stripped = lines;
        }
        let report = &mut self.report;
        for t in &report.templates {
            report.records += u64::from(t.records);
            report.records_with_template_text += u64::from(t.records_with_template_text);
            report.records_with_repeated_lines += u64::from(t.records_with_repeated_lines);
            report.records_with_repeated_chrome += u64::from(t.records_with_repeated_chrome);
            report.chrome_lines_in_bodies += u64::from(t.chrome_lines_in_bodies);
            report.fixed_lines_in_bodies += u64::from(t.fixed_lines_in_bodies);
            report.empty_frames_in_bodies += u64::from(t.empty_frames_in_bodies);
        }
        self.report
    }
}

fn kind_map(k: &KindCounts) -> BTreeMap<String, u32> {
    [
        ("article", k.articles),
        ("list", k.lists),
        ("empty", k.empty),
        ("other", k.other),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(name, n)| (name.to_string(), n))
    .collect()
}

impl TemplateReport {
    /// The template's kind for a person: `site-kind-article`, `site-kind-list`, or mixed when its pages
    /// disagree (the JSON keeps `article`, `list` or null).
    pub fn kind_name(&self) -> String {
        match self.kind.as_deref() {
            Some(kind) => crate::t!(&format!("site-kind-{kind}")),
            None => crate::t!("site-kind-mixed"),
        }
    }
}

impl SiteReport {
    /// The message `id` (the summary's line, the report's paragraph) with how much the model covers and changed.
    pub fn coverage(&self, id: &str) -> String {
        crate::t!(
            id,
            templates = self.templates.len(),
            min = self.min_template_pages,
            modelled = self.modelled_pages,
            pages = self.pages,
            changed = self.changed_pages
        )
    }

    /// The text `status` and `extract` print: one line per template, then its stripped blocks and anomalies.
    pub fn render(&self) -> String {
        use crate::i18n::{field, pad};
        use crate::t;
        let mut out = self.coverage("site-model") + "\n";
        if self.records > 0 {
            // Issue 9's measure: chrome, and fixed blocks that frame nothing ([`framing_nothing`]); the fixed
            // blocks that frame the page's own text are said apart, as content.
            let line = t!(
                "site-repeated",
                share = format!("{:.0}", super::boilerplate::REPEAT_MIN_SHARE * 100.0),
                records = self.records_with_template_text,
                total = self.records,
                chrome = self.records_with_repeated_chrome,
                chrome_lines = self.chrome_lines_in_bodies,
                empty_lines = self.empty_frames_in_bodies,
                fixed_lines = self.fixed_lines_in_bodies - self.empty_frames_in_bodies,
                any = self.records_with_repeated_lines
            );
            out.push_str(&format!("  {line}\n"));
        }
        for t in &self.templates {
            let fills: Vec<String> = t
                .fill_rates
                .iter()
                .filter(|(f, _)| f.as_str() != "attachments")
                .map(|(f, r)| format!("{} {:.0}%", field(f), r * 100.0))
                .collect();
            let kind = t.kind_name();
            let line = t!(
                "site-template",
                pages = format!("{:>5}", t.pages),
                kind = pad(&kind, 8),
                records = t.records,
                fills = if t.records > 0 {
                    fills.join(" ")
                } else {
                    "-".into()
                }
            );
            out.push_str(&format!("  {:<4} {line}\n", t.id));
            let samples = t!("site-examples", pages = t.samples.join(", "));
            out.push_str(&format!("       {samples}\n"));
            if !t.stripped.is_empty() {
                let shown: Vec<String> = t
                    .stripped
                    .iter()
                    .take(3)
                    .map(|(line, n)| format!("«{}» ({n})", crate::qa::truncate(line, 30)))
                    .collect();
                let line = t!(
                    "site-stripped",
                    n = t.stripped_pages,
                    blocks = shown.join(", ")
                );
                out.push_str(&format!("       {line}\n"));
            }
            let a = &t.anomalies;
            for (name, anomaly) in [
                ("site-anomaly-missing-field", &a.missing_field),
                ("site-anomaly-repeated-in-body", &a.repeated_in_body),
                ("site-anomaly-kind-differs", &a.kind_differs),
            ] {
                if anomaly.count > 0 {
                    let (page, what) = &anomaly.examples[0];
                    let line = t!(
                        "site-anomaly",
                        n = anomaly.count,
                        name = t!(name),
                        page = page.as_str(),
                        what = crate::outcome::localized(what)
                    );
                    out.push_str(&format!("       {line}\n"));
                }
            }
        }
        out
    }
}
