//! Title: the page's headline element, not `<title>` (which carries `_栏目_站名` suffixes). Headline candidates —
//! h1–h4, elements marked `title`, large or bold text before the body — are scored by how much of them `<title>`
//! contains (GNE's longest-common-substring idea), by tag, and by sitting just before the body. When only
//! `<title>` is usable, its site and column suffixes are cut off.

use super::vocabulary::{
    BADGES, HEADING_NAME_WORDS, NAME_MARKERS, SITE_GREETINGS, SITE_NAME_ENDINGS, TITLE_META,
};
use ego_tree::NodeId;
use html5ever::local_name;
use scraper::Node;

use super::analysis::Analysis;
use crate::extract::Rule;
use crate::extract::dom::{attr, contains_ignore_ascii_case, name_tokens, spaced_text};
use crate::extract::name_words::NameWords;
use crate::normalize::text::visible_len;
use std::sync::LazyLock;

static HEADING_NAMES: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&HEADING_NAME_WORDS));
static PERSON_NAMES: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&NAME_MARKERS));

/// A chosen title and the node it came from (None for `<title>` or meta tags).
#[derive(Debug, Clone)]
pub struct TitleChoice {
    pub text: String,
    pub node: Option<NodeId>,
    pub rule: Rule,
}

/// A headline candidate before scoring.
struct Candidate {
    node: ego_tree::NodeId,
    tag: String,
    text: String,
    /// Tag, class and style evidence, plus position and shape adjustments.
    base: f32,
    /// Longest run shared with `<title>`.
    common: usize,
    contained: bool,
    /// The breadcrumb's last item: the column's name.
    column: bool,
    /// The same (short) words as menu links elsewhere on the page.
    menu_words: bool,
    /// Document-order span.
    span: (usize, usize),
}

/// Blocks between a candidate's end and the start of a twin that still make the twin "the text right after
/// it" (an empty line or a picture may sit between two paragraphs).
const TWIN_MAX_GAP: usize = 3;

/// Taken off a candidate that looks exactly like the line after or before it: a headline is set apart from the
/// text it heads, so a styled line among lines of the same tag, class and style is a line of the text (a
/// leaders' list, paragraphs typed in a large font), not its headline. Large enough to undo any style bonus.
const TEXT_LINE_PENALTY: f32 = 30.0;
/// What a heading inside the body loses when a later heading of the body looks the same: section headings
/// of a text repeat their style, a headline has its own.
const SECTION_HEADING_PENALTY: f32 = 30.0;
/// How many candidates at the top of the body are tested for a look-alike section heading (bounds the work on
/// pages with thousands of styled lines).
const SECTION_HEADING_SCAN: usize = 16;

/// Characters of `<title>` compared with the candidates: a headline plus its column and site names fit many
/// times over, and the comparison costs candidates × 120 × this, so a page with a megabyte of text in its
/// `<title>` costs no more than an ordinary one.
const TITLE_TAG_MAX_CHARS: usize = 500;

