//! Small read-only helpers over the parsed DOM (scraper/html5ever). Everything here walks iteratively — deeply
//! nested legacy markup must never overflow the stack — and skips content a reader never sees (scripts, styles,
//! hidden elements, form controls).

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Node};

use crate::normalize::text::fold;

/// Elements that start a new line of text (block-level in legacy rendering).
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "td"
            | "th"
            | "tr"
            | "ul"
            | "html"
            | "caption"
            | "frameset"
            | "noframes"
    )
}

/// Elements whose content is never article text.
pub fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "map"
            | "input"
            | "meta"
            | "link"
    )
}

/// Whether inline style or attributes hide the element.
pub fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    match el.attr("style") {
        Some(style) => {
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        None => false,
    }
}

/// Whether a node's subtree should be skipped entirely when reading text.
pub fn skip_subtree(el: &Element) -> bool {
    is_skipped(el.name()) || is_hidden(el)
}

/// `class` and `id` of an element, lower-cased and joined by a space, for marker matching.
pub fn class_and_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s.to_ascii_lowercase()
}

/// The readable text of a subtree with element boundaries as spaces, whitespace folded. Used for short things
/// (titles, metadata lines, breadcrumbs), where `<span>来源：X</span><span>时间：Y</span>` must not glue together.
pub fn spaced_text(node: NodeRef<'_, Node>) -> String {
    let mut raw = String::new();
    let mut skip_depth = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    if skip_depth > 0 || skip_subtree(el) {
                        skip_depth += 1;
                    } else {
                        raw.push(' ');
                    }
                }
                Node::Text(t) if skip_depth == 0 => raw.push_str(t),
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(_) = n.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else {
                        raw.push(' ');
                    }
                }
            }
        }
    }
    fold(&raw)
}

/// The readable text of a subtree as a browser would run it together (no spaces added at element boundaries).
pub fn flowing_text(node: NodeRef<'_, Node>) -> String {
    let mut raw = String::new();
    let mut skip_depth = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    if skip_depth > 0 || skip_subtree(el) {
                        skip_depth += 1;
                    } else if el.name() == "br" || is_block(el.name()) {
                        raw.push(' ');
                    }
                }
                Node::Text(t) if skip_depth == 0 => raw.push_str(t),
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(el) = n.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if is_block(el.name()) {
                        raw.push(' ');
                    }
                }
            }
        }
    }
    fold(&raw)
}

/// The element behind a node, if it is one.
pub fn element(node: NodeRef<'_, Node>) -> Option<ElementRef<'_>> {
    ElementRef::wrap(node)
}

/// Whether `ancestor` is `node` or one of its ancestors.
pub fn is_within(node: NodeRef<'_, Node>, ancestor: ego_tree::NodeId) -> bool {
    node.id() == ancestor || node.ancestors().any(|a| a.id() == ancestor)
}
