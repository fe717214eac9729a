//! The links a page points to, for the crawler: `<a>` / `<area>` hrefs, `<frame>` / `<iframe>` sources (content
//! often sits in frames on legacy sites) and the pages a TRS `createPageHTML(N, …)` pager script writes, resolved
//! against the page URL or its `<base href>`. They are read off the one [`Analysis`] walk the extractor makes
//! anyway, so a crawled page is decoded and parsed once. Links to the next pages of the same list (下一页, 尾页 or
//! a page number, pointing to the same list file; and the pages `createPageHTML` writes) are marked as
//! pagination: a column of a hundred pages is one list, not a hundred levels of depth.

use scraper::Node;
use url::Url;

use super::generic::analysis::Analysis;
use super::generic::links::script_pages;
use crate::href::starts_with_ignore_case;

/// At most this many pages are generated from one `createPageHTML` call.
const MAX_SCRIPT_PAGES: u32 = 1000;

/// A link found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: Url,
    /// Another page of the same list (下一页 and its kin): it does not count as a level of depth.
    pub pagination: bool,
}

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

/// Schemes of hrefs that are not pages.
const NOT_LINKS: [&str; 4] = ["javascript:", "mailto:", "tel:", "data:"];

/// Absolute URLs linked from the page at `page`, in document order (duplicates kept out). `base` is the page URL
/// as adjusted by its `<base href>`.
pub fn page_links(an: &Analysis<'_>, page: &Url, base: &Url) -> Vec<Link> {
    let anchors = an.anchors.iter().map(|&(id, href)| (id, href, true));
    let others = an.link_targets.iter().map(|&(id, href)| (id, href, false));
    let mut found: Vec<_> = anchors.chain(others).collect();
    // Node ids grow in parse order: sorting them puts anchors, areas and frames back in document order.
    found.sort_by_key(|&(id, _, _)| id);
    let mut out: Vec<Link> = Vec::new();
    let mut seen: std::collections::HashSet<Url> = std::collections::HashSet::new();
    let mut push = |url: Url, pagination: bool, out: &mut Vec<Link>| {
        if seen.insert(url.clone()) {
            out.push(Link { url, pagination });
        }
    };
    for (id, href, anchor) in found {
        let value = href.trim();
        if value.is_empty() || value.starts_with('#') {
            continue;
        }
        if NOT_LINKS.iter().any(|p| starts_with_ignore_case(value, p)) {
            continue;
        }
        if let Ok(u) = base.join(value) {
            let pagination = anchor && same_list(page, &u) && is_pager_text(&anchor_text(an, id));
            push(u, pagination, &mut out);
        }
    }
    for script in &an.pager_scripts {
        if let Some((count, prefix, ext)) = script_pages(script) {
            for n in 1..count.min(MAX_SCRIPT_PAGES) {
                if let Ok(u) = base.join(&format!("{prefix}_{n}.{ext}")) {
                    push(u, true, &mut out);
                }
            }
        }
    }
    out
}

/// The visible text of an anchor, whitespace dropped.
fn anchor_text(an: &Analysis<'_>, id: ego_tree::NodeId) -> String {
    let Some(node) = an.doc.tree.get(id) else {
        return String::new();
    };
    node.descendants()
        .filter_map(|d| match d.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn discover(html: &str, page: &Url) -> Vec<Link> {
        let doc = scraper::Html::parse_document(html);
        let an = Analysis::new(&doc);
        let base = an
            .base_href
            .as_deref()
            .and_then(|b| page.join(b.trim()).ok())
            .unwrap_or_else(|| page.clone());
        page_links(&an, page, &base)
    }

    #[test]
    fn finds_links_frames_areas_base_and_script_pages() {
        let page = Url::parse("http://www.example.org.cn/xwzx/index.html").unwrap();
        let html = r##"<html><head><base href="http://www.example.org.cn/xwzx/"></head><body>
            <a href="t1.html">一</a> <A HREF='../about.htm'>关于</A> <a href=list.jsp?a=1&amp;b=2>列表</a>
            <!-- <a href="hidden.html">x</a> --> <a href="javascript:void(0)">js</a> <a href="#top">top</a>
            <iframe src="/frame/c.html"></iframe> <a name="x">anchor</a>
            <map><area href="/map/d.html"></map> <a href="mailto:a@b.cn">mail</a>
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
                "http://www.example.org.cn/map/d.html",
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
            <a href="index_5.html">学院新闻</a> <a href="index_6.html">&gt;&gt;</a>"#;
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
            ("/xwzx/index_6.html", true),
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
