//! Rewriting the links of a sanitized body: the fragment is parsed with html5ever (through scraper), every
//! `<a href>` and `<img src>` is offered to a function that may give it a new value, the tree is written back
//! out, and the result goes through the project's sanitizer again — so a rewrite can never let anything in
//! that the allowlist keeps out.

use scraper::{Html, Node};

use crate::normalize::html::sanitize;

/// Which attribute a link sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `<a href>`.
    Anchor,
    /// `<img src>`.
    Image,
}

/// Elements written without a closing tag.
const VOID: [&str; 8] = ["br", "img", "hr", "wbr", "col", "area", "source", "input"];

/// Rewrite the links in `html`: `map(kind, value)` returns the new attribute value, or `None` to keep it.
/// A body none of whose links change comes back exactly as it was.
pub fn rewrite_links(html: &str, mut map: impl FnMut(LinkKind, &str) -> Option<String>) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() + 64);
    let mut changed = false;
    let mut tracked = |kind: LinkKind, value: &str| {
        let new = map(kind, value);
        changed |= new.as_deref().is_some_and(|n| n != value);
        new
    };
    for child in doc.root_element().children() {
        write_node(child, &mut out, &mut tracked);
    }
    if changed {
        sanitize(&out)
    } else {
        html.to_string()
    }
}

fn write_node(
    node: ego_tree::NodeRef<'_, Node>,
    out: &mut String,
    map: &mut impl FnMut(LinkKind, &str) -> Option<String>,
) {
    match node.value() {
        Node::Text(t) => escape(out, t, false),
        Node::Element(el) => {
            let name = el.name();
            out.push('<');
            out.push_str(name);
            // The link attribute first, as the renderer writes it (scraper keeps attributes sorted by name).
            let mut attrs: Vec<(&str, &str)> = el.attrs().collect();
            attrs.sort_by_key(|(a, _)| !matches!(*a, "href" | "src"));
            for (attr, value) in attrs {
                let kind = match (name, attr) {
                    ("a", "href") => Some(LinkKind::Anchor),
                    ("img", "src") => Some(LinkKind::Image),
                    _ => None,
                };
                let new = kind.and_then(|k| map(k, value));
                out.push(' ');
                out.push_str(attr);
                out.push_str("=\"");
                escape(out, new.as_deref().unwrap_or(value), true);
                out.push('"');
            }
            out.push('>');
            if VOID.contains(&name) {
                return;
            }
            for child in node.children() {
                write_node(child, out, map);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        // Comments, doctypes and processing instructions have no place in a body.
        _ => {}
    }
}

fn escape(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_anchors_and_images_only() {
        let html = r#"<p>见<a href="http://a.cn/t1.html#s2">上文</a>与<img src="http://a.cn/i.jpg" alt="图&quot;一&quot;">，A&amp;B &lt;C&gt;</p><p>&nbsp;</p>"#;
        let out = rewrite_links(html, |kind, v| match kind {
            LinkKind::Anchor => Some(v.replace("http://a.cn/t1.html", "/articles/1")),
            LinkKind::Image => None,
        });
        assert_eq!(
            out,
            r#"<p>见<a href="/articles/1#s2">上文</a>与<img src="http://a.cn/i.jpg" alt="图&quot;一&quot;">，A&amp;B &lt;C&gt;</p><p>&nbsp;</p>"#
        );
    }

    #[test]
    fn a_rewrite_cannot_smuggle_markup() {
        let out = rewrite_links(r#"<a href="http://a.cn/">x</a>"#, |_, _| {
            Some(r#"javascript:alert(1)" onclick="x"#.to_string())
        });
        assert!(
            !out.contains("javascript") && !out.contains("onclick"),
            "{out}"
        );
    }
}
