//! The label splitter: legacy pages write metadata as one line of text
//! (`发布时间:2017-09-27 | 作者:  | 编辑:重庆科协`). Splitting on *known labels* — never first-match regexes over the
//! page — keeps an empty `作者:` empty instead of swallowing the next label, and keeps 正文 from reading as 文.
//!
//! Rules, in the order they apply:
//!
//! - **A label is a known word followed by a colon** (`:` `：` `∶`, spaces allowed before it). 文, 图, 摄影, 撰文,
//!   图文, 记者, 编辑, 责编, 文/图 and 图/文 may take a slash instead (`文/林晓`, `编辑/周默`); 文/图 and 图/文
//!   may also take plain whitespace; 发布于 and 发表于 may also be followed directly by a date
//!   (`发布于 2019-03-06`).
//! - **Labels of one to three characters must not follow a letter** (CJK or Latin): they start the line or
//!   follow a space, punctuation, a bracket, a separator or a digit, so 正文： and 原文： never give 文, and
//!   申请截止日期： never gives 日期. Labels of four or more characters (发布时间, 责任编辑, 本文来源, …) are
//!   distinctive enough to be taken even straight after a CJK character, which recovers lines whose text nodes
//!   were joined without a space (`来源：青松网发稿时间：…`).
//! - **At each position the longest label wins** (责任编辑 over 编辑, 发布时间 over 时间, 文号 over 文).
//! - **A value runs** from after the colon to the next label, or to the first separator: `|` `｜` `丨` `【` `】`
//!   `[` `]`, a `/` with whitespace on both sides, a closing parenthesis without its opening one (so
//!   `（摄影：林晓）` gives 林晓 but `人民日报（海外版）` stays whole), a run of two or more whitespace characters
//!   (space, U+3000, U+00A0, tab), or any whitespace containing a line break. Single spaces stay (`闫瑾 刘畅`).
//!   A value that starts with a date keeps the time after it even across a double space (`2017-09-27  10:30`);
//!   for Published and Updated labels such a value is the date and time alone, so whatever follows without a
//!   separator (`发稿时间：2024-03-14 17:39 北辰新闻网讯…`, `时间：2019年5月18日（周六）`) stays out of it.
//!   Opening brackets right at the start of a value are skipped (`来源：【青松日报】`).
//! - **Values are trimmed** of whitespace (including U+3000 and U+00A0) and leftover brackets and separators;
//!   an empty value is `None`, never the next label.
//!
//! Label kinds, where the choice is not obvious: 发布单位, 发布机构, 发文机关 and 供稿/供稿单位 name the issuing or
//! contributing *unit* and count as [`LabelKind::Source`] (供稿人, a person, is an author); 发布者/发布人 are
//! authors; 编审 (an editorial reviewer) is a [`LabelKind::Reviewer`]; 录入/录入者/上传者 name the CMS operator and
//! 图片来源 names a picture credit, so both are [`LabelKind::Other`]. `作者/来源：X` needs no entry: 作者 takes no
//! slash, and 来源 after the slash reads as the source. Other labels exist only to end the value before them.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::normalize::date;

/// What a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    Published,
    Updated,
    Source,
    Author,
    Photographer,
    Editor,
    Reviewer,
    Views,
    Other,
}

/// One `label: value` pair found in a line. `value` is `None` when the label is followed by nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledValue {
    pub kind: LabelKind,
    /// The label as written in the page (`责任编辑`), in the table's spelling (`文/图` also for `文／图`).
    pub label: &'static str,
    pub value: Option<String>,
}

/// What may follow a label besides a colon.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// Only a colon.
    Colon,
    /// A colon or a slash: `文/林晓`.
    Slash,
    /// A colon, a slash or whitespace: `文/图 林晓`.
    SlashOrSpace,
    /// A colon, or (after optional whitespace) a digit: `发布于 2019-03-06`.
    ColonOrDate,
}

