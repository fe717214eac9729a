//! The lines of one block. Legacy pages and WeChat reposts often write a whole article as text separated by
//! `<br>` in one `<td>` or `<div>`: the block is the article, and its closing notes (编辑|X, 责任编辑：Y, a
//! follow-us prompt) are lines inside it, which block-level rules cannot leave out. This splits a block at its
//! line breaks and keeps, for each line, the nodes it is made of, so a rule can end the text at a line and the
//! body leave out that line and everything after it.

use ego_tree::NodeId;

use super::analysis::Analysis;
use crate::extract::dom::{Visible, attr, is_block, visible_edges};
use crate::normalize::text::{fold, visible_len};

/// One line of a block: its text and where it starts.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line's text, whitespace folded.
    pub text: String,
    /// Visible characters inside links.
    pub link_chars: usize,
    /// The text outside links, whitespace folded.
    pub own_text: String,
    /// Index in [`Lines::nodes`] of the line's first node (the `<br>` before it, or its first text).
    pub first: usize,
    /// The last block order (of a nested block or of one inside it) before this line, if any.
    pub blocks_before: Option<usize>,
}

/// A block's lines, and every node of the block in document order (text nodes, inline elements, the roots of
/// nested blocks): leaving out the nodes from a line's `first` on leaves out that line and all that follows.
#[derive(Debug, Default)]
pub struct Lines {
    pub nodes: Vec<NodeId>,
    pub lines: Vec<Line>,
}

/// The block's own lines, split at `<br>` and at nested blocks (whose text is theirs, not the block's).
pub fn lines_of(an: &Analysis<'_>, block: NodeId) -> Lines {
    let mut out = Lines::default();
    let Some(root) = an.doc.tree.get(block) else {
        return out;
    };
    let mut raw = String::new();
    let mut cur = Line {
        text: String::new(),
        link_chars: 0,
        own_text: String::new(),
        first: 0,
        blocks_before: None,
    };
    // Open elements inside a nested block (its root included), and open links.
    let mut nested = 0usize;
    let mut links = 0usize;
    // Ends the current line; the next one starts after `out.nodes` so far, with `newer` as its last nested
    // block when one just opened.
    let finish = |cur: &mut Line, raw: &mut String, out: &mut Lines, newer: Option<usize>| {
        let text = fold(raw);
        raw.clear();
        let next = Line {
            text: String::new(),
            link_chars: 0,
            own_text: String::new(),
            first: out.nodes.len(),
            blocks_before: newer.or(cur.blocks_before),
        };
        let mut done = std::mem::replace(cur, next);
        if !text.is_empty() {
            done.text = text;
            done.own_text = fold(&done.own_text);
            out.lines.push(done);
        }
    };
    for step in visible_edges(root) {
        match step {
            Visible::Open(node, _) if node.id() == block => {}
            Visible::Open(..) if nested > 0 => nested += 1,
            Visible::Open(node, el) if is_block(el.name()) => {
                finish(&mut cur, &mut raw, &mut out, None);
                out.nodes.push(node.id());
                nested = 1;
                // The nested block's last block: the blocks inside it come before the next line too.
                let order = an.stats.get(&node.id()).map(|s| s.last_order);
                finish(&mut cur, &mut raw, &mut out, order);
            }
            Visible::Open(node, el) => {
                if el.name() == "br" {
                    finish(&mut cur, &mut raw, &mut out, None);
                }
                out.nodes.push(node.id());
                if el.name() == "a" && attr(el, "href").is_some() {
                    links += 1;
                }
            }
            Visible::Close(_) if nested > 0 => nested -= 1,
            Visible::Close(el) => {
                if el.name() == "a" && attr(el, "href").is_some() {
                    links = links.saturating_sub(1);
                }
            }
            Visible::Text(_, _) if nested > 0 => {}
            Visible::Text(node, t) => {
                out.nodes.push(node.id());
                raw.push_str(t);
                if links > 0 {
                    cur.link_chars += visible_len(t);
                } else {
                    cur.own_text.push_str(t);
                }
            }
        }
    }
    finish(&mut cur, &mut raw, &mut out, None);
    out
}
