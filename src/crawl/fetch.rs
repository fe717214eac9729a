//! One URL fetched the crawler's way: robots.txt checked for every hop, redirects followed by hand within
//! scope (a limit on hops, loop detection), non-HTML pages refused by their Content-Type before the body is
//! read. The result is data for the engine to record.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::OnceCell;
use url::Url;

use super::robots::Robots;
use super::scope::Scope;
use crate::outcome::Shape;
use crate::source::http::{Collect, FetchCause, FetchError, Fetcher, Response, Validators};
use crate::source::politeness::Politeness;
use crate::source::status::status_text;

/// Why the crawl did not fetch or keep a URL (robots.txt, redirects, a response that is not a page), in English
/// as the job store keeps it, and the message that says it in the interface language (see [`crate::outcome`]).
pub(crate) const SHAPES: &[Shape] = &[
    REDIRECTED_AGAIN,
    REDIRECTED,
    NOT_HTML,
    ROBOTS_PREFIX,
    ROBOTS_UNREACHABLE,
    ROBOTS_DISALLOWS,
    BAD_REDIRECT,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    REDIRECT_OUT_OF_SCOPE,
];
/// A URL that redirected to one fetched already (the handover reads the target back: see
/// `handover::export::alias_target`).
pub(crate) const REDIRECTED_AGAIN: Shape = Shape {
    id: "crawl-redirected-again",
    pieces: &["redirected to ", " (already fetched)"],
    args: &["url"],
};
pub(crate) const REDIRECTED: Shape = Shape {
    id: "crawl-redirected",
    pieces: &["redirected to ", ""],
    args: &["url"],
};
const NOT_HTML: Shape = Shape {
    id: "crawl-not-html",
    pieces: &["not an HTML page (Content-Type ", ")"],
    args: &["type"],
};
/// A page not crawled because of robots.txt's state (the state's own reason after it).
const ROBOTS_PREFIX: Shape = Shape {
    id: "crawl-robots",
    pieces: &["robots.txt: ", ""],
    args: &["reason"],
};
const ROBOTS_UNREACHABLE: Shape = Shape {
    id: "crawl-robots-unreachable",
    pieces: &["robots.txt unreachable (", ")"],
    args: &["reason"],
};
const ROBOTS_DISALLOWS: Shape = Shape {
    id: "crawl-robots-disallows",
    pieces: &["robots.txt disallows it"],
    args: &[],
};
const BAD_REDIRECT: Shape = Shape {
    id: "crawl-bad-redirect",
    pieces: &["bad redirect: HTTP ", " without a usable Location"],
    args: &["status"],
};
const REDIRECT_LOOP: Shape = Shape {
    id: "crawl-redirect-loop",
    pieces: &["redirect loop: ", ""],
    args: &["chain"],
};
const TOO_MANY_REDIRECTS: Shape = Shape {
    id: "crawl-too-many-redirects",
    pieces: &["too many redirects (over ", "): ", ""],
    args: &["max", "chain"],
};
const REDIRECT_OUT_OF_SCOPE: Shape = Shape {
    id: "crawl-redirect-out-of-scope",
    pieces: &["redirect out of scope: ", " → ", ""],
    args: &["from", "to"],
};

/// What the crawler shares with every fetch task.
pub struct Shared {
    pub fetcher: Fetcher,
    pub gates: Politeness,
    pub scope: Scope,
    pub ignore_robots: bool,
    pub max_redirects: u32,
    robots: Mutex<HashMap<String, Arc<OnceCell<Arc<Robots>>>>>,
}

/// Why a URL yielded no page.
#[derive(Debug)]
pub enum Failure {
    /// Not fetched on purpose (robots.txt, scope, not HTML): recorded as skipped.
    Skip(String),
    /// Fetching failed: recorded as failed.
    Fail(FetchError),
    /// Not requested: the crawl is stopping or the host is paused. Nothing is recorded; the URL stays queued.
    Halted,
}

