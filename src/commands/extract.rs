//! `sitelift extract`: files or mirrors → records in JSON Lines, JSON or SQLite.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sitelift::Format;
use sitelift::batch::extract_files;
use sitelift::export::open_sink;
use sitelift::source::files::collect;

use super::options;
use crate::cli::ExtractArgs;
use crate::progress::Progress;

pub fn run(args: ExtractArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let opts = options(&args.options)?;
    let format = args
        .format
        .unwrap_or_else(|| format_from_path(args.out.as_deref()));
    let files = collect(&args.inputs)?;
    if files.is_empty() {
        eprintln!(
            "warning: no HTML pages found in {}; pages need an extension like .html/.htm/.shtml/.asp/.php/.jsp or HTML content",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(parent) = args
        .out
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the output folder '{}'", parent.display()))?;
    }
    let mut sink = open_sink(format, args.out.as_deref())?;
    let progress = Progress::new(files.len(), quiet, verbose);
    let summary = extract_files(&files, &args.inputs, &opts, sink.as_mut(), &progress)?;
    progress.finish();
    sink.finish()?;
    if !quiet {
        eprint!("{}", summary.render());
        if let Some(out) = &args.out {
            eprintln!("output: {}", out.display());
        }
    }
    Ok(if summary.failed_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn format_from_path(out: Option<&Path>) -> Format {
    match out.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("sqlite" | "sqlite3" | "db") => Format::Sqlite,
        Some("json") => Format::Json,
        _ => Format::Jsonl,
    }
}
