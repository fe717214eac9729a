//! The `<meta>` charset prescan: a byte scan of the first 64 KiB that looks only inside `<meta>` tags, so
//! `<script charset="utf-8">` and text outside tags never count, and the page is not parsed twice.

use super::{Declaration, clean_label};

/// How far into the page the prescan looks. Some portal pages put their first `charset=` past 4 KiB, beyond the
/// 1,024 bytes of the WHATWG prescan.
const PRESCAN_LIMIT: usize = 64 * 1024;

/// The first `<meta>` charset declaration encoding_rs knows, else the first one found.
pub(super) fn prescan_meta(bytes: &[u8]) -> Option<Declaration> {
    let window = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let mut first_unknown: Option<Declaration> = None;
    let mut i = 0;
    while let Some(off) = window[i..].iter().position(|&b| b == b'<') {
        i += off;
        let rest = &window[i..];
        if rest.starts_with(b"<!--") {
            // `<!-->` closes at once, as in browsers.
            match find(&rest[2..], b"-->") {
                Some(end) => i += 2 + end + 3,
                None => break,
            }
            continue;
        }
        let next = rest.get(1).copied();
        if next.is_some_and(|b| b.is_ascii_alphabetic()) {
            let name_end = rest[1..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .map_or(rest.len(), |p| p + 1);
            let name = &rest[1..name_end];
            let Some((tag_len, attrs)) = parse_attributes(rest, name_end) else {
                // An unclosed quote (`<a title="x>`): resume after the next `>`. This happens at most once
                // per unmatched quote, so the scan stays linear.
                match rest.iter().position(|&b| b == b'>') {
                    Some(end) => i += end + 1,
                    None => break,
                }
                continue;
            };
            if name.eq_ignore_ascii_case(b"meta")
                && let Some(label) = attrs.charset_label()
                && let Some(decl) = Declaration::new(clean_label(label))
            {
                if decl.encoding.is_some() {
                    return Some(decl);
                }
                first_unknown.get_or_insert(decl);
            }
            i += tag_len;
        } else if matches!(next, Some(b'/' | b'!' | b'?')) {
            match rest.iter().position(|&b| b == b'>') {
                Some(end) => i += end + 1,
                None => break,
            }
        } else {
            i += 1;
        }
    }
    first_unknown
}

/// The attributes of a `<meta>` tag that matter (first occurrence of each wins).
#[derive(Default)]
struct MetaAttrs<'a> {
    charset: Option<&'a [u8]>,
    content: Option<&'a [u8]>,
    http_equiv: Option<&'a [u8]>,
    name: bool,
}

impl<'a> MetaAttrs<'a> {
    fn charset_label(&self) -> Option<&'a [u8]> {
        if let Some(charset) = self.charset
            && charset.iter().any(|b| !b.is_ascii_whitespace())
        {
            return Some(charset);
        }
        let content = self.content?;
        let usable = match self.http_equiv {
            Some(he) => he.trim_ascii().eq_ignore_ascii_case(b"content-type"),
            // Malformed `<meta content="text/html; charset=gbk">`: accept it unless it is clearly a named
            // meta with some other content.
            None => !self.name || content.contains(&b'/'),
        };
        if usable {
            charset_in_content(content)
        } else {
            None
        }
    }
}

