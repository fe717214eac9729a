//! The pipeline: one page through decode → extract → normalize, as a [`PageOutcome`].

use crate::record::Record;

/// What happened to one page. Outcomes are data: a failed page is counted and reported, never propagated.
#[derive(Debug, Clone)]
pub enum PageOutcome {
    Extracted(Box<Record>),
    Skipped(String),
    Failed(String),
}
