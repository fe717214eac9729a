//! Is this page an article? Lists, indexes, login pages, framesets and empty shells are skipped with a reason,
//! so a whole mirror yields articles only.

use super::analysis::Analysis;
use super::lists::{ListKind, list_holding, main_list};
use super::people::{self, starts_with_label};
use super::vocabulary::{
    CARD_LINE_MAX_CHARS, CONTACT_CARD_LABELS, CV_SECTION_HEADINGS, DATED_LINKS_MIN,
    EMPTY_PANE_WORDS, EMPTY_TEXT_MAX, ERROR_PAGE_MAX_TEXT, ERROR_PHRASES, INDEX_MORE_LINKS_MIN,
    LOGIN_AREA_MAX_CHARS, LOGIN_PAGE_MAX_TEXT, METADATA_ONLY_MAX_TEXT, MORE_LINK_WORDS,
    ONE_LINE_MAX_CHARS, PERSON_CARD_LABELS, PERSON_CARD_MIN_FIELDS, WEAK_BODY_SCORE,
};
use crate::normalize::date::find_date;
use crate::normalize::text::visible_len;
use crate::outcome::Shape;
use html5ever::local_name;

/// Why a page is not an article, in English as the job store keeps it, and the message that says it in the
/// interface language (see [`crate::outcome`]): the words are spelled here only.
pub(crate) const SHAPES: &[Shape] = &[
    FRAMESET,
    LOGIN,
    ERROR,
    LIST_ONE_PAGER,
    LIST_LINKED_PAGER,
    LIST_LINKED,
    LIST_RECORDS_PAGER,
    LIST_RECORDS,
    DATED_LINKS,
    NO_BODY,
    NO_TEXT,
    ONLY_METADATA,
    PERSON_CARD,
    PEOPLE_TABLE,
    INDEX,
];
const FRAMESET: Shape = Shape {
    id: "reason-frameset",
    pieces: &[
        "frameset page: its content lives in ",
        " frame(s) (",
        "); extract those pages instead",
    ],
    args: &["count", "frames"],
};
const LOGIN: Shape = Shape {
    id: "reason-login-page",
    pieces: &["login page (password form)"],
    args: &[],
};
const ERROR: Shape = Shape {
    id: "reason-error-page",
    pieces: &["error page (the site says the page or column does not exist)"],
    args: &[],
};
const LIST_ONE_PAGER: Shape = Shape {
    id: "reason-list-one-pager",
    pieces: &["list page: one item linking to another page, and a pager"],
    args: &[],
};
const LIST_LINKED_PAGER: Shape = Shape {
    id: "reason-list-linked-pager",
    pieces: &[
        "list page: ",
        " similar items linking to other pages, and a pager",
    ],
    args: &["items"],
};
const LIST_LINKED: Shape = Shape {
    id: "reason-list-linked",
    pieces: &["list page: ", " similar items linking to other pages"],
    args: &["items"],
};
const LIST_RECORDS_PAGER: Shape = Shape {
    id: "reason-list-records-pager",
    pieces: &["list page: ", " similar records, and a pager"],
    args: &["items"],
};
const LIST_RECORDS: Shape = Shape {
    id: "reason-list-records",
    pieces: &["list page: ", " similar records"],
    args: &["items"],
};
const DATED_LINKS: Shape = Shape {
    id: "reason-dated-links",
    pieces: &["list page: ", " dated links and no article metadata"],
    args: &["links"],
};
const NO_BODY: Shape = Shape {
    id: "reason-no-body",
    pieces: &["no article body found (no block with prose)"],
    args: &[],
};
const NO_TEXT: Shape = Shape {
    id: "reason-no-text",
    pieces: &["no article text (", " characters in the best block)"],
    args: &["chars"],
};