struct Label {
    text: &'static str,
    kind: LabelKind,
    follow: Follow,
}

const fn label(text: &'static str, kind: LabelKind) -> Label {
    Label {
        text,
        kind,
        follow: Follow::Colon,
    }
}

const fn with(text: &'static str, kind: LabelKind, follow: Follow) -> Label {
    Label { text, kind, follow }
}

use LabelKind::*;

/// Every label we split on. Order does not matter: matching prefers the longest.
static LABELS: &[Label] = &[
    // Published
    label("发布时间", Published),
    label("发布日期", Published),
    label("发表时间", Published),
    label("发表日期", Published),
    label("发文日期", Published),
    label("成文日期", Published),
    label("发稿时间", Published),
    label("发稿日期", Published),
    label("公布时间", Published),
    label("公布日期", Published),
    label("刊发时间", Published),
    label("日期", Published),
    label("时间", Published),
    with("发布于", Published, Follow::ColonOrDate),
    with("发表于", Published, Follow::ColonOrDate),
    // Updated
    label("更新时间", Updated),
    label("更新日期", Updated),
    label("修改时间", Updated),
    label("修改日期", Updated),
    label("最后更新", Updated),
    // Source
    label("来源", Source),
    label("来源于", Source),
    label("信息来源", Source),
    label("文章来源", Source),
    label("稿件来源", Source),
    label("新闻来源", Source),
    label("本文来源", Source),
    label("来源单位", Source),
    label("出处", Source),
    label("稿源", Source),
    label("转载自", Source),
    label("发布单位", Source),
    label("发布机构", Source),
    label("发布部门", Source),
    label("发文机关", Source),
    label("供稿", Source),
    label("供稿单位", Source),
    // Author
    label("作者", Author),
    label("撰稿", Author),
    label("撰稿人", Author),
    with("撰文", Author, Follow::Slash),
    label("执笔", Author),
    with("记者", Author, Follow::Slash),
    label("本报记者", Author),
    label("特约记者", Author),
    label("实习记者", Author),
    label("通讯员", Author),
    label("本报通讯员", Author),
    with("文", Author, Follow::Slash),
    with("文字", Author, Follow::Slash),
    with("图文", Author, Follow::Slash),
    with("文/图", Author, Follow::SlashOrSpace),
    with("图/文", Author, Follow::SlashOrSpace),
    label("供稿人", Author),
    label("发布者", Author),
    label("发布人", Author),
    // Photographer
    with("摄影", Photographer, Follow::Slash),
    label("摄影记者", Photographer),
    label("摄像", Photographer),
    with("图", Photographer, Follow::Slash),
    label("摄", Photographer),
    label("图片", Photographer),
    // Editor
    with("编辑", Editor, Follow::Slash),
    label("责任编辑", Editor),
    with("责编", Editor, Follow::Slash),
    label("网络编辑", Editor),
    label("值班编辑", Editor),
    label("本文编辑", Editor),
    label("文字编辑", Editor),
    label("图片编辑", Editor),
    label("新媒体编辑", Editor),
    // Reviewer
    label("审核", Reviewer),
    label("审核人", Reviewer),
    label("审稿", Reviewer),
    label("审校", Reviewer),
    label("审定", Reviewer),
    label("签发", Reviewer),
    label("终审", Reviewer),
    label("初审", Reviewer),
    label("复审", Reviewer),
    label("校对", Reviewer),
    label("编审", Reviewer),
    // Views
    label("浏览次数", Views),
    label("浏览人次", Views),
    label("浏览量", Views),
    label("浏览", Views),
    label("点击数", Views),
    label("点击率", Views),
    label("点击量", Views),
    label("点击次数", Views),
    label("点击", Views),
    label("阅读", Views),
    label("阅读量", Views),
    label("阅读数", Views),
    label("阅读次数", Views),
    label("访问量", Views),
    label("访问次数", Views),
    label("人气", Views),
    // Other: recognized only so they end the value before them.
    label("字体", Other),
    label("字号", Other),
    label("分享到", Other),
    label("分享", Other),
    label("打印", Other),
    label("关键词", Other),
    label("关键字", Other),
    label("标签", Other),
    label("主题词", Other),
    label("主题分类", Other),
    label("栏目", Other),
    label("所属栏目", Other),
    label("所属分类", Other),
    label("分类", Other),
    label("录入", Other),
    label("录入者", Other),
    label("录入员", Other),
    label("录入人", Other),
    label("上传者", Other),
    label("上传人", Other),
    label("文号", Other),
    label("发文字号", Other),
    label("索引号", Other),
    label("原标题", Other),
    label("原文链接", Other),
    label("作者单位", Other),
    label("图片来源", Other),
    label("网站访问量", Other),
    label("策划", Other),
    // An event's particulars: a 时间 beside them is when the event happens, not when the page was published.
    label("地点", Other),
    label("会场", Other),
    label("主讲人", Other),
    label("主讲", Other),
    label("报告人", Other),
    label("主持人", Other),
    label("嘉宾", Other),
    label("出品", Other),
    label("监制", Other),
];

