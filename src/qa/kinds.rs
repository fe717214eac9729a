//! `sitelift eval` page kinds: does the default run keep every article and skip the rest? A kinds file
//! (`kinds.json`: page file → `{"kind": "article" | "non-article", "reason": …}`, hand-labelled) is scored
//! against the pipeline's outcomes as a confusion table — articles dropped (with the reason the run gave) and
//! non-articles exported (with the title the record got) — because a dropped article loses every field of a
//! record, and an exported list page is a record nobody wants.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::NoRecord;
use crate::error::{Error, Result};
use crate::pipeline::PageOutcome;
use crate::t;

/// What a page is, by hand label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Article,
    NonArticle,
}

/// One page's kind label.
#[derive(Debug, Clone, Deserialize)]
pub struct KindLabel {
    pub kind: Kind,
    #[serde(default)]
    pub reason: Option<String>,
}

/// Read a kinds file: page file → kind label, in file order.
pub fn load_kinds(path: &Path) -> Result<BTreeMap<String, KindLabel>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: e.into(),
    })?;
    serde_json::from_str(&text).map_err(|e| Error::EvalInput {
        path: path.to_path_buf(),
        message: crate::error::Detail::json(
            &e,
            format!(
                "not a kinds file (an object of page file → {{\"kind\": \"article\" | \"non-article\", \"reason\": …}}): {e}"
            ),
        ),
    })
}

/// A page the run got wrong, and what it did instead: why it has no record (a dropped article), or its record's
/// title (an exported non-article).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindMiss<O> {
    pub page: String,
    pub outcome: O,
    /// Why the page has its hand label.
    pub label_reason: Option<String>,
}

impl<O> KindMiss<O> {
    fn new(page: &str, label: &KindLabel, outcome: O) -> KindMiss<O> {
        KindMiss {
            page: page.to_string(),
            outcome,
            label_reason: label.reason.clone(),
        }
    }
}

/// The confusion of one kinds run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindsReport {
    pub articles: usize,
    pub non_articles: usize,
    /// Articles the default run skipped or failed on.
    pub articles_dropped: Vec<KindMiss<NoRecord>>,
    /// Non-articles the default run exported as records.
    pub non_articles_exported: Vec<KindMiss<String>>,
}

impl KindsReport {
    /// Percentage of articles kept (100 when there are none).
    pub fn articles_kept_percent(&self) -> f64 {
        percent(self.articles - self.articles_dropped.len(), self.articles)
    }

    /// Percentage of non-articles skipped (100 when there are none).
    pub fn non_articles_skipped_percent(&self) -> f64 {
        percent(
            self.non_articles - self.non_articles_exported.len(),
            self.non_articles,
        )
    }

    /// The confusion, as lines for the terminal (every wrong page, with what the run did).
    pub fn render(&self, with_pages: bool) -> String {
        let mut out = t!(
            "eval-kinds",
            articles = self.articles,
            dropped = self.articles_dropped.len(),
            non_articles = self.non_articles,
            exported = self.non_articles_exported.len()
        );
        out.push('\n');
        if with_pages {
            for m in &self.articles_dropped {
                let outcome = m.outcome.label();
                let line = t!(
                    "eval-article-dropped",
                    page = m.page.as_str(),
                    outcome = outcome
                );
                out.push_str(&format!("  {line}\n"));
            }
            for m in &self.non_articles_exported {
                let line = t!(
                    "eval-non-article-exported",
                    page = m.page.as_str(),
                    title = m.outcome.as_str(),
                    label = m.label_reason.as_deref().unwrap_or("-")
                );
                out.push_str(&format!("  {line}\n"));
            }
        }
        out
    }
}

fn percent(right: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        right as f64 * 100.0 / total as f64
    }
}

/// Score kind labels against the run's outcomes (`outcome` finds a page's outcome by its file).
pub fn score_kinds<'o>(
    kinds: &BTreeMap<String, KindLabel>,
    outcome: impl Fn(&str) -> Option<&'o PageOutcome>,
) -> KindsReport {
    let mut r = KindsReport::default();
    for (page, label) in kinds {
        let Some(outcome) = outcome(page) else {
            continue;
        };
        match (label.kind, outcome) {
            (Kind::Article, _) => {
                r.articles += 1;
                if let Some(why) = NoRecord::of(outcome) {
                    r.articles_dropped.push(KindMiss::new(page, label, why));
                }
            }
            (Kind::NonArticle, PageOutcome::Extracted(record)) => {
                r.non_articles += 1;
                let title = record.title.clone().unwrap_or_else(|| "(no title)".into());
                r.non_articles_exported
                    .push(KindMiss::new(page, label, title));
            }
            (Kind::NonArticle, _) => r.non_articles += 1,
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::SkipReason;
    use crate::record::Record;

    #[test]
    fn confusion_counts_dropped_articles_and_exported_lists() {
        let kinds: BTreeMap<String, KindLabel> = serde_json::from_str(
            r#"{"a.html": {"kind": "article"}, "b.html": {"kind": "article"},
                "c.html": {"kind": "non-article", "reason": "list"}, "d.html": {"kind": "non-article"}}"#,
        )
        .unwrap();
        let record = Record {
            title: Some("栏目".into()),
            ..Record::default()
        };
        let outcomes: BTreeMap<&str, PageOutcome> = [
            ("a.html", PageOutcome::Extracted(Box::default())),
            (
                "b.html",
                PageOutcome::Skipped(SkipReason::NotArticle("login page".into())),
            ),
            ("c.html", PageOutcome::Extracted(Box::new(record))),
            (
                "d.html",
                PageOutcome::Skipped(SkipReason::NotArticle("list page".into())),
            ),
        ]
        .into_iter()
        .collect();
        let r = score_kinds(&kinds, |p| outcomes.get(p));
        assert_eq!((r.articles, r.non_articles), (2, 2));
        assert_eq!(r.articles_dropped.len(), 1);
        let login = SkipReason::NotArticle("login page".into());
        assert_eq!(r.articles_dropped[0].outcome, NoRecord::Skipped(login));
        assert_eq!(
            r.articles_dropped[0].outcome.to_string(),
            "skipped: login page"
        );
        assert_eq!(r.non_articles_exported[0].outcome, "栏目");
        assert_eq!(r.articles_kept_percent(), 50.0);
        assert_eq!(r.non_articles_skipped_percent(), 50.0);
    }
}
