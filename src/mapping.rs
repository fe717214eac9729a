//! Site mapping files: one TOML file per site telling the extractor where each field lives.
//! Everything is validated at load time — unknown keys, bad CSS selectors, bad regexes, bad URLs — so a typo is
//! an error naming the file, the key and (from TOML) the line and column, never a silently empty field.
//! mappings/README.md documents every key; the `[crawl]` table is documented in [`crawl`], the `[kinds]` table
//! in [`kinds`].

pub mod crawl;
pub mod kinds;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use scraper::Selector;
use serde::Deserialize;
use url::Url;

use crate::decode::encoding_for_label;
use crate::error::{Detail, Error, Result, SyntaxProblem};
use crate::normalize::date::UtcOffset;
use crate::outcome::Shape;

/// The fields a mapping can point at, in the order `check-mapping` prints them.
pub const MAPPED_FIELDS: [&str; 10] = [
    "title",
    "meta",
    "published",
    "author",
    "editor",
    "source",
    "body",
    "breadcrumb",
    "attachments",
    "images",
];

/// Fields a `[patterns]` regex can fill.
pub const PATTERN_FIELDS: [&str; 5] = ["title", "published", "author", "editor", "source"];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    site: SiteFile,
    // Keys keep their position in the file, so an unknown field name is reported with its line and column.
    #[serde(default)]
    selectors: BTreeMap<toml::Spanned<String>, String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    body_edges: BodyEdges,
    #[serde(default)]
    patterns: BTreeMap<toml::Spanned<String>, String>,
    crawl: Option<crawl::CrawlFile>,
    kinds: Option<kinds::KindsFile>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    name: Option<String>,
    base_url: Option<String>,
    timezone: Option<String>,
    encoding: Option<String>,
}

/// Where the text of a mapped body container starts and ends (top-level key `body_edges`).
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BodyEdges {
    /// The whole container (after `remove`): a hand-written selector names exactly the article's element.
    #[default]
    Container,
    /// Inside the container, where the generic rules find the text's start and end (closing 责任编辑 lines,
    /// related-story headings and notes left out): a drafted container is where the generic rules found the
    /// body on the template's pages, edges and all.
    Text,
}

/// A validated mapping, ready to run against pages.
#[derive(Debug, Default)]
pub struct Mapping {
    pub path: PathBuf,
    pub name: Option<String>,
    pub base_url: Option<Url>,
    pub timezone: UtcOffset,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    selectors: BTreeMap<&'static str, (String, Selector)>,
    /// Noise removed from inside the body before anything else reads it.
    pub remove: Vec<Selector>,
    /// Where the body selector's text starts and ends.
    pub body_edges: BodyEdges,
    patterns: BTreeMap<&'static str, Regex>,
    /// The `[crawl]` table, when the mapping has one.
    pub crawl: Option<crawl::CrawlRules>,
    /// The `[kinds]` table: declared article and non-article pages.
    pub kinds: kinds::PageKinds,
}

