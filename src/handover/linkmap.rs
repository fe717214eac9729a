//! Where things live on the new platform. A page's new path comes from a template (`/articles/{yyyy}/{id}`) or
//! from a CSV of `old_url,new_path` rows the new platform supplies; an attachment's from a template over its
//! stored file (`/files/{name}`). Page placeholders: `{id}` (the record id), `{slug}` (the old URL's file name
//! without extension, plus its query values: `show.asp?id=12` → `show-12`; ASCII letters, digits, `-` and `_`
//! only), `{yyyy}` `{mm}` `{dd}` (the published date; `0000` / `00` when there is none). Attachment
//! placeholders: `{name}` (the stored file name, `<sha256 prefix>-<sanitized original name>`), `{sha256}`,
//! `{ext}`. New paths are percent-encoded (non-ASCII, spaces, quotes, `$`), so the same string works in HTML,
//! in a Location header and in nginx and Apache rules.

use std::collections::HashMap;
use std::path::Path;

use super::canonical;
use super::csv;
use crate::error::{Error, Result};
use crate::outcome::Shape;
use crate::record::Record;

/// What is wrong with a link map, in English as the error's `Display` says it (and any other language from
/// the message files, [`crate::outcome::localized`]).
pub(crate) const SHAPES: &[Shape] = &[
    MUST_START,
    UNCLOSED,
    UNKNOWN_PLACEHOLDER,
    NEEDS_ID,
    CANNOT_READ,
    ROW_NOT_URL,
    ROW_NO_PATH,
    ROW_BAD_PATH,
    ROW_TWICE,
    ATTACHMENT_NEEDS,
    BOTH_MOVE,
    QUOTE_UNCLOSED,
    STORED_UNREADABLE,
];
const MUST_START: Shape = Shape {
    id: "link-map-must-start",
    pieces: &["a template must start with '/' (a path on the new site) or http(s):// (a full URL)"],
    args: &[],
};
/// A `{` without its `}` (the template from it on).
const UNCLOSED: Shape = Shape {
    id: "link-map-unclosed",
    pieces: &["'{' at '", "' is never closed"],
    args: &["rest"],
};
/// A placeholder the template cannot fill (its name, the ones it can).
const UNKNOWN_PLACEHOLDER: Shape = Shape {
    id: "link-map-unknown-placeholder",
    pieces: &["unknown placeholder {", "}: use ", ""],
    args: &["name", "known"],
};
const NEEDS_ID: Shape = Shape {
    id: "link-map-needs-id",
    pieces: &["the template needs {id} or {slug}, or every page would get the same path"],
    args: &[],
};
/// A CSV file that cannot be read (the OS's words).
const CANNOT_READ: Shape = Shape {
    id: "link-map-cannot-read",
    pieces: &[
        "cannot read it (",
        "); give a CSV file of old_url,new_path rows or a template such as /articles/{id}",
    ],
    args: &["error"],
};
/// A CSV row (1-based) whose old URL is not one.
const ROW_NOT_URL: Shape = Shape {
    id: "link-map-row-not-url",
    pieces: &["row ", ": '", "' is not an absolute http(s) URL"],
    args: &["row", "url"],
};
const ROW_NO_PATH: Shape = Shape {
    id: "link-map-row-no-path",
    pieces: &["row ", ": no new path for ", ""],
    args: &["row", "url"],
};
/// A CSV row whose new path is a script or data URL (or anything but a path or http(s) URL).
const ROW_BAD_PATH: Shape = Shape {
    id: "link-map-row-bad-path",
    pieces: &[
        "row ",
        ": the new path of ",
        " is '",
        "', not a path or an http(s) URL; a script or data URL would end up in every link to the page",
    ],
    args: &["row", "url", "path"],
};
/// An old URL given two new paths (the row of the second, the URL, both paths).
const ROW_TWICE: Shape = Shape {
    id: "link-map-row-twice",
    pieces: &["row ", ": ", " is mapped twice (", " and ", ")"],
    args: &["row", "url", "before", "new"],
};
const ATTACHMENT_NEEDS: Shape = Shape {
    id: "link-map-attachment-needs",
    pieces: &["the attachment template needs {name} or {sha256}"],
    args: &[],
};
/// Two records the map sends to one new path ([`super::export`]).
pub(crate) const BOTH_MOVE: Shape = Shape {
    id: "link-map-both-move",
    pieces: &[
        "",
        " and ",
        " would both move to ",
        "; add {id} to the template or fix the CSV",
    ],
    args: &["other", "url", "new"],
};
/// A job record the export cannot read back (its URL, serde_json's words; [`super::export`]).
pub(crate) const STORED_UNREADABLE: Shape = Shape {
    id: "export-stored-unreadable",
    pieces: &[
        "the stored record of ",
        " is unreadable (",
        "); run `sitelift extract --job` again",
    ],
    args: &["url", "error"],
};
/// A CSV whose quoted field runs to the end of the file (the line it opens on; [`super::csv`]).
pub(crate) const QUOTE_UNCLOSED: Shape = Shape {
    id: "link-map-quote-unclosed",
    pieces: &["line ", ": a quoted field is never closed"],
    args: &["line"],
};

