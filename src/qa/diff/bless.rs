//! `diff --bless`: make the expected side say what the actual side says, for intended changes. Fixture files
//! (a folder of `*.expected.json`, or a file of subset records) keep their shape: only the fields a record
//! already has are updated, `_` directives and key order stay, ignored fields and sub-fields keep their
//! expected values, and a file whose content does not change is not written. An export is rewritten whole from
//! ACTUAL, in its own format, atomically. What cannot be blessed — a fixture with no record, a record with no
//! fixture, a `_skipped` page that has a record — is reported for a person to decide.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::load::{self, ExportFormat, Kind};
use super::{DiffReport, Rules, diff};
use crate::error::{Error, Result};
use crate::export::{Format, SqliteSink, open_sink, read_records};

/// What bless wrote.
#[derive(Debug, Clone, Default)]
pub struct Blessed {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Records updated.
    pub records: usize,
    /// Differences left for a person: missing, extra and not-skipped records.
    pub left: usize,
}

/// Compare, then rewrite the expected side from the actual one. Returns the diff as it was before.
pub fn bless(expected: &Path, actual: &Path, rules: &Rules) -> Result<(DiffReport, Blessed)> {
    let mut updates: HashMap<usize, Map<String, Value>> = HashMap::new();
    let (report, matcher) = diff(expected, actual, rules, |i, entry, diffs| {
        if diffs.is_empty() {
            return;
        }
        let mut tops: Vec<&str> = diffs.iter().map(|d| d.top_field()).collect();
        tops.dedup();
        let update = updates.entry(i).or_default();
        for top in tops {
            let value = entry.fields.get(top).cloned().unwrap_or(Value::Null);
            update.insert(top.to_string(), value);
        }
    })?;
    let mut blessed = Blessed::default();
    match matcher.kind {
        Kind::Export(format) => {
            export(expected, actual, format)?;
            blessed.written.push(expected.to_path_buf());
            blessed.records = report.actual_records;
            return Ok((report, blessed));
        }
        Kind::Fixtures | Kind::SubsetFile { .. } => {}
    }
    blessed.left = report.missing.len() + report.extra.len() + report.not_skipped.len();
    let mut entries = matcher.entries;
    for (i, update) in &updates {
        let entry = &mut entries[*i];
        for (top, mut value) in update.clone() {
            keep_ignored(&top, entry.fields.get(&top), &mut value, rules);
            entry.fields.insert(top, value);
        }
    }
    blessed.records = updates.len();
    match matcher.kind {
        Kind::Fixtures => {
            let mut changed: Vec<usize> = updates.keys().copied().collect();
            changed.sort_unstable();
            for i in changed {
                let Some(file) = entries[i].file.clone() else {
                    continue;
                };
                let old = std::fs::read_to_string(&file).map_err(|source| Error::Input {
                    path: file.clone(),
                    source,
                })?;
                let mut text = pretty(&Value::Object(entries[i].fields.clone()));
                if old.ends_with('\n') {
                    text.push('\n');
                }
                if text != old {
                    write_atomic(&file, text.as_bytes())?;
                    blessed.written.push(file);
                }
            }
        }
        Kind::SubsetFile { lines } if !updates.is_empty() => {
            let values: Vec<Value> = entries
                .into_iter()
                .map(|e| Value::Object(e.fields))
                .collect();
            let text = if lines {
                values.iter().map(|v| format!("{v}\n")).collect::<String>()
            } else {
                pretty(&Value::Array(values)) + "\n"
            };
            write_atomic(expected, text.as_bytes())?;
            blessed.written.push(expected.to_path_buf());
        }
        _ => {}
    }
    Ok((report, blessed))
}

/// Ignored sub-fields (`encoding.replacements`) keep their expected values inside a blessed object.
fn keep_ignored(top: &str, old: Option<&Value>, new: &mut Value, rules: &Rules) {
    let (Some(Value::Object(old)), Value::Object(new)) = (old, new) else {
        return;
    };
    for name in &rules.ignore {
        if let Some(key) = name
            .strip_prefix(top)
            .and_then(|rest| rest.strip_prefix('.'))
        {
            match old.get(key) {
                Some(v) => {
                    new.insert(key.to_string(), v.clone());
                }
                None => {
                    new.remove(key);
                }
            }
        }
    }
}

/// Two-space indented JSON, the style of the fixture files.
fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("a JSON value serializes")
}

fn output_error(path: &Path, e: impl Into<crate::error::Detail>) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.into(),
    }
}

/// Write through a temporary sibling renamed into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".bless-")
        .tempfile_in(dir)
        .map_err(|e| output_error(path, e))?;
    tmp.write_all(bytes).map_err(|e| output_error(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| output_error(path, e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.persist(path).map_err(|e| output_error(path, e.error))?;
    Ok(())
}

/// Rewrite the export at `expected` from the records at `actual`, in the expected file's format.
fn export(expected: &Path, actual: &Path, format: ExportFormat) -> Result<()> {
    if std::fs::metadata(actual).is_ok_and(|m| m.is_dir()) || load::sniff(actual).is_err() {
        return Err(Error::DiffInput {
            path: actual.to_path_buf(),
            message: crate::qa::BLESS_EXPORT_ONLY.text(&[]).into(),
        });
    }
    let records = read_records(actual)?;
    match format {
        ExportFormat::Json | ExportFormat::Jsonl => {
            let format = if format == ExportFormat::Json {
                Format::Json
            } else {
                Format::Jsonl
            };
            let mut sink = open_sink(format, Some(expected))?;
            for r in records {
                sink.write(&r?)?;
            }
            sink.finish()
        }
        ExportFormat::Sqlite => {
            // A fresh database beside the old one, renamed over it once complete.
            let dir = expected
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let fresh = tempfile::Builder::new()
                .prefix(".bless-")
                .suffix(".sqlite")
                .tempdir_in(dir)
                .map_err(|e| output_error(expected, e))?;
            let path = fresh.path().join("records.sqlite");
            let mut sink: Box<dyn crate::export::Sink> = Box::new(SqliteSink::open(&path)?);
            for r in records {
                sink.write(&r?)?;
            }
            sink.finish()?;
            std::fs::rename(&path, expected).map_err(|e| output_error(expected, e))
        }
    }
}
