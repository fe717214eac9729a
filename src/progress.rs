//! Progress on stderr. On a terminal: a bar (crawls, and runs over more than one page). Piped or logged (stderr
//! not a terminal): one plain line every `--progress-interval` seconds — pages done, rate, queue, failures,
//! ETA — like Scrapy's periodic stats, so a job watched through `tail -f` or a CI log shows it is alive. Nothing
//! with `--quiet`, and no bar with `-v` (the log lines would tear it). Colour follows `NO_COLOR` and
//! `CLICOLOR_FORCE` ([`color_on_stderr`]).

use std::io::{IsTerminal, Write};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use sitelift::batch::Observer;
use sitelift::crawl::{CrawlObserver, CrawlProgress};
use sitelift::pipeline::PageOutcome;
use sitelift::t;

/// Seconds between two plain progress lines when `--progress-interval` is not given: often enough to see a
/// job is alive in a log, rarely enough that an hour-long crawl writes about a hundred lines.
pub const DEFAULT_INTERVAL_SECS: f64 = 30.0;

static INTERVAL: OnceLock<Duration> = OnceLock::new();

/// Set the interval of plain progress lines (`--progress-interval`), once, before any progress is shown.
pub fn set_interval(secs: f64) {
    let secs = if secs.is_finite() && secs >= 0.0 {
        secs
    } else {
        DEFAULT_INTERVAL_SECS
    };
    let _ = INTERVAL.set(Duration::from_secs_f64(secs));
}

fn interval() -> Duration {
    *INTERVAL.get_or_init(|| Duration::from_secs_f64(DEFAULT_INTERVAL_SECS))
}

/// Whether stderr gets colour (ANSI escapes): never with `NO_COLOR` set (no-color.org), always with
/// `CLICOLOR_FORCE` set to anything but `0`, else only when stderr is a terminal (a pipe or a log file gets
/// plain text).
pub fn color_on_stderr() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    std::io::stderr().is_terminal()
}

/// Pages per second over elapsed time: the one rate the bar, the plain lines, the summary and `status` show.
pub fn rate(pages: u64, secs: f64) -> f64 {
    if secs > 0.0 { pages as f64 / secs } else { 0.0 }
}

/// `1h02m`, `3m05s`, `42s`, `0.4s`.
pub fn duration(secs: f64) -> String {
    if secs < 10.0 {
        return format!("{:.1}s", secs.max(0.0));
    }
    let s = secs.round() as u64;
    match (s / 3600, s % 3600 / 60, s % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m{s:02}s"),
        (h, m, _) => format!("{h}h{m:02}m"),
    }
}

/// How progress is shown.
enum Display {
    None,
    Bar(ProgressBar),
    /// Plain lines; the time the last one was written.
    Lines(Mutex<Instant>),
}

fn display(quiet: bool, verbose: u8, bar: impl FnOnce() -> ProgressBar) -> Display {
    if quiet {
        Display::None
    } else if std::io::stderr().is_terminal() {
        if verbose > 0 {
            Display::None
        } else {
            Display::Bar(bar())
        }
    } else {
        Display::Lines(Mutex::new(Instant::now()))
    }
}

