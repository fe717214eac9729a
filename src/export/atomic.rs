//! Where the file sinks put their bytes: stdout, or a hidden temporary sibling of the target that
//! [`Output::finish`] renames into place. Until then the previous file at the target stays intact, and a dropped
//! output deletes its temporary file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// The path that errors name when stdout is the output.
pub const STDOUT: &str = "<stdout>";

/// The message of the error a stdout sink returns once the reader has gone away (`sitelift … | head`).
const BROKEN_PIPE: &str = "stdout was closed by the reading process (broken pipe)";

/// Whether `err` is the "stdout was closed" error a stdout sink returns on a broken pipe. It is not a failure:
/// the reader has what it wanted, so the caller should stop writing and exit 0 (as ripgrep does).
pub fn is_broken_pipe(err: &Error) -> bool {
    matches!(err, Error::Output { path, message } if path == Path::new(STDOUT) && message == BROKEN_PIPE)
}

/// Map an I/O error on a stream (stdout) to our error, keeping a broken pipe recognizable.
fn stream_error(err: io::Error) -> Error {
    let message = if err.kind() == io::ErrorKind::BrokenPipe {
        BROKEN_PIPE.to_owned()
    } else {
        err.to_string()
    };
    Error::Output {
        path: PathBuf::from(STDOUT),
        message,
    }
}

pub(crate) fn output_error(path: &Path, message: impl std::fmt::Display) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: message.to_string(),
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
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => output_error(
            path,
            format_args!("the folder '{}' does not exist", dir.display()),
        ),
        _ => output_error(
            path,
            format_args!("cannot create a temporary file in '{}': {e}", dir.display()),
        ),
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Best effort: keep the mode of the file being replaced.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    Ok(tmp)
}

/// Make `tmp` durable and rename it over `path`.
pub(crate) fn publish(tmp: NamedTempFile, path: &Path) -> Result<()> {
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