const PAGE_PLACEHOLDERS: [&str; 5] = ["id", "slug", "yyyy", "mm", "dd"];
const ATTACHMENT_PLACEHOLDERS: [&str; 3] = ["name", "sha256", "ext"];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Placeholder(String),
}

/// A path template with `{placeholder}`s.
#[derive(Debug, Clone)]
pub struct Template {
    text: String,
    parts: Vec<Part>,
}

impl Template {
    /// Parse `text`, allowing only `allowed` placeholders.
    pub fn parse(text: &str, allowed: &[&str]) -> Result<Template> {
        let err = |message: String| Error::LinkMap {
            source_name: text.to_string(),
            message,
        };
        if !(text.starts_with('/') || text.starts_with("http://") || text.starts_with("https://")) {
            return Err(err(MUST_START.text(&[])));
        }
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_string()));
            }
            let Some(close) = rest[open..].find('}') else {
                return Err(err(UNCLOSED.text(&[&&rest[open..]])));
            };
            let name = rest[open + 1..open + close].trim_end_matches('?');
            if !allowed.contains(&name) {
                let known: Vec<String> = allowed.iter().map(|p| format!("{{{p}}}")).collect();
                return Err(err(UNKNOWN_PLACEHOLDER.text(&[&name, &known.join(" ")])));
            }
            parts.push(Part::Placeholder(name.to_string()));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_string()));
        }
        Ok(Template {
            text: text.to_string(),
            parts,
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn uses(&self, name: &str) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, Part::Placeholder(n) if n == name))
    }

    /// Fill the placeholders with `value(name)`, then percent-encode the result.
    pub fn fill(&self, value: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Literal(s) => out.push_str(s),
                Part::Placeholder(n) => out.push_str(&value(n)),
            }
        }
        encode_path(&out)
    }
}

/// Percent-encode what a path or URL must not carry raw: non-ASCII, controls, space, `"` `<` `>` `\` `^` `` ` ``
/// `{` `|` `}` and `$` (which nginx would read as a variable). Existing `%XX` escapes stay.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = c.is_ascii_alphanumeric() || "-._~!&'()*+,;=:@/?#%[]".contains(c);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Where migrated pages go.
#[derive(Debug, Clone)]
pub enum PageMap {
    Template(Template),
    /// Canonical key of the old URL → new path, from a CSV file.
    Table {
        file: String,
        paths: HashMap<String, String>,
    },
}

