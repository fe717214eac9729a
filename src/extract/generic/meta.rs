//! Metadata: label–value lines in the info block around the headline (and the editor line at the article's end),
//! split on known labels by [`crate::extract::labels`]; government `<meta>` tags; bylines inside the first
//! paragraph (（记者 张三）); the signature date at the end of a notice; a date in the URL as the last resort.
//! Lines are only read where metadata lives — never first-match regexes over the whole page.

use std::sync::LazyLock;

use ego_tree::NodeId;
use regex::Regex;

use super::analysis::{Analysis, Block};
use crate::extract::Found;
use crate::extract::labels::{LabelKind, LabeledValue, split_labels};
use crate::normalize::date::{PublishedAt, find_date, parse_date};
use crate::normalize::text::{non_empty, visible_len};

/// Where the title and body sit, in document order of blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    pub title_order: Option<usize>,
    /// First and last block order of the body container.
    pub body: Option<(usize, usize)>,
}

/// Metadata found by the generic rules, plus the lines that carried it (to keep them out of the body).
#[derive(Debug, Default)]
pub struct Meta {
    pub published: Option<Found<PublishedAt>>,
    pub author: Option<Found<String>>,
    pub editor: Option<Found<String>>,
    pub source: Option<Found<String>>,
    pub info_nodes: Vec<NodeId>,
}

const DATE_META: [&str; 11] = [
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "publish_time",
    "publishtime",
    "og:release_date",
    "dc.date.issued",
    "dc.date",
    "releasedate",
    "date",
];

const SOURCE_META: [&str; 3] = ["contentsource", "source", "article:source"];

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
            let rule = || format!("generic:label {}", pair.label);
            match pair.kind {
                LabelKind::Published if meta.published.is_none() => {
                    if let Some(at) = parse_date(value).or_else(|| find_date(value).map(|d| d.0)) {
                        meta.published = Some(Found::new(at, rule()));
                    }
                }
                LabelKind::Author if meta.author.is_none() => {
                    meta.author = clean_person(value).map(|v| Found::new(v, rule()));
                }
                LabelKind::Editor if meta.editor.is_none() => {
                    meta.editor = clean_person(value).map(|v| Found::new(v, rule()));
                }
                LabelKind::Source if meta.source.is_none() => {
                    meta.source = non_empty(value).map(|v| Found::new(v, rule()));
                }
                _ => {}
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
        let shown = head.iter().find_map(|line| {
            if visible_len(&line.block.line) > 80 {
                return None;
            }
            find_date(&line.block.line).map(|(d, _)| (d, line.block.node))
        });
        let tagged = an.meta_value(&DATE_META).and_then(|(name, v)| {
            parse_date(v).map(|d| Found::new(d, format!("generic:meta {name}")))
        });
        meta.published = match (shown, tagged) {
            (Some((d, node)), tagged) if d.time.is_some() || tagged.is_none() => {
                meta.info_nodes.push(node);
                Some(Found::new(d, "generic:date in info line".into()))
            }
            (_, tagged) => tagged,
        };
    }
    if meta.source.is_none() {
        meta.source = an.meta_value(&SOURCE_META).and_then(|(name, v)| {
            non_empty(v).map(|v| Found::new(v, format!("generic:meta {name}")))
        });
    }
    if meta.author.is_none() {
        meta.author = byline(an, layout);
    }
    if meta.published.is_none() {
        meta.published = signature_date(an, layout);
    }
    if meta.published.is_none() {
        meta.published = page_url.and_then(url_date);
    }
    meta
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
    tracing::debug!(
        "head from {head_from}, body {body_start}..{body_end}, text starts at {first_prose}"
    );
    for (i, block) in an.blocks.iter().enumerate() {
        let in_body = block.order >= first_prose && block.order <= body_end;
        let before_body = block.order >= head_from && block.order < first_prose;
        let body_head = in_body
            && (layout
                .title_order
                .is_some_and(|t| block.order <= t + 3 && block.order >= t)
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
        if !(before_body || body_head || after_body || at_tail) {
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

/// Trim role words and brackets around a person value (`张三 摄影` stays `张三 摄影` — only brackets go).
fn clean_person(value: &str) -> Option<String> {
    let mut v = value
        .trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']'))
        .trim();
    // `陈智 整合`, `张三 报道`: a role word after the names is not a name.
    for role in ROLE_SUFFIXES {
        if let Some(rest) = v.strip_suffix(role)
            && rest.ends_with(|c: char| c.is_whitespace() || c == '\u{3000}')
        {
            v = rest.trim();
        }
    }
    non_empty(v)
}

const ROLE_SUFFIXES: [&str; 9] = [
    "整合", "整理", "报道", "编译", "采写", "综合", "供稿", "摄", "撰写",
];

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*((?:本报|本网)?(?:记者|通讯员|撰稿|作者|文字|文/图|图/文|文)[^（()）]{1,60})[）)]")
        .expect("byline regex")
});
static BYLINE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(本报|本网)?(记者|通讯员|撰稿|作者|文字|文/图|图/文|文|摄影|摄|图|编辑)[\s:：/]*")
        .expect("role regex")
});