/// Write one line to stderr; a closed stderr is not worth a panic.
fn line(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

impl Display {
    /// For plain lines: whether one is due now (and mark it written).
    fn due(&self) -> bool {
        let Display::Lines(last) = self else {
            return false;
        };
        let Ok(mut last) = last.lock() else {
            return false;
        };
        if last.elapsed() < interval() {
            return false;
        }
        *last = Instant::now();
        true
    }
}

/// Progress of a run over files or stored pages, counted as pages finish.
pub struct Progress {
    display: Display,
    total: usize,
    started: Instant,
    done: Mutex<(u64, u64)>,
}

impl Progress {
    pub fn new(total: usize, quiet: bool, verbose: u8) -> Progress {
        let display = if total < 2 {
            Display::None
        } else {
            display(quiet, verbose, || {
                let bar = ProgressBar::new(total as u64);
                bar.set_style(
                    ProgressStyle::with_template(&format!(
                        "{{spinner}} [{{elapsed_precise}}] {{bar:40}} {{pos}}/{{len}} {} ({{per_sec}}, {} {{eta}}) \
                         {{msg}}",
                        t!("unit-pages"),
                        t!("progress-eta")
                    ))
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar
            })
        };
        Progress {
            display,
            total,
            started: Instant::now(),
            done: Mutex::new((0, 0)),
        }
    }

    pub fn finish(&self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn page_done(&self, page: &str, outcome: &PageOutcome) {
        match &self.display {
            Display::None => {}
            Display::Bar(bar) => {
                bar.set_message(page.to_string());
                bar.inc(1);
            }
            Display::Lines(_) => {
                let (done, failed) = {
                    let Ok(mut d) = self.done.lock() else { return };
                    d.0 += 1;
                    if matches!(outcome, PageOutcome::Failed(_)) {
                        d.1 += 1;
                    }
                    *d
                };
                if self.display.due() {
                    let secs = self.started.elapsed().as_secs_f64();
                    let r = rate(done, secs);
                    let left = (self.total as u64).saturating_sub(done);
                    line(&t!(
                        "progress-files-line",
                        elapsed = duration(secs),
                        done = done,
                        total = self.total,
                        rate = format!("{r:.1}"),
                        failed = failed,
                        eta = eta(left, r)
                    ));
                }
            }
        }
    }
}

fn eta(left: u64, rate: f64) -> String {
    if left == 0 {
        "0s".into()
    } else if rate > 0.0 {
        duration(left as f64 / rate)
    } else {
        t!("progress-eta-unknown")
    }
}

/// The crawl's progress: a bar on a terminal, plain lines otherwise. Rates count this run's pages over this
/// run's time (a resumed job's earlier pages are in the counts, not in the rate).
pub struct CrawlDisplay {
    display: Display,
    started: Instant,
}

impl CrawlDisplay {
    pub fn new(quiet: bool, verbose: u8) -> CrawlDisplay {
        let display = display(quiet, verbose, || {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} [{{elapsed_precise}}] {{bar:30}} {{pos}}/{{len}} {} {{msg}}",
                    t!("unit-pages")
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        CrawlDisplay {
            display,
            started: Instant::now(),
        }
    }

    pub fn finish(&self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }
}

/// The figures of one progress report, shared by the bar and the plain line.
struct Figures {
    done: u64,
    rate: f64,
    queued: u64,
    eta: String,
}

fn figures(p: &CrawlProgress, secs: f64) -> Figures {
    let done = p.fetched_now + p.failed_now;
    let rate = rate(done, secs);
    let queued = p.discovered.saturating_sub(p.fetched + p.failed);
    Figures {
        done,
        rate,
        queued,
        eta: eta(queued, rate),
    }
}

impl CrawlObserver for CrawlDisplay {
    fn progress(&self, p: &CrawlProgress) {
        let secs = self.started.elapsed().as_secs_f64();
        match &self.display {
            Display::None => {}
            Display::Bar(bar) => {
                let f = figures(p, secs);
                bar.set_length(p.discovered);
                bar.set_position(p.fetched + p.failed);
                bar.set_message(t!(
                    "progress-crawl-bar",
                    rate = format!("{:.1}", f.rate),
                    eta = f.eta,
                    failed = p.failed,
                    skipped = p.skipped,
                    records = p.records,
                    in_flight = p.in_flight
                ));
            }
            Display::Lines(_) => {
                if self.display.due() {
                    let f = figures(p, secs);
                    line(&t!(
                        "progress-crawl-line",
                        elapsed = duration(secs),
                        done = f.done,
                        fetched = p.fetched_now,
                        failed = p.failed_now,
                        rate = format!("{:.1}", f.rate),
                        queued = f.queued,
                        in_flight = p.in_flight,
                        records = p.records,
                        skipped = p.skipped,
                        eta = f.eta
                    ));
                }
            }
        }
    }

    fn message(&self, msg: &str) {
        match &self.display {
            Display::Bar(bar) => bar.println(msg),
            // Piped or logged: the limit and interrupt notices belong in the log with the progress lines.
            Display::Lines(_) => line(msg),
            Display::None => tracing::info!("{msg}"),
        }
    }
}
