//! Trap limits: calendars, endless pagination and session-laden query strings make infinite URL spaces. Each
//! new URL is counted under two keys — its *pattern* (host and path with digit runs folded, plus the sorted
//! query parameter names) and its *path* (when it has a query) — and refused once a key passes its limit. The
//! counters live in the job store, so limits hold across resumed runs and memory stays flat; every refusal is
//! recorded as a skipped URL with the limit it hit.

use url::Url;

/// Limits applied to newly discovered URLs.
#[derive(Debug, Clone, Copy)]
pub struct TrapLimits {
    pub max_depth: u32,
    pub max_pages_per_pattern: u64,
    pub max_query_variants: u64,
}

impl Default for TrapLimits {
    fn default() -> Self {
        TrapLimits {
            max_depth: 30,
            max_pages_per_pattern: 100_000,
            max_query_variants: 1_000,
        }
    }
}

/// `http://h/cal/2017/03/index.html?day=5&m=3` → `p:h/cal/9/9/index.html?day&m`.
pub fn pattern_key(url: &Url) -> String {
    let mut key = String::from("p:");
    key.push_str(url.host_str().unwrap_or(""));
    if let Some(port) = url.port() {
        key.push_str(&format!(":{port}"));
    }
    let mut in_digits = false;
    for c in url.path().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('9');
            }
            in_digits = true;
        } else {
            in_digits = false;
            key.push(c);
        }
    }
    let mut names: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    if !names.is_empty() {
        names.sort();
        names.dedup();
        key.push('?');
        key.push_str(&names.join("&"));
    }
    key
}

/// `q:h/cal.jsp` for a URL with a query string; `None` without one.
pub fn query_key(url: &Url) -> Option<String> {
    url.query()?;
    Some(format!(
        "q:{}{}{}",
        url.host_str().unwrap_or(""),
        url.port().map(|p| format!(":{p}")).unwrap_or_default(),
        url.path()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let u = Url::parse("http://h.cn/cal/2017/03/index.html?m=3&day=5&m=4").unwrap();
        assert_eq!(pattern_key(&u), "p:h.cn/cal/9/9/index.html?day&m");
        assert_eq!(query_key(&u).unwrap(), "q:h.cn/cal/2017/03/index.html");
        let plain = Url::parse("http://h.cn:8080/t20170927_12.html").unwrap();
        assert_eq!(pattern_key(&plain), "p:h.cn:8080/t9_9.html");
        assert_eq!(query_key(&plain), None);
    }
}
