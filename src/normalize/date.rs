//! Date parsing for publish dates in every form legacy pages use: `2017-09-27`, `2017-9-27`, `2017/09/27 10:30`,
//! `2017.09.27`, `2017年9月27日`, `2017年09月27日 10时30分`, `二〇一七年九月二十七日`. Output is ISO 8601 in the
//! site's timezone.
//!
//! The parser is a hand-written scanner rather than a regex: it tries a date only where a digit run (or a run of
//! Chinese numerals) begins, so [`find_date`] is linear in the text and never matches inside a longer number
//! (`120170927`, `2017-09-271`). A date is
//!
//! - `YYYY<sep>M<sep>D` with the same separator twice, one of `- / . _` or their full-width forms;
//! - `YYYY年M月D[日|号]` with optional spaces around the parts, where the year may also be four Chinese digits
//!   (`二〇一七`, with 〇 零 ○ O as zero) and month and day may be Chinese numerals (`十二`, `二十七`, `廿七`);
//! - a standalone run of exactly eight digits `YYYYMMDD`;
//!
//! digits may be ASCII or full-width, and the date may be followed by a time: `10:30`, `10:30:15`, `10：30`,
//! `10时30分`, `10点30分15秒`, with an optional `上午`/`下午` before it, `AM`/`PM` after it, or a weekday
//! (`星期三`) between date and time; whitespace (any amount, not a line break) or nothing after `日` separates
//! them. ISO 8601 `2017-09-27T10:30:00.000+08:00` is read too: the explicit offset is reported in
//! [`DateMatch::offset`] (it is not part of [`PublishedAt`]), so a caller can render with it instead of the
//! site's offset. Offsets are only read after a `T` time, because `10:30-12:00` is a time range.
//!
//! Validation: year 1980..=2100, a real calendar day (leap years included), hour < 24, minute < 60,
//! second < 60. An invalid date is skipped; an invalid time leaves the date without a time. Dates without a day
//! (`2017-09`, `2017年9月`) are never taken, nor two-digit years, except right after a publish label
//! ([`parse_labelled_short_year`]).

use std::ops::Range;

/// A calendar date with an optional wall-clock time, as shown on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedAt {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// (hour, minute, second) when the page shows a time.
    pub time: Option<(u32, u32, Option<u32>)>,
}

/// A fixed UTC offset in minutes (sites state a timezone once; China is +08:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcOffset(pub i32);

impl Default for UtcOffset {
    fn default() -> Self {
        UtcOffset(8 * 60)
    }
}

