//! Is this page an article? Lists, indexes, login pages, framesets and empty shells are skipped with a reason,
//! so a whole mirror yields articles only.

use super::analysis::Analysis;
use crate::normalize::date::find_date;
use crate::normalize::text::visible_len;

/// What the classifier looks at besides the page analysis.
pub struct Evidence<'a> {
    pub body_text: &'a str,
    pub body_node: Option<ego_tree::NodeId>,
    pub attachments: usize,
    pub images: usize,
    pub has_labelled_date: bool,
}

/// `Some(reason)` when the page is not an article.
pub fn not_article(an: &Analysis<'_>, ev: &Evidence<'_>) -> Option<String> {
    if an.is_frameset {
        return Some(format!(
            "frameset page: its content lives in {} frame(s) ({}); extract those pages instead",
            an.frames.len(),
            an.frames.join(", ")
        ));
    }
    let text_len = visible_len(ev.body_text);
    if an.has_password_field && text_len < 300 {
        return Some("login page (password form)".to_string());
    }
    if ev.body_node.is_none() {
        return Some("no article body found (no block with prose)".to_string());
    }
    if text_len < 20 && ev.attachments == 0 && ev.images == 0 {
        return Some(format!(
            "no article text ({text_len} characters in the best block)"
        ));
    }
    let dated_links = an
        .blocks
        .iter()
        .filter(|b| b.link_chars >= 6 && b.chars <= 40 && find_date(&b.line).is_some())
        .count();
    if let Some(stats) = ev.body_node.and_then(|n| an.stats.get(&n)) {
        if stats.link_density() > 0.5 && text_len < 200 {
            return Some(format!(
                "list page: {:.0}% of the main block's text is links",
                stats.link_density() * 100.0
            ));
        }
        if dated_links >= 8 && !ev.has_labelled_date && text_len < 40 * dated_links {
            return Some(format!(
                "list page: {dated_links} dated links and no article metadata"
            ));
        }
    }
    None
}
