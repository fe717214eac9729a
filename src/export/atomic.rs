//! Where the file sinks put their bytes: stdout, or a hidden temporary sibling of the target that
//! [`Output::finish`] renames into place. Until then the previous file at the target stays intact, and a dropped
//! output deletes its temporary file. A process killed mid-write cannot delete it, so each temporary file is
//! held under an OS lock while it is written, and the next write to the same target removes the siblings nobody
//! holds ([`remove_stale_siblings`]).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Detail, Error, Result};

/// The path that errors name when stdout is the output.
pub const STDOUT: &str = "<stdout>";

/// Whether `err` is the "stdout was closed" error a stdout sink returns on a broken pipe. It is not a failure:
/// the reader has what it wanted, so the caller should stop writing and exit 0 (as ripgrep does).
pub fn is_broken_pipe(err: &Error) -> bool {
    matches!(err, Error::StdoutClosed)
}

/// Map an I/O error on a stream (stdout) to our error, keeping a broken pipe recognizable.
fn stream_error(err: io::Error) -> Error {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return Error::StdoutClosed;
    }
    Error::Output {
        path: PathBuf::from(STDOUT),
        message: err.into(),
    }
}

pub(crate) fn output_error(path: &Path, message: impl Into<Detail>) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// A byte destination that publishes atomically.
pub(crate) enum Output {
    Stream(BufWriter<Box<dyn Write>>),
    File {
        writer: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// `None` is stdout; `Some(path)` writes a temporary sibling of `path`.
    pub(crate) fn open(out: Option<&Path>) -> Result<Self> {
        match out {
            None => Ok(Self::stream(Box::new(io::stdout()))),
            Some(path) => Ok(Output::File {
                writer: BufWriter::with_capacity(256 * 1024, temp_sibling(path)?),
                path: path.to_path_buf(),
            }),
        }
    }

    pub(crate) fn stream(writer: Box<dyn Write>) -> Self {
        Output::Stream(BufWriter::with_capacity(64 * 1024, writer))
    }

    /// The path errors name: the target file, or [`STDOUT`].
    pub(crate) fn name(&self) -> &Path {
        match self {
            Output::Stream(_) => Path::new(STDOUT),
            Output::File { path, .. } => path,
        }
    }

    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            Output::Stream(w) => w.write_all(bytes).map_err(stream_error),
            Output::File { writer, path } => {
                writer.write_all(bytes).map_err(|e| output_error(path, e))
            }
        }
    }

    /// Flush, and for a file rename it into place. A broken pipe at this point is not an error: the reader
    /// has stopped reading, which is its right.
    pub(crate) fn finish(self) -> Result<()> {
        match self {
            Output::Stream(mut w) => match w.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(stream_error),
            },
            Output::File { writer, path } => {
                let tmp = writer
                    .into_inner()
                    .map_err(|e| output_error(&path, e.error()))?;
                publish(tmp, &path)
            }
        }
    }
}

/// Create an empty hidden temporary file next to `path` (`.NAME.XXXXXX.tmp`), so the final rename never
/// crosses a file system. It gets the target's permissions when the target exists, else the usual 0666 & !umask
/// (a bare NamedTempFile would be 0600).
pub(crate) fn temp_sibling(path: &Path) -> Result<NamedTempFile> {
    let name = path
        .file_name()
        .ok_or_else(|| output_error(path, "the output path must name a file"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = {
        let mut p = std::ffi::OsString::from(".");
        p.push(name);
        p.push(".");
        p
    };
    remove_stale_siblings(dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::OutputFolderMissing {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        },
        _ => Error::OutputTempFile {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
            source: e,
        },
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Best effort: keep the mode of the file being replaced.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    // Held until the file is closed (after the rename): it tells a later run this file is being written.
    let _ = tmp.as_file().try_lock();
    Ok(tmp)
}

/// The suffix of every temporary sibling.
const TEMP_SUFFIX: &str = ".tmp";

/// What SQLite adds to a database's name for its side files (a temporary database has them too).
const SQLITE_SIDE_FILES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Remove the temporary siblings (`PREFIX…​.tmp` and their SQLite side files) that no live process holds: a
/// write that was killed left them. Best effort: a file that cannot be removed stays for the next run.
pub(crate) fn remove_stale_siblings(dir: &Path, prefix: &std::ffi::OsStr) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = prefix.to_string_lossy();
    let mut temps = Vec::new();
    let mut sides = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(prefix.as_ref()) {
            continue;
        }
        if name.ends_with(TEMP_SUFFIX) {
            temps.push(entry.path());
        } else if SQLITE_SIDE_FILES
            .iter()
            .any(|side| name.ends_with(&format!("{TEMP_SUFFIX}{side}")))
        {
            sides.push(entry.path());
        }
    }
    for temp in &temps {
        let Ok(file) = std::fs::File::open(temp) else {
            continue;
        };
        // A live writer holds the lock; a dead one released it with its process.
        if file.try_lock().is_ok() {
            let _ = std::fs::remove_file(temp);
        }
    }
    // A side file whose database is gone belongs to nobody.
    for side in sides {
        let name = side.to_string_lossy().into_owned();
        let owner = SQLITE_SIDE_FILES
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .map(PathBuf::from);
        if owner.is_some_and(|o| !o.exists()) {
            let _ = std::fs::remove_file(&side);
        }
    }
}

/// Write `bytes` to `path` atomically: a temporary sibling, synced, renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = temp_sibling(path)?;
    tmp.write_all(bytes).map_err(|e| output_error(path, e))?;
    publish(tmp, path)
}

/// Whether `path` is something other than a regular file or a folder: a device (`/dev/null`), a named pipe, a
/// socket. Renaming over it would replace it with a plain file (as root, `/dev/null` itself), so it is written to
/// instead.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Make `tmp` durable and rename it over `path`; a device or pipe at `path` gets the bytes written to it.
pub(crate) fn publish(tmp: NamedTempFile, path: &Path) -> Result<()> {
    if is_special_file(path) {
        let mut from = tmp.reopen().map_err(|e| output_error(path, e))?;
        let mut to = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| output_error(path, e))?;
        io::copy(&mut from, &mut to).map_err(|e| output_error(path, e))?;
        return Ok(());
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| output_error(path, e))?;
    tmp.persist(path).map_err(|e| {
        output_error(
            path,
            format_args!("cannot rename the temporary file into place: {}", e.error),
        )
    })?;
    sync_parent(path);
    Ok(())
}

/// Best effort: make the rename itself durable (directories can be fsynced on Unix only).
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
