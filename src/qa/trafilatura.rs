//! `sitelift eval --trafilatura`: trafilatura's own benchmark method on its own data, so our body extraction is
//! compared with published figures (trafilatura 0.924 F1, readability-lxml 0.826) on equal terms.
//!
//! evaldata.json maps each page URL to `{file, with, without, ...}`. Each page goes through the pipeline from its
//! bytes alone (no URL, as trafilatura's benchmark does), and the record's body text is scored: whitespace runs
//! collapsed and trimmed in output and snippets alike, then TP = 'with' found, FN = 'with' missing, FP =
//! 'without' found, TN = 'without' missing, summed over all pages. A page without a body scores as empty output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::compare::collapse;
use super::eval::{read_page, score_pages};
use super::{Miss, truncate};
use crate::error::{Error, Result};
use crate::pipeline::{Options, PageOutcome};
use crate::t;

/// How much of a snippet is quoted in a miss.
const EXCERPT: usize = 80;

/// One benchmark page. evaldata.json has more keys (title, date, author...), which this benchmark ignores.
#[derive(Debug, Clone, Deserialize)]
pub struct BenchItem {
    /// Page file name, in the folder of evaldata.json (or its `cache/` or `eval/` subfolder, trafilatura's
    /// layout), or in `--pages`.
    pub file: String,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

/// Read evaldata.json: page URL → item, in URL order.
pub fn load_benchmark(path: &Path) -> Result<BTreeMap<String, BenchItem>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: e.into(),
    })?;
    serde_json::from_str(&text).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: crate::error::Detail::json(
            &e,
            format!(
                "not trafilatura's evaldata.json (an object of URL → {{file, with, without}}): {e}"
            ),
        ),
    })
}

/// The figures of one benchmark run (trafilatura's names: precision, recall, accuracy, F1).
#[derive(Debug, Clone, Default, Serialize)]
pub struct BenchmarkReport {
    pub pages: usize,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub tn: usize,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    pub f1: f64,
    /// Pages with no body text (skipped, failed, or nothing found).
    pub empty: usize,
    /// Pages the pipeline failed on, with the reason.
    pub failed: Vec<(String, String)>,
    pub seconds: f64,
    pub pages_per_second: f64,
    pub misses: Vec<Miss>,
}

impl BenchmarkReport {
    /// The figures, as lines for the terminal.
    pub fn render(&self) -> String {
        let three = |x: f64| format!("{x:.3}");
        let lines = [
            t!(
                "eval-bench-counts",
                pages = self.pages,
                tp = self.tp,
                fn_ = self.fn_,
                fp = self.fp,
                tn = self.tn
            ),
            t!(
                "eval-bench-scores",
                precision = three(self.precision),
                recall = three(self.recall),
                f1 = three(self.f1),
                accuracy = three(self.accuracy)
            ),
            t!(
                "eval-bench-pages",
                empty = self.empty,
                failed = self.failed.len(),
                secs = format!("{:.1}", self.seconds),
                rate = format!("{:.1}", self.pages_per_second)
            ),
        ];
        let mut out = String::new();
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
        for (page, why) in &self.failed {
            let why = crate::outcome::localized(why);
            out.push_str(&t!("eval-bench-failed", page = page.as_str(), reason = why));
            out.push('\n');
        }
        out
    }
}

/// Per-page counts.
#[derive(Debug, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    empty: bool,
    failed: Option<String>,
    misses: Vec<Miss>,
}

/// Run the benchmark over `items`, reading pages from `dir` (see [`BenchItem::file`]). Pages are processed in
/// parallel; a missing page file is an error.
pub fn evaluate_benchmark(
    items: &BTreeMap<String, BenchItem>,
    dir: &Path,
    opts: &Options,
) -> Result<BenchmarkReport> {
    let pages = items
        .values()
        .map(|item| read_page(&page_dir(dir, &item.file), &item.file))
        .collect::<Result<Vec<_>>>()?;
    let items: Vec<&BenchItem> = items.values().collect();
    let start = Instant::now();
    let counts: Vec<Counts> =
        score_pages(&items, &pages, opts, |item, outcome| score(item, outcome));
    let seconds = start.elapsed().as_secs_f64();

    let mut r = BenchmarkReport {
        pages: counts.len(),
        seconds,
        pages_per_second: if seconds > 0.0 {
            counts.len() as f64 / seconds
        } else {
            0.0
        },
        ..BenchmarkReport::default()
    };
    for (item, c) in items.iter().zip(counts) {
        r.tp += c.tp;
        r.fp += c.fp;
        r.fn_ += c.fn_;
        r.tn += c.tn;
        r.empty += usize::from(c.empty);
        if let Some(why) = c.failed {
            r.failed.push((item.file.clone(), why));
        }
        r.misses.extend(c.misses);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    r.precision = ratio(r.tp, r.tp + r.fp);
    r.recall = ratio(r.tp, r.tp + r.fn_);
    r.accuracy = ratio(r.tp + r.tn, r.tp + r.tn + r.fp + r.fn_);
    r.f1 = ratio(2 * r.tp, 2 * r.tp + r.fp + r.fn_);
    Ok(r)
}

/// The folder holding `file`: `dir`, or trafilatura's `cache/` or `eval/` beneath it.
fn page_dir(dir: &Path, file: &str) -> PathBuf {
    ["", "cache", "eval"]
        .iter()
        .map(|sub| dir.join(sub))
        .find(|d| d.join(file).is_file())
        .unwrap_or_else(|| dir.to_path_buf())
}

fn score(item: &BenchItem, outcome: &PageOutcome) -> Counts {
    let mut c = Counts::default();
    let body = match outcome {
        PageOutcome::Extracted(r) => r.body_text.as_deref().unwrap_or(""),
        PageOutcome::Skipped(_) => "",
        PageOutcome::Failed(why) => {
            c.failed = Some(why.to_string());
            ""
        }
    };
    let text = collapse(body);
    c.empty = text.is_empty();
    let miss = |field: &str, expected: String, extracted: &str| Miss {
        page: item.file.clone(),
        field: field.to_string(),
        expected,
        extracted: extracted.to_string(),
    };
    for w in &item.with {
        if text.contains(&collapse(w)) {
            c.tp += 1;
        } else {
            c.fn_ += 1;
            let got = if c.empty { "no body text" } else { "missing" };
            c.misses.push(miss("with", truncate(w, EXCERPT), got));
        }
    }
    for w in &item.without {
        if text.contains(&collapse(w)) {
            c.fp += 1;
            let expected = format!("not in body: {}", truncate(w, EXCERPT));
            c.misses.push(miss("without", expected, "present"));
        } else {
            c.tn += 1;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::SkipReason;
    use crate::record::Record;

    #[test]
    fn counts_follow_trafilatura() {
        let item = BenchItem {
            file: "a.html".into(),
            with: vec!["first  line".into(), "absent".into()],
            without: vec!["Impressum".into(), "Teilen".into()],
        };
        let record = Record {
            body_text: Some("first\nline\n\nsecond. Impressum".into()),
            ..Record::default()
        };
        let c = score(&item, &PageOutcome::Extracted(Box::new(record)));
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (1, 1, 1, 1));
        let c = score(&item, &PageOutcome::Skipped(SkipReason::ListPage));
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (0, 2, 0, 2));
        assert!(c.empty);
    }
}
