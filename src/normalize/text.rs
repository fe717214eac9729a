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

/// How a character of text reads: shown, folded into a space ([`is_space`]), or dropped ([`is_invisible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    Visible,
    Space,
    Invisible,
}

/// Lead bytes of the three-byte characters U+4000–U+DFFF (CJK ideographs, Yi, Hangul): every one is visible and
/// none is sentence punctuation, so text is read past them without decoding (most of a Chinese page).
const PLAIN_THREE_BYTE_LEADS: std::ops::RangeInclusive<u8> = 0xE4..=0xED;

/// The character that starts at byte `at` of `s` (a character boundary): its length in bytes, its class and
/// whether it is sentence punctuation ([`is_punct`]). ASCII and the characters of [`PLAIN_THREE_BYTE_LEADS`]
/// are read by their first byte; others are decoded.
// Always inlined: it runs once per character of every text read, and called out of line (the compiler's choice
// with a plain `#[inline]`) its tuple and the call cost 155 M instructions over corpus/nku.
#[inline(always)]
pub fn char_at(s: &str, at: usize) -> (usize, CharClass, bool) {
    let b = s.as_bytes()[at];
    if b.is_ascii() {
        let class = if b.is_ascii_whitespace() || b == 0x0b {
            CharClass::Space
        } else {
            CharClass::Visible
        };
        return (1, class, matches!(b, b',' | b';' | b'!' | b'?'));
    }
    if PLAIN_THREE_BYTE_LEADS.contains(&b) {
        return (3, CharClass::Visible, false);
    }
    let c = s[at..].chars().next().unwrap_or_default();
    (c.len_utf8(), class_of(c), is_punct(c))
}

/// A decoded character's [`CharClass`]: what [`char_at`] reads off the first byte where that says enough.
fn class_of(c: char) -> CharClass {
    if is_invisible(c) {
        CharClass::Invisible
    } else if is_space(c) {
        CharClass::Space
    } else {
        CharClass::Visible
    }
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
    let mut at = 0;
    while at < s.len() {
        let (len, class, _) = char_at(s, at);
        if class == CharClass::Visible {
            if run.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run = Some(at);
            }
        } else {
            if let Some(from) = run.take() {
                out.push_str(&s[from..at]);
            }
            if class == CharClass::Space {
                pending_space = out.len() > start;
            }
        }
        at += len;
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
    let (mut at, mut count) = (0, 0);
    while at < s.len() {
        let (len, class, _) = char_at(s, at);
        count += usize::from(class != CharClass::Space);
        at += len;
    }
    count
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

    /// The byte-level reading gives every character's class and punctuation as decoding it would, in every
    /// range of lead bytes.
    #[test]
    fn char_at_reads_as_decoding_does() {
        let text = "a ,;!?\t\u{b}\u{c}é\u{a0}\u{ad}\u{85}\u{1680}\u{2000}\u{200b}\u{2060}\u{3000}、。\u{3400}\u{4dc0}\
                    一鿿\u{a000}가힣\u{e000}\u{feff}，；！？\u{ff01}\u{20000}😀";
        let mut at = 0;
        for c in text.chars() {
            let (len, class, punct) = char_at(text, at);
            assert_eq!(
                (len, class, punct),
                (c.len_utf8(), class_of(c), is_punct(c)),
                "{c:?}"
            );
            at += len;
        }
        assert_eq!(
            visible_len(text),
            text.chars().filter(|c| !is_space(*c)).count()
        );
    }

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
