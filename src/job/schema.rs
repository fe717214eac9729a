//! The job database's tables. `frontier` is the map table of the crawl: one row per URL ever seen, keyed by
//! its canonical form; `pages` holds what was fetched, keyed by the final URL; `outcomes` says what became of
//! each stored page; `records` holds the records to export; `attachments` one row per attachment URL;
//! `trap_counts` the trap-limit counters; `meta` the schema version and the job's clock. Columns added since
//! version 1 (pages read from a local mirror: `source_path`, `unextracted`) are added in place to older jobs;
//! they are nullable or defaulted, so a sitelift that does not know them still reads the job.

use rusqlite::Connection;
use rusqlite::types::{FromSqlError, FromSqlResult, ValueRef};

/// Version of the job schema this code reads and writes.
pub const JOB_SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS frontier (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    depth           INTEGER NOT NULL,
    kind            TEXT NOT NULL,            -- list | article | page | part
    state           TEXT NOT NULL,            -- queued | fetched | failed | skipped
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,                     -- the failure, or why it was skipped
    retryable       INTEGER NOT NULL DEFAULT 0,
    discovered_from TEXT,
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS frontier_queue ON frontier(state, depth, id);
CREATE TABLE IF NOT EXISTS pages (
    url           TEXT PRIMARY KEY,           -- the final URL (after redirects), canonical
    requested_url TEXT NOT NULL,
    status        INTEGER NOT NULL,
    headers       TEXT NOT NULL,              -- JSON object, names lower-cased
    http_charset  TEXT,
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL,
    body          BLOB NOT NULL,
    body_sha256   TEXT NOT NULL,
    pending       INTEGER NOT NULL DEFAULT 0, -- 1: extraction waits for later parts
    source_path   TEXT,                       -- a mirror page: its path below the mirror folder
    unextracted   INTEGER NOT NULL DEFAULT 0  -- 1: imported from a mirror, not extracted since
);
CREATE TABLE IF NOT EXISTS outcomes (
    url        TEXT PRIMARY KEY,              -- pages.url
    kind       TEXT NOT NULL,                 -- extracted | skipped | failed
    reason     TEXT,
    record_id  TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id          TEXT PRIMARY KEY,
    url         TEXT NOT NULL,
    json        TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_url ON records(url);
CREATE TABLE IF NOT EXISTS attachments (
    url          TEXT PRIMARY KEY,
    name         TEXT,                        -- the original name, as the page shows it
    page_url     TEXT NOT NULL,               -- the first page linking it
    state        TEXT NOT NULL,               -- queued | done | failed | skipped
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    status       INTEGER,                     -- HTTP status of the last attempt
    size         INTEGER,
    mime         TEXT,
    sha256       TEXT,
    file         TEXT,                        -- path under the job folder
    fetched_at   TEXT
);
CREATE INDEX IF NOT EXISTS attachments_state ON attachments(state);
CREATE INDEX IF NOT EXISTS attachments_sha ON attachments(sha256);
CREATE TABLE IF NOT EXISTS trap_counts (
    key TEXT PRIMARY KEY,
    n   INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1');
INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
";

/// Columns added after version 1 shipped: (table, column, definition).
const ADDED: [(&str, &str, &str); 2] = [
    ("pages", "source_path", "TEXT"),
    ("pages", "unextracted", "INTEGER NOT NULL DEFAULT 0"),
];

pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    for (table, column, definition) in ADDED {
        if !has_column(conn, table, column)? {
            conn.execute_batch(&format!(
                "ALTER TABLE {table} ADD COLUMN {column} {definition}"
            ))?;
        }
    }
    Ok(())
}

/// Whether `table` has `column` (a job written before the column was added has not, when opened read-only).
pub fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for name in names {
        if name? == column {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A name column (a state, an outcome's kind) read back as the value of `all` that `name` gives that name; any
/// other text is an error that names `what` and the text, never a guess.
pub(crate) fn named<T: Copy>(
    value: ValueRef<'_>,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> FromSqlResult<T> {
    let text = value.as_str()?;
    all.iter()
        .copied()
        .find(|v| name(*v) == text)
        .ok_or_else(|| FromSqlError::Other(format!("unknown {what} {text:?}").into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_written_before_the_mirror_columns_gets_them_in_place() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE pages (url TEXT PRIMARY KEY, requested_url TEXT NOT NULL, status INTEGER NOT NULL,
                headers TEXT NOT NULL, http_charset TEXT, etag TEXT, last_modified TEXT, fetched_at TEXT NOT NULL,
                body BLOB NOT NULL, body_sha256 TEXT NOT NULL, pending INTEGER NOT NULL DEFAULT 0);
             INSERT INTO pages VALUES ('http://a.cn/', 'http://a.cn/', 200, '{}', NULL, NULL, NULL, 'now', x'', '', 0);",
        )
        .unwrap();
        assert!(!has_column(&conn, "pages", "unextracted").unwrap());
        create(&conn).unwrap();
        create(&conn).unwrap();
        assert!(has_column(&conn, "pages", "source_path").unwrap());
        let due: i64 = conn
            .query_row("SELECT unextracted FROM pages", [], |r| r.get(0))
            .unwrap();
        assert_eq!(due, 0, "pages crawled before are not due for extraction");
    }
}
