//! `sitelift diff EXPECTED ACTUAL`: what changed between two sets of records, field by field. Either side is a
//! JSON, JSON Lines or SQLite export, or fixtures — a folder of `*.expected.json` subset records, or a file of
//! them ([`load`]). The expected side is held in memory and indexed; the actual side streams past it. An
//! actual record matches an expected one by id, else url, else source_path, else (for a fixture without a url)
//! by its page's file name; what is left on either side is missing or extra, and a fixture marked
//! `"_skipped": true` that finds a record is an error of its own. [`fields`] says how two matched records
//! differ, [`render`] prints the result, and [`bless`] writes the actual values back into the expected files.

pub mod bless;
pub mod fields;
pub mod load;
pub mod render;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

pub use fields::{FieldDiff, Rules};
pub use load::{Entry, Kind};

use crate::error::{Error, Result};
use crate::record::Record;

/// A record named in the output.
#[derive(Debug, Clone, Serialize)]
pub struct RecordRef {
    /// url, else source_path, else id, else the fixture file.
    pub record: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The fixture file, for folder inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl RecordRef {
    fn of(e: &Entry) -> RecordRef {
        RecordRef {
            record: e.label(),
            id: e.str_field("id").map(str::to_string),
            file: e.file.as_ref().map(|f| f.display().to_string()),
        }
    }
}

/// A matched record whose fields differ.
#[derive(Debug, Clone, Serialize)]
pub struct Changed {
    #[serde(flatten)]
    pub record: RecordRef,
    pub fields: Vec<FieldDiff>,
    /// The fixture's `_mapping` directive: the case is only right when extracted with this mapping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<String>,
}

/// Everything `diff` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DiffReport {
    pub expected: String,
    pub actual: String,
    pub expected_records: usize,
    pub actual_records: usize,
    /// Pairs of records compared.
    pub compared: usize,
    /// Compared pairs with no difference.
    pub equal_records: usize,
    /// In expected, not in actual.
    pub missing: Vec<RecordRef>,
    /// In actual, not in expected.
    pub extra: Vec<RecordRef>,
    /// Fixtures marked `"_skipped": true` whose page has a record.
    pub not_skipped: Vec<RecordRef>,
    pub changed: Vec<Changed>,
    /// Record field → number of records in which it differs.
    pub field_counts: BTreeMap<String, usize>,
}

impl DiffReport {
    pub fn is_equal(&self) -> bool {
        self.missing.is_empty()
            && self.extra.is_empty()
            && self.not_skipped.is_empty()
            && self.changed.is_empty()
    }
}

/// The field names `--ignore` accepts at the top level.
pub fn record_fields() -> Vec<String> {
    match serde_json::to_value(Record::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Check `--ignore` names: a record field, or `field.key` under an object field.
pub fn check_ignored(names: &[String]) -> Result<()> {
    let fields = record_fields();
    for name in names {
        let top = name.split('.').next().unwrap_or(name);
        let ok = fields.iter().any(|f| f == top)
            && (!name.contains('.') || matches!(top, "encoding" | "provenance"));
        if !ok {
            return Err(Error::UnknownField(name.clone(), fields.join(", ")));
        }
    }
    Ok(())
}

/// The expected side, indexed for matching.
pub struct Matcher {
    pub kind: Kind,
    pub entries: Vec<Entry>,
    taken: Vec<bool>,
    by_id: HashMap<String, usize>,
    by_url: HashMap<String, usize>,
    by_source: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Matcher {
    pub fn new(kind: Kind, entries: Vec<Entry>) -> Matcher {
        let mut m = Matcher {
            kind,
            taken: vec![false; entries.len()],
            by_id: HashMap::new(),
            by_url: HashMap::new(),
            by_source: HashMap::new(),
            by_name: HashMap::new(),
            entries,
        };
        for (i, e) in m.entries.iter().enumerate() {
            for (key, index) in [
                ("id", &mut m.by_id),
                ("url", &mut m.by_url),
                ("source_path", &mut m.by_source),
            ] {
                if let Some(v) = e.str_field(key) {
                    index.entry(v.to_string()).or_insert(i);
                }
            }
            if e.str_field("url").is_none()
                && let Some(name) = &e.name
            {
                m.by_name.entry(name.clone()).or_insert(i);
            }
        }
        m
    }

    /// The expected record an actual one matches, taking it.
    pub fn take(&mut self, actual: &Map<String, Value>) -> Option<usize> {
        let s = |k: &str| actual.get(k).and_then(Value::as_str);
        let names = [s("source_path"), s("url")]
            .into_iter()
            .flatten()
            .filter_map(load::page_stem);
        let candidates = [
            s("id").and_then(|v| self.by_id.get(v)),
            s("url").and_then(|v| self.by_url.get(v)),
            s("source_path").and_then(|v| self.by_source.get(v)),
        ]
        .into_iter()
        .flatten()
        .copied()
        .chain(names.filter_map(|n| self.by_name.get(n).copied()))
        .collect::<Vec<_>>();
        let i = candidates.into_iter().find(|&i| !self.taken[i])?;
        self.taken[i] = true;
        Some(i)
    }

    /// Expected records no actual record matched.
    pub fn untaken(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .zip(&self.taken)
            .filter(|(_, t)| !**t)
            .map(|(e, _)| e)
    }
}

/// Compare the records at `expected` with those at `actual`. `visit` sees each matched pair with its
/// differences (bless uses it to collect the new values).
pub fn diff(
    expected: &Path,
    actual: &Path,
    rules: &Rules,
    mut visit: impl FnMut(usize, &Entry, &[FieldDiff]),
) -> Result<(DiffReport, Matcher)> {
    let (kind, entries) = load::open(expected)?;
    let entries = entries.collect::<Result<Vec<_>>>()?;
    let mut matcher = Matcher::new(kind, entries);
    let mut report = DiffReport {
        expected: expected.display().to_string(),
        actual: actual.display().to_string(),
        expected_records: matcher
            .entries
            .iter()
            .filter(|e| !e.directive("_skipped"))
            .count(),
        ..DiffReport::default()
    };
    let (_, actual_entries) = load::open(actual)?;
    for entry in actual_entries {
        let entry = entry?;
        report.actual_records += 1;
        let Some(i) = matcher.take(&entry.fields) else {
            report.extra.push(RecordRef::of(&entry));
            continue;
        };
        let want = &matcher.entries[i];
        if want.directive("_skipped") {
            report.not_skipped.push(RecordRef {
                file: want.file.as_ref().map(|f| f.display().to_string()),
                ..RecordRef::of(&entry)
            });
            continue;
        }
        report.compared += 1;
        let diffs = fields::compare(&want.fields, want.subset, &entry.fields, rules);
        visit(i, &entry, &diffs);
        if diffs.is_empty() {
            report.equal_records += 1;
            continue;
        }
        let mut tops: Vec<&str> = diffs.iter().map(FieldDiff::top_field).collect();
        tops.dedup();
        for t in tops {
            *report.field_counts.entry(t.to_string()).or_default() += 1;
        }
        report.changed.push(Changed {
            record: RecordRef {
                file: want.file.as_ref().map(|f| f.display().to_string()),
                ..RecordRef::of(&entry)
            },
            fields: diffs,
            mapping: want.str_field("_mapping").map(str::to_string),
        });
    }
    report.missing = matcher
        .untaken()
        .filter(|e| !e.directive("_skipped"))
        .map(RecordRef::of)
        .collect();
    Ok((report, matcher))
}
