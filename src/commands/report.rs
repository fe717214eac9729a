//! `sitelift report (--job DIR | --input EXPORT) [--html FILE] [--format json]`: the QA page and/or its figures
//! as JSON (see [`sitelift::qa::report`]).

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use sitelift::qa::report::{self, html};
use sitelift::t;

use super::print_stdout;
use crate::cli::{ReportArgs, ReportFormat};

pub fn run(args: ReportArgs, quiet: bool) -> Result<ExitCode> {
    let json = args.format == Some(ReportFormat::Json) || args.json_out.is_some();
    if args.html.is_none() && !json {
        bail!(t!("report-nothing-to-write"));
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
                "{}",
                t!(
                    "report-written",
                    records = records,
                    path = path.display().to_string(),
                    mb = format!("{:.1}", size as f64 / 1e6),
                    secs = format!("{:.1}", started.elapsed().as_secs_f64())
                )
            );
        }
    }
    if let Some(text) = figures {
        match &args.json_out {
            Some(path) => std::fs::write(path, text + "\n")
                .with_context(|| t!("cannot-write", path = path.display().to_string()))?,
            None => print_stdout(&(text + "\n"))?,
        }
    }
    Ok(ExitCode::SUCCESS)
}
