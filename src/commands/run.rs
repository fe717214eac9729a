//! `sitelift run`: the operator's one command. URLs (or the mapping's start URLs, or a job to resume) are
//! crawled into the job — kept in the output folder unless `--job` names another — then every record in the
//! job is exported to DIR/records.sqlite (upserted: a re-run touches only changed records) and
//! DIR/records.jsonl (with `--download-attachments`, DIR/attachments.jsonl lists every attachment file: original
//! name, size, MIME type, sha256, HTTP status), and a summary closes the run. Local files or mirror folders
//! go into the job instead of a crawl (see `run_mirror`), and are exported the same way.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use sitelift::job::State;
use sitelift::job::attachments::AttachmentState;
use sitelift::job::status::Status;
use sitelift::t;

use super::crawl::{INTERRUPTED, crawl_job, crawl_settings};
use super::options;
use super::publish::publish;
use super::run_mirror::run_mirror;
use crate::cli::RunArgs;

pub fn run(args: RunArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    if let Some(err) = args
        .inputs
        .iter()
        .find_map(|i| super::url_without_scheme(i))
    {
        return Err(err.into());
    }
    let opts = options(&args.options)?;
    let urls = args
        .inputs
        .iter()
        .filter(|i| i.starts_with("http://") || i.starts_with("https://"))
        .count();
    if urls > 0 && urls < args.inputs.len() {
        bail!(t!("run-mixed-inputs"));
    }
    let job_dir = args.job.clone().unwrap_or_else(|| args.out.clone());
    if urls == 0 && !args.inputs.is_empty() {
        create_out(&args.out)?;
        return run_mirror(&args, &opts, &job_dir, quiet, verbose);
    }
    let settings = crawl_settings(&args.crawl, &args.inputs, &opts)?;
    let fresh = args.crawl.fresh;
    let (mut job, report) = crawl_job(&job_dir, &opts, &settings, fresh, quiet, verbose)?;
    // The site model learns from every stored page once the crawl has them (an interrupted crawl is resumed
    // first; its model comes with the run that finishes it).
    let model = if opts.site_model && !report.interrupted {
        sitelift::site::job::refine(
            &mut job,
            &opts,
            &settings.scope,
            None,
            &sitelift::batch::Silent,
        )?
    } else {
        None
    };
    create_out(&args.out)?;
    let (mut summary, status) = publish(&job, &args.out)?;
    summary.site_model = model;
    if !quiet {
        eprint!("{}", summary.render());
        if status.trap_hits > 0 {
            eprintln!("{}", t!("run-traps", n = status.trap_hits));
        }
        if !status.attachments.is_empty() {
            eprintln!(
                "{}",
                t!(
                    "run-attachments",
                    done = status.attachments_in(AttachmentState::Done),
                    failed = status.attachments_in(AttachmentState::Failed),
                    skipped = status.attachments_in(AttachmentState::Skipped)
                )
            );
        }
        eprintln!("{}", this_run(&report, &status, &job_dir));
        eprintln!("{}", t!("run-output", out = args.out.display().to_string()));
    }
    if report.interrupted {
        return Ok(ExitCode::from(INTERRUPTED));
    }
    if summary.failed_count() > 0 || !report.paused_hosts.is_empty() {
        if quiet {
            eprintln!(
                "{}",
                t!(
                    "run-quiet-failed",
                    n = summary.failed_count(),
                    summary = args.out.join("summary.json").display().to_string(),
                    job = job_dir.display().to_string()
                )
            );
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What this run of the crawl did: pages fetched and failed, over its own time (the rate the progress showed),
/// links not followed, and what is left queued.
pub fn this_run(report: &sitelift::crawl::CrawlReport, status: &Status, job_dir: &Path) -> String {
    let secs = report.elapsed.as_secs_f64();
    let done = report.fetched_now + report.failed_now;
    t!(
        "run-this-run",
        fetched = report.fetched_now,
        failed = report.failed_now,
        elapsed = crate::progress::duration(secs),
        rate = format!("{:.1}", crate::progress::rate(done, secs)),
        links = report.progress.links_seen,
        job = job_dir.display().to_string(),
        not_followed = status.pages_in(State::Skipped),
        queued = status.pages_in(State::Queued)
    )
}

fn create_out(out: &Path) -> Result<()> {
    super::create_folder(out)
}
