//! URLs: every link and image in a record is absolute — resolved against the page URL (or the base URL given for
//! local files). Without any base, relative links are kept as written and the record carries a warning. A URL a
//! record keeps must also be harmless where the new platform renders it: http(s) or relative, as a browser parses
//! it ([`is_web_link`]), so `jav&#x09;ascript:` or `data:` never reaches a CMS template.

use url::Url;

/// Percent-decode, keeping invalid escapes as written and replacing invalid UTF-8.
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

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

/// Whether a browser would read `link` as an http(s) URL or a relative one. It is judged by WHATWG URL parsing
/// (the `url` crate), which drops tabs and newlines anywhere and controls and spaces at the ends first, so
/// `jav\tascript:`, `java\nscript:` and `\u{1}javascript:` are the `javascript:` URLs they are in a browser;
/// `data:`, `vbscript:` and every other scheme are refused, and so is text that is no URL at all.
pub fn is_web_link(link: &str) -> bool {
    match Url::parse(link) {
        Ok(u) => matches!(u.scheme(), "http" | "https"),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// A link as a record's warning shows it: control characters escaped, long values cut.
pub fn shown(link: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut out: String = link
        .chars()
        .take(MAX_CHARS)
        .flat_map(char::escape_debug)
        .collect();
    if link.chars().count() > MAX_CHARS {
        out.push('…');
    }
    out
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
    #[test]
    fn percent_decode_keeps_bad_escapes() {
        assert_eq!(super::percent_decode("a%20b%zz%4"), "a b%zz%4");
        assert_eq!(
            super::percent_decode("%E9%80%9A%E7%9F%A5%ff.pdf"),
            "通知\u{fffd}.pdf"
        );
    }

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
    fn only_web_links_pass() {
        for ok in [
            "http://a.cn/x.doc",
            "HTTPS://a.cn/",
            "../fj/a.doc",
            "/upload/a.pdf",
            "//a.cn/x",
            "a.doc?x=1#y",
        ] {
            assert!(is_web_link(ok), "{ok:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "jav\tascript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "mailto:a@b.cn",
            "file:///etc/passwd",
            "http://[::1",
        ] {
            assert!(!is_web_link(bad), "{bad:?}");
        }
        assert_eq!(shown("jav\tascript:x"), "jav\\tascript:x");
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("a/b/t2017_1.html?x=1"), "t2017_1.html");
        assert_eq!(file_name("c.htm"), "c.htm");
    }
}
