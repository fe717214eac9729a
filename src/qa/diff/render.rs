//! The diff as text for a person (missing and extra records, then each differing record with its fields —
//! short values side by side, text as a unified diff — and a count per field) or as JSON for a machine.

use std::fmt::Write;

use serde_json::Value;

use super::{DiffReport, RecordRef};

/// Values longer than this (in characters) are cut in the side-by-side view.
const SHOWN: usize = 160;

/// The text `sitelift diff` prints.
pub fn text(report: &DiffReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "--- expected {} ({} records)\n+++ actual   {} ({} records)",
        report.expected, report.expected_records, report.actual, report.actual_records
    );
    list(
        &mut out,
        "missing (expected, not in actual)",
        "-",
        &report.missing,
    );
    list(
        &mut out,
        "extra (in actual, not expected)",
        "+",
        &report.extra,
    );
    list(
        &mut out,
        "not skipped (the fixture says _skipped, the page has a record)",
        "!",
        &report.not_skipped,
    );
    for changed in &report.changed {
        let _ = write!(out, "\n~ {}", changed.record.record);
        if let Some(file) = &changed.record.file {
            let _ = write!(out, "  ({file})");
        }
        out.push('\n');
        if let Some(mapping) = &changed.mapping {
            let _ = writeln!(
                out,
                "    (this case needs --mapping {mapping}: its fixture's _mapping directive)"
            );
        }
        let width = changed
            .fields
            .iter()
            .map(|f| f.field.chars().count())
            .max()
            .unwrap_or(0);
        for f in &changed.fields {
            match &f.text_diff {
                Some(d) => {
                    let _ = writeln!(out, "    {}: text differs", f.field);
                    for line in d.lines() {
                        let _ = writeln!(out, "      {line}");
                    }
                }
                None => {
                    let _ = writeln!(
                        out,
                        "    {:width$}  expected {}\n    {:width$}  actual   {}",
                        f.field,
                        shown(&f.expected),
                        "",
                        shown(&f.actual),
                    );
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{} compared: {} equal, {} differ; {} missing, {} extra{}",
        report.compared,
        report.equal_records,
        report.changed.len(),
        report.missing.len(),
        report.extra.len(),
        match report.not_skipped.len() {
            0 => String::new(),
            n => format!(", {n} not skipped"),
        }
    );
    if !report.field_counts.is_empty() {
        let parts: Vec<String> = report
            .field_counts
            .iter()
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        let _ = writeln!(out, "fields that differ (records): {}", parts.join(", "));
    }
    let mut mappings: Vec<&str> = report
        .changed
        .iter()
        .filter_map(|c| c.mapping.as_deref())
        .collect();
    mappings.sort_unstable();
    mappings.dedup();
    for mapping in mappings {
        let n = report
            .changed
            .iter()
            .filter(|c| c.mapping.as_deref() == Some(mapping))
            .count();
        let _ = writeln!(
            out,
            "{n} differing case(s) are extracted with a mapping: extract those pages again with \
             --mapping {mapping} (their _mapping directive) before comparing"
        );
    }
    if report.is_equal() {
        out.push_str("equal\n");
    }
    out
}

fn list(out: &mut String, title: &str, sign: &str, records: &[RecordRef]) {
    if records.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}: {}", records.len());
    for r in records {
        let _ = write!(out, "  {sign} {}", r.record);
        if let Some(file) = &r.file {
            let _ = write!(out, "  ({file})");
        } else if let Some(id) = r.id.as_deref().filter(|id| *id != r.record) {
            let _ = write!(out, "  [id {id}]");
        }
        out.push('\n');
    }
}

/// A value on one line: strings quoted, JSON compact, cut when long.
fn shown(v: &Value) -> String {
    let s = v.to_string();
    crate::qa::truncate(&s, SHOWN)
}

/// The JSON `sitelift diff --format json` prints.
pub fn json(report: &DiffReport) -> String {
    let mut v = serde_json::to_value(report).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("equal".into(), Value::Bool(report.is_equal()));
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
