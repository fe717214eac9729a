//! Metadata: label–value lines in the info block around the headline (and the editor line at the article's end),
//! split on known labels by [`crate::extract::labels`]; government `<meta>` tags; bylines inside the first
//! paragraph (（记者 张三）); the signature date at the end of a notice; a date in the URL as the last resort.
//! Lines are only read where metadata lives — never first-match regexes over the whole page.

use super::vocabulary::{
    BYLINE_BODY_LINES, BYLINE_HEADER_REACH, BYLINE_LINE_MAX_CHARS, BYLINE_MARKS, BYLINE_TAIL_LINES,
    COLUMN_ENDINGS, CONTAINER_TAIL_LINES, DATE_AFTER_BODY_LINES, DATE_META, EVENT_LABELS,
    FULL_PARAGRAPH_MIN_CHARS, HEAD_DATED_LINES_MAX, INTERFACE_WORDS, NO_ONE, SOURCE_META,
    WRITER_CLASS_REACH, WRITER_MAX_CHARS, WRITER_WORDS,
};
use std::sync::LazyLock;

use ego_tree::NodeId;
use regex::Regex;

use super::analysis::{Analysis, Block};
use super::people;
use crate::extract::labels::{LabelKind, LabeledValue, split_labels};
use crate::extract::name_words::NameWords;
use crate::extract::{Found, Rule};
use crate::normalize::date::{PublishedAt, find_date, parse_date, parse_labelled_short_year};
use crate::normalize::text::{non_empty, visible_len};

static WRITER_NAMES: LazyLock<NameWords> = LazyLock::new(|| NameWords::of(&WRITER_WORDS));

/// Where the title and body sit, in document order of blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    pub title_order: Option<usize>,
    /// First and last block order of the body (the container up to where its text ends).
    pub body: Option<(usize, usize)>,
    /// Last block order of the whole body container, notes and related boxes after the text included: a
    /// closing 责任编辑 line may sit there.
    pub container_end: Option<usize>,
}

/// Metadata found by the generic rules, plus the lines that carried it (to keep them out of the body).
#[derive(Debug, Default)]
pub struct Meta {
    pub published: Option<Found<PublishedAt>>,
    pub author: Option<Found<String>>,
    pub editor: Option<Found<String>>,
    pub source: Option<Found<String>>,
    pub info_nodes: Vec<NodeId>,
    /// The line each labelled credit (author, editor, source: [`CREDIT_KINDS`]) was read from, when it came
    /// from one line of the page (the site model learns where a template keeps its credits).
    pub credit_nodes: [Option<NodeId>; CREDIT_KINDS.len()],
}

/// The credits whose line [`Meta::credit_nodes`] keeps, in its order.
pub const CREDIT_KINDS: [LabelKind; 3] = [LabelKind::Author, LabelKind::Editor, LabelKind::Source];

impl Meta {
    /// Take a labelled author, editor or source when the field is still open (a 责任编辑 wins over a plain 编辑
    /// anywhere on the page); `node` is the line's element, when the value came from one.
    fn take_credit(&mut self, kind: LabelKind, label: &str, value: &str, node: Option<NodeId>) {
        let rule = || Rule::generic_label(label);
        let taken = match kind {
            LabelKind::Author if self.author.is_none() => {
                self.author = credit_value(kind, value).map(|v| Found::new(v, rule()));
                self.author.is_some()
            }
            LabelKind::Editor
                if self.editor.as_ref().is_none_or(|e| {
                    !e.rule.label().is_some_and(is_chief_editor) && is_chief_editor(label)
                }) =>
            {
                match credit_value(kind, value) {
                    Some(v) => {
                        self.editor = Some(Found::new(v, rule()));
                        true
                    }
                    None => false,
                }
            }
            LabelKind::Source if self.source.is_none() => {
                self.source = credit_value(kind, value).map(|v| Found::new(v, rule()));
                self.source.is_some()
            }
            _ => false,
        };
        if taken && let Some(i) = CREDIT_KINDS.iter().position(|k| *k == kind) {
            self.credit_nodes[i] = node;
        }
    }

    /// Credits in the lines that closed the text inside a block of lines (编辑|X 责编|Y after a WeChat repost):
    /// the page's metadata, as a closing 责任编辑 block is.
    pub fn take_closing_lines(&mut self, lines: &[String]) {
        for line in lines.iter().filter(|l| visible_len(l) <= 80) {
            for pair in split_labels(line) {
                if let Some(value) = pair.value.as_deref() {
                    self.take_credit(pair.kind, pair.label, value, None);
                }
            }
        }
    }
}

