//! `sitelift check-mapping`: validate a mapping; with `--page`, show the record it extracts field by field with
//! the rule behind each value — the loop a developer runs while writing a mapping.

use std::process::ExitCode;

use anyhow::{Context, Result};
use sitelift::mapping::{MAPPED_FIELDS, Mapping, PATTERN_FIELDS};
use sitelift::pipeline::{Options, PageOutcome, process};
use sitelift::record::Rule;
use sitelift::source::RawPage;
use sitelift::source::files::{DiskParts, FileInput, UrlPolicy, read};

use sitelift::i18n::pad;
use sitelift::t;

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
                outln!(
                    "{}",
                    t!("cm-page-mapping", path = args.mapping.display().to_string())
                );
                outln!("{}", t!("cm-page", path = page_path.display().to_string()));
                print_record(&record, &matches)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        PageOutcome::Skipped(reason) => {
            outln!("{}", t!("cm-page-skipped", reason = reason.localized()));
            Ok(ExitCode::SUCCESS)
        }
        PageOutcome::Failed(reason) => {
            eprintln!("{}", t!("cm-page-failed", reason = reason.localized()));
            Ok(ExitCode::from(1))
        }
    }
}

fn print_mapping(m: &Mapping) -> Result<()> {
    outln!("{}", t!("cm-ok", path = m.path.display().to_string()));
    if let Some(name) = &m.name {
        outln!("  {}{name}", pad(&t!("cm-site"), 12));
    }
    if let Some(u) = &m.base_url {
        outln!("  base_url    {u}");
    }
    for field in MAPPED_FIELDS {
        match m.selector_text(field) {
            Some(css) => outln!("  {field:<12}{}", t!("cm-selector", css = css)),
            None => outln!("  {field:<12}{}", t!("cm-generic")),
        }
    }
    for field in PATTERN_FIELDS {
        if let Some(re) = m.pattern(field) {
            outln!("  {field:<12}{}", t!("cm-pattern", re = re.to_string()));
        }
    }
    if !m.kinds.is_empty() {
        outln!("  {:<12}{}", "kinds", m.kinds.describe());
    }
    outln!("  remove      {}", t!("cm-remove", n = m.remove.len()));
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
    outln!("{}", t!("cm-selectors"));
    for (field, css, n) in matches {
        let note = if *n == 0 {
            format!("  {}", t!("cm-matches-nothing"))
        } else {
            String::new()
        };
        outln!("  {field:<12} {css}  {}{note}", t!("cm-matches", n = *n));
    }
    outln!("{}", t!("cm-fields"));
    let rule = |f: &str| r.provenance.get(f).map_or("-".to_string(), Rule::to_string);
    let null = t!("cm-null");
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| null.clone());
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
                .unwrap_or_else(|| null.clone()),
        ),
        ("url", "-".into(), show(&r.url)),
    ];
    for (field, rule, value) in rows {
        outln!("{} {rule:<28} {value}", pad(&field_name(field), 12));
    }
    let body = r.body_text.as_deref().unwrap_or("");
    let paragraphs: Vec<&str> = body.split("\n\n").filter(|p| !p.is_empty()).collect();
    outln!(
        "{} {:<28} {}",
        pad(&field_name("body"), 12),
        rule("body"),
        t!(
            "cm-body",
            chars = body.chars().count(),
            paragraphs = paragraphs.len()
        )
    );
    if let Some(first) = paragraphs.first() {
        outln!(
            "{:<12} {} {}",
            "",
            pad(&t!("cm-first"), 28),
            ellipsis(first, 60)
        );
    }
    if let Some(last) = paragraphs.last().filter(|_| paragraphs.len() > 1) {
        outln!(
            "{:<12} {} {}",
            "",
            pad(&t!("cm-last"), 28),
            ellipsis(last, 60)
        );
    }
    outln!(
        "{} {:<28} {}",
        pad(&field_name("attachments"), 12),
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
    outln!(
        "{} {:<28} {}",
        pad(&field_name("images"), 12),
        rule("images"),
        r.images.len()
    );
    let e = &r.encoding;
    let none = t!("cm-none");
    outln!(
        "{} {:<28} {}",
        pad(&field_name("encoding"), 12),
        "-",
        t!(
            "cm-encoding",
            declared = e.declared.as_deref().unwrap_or(&none),
            used = e.used.to_string(),
            by = e.by.shown(),
            n = e.replacements
        )
    );
    for w in &r.warnings {
        let warning = sitelift::outcome::localized(w);
        outln!("{}", t!("cm-warning", warning = warning));
    }
    Ok(())
}

/// A record field's name for the table (`body` stands for the body's text and HTML).
fn field_name(field: &str) -> String {
    match field {
        "body" => t!("cm-field-body"),
        _ => sitelift::i18n::field(field),
    }
}

fn ellipsis(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
