//! Crawl settings, resolved once per run: a command-line flag wins over the mapping's `[crawl]` table, which
//! wins over the defaults (per host: 2 requests at once, 250 ms between requests, paused after 10 429/5xx
//! responses in a row; 30 s per request, 3 retries, 10 redirects, 20 MB per decoded page).

use std::time::Duration;

use url::Url;

use super::scope::{Pattern, Scope};
use super::traps::TrapLimits;
use crate::error::{Error, Result};
use crate::mapping::Mapping;
use crate::mapping::crawl::{CrawlRules, DEFAULT_SESSION_PARAMS};
use crate::source::http::{HttpConfig, default_user_agent};

/// 429/5xx responses in a row that pause a host: enough to ride out a busy minute, few enough that a server
/// refusing everything is left alone within a few requests.
const DEFAULT_MAX_HOST_ERRORS: u32 = 10;

/// Flags given on the command line (`None`: not given).
#[derive(Debug, Clone, Default)]
pub struct CrawlFlags {
    pub start_urls: Vec<String>,
    pub limit: Option<u64>,
    pub update: bool,
    pub ignore_robots: bool,
    pub download_attachments: bool,
    pub delay_ms: Option<u64>,
    pub concurrency: Option<usize>,
    pub timeout_ms: Option<u64>,
    pub connect_timeout_ms: Option<u64>,
    pub retries: Option<u32>,
    pub retry_base_ms: Option<u64>,
    pub max_retry_wait_ms: Option<u64>,
    pub max_host_errors: Option<u32>,
    pub max_redirects: Option<u32>,
    pub max_decoded_mb: Option<u64>,
    pub max_attachment_mb: Option<u64>,
    pub user_agent: Option<String>,
    /// URL regexes added to the mapping's `crawl.exclude`.
    pub exclude: Vec<String>,
    /// URL regexes added to the mapping's `crawl.include`.
    pub include: Vec<String>,
    pub no_parent: bool,
    pub max_pages: Option<u64>,
    pub max_depth: Option<u32>,
    pub max_pages_per_pattern: Option<u64>,
    pub max_query_variants: Option<u64>,
    pub max_list_pages: Option<u64>,
    pub max_path_variants: Option<u64>,
    pub max_pages_per_host: Option<u64>,
}

/// Everything the engine needs to know, resolved.
#[derive(Debug, Clone)]
pub struct CrawlSettings {
    pub start_urls: Vec<Url>,
    pub scope: Scope,
    pub traps: TrapLimits,
    pub http: HttpConfig,
    pub delay: Duration,
    pub concurrency: usize,
    /// 429/5xx responses in a row that pause a host (0: never).
    pub max_host_errors: u32,
    pub max_redirects: u32,
    pub max_page_bytes: u64,
    pub max_attachment_bytes: u64,
    pub ignore_robots: bool,
    pub limit: Option<u64>,
    /// Pages fetched (or failed) per run; the rest stay queued.
    pub max_pages: Option<u64>,
    pub update: bool,
    pub download_attachments: bool,
}

