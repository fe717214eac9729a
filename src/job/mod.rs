//! The job store: one folder holding a crawl's whole state in SQLite (`job.sqlite`, WAL mode) — the frontier
//! (every URL seen, its depth, state, attempts, last error and the page it came from), the fetched pages (final
//! URL, status, headers, raw bytes), each page's outcome (Extracted | Skipped | Failed, the Drupal Migrate "map
//! table"), the records, the attachments and the trap counters. Every state change is one transaction, so a
//! kill -9 or a power loss leaves the job as it was after the last finished page, and the next run resumes from
//! there: nothing stored is fetched again, nothing is lost or duplicated. A lock file (`job.lock`, an OS file
//! lock released when the process dies) makes a second process on the same job fail at once. A local mirror
//! goes into a job the same way ([`mirror`]), each file stored as a fetched page. Every open checks the
//! database's structure first (SQLite's `quick_check`, about half a second per GB): a job damaged by a disk or
//! a copy is refused with the way to recover it, never read as if whole.

pub mod attachments;
pub mod frontier;
pub mod mirror;
pub mod pages;
pub mod parts;
pub mod reextract;
mod schema;
pub mod skips;
pub mod status;

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::error::{Error, Result};
use crate::outcome::Shape;

pub use attachments::{AttachmentRow, AttachmentState, Download};
pub use frontier::{FrontierRow, Insert, State};
pub use pages::{StoredPage, outcome_from_row};

/// The database file inside a job folder.
pub const DB_FILE: &str = "job.sqlite";

/// What is wrong with a job folder (the message of an [`Error::Job`]), in English, and the message that says it
/// in the interface language (see [`crate::outcome`]). The pieces spell [`DB_FILE`] out: `job.sqlite`.
pub(crate) const SHAPES: &[Shape] = &[NO_DB, SCHEMA_VERSION, DAMAGED];
const NO_DB: Shape = Shape {
    id: "job-no-db",
    pieces: &["no job.sqlite in it; give the folder a crawl or run wrote (--job or run --out)"],
    args: &[],
};
const SCHEMA_VERSION: Shape = Shape {
    id: "job-schema-version",
    pieces: &[
        "it was written with job schema version ",
        ", this sitelift uses ",
        "; use the sitelift that wrote it, or start over with --fresh",
    ],
    args: &["found", "expected"],
};
const DAMAGED: Shape = Shape {
    id: "job-damaged",
    pieces: &[
        "job.sqlite is damaged (",
        "); its pages and records cannot be trusted. Keep a copy, then either salvage what is readable \
         (`sqlite3 ",
        " .recover | sqlite3 ",
        "/recovered.sqlite`, move recovered.sqlite to job.sqlite, run the crawl again to fetch what is missing) \
         or start the job over with --fresh",
    ],
    args: &["problems", "db", "dir"],
};
/// The lock file inside a job folder.
pub const LOCK_FILE: &str = "job.lock";

/// An open job, locked for this process.
pub struct Job {
    pub conn: Connection,
    dir: PathBuf,
    _lock: Option<File>,
}

impl Job {
    /// Open (or create) the job in `dir` for writing, taking its lock. `fresh` deletes its state first.
    pub fn open(dir: &Path, fresh: bool) -> Result<Job> {
        std::fs::create_dir_all(dir).map_err(|e| job_error(dir, e))?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(|e| job_error(dir, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::JobLocked {
                    dir: dir.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(job_error(dir, e)),
        }
        if fresh {
            for name in [DB_FILE, "job.sqlite-wal", "job.sqlite-shm"] {
                match std::fs::remove_file(dir.join(name)) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(job_error(dir, e)),
                }
            }
        }
        let conn = connect(dir, false)?;
        check_intact(&conn, dir)?;
        schema::create(&conn).map_err(sql_error(dir))?;
        let version: String = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .map_err(sql_error(dir))?;
        if version != schema::JOB_SCHEMA_VERSION.to_string() {
            return Err(Error::Job {
                dir: dir.to_path_buf(),
                message: SCHEMA_VERSION.text(&[&version, &schema::JOB_SCHEMA_VERSION]),
            });
        }
        Ok(Job {
            conn,
            dir: dir.to_path_buf(),
            _lock: Some(lock),
        })
    }

    /// Open a job that must exist already, for writing (`extract --job`).
    pub fn open_existing(dir: &Path) -> Result<Job> {
        must_exist(dir)?;
        Job::open(dir, false)
    }

    /// Open an existing job read-only, without its lock (for `status` while a crawl runs).
    pub fn open_read(dir: &Path) -> Result<Job> {
        must_exist(dir)?;
        let conn = connect(dir, true)?;
        check_intact(&conn, dir)?;
        Ok(Job {
            conn,
            dir: dir.to_path_buf(),
            _lock: None,
        })
    }

    /// Open an existing job read-only for a consistent export: its lock is taken (and held), so a job that a
    /// crawl or run is still writing is refused, and none can start until the export is done.
    pub fn open_idle(dir: &Path) -> Result<Job> {
        must_exist(dir)?;
        let lock = File::open(dir.join(LOCK_FILE)).ok();
        if let Some(lock) = &lock
            && let Err(std::fs::TryLockError::WouldBlock) = lock.try_lock()
        {
            return Err(Error::JobRunning {
                dir: dir.to_path_buf(),
            });
        }
        let mut job = Job::open_read(dir)?;
        job._lock = lock;
        Ok(job)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A second, read-only connection (the part source reads pages while the crawl writes).
    pub fn reader(&self) -> Result<Connection> {
        connect(&self.dir, true)
    }

    /// A meta value.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(sql_error(&self.dir))
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(|_| ())
            .map_err(sql_error(&self.dir))
    }

    /// Add `secs` to the job's total crawl time.
    pub fn add_elapsed(&self, secs: f64) -> Result<()> {
        let total = self
            .meta("elapsed_secs")?
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0);
        self.set_meta("elapsed_secs", &format!("{:.3}", total + secs))
    }

