//! The site model over a job's stored pages (`extract --job`, `run` over a mirror or a crawl). Observations are
//! kept in the job (`site_pages`: one row per stored page, with the body hash it was observed on), so a run that
//! extracts only the pages that changed still learns from every page of the site. [`refine`] runs after the
//! job's extraction pass: it observes the pages that have no current observation (pages a crawl stored), learns
//! the model from every observation, and extracts again — from the stored bytes — each page whose outcome no
//! longer matches what the model says about it: the model's effect on a page is summed up in a fingerprint kept
//! with the outcome it produced, so an unchanged model re-extracts nothing, and an outcome another pass rewrote
//! (without the model) is recognised by its signature and brought back in line. The report is kept in the job's
//! `meta` table for `status` and the report.

use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};

use super::apply::SitePass;
use super::model::{Learner, Plan, SiteModel};
use super::report::{Final, ReportBuilder, SiteReport};
use super::signature::{FORMAT, Observation, SKETCH_SIZE, mix};
use crate::batch::Observer;
use crate::error::Result;
use crate::job::parts::JobParts;
use crate::job::reextract::{page_kind, processed_for};
use crate::job::{Job, pages};
use crate::outcome::OutcomeKind;
use crate::pipeline::{Options, PageOutcome, PartSource};
use crate::scope::Scope;

/// The `meta` key holding the last [`SiteReport`] as JSON.
pub const META_KEY: &str = "site_model";

/// Pages handled at once.
const BATCH: usize = 64;

const TABLE: &str = "
CREATE TABLE IF NOT EXISTS site_pages (
    url          TEXT PRIMARY KEY,  -- pages.url
    body_sha256  TEXT NOT NULL,     -- the stored body the observation was made on
    observation  BLOB NOT NULL,
    applied      TEXT NOT NULL,     -- fingerprint of the model's effect on the stored outcome ('' for none)
    outcome_sig  TEXT NOT NULL,     -- the stored outcome when the fingerprint was set
    final_observation BLOB,         -- the page after the model changed it (for the report)
    stripped     TEXT               -- JSON list of the repeated lines the model left out of the body
);";

/// Create the table of observations (idempotent).
pub fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(TABLE)
}

/// The signature of an outcome as stored: its kind and its record's hash or its reason.
fn outcome_sig(outcome: &PageOutcome) -> String {
    match outcome {
        PageOutcome::Extracted(r) => format!("extracted:{}", crate::export::record_hash(r)),
        PageOutcome::Skipped(why) => format!("skipped:{why}"),
        PageOutcome::Failed(why) => format!("failed:{why}"),
    }
}

/// Record a page's observation next to the outcome a pass without the model just stored for it.
pub fn observed(
    conn: &Connection,
    url: &str,
    obs: &Observation,
    outcome: &PageOutcome,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO site_pages (url, body_sha256, observation, applied, outcome_sig)
         SELECT url, body_sha256, ?2, '', ?3 FROM pages WHERE url = ?1
         ON CONFLICT(url) DO UPDATE SET body_sha256 = excluded.body_sha256,
            observation = excluded.observation, applied = '', outcome_sig = excluded.outcome_sig,
            final_observation = NULL, stripped = NULL",
    )?
    .execute(params![url, obs.to_bytes(), outcome_sig(outcome)])?;
    Ok(())
}

/// What the model does to one page, summed up: equal fingerprints, equal outcomes. A page the model changes
/// has its plan and the digest of everything its template tells it ([`super::apply::TemplateHint::digest`]).
fn fingerprint(plan: Plan, digest: u64) -> String {
    let flags = [
        plan.strip,
        plan.body,
        plan.title,
        plan.meta,
        plan.breadcrumb,
        plan.kind,
        plan.credits,
        plan.frames,
    ];
    let x = mix(flags
        .iter()
        .enumerate()
        .fold(0u64, |acc, (i, f)| acc | u64::from(*f) << i));
    let x = mix(x ^ digest);
    format!("{x:016x}")
}

