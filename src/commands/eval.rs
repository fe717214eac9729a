//! `sitelift eval`: measure the extraction on the dev set (`--devset`, tune and check parts side by side), on
//! hand labels (`--labels`, with `--kinds` for the page-kind confusion) or trafilatura's benchmark
//! (`--trafilatura`), print the figures and the misses, and gate them with the floors in eval/floors.toml.
//! Every run scores the default pipeline (non-articles skipped) unless `--all-pages` is given.
//! Exit codes: 0 every score at or above its floor, 1 some score below, 2 an input could not be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde_json::json;
use sitelift::pipeline::Options;
use sitelift::pipeline::{NoParts, PageOutcome, process};
use sitelift::qa::eval::read_page;
use sitelift::qa::{
    Breach, Floors, Miss, Part, evaluate_benchmark, evaluate_devset, evaluate_labels,
    load_benchmark, load_kinds, load_labels, score_kinds, truncate,
};
use sitelift::{Mapping, t};

use crate::cli::EvalArgs;

/// The floors file used when no --floors is given (relative to the working directory: the repository root).
const DEFAULT_FLOORS: &str = "eval/floors.toml";

/// How much of a value a printed miss shows.
const SHOWN: usize = 60;

pub fn run(args: EvalArgs, quiet: bool) -> Result<ExitCode> {
    let opts = Options {
        mapping: args.mapping.as_deref().map(Mapping::load).transpose()?,
        all_pages: args.all_pages,
        site_model: args.site_model,
        ..Options::default()
    };
    let floors = floors_for(&args, quiet)?;
    let (report, breaches) = if let Some(path) = &args.devset {
        run_devset(&args, path, &opts, floors.as_ref())?
    } else if let Some(path) = &args.labels {
        run_labels(&args, path, &opts, floors.as_ref())?
    } else if let Some(path) = &args.trafilatura {
        run_benchmark(&args, path, &opts, floors.as_ref())?
    } else {
        bail!(t!("eval-no-input"));
    };

    if let Some(out) = &args.json {
        let mut report = report;
        report["floors"] = json!(floors.as_ref().map(|f| f.path.display().to_string()));
        report["breaches"] = json!(breaches);
        let text = serde_json::to_string_pretty(&report)?;
        std::fs::write(out, text + "\n")
            .with_context(|| t!("eval-cannot-write-json", path = out.display().to_string()))?;
    }

    let Some(floors) = floors else {
        return Ok(ExitCode::SUCCESS);
    };
    if breaches.is_empty() {
        if !quiet {
            eprintln!(
                "{}",
                t!("eval-floors-met", path = floors.path.display().to_string())
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    for b in &breaches {
        eprintln!(
            "{}",
            t!(
                "eval-below-floor",
                path = floors.path.display().to_string(),
                breach = b.localized()
            )
        );
    }
    Ok(ExitCode::from(1))
}

/// --no-floors: none; --floors FILE: that file; otherwise eval/floors.toml for a full run, and no gate for a
/// --files, --mapping or --records run (the repository's floors describe the whole labelled set extracted here
/// without a mapping; records read from a run cover only the folders that run read, and no benchmark).
fn floors_for(args: &EvalArgs, quiet: bool) -> Result<Option<Floors>> {
    if args.no_floors {
        return Ok(None);
    }
    if let Some(path) = &args.floors {
        return Ok(Some(Floors::load(path)?));
    }
    if !args.files.is_empty() || args.mapping.is_some() || args.records.is_some() {
        if !quiet {
            eprintln!("{}", t!("eval-floors-not-applied"));
        }
        return Ok(None);
    }
    let default = Path::new(DEFAULT_FLOORS);
    if default.is_file() {
        return Ok(Some(Floors::load(default)?));
    }
    if !quiet {
        eprintln!("{}", t!("eval-no-floors-file", path = DEFAULT_FLOORS));
    }
    Ok(None)
}

/// --files: a page is kept when its file name contains any of the given substrings (empty ones are ignored).
fn selected(files: &[String], file: &str) -> bool {
    files
        .iter()
        .any(|sub| !sub.is_empty() && file.contains(sub.as_str()))
}

/// The --files substrings for a message: `"nku/"`, or `any of "a", "b"`.
fn any_of(files: &[String]) -> String {
    let quoted: Vec<String> = files.iter().map(|s| format!("{s:?}")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        _ => t!("eval-any-of", list = quoted.join(", ")),
    }
}

/// The folder the page files are relative to: --pages, else the folder of the input file.
fn pages_dir(args: &EvalArgs, input: &Path) -> PathBuf {
    args.pages.clone().unwrap_or_else(|| {
        input
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    })
}

fn run_labels(
    args: &EvalArgs,
    path: &Path,
    opts: &Options,
    floors: Option<&Floors>,
) -> Result<(serde_json::Value, Vec<Breach>)> {
    let mut labels = load_labels(path)?;
    if !args.files.is_empty() {
        labels.retain(|l| selected(&args.files, &l.file));
        if labels.is_empty() {
            bail!(t!(
                "eval-no-labelled-page",
                path = path.display().to_string(),
                files = any_of(&args.files)
            ));
        }
    }
    let dir = pages_dir(args, path);
    let report = evaluate_labels(&labels, &dir, opts)?;
    outln!(
        "{}",
        t!(
            "eval-labels-heading",
            path = path.display().to_string(),
            n = report.pages
        )
    );
    out!("{}", report.render_table());
    let kinds = match &args.kinds {
        Some(k) => {
            let mut kinds = load_kinds(k)?;
            if !args.files.is_empty() {
                kinds.retain(|file, _| selected(&args.files, file));
            }
            let files: Vec<String> = kinds.keys().cloned().collect();
            let pages = files
                .iter()
                .map(|f| read_page(&dir, f))
                .collect::<sitelift::Result<Vec<_>>>()?;
            let outcomes: Vec<PageOutcome> = pages
                .par_iter()
                .map(|p| process(p, opts, &NoParts))
                .collect();
            let by_file: std::collections::HashMap<&str, &PageOutcome> = files
                .iter()
                .map(String::as_str)
                .zip(outcomes.iter())
                .collect();
            let r = score_kinds(&kinds, |f| by_file.get(f).copied());
            out!("{}", r.render(args.misses > 0));
            Some(r)
        }
        None => None,
    };
    print_misses(&report.misses, args.misses)?;
    let breaches = floors.map(|f| f.check_labels(&report)).unwrap_or_default();
    let value = json!({
        "kind": "labels",
        "labels": path.display().to_string(),
        "mapping": args.mapping.as_ref().map(|p| p.display().to_string()),
        "files": args.files,
        "report": report,
        "kinds": kinds,
    });
    Ok((value, breaches))
}

fn run_devset(
    args: &EvalArgs,
    path: &Path,
    opts: &Options,
    floors: Option<&Floors>,
) -> Result<(serde_json::Value, Vec<Breach>)> {
    let parts: Vec<Part> = match args.part {
        Some(p) => vec![p],
        None => Part::BOTH.to_vec(),
    };
    let report = evaluate_devset(path, &parts, opts, args.records.as_deref())?;
    outln!(
        "{}",
        t!(
            "eval-devset-heading",
            manifest = report.manifest.as_str(),
            seed = report
                .seed
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            sets = report.sets.join(", ")
        )
    );
    out!("{}", report.render_table());
    // Misses and kind errors are shown for the tune part only, unless one part is asked for by name: rules are
    // changed looking at the tune part, and the check part is read as figures.
    let shown = match args.part {
        Some(p) => p,
        None => Part::Tune,
    };
    if let Some(p) = report.part(shown) {
        outln!("\n{}", t!("eval-part-heading", part = shown.localized()));
        out!("{}", p.kinds.render(args.misses > 0));
        print_misses(&p.labels.misses, args.misses)?;
        if let Some(b) = &p.benchmark {
            print_misses(&b.misses, args.misses.min(20))?;
        }
    }
    if args.part.is_none() {
        outln!("\n{}", t!("eval-misses-tune-only"));
    }
    let breaches = floors.map(|f| f.check_devset(&report)).unwrap_or_default();
    let value = json!({
        "kind": "devset",
        "mapping": args.mapping.as_ref().map(|p| p.display().to_string()),
        "records": args.records.as_ref().map(|p| p.display().to_string()),
        "report": report,
    });
    Ok((value, breaches))
}

fn run_benchmark(
    args: &EvalArgs,
    path: &Path,
    opts: &Options,
    floors: Option<&Floors>,
) -> Result<(serde_json::Value, Vec<Breach>)> {
    let mut items = load_benchmark(path)?;
    if !args.files.is_empty() {
        items.retain(|_, item| selected(&args.files, &item.file));
        if items.is_empty() {
            bail!(t!(
                "eval-no-page",
                path = path.display().to_string(),
                files = any_of(&args.files)
            ));
        }
    }
    let report = evaluate_benchmark(&items, &pages_dir(args, path), opts)?;
    outln!(
        "{}",
        t!("eval-benchmark-heading", path = path.display().to_string())
    );
    out!("{}", report.render());
    print_misses(&report.misses, args.misses)?;
    let breaches = floors
        .map(|f| f.check_benchmark(&report))
        .unwrap_or_default();
    let value = json!({
        "kind": "trafilatura",
        "evaldata": path.display().to_string(),
        "mapping": args.mapping.as_ref().map(|p| p.display().to_string()),
        "files": args.files,
        "report": report,
    });
    Ok((value, breaches))
}

fn print_misses(misses: &[Miss], limit: usize) -> Result<()> {
    if misses.is_empty() || limit == 0 {
        return Ok(());
    }
    outln!("\n{}", t!("eval-misses", n = misses.len()));
    for m in misses.iter().take(limit) {
        let miss = t!(
            "eval-miss",
            field = sitelift::i18n::field(&m.field),
            expected = truncate(&m.expected, SHOWN),
            extracted = truncate(&m.extracted, SHOWN)
        );
        outln!("  {}  {miss}", m.page);
    }
    if misses.len() > limit {
        outln!("  {}", t!("eval-misses-more", n = misses.len() - limit));
    }
    Ok(())
}