/// Zone names we know, lower-cased. Mainland China uses +08:00 everywhere officially (Urumqi included).
/// Ambiguous abbreviations such as `CST` (China or US Central) are deliberately absent.
const ZONES: &[(&str, i32)] = &[
    ("asia/shanghai", 480),
    ("asia/chongqing", 480),
    ("asia/chungking", 480),
    ("asia/harbin", 480),
    ("asia/urumqi", 480),
    ("asia/kashgar", 480),
    ("prc", 480),
    ("asia/hong_kong", 480),
    ("hongkong", 480),
    ("asia/macau", 480),
    ("asia/macao", 480),
    ("asia/taipei", 480),
    ("roc", 480),
    ("asia/singapore", 480),
    ("北京时间", 480),
    ("asia/tokyo", 540),
    ("japan", 540),
    ("asia/seoul", 540),
    ("utc", 0),
    ("etc/utc", 0),
    ("etc/gmt", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
];

impl UtcOffset {
    /// Parse `+08:00`, `+0800`, `+8`, `-05:00`, `UTC`, `Z`, `GMT+8`, `UTC+08:00` or a zone name we know
    /// (`Asia/Shanghai`, `Asia/Chongqing`, `Asia/Harbin`, `Asia/Urumqi`, `Asia/Hong_Kong`, `Asia/Macau`,
    /// `Asia/Taipei` → +08:00, `Asia/Tokyo` → +09:00). Case-insensitive; unknown names give `None`.
    pub fn parse(s: &str) -> Option<UtcOffset> {
        let t = s.trim();
        let lower = t.to_ascii_lowercase();
        if let Some(&(_, minutes)) = ZONES.iter().find(|(name, _)| *name == lower) {
            return Some(UtcOffset(minutes));
        }
        let rest = lower
            .strip_prefix("utc")
            .or_else(|| lower.strip_prefix("gmt"))
            .map(str::trim_start)
            .unwrap_or(&lower);
        let (minutes, end) = signed_offset(rest, 0, true)?;
        (end == rest.len()).then_some(UtcOffset(minutes))
    }
}

impl PublishedAt {
    /// `2017-09-27`, or `2017-09-27T10:30:00+08:00` when a time is known (seconds `00` when the page shows
    /// none). The offset prints as `+08:00`, `-05:00`, `+00:00`.
    pub fn to_iso(&self, offset: UtcOffset) -> String {
        let date = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        match self.time {
            None => date,
            Some((h, m, s)) => {
                let sign = if offset.0 < 0 { '-' } else { '+' };
                let abs = offset.0.unsigned_abs();
                format!(
                    "{date}T{h:02}:{m:02}:{:02}{sign}{:02}:{:02}",
                    s.unwrap_or(0),
                    abs / 60,
                    abs % 60
                )
            }
        }
    }
}

/// A date found in a text: what it says, where it is, and the UTC offset it states (ISO form only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub date: PublishedAt,
    /// Byte range of the whole match (date, time, offset) in the searched text.
    pub range: Range<usize>,
    /// The offset written after an ISO time (`Z`, `+08:00`); `None` when the text states none.
    pub offset: Option<UtcOffset>,
}

/// Parse a date at the start of `text` (leading whitespace ignored); trailing text is allowed.
pub fn parse_date(text: &str) -> Option<PublishedAt> {
    parse_date_prefix(text).map(|m| m.date)
}

/// Like [`parse_date`], with the match's byte range in `text` (it starts after the leading whitespace) and any
/// stated offset.
pub fn parse_date_prefix(text: &str) -> Option<DateMatch> {
    let start = text.len() - text.trim_start_matches(is_lead_space).len();
    date_at(text, start)
}

/// A date with a two-digit year at the start of a value the page labels as its publish date (`发布时间：18-03-08
/// 23:16`): the label vouches for it, which a bare `18-03-08` in running text never does. Years 80–99 are
/// 1980–1999, the others 20xx; the separator must be one of the date separators, twice.
pub fn parse_labelled_short_year(text: &str) -> Option<PublishedAt> {
    let t = text.trim_start_matches(is_lead_space);
    let mut chars = t.chars();
    let (a, b) = (digit(chars.next()?)?, digit(chars.next()?)?);
    let sep = chars.next()?;
    if !matches!(sep, '-' | '/' | '.' | '_' | '－' | '／' | '．') {
        return None;
    }
    let century = if a * 10 + b >= 80 { "19" } else { "20" };
    parse_date(&format!("{century}{t}"))
}

/// Find the first valid date anywhere in `text`, with its byte range.
pub fn find_date(text: &str) -> Option<(PublishedAt, Range<usize>)> {
    find_date_match(text).map(|m| (m.date, m.range))
}

/// Like [`find_date`], with any stated offset.
pub fn find_date_match(text: &str) -> Option<DateMatch> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts_run = if digit(c).is_some() {
            prev.is_none_or(|p| digit(p).is_none())
        } else if cn_digit(c).is_some() {
            prev.is_none_or(|p| digit(p).is_none() && cn_digit(p).is_none())
        } else {
            false
        };
        if starts_run && let Some(m) = date_at(text, i) {
            return Some(m);
        }
        prev = Some(c);
    }
    None
}

