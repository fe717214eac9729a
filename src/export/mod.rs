//! Export: records stream to a [`Sink`] one at a time, so memory stays flat however many pages a run reads.
//! Every sink writes atomically: files go to a temporary sibling renamed into place by [`Sink::finish`]; SQLite
//! writes inside one transaction and upserts by id, leaving unchanged records untouched. [`read_records`] reads
//! any of the three back (for `diff`), detecting the format from the content.
//!
//! On stdout a closed pipe (`sitelift … | head`) makes `write` return an error for which [`is_broken_pipe`] is
//! true: stop writing and exit 0; it is not a failure.

mod atomic;
mod json;
mod jsonl;
pub(crate) mod read;
mod sqlite;

use std::path::Path;

use crate::error::Result;
use crate::record::Record;

pub(crate) use atomic::publish;
pub use atomic::{STDOUT, is_broken_pipe, write_atomically};
pub use json::JsonSink;
pub use jsonl::JsonlSink;
pub use read::{Records, read_records};
pub use sqlite::{SCHEMA_VERSION, SqliteSink, record_hash};

/// Output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
    Sqlite,
}

/// What writing one record did to the output. The JSON and JSON Lines sinks always report `Inserted`; only
/// SQLite knows the previous run.
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

/// Open a sink for `format`; `out = None` means stdout (JSON and JSON Lines only: SQLite without a path is an
/// error naming `--out`).
pub fn open_sink(format: Format, out: Option<&Path>) -> Result<Box<dyn Sink>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlSink::open(out)?),
        Format::Json => Box::new(JsonSink::open(out)?),
        Format::Sqlite => Box::new(SqliteSink::open(out.ok_or_else(sqlite::needs_out)?)?),
    })
}

/// Writes every record to several sinks (`run` writes SQLite and JSON Lines at once). The outcome reported is the
/// first sink's, so put SQLite first to get real Inserted / Updated / Unchanged counts.
///
/// `finish` publishes the sinks in order and stops at the first error; the sinks after it are dropped, i.e. not
/// published. Sinks already finished stay published: a tee is not atomic across its files.
pub struct Tee(pub Vec<Box<dyn Sink>>);

impl Sink for Tee {
    /// An empty tee reports `Inserted`.
    fn write(&mut self, record: &Record) -> Result<WriteOutcome> {
        let mut first = None;
        for sink in &mut self.0 {
            let outcome = sink.write(record)?;
            first.get_or_insert(outcome);
        }
        Ok(first.unwrap_or(WriteOutcome::Inserted))
    }

    fn finish(self: Box<Self>) -> Result<()> {
        self.0.into_iter().try_for_each(|sink| sink.finish())
    }
}

#[cfg(test)]
mod tests;