/// Find the headline. `body` is the document-order span of the body; `trail` the breadcrumb's items (the last
/// is the column's name, the others the sections above it);
/// `article_container` the span of a container that CMS families use only for the article (wp_articlecontent,
/// TRS_Editor …), when the body is one: a heading inside it is the article's own, even when it repeats the
/// column's name (a single-article column).
pub fn find(
    an: &Analysis<'_>,
    body: Option<(usize, usize)>,
    trail: &[String],
    article_container: Option<(usize, usize)>,
) -> Option<TitleChoice> {
    let (column, sections) = match trail.split_last() {
        Some((last, rest)) => (Some(last.as_str()), rest),
        None => (None, trail),
    };
    let title_tag = an.title_tag.as_deref().unwrap_or("");
    let title_chars: Vec<char> = title_tag
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(TITLE_TAG_MAX_CHARS)
        .collect();
    let site = site_suffix(title_tag);
    let names = Names {
        column,
        sections,
        site: site.as_deref(),
    };
    let mut title_runs = TitleRuns::new(&title_chars);
    let candidates = candidates(an, body, &mut title_runs, names, article_container);
    // <title> helps only when it names this page: some candidate that is not a column name shares a run with
    // it. Otherwise (<title> is the site or column name) candidates are judged by tag and position alone.
    let title_useful = candidates
        .iter()
        .any(|c| !c.column && !c.menu_words && c.common >= 4);
    let mut best: Option<(f32, &Candidate)> = None;
    for c in candidates.iter().filter(|c| !c.column) {
        let mut score = c.base;
        if title_useful {
            score += 2.0 * c.common as f32;
            if c.contained {
                score += 10.0;
            }
            if c.common < 4 {
                score -= 10.0;
            }
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    if tracing::enabled!(tracing::Level::DEBUG) {
        for c in &candidates {
            tracing::debug!(
                "title candidate <{}> {:?}: base {}, common {}, column {}",
                c.tag,
                c.text,
                c.base,
                c.common,
                c.column
            );
        }
    }
    let threshold = if title_useful { 10.0 } else { 5.0 };
    // The body may repeat the headline without its bracketed parts (a notice's project number): the fuller copy
    // above it is the page's headline.
    let best = best.map(|(score, c)| {
        let fuller = candidates.iter().find(|o| {
            !o.column
                && o.span.1 < c.span.0
                && o.base >= threshold
                && is_shortened_copy(&c.text, &o.text)
        });
        (score, fuller.unwrap_or(c))
    });
    if let Some((score, c)) = best
        && (score >= threshold || title_chars.is_empty())
    {
        return Some(TitleChoice {
            text: without_badge(&c.text),
            node: Some(c.node),
            rule: Rule::generic(format!("headline <{}>", c.tag)),
        });
    }
    if let Some((name, value)) = an.meta_value(&TITLE_META[..1]) {
        return Some(TitleChoice {
            text: crate::normalize::text::fold(value),
            node: None,
            rule: Rule::generic(format!("meta {name}")),
        });
    }
    let stripped = strip_site_suffix(title_tag)?;
    // A <title> that greets the visitor (欢迎光临…图书馆) names the site, not a page of it.
    if SITE_GREETINGS
        .iter()
        .any(|g| crate::href::starts_with_ignore_case(&stripped, g))
    {
        return None;
    }
    // A <title> that only names the page's column gives no headline: the breadcrumb's end, or — on a page
    // without a breadcrumb — the words of a menu link.
    let names_column = match column {
        Some(c) => c == stripped,
        None => an.links_with_text(&stripped) > 0,
    };
    // A person's name is a headline even as a column's name (a single-page column about one person).
    if names_column && !is_person_heading(an, &stripped) {
        return None;
    }
    Some(TitleChoice {
        text: stripped,
        node: None,
        rule: Rule::generic("<title> without site suffix"),
    })
}

/// A heading that is the column's name, alone or followed by its English rendering (`新闻动态 NEWS`,
/// `餐饮服务 CATERING SERVICE`): bilingual column headings name the column, not the page.
pub fn is_column_heading(text: &str, column: &str) -> bool {
    text.strip_prefix(column).is_some_and(|rest| {
        rest.chars().all(|c| {
            c.is_ascii_alphabetic() || c.is_whitespace() || matches!(c, '&' | '-' | '\'' | '.')
        })
    })
}

/// The headline without a leading badge word.
fn without_badge(text: &str) -> String {
    for badge in BADGES {
        if let Some(rest) = text.strip_prefix(badge)
            && rest.starts_with(' ')
            && visible_len(rest) >= 4
        {
            return rest.trim().to_string();
        }
    }
    text.to_string()
}

/// Whether `short` is `full` with its bracketed parts left out (`…燃气工程成交公告` of
/// `…燃气工程(NK2025G002)成交公告`), whitespace ignored: the same headline, shortened.
fn is_shortened_copy(short: &str, full: &str) -> bool {
    without_brackets(full).is_some_and(|kept| same_letters(short, &kept))
}

/// `text` without whitespace and without its bracketed parts (`（…）`, `(…)`, `【…】`, `[…]`), when it has some
/// and they are balanced.
pub fn without_brackets(text: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut bracketed = false;
    let mut kept = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '(' | '（' | '[' | '【' => {
                depth += 1;
                bracketed = true;
            }
            ')' | '）' | ']' | '】' if depth > 0 => depth -= 1,
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    (bracketed && depth == 0 && !kept.is_empty()).then_some(kept)
}

/// Whether `text` is `letters` (a text without whitespace), whitespace ignored.
pub fn same_letters(text: &str, letters: &str) -> bool {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .eq(letters.chars())
}

/// The longest person's name a heading is tested for (letters without spaces): three romanized words
/// (`Ouyang Xiaoming`); a Chinese name has at most four characters.
const PERSON_HEADING_MAX_CHARS: usize = 24;

/// A person's name as a profile page's heading (`王炳钰`, `金正琳`, `Jiang Pei`): shorter than any other
/// headline. A word that the page's links qualify (简介 of 学院简介) is no name, whatever its shape.
fn is_person_heading(an: &Analysis<'_>, text: &str) -> bool {
    (super::people::is_chinese_name(text) || super::people::is_romanized_chinese_name(text))
        && !an.qualifies_link_texts(text)
}

/// A name-shaped line heading a person's card (`回春萍` above `职称：副教授`): a profile's heading, whatever the
/// surname (the surname list cannot hold every rare one).
fn heads_a_person_card(an: &Analysis<'_>, node: ego_tree::NodeId, text: &str) -> bool {
    super::people::is_name(text.trim())
        && an
            .block_of(node)
            .is_some_and(|b| super::people::card_field_follows(an, b.order))
        && !an.qualifies_link_texts(text)
}

/// Names that are never the page's headline: the column it sits in (the breadcrumb's last item) and the site or
/// institution that `<title>` ends with (`研发实习生-某某科技有限公司`).
#[derive(Clone, Copy)]
struct Names<'a> {
    column: Option<&'a str>,
    /// The breadcrumb's items above the column: the sections the column sits in.
    sections: &'a [String],
    site: Option<&'a str>,
}

/// The site's or institution's name that ends `<title>` after a dash (`…-南开大学`), when a headline comes
/// before it.
fn site_suffix(title_tag: &str) -> Option<String> {
    let title = crate::normalize::text::fold(title_tag);
    split_site_name(&title, &['-', '－', '_', '|', '｜']).map(|(_, site)| site.to_string())
}

/// `headline` and `site` of a title `headline<sep>site` whose last part, after one of `separators`, reads like a
/// site's or institution's name and has a headline before it.
fn split_site_name<'t>(title: &'t str, separators: &[char]) -> Option<(&'t str, &'t str)> {
    let (head, tail) = title.rsplit_once(separators)?;
    let (head, tail) = (head.trim(), tail.trim());
    (!head.is_empty() && is_site_name(tail)).then_some((head, tail))
}

