//! Attachment rows: one per attachment URL (so a file linked from many pages is fetched once), with the
//! original name, the stored file, its size, MIME type, SHA-256 and the HTTP status. Failed downloads are
//! queued again at the start of the next run.

use rusqlite::{Connection, OptionalExtension, params};

/// An attachment's download state. Declared in the order of their names, so a map keyed by state (`status`'s
/// `attachments`) lists them as `status --json` does (held to it by `json_keys_are_the_names_in_their_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentState {
    Done,
    Failed,
    Queued,
    Skipped,
}

impl AttachmentState {
    pub const ALL: [AttachmentState; 4] = [
        AttachmentState::Queued,
        AttachmentState::Done,
        AttachmentState::Failed,
        AttachmentState::Skipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentState::Queued => "queued",
            AttachmentState::Done => "done",
            AttachmentState::Failed => "failed",
            AttachmentState::Skipped => "skipped",
        }
    }
}

/// A state column read back: one of the four names [`AttachmentState::as_str`] writes.
impl rusqlite::types::FromSql for AttachmentState {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        super::schema::named(
            value,
            &AttachmentState::ALL,
            AttachmentState::as_str,
            "attachment state",
        )
    }
}

/// A queued attachment.
#[derive(Debug, Clone)]
pub struct AttachmentRow {
    pub url: String,
    pub name: Option<String>,
    pub page_url: String,
}

/// Queue an attachment unless its URL is known.
pub fn add(
    conn: &Connection,
    url: &str,
    name: Option<&str>,
    page_url: &str,
) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO attachments (url, name, page_url, state) VALUES (?1, ?2, ?3, 'queued')",
        )?
        .execute(params![url, name, page_url])?;
    Ok(n > 0)
}

/// The next queued attachments, skipping those in `busy`.
pub fn next_queued(
    conn: &Connection,
    limit: usize,
    busy: &std::collections::HashSet<String>,
) -> rusqlite::Result<Vec<AttachmentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT url, name, page_url FROM attachments WHERE state = 'queued' ORDER BY rowid LIMIT ?1",
    )?;
    let rows = stmt.query_map([(limit + busy.len()) as i64], |r| {
        Ok(AttachmentRow {
            url: r.get(0)?,
            name: r.get(1)?,
            page_url: r.get(2)?,
        })
    })?;
    let mut out = Vec::new();
    for r in rows {
        let r = r?;
        if !busy.contains(&r.url) {
            out.push(r);
        }
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// A stored file with this content, if one exists (deduplication by content).
pub fn file_for_hash(conn: &Connection, sha256: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT file FROM attachments WHERE sha256 = ?1 AND file IS NOT NULL AND state = 'done' LIMIT 1",
    )?
    .query_row([sha256], |r| r.get(0))
    .optional()
}

/// What one download produced.
#[derive(Debug, Clone, Default)]
pub struct Download {
    pub status: Option<u16>,
    pub size: Option<u64>,
    pub mime: Option<String>,
    pub sha256: Option<String>,
    pub file: Option<String>,
    pub error: Option<String>,
    pub attempts: u32,
}

/// Record a download attempt's result.
pub fn finish(
    conn: &Connection,
    url: &str,
    state: AttachmentState,
    d: &Download,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE attachments SET state = ?2, attempts = attempts + ?3, last_error = ?4, status = ?5,
            size = ?6, mime = ?7, sha256 = ?8, file = ?9,
            fetched_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE url = ?1",
    )?
    .execute(params![
        url,
        state.as_str(),
        d.attempts,
        d.error,
        d.status,
        d.size.map(|s| s as i64),
        d.mime,
        d.sha256,
        d.file
    ])?;
    Ok(())
}

/// Queue failed downloads again (start of a run). Returns how many.
pub fn requeue_failed(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE attachments SET state = 'queued' WHERE state = 'failed'",
        [],
    )
}

/// Every attachment row as one JSON object per line (url, original name, first page, state, HTTP status, size,
/// MIME type, sha256, stored file relative to the job folder, last error) — `run` writes it to
/// `attachments.jsonl` next to the records.
pub fn manifest(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare(
        "SELECT url, name, page_url, state, status, size, mime, sha256, file, last_error, attempts
         FROM attachments ORDER BY url",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(serde_json::json!({
            "url": r.get::<_, String>(0)?,
            "name": r.get::<_, Option<String>>(1)?,
            "page_url": r.get::<_, String>(2)?,
            "state": r.get::<_, String>(3)?,
            "status": r.get::<_, Option<i64>>(4)?,
            "size": r.get::<_, Option<i64>>(5)?,
            "mime": r.get::<_, Option<String>>(6)?,
            "sha256": r.get::<_, Option<String>>(7)?,
            "file": r.get::<_, Option<String>>(8)?,
            "error": r.get::<_, Option<String>>(9)?,
            "attempts": r.get::<_, i64>(10)?,
        }))
    })?;
    let mut out = String::new();
    for row in rows {
        out.push_str(&row?.to_string());
        out.push('\n');
    }
    Ok(out)
}
