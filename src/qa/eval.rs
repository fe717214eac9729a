//! `sitelift eval --labels`: the pipeline on every hand-labelled page, scored field by field.
//!
//! Every labelled page is processed as the default run processes it (non-articles skipped; `--all-pages` only
//! when the caller asks), so an article the classifier drops scores wrong on every field — a null label
//! included — and is listed with the reason it was skipped. Fields: title, published (the date, and separately the time where the label shows
//! one), author, editor, source, body (body_first and body_last contained, no body_absent snippet present) and
//! attachments (recall and precision, micro-summed over pages). Comparison rules: [`super::compare`].

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::compare::{match_attachments, same_people, same_source, same_text, squash};
use super::{Miss, NoRecord, Score, score_label, truncate};
use crate::error::{Detail, Error, Result};
use crate::i18n::{pad, pad_left};
use crate::pipeline::{NoParts, Options, PageOutcome, process};
use crate::record::Record;
use crate::source::RawPage;
use crate::t;

/// How much of a body is quoted in a miss.
const EXCERPT: usize = 120;

/// One labelled page (corpus README "labels.json").
#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    /// Page file, relative to the folder of labels.json (or to `--pages`).
    pub file: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the page shows a time.
    pub published: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    /// Null when the page has no body to label; such pages are not scored for body.
    pub body_first: Option<String>,
    pub body_last: Option<String>,
    #[serde(default)]
    pub body_absent: Vec<String>,
    #[serde(default)]
    pub attachments: Vec<LabelAttachment>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelAttachment {
    pub name: Option<String>,
    pub href: Option<String>,
}

/// Read a labels file.
pub fn load_labels(path: &Path) -> Result<Vec<Label>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: e.into(),
    })?;
    serde_json::from_str(&text).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: Detail::json(
            &e,
            format!("not a labels file (array of labelled pages, see the corpus README): {e}"),
        ),
    })
}

/// The figures of one labels run.
#[derive(Debug, Clone, Serialize)]
pub struct LabelsReport {
    pub pages: usize,
    /// In display order: title, published, time, author, editor, source, body, attachments_recall,
    /// attachments_precision.
    pub scores: Vec<Score>,
    /// Pages whose label has no body (body_first null): not scored for body.
    pub body_unlabelled: usize,
    /// Pages that yielded no record (skipped or failed), with the reason.
    pub no_record: Vec<(String, NoRecord)>,
    pub misses: Vec<Miss>,
}

impl LabelsReport {
    /// A score by name.
    pub fn score(&self, name: &str) -> Option<&Score> {
        self.scores.iter().find(|s| s.name == name)
    }

    /// The per-field table.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}{}{}{:>8}",
            pad(&t!("eval-th-field"), 24),
            pad_left(&t!("eval-th-right"), 7),
            pad_left(&t!("eval-th-total"), 7),
            "%"
        );
        for s in &self.scores {
            let pct = s
                .percent()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_else(|| "-".into());
            let name = pad(&score_label(&s.name), 24);
            let _ = writeln!(out, "{name}{:>7}{:>7}{:>8}", s.right, s.total, pct);
        }
        if self.body_unlabelled > 0 {
            let _ = writeln!(
                out,
                "{}",
                t!("eval-body-unlabelled", n = self.body_unlabelled)
            );
        }
        for (page, reason) in &self.no_record {
            let reason = reason.label();
            let _ = writeln!(
                out,
                "{}",
                t!("eval-no-record", page = page.as_str(), reason = reason)
            );
        }
        out
    }
}

/// Run the pipeline on every labelled page under `pages_dir` and score it. An unreadable page is an error (the
/// run would not be comparable); a page the pipeline skips or fails is scored as all-null.
pub fn evaluate_labels(labels: &[Label], pages_dir: &Path, opts: &Options) -> Result<LabelsReport> {
    let pages: Vec<RawPage> = labels
        .iter()
        .map(|l| read_page(pages_dir, &l.file))
        .collect::<Result<_>>()?;
    let outcomes = score_pages(labels, &pages, opts, |_, outcome| outcome.clone());
    Ok(score_labels(labels, &outcomes))
}

/// Score labelled pages against their outcomes (one outcome per label, in order).
pub fn score_labels(labels: &[Label], outcomes: &[PageOutcome]) -> LabelsReport {
    let scored = labels
        .iter()
        .zip(outcomes)
        .map(|(label, outcome)| score_page(label, outcome))
        .collect();
    sum(labels.len(), scored)
}

/// Run every page through the pipeline (in parallel) and score its outcome against its item.
pub(crate) fn score_pages<I: Sync, T: Send>(
    items: &[I],
    pages: &[RawPage],
    opts: &Options,
    score: impl Fn(&I, &PageOutcome) -> T + Sync,
) -> Vec<T> {
    items
        .par_iter()
        .zip(pages.par_iter())
        .map(|(item, page)| score(item, &process(page, opts, &NoParts)))
        .collect()
}

