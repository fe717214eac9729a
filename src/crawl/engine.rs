//! The crawl loop. Fetches run concurrently on a tokio runtime (bounded per host by the politeness gates);
//! their results come back to this one loop, which owns the job store and records each result in one
//! transaction: the page, its outcome and record, the links it adds to the frontier. Nothing lives only in
//! memory, so memory stays flat however large the site and a killed crawl resumes exactly.
//!
//! The first Ctrl-C (or SIGTERM) stops launching requests, lets the ones on the wire finish and be recorded, and
//! returns; requests waiting (for a slot, a delay or a retry) give up at once and stay queued, so it stops within
//! seconds even while a server asks for minutes of back-off. A second one exits at once (the job is still
//! consistent: every change is a transaction). A host the circuit breaker pauses ([`Politeness`]) gets no more
//! requests this run; its URLs stay queued and the report names it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tokio::task::JoinSet;
use url::Url;

use super::admit::{Admitted, admit, seed};
use super::attachments::{FileCollector, stored_name};
use super::fetch::{Failure, Fetched, Shared};
use super::scope::PageKind;
use super::settings::CrawlSettings;
use super::signals::Signals;
use crate::decode::charset_from_content_type;
use crate::error::Result;
use crate::extract::outlinks::Link;
use crate::job::parts::JobParts;
use crate::job::reextract::{crawled_for, outcome_for};
use crate::job::{AttachmentRow, AttachmentState, Download, FrontierRow, Insert, Job, State};
use crate::job::{attachments as att, frontier, pages};
use crate::pipeline::{Options, PageOutcome};
use crate::source::http::Fetcher;
use crate::source::politeness::Politeness;

/// Counts shown while crawling: the job's (all runs) and this run's.
#[derive(Debug, Clone, Default)]
pub struct CrawlProgress {
    /// URLs in the frontier that will be or were fetched (skipped ones excluded).
    pub discovered: u64,
    pub fetched: u64,
    pub failed: u64,
    /// URLs not fetched, with a reason: out of scope, robots.txt, trap limits, redirects to known pages.
    pub skipped: u64,
    /// Pages fetched by this run (a resumed job's earlier pages excluded).
    pub fetched_now: u64,
    /// Pages that failed in this run.
    pub failed_now: u64,
    /// Links found on the pages this run fetched (each occurrence; most are known already or not followed).
    pub links_seen: u64,
    pub records: u64,
    pub attachments: u64,
    pub in_flight: usize,
}

/// Told about progress (the binary draws a bar).
pub trait CrawlObserver: Sync {
    fn progress(&self, p: &CrawlProgress);
    fn message(&self, msg: &str);
}

/// No progress display.
pub struct NoProgress;

impl CrawlObserver for NoProgress {
    fn progress(&self, _: &CrawlProgress) {}
    fn message(&self, _: &str) {}
}

/// How a crawl run ended.
#[derive(Debug, Clone, Default)]
pub struct CrawlReport {
    pub progress: CrawlProgress,
    /// Pages that failed in this run.
    pub failed_now: u64,
    /// Pages fetched in this run.
    pub fetched_now: u64,
    pub interrupted: bool,
    pub limit_reached: bool,
    pub elapsed: Duration,
    /// Hosts paused by the circuit breaker, and why: their URLs wait for the next run.
    pub paused_hosts: Vec<(String, String)>,
}

/// The error for a fetch task that ended without its result — it panicked (a bug, whose message the panic hook
/// has printed) or the runtime cancelled it: the crawl stops; what the job stored stays.
fn task_died(
    e: tokio::task::JoinError,
    url: Option<String>,
    job: &std::path::Path,
) -> crate::Error {
    let panic = e.try_into_panic().ok().map(|payload| {
        crate::pipeline::panic_message(payload.as_ref())
            .unwrap_or_default()
            .to_string()
    });
    crate::Error::FetchTaskDied {
        url: url.unwrap_or_else(|| "?".to_string()),
        job: job.to_path_buf(),
        panic,
    }
}

/// What a fetch task hands back.
enum Done {
    Page(FrontierRow, Result<(Fetched, Vec<u8>), Failure>),
    Attachment(AttachmentRow, Result<(Fetched, FileCollector), Failure>),
}