/// A metadata line considered, with the pairs the splitter found.
struct InfoLine<'b> {
    block: &'b Block,
    pairs: Vec<LabeledValue>,
    in_body: bool,
}

/// Find published, author, editor and source with the generic rules.
pub fn find(an: &Analysis<'_>, layout: Layout, page_url: Option<&str>) -> Meta {
    let (head, tail) = info_lines(an, layout);
    tracing::debug!(
        "info lines: head {:?} tail {:?}",
        head.iter().map(|l| &l.block.line).collect::<Vec<_>>(),
        tail.iter().map(|l| &l.block.line).collect::<Vec<_>>()
    );
    let mut meta = Meta::default();
    for line in head.iter().chain(tail.iter()) {
        let mut used = false;
        for pair in &line.pairs {
            let Some(value) = pair.value.as_deref() else {
                used |= is_meta_kind(pair.kind);
                continue;
            };
            let rule = || Rule::generic_label(pair.label);
            match pair.kind {
                LabelKind::Published
                    if meta.published.is_none() && !is_event_time(an, line, pair) =>
                {
                    let at = parse_date(value)
                        .or_else(|| find_date(value).map(|d| d.0))
                        .or_else(|| parse_labelled_short_year(value));
                    if let Some(at) = at {
                        meta.published = Some(Found::new(at, rule()));
                    }
                }
                _ => meta.take_credit(pair.kind, pair.label, value, Some(line.block.node)),
            }
            used |= is_meta_kind(pair.kind);
        }
        // A metadata line inside the body leaves the body; a sentence carrying a credit (…（文/图 韩青）) stays.
        let sentence = crate::normalize::text::is_sentence(&line.block.line);
        if used && (!line.in_body || (visible_len(&line.block.line) <= 80 && !sentence)) {
            meta.info_nodes.push(line.block.node);
        }
    }
    if meta.published.is_none() {
        // An unlabelled date in the info line (`2019年06月15日08:18 来源：…`) or a `<meta>` date: the visible one
        // wins when it shows a time, the meta tag otherwise (it is usually exact about the day).
        // A head holding many dated lines is a list's column of dates (a column page whose headline is the
        // column's name), not an info line: none of them is the page's date.
        let dated_lines = head
            .iter()
            .filter(|l| visible_len(&l.block.line) <= 80 && find_date(&l.block.line).is_some())
            .take(HEAD_DATED_LINES_MAX + 1)
            .count();
        let shown = head.iter().find_map(|line| {
            if dated_lines > HEAD_DATED_LINES_MAX {
                return None;
            }
            let event = line
                .pairs
                .iter()
                .any(|p| p.kind == LabelKind::Published && is_event_time(an, line, p));
            // A dated link (a list item: a title, then its date) is not the page's info line.
            let dated_link = line.block.link_chars > line.block.chars;
            if visible_len(&line.block.line) > 80 || event || dated_link {
                return None;
            }
            find_date(&line.block.line)
                .map(|(d, range)| (d, line.block.node, &line.block.line, range.start))
        });
        let tagged = an.meta_value(&DATE_META).and_then(|(name, v)| {
            parse_date(v).map(|d| Found::new(d, Rule::generic(format!("meta {name}"))))
        });
        meta.published = match (shown, tagged) {
            (Some((d, node, line, at)), tagged) if d.time.is_some() || tagged.is_none() => {
                meta.info_nodes.push(node);
                if meta.author.is_none() {
                    meta.author = name_before_date(&line[..at])
                        .map(|n| Found::new(n, Rule::generic("name before the date")));
                }
                Some(Found::new(d, Rule::info_line("date in info line")))
            }
            (_, tagged) => tagged,
        };
    }
    if meta.source.is_none() {
        meta.source = an.meta_value(&SOURCE_META).and_then(|(name, v)| {
            non_empty(v).map(|v| Found::new(v, Rule::generic(format!("meta {name}"))))
        });
    }
    if meta.author.is_none()
        && let Some((author, node)) = byline(an, layout)
    {
        meta.author = Some(author);
        meta.info_nodes.extend(node);
    }
    if meta.published.is_none() {
        meta.published = yearless_date(an, &head);
    }
    if meta.published.is_none() {
        meta.published = signature_date(an, layout);
    }
    if meta.published.is_none() {
        meta.published = page_url.and_then(url_date);
    }
    meta
}

