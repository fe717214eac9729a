//! What became of a stored page, by name: the [`OutcomeKind`] the job store writes in its `outcomes.kind`
//! column and `status` counts by (in `--json`, its keys). The name is the one text of a kind: written to the
//! store, read back from it (an unknown name is an error, never a guess) and serialised.

use std::fmt;

use serde::Serialize;

/// What became of a stored page: one of the three outcomes a page has ([`super::PageOutcome::kind`]), or one
/// of two states of a page that has none yet. Declared in the order of their names, so a map keyed by kind
/// lists them as `status --json` does (its test `json_keys_are_the_names_in_their_order` holds them to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The page yielded a record.
    Extracted,
    /// The page could not be processed.
    Failed,
    /// A mirror page imported but not extracted yet (a run stopped by `--limit`); never stored as a kind.
    NotExtracted,
    /// The page yields no record although nothing went wrong.
    Skipped,
    /// A part of a multi-part article waiting for its other parts; never stored as a kind.
    WaitingForParts,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::Extracted,
        OutcomeKind::Failed,
        OutcomeKind::NotExtracted,
        OutcomeKind::Skipped,
        OutcomeKind::WaitingForParts,
    ];

    /// The kind's name, as the job store writes it and `status --json` keys it.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Extracted => "extracted",
            OutcomeKind::Failed => "failed",
            OutcomeKind::NotExtracted => "not_extracted",
            OutcomeKind::Skipped => "skipped",
            OutcomeKind::WaitingForParts => "waiting_for_parts",
        }
    }
}

impl fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
