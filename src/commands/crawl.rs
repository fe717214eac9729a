//! `sitelift crawl`: crawl a live site into a job folder (records accumulate in the job; `run` or
//! `extract --job` export them). Also the crawl step `run` shares, and the crawl progress bar: pages
//! discovered / fetched / failed, rate and ETA on stderr when it is a terminal.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use sitelift::crawl::{
    CrawlFlags, CrawlObserver, CrawlProgress, CrawlReport, CrawlSettings, crawl,
};
use sitelift::job::Job;
use sitelift::pipeline::Options;

use super::options;
use crate::cli::{CrawlArgs, CrawlFlagArgs};

/// Exit code of a crawl stopped by Ctrl-C (128 + SIGINT).
pub const INTERRUPTED: u8 = 130;

pub fn run(args: CrawlArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let opts = options(&args.options)?;
    let (job, report) = crawl_job(&args.job, &opts, &args.crawl, &args.urls, quiet, verbose)?;
    let status = sitelift::job::status::status(&job)?;
    if !quiet {
        eprint!("{}", status.render());
        eprintln!(
            "this run: {} pages fetched in {:.1} s; export with: sitelift run --job {} --out DIR (or extract --job)",
            report.fetched_now,
            report.elapsed.as_secs_f64(),
            args.job.display()
        );
    }
    Ok(exit_code(&report, &status))
}

/// Open (or create) the job and crawl it.
pub fn crawl_job(
    dir: &Path,
    opts: &Options,
    flags: &CrawlFlagArgs,
    urls: &[String],
    quiet: bool,
    verbose: u8,
) -> Result<(Job, CrawlReport)> {
    let settings = CrawlSettings::resolve(&crawl_flags(flags, urls), opts.mapping.as_ref())?;
    let mut job = Job::open(dir, flags.fresh)?;
    let bar = CrawlBar::new(quiet, verbose);
    let report = crawl(&mut job, &settings, opts, &bar)?;
    bar.finish();
    if report.interrupted && !quiet {
        eprintln!("interrupted: the job is saved; run the same command again to resume");
    }
    for (host, why) in &report.paused_hosts {
        // Said even with --quiet: the crawl did not finish, and this is why.
        eprintln!(
            "host {host} paused for this run: {why}; its URLs stay queued: run the same command again later \
             to resume"
        );
    }
    Ok((job, report))
}

/// 0: all fine; 1: some URLs failed, or a host was paused with URLs left; 130: interrupted.
pub fn exit_code(report: &CrawlReport, status: &sitelift::job::status::Status) -> ExitCode {
    if report.interrupted {
        ExitCode::from(INTERRUPTED)
    } else if status.pages.get("failed").copied().unwrap_or(0) > 0
        || !report.paused_hosts.is_empty()
    {
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
        max_depth: a.max_depth,
        max_pages_per_pattern: a.max_pages_per_pattern,
        max_query_variants: a.max_query_variants,
        max_list_pages: a.max_list_pages,
        max_path_variants: a.max_path_variants,
        max_pages_per_host: a.max_pages_per_host,
    }
}

/// The crawl progress bar; absent when stderr is not a terminal, with --quiet or with -v logs.
struct CrawlBar(Option<ProgressBar>);

impl CrawlBar {
    fn new(quiet: bool, verbose: u8) -> CrawlBar {
        if quiet || verbose > 0 || !std::io::stderr().is_terminal() {
            return CrawlBar(None);
        }
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} pages ({per_sec}, eta {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        CrawlBar(Some(bar))
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl CrawlObserver for CrawlBar {
    fn progress(&self, p: &CrawlProgress) {
        if let Some(bar) = &self.0 {
            bar.set_length(p.discovered);
            bar.set_position(p.fetched + p.failed);
            bar.set_message(format!(
                "{} failed, {} skipped, {} records, {} in flight",
                p.failed, p.skipped, p.records, p.in_flight
            ));
        }
    }

    fn message(&self, msg: &str) {
        match &self.0 {
            Some(bar) => bar.println(msg),
            None => tracing::info!("{msg}"),
        }
    }
}
