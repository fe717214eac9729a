//! Text folding shared by every stage that shows text: whitespace runs (ASCII, U+3000, U+00A0, full-width spaces)
//! become one ASCII space; values are trimmed; an empty value is `None`. Bodies are never NFKC-normalized, which
//! would rewrite full-width punctuation.

/// Whether `c` is whitespace on legacy pages: Unicode whitespace plus U+3000, U+00A0 and zero-width characters.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{b}';
    }
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}')
}

/// Characters that render as nothing (soft hyphen, zero-width joiners, word joiner, BOM): dropped from text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Fold whitespace runs into single ASCII spaces and trim both ends.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// [`fold`] `s` onto the end of `out`.
pub fn fold_into(out: &mut String, s: &str) {
    let start = out.len();
    let mut pending_space = false;
    // The run of visible characters being read, copied whole when it ends (not one character at a time).
    let mut run: Option<usize> = None;
    for (at, c) in s.char_indices() {
        let invisible = is_invisible(c);
        if !invisible && !is_space(c) {
            if run.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run = Some(at);
            }
            continue;
        }
        if let Some(from) = run.take() {
            out.push_str(&s[from..at]);
        }
        if !invisible {
            pending_space = out.len() > start;
        }
    }
    if let Some(from) = run {
        out.push_str(&s[from..]);
    }
}

/// Folded text without stray separators at its ends, or `None` when nothing else is left. A bracket that
/// opens or closes a pair inside the value is not stray: `【组图】初雪` keeps its 【.
pub fn non_empty(s: &str) -> Option<String> {
    let folded = fold(s);
    let mut v = folded.as_str();
    loop {
        let before = v.len();
        if let Some(c) = v.chars().next()
            && (c == ' ' || (is_separator(c) && !closes_later(c, &v[c.len_utf8()..])))
        {
            v = &v[c.len_utf8()..];
        }
        if let Some(c) = v.chars().next_back()
            && (c == ' ' || (is_separator(c) && !opens_earlier(c, &v[..v.len() - c.len_utf8()])))
        {
            v = &v[..v.len() - c.len_utf8()];
        }
        if v.len() == before {
            break;
        }
    }
    (!v.is_empty()).then(|| v.to_string())
}

/// An opening bracket whose partner follows in `rest`.
fn closes_later(open: char, rest: &str) -> bool {
    partner(open).is_some_and(|(o, c)| o == open && rest.contains(c))
}

/// A closing bracket whose partner precedes in `head`.
fn opens_earlier(close: char, head: &str) -> bool {
    partner(close).is_some_and(|(o, c)| c == close && head.contains(o))
}

fn partner(c: char) -> Option<(char, char)> {
    [('【', '】'), ('[', ']'), ('〔', '〕')]
        .into_iter()
        .find(|(o, cl)| *o == c || *cl == c)
}

/// Separators that legacy metadata lines put between fields and that never belong to a value's ends.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '｜' | '丨' | '│' | '·' | '•' | ':' | '：' | '【' | '】' | '[' | ']' | '〔' | '〕'
    )
}

/// Whether a line reads as a sentence (Chinese comma or full stop, or an ASCII sentence end).
pub fn is_sentence(line: &str) -> bool {
    line.contains(['。', '，', '；']) || line.contains(". ") || line.ends_with('.')
}

/// Whether a line opens with the number of an item in a numbered sequence — `2.2现场选座`, `3、离馆`,
/// `四、联系我们`, `六 、`, `（二）`, `(3)`, `①` — the way a document numbers its own sections and points. A closing
/// note (a follow-us prompt, an editor's credit) is never numbered; a year (`2024.06`) is not an item number.
pub fn opens_with_item_number(line: &str) -> bool {
    const CJK_NUMERALS: &str = "一二三四五六七八九十";
    let line = line.trim_start_matches(is_space);
    let mut chars = line.chars().peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if ('①'..='⑳').contains(&first) {
        return true;
    }
    if matches!(first, '（' | '(') {
        let inner: String = chars
            .by_ref()
            .take_while(|c| !matches!(c, '）' | ')'))
            .collect();
        let count = inner.chars().count();
        return (1..=3).contains(&count)
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || CJK_NUMERALS.contains(c));
    }
    let arabic = first.is_ascii_digit();
    if !arabic && !CJK_NUMERALS.contains(first) {
        return false;
    }
    let mut digits = 1;
    while let Some(&c) = chars.peek() {
        let same_kind = if arabic {
            c.is_ascii_digit()
        } else {
            CJK_NUMERALS.contains(c)
        };
        if !same_kind {
            break;
        }
        digits += 1;
        chars.next();
    }
    while chars.peek().is_some_and(|c| is_space(*c)) {
        chars.next();
    }
    let Some(mark) = chars.next() else {
        return false;
    };
    digits <= 2
        && if arabic {
            matches!(mark, '.' | '．' | '、' | ')' | '）')
        } else {
            mark == '、'
        }
}

/// Count of characters that are not whitespace.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|c| !is_space(*c)).count()
}

/// Whether `c` is sentence punctuation — a sign of prose rather than navigation. Colons and quotes are left
/// out: they mark labels (`来源：`) and headlines as often as sentences.
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';' | '!' | '?'
    )
}

/// Whether `c` is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_open_numbered_points_not_years_or_sentences() {
        for line in [
            "2.2现场选座：利用…",
            "3、离馆",
            "四、联系我们",
            "六 、联系我们",
            "（二）报名方式",
            "(3) 材料",
            "①择业期",
            "10. 其他",
        ] {
            assert!(opens_with_item_number(line), "{line}");
        }
        for line in [
            "2024.06.17 发布",
            "三月的校园",
            "扫描二维码关注",
            "十分感谢",
            "(本文来源：新华社)",
            "123. 太长",
        ] {
            assert!(!opens_with_item_number(line), "{line}");
        }
    }

    #[test]
    fn folds_legacy_whitespace() {
        let cases = [
            ("\u{3000}\u{3000}科协工作  会议\n召开", "科协工作 会议 召开"),
            ("&nbsp;\u{a0}\u{a0}a\tb", "&nbsp; a b"),
            ("   ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }

    /// Folding by runs gives what folding one character at a time gives.
    #[test]
    fn folds_as_one_character_at_a_time() {
        let by_char = |s: &str| {
            let mut out = String::new();
            let mut pending_space = false;
            for c in s.chars() {
                if is_invisible(c) {
                    continue;
                }
                if is_space(c) {
                    pending_space = !out.is_empty();
                } else {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(c);
                }
            }
            out
        };
        for s in [
            "",
            " ",
            "a",
            "\u{ad}",
            "a\u{ad}b",
            "a \u{ad}b",
            " \u{ad} a ",
            "\u{3000}\u{3000}科协工作  会议\n召开\u{200b}",
            "x\u{feff} \u{a0}y\t",
            "\u{200b}\u{200b}  \u{200b}z",
        ] {
            assert_eq!(fold(s), by_char(s), "{s:?}");
        }
    }

    #[test]
    fn empty_values_are_none() {
        assert_eq!(non_empty("  | "), None);
        assert_eq!(non_empty("\u{3000}"), None);
        assert_eq!(non_empty(" 张三 |"), Some("张三".to_string()));
        assert_eq!(
            non_empty("【组图】初雪 |"),
            Some("【组图】初雪".to_string())
        );
        assert_eq!(non_empty("【张三"), Some("张三".to_string()));
    }
}
