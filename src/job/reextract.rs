//! Extraction from a job's stored pages, with no network: `extract --job` runs every stored page through the
//! pipeline again (after a mapping fix), updating outcomes and records in the job, and a mirror run extracts the
//! pages it imported, both through one [`pass`]; [`export`] streams the job's records to a sink (what `run`
//! publishes). All go in bounded batches, so memory stays flat.

use rayon::prelude::*;

use super::parts::JobParts;
use super::{Job, frontier, pages};
use crate::batch::Observer;
use crate::error::Result;
use crate::export::Sink;
use crate::outcome::OutcomeKind;
use crate::pipeline::{
    Options, PageOutcome, PartSource, Processed, SkipReason, page_links, process_crawled,
    process_site,
};
use crate::scope::{Decision, PageKind, Scope};
use crate::site::SitePass;
use crate::source::RawPage;
use crate::summary::Summary;

/// Pages per batch.
const BATCH: usize = 64;

/// The outcome of one stored page of the given kind.
pub fn outcome_for(
    page: &RawPage,
    kind: PageKind,
    opts: &Options,
    parts: &dyn PartSource,
) -> PageOutcome {
    processed_for(page, kind, opts, parts, SitePass::Off).outcome
}

/// One stored page of the given kind through the pipeline, with the site model's part in it.
pub fn processed_for(
    page: &RawPage,
    kind: PageKind,
    opts: &Options,
    parts: &dyn PartSource,
    site: SitePass<'_>,
) -> Processed {
    if kind == PageKind::List {
        return Processed::alone(PageOutcome::Skipped(SkipReason::ListPage));
    }
    process_site(page, opts, parts, site)
}

/// A freshly fetched page of the given kind through the pipeline, with its links for the crawler from the
/// same parse (a list page is parsed for its links only).
pub fn crawled_for(
    page: &RawPage,
    kind: PageKind,
    opts: &Options,
    parts: &dyn PartSource,
) -> Processed {
    if kind == PageKind::List {
        let mut p = Processed::alone(PageOutcome::Skipped(SkipReason::ListPage));
        p.links = page_links(page, opts);
        return p;
    }
    process_crawled(page, opts, parts)
}

/// A stored page's kind: classified by URL again when the mapping has crawl patterns, else as crawled.
pub fn page_kind(scope: &Scope, page: &RawPage, stored: PageKind) -> PageKind {
    let reclassify = !scope.follow.is_empty() || !scope.article.is_empty();
    match (&page.url, reclassify) {
        (Some(u), true) => match scope.classify(u) {
            Decision::Fetch(k) => k,
            _ => stored,
        },
        _ => stored,
    }
}

/// Re-extract every stored page; write the records to `sink`; return the summary. With the site model, the
/// records are written after its pass ([`crate::site::job::refine`]).
pub fn reextract(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    sink: &mut dyn Sink,
    observer: &dyn Observer,
) -> Result<Summary> {
    let started = std::time::Instant::now();
    let mut summary = Summary::default();
    let all = Pass {
        select: Select::All,
        limit: None,
        fallback: None,
    };
    if opts.site_model {
        pass(job, opts, scope, all, observer, &mut |_, _| Ok(()))?;
        summary.site_model =
            crate::site::job::refine(job, opts, scope, None, &crate::batch::Silent)?;
        stored_outcomes(job, &mut |url, outcome| {
            summary.write_and_add(sink, url, &outcome)
        })?;
        summary.set_elapsed(started.elapsed());
        return Ok(summary);
    }
    pass(job, opts, scope, all, observer, &mut |url, outcome| {
        summary.write_and_add(sink, url, outcome)
    })?;
    summary.set_elapsed(started.elapsed());
    Ok(summary)
}

/// Which stored pages a [`pass`] extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    /// Every stored page (`extract --job`).
    All,
    /// Pages imported from a mirror (or changed) since they were last extracted.
    Unextracted,
}

/// What a [`pass`] extracts.
pub struct Pass {
    pub select: Select,
    /// Extract at most this many records in this pass (`--limit`); the pages left keep their state.
    pub limit: Option<u64>,
    /// Where later parts not stored in the job are read from (a mirror run: the files on disk).
    pub fallback: Option<Box<dyn PartSource + Send>>,
}

/// How a pass ended.
#[derive(Debug, Clone, Copy, Default)]
pub struct Passed {
    /// Outcomes recorded.
    pub pages: u64,
    /// Records extracted (new, updated or unchanged) among them.
    pub records: u64,
    /// The limit stopped the pass before every selected page was extracted; the pages left keep their state.
    pub limit_reached: bool,
}