impl Mapping {
    /// Read and validate a mapping file.
    pub fn load(path: &Path) -> Result<Mapping> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::MappingRead {
            path: path.to_path_buf(),
            source,
        })?;
        Mapping::parse(path, &text)
    }

    /// Validate mapping text; `path` is only used in messages.
    pub fn parse(path: &Path, text: &str) -> Result<Mapping> {
        let invalid = |message: String| Error::MappingInvalid {
            path: path.to_path_buf(),
            message: message.into(),
        };
        let file: MappingFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                return Err(Error::MappingInvalid {
                    path: path.to_path_buf(),
                    message: toml_trap(text)
                        .map(Detail::from)
                        .unwrap_or_else(|| Detail::toml(text, &e)),
                });
            }
        };
        let base_url = match &file.site.base_url {
            Some(u) => {
                Some(Url::parse(u).map_err(|e| invalid(BASE_URL.text(&[&format!("{u:?}"), &e])))?)
            }
            None => None,
        };
        let timezone = match &file.site.timezone {
            Some(tz) => {
                UtcOffset::parse(tz).ok_or_else(|| invalid(TIMEZONE.text(&[&format!("{tz:?}")])))?
            }
            None => UtcOffset::default(),
        };
        let encoding = match &file.site.encoding {
            Some(label) => {
                Some(encoding_for_label(label).map_err(|_| invalid(ENCODING.text(&[label])))?)
            }
            None => None,
        };
        let mut selectors = BTreeMap::new();
        for (spanned, css) in &file.selectors {
            let key = spanned.get_ref();
            let field = MAPPED_FIELDS
                .iter()
                .find(|f| **f == key.as_str())
                .ok_or_else(|| {
                    invalid(unknown_key(
                        text,
                        &format!("selectors.{key}"),
                        spanned.span().start,
                        &MAPPED_FIELDS,
                    ))
                })?;
            let selector = compile_selector(path, &format!("selectors.{key}"), css)
                .map_err(|e| locate(e, text))?;
            selectors.insert(*field, (css.clone(), selector));
        }
        let remove = file
            .remove
            .iter()
            .enumerate()
            .map(|(i, css)| compile_selector(path, &format!("remove[{i}]"), css))
            .collect::<Result<Vec<_>>>()
            .map_err(|e| locate(e, text))?;
        let mut patterns = BTreeMap::new();
        for (spanned, source) in &file.patterns {
            let key = spanned.get_ref();
            let field = PATTERN_FIELDS
                .iter()
                .find(|f| **f == key.as_str())
                .ok_or_else(|| {
                    invalid(unknown_key(
                        text,
                        &format!("patterns.{key}"),
                        spanned.span().start,
                        &PATTERN_FIELDS,
                    ))
                })?;
            let key = format!("patterns.{key}");
            let regex = compile_regex(path, &key, source).map_err(|e| locate(e, text))?;
            if !regex.capture_names().any(|n| n == Some("value")) {
                let e = Error::BadPattern {
                    path: path.to_path_buf(),
                    line: None,
                    key,
                    pattern: source.clone(),
                    problem: SyntaxProblem::no_value_group(),
                };
                return Err(locate(e, text));
            }
            patterns.insert(*field, regex);
        }
        let crawl = file
            .crawl
            .map(|c| c.validate(path))
            .transpose()
            .map_err(|e| locate(e, text))?;
        let kinds = file
            .kinds
            .map(|k| k.validate(path))
            .transpose()
            .map_err(|e| locate(e, text))?
            .unwrap_or_default();
        Ok(Mapping {
            path: path.to_path_buf(),
            name: file.site.name,
            base_url,
            timezone,
            encoding,
            selectors,
            remove,
            body_edges: file.body_edges,
            patterns,
            crawl,
            kinds,
        })
    }

    /// The compiled selector for a field, if the mapping names one.
    pub fn selector(&self, field: &str) -> Option<&Selector> {
        self.selectors.get(field).map(|(_, s)| s)
    }

    /// The selector text for a field, as written in the file.
    pub fn selector_text(&self, field: &str) -> Option<&str> {
        self.selectors.get(field).map(|(s, _)| s.as_str())
    }

    /// The regex for a field's `[patterns]` entry.
    pub fn pattern(&self, field: &str) -> Option<&Regex> {
        self.patterns.get(field)
    }
}

fn compile_selector(path: &Path, key: &str, css: &str) -> Result<Selector> {
    Selector::parse(css).map_err(|e| Error::BadSelector {
        path: path.to_path_buf(),
        line: None,
        key: key.to_string(),
        selector: css.to_string(),
        problem: SyntaxProblem::selector(&e),
    })
}

/// The regex of a mapping's key (`crawl.include[0]`), or the error that says what is wrong with it.
pub(crate) fn compile_regex(path: &Path, key: &str, source: &str) -> Result<Regex> {
    Regex::new(source).map_err(|e| Error::BadPattern {
        path: path.to_path_buf(),
        line: None,
        key: key.to_string(),
        pattern: source.to_string(),
        problem: SyntaxProblem::regex(source, &e),
    })
}

/// Top-level keys that a `[table]` header written above them would swallow.
const TOP_LEVEL_KEYS: [&str; 2] = ["remove", "body_edges"];