fn is_lead_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Whitespace allowed inside a date–time match: anything but a line break.
fn is_inline_space(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A Chinese digit as used in years written digit by digit (`二〇一七`, `二OO七`).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | '◯' | 'Ｏ' | 'O' | 'o' | 'ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese unit digit 一..九 (no zero), as in month and day numerals.
fn cn_unit(c: char) -> Option<u32> {
    cn_digit(c).filter(|&d| d > 0 && c != 'O' && c != 'o')
}

fn peek(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn skip_inline_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = peek(s, i).filter(|&c| is_inline_space(c)) {
        i += c.len_utf8();
    }
    i
}

/// `c` at `i`? Returns the position after it.
fn eat(s: &str, i: usize, pred: impl Fn(char) -> bool) -> Option<usize> {
    peek(s, i).filter(|&c| pred(c)).map(|c| i + c.len_utf8())
}

/// Read `min..=max` digits at `i`; fails when fewer, or when more than `max` digits follow (no date inside a
/// longer number).
fn digits(s: &str, i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let (mut value, mut n, mut j) = (0u32, 0usize, i);
    for c in s[i..].chars() {
        let Some(d) = digit(c) else { break };
        if n == max {
            return None;
        }
        value = value * 10 + d;
        n += 1;
        j += c.len_utf8();
    }
    (n >= min).then_some((value, j))
}

/// A month or day number: Arabic digits (1–2) or a Chinese numeral up to 三十九 (十, 十二, 二十七, 廿七, 卅一).
fn small_number(s: &str, i: usize) -> Option<(u32, usize)> {
    if peek(s, i).and_then(digit).is_some() {
        return digits(s, i, 1, 2);
    }
    let c = peek(s, i)?;
    let mut j = i + c.len_utf8();
    let tens = match c {
        '十' => 10,
        '廿' => 20,
        '卅' => 30,
        _ => {
            let d = cn_unit(c)?;
            match eat(s, j, |c| c == '十') {
                Some(k) => {
                    j = k;
                    d * 10
                }
                None => return Some((d, j)),
            }
        }
    };
    match peek(s, j).and_then(|c| Some((cn_unit(c)?, c.len_utf8()))) {
        Some((u, len)) => Some((tens + u, j + len)),
        None => Some((tens, j)),
    }
}

fn is_date_sep(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | '_' | '－' | '／' | '．' | '＿')
}

fn same_sep(a: char, b: char) -> bool {
    let norm = |c: char| match c {
        '－' => '-',
        '／' => '/',
        '．' => '.',
        '＿' => '_',
        c => c,
    };
    norm(a) == norm(b)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1980..=2100).contains(&y) && (1..=days).contains(&d)
}

/// How the date part ended, which decides how a time may follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateForm {
    /// Digits with separators or compact digits: a time needs whitespace or `T` before it.
    Numeric,
    /// `…日`/`…号`: a time may follow directly (`2019年06月15日08:18`).
    Marker,
    /// `…年…月27` without `日`: a time needs whitespace before it.
    NoMarker,
}

