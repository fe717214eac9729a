//! HTTP requests for the crawler (reqwest over rustls): one URL, no redirect following (the crawler follows
//! redirects itself, within scope), with timeouts, retries with exponential backoff and jitter on timeouts,
//! connection errors, 429 and 5xx (honouring Retry-After), conditional requests, and a cap on the decoded body
//! so a compression bomb is cut off. A failure is a [`FetchError`] value the crawler records, never a panic.
//! Every wait (for the host's gate, before a retry) ends at once when the crawl stops or the host is paused
//! ([`Politeness`]); a Retry-After longer than the crawl will wait pauses the host instead of waiting.

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, IF_MODIFIED_SINCE, IF_NONE_MATCH};
use url::Url;

use super::politeness::Politeness;
use super::status::status_text;
use crate::error::{Error, Result};
use crate::outcome::Shape;

/// Settings of the HTTP client.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub user_agent: String,
    /// Whole request, from connecting to the end of the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff; doubled on each retry, with jitter.
    pub retry_base: Duration,
    /// Longest wait before a retry, whatever Retry-After says.
    pub max_retry_wait: Duration,
}

/// The default User-Agent: names the tool and where to learn about it.
pub fn default_user_agent() -> String {
    format!(
        "sitelift/{} (archival crawler for site migration; polite, obeys robots.txt)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Validators from an earlier fetch, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One HTTP response, body fully read (or collected by the caller's [`Collect`]).
#[derive(Debug, Clone)]
pub struct Response {
    pub url: Url,
    pub status: u16,
    /// Header names lower-cased; repeated headers joined with `, `.
    pub headers: Vec<(String, String)>,
    /// Requests made, retries included.
    pub attempts: u32,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn is_redirect(&self) -> bool {
        matches!(self.status, 301 | 302 | 303 | 307 | 308)
    }
}

/// Why a request failed, in English as the job store keeps it, and the message that says it in the interface
/// language (see [`crate::outcome`]); the error a library gives (a DNS lookup's words) is quoted as it is, the
/// OS's ("Connection refused (os error 111)") said in the interface language ([`crate::i18n::os_text_in`]). A
/// response's status is [`super::status::status_text`]. [`ATTEMPTS`] comes first: it wraps any of them.
pub(crate) const SHAPES: &[Shape] = &[
    ATTEMPTS, TIMEOUT, CONNECT, BAD_BODY, REQUEST, STORE, HALTED, TOO_LARGE, STORE_FILE,
];
/// A failure after retries: the last attempt's reason (itself shown in the interface language), and how many.
const ATTEMPTS: Shape = Shape {
    id: "fetch-attempts",
    pieces: &["", " (after ", " attempts)"],
    args: &["reason", "n"],
};
const TIMEOUT: Shape = Shape {
    id: "fetch-timeout",
    pieces: &["timeout: no complete response within ", " s"],
    args: &["secs"],
};
const CONNECT: Shape = Shape {
    id: "fetch-connect",
    pieces: &[
        "connection failed: cannot connect to ",
        " (",
        "); check the address and port, that the site is up (open it in a browser), and any proxy or firewall",
    ],
    args: &["host", "error"],
};
const BAD_BODY: Shape = Shape {
    id: "fetch-bad-body",
    pieces: &["bad response body: ", ""],
    args: &["error"],
};
const REQUEST: Shape = Shape {
    id: "fetch-request",
    pieces: &["request failed: ", ""],
    args: &["error"],
};
const STORE: Shape = Shape {
    id: "fetch-store",
    pieces: &["cannot store the response: ", ""],
    args: &["error"],
};
/// A body cut off at the decoded-size limit (the limit in MB).
const TOO_LARGE: Shape = Shape {
    id: "fetch-too-large",
    pieces: &[
        "too large: more than ",
        " MB after decompression (cut off; a compression bomb?)",
    ],
    args: &["mb"],
};
/// A byte limit in MB as people write it: whole numbers bare (`20`), smaller limits with the decimals that matter
/// (`0.5` for robots.txt's 512 KB, never `0`).
fn megabytes(bytes: u64) -> String {
    let mb = format!("{:.2}", bytes as f64 / 1_048_576.0);
    mb.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A downloaded attachment that cannot be written into the job (the OS's words).
pub(crate) const STORE_FILE: Shape = Shape {
    id: "fetch-store-file",
    pieces: &["cannot store the file: ", ""],
    args: &["error"],
};
const HALTED: Shape = Shape {
    id: "fetch-halted",
    pieces: &["not requested: the crawl is stopping or the host is paused"],
    args: &[],
};

/// Why a request failed. `retryable` failures are tried again on the next run.
#[derive(Debug, Clone)]
pub struct FetchError {
    pub message: String,
    pub retryable: bool,
    pub attempts: u32,
    /// The request was given up before it was made or retried: the crawl is stopping or the host is paused
    /// (see [`Politeness`]). The URL stays as it was, for the next run.
    pub halted: bool,
    pub cause: FetchCause,
}

/// What kind of failure a [`FetchError`] is, where callers act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchCause {
    /// No connection could be made to the host (refused, no route, DNS): the site is down or the address wrong.
    Connect,
    /// The caller's `accept` check refused the response by its headers (the body was not read).
    Refused,
    Other,
}

impl FetchError {
    fn halted(attempts: u32) -> FetchError {
        FetchError {
            message: HALTED.text(&[]),
            retryable: true,
            attempts,
            halted: true,
            cause: FetchCause::Other,
        }
    }
}

/// Where a response body goes: memory for pages, a file for attachments. `reset` is called before a retry.
pub trait Collect {
    fn reset(&mut self) -> std::io::Result<()>;
    fn push(&mut self, chunk: &[u8]) -> std::io::Result<()>;
}

impl Collect for Vec<u8> {
    fn reset(&mut self) -> std::io::Result<()> {
        self.clear();
        Ok(())
    }
    fn push(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.extend_from_slice(chunk);
        Ok(())
    }
}

/// What to do with a response status.
enum Verdict {
    Done,
    Retry(Option<Duration>),
}

/// The crawler's HTTP client.
pub struct Fetcher {
    client: reqwest::Client,
    cfg: HttpConfig,
}

impl Fetcher {
    pub fn new(cfg: HttpConfig) -> Result<Fetcher> {
        let client = reqwest::Client::builder()
            .user_agent(cfg.user_agent.clone())
            .timeout(cfg.timeout)
            .connect_timeout(cfg.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| Error::HttpClient(e.to_string()))?;
        Ok(Fetcher { client, cfg })
    }

    /// GET `url` through the host's politeness gate, retrying transient failures. The body (at most
    /// `max_body` decoded bytes) goes to `body`; `accept` may refuse a response by its headers before the body
    /// is read (the message becomes a non-retryable failure).
    pub async fn get(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        gates: &Politeness,
        max_body: u64,
        body: &mut (dyn Collect + Send),
        accept: &(dyn Fn(&Response) -> std::result::Result<(), String> + Sync),
    ) -> std::result::Result<Response, FetchError> {
        let host = url.host_str().unwrap_or("").to_string();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let permit = gates
                .acquire(&host)
                .await
                .map_err(|_| FetchError::halted(attempt - 1))?;
            tracing::info!(
                "{}",
                crate::t!("log-get", url = url.as_str(), attempt = attempt)
            );
            let result = self
                .attempt(url, validators, max_body, body, accept, attempt)
                .await;
            drop(permit);
            if let Ok((resp, _)) = &result {
                gates.observe(&host, resp.status);
            }
            let (retry_after, error) = match result {
                Ok((resp, Verdict::Done)) => {
                    tracing::debug!(%url, status = resp.status, "response");
                    return Ok(resp);
                }
                Ok((resp, Verdict::Retry(after))) => {
                    let e = FetchError {
                        message: status_text(resp.status),
                        retryable: true,
                        attempts: attempt,
                        halted: false,
                        cause: FetchCause::Other,
                    };
                    (after, e)
                }
                Err(e) if e.retryable => (None, e),
                Err(e) => return Err(e),
            };
            if attempt > self.cfg.retries {
                let mut e = error;
                if attempt > 1 {
                    e.message = ATTEMPTS.text(&[&e.message, &attempt]);
                }
                return Err(e);
            }
            if let Some(asked) = retry_after.filter(|a| *a > self.cfg.max_retry_wait) {
                // The server asks for a longer wait than the crawl will make: leave the host for a later run.
                gates.pause(
                    &host,
                    super::politeness::RETRY_AFTER
                        .text(&[&asked.as_secs(), &self.cfg.max_retry_wait.as_secs()]),
                );
                return Err(FetchError::halted(attempt));
            }
            let wait = self.backoff(attempt, retry_after);
            if retry_after.is_some() {
                gates.back_off(&host, wait);
            }
            tracing::info!(
                "{}",
                crate::t!(
                    "log-retrying",
                    url = url.as_str(),
                    attempt = attempt,
                    wait_ms = wait.as_millis() as u64,
                    error = crate::outcome::localized(&error.message)
                )
            );
            gates
                .sleep(&host, wait)
                .await
                .map_err(|_| FetchError::halted(attempt))?;
            body.reset().map_err(|e| io_failure(e, attempt))?;
        }
    }

    async fn attempt(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        max_body: u64,
        body: &mut (dyn Collect + Send),
        accept: &(dyn Fn(&Response) -> std::result::Result<(), String> + Sync),
        attempt: u32,
    ) -> std::result::Result<(Response, Verdict), FetchError> {
        let mut headers = HeaderMap::new();
        if let Some(v) = validators {
            if let Some(etag) = v
                .etag
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                headers.insert(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = v
                .last_modified
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                headers.insert(IF_MODIFIED_SINCE, lm);
            }
        }
        let mut resp = self
            .client
            .get(url.as_str())
            .headers(headers)
            .send()
            .await
            .map_err(|e| request_failure(&e, self.cfg.timeout, attempt))?;
        let status = resp.status().as_u16();
        let out = Response {
            url: url.clone(),
            status,
            headers: header_list(resp.headers()),
            attempts: attempt,
        };
        if status == 429 || (500..600).contains(&status) {
            let after = out.header("retry-after").and_then(parse_retry_after);
            return Ok((out, Verdict::Retry(after)));
        }
        if !(200..300).contains(&status) {
            return Ok((out, Verdict::Done));
        }
        accept(&out).map_err(|message| FetchError {
            message,
            retryable: false,
            attempts: attempt,
            halted: false,
            cause: FetchCause::Refused,
        })?;
        let mut total: u64 = 0;
        loop {
            let chunk = resp
                .chunk()
                .await
                .map_err(|e| request_failure(&e, self.cfg.timeout, attempt))?;
            let Some(chunk) = chunk else { break };
            total += chunk.len() as u64;
            if total > max_body {
                return Err(FetchError {
                    message: TOO_LARGE.text(&[&megabytes(max_body)]),
                    retryable: false,
                    attempts: attempt,
                    halted: false,
                    cause: FetchCause::Other,
                });
            }
            body.push(&chunk).map_err(|e| io_failure(e, attempt))?;
        }
        Ok((out, Verdict::Done))
    }

    /// Retry-After when the server gave one (capped), else exponential backoff with ±50% jitter.
    fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(after) = retry_after {
            return after.min(self.cfg.max_retry_wait);
        }
        let base = self.cfg.retry_base.as_secs_f64() * 2f64.powi(attempt.saturating_sub(1) as i32);
        let jittered = base * (0.5 + fastrand::f64());
        Duration::from_secs_f64(jittered).min(self.cfg.max_retry_wait)
    }
}

fn header_list(map: &HeaderMap) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (name, value) in map {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        match out.iter_mut().find(|(n, _)| n == name.as_str()) {
            Some((_, v)) => {
                v.push_str(", ");
                v.push_str(&value);
            }
            None => out.push((name.as_str().to_string(), value)),
        }
    }
    out
}

/// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

fn request_failure(e: &reqwest::Error, timeout: Duration, attempts: u32) -> FetchError {
    let (message, retryable) = if e.is_timeout() {
        (
            TIMEOUT.text(&[&format_args!("{:.1}", timeout.as_secs_f64())]),
            true,
        )
    } else if e.is_connect() {
        let host = e
            .url()
            .map(|u| match u.port() {
                Some(p) => format!("{}:{p}", u.host_str().unwrap_or("?")),
                None => u.host_str().unwrap_or("?").to_string(),
            })
            .unwrap_or_else(|| "the host".into());
        (CONNECT.text(&[&host, &root_cause(e)]), true)
    } else if e.is_decode() || e.is_body() {
        (BAD_BODY.text(&[&root_cause(e)]), true)
    } else {
        (REQUEST.text(&[&root_cause(e)]), true)
    };
    FetchError {
        message,
        retryable,
        attempts,
        halted: false,
        cause: if e.is_connect() {
            FetchCause::Connect
        } else {
            FetchCause::Other
        },
    }
}

fn io_failure(e: std::io::Error, attempts: u32) -> FetchError {
    FetchError {
        message: STORE.text(&[&e]),
        retryable: true,
        attempts,
        halted: false,
        cause: FetchCause::Other,
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_values() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn size_limits_read_in_megabytes_without_rounding_to_zero() {
        assert_eq!(megabytes(512 * 1024), "0.5");
        assert_eq!(megabytes(20 * 1_048_576), "20");
        assert_eq!(megabytes(1_572_864), "1.5");
    }
}