/// Learn the site model from every stored page and bring each page's stored outcome in line with it. Returns
/// the model's report (also kept in the job's `meta`), or `None` when the job has too few pages for a template.
/// Pages are streamed in the job's page order in batches: memory holds the pages' sketches and a batch.
pub fn refine(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    fallback: Option<Box<dyn PartSource + Send>>,
    observer: &dyn Observer,
) -> Result<Option<SiteReport>> {
    prepare(&job.conn).map_err(job.sql_error())?;
    let parts = JobParts::new(job.reader()?, scope.clone()).with_fallback(fallback);
    let Some((model, pages)) = learn_with(job, opts, scope, &parts, observer)? else {
        return Ok(None);
    };
    let digests: Vec<u64> = model.templates.iter().map(|t| t.hint.digest()).collect();

    // 3. Bring every outcome in line with the model, batch by batch.
    let mut report = ReportBuilder::new(&model, pages);
    let mut last = 0i64;
    let mut k = 0usize;
    loop {
        let batch: Vec<Stored> = query(job, STORED, last, stored_row)?;
        let Some(end) = batch.last() else { break };
        last = end.rowid;
        let mut due: Vec<Due> = Vec::new();
        for stored in batch {
            let Some(obs) = Observation::from_bytes(&stored.observation) else {
                continue;
            };
            let page = k;
            k += 1;
            let plan = model.plan(page, &obs);
            let template = model.template_index(page);
            let print = match template {
                Some(t) if plan.any() => fingerprint(plan, digests[t]),
                _ => String::new(),
            };
            // The stored outcome is what the model applied last, unless another pass rewrote it since.
            let applied = if stored.outcome_sig == stored.sig {
                stored.applied.as_str()
            } else {
                ""
            };
            let again = applied != print;
            due.push(Due {
                page,
                obs,
                plan,
                print,
                again,
                stored,
            });
        }
        let loaded: Vec<(usize, Loaded)> = due
            .iter()
            .enumerate()
            .filter(|(_, d)| d.again)
            .filter_map(|(i, d)| Some((i, load_page(job, &d.stored.url, scope)?)))
            .collect();
        let mut extracted: Vec<Option<crate::pipeline::Processed>> =
            due.iter().map(|_| None).collect();
        let results: Vec<(usize, crate::pipeline::Processed)> = loaded
            .into_par_iter()
            .map(|(i, (raw, kind))| {
                let d = &due[i];
                let site = match model.template_of(d.page) {
                    Some(t) if d.plan.any() => SitePass::Apply(&t.hint, d.plan),
                    _ => SitePass::Off,
                };
                (i, processed_for(&raw, kind, opts, &parts, site))
            })
            .collect();
        parts.take_missing();
        for (i, p) in results {
            extracted[i] = Some(p);
        }
        let mut writes: Vec<Write> = Vec::new();
        for (d, p) in due.iter().zip(extracted) {
            let url = &d.stored.url;
            let Some(p) = p else {
                // Unchanged: report it from what the job keeps.
                let last_obs = d
                    .stored
                    .final_observation
                    .as_deref()
                    .and_then(Observation::from_bytes);
                let stripped: Vec<String> = d
                    .stored
                    .stripped
                    .as_deref()
                    .and_then(|s| serde_json::from_str(s).ok())
                    .unwrap_or_default();
                report.add(Final {
                    page: d.page,
                    label: url,
                    plan: d.plan,
                    skipped: d.stored.skipped.clone(),
                    obs: last_obs.as_ref().unwrap_or(&d.obs),
                    stripped: &stripped,
                });
                continue;
            };
            let final_obs = p.observation.filter(|_| d.plan.any());
            report.add(Final {
                page: d.page,
                label: url,
                plan: d.plan,
                skipped: p.outcome.reason(),
                obs: final_obs.as_deref().unwrap_or(&d.obs),
                stripped: &p.stripped,
            });
            writes.push(Write {
                url: url.clone(),
                outcome: p.outcome,
                print: d.print.clone(),
                final_obs: final_obs.map(|o| o.to_bytes()),
                stripped: (!p.stripped.is_empty())
                    .then(|| serde_json::to_string(&p.stripped).unwrap_or_default()),
            });
        }
        job.transaction(|tx| {
            for w in &writes {
                pages::set_outcome(tx, &w.url, &w.outcome)?;
                tx.prepare_cached(
                    "UPDATE site_pages SET applied = ?2, outcome_sig = ?3, final_observation = ?4,
                        stripped = ?5 WHERE url = ?1",
                )?
                .execute(params![
                    w.url,
                    w.print,
                    outcome_sig(&w.outcome),
                    w.final_obs,
                    w.stripped
                ])?;
            }
            Ok(())
        })?;
    }
    let report = report.finish();
    let json = serde_json::to_string(&report).expect("a report always serializes");
    job.set_meta(META_KEY, &json)?;
    Ok(Some(report))
}

