//! The lines of one block. Legacy pages and WeChat reposts often write a whole article as text separated by
//! `<br>` in one `<td>` or `<div>`: the block is the article, and its closing notes (编辑|X, 责任编辑：Y, a
//! follow-us prompt) are lines inside it, which block-level rules cannot leave out. This splits a block at its
//! line breaks and keeps, for each line, the nodes it is made of, so a rule can end the text at a line and the
//! body leave out that line and everything after it.

use ego_tree::NodeId;
use html5ever::local_name;

use super::analysis::Analysis;
use ego_tree::NodeRef;
use scraper::Node;

use crate::extract::dom::{attr, is_block, skip_subtree};
use crate::normalize::text::fold;

/// One line of a block: its text and where it starts.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line's text, whitespace folded.
    pub text: String,
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
        own_text: String::new(),
        first: 0,
        blocks_before: None,
    };
    // Open links.
    let mut links = 0usize;
    // Ends the current line; the next one starts after `out.nodes` so far, with `newer` as its last nested
    // block when one just opened.
    let finish = |cur: &mut Line, raw: &mut String, out: &mut Lines, newer: Option<usize>| {
        let text = fold(raw);
        raw.clear();
        let next = Line {
            text: String::new(),
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
    // The block's own content only: a nested block is one step (its text is its own), never walked into, so
    // a block costs its own inline content however deep the blocks inside it nest.
    let mut stack: Vec<(NodeRef<'_, Node>, bool)> =
        root.children().rev().map(|c| (c, true)).collect();
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Element(el)
                if !entering && el.name.local == local_name!("a") && attr(el, "href").is_some() =>
            {
                links = links.saturating_sub(1);
            }
            Node::Element(_) if !entering => {}
            Node::Element(el) if skip_subtree(el) => {}
            Node::Element(el) if is_block(&el.name.local) => {
                finish(&mut cur, &mut raw, &mut out, None);
                out.nodes.push(node.id());
                // The nested block's last block: the blocks inside it come before the next line too.
                let order = an.stats.get(&node.id()).map(|s| s.last_order);
                finish(&mut cur, &mut raw, &mut out, order);
            }
            Node::Element(el) => {
                if el.name.local == local_name!("br") {
                    finish(&mut cur, &mut raw, &mut out, None);
                }
                out.nodes.push(node.id());
                if el.name.local == local_name!("a") && attr(el, "href").is_some() {
                    links += 1;
                }
                stack.push((node, false));
                stack.extend(node.children().rev().map(|c| (c, true)));
            }
            Node::Text(t) => {
                out.nodes.push(node.id());
                raw.push_str(t);
                if links == 0 {
                    cur.own_text.push_str(t);
                }
            }
            _ => {}
        }
    }
    finish(&mut cur, &mut raw, &mut out, None);
    out
}
