//! The output folder of `run`: every record of the job exported to records.sqlite and records.jsonl, with the
//! summary and the attachment manifest. Both kinds of run (a crawl, a local mirror) end by publishing it.

use std::path::Path;

use anyhow::{Context, Result};
use sitelift::export::{JsonlSink, Sink, SqliteSink, Tee};
use sitelift::job::Job;
use sitelift::job::status::Status;
use sitelift::summary::Summary;
use sitelift::t;

/// Export every record in the job to DIR/records.sqlite and DIR/records.jsonl (and the attachment manifest when
/// the job has attachments); return the summary of the job's outcomes and its status.
pub fn publish(job: &Job, out: &Path) -> Result<(Summary, Status)> {
    let mut sink: Box<dyn Sink> = Box::new(Tee(vec![
        Box::new(SqliteSink::open(&out.join("records.sqlite"))?),
        Box::new(JsonlSink::open(Some(&out.join("records.jsonl")))?),
    ]));
    let summary = sitelift::job::reextract::export(job, sink.as_mut())?;
    sink.finish()?;
    summary.write_json(&out.join("summary.json"))?;
    let status = sitelift::job::status::status(job)?;
    if !status.attachments.is_empty() {
        let manifest = sitelift::job::attachments::manifest(&job.conn).map_err(job.sql_error())?;
        let path = out.join("attachments.jsonl");
        sitelift::export::write_atomically(&path, manifest.as_bytes())
            .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    }
    Ok((summary, status))
}