/// Crawl into `job` until the frontier is empty, the limit is reached or the user interrupts.
pub fn crawl(
    job: &mut Job,
    settings: &CrawlSettings,
    opts: &Options,
    observer: &dyn CrawlObserver,
) -> Result<CrawlReport> {
    let mut settings = settings.clone();
    seed(job, &mut settings)?;
    let freed = super::attachments::remove_partial_downloads(job.dir());
    if freed > 0 {
        tracing::info!("{}", crate::t!("log-partial-removed", bytes = freed));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(crate::Error::Runtime)?;
    let shared = Arc::new(Shared::new(
        Fetcher::new(settings.http.clone())?,
        Politeness::new(
            settings.concurrency,
            settings.delay,
            settings.max_host_errors,
        ),
        settings.scope.clone(),
        settings.ignore_robots,
        settings.max_redirects,
    ));
    if settings.ignore_robots {
        tracing::warn!("{}", crate::t!("log-ignore-robots"));
    }
    let parts = JobParts::new(job.reader()?, settings.scope.clone());
    let mut engine = Engine {
        job,
        settings: &settings,
        opts,
        observer,
        parts,
        shared,
        progress: CrawlProgress::default(),
        articles: 0,
        articles_at_start: 0,
        pending: 0,
        fetched_now: 0,
        saved: 0.0,
    };
    let started = Instant::now();
    let (interrupted, limit_reached) = rt.block_on(engine.run())?;
    if !interrupted {
        engine.finish_pending()?;
    }
    let elapsed = started.elapsed();
    engine
        .job
        .add_elapsed(elapsed.as_secs_f64() - engine.saved_secs())?;
    Ok(CrawlReport {
        progress: engine.progress.clone(),
        fetched_now: engine.fetched_now,
        failed_now: engine.progress.failed_now,
        interrupted,
        limit_reached,
        elapsed,
        paused_hosts: engine.shared.gates.paused(),
    })
}

struct Engine<'a> {
    job: &'a mut Job,
    settings: &'a CrawlSettings,
    opts: &'a Options,
    observer: &'a dyn CrawlObserver,
    parts: JobParts,
    shared: Arc<Shared>,
    progress: CrawlProgress,
    /// Records in the job plus pages waiting for their parts (for `--limit`).
    articles: u64,
    /// `articles` when this run started: `--limit N` counts the records this run adds.
    articles_at_start: u64,
    /// Pages waiting for their later parts.
    pending: u64,
    fetched_now: u64,
    /// Seconds already added to the job's clock during the run.
    saved: f64,
}