impl CrawlSettings {
    /// Resolve flags over the mapping over the defaults. Start URLs may be empty (a resumed job).
    pub fn resolve(flags: &CrawlFlags, mapping: Option<&Mapping>) -> Result<CrawlSettings> {
        let empty = CrawlRules::default();
        let rules = mapping.and_then(|m| m.crawl.as_ref()).unwrap_or(&empty);
        let start_urls = if flags.start_urls.is_empty() {
            rules.start_urls.clone()
        } else {
            flags
                .start_urls
                .iter()
                .map(|s| {
                    if !s.contains("://") {
                        return Err(Error::MissingScheme(s.clone()));
                    }
                    Url::parse(s)
                        .ok()
                        .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
                        .ok_or_else(|| Error::BadStartUrl(s.clone()))
                })
                .collect::<Result<Vec<_>>>()?
        };
        let allowed_hosts = if rules.allowed_hosts.is_empty() {
            hosts_of(&start_urls)
        } else {
            rules.allowed_hosts.clone()
        };
        let session_params = rules
            .session_params
            .clone()
            .unwrap_or_else(|| {
                DEFAULT_SESSION_PARAMS
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            })
            .into_iter()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        let patterns = |from: &'static str, regexes: &[regex::Regex]| -> Vec<Pattern> {
            regexes
                .iter()
                .map(|r| Pattern::new(r.clone(), from))
                .collect()
        };
        let flag_patterns = |flag: &'static str, sources: &[String]| -> Result<Vec<Pattern>> {
            sources
                .iter()
                .map(|s| {
                    regex::Regex::new(s)
                        .map(|r| Pattern::new(r, flag))
                        .map_err(|e| Error::BadUrlPattern {
                            flag,
                            pattern: s.clone(),
                            problem: crate::error::SyntaxProblem::regex(s, &e),
                        })
                })
                .collect()
        };
        let mut exclude = patterns("crawl.exclude", &rules.exclude);
        exclude.extend(flag_patterns("--exclude", &flags.exclude)?);
        let mut include = patterns("crawl.include", &rules.include);
        include.extend(flag_patterns("--include", &flags.include)?);
        let mut scope = Scope {
            allowed_hosts,
            follow: rules.follow.clone(),
            article: rules.article.clone(),
            exclude,
            include,
            no_parent: flags.no_parent || rules.no_parent.unwrap_or(false),
            roots: Vec::new(),
            session_params,
        };
        scope.set_roots(&start_urls);
        let defaults = TrapLimits::default();
        let traps = TrapLimits {
            max_depth: flags
                .max_depth
                .or(rules.max_depth)
                .unwrap_or(defaults.max_depth),
            max_pages_per_pattern: flags
                .max_pages_per_pattern
                .or(rules.max_pages_per_pattern)
                .unwrap_or(defaults.max_pages_per_pattern),
            max_query_variants: flags
                .max_query_variants
                .or(rules.max_query_variants)
                .unwrap_or(defaults.max_query_variants),
            max_list_pages: flags.max_list_pages.unwrap_or(defaults.max_list_pages),
            max_path_variants: flags
                .max_path_variants
                .unwrap_or(defaults.max_path_variants),
            max_pages_per_host: flags
                .max_pages_per_host
                .unwrap_or(defaults.max_pages_per_host),
        };
        let ms = Duration::from_millis;
        let http = HttpConfig {
            user_agent: flags
                .user_agent
                .clone()
                .or(rules.user_agent.clone())
                .unwrap_or_else(default_user_agent),
            timeout: ms(flags.timeout_ms.or(rules.timeout_ms).unwrap_or(30_000)),
            connect_timeout: ms(flags
                .connect_timeout_ms
                .or(rules.connect_timeout_ms)
                .unwrap_or(10_000)),
            retries: flags.retries.or(rules.retries).unwrap_or(3),
            retry_base: ms(flags.retry_base_ms.or(rules.retry_base_ms).unwrap_or(500)),
            max_retry_wait: ms(flags.max_retry_wait_ms.unwrap_or(120_000)),
        };
        let mb = |n: u64| n.saturating_mul(1024 * 1024);
        Ok(CrawlSettings {
            start_urls,
            scope,
            traps,
            http,
            delay: ms(flags.delay_ms.or(rules.delay_ms).unwrap_or(250)),
            concurrency: flags.concurrency.or(rules.concurrency).unwrap_or(2).max(1),
            max_host_errors: flags.max_host_errors.unwrap_or(DEFAULT_MAX_HOST_ERRORS),
            max_redirects: flags.max_redirects.or(rules.max_redirects).unwrap_or(10),
            max_page_bytes: mb(flags.max_decoded_mb.or(rules.max_decoded_mb).unwrap_or(20)),
            max_attachment_bytes: mb(flags.max_attachment_mb.unwrap_or(200)),
            ignore_robots: flags.ignore_robots,
            limit: flags.limit,
            max_pages: flags.max_pages.or(rules.max_pages),
            update: flags.update,
            download_attachments: flags.download_attachments,
        })
    }
}

/// The hosts (`host` or `host:port`) of some URLs, the default scope.
pub fn hosts_of(urls: &[Url]) -> Vec<String> {
    let mut hosts: Vec<String> = Vec::new();
    for u in urls {
        let h = match u.port() {
            Some(p) => format!("{}:{p}", u.host_str().unwrap_or("")),
            None => u.host_str().unwrap_or("").to_string(),
        }
        .to_ascii_lowercase();
        if !hosts.contains(&h) {
            hosts.push(h);
        }
    }
    hosts
}