/// Levels above a heading searched for the "more" link of its section: the heading's own wrapper (`<h3>` around
/// a `<span>`) and the bar that holds it beside the link.
const SECTION_BAR_DEPTH: usize = 2;
/// Text a section's heading bar may hold besides the heading: the "more" link's words and decorations.
const SECTION_BAR_EXTRA_CHARS: usize = 8;

/// Whether a heading sits in a bar with a "more" link to its column ([`super::classify::is_more_anchor`]): the
/// name of a hub's section (`学院新闻  更多>`), never a page's headline.
fn heads_a_section_with_more_link(node: ego_tree::NodeRef<'_, Node>, heading_chars: usize) -> bool {
    let limit = heading_chars + SECTION_BAR_EXTRA_CHARS;
    node.ancestors().take(SECTION_BAR_DEPTH).any(|bar| {
        // Counted only up to the limit: a bar is short, and the `<html>` above a heading holds the whole page.
        if crate::extract::dom::visible_chars_upto(bar, limit + 1) > limit {
            return false;
        }
        bar.descendants().any(super::classify::is_more_anchor)
    })
}

/// Every element that could be the headline, with the evidence that does not depend on `<title>`.
fn candidates(
    an: &Analysis<'_>,
    body: Option<(usize, usize)>,
    title_runs: &mut TitleRuns,
    names: Names<'_>,
    article_container: Option<(usize, usize)>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for node in an.doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        if !is_candidate_tag(el.name()) {
            continue;
        }
        let mut link_headline = false;
        let bonus;
        // Block candidates read their own text line (no subtree walk); inline ones need text of their own.
        // The cheap tests come first: most elements fail them.
        let text = if let Some(stats) = an.stats.get(&node.id()) {
            let Some(block) = an.block_of(node.id()) else {
                continue;
            };
            let len = stats.chars + stats.link_chars;
            if !(2..=120).contains(&len) {
                continue;
            }
            // A linked headline is allowed only when <title> repeats it (checked below).
            link_headline = block.link_chars * 2 > block.chars;
            if link_headline && block.link_chars < 6 {
                continue;
            }
            bonus = tag_bonus(el).unwrap_or(0.0);
            // Its own line (nested blocks, like a salary line beside a headline, are not part of it);
            // the whole subtree only when the element has almost no text of its own. A button after the
            // headline (`公司名 给我留言`) is a link: its text is left out when the rest is a headline.
            // The subtree walk for link-less anchors (`onclick` buttons) only on lines that could have one.
            if block.chars >= 4
                && block.link_chars * 3 <= block.chars
                && (block.link_chars > 0 || has_link_inside(node))
            {
                crate::extract::dom::text_outside_links(node)
            } else if block.chars + block.link_chars >= 2 {
                block.line.clone()
            } else {
                spaced_text(node)
            }
        } else {
            let own_text = node
                .children()
                .any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()));
            if !own_text {
                continue;
            }
            bonus = tag_bonus(el).unwrap_or(0.0);
            if bonus <= 0.0 || has_link_inside(node) || inside_link(node) || runs_on(node) {
                continue;
            }
            spaced_text(node)
        };
        let Some((first_order, last_order)) = an.order_span(node) else {
            continue;
        };
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        chars.extend(text.chars().filter(|c| !c.is_whitespace()));
        let person = chars.len() <= PERSON_HEADING_MAX_CHARS
            && (is_person_heading(an, &text) || heads_a_person_card(an, node.id(), &text))
            && (el.name().starts_with('h') || PERSON_NAMES.in_names(el));
        if !(4..=120).contains(&chars.len()) && !person {
            continue;
        }
        // A label (`专业要求：`) introduces a field, never a headline; nor is a roster line (`工作人员：王晓`).
        if text.trim_end().ends_with(['：', ':']) || super::people::is_role_and_name(&text) {
            continue;
        }
        // A sentence is body text, never a headline.
        if text.trim_end().ends_with('。') || text.contains("。") && chars.len() > 30 {
            continue;
        }
        let common = title_runs.longest_with(&chars);
        let contained = common * 10 >= chars.len() * 9;
        if (link_headline || bonus <= 0.0) && !contained && !person {
            continue;
        }
        let as_links = an.links_with_text(&text);
        // The breadcrumb's last item is the column this page sits in, never its headline. A short text that
        // menu links also carry is probably a column name too (but single-page columns like 科协简介 use it as
        // their heading); a long headline linked from a "hot news" list is not one.
        // Inside a container that holds only the article, a heading is the article's own (a single-article
        // column repeats its column's name as its headline); a profile's name is its page's headline.
        let in_article =
            article_container.is_some_and(|(s, e)| first_order >= s && first_order <= e);
        let own = in_article || person;
        let column = (names.column.is_some_and(|c| is_column_heading(&text, c))
            || names.sections.iter().any(|s| is_column_heading(&text, s))
            || names.site == Some(text.as_str())
            || heads_a_section_with_more_link(node, chars.len()))
            && !own;
        let menu_words = as_links > usize::from(link_headline) && chars.len() <= 8 && !own;
        let mut base = bonus;
        if menu_words {
            base -= 30.0;
        }
        // A line with a sentence in it is more likely body text; a line starting with 首页 is a breadcrumb.
        if text.contains('。') {
            base -= 20.0;
        }
        if person {
            base += 10.0;
        }
        if text.starts_with("首页") || text.starts_with("当前位置") {
            base -= 30.0;
        }
        if an.block_of(node.id()).is_some_and(|b| b.chrome) {
            base -= 20.0;
        }
        if let Some((start, end)) = body {
            if first_order > end {
                base -= 40.0;
            } else if first_order > start + 1 {
                base -= 20.0;
            } else if start.saturating_sub(last_order) <= 8 {
                base += 10.0;
            } else if start.saturating_sub(last_order) > 15 {
                base -= 15.0;
            }
        }
        out.push(Candidate {
            node: node.id(),
            tag: el.name().to_string(),
            text,
            base,
            common,
            contained,
            column,
            menu_words,
            span: (first_order, last_order),
        });
    }
    mark_text_lines(an, &mut out);
    mark_section_headings(an, body, &mut out);
    out
}