/// Labels by first character, longest first.
static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
    let mut by_first = ByFirst {
        labels: HashMap::default(),
        filter: [0; FIRST_FILTER_BITS / 64],
    };
    for l in LABELS {
        let first = l.text.chars().next().expect("labels are not empty");
        by_first.labels.entry(first).or_default().push(l);
        let bit = ByFirst::bit(first);
        by_first.filter[bit / 64] |= 1 << (bit % 64);
    }
    for list in by_first.labels.values_mut() {
        list.sort_by_key(|l| std::cmp::Reverse(l.text.chars().count()));
    }
    by_first
});

/// Bits of [`ByFirst`]'s filter: a few dozen first characters leave most of them clear.
const FIRST_FILTER_BITS: usize = 1024;

/// The labels by first character, behind a filter of those characters (one bit each, by code point): a line is
/// asked at every character whether a label starts there, and nearly none does, so most characters are turned
/// away by one bit instead of a hash-table lookup.
struct ByFirst {
    labels: HashMap<char, Vec<&'static Label>>,
    filter: [u64; FIRST_FILTER_BITS / 64],
}

impl ByFirst {
    fn bit(c: char) -> usize {
        c as usize % FIRST_FILTER_BITS
    }

    /// The labels starting with `c`, longest first.
    fn get(&self, c: char) -> Option<&[&'static Label]> {
        let bit = ByFirst::bit(c);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.labels.get(&c).map(Vec::as_slice)
    }
}

/// Labels this long may start right after a CJK character.
const LONG_LABEL: usize = 4;

/// The kind of a label written exactly (`责任编辑` → Editor); `None` for words we do not split on.
pub fn label_kind(label: &str) -> Option<LabelKind> {
    let first = label.chars().next()?;
    BY_FIRST
        .get(first)?
        .iter()
        .find(|l| same_text(l.text, label))
        .map(|l| l.kind)
}

/// Split a metadata line on known labels.
pub fn split_labels(line: &str) -> Vec<LabeledValue> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        match label_at(line, i) {
            Some((l, value_start)) => {
                let date_only = matches!(l.kind, Published | Updated);
                let (end, value) = value_at(line, value_start, date_only);
                out.push(LabeledValue {
                    kind: l.kind,
                    label: l.text,
                    value,
                });
                i = end;
            }
            None => i += char_len(line, i),
        }
    }
    out
}

/// The text before the first label, trimmed (`2019-09-07 13:43:45　来源：青松网` → `2019-09-07 13:43:45`). The
/// whole line, trimmed, when it has no label.
pub fn unlabelled_prefix(line: &str) -> &str {
    let mut i = 0;
    while i < line.len() && label_at(line, i).is_none() {
        i += char_len(line, i);
    }
    trim_value(trim_value(&line[..i]).trim_end_matches(['(', '（']))
}

