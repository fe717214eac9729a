//! Frontier rows: every URL the crawl has seen, with its state. Functions take a `&Connection` so the crawler
//! can call them inside the one transaction that records a page.

use rusqlite::{Connection, OptionalExtension, params};

use crate::scope::PageKind;

/// A URL's state in the frontier. Declared in the order of their names, so a map keyed by state (`status`'s
/// `pages`) lists them as `status --json` does (its test `json_keys_are_the_names_in_their_order` holds them to
/// it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Failed,
    Fetched,
    Queued,
    Skipped,
}

impl State {
    pub const ALL: [State; 4] = [State::Queued, State::Fetched, State::Failed, State::Skipped];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Fetched => "fetched",
            State::Failed => "failed",
            State::Skipped => "skipped",
        }
    }
}

/// A state column read back: one of the four names [`State::as_str`] writes.
impl rusqlite::types::FromSql for State {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        super::schema::named(value, &State::ALL, State::as_str, "frontier state")
    }
}

/// A queued URL handed to the fetcher.
#[derive(Debug, Clone)]
pub struct FrontierRow {
    pub id: i64,
    pub url: String,
    pub depth: u32,
    pub kind: PageKind,
    pub attempts: u32,
    pub state: State,
}

/// A new frontier entry.
#[derive(Debug, Clone)]
pub struct Insert<'a> {
    pub url: &'a str,
    pub depth: u32,
    pub kind: PageKind,
    pub state: State,
    pub reason: Option<&'a str>,
    pub from: Option<&'a str>,
}

/// Insert a URL unless it is known; true when it was new.
pub fn insert(conn: &Connection, row: &Insert<'_>) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO frontier (url, depth, kind, state, last_error, discovered_from)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            row.url,
            row.depth,
            row.kind.as_str(),
            row.state.as_str(),
            row.reason,
            row.from
        ])?;
    Ok(n > 0)
}

/// Whether the frontier knows `url`, and its state.
pub fn state_of(conn: &Connection, url: &str) -> rusqlite::Result<Option<State>> {
    conn.prepare_cached("SELECT state FROM frontier WHERE url = ?1")?
        .query_row([url], |r| r.get(0))
        .optional()
}

/// The next queued URLs, shallowest first, skipping those in `busy` and those of the `paused` hosts.
pub fn next_queued(
    conn: &Connection,
    limit: usize,
    busy: &std::collections::HashSet<i64>,
    paused: &[String],
) -> rusqlite::Result<Vec<FrontierRow>> {
    // One `NOT LIKE` per paused host (a handful at most): `%://host/%` and `%://host:%` (any port).
    let mut sql = String::from(
        "SELECT id, url, depth, kind, attempts, state FROM frontier WHERE state = 'queued'",
    );
    let mut patterns: Vec<String> = Vec::new();
    for host in paused {
        let escaped = host
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        for end in ["/", ":"] {
            patterns.push(format!("%://{escaped}{end}%"));
            sql.push_str(&format!(
                " AND url NOT LIKE ?{} ESCAPE '\\'",
                patterns.len() + 1
            ));
        }
    }
    sql.push_str(" ORDER BY depth, id LIMIT ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::new();
    let total = (limit + busy.len()) as i64;
    values.push(&total);
    for p in &patterns {
        values.push(p);
    }
    let rows = stmt.query_map(values.as_slice(), row)?;
    let mut out = Vec::new();
    for r in rows {
        let r = r?;
        if !busy.contains(&r.id) {
            out.push(r);
        }
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FrontierRow> {
    Ok(FrontierRow {
        id: r.get(0)?,
        url: r.get(1)?,
        depth: r.get(2)?,
        kind: PageKind::parse(&r.get::<_, String>(3)?),
        attempts: r.get(4)?,
        state: r.get(5)?,
    })
}

/// Look a URL up.
pub fn get(conn: &Connection, url: &str) -> rusqlite::Result<Option<FrontierRow>> {
    conn.prepare_cached(
        "SELECT id, url, depth, kind, attempts, state FROM frontier WHERE url = ?1",
    )?
    .query_row([url], row)
    .optional()
}

/// Set a row's state; `attempts` adds requests made; `reason` is the error or skip reason.
pub fn set_state(
    conn: &Connection,
    id: i64,
    state: State,
    attempts: u32,
    reason: Option<&str>,
    retryable: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE frontier SET state = ?2, attempts = attempts + ?3, last_error = ?4, retryable = ?5,
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
    )?
    .execute(params![id, state.as_str(), attempts, reason, retryable])?;
    Ok(())
}

/// Put failures worth another try back in the queue (start of a resumed run). Returns how many.
pub fn requeue_retryable(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE frontier SET state = 'queued' WHERE state = 'failed' AND retryable = 1",
        [],
    )
}

/// `--update`: queue every fetched page again (conditional requests tell what changed). Pages read from a
/// mirror without a public URL (`file:`) are not fetched.
pub fn requeue_fetched(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE frontier SET state = 'queued' WHERE state = 'fetched' AND url NOT LIKE 'file:%'",
        [],
    )
}

/// Count a trap key and return the new count.
pub fn bump(conn: &Connection, key: &str) -> rusqlite::Result<u64> {
    conn.prepare_cached(
        "INSERT INTO trap_counts (key, n) VALUES (?1, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1
         RETURNING n",
    )?
    .query_row([key], |r| r.get::<_, i64>(0))
    .map(|n| n as u64)
}

/// A trap key's count.
pub fn count(conn: &Connection, key: &str) -> rusqlite::Result<u64> {
    conn.prepare_cached("SELECT n FROM trap_counts WHERE key = ?1")?
        .query_row([key], |r| r.get::<_, i64>(0))
        .optional()
        .map(|n| n.unwrap_or(0) as u64)
}

/// Number of rows per state (states without rows left out).
pub fn counts(conn: &Connection) -> rusqlite::Result<Vec<(State, u64)>> {
    let mut stmt = conn.prepare("SELECT state, count(*) FROM frontier GROUP BY state")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts come back as states (what `status` and the crawl's progress match on), only states with rows.
    #[test]
    fn counts_are_per_state() {
        let (_dir, job) = crate::job::scratch_job();
        let rows = [
            ("http://a.cn/1", State::Queued),
            ("http://a.cn/2", State::Fetched),
            ("http://a.cn/3", State::Fetched),
            ("http://a.cn/4", State::Skipped),
        ];
        for (url, state) in rows {
            let row = Insert {
                url,
                depth: 0,
                kind: PageKind::Page,
                state,
                reason: None,
                from: None,
            };
            assert!(insert(&job.conn, &row).unwrap());
        }
        let mut counts = counts(&job.conn).unwrap();
        counts.sort_by_key(|(s, _)| s.as_str());
        assert_eq!(
            counts,
            [(State::Fetched, 2), (State::Queued, 1), (State::Skipped, 1)]
        );
        let status = crate::job::status::status(&job).unwrap();
        assert_eq!(status.pages_in(State::Failed), 0);
        assert_eq!(status.pages_in(State::Fetched), 2);
        assert_eq!(status.pages[&State::Skipped], 1);
    }
}