/// Extract the selected stored pages in bounded batches (in parallel), recording each batch's outcomes and
/// records in one transaction, then handing each outcome to `done`.
pub fn pass(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    what: Pass,
    observer: &dyn Observer,
    done: &mut dyn FnMut(&str, &PageOutcome) -> Result<()>,
) -> Result<Passed> {
    let Pass {
        select,
        limit,
        fallback,
    } = what;
    let parts = JobParts::new(job.reader()?, scope.clone()).with_fallback(fallback);
    if opts.site_model {
        crate::site::job::prepare(&job.conn).map_err(job.sql_error())?;
    }
    let site = if opts.site_model {
        SitePass::Observe
    } else {
        SitePass::Off
    };
    let sql = format!(
        "SELECT p.url, p.requested_url, p.status, p.headers, p.http_charset, p.body, p.source_path, p.rowid,
            f.kind
         FROM pages p LEFT JOIN frontier f ON f.url = p.url
         WHERE p.rowid > ?1{} ORDER BY p.rowid LIMIT ?2",
        match select {
            Select::All => "",
            Select::Unextracted => " AND p.unextracted = 1",
        }
    );
    // Records extracted by this pass: `--limit N` gives N records, and the next run the N after them.
    let mut records = 0u64;
    let mut result = Passed::default();
    let mut last_rowid = 0i64;
    loop {
        let batch: Vec<(i64, pages::StoredPage, PageKind)> = {
            let mut stmt = job.conn.prepare_cached(&sql).map_err(job.sql_error())?;
            let rows = stmt
                .query_map([last_rowid, BATCH as i64], |r| {
                    let page = pages::page_row(r)?;
                    let kind: Option<String> = r.get(8)?;
                    Ok((
                        r.get(7)?,
                        page,
                        PageKind::parse(kind.as_deref().unwrap_or("page")),
                    ))
                })
                .map_err(job.sql_error())?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(job.sql_error())?
        };
        let Some(last) = batch.last() else { break };
        last_rowid = last.0;
        if limit.is_some_and(|l| records >= l) {
            result.limit_reached = true;
            break;
        }
        let processed: Vec<(String, PageOutcome, Option<Box<crate::site::Observation>>)> = batch
            .par_iter()
            .map(|(_, page, stored_kind)| {
                let raw = page.raw();
                let kind = page_kind(scope, &raw, *stored_kind);
                let p = processed_for(&raw, kind, opts, &parts, site);
                observer.page_done(&page.url, &p.outcome);
                (page.url.clone(), p.outcome, p.observation)
            })
            .collect();
        let (outcomes, observations): (Vec<(String, PageOutcome)>, Vec<_>) = processed
            .into_iter()
            .map(|(url, outcome, obs)| ((url, outcome), obs))
            .unzip();
        parts.take_missing();
        let mut now = records;
        let recorded = job.transaction(|tx| {
            let mut n = 0;
            for (url, outcome) in &outcomes {
                let extracted = matches!(outcome, PageOutcome::Extracted(_));
                if extracted && limit.is_some_and(|l| now >= l) {
                    break;
                }
                pages::set_outcome(tx, url, outcome)?;
                if let Some(obs) = &observations[n] {
                    crate::site::job::observed(tx, url, obs, outcome)?;
                }
                if extracted {
                    now += 1;
                }
                n += 1;
            }
            Ok(n)
        })?;
        result.records += now - records;
        records = now;
        for (url, outcome) in &outcomes[..recorded] {
            done(url, outcome)?;
        }
        result.pages += recorded as u64;
        if recorded < outcomes.len() {
            result.limit_reached = true;
            break;
        }
    }
    Ok(result)
}

/// A stored page's outcome as read back: rowid, URL, outcome kind, reason, record JSON.
type StoredRow = (i64, String, OutcomeKind, Option<String>, Option<String>);

/// Hand every stored page's outcome to `done`, in the job's page order (what `extract --job` writes).
fn stored_outcomes(job: &Job, done: &mut dyn FnMut(&str, PageOutcome) -> Result<()>) -> Result<()> {
    job.paged(
        "SELECT p.rowid, p.url, o.kind, o.reason, r.json FROM pages p
         JOIN outcomes o ON o.url = p.url LEFT JOIN records r ON r.id = o.record_id
         WHERE p.rowid > ?1 ORDER BY p.rowid LIMIT ?2",
        (0i64, BATCH),
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        |row: &StoredRow| row.0,
        |(_, url, kind, reason, json)| done(&url, pages::outcome_from_row(kind, reason, json)),
    )
}

/// Write every record in the job to `sink` (ordered by URL) and summarize the job: outcomes of stored pages,
/// and the URLs that failed or were skipped before being stored.
pub fn export(job: &Job, sink: &mut dyn Sink) -> Result<Summary> {
    let mut summary = Summary::default();
    job.paged(
        "SELECT o.url, o.kind, o.reason, r.json FROM outcomes o
         LEFT JOIN records r ON r.id = o.record_id
         WHERE o.url > ?1 ORDER BY o.url LIMIT ?2",
        (String::new(), BATCH),
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        |row: &(String, OutcomeKind, Option<String>, Option<String>)| row.0.clone(),
        |(url, kind, reason, json)| {
            summary.write_and_add(sink, &url, &pages::outcome_from_row(kind, reason, json))
        },
    )?;
    // URLs that never became stored pages.
    let mut stmt = job
        .conn
        .prepare(
            "SELECT url, state, last_error FROM frontier WHERE state IN ('failed', 'skipped')
             AND last_error NOT LIKE 'redirected to %' ORDER BY id",
        )
        .map_err(job.sql_error())?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, frontier::State>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .map_err(job.sql_error())?;
    for row in rows {
        let (url, state, reason) = row.map_err(job.sql_error())?;
        let reason = reason.unwrap_or_else(|| state.as_str().to_string());
        if state == frontier::State::Failed {
            summary.add_fetch_failure(&url, &reason);
        } else {
            summary.add_not_fetched(&url, &reason);
        }
    }
    Ok(summary)
}