impl PageMap {
    /// A CSV file when `arg` names an existing file or ends in `.csv`, else a template.
    pub fn parse(arg: &str) -> Result<PageMap> {
        let path = Path::new(arg);
        if arg.to_ascii_lowercase().ends_with(".csv") || (path.is_file() && !arg.contains('{')) {
            return Self::from_csv(path);
        }
        let t = Template::parse(arg, &PAGE_PLACEHOLDERS)?;
        if !t.uses("id") && !t.uses("slug") {
            return Err(Error::LinkMap {
                source_name: arg.to_string(),
                message: NEEDS_ID.text(&[]),
            });
        }
        Ok(PageMap::Template(t))
    }

    fn from_csv(path: &Path) -> Result<PageMap> {
        let file = path.display().to_string();
        let err = |message: String| Error::LinkMap {
            source_name: file.clone(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(CANNOT_READ.text(&[&e])))?;
        let rows = csv::parse(&text).map_err(err)?;
        let mut paths = HashMap::new();
        for (n, row) in rows.iter().enumerate() {
            let old = row.first().map(|s| s.trim()).unwrap_or("");
            let new = row.get(1).map(|s| s.trim()).unwrap_or("");
            let Some(key) = canonical::key(old) else {
                if n == 0 {
                    continue; // a header row
                }
                return Err(err(ROW_NOT_URL.text(&[&(n + 1), &old])));
            };
            if new.is_empty() {
                return Err(err(ROW_NO_PATH.text(&[&(n + 1), &old])));
            }
            if !crate::normalize::url::is_web_link(new) {
                let shown = crate::normalize::url::shown(new);
                return Err(err(ROW_BAD_PATH.text(&[&(n + 1), &old, &shown])));
            }
            let new = encode_path(new);
            if let Some(before) = paths.insert(key, new.clone())
                && before != new
            {
                return Err(err(ROW_TWICE.text(&[&(n + 1), &old, &before, &new])));
            }
        }
        Ok(PageMap::Table { file, paths })
    }

    /// The new path of a record; `None` when a CSV does not list it (the page is then not migrated).
    pub fn new_path(&self, record: &Record) -> Option<String> {
        match self {
            PageMap::Table { paths, .. } => {
                let key = canonical::key(record.url.as_deref()?)?;
                paths.get(&key).cloned()
            }
            PageMap::Template(t) => {
                let date = record.published.as_deref().unwrap_or("");
                let part = |range: std::ops::Range<usize>, none: &str| {
                    date.get(range)
                        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                        .unwrap_or(none)
                        .to_string()
                };
                Some(t.fill(|name| match name {
                    "id" => record.id.clone(),
                    "slug" => slug(record.url.as_deref().unwrap_or(""), &record.id),
                    "yyyy" => part(0..4, "0000"),
                    "mm" => part(5..7, "00"),
                    "dd" => part(8..10, "00"),
                    _ => String::new(),
                }))
            }
        }
    }

    /// Name for messages.
    pub fn describe(&self) -> String {
        match self {
            PageMap::Template(t) => t.text().to_string(),
            PageMap::Table { file, .. } => file.clone(),
        }
    }
}

/// The `{slug}` of an old URL: file name without extension and query values, ASCII only; the id when nothing
/// is left.
pub fn slug(url: &str, id: &str) -> String {
    let parsed = url::Url::parse(url).ok();
    let mut words: Vec<String> = Vec::new();
    if let Some(u) = &parsed {
        let name = u
            .path_segments()
            .and_then(|mut s| s.rfind(|s| !s.is_empty()))
            .unwrap_or("");
        let name = crate::normalize::url::percent_decode(name);
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        words.push(stem.to_string());
        words.extend(u.query_pairs().map(|(_, v)| v.into_owned()));
    }
    let mut out = String::new();
    for c in words.join("-").chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { id.to_string() } else { out }
}

/// Where downloaded attachments go.
#[derive(Debug, Clone)]
pub struct AttachmentMap(Template);

impl AttachmentMap {
    pub fn parse(text: &str) -> Result<AttachmentMap> {
        let t = Template::parse(text, &ATTACHMENT_PLACEHOLDERS)?;
        if !t.uses("name") && !t.uses("sha256") {
            return Err(Error::LinkMap {
                source_name: text.to_string(),
                message: ATTACHMENT_NEEDS.text(&[]),
            });
        }
        Ok(AttachmentMap(t))
    }

