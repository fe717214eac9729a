//! Link discovery: the URLs a fetched page points to — `<a>`/`<area>` hrefs, `<frame>`/`<iframe>` sources
//! (content often sits in frames on legacy sites) and TRS `createPageHTML(N, …)` pagination written by script —
//! resolved against the page URL or its `<base href>`. A tag scan over the decoded text, not a DOM parse: the
//! extractor parses each page once, and link finding should not double that cost. Links to the next pages of
//! the same list (下一页, 尾页 or a page number, pointing to the same list file; and the pages `createPageHTML`
//! writes) are marked as pagination: a column of a hundred pages is one list, not a hundred levels of depth.

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

/// A link found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: Url,
    /// Another page of the same list (下一页 and its kin): it does not count as a level of depth.
    pub pagination: bool,
}

/// How far after an `<a>` tag its text is looked for (bytes).
const LINK_TEXT_WINDOW: usize = 200;

/// Anchor texts of a pager: the next, previous, first or last page of a list.
const PAGER_TEXTS: [&str; 14] = [
    "下一页",
    "下页",
    "上一页",
    "上页",
    "尾页",
    "末页",
    "首页",
    "下一頁",
    "next",
    "prev",
    "last",
    "»",
    "›",
    ">>",
];

/// Absolute URLs linked from a page, in document order (duplicates kept out).
pub fn discover(text: &str, page: &Url) -> Vec<Link> {
    let text = COMMENT.replace_all(text, "");
    let mut base = page.clone();
    let mut out: Vec<Link> = Vec::new();
    let mut seen: std::collections::HashSet<Url> = std::collections::HashSet::new();
    let mut push = |url: Url, pagination: bool, out: &mut Vec<Link>| {
        if seen.insert(url.clone()) {
            out.push(Link { url, pagination });
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
            let end = tag.get(0).map_or(0, |m| m.end());
            let pagination =
                name == "a" && is_pager_text(&link_text(&text, end)) && same_list(page, &u);
            push(u, pagination, &mut out);
        }
    }
    for c in CREATE_PAGE.captures_iter(&text) {
        let count: u32 = c[1].parse().unwrap_or(0);
        for n in 1..count.min(MAX_SCRIPT_PAGES) {
            if let Ok(u) = base.join(&format!("{}_{n}.{}", &c[3], &c[4])) {
                push(u, true, &mut out);
            }
        }
    }
    out
}

/// The visible text of the `<a>` whose start tag ends at `from`: up to its `</a>`, tags dropped.
fn link_text(text: &str, from: usize) -> String {
    let mut end = (from + LINK_TEXT_WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[from.min(end)..end];
    let inner = match window.to_ascii_lowercase().find("</a") {
        Some(close) => &window[..close],
        None => window,
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag && !c.is_whitespace() && c != '\u{3000}' => out.push(c),
            _ => {}
        }
    }
    out.replace("&gt;", ">").replace("&raquo;", "»")
}

/// A pager's link text: 下一页, 尾页, », or a page number (`3`, `[3]`).
fn is_pager_text(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let number = lower.trim_matches(|c| matches!(c, '[' | ']' | '第' | '页'));
    PAGER_TEXTS.iter().any(|p| lower.contains(p))
        || (!number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `link` is another page of the list `page` is: the same folder and the same file name once page
/// numbers are left out (`index.html`, `index_3.html`; `list.asp?page=2`; a folder URL and its `index_1.htm`).
pub fn same_list(page: &Url, link: &Url) -> bool {
    if page.host_str() != link.host_str() || page.port() != link.port() {
        return false;
    }
    let (page_dir, page_file) = split_path(page.path());
    let (link_dir, link_file) = split_path(link.path());
    if page_dir != link_dir {
        return false;
    }
    let stem = |name: &str| -> String {
        let base = name.split('.').next().unwrap_or("");
        base.chars()
            .filter(|c| !c.is_ascii_digit() && !matches!(c, '_' | '-'))
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let (a, b) = (stem(page_file), stem(link_file));
    let index = |s: &str| s.is_empty() || matches!(s, "index" | "default" | "list");
    a == b || (index(&a) && index(&b))
}

fn split_path(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(i) => (&path[..=i], &path[i + 1..]),
        None => ("", path),
    }
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
            .map(|l| l.url.to_string())
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

    #[test]
    fn pager_links_to_the_same_list_are_pagination() {
        let page = Url::parse("http://a.cn/xwzx/index_3.html").unwrap();
        let html = r#"<a href="index_4.html">下一页</a> <a href="index.html">首页</a>
            <a href="index_9.html"><font>尾 页</font></a> <a href="index_2.html">[2]</a>
            <a href="t20170927_1.html">下一页</a> <a href="../tzgg/index_4.html">下一页</a>
            <a href="index_5.html">学院新闻</a>"#;
        let got: Vec<(String, bool)> = discover(html, &page)
            .into_iter()
            .map(|l| (l.url.path().to_string(), l.pagination))
            .collect();
        let want = [
            ("/xwzx/index_4.html", true),
            ("/xwzx/index.html", true),
            ("/xwzx/index_9.html", true),
            ("/xwzx/index_2.html", true),
            ("/xwzx/t20170927_1.html", false),
            ("/tzgg/index_4.html", false),
            ("/xwzx/index_5.html", false),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(p, b)| (p.to_string(), *b)).collect();
        assert_eq!(got, want);
        let folder = Url::parse("http://a.cn/list.asp?page=2").unwrap();
        assert!(same_list(
            &folder,
            &Url::parse("http://a.cn/list.asp?page=3").unwrap()
        ));
        let dir = Url::parse("http://a.cn/news/").unwrap();
        assert!(same_list(
            &dir,
            &Url::parse("http://a.cn/news/index_1.htm").unwrap()
        ));
    }
}
