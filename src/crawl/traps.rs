//! Trap limits: calendars, endless pagination, session-laden query strings and token-laden paths make infinite
//! URL spaces. Each new URL is counted under several keys and refused once a key passes its limit: its
//! *pattern* (host and path with digit runs folded, plus the sorted query parameter names), its *path* (when it
//! has a query), its *host* (a page budget per host), each *folder* of its path (how many differently named
//! entries it holds once digits are folded: `/tok/<8 random letters>/` or `/(S(session))/` grows without end,
//! `/xwzx/201709/t20170927_1234.html` does not), and for a link from a pager, its *list* (下一页 chains must end).
//! The counters live in the job store, so limits hold across resumed runs and memory stays flat; every refusal
//! is recorded as a skipped URL with the limit it hit.

use url::Url;

/// Limits applied to newly discovered URLs.
#[derive(Debug, Clone, Copy)]
pub struct TrapLimits {
    pub max_depth: u32,
    pub max_pages_per_pattern: u64,
    pub max_query_variants: u64,
    /// Pages of one list reached through its pager.
    pub max_list_pages: u64,
    /// Differently named entries (digits folded) of one folder.
    pub max_path_variants: u64,
    /// URLs queued per host.
    pub max_pages_per_host: u64,
}

impl Default for TrapLimits {
    fn default() -> Self {
        TrapLimits {
            max_depth: 30,
            max_pages_per_pattern: 100_000,
            max_query_variants: 1_000,
            // Ten years of a busy column at 20 items a page is about 500 pages: four times that is a trap.
            max_list_pages: 2_000,
            // A folder of pages named by words (pinyin, slugs) rarely holds hundreds; tokens never stop.
            max_path_variants: 1_000,
            // Far above the legacy sites this is for (a few thousand to tens of thousands of pages).
            max_pages_per_host: 100_000,
        }
    }
}

/// `h:host[:port]`: the per-host page budget's counter.
pub fn host_key(url: &Url) -> String {
    format!("h:{}", host_port(url))
}

fn host_port(url: &Url) -> String {
    match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or("")),
        None => url.host_str().unwrap_or("").to_string(),
    }
}

/// Text with every run of digits folded to one `9`.
fn fold_digits(text: &str, out: &mut String) {
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('9');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
}

/// For each segment of the path, its folder's key (`v:host/folded/parent/`) and the segment, digits folded:
/// `http://h/tok/abcdefgh/` → `(v:h/, tok)`, `(v:h/tok/, abcdefgh)`.
pub fn folder_keys(url: &Url) -> Vec<(String, String)> {
    let mut folder = format!("v:{}/", host_port(url));
    let mut out = Vec::new();
    for segment in url.path().split('/').filter(|s| !s.is_empty()) {
        let mut name = String::new();
        fold_digits(segment, &mut name);
        out.push((folder.clone(), name.clone()));
        folder.push_str(&name);
        folder.push('/');
    }
    out
}

/// `g:` + the pattern key: the counter of a list's pages reached through its pager.
pub fn list_key(pattern: &str) -> String {
    format!("g:{}", &pattern[2..])
}

/// `http://h/cal/2017/03/index.html?day=5&m=3` → `p:h/cal/9/9/index.html?day&m`.
pub fn pattern_key(url: &Url) -> String {
    let mut key = String::from("p:");
    key.push_str(url.host_str().unwrap_or(""));
    if let Some(port) = url.port() {
        key.push_str(&format!(":{port}"));
    }
    fold_digits(url.path(), &mut key);
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
        assert_eq!(host_key(&plain), "h:h.cn:8080");
        assert_eq!(list_key(&pattern_key(&plain)), "g:h.cn:8080/t9_9.html");
    }

    #[test]
    fn folders_fold_digits_but_not_letters() {
        let keys = |u: &str| folder_keys(&Url::parse(u).unwrap());
        assert_eq!(
            keys("http://h.cn/tok/abcdefgh/"),
            [
                ("v:h.cn/".into(), "tok".into()),
                ("v:h.cn/tok/".into(), "abcdefgh".into())
            ]
        );
        assert_eq!(
            keys("http://h.cn/xwzx/201709/t20170927_12.html"),
            keys("http://h.cn/xwzx/201801/t20180101_345.html")
        );
    }
}
