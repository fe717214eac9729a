//! Export: records stream to a [`Sink`] one at a time, so memory stays flat however many pages a run reads.
//! Every sink writes atomically: files go to a temporary sibling renamed into place by [`Sink::finish`]; SQLite
//! writes inside one transaction and upserts by id, leaving unchanged records untouched.

use std::path::Path;

use crate::error::Result;
use crate::record::Record;

/// Output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
    Sqlite,
}

/// What writing one record did to the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Inserted,
    Updated,
    Unchanged,
}

/// A destination for records.
pub trait Sink {
    fn write(&mut self, record: &Record) -> Result<WriteOutcome>;
    /// Make the output visible (rename into place / commit). Without it nothing is published.
    fn finish(self: Box<Self>) -> Result<()>;
}

/// Open a sink for `format`; `out = None` means stdout (JSON and JSON Lines only).
pub fn open_sink(_format: Format, _out: Option<&Path>) -> Result<Box<dyn Sink>> {
    todo!()
}
