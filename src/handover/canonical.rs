//! The key two links are compared by when deciding whether they name the same page: host (lower case, with a
//! port only when it is not the default), path and query — no scheme (a site reached over http and https is one
//! site), no fragment, no user info, and a trailing `index.html`-style file name folded into its folder
//! (`/xwzx/index.html` and `/xwzx/` are one page on every legacy server we know). Percent-encoding is kept as
//! written, after the `url` crate's normalization (which upper-cases nothing and encodes non-ASCII as UTF-8).

use url::Url;

/// File names a server serves for a folder URL.
const INDEX_FILES: [&str; 10] = [
    "index.html",
    "index.htm",
    "index.shtml",
    "index.asp",
    "index.aspx",
    "index.php",
    "index.jsp",
    "default.htm",
    "default.html",
    "default.asp",
];

/// The comparison key of an absolute http(s) URL; `None` for anything else (mailto:, relative links, …).
pub fn key(url: &str) -> Option<String> {
    let u = Url::parse(url.trim()).ok()?;
    key_of(&u)
}

/// [`key`] for a parsed URL.
pub fn key_of(u: &Url) -> Option<String> {
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    let host = u.host_str()?.to_ascii_lowercase();
    let mut out = match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    let path = u.path();
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    if INDEX_FILES.iter().any(|f| f.eq_ignore_ascii_case(file)) {
        out.push_str(dir);
        out.push('/');
    } else {
        out.push_str(path);
    }
    if let Some(q) = u.query().filter(|q| !q.is_empty()) {
        out.push('?');
        out.push_str(q);
    }
    Some(out)
}

/// The host (and non-default port) of a URL, lower case.
pub fn host(url: &str) -> Option<String> {
    let u = Url::parse(url.trim()).ok()?;
    let host = u.host_str()?.to_ascii_lowercase();
    Some(match u.port() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_one_key() {
        let same = [
            "http://WWW.Demo.cn:80/xwzx/t1.html#top",
            "https://www.demo.cn/xwzx/t1.html",
            "http://user@www.demo.cn/a/../xwzx/t1.html",
        ];
        for u in same {
            assert_eq!(key(u).as_deref(), Some("www.demo.cn/xwzx/t1.html"), "{u}");
        }
        assert_eq!(
            key("http://www.demo.cn/xwzx/index.html"),
            key("http://www.demo.cn/xwzx/")
        );
        assert_eq!(
            key("http://www.demo.cn:8080/show.asp?id=12").as_deref(),
            Some("www.demo.cn:8080/show.asp?id=12")
        );
        assert_eq!(
            key("http://www.demo.cn/新闻/t1.html").as_deref(),
            Some("www.demo.cn/%E6%96%B0%E9%97%BB/t1.html")
        );
        assert_ne!(
            key("http://www.demo.cn/show.asp?id=12"),
            key("http://www.demo.cn/show.asp?id=13")
        );
        assert_eq!(key("mailto:a@demo.cn"), None);
        assert_eq!(key("../t1.html"), None);
    }
}
