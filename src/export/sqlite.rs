//! SQLite: the format the new platform imports from, and the one a re-run updates in place.
//!
//! Records upsert by `id` and carry `record_hash`, the SHA-256 of their canonical JSON, so a re-run writes only
//! what changed (the Drupal Migrate "row hash"): an unchanged record is not touched at all, not even its
//! `exported_at`. Lists live in child tables (`attachments`, `images`, keyed by record and position); the other
//! structured fields are JSON text columns.
//!
//! Nothing is ever half-written. A new database is built in a hidden temporary sibling and renamed into place by
//! [`Sink::finish`]; an existing one gets every write inside one transaction that `finish` commits (dropping the
//! sink, or the process dying, rolls it back).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};
use tempfile::NamedTempFile;

use super::atomic::{STDOUT, output_error, publish, temp_sibling};
use super::{Sink, WriteOutcome};
use crate::error::{Error, Result};
use crate::record::Record;

/// The version this code writes and reads, kept in `schema_info` and in `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;

/// The first 16 bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS schema_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id           TEXT PRIMARY KEY,
    url          TEXT,
    source_path  TEXT,
    title        TEXT,
    published    TEXT,
    author       TEXT,
    editor       TEXT,
    source       TEXT,
    category     TEXT,          -- JSON array of strings, or NULL
    body_html    TEXT,
    body_text    TEXT,
    encoding     TEXT NOT NULL, -- JSON object: declared, used, by, replacements
    provenance   TEXT NOT NULL, -- JSON object: field -> rule
    content_hash TEXT,
    warnings     TEXT NOT NULL, -- JSON array of strings
    record_hash  TEXT NOT NULL, -- sha256 hex of the record's canonical JSON
    exported_at  TEXT NOT NULL  -- UTC, when this row was last inserted or changed
);
CREATE TABLE IF NOT EXISTS attachments (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT,
    url       TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
);
CREATE TABLE IF NOT EXISTS images (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    url       TEXT NOT NULL,
    alt       TEXT,
    PRIMARY KEY (record_id, position)
);
CREATE INDEX IF NOT EXISTS records_url ON records(url);
CREATE INDEX IF NOT EXISTS records_published ON records(published);
CREATE INDEX IF NOT EXISTS records_content_hash ON records(content_hash);
CREATE INDEX IF NOT EXISTS attachments_url ON attachments(url);
INSERT OR IGNORE INTO schema_info (key, value) VALUES ('schema_version', '1');
PRAGMA user_version = 1;
";

const SELECT_HASH: &str = "SELECT record_hash FROM records WHERE id = ?1";
const INSERT_RECORD: &str = "INSERT INTO records (id, url, source_path, title, published, author, editor, source,
    category, body_html, body_text, encoding, provenance, content_hash, warnings, record_hash, exported_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
const UPDATE_RECORD: &str = "UPDATE records SET url = ?2, source_path = ?3, title = ?4, published = ?5,
    author = ?6, editor = ?7, source = ?8, category = ?9, body_html = ?10, body_text = ?11, encoding = ?12,
    provenance = ?13, content_hash = ?14, warnings = ?15, record_hash = ?16, exported_at = ?17 WHERE id = ?1";
const DELETE_ATTACHMENTS: &str = "DELETE FROM attachments WHERE record_id = ?1";
const DELETE_IMAGES: &str = "DELETE FROM images WHERE record_id = ?1";
const INSERT_ATTACHMENT: &str =
    "INSERT INTO attachments (record_id, position, name, url) VALUES (?1, ?2, ?3, ?4)";
const INSERT_IMAGE: &str =
    "INSERT INTO images (record_id, position, url, alt) VALUES (?1, ?2, ?3, ?4)";

/// The SHA-256 (hex) of the record's canonical JSON: serde_json's compact form, fields in declaration order,
/// maps sorted by key. Stored as `record_hash` to detect changes between runs.
pub fn record_hash(record: &Record) -> String {
    let json = serde_json::to_vec(record).expect("a Record always serializes");
    hex::encode(Sha256::digest(&json))
}

/// Upserts records into a SQLite database; see the module docs.
pub struct SqliteSink {
    // Declared first so the connection closes before the temporary file is deleted.
    conn: Connection,
    /// The temporary sibling being built when the target did not exist yet.
    building: Option<NamedTempFile>,
    path: PathBuf,
    exported_at: String,
}

