//! Quality assurance: measuring the extraction rather than eyeballing it.
//!
//! [`eval`] runs the pipeline over hand-labelled pages (`labels.json`, format in the shared corpus README) and
//! scores each field; [`kinds`] scores the article / non-article decision of the default run; [`devset`] runs
//! both on the randomly drawn dev set, its tune and check parts side by side; [`trafilatura`] replays trafilatura's own benchmark (whitespace-normalized substring tests
//! of 'with' and 'without' snippets, micro-summed) so our body extraction is comparable with published figures;
//! [`floors`] turns both into a regression gate with minimum scores kept in the repository. The comparison
//! rules live in [`compare`] and deliberately do not reuse the extraction's own text helpers: a change to the
//! extractor must never quietly change how it is measured. [`diff`] compares two record sets (exports or
//! fixtures) field by field and blesses intended changes; [`report`] renders a job or an export as one
//! offline HTML page for QA.

pub mod compare;
pub mod devset;
pub mod diff;
pub mod eval;
pub mod floors;
pub mod kinds;
pub mod report;
pub mod trafilatura;

pub use devset::{DevsetReport, Part, evaluate_devset};
pub use eval::{LabelsReport, evaluate_labels, load_labels, score_labels};
pub use floors::{Breach, Floors};
pub use kinds::{KindsReport, load_kinds, score_kinds};
pub use trafilatura::{BenchmarkReport, evaluate_benchmark, load_benchmark};

use serde::Serialize;

use crate::outcome::{FailReason, PageOutcome, Shape, SkipReason};

/// What to do when a QA input is missing or cannot be used, in English as the error's `Display` says it (and
/// any other language from the message files, [`crate::outcome::localized`]).
pub(crate) const SHAPES: &[Shape] = &[
    FLOORS_UNREADABLE,
    PAGE_FILE,
    NOT_READ_BY_RUN,
    DEVSET_PAGES_MISSING,
    DEVSET_NOT_MANIFEST,
    BLESS_EXPORT_ONLY,
    REPORT_TEMP_FILE,
];
/// A floors file that cannot be read (the OS's words; [`floors`]).
pub(crate) const FLOORS_UNREADABLE: Shape = Shape {
    id: "qa-floors-unreadable",
    pieces: &[
        "",
        "; pass --floors FILE, or --no-floors to report without a gate",
    ],
    args: &["error"],
};
/// A labelled page's file that cannot be read (the OS's words; [`eval`]).
pub(crate) const PAGE_FILE: Shape = Shape {
    id: "qa-page-file",
    pieces: &[
        "",
        " (page files are relative to the labels file's folder unless --pages is given)",
    ],
    args: &["error"],
};
/// A dev-set page the run over its folder did not read ([`devset`]).
pub(crate) const NOT_READ_BY_RUN: Shape = Shape {
    id: "qa-not-read-by-run",
    pieces: &["the folder run did not read this page (is it an HTML page with a known extension?)"],
    args: &[],
};
pub(crate) const DEVSET_PAGES_MISSING: Shape = Shape {
    id: "qa-devset-pages-missing",
    pieces: &[
        "the pages folder of the dev set is missing (the shared corpus is read from beside the repository)",
    ],
    args: &[],
};
/// A dev-set manifest that is not valid TOML of the manifest's shape (the parser's words; [`devset`]).
pub(crate) const DEVSET_NOT_MANIFEST: Shape = Shape {
    id: "qa-devset-not-manifest",
    pieces: &["not a dev set manifest (see eval/devset/devset.toml): ", ""],
    args: &["error"],
};
/// `diff --bless` with fixture files on the actual side ([`diff`]).
pub(crate) const BLESS_EXPORT_ONLY: Shape = Shape {
    id: "qa-bless-export-only",
    pieces: &["an export can only be blessed from another export, not from fixture files"],
    args: &[],
};
/// The report's temporary file (the OS's words; [`report`]).
pub(crate) const REPORT_TEMP_FILE: Shape = Shape {
    id: "qa-report-temp-file",
    pieces: &[
        "cannot write a temporary file (",
        "); check the space in the temp folder",
    ],
    args: &["error"],
};

/// One scored figure: how many of `total` cases were right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Field name as used in the table, the JSON and the floors file (`title`, `attachments_recall`, ...).
    pub name: String,
    pub right: usize,
    pub total: usize,
}

impl Score {
    /// Percentage right; `None` when there was nothing to score.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| self.right as f64 * 100.0 / self.total as f64)
    }
}

/// One wrong value, for the list a developer works through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// The page's file as named in the labels or evaldata.
    pub page: String,
    pub field: String,
    pub expected: String,
    pub extracted: String,
}

/// Cut a value for display: at most `n` characters, with an ellipsis when cut.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// A score's name for a person (the message `score-NAME`); the name itself, which is also its key in the
/// floors file and in `--json`, when there is none.
pub fn score_label(name: &str) -> String {
    let id = format!("score-{}", name.replace('_', "-"));
    crate::i18n::message_in(crate::i18n::lang(), &id).unwrap_or_else(|| name.to_string())
}

/// Why a page the evaluation expected a record from has none: the run skipped it or failed on it. Its text
/// (`skipped: REASON`, `failed: REASON`) is what `--json` and the misses show; [`NoRecord::label`] says it in the
/// interface language.
#[derive(Debug, Clone, PartialEq)]
pub enum NoRecord {
    Skipped(SkipReason),
    Failed(FailReason),
}

impl NoRecord {
    /// Why `outcome` is not a record; `None` for a record.
    pub fn of(outcome: &PageOutcome) -> Option<NoRecord> {
        match outcome {
            PageOutcome::Extracted(_) => None,
            PageOutcome::Skipped(why) => Some(NoRecord::Skipped(why.clone())),
            PageOutcome::Failed(why) => Some(NoRecord::Failed(why.clone())),
        }
    }

    /// The outcome in the interface language.
    pub fn label(&self) -> String {
        let reason = |why: &dyn std::fmt::Display| crate::outcome::localized(&why.to_string());
        match self {
            NoRecord::Skipped(why) => crate::t!("eval-outcome-skipped", reason = reason(why)),
            NoRecord::Failed(why) => crate::t!("eval-outcome-failed", reason = reason(why)),
        }
    }
}

impl std::fmt::Display for NoRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoRecord::Skipped(why) => write!(f, "skipped: {why}"),
            NoRecord::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

impl Serialize for NoRecord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page without a record keeps its outcome as data; `--json` and the misses show the same text as before.
    #[test]
    fn no_record_is_data_and_shows_as_text() {
        assert_eq!(NoRecord::of(&PageOutcome::Extracted(Box::default())), None);
        let pdf = FailReason::Binary("PDF document".into());
        let why = NoRecord::of(&PageOutcome::Failed(pdf.clone())).unwrap();
        assert_eq!(why, NoRecord::Failed(pdf));
        let text = "failed: binary content (PDF document), not an HTML page";
        assert_eq!(why.to_string(), text);
        assert_eq!(serde_json::to_value(&why).unwrap(), text);
        let skipped = NoRecord::Skipped(SkipReason::Empty);
        assert_eq!(
            skipped.to_string(),
            format!("skipped: {}", SkipReason::Empty)
        );
    }
}
