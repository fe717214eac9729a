//! Batch runs over many local pages: pages are processed in parallel in bounded chunks (rayon, all cores) and
//! their records written in input order, so output is deterministic and memory stays flat however large the
//! mirror. A page that fails is counted; a sink that fails stops the run (nothing is published half-done).

use std::time::Instant;

use rayon::prelude::*;

use crate::error::Result;
use crate::export::Sink;
use crate::pipeline::{
    FailReason, Options, PageOutcome, PartSource, Processed, process_site, too_large,
};
use crate::site::SitePass;
use crate::site::run::{Pages, two_pass};
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
    if opts.site_model {
        let pages = FilePages {
            files,
            opts,
            urls: &urls,
            parts: &parts,
        };
        summary.site_model = two_pass(&pages, observer, &mut |i, outcome| {
            summary.write_and_add(sink, &files[i].rel, &outcome)
        })?;
        summary.set_elapsed(started.elapsed());
        return Ok(summary);
    }
    for chunk in files.chunks(CHUNK) {
        let outcomes: Vec<(String, PageOutcome)> = chunk
            .par_iter()
            .map(|input| {
                let outcome = process_file(input, opts, &urls, &parts, SitePass::Off).outcome;
                observer.page_done(&input.rel, &outcome);
                (input.rel.clone(), outcome)
            })
            .collect();
        for (label, outcome) in outcomes {
            summary.write_and_add(sink, &label, &outcome)?;
        }
    }
    summary.set_elapsed(started.elapsed());
    Ok(summary)
}

/// Read one file (refused by its size before it is read when it is over the limit) and run it through the
/// pipeline.
fn process_file(
    input: &FileInput,
    opts: &Options,
    urls: &UrlPolicy,
    parts: &dyn PartSource,
    site: SitePass<'_>,
) -> Processed {
    let size = std::fs::metadata(&input.path).map_or(0, |m| m.len());
    let failed = Processed::alone;
    match too_large(size, opts.max_page_bytes) {
        _ if input.unreadable.is_some() => failed(PageOutcome::Failed(FailReason::Other(
            input.unreadable.clone().unwrap_or_default(),
        ))),
        Some(refused) => failed(refused),
        None => match read(input, urls) {
            Ok(page) => process_site(&page, opts, parts, site),
            Err(e) => failed(PageOutcome::Failed(FailReason::Unreadable(e.to_string()))),
        },
    }
}

/// Files as the site model's pages: read again from disk in the second pass.
pub struct FilePages<'a> {
    pub files: &'a [FileInput],
    pub opts: &'a Options,
    pub urls: &'a UrlPolicy,
    pub parts: &'a dyn PartSource,
}

impl Pages for FilePages<'_> {
    fn len(&self) -> usize {
        self.files.len()
    }

    fn label(&self, page: usize) -> String {
        self.files[page].rel.clone()
    }

    fn process(&self, page: usize, site: SitePass<'_>) -> Processed {
        process_file(&self.files[page], self.opts, self.urls, self.parts, site)
    }
}
