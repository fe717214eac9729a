//! Body rendering: the chosen body subtree(s) → clean HTML and paragraph text in one walk. Layout junk
//! (`<font>`, `<span>`, `<div>` wrappers, inline styles, layout tables) is unwrapped, block boundaries and `<br>`
//! become paragraphs, leading indents are trimmed, empty wrappers vanish, links and images get absolute URLs.
//! The HTML is escaped as the sanitizer's serializer escapes it and sanitized again by [`crate::normalize::html`];
//! this walk only decides structure.

use html5ever::local_name;
use rustc_hash::FxHashSet as HashSet;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use url::Url;

use crate::extract::dom::{Visible, is_block, visible_edges};
use crate::normalize::html::{push_attr_escaped, push_text_escaped};
use crate::normalize::text::{fold, fold_into, is_space};
use crate::normalize::url::resolve;
use crate::record::Image;

/// A link seen inside the body.
#[derive(Debug, Clone)]
pub struct BodyLink {
    pub href: String,
    pub text: String,
    pub title: Option<String>,
}

/// The rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub text: String,
    pub images: Vec<Image>,
    pub links: Vec<BodyLink>,
}

struct OpenTag {
    /// Output tag, or None when the source element is unwrapped.
    tag: Option<&'static str>,
    start: usize,
    content_at_open: usize,
    /// Source element is a block boundary.
    block: bool,
}

struct Renderer<'a> {
    base: Option<&'a Url>,
    html: String,
    content: usize,
    stack: Vec<OpenTag>,
    auto_p: Option<(usize, usize)>,
    paras: Vec<String>,
    cur: String,
    /// Data tables currently open (true) or layout tables (false).
    tables: Vec<bool>,
    row: Vec<String>,
    cell: Option<String>,
    images: Vec<Image>,
    links: Vec<BodyLink>,
    open_link: Option<(String, String, Option<String>)>,
}

/// Render `roots` (in order), leaving out every subtree whose root is in `exclude`.
pub fn render(
    doc: &Html,
    roots: &[NodeId],
    exclude: &HashSet<NodeId>,
    base: Option<&Url>,
) -> Rendered {
    let mut r = Renderer {
        base,
        html: String::new(),
        content: 0,
        stack: Vec::new(),
        auto_p: None,
        paras: Vec::new(),
        cur: String::new(),
        tables: Vec::new(),
        row: Vec::new(),
        cell: None,
        images: Vec::new(),
        links: Vec::new(),
        open_link: None,
    };
    for root in roots {
        if let Some(node) = doc.tree.get(*root) {
            r.walk(node, exclude);
            r.block_boundary();
        }
    }
    r.flush_paragraph();
    Rendered {
        html: r.html,
        text: r.paras.join("\n\n"),
        images: r.images,
        links: r.links,
    }
}