/// Learn the site model from every page stored in the job (observing the pages without a current observation
/// first): for `mapping draft --job`. `None` when the job has too few pages for a template.
pub fn learn(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    observer: &dyn Observer,
) -> Result<Option<SiteModel>> {
    prepare(&job.conn).map_err(job.sql_error())?;
    let parts = JobParts::new(job.reader()?, scope.clone());
    Ok(learn_with(job, opts, scope, &parts, observer)?.map(|(model, _)| model))
}

/// Steps 1 and 2 of [`refine`]: the model and the number of observed pages.
fn learn_with(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    parts: &JobParts,
    observer: &dyn Observer,
) -> Result<Option<(SiteModel, u64)>> {
    // 1. Observe the stored pages that have no observation of their current body (pages a crawl stored), or
    //    only one an older sitelift made (another format).
    let mut last = 0i64;
    loop {
        let batch: Vec<(i64, String, bool)> = query(
            job,
            &format!(
                "SELECT p.rowid, p.url, s.body_sha256 IS NULL OR s.body_sha256 != p.body_sha256
                    OR substr(s.observation, 1, 1) != x'{FORMAT:02x}'
                 FROM pages p LEFT JOIN site_pages s ON s.url = p.url
                 WHERE p.rowid > ?1 AND p.pending = 0
                    AND EXISTS (SELECT 1 FROM outcomes o WHERE o.url = p.url)
                 ORDER BY p.rowid LIMIT ?2"
            ),
            last,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let Some(end) = batch.last() else { break };
        last = end.0;
        let loaded: Vec<(String, Loaded)> = batch
            .into_iter()
            .filter(|(_, _, stale)| *stale)
            .filter_map(|(_, url, _)| load_page(job, &url, scope).map(|p| (url, p)))
            .collect();
        let observed: Vec<(String, Option<Observation>)> = loaded
            .into_par_iter()
            .map(|(url, (raw, kind))| {
                let p = processed_for(&raw, kind, opts, parts, SitePass::Observe);
                observer.page_done(&url, &p.outcome);
                (url, p.observation.map(|o| *o))
            })
            .collect();
        parts.take_missing();
        job.transaction(|tx| {
            for (url, obs) in &observed {
                let Some(obs) = obs else { continue };
                tx.prepare_cached(
                    "INSERT INTO site_pages (url, body_sha256, observation, applied, outcome_sig)
                     SELECT url, body_sha256, ?2, '', '' FROM pages WHERE url = ?1
                     ON CONFLICT(url) DO UPDATE SET body_sha256 = excluded.body_sha256,
                        observation = excluded.observation, applied = '', outcome_sig = '',
                        final_observation = NULL, stripped = NULL",
                )?
                .execute(params![url, obs.to_bytes()])?;
            }
            Ok(())
        })?;
    }

    // 2. Learn: the sketches first, then every observation, in the job's page order.
    let mut sketches: Vec<[u32; SKETCH_SIZE]> = Vec::new();
    each_observation(job, &mut |_, obs| {
        sketches.push(obs.sketch);
        Ok(())
    })?;
    if sketches.len() < super::templates::MIN_TEMPLATE_PAGES {
        return Ok(None);
    }
    let mut learner = Learner::new(&sketches);
    let pages = sketches.len() as u64;
    drop(sketches);
    let mut k = 0usize;
    each_observation(job, &mut |url, obs| {
        learner.add(k, &obs, url);
        k += 1;
        Ok(())
    })?;
    Ok(Some((learner.finish(), pages)))
}

/// A stored page with its observation row and its outcome, as step 3 of [`refine`] reads it.
struct Stored {
    rowid: i64,
    url: String,
    observation: Vec<u8>,
    applied: String,
    outcome_sig: String,
    final_observation: Option<Vec<u8>>,
    stripped: Option<String>,
    /// The signature of the outcome stored now.
    sig: String,
    /// Why it is not exported (None: it is).
    skipped: Option<String>,
}

const STORED: &str = "SELECT p.rowid, p.url, s.observation, s.applied, s.outcome_sig,
        s.final_observation, s.stripped, o.kind, o.reason, r.record_hash
    FROM pages p JOIN site_pages s ON s.url = p.url AND s.body_sha256 = p.body_sha256
    JOIN outcomes o ON o.url = p.url LEFT JOIN records r ON r.id = o.record_id
    WHERE p.rowid > ?1 AND p.pending = 0 ORDER BY p.rowid LIMIT ?2";

fn stored_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    let kind: OutcomeKind = r.get(7)?;
    let reason: Option<String> = r.get(8)?;
    let hash: Option<String> = r.get(9)?;
    let (sig, skipped) = match kind {
        OutcomeKind::Extracted => (format!("{kind}:{}", hash.unwrap_or_default()), None),
        _ => {
            let reason = reason.unwrap_or_default();
            (format!("{kind}:{reason}"), Some(reason))
        }
    };
    Ok(Stored {
        rowid: r.get(0)?,
        url: r.get(1)?,
        observation: r.get(2)?,
        applied: r.get(3)?,
        outcome_sig: r.get(4)?,
        final_observation: r.get(5)?,
        stripped: r.get(6)?,
        sig,
        skipped,
    })
}