/// Parse a date starting exactly at `i`.
fn date_at(s: &str, i: usize) -> Option<DateMatch> {
    let c = peek(s, i)?;
    let prev = s[..i].chars().next_back();
    if prev.is_some_and(|p| digit(p).is_some()) {
        return None;
    }
    let (year, month, day, end, form) = if digit(c).is_some() {
        let run_len = s[i..].chars().take_while(|&c| digit(c).is_some()).count();
        let (run_value, run_end) = match run_len {
            4 | 8 => digits(s, i, run_len, run_len)?,
            _ => return None,
        };
        match run_len {
            8 => (
                (run_value / 10_000) as i32,
                run_value / 100 % 100,
                run_value % 100,
                run_end,
                DateForm::Numeric,
            ),
            4 => {
                let year = run_value as i32;
                let sep = peek(s, run_end)?;
                if is_date_sep(sep) {
                    let (month, j) = digits(s, run_end + sep.len_utf8(), 1, 2)?;
                    let j = eat(s, j, |c| same_sep(c, sep))?;
                    let (day, j) = digits(s, j, 1, 2)?;
                    (year, month, day, j, DateForm::Numeric)
                } else {
                    let (m, d, j, form) = chinese_tail(s, run_end)?;
                    (year, m, d, j, form)
                }
            }
            _ => return None,
        }
    } else {
        if prev.is_some_and(|p| cn_digit(p).is_some()) {
            return None;
        }
        let mut year = 0i32;
        let mut j = i;
        for _ in 0..4 {
            let c = peek(s, j)?;
            year = year * 10 + cn_digit(c)? as i32;
            j += c.len_utf8();
        }
        let (m, d, j, form) = chinese_tail(s, j)?;
        (year, m, d, j, form)
    };
    if !valid_ymd(year, month, day) {
        return None;
    }
    let mut date = PublishedAt {
        year,
        month,
        day,
        time: None,
    };
    let mut m = DateMatch {
        date,
        range: i..end,
        offset: None,
    };
    if form == DateForm::Numeric
        && let Some((time, offset, j)) = iso_time(s, end)
    {
        date.time = Some(time);
        m.date = date;
        m.range.end = j;
        m.offset = offset;
    } else if let Some((time, j)) = plain_time(s, end, form == DateForm::Marker) {
        date.time = Some(time);
        m.date = date;
        m.range.end = j;
    }
    Some(m)
}

/// After a year: `年 M 月 D [日|号]`, spaces allowed around the parts.
fn chinese_tail(s: &str, i: usize) -> Option<(u32, u32, usize, DateForm)> {
    let j = eat(s, skip_inline_space(s, i), |c| c == '年')?;
    let (month, j) = small_number(s, skip_inline_space(s, j))?;
    let j = eat(s, skip_inline_space(s, j), |c| c == '月')?;
    let (day, j) = small_number(s, skip_inline_space(s, j))?;
    match eat(s, skip_inline_space(s, j), |c| c == '日' || c == '号') {
        Some(k) => Some((month, day, k, DateForm::Marker)),
        None => Some((month, day, j, DateForm::NoMarker)),
    }
}

type Time = (u32, u32, Option<u32>);

fn valid_time((h, m, s): Time) -> bool {
    h < 24 && m < 60 && s.is_none_or(|s| s < 60)
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶')
}

/// `Thh:mm[:ss][.fff][Z|±hh:mm]` right after a numeric date.
fn iso_time(s: &str, i: usize) -> Option<(Time, Option<UtcOffset>, usize)> {
    let j = eat(s, i, |c| c == 'T')?;
    let (h, j) = digits(s, j, 2, 2)?;
    let j = eat(s, j, is_colon)?;
    let (m, mut j) = digits(s, j, 2, 2)?;
    let mut sec = None;
    if let Some((v, k)) = eat(s, j, is_colon).and_then(|k| digits(s, k, 2, 2)) {
        sec = Some(v);
        j = k;
        if let Some((_, k)) = eat(s, j, |c| c == '.' || c == ',').and_then(|k| digits(s, k, 1, 9)) {
            j = k;
        }
    }
    let time = (h, m, sec);
    if !valid_time(time) {
        return None;
    }
    let mut offset = None;
    if let Some(k) = eat(s, j, |c| c == 'Z' || c == 'z')
        && !peek(s, k).is_some_and(|c| c.is_alphanumeric())
    {
        offset = Some(UtcOffset(0));
        j = k;
    } else if let Some((minutes, k)) = signed_offset(s, j, false) {
        offset = Some(UtcOffset(minutes));
        j = k;
    }
    Some((time, offset, j))
}

