//! Is this page an article? Lists, indexes, login pages, framesets and empty shells are skipped with a reason,
//! so a whole mirror yields articles only.

use super::analysis::Analysis;
use super::lists::{ListKind, main_list};
use super::vocabulary::{
    DATED_LINKS_MIN, EMPTY_TEXT_MAX, ERROR_PAGE_MAX_TEXT, ERROR_PHRASES, LOGIN_AREA_MAX_CHARS,
    LOGIN_PAGE_MAX_TEXT, WEAK_BODY_SCORE,
};
use crate::normalize::date::find_date;
use crate::normalize::text::visible_len;

/// What the classifier looks at besides the page analysis.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    pub body_text: &'a str,
    pub body_node: Option<ego_tree::NodeId>,
    pub attachments: usize,
    pub images: usize,
    pub has_labelled_date: bool,
    /// The page has a headline of its own (not only `<title>` or a column name) and shows a date as its own.
    pub has_dated_header: bool,
}

/// Whether a password form is the page itself rather than a box beside the article: the password field and the
/// chosen body sit together in a small area (the body holds the field, the field's box holds the body, or both
/// share a small login box). A password field and no body at all is a login page too.
fn login_form_is_the_page(an: &Analysis<'_>, body: Option<ego_tree::NodeId>) -> bool {
    an.password_fields.iter().any(|&field| {
        let Some(body) = body else {
            return true;
        };
        let (Some(field), Some(body)) = (an.doc.tree.get(field), an.doc.tree.get(body)) else {
            return false;
        };
        let body_line: Vec<ego_tree::NodeId> = std::iter::once(body)
            .chain(body.ancestors())
            .map(|n| n.id())
            .collect();
        let Some(common) = field.ancestors().find(|a| body_line.contains(&a.id())) else {
            return false;
        };
        an.stats
            .get(&common.id())
            .is_none_or(|s| s.chars + s.link_chars <= LOGIN_AREA_MAX_CHARS)
    })
}

/// `Some(reason)` when the page is not an article. Only positive evidence skips a page: a frameset, a login form
/// that is the page, a list of links to other pages as the main content, or nothing at all to export (no text,
/// no attachment, no image, and no article header of its own). A short body, a body of attachment links or a
/// password box beside the article are not evidence.
pub fn not_article(an: &Analysis<'_>, ev: &Evidence<'_>) -> Option<NotArticle> {
    let mut list = None;
    let reason = judge(an, ev, &mut list)?;
    Some(NotArticle { reason, list })
}

/// Why a page is not an article, and where its list is when a list decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotArticle {
    pub reason: String,
    /// The list's container (the items' parent) when the page is a list page.
    pub list: Option<ego_tree::NodeId>,
}

/// [`not_article`]'s reason; `list` is set to the list's container when a list decides it.
fn judge(
    an: &Analysis<'_>,
    ev: &Evidence<'_>,
    list_node: &mut Option<ego_tree::NodeId>,
) -> Option<String> {
    if an.is_frameset {
        return Some(format!(
            "frameset page: its content lives in {} frame(s) ({}); extract those pages instead",
            an.frames.len(),
            an.frames.join(", ")
        ));
    }
    let text_len = visible_len(ev.body_text);
    // A page with its own dated headline is an article whatever login box sits beside it.
    if text_len < LOGIN_PAGE_MAX_TEXT
        && !ev.has_dated_header
        && login_form_is_the_page(an, ev.body_node)
    {
        return Some("login page (password form)".to_string());
    }
    if text_len < ERROR_PAGE_MAX_TEXT && !ev.has_dated_header && is_error_message(ev.body_text) {
        return Some("error page (the site says the page or column does not exist)".to_string());
    }
    let weak = ev
        .body_node
        .and_then(|n| an.stats.get(&n))
        .is_none_or(|s| s.score < WEAK_BODY_SCORE);
    let list = ev
        .body_node
        .and_then(|n| main_list(an, n, weak && !ev.has_dated_header));
    if let Some(list) = list {
        *list_node = Some(list.container);
        let what = match list.kind {
            ListKind::Linked => "similar items linking to other pages",
            ListKind::Records => "similar records",
        };
        return Some(format!(
            "list page: {} {what}{}",
            list.items,
            if list.pager { ", and a pager" } else { "" }
        ));
    }
    let dated_links = an
        .blocks
        .iter()
        .filter(|b| b.link_chars >= 6 && b.chars <= 40 && find_date(&b.line).is_some())
        .count();
    if dated_links >= DATED_LINKS_MIN && !ev.has_labelled_date && text_len < 40 * dated_links {
        return Some(format!(
            "list page: {dated_links} dated links and no article metadata"
        ));
    }
    // A page with its own headline and a labelled date is an article even when its body is a video, an image or
    // an embedded viewer: its record keeps the title and the date.
    if ev.has_dated_header {
        return None;
    }
    if ev.body_node.is_none() && ev.attachments == 0 && ev.images == 0 {
        return Some("no article body found (no block with prose)".to_string());
    }
    if text_len < EMPTY_TEXT_MAX && ev.attachments == 0 && ev.images == 0 {
        return Some(format!(
            "no article text ({text_len} characters in the best block)"
        ));
    }
    None
}

fn is_error_message(text: &str) -> bool {
    ERROR_PHRASES
        .iter()
        .any(|p| crate::extract::dom::contains_ignore_ascii_case(text, p))
}
