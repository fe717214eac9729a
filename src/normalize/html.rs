//! Body HTML sanitizing with an allowlist (ammonia): no script, style, iframe, event-handler attributes or
//! `javascript:` URLs can survive, whatever the renderer let through. The renderer writes only allowlisted tags,
//! escaped the way ammonia's serializer escapes; a body whose markup [`is_clean`] proves to be exactly what
//! ammonia would write back is kept as it is, any other goes through ammonia's parse and clean.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The tags a body may keep, with no attributes but [`TAG_ATTRIBUTES`].
const TAGS: [&str; 25] = [
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
];

/// The attributes a tag of [`TAGS`] may keep: a link's target, an image's source and text.
const TAG_ATTRIBUTES: [(&str, &[&str]); 2] = [("a", &["href"]), ("img", &["src", "alt"])];

/// The schemes a kept URL may have (relative URLs pass as they are).
const URL_SCHEMES: [&str; 5] = ["http", "https", "mailto", "ftp", "tel"];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.tags(TAGS.into_iter().collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                .collect(),
        )
        .url_schemes(URL_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
    b
});

/// Append `s` to `out` escaped for HTML text and quoted attribute values (`& < > " '`).
pub fn push_escaped(out: &mut String, s: &str) {
    push_replacing(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// Append body text to `out` escaped as ammonia's serializer (html5ever's) escapes text: `&`, `<`, `>` and the
/// no-break space, quotes left as they are.
pub fn push_text_escaped(out: &mut String, s: &str) {
    push_serialized(out, s, false);
}

/// Append an attribute value to `out` escaped as ammonia's serializer escapes it (in double quotes): `&`, `"`,
/// `<`, `>` and the no-break space.
pub fn push_attr_escaped(out: &mut String, s: &str) {
    push_serialized(out, s, true);
}

fn push_serialized(out: &mut String, s: &str, attr: bool) {
    let bytes = s.as_bytes();
    // The next byte that may need escaping, found with memchr as the serializer does; the no-break space is two
    // bytes (C2 A0), every other character escaped is one ASCII byte.
    let quote = if attr { b'"' } else { b'<' };
    let next = |from: usize| {
        let rest = &bytes[from..];
        let end = memchr::memchr3(quote, b'<', b'>', rest).unwrap_or(rest.len());
        from + memchr::memchr2(b'&', 0xC2, &rest[..end]).unwrap_or(end)
    };
    let mut from = 0;
    let mut at = next(0);
    while at < bytes.len() {
        let (escaped, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            _ if bytes.get(at + 1) == Some(&0xA0) => ("&nbsp;", 2),
            // A C2 that starts another character.
            _ => {
                at = next(at + 1);
                continue;
            }
        };
        out.push_str(&s[from..at]);
        out.push_str(escaped);
        from = at + len;
        at = next(from);
    }
    out.push_str(&s[from..]);
}

/// Append `s` to `out` with the ASCII bytes `escape` names replaced (the text between them copied whole: an ASCII
/// byte is never inside a character).
fn push_replacing(out: &mut String, s: &str, escape: impl Fn(u8) -> Option<&'static str>) {
    let mut from = 0;
    for (at, b) in s.bytes().enumerate() {
        let Some(escaped) = escape(b) else {
            continue;
        };
        out.push_str(&s[from..at]);
        out.push_str(escaped);
        from = at + 1;
    }
    out.push_str(&s[from..]);
}

/// Sanitize body HTML produced by the renderer.
pub fn sanitize(html: &str) -> String {
    if is_clean(html) {
        html.to_string()
    } else {
        CLEANER.clean(html).to_string()
    }
}

/// [`sanitize`], keeping the string when it is clean already.
pub fn sanitize_owned(html: String) -> String {
    if is_clean(&html) {
        html
    } else {
        CLEANER.clean(&html).to_string()
    }
}

/// An element of [`TAGS`] as [`is_clean`] reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// `p`, `h2`…`h6`: hold only inline content (a block inside one is closed by the parser).
    Phrasing,
    /// `ul`, `ol`: the only places for an `li`.
    List,
    /// `li`, `blockquote`, `pre`, `td`, `th`: hold blocks and inline content.
    Flow,
    /// `table`, `thead` or `tbody`, `tr`: hold only the table part below them (and whitespace).
    Table,
    Section,
    Row,
    /// `strong`, `em`, `u`, `sub`, `sup`, `a`, and the void `br` and `img`.
    Inline,
}

/// Whether ammonia, given `html`, would write back exactly `html`: the markup is a well-nested tree of [`TAGS`]
/// in places where the HTML parser keeps them as written (no block inside a paragraph, heading or inline
/// element, no list item outside a list, table parts only in the part above them and nothing else there but
/// whitespace, no link inside a link); attributes are only [`TAG_ATTRIBUTES`] in that order, with URLs ammonia
/// keeps; text and values are escaped as its serializer escapes them (no raw `>` or no-break space, `&` only in
/// the entities it writes). Anything else — hostile markup above all — is left to ammonia.
fn is_clean(html: &str) -> bool {
    let bytes = html.as_bytes();
    // The parser drops a leading byte-order mark, turns CR into LF and drops or replaces NUL.
    if html.starts_with('\u{feff}') || memchr::memchr2(b'\r', 0, bytes).is_some() {
        return false;
    }
    let mut stack: Vec<(&str, Tag)> = Vec::new();
    // Open paragraphs and headings, open inline elements, open links.
    let (mut phrasing, mut inline, mut links) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while at < bytes.len() {
        let parent = stack.last().map(|(_, tag)| *tag);
        if bytes[at] != b'<' {
            let end = memchr::memchr(b'<', &bytes[at..]).map_or(bytes.len(), |e| at + e);
            let text = &html[at..end];
            let in_table_part = matches!(parent, Some(Tag::Table | Tag::Section | Tag::Row));
            if (in_table_part && !text.bytes().all(|b| b.is_ascii_whitespace()))
                || !is_escaped(text, false)
            {
                return false;
            }
            at = end;
            continue;
        }
        let Some(close) = memchr::memchr(b'>', &bytes[at..]).map(|e| at + e) else {
            return false;
        };
        let inside = &html[at + 1..close];
        at = close + 1;
        if let Some(name) = inside.strip_prefix('/') {
            match stack.pop() {
                Some((open, tag)) if open == name => match tag {
                    Tag::Phrasing => phrasing -= 1,
                    Tag::Inline if name == "a" => {
                        inline -= 1;
                        links -= 1;
                    }
                    Tag::Inline => inline -= 1,
                    _ => {}
                },
                _ => return false,
            }
            continue;
        }
        let (name, attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        let Some(tag) = tag_of(name) else {
            return false;
        };
        let block_allowed = phrasing == 0 && inline == 0;
        let fits = match (parent, tag) {
            (Some(Tag::Table), Tag::Section)
            | (Some(Tag::Section), Tag::Row)
            | (Some(Tag::Row), Tag::Flow) => matches!(name, "thead" | "tbody" | "tr" | "td" | "th"),
            (Some(Tag::Table | Tag::Section | Tag::Row), _) | (_, Tag::Section | Tag::Row) => false,
            _ if matches!(name, "td" | "th") => false,
            (_, Tag::Inline) => name != "a" || links == 0,
            (_, Tag::Flow) if name == "li" => block_allowed && parent == Some(Tag::List),
            (_, Tag::Phrasing | Tag::List | Tag::Flow | Tag::Table) => block_allowed,
        };
        let attrs_fit = match name {
            "a" => attributes_are(attrs, &[&["href"]]),
            "img" => attributes_are(attrs, &[&["src"], &["src", "alt"]]),
            _ => attrs.is_empty(),
        };
        // The parser drops a line feed right after `<pre>`.
        if !fits || !attrs_fit || (name == "pre" && bytes.get(at) == Some(&b'\n')) {
            return false;
        }
        match (tag, name) {
            (_, "br" | "img") => continue,
            (Tag::Phrasing, _) => phrasing += 1,
            (Tag::Inline, "a") => {
                inline += 1;
                links += 1;
            }
            (Tag::Inline, _) => inline += 1,
            _ => {}
        }
        stack.push((name, tag));
    }
    stack.is_empty()
}

/// What [`is_clean`] knows of a tag; None for a tag outside the allowlist.
fn tag_of(name: &str) -> Option<Tag> {
    Some(match name {
        "p" | "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Phrasing,
        "ul" | "ol" => Tag::List,
        "li" | "blockquote" | "pre" | "td" | "th" => Tag::Flow,
        "table" => Tag::Table,
        "thead" | "tbody" => Tag::Section,
        "tr" => Tag::Row,
        "strong" | "em" | "u" | "sub" | "sup" | "a" | "br" | "img" => Tag::Inline,
        _ => return None,
    })
}

/// Whether `attrs` (what follows a tag's name) is `name="value"` pairs, one space apart, named as one of
/// `allowed`, each value escaped as the serializer escapes it and, for a URL, one ammonia keeps.
fn attributes_are(attrs: &str, allowed: &[&[&str]]) -> bool {
    let mut names: [&str; 2] = [""; 2];
    let mut count = 0;
    let mut rest = attrs;
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once("=\"") else {
            return false;
        };
        let Some((value, after)) = after.split_once('"') else {
            return false;
        };
        if count == names.len()
            || !is_escaped(value, true)
            || (matches!(name, "href" | "src") && !url_is_kept(value))
        {
            return false;
        }
        names[count] = name;
        count += 1;
        rest = match after.strip_prefix(' ') {
            Some(r) if !r.is_empty() => r,
            None if after.is_empty() => after,
            _ => return false,
        };
    }
    allowed.contains(&&names[..count])
}

/// The entities the serializer writes in text, and in attribute values (`&quot;` too), with what they stand for.
const ENTITIES: [(&str, char); 5] = [
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&nbsp;", '\u{a0}'),
    ("&quot;", '"'),
];

/// Whether text (or an attribute value) reads back from the parser and out of the serializer unchanged: no raw
/// `>` (nor `<` in a value), no raw no-break space, every `&` one of the entities the serializer writes there.
fn is_escaped(s: &str, attr: bool) -> bool {
    let bytes = s.as_bytes();
    let entities = if attr { &ENTITIES[..] } else { &ENTITIES[..4] };
    // A value may not hold `<` either (the serializer escapes it there).
    let raw_bracket = if attr {
        memchr::memchr2(b'<', b'>', bytes)
    } else {
        memchr::memchr(b'>', bytes)
    };
    raw_bracket.is_none()
        && memchr::memmem::find(bytes, "\u{a0}".as_bytes()).is_none()
        && memchr::memchr_iter(b'&', bytes)
            .all(|i| entities.iter().any(|(e, _)| s[i..].starts_with(e)))
}

/// Whether ammonia keeps a `href` or `src` (as escaped in the markup): a relative URL, or one whose scheme is in
/// [`URL_SCHEMES`].
fn url_is_kept(escaped: &str) -> bool {
    let mut value = String::with_capacity(escaped.len());
    let mut rest = escaped;
    while let Some(i) = rest.find('&') {
        value.push_str(&rest[..i]);
        rest = &rest[i..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                value.push(*c);
                rest = &rest[e.len()..];
            }
            None => return false,
        }
    }
    value.push_str(rest);
    match url::Url::parse(&value) {
        Ok(u) => URL_SCHEMES.contains(&u.scheme()),
        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
    }
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

    /// What the renderer writes is kept as written, without ammonia's parse; ammonia would write the same.
    #[test]
    fn rendered_markup_is_kept_as_written() {
        let rendered = "<h2>标题 &amp; \"引号\" 'x'</h2><p>正文&nbsp;一<a href=\"http://a.cn/l?a=1&amp;b=&quot;2&quot;\">链接</a>\
            <br><img src=\"/upload/a.jpg\" alt=\"图 &lt;1&gt;\"></p><ul> <li><strong>甲</strong></li></ul>\
            <table><tbody><tr><td><p>单元</p></td><th>乙</th></tr></tbody></table>\n<blockquote><pre>代码</pre></blockquote>";
        assert!(is_clean(rendered));
        assert_eq!(CLEANER.clean(rendered).to_string(), rendered);
        assert_eq!(sanitize(rendered), rendered);
    }

    /// Text and attribute values escaped for the body read back through ammonia unchanged.
    #[test]
    fn escaping_matches_the_serializer() {
        for raw in [
            "a & b < c > d",
            "\"双引号\" '单引号'",
            "no\u{a0}break",
            "\u{80}\u{c2}é\u{a0}\u{a0}",
            "&amp; &lt;p&gt;",
            "",
        ] {
            let mut text = String::from("<p>");
            push_text_escaped(&mut text, raw);
            text.push_str("</p>");
            assert_eq!(CLEANER.clean(&text).to_string(), text, "{raw:?}");
            assert!(is_clean(&text), "{text}");
            let mut img = String::from("<img src=\"a.png\" alt=\"");
            push_attr_escaped(&mut img, raw);
            img.push_str("\">");
            assert_eq!(CLEANER.clean(&img).to_string(), img, "{raw:?}");
            assert!(is_clean(&img), "{img}");
        }
    }

    /// Markup the parser would rebuild, or ammonia would strip, goes through ammonia.
    #[test]
    fn markup_ammonia_would_change_is_not_clean() {
        for html in [
            "<p><strong>甲</p></strong>",
            "<p>甲<p>乙</p></p>",
            "<strong><p>甲</p></strong>",
            "<li>甲</li>",
            "<table><tr><td>甲</td></tr></table>",
            "<table>甲<tbody></tbody></table>",
            "<a href=\"a.html\"><a href=\"b.html\">甲</a></a>",
            "<a href=\"javascript:alert(1)\">甲</a>",
            "<a href=\"http://exa mple.cn/\">甲</a>",
            "<img src=\"data:image/png;base64,AA\">",
            "<p onclick=\"x()\">甲</p>",
            "<p>a > b</p>",
            "<p>\"&quot;\"</p>",
            "<p>甲\u{a0}乙</p>",
            "<pre>\n甲</pre>",
            "<p>甲\r</p>",
            "<div>甲</div>",
            "<p>甲",
            "\u{feff}甲",
        ] {
            assert!(!is_clean(html), "{html}");
            assert_eq!(sanitize(html), CLEANER.clean(html).to_string(), "{html}");
        }
    }

    /// Random markup built from the renderer's tags, attributes and text (some of it hostile, misnested or
    /// unclosed): the fast path always gives what ammonia gives, and it is taken for most well-formed bodies.
    #[test]
    fn sanitize_agrees_with_ammonia_on_generated_markup() {
        const OPEN: [&str; 26] = [
            "<p>",
            "<h2>",
            "<h3>",
            "<ul>",
            "<ol>",
            "<li>",
            "<blockquote>",
            "<pre>",
            "<table>",
            "<thead>",
            "<tbody>",
            "<tr>",
            "<td>",
            "<th>",
            "<strong>",
            "<em>",
            "<u>",
            "<sub>",
            "<sup>",
            "<a href=\"http://a.cn/x?a=1&amp;b=2\">",
            "<a href=\"rel/p.html\">",
            "<a href=\"javascript:alert(1)\">",
            "<a href=\"http://[::1\">",
            "<div>",
            "<p class=\"x\">",
            "<a href=\"mailto:a@b.cn\">",
        ];
        const LEAVES: [&str; 14] = [
            "正文",
            " ",
            "\n",
            "a &amp; b",
            "\"双\" '单'",
            "&lt;script&gt;",
            "&nbsp;",
            "&quot;",
            ">",
            "<br>",
            "<img src=\"a.png\">",
            "<img src=\"b.png\" alt=\"图&quot;\">",
            "<img src=\"vbscript:x\">",
            "<script>alert(1)</script>",
        ];
        let mut rng = fastrand::Rng::with_seed(12);
        let (mut kept, mut total) = (0, 0);
        for _ in 0..4000 {
            let mut html = String::new();
            let mut open: Vec<&str> = Vec::new();
            for _ in 0..rng.usize(1..24) {
                match rng.u8(0..10) {
                    0..=3 => {
                        let tag = OPEN[rng.usize(..OPEN.len())];
                        html.push_str(tag);
                        let name = tag[1..].split([' ', '>']).next().unwrap_or("");
                        open.push(name);
                    }
                    4..=6 => html.push_str(LEAVES[rng.usize(..LEAVES.len())]),
                    _ => {
                        // Mostly the innermost open tag, sometimes another one (misnested).
                        let at = if rng.u8(0..8) == 0 && !open.is_empty() {
                            rng.usize(..open.len())
                        } else {
                            open.len().saturating_sub(1)
                        };
                        if at < open.len() {
                            let name = open.remove(at);
                            html.push_str(&format!("</{name}>"));
                        }
                    }
                }
            }
            if rng.u8(0..4) != 0 {
                while let Some(name) = open.pop() {
                    html.push_str(&format!("</{name}>"));
                }
            }
            total += 1;
            if is_clean(&html) {
                kept += 1;
            }
            assert_eq!(sanitize(&html), CLEANER.clean(&html).to_string(), "{html}");
        }
        assert!(
            kept * 20 > total,
            "only {kept} of {total} generated bodies were clean"
        );
    }
}