const PEOPLE_TABLE: Shape = Shape {
    id: "reason-people-table",
    pieces: &["no article text: the body is only a table of people (name, post, contact)"],
    args: &[],
};
const PERSON_CARD: Shape = Shape {
    id: "reason-person-card",
    pieces: &["no article text: the body is only a person's card (post, field, contact)"],
    args: &[],
};
const INDEX: Shape = Shape {
    id: "reason-index-page",
    pieces: &[
        "index page: ",
        " sections, each with a link to its whole column (更多)",
    ],
    args: &["sections"],
};
const ONLY_METADATA: Shape = Shape {
    id: "reason-only-metadata",
    pieces: &["no article text: the body is only its metadata line (", ")"],
    args: &["line"],
};

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
    /// The page has a headline of its own, dated or not.
    pub has_headline: bool,
    /// The body is a container that CMS families use only for the article (`.wp_articlecontent`,
    /// `.TRS_Editor`): the template's article view, whatever link lists its footer and side panels hold.
    pub article_container: bool,
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
    let (kind, reason) = judge(an, ev, &mut list)?;
    Some(NotArticle { kind, reason, list })
}

/// What a page that is not an article looks like, as the site model counts it: the decision carries it, so
/// nobody reads it back out of the reason's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotArticleKind {
    /// A list of links or records, or of dated links (the `list page: …` reasons).
    List,
    /// No article body, or too little text in it (the `no article …` reasons).
    Empty,
    /// A frameset, a login page, an error page, a body that is only the page's metadata line, or a mapping's
    /// declaration.
    Other,
}

/// Why a page is not an article, and where its list is when a list decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotArticle {
    pub kind: NotArticleKind,
    pub reason: String,
    /// The list's container (the items' parent) when the page is a list page.
    pub list: Option<ego_tree::NodeId>,
}

