//! Attachment files (`--download-attachments`): each download streams into a temporary file under
//! `attachments/` while its SHA-256 is computed, then is renamed to `attachments/<sha256 prefix>-<name>`, where
//! the name is the original one made safe ([`sanitize_name`]). A file whose content is already stored is not
//! stored again. The original name stays in the record and in the job's attachments table. Stored files are
//! readable by everyone (mode 0644, like any file a web server is to serve), and a download a killed crawl left
//! half-written is removed when the next crawl opens the job ([`remove_partial_downloads`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::outcome::Shape;
use crate::source::http::Collect;

/// Why an attachment was not downloaded, as the job stores it, said in the interface language
/// ([`crate::outcome::localized`]: `status`, the report).
pub(crate) const SHAPES: &[Shape] = &[OTHER_HOST, NO_FILE];
/// An attachment on a host the crawl may not fetch from (the host).
pub(crate) const OTHER_HOST: Shape = Shape {
    id: "reason-attachment-other-host",
    pieces: &[
        "attachment on another host (",
        "): add it to crawl.allowed_hosts to download it",
    ],
    args: &["host"],
};
/// The attachments/ folder refused a new file (the OS's words).
pub(crate) const NO_FILE: Shape = Shape {
    id: "reason-attachment-no-file",
    pieces: &["cannot create a file under attachments/: ", ""],
    args: &["error"],
};

/// Longest sanitized name, in bytes.
const MAX_NAME_BYTES: usize = 120;
/// Sub-folder of the job that holds attachment files.
pub const FOLDER: &str = "attachments";

/// Mode of a stored attachment: the owner writes, everyone reads (a web server serving the hand-over folder runs
/// as another user).
#[cfg(unix)]
const FILE_MODE: u32 = 0o644;

/// Prefix of a download in progress, inside [`FOLDER`].
const PARTIAL_PREFIX: &str = ".download-";

/// Invisible characters that change how a name reads without being in it: bidirectional overrides and isolates
/// (U+202E makes `gpj.exe` read `exe.jpg`), zero-width characters and the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A file name safe on every file system and honest to read: no path separators, no `..`, no leading dot, no
/// control, reserved or invisible formatting characters (bidi overrides), at most [`MAX_NAME_BYTES`] bytes (the
/// extension kept), never empty.
pub fn sanitize_name(original: &str) -> String {
    let mut s: String = original
        .chars()
        .filter(|c| !is_invisible_format(*c))
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    while s.contains("..") {
        s = s.replace("..", "_");
    }
    let s = s.trim_matches(|c: char| c == '.' || c == '_' || c.is_whitespace());
    let mut s = if s.is_empty() {
        "attachment".to_string()
    } else {
        s.to_string()
    };
    if s.len() > MAX_NAME_BYTES {
        let ext = s
            .rsplit_once('.')
            .map(|(_, e)| e)
            .filter(|e| e.len() <= 10 && !e.is_empty())
            .map(|e| format!(".{e}"))
            .unwrap_or_default();
        let mut cut = MAX_NAME_BYTES - ext.len();
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s = format!("{}{ext}", &s[..cut]);
    }
    s
}

/// The name to store: the record's name, with the URL's extension added when the name has none.
pub fn stored_name(name: Option<&str>, url: &url::Url) -> String {
    let from_url = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .map(|s| {
            url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let ext = from_url
        .rsplit_once('.')
        .map(|(_, e)| e.to_string())
        .filter(|e| e.len() <= 5 && !e.is_empty());
    let mut name = name
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(from_url);
    if let Some(ext) = ext
        && !name
            .to_ascii_lowercase()
            .ends_with(&format!(".{}", ext.to_ascii_lowercase()))
    {
        name = format!("{name}.{ext}");
    }
    sanitize_name(&name)
}

/// Streams a download to a temporary file, hashing it.
pub struct FileCollector {
    file: tempfile::NamedTempFile,
    hasher: Sha256,
    size: u64,
}

impl FileCollector {
    pub fn new(job_dir: &Path) -> std::io::Result<FileCollector> {
        let dir = job_dir.join(FOLDER);
        std::fs::create_dir_all(&dir)?;
        Ok(FileCollector {
            file: tempfile::Builder::new()
                .prefix(PARTIAL_PREFIX)
                .tempfile_in(&dir)?,
            hasher: Sha256::new(),
            size: 0,
        })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Move the file into place as `<sha256 prefix>-<name>` unless the same content is stored as `existing`.
    /// Returns the SHA-256 and the path relative to the job folder.
    pub fn finish(
        mut self,
        job_dir: &Path,
        name: &str,
        existing: impl FnOnce(&str) -> Option<String>,
    ) -> std::io::Result<(String, String)> {
        self.file.flush()?;
        let sha = hex::encode(self.hasher.finalize());
        if let Some(path) = existing(&sha)
            && job_dir.join(&path).is_file()
        {
            return Ok((sha, path));
        }
        let rel = format!("{FOLDER}/{}-{name}", &sha[..16]);
        let target: PathBuf = job_dir.join(&rel);
        make_public(self.file.as_file())?;
        self.file.as_file().sync_all()?;
        self.file.persist(&target).map_err(|e| e.error)?;
        Ok((sha, rel))
    }
}

/// Give a stored file [`FILE_MODE`] (a temporary file is created 0600).
pub fn make_public(file: &std::fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Remove the downloads a killed crawl left half-written in the job's [`FOLDER`] (the caller holds the job's
/// lock, so no other process is writing them). Returns how many bytes were freed.
pub fn remove_partial_downloads(job_dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(job_dir.join(FOLDER)) else {
        return 0;
    };
    let mut freed = 0;
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(PARTIAL_PREFIX)
        {
            let size = entry.metadata().map_or(0, |m| m.len());
            if std::fs::remove_file(entry.path()).is_ok() {
                freed += size;
            }
        }
    }
    freed
}

impl Collect for FileCollector {
    fn reset(&mut self) -> std::io::Result<()> {
        self.file.as_file().set_len(0)?;
        use std::io::Seek;
        self.file.as_file_mut().seek(std::io::SeekFrom::Start(0))?;
        self.hasher = Sha256::new();
        self.size = 0;
        Ok(())
    }

    fn push(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.file.write_all(chunk)?;
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_safe() {
        let cases = [
            ("../../etc/passwd", "etc_passwd"),
            ("/abs/path.doc", "abs_path.doc"),
            ("C:\\Windows\\x.pdf", "C__Windows_x.pdf"),
            ("报名表\u{0}\n.doc", "报名表__.doc"),
            ("..", "attachment"),
            (".hidden", "hidden"),
            ("report\u{202E}fdp.exe", "reportfdp.exe"),
            ("\u{2067}通知\u{200B}.doc\u{FEFF}", "通知.doc"),
            ("", "attachment"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize_name(input), want, "{input:?}");
        }
        let long = format!("{}.pdf", "很长".repeat(100));
        let got = sanitize_name(&long);
        assert!(
            got.len() <= MAX_NAME_BYTES && got.ends_with(".pdf"),
            "{got}"
        );
    }

    #[test]
    fn stored_names_keep_the_extension() {
        let u = url::Url::parse("http://h.cn/fj/%E9%80%9A%E7%9F%A5.doc").unwrap();
        assert_eq!(stored_name(Some("报名表"), &u), "报名表.doc");
        assert_eq!(stored_name(None, &u), "通知.doc");
        assert_eq!(stored_name(Some("a.DOC"), &u), "a.DOC");
    }
}