/// The TOML trap: a top-level key written after a `[table]` header belongs to that table, so `remove = [...]`
/// below `[selectors]` reads as `selectors.remove` (and fails as "invalid type: sequence"). Say that instead.
fn toml_trap(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    for (name, value) in &table {
        let Some(inner) = value.as_table() else {
            continue;
        };
        for key in TOP_LEVEL_KEYS {
            if inner.contains_key(key) {
                let line = text.lines().position(|l| {
                    let l = l.trim_start();
                    l.strip_prefix(key)
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                });
                return Some(match line {
                    Some(i) => TRAP_AT_LINE.text(&[&key, &(i + 1), name, &key, name, &key]),
                    None => TRAP.text(&[&key, name, &key, name, &key]),
                });
            }
        }
    }
    None
}

/// Fill in the line of a bad selector or regex: the first line of the file that holds it as written, quoted as
/// a literal string ('…') or a basic one ("…", its backslashes and quotes escaped).
fn locate(mut err: Error, text: &str) -> Error {
    if let Error::BadSelector {
        selector: written,
        line,
        ..
    }
    | Error::BadPattern {
        pattern: written,
        line,
        ..
    } = &mut err
        && line.is_none()
    {
        let escaped = written.replace('\\', "\\\\").replace('"', "\\\"");
        let quoted = [format!("'{written}'"), format!("\"{escaped}\"")];
        *line = text
            .lines()
            .position(|l| quoted.iter().any(|q| l.contains(q.as_str())))
            .and_then(|i| u32::try_from(i + 1).ok());
    }
    err
}

/// The line and column (1-based, in characters) of byte `offset` in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The mapping's own words about a key it does not know or a value it cannot use, said in the interface
/// language ([`crate::outcome::localized`]).
pub(crate) const SHAPES: &[Shape] = &[
    UNKNOWN_KEY,
    BASE_URL,
    TIMEZONE,
    ENCODING,
    TRAP_AT_LINE,
    TRAP,
];
/// The TOML trap ([`toml_trap`]): the key, its line, the table that swallowed it (the key and table said again
/// in English, once each in the message that explains it).
const TRAP_AT_LINE: Shape = Shape {
    id: "mapping-toml-trap-line",
    pieces: &[
        "'",
        "' (line ",
        ") is read as '",
        ".",
        "': in TOML every key after a [",
        "] header belongs to that table. '",
        "' is a top-level key: move it above the first [table] header",
    ],
    args: &["key", "line", "table", "key-in-table", "header", "top-key"],
};
/// The TOML trap when the key's line is not found.
const TRAP: Shape = Shape {
    id: "mapping-toml-trap",
    pieces: &[
        "'",
        "' is read as '",
        ".",
        "': in TOML every key after a [",
        "] header belongs to that table. '",
        "' is a top-level key: move it above the first [table] header",
    ],
    args: &["key", "table", "key-in-table", "header", "top-key"],
};
/// `site.base_url` that is no absolute URL (the value quoted, the URL parser's words).
const BASE_URL: Shape = Shape {
    id: "mapping-base-url",
    pieces: &["key 'site.base_url' = ", " is not an absolute URL (", ")"],
    args: &["value", "detail"],
};
/// `site.timezone` that is neither an offset nor a known zone (the value quoted).
const TIMEZONE: Shape = Shape {
    id: "mapping-timezone",
    pieces: &[
        "key 'site.timezone' = ",
        " is not an offset like \"+08:00\" or a zone like \"Asia/Shanghai\"",
    ],
    args: &["value"],
};
/// `site.encoding` that is no WHATWG label ([`Error::UnknownEncoding`]'s words after the key).
const ENCODING: Shape = Shape {
    id: "mapping-encoding",
    pieces: &[
        "key 'site.encoding': unknown encoding label '",
        "': use a WHATWG label such as utf-8, gbk, gb18030, big5, shift_jis",
    ],
    args: &["label"],
};
/// A key of `[selectors]` or `[patterns]` that is no field (the table and key, where, the known keys).
const UNKNOWN_KEY: Shape = Shape {
    id: "mapping-unknown-key",
    pieces: &[
        "unknown key '",
        "' at line ",
        ", column ",
        "; known keys: ",
        "",
    ],
    args: &["key", "line", "column", "keys"],
};

/// The unknown-key message for `key` (`selectors.titel`) written at `offset` of `text`.
fn unknown_key(text: &str, key: &str, offset: usize, known: &[&str]) -> String {
    let (line, column) = line_column(text, offset);
    UNKNOWN_KEY.text(&[&key, &line, &column, &known.join(", ")])
}