/// [`not_article`]'s kind and reason; `list` is set to the list's container when a list decides it.
fn judge(
    an: &Analysis<'_>,
    ev: &Evidence<'_>,
    list_node: &mut Option<ego_tree::NodeId>,
) -> Option<(NotArticleKind, String)> {
    use NotArticleKind::{Empty, List, Other};
    if an.is_frameset {
        let frames = FRAMESET.text(&[&an.frames.len(), &an.frames.join(", ")]);
        return Some((Other, frames));
    }
    let text_len = visible_len(ev.body_text);
    // A page with its own dated headline is an article whatever login box sits beside it.
    if text_len < LOGIN_PAGE_MAX_TEXT
        && !ev.has_dated_header
        && login_form_is_the_page(an, ev.body_node)
    {
        return Some((Other, LOGIN.text(&[])));
    }
    if text_len < ERROR_PAGE_MAX_TEXT && !ev.has_dated_header && is_error_message(ev.body_text) {
        return Some((Other, ERROR.text(&[])));
    }
    // A body of document links is the article's content, however little text it has (a notice that is one
    // .pdf), and so is the text of a CMS's article container (an image alone in it is no text: an org chart, a
    // flow chart): only a weak body without either sends the search for a list over the whole page.
    let body_stats = ev.body_node.and_then(|n| an.stats.get(&n));
    let documents = ev.attachments > 0 && body_stats.is_some_and(|s| holds_documents(an, s));
    let cms_text = ev.article_container && text_len > 0;
    let weak = !documents && !cms_text && body_stats.is_none_or(|s| s.score < WEAK_BODY_SCORE);
    // A dated header does not keep a weak body from the search for a list when the body is a piece of that
    // list (the 'headline' a column name, the 'date' a list row's): the list is then the page.
    let list = ev.body_node.and_then(|n| {
        main_list(an, n, weak && !ev.has_dated_header).or_else(|| {
            (weak && ev.has_dated_header)
                .then(|| list_holding(an, n))
                .flatten()
        })
    });
    if let Some(list) = list {
        *list_node = Some(list.container);
        let shape = match (list.kind, list.pager) {
            (ListKind::Linked, true) if list.items == 1 => &LIST_ONE_PAGER,
            (ListKind::Linked, true) => &LIST_LINKED_PAGER,
            (ListKind::Linked, false) => &LIST_LINKED,
            (ListKind::Records, true) => &LIST_RECORDS_PAGER,
            (ListKind::Records, false) => &LIST_RECORDS,
        };
        return Some((List, shape.text(&[&list.items])));
    }
    let dated_links = an
        .blocks
        .iter()
        .filter(|b| b.link_chars >= 6 && b.chars <= 40 && find_date(&b.line).is_some())
        .count();
    if dated_links >= DATED_LINKS_MIN && !ev.has_labelled_date && text_len < 40 * dated_links {
        return Some((List, DATED_LINKS.text(&[&dated_links])));
    }
    // A body that is only the page's own metadata line (a hub's 来源/发稿时间 line above its links) has no text,
    // whatever header it has. Not `Empty`: that is a short page, which an article template keeps; this one has
    // nothing to keep.
    if ev.attachments == 0
        && ev.images == 0
        && only_metadata_lines(ev.body_text)
        && !has_media(an)
        && !image_beside(an, ev.body_node)
    {
        let line = ev.body_text.lines().next().unwrap_or_default().trim();
        return Some((Other, ONLY_METADATA.text(&[&line])));
    }
    // A body that is only a template's unfilled placeholders (`{栏目别名}`, `{{item.title}}`): the CMS or the
    // page's script never wrote the page's text, whatever header it has; images beside them are the template's
    // icons (a real picture would be a placeholder too).
    if ev.attachments == 0 && is_only_placeholders(ev.body_text) {
        return Some((Empty, NO_TEXT.text(&[&0])));
    }
    // A page with its own headline and a labelled date is an article even when its body is a video, an image or
    // an embedded viewer: its record keeps the title and the date.
    if ev.has_dated_header {
        return None;
    }
    // A page of several sections, each previewing a column behind its own "more" link, is a home page or hub.
    let sections = sections_with_more_links(an);
    if sections >= INDEX_MORE_LINKS_MIN {
        return Some((List, INDEX.text(&[&sections])));
    }
    // A profile whose text is empty: what is left is the person's card.
    if ev.attachments == 0 && is_person_card(ev.body_text) {
        return Some((Other, PERSON_CARD.text(&[])));
    }
    if ev.attachments == 0 && is_people_table(ev.body_text) {
        return Some((Other, PEOPLE_TABLE.text(&[])));
    }
    if ev.body_node.is_none() && ev.attachments == 0 && ev.images == 0 {
        return Some((Empty, NO_BODY.text(&[])));
    }
    // No headline of its own and one short line without a sentence (a column's footer e-mail, a row of posts
    // whose names are links): nothing of the page's own to migrate. A contact page's several lines stay.
    if !ev.has_headline && ev.attachments == 0 && ev.images == 0 && is_one_short_line(ev.body_text)
    {
        return Some((Empty, NO_TEXT.text(&[&text_len])));
    }
    if text_len < EMPTY_TEXT_MAX && ev.attachments == 0 && ev.images == 0 {
        return Some((Empty, NO_TEXT.text(&[&text_len])));
    }
    None
}

/// Whether the links of a block are mostly to documents (`.pdf`, `.docx` … — the content of a notice) rather
/// than to other pages (a hub's lists, which may hold a document or two), and its lines are not dated items (a
/// download column lists its files with their dates).
fn holds_documents(an: &Analysis<'_>, body: &super::analysis::SubtreeStats) -> bool {
    let blocks = an.blocks_in(body.first_order, body.last_order);
    let (documents, pages) = blocks.iter().fold((0, 0), |(d, p), b| {
        (d + b.content_link_chars, p + b.link_chars)
    });
    let dated = blocks
        .iter()
        .filter(|b| find_date(&b.line).is_some())
        .count();
    documents > pages && dated * 2 < blocks.len()
}

/// Whether a body is a few short lines that each carry a metadata label (来源, 发布时间, 作者, 编辑 …) and no
/// sentence.
fn only_metadata_lines(text: &str) -> bool {
    use crate::extract::labels::{LabelKind, split_labels};
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).peekable();
    lines.peek().is_some()
        && visible_len(text) <= METADATA_ONLY_MAX_TEXT
        && lines.all(|l| {
            !crate::normalize::text::is_sentence(l)
                && split_labels(l)
                    .iter()
                    .any(|p| !matches!(p.kind, LabelKind::Other))
        })
}

