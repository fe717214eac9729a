//! `sitelift crawl`: crawl a live site into a job folder (records accumulate in the job; `run` or
//! `extract --job` export them). Also the crawl step `run` shares; its progress is [`CrawlDisplay`].

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use sitelift::crawl::{CrawlFlags, CrawlReport, CrawlSettings, crawl};
use sitelift::job::{Job, State};
use sitelift::pipeline::Options;
use sitelift::t;

use super::options;
use crate::cli::{CrawlArgs, CrawlFlagArgs};
use crate::progress::CrawlDisplay;

/// Exit code of a crawl stopped by Ctrl-C (128 + SIGINT).
pub const INTERRUPTED: u8 = 130;

pub fn run(args: CrawlArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let opts = options(&args.options)?;
    let settings = crawl_settings(&args.crawl, &args.urls, &opts)?;
    let (job, report) = crawl_job(
        &args.job,
        &opts,
        &settings,
        args.crawl.fresh,
        quiet,
        verbose,
    )?;
    let status = sitelift::job::status::status(&job)?;
    if !quiet {
        eprint!("{}", status.render());
        eprintln!("{}", super::run::this_run(&report, &status, &args.job));
        eprintln!(
            "{}",
            t!("crawl-export-with", job = args.job.display().to_string())
        );
    }
    let code = exit_code(&report, &status);
    if quiet && code == ExitCode::from(1) {
        eprintln!(
            "{}",
            t!(
                "crawl-quiet-failed",
                n = status.pages_in(State::Failed),
                job = args.job.display().to_string()
            )
        );
    }
    Ok(code)
}

/// The crawl's settings for the whole command: the command line's crawl flags and start URLs over the mapping's
/// `[crawl]` table, resolved once (the crawl and the site model's scope use the same).
pub fn crawl_settings(
    flags: &CrawlFlagArgs,
    urls: &[String],
    opts: &Options,
) -> Result<CrawlSettings> {
    Ok(CrawlSettings::resolve(
        &crawl_flags(flags, urls),
        opts.mapping.as_ref(),
    )?)
}

/// Open (or create, or with `fresh` start over) the job and crawl it.
pub fn crawl_job(
    dir: &Path,
    opts: &Options,
    settings: &CrawlSettings,
    fresh: bool,
    quiet: bool,
    verbose: u8,
) -> Result<(Job, CrawlReport)> {
    let dir_existed = dir.exists();
    let new_job = fresh || !dir.join(sitelift::job::DB_FILE).exists();
    let mut job = Job::open(dir, fresh)?;
    let bar = CrawlDisplay::new(quiet, verbose);
    let report = crawl(&mut job, settings, opts, &bar);
    bar.finish();
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            if new_job {
                drop(job);
                remove_new_job(dir, dir_existed);
            }
            return Err(e.into());
        }
    };
    if new_job && !report.interrupted && report.fetched_now == 0 && report.paused_hosts.is_empty() {
        let status = sitelift::job::status::status(&job)?;
        if status.pages_in(State::Fetched) == 0 {
            // A failed start: every URL tried failed or was refused. Say why, and leave no empty job behind.
            // (Nothing tried at all — `--limit 0`, `--max-pages 0` — is not a failure.)
            let why = status
                .failures
                .values()
                .chain(status.skipped.values())
                .flat_map(|g| g.pages.first())
                .next()
                .map(|(url, why)| format!("{url}: {}", sitelift::outcome::localized(why)));
            if let Some(why) = why {
                drop(job);
                remove_new_job(dir, dir_existed);
                anyhow::bail!(t!("crawl-failed-start", why = why));
            }
        }
    }
    if report.interrupted && !quiet {
        eprintln!("{}", t!("crawl-interrupted"));
    }
    for (host, why) in &report.paused_hosts {
        // Said even with --quiet: the crawl did not finish, and this is why.
        eprintln!(
            "{}",
            t!(
                "crawl-host-paused",
                host = host.as_str(),
                why = sitelift::outcome::localized(why)
            )
        );
    }
    Ok((job, report))
}

/// Remove what opening a new job created (the store, its lock, an empty attachments folder, and the folder
/// itself when this run created it), so a failed start leaves nothing that looks like a job.
fn remove_new_job(dir: &Path, dir_existed: bool) {
    for name in [
        sitelift::job::DB_FILE,
        "job.sqlite-wal",
        "job.sqlite-shm",
        sitelift::job::LOCK_FILE,
    ] {
        let _ = std::fs::remove_file(dir.join(name));
    }
    let _ = std::fs::remove_dir(dir.join("attachments"));
    if !dir_existed {
        let _ = std::fs::remove_dir(dir);
    }
}

/// 0: all fine; 1: some URLs failed, or a host was paused with URLs left; 130: interrupted.
pub fn exit_code(report: &CrawlReport, status: &sitelift::job::status::Status) -> ExitCode {
    if report.interrupted {
        ExitCode::from(INTERRUPTED)
    } else if status.pages_in(State::Failed) > 0 || !report.paused_hosts.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn crawl_flags(a: &CrawlFlagArgs, urls: &[String]) -> CrawlFlags {
    CrawlFlags {
        start_urls: urls.to_vec(),
        limit: a.limit,
        update: a.update,
        ignore_robots: a.ignore_robots,
        download_attachments: a.download_attachments,
        delay_ms: a.delay_ms,
        concurrency: a.concurrency,
        timeout_ms: a.timeout_ms,
        connect_timeout_ms: a.connect_timeout_ms,
        retries: a.retries,
        retry_base_ms: a.retry_base_ms,
        max_retry_wait_ms: a.max_retry_wait_ms,
        max_host_errors: a.max_host_errors,
        max_redirects: a.max_redirects,
        max_decoded_mb: a.max_decoded_mb,
        max_attachment_mb: a.max_attachment_mb,
        user_agent: a.user_agent.clone(),
        include: a.include.clone(),
        exclude: a.exclude.clone(),
        no_parent: a.no_parent,
        max_pages: a.max_pages,
        max_depth: a.max_depth,
        max_pages_per_pattern: a.max_pages_per_pattern,
        max_query_variants: a.max_query_variants,
        max_list_pages: a.max_list_pages,
        max_path_variants: a.max_path_variants,
        max_pages_per_host: a.max_pages_per_host,
    }
}
