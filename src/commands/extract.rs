//! `sitelift extract`: files or mirrors → records in JSON Lines, JSON or SQLite; with `--job`, the pages stored
//! in a crawl job are extracted again (no network), e.g. after fixing a mapping.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use sitelift::batch::extract_files;
use sitelift::export::open_sink;
use sitelift::source::files::collect;
use sitelift::{Format, t};

use super::options;
use crate::cli::ExtractArgs;
use crate::progress::Progress;

pub fn run(args: ExtractArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let format = match args.format {
        Some(f) => f,
        None => format_from_path(args.out.as_deref())?,
    };
    if format == Format::Sqlite && args.out.is_none() {
        anyhow::bail!(t!("extract-sqlite-needs-out"));
    }
    let opts = options(&args.options)?;
    if let Some(dir) = &args.job {
        let mut job = sitelift::job::Job::open_existing(dir)?;
        let settings = sitelift::crawl::CrawlSettings::resolve(
            &sitelift::crawl::CrawlFlags::default(),
            opts.mapping.as_ref(),
        )?;
        let mut sink = open_sink(format, args.out.as_deref())?;
        let pages: i64 = job
            .conn
            .query_row("SELECT count(*) FROM pages", [], |r| r.get(0))
            .map_err(job.sql_error())?;
        let progress = Progress::new(pages as usize, quiet, verbose);
        let summary = sitelift::job::reextract::reextract(
            &mut job,
            &opts,
            &settings.scope,
            sink.as_mut(),
            &progress,
        )?;
        progress.finish();
        sink.finish()?;
        write_summary(&summary, args.summary.as_deref())?;
        return Ok(finish(&summary, args.out.as_deref(), quiet));
    }
    if let Some(err) = args
        .inputs
        .iter()
        .find_map(|i| super::url_without_scheme(&i.to_string_lossy()))
    {
        return Err(anyhow::anyhow!(t!(
            "extract-reads-files",
            error = err.localized()
        )));
    }
    let files = collect(&args.inputs)?;
    if files.is_empty() {
        let inputs: Vec<String> = args
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(super::no_pages(&inputs));
    }
    if let Some(parent) = args
        .out
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
    {
        super::create_folder(parent)?;
    }
    let mut sink = open_sink(format, args.out.as_deref())?;
    let progress = Progress::new(files.len(), quiet, verbose);
    let summary = extract_files(&files, &args.inputs, &opts, sink.as_mut(), &progress)?;
    progress.finish();
    sink.finish()?;
    write_summary(&summary, args.summary.as_deref())?;
    Ok(finish(&summary, args.out.as_deref(), quiet))
}

/// `--summary FILE`: the summary as JSON, every skipped and failed page included.
fn write_summary(summary: &sitelift::summary::Summary, path: Option<&Path>) -> Result<()> {
    if let Some(path) = path {
        summary.write_json(path)?;
    }
    Ok(())
}

/// Print the summary; exit 1 when some pages failed.
fn finish(summary: &sitelift::summary::Summary, out: Option<&Path>, quiet: bool) -> ExitCode {
    if !quiet {
        // Not eprint!: it panics when stderr is closed (`2>&1 | head`), after the output was published.
        let mut text = summary.render();
        if let Some(out) = out {
            text.push_str(&format!(
                "{}\n",
                t!("extract-output", out = out.display().to_string())
            ));
        }
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else if summary.failed_count() > 0 {
        // Even with --quiet, exit 1 comes with its reason.
        let how = if out.is_some() {
            t!("extract-see-which-summary")
        } else {
            t!("extract-see-which")
        };
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            t!(
                "extract-quiet-failed",
                n = summary.failed_count(),
                how = how
            )
        );
    }
    if summary.failed_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The format `--out`'s extension names: JSON Lines without one; an extension sitelift does not write (`.csv`)
/// is refused rather than filled with something else.
fn format_from_path(out: Option<&Path>) -> Result<Format> {
    let Some(ext) = out.and_then(|p| p.extension()) else {
        return Ok(Format::Jsonl);
    };
    match ext.to_string_lossy().to_ascii_lowercase().as_str() {
        "sqlite" | "sqlite3" | "db" => Ok(Format::Sqlite),
        "json" => Ok(Format::Json),
        "jsonl" | "ndjson" => Ok(Format::Jsonl),
        other => anyhow::bail!(t!(
            "extract-unknown-extension",
            out = out.map(|p| p.display().to_string()).unwrap_or_default(),
            ext = other
        )),
    }
}