/// Candidates that look exactly like the candidate right after or right before them (same tag, class and
/// style) are lines of the text ([`TEXT_LINE_PENALTY`]). Headings (`h1`–`h6`) are left alone: a column heading
/// and the headline can share a tag. The class and style are read from the tree only for such neighbours.
fn mark_text_lines(an: &Analysis<'_>, candidates: &mut [Candidate]) {
    let twin =
        |c: &Candidate, other: Option<&Candidate>, gap: fn(&Candidate, &Candidate) -> usize| {
            other.is_some_and(|o| gap(c, o) <= TWIN_MAX_GAP && look(an, o.node) == look(an, c.node))
        };
    for i in 0..candidates.len() {
        let c = &candidates[i];
        if c.tag.len() == 2 && c.tag.starts_with('h') {
            continue;
        }
        let next = candidates[i + 1..]
            .iter()
            .filter(|n| n.span.0 > c.span.1)
            .find(|n| n.tag == c.tag);
        let previous = candidates[..i]
            .iter()
            .rev()
            .filter(|p| p.span.1 < c.span.0)
            .find(|p| p.tag == c.tag);
        if twin(c, next, |c, n| n.span.0 - c.span.1)
            || twin(c, previous, |c, p| c.span.0 - p.span.1)
        {
            candidates[i].base -= TEXT_LINE_PENALTY;
        }
    }
}