/// `±hh:mm`, `±hhmm`, `±hh` (and `±h`, `±h:mm` when `loose`) at `i`, not followed by a digit.
fn signed_offset(s: &str, i: usize, loose: bool) -> Option<(i32, usize)> {
    let sign = peek(s, i)?;
    let negative = match sign {
        '+' | '＋' => false,
        '-' | '－' | '−' => true,
        _ => return None,
    };
    let j = i + sign.len_utf8();
    let run_end = digits(s, j, 1, 4)?.1;
    let run = &s[j..run_end];
    let n = run.chars().count();
    let (h, mut end) = match n {
        4 => (digits(s, j, 2, 4)?.0 / 100, run_end),
        2 => digits(s, j, 2, 2)?,
        1 if loose => digits(s, j, 1, 1)?,
        _ => return None,
    };
    let mut m = if n == 4 {
        digits(s, j, 4, 4)?.0 % 100
    } else {
        0
    };
    if n < 4
        && let Some((v, k)) = eat(s, end, is_colon).and_then(|k| digits(s, k, 2, 2))
    {
        m = v;
        end = k;
    }
    if h > 14 || m >= 60 {
        return None;
    }
    let minutes = (h * 60 + m) as i32;
    Some((if negative { -minutes } else { minutes }, end))
}

/// A time after a date: whitespace (required unless the date ended with `日`), an optional weekday, an optional
/// `上午`/`下午`, then `h:mm[:ss]` or `h时m分[s秒]`, then an optional `AM`/`PM`.
fn plain_time(s: &str, i: usize, direct_ok: bool) -> Option<(Time, usize)> {
    let mut j = skip_inline_space(s, i);
    if j == i && !direct_ok {
        return None;
    }
    if let Some(k) = weekday(s, j) {
        j = skip_inline_space(s, k);
    }
    // Hours below this get 12 added: 下午3:05 is 15:05, 中午12:30 stays 12:30 and 中午1:00 is 13:00.
    let mut meridiem = None;
    for (word, add_below) in [
        ("上午", 0),
        ("早上", 0),
        ("凌晨", 0),
        ("中午", 11),
        ("下午", 12),
        ("晚上", 12),
    ] {
        if s[j..].starts_with(word) {
            meridiem = Some(add_below);
            j = skip_inline_space(s, j + word.len());
            break;
        }
    }
    let (mut h, j) = digits(s, j, 1, 2)?;
    let (m, sec, mut j) = if let Some(k) = eat(s, j, is_colon) {
        let (m, k) = digits(s, k, 2, 2)?;
        match eat(s, k, is_colon).and_then(|k2| digits(s, k2, 2, 2)) {
            Some((sec, k2)) => (m, Some(sec), k2),
            None => (m, None, k),
        }
    } else {
        let k = eat(s, j, |c| c == '时' || c == '点')?;
        let (m, k) = digits(s, k, 1, 2)?;
        let k = eat(s, k, |c| c == '分')?;
        match digits(s, k, 1, 2).and_then(|(sec, k2)| Some((sec, eat(s, k2, |c| c == '秒')?))) {
            Some((sec, k2)) => (m, Some(sec), k2),
            None => (m, None, k),
        }
    };
    if let Some(add_below) = meridiem {
        if h < add_below {
            h += 12;
        }
    } else {
        let k = skip_inline_space(s, j);
        let word = s.get(k..k + 2).map(str::to_ascii_lowercase);
        let after = peek(s, k + 2);
        if let Some(word @ ("am" | "pm")) = word.as_deref()
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            && (1..=12).contains(&h)
        {
            h = match (word, h) {
                ("am", 12) => 0,
                ("pm", h) if h < 12 => h + 12,
                (_, h) => h,
            };
            j = k + 2;
        }
    }
    let time = (h, m, sec);
    valid_time(time).then_some((time, j))
}

