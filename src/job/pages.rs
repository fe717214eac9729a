//! Stored pages, their outcomes and the records. A page is stored once, by its final URL; re-extraction reads
//! it back as a [`RawPage`] with its HTTP charset, so `extract --job` needs no network. A page imported from a
//! local mirror has its file as `requested_url` (a `file:` URL) and its path below the mirror folder; without
//! a public URL its key is that `file:` URL, and it reads back with no URL, as `extract` reads the file.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use url::Url;

use crate::export::{WriteOutcome, record_hash};
use crate::outcome::OutcomeKind;
use crate::pipeline::{FailReason, PageOutcome};
use crate::record::Record;
use crate::source::RawPage;

/// A page as fetched.
#[derive(Debug, Clone)]
pub struct StoredPage {
    pub url: String,
    pub requested_url: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub http_charset: Option<String>,
    pub body: Vec<u8>,
    /// A mirror page: its path below the mirror folder.
    pub source_path: Option<String>,
}

impl StoredPage {
    /// The page for the pipeline.
    pub fn raw(&self) -> RawPage {
        let file = Url::parse(&self.requested_url)
            .ok()
            .filter(|u| u.scheme() == "file")
            .and_then(|u| u.to_file_path().ok());
        RawPage {
            path: file,
            source_path: self.source_path.clone(),
            url: Url::parse(&self.url).ok().filter(|u| u.scheme() != "file"),
            http_charset: self.http_charset.clone(),
            bytes: self.body.clone(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Store (or replace) a fetched page.
pub fn store(conn: &Connection, page: &StoredPage, pending: bool) -> rusqlite::Result<()> {
    let headers: serde_json::Map<String, serde_json::Value> = page
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    conn.prepare_cached(
        "INSERT INTO pages (url, requested_url, status, headers, http_charset, etag, last_modified,
            fetched_at, body, body_sha256, pending, source_path)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?8, ?9, ?10, ?11)
         ON CONFLICT(url) DO UPDATE SET requested_url = excluded.requested_url, status = excluded.status,
            headers = excluded.headers, http_charset = excluded.http_charset, etag = excluded.etag,
            last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, body = excluded.body,
            body_sha256 = excluded.body_sha256, pending = excluded.pending,
            source_path = excluded.source_path",
    )?
    .execute(params![
        page.url,
        page.requested_url,
        page.status,
        serde_json::Value::Object(headers).to_string(),
        page.http_charset,
        page.header("etag"),
        page.header("last-modified"),
        page.body,
        body_sha256(&page.body),
        pending,
        page.source_path
    ])?;
    Ok(())
}

/// The hash `pages.body_sha256` holds.
pub fn body_sha256(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

/// A stored page's body hash and source path, to tell whether a mirror file changed since it was imported.
pub fn stored_hash(
    conn: &Connection,
    url: &str,
) -> rusqlite::Result<Option<(String, Option<String>)>> {
    conn.prepare_cached("SELECT body_sha256, source_path FROM pages WHERE url = ?1")?
        .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Mark a stored page as due for extraction (imported or changed, or a later part of it changed).
pub fn set_unextracted(conn: &Connection, url: &str) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached("UPDATE pages SET unextracted = 1 WHERE url = ?1")?
        .execute([url])?;
    Ok(n > 0)
}

/// Read a stored page.
pub fn load(conn: &Connection, url: &str) -> rusqlite::Result<Option<StoredPage>> {
    conn.prepare_cached(
        "SELECT url, requested_url, status, headers, http_charset, body, source_path FROM pages
         WHERE url = ?1",
    )?
    .query_row([url], page_row)
    .optional()
}

pub(crate) fn page_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredPage> {
    let headers: String = r.get(3)?;
    let headers = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&headers)
        .map(|m| {
            m.into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default();
    Ok(StoredPage {
        url: r.get(0)?,
        requested_url: r.get(1)?,
        status: r.get(2)?,
        headers,
        http_charset: r.get(4)?,
        body: r.get(5)?,
        source_path: r.get(6)?,
    })
}

/// The validators of a stored page, for a conditional request.
pub fn validators(
    conn: &Connection,
    url: &str,
) -> rusqlite::Result<Option<crate::source::http::Validators>> {
    conn.prepare_cached("SELECT etag, last_modified FROM pages WHERE url = ?1")?
        .query_row([url], |r| {
            Ok(crate::source::http::Validators {
                etag: r.get(0)?,
                last_modified: r.get(1)?,
            })
        })
        .optional()
}

/// Mark a page as waiting (or no longer waiting) for its later parts.
pub fn set_pending(conn: &Connection, url: &str, pending: bool) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE pages SET pending = ?2 WHERE url = ?1")?
        .execute(params![url, pending])?;
    Ok(())
}

/// What recording an outcome did to the job's records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeChange {
    /// For an extracted page: whether its record is new, changed or the same as before.
    pub written: Option<WriteOutcome>,
    /// The page had a record before and no longer has it.
    pub removed: bool,
}

/// Record what became of a page: the outcome row and, for an extracted page, its record. A page that no
/// longer yields a record loses the one it had.
pub fn set_outcome(
    conn: &Connection,
    url: &str,
    outcome: &PageOutcome,
) -> rusqlite::Result<OutcomeChange> {
    let mut change = OutcomeChange::default();
    let old_record: Option<String> = conn
        .prepare_cached("SELECT record_id FROM outcomes WHERE url = ?1")?
        .query_row([url], |r| r.get(0))
        .optional()?
        .flatten();
    let record_id = match outcome {
        PageOutcome::Extracted(r) => Some(r.id.as_str()),
        PageOutcome::Skipped(_) | PageOutcome::Failed(_) => None,
    };
    let (kind, reason) = (outcome.kind(), outcome.reason());
    if let Some(old) = old_record.as_deref()
        && Some(old) != record_id
    {
        change.removed = conn
            .prepare_cached("DELETE FROM records WHERE id = ?1")?
            .execute([old])?
            > 0;
    }
    conn.prepare_cached(
        "INSERT INTO outcomes (url, kind, reason, record_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, reason = excluded.reason,
            record_id = excluded.record_id, updated_at = excluded.updated_at",
    )?
    .execute(params![url, kind.as_str(), reason, record_id])?;
    conn.prepare_cached("UPDATE pages SET unextracted = 0 WHERE url = ?1 AND unextracted != 0")?
        .execute([url])?;
    let PageOutcome::Extracted(record) = outcome else {
        return Ok(change);
    };
    let hash = record_hash(record);
    let old_hash: Option<String> = conn
        .prepare_cached("SELECT record_hash FROM records WHERE id = ?1")?
        .query_row([&record.id], |r| r.get(0))
        .optional()?;
    change.written = Some(match old_hash.as_deref() {
        Some(h) if h == hash => {
            return Ok(OutcomeChange {
                written: Some(WriteOutcome::Unchanged),
                ..change
            });
        }
        Some(_) => WriteOutcome::Updated,
        None => WriteOutcome::Inserted,
    });
    let json = serde_json::to_string(record.as_ref()).expect("a Record always serializes");
    conn.prepare_cached(
        "INSERT INTO records (id, url, json, record_hash, updated_at)
         VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, json = excluded.json,
            record_hash = excluded.record_hash, updated_at = excluded.updated_at",
    )?
    .execute(params![record.id, url, json, hash])?;
    Ok(change)
}

/// A reason as stored, read back (an empty one when the row has none).
fn parse<R: std::str::FromStr<Err = std::convert::Infallible>>(reason: Option<String>) -> R {
    let Ok(r) = reason.unwrap_or_default().parse();
    r
}

/// Rebuild an outcome from its row (records come back from their JSON).
pub fn outcome_from_row(
    kind: OutcomeKind,
    reason: Option<String>,
    json: Option<String>,
) -> PageOutcome {
    match (kind, json) {
        (OutcomeKind::Extracted, Some(json)) => match serde_json::from_str::<Record>(&json) {
            Ok(r) => PageOutcome::Extracted(Box::new(r)),
            Err(e) => {
                PageOutcome::Failed(FailReason::Other(format!("stored record unreadable: {e}")))
            }
        },
        (OutcomeKind::Failed, _) => PageOutcome::Failed(parse(reason)),
        _ => PageOutcome::Skipped(parse(reason)),
    }
}

/// A kind column read back: one of the names [`OutcomeKind::as_str`] writes.
impl rusqlite::types::FromSql for OutcomeKind {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        super::schema::named(
            value,
            &OutcomeKind::ALL,
            OutcomeKind::as_str,
            "outcome kind",
        )
    }
}
