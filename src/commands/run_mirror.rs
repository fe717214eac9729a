//! `sitelift run PATH...`: a mirror on disk (or single files) is imported into the job instead of crawled —
//! only files that are new or whose content changed — then the pages due are extracted from the job and every
//! record is published as after a crawl. Running it again resumes: unchanged files are not imported again, their
//! records are reported unchanged; `--fresh` starts over; `--limit N` stops extracting at N records.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use sitelift::batch::Silent;
use sitelift::crawl::{CrawlFlags, CrawlSettings};
use sitelift::job::{Job, mirror};
use sitelift::pipeline::{Options, PartSource};
use sitelift::source::files::{DiskParts, UrlPolicy, collect};
use sitelift::t;

use super::publish::publish;
use crate::cli::RunArgs;
use crate::progress::Progress;

pub fn run_mirror(
    args: &RunArgs,
    opts: &Options,
    job_dir: &Path,
    quiet: bool,
    verbose: u8,
) -> Result<ExitCode> {
    let started = Instant::now();
    let roots: Vec<PathBuf> = args.inputs.iter().map(PathBuf::from).collect();
    let files = collect(&roots)?;
    if files.is_empty() {
        return Err(super::no_pages(&args.inputs));
    }
    if args.crawl.download_attachments && !quiet {
        eprintln!("{}", t!("mirror-no-downloads"));
    }
    // The scope gives URLs their canonical form (session parameters) and, with crawl patterns, page kinds.
    let settings = CrawlSettings::resolve(&CrawlFlags::default(), opts.mapping.as_ref())?;
    let mut job = Job::open(job_dir, args.crawl.fresh)?;
    let urls = UrlPolicy::for_options(opts);
    let imported = mirror::import(
        &mut job,
        &files,
        &urls,
        &settings.scope,
        opts.max_page_bytes,
    )?;
    let progress = Progress::new(mirror::unextracted(&job)? as usize, quiet, verbose);
    let disk =
        || -> Box<dyn PartSource + Send> { Box::new(DiskParts::new(&files, &roots, urls.clone())) };
    let extracted = mirror::extract(
        &mut job,
        opts,
        &settings.scope,
        args.crawl.limit,
        &progress,
        &disk,
    )?;
    progress.finish();
    let model = if opts.site_model {
        sitelift::site::job::refine(&mut job, opts, &settings.scope, Some(disk()), &Silent)?
    } else {
        None
    };
    let elapsed = started.elapsed();
    job.add_elapsed(elapsed.as_secs_f64())?;
    let (mut summary, _) = publish(&job, &args.out)?;
    summary.set_elapsed(elapsed);
    summary.site_model = model;
    if !quiet {
        eprint!("{}", summary.render());
        let mut line = t!(
            "mirror-files",
            files = imported.files,
            new = imported.new,
            changed = imported.changed,
            unchanged = imported.unchanged,
            failed = imported.failed
        );
        if imported.duplicates > 0 {
            line.push_str(&t!("mirror-duplicates", n = imported.duplicates));
        }
        eprintln!(
            "{}",
            t!(
                "mirror-extracted",
                line = line,
                pages = extracted.pages,
                secs = format!("{:.1}", elapsed.as_secs_f64()),
                job = job_dir.display().to_string()
            )
        );
        let left = mirror::unextracted(&job)?;
        if left > 0 {
            match args.crawl.limit {
                Some(n) if extracted.limit_reached => {
                    eprintln!("{}", t!("mirror-limit", limit = n, left = left))
                }
                _ => eprintln!("{}", t!("mirror-left", left = left)),
            }
        }
        eprintln!("{}", t!("run-output", out = args.out.display().to_string()));
    }
    if summary.failed_count() > 0 {
        if quiet {
            eprintln!(
                "{}",
                t!(
                    "mirror-quiet-failed",
                    n = summary.failed_count(),
                    summary = args.out.join("summary.json").display().to_string()
                )
            );
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
