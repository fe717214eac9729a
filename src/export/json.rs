//! JSON: one pretty-printed array, for people and for tools that want a single document. Records are streamed
//! (`[`, then each record, `,` between, `]` at the end), never collected, and the bytes are exactly what
//! `serde_json::to_string_pretty(&records)` would print, plus a final newline. An empty run writes `[]`.

use std::path::Path;

use super::atomic::{Output, output_error};
use super::{Sink, WriteOutcome};
use crate::error::Result;
use crate::record::Record;

/// Writes a pretty-printed JSON array to stdout or, atomically, to a file.
pub struct JsonSink {
    out: Output,
    count: usize,
    pretty: Vec<u8>,
    indented: Vec<u8>,
}

impl JsonSink {
    /// `None` is stdout.
    pub fn open(out: Option<&Path>) -> Result<Self> {
        Ok(Self::from_output(Output::open(out)?))
    }

    pub(crate) fn from_output(out: Output) -> Self {
        JsonSink {
            out,
            count: 0,
            pretty: Vec::with_capacity(16 * 1024),
            indented: Vec::with_capacity(16 * 1024),
        }
    }
}

impl Sink for JsonSink {
    /// Always [`WriteOutcome::Inserted`].
    fn write(&mut self, record: &Record) -> Result<WriteOutcome> {
        self.pretty.clear();
        serde_json::to_writer_pretty(&mut self.pretty, record).map_err(|e| {
            output_error(
                self.out.name(),
                format_args!("cannot serialize record {}: {e}", record.id),
            )
        })?;
        self.indented.clear();
        self.indented
            .extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
        // Indent every line by one level. JSON strings cannot hold a raw newline, so splitting on b'\n' only
        // ever splits between tokens.
        for (i, line) in self.pretty.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.indented.push(b'\n');
            }
            self.indented.extend_from_slice(b"  ");
            self.indented.extend_from_slice(line);
        }
        self.out.write_all(&self.indented)?;
        self.count += 1;
        Ok(WriteOutcome::Inserted)
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        let end: &[u8] = if self.count == 0 { b"[]\n" } else { b"\n]\n" };
        self.out.write_all(end)?;
        self.out.finish()
    }
}