/// Candidates at the top of the body that look exactly like another candidate inside the body (same tag, class
/// and style, any distance apart) are the text's section headings (教研室 after 教研室, 基本目标 before 项目内容),
/// not the page's headline ([`SECTION_HEADING_PENALTY`]). Only the first [`SECTION_HEADING_SCAN`] are tested:
/// a headline stands at the top, and deeper candidates lose on position already.
fn mark_section_headings(
    an: &Analysis<'_>,
    body: Option<(usize, usize)>,
    candidates: &mut [Candidate],
) {
    let Some((start, end)) = body else {
        return;
    };
    let inside: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].span.0 >= start && candidates[i].span.1 <= end)
        .collect();
    let looks: Vec<_> = inside
        .iter()
        .map(|&i| look(an, candidates[i].node))
        .collect();
    let apart = |a: &Candidate, b: &Candidate| a.span.1 < b.span.0 || b.span.1 < a.span.0;
    let mut marked = Vec::new();
    for (a, &i) in inside.iter().enumerate().take(SECTION_HEADING_SCAN) {
        let c = &candidates[i];
        let twin = inside.iter().enumerate().any(|(b, &j)| {
            let o = &candidates[j];
            b != a && looks[b] == looks[a] && o.tag == c.tag && apart(c, o) && o.text != c.text
        });
        if twin {
            marked.push(i);
        }
    }
    for i in marked {
        candidates[i].base -= SECTION_HEADING_PENALTY;
    }
}

/// How an element looks, as far as telling a headline from lines styled alike goes: its class and style.
fn look<'a>(an: &Analysis<'a>, node: NodeId) -> Option<(Option<&'a str>, Option<&'a str>)> {
    an.doc
        .tree
        .get(node)
        .and_then(scraper::ElementRef::wrap)
        .map(|el| (attr(el.value(), "class"), attr(el.value(), "style")))
}

fn is_candidate_tag(name: &str) -> bool {
    matches!(
        name,
        "h1" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "td"
            | "th"
            | "div"
            | "p"
            | "span"
            | "font"
            | "strong"
            | "b"
            | "center"
            | "header"
            | "caption"
    )
}

/// How strongly an element's tag and styling suggest a headline; `None` for tags that never hold one.
fn tag_bonus(el: &scraper::node::Element) -> Option<f32> {
    let by_tag = match el.name() {
        "h1" => 30.0,
        "h2" => 24.0,
        "h3" => 16.0,
        "h4" => 10.0,
        "h5" | "h6" => 6.0,
        "td" | "th" | "div" | "p" | "span" | "font" | "strong" | "b" | "center" | "header"
        | "caption" => 0.0,
        _ => return None,
    };
    let mut bonus = by_tag;
    let marked = name_tokens(el).any(|t| contains_ignore_ascii_case(t, "title"))
        || HEADING_NAMES.in_names(el);
    if marked {
        bonus += 15.0;
    }
    if let Some(style) = attr(el, "style") {
        if font_size_px(style).is_some_and(|px| px >= 18.0) {
            bonus += 15.0;
        } else if contains_ignore_ascii_case(style, "bold") {
            bonus += 5.0;
        }
    }
    if el.name.local == local_name!("font")
        && el
            .attr("size")
            .is_some_and(|s| s.trim().parse::<u32>().is_ok_and(|n| n >= 4))
    {
        bonus += 12.0;
    }
    if matches!(el.name(), "strong" | "b") {
        bonus += 5.0;
    }
    Some(bonus)
}