/// Parse a tag's attributes starting at `pos` (just after the tag name). Returns the length of the whole tag
/// (through `>`) and the meta-relevant attributes, or `None` when the tag does not end inside `tag`.
fn parse_attributes(tag: &[u8], mut pos: usize) -> Option<(usize, MetaAttrs<'_>)> {
    let mut attrs = MetaAttrs::default();
    loop {
        while pos < tag.len() && (tag[pos].is_ascii_whitespace() || tag[pos] == b'/') {
            pos += 1;
        }
        if *tag.get(pos)? == b'>' {
            return Some((pos + 1, attrs));
        }
        let name_start = pos;
        pos += 1; // The first character belongs to the name even if it is `=`.
        while pos < tag.len()
            && !matches!(tag[pos], b'=' | b'/' | b'>')
            && !tag[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        let name = &tag[name_start..pos];
        while pos < tag.len() && tag[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let mut value: &[u8] = b"";
        if tag.get(pos) == Some(&b'=') {
            pos += 1;
            while pos < tag.len() && tag[pos].is_ascii_whitespace() {
                pos += 1;
            }
            match *tag.get(pos)? {
                quote @ (b'"' | b'\'') => {
                    let end = tag[pos + 1..].iter().position(|&b| b == quote)?;
                    value = &tag[pos + 1..pos + 1 + end];
                    pos += end + 2;
                }
                b'>' => {}
                _ => {
                    let start = pos;
                    while pos < tag.len() && tag[pos] != b'>' && !tag[pos].is_ascii_whitespace() {
                        pos += 1;
                    }
                    value = &tag[start..pos];
                }
            }
        }
        if name.eq_ignore_ascii_case(b"charset") {
            attrs.charset.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"content") {
            attrs.content.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            attrs.http_equiv.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"name") {
            attrs.name = true;
        }
    }
}

/// WHATWG "extracting a character encoding from a meta element": `...; charset = "gbk"` → `gbk`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let at = find_ignore_case(&content[pos..], b"charset")?;
        pos += at + b"charset".len();
        while pos < content.len() && content[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while pos < content.len() && content[pos].is_ascii_whitespace() {
            pos += 1;
        }
        return match *content.get(pos)? {
            quote @ (b'"' | b'\'') => {
                let end = content[pos + 1..].iter().position(|&b| b == quote)?;
                Some(&content[pos + 1..pos + 1 + end])
            }
            _ => {
                let start = pos;
                while pos < content.len()
                    && content[pos] != b';'
                    && !content[pos].is_ascii_whitespace()
                {
                    pos += 1;
                }
                (pos > start).then(|| &content[start..pos])
            }
        };
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(html: &str) -> Option<String> {
        prescan_meta(html.as_bytes()).map(|d| d.label)
    }

    #[test]
    fn finds_charset_only_inside_meta_tags() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "charset attribute",
                r#"<head><meta charset="GBK"></head>"#,
                Some("gbk"),
            ),
            (
                "unquoted, self-closing",
                "<meta charset=gb2312/>",
                Some("gb2312"),
            ),
            (
                "single quotes, spaces",
                "<meta charset = ' UTF-8 ' >",
                Some("utf-8"),
            ),
            (
                "http-equiv, upper-case tag",
                r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">"#,
                Some("gb2312"),
            ),
            (
                "content before http-equiv",
                r#"<meta content="text/html;charset=gbk" http-equiv="content-type" />"#,
                Some("gbk"),
            ),
            (
                "malformed: content without http-equiv",
                r#"<meta content="text/html; charset=gbk">"#,
                Some("gbk"),
            ),
            (
                "spaces and quotes around the content charset",
                r#"<meta http-equiv=Content-Type content="text/html; charset = 'big5' ">"#,
                Some("big5"),
            ),
            (
                "no charset at all",
                "<html><head><title>x</title></head></html>",
                None,
            ),
            (
                "script charset is not a declaration",
                r#"<script src="a.js" charset="utf-8"></script><meta charset="gbk">"#,
                Some("gbk"),
            ),
            (
                "link charset is not a declaration",
                r#"<link charset="utf-8" href="a.css">"#,
                None,
            ),
            ("charset= in text", "<p>charset=utf-8</p>", None),
            (
                "meta inside a quoted attribute of another tag",
                r#"<div title="<meta charset=utf-8>">x</div><meta charset=gbk>"#,
                Some("gbk"),
            ),
            (
                "commented-out meta",
                r#"<!-- <meta charset="utf-8"> --><meta charset="gb2312">"#,
                Some("gb2312"),
            ),
            (
                "<!--> closes at once",
                "<!--><meta charset=gbk>-->",
                Some("gbk"),
            ),
            ("unterminated comment", "<!-- <meta charset=gbk>", None),
            (
                "other http-equiv",
                r#"<meta http-equiv="refresh" content="0; url=a.htm; charset=utf-8">"#,
                None,
            ),
            (
                "named meta whose content mentions charset",
                r#"<meta name="description" content="charset=utf-8 pages">"#,
                None,
            ),
            ("metadata is not meta", "<metadata charset=gbk>", None),
            (
                "slash after the tag name",
                "<meta/charset=gbk>",
                Some("gbk"),
            ),
            (
                "empty charset, then a content charset",
                r#"<meta charset=""><meta http-equiv="Content-Type" content="text/html; charset=gbk">"#,
                Some("gbk"),
            ),
            (
                "unknown label, then a known one",
                r#"<meta charset="x-no-such"><meta charset="gbk">"#,
                Some("gbk"),
            ),
            (
                "only an unknown label",
                r#"<meta charset="X-No-Such">"#,
                Some("x-no-such"),
            ),
            ("unterminated meta", r#"<meta charset="gbk""#, None),
            ("unterminated quote", r#"<meta charset="gbk>"#, None),
            (
                "unclosed quote in an earlier tag",
                r#"<a title="broken><meta charset=gbk>"#,
                Some("gbk"),
            ),
            ("lone <", "a < b <", None),
            (
                "end tag and doctype",
                "<!DOCTYPE html></p><?xml x?><meta charset=gbk>",
                Some("gbk"),
            ),
            ("empty", "", None),
            ("just <meta", "<meta", None),
        ];
        for (name, html, want) in cases {
            assert_eq!(label(html).as_deref(), *want, "case {name}: {html}");
        }
    }

    #[test]
    fn looks_past_4_kib_but_not_past_64_kib() {
        let pad = "x".repeat(5000);
        let html = format!(
            r#"<script charset="utf-8">var pad = "{pad}";</script><meta http-equiv="Content-Type" content="text/html; charset=gbk">"#
        );
        assert_eq!(label(&html).as_deref(), Some("gbk"));

        let pad = "x".repeat(PRESCAN_LIMIT);
        let html = format!("<p>{pad}</p><meta charset=gbk>");
        assert_eq!(label(&html), None);
    }

    #[test]
    fn content_charset_extraction() {
        let cases: &[(&str, Option<&str>)] = &[
            ("text/html; charset=gbk", Some("gbk")),
            ("text/html;charset=GB2312;foo", Some("GB2312")),
            ("text/html; charset=\"gbk\"", Some("gbk")),
            ("text/html; charset='gbk", None),
            ("text/html; charset=", None),
            ("text/html; charset", None),
            ("charsetx; charset=big5", Some("big5")),
            ("", None),
        ];
        for (content, want) in cases {
            let got = charset_in_content(content.as_bytes())
                .map(|b| String::from_utf8_lossy(b).into_owned());
            assert_eq!(got.as_deref(), *want, "{content}");
        }
    }
}