    /// The new path of a stored file (`attachments/<name>` in the job) with this SHA-256.
    pub fn new_path(&self, stored: &str, sha256: &str) -> String {
        let name = stored.rsplit('/').next().unwrap_or(stored);
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        self.0.fill(|p| match p {
            "name" => name.to_string(),
            "sha256" => sha256.to_string(),
            "ext" => ext.clone(),
            _ => String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, published: Option<&str>) -> Record {
        Record {
            id: "0123abcd".into(),
            url: Some(url.into()),
            published: published.map(str::to_string),
            ..Record::default()
        }
    }

    #[test]
    fn templates_fill_and_encode() {
        let m = PageMap::parse("/articles/{yyyy}/{mm}/{slug}-{id}").unwrap();
        let r = record(
            "http://a.cn/xwzx/t20170927_1234.html",
            Some("2017-09-27T10:30:00+08:00"),
        );
        assert_eq!(
            m.new_path(&r).unwrap(),
            "/articles/2017/09/t20170927_1234-0123abcd"
        );
        let r = record("http://a.cn/news/Show.asp?id=12&cat=新闻", None);
        assert_eq!(
            m.new_path(&r).unwrap(),
            "/articles/0000/00/show-12-0123abcd"
        );
        let r = record("http://a.cn/%E9%80%9A%E7%9F%A5.html", None);
        assert_eq!(
            m.new_path(&r).unwrap(),
            "/articles/0000/00/0123abcd-0123abcd"
        );
        let m = PageMap::parse("/新闻/{id}").unwrap();
        assert_eq!(m.new_path(&r).unwrap(), "/%E6%96%B0%E9%97%BB/0123abcd");
    }

    #[test]
    fn bad_templates_say_why() {
        for (t, want) in [
            ("/articles/{title}", "unknown placeholder {title}"),
            ("articles/{id}", "must start with '/'"),
            ("/articles/{id", "never closed"),
            ("/articles/", "needs {id} or {slug}"),
        ] {
            let e = PageMap::parse(t).unwrap_err().to_string();
            assert!(e.contains(want), "{t}: {e}");
        }
    }

    #[test]
    fn csv_maps_by_canonical_url() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("map.csv");
        std::fs::write(
            &f,
            "old_url,new_path\nhttp://A.cn/x/index.html#top,/new/x\r\nhttp://a.cn/show.asp?id=3,/新/3\n",
        )
        .unwrap();
        let m = PageMap::parse(f.to_str().unwrap()).unwrap();
        assert_eq!(
            m.new_path(&record("https://a.cn/x/", None)).unwrap(),
            "/new/x"
        );
        assert_eq!(
            m.new_path(&record("http://a.cn/show.asp?id=3", None))
                .unwrap(),
            "/%E6%96%B0/3"
        );
        assert_eq!(m.new_path(&record("http://a.cn/other.html", None)), None);
        std::fs::write(&f, "http://a.cn/1,/a\nnot a url,/b\n").unwrap();
        let e = PageMap::parse(f.to_str().unwrap()).unwrap_err().to_string();
        assert!(e.contains("row 2"), "{e}");
    }

    #[test]
    fn attachment_paths() {
        let m = AttachmentMap::parse("/files/{name}").unwrap();
        assert_eq!(
            m.new_path("attachments/0123456789abcdef-通知.DOC", "ff"),
            "/files/0123456789abcdef-%E9%80%9A%E7%9F%A5.DOC"
        );
        let m = AttachmentMap::parse("/files/{sha256}.{ext}").unwrap();
        assert_eq!(m.new_path("attachments/x-a.DOC", "ff00"), "/files/ff00.doc");
    }
}