/// Whether a bare `时间：`/`日期：` is an event's time: the same line or one of the next two carries a place or a
/// speaker (`时间：2025-05-19 14:00` over `地点：学生活动中心`). A talk or job-fair notice shows when the event
/// happens there; its own date, if any, is labelled 发布时间 or signs the text.
fn is_event_time(an: &Analysis<'_>, line: &InfoLine<'_>, pair: &LabeledValue) -> bool {
    if !matches!(pair.label, "时间" | "日期") {
        return false;
    }
    let event = |pairs: &[LabeledValue]| pairs.iter().any(|p| EVENT_LABELS.contains(&p.label));
    if event(&line.pairs) {
        return true;
    }
    let from = an.blocks.partition_point(|b| b.order <= line.block.order);
    an.blocks[from..]
        .iter()
        .take(2)
        .any(|b| event(&split_labels(&b.line)))
}

/// Whether an editor label is the responsible editor's.
pub fn is_chief_editor(label: &str) -> bool {
    label.contains("责任编辑") || label.contains("责编")
}

/// A block shaped like a sentence of the article (not a heading or a menu item).
fn is_prose(b: &Block) -> bool {
    (b.punct >= 1 && b.chars >= 10) || b.chars >= 40
}

/// A prose-shaped block that is not a metadata line: where the article's text starts.
fn starts_text(b: &Block) -> bool {
    is_prose(b)
        && (crate::normalize::text::is_sentence(&b.line)
            || !split_labels(&b.line).iter().any(|p| is_meta_kind(p.kind)))
}

fn is_meta_kind(kind: LabelKind) -> bool {
    !matches!(kind, LabelKind::Other)
}

/// Lines in the info block (between headline and body, and the body's first lines) and at the article's end.
fn info_lines<'a>(an: &'a Analysis<'_>, layout: Layout) -> (Vec<InfoLine<'a>>, Vec<InfoLine<'a>>) {
    let (body_start, body_end) = layout.body.unwrap_or((usize::MAX, usize::MAX));
    // Info lines sit after the headline, or just above it on some portal templates (`作者 日期` over the title).
    let head_from = match layout.title_order {
        Some(t) if t <= body_start => t.saturating_sub(2),
        _ => body_start.saturating_sub(8),
    };
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let body_blocks: Vec<&Block> = an.blocks_in(body_start, body_end).iter().collect();
    let tail_from = body_blocks
        .len()
        .checked_sub(6)
        .and_then(|i| body_blocks.get(i))
        .map(|b| b.order)
        .unwrap_or(body_start);
    // Lines in the body before its first prose paragraph are the article's header (headline, info line).
    let after_title = |b: &&&Block| layout.title_order.is_none_or(|t| b.order > t);
    let first_prose = body_blocks
        .iter()
        .filter(after_title)
        .find(|b| starts_text(b))
        .map(|b| b.order)
        .unwrap_or(body_start);
    // Short lines before the text's first full paragraph (photo captions, a lead, a credit line) still belong to
    // the article's header: a `作者：` line under three captions is the byline.
    let first_paragraph = body_blocks
        .iter()
        .filter(after_title)
        .find(|b| b.order >= first_prose && b.chars >= FULL_PARAGRAPH_MIN_CHARS)
        .map_or(first_prose, |b| b.order);
    tracing::debug!(
        "head from {head_from}, body {body_start}..{body_end}, text starts at {first_prose}, first full paragraph at {first_paragraph}"
    );
    for (i, block) in an.blocks.iter().enumerate() {
        let in_body = block.order >= first_prose && block.order <= body_end;
        let before_body = block.order >= head_from && block.order < first_prose;
        let body_head = in_body
            && (layout
                .title_order
                .is_some_and(|t| block.order <= t + 3 && block.order >= t)
                || block.order < first_paragraph
                || body_blocks.iter().take(3).any(|b| b.order == block.order));
        // The ten blocks after the body, not counting page chrome (tool bars, tag lines) in between.
        let after_body = block.order > body_end
            && !block.chrome
            && an.blocks[..i]
                .iter()
                .rev()
                .take_while(|b| b.order > body_end)
                .filter(|b| !b.chrome)
                .count()
                < 10;
        let at_tail = in_body && block.order >= tail_from;
        // The first lines of the container after the text's end (a closing 责任编辑 line under a box).
        let container_tail = block.order > body_end
            && layout.container_end.is_some_and(|end| block.order <= end)
            && !block.chrome
            && an.blocks[..i]
                .iter()
                .rev()
                .take_while(|b| b.order > body_end)
                .count()
                < CONTAINER_TAIL_LINES;
        if !(before_body || body_head || after_body || at_tail || container_tail) {
            continue;
        }
        if visible_len(&block.line) > 200 {
            continue;
        }
        let pairs = split_labels(&block.line);
        let meta_pairs = pairs.iter().filter(|p| is_meta_kind(p.kind)).count();
        if meta_pairs == 0 && !before_body {
            continue;
        }
        // Inside the body a lone `时间：` is more often an event's time than the publish time.
        let person_or_source = pairs.iter().any(|p| {
            p.value.is_some()
                && matches!(
                    p.kind,
                    LabelKind::Source | LabelKind::Author | LabelKind::Editor | LabelKind::Reviewer
                )
        });
        if in_body && meta_pairs < 2 && !person_or_source {
            continue;
        }
        let line = InfoLine {
            block,
            pairs,
            in_body,
        };
        if before_body || body_head {
            head.push(line);
        } else {
            tail.push(line);
        }
    }
    (head, tail)
}

