//! How an extracted value is compared with a label. The rules follow the corpus README: snippets and values are
//! compared with all whitespace removed (ASCII, U+3000, U+00A0 and zero-width characters), a source is right when
//! it starts with the label, and people lists are the same names whatever separator stands between them.
//! Attachments match by URL path (relative, absolute or percent-encoded alike) or by name.

use crate::normalize::url::percent_decode;

/// Whitespace for comparison purposes: Unicode whitespace (which includes U+3000 and U+00A0) and the zero-width
/// characters legacy editors leave in text.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

/// `s` with every whitespace character removed.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !is_blank(*c)).collect()
}

/// Whitespace-insensitive equality.
pub fn same_text(label: &str, extracted: &str) -> bool {
    squash(label) == squash(extracted)
}

/// A source is right when equal, or when the extracted value starts with the label (天津日报 for
/// "天津日报2023年05月19日 4版").
pub fn same_source(label: &str, extracted: &str) -> bool {
    let (l, e) = (squash(label), squash(extracted));
    !l.is_empty() && e.starts_with(&l)
}

/// The names in a people field: split on whitespace, 、, ， and commas.
pub fn people(s: &str) -> Vec<String> {
    s.split(|c: char| is_blank(c) || matches!(c, '、' | '，' | ','))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Author and editor values: the same names in the same order, whatever the separators.
pub fn same_people(label: &str, extracted: &str) -> bool {
    people(label) == people(extracted)
}

/// trafilatura's `norm`: whitespace runs become one space, ends trimmed. Python's `\s` also matches the
/// information separators U+001C..U+001F, so they count as whitespace here too.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The comparable part of a link: path and query, percent-decoded, without scheme, host, fragment, `&amp;`
/// escapes or leading `./` and `../`.
pub fn url_key(href: &str) -> String {
    let h = href.trim();
    let h = h.split('#').next().unwrap_or("");
    let without_host = match h.find("://") {
        Some(i) if !h[..i].contains(['/', '?']) => {
            let after = &h[i + 3..];
            after.find('/').map(|j| &after[j..]).unwrap_or("/")
        }
        _ if h.starts_with("//") => {
            let after = &h[2..];
            after.find('/').map(|j| &after[j..]).unwrap_or("/")
        }
        _ => h,
    };
    let mut key = percent_decode(&without_host.replace("&amp;", "&"));
    loop {
        if let Some(rest) = key.strip_prefix("./") {
            key = rest.to_string();
        } else if let Some(rest) = key.strip_prefix("../") {
            key = rest.to_string();
        } else {
            break;
        }
    }
    key
}

/// Whether two links name the same file: equal keys, or one key is a path suffix of the other (a relative link
/// against an absolute one), or equal paths when only one of them carries a query.
pub fn same_url(label_href: &str, extracted_url: &str) -> bool {
    let (a, b) = (url_key(label_href), url_key(extracted_url));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || path_suffix(&a, &b) || path_suffix(&b, &a) {
        return true;
    }
    let (pa, qa) = split_query(&a);
    let (pb, qb) = split_query(&b);
    (qa.is_none() || qb.is_none())
        && !pa.is_empty()
        && !pb.is_empty()
        && (pa == pb || path_suffix(pa, pb) || path_suffix(pb, pa))
}

fn split_query(key: &str) -> (&str, Option<&str>) {
    match key.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (key, None),
    }
}

/// `short` ends `long` at a path boundary.
fn path_suffix(long: &str, short: &str) -> bool {
    let short = short.trim_start_matches('/');
    !short.is_empty()
        && long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with('/')
}

/// An attachment's name for matching: whitespace removed, a leading 附件 / 附件N： label and a trailing file
/// extension dropped, ASCII lower-cased.
pub fn name_key(name: &str) -> String {
    let mut s = squash(name);
    if let Some(rest) = s.strip_prefix("附件") {
        let rest = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        let rest = rest.trim_start_matches(['：', ':', '、', '.', '．']);
        s = rest.to_string();
    }
    if let Some((stem, ext)) = s.rsplit_once('.')
        && !stem.is_empty()
        && (1..=5).contains(&ext.len())
        && ext.chars().all(|c| c.is_ascii_alphanumeric())
    {
        s = stem.to_string();
    }
    s.to_ascii_lowercase()
}

/// A labelled attachment against an extracted one: by URL when both have one, else (or also) by name.
pub fn same_attachment(
    label_name: Option<&str>,
    label_href: Option<&str>,
    name: Option<&str>,
    url: &str,
) -> bool {
    if let Some(href) = label_href
        && same_url(href, url)
    {
        return true;
    }
    match (label_name.map(name_key), name.map(name_key)) {
        (Some(a), Some(b)) => !a.is_empty() && a == b,
        _ => false,
    }
}