impl Engine<'_> {
    fn saved_secs(&self) -> f64 {
        self.saved
    }

    fn load_counts(&mut self) -> Result<()> {
        let counts = frontier::counts(&self.job.conn).map_err(self.job.sql_error())?;
        let mut p = CrawlProgress::default();
        for (state, n) in counts {
            match state {
                State::Fetched => p.fetched = n,
                State::Failed => p.failed = n,
                State::Skipped => p.skipped = n,
                State::Queued => {}
            }
            if state != State::Skipped {
                p.discovered += n;
            }
        }
        let conn = &self.job.conn;
        let q = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        p.records = q("SELECT count(*) FROM records").map_err(self.job.sql_error())? as u64;
        p.attachments = q("SELECT count(*) FROM attachments WHERE state = 'done'")
            .map_err(self.job.sql_error())? as u64;
        let pending =
            q("SELECT count(*) FROM pages WHERE pending = 1").map_err(self.job.sql_error())? as u64;
        self.pending = pending;
        self.articles = p.records + pending;
        self.progress = p;
        Ok(())
    }

    /// The event loop; returns (interrupted, limit reached).
    async fn run(&mut self) -> Result<(bool, bool)> {
        self.load_counts()?;
        self.articles_at_start = self.articles;
        let max_in_flight = (self.settings.concurrency
            * self.settings.scope.allowed_hosts.len().max(1))
        .clamp(1, 64);
        let mut tasks: JoinSet<Done> = JoinSet::new();
        // The URL each task fetches, to name it should the task die.
        let mut task_urls: HashMap<tokio::task::Id, String> = HashMap::new();
        let mut busy_pages: HashSet<i64> = HashSet::new();
        let mut busy_files: HashSet<String> = HashSet::new();
        let mut stopping = false;
        let mut limit_reached = false;
        let mut pages_budget_spent = false;
        let mut signals = Signals::new();
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        let mut last_save = Instant::now();
        loop {
            if let Some(limit) = self.settings.limit
                && self.articles.saturating_sub(self.articles_at_start) >= limit
                && !limit_reached
            {
                limit_reached = true;
                self.observer
                    .message(&crate::t!("crawl-limit-reached", limit = limit));
                tracing::info!("{}", crate::t!("log-limit-reached", limit = limit));
            }
            if !stopping && tasks.len() < max_in_flight {
                let paused: Vec<String> = self
                    .shared
                    .gates
                    .paused()
                    .into_iter()
                    .map(|(host, _)| host)
                    .collect();
                // --max-pages: pages fetched or failed this run, plus those on the wire, stay within budget.
                let budget = match self.settings.max_pages {
                    Some(max) => {
                        let used = self.progress.fetched_now
                            + self.progress.failed_now
                            + busy_pages.len() as u64;
                        let left = max.saturating_sub(used);
                        if left == 0 && !pages_budget_spent {
                            pages_budget_spent = true;
                            self.observer
                                .message(&crate::t!("crawl-max-pages-reached", max = max));
                        }
                        left.min(usize::MAX as u64) as usize
                    }
                    None => usize::MAX,
                };
                if !limit_reached && budget > 0 {
                    let rows = frontier::next_queued(
                        &self.job.conn,
                        (max_in_flight - tasks.len()).min(budget),
                        &busy_pages,
                        &paused,
                    )
                    .map_err(self.job.sql_error())?;
                    for row in rows {
                        busy_pages.insert(row.id);
                        let url = row.url.clone();
                        task_urls.insert(tasks.spawn(self.page_task(row)).id(), url);
                    }
                }
                if tasks.len() < max_in_flight && self.settings.download_attachments {
                    let rows =
                        att::next_queued(&self.job.conn, max_in_flight - tasks.len(), &busy_files)
                            .map_err(self.job.sql_error())?;
                    let rows = rows.into_iter().filter(|r| {
                        Url::parse(&r.url)
                            .is_ok_and(|u| !paused.iter().any(|p| u.host_str() == Some(p.as_str())))
                    });
                    for row in rows {
                        busy_files.insert(row.url.clone());
                        let url = row.url.clone();
                        task_urls.insert(tasks.spawn(self.attachment_task(row)).id(), url);
                    }
                }
            }
            self.progress.in_flight = tasks.len();
            if tasks.is_empty() {
                break;
            }
            tokio::select! {
                done = tasks.join_next_with_id() => {
                    let Some(done) = done else { continue };
                    let (id, done) = done.map_err(|e| {
                        let url = task_urls.remove(&e.id());
                        task_died(e, url, self.job.dir())
                    })?;
                    task_urls.remove(&id);
                    tokio::task::block_in_place(|| match done {
                        Done::Page(row, result) => {
                            busy_pages.remove(&row.id);
                            // Past --limit, a page that could add a record stays queued for the next run:
                            // the limit gives exactly N records, and the next run the ones after them.
                            if limit_reached && matches!(row.kind, PageKind::Page | PageKind::Article) {
                                return Ok(());
                            }
                            self.record_page(&row, result)
                        }
                        Done::Attachment(row, result) => {
                            busy_files.remove(&row.url);
                            self.record_attachment(&row, result)
                        }
                    })?;
                    self.progress.in_flight = tasks.len();
                    self.observer.progress(&self.progress);
                }
                _ = signals.next() => {
                    if stopping {
                        eprintln!("{}", crate::t!("crawl-second-interrupt"));
                        std::process::exit(130);
                    }
                    stopping = true;
                    self.shared.gates.stop();
                    self.observer.message(&crate::t!("crawl-interrupting"));
                    tracing::warn!("{}", crate::t!("log-interrupted", in_flight = tasks.len()));
                }
                _ = tick.tick() => {
                    self.observer.progress(&self.progress);
                    if last_save.elapsed() > Duration::from_secs(10) {
                        let secs = last_save.elapsed().as_secs_f64();
                        self.job.add_elapsed(secs)?;
                        self.saved += secs;
                        last_save = Instant::now();
                    }
                }
            }
        }
        Ok((stopping, limit_reached))
    }

    fn page_task(&self, row: FrontierRow) -> impl Future<Output = Done> + Send + 'static {
        let shared = self.shared.clone();
        let max = self.settings.max_page_bytes;
        let validators = if self.settings.update {
            pages::validators(&self.job.conn, &row.url).ok().flatten()
        } else {
            None
        };
        async move {
            let Ok(url) = Url::parse(&row.url) else {
                let e = Failure::Skip(format!("not a URL: {}", row.url));
                return Done::Page(row, Err(e));
            };
            let mut body = Vec::new();
            let result = shared
                .fetch(&url, validators.as_ref(), max, &mut body, true)
                .await
                .map(|f| (f, body));
            Done::Page(row, result)
        }
    }

    fn attachment_task(&self, row: AttachmentRow) -> impl Future<Output = Done> + Send + 'static {
        let shared = self.shared.clone();
        let max = self.settings.max_attachment_bytes;
        let dir = self.job.dir().to_path_buf();
        async move {
            let url = match Url::parse(&row.url) {
                Ok(u) if shared.scope.host_allowed(&u) => u,
                Ok(u) => {
                    let why = super::attachments::OTHER_HOST.text(&[&u.host_str().unwrap_or("?")]);
                    return Done::Attachment(row, Err(Failure::Skip(why)));
                }
                Err(_) => {
                    let why = format!("not a URL: {}", row.url);
                    return Done::Attachment(row, Err(Failure::Skip(why)));
                }
            };
            let mut file = match FileCollector::new(&dir) {
                Ok(f) => f,
                Err(e) => {
                    let e = crate::source::http::FetchError {
                        message: super::attachments::NO_FILE.text(&[&e]),
                        retryable: true,
                        attempts: 0,
                        halted: false,
                        cause: crate::source::http::FetchCause::Other,
                    };
                    return Done::Attachment(row, Err(Failure::Fail(e)));
                }
            };
            let result = shared
                .fetch(&url, None, max, &mut file, false)
                .await
                .map(|f| (f, file));
            Done::Attachment(row, result)
        }
    }

    /// Record one page's fetch result in one transaction.
    fn record_page(
        &mut self,
        row: &FrontierRow,
        result: std::result::Result<(Fetched, Vec<u8>), Failure>,
    ) -> Result<()> {
        let (fetched, body) = match result {
            // Not requested (stopping, or the host is paused): the URL stays queued for the next run.
            Err(Failure::Halted) => return Ok(()),
            Err(Failure::Skip(why)) => {
                self.progress.skipped += 1;
                self.progress.discovered = self.progress.discovered.saturating_sub(1);
                return self.job.transaction(|tx| {
                    frontier::set_state(tx, row.id, State::Skipped, 1, Some(&why), false)
                });
            }
            Err(Failure::Fail(e)) => {
                tracing::info!(
                    "{}",
                    crate::t!(
                        "log-failed",
                        url = row.url.as_str(),
                        error = crate::outcome::localized(&e.message)
                    )
                );
                self.progress.failed += 1;
                self.progress.failed_now += 1;
                return self.job.transaction(|tx| {
                    frontier::set_state(
                        tx,
                        row.id,
                        State::Failed,
                        e.attempts,
                        Some(&e.message),
                        e.retryable,
                    )
                });
            }
            Ok(ok) => ok,
        };
        self.fetched_now += 1;
        self.progress.fetched_now += 1;
        let attempts = fetched.response.attempts;
        let final_url = fetched.url.to_string();
        if fetched.not_modified {
            self.progress.fetched += 1;
            return self.job.transaction(|tx| {
                frontier::set_state(tx, row.id, State::Fetched, attempts, None, false)
            });
        }
        let http_charset = fetched
            .response
            .header("content-type")
            .and_then(charset_from_content_type)
            .map(str::to_string);
        let stored = pages::StoredPage {
            url: final_url.clone(),
            requested_url: row.url.clone(),
            status: fetched.response.status,
            headers: fetched.response.headers.clone(),
            http_charset,
            body,
            source_path: None,
        };
        // The pipeline, which also finds the links (outside the transaction: it only reads).
        let raw = stored.raw();
        let kind = row.kind;
        let processed = crawled_for(&raw, kind, self.opts, &self.parts);
        let found = self.canonical(processed.links);
        let outcome = processed.outcome;
        let missing = self.parts.take_missing();
        let settings = self.settings;
        let depth = row.depth;
        let redirected = final_url != row.url;
        let mut new_links = 0u64;
        let mut skipped_links = 0u64;
        let mut waits = false;
        let mut change = pages::OutcomeChange::default();
        let download = settings.download_attachments;
        let already_fetched = redirected
            && frontier::state_of(&self.job.conn, &final_url)
                .map_err(self.job.sql_error())?
                .is_some_and(|s| s == State::Fetched);
        if already_fetched {
            self.progress.skipped += 1;
            self.progress.discovered = self.progress.discovered.saturating_sub(1);
            let why = super::fetch::REDIRECTED_AGAIN.text(&[&final_url]);
            return self.job.transaction(|tx| {
                frontier::set_state(tx, row.id, State::Skipped, attempts, Some(&why), false)
            });
        }
        self.job.transaction(|tx| {
            let target_id = if redirected {
                let why = super::fetch::REDIRECTED.text(&[&final_url]);
                frontier::set_state(tx, row.id, State::Skipped, attempts, Some(&why), false)?;
                frontier::insert(
                    tx,
                    &Insert {
                        url: &final_url,
                        depth,
                        kind,
                        state: State::Queued,
                        reason: None,
                        from: Some(&row.url),
                    },
                )?;
                frontier::get(tx, &final_url)?
                    .map(|r| r.id)
                    .unwrap_or(row.id)
            } else {
                row.id
            };
            for link in &found {
                let (url, pagination) = (&link.url, link.pagination);
                match admit(
                    tx,
                    &settings.scope,
                    settings,
                    url,
                    pagination,
                    depth,
                    &final_url,
                )? {
                    Admitted::Queued => new_links += 1,
                    Admitted::Skipped => skipped_links += 1,
                    Admitted::Known => {}
                }
            }
            if matches!(outcome, PageOutcome::Extracted(_)) && !missing.is_empty() {
                for part in &missing {
                    let s = part.as_str();
                    let known = frontier::state_of(tx, s)?;
                    match known {
                        None if settings.scope.host_allowed(part) => {
                            frontier::insert(
                                tx,
                                &Insert {
                                    url: s,
                                    depth: depth + 1,
                                    kind: PageKind::Part,
                                    state: State::Queued,
                                    reason: None,
                                    from: Some(&final_url),
                                },
                            )?;
                            new_links += 1;
                            waits = true;
                        }
                        Some(State::Queued) => waits = true,
                        _ => {}
                    }
                }
            }
            pages::store(tx, &stored, waits)?;
            if !waits {
                change = pages::set_outcome(tx, &final_url, &outcome)?;
                if download && let PageOutcome::Extracted(r) = &outcome {
                    for a in &r.attachments {
                        if a.url.starts_with("http://") || a.url.starts_with("https://") {
                            att::add(tx, &a.url, a.name.as_deref(), &final_url)?;
                        }
                    }
                }
            }
            frontier::set_state(tx, target_id, State::Fetched, attempts, None, false)?;
            Ok(())
        })?;
        if redirected {
            // The requested row became a skip; the final URL is what was fetched.
            self.progress.skipped += 1;
        }
        self.progress.fetched += 1;
        self.progress.links_seen += found.len() as u64;
        self.progress.discovered += new_links;
        self.progress.skipped += skipped_links;
        if waits {
            self.pending += 1;
        }
        self.count_change(change);
        tracing::debug!(url = %final_url, kind = kind.as_str(), links = found.len(), new = new_links, outcome = outcome.kind().as_str(), "page recorded");
        Ok(())
    }

    fn count_change(&mut self, change: pages::OutcomeChange) {
        if change.written == Some(crate::export::WriteOutcome::Inserted) {
            self.progress.records += 1;
        }
        if change.removed {
            self.progress.records = self.progress.records.saturating_sub(1);
        }
        self.articles = self.progress.records + self.pending;
    }

    /// A page's links in their canonical form (those the scope cannot canonicalize left out).
    fn canonical(&self, links: Vec<Link>) -> Vec<Link> {
        links
            .into_iter()
            .filter_map(|l| {
                let url = self.settings.scope.canonicalize(&l.url)?;
                Some(Link { url, ..l })
            })
            .collect()
    }

    fn record_attachment(
        &mut self,
        row: &AttachmentRow,
        result: std::result::Result<(Fetched, FileCollector), Failure>,
    ) -> Result<()> {
        let (state, d) = match result {
            Err(Failure::Halted) => return Ok(()),
            Err(Failure::Skip(why)) => (
                AttachmentState::Skipped,
                Download {
                    error: Some(why),
                    ..Download::default()
                },
            ),
            Err(Failure::Fail(e)) => (
                AttachmentState::Failed,
                Download {
                    error: Some(e.message),
                    attempts: e.attempts,
                    status: None,
                    ..Download::default()
                },
            ),
            Ok((fetched, file)) => {
                let url = Url::parse(&row.url).unwrap_or(fetched.url.clone());
                let name = stored_name(row.name.as_deref(), &url);
                let size = file.size();
                let conn: &Connection = &self.job.conn;
                match file.finish(self.job.dir(), &name, |sha| {
                    att::file_for_hash(conn, sha).ok().flatten()
                }) {
                    Ok((sha, path)) => {
                        self.progress.attachments += 1;
                        (
                            AttachmentState::Done,
                            Download {
                                status: Some(fetched.response.status),
                                size: Some(size),
                                mime: fetched
                                    .response
                                    .header("content-type")
                                    .map(|c| c.split(';').next().unwrap_or(c).trim().to_string()),
                                sha256: Some(sha),
                                file: Some(path),
                                error: None,
                                attempts: fetched.response.attempts,
                            },
                        )
                    }
                    Err(e) => (
                        AttachmentState::Failed,
                        Download {
                            status: Some(fetched.response.status),
                            error: Some(crate::source::http::STORE_FILE.text(&[&e])),
                            attempts: fetched.response.attempts,
                            ..Download::default()
                        },
                    ),
                }
            }
        };
        tracing::info!(
            "{}",
            crate::t!(
                "log-attachment",
                url = row.url.as_str(),
                state = crate::i18n::word("state", state.as_str()),
                error = crate::outcome::localized(d.error.as_deref().unwrap_or(""))
            )
            .trim_end()
        );
        self.job
            .transaction(|tx| att::finish(tx, &row.url, state, &d))
    }

    /// Extract the pages that waited for later parts, with whatever parts are stored now.
    fn finish_pending(&mut self) -> Result<()> {
        let urls: Vec<String> = {
            let mut stmt = self
                .job
                .conn
                .prepare("SELECT url FROM pages WHERE pending = 1 ORDER BY rowid")
                .map_err(self.job.sql_error())?;
            stmt.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
                .map_err(self.job.sql_error())?
        };
        for url in urls {
            let Some(page) = pages::load(&self.job.conn, &url).map_err(self.job.sql_error())?
            else {
                continue;
            };
            let kind = frontier::get(&self.job.conn, &url)
                .map_err(self.job.sql_error())?
                .map(|r| r.kind)
                .unwrap_or(PageKind::Page);
            let outcome = outcome_for(&page.raw(), kind, self.opts, &self.parts);
            self.parts.take_missing();
            let download = self.settings.download_attachments;
            let change = self.job.transaction(|tx| {
                pages::set_pending(tx, &url, false)?;
                let change = pages::set_outcome(tx, &url, &outcome)?;
                if download && let PageOutcome::Extracted(r) = &outcome {
                    for a in &r.attachments {
                        if a.url.starts_with("http") {
                            att::add(tx, &a.url, a.name.as_deref(), &url)?;
                        }
                    }
                }
                Ok(change)
            })?;
            self.pending = self.pending.saturating_sub(1);
            self.count_change(change);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::task_died;
    use crate::Error;

    /// A fetch task that panics or is cancelled stops the crawl with an error of its own: the URL, the job, that
    /// nothing is lost and how to resume (not "cannot start the HTTP client"). No page can make a task of the
    /// real binary panic (that would be a bug, fixed where it is), so these tasks are made to.
    #[test]
    fn a_dead_fetch_task_says_what_happened_and_how_to_resume() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let panicked = rt
            .block_on(rt.spawn(async { panic!("a bug in the fetch") }))
            .unwrap_err();
        let pending = rt.spawn(std::future::pending::<()>());
        pending.abort();
        let cancelled = rt.block_on(pending).unwrap_err();
        let url = "http://www.example.org.cn/a/1.html".to_string();
        let e = task_died(panicked, Some(url.clone()), Path::new("out/site"));
        assert!(
            matches!(&e, Error::FetchTaskDied { url: u, panic: Some(p), .. } if *u == url && p == "a bug in the fetch"),
            "{e:?}"
        );
        let text = e.to_string();
        for want in [
            "the crawl stopped: the task fetching http://www.example.org.cn/a/1.html ended unexpectedly (it \
             panicked: \"a bug in the fetch\")",
            "saved in the job 'out/site'; run the same command again (without --fresh) to resume",
        ] {
            assert!(text.contains(want), "want {want:?} in {text:?}");
        }
        assert!(!text.contains("HTTP client"), "{text}");
        let e = task_died(cancelled, None, Path::new("out/site"));
        assert!(
            e.to_string().starts_with(
                "the crawl stopped: the task fetching ? ended unexpectedly (it was cancelled)"
            ),
            "{e}"
        );
    }
}