fn char_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

fn peek(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶' | '︰')
}

fn is_slash(c: char) -> bool {
    matches!(c, '/' | '／')
}

/// Whitespace between a label and its colon: anything but a line break.
fn skip_inline_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = peek(s, i).filter(|&c| c.is_whitespace() && c != '\n' && c != '\r') {
        i += c.len_utf8();
    }
    i
}

/// Labels compare with slashes of either width as equal.
fn fold(c: char) -> char {
    if c == '／' { '/' } else { c }
}

fn same_text(table: &str, page: &str) -> bool {
    table.chars().map(fold).eq(page.chars().map(fold))
}

/// Does `s[i..]` start with `text`? Returns the end of the match.
fn match_text(s: &str, i: usize, text: &str) -> Option<usize> {
    let mut j = i;
    for want in text.chars() {
        let got = peek(s, j).filter(|&got| fold(got) == fold(want))?;
        j += got.len_utf8();
    }
    Some(j)
}

/// A label starting at `i`: the label and where its value starts (after the colon or slash).
fn label_at(s: &str, i: usize) -> Option<(&'static Label, usize)> {
    let first = peek(s, i)?;
    let candidates = BY_FIRST.get(first)?;
    // 丨 is a CJK ideograph but here a separator.
    let after_letter = s[..i]
        .chars()
        .next_back()
        .is_some_and(|p| p.is_alphabetic() && !is_separator(p));
    candidates.iter().find_map(|&l| {
        if after_letter && l.text.chars().count() < LONG_LABEL {
            return None;
        }
        let end = match_text(s, i, l.text)?;
        let j = skip_inline_space(s, end);
        let c = peek(s, j)?;
        let value_start = match l.follow {
            _ if is_colon(c) => j + c.len_utf8(),
            // `编辑|禤志杰`: a bar right after the label, with the value right after it, stands for a colon.
            _ if is_bar(c)
                && j == end
                && peek(s, j + c.len_utf8())
                    .is_some_and(|v| !v.is_whitespace() && !is_separator(v)) =>
            {
                j + c.len_utf8()
            }
            // `发表于 2014-08-24 | 来源 CSDN | 作者 魏星`: in a line of bar-separated fields, a label that opens a
            // field may be followed by a space alone.
            _ if j > end && !is_separator(c) && opens_bar_field(s, i) => j,
            Follow::Slash | Follow::SlashOrSpace if is_slash(c) => j + c.len_utf8(),
            Follow::SlashOrSpace if j > end && !is_separator(c) => j,
            Follow::ColonOrDate if c.is_ascii_digit() || ('０'..='９').contains(&c) => j,
            _ => return None,
        };
        Some((l, value_start))
    })
}

/// Whether position `i` opens a field of a bar-separated line: a bar comes right before it (spaces aside), or
/// it starts the line and a bar follows later.
fn opens_bar_field(s: &str, i: usize) -> bool {
    match s[..i].trim_end().chars().next_back() {
        Some(c) => is_bar(c),
        None => s[i..].contains(is_bar),
    }
}

fn is_bar(c: char) -> bool {
    matches!(c, '|' | '｜' | '丨')
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '｜' | '丨' | '【' | '】' | '[' | ']')
}

fn is_opening_bracket(c: char) -> bool {
    matches!(c, '【' | '[')
}

