//! `sitelift run`: the operator's one command. URLs (or the mapping's start URLs, or a job to resume) are
//! crawled into the job — kept in the output folder unless `--job` names another — then every record in the
//! job is exported to DIR/records.sqlite (upserted: a re-run touches only changed records) and
//! DIR/records.jsonl (with `--download-attachments`, DIR/attachments.jsonl lists every attachment file: original
//! name, size, MIME type, sha256, HTTP status), and a summary closes the run. Local files or mirror folders are extracted instead.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use sitelift::batch::extract_files;
use sitelift::export::{JsonlSink, Sink, SqliteSink, Tee};
use sitelift::source::files::collect;

use super::crawl::{INTERRUPTED, crawl_job};
use super::options;
use crate::cli::RunArgs;
use crate::progress::Progress;

pub fn run(args: RunArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let opts = options(&args.options)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create the output folder '{}'", args.out.display()))?;
    let urls = args
        .inputs
        .iter()
        .filter(|i| i.starts_with("http://") || i.starts_with("https://"))
        .count();
    if urls > 0 && urls < args.inputs.len() {
        bail!("give either URLs to crawl or local paths to read, not both");
    }
    let sinks = |out: &PathBuf| -> Result<Box<dyn Sink>> {
        Ok(Box::new(Tee(vec![
            Box::new(SqliteSink::open(&out.join("records.sqlite"))?),
            Box::new(JsonlSink::open(Some(&out.join("records.jsonl")))?),
        ])))
    };
    if urls == 0 && !args.inputs.is_empty() {
        // A mirror on disk: no crawl, no job.
        let roots: Vec<PathBuf> = args.inputs.iter().map(PathBuf::from).collect();
        let files = collect(&roots)?;
        let mut sink = sinks(&args.out)?;
        let progress = Progress::new(files.len(), quiet, verbose);
        let summary = extract_files(&files, &roots, &opts, sink.as_mut(), &progress)?;
        progress.finish();
        sink.finish()?;
        if !quiet {
            eprint!("{}", summary.render());
            eprintln!("output: {}", args.out.display());
        }
        return Ok(if summary.failed_count() > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let job_dir = args.job.clone().unwrap_or_else(|| args.out.clone());
    let (job, report) = crawl_job(&job_dir, &opts, &args.crawl, &args.inputs, quiet, verbose)?;
    let mut sink = sinks(&args.out)?;
    let summary = sitelift::job::reextract::export(&job, sink.as_mut())?;
    sink.finish()?;
    let status = sitelift::job::status::status(&job)?;
    if !status.attachments.is_empty() {
        let manifest = sitelift::job::attachments::manifest(&job.conn).map_err(job.sql_error())?;
        let path = args.out.join("attachments.jsonl");
        std::fs::write(&path, manifest)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    if !quiet {
        eprint!("{}", summary.render());
        if status.trap_hits > 0 {
            eprintln!(
                "trap limits hit: {} URLs refused (listed under 'skipped: trap limit')",
                status.trap_hits
            );
        }
        let n = |k: &str| status.attachments.get(k).copied().unwrap_or(0);
        if !status.attachments.is_empty() {
            eprintln!(
                "attachments: {} downloaded, {} failed (retried next run), {} skipped",
                n("done"),
                n("failed"),
                n("skipped")
            );
        }
        eprintln!(
            "crawl: {} pages fetched this run in {:.1} s; job {}, {} URLs still queued",
            report.fetched_now,
            report.elapsed.as_secs_f64(),
            job_dir.display(),
            status.pages.get("queued").copied().unwrap_or(0)
        );
        eprintln!(
            "output: {} (records.sqlite, records.jsonl)",
            args.out.display()
        );
    }
    if report.interrupted {
        return Ok(ExitCode::from(INTERRUPTED));
    }
    Ok(if summary.failed_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