/// `星期三`, `礼拜天`, `周五`, optionally in parentheses; returns the position after it.
fn weekday(s: &str, i: usize) -> Option<usize> {
    let (open, mut j) = match eat(s, i, |c| c == '(' || c == '（') {
        Some(k) => (true, k),
        None => (false, i),
    };
    let word = ["星期", "礼拜", "周"]
        .into_iter()
        .find(|w| s[j..].starts_with(w))?;
    j = eat(s, j + word.len(), |c| "一二三四五六日天".contains(c))?;
    if open {
        j = eat(s, j, |c| c == ')' || c == '）')?;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn d(year: i32, month: u32, day: u32) -> PublishedAt {
        PublishedAt {
            year,
            month,
            day,
            time: None,
        }
    }
    const fn dt(year: i32, month: u32, day: u32, h: u32, m: u32, s: Option<u32>) -> PublishedAt {
        PublishedAt {
            year,
            month,
            day,
            time: Some((h, m, s)),
        }
    }

    /// (input, what `parse_date` must return)
    const PARSE_CASES: &[(&str, Option<PublishedAt>)] = &[
        ("2017-09-27", Some(d(2017, 9, 27))),
        ("2017-9-27", Some(d(2017, 9, 27))),
        ("2017-9-7", Some(d(2017, 9, 7))),
        ("2017/09/27 10:30", Some(dt(2017, 9, 27, 10, 30, None))),
        ("2017.09.27", Some(d(2017, 9, 27))),
        ("2017_09_27", Some(d(2017, 9, 27))),
        ("2017年9月27日", Some(d(2017, 9, 27))),
        (
            "2017年09月27日 10时30分",
            Some(dt(2017, 9, 27, 10, 30, None)),
        ),
        (
            "2017年9月27日 10:30:15",
            Some(dt(2017, 9, 27, 10, 30, Some(15))),
        ),
        (
            "2017年9月27日 10时30分15秒",
            Some(dt(2017, 9, 27, 10, 30, Some(15))),
        ),
        ("2017年9月27日10点05分", Some(dt(2017, 9, 27, 10, 5, None))),
        ("2017 年 9 月 27 日", Some(d(2017, 9, 27))),
        ("2017年9月27号", Some(d(2017, 9, 27))),
        ("2017年9月27", Some(d(2017, 9, 27))),
        ("二〇一七年九月二十七日", Some(d(2017, 9, 27))),
        ("二零一七年十二月三十一日", Some(d(2017, 12, 31))),
        ("二○○八年八月八日", Some(d(2008, 8, 8))),
        ("二OO五年十月十日", Some(d(2005, 10, 10))),
        ("二〇二〇年二月廿九日", Some(d(2020, 2, 29))),
        ("二〇一九年十一月卅日", Some(d(2019, 11, 30))),
        ("2017年九月二十七日", Some(d(2017, 9, 27))),
        ("２０１７－０９－２７", Some(d(2017, 9, 27))),
        (
            "２０１７年９月２７日　１０：３０",
            Some(dt(2017, 9, 27, 10, 30, None)),
        ),
        ("2017-09-27 10：30", Some(dt(2017, 9, 27, 10, 30, None))),
        ("2017-09-27  10:30", Some(dt(2017, 9, 27, 10, 30, None))),
        (
            "2017-09-27\u{3000}\u{a0}10:30",
            Some(dt(2017, 9, 27, 10, 30, None)),
        ),
        (
            "2017-09-27T10:30:00+08:00",
            Some(dt(2017, 9, 27, 10, 30, Some(0))),
        ),
        (
            "2017-09-27T02:30:00.250Z",
            Some(dt(2017, 9, 27, 2, 30, Some(0))),
        ),
        ("2017-09-27T10:30", Some(dt(2017, 9, 27, 10, 30, None))),
        ("20170927", Some(d(2017, 9, 27))),
        ("20170927 08:15", Some(dt(2017, 9, 27, 8, 15, None))),
        ("  \u{3000}\u{a0}2017-09-27 发布", Some(d(2017, 9, 27))),
        ("2019年06月15日08:18", Some(dt(2019, 6, 15, 8, 18, None))),
        (
            "2017年9月27日 星期三 10:30",
            Some(dt(2017, 9, 27, 10, 30, None)),
        ),
        (
            "2017年9月27日（周三）下午3:05",
            Some(dt(2017, 9, 27, 15, 5, None)),
        ),
        ("2017年9月27日 上午9:00", Some(dt(2017, 9, 27, 9, 0, None))),
        ("2019-9-5 9:38:01 PM", Some(dt(2019, 9, 5, 21, 38, Some(1)))),
        ("2019-9-5 12:10 am", Some(dt(2019, 9, 5, 0, 10, None))),
        ("2016-02-29", Some(d(2016, 2, 29))),
        ("2000-02-29", Some(d(2000, 2, 29))),
        ("1980-01-01", Some(d(1980, 1, 1))),
        ("2100-12-31", Some(d(2100, 12, 31))),
        // invalid time: the date stands alone
        ("2017-09-27 25:10", Some(d(2017, 9, 27))),
        ("2017-09-27 10:61", Some(d(2017, 9, 27))),
        ("2017-09-27 10:305", Some(d(2017, 9, 27))),
        (
            "2017-09-27 10:30-12:00",
            Some(dt(2017, 9, 27, 10, 30, None)),
        ),
        ("2017-09-27,10:30", Some(d(2017, 9, 27))),
        // not dates
        ("2017-09", None),
        ("2017年9月", None),
        ("17-09-27", None),
        ("2017-13-01", None),
        ("2017-00-10", None),
        ("2017-09-31", None),
        ("2017-02-29", None),
        ("1900-02-29", None),
        ("1979-12-31", None),
        ("2101-01-01", None),
        ("2017-09-271", None),
        ("12017-09-27", None),
        ("2017-009-27", None),
        ("2017-09/27", None),
        ("2017/09-27", None),
        ("201709271", None),
        ("2017092", None),
        ("二〇一七年九月", None),
        ("一七年九月二十七日", None),
        ("发布时间：2017-09-27", None),
        ("", None),
    ];

    #[test]
    fn parse_date_cases() {
        for (i, (input, want)) in PARSE_CASES.iter().enumerate() {
            assert_eq!(parse_date(input), *want, "case {i}: {input:?}");
        }
    }

    /// (input, found date, matched text)
    const FIND_CASES: &[(&str, Option<(PublishedAt, &str)>)] = &[
        (
            "发布时间：2017-09-27 | 作者：林",
            Some((d(2017, 9, 27), "2017-09-27")),
        ),
        (
            "更新于 2020/3/8 14:05:09 ，阅读 12",
            Some((dt(2020, 3, 8, 14, 5, Some(9)), "2020/3/8 14:05:09")),
        ),
        (
            "电话 022-23501234 日期 2018-06-01",
            Some((d(2018, 6, 1), "2018-06-01")),
        ),
        (
            "编号 123456789012 发布 2018.6.1",
            Some((d(2018, 6, 1), "2018.6.1")),
        ),
        (
            "单号12017-09-27与2019-01-02",
            Some((d(2019, 1, 2), "2019-01-02")),
        ),
        (
            "无效 2017-02-30 有效 2017-03-01",
            Some((d(2017, 3, 1), "2017-03-01")),
        ),
        (
            "共 1999 人，2019-05-18 举行",
            Some((d(2019, 5, 18), "2019-05-18")),
        ),
        ("青松日报20250526第1版", Some((d(2025, 5, 26), "20250526"))),
        (
            "ID 2025052612 备用 20250527",
            Some((d(2025, 5, 27), "20250527")),
        ),
        (
            "落款：二〇一九年三月六日印发",
            Some((d(2019, 3, 6), "二〇一九年三月六日")),
        ),
        ("第一二〇一九年三月六日", None),
        (
            "　　时间：2019年5月18日 上午9:30 地点：礼堂",
            Some((dt(2019, 5, 18, 9, 30, None), "2019年5月18日 上午9:30")),
        ),
        (
            "<meta content=\"2017-09-27T10:30:00+08:00\">",
            Some((
                dt(2017, 9, 27, 10, 30, Some(0)),
                "2017-09-27T10:30:00+08:00",
            )),
        ),
        ("版本 1.2.3 发布", None),
        ("成绩 85.5 分", None),
        ("2017-09 月报", None),
        ("", None),
    ];

    #[test]
    fn find_date_cases() {
        for (i, (input, want)) in FIND_CASES.iter().enumerate() {
            let got = find_date(input).map(|(date, r)| (date, &input[r]));
            assert_eq!(got, *want, "case {i}: {input:?}");
        }
    }

    #[test]
    fn prefix_range_and_offset() {
        let m = parse_date_prefix("  2017-09-27T10:30:00-05:00 后").unwrap();
        assert_eq!(m.range, 2..27);
        assert_eq!(m.offset, Some(UtcOffset(-300)));
        let m = parse_date_prefix("2017-09-27T10:30Z").unwrap();
        assert_eq!(m.offset, Some(UtcOffset(0)));
        assert_eq!(parse_date_prefix("2017-09-27 10:30").unwrap().offset, None);
    }

    const OFFSET_CASES: &[(&str, Option<i32>)] = &[
        ("+08:00", Some(480)),
        ("+0800", Some(480)),
        ("+8", Some(480)),
        ("+08", Some(480)),
        ("-05:00", Some(-300)),
        ("+05:30", Some(330)),
        ("+5:30", Some(330)),
        ("UTC", Some(0)),
        ("utc", Some(0)),
        ("Z", Some(0)),
        ("GMT", Some(0)),
        ("GMT+8", Some(480)),
        ("UTC+08:00", Some(480)),
        ("UTC-3", Some(-180)),
        (" Asia/Shanghai ", Some(480)),
        ("asia/chongqing", Some(480)),
        ("Asia/Harbin", Some(480)),
        ("Asia/Urumqi", Some(480)),
        ("Asia/Hong_Kong", Some(480)),
        ("Asia/Macau", Some(480)),
        ("Asia/Taipei", Some(480)),
        ("Asia/Tokyo", Some(540)),
        ("Etc/UTC", Some(0)),
        ("CST", None),
        ("Europe/Nowhere", None),
        ("+25:00", None),
        ("+08:60", None),
        ("+080", None),
        ("08:00", None),
        ("+08:00x", None),
        ("", None),
    ];

    #[test]
    fn utc_offset_cases() {
        for (i, (input, want)) in OFFSET_CASES.iter().enumerate() {
            assert_eq!(
                UtcOffset::parse(input),
                want.map(UtcOffset),
                "case {i}: {input:?}"
            );
        }
    }

    const ISO_CASES: &[(PublishedAt, i32, &str)] = &[
        (d(2017, 9, 27), 480, "2017-09-27"),
        (
            dt(2017, 9, 27, 10, 30, None),
            480,
            "2017-09-27T10:30:00+08:00",
        ),
        (
            dt(2017, 9, 27, 10, 30, Some(15)),
            480,
            "2017-09-27T10:30:15+08:00",
        ),
        (
            dt(2017, 1, 2, 3, 4, Some(5)),
            -300,
            "2017-01-02T03:04:05-05:00",
        ),
        (dt(2017, 1, 2, 0, 0, None), 0, "2017-01-02T00:00:00+00:00"),
        (
            dt(2017, 1, 2, 23, 59, Some(59)),
            330,
            "2017-01-02T23:59:59+05:30",
        ),
    ];

    #[test]
    fn to_iso_cases() {
        for (i, (date, offset, want)) in ISO_CASES.iter().enumerate() {
            assert_eq!(date.to_iso(UtcOffset(*offset)), *want, "case {i}");
        }
    }

    #[test]
    fn find_date_is_linear_on_long_text() {
        let mut text = "一二三四五六七八九十 0123456789 2017-13-45 ".repeat(20_000);
        text.push_str("2018-06-01");
        let found = crate::test_cpu::within(std::time::Duration::from_secs(2), || find_date(&text));
        let (date, _) = found.unwrap();
        assert_eq!(date, d(2018, 6, 1));
    }
}
