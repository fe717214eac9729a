//! `sitelift report (--job DIR | --input EXPORT) [--html FILE] [--format json]`: the QA page and/or its figures
//! as JSON (see [`sitelift::qa::report`]).

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use sitelift::qa::report::{self, html};

use super::print_stdout;
use crate::cli::{ReportArgs, ReportFormat};

pub fn run(args: ReportArgs, quiet: bool) -> Result<ExitCode> {
    let json = args.format == Some(ReportFormat::Json) || args.json_out.is_some();
    if args.html.is_none() && !json {
        bail!("nothing to write: give --html FILE for the page, or --format json for the figures");
    }
    let started = Instant::now();
    let (report, from_job) = match (&args.job, &args.input) {
        (Some(job), _) => (report::from_job(job)?, true),
        (None, Some(input)) => (report::from_export(input)?, false),
        (None, None) => unreachable!("clap requires --job or --input"),
    };
    let figures = json
        .then(|| serde_json::to_string_pretty(&report.figures))
        .transpose()?;
    let records = report.figures.records;
    if let Some(path) = &args.html {
        html::write(report, path, from_job)?;
        if !quiet {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "report: {records} records -> {} ({:.1} MB) in {:.1} s",
                path.display(),
                size as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
        }
    }
    if let Some(text) = figures {
        match &args.json_out {
            Some(path) => std::fs::write(path, text + "\n")
                .with_context(|| format!("cannot write '{}'", path.display()))?,
            None => print_stdout(&(text + "\n"))?,
        }
    }
    Ok(ExitCode::SUCCESS)
}
