//! `sitelift check-mapping`: validate a mapping; with `--page`, show the record it extracts field by field with
//! the rule behind each value — the loop a developer runs while writing a mapping.

use std::process::ExitCode;

use anyhow::{Context, Result};
use sitelift::mapping::{MAPPED_FIELDS, Mapping, PATTERN_FIELDS};
use sitelift::pipeline::{Options, PageOutcome, process};
use sitelift::record::Rule;
use sitelift::source::RawPage;
use sitelift::source::files::{DiskParts, FileInput, UrlPolicy, read};

use super::parse_base_url;
use crate::cli::CheckMappingArgs;

pub fn run(args: CheckMappingArgs) -> Result<ExitCode> {
    let mapping = Mapping::load(&args.mapping)?;
    let Some(page_path) = &args.page else {
        print_mapping(&mapping)?;
        return Ok(ExitCode::SUCCESS);
    };
    let base = match args.base_url.as_deref() {
        Some(u) => Some(parse_base_url(u)?),
        None => mapping.base_url.clone(),
    };
    let urls = UrlPolicy { base };
    let input = FileInput {
        path: page_path.clone(),
        rel: page_path.to_string_lossy().into_owned(),
        in_folder: false,
        unreadable: None,
    };
    let page: RawPage = read(&input, &urls).with_context(|| {
        sitelift::t!("cannot-read-page", path = page_path.display().to_string())
    })?;
    let parts = DiskParts::new(std::slice::from_ref(&input), &[], urls);
    let matches = selector_matches(&mapping, &page);
    let opts = Options {
        mapping: Some(mapping),
        all_pages: true,
        ..Options::default()
    };
    match process(&page, &opts, &parts) {
        PageOutcome::Extracted(record) => {
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&record)?);
            } else {
                outln!("mapping  {}: ok", args.mapping.display());
                outln!("page     {}", page_path.display());
                print_record(&record, &matches)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        PageOutcome::Skipped(reason) => {
            outln!("page skipped: {reason}");
            Ok(ExitCode::SUCCESS)
        }
        PageOutcome::Failed(reason) => {
            eprintln!("page failed: {reason}");
            Ok(ExitCode::from(1))
        }
    }
}

fn print_mapping(m: &Mapping) -> Result<()> {
    outln!("mapping OK: {}", m.path.display());
    if let Some(name) = &m.name {
        outln!("  site        {name}");
    }
    if let Some(u) = &m.base_url {
        outln!("  base_url    {u}");
    }
    for field in MAPPED_FIELDS {
        match m.selector_text(field) {
            Some(css) => outln!("  {field:<12}selector {css}"),
            None => outln!("  {field:<12}(generic)"),
        }
    }
    for field in PATTERN_FIELDS {
        if let Some(re) = m.pattern(field) {
            outln!("  {field:<12}pattern  {re}");
        }
    }
    if !m.kinds.is_empty() {
        outln!("  {:<12}{}", "kinds", m.kinds.describe());
    }
    outln!("  remove      {} selector(s)", m.remove.len());
    Ok(())
}

/// For each mapped field: the selector as written and how many elements it matches on the page.
fn selector_matches(mapping: &Mapping, page: &RawPage) -> Vec<(&'static str, String, usize)> {
    let hints = sitelift::decode::DecodeHints {
        forced: mapping.encoding,
        ..Default::default()
    };
    let text = sitelift::decode(&page.bytes, &hints).text;
    let doc = scraper::Html::parse_document(&text);
    MAPPED_FIELDS
        .iter()
        .filter_map(|f| {
            let sel = mapping.selector(f)?;
            Some((
                *f,
                mapping.selector_text(f).unwrap_or_default().to_string(),
                doc.select(sel).count(),
            ))
        })
        .collect()
}

fn print_record(r: &sitelift::Record, matches: &[(&'static str, String, usize)]) -> Result<()> {
    outln!("selectors:");
    for (field, css, n) in matches {
        let note = if *n == 0 {
            "  <- matches nothing: generic fallback"
        } else {
            ""
        };
        outln!(
            "  {field:<12} {css}  ({n} match{}){note}",
            if *n == 1 { "" } else { "es" }
        );
    }
    outln!("fields:");
    let rule = |f: &str| r.provenance.get(f).map_or("-".to_string(), Rule::to_string);
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
    let rows: [(&str, String, String); 7] = [
        ("title", rule("title"), show(&r.title)),
        ("published", rule("published"), show(&r.published)),
        ("author", rule("author"), show(&r.author)),
        ("editor", rule("editor"), show(&r.editor)),
        ("source", rule("source"), show(&r.source)),
        (
            "category",
            rule("category"),
            r.category
                .as_ref()
                .map(|c| c.join(" > "))
                .unwrap_or_else(|| "null".into()),
        ),
        ("url", "-".into(), show(&r.url)),
    ];
    for (field, rule, value) in rows {
        outln!("{field:<12} {rule:<28} {value}");
    }
    let body = r.body_text.as_deref().unwrap_or("");
    let paragraphs: Vec<&str> = body.split("\n\n").filter(|p| !p.is_empty()).collect();
    outln!(
        "{:<12} {:<28} {} characters, {} paragraphs",
        "body",
        rule("body"),
        body.chars().count(),
        paragraphs.len()
    );
    if let Some(first) = paragraphs.first() {
        outln!("{:<12} {:<28} {}", "", "first", ellipsis(first, 60));
    }
    if let Some(last) = paragraphs.last().filter(|_| paragraphs.len() > 1) {
        outln!("{:<12} {:<28} {}", "", "last", ellipsis(last, 60));
    }
    outln!(
        "{:<12} {:<28} {}",
        "attachments",
        rule("attachments"),
        r.attachments.len()
    );
    for a in &r.attachments {
        outln!(
            "{:<12} {:<28} {} → {}",
            "",
            "",
            a.name.as_deref().unwrap_or("?"),
            a.url
        );
    }
    outln!("{:<12} {:<28} {}", "images", rule("images"), r.images.len());
    let e = &r.encoding;
    outln!(
        "{:<12} {:<28} declared {}, used {} (by {}), {} replacement(s)",
        "encoding",
        "-",
        e.declared.as_deref().unwrap_or("none"),
        e.used,
        e.by.as_str(),
        e.replacements
    );
    for w in &r.warnings {
        outln!("warning: {w}");
    }
    Ok(())
}

fn ellipsis(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
