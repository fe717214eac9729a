//! Reading the two sides of a diff as JSON objects, one per record. Exports (JSON, JSON Lines, SQLite) go
//! through [`crate::export::read_records`], so they are full records in the export's field order. Fixture files
//! are subset records: a folder of `*.expected.json` files (one object each, named after its page), or a JSON /
//! JSON Lines file of objects that are not full records (`fixtures/demo-site.expected.jsonl`). A subset record
//! is compared on the fields it has; keys starting with `_` are directives, not fields.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Detail, Error, Result};
use crate::export::read_records;

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// What kind of input a side is; bless rewrites each kind its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder of `*.expected.json` files.
    Fixtures,
    /// A JSON array or JSON Lines file of subset records.
    SubsetFile { lines: bool },
    /// A sitelift export.
    Export(ExportFormat),
}

/// The format of an export, detected from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Sqlite,
}

/// One record of a side.
#[derive(Debug, Clone)]
pub struct Entry {
    pub fields: Map<String, Value>,
    /// Only the fields present are compared.
    pub subset: bool,
    /// The fixture file it came from (folder inputs).
    pub file: Option<PathBuf>,
    /// The page's file name without extension, for matching a fixture without a `url` (`column-list-page`).
    pub name: Option<String>,
}

impl Entry {
    fn full(fields: Map<String, Value>) -> Entry {
        Entry {
            fields,
            subset: false,
            file: None,
            name: None,
        }
    }

    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// A directive (`_skipped`) is set to true.
    pub fn directive(&self, key: &str) -> bool {
        self.fields.get(key).and_then(Value::as_bool) == Some(true)
    }

    /// How the record is named in output: url, else source_path, else id, else the fixture file.
    pub fn label(&self) -> String {
        ["url", "source_path", "id"]
            .iter()
            .find_map(|k| self.str_field(k))
            .map(str::to_string)
            .or_else(|| self.file.as_ref().map(|f| f.display().to_string()))
            .unwrap_or_else(|| "(record without url, source_path or id)".to_string())
    }
}

/// A side's records, streamed.
pub type Entries = Box<dyn Iterator<Item = Result<Entry>>>;

/// Open a side: its kind and its records.
pub fn open(path: &Path) -> Result<(Kind, Entries)> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Input {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        return Ok((
            Kind::Fixtures,
            Box::new(fixture_folder(path)?.into_iter().map(Ok)),
        ));
    }
    let format = sniff(path)?;
    let mut records = read_records(path)?.peekable();
    if format != ExportFormat::Sqlite && matches!(records.peek(), Some(Err(_))) {
        // Not full records: maybe a file of subset records. If that fails too, the export error stands.
        if let Ok(entries) = subset_file(path) {
            let lines = format == ExportFormat::Jsonl;
            return Ok((
                Kind::SubsetFile { lines },
                Box::new(entries.into_iter().map(Ok)),
            ));
        }
    }
    let entries = records.map(|r| {
        r.map(|record| match serde_json::to_value(&record) {
            Ok(Value::Object(map)) => Entry::full(map),
            _ => unreachable!("a Record serializes to an object"),
        })
    });
    Ok((Kind::Export(format), Box::new(entries)))
}

/// The export format from the first bytes: SQLite header, `[` (JSON) or anything else (JSON Lines).
pub fn sniff(path: &Path) -> Result<ExportFormat> {
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .map_err(|source| Error::Input {
            path: path.to_path_buf(),
            source,
        })?;
    if head.starts_with(SQLITE_HEADER) {
        return Ok(ExportFormat::Sqlite);
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    Ok(match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => ExportFormat::Json,
        _ => ExportFormat::Jsonl,
    })
}

fn diff_input(path: &Path, message: impl Into<crate::error::Detail>) -> Error {
    Error::DiffInput {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Every `*.expected.json` in a folder (not recursive), sorted by name.
fn fixture_folder(dir: &Path) -> Result<Vec<Entry>> {
    let read = std::fs::read_dir(dir).map_err(|source| Error::Input {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && expected_stem(p).is_some())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(diff_input(dir, "the folder holds no *.expected.json files"));
    }
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Input {
                path: file.clone(),
                source,
            })?;
            let Value::Object(fields) = serde_json::from_str(&text)
                .map_err(|e| diff_input(&file, Detail::json(&e, format!("not JSON: {e}"))))?
            else {
                return Err(diff_input(&file, "not a JSON object"));
            };
            Ok(Entry {
                fields,
                subset: true,
                name: expected_stem(&file).map(str::to_string),
                file: Some(file),
            })
        })
        .collect()
}

/// `case` for `case.expected.json`.
pub fn expected_stem(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()?.strip_suffix(".expected.json")
}

/// A JSON array or JSON Lines file of objects.
fn subset_file(path: &Path) -> Result<Vec<Entry>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Input {
        path: path.to_path_buf(),
        source,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        let value = value.map_err(|e| diff_input(path, format!("not JSON: {e}")))?;
        let items = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for item in items {
            let Value::Object(fields) = item else {
                return Err(diff_input(path, "holds a value that is not a JSON object"));
            };
            out.push(Entry {
                fields,
                subset: true,
                file: None,
                name: None,
            });
        }
    }
    Ok(out)
}

/// The page's file name without extension, from a path or URL (`a/b/t2017_1.html?x=1` → `t2017_1`).
pub fn page_stem(path_or_url: &str) -> Option<&str> {
    let name = crate::normalize::url::file_name(path_or_url);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (!stem.is_empty()).then_some(stem)
}
