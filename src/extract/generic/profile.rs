//! A profile page's body is the person's card (`职称：教授`, `研究方向：…`, `Email：…`) and the CV text beside
//! it, one document: readers of a migrated profile expect both. The densest-block search picks one of the two —
//! the CV panes when they hold prose, the card when the panes are nearly empty — so the other is found here and
//! the body becomes the element holding both, provided it holds little else (tab labels, a photo).

use ego_tree::NodeId;

use super::analysis::Analysis;
use super::people::starts_with_label;
use super::vocabulary::{
    CARD_LINE_MAX_CHARS, PERSON_CARD_LABELS, PERSON_CARD_MIN_FIELDS, PROFILE_CARD_SPAN_BLOCKS,
    PROFILE_CLIMB_MAX, PROFILE_MAX_LINK_DENSITY, PROFILE_SLACK_CHARS,
};
use crate::extract::dom::is_within;
use crate::normalize::text::visible_len;

/// The element holding both the page's one person's card and `chosen` (the densest block), when they are apart
/// and that element adds little text of its own. `None` on pages without exactly one card (a directory shows
/// many), when `chosen` already holds the card, or when the element around both would take in more of the page.
pub fn body_with_card(an: &Analysis<'_>, chosen: NodeId) -> Option<NodeId> {
    let card = the_card(an)?;
    let chosen_in_card = is_within(an.doc.tree.get(chosen)?, card);
    if !chosen_in_card && is_within(an.doc.tree.get(card)?, chosen) {
        return None;
    }
    let card_chars = an.stats.get(&card)?.chars;
    let (holder, chosen_chars) = if chosen_in_card {
        // The card won alone: the CV panes are in the nearest element around it holding more text.
        let holder = ancestors_or_self(an, card)
            .skip(1)
            .take(PROFILE_CLIMB_MAX)
            .find(|id| an.stats.get(id).is_some_and(|s| s.chars > card_chars))?;
        (holder, 0)
    } else {
        (
            lowest_common(an, card, chosen)?,
            an.stats.get(&chosen)?.chars,
        )
    };
    let stats = an.stats.get(&holder)?;
    let element = an.doc.tree.get(holder)?.value().as_element()?;
    let fits = !matches!(element.name(), "html" | "body")
        && stats.link_density() <= PROFILE_MAX_LINK_DENSITY
        && stats.chars <= card_chars + chosen_chars + PROFILE_SLACK_CHARS;
    fits.then_some(holder)
}

/// The person's card: the element around the first [`PERSON_CARD_MIN_FIELDS`] card lines that sit within
/// [`PROFILE_CARD_SPAN_BLOCKS`] of each other, when no second card's fields follow (a directory of cards is no
/// profile; one field line further down is the CV's own `研究方向：…`).
fn the_card(an: &Analysis<'_>) -> Option<NodeId> {
    let mut fields = an.blocks.iter().enumerate().filter(|(_, b)| {
        !b.chrome
            && b.line.contains(['：', ':'])
            && visible_len(&b.line) <= CARD_LINE_MAX_CHARS
            && starts_with_label(&b.line, &PERSON_CARD_LABELS)
    });
    let (first_at, first) = fields.next()?;
    let (mut last, mut in_span, mut beyond) = (first.node, 1, 0);
    for (i, b) in fields {
        if i - first_at <= PROFILE_CARD_SPAN_BLOCKS {
            (last, in_span) = (b.node, in_span + 1);
        } else {
            beyond += 1;
        }
    }
    if in_span < PERSON_CARD_MIN_FIELDS || beyond >= PERSON_CARD_MIN_FIELDS {
        return None;
    }
    lowest_common(an, first.node, last)
}

/// The innermost element holding both `a` and `b`.
fn lowest_common(an: &Analysis<'_>, a: NodeId, b: NodeId) -> Option<NodeId> {
    let b = an.doc.tree.get(b)?;
    ancestors_or_self(an, a).find(|id| is_within(b, *id))
}

/// `node` and its ancestors, innermost first.
fn ancestors_or_self<'a>(an: &'a Analysis<'_>, node: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    an.doc
        .tree
        .get(node)
        .into_iter()
        .flat_map(|n| std::iter::once(n).chain(n.ancestors()))
        .map(|n| n.id())
}