/// A page of step 3 of [`refine`]: what the model says about it and whether its outcome must change.
struct Due {
    /// Its index among the observed pages.
    page: usize,
    obs: Observation,
    plan: Plan,
    print: String,
    /// Extract it again (with its plan, or without the model to undo an old one).
    again: bool,
    stored: Stored,
}

/// An outcome to store, with the model's state for it.
struct Write {
    url: String,
    outcome: PageOutcome,
    print: String,
    final_obs: Option<Vec<u8>>,
    stripped: Option<String>,
}

/// A batch of rows after `last` (a rowid), with the batch size as the second parameter.
fn query<T>(
    job: &Job,
    sql: &str,
    last: i64,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = job.conn.prepare_cached(sql).map_err(job.sql_error())?;
    let rows = stmt
        .query_map(params![last, BATCH as i64], row)
        .map_err(job.sql_error())?;
    rows.collect::<rusqlite::Result<Vec<T>>>()
        .map_err(job.sql_error())
}

/// Every current observation (of a stored page with an outcome), in the job's page order.
fn each_observation(job: &Job, f: &mut dyn FnMut(&str, Observation) -> Result<()>) -> Result<()> {
    let mut last = 0i64;
    loop {
        let batch: Vec<(i64, String, Vec<u8>)> = query(
            job,
            "SELECT p.rowid, p.url, s.observation
             FROM pages p JOIN site_pages s ON s.url = p.url AND s.body_sha256 = p.body_sha256
             WHERE p.rowid > ?1 AND p.pending = 0 AND EXISTS (SELECT 1 FROM outcomes o WHERE o.url = p.url)
             ORDER BY p.rowid LIMIT ?2",
            last,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let Some(end) = batch.last() else { break };
        last = end.0;
        for (_, url, bytes) in batch {
            if let Some(obs) = Observation::from_bytes(&bytes) {
                f(&url, obs)?;
            }
        }
    }
    Ok(())
}

/// A stored page read back, and its crawl kind.
type Loaded = (crate::source::RawPage, crate::scope::PageKind);

/// A stored page, read back, and its crawl kind.
fn load_page(job: &Job, url: &str, scope: &Scope) -> Option<Loaded> {
    let page = pages::load(&job.conn, url).ok().flatten()?;
    let stored: Option<String> = job
        .conn
        .query_row("SELECT kind FROM frontier WHERE url = ?1", [url], |r| {
            r.get(0)
        })
        .optional()
        .ok()
        .flatten();
    let raw = page.raw();
    let kind = page_kind(
        scope,
        &raw,
        crate::scope::PageKind::parse(stored.as_deref().unwrap_or("page")),
    );
    Some((raw, kind))
}

/// The report kept in a job by its last run with the model.
pub fn stored_report(job: &Job) -> Result<Option<SiteReport>> {
    Ok(job
        .meta(META_KEY)?
        .and_then(|json| serde_json::from_str(&json).ok()))
}