/// Whether an inline element sits inside a link (checked only up to its nearest block).
fn inside_link(node: ego_tree::NodeRef<'_, Node>) -> bool {
    for a in node.ancestors() {
        match a.value().as_element() {
            Some(e) if e.name.local == local_name!("a") => return true,
            Some(e) if crate::extract::dom::is_block(&e.name.local) => return false,
            _ => {}
        }
    }
    false
}

/// Whether an inline element is a piece of a running line: the text before or after it (up to its nearest
/// block, not across a `<br>`) touches it with no space between, as a styled phrase inside a sentence does
/// (`<span>…开始试运行</span><a>座位管理系统</a>，目前…`). A headline set inline is a line of its own.
fn runs_on(node: ego_tree::NodeRef<'_, Node>) -> bool {
    touches(node, true) || touches(node, false)
}

/// Whether the nearest visible character after (`forward`) or before `node`, inside its nearest block and
/// before a `<br>`, is not whitespace.
fn touches<'a>(node: ego_tree::NodeRef<'a, Node>, forward: bool) -> bool {
    use crate::extract::dom::is_block;
    let step = |n: ego_tree::NodeRef<'a, Node>| {
        if forward {
            n.next_sibling()
        } else {
            n.prev_sibling()
        }
    };
    let facing = |t: &str| {
        if forward {
            t.chars().next()
        } else {
            t.chars().next_back()
        }
    };
    let mut at = node;
    loop {
        let mut next = step(at);
        while let Some(n) = next {
            match n.value() {
                Node::Element(e)
                    if e.name.local == local_name!("br") || is_block(&e.name.local) =>
                {
                    return false;
                }
                Node::Text(t) => {
                    if let Some(c) = facing(t) {
                        return !c.is_whitespace();
                    }
                }
                Node::Element(_) => {
                    let mut texts = n.descendants().filter_map(|d| d.value().as_text());
                    let c = if forward {
                        texts.find_map(|t| facing(t))
                    } else {
                        texts.filter_map(|t| facing(t)).last()
                    };
                    if let Some(c) = c {
                        return !c.is_whitespace();
                    }
                }
                _ => {}
            }
            next = step(n);
        }
        match at.parent() {
            Some(p)
                if p.value()
                    .as_element()
                    .is_some_and(|e| !is_block(&e.name.local)) =>
            {
                at = p
            }
            _ => return false,
        }
    }
}

fn has_link_inside(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.descendants().any(crate::extract::dom::is_anchor)
}

/// `font-size: 24px` (or pt) from an inline style.
fn font_size_px(style: &str) -> Option<f32> {
    let at = crate::extract::dom::find_ignore_ascii_case(style, "font-size")?;
    let rest = style[at + "font-size".len()..].trim_start_matches([' ', ':']);
    let digits = rest
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b'.')
        .count();
    let value: f32 = rest[..digits].parse().ok()?;
    let unit = &rest.as_bytes()[digits..];
    Some(
        if unit.len() >= 2 && unit[..2].eq_ignore_ascii_case(b"pt") {
            value * 4.0 / 3.0
        } else {
            value
        },
    )
}

/// `<title>`'s characters (as compared with the candidates) with, for each distinct character, where it stands:
/// the longest run a candidate shares with `<title>` ([`TitleRuns::longest_with`]) then costs a step per pair of
/// equal characters, not one per pair of characters ([`longest_common_run`] gives the same length).
struct TitleRuns {
    /// Each distinct character with the range of its positions in `positions`, sorted by character.
    index: Vec<(char, usize, usize)>,
    /// Positions in `<title>`, grouped by character, ascending within a group.
    positions: Vec<usize>,
    /// For each position of `<title>`: the row (of the calls so far, counted on) that last matched it, and the
    /// length of the run ending there.
    last: Vec<(usize, usize)>,
    /// Rows used by earlier calls: entries of `last` from them never read as the row before.
    rows: usize,
}

impl TitleRuns {
    fn new(title: &[char]) -> TitleRuns {
        let mut by_char: Vec<(char, usize)> = title.iter().copied().zip(0..).collect();
        by_char.sort_unstable();
        let mut index: Vec<(char, usize, usize)> = Vec::new();
        for (i, &(c, _)) in by_char.iter().enumerate() {
            match index.last_mut() {
                Some((last, _, end)) if *last == c => *end = i + 1,
                _ => index.push((c, i, i + 1)),
            }
        }
        TitleRuns {
            index,
            positions: by_char.into_iter().map(|(_, at)| at).collect(),
            last: vec![(0, 0); title.len()],
            rows: 0,
        }
    }