impl Renderer<'_> {
    fn walk(&mut self, root: NodeRef<'_, Node>, exclude: &HashSet<NodeId>) {
        for step in visible_edges(root).excluding(exclude) {
            match step {
                Visible::Open(node, el) => self.open(node, el),
                Visible::Text(_, t) => self.text(t),
                Visible::Close(el) => self.close(el),
            }
        }
    }

    fn in_data_cell(&self) -> bool {
        self.cell.is_some()
    }

    fn open(&mut self, node: NodeRef<'_, Node>, el: &scraper::node::Element) {
        let name = el.name();
        match name {
            "br" => {
                self.line_break();
                self.stack.push(OpenTag {
                    tag: None,
                    start: self.html.len(),
                    content_at_open: self.content,
                    block: false,
                });
                return;
            }
            "img" => {
                self.image(el);
                self.stack.push(OpenTag {
                    tag: None,
                    start: self.html.len(),
                    content_at_open: self.content,
                    block: false,
                });
                return;
            }
            "table" => {
                let data = is_data_table(node);
                self.tables.push(data);
            }
            _ => {}
        }
        let data_table = self.tables.last().copied().unwrap_or(false);
        let tag: Option<&'static str> = match name {
            "p" => Some("p"),
            "h1" | "h2" => Some("h2"),
            "h3" => Some("h3"),
            "h4" => Some("h4"),
            "h5" => Some("h5"),
            "h6" => Some("h6"),
            "ul" => Some("ul"),
            "ol" => Some("ol"),
            "li" => Some("li"),
            "blockquote" => Some("blockquote"),
            "pre" => Some("pre"),
            "table" if data_table => Some("table"),
            "thead" if data_table => Some("thead"),
            "tbody" if data_table => Some("tbody"),
            "tr" if data_table => Some("tr"),
            "td" if data_table => Some("td"),
            "th" if data_table => Some("th"),
            "strong" | "b" => Some("strong"),
            "em" | "i" => Some("em"),
            "u" => Some("u"),
            "sub" => Some("sub"),
            "sup" => Some("sup"),
            "a" => self.link_target(el).map(|_| "a"),
            _ => None,
        };
        let block = is_block(&el.name.local);
        if block {
            self.block_boundary();
        }
        if data_table && matches!(name, "td" | "th") {
            self.cell = Some(String::new());
        }
        if tag.is_some() && !block && !self.accepts_inline() {
            self.open_auto_p();
        }
        let start = self.html.len();
        if let Some(t) = tag {
            self.html.push('<');
            self.html.push_str(t);
            if t == "a"
                && let Some(href) = self.link_target(el)
            {
                self.html.push_str(" href=\"");
                push_attr_escaped(&mut self.html, &href);
                self.html.push('"');
                self.open_link = Some((href, String::new(), el.attr("title").map(fold)));
            }
            self.html.push('>');
        }
        self.stack.push(OpenTag {
            tag,
            start,
            content_at_open: self.content,
            block,
        });
    }

    fn close(&mut self, el: &scraper::node::Element) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        let name = el.name();
        if open.block {
            self.close_auto_p();
            if !self.in_data_cell() {
                self.flush_paragraph();
            }
        }
        if let Some(t) = open.tag {
            if self.content == open.content_at_open {
                self.html.truncate(open.start);
            } else {
                self.html.push_str("</");
                self.html.push_str(t);
                self.html.push('>');
            }
            if t == "a"
                && let Some((href, text, title)) = self.open_link.take()
            {
                self.links.push(BodyLink {
                    href,
                    text: fold(&text),
                    title,
                });
            }
        }
        match name {
            "td" | "th" if self.in_data_cell() => {
                if let Some(cell) = self.cell.take() {
                    self.row.push(fold(&cell));
                }
            }
            "tr" if self.tables.last().copied().unwrap_or(false) => {
                let cells: Vec<String> = std::mem::take(&mut self.row)
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect();
                if !cells.is_empty() {
                    self.paras.push(cells.join("\t"));
                }
            }
            "table" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// Whether inline content may go straight into the innermost open block (else a `<p>` is opened for it).
    fn accepts_inline(&self) -> bool {
        if self.auto_p.is_some() {
            return true;
        }
        let holds_text = |tag: Option<&str>| {
            matches!(
                tag,
                Some(
                    "p" | "li"
                        | "td"
                        | "th"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "pre"
                        | "blockquote"
                )
            )
        };
        self.stack
            .iter()
            .rev()
            .find(|o| o.block || holds_text(o.tag))
            .is_some_and(|o| holds_text(o.tag))
    }

    fn open_auto_p(&mut self) {
        if self.auto_p.is_none() {
            self.auto_p = Some((self.html.len(), self.content));
            self.html.push_str("<p>");
        }
    }

    fn close_auto_p(&mut self) {
        if let Some((start, content)) = self.auto_p.take() {
            if self.content == content {
                self.html.truncate(start);
            } else {
                self.html.push_str("</p>");
            }
        }
    }

    fn block_boundary(&mut self) {
        self.close_auto_p();
        if !self.in_data_cell() {
            self.flush_paragraph();
        } else if let Some(cell) = &mut self.cell {
            cell.push(' ');
        }
    }

    fn line_break(&mut self) {
        if self.auto_p.is_some() {
            self.close_auto_p();
        } else if self.accepts_inline() {
            self.html.push_str("<br>");
        }
        if let Some(cell) = &mut self.cell {
            cell.push(' ');
        } else {
            self.flush_paragraph();
        }
    }

    fn flush_paragraph(&mut self) {
        let p = fold(&self.cur);
        self.cur.clear();
        if !p.is_empty() {
            self.paras.push(p);
        }
    }

    fn text(&mut self, t: &str) {
        let visible = t.chars().any(|c| !is_space(c));
        if !visible {
            if !self.html.ends_with(' ') && !self.html.ends_with('>') {
                self.html.push(' ');
            }
            if let Some(cell) = &mut self.cell {
                cell.push(' ');
            } else {
                self.cur.push(' ');
            }
            return;
        }
        if !self.accepts_inline() {
            self.open_auto_p();
        }
        let at_paragraph_start =
            self.html.ends_with('>') && self.cur.trim_matches(is_space).is_empty();
        let folded = fold_keep_edges(t);
        let shown = if at_paragraph_start {
            folded.trim_start()
        } else {
            folded.as_str()
        };
        push_text_escaped(&mut self.html, shown);
        self.content += 1;
        if let Some(cell) = &mut self.cell {
            cell.push_str(t);
        } else {
            self.cur.push_str(t);
        }
        if let Some((_, text, _)) = &mut self.open_link {
            text.push_str(t);
        }
    }

    fn link_target(&self, el: &scraper::node::Element) -> Option<String> {
        let href = el.attr("href")?.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let lower = href.to_ascii_lowercase();
        if lower.starts_with("javascript:")
            || lower.starts_with("vbscript:")
            || lower.starts_with("data:")
        {
            return None;
        }
        Some(resolve(self.base, href))
    }

    fn image(&mut self, el: &scraper::node::Element) {
        let src = ["src", "data-src", "data-original", "original"]
            .iter()
            .filter_map(|a| el.attr(a))
            .map(str::trim)
            .find(|s| !s.is_empty() && !s.to_ascii_lowercase().starts_with("data:"));
        let Some(src) = src else {
            return;
        };
        if src.to_ascii_lowercase().starts_with("javascript:") {
            return;
        }
        let tiny = ["width", "height"]
            .iter()
            .filter_map(|a| el.attr(a))
            .filter_map(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .any(|v| v < 30);
        if tiny || is_chrome_image(src, el.attr("alt").unwrap_or("")) {
            return;
        }
        let url = resolve(self.base, src);
        let alt = el.attr("alt").map(fold).filter(|a| !a.is_empty());
        if !self.accepts_inline() {
            self.open_auto_p();
        }
        self.html.push_str("<img src=\"");
        push_attr_escaped(&mut self.html, &url);
        self.html.push('"');
        if let Some(alt) = &alt {
            self.html.push_str(" alt=\"");
            push_attr_escaped(&mut self.html, alt);
            self.html.push('"');
        }
        self.html.push('>');
        self.content += 1;
        self.images.push(Image { url, alt });
    }
}

/// QR codes, share and print buttons, icons: images that are page chrome, not article content.
fn is_chrome_image(src: &str, alt: &str) -> bool {
    const ALT: [&str; 7] = ["扫一扫", "二维码", "分享", "打印", "关闭", "微信", "微博"];
    const FILE: [&str; 9] = [
        "qrcode", "ewm", "erweima", "share", "print", "close", "icon", "spacer", "blank.",
    ];
    let file = crate::normalize::url::file_name(src).to_ascii_lowercase();
    ALT.iter().any(|a| alt.contains(a)) || FILE.iter().any(|f| file.contains(f))
}

/// Text a cell holding blocks may have and still be a data cell (more makes the table layout).
const DATA_CELL_MAX_CHARS: usize = 60;

/// A table holds data (kept as a table) when some row has two or more cells with text and no cell holds
/// block-level content of its own; otherwise it is layout and is unwrapped. Only the table's own rows are
/// looked at (a nested table is judged when it is reached), and a cell's text is read only as far as the limit,
/// so tables nested a thousand deep cost one look each, not one per level.
fn is_data_table(table: NodeRef<'_, Node>) -> bool {
    let mut max_cells = 0;
    for row in own_rows(table) {
        let mut cells = 0;
        for cell in row.children().filter(|c| {
            c.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "td" | "th"))
        }) {
            let nested = cell.descendants().skip(1).any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "table" | "div" | "p" | "ul" | "ol"))
            });
            if nested && crate::extract::dom::flowing_text_exceeds(cell, DATA_CELL_MAX_CHARS) {
                return false;
            }
            if cell.descendants().any(|d| {
                d.value()
                    .as_text()
                    .is_some_and(|t| t.chars().any(|c| !is_space(c)))
            }) {
                cells += 1;
            }
        }
        max_cells = max_cells.max(cells);
    }
    max_cells >= 2
}