/// Whether a body is only people's cards: short lines, each a field of a card (`职称：教授`,
/// `研究方向 社会政策`, `Email：…`; the label's spacing ignored) or the value under a field's label standing alone
/// (`行政职务` / `副院长`), a card's name line (`刘婷`) and perhaps one heading over the cards (`综合办公室 教师`),
/// naming at least [`PERSON_CARD_MIN_FIELDS`] of a person's fields besides contact ones: a profile whose text is
/// empty (its CV's section headings and placeholders aside: [`CV_SECTION_HEADINGS`], [`EMPTY_PANE_WORDS`]), or an
/// office's directory of cards. Cards laid out side by side are read cell by cell (the renderer separates cells
/// with tabs), and a card written on one line starts with the name (`刘佳 职务：院长`).
fn is_person_card(text: &str) -> bool {
    let mut person = 0;
    let mut value_next = false;
    let lines = text
        .lines()
        .flat_map(|l| l.split('\t'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(without_leading_name);
    for (i, line) in lines.enumerate() {
        if visible_len(line) > CARD_LINE_MAX_CHARS {
            return false;
        }
        if std::mem::take(&mut value_next) {
            continue;
        }
        // A field's value may hold a comma (`办公电话022-23500327，23498602`); any other line is no sentence.
        let person_field = starts_with_label(line, &PERSON_CARD_LABELS);
        if person_field || starts_with_label(line, &CONTACT_CARD_LABELS) {
            person += usize::from(person_field);
            value_next = people::is_label_only(line, &PERSON_CARD_LABELS)
                || people::is_label_only(line, &CONTACT_CARD_LABELS);
        } else if people::is_label_only(line, &CV_SECTION_HEADINGS)
            || people::is_label_only(line, &EMPTY_PANE_WORDS)
        {
            // An empty CV's frame under the card: its section headings and placeholders.
        } else if crate::normalize::text::is_sentence(line)
            || !(i == 0 || people::is_chinese_name(line))
        {
            return false;
        }
    }
    person >= PERSON_CARD_MIN_FIELDS
}

/// A card's line without the person's name in front of its first field (`刘佳 职务：院长` → `职务：院长`); any
/// other line as it is.
fn without_leading_name(line: &str) -> &str {
    let Some((name, rest)) = line.split_once(char::is_whitespace) else {
        return line;
    };
    let rest = rest.trim_start();
    let field = starts_with_label(rest, &PERSON_CARD_LABELS)
        || starts_with_label(rest, &CONTACT_CARD_LABELS);
    if people::is_chinese_name(name) && field {
        rest
    } else {
        line
    }
}

/// Whether a body is only a table of people: a header row naming 姓名 (or Name) and at least one field of a
/// person's card or contact, then rows that each start with a name, and no sentence anywhere — an office's or an
/// institute's staff directory. Table rows are the tab-separated lines the renderer writes.
fn is_people_table(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(header) = lines.next() else {
        return false;
    };
    let cells: Vec<&str> = header.split('\t').map(str::trim).collect();
    let named = cells
        .iter()
        .any(|c| *c == "姓名" || c.eq_ignore_ascii_case("name"));
    let fields = cells.iter().any(|c| {
        starts_with_label(c, &PERSON_CARD_LABELS) || starts_with_label(c, &CONTACT_CARD_LABELS)
    });
    let mut rows = 0;
    for line in lines {
        let first = line.split('\t').next().unwrap_or_default().trim();
        if !line.contains('\t')
            || !people::is_name(first)
            || crate::normalize::text::is_sentence(line)
        {
            return false;
        }
        rows += 1;
    }
    named && fields && rows >= 1
}

/// How many distinct targets the page's "more" links ([`MORE_LINK_WORDS`]) point at: one per section of a hub.
fn sections_with_more_links(an: &Analysis<'_>) -> usize {
    let mut targets: Vec<&str> = an
        .anchors
        .iter()
        .filter(|(node, href)| {
            !href.trim().is_empty()
                && !href.trim_start().starts_with('#')
                && !crate::href::starts_with_ignore_case(href.trim_start(), "javascript:")
                && an.doc.tree.get(*node).is_some_and(is_more_anchor)
        })
        .map(|(_, href)| href.trim())
        .collect();
    targets.sort_unstable();
    targets.dedup();
    targets.len()
}

/// Whether a node is a link whose text is a "more" word ([`is_more_link`]). Every such word holds 更 or 查
/// (a test of the vocabulary keeps it so): most links hold neither and are passed over without building their
/// text.
pub(super) fn is_more_anchor(node: ego_tree::NodeRef<'_, scraper::Node>) -> bool {
    crate::extract::dom::is_anchor(node)
        && node.descendants().any(|d| {
            d.value()
                .as_text()
                .is_some_and(|t| t.contains(['更', '查']))
        })
        && is_more_link(&crate::extract::dom::spaced_text(node))
}

/// A link's text that is only a "more" word and its decorations (`更多>>`, `[更多]`, `更多 +`, `查看更多 »`).
fn is_more_link(text: &str) -> bool {
    let word = text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '>' | '»' | '＞' | '+' | '＋' | '[' | ']' | '【' | '】' | '.' | '…' | '›'
            )
    });
    !word.is_empty() && MORE_LINK_WORDS.contains(&word)
}