/// The unlabelled name right before the date in a header info line (`No.559 康斯坦丁 2015-07-02 14:41`,
/// `张三 2019-01-01 来源：青松网`): a writer, when it reads as a personal name. Nothing labels it, so a column's
/// name in the same place (`新闻动态 2016-03-08`) is told apart by its ending.
fn name_before_date(before: &str) -> Option<String> {
    let last = before.split_whitespace().next_back()?;
    let column = COLUMN_ENDINGS.iter().any(|e| last.ends_with(e));
    (people::is_name(last) && !column).then(|| last.to_string())
}

/// Bylines, in the order they are trusted: in parentheses in the first paragraphs or closing the last ones
/// (（记者 王某 通讯员 李某）), a byline line of its own above or below the text (`南开新闻网记者 吴军辉`), names in a
/// closing parenthesis (`…。（王乐文 方敏）`), and a bare name line in the article's header (`韦承金`, or
/// `康斯坦丁` between the headline and the date). Returns the writers and the node of a line that is only a byline
/// (to keep it out of the body).
fn byline(an: &Analysis<'_>, layout: Layout) -> Option<(Found<String>, Option<NodeId>)> {
    let (start, end) = layout.body?;
    let body: Vec<&Block> = an.blocks_in(start, end).iter().collect();
    let after_title = |b: &&Block| layout.title_order.is_none_or(|t| b.order > t);
    let first_prose = body.iter().position(|b| after_title(b) && starts_text(b));
    let found = |names: Vec<String>, rule: &str| Found::new(names.join("、"), Rule::generic(rule));
    if let Some(first) = first_prose {
        let prose: Vec<&&Block> = body[first..].iter().filter(|b| is_prose(b)).collect();
        for block in prose.iter().take(3).chain(prose.iter().rev().take(2)) {
            if let Some(names) = people::parenthesized_writers(&block.line) {
                return Some((found(names, "byline"), None));
            }
        }
    }
    // A byline line of its own: in the header (between the headline and the first paragraph), at the body's
    // start, or among the last lines of the body and just after it.
    let header_from = layout
        .title_order
        .filter(|t| *t <= start)
        .unwrap_or(start.saturating_sub(BYLINE_HEADER_REACH));
    let text_start = first_prose
        .and_then(|i| body.get(i))
        .map_or(start, |b| b.order);
    let head_lines = an.blocks_in(header_from, text_start);
    let tail_lines = {
        let from = body
            .len()
            .checked_sub(BYLINE_TAIL_LINES)
            .and_then(|i| body.get(i))
            .map_or(start, |b| b.order);
        an.blocks_in(from, end + BYLINE_TAIL_LINES)
    };
    // The text's first lines too: a photo caption or a lead can come before the byline line.
    let first_lines = first_prose
        .map(|i| &body[i..(i + BYLINE_BODY_LINES).min(body.len())])
        .unwrap_or(&[]);
    let lines = head_lines
        .iter()
        .chain(first_lines.iter().copied())
        .chain(tail_lines);
    for block in lines {
        if visible_len(&block.line) > BYLINE_LINE_MAX_CHARS || block.chrome {
            continue;
        }
        if let Some(b) = people::parse_byline(&block.line)
            && !b.writers.is_empty()
        {
            return Some((found(b.writers, "byline line"), Some(block.node)));
        }
        // A parenthesis of its own, the outlet first and no role before the writers
        // (`（人民日报客户端天津频道 朱虹 郝静秋 摄影 王皓程）`).
        if let Some(names) = people::outlet_byline(&block.line) {
            return Some((found(names, "byline line"), Some(block.node)));
        }
    }
    if let Some(last) = body.iter().rev().find(|b| is_prose(b) || b.chars <= 20)
        && let Some(names) = people::trailing_names(&last.line)
    {
        return Some((found(names, "closing names"), None));
    }
    // A header line the template marks as the writer's (`<p class="author-name">体育教科书</p>`): the class says
    // what it is, so a pen name or a media account of any shape will do.
    if let Some(block) = head_lines
        .iter()
        .find(|b| Some(b.order) != layout.title_order && is_marked_writer(an, b))
    {
        return Some((
            Found::new(
                block.line.trim().to_string(),
                Rule::generic("writer element"),
            ),
            Some(block.node),
        ));
    }
    // A bare name line in the header: right before the first paragraph, or right above the header's date line.
    // One that repeats the headline is the headline again (a profile shows the person's name as the page's
    // heading and once more beside the photo), not a byline.
    let headline = layout
        .title_order
        .and_then(|o| an.blocks_in(o, o).first())
        .map(|b| b.line.trim());
    for (i, block) in head_lines.iter().enumerate() {
        if Some(block.order) == layout.title_order
            || block.chrome
            || headline.is_some_and(|h| h == block.line.trim())
        {
            continue;
        }
        let before_text = head_lines
            .get(i + 1)
            .is_none_or(|next| next.order >= text_start);
        // A pen name sits between the headline and the date line (`标题 / 康斯坦丁 / 2015-07-02 14:41`).
        let by_date = head_lines
            .get(i + 1)
            .is_some_and(|b| find_date(&b.line).is_some())
            && i.checked_sub(1)
                .and_then(|j| head_lines.get(j))
                .is_some_and(|prev| Some(prev.order) == layout.title_order);
        // A link beside the date is a column or a channel (亦观察), unless it is a lone name line.
        let link_text = block.link_chars > 0 && (by_date || an.links_with_text(&block.line) > 1);
        // Newspapers mark the byline with a square or a dot (`■张国骥`): the mark is not part of the name.
        let line = block
            .line
            .trim()
            .trim_start_matches(BYLINE_MARKS)
            .trim_start();
        // A name line followed by another is a roll of names (a memorial list, a staff list), not a byline.
        if (before_text || by_date)
            && !link_text
            && is_name_line(line, by_date)
            && !an.qualifies_link_texts(line)
            && !people::name_follows(an, block.order)
        {
            return Some((
                Found::new(line.to_string(), Rule::generic("name line")),
                Some(block.node),
            ));
        }
    }
    None
}

