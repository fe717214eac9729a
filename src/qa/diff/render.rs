//! The diff as text for a person (missing and extra records, then each differing record with its fields —
//! short values side by side, text as a unified diff — and a count per field) or as JSON for a machine.

use std::fmt::Write;

use serde_json::Value;

use super::{DiffReport, RecordRef};
use crate::i18n;

/// Values longer than this (in characters) are cut in the side-by-side view.
const SHOWN: usize = 160;

/// The text `sitelift diff` prints, in the interface language (field names too; the JSON keys stay in
/// parentheses where they are translated, as `--ignore` takes them).
pub fn text(report: &DiffReport) -> String {
    use crate::t;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n{}",
        t!(
            "diff-expected",
            path = report.expected.as_str(),
            n = report.expected_records
        ),
        t!(
            "diff-actual",
            path = report.actual.as_str(),
            n = report.actual_records
        )
    );
    list(&mut out, "diff-missing", "-", &report.missing);
    list(&mut out, "diff-extra", "+", &report.extra);
    list(&mut out, "diff-not-skipped-list", "!", &report.not_skipped);
    // "expected" and "actual" padded to one width, so the values line up.
    let sides = [t!("diff-side-expected"), t!("diff-side-actual")];
    let side_width = sides.iter().map(|s| i18n::width(s)).max().unwrap_or(0);
    let [expected, actual] = sides.map(|s| i18n::pad(&s, side_width));
    for changed in &report.changed {
        let _ = write!(out, "\n~ {}", changed.record.record);
        if let Some(file) = &changed.record.file {
            let _ = write!(out, "  ({file})");
        }
        out.push('\n');
        if let Some(mapping) = &changed.mapping {
            let _ = writeln!(
                out,
                "    {}",
                t!("diff-case-mapping", mapping = mapping.as_str())
            );
        }
        let names: Vec<String> = changed.fields.iter().map(|f| field(&f.field)).collect();
        let width = names.iter().map(|n| i18n::width(n)).max().unwrap_or(0);
        for (f, name) in changed.fields.iter().zip(&names) {
            match &f.text_diff {
                Some(d) => {
                    let _ = writeln!(
                        out,
                        "    {}",
                        t!("diff-text-differs", field = name.as_str())
                    );
                    for line in d.lines() {
                        let _ = writeln!(out, "      {line}");
                    }
                }
                None => {
                    let _ = writeln!(
                        out,
                        "    {}  {expected} {}\n    {}  {actual} {}",
                        i18n::pad(name, width),
                        shown(&f.expected),
                        i18n::pad("", width),
                        shown(&f.actual),
                    );
                }
            }
        }
    }
    let not_skipped = match report.not_skipped.len() {
        0 => String::new(),
        n => t!("diff-not-skipped", n = n),
    };
    let _ = writeln!(
        out,
        "\n{}",
        t!(
            "diff-totals",
            compared = report.compared,
            equal = report.equal_records,
            differ = report.changed.len(),
            missing = report.missing.len(),
            extra = report.extra.len(),
            not_skipped = not_skipped
        )
    );
    if !report.field_counts.is_empty() {
        let parts: Vec<String> = report
            .field_counts
            .iter()
            .map(|(f, n)| format!("{} {n}", field(f)))
            .collect();
        let _ = writeln!(out, "{}", t!("diff-fields", fields = parts.join(", ")));
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
            "{}",
            t!("diff-needs-mapping", n = n, mapping = mapping)
        );
    }
    if report.is_equal() {
        let _ = writeln!(out, "{}", t!("diff-equal"));
    }
    out
}

/// A field path as the diff shows it: `diff-field` with the top-level field's name for a person and the path
/// as written (`encoding.used`, `attachments[0].url`).
fn field(path: &str) -> String {
    let top = path.split(['.', '[']).next().unwrap_or(path);
    crate::t!("diff-field", field = path, label = i18n::field(top))
}

/// The records of one kind (`title` names the message that heads them), one a line.
fn list(out: &mut String, title: &str, sign: &str, records: &[RecordRef]) {
    if records.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", crate::t!(title, n = records.len()));
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
