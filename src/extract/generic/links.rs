//! Links that matter beyond the body text: attachments (by file extension, under a 附件 label, in
//! `window.open(...)`, embeds and pdf-viewer `?file=` parameters) and the pager of multi-page articles
//! (下一页 links to `name_2.html`, TRS `createPageHTML(N, …)`).

use std::sync::LazyLock;

use regex::Regex;
use scraper::Node;
use url::Url;

use super::analysis::Analysis;
use crate::extract::dom::flowing_text;
use crate::href::{has_attachment_extension, starts_with_ignore_case};
pub use crate::href::{is_attachment_href, is_download_endpoint};
use crate::normalize::text::fold;
use crate::normalize::url::{file_name, resolve};
use crate::record::Attachment;

/// A link to a document: by the href's extension, a CMS download endpoint, or link text that names a file
/// (`通知.pdf`).
pub fn is_attachment_link(href: &str, text: &str) -> bool {
    is_attachment_href(href)
        || is_download_endpoint(href)
        || (!starts_with_ignore_case(href.trim(), "javascript:")
            && has_attachment_extension(text.trim()))
}

static LABEL_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:相关)?附件\s*\d*\s*[:：]\s*").expect("label prefix regex")
});

/// An attachment's display name: link text without a leading `附件1：` label (numbering such as `1.` is part of
/// the name the site shows and stays); else the link title; else the file name.
pub fn attachment_name(text: &str, title: Option<&str>, url: &str) -> Option<String> {
    let text = fold(text);
    let stripped = LABEL_PREFIX.replace(&text, "").trim().to_string();
    if !stripped.is_empty() {
        return Some(stripped);
    }
    if let Some(t) = title.map(fold).filter(|t| !t.is_empty()) {
        return Some(t);
    }
    let name = file_name(url);
    let decoded = percent_encoding_decode(name);
    (!decoded.is_empty()).then_some(decoded)
}

fn percent_encoding_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_string())
}

static WINDOW_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:window\.open|location\.href\s*=)\s*\(?\s*['"]([^'"]+)['"]"#)
        .expect("window.open regex")
});

/// Attachments in the blocks from `from_order` to `to_order` (the body and what follows it): links by extension,
/// links under a 附件 label, `onclick="window.open('…')"`, and `<embed>/<object>/<iframe>` documents.
pub fn attachments_in(
    an: &Analysis<'_>,
    from_order: usize,
    to_order: usize,
    base: Option<&Url>,
) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    let mut under_label_until: Option<usize> = None;
    for block in an.blocks_in(from_order, to_order) {
        let line = block.line.trim_start();
        if line.starts_with("附件") || line.starts_with("相关附件") || line.starts_with("附件下载")
        {
            under_label_until = Some(block.order + 12);
        }
        let Some(node) = an.doc.tree.get(block.node) else {
            continue;
        };
        let labelled = under_label_until.is_some_and(|u| block.order <= u);
        // Only the block's own links: nested blocks are visited on their own.
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            for child in n.children().rev() {
                let Node::Element(el) = child.value() else {
                    continue;
                };
                if child.id() != node.id() && crate::extract::dom::is_block(&el.name.local) {
                    continue;
                }
                stack.push(child);
            }
            let Node::Element(el) = n.value() else {
                continue;
            };
            let (href, text) = match el.name() {
                "a" => {
                    let onclick = el
                        .attr("onclick")
                        .and_then(|o| WINDOW_OPEN.captures(o))
                        .map(|c| c[1].to_string());
                    let text = flowing_text(n);
                    let href = match el.attr("href") {
                        Some(h) if is_attachment_link(h, &text) => Some(h.to_string()),
                        Some(h) if labelled && is_download_link(h, &text) => Some(h.to_string()),
                        _ => onclick.filter(|o| is_attachment_href(o)),
                    };
                    (href, text)
                }
                "embed" | "iframe" | "object" => {
                    let src = el.attr("src").or_else(|| el.attr("data"));
                    (
                        src.filter(|s| is_attachment_href(s)).map(str::to_string),
                        String::new(),
                    )
                }
                _ => (None, String::new()),
            };
            let Some(href) = href else {
                continue;
            };
            let url = resolve(base, &href);
            if out.iter().any(|a| a.url == url) {
                continue;
            }
            let name = attachment_name(&text, el.attr("title"), &url);
            out.push(Attachment { name, url });
        }
    }
    out
}

/// Under a 附件 label, a link without a document extension is still an attachment when it is not a page or
/// pager link (`download.jsp?id=…`, `/attach/123`).
fn is_download_link(href: &str, text: &str) -> bool {
    const PAGER: [&str; 8] = [
        "上一页",
        "下一页",
        "首页",
        "尾页",
        "返回",
        "打印",
        "关闭",
        "更多",
    ];
    let lower = href.trim().to_ascii_lowercase();
    if lower.is_empty()
        || lower.starts_with('#')
        || lower.starts_with("javascript:")
        || lower.starts_with("mailto:")
    {
        return false;
    }
    if PAGER.iter().any(|p| text.contains(p)) {
        return false;
    }
    if ["download", "attach", "fileid", "file=", "/file/", "getfile"]
        .iter()
        .any(|m| lower.contains(m))
    {
        return true;
    }
    let path = lower.split(['?', '#']).next().unwrap_or("");
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    !(path.ends_with('/')
        || matches!(
            ext,
            "htm" | "html" | "shtml" | "php" | "asp" | "aspx" | "jsp" | "do"
        ))
}

