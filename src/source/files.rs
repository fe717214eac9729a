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
    /// Why this entry (a file, or a folder whose pages could not be listed) cannot be read: it is a failed
    /// page of the run, never a silent loss.
    pub unreadable: Option<String>,
}

/// Collect page files from files and folders, in a stable order. A missing input is an error; a folder or file
/// inside an input that cannot be read is listed with [`FileInput::unreadable`] set, so the run counts it as
/// failed (its pages would otherwise vanish without a word).
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
                rel: path_text(input),
                in_folder: false,
                unreadable: None,
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
                    let path = e.path().unwrap_or(input).to_path_buf();
                    let cause = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    let what = if path.is_dir() { "folder" } else { "entry" };
                    out.push(FileInput {
                        rel: path_text(path.strip_prefix(input).unwrap_or(&path)),
                        path,
                        in_folder: true,
                        unreadable: Some(format!(
                            "cannot read the {what} ({cause}): its pages were not read; fix its permissions \
                             (chmod, or run as a user who can read it) and run again"
                        )),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_file() || !looks_like_page(entry.path()) {
                continue;
            }
            let rel = path_text(entry.path().strip_prefix(input).unwrap_or(entry.path()));
            out.push(FileInput {
                path: entry.path().to_path_buf(),
                rel,
                in_folder: true,
                unreadable: None,
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
    /// The policy a run's options give: `--base-url`, else the mapping's `site.base_url`.
    pub fn for_options(opts: &crate::pipeline::Options) -> UrlPolicy {
        UrlPolicy {
            base: opts
                .base_url
                .clone()
                .or_else(|| opts.mapping.as_ref().and_then(|m| m.base_url.clone())),
        }
    }

    /// The public URL of a file input: base URL + relative path, or `http://host/path` for a `host/…` mirror.
    pub fn url_for(&self, input: &FileInput) -> Option<Url> {
        let rel = url_path(input);
        if let Some(base) = &self.base {
            // A `host/…` mirror under a base URL for that same host: the folder is the host, not a path.
            let rel = match rel.split_once('/') {
                Some((first, rest)) if input.in_folder && base.host_str() == Some(first) => rest,
                _ => rel.as_str(),
            };
            return base.join(rel).ok();
        }
        if input.in_folder {
            let (first, rest) = rel.split_once('/')?;
            if looks_like_host(first) {
                return Url::parse(&format!("http://{first}/"))
                    .ok()?
                    .join(rest)
                    .ok();
            }
        }
        None
    }
}

/// A path as records and messages show it, with `/` separators. Names that are not UTF-8 (wget keeps a GBK URL's
/// bytes in the file name) show those bytes as `%XX`: readable, and never the same text for two different files
/// (with U+FFFD for every bad byte, two such names would give two records one id, and one would overwrite the
/// other).
pub fn path_text(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().replace('\\', "/")
    }
}

/// The escaped URL path of a file input: its path below the input folder (or its file name without a `?query`
/// or `#fragment`, for a file input), from the name's bytes, so a non-UTF-8 name gets the `%XX` of the URL it
/// was saved from.
fn url_path(input: &FileInput) -> String {
    let parts = if input.in_folder {
        input.rel.split('/').count()
    } else {
        1
    };
    let mut components: Vec<&std::ffi::OsStr> = input
        .path
        .components()
        .rev()
        .take(parts)
        .map(|c| c.as_os_str())
        .collect();
    components.reverse();
    let mut out = String::new();
    for (i, c) in components.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let mut bytes = c.as_bytes();
            if !input.in_folder
                && let Some(end) = bytes.iter().position(|b| matches!(b, b'?' | b'#'))
            {
                bytes = &bytes[..end];
            }
            for chunk in bytes.utf8_chunks() {
                out.push_str(&escape_path(chunk.valid()));
                for b in chunk.invalid() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
        #[cfg(not(unix))]
        {
            let name = c.to_string_lossy();
            let name = if input.in_folder {
                &name[..]
            } else {
                crate::normalize::url::file_name(&name)
            };
            out.push_str(&escape_path(name));
        }
    }
    out
}

/// Keep `?` (wget writes queries into names) but escape what `Url::join` would misread.
fn escape_path(rel: &str) -> String {
    rel.replace('%', "%25")
        .replace('#', "%23")
        .replace(' ', "%20")
}

/// Whether `s` reads like a host name (`www.site.cn`): dot-separated labels, a letters-only last one.
pub fn looks_like_host(s: &str) -> bool {
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
    if let Some(why) = &input.unreadable {
        return Err(std::io::Error::other(why.clone()));
    }
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
                let below = canonical.strip_prefix(root_canon).ok()?;
                FileInput {
                    path: root.join(below),
                    rel: path_text(below),
                    in_folder: true,
                    unreadable: None,
                }
            }
            None => FileInput {
                rel: path_text(&path),
                path,
                in_folder: false,
                unreadable: None,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str, rel: &str, in_folder: bool) -> FileInput {
        FileInput {
            path: PathBuf::from(path),
            rel: rel.to_string(),
            in_folder,
            unreadable: None,
        }
    }

    #[test]
    fn urls_of_mirror_files_and_single_files() {
        let none = UrlPolicy::default();
        let url = |i: &FileInput, p: &UrlPolicy| p.url_for(i).map(|u| u.to_string());
        let mirror = input(
            "/m/www.kx.org.cn/xwzx/a b#1.html",
            "www.kx.org.cn/xwzx/a b#1.html",
            true,
        );
        assert_eq!(
            url(&mirror, &none).as_deref(),
            Some("http://www.kx.org.cn/xwzx/a%20b%231.html")
        );
        let query = input(
            "/m/www.kx.org.cn/index.php?id=3",
            "www.kx.org.cn/index.php?id=3",
            true,
        );
        assert_eq!(
            url(&query, &none).as_deref(),
            Some("http://www.kx.org.cn/index.php?id=3")
        );
        assert_eq!(
            url(&input("/m/pages/a.html", "pages/a.html", true), &none),
            None
        );
        let base = UrlPolicy {
            base: Some(Url::parse("http://www.kx.org.cn/cases/").unwrap()),
        };
        let single = input("../x/index.php?id=3", "../x/index.php?id=3", false);
        assert_eq!(
            url(&single, &base).as_deref(),
            Some("http://www.kx.org.cn/cases/index.php")
        );
        let nested = input("/m/pages/sub/a.html", "sub/a.html", true);
        assert_eq!(
            url(&nested, &base).as_deref(),
            Some("http://www.kx.org.cn/cases/sub/a.html")
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let gbk = |bytes: &[u8]| {
            let mut p = b"/m/www.kx.org.cn/xwzx/".to_vec();
            p.extend_from_slice(bytes);
            PathBuf::from(std::ffi::OsStr::from_bytes(&p))
        };
        // 新闻.html and another GBK name: both all-invalid UTF-8, so U+FFFD would make them equal.
        let a = gbk(b"\xd0\xc2\xce\xc5.html");
        let b = gbk(b"\xd1\xc2\xce\xc5.html");
        let rel = |p: &Path| path_text(p.strip_prefix("/m").unwrap());
        assert_eq!(rel(&a), "www.kx.org.cn/xwzx/%D0%C2%CE%C5.html");
        assert_ne!(rel(&a), rel(&b));
        let file = FileInput {
            rel: rel(&a),
            path: a,
            in_folder: true,
            unreadable: None,
        };
        assert_eq!(
            UrlPolicy::default().url_for(&file).unwrap().as_str(),
            "http://www.kx.org.cn/xwzx/%D0%C2%CE%C5.html"
        );
    }
}