    /// Length of the longest run of characters `a` shares with `<title>`.
    fn longest_with(&mut self, a: &[char]) -> usize {
        let mut best = 0;
        for &c in a {
            self.rows += 1;
            let row = self.rows;
            let Ok(k) = self.index.binary_search_by(|(x, _, _)| x.cmp(&c)) else {
                continue;
            };
            let (_, from, to) = self.index[k];
            // Later positions first: the run ending just before a position is read before this row writes it.
            for &j in self.positions[from..to].iter().rev() {
                let before = match j.checked_sub(1).map(|p| self.last[p]) {
                    Some((r, len)) if r + 1 == row => len,
                    _ => 0,
                };
                self.last[j] = (row, before + 1);
                best = best.max(before + 1);
            }
        }
        // The next call starts a row apart: no run continues from this call's last row.
        self.rows += 1;
        best
    }
}

/// Length of the longest run of characters shared by `a` and `b`.
pub fn longest_common_run(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// `标题_栏目_站名` → `标题`; `标题 - 站名` → `标题`; `标题-某某大学研究部` → `标题`. None when nothing usable
/// is left.
pub fn strip_site_suffix(title: &str) -> Option<String> {
    let mut title = crate::normalize::text::fold(title);
    // An unspaced `-站名` suffix is cut only when it reads like an institution's or site's name.
    if let Some((head, _)) = split_site_name(&title, &['-', '－']) {
        title = head.to_string();
    }
    let parts: Vec<&str> = title
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split("——"))
        .flat_map(|p| p.split(" — "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let first = parts.first()?;
    let pick = if visible_len(first) >= 4 {
        first
    } else {
        parts.iter().max_by_key(|p| visible_len(p))?
    };
    Some(pick.to_string())
}

/// `新华网`, `某某大学人文社会科学研究部`, `青川省科学技术协会`: names of sites and institutions.
fn is_site_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=24).contains(&n)
        && !s.chars().any(|c| c.is_ascii_digit() || c.is_whitespace())
        && SITE_NAME_ENDINGS.iter().any(|e| s.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_column_and_site_suffixes() {
        let cases = [
            (
                "学会召开年度理事会_学会动态_某省科协",
                Some("学会召开年度理事会"),
            ),
            ("学会召开年度理事会 - 某省科协", Some("学会召开年度理事会")),
            ("办事流程-某某大学科学技术研究部", Some("办事流程")),
            ("2019-2020学年校历", Some("2019-2020学年校历")),
            ("通知 | 关于举办培训班的通知", Some("关于举办培训班的通知")),
            ("   ", None),
        ];
        for (input, want) in cases {
            assert_eq!(strip_site_suffix(input).as_deref(), want, "input {input:?}");
        }
    }

    /// The indexed search gives what the table of every pair gives, call after call.
    #[test]
    fn title_runs_equal_common_runs() {
        let texts = [
            "科协召开会议",
            "省科协召开会议_新闻",
            "aaa",
            "aaaa",
            "abab",
            "",
            "会议会议会议",
            "新闻 动态",
            "召开",
        ];
        for title in texts {
            let t: Vec<char> = title.chars().collect();
            let mut runs = TitleRuns::new(&t);
            for text in texts.iter().chain(texts.iter().rev()) {
                let a: Vec<char> = text.chars().collect();
                assert_eq!(
                    runs.longest_with(&a),
                    longest_common_run(&a, &t),
                    "{text} in {title}"
                );
            }
        }
    }

    #[test]
    fn font_sizes_in_any_case() {
        assert_eq!(font_size_px("color:red;FONT-SIZE: 24px"), Some(24.0));
        assert_eq!(font_size_px("font-size:18PT"), Some(24.0));
        assert_eq!(font_size_px("font-size:large"), None);
        assert_eq!(font_size_px("margin:0"), None);
    }

    #[test]
    fn common_run() {
        let a: Vec<char> = "科协召开会议".chars().collect();
        let b: Vec<char> = "省科协召开会议_新闻".chars().collect();
        assert_eq!(longest_common_run(&a, &b), 6);
    }
}
