//! A local mirror read into the job, so `run PATH` is a job like a crawl: [`import`] stores each page file as a
//! fetched page (keyed by its public URL from the [`UrlPolicy`] the files source uses, else by its `file:` URL;
//! the file as `requested_url`, its path below the mirror folder, the raw bytes), one transaction per chunk, and
//! only when its content hash differs from what the job holds; [`extract`] then runs the pages imported or
//! changed since their last extraction through the same [`pass`] as `extract --job`. A changed later part makes
//! its first part due again, so the merged record follows. Unreadable and oversized files are failed frontier
//! rows, as a failed fetch is.

use std::collections::HashSet;

use rayon::prelude::*;
use url::Url;

use super::parts::locate;
use super::reextract::{Pass, Select, pass};
use super::{Insert, Job, State, frontier, pages};
use crate::batch::Observer;
use crate::error::Result;
use crate::pipeline::{Options, PageOutcome, PartSource, SkipReason, too_large};
use crate::scope::{PageKind, Scope};
use crate::source::files::{FileInput, UrlPolicy, path_text};

/// Files read at once; bounds memory to a chunk's bytes.
const CHUNK: usize = 64;

/// What an import did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Imported {
    pub files: u64,
    /// Pages new to the job.
    pub new: u64,
    /// Pages whose content changed since the last import.
    pub changed: u64,
    /// Pages stored already with the same content: not imported again.
    pub unchanged: u64,
    /// Files that could not be read, or are over the size limit.
    pub failed: u64,
    /// Files whose URL is another file's (the first one is imported).
    pub duplicates: u64,
}

/// One file, read (or why not).
struct Read {
    key: String,
    file_url: String,
    rel: String,
    body: std::result::Result<Vec<u8>, String>,
}

/// Import the mirror's page files into the job.
pub fn import(
    job: &mut Job,
    files: &[FileInput],
    urls: &UrlPolicy,
    scope: &Scope,
    max_page_bytes: usize,
) -> Result<Imported> {
    let mut report = Imported::default();
    let mut seen: HashSet<String> = HashSet::new();
    for chunk in files.chunks(CHUNK) {
        let read: Vec<Read> = chunk
            .par_iter()
            .map(|input| read_file(input, urls, scope, max_page_bytes))
            .collect();
        job.transaction(|tx| {
            for file in &read {
                report.files += 1;
                if !seen.insert(file.key.clone()) {
                    report.duplicates += 1;
                    continue;
                }
                let body = match &file.body {
                    Ok(body) => body,
                    Err(why) => {
                        report.failed += 1;
                        mark(tx, file, State::Failed, Some(why))?;
                        continue;
                    }
                };
                let hash = pages::body_sha256(body);
                match pages::stored_hash(tx, &file.key)? {
                    Some((h, rel)) if h == hash && rel.as_deref() == Some(&file.rel) => {
                        report.unchanged += 1;
                        continue;
                    }
                    Some(_) => report.changed += 1,
                    None => report.new += 1,
                }
                let page = pages::StoredPage {
                    url: file.key.clone(),
                    requested_url: file.file_url.clone(),
                    status: 200,
                    headers: Vec::new(),
                    http_charset: None,
                    body: body.clone(),
                    source_path: Some(file.rel.clone()),
                };
                pages::store(tx, &page, false)?;
                pages::set_unextracted(tx, &file.key)?;
                mark(tx, file, State::Fetched, None)?;
            }
            Ok(())
        })?;
    }
    Ok(report)
}

/// Read a file and name it: its public URL (canonical), else its `file:` URL.
fn read_file(input: &FileInput, urls: &UrlPolicy, scope: &Scope, max: usize) -> Read {
    let absolute = std::fs::canonicalize(&input.path).unwrap_or_else(|_| input.path.clone());
    let file_url = Url::from_file_path(&absolute)
        .map(String::from)
        .unwrap_or_else(|_| path_text(&absolute));
    let key = urls
        .url_for(input)
        .and_then(|u| scope.canonicalize(&u))
        .map(String::from)
        .unwrap_or_else(|| file_url.clone());
    // A file over the size limit is refused by its size, before it is read into memory.
    let size = std::fs::metadata(&input.path).map_or(0, |m| m.len());
    let body = match too_large(size, max) {
        _ if input.unreadable.is_some() => Err(input.unreadable.clone().unwrap_or_default()),
        Some(PageOutcome::Failed(why)) => Err(why.to_string()),
        _ => std::fs::read(&input.path)
            .map_err(|e| crate::outcome::FailReason::Unreadable(e.to_string()).to_string()),
    };
    Read {
        key,
        file_url,
        rel: input.rel.clone(),
        body,
    }
}

/// Set a file's frontier row (a page of the mirror's top level: depth 0, kind decided on extraction).
fn mark(
    tx: &rusqlite::Connection,
    file: &Read,
    state: State,
    why: Option<&str>,
) -> rusqlite::Result<()> {
    let row = Insert {
        url: &file.key,
        depth: 0,
        kind: PageKind::Page,
        state,
        reason: why,
        from: Some(&file.file_url),
    };
    if !frontier::insert(tx, &row)?
        && let Some(known) = frontier::get(tx, &file.key)?
    {
        frontier::set_state(tx, known.id, state, 1, why, false)?;
    }
    Ok(())
}

/// What an extraction did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extracted {
    /// Outcomes recorded (a first part whose later part changed may count twice).
    pub pages: u64,
    /// `--limit` stopped it; the pages left are extracted by the next run.
    pub limit_reached: bool,
}

/// Extract the pages due (imported or changed since their last extraction). A continuation page makes its
/// first part due again, so a changed later part reaches the merged record. A later part that was not imported
/// (a single file given without it) is read from disk as `extract` reads it: `disk` makes that part source.
pub fn extract(
    job: &mut Job,
    opts: &Options,
    scope: &Scope,
    limit: Option<u64>,
    observer: &dyn Observer,
    disk: &dyn Fn() -> Box<dyn PartSource + Send>,
) -> Result<Extracted> {
    let mut result = Extracted::default();
    let mut records = 0u64;
    // A first part is due again at most twice (a part that names its own first part as a part cannot loop).
    for _ in 0..3 {
        let mut heads: Vec<Url> = Vec::new();
        let due = Pass {
            select: Select::Unextracted,
            limit: limit.map(|l| l.saturating_sub(records)),
            fallback: Some(disk()),
        };
        let done = pass(job, opts, scope, due, observer, &mut |url, outcome| {
            if let PageOutcome::Skipped(SkipReason::Continuation(head)) = outcome
                && let Some(head) = Url::parse(url).ok().and_then(|u| locate(scope, &u, head))
            {
                heads.push(head);
            }
            Ok(())
        })?;
        result.pages += done.pages;
        records += done.records;
        result.limit_reached = done.limit_reached;
        let mut again = false;
        job.transaction(|tx| {
            for head in &heads {
                again |= pages::set_unextracted(tx, head.as_str())?;
            }
            Ok(())
        })?;
        if !again || done.limit_reached {
            break;
        }
    }
    Ok(result)
}

/// Pages imported but not extracted yet (after a `--limit` run).
pub fn unextracted(job: &Job) -> Result<u64> {
    job.conn
        .query_row(
            "SELECT count(*) FROM pages WHERE unextracted = 1",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n as u64)
        .map_err(job.sql_error())
}
