//! Local input: single files and whole mirrors (wget/HTTrack folders), walked recursively in a stable order.
//! A mirror laid out as `host/path` (what `wget --recursive` writes) gives each page its public URL without a
//! `--base-url`. Later parts of multi-page articles are read from disk next to their first part.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use url::Url;

use crate::error::{Error, Result};
use crate::pipeline::PartSource;
use crate::source::RawPage;

/// Extensions of pages that legacy servers produce.
const PAGE_EXTENSIONS: [&str; 9] = [
    "htm", "html", "shtml", "xhtml", "asp", "aspx", "php", "jsp", "do",
];

/// One page file found among the inputs.
#[derive(Debug, Clone)]
pub struct FileInput {
    pub path: PathBuf,
    /// Path relative to the input folder (or as given, for a file input), with `/` separators.
    pub rel: String,
    /// Whether the input was a folder (so `rel` is relative to a mirror root).
    pub in_folder: bool,
}

/// Collect page files from files and folders, in a stable order. A missing input is an error.
pub fn collect(inputs: &[PathBuf]) -> Result<Vec<FileInput>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|source| Error::Input {
            path: input.clone(),
            source,
        })?;
        if meta.is_file() {
            out.push(FileInput {
                path: input.clone(),
                rel: input.to_string_lossy().replace('\\', "/"),
                in_folder: false,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    tracing::warn!("skipping unreadable entry under {}: {e}", input.display());
                    continue;
                }
            };
            if !entry.file_type().is_file() || !looks_like_page(entry.path()) {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(input)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            out.push(FileInput {
                path: entry.path().to_path_buf(),
                rel,
                in_folder: true,
            });
        }
    }
    Ok(out)
}

/// Page extensions (also `index.php?id=3` names that wget writes), or no extension and HTML-looking bytes.
fn looks_like_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let before_query = name.split('?').next().unwrap_or(&name);
    match before_query.rsplit_once('.') {
        Some((_, ext)) if PAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) => true,
        Some((_, ext)) if ext.len() <= 5 && !ext.contains(' ') => false,
        _ => sniffs_as_html(path),
    }
}

fn sniffs_as_html(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]).to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<table",
        "<div",
        "<title",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// How local files get their public URLs.
#[derive(Debug, Clone, Default)]
pub struct UrlPolicy {
    /// `--base-url` or the mapping's `site.base_url`.
    pub base: Option<Url>,
}

impl UrlPolicy {
    /// The public URL of a file input: base URL + relative path, or `http://host/path` for a `host/…` mirror.
    pub fn url_for(&self, input: &FileInput) -> Option<Url> {
        let rel = if input.in_folder {
            input.rel.as_str()
        } else {
            crate::normalize::url::file_name(&input.rel)
        };
        if let Some(base) = &self.base {
            // A `host/…` mirror under a base URL for that same host: the folder is the host, not a path.
            let rel = match rel.split_once('/') {
                Some((first, rest)) if input.in_folder && base.host_str() == Some(first) => rest,
                _ => rel,
            };
            return base.join(&escape_path(rel)).ok();
        }
        if input.in_folder {
            let (first, rest) = rel.split_once('/')?;
            if looks_like_host(first) {
                return Url::parse(&format!("http://{first}/"))
                    .ok()?
                    .join(&escape_path(rest))
                    .ok();
            }
        }
        None
    }
}

/// Keep `?` (wget writes queries into names) but escape what `Url::join` would misread.
fn escape_path(rel: &str) -> String {
    rel.replace('%', "%25")
        .replace('#', "%23")
        .replace(' ', "%20")
}

fn looks_like_host(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Read a file input into a raw page.
pub fn read(input: &FileInput, urls: &UrlPolicy) -> std::io::Result<RawPage> {
    let bytes = std::fs::read(&input.path)?;
    Ok(RawPage {
        path: Some(input.path.clone()),
        source_path: Some(input.rel.clone()),
        url: urls.url_for(input),
        http_charset: None,
        bytes,
    })
}

/// Later parts of multi-page articles, read from disk next to the first part.
pub struct DiskParts {
    /// Canonical paths of every input file.
    inputs: HashSet<PathBuf>,
    urls: UrlPolicy,
    root_of: Vec<(PathBuf, PathBuf)>,
}

impl DiskParts {
    pub fn new(files: &[FileInput], roots: &[PathBuf], urls: UrlPolicy) -> DiskParts {
        DiskParts {
            inputs: files
                .iter()
                .filter_map(|f| f.path.canonicalize().ok())
                .collect(),
            urls,
            root_of: roots
                .iter()
                .filter(|r| r.is_dir())
                .filter_map(|r| Some((r.canonicalize().ok()?, r.clone())))
                .collect(),
        }
    }

    fn sibling(page: &RawPage, href: &str) -> Option<PathBuf> {
        let dir = page.path.as_ref()?.parent()?;
        let name = crate::normalize::url::file_name(href);
        let path_part = href.split(['?', '#']).next()?;
        if path_part.contains("://") || path_part.starts_with('/') {
            return Some(dir.join(name));
        }
        let decoded =
            url::form_urlencoded::parse(format!("p={}", path_part.replace('+', "%2B")).as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())?;
        Some(dir.join(decoded))
    }
}

impl PartSource for DiskParts {
    fn part(&self, page: &RawPage, href: &str) -> Option<RawPage> {
        let path = Self::sibling(page, href)?;
        let canonical = path.canonicalize().ok()?;
        let input = match self.root_of.iter().find(|(c, _)| canonical.starts_with(c)) {
            Some((root_canon, root)) => {
                let rel = canonical
                    .strip_prefix(root_canon)
                    .ok()?
                    .to_string_lossy()
                    .replace('\\', "/");
                FileInput {
                    path: root.join(&rel),
                    rel,
                    in_folder: true,
                }
            }
            None => FileInput {
                rel: path.to_string_lossy().replace('\\', "/"),
                path,
                in_folder: false,
            },
        };
        read(&input, &self.urls).ok()
    }

    fn has_head(&self, page: &RawPage, head_name: &str) -> bool {
        let Some(dir) = page.path.as_ref().and_then(|p| p.parent()) else {
            return false;
        };
        dir.join(head_name)
            .canonicalize()
            .is_ok_and(|p| self.inputs.contains(&p))
    }
}