impl SqliteSink {
    /// Open (or plan to create) the database at `path` and start the run's transaction.
    pub fn open(path: &Path) -> Result<Self> {
        let existing = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(output_error(
                    path,
                    "is a directory; give a file path to --out",
                ));
            }
            // An empty file is what SQLite itself treats as an empty database: replace it like a missing one.
            Ok(meta) => meta.len() > 0,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(output_error(path, e)),
        };
        if existing {
            Self::open_existing(path)
        } else {
            Self::create(path)
        }
    }

    fn create(path: &Path) -> Result<Self> {
        let tmp = temp_sibling(path)?;
        // On Windows the sibling's "being written" lock is a mandatory lock on every byte: SQLite, opening the
        // file through its own handle, could read or write none of it ("database is locked"). Release it there;
        // elsewhere it is advisory and stays, so a concurrent run does not take the file for a stale one.
        #[cfg(windows)]
        let _ = tmp.as_file().unlock();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(tmp.path(), flags).map_err(sqlite_error(path))?;
        // The temporary file is thrown away on any failure, so it needs no journal on disk (an in-memory one
        // still undoes a failed statement) and no fsync per commit: finish() fsyncs it whole before the rename.
        conn.execute_batch("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;")
            .map_err(sqlite_error(path))?;
        let sink = Self::start(conn, path, Some(tmp))?;
        sink.conn
            .execute_batch(SCHEMA)
            .map_err(sqlite_error(path))?;
        Ok(sink)
    }

    fn open_existing(path: &Path) -> Result<Self> {
        check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite_error(path))?;
        let sink = Self::start(conn, path, None)?;
        match schema_version(&sink.conn, path)? {
            Some(_) => {}
            None if has_tables(&sink.conn).map_err(sqlite_error(path))? => {
                return Err(output_error(
                    path,
                    "is a SQLite database but not a sitelift export (it has no schema_info table); \
                     give a new file to --out instead",
                ));
            }
            None => {}
        }
        sink.conn
            .execute_batch(SCHEMA)
            .map_err(sqlite_error(path))?;
        Ok(sink)
    }

    /// Common setup; begins the transaction that `finish` commits.
    fn start(conn: Connection, path: &Path, building: Option<NamedTempFile>) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite_error(path))?;
        conn.set_prepared_statement_cache_capacity(16);
        conn.execute_batch("PRAGMA foreign_keys = ON; BEGIN IMMEDIATE;")
            .map_err(sqlite_error(path))?;
        let exported_at: String = conn
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |row| {
                row.get(0)
            })
            .map_err(sqlite_error(path))?;
        Ok(SqliteSink {
            conn,
            building,
            path: path.to_path_buf(),
            exported_at,
        })
    }

    fn upsert(&self, record: &Record) -> rusqlite::Result<WriteOutcome> {
        let hash = record_hash(record);
        let old: Option<String> = self
            .conn
            .prepare_cached(SELECT_HASH)?
            .query_row([&record.id], |row| row.get(0))
            .optional()?;
        let outcome = match old {
            Some(old) if old == hash => return Ok(WriteOutcome::Unchanged),
            Some(_) => WriteOutcome::Updated,
            None => WriteOutcome::Inserted,
        };
        let category = record.category.as_ref().map(json);
        let row = params![
            record.id,
            record.url,
            record.source_path,
            record.title,
            record.published,
            record.author,
            record.editor,
            record.source,
            category,
            record.body_html,
            record.body_text,
            json(&record.encoding),
            json(&record.provenance),
            record.content_hash,
            json(&record.warnings),
            hash,
            self.exported_at,
        ];
        if outcome == WriteOutcome::Updated {
            self.conn.prepare_cached(UPDATE_RECORD)?.execute(row)?;
            self.conn
                .prepare_cached(DELETE_ATTACHMENTS)?
                .execute([&record.id])?;
            self.conn
                .prepare_cached(DELETE_IMAGES)?
                .execute([&record.id])?;
        } else {
            self.conn.prepare_cached(INSERT_RECORD)?.execute(row)?;
        }
        let mut insert = self.conn.prepare_cached(INSERT_ATTACHMENT)?;
        for (position, a) in record.attachments.iter().enumerate() {
            insert.execute(params![record.id, position as i64, a.name, a.url])?;
        }
        let mut insert = self.conn.prepare_cached(INSERT_IMAGE)?;
        for (position, i) in record.images.iter().enumerate() {
            insert.execute(params![record.id, position as i64, i.url, i.alt])?;
        }
        Ok(outcome)
    }
}

impl Sink for SqliteSink {
    fn write(&mut self, record: &Record) -> Result<WriteOutcome> {
        self.upsert(record).map_err(sqlite_error(&self.path))
    }

    fn finish(self: Box<Self>) -> Result<()> {
        let SqliteSink {
            conn,
            building,
            path,
            ..
        } = *self;
        conn.execute_batch("COMMIT").map_err(sqlite_error(&path))?;
        // Close before any rename, so the file is complete and no handle is left on it.
        conn.close().map_err(|(_, e)| Error::Sqlite {
            path: path.clone(),
            source: e,
        })?;
        match building {
            Some(tmp) => publish(tmp, &path),
            None => Ok(()),
        }
    }
}

/// A JSON text column.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("record fields always serialize")
}

pub(crate) fn sqlite_error(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuse, with a clear message, a file that is not a SQLite database at all.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| output_error(path, e))?;
    let n = file.read(&mut header).map_err(|e| output_error(path, e))?;
    if n < 16 || &header != SQLITE_HEADER {
        return Err(output_error(
            path,
            "exists but is not a SQLite database; give a new file to --out, or remove this one if it is \
             an old export",
        ));
    }
    Ok(())
}

/// The `schema_version` recorded in `schema_info`, `None` when the table does not exist. A version other than
/// [`SCHEMA_VERSION`] is an error that says what to do.
pub(crate) fn schema_version(conn: &Connection, path: &Path) -> Result<Option<i64>> {
    let has_info: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_info')",
            [],
            |row| row.get(0),
        )
        .map_err(sqlite_error(path))?;
    if !has_info {
        return Ok(None);
    }
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM schema_info WHERE key = 'schema_version'",
            [],
            |row| row.get(0),
        )
        .optional()
        .map_err(sqlite_error(path))?;
    let version = value.as_deref().and_then(|v| v.trim().parse::<i64>().ok());
    if version != Some(SCHEMA_VERSION) {
        let found = value.unwrap_or_else(|| "missing".to_owned());
        return Err(output_error(
            path,
            format_args!(
                "has export schema_version {found}, but this sitelift reads and writes version {SCHEMA_VERSION}; \
                 export to a new file with --out (or use the sitelift version that wrote it)"
            ),
        ));
    }
    Ok(version)
}

fn has_tables(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
        [],
        |row| row.get(0),
    )
}

/// The error for `--format sqlite` without `--out`.
pub(crate) fn needs_out() -> Error {
    output_error(
        Path::new(STDOUT),
        "--format sqlite needs --out FILE (a database cannot be streamed to stdout)",
    )
}
