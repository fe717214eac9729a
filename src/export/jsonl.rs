//! JSON Lines: one compact record per line, streamed. The format for pipes (`sitelift extract … | jq`).

use std::path::Path;

use super::atomic::{Output, output_error};
use super::{Sink, WriteOutcome};
use crate::error::Result;
use crate::record::Record;

/// Writes one compact JSON object per line to stdout or, atomically, to a file.
pub struct JsonlSink {
    out: Output,
    line: Vec<u8>,
}

impl JsonlSink {
    /// `None` is stdout.
    pub fn open(out: Option<&Path>) -> Result<Self> {
        Ok(Self::from_output(Output::open(out)?))
    }

    pub(crate) fn from_output(out: Output) -> Self {
        JsonlSink {
            out,
            line: Vec::with_capacity(16 * 1024),
        }
    }
}

impl Sink for JsonlSink {
    /// Always [`WriteOutcome::Inserted`]: a stream has no earlier state to compare with.
    fn write(&mut self, record: &Record) -> Result<WriteOutcome> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, record).map_err(|e| {
            output_error(
                self.out.name(),
                format_args!("cannot serialize record {}: {e}", record.id),
            )
        })?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)?;
        Ok(WriteOutcome::Inserted)
    }

    fn finish(self: Box<Self>) -> Result<()> {
        self.out.finish()
    }
}