/// `（记者 王某某 通讯员 李某）` in the first paragraphs (or `（文/图 张三）` closing the last one): the writers,
/// photographers left out. Failing that, a bare name line (`韦承金`) right before the first paragraph.
fn byline(an: &Analysis<'_>, layout: Layout) -> Option<Found<String>> {
    let (start, end) = layout.body?;
    let body: Vec<&Block> = an.blocks_in(start, end).iter().collect();
    let first_prose = body
        .iter()
        .position(|b| layout.title_order.is_none_or(|t| b.order > t) && starts_text(b))?;
    let prose: Vec<&&Block> = body[first_prose..].iter().filter(|b| is_prose(b)).collect();
    let head = prose.iter().take(3);
    let tail = prose.iter().rev().take(2);
    for block in head.chain(tail) {
        if let Some(names) = BYLINE
            .captures(&block.line)
            .and_then(|c| byline_names(c.get(1)?.as_str()))
        {
            return Some(Found::new(names, "generic:byline".into()));
        }
    }
    let before = first_prose.checked_sub(1).and_then(|i| body.get(i))?;
    is_name_line(&before.line).then(|| Found::new(before.line.clone(), "generic:name line".into()))
}

/// Writers named in a byline's inside (`记者 王某某 通讯员 李某` → `王某某、李某`).
fn byline_names(inner: &str) -> Option<String> {
    let mut names = Vec::new();
    let mut roles = BYLINE_ROLE.captures_iter(inner).peekable();
    while let Some(role) = roles.next() {
        let whole = role.get(0)?;
        let next_start = roles
            .peek()
            .and_then(|r| r.get(0))
            .map(|m| m.start())
            .unwrap_or(inner.len());
        if matches!(role.get(2)?.as_str(), "摄影" | "摄" | "图" | "编辑") {
            continue;
        }
        let who = &inner[whole.end()..next_start];
        for name in who.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',')) {
            let name = name.trim();
            if !name.is_empty() && !ROLE_SUFFIXES.contains(&name) {
                names.push(name.to_string());
            }
        }
    }
    (!names.is_empty()).then(|| names.join("、"))
}

/// A line holding only one or two personal names: 2–4 CJK characters each, starting with a common surname.
fn is_name_line(line: &str) -> bool {
    let names: Vec<&str> = line.split_whitespace().collect();
    !names.is_empty()
        && names.len() <= 2
        && names.iter().all(|n| {
            let count = n.chars().count();
            (2..=4).contains(&count)
                && n.chars().all(crate::normalize::text::is_cjk)
                && n.chars().next().is_some_and(|c| SURNAMES.contains(c))
        })
}

/// The most common Chinese surnames (single characters), covering most of the population.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// A notice's signature date: a short last line that is (mostly) a date.
fn signature_date(an: &Analysis<'_>, layout: Layout) -> Option<Found<PublishedAt>> {
    let (start, end) = layout.body?;
    an.blocks_in(start, end).iter().rev().take(3).find_map(|b| {
        if visible_len(&b.line) > 40 {
            return None;
        }
        let (d, range) = find_date(&b.line)?;
        (range.end + 3 >= b.line.trim_end().len())
            .then(|| Found::new(d, "generic:signature date".into()))
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
    parse_date(&text).map(|d| Found::new(d, "generic:date in URL".into()))
}
