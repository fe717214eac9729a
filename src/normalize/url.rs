//! URLs: every link and image in a record is absolute — resolved against the page URL (or the base URL given for
//! local files). Without any base, relative links are kept as written and the record carries a warning.

use url::Url;

/// Resolve `href` against `base`; without a base, absolute URLs pass and relative ones stay as written.
pub fn resolve(base: Option<&Url>, href: &str) -> String {
    let href = href.trim();
    match base {
        Some(b) => b
            .join(href)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| href.to_string()),
        None => Url::parse(href)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| href.to_string()),
    }
}

/// Canonical form of a page URL: fragment dropped, default port removed, path dots resolved (the `url` crate
/// does the last two when parsing).
pub fn canonical(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_fragment(None);
    u
}

/// The last path segment of a URL or path (`t20170927_1234.html`).
pub fn file_name(path: &str) -> &str {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        let base = Url::parse("http://www.example.org.cn/xwzx/201709/t20170927_1.html").unwrap();
        let cases = [
            ("../../fj/a.doc", "http://www.example.org.cn/fj/a.doc"),
            (
                "./P020.pdf",
                "http://www.example.org.cn/xwzx/201709/P020.pdf",
            ),
            ("/index.html", "http://www.example.org.cn/index.html"),
            ("https://other.cn/x", "https://other.cn/x"),
        ];
        for (href, want) in cases {
            assert_eq!(resolve(Some(&base), href), want, "href {href}");
        }
        assert_eq!(resolve(None, "../a.doc"), "../a.doc");
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("a/b/t2017_1.html?x=1"), "t2017_1.html");
        assert_eq!(file_name("c.htm"), "c.htm");
    }
}
