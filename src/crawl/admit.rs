//! What enters the frontier: the start URLs (remembered in the job so a resumed crawl needs none), failures
//! worth another try, every fetched page again for `--update`, and each discovered link — known already, out
//! of scope (recorded with the reason), over a trap limit (recorded, and warned about once per limit), or queued.
//! A link from a list's pager to its next page keeps the list's depth: depth counts levels of the site, not
//! pages of one column (the list limit bounds those instead).

use rusqlite::Connection;
use url::Url;

use super::scope::{Decision, PageKind, Scope};
use super::settings::{CrawlSettings, hosts_of};
use super::traps::{folder_keys, host_key, list_key, pattern_key, query_key};
use crate::error::Result;
use crate::job::skips::TrapLimit;
use crate::job::{Insert, Job, State};
use crate::job::{attachments as att, frontier};

/// Queue the start URLs (remembered in the job, so a resumed crawl needs none), requeue retryable failures,
/// and for `--update` every fetched page.
pub(super) fn seed(job: &mut Job, settings: &mut CrawlSettings) -> Result<()> {
    if settings.start_urls.is_empty() {
        let stored = job.meta("start_urls")?.unwrap_or_default();
        settings.start_urls = serde_json::from_str::<Vec<String>>(&stored)
            .unwrap_or_default()
            .iter()
            .filter_map(|s| Url::parse(s).ok())
            .collect();
        if settings.scope.allowed_hosts.is_empty() {
            settings.scope.allowed_hosts = hosts_of(&settings.start_urls);
        }
        settings.scope.set_roots(&settings.start_urls);
    }
    let starts: Vec<String> = settings
        .start_urls
        .iter()
        .filter_map(|u| settings.scope.canonicalize(u))
        .map(|u| u.to_string())
        .collect();
    let scope = settings.scope.clone();
    let update = settings.update;
    let (requeued, revisits) = job.transaction(|tx| {
        for s in &starts {
            let url = Url::parse(s).expect("canonical URLs parse");
            frontier::insert(
                tx,
                &Insert {
                    url: s,
                    depth: 0,
                    kind: scope.start_kind(&url),
                    state: State::Queued,
                    reason: None,
                    from: None,
                },
            )?;
        }
        let requeued = frontier::requeue_retryable(tx)? + att::requeue_failed(tx)?;
        let revisits = if update {
            frontier::requeue_fetched(tx)?
        } else {
            0
        };
        Ok((requeued, revisits))
    })?;
    if job.meta("start_urls")?.is_none() && !starts.is_empty() {
        job.set_meta(
            "start_urls",
            &serde_json::to_string(&starts).unwrap_or_default(),
        )?;
    }
    if requeued > 0 {
        tracing::info!("{}", crate::t!("log-requeued", requeued = requeued));
    }
    if revisits > 0 {
        tracing::info!("{}", crate::t!("log-revisits", revisits = revisits));
    }
    let queued: i64 = job
        .conn
        .query_row(
            "SELECT count(*) FROM frontier WHERE state = 'queued'",
            [],
            |r| r.get(0),
        )
        .map_err(job.sql_error())?;
    if queued == 0 && starts.is_empty() {
        let total: i64 = job
            .conn
            .query_row("SELECT count(*) FROM frontier", [], |r| r.get(0))
            .map_err(job.sql_error())?;
        if total == 0 {
            return Err(crate::Error::NoStartUrls);
        }
    }
    Ok(())
}

/// What admitting a link did.
pub(super) enum Admitted {
    Queued,
    Skipped,
    Known,
}

