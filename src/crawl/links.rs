//! Link discovery: the URLs a fetched page points to — `<a>`/`<area>` hrefs, `<frame>`/`<iframe>` sources
//! (content often sits in frames on legacy sites) and TRS `createPageHTML(N, …)` pagination written by script —
//! resolved against the page URL or its `<base href>`. A tag scan over the decoded text, not a DOM parse: the
//! extractor parses each page once, and link finding should not double that cost.

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("comment regex"));

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<(a|area|frame|iframe|base)\b([^>]*)>"#).expect("tag regex")
});

static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)(?:^|\s)(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
        .expect("attr regex")
});

static CREATE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']"#,
    )
    .expect("createPageHTML regex")
});

/// At most this many pages are generated from one `createPageHTML` call.
const MAX_SCRIPT_PAGES: u32 = 1000;

/// Absolute URLs linked from a page, in document order (duplicates kept out).
pub fn discover(text: &str, page: &Url) -> Vec<Url> {
    let text = COMMENT.replace_all(text, "");
    let mut base = page.clone();
    let mut out: Vec<Url> = Vec::new();
    let push = |u: Url, out: &mut Vec<Url>| {
        if !out.contains(&u) {
            out.push(u);
        }
    };
    for tag in TAG.captures_iter(&text) {
        let name = tag[1].to_ascii_lowercase();
        let attrs = &tag[2];
        let wanted = if matches!(name.as_str(), "frame" | "iframe") {
            "src"
        } else {
            "href"
        };
        let Some(value) = ATTR.captures_iter(attrs).find_map(|c| {
            c[1].eq_ignore_ascii_case(wanted).then(|| {
                c.get(2)
                    .or(c.get(3))
                    .or(c.get(4))
                    .map(|m| m.as_str())
                    .unwrap_or("")
                    .to_string()
            })
        }) else {
            continue;
        };
        let value = unescape(value.trim());
        if value.is_empty() || value.starts_with('#') {
            continue;
        }
        let lower = value.to_ascii_lowercase();
        if ["javascript:", "mailto:", "tel:", "data:"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            continue;
        }
        if name == "base" {
            if let Ok(b) = page.join(&value) {
                base = b;
            }
            continue;
        }
        if let Ok(u) = base.join(&value) {
            push(u, &mut out);
        }
    }
    for c in CREATE_PAGE.captures_iter(&text) {
        let count: u32 = c[1].parse().unwrap_or(0);
        for n in 1..count.min(MAX_SCRIPT_PAGES) {
            if let Ok(u) = base.join(&format!("{}_{n}.{}", &c[3], &c[4])) {
                push(u, &mut out);
            }
        }
    }
    out
}

/// The few entities that occur in hrefs.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&#x26;", "&")
        .replace("&quot;", "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_frames_base_and_script_pages() {
        let page = Url::parse("http://www.example.org.cn/xwzx/index.html").unwrap();
        let html = r##"<html><head><base href="http://www.example.org.cn/xwzx/"></head><body>
            <a href="t1.html">一</a> <A HREF='../about.htm'>关于</A> <a href=list.jsp?a=1&amp;b=2>列表</a>
            <!-- <a href="hidden.html">x</a> --> <a href="javascript:void(0)">js</a> <a href="#top">top</a>
            <iframe src="/frame/c.html"></iframe> <a name="x">anchor</a>
            <script>createPageHTML(3, 0, "index", "html");</script></body></html>"##;
        let got: Vec<String> = discover(html, &page)
            .into_iter()
            .map(|u| u.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "http://www.example.org.cn/xwzx/t1.html",
                "http://www.example.org.cn/about.htm",
                "http://www.example.org.cn/xwzx/list.jsp?a=1&b=2",
                "http://www.example.org.cn/frame/c.html",
                "http://www.example.org.cn/xwzx/index_1.html",
                "http://www.example.org.cn/xwzx/index_2.html",
            ]
        );
    }
}