    /// Run `f` in one transaction (committed when it returns `Ok`).
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let dir = self.dir.clone();
        let tx = self.conn.transaction().map_err(sql_error(&dir))?;
        let value = f(&tx).map_err(sql_error(&dir))?;
        tx.commit().map_err(sql_error(&dir))?;
        Ok(value)
    }

    pub fn sql_error(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        sql_error(&self.dir)
    }

    /// Every row of a query read in batches (keyset paging, so memory stays flat), each handed to `each` in
    /// order. `sql` takes the last key seen as `?1` and the batch size as `?2` and orders by that key; `start` is
    /// the key below every row and the batch size, `key` reads a row's key.
    pub(crate) fn paged<K: rusqlite::ToSql, R>(
        &self,
        sql: &str,
        (start, batch): (K, usize),
        row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<R>,
        key: impl Fn(&R) -> K,
        mut each: impl FnMut(R) -> Result<()>,
    ) -> Result<()> {
        let mut last = start;
        loop {
            let rows: Vec<R> = {
                let mut stmt = self.conn.prepare_cached(sql).map_err(self.sql_error())?;
                let rows = stmt
                    .query_map(rusqlite::params![last, batch as i64], &row)
                    .map_err(self.sql_error())?;
                rows.collect::<rusqlite::Result<_>>()
                    .map_err(self.sql_error())?
            };
            let Some(end) = rows.last() else {
                return Ok(());
            };
            last = key(end);
            for r in rows {
                each(r)?;
            }
        }
    }
}

fn must_exist(dir: &Path) -> Result<()> {
    if dir.join(DB_FILE).is_file() {
        return Ok(());
    }
    Err(Error::Job {
        dir: dir.to_path_buf(),
        message: NO_DB.text(&[]),
    })
}

fn connect(dir: &Path, read_only: bool) -> Result<Connection> {
    let path = dir.join(DB_FILE);
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(&path, flags).map_err(open_error(dir))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(sql_error(dir))?;
    conn.set_prepared_statement_cache_capacity(32);
    if !read_only {
        // WAL: readers (status, the part source) never block the crawl; NORMAL sync: a commit survives a
        // process kill at once and a power loss after the next checkpoint — the job only ever loses whole pages.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(open_error(dir))?;
    }
    Ok(conn)
}

/// Refuse a damaged job: SQLite's `quick_check` walks every page of the file (not the indexes' contents, which
/// `integrity_check` would compare too) and reports broken pages, lists and records.
fn check_intact(conn: &Connection, dir: &Path) -> Result<()> {
    let found: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect());
    match found {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(damaged(dir, &rows.join("; "))),
        Err(e) => Err(open_error(dir)(e)),
    }
}

/// An error opening or reading the job, saying how to recover when the file is damaged.
fn open_error(dir: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| {
        if is_damage(&e) {
            damaged(dir, &e.to_string())
        } else {
            sql_error(dir)(e)
        }
    }
}

fn damaged(dir: &Path, problems: &str) -> Error {
    let db = dir.join(DB_FILE);
    Error::Job {
        dir: dir.to_path_buf(),
        message: DAMAGED.text(&[&problems, &db.display(), &dir.display()]),
    }
}

/// Whether an error means the file itself is damaged (not busy, not missing).
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

fn job_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Job {
        dir: dir.to_path_buf(),
        message: e.to_string(),
    }
}

pub(crate) fn sql_error(dir: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::Sqlite {
        path: dir.join(DB_FILE),
        source,
    }
}

/// A new job in a temporary folder (removed with the returned guard), for unit tests.
#[cfg(test)]
pub(crate) fn scratch_job() -> (tempfile::TempDir, Job) {
    let dir = tempfile::tempdir().unwrap();
    let job = Job::open(dir.path(), false).unwrap();
    (dir, job)
}

#[cfg(test)]
mod tests {
    use super::scratch_job;

    /// Rows come in key order across batch boundaries, each once, and an error from `each` stops the read.
    #[test]
    fn paged_reads_every_row_once_in_key_order() {
        let (_dir, job) = scratch_job();
        job.conn
            .execute_batch(
                "CREATE TABLE t (k TEXT PRIMARY KEY);
                 INSERT INTO t VALUES ('c'), ('a'), ('e'), ('b'), ('d');",
            )
            .unwrap();
        let sql = "SELECT k FROM t WHERE k > ?1 ORDER BY k LIMIT ?2";
        let key = |k: &String| k.clone();
        for batch in [1, 2, 5, 64] {
            let mut seen = Vec::new();
            job.paged(
                sql,
                (String::new(), batch),
                |r| r.get(0),
                key,
                |k| {
                    seen.push(k);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, ["a", "b", "c", "d", "e"], "batch {batch}");
        }
        let mut seen = 0;
        let stopped = job.paged(
            sql,
            (String::new(), 2),
            |r| r.get::<_, String>(0),
            key,
            |_| {
                seen += 1;
                Err(crate::error::Error::StdoutClosed)
            },
        );
        assert!(stopped.is_err());
        assert_eq!(seen, 1);
    }
}