/// Read one page file named in a labels or evaldata file.
pub fn read_page(dir: &Path, file: &str) -> Result<RawPage> {
    let path: PathBuf = dir.join(file);
    let bytes = std::fs::read(&path).map_err(|e| Error::EvalInput {
        path: path.clone(),
        message: super::PAGE_FILE.text(&[&e]).into(),
    })?;
    Ok(RawPage {
        path: Some(path),
        source_path: Some(file.to_string()),
        url: None,
        http_charset: None,
        bytes,
    })
}

/// A comparison rule: (label, extracted) → right.
type SameRule = fn(&str, &str) -> bool;

/// The verdicts for one page.
#[derive(Debug, Default)]
struct PageScore {
    page: String,
    /// (field, right) for title, published, author, editor, source.
    fields: Vec<(&'static str, bool)>,
    /// Right time, when the label shows one.
    time: Option<bool>,
    /// Body fully right, when the label has a body.
    body: Option<bool>,
    attachments_matched: usize,
    attachments_labelled: usize,
    attachments_extracted: usize,
    no_record: Option<NoRecord>,
    misses: Vec<Miss>,
}

fn score_page(label: &Label, outcome: &PageOutcome) -> PageScore {
    let empty = Record::default();
    let mut ps = PageScore {
        page: label.file.clone(),
        ..PageScore::default()
    };
    ps.no_record = NoRecord::of(outcome);
    let record: &Record = match outcome {
        PageOutcome::Extracted(r) => r,
        _ => &empty,
    };
    let page = label.file.as_str();
    let miss = |field: &str, expected: String, extracted: String| Miss {
        page: page.to_string(),
        field: field.to_string(),
        expected,
        extracted,
    };
    if let Some(why) = &ps.no_record {
        let m = miss(
            "record",
            "a record (the page is labelled)".into(),
            why.to_string(),
        );
        return dropped(label, ps, m);
    }

    let plain: [(&str, &Option<String>, &Option<String>, SameRule); 4] = [
        ("title", &label.title, &record.title, same_text),
        ("author", &label.author, &record.author, same_people),
        ("editor", &label.editor, &record.editor, same_people),
        ("source", &label.source, &record.source, same_source),
    ];
    for (field, want, got, same) in plain {
        let right = match (want, got) {
            (None, None) => true,
            (Some(w), Some(g)) => same(w, g),
            _ => false,
        };
        ps.fields.push((field, right));
        if !right {
            let m = miss(field, show(want), show(got));
            ps.misses.push(m);
        }
    }

    let (date_right, time_right) =
        score_published(label.published.as_deref(), record.published.as_deref());
    ps.fields.push(("published", date_right));
    ps.time = time_right;
    if !date_right || time_right == Some(false) {
        let field = if date_right { "time" } else { "published" };
        let m = miss(field, show(&label.published), show(&record.published));
        ps.misses.push(m);
    }

    if let Some(first) = &label.body_first {
        let text = record.body_text.as_deref().unwrap_or("");
        let body = squash(text);
        let mut right = true;
        let contains = |snippet: &str| {
            let s = squash(snippet);
            !s.is_empty() && body.contains(&s)
        };
        if !contains(first) {
            right = false;
            let m = miss(
                "body_first",
                truncate(first, EXCERPT),
                body_excerpt(text, true),
            );
            ps.misses.push(m);
        }
        if let Some(last) = &label.body_last
            && !contains(last)
        {
            right = false;
            let m = miss(
                "body_last",
                truncate(last, EXCERPT),
                body_excerpt(text, false),
            );
            ps.misses.push(m);
        }
        for absent in &label.body_absent {
            if contains(absent) {
                right = false;
                let m = miss(
                    "body_absent",
                    format!("not in body: {}", truncate(absent, EXCERPT)),
                    "present".to_string(),
                );
                ps.misses.push(m);
            }
        }
        ps.body = Some(right);
    }

    let labelled: Vec<(Option<&str>, Option<&str>)> = label
        .attachments
        .iter()
        .map(|a| (a.name.as_deref(), a.href.as_deref()))
        .collect();
    let extracted: Vec<(Option<&str>, &str)> = record
        .attachments
        .iter()
        .map(|a| (a.name.as_deref(), a.url.as_str()))
        .collect();
    let matched = match_attachments(&labelled, &extracted);
    ps.attachments_labelled = labelled.len();
    ps.attachments_extracted = extracted.len();
    ps.attachments_matched = matched.iter().flatten().count();
    for (l, m) in label.attachments.iter().zip(&matched) {
        if m.is_none() {
            let want = format!(
                "{} <{}>",
                l.name.as_deref().unwrap_or("?"),
                l.href.as_deref().unwrap_or("?")
            );
            let x = miss(
                "attachment",
                truncate(&want, EXCERPT),
                "not extracted".into(),
            );
            ps.misses.push(x);
        }
    }
    for (i, a) in record.attachments.iter().enumerate() {
        if !matched.contains(&Some(i)) {
            let got = format!("{} <{}>", a.name.as_deref().unwrap_or("?"), a.url);
            let x = miss(
                "attachment",
                "not an attachment".into(),
                truncate(&got, EXCERPT),
            );
            ps.misses.push(x);
        }
    }
    ps
}

/// The verdicts for a labelled page that yielded no record: every field wrong, a null label included (the
/// record that would have carried the null is missing), every labelled attachment missed.
fn dropped(label: &Label, mut ps: PageScore, miss: Miss) -> PageScore {
    for field in ["title", "author", "editor", "source", "published"] {
        ps.fields.push((field, false));
    }
    ps.time = label
        .published
        .as_deref()
        .is_some_and(|p| p.len() > 10)
        .then_some(false);
    ps.body = label.body_first.as_ref().map(|_| false);
    ps.attachments_labelled = label.attachments.len();
    ps.misses.push(miss);
    ps
}

/// (date right, time right where the label shows a time). The time is right only on the right day.
fn score_published(label: Option<&str>, got: Option<&str>) -> (bool, Option<bool>) {
    let date = |s: &str| s.get(..10).unwrap_or(s).to_string();
    let time = |s: &str| {
        (s.as_bytes().get(10) == Some(&b'T'))
            .then(|| s.get(11..16).map(str::to_string))
            .flatten()
    };
    match (label, got) {
        (None, None) => (true, None),
        (None, Some(_)) => (false, None),
        (Some(l), None) => (false, time(l).map(|_| false)),
        (Some(l), Some(g)) => {
            let date_right = date(l) == date(g);
            let time_right = time(l).map(|t| date_right && time(g).as_deref() == Some(t.as_str()));
            (date_right, time_right)
        }
    }
}

fn show(v: &Option<String>) -> String {
    v.as_deref()
        .map(|s| truncate(s, EXCERPT))
        .unwrap_or_else(|| "null".to_string())
}

/// The start (or end) of a body, for a miss.
fn body_excerpt(text: &str, head: bool) -> String {
    if text.trim().is_empty() {
        return "(no body)".to_string();
    }
    let flat: String = super::compare::collapse(text);
    let n = flat.chars().count();
    if head || n <= EXCERPT {
        truncate(&flat, EXCERPT)
    } else {
        format!("…{}", flat.chars().skip(n - EXCERPT).collect::<String>())
    }
}

fn sum(pages: usize, scored: Vec<PageScore>) -> LabelsReport {
    let count = |name: &str, f: &dyn Fn(&PageScore) -> Option<bool>| {
        let verdicts: Vec<bool> = scored.iter().filter_map(f).collect();
        Score {
            name: name.to_string(),
            right: verdicts.iter().filter(|v| **v).count(),
            total: verdicts.len(),
        }
    };
    let field = |name: &'static str| {
        move |p: &PageScore| p.fields.iter().find(|(f, _)| *f == name).map(|(_, r)| *r)
    };
    let mut scores = vec![
        count("title", &field("title")),
        count("published", &field("published")),
        count("time", &|p| p.time),
        count("author", &field("author")),
        count("editor", &field("editor")),
        count("source", &field("source")),
        count("body", &|p| p.body),
    ];
    let matched: usize = scored.iter().map(|p| p.attachments_matched).sum();
    scores.push(Score {
        name: "attachments_recall".into(),
        right: matched,
        total: scored.iter().map(|p| p.attachments_labelled).sum(),
    });
    scores.push(Score {
        name: "attachments_precision".into(),
        right: matched,
        total: scored.iter().map(|p| p.attachments_extracted).sum(),
    });
    let body_unlabelled = scored.iter().filter(|p| p.body.is_none()).count();
    let mut no_record = Vec::new();
    let mut misses = Vec::new();
    for p in scored {
        if let Some(why) = p.no_record {
            no_record.push((p.page.clone(), why));
        }
        misses.extend(p.misses);
    }
    LabelsReport {
        pages,
        scores,
        body_unlabelled,
        no_record,
        misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_date_and_time() {
        let cases = [
            (Some("2025-05-09"), Some("2025-05-09"), (true, None)),
            (
                Some("2025-05-09"),
                Some("2025-05-09T10:30:00+08:00"),
                (true, None),
            ),
            (
                Some("2016-07-24T18:17"),
                Some("2016-07-24T18:17:00+08:00"),
                (true, Some(true)),
            ),
            (
                Some("2016-07-24T18:17"),
                Some("2016-07-24"),
                (true, Some(false)),
            ),
            (
                Some("2016-07-24T18:17"),
                Some("2016-07-25T18:17:00+08:00"),
                (false, Some(false)),
            ),
            (Some("2016-07-24T18:17"), None, (false, Some(false))),
            (None, None, (true, None)),
            (None, Some("2016-07-24"), (false, None)),
        ];
        for (label, got, want) in cases {
            assert_eq!(score_published(label, got), want, "{label:?} vs {got:?}");
        }
    }
}