/// Pair labelled attachments with extracted ones, one to one, preferring URL matches. Returns, per label, the
/// index of the extracted attachment it matched.
pub fn match_attachments(
    labels: &[(Option<&str>, Option<&str>)],
    extracted: &[(Option<&str>, &str)],
) -> Vec<Option<usize>> {
    let mut taken = vec![false; extracted.len()];
    let mut out = vec![None; labels.len()];
    // First pass by URL, second by name, so a name match cannot steal another label's URL match.
    for by_url in [true, false] {
        for (li, (lname, lhref)) in labels.iter().enumerate() {
            if out[li].is_some() {
                continue;
            }
            let found = extracted.iter().enumerate().position(|(ei, (name, url))| {
                !taken[ei]
                    && if by_url {
                        lhref.is_some_and(|h| same_url(h, url))
                    } else {
                        same_attachment(*lname, None, *name, url)
                    }
            });
            if let Some(ei) = found {
                taken[ei] = true;
                out[li] = Some(ei);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_removes_legacy_whitespace() {
        assert_eq!(
            squash("\u{3000}关于 召开\u{a0}会议\n的通知\u{200b}"),
            "关于召开会议的通知"
        );
        assert!(same_text("校情 通报", "校情通报"));
    }

    #[test]
    fn source_may_carry_a_date_after_the_label() {
        assert!(same_source("天津日报", "天津日报2023年05月19日 4版"));
        assert!(same_source("新华网", "新华网"));
        assert!(!same_source("新华网", "人民网"));
    }

    #[test]
    fn people_separators_are_equivalent() {
        assert!(same_people("张三 李四", "张三、李四"));
        assert!(same_people("张三，李四", "张三,李四"));
        assert!(!same_people("张三 李四", "李四 张三"));
        assert!(!same_people("张三", "张三李四"));
    }

    #[test]
    fn collapse_matches_trafilatura_norm() {
        assert_eq!(collapse("  a\n\n b\u{a0}\tc  "), "a b c");
        assert_eq!(collapse(""), "");
    }

    #[test]
    fn urls_match_relative_absolute_and_encoded() {
        let cases = [
            (
                "/_upload/a/b.doc",
                "http://www.example.edu.cn/_upload/a/b.doc",
                true,
            ),
            ("/_upload/a/b.doc", "../_upload/a/b.doc", true),
            ("/files/%E9%99%84%E4%BB%B6.pdf", "/files/附件.pdf", true),
            ("/_upload/a/b.doc", "/_upload/a/c.doc", false),
            (
                "/system/_content/download.jsp?urltype=x&owner=1&wbfileid=2",
                "/system/_content/download.jsp?urltype=x&amp;owner=1&amp;wbfileid=2",
                true,
            ),
            (
                "/system/_content/download.jsp?urltype=x&owner=1&wbfileid=2",
                "/system/_content/download.jsp?urltype=x&owner=1&wbfileid=3",
                false,
            ),
            ("/__local/A/B.zip?e=.zip", "/__local/A/B.zip", true),
            ("/a/b.doc", "b.doc", true),
            ("/a/xb.doc", "b.doc", false),
        ];
        for (label, extracted, want) in cases {
            assert_eq!(same_url(label, extracted), want, "{label} vs {extracted}");
        }
    }

    #[test]
    fn names_ignore_attachment_label_and_extension() {
        assert_eq!(name_key("附件1：南开大学 合同模板.doc"), "南开大学合同模板");
        assert_eq!(name_key("附件：申报表.DOCX"), "申报表");
        assert_eq!(
            name_key("1.思政专业培养计划（2016）"),
            "1.思政专业培养计划（2016）"
        );
        assert_eq!(name_key("课件"), "课件");
    }

    #[test]
    fn matching_is_one_to_one_and_prefers_urls() {
        let labels = [
            (Some("附件1：表.doc"), Some("/f/1.doc")),
            (Some("附件2：表.doc"), Some("/f/2.doc")),
        ];
        // The second extracted link has the first label's name but the second label's URL.
        let extracted = [(Some("表.doc"), "/f/1.doc"), (Some("表.doc"), "/f/2.doc")];
        assert_eq!(match_attachments(&labels, &extracted), [Some(0), Some(1)]);
        let one = [(Some("表"), "/elsewhere/x.doc")];
        assert_eq!(match_attachments(&labels, &one), [Some(0), None]);
    }
}