/// A short header line in an element whose class or id names the writer, holding neither a label, digits nor
/// a link: only the name.
fn is_marked_writer(an: &Analysis<'_>, block: &Block) -> bool {
    let line = block.line.trim();
    let n = visible_len(line);
    // A linked name is a channel or an account page (澎湃号 > 中国广州发布), as beside the date.
    let linked = block.link_chars > 0;
    if !(2..=WRITER_MAX_CHARS).contains(&n)
        || block.chrome
        || linked
        || line.contains(['：', ':', '|', '/'])
    {
        return false;
    }
    let interface = INTERFACE_WORDS.contains(&line) || NO_ONE.contains(&line);
    if interface || line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let Some(node) = an.doc.tree.get(block.node) else {
        return false;
    };
    std::iter::once(node)
        .chain(node.ancestors())
        .take(WRITER_CLASS_REACH)
        .filter_map(|a| a.value().as_element())
        .any(|el| WRITER_NAMES.in_names(el))
}

/// A line holding only one or two personal names. Next to the header's date line a pen name of three or more
/// characters will do (`康斯坦丁`, `南冥一鲨`); otherwise the first name must start with a common surname.
fn is_name_line(line: &str, by_date: bool) -> bool {
    let names: Vec<&str> = line.split_whitespace().collect();
    !names.is_empty()
        && names.len() <= 2
        && names.iter().all(|n| {
            let pen_name = by_date
                && n.chars().count() >= 3
                && people::is_name(n)
                && n.chars().all(crate::normalize::text::is_cjk);
            pen_name || people::is_chinese_name(n)
        })
}