impl From<FetchError> for Failure {
    fn from(e: FetchError) -> Failure {
        if e.halted {
            Failure::Halted
        } else if e.cause == FetchCause::Refused {
            Failure::Skip(e.message)
        } else {
            Failure::Fail(e)
        }
    }
}

/// A successful fetch.
#[derive(Debug)]
pub struct Fetched {
    /// Canonical final URL (after redirects).
    pub url: Url,
    pub response: Response,
    pub not_modified: bool,
}

/// Content types that are certainly not pages.
fn not_html(content_type: &str) -> bool {
    let ct = content_type.trim().to_ascii_lowercase();
    ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|p| ct.starts_with(p))
        || [
            "application/pdf",
            "application/zip",
            "application/msword",
            "application/vnd.",
            "application/x-rar",
            "application/x-zip",
            "application/javascript",
            "text/css",
        ]
        .iter()
        .any(|p| ct.starts_with(p))
}

impl Shared {
    pub fn new(
        fetcher: Fetcher,
        gates: Politeness,
        scope: Scope,
        ignore_robots: bool,
        max_redirects: u32,
    ) -> Shared {
        Shared {
            fetcher,
            gates,
            scope,
            ignore_robots,
            max_redirects,
            robots: Mutex::new(HashMap::new()),
        }
    }

    /// The robots.txt rules of `url`'s origin, fetched once per run (not when the fetch was halted).
    async fn robots(&self, url: &Url) -> Result<Arc<Robots>, Failure> {
        let origin = url.origin().ascii_serialization();
        let cell = self
            .robots
            .lock()
            .expect("robots lock")
            .entry(origin.clone())
            .or_default()
            .clone();
        cell.get_or_try_init(|| async {
            let robots = self.fetch_robots(&origin).await?;
            if let Some(delay) = robots.crawl_delay {
                let delay = Duration::from_secs_f64(delay.min(60.0));
                tracing::info!(
                    "{}",
                    crate::t!(
                        "log-crawl-delay",
                        origin = origin.as_str(),
                        delay_s = format!("{:?}", delay.as_secs_f64())
                    )
                );
                self.gates
                    .set_min_delay(url.host_str().unwrap_or(""), delay);
            }
            Ok(Arc::new(robots))
        })
        .await
        .cloned()
    }

    async fn fetch_robots(&self, origin: &str) -> Result<Robots, Failure> {
        let Ok(mut url) = Url::parse(&format!("{origin}/robots.txt")) else {
            return Ok(Robots::allow_all());
        };
        for _ in 0..5 {
            let mut body = Vec::new();
            let result = self
                .fetcher
                .get(&url, None, &self.gates, 512 * 1024, &mut body, &|_| Ok(()))
                .await;
            match result {
                Ok(r) if r.is_redirect() => {
                    match r.header("location").and_then(|l| url.join(l).ok()) {
                        Some(next) => url = next,
                        None => return Ok(Robots::allow_all()),
                    }
                }
                Ok(r) if (200..300).contains(&r.status) => {
                    tracing::info!("{}", crate::t!("log-robots-read", url = url.as_str()));
                    return Ok(Robots::parse(&String::from_utf8_lossy(&body), "sitelift"));
                }
                Ok(r) if (400..500).contains(&r.status) => {
                    tracing::info!(
                        "{}",
                        crate::t!("log-no-robots", url = url.as_str(), status = r.status)
                    );
                    return Ok(Robots::allow_all());
                }
                Ok(r) => {
                    return Ok(self.robots_unreachable(&url, &format!("HTTP {}", r.status)));
                }
                Err(e) if e.halted => return Err(Failure::Halted),
                // No connection at all: the page fails for that reason, named as such (not "robots.txt
                // unreachable"), and robots.txt is asked again next time.
                Err(e) if e.cause == FetchCause::Connect => return Err(Failure::Fail(e)),
                Err(e) => return Ok(self.robots_unreachable(&url, &e.message)),
            }
        }
        Ok(Robots::allow_all())
    }