/// The value starting at `start`: where it ends and its trimmed text. With `date_only`, a value that starts with
/// a date is that date (and its time) alone.
fn value_at(s: &str, start: usize, date_only: bool) -> (usize, Option<String>) {
    // Leading whitespace of any length, and opening brackets, belong to no value.
    let mut i = start;
    while let Some(c) = peek(s, i).filter(|&c| c.is_whitespace() || is_opening_bracket(c)) {
        i += c.len_utf8();
    }
    // A date (with its time) at the start is one unit, whatever spacing it has inside.
    let mut protected_end = i;
    if let Some(m) = date::parse_date_prefix(&s[i..]) {
        protected_end = i + m.range.end;
    }
    let end = if date_only && protected_end > i {
        protected_end
    } else {
        value_end(s, i, protected_end)
    };
    let value = trim_value(&s[start..end]);
    (end, (!value.is_empty()).then(|| value.to_string()))
}

/// The end of a value whose text starts at `i`; no terminator is looked for before `protected_end`.
fn value_end(s: &str, i: usize, protected_end: usize) -> usize {
    let mut depth = 0usize;
    let mut j = protected_end.max(i);
    while let Some(c) = peek(s, j) {
        if label_at(s, j).is_some() || is_separator(c) {
            return j;
        }
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth == 0 => return j,
            ')' | '）' => depth -= 1,
            c if c.is_whitespace() => {
                let run_end = j + s[j..]
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .map(char::len_utf8)
                    .sum::<usize>();
                let run = &s[j..run_end];
                if run.chars().count() >= 2 || run.contains(['\n', '\r']) {
                    return j;
                }
                // ` / ` separates; `a/b` does not.
                if let Some(slash) = peek(s, run_end).filter(|&c| is_slash(c))
                    && peek(s, run_end + slash.len_utf8()).is_none_or(char::is_whitespace)
                {
                    return j;
                }
                j = run_end;
                continue;
            }
            _ => {}
        }
        j += c.len_utf8();
    }
    s.len()
}