/// Decide a discovered link: known already, out of scope (recorded), over a trap limit (recorded), or queued.
/// `depth` is the linking page's; a `pagination` link (another page of the same list) keeps it.
pub(super) fn admit(
    conn: &Connection,
    scope: &Scope,
    settings: &CrawlSettings,
    url: &Url,
    pagination: bool,
    depth: u32,
    from: &str,
) -> rusqlite::Result<Admitted> {
    let depth = if pagination { depth } else { depth + 1 };
    let s = url.as_str();
    if frontier::state_of(conn, s)?.is_some() {
        return Ok(Admitted::Known);
    }
    let skip = |reason: &str, kind: PageKind| -> rusqlite::Result<Admitted> {
        frontier::insert(
            conn,
            &Insert {
                url: s,
                depth,
                kind,
                state: State::Skipped,
                reason: Some(reason),
                from: Some(from),
            },
        )?;
        tracing::debug!(url = s, reason, "link skipped");
        Ok(Admitted::Skipped)
    };
    let kind = match scope.classify(url) {
        Decision::Ignore => return Ok(Admitted::Known),
        Decision::Skip(dropped) => return skip(&dropped.reason(), PageKind::Page),
        Decision::Fetch(kind) => kind,
    };
    let limits = settings.traps;
    if depth > limits.max_depth {
        return trap(
            conn,
            &format!("d:{}", limits.max_depth),
            TrapLimit::Depth {
                depth,
                max: limits.max_depth,
            },
            skip,
            kind,
        );
    }
    let pk = pattern_key(url);
    if frontier::count(conn, &pk)? >= limits.max_pages_per_pattern {
        return trap(
            conn,
            &pk,
            TrapLimit::Pattern {
                max: limits.max_pages_per_pattern,
                pattern: pk[2..].to_string(),
            },
            skip,
            kind,
        );
    }
    let qk = query_key(url);
    if let Some(qk) = &qk
        && frontier::count(conn, qk)? >= limits.max_query_variants
    {
        return trap(
            conn,
            qk,
            TrapLimit::Query {
                max: limits.max_query_variants,
                path: qk[2..].to_string(),
            },
            skip,
            kind,
        );
    }
    let hk = host_key(url);
    if frontier::count(conn, &hk)? >= limits.max_pages_per_host {
        return trap(
            conn,
            &hk,
            TrapLimit::Host {
                max: limits.max_pages_per_host,
                host: hk[2..].to_string(),
            },
            skip,
            kind,
        );
    }
    let folders = folder_keys(url);
    for (folder, name) in &folders {
        let seen = format!("{folder}\u{1f}{name}");
        if frontier::count(conn, &seen)? == 0
            && frontier::count(conn, folder)? >= limits.max_path_variants
        {
            return trap(
                conn,
                folder,
                TrapLimit::PathVariants {
                    max: limits.max_path_variants,
                    folder: folder[2..].to_string(),
                },
                skip,
                kind,
            );
        }
    }
    let lk = pagination.then(|| list_key(&pk));
    if let Some(lk) = &lk
        && frontier::count(conn, lk)? >= limits.max_list_pages
    {
        return trap(
            conn,
            lk,
            TrapLimit::ListPages {
                max: limits.max_list_pages,
                list: lk[2..].to_string(),
            },
            skip,
            kind,
        );
    }
    frontier::insert(
        conn,
        &Insert {
            url: s,
            depth,
            kind,
            state: State::Queued,
            reason: None,
            from: Some(from),
        },
    )?;
    frontier::bump(conn, &pk)?;
    if let Some(qk) = &qk {
        frontier::bump(conn, qk)?;
    }
    frontier::bump(conn, &hk)?;
    for (folder, name) in &folders {
        if frontier::bump(conn, &format!("{folder}\u{1f}{name}"))? == 1 {
            frontier::bump(conn, folder)?;
        }
    }
    if let Some(lk) = &lk {
        frontier::bump(conn, lk)?;
    }
    Ok(Admitted::Queued)
}

/// Record a trap-limit skip; warn the first time each limit is hit.
fn trap(
    conn: &Connection,
    key: &str,
    limit: TrapLimit,
    skip: impl Fn(&str, PageKind) -> rusqlite::Result<Admitted>,
    kind: PageKind,
) -> rusqlite::Result<Admitted> {
    let reason = limit.to_string();
    if frontier::bump(conn, &format!("hit:{key}"))? == 1 {
        tracing::warn!(
            "{}",
            crate::t!(
                "log-trap-limit",
                reason = crate::outcome::localized(&reason)
            )
        );
    }
    skip(&reason, kind)
}