/// Documents embedded in the body (`<embed src="….pdf">`, `<object data=…>`, a pdf viewer `<iframe>`) that sit in
/// no text line of their own, appended to `list` unless already there.
pub fn embedded_documents(
    an: &Analysis<'_>,
    roots: &[ego_tree::NodeId],
    base: Option<&Url>,
    list: &mut Vec<Attachment>,
) {
    for (node, src) in &an.embeds {
        if !is_attachment_href(src) {
            continue;
        }
        let inside = an
            .doc
            .tree
            .get(*node)
            .is_some_and(|n| roots.iter().any(|r| crate::extract::dom::is_within(n, *r)));
        let url = resolve(base, src);
        if inside && !list.iter().any(|a| a.url == url) {
            let name = attachment_name("", None, &url);
            list.push(Attachment { name, url });
        }
    }
}

static CREATE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']"#,
    )
    .expect("createPageHTML regex")
});

/// The pages a TRS `createPageHTML(N, current, "prefix", "ext")` call in `script` writes links to: N and the
/// prefix and extension of `prefix_1.ext` … `prefix_{N-1}.ext`.
pub fn script_pages(script: &str) -> Option<(u32, &str, &str)> {
    let c = CREATE_PAGE.captures(script)?;
    let count: u32 = c[1].parse().unwrap_or(0);
    let (prefix, ext) = (c.get(3)?.as_str(), c.get(4)?.as_str());
    Some((count, prefix, ext))
}

/// `name_2.html` → (`name`, 2, `html`).
pub fn split_part_name(name: &str) -> Option<(&str, u32, &str)> {
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, n) = stem.rsplit_once('_')?;
    let n: u32 = n.parse().ok()?;
    (!base.is_empty() && n < 1000).then_some((base, n, ext))
}

/// Hrefs of the later parts of a multi-page article, in part order. `own_name` is this page's file name;
/// `part` is `Some(n)` when this page is itself part `n` (`name_n.html`) of an article whose head is `name.html`.
pub fn later_parts(an: &Analysis<'_>, own_name: &str, part: Option<u32>) -> Vec<String> {
    let (stem, ext) = match (part, split_part_name(own_name)) {
        (Some(_), Some((base, _, ext))) => (base, ext),
        _ => match own_name.rsplit_once('.') {
            Some((s, e)) => (s, e),
            None => return Vec::new(),
        },
    };
    let mut parts: Vec<(u32, String)> = Vec::new();
    // A part's file name holds the stem: an href without it is passed over before its file name is cut out
    // (one substring search, not the `?`, `#` and `/` splits of every anchor).
    let holds_stem = memchr::memmem::Finder::new(stem.as_bytes());
    for &(_, href) in &an.anchors {
        if holds_stem.find(href.as_bytes()).is_none() {
            continue;
        }
        let name = file_name(href);
        if let Some((b, n, e)) = split_part_name(name)
            && b == stem
            && e.eq_ignore_ascii_case(ext)
            && !parts.iter().any(|(m, _)| *m == n)
        {
            parts.push((n, href.trim().to_string()));
        }
    }
    for script in &an.pager_scripts {
        if let Some((count, prefix, ext)) = script_pages(script) {
            for n in 1..count.min(100) {
                if !parts.iter().any(|(m, _)| *m == n) {
                    parts.push((n, format!("{prefix}_{n}.{ext}")));
                }
            }
        }
    }
    parts.sort_by_key(|(n, _)| *n);
    let own_n = part.unwrap_or(0);
    parts.retain(|(n, _)| *n > own_n);
    parts.into_iter().map(|(_, h)| h).collect()
}

/// For a page named `name_N.ext` that links back to `name.ext` or `name_{N-1}.ext`: the head's file name.
pub fn continuation_of(an: &Analysis<'_>, own_name: &str) -> Option<String> {
    let (stem, n, ext) = split_part_name(own_name)?;
    let head = format!("{stem}.{ext}");
    let previous = format!("{stem}_{}.{ext}", n.saturating_sub(1));
    let links_back = an.anchors.iter().any(|(_, h)| {
        let f = file_name(h);
        f == head || f == previous
    });
    links_back.then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names() {
        assert_eq!(
            attachment_name("附件1：报名表.doc", None, "x"),
            Some("报名表.doc".into())
        );
        assert_eq!(
            attachment_name("2.日程安排.pdf", None, "x"),
            Some("2.日程安排.pdf".into())
        );
        assert_eq!(
            attachment_name(" ", None, "http://a.cn/f/%E9%80%9A%E7%9F%A5.pdf"),
            Some("通知.pdf".into())
        );
    }

    #[test]
    fn part_names() {
        assert_eq!(
            split_part_name("t20180315_88_1.html"),
            Some(("t20180315_88", 1, "html"))
        );
        assert_eq!(split_part_name("123_2.htm"), Some(("123", 2, "htm")));
        assert_eq!(split_part_name("index.html"), None);
    }
}