fn trim_value(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_separator(c) || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, expected [(kind, label, value)]) — every name, unit and date here is made up.
    type Case = (
        &'static str,
        &'static [(LabelKind, &'static str, Option<&'static str>)],
    );

    const CASES: &[Case] = &[
        // fields of a bar-separated line, labels followed by a space alone
        (
            "发表于 2014-08-24 21:30 | 1164次阅读 | 来源 湖滨周刊 | 0 条评论 | 作者 林晓雨",
            &[
                (Published, "发表于", Some("2014-08-24 21:30")),
                (Source, "来源", Some("湖滨周刊")),
                (Author, "作者", Some("林晓雨")),
            ],
        ),
        // without bars, a label and a space is prose
        ("作者 简介见文末", &[]),
        // the brief's shapes
        (
            "发布时间:2017-09-27 | 作者:  | 编辑:青松市科协数据迁移",
            &[
                (Published, "发布时间", Some("2017-09-27")),
                (Author, "作者", None),
                (Editor, "编辑", Some("青松市科协数据迁移")),
            ],
        ),
        (
            "来源：东湖网　　作者：林晓雨　　责任编辑：周默　　发布时间：2019-03-06 10:30",
            &[
                (Source, "来源", Some("东湖网")),
                (Author, "作者", Some("林晓雨")),
                (Editor, "责任编辑", Some("周默")),
                (Published, "发布时间", Some("2019-03-06 10:30")),
            ],
        ),
        (
            "时间:  2024-05-09  来源：北辰主页-新版  阅读:10",
            &[
                (Published, "时间", Some("2024-05-09")),
                (Source, "来源", Some("北辰主页-新版")),
                (Views, "阅读", Some("10")),
            ],
        ),
        (
            "信息来源：中国湖泊学会  发布日期：2018年04月12日  浏览次数：321",
            &[
                (Source, "信息来源", Some("中国湖泊学会")),
                (Published, "发布日期", Some("2018年04月12日")),
                (Views, "浏览次数", Some("321")),
            ],
        ),
        ("【字体：大 中 小】", &[(Other, "字体", Some("大 中 小"))]),
        (
            "作者：方知远 韩青  编辑：梁一舟",
            &[
                (Author, "作者", Some("方知远 韩青")),
                (Editor, "编辑", Some("梁一舟")),
            ],
        ),
        (
            "[ 来源：晨光网 ] [ 作者：葛小满 ]",
            &[
                (Source, "来源", Some("晨光网")),
                (Author, "作者", Some("葛小满")),
            ],
        ),
        (
            "撰稿：甲乙 摄影：丙丁 审核：戊己",
            &[
                (Author, "撰稿", Some("甲乙")),
                (Photographer, "摄影", Some("丙丁")),
                (Reviewer, "审核", Some("戊己")),
            ],
        ),
        // a date keeps its time across a double space; other values end there
        (
            "发布时间：2017-09-27  10:30  来源：北辰网",
            &[
                (Published, "发布时间", Some("2017-09-27  10:30")),
                (Source, "来源", Some("北辰网")),
            ],
        ),
        (
            "日期：2017年9月27日 星期三  作者：林",
            &[
                (Published, "日期", Some("2017年9月27日")),
                (Author, "作者", Some("林")),
            ],
        ),
        (
            "发稿时间：2024-03-14 17:39 北辰新闻网讯（通讯员韩青）",
            &[(Published, "发稿时间", Some("2024-03-14 17:39"))],
        ),
        (
            "时间：2019年5月18日（周六）下午3:00（北京时间）",
            &[(Published, "时间", Some("2019年5月18日（周六）下午3:00"))],
        ),
        (
            "时间：2019-05-18至2019-05-20",
            &[(Published, "时间", Some("2019-05-18"))],
        ),
        ("时间：近日", &[(Published, "时间", Some("近日"))]),
        (
            "来源：2019年5月18日青松日报  作者：林",
            &[
                (Source, "来源", Some("2019年5月18日青松日报")),
                (Author, "作者", Some("林")),
            ],
        ),
        (
            "发布日期：2020-01-02 08:00:00\u{a0}\u{a0}所属分类：通知公告",
            &[
                (Published, "发布日期", Some("2020-01-02 08:00:00")),
                (Other, "所属分类", Some("通知公告")),
            ],
        ),
        (
            "来源：青松日报  第3版",
            &[(Source, "来源", Some("青松日报"))],
        ),
        (
            "来源：青松日报\u{3000}\u{3000}第3版",
            &[(Source, "来源", Some("青松日报"))],
        ),
        (
            "来源：青松日报\t\t第3版",
            &[(Source, "来源", Some("青松日报"))],
        ),
        (
            "作者：王\u{3000}五",
            &[(Author, "作者", Some("王\u{3000}五"))],
        ),
        (
            "作者：林晓\n编辑：周默",
            &[
                (Author, "作者", Some("林晓")),
                (Editor, "编辑", Some("周默")),
            ],
        ),
        // the 正文 / 原文 / 日期 traps: short labels never follow a letter
        ("首页 > 新闻中心 > 正文：湖畔纪事", &[]),
        ("原文：湖畔纪事", &[]),
        ("申请截止日期：2019-06-30", &[]),
        (
            "报告时间：2019-05-18 地点：逸夫楼",
            &[(Other, "地点", Some("逸夫楼"))],
        ),
        ("数据来源：统计年鉴", &[]),
        ("如图：湖面", &[]),
        ("CSDN来源：x", &[]),
        ("文：林晓", &[(Author, "文", Some("林晓"))]),
        (
            "文号：东科发〔2019〕3号",
            &[(Other, "文号", Some("东科发〔2019〕3号"))],
        ),
        // long labels win, and may follow CJK text directly
        ("责任编辑：周默", &[(Editor, "责任编辑", Some("周默"))]),
        (
            "来源： 北辰大学新闻网发稿时间：2021-04-23 14:33",
            &[
                (Source, "来源", Some("北辰大学新闻网")),
                (Published, "发稿时间", Some("2021-04-23 14:33")),
            ],
        ),
        (
            "来源： 发稿时间： 2020-11-23 17:01",
            &[
                (Source, "来源", None),
                (Published, "发稿时间", Some("2020-11-23 17:01")),
            ],
        ),
        (
            "最后更新时间：2020/2/3",
            &[(Updated, "更新时间", Some("2020/2/3"))],
        ),
        (
            "本文来源：湖东晚报 作者：程远",
            &[
                (Source, "本文来源", Some("湖东晚报")),
                (Author, "作者", Some("程远")),
            ],
        ),
        ("图片来源：某图库", &[(Other, "图片来源", Some("某图库"))]),
        ("网站访问量：99999", &[(Other, "网站访问量", Some("99999"))]),
        // digits before a label are fine
        (
            "2019-09-07 13:43:45\u{3000}来源: 湖滨周刊",
            &[(Source, "来源", Some("湖滨周刊"))],
        ),
        (
            "2019-09-26 12:11来源：东海证券报 作者：许一",
            &[
                (Source, "来源", Some("东海证券报")),
                (Author, "作者", Some("许一")),
            ],
        ),
        // empty values
        ("作者：", &[(Author, "作者", None)]),
        (
            "作者：　｜编辑：｜",
            &[(Author, "作者", None), (Editor, "编辑", None)],
        ),
        (
            "版权声明 来源：湖东商报 时间：2019-09-23 14:34:05 作者：",
            &[
                (Source, "来源", Some("湖东商报")),
                (Published, "时间", Some("2019-09-23 14:34:05")),
                (Author, "作者", None),
            ],
        ),
        ("来源 ： 北辰网", &[(Source, "来源", Some("北辰网"))]),
        // brackets and parentheses
        (
            "【来源：北辰网】【作者：韩青】",
            &[
                (Source, "来源", Some("北辰网")),
                (Author, "作者", Some("韩青")),
            ],
        ),
        ("[作者:韩青]", &[(Author, "作者", Some("韩青"))]),
        ("来源：【青松日报】", &[(Source, "来源", Some("青松日报"))]),
        (
            "湖畔初雪（摄影：宋一帆）",
            &[(Photographer, "摄影", Some("宋一帆"))],
        ),
        (
            "(责编：丁一、丁二)",
            &[(Editor, "责编", Some("丁一、丁二"))],
        ),
        (
            "来源：湖东日报（海外版） 作者：程远",
            &[
                (Source, "来源", Some("湖东日报（海外版）")),
                (Author, "作者", Some("程远")),
            ],
        ),
        // slash forms and separators
        (
            "文/林晓 图/宋一帆",
            &[
                (Author, "文", Some("林晓")),
                (Photographer, "图", Some("宋一帆")),
            ],
        ),
        (
            "【文/北辰观察专栏作者 方知远】",
            &[(Author, "文", Some("北辰观察专栏作者 方知远"))],
        ),
        ("摄影／宋一帆", &[(Photographer, "摄影", Some("宋一帆"))]),
        (
            "记者/林晓 周默 韩青",
            &[(Author, "记者", Some("林晓 周默 韩青"))],
        ),
        (
            "编辑/梁一舟 责编/梁二",
            &[
                (Editor, "编辑", Some("梁一舟")),
                (Editor, "责编", Some("梁二")),
            ],
        ),
        ("（通讯员/摄影 林晓）", &[]),
        ("文/图：韩青", &[(Author, "文/图", Some("韩青"))]),
        ("文／图 韩青", &[(Author, "文/图", Some("韩青"))]),
        ("作者/来源：东湖网", &[(Source, "来源", Some("东湖网"))]),
        (
            "作者：林晓 / 编辑：周默",
            &[
                (Author, "作者", Some("林晓")),
                (Editor, "编辑", Some("周默")),
            ],
        ),
        ("作者：林晓 / 周默", &[(Author, "作者", Some("林晓"))]),
        (
            "来源：东湖网/北辰网",
            &[(Source, "来源", Some("东湖网/北辰网"))],
        ),
        (
            "来源：东湖网丨作者：韩青",
            &[
                (Source, "来源", Some("东湖网")),
                (Author, "作者", Some("韩青")),
            ],
        ),
        (
            "来源：东湖网｜作者：韩青",
            &[
                (Source, "来源", Some("东湖网")),
                (Author, "作者", Some("韩青")),
            ],
        ),
        // other kinds and forms
        (
            "发布于 2019-03-06 10:30",
            &[(Published, "发布于", Some("2019-03-06 10:30"))],
        ),
        (
            "发布于：2019-03-06",
            &[(Published, "发布于", Some("2019-03-06"))],
        ),
        ("发布于湖东", &[]),
        (
            "更新日期：2021年2月3日",
            &[(Updated, "更新日期", Some("2021年2月3日"))],
        ),
        (
            "供稿：化学学院 供稿人：林晓",
            &[
                (Source, "供稿", Some("化学学院")),
                (Author, "供稿人", Some("林晓")),
            ],
        ),
        (
            "发布单位：东湖区科协",
            &[(Source, "发布单位", Some("东湖区科协"))],
        ),
        (
            "录入：admin 点击数：57",
            &[
                (Other, "录入", Some("admin")),
                (Views, "点击数", Some("57")),
            ],
        ),
        (
            "编审：韦一 校对：韦二",
            &[
                (Reviewer, "编审", Some("韦一")),
                (Reviewer, "校对", Some("韦二")),
            ],
        ),
        (
            "网络编辑：梁一舟 值班编辑：梁二 人气：8",
            &[
                (Editor, "网络编辑", Some("梁一舟")),
                (Editor, "值班编辑", Some("梁二")),
                (Views, "人气", Some("8")),
            ],
        ),
        (
            "记者：程远 通讯员：方知远",
            &[
                (Author, "记者", Some("程远")),
                (Author, "通讯员", Some("方知远")),
            ],
        ),
        ("分享到：", &[(Other, "分享到", None)]),
        ("没有标签的一行", &[]),
        ("", &[]),
    ];

    #[test]
    fn split_labels_cases() {
        for (i, (line, want)) in CASES.iter().enumerate() {
            let got: Vec<_> = split_labels(line)
                .into_iter()
                .map(|v| (v.kind, v.label, v.value))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|&(k, l, v)| (k, l, v.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "case {i}: {line:?}");
        }
    }

    const PREFIX_CASES: &[(&str, &str)] = &[
        (
            "2019-09-07 13:43:45\u{3000}来源: 湖滨周刊",
            "2019-09-07 13:43:45",
        ),
        ("  | 作者：林", ""),
        ("湖畔初雪（摄影：宋一帆）", "湖畔初雪"),
        ("无标签\u{3000}", "无标签"),
        ("正文：湖畔", "正文：湖畔"),
    ];

    #[test]
    fn unlabelled_prefix_cases() {
        for (i, (line, want)) in PREFIX_CASES.iter().enumerate() {
            assert_eq!(unlabelled_prefix(line), *want, "case {i}: {line:?}");
        }
    }

    #[test]
    fn label_kind_lookup() {
        assert_eq!(label_kind("责任编辑"), Some(Editor));
        assert_eq!(label_kind("文／图"), Some(Author));
        assert_eq!(label_kind("正文"), None);
        assert_eq!(label_kind(""), None);
    }

    #[test]
    fn every_label_splits_as_itself() {
        for l in LABELS {
            let line = format!("{}：值", l.text);
            let got = split_labels(&line);
            assert_eq!(got.len(), 1, "{}", l.text);
            assert_eq!((got[0].label, got[0].kind), (l.text, l.kind), "{}", l.text);
            assert_eq!(got[0].value.as_deref(), Some("值"), "{}", l.text);
        }
    }
}
