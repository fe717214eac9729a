//! Batch runs over many local pages: pages are processed in parallel in bounded chunks (rayon, all cores) and
//! their records written in input order, so output is deterministic and memory stays flat however large the
//! mirror. A page that fails is counted; a sink that fails stops the run (nothing is published half-done).

use std::time::Instant;

use rayon::prelude::*;

use crate::error::Result;
use crate::export::Sink;
use crate::pipeline::{Options, PageOutcome, process, too_large};
use crate::source::files::{DiskParts, FileInput, UrlPolicy, read};
use crate::summary::Summary;

/// Pages processed at once; bounds memory to a chunk's records.
const CHUNK: usize = 64;

/// Something told about every finished page (the progress bar).
pub trait Observer: Sync {
    fn page_done(&self, page: &str, outcome: &PageOutcome);
}

/// No progress reporting.
pub struct Silent;

impl Observer for Silent {
    fn page_done(&self, _: &str, _: &PageOutcome) {}
}

/// Extract every file and write records to `sink`. Returns the summary; the caller finishes the sink.
pub fn extract_files(
    files: &[FileInput],
    roots: &[std::path::PathBuf],
    opts: &Options,
    sink: &mut dyn Sink,
    observer: &dyn Observer,
) -> Result<Summary> {
    let started = Instant::now();
    let urls = UrlPolicy::for_options(opts);
    let parts = DiskParts::new(files, roots, urls.clone());
    let mut summary = Summary::default();
    for chunk in files.chunks(CHUNK) {
        let outcomes: Vec<(String, PageOutcome)> = chunk
            .par_iter()
            .map(|input| {
                // A file over the size limit is refused by its size, before it is read into memory.
                let size = std::fs::metadata(&input.path).map_or(0, |m| m.len());
                let outcome = match too_large(size, opts.max_page_bytes) {
                    _ if input.unreadable.is_some() => {
                        PageOutcome::Failed(input.unreadable.clone().unwrap_or_default())
                    }
                    Some(refused) => refused,
                    None => match read(input, &urls) {
                        Ok(page) => process(&page, opts, &parts),
                        Err(e) => PageOutcome::Failed(format!("cannot read file: {e}")),
                    },
                };
                observer.page_done(&input.rel, &outcome);
                (input.rel.clone(), outcome)
            })
            .collect();
        for (label, outcome) in outcomes {
            let written = match &outcome {
                PageOutcome::Extracted(record) => Some(sink.write(record)?),
                _ => None,
            };
            summary.add(&label, &outcome, written);
        }
    }
    summary.set_elapsed(started.elapsed());
    Ok(summary)
}
