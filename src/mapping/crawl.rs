//! The mapping's optional `[crawl]` table: where a crawl starts, what it may fetch and how politely. Every
//! key is optional; command-line flags override the file. Regexes are compiled and checked at load time, so a
//! bad pattern is an error naming the file and the key.
//!
//! ```toml
//! [crawl]
//! start_urls = ["http://www.example.org.cn/xwzx/"]
//! allowed_hosts = ["www.example.org.cn", "*.example.org.cn"]   # default: the start URLs' hosts
//! follow = ['/xwzx/(index(_\d+)?\.html)?$', '\?page=\d+']       # list pages (and their pagination) to follow
//! article = ['/xwzx/\d{6}/t\d+_\d+\.html$']                     # article pages: fetched and exported
//! exclude = ['/search/', 'print\.jsp']                          # never fetched
//! include = ['/xwzx/', '/tzgg/']  # when set, only URLs matching one of these are fetched
//! no_parent = true                # only URLs under a start URL's folder
//! max_depth = 30                  # links away from a start URL
//! max_pages = 500                 # pages fetched per run (the rest stay queued for the next run)
//! session_params = ["jsessionid", "sid"]   # query/path parameters removed from URLs (default list below)
//! max_pages_per_pattern = 100000  # pages whose URLs differ only in digits (trap limit)
//! max_query_variants = 1000       # query strings on one path (trap limit)
//! delay_ms = 250                  # between two requests to one host
//! concurrency = 2                 # requests at once to one host
//! user_agent = "sitelift/0.1 (+mailto:ops@example.org.cn)"
//! timeout_ms = 30000              # whole request
//! connect_timeout_ms = 10000
//! retries = 3                     # on timeouts, connection errors, 429 and 5xx
//! retry_base_ms = 500             # first backoff; doubles each retry, with jitter
//! max_redirects = 10
//! max_decoded_mb = 20             # decoded (decompressed) size limit of one page; larger is cut off
//! ```
//!
//! With `follow` and `article` both empty every HTML link on the allowed hosts is followed and the generic
//! extractor decides which pages are articles. With either set, a link is fetched only if it matches one of
//! them (or is a start URL); `exclude` wins over both.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use crate::error::{Error, Result};

/// Session parameters removed from URLs when the mapping does not list its own.
pub const DEFAULT_SESSION_PARAMS: [&str; 8] = [
    "jsessionid",
    "phpsessid",
    "aspsessionid",
    "sid",
    "sessionid",
    "session_id",
    "cfid",
    "cftoken",
];

/// The `[crawl]` table as written.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct CrawlFile {
    #[serde(default)]
    start_urls: Vec<String>,
    #[serde(default)]
    allowed_hosts: Vec<String>,
    #[serde(default)]
    follow: Vec<String>,
    #[serde(default)]
    article: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    no_parent: Option<bool>,
    max_pages: Option<u64>,
    max_depth: Option<u32>,
    session_params: Option<Vec<String>>,
    max_pages_per_pattern: Option<u64>,
    max_query_variants: Option<u64>,
    delay_ms: Option<u64>,
    concurrency: Option<usize>,
    user_agent: Option<String>,
    timeout_ms: Option<u64>,
    connect_timeout_ms: Option<u64>,
    retries: Option<u32>,
    retry_base_ms: Option<u64>,
    max_redirects: Option<u32>,
    max_decoded_mb: Option<u64>,
}

/// The validated `[crawl]` table. `None` fields fall back to the command-line flags, then to the defaults.
#[derive(Debug, Default, Clone)]
pub struct CrawlRules {
    pub start_urls: Vec<url::Url>,
    pub allowed_hosts: Vec<String>,
    pub follow: Vec<Regex>,
    pub article: Vec<Regex>,
    pub exclude: Vec<Regex>,
    pub include: Vec<Regex>,
    pub no_parent: Option<bool>,
    pub max_pages: Option<u64>,
    pub max_depth: Option<u32>,
    pub session_params: Option<Vec<String>>,
    pub max_pages_per_pattern: Option<u64>,
    pub max_query_variants: Option<u64>,
    pub delay_ms: Option<u64>,
    pub concurrency: Option<usize>,
    pub user_agent: Option<String>,
    pub timeout_ms: Option<u64>,
    pub connect_timeout_ms: Option<u64>,
    pub retries: Option<u32>,
    pub retry_base_ms: Option<u64>,
    pub max_redirects: Option<u32>,
    pub max_decoded_mb: Option<u64>,
}

impl CrawlFile {
    /// Check every value; errors name the file and the key.
    pub(super) fn validate(self, path: &Path) -> Result<CrawlRules> {
        let invalid = |message: String| Error::MappingInvalid {
            path: path.to_path_buf(),
            message: message.into(),
        };
        let start_urls = self
            .start_urls
            .iter()
            .enumerate()
            .map(|(i, u)| {
                url::Url::parse(u)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .ok_or_else(|| {
                        invalid(format!(
                            "key 'crawl.start_urls[{i}]' = {u:?} is not an absolute http(s) URL"
                        ))
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        for (i, h) in self.allowed_hosts.iter().enumerate() {
            let bare = h.trim_start_matches("*.").trim_start_matches('.');
            if bare.is_empty() || bare.contains(['/', ' ']) {
                return Err(invalid(format!(
                    "key 'crawl.allowed_hosts[{i}]' = {h:?} is not a host name like \"www.example.org.cn\" or \"*.example.org.cn\""
                )));
            }
        }
        if self.concurrency == Some(0) {
            return Err(invalid(
                "key 'crawl.concurrency' must be at least 1".to_string(),
            ));
        }
        if self.max_decoded_mb == Some(0) {
            return Err(invalid(
                "key 'crawl.max_decoded_mb' must be at least 1".to_string(),
            ));
        }
        Ok(CrawlRules {
            start_urls,
            allowed_hosts: self
                .allowed_hosts
                .iter()
                .map(|h| h.to_ascii_lowercase())
                .collect(),
            follow: regexes(path, "follow", &self.follow)?,
            article: regexes(path, "article", &self.article)?,
            exclude: regexes(path, "exclude", &self.exclude)?,
            include: regexes(path, "include", &self.include)?,
            no_parent: self.no_parent,
            max_pages: self.max_pages,
            max_depth: self.max_depth,
            session_params: self.session_params,
            max_pages_per_pattern: self.max_pages_per_pattern,
            max_query_variants: self.max_query_variants,
            delay_ms: self.delay_ms,
            concurrency: self.concurrency,
            user_agent: self.user_agent,
            timeout_ms: self.timeout_ms,
            connect_timeout_ms: self.connect_timeout_ms,
            retries: self.retries,
            retry_base_ms: self.retry_base_ms,
            max_redirects: self.max_redirects,
            max_decoded_mb: self.max_decoded_mb,
        })
    }
}

fn regexes(path: &Path, key: &str, sources: &[String]) -> Result<Vec<Regex>> {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| super::compile_regex(path, &format!("crawl.{key}[{i}]"), s))
        .collect()
}