/// A notice's signature date: a short last line that is (mostly) a date.
fn signature_date(an: &Analysis<'_>, layout: Layout) -> Option<Found<PublishedAt>> {
    let (start, end) = layout.body?;
    let signed = an.blocks_in(start, end).iter().rev().take(3).find_map(|b| {
        // A signature is a date under the text, not another field: `时间：…` over `地点：…` on an event notice is
        // when the event happens. A date labelled as the publication's (发布时间：…) still is the page's.
        let field = || {
            split_labels(&b.line)
                .iter()
                .any(|p| p.kind != LabelKind::Published || matches!(p.label, "时间" | "日期"))
        };
        if visible_len(&b.line) > 40 || field() {
            return None;
        }
        let (d, range) = find_date(&b.line)?;
        (range.end + 3 >= b.line.trim_end().len())
            .then(|| Found::new(d, Rule::generic("signature date")))
    });
    signed.or_else(|| date_line_after(an, end))
}

/// A line after the body that is a date and nothing else (`2019-09-08 11:42:03` under a photo story).
fn date_line_after(an: &Analysis<'_>, end: usize) -> Option<Found<PublishedAt>> {
    let from = an.blocks.partition_point(|b| b.order <= end);
    an.blocks[from..]
        .iter()
        .filter(|b| !b.chrome)
        .take(DATE_AFTER_BODY_LINES)
        .find_map(|b| {
            let (d, range) = find_date(&b.line)?;
            let line = b.line.trim();
            let only_date = range.start <= 1 && range.end + 1 >= line.len();
            (only_date && d.time.is_some())
                .then(|| Found::new(d, Rule::generic("date line after the body")))
        })
}

static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d-])(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})(?:[^\d:]|$)")
        .expect("yearless date regex")
});

/// A date shown without its year in the header (`09-30 22:46`), completed by a `<meta>` date of the same month
/// and day (which names the year).
fn yearless_date(an: &Analysis<'_>, head: &[InfoLine<'_>]) -> Option<Found<PublishedAt>> {
    let (month, day, hour, minute) = head.iter().find_map(|line| {
        let c = YEARLESS.captures(&line.block.line)?;
        let n = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
        Some((n(1)?, n(2)?, n(3)?, n(4)?))
    })?;
    let mut keys: Vec<&String> = an
        .meta
        .keys()
        .filter(|k| k.contains("date") || k.contains("time"))
        .collect();
    keys.sort();
    keys.into_iter().find_map(|k| {
        let d = parse_date(an.meta.get(k)?)?;
        (d.month == month && d.day == day).then(|| {
            Found::new(
                PublishedAt {
                    time: Some((hour, minute, None)),
                    ..d
                },
                Rule::info_line(format!("date in info line, year from meta {k}")),
            )
        })
    })
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?:t|art_|content_)?(20\d{2})[-_/]?([01]\d)[-_/]?([0-3]\d)[_/.-]")
        .expect("url date regex")
});

/// A date in the URL path (`/t20170927_1234.html`, `/2017/09/27/`), when nothing on the page states one.
fn url_date(url: &str) -> Option<Found<PublishedAt>> {
    let caps = URL_DATE.captures(url)?;
    let text = format!("{}-{}-{}", &caps[1], &caps[2], &caps[3]);
    parse_date(&text).map(|d| Found::new(d, Rule::generic("date in URL")))
}

/// The value of a labelled credit as the record keeps it, whoever found the label (the generic rules or a
/// mapping's meta line): the writers' names, the editor's name, the publication's name.
pub fn credit_value(kind: LabelKind, value: &str) -> Option<String> {
    match kind {
        LabelKind::Author => people::author_value(value),
        LabelKind::Editor => people::clean_person(value),
        LabelKind::Source => non_empty(source_name(value)),
        _ => non_empty(value),
    }
}

/// A source cell's publication without the print date and page written around it (`2022年11月21日 天津日报 第1版`,
/// `人民日报2014年8月8日第5版` → the paper): date and page locate the issue, they are not the paper's name.
/// A value that is only a date stays.
fn source_name(value: &str) -> &str {
    let name = match crate::normalize::date::find_date(value) {
        Some((_, range)) if range.start == 0 => value[range.end..]
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '，' | ',')),
        _ => value,
    };
    let name = match name.rsplit_once('第') {
        Some((before, page))
            if page.strip_suffix('版').is_some_and(|n| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
            }) =>
        {
            before.trim_end()
        }
        _ => name,
    };
    let name = match crate::normalize::date::find_date(name) {
        Some((_, range)) if range.start > 0 && name[range.end..].trim().is_empty() => {
            name[..range.start].trim_end()
        }
        _ => name,
    };
    if name.is_empty() { value } else { name }
}
