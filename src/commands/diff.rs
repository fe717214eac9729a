//! `sitelift diff EXPECTED ACTUAL [--bless]`: print what differs; exit 0 when equal, 1 when not (after
//! `--bless`: 1 only when differences are left that bless cannot write), 2 when an input cannot be read.

use std::process::ExitCode;

use anyhow::Result;
use sitelift::qa::diff::{self, Rules, bless::bless, render};

use super::print_stdout;
use crate::cli::{DiffArgs, OutputFormat};

pub fn run(args: DiffArgs) -> Result<ExitCode> {
    diff::check_ignored(&args.ignore)?;
    let rules = Rules {
        ignore: args.ignore.clone(),
        normalize_whitespace: args.normalize_whitespace,
    };
    let (report, blessed) = if args.bless {
        let (report, blessed) = bless(&args.expected, &args.actual, &rules)?;
        (report, Some(blessed))
    } else {
        let (report, _) = diff::diff(&args.expected, &args.actual, &rules, |_, _, _| {})?;
        (report, None)
    };
    match args.format {
        OutputFormat::Text => print_stdout(&render::text(&report))?,
        OutputFormat::Json => print_stdout(&(render::json(&report) + "\n"))?,
    }
    let Some(blessed) = blessed else {
        return Ok(code(report.is_equal()));
    };
    let left = match blessed.left {
        0 => String::new(),
        n => sitelift::t!("diff-blessed-left", n = n),
    };
    eprintln!(
        "{}",
        sitelift::t!(
            "diff-blessed",
            records = blessed.records,
            files = blessed.written.len(),
            left = left
        )
    );
    for file in &blessed.written {
        let file = file.display().to_string();
        eprintln!("  {}", sitelift::t!("diff-wrote", file = file));
    }
    Ok(code(blessed.left == 0))
}

fn code(equal: bool) -> ExitCode {
    if equal {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
