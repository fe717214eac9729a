//! The hand-over folder is published whole or not at all: it is built in a hidden sibling (`.NAME.building-…`),
//! every file synced, a manifest (`handover.json`) written last, and then swapped with the folder it replaces in
//! one atomic rename (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two renames, with the previous folder kept
//! as `.NAME.previous-…` until the new one is in place). A kill at any moment leaves either the old folder or the
//! new one at the target, never a mix; the sibling a killed export left is removed by the next one (each build
//! holds an OS lock on a file beside it, `.NAME.building-….lock`, so a live build is never taken for a dead one).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The manifest, written last: its presence says the folder is complete.
pub const MANIFEST: &str = "handover.json";

/// What a hand-over folder may hold. A folder with anything else is not replaced (it is someone's files).
const KNOWN_ENTRIES: [&str; 9] = [
    MANIFEST,
    "records.sqlite",
    "records.jsonl",
    "redirects.csv",
    "redirects.nginx.conf",
    "redirects.apache.conf",
    "unresolved-links.csv",
    "attachments-map.csv",
    crate::crawl::attachments::FOLDER,
];

/// What the lock file of a folder being built adds to the folder's name.
const LOCK_SUFFIX: &str = ".lock";

/// A hand-over folder being built beside its target.
pub struct Staging {
    target: PathBuf,
    dir: Option<tempfile::TempDir>,
    lock_path: PathBuf,
    _lock: File,
}

fn lock_of(dir: &Path) -> PathBuf {
    let mut name = dir.as_os_str().to_owned();
    name.push(LOCK_SUFFIX);
    PathBuf::from(name)
}

fn output_error(path: &Path, e: impl Into<crate::error::Detail>) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.into(),
    }
}

impl Staging {
    /// Start building the folder that will replace `target`. Refuses a target that is a file, or a folder
    /// holding files a hand-over does not make (so `--out .` never swaps a user's folder away).
    pub fn new(target: &Path) -> Result<Staging> {
        check_replaceable(target)?;
        let parent = parent_of(target);
        std::fs::create_dir_all(parent).map_err(|e| output_error(parent, e))?;
        let name = target
            .file_name()
            .ok_or_else(|| output_error(target, "the output path must name a folder"))?
            .to_string_lossy()
            .into_owned();
        remove_stale(parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.building-"))
            .tempdir_in(parent)
            .map_err(|e| output_error(target, format!("cannot create a folder beside it: {e}")))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // A temporary folder is 0700; the hand-over is for a web server to read.
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
                .map_err(|e| output_error(dir.path(), e))?;
        }
        let lock_path = lock_of(dir.path());
        let lock = File::create(&lock_path).map_err(|e| output_error(&lock_path, e))?;
        let _ = lock.try_lock();
        Ok(Staging {
            target: target.to_path_buf(),
            dir: Some(dir),
            lock_path,
            _lock: lock,
        })
    }

    /// The folder to write into.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(&self.target, |d| d.path())
    }

    /// Write `manifest` last, sync the folder, and swap it in for the target.
    pub fn publish(mut self, manifest: &str) -> Result<()> {
        let Some(dir) = self.dir.take() else {
            return Ok(());
        };
        let built = dir.keep();
        let published = crate::export::write_atomically(&built.join(MANIFEST), manifest.as_bytes())
            .and_then(|()| {
                sync_dir(&built);
                swap_in(&built, &self.target)
            });
        if published.is_err() {
            let _ = std::fs::remove_dir_all(&built);
        }
        published?;
        sync_dir(parent_of(&self.target));
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // The folder (unless published) is removed by its TempDir; the lock file goes with it.
        self.dir.take();
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn check_replaceable(target: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(target) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(_) if target.is_file() => {
            return Err(output_error(
                target,
                "is a file; give --out a folder for the hand-over",
            ));
        }
        Err(e) => return Err(output_error(target, e)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && !KNOWN_ENTRIES.contains(&name.as_str()) {
            return Err(output_error(
                target,
                format!(
                    "holds '{name}', which an export does not write; an export replaces the whole folder, so \
                     give --out a new or empty folder (or one an earlier export wrote)"
                ),
            ));
        }
    }
    Ok(())
}

/// Remove the build folders of killed exports (their lock is free) and a previous folder left by a swap that
/// did not finish (only once the target is in place).
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let building = format!(".{name}.building-");
    let previous = format!(".{name}.previous-");
    let target_there = parent.join(name).is_dir();
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if entry_name.starts_with(&building) {
            let (dir, lock) = match entry_name.strip_suffix(LOCK_SUFFIX) {
                Some(dir_name) => (parent.join(dir_name), path),
                None => {
                    let lock = lock_of(&path);
                    (path, lock)
                }
            };
            // A live build holds its lock; a killed one released it with its process.
            let free = File::open(&lock).map_or(true, |f| f.try_lock().is_ok());
            if free {
                let _ = std::fs::remove_dir_all(&dir);
                let _ = std::fs::remove_file(&lock);
            }
        } else if entry_name.starts_with(&previous) && target_there {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Put `built` at `target`, replacing what is there in one step where the system allows it.
fn swap_in(built: &Path, target: &Path) -> Result<()> {
    if !target.exists() {
        return std::fs::rename(built, target).map_err(|e| output_error(target, e));
    }
    if exchange(built, target).is_ok() {
        // `built` now names the previous folder.
        let _ = std::fs::remove_dir_all(built);
        return Ok(());
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let previous = parent_of(target).join(format!(".{name}.previous-{}", std::process::id()));
    std::fs::rename(target, &previous).map_err(|e| output_error(target, e))?;
    std::fs::rename(built, target).map_err(|e| output_error(target, e))?;
    let _ = std::fs::remove_dir_all(&previous);
    Ok(())
}

/// Swap two paths atomically (Linux 3.15+); an error means the caller must fall back.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths relative to the working directory; the call reads them only.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this system"))
}

/// Best effort: make the entries of a folder durable (Unix only).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