/// Whether the element around the body (a metadata line that won the body alone) also holds an image outside
/// any link after it: a notice whose text is a poster, under its own date line. A hub's pictures are links.
fn image_beside(an: &Analysis<'_>, body: Option<ego_tree::NodeId>) -> bool {
    let Some(node) = body.and_then(|b| an.doc.tree.get(b)) else {
        return false;
    };
    let Some(parent) = node.parent() else {
        return false;
    };
    node.next_siblings().any(|sibling| {
        std::iter::once(sibling)
            .chain(sibling.descendants())
            .any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| e.name.local == local_name!("img"))
                    && !d
                        .ancestors()
                        .take_while(|a| a.id() != parent.id())
                        .any(crate::extract::dom::is_anchor)
            })
    })
}

/// Whether a text is a template the CMS or the page's script never filled: placeholders (`{栏目别名}`, a name in
/// braces without spaces; `{{item.addtime | day}}`, anything in double braces) and, outside them, at most one
/// short line of the template's own words without a sentence (a status legend `未开始 进行中 已结束`, a `~`
/// between two dates) — nothing written for this page.
fn is_only_placeholders(text: &str) -> bool {
    // Most bodies hold no brace at all: they are passed over without copying their text.
    if !text.contains('{') {
        return false;
    }
    let mut rest = text;
    let mut outside = String::new();
    while let Some(open) = rest.find('{') {
        outside.push_str(&rest[..open]);
        // More than one short line outside the placeholders: text of the page's own.
        if visible_len(&outside) > ONE_LINE_MAX_CHARS {
            return false;
        }
        let after = &rest[open..];
        let closed = if let Some(inner) = after.strip_prefix("{{") {
            inner
                .find("}}")
                .filter(|&end| !inner[..end].contains('\n'))
                .map(|end| 2 + end + 2)
        } else {
            after[1..]
                .find('}')
                .filter(|&end| end > 0 && !after[1..1 + end].chars().any(char::is_whitespace))
                .map(|end| 1 + end + 1)
        };
        let Some(len) = closed else {
            return false;
        };
        outside.push(' ');
        rest = &after[len..];
    }
    outside.push_str(rest);
    let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
    outside.is_empty() || is_one_short_line(&outside)
}

/// Whether a text is a single line of at most [`ONE_LINE_MAX_CHARS`] that is no sentence.
fn is_one_short_line(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines.next().is_some_and(|line| {
        visible_len(line) <= ONE_LINE_MAX_CHARS && !crate::normalize::text::is_sentence(line)
    }) && lines.next().is_none()
}

/// Whether the page plays a video or a sound, or embeds a player: that is its content.
fn has_media(an: &Analysis<'_>) -> bool {
    an.doc.tree.nodes().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "video" | "audio" | "embed" | "object"))
    })
}

fn is_error_message(text: &str) -> bool {
    ERROR_PHRASES
        .iter()
        .any(|p| crate::extract::dom::contains_ignore_ascii_case(text, p))
}
