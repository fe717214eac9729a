//! Body HTML sanitizing with an allowlist (ammonia): no script, style, iframe, event-handler attributes or
//! `javascript:` URLs can survive, whatever the renderer let through.

use std::collections::HashSet;
use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "strong",
        "em",
        "u",
        "sub",
        "sup",
        "a",
        "img",
    ]
    .into_iter()
    .collect();
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .generic_attributes(HashSet::new())
        .tag_attributes(
            [
                ("a", ["href"].into_iter().collect()),
                ("img", ["src", "alt"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(
            ["http", "https", "mailto", "ftp", "tel"]
                .into_iter()
                .collect(),
        )
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
    b
});

/// Append `s` to `out` escaped for HTML text and quoted attribute values (`& < > " '`).
pub fn push_escaped(out: &mut String, s: &str) {
    // The text between two characters to escape is copied whole (they are ASCII: never inside a character).
    let mut from = 0;
    for (at, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..at]);
        out.push_str(escaped);
        from = at + 1;
    }
    out.push_str(&s[from..]);
}

/// Sanitize body HTML produced by the renderer.
pub fn sanitize(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_hostile_markup() {
        let dirty = r#"<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(2)">链接</a><img src="a.jpg" onerror="y()"><iframe src="http://evil"></iframe></p>"#;
        let clean = sanitize(dirty);
        for bad in [
            "script",
            "onclick",
            "onerror",
            "javascript:",
            "iframe",
            "alert",
        ] {
            assert!(!clean.contains(bad), "{bad} survived in {clean}");
        }
        assert!(clean.contains("正文"));
        assert!(clean.contains(r#"<img src="a.jpg">"#));
    }
}