/// The `tr` elements of `table` itself, not those of tables nested in it.
fn own_rows<'a>(table: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    let mut rows = Vec::new();
    let mut skip_depth = 0usize;
    for edge in table.traverse() {
        match edge {
            Edge::Open(node) => {
                let Some(el) = node.value().as_element() else {
                    continue;
                };
                if skip_depth > 0
                    || (node.id() != table.id() && el.name.local == local_name!("table"))
                {
                    skip_depth += 1;
                } else if el.name.local == local_name!("tr") {
                    rows.push(node);
                }
            }
            Edge::Close(node) => {
                if skip_depth > 0 && node.value().is_element() {
                    skip_depth -= 1;
                }
            }
        }
    }
    rows
}

/// Fold inner whitespace runs to one space but keep a single leading/trailing space if present.
fn fold_keep_edges(t: &str) -> String {
    let lead = t.starts_with(is_space);
    let trail = t.ends_with(is_space);
    let mut s = String::with_capacity(t.len() + 2);
    if lead {
        s.push(' ');
    }
    fold_into(&mut s, t);
    if trail {
        s.push(' ');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk leaves out hidden subtrees and the excluded ones, but never the root it was asked to render.
    #[test]
    fn render_leaves_out_hidden_and_excluded_subtrees_but_not_the_root() {
        let doc = Html::parse_document(
            "<html><body><div id=a><p>一段正文。</p><div class=share>分享到</div>\
             <p style=\"display:none\">隐藏的文字</p><p>第二段。</p></div></body></html>",
        );
        let find = |css: &str| {
            doc.select(&scraper::Selector::parse(css).unwrap())
                .next()
                .unwrap()
                .id()
        };
        let (root, share) = (find("#a"), find(".share"));
        let exclude: HashSet<NodeId> = [root, share].into_iter().collect();
        let r = render(&doc, &[root], &exclude, None);
        assert_eq!(r.text, "一段正文。\n\n第二段。");
        let r = render(&doc, &[root], &HashSet::default(), None);
        assert_eq!(r.text, "一段正文。\n\n分享到\n\n第二段。");
    }
}