    fn robots_unreachable(&self, url: &Url, why: &str) -> Robots {
        tracing::warn!(
            "{}",
            crate::t!(
                "log-robots-unreachable",
                url = url.as_str(),
                why = crate::outcome::localized(why)
            )
        );
        Robots::unreachable(ROBOTS_UNREACHABLE.text(&[&why]))
    }

    /// Fetch `url` following redirects; the final body goes to `body`.
    pub async fn fetch(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        max_body: u64,
        body: &mut (dyn Collect + Send),
        html_only: bool,
    ) -> Result<Fetched, Failure> {
        let mut chain: Vec<Url> = vec![url.clone()];
        let mut current = url.clone();
        let accept = |r: &Response| -> Result<(), String> {
            match r.header("content-type") {
                Some(ct) if html_only && not_html(ct) => Err(NOT_HTML.text(&[&ct])),
                _ => Ok(()),
            }
        };
        loop {
            if self.gates.is_halted(current.host_str().unwrap_or("")) {
                return Err(Failure::Halted);
            }
            if !self.ignore_robots {
                let robots = self.robots(&current).await?;
                let target = match current.query() {
                    Some(q) => format!("{}?{q}", current.path()),
                    None => current.path().to_string(),
                };
                if !robots.allows(&target) {
                    let why = robots
                        .unreachable
                        .clone()
                        .map(|r| ROBOTS_PREFIX.text(&[&r]))
                        .unwrap_or_else(|| ROBOTS_DISALLOWS.text(&[]));
                    tracing::info!(
                        "{}",
                        crate::t!(
                            "log-skipped",
                            url = current.as_str(),
                            why = crate::outcome::localized(&why)
                        )
                    );
                    if robots.unreachable.is_some() {
                        return Err(Failure::Fail(FetchError {
                            message: why,
                            retryable: true,
                            attempts: 0,
                            halted: false,
                            cause: crate::source::http::FetchCause::Other,
                        }));
                    }
                    return Err(Failure::Skip(why));
                }
            }
            let first = chain.len() == 1;
            let response = self
                .fetcher
                .get(
                    &current,
                    if first { validators } else { None },
                    &self.gates,
                    max_body,
                    body,
                    &accept,
                )
                .await
                .map_err(Failure::from)?;
            if response.is_redirect() {
                let Some(next) = response
                    .header("location")
                    .and_then(|l| current.join(l.trim()).ok())
                    .and_then(|u| self.scope.canonicalize(&u))
                else {
                    return Err(fail(BAD_REDIRECT.text(&[&response.status]), false));
                };
                let path = || {
                    chain
                        .iter()
                        .chain(std::iter::once(&next))
                        .map(|u| u.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ")
                };
                if chain.contains(&next) {
                    return Err(fail(REDIRECT_LOOP.text(&[&path()]), false));
                }
                if chain.len() > self.max_redirects as usize {
                    return Err(fail(
                        TOO_MANY_REDIRECTS.text(&[&self.max_redirects, &path()]),
                        false,
                    ));
                }
                if !self.scope.host_allowed(&next) {
                    return Err(Failure::Skip(
                        REDIRECT_OUT_OF_SCOPE.text(&[&current, &next]),
                    ));
                }
                tracing::info!(
                    "{}",
                    crate::t!(
                        "log-redirect",
                        from = current.as_str(),
                        to = next.as_str(),
                        status = response.status
                    )
                );
                chain.push(next.clone());
                current = next;
                continue;
            }
            if response.status == 304 {
                return Ok(Fetched {
                    url: current,
                    response,
                    not_modified: true,
                });
            }
            if !(200..300).contains(&response.status) {
                let retryable = matches!(response.status, 408 | 425);
                return Err(fail(status_text(response.status), retryable));
            }
            return Ok(Fetched {
                url: current,
                response,
                not_modified: false,
            });
        }
    }
}

fn fail(message: String, retryable: bool) -> Failure {
    Failure::Fail(FetchError {
        message,
        retryable,
        attempts: 1,
        halted: false,
        cause: crate::source::http::FetchCause::Other,
    })
}
