//! What is wrong with a regular expression or a CSS selector the user wrote (a mapping's key, `--include`,
//! `--exclude`): said by its kind, and where in the pattern when the parser says, in the interface language —
//! so the message is understood without the parser's English words, which follow it as a quoted detail.

use crate::i18n::{FluentValue, Lang, tr_in};

/// A syntax problem in a pattern: its kind (a message id), its place and the parser's own words. Boxed, so
/// the error that holds it stays small enough to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem(Box<Problem>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    /// The message that explains the kind (`syntax-regex-group-unclosed`).
    id: &'static str,
    /// The 1-based character of the pattern where the parser found it, when it says.
    at: Option<u32>,
    /// The parser's own words, on one line (English); empty when they would add nothing.
    words: Box<str>,
}

impl SyntaxProblem {
    fn new(id: &'static str, at: Option<u32>, words: Box<str>) -> SyntaxProblem {
        SyntaxProblem(Box::new(Problem { id, at, words }))
    }

    /// Why `pattern` is no regex: `e` is what `Regex::new(pattern)` said; the kind and place come from parsing
    /// the pattern again with regex-syntax (which `Regex::new` uses, with the same defaults).
    pub fn regex(pattern: &str, e: &regex::Error) -> SyntaxProblem {
        use regex_syntax::Error as E;
        let column = |offset: usize| {
            let before = pattern.get(..offset)?;
            u32::try_from(before.chars().count() + 1).ok()
        };
        match regex_syntax::Parser::new().parse(pattern) {
            Err(E::Parse(e)) => SyntaxProblem::new(
                ast_kind(e.kind()),
                column(e.span().start.offset),
                e.kind().to_string().into(),
            ),
            Err(E::Translate(e)) => SyntaxProblem::new(
                hir_kind(e.kind()),
                column(e.span().start.offset),
                e.kind().to_string().into(),
            ),
            _ => SyntaxProblem::new(
                match e {
                    regex::Error::CompiledTooBig(_) => "syntax-regex-too-big",
                    _ => "syntax-regex-other",
                },
                None,
                e.to_string().lines().last().unwrap_or("").into(),
            ),
        }
    }

    /// A `[patterns]` regex without the `value` group its field's value is taken from.
    pub fn no_value_group() -> SyntaxProblem {
        SyntaxProblem::new("syntax-regex-no-value-group", None, "".into())
    }

    /// Why a text is no CSS selector: what `Selector::parse` said (scraper gives no place).
    pub fn selector(e: &scraper::error::SelectorErrorKind) -> SyntaxProblem {
        use scraper::error::SelectorErrorKind as K;
        let id = match e {
            K::EndOfLine => "syntax-css-unfinished",
            K::UnexpectedToken => "syntax-css-unexpected",
            K::ExpectedColonOnPseudoElement | K::ExpectedIdentityOnPseudoElement => {
                "syntax-css-pseudo"
            }
            // selectors' own kinds, which scraper does not re-export: told apart by their names.
            K::UnexpectedSelectorParseError(kind) => match format!("{kind:?}").as_str() {
                "EmptySelector" => "syntax-css-empty",
                "DanglingCombinator" => "syntax-css-dangling",
                "ClassNeedsIdent" => "syntax-css-class",
                "NoIdentForPseudo"
                | "UnsupportedPseudoClassOrElement"
                | "PseudoElementExpectedColon"
                | "PseudoElementExpectedIdent" => "syntax-css-pseudo",
                "NoQualifiedNameInAttributeSelector"
                | "UnexpectedTokenInAttributeSelector"
                | "ExpectedBarInAttr"
                | "BadValueInAttr"
                | "InvalidQualNameInAttr" => "syntax-css-attribute",
                _ => "syntax-css-other",
            },
            _ => "syntax-css-other",
        };
        // scraper words selectors' kinds as its own bug ("Unexpected error occurred. Please report this to the
        // developer\nDanglingCombinator"): keep only the kind's name.
        let words = e.to_string();
        let words = words.lines().last().unwrap_or("").trim().into();
        SyntaxProblem::new(id, None, words)
    }

    /// The problem in the interface language.
    pub fn localized(&self) -> String {
        self.text_in(crate::i18n::lang())
    }

    /// The problem in `lang`: what is wrong, where, then the parser's words.
    pub fn text_in(&self, lang: Lang) -> String {
        let what = tr_in(lang, self.0.id, &[]);
        let what = match self.0.at {
            Some(at) => tr_in(
                lang,
                "syntax-at",
                &[
                    ("problem", FluentValue::from(what)),
                    ("at", FluentValue::from(at)),
                ],
            ),
            None => what,
        };
        if self.0.words.is_empty() {
            return what;
        }
        let parser = if self.0.id.starts_with("syntax-css") {
            "syntax-parser-css"
        } else {
            "syntax-parser-regex"
        };
        tr_in(
            lang,
            "syntax-with-words",
            &[
                ("problem", FluentValue::from(what)),
                ("parser", FluentValue::from(tr_in(lang, parser, &[]))),
                ("words", FluentValue::from(&*self.0.words)),
            ],
        )
    }
}

impl std::fmt::Display for SyntaxProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

/// The message for a regex-syntax parse error's kind.
fn ast_kind(kind: &regex_syntax::ast::ErrorKind) -> &'static str {
    use regex_syntax::ast::ErrorKind as K;
    match kind {
        K::GroupUnclosed => "syntax-regex-group-unclosed",
        K::GroupUnopened => "syntax-regex-group-unopened",
        K::ClassUnclosed => "syntax-regex-class-unclosed",
        K::ClassRangeInvalid | K::ClassRangeLiteral | K::ClassEscapeInvalid => {
            "syntax-regex-class-range"
        }
        K::RepetitionMissing => "syntax-regex-repetition-missing",
        K::RepetitionCountInvalid
        | K::RepetitionCountDecimalEmpty
        | K::RepetitionCountUnclosed
        | K::DecimalEmpty
        | K::DecimalInvalid
        | K::SpecialWordOrRepetitionUnexpectedEof => "syntax-regex-repetition-count",
        K::EscapeUnexpectedEof => "syntax-regex-escape-end",
        K::EscapeUnrecognized
        | K::EscapeHexEmpty
        | K::EscapeHexInvalid
        | K::EscapeHexInvalidDigit
        | K::SpecialWordBoundaryUnclosed
        | K::SpecialWordBoundaryUnrecognized => "syntax-regex-escape",
        K::UnsupportedLookAround => "syntax-regex-look-around",
        K::UnsupportedBackreference => "syntax-regex-backreference",
        K::GroupNameDuplicate { .. }
        | K::GroupNameEmpty
        | K::GroupNameInvalid
        | K::GroupNameUnexpectedEof => "syntax-regex-group-name",
        K::FlagDanglingNegation
        | K::FlagDuplicate { .. }
        | K::FlagRepeatedNegation { .. }
        | K::FlagUnexpectedEof
        | K::FlagUnrecognized => "syntax-regex-flag",
        K::UnicodeClassInvalid => "syntax-regex-unicode-class",
        K::NestLimitExceeded(_) | K::CaptureLimitExceeded => "syntax-regex-too-big",
        _ => "syntax-regex-other",
    }
}

/// The message for a regex-syntax translation error's kind.
fn hir_kind(kind: &regex_syntax::hir::ErrorKind) -> &'static str {
    use regex_syntax::hir::ErrorKind as K;
    match kind {
        K::UnicodePropertyNotFound
        | K::UnicodePropertyValueNotFound
        | K::UnicodePerlClassNotFound => "syntax-regex-unicode-class",
        _ => "syntax-regex-other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regex(pattern: &str) -> SyntaxProblem {
        let e = regex::Regex::new(pattern).expect_err(pattern);
        SyntaxProblem::regex(pattern, &e)
    }

    fn selector(css: &str) -> SyntaxProblem {
        let e = scraper::Selector::parse(css).expect_err(css);
        SyntaxProblem::selector(&e)
    }

    /// Each kind's message, in both languages: (problem, its message, a piece of the English and of the
    /// Chinese text). The place is the character of the pattern, counted in characters (发布 are two).
    #[test]
    fn every_kind_said_in_both_languages() {
        let cases = [
            (
                regex("发布(abc"),
                "syntax-regex-group-unclosed",
                "at character 3, '(' is never closed by ')'; regex parser: \"unclosed group\"",
                "在第 3 个字符处，“(” 没有对应的 “)”（正则表达式解析器的英文原文：unclosed group）",
            ),
            (
                regex("abc)"),
                "syntax-regex-group-unopened",
                "')' has no '(' before it",
                "“)” 前面没有对应的 “(”",
            ),
            (
                regex("[abc"),
                "syntax-regex-class-unclosed",
                "'[' is never closed by ']'",
                "“[” 没有对应的 “]”",
            ),
            (
                regex("[z-a]"),
                "syntax-regex-class-range",
                "a range in [...] runs backwards",
                "[...] 中的范围写反了",
            ),
            (
                regex("*.pdf"),
                "syntax-regex-repetition-missing",
                "has nothing before it to repeat",
                "前面没有可以重复的内容",
            ),
            (
                regex("a{2"),
                "syntax-regex-repetition-count",
                "a count {n} or {n,m} is unfinished or not a number",
                "重复次数 {n} 或 {n,m} 没写完或不是数字",
            ),
            (
                regex("abc\\"),
                "syntax-regex-escape-end",
                "the pattern ends with a lone '\\'",
                "以单独的 “\\” 结尾",
            ),
            (
                regex("\\y"),
                "syntax-regex-escape",
                "'\\' is followed by a character that is no escape",
                "“\\” 后面的字符不是可用的转义",
            ),
            (
                regex("a(?=b)"),
                "syntax-regex-look-around",
                "look-around",
                "不支持环视",
            ),
            (
                regex("(a)\\1"),
                "syntax-regex-backreference",
                "back-references",
                "不支持反向引用",
            ),
            (
                regex("(?P<v>a)(?P<v>b)"),
                "syntax-regex-group-name",
                "a group's name",
                "分组名",
            ),
            (
                regex("(?z)a"),
                "syntax-regex-flag",
                "a flag in (?...)",
                "(?...) 中的标志",
            ),
            (
                regex("\\p{Hanzi}"),
                "syntax-regex-unicode-class",
                "names no Unicode class",
                "不是已知的 Unicode 类别",
            ),
            (
                regex("a{1000}{1000}{1000}"),
                "syntax-regex-too-big",
                "too big",
                "太大",
            ),
            (
                SyntaxProblem::no_value_group(),
                "syntax-regex-no-value-group",
                "has no named group 'value'",
                "没有名为 value 的捕获组",
            ),
            (
                selector("h1["),
                "syntax-css-unfinished",
                "the selector ends too early",
                "选择器没有写完",
            ),
            (
                selector("div]"),
                "syntax-css-unexpected",
                "a character is out of place",
                "有一个字符放错了位置",
            ),
            (
                selector("a:hovering"),
                "syntax-css-pseudo",
                "pseudo-class",
                "伪类",
            ),
            (
                selector("[=x]"),
                "syntax-css-attribute",
                "[...] is no attribute test",
                "[...] 不是有效的属性条件",
            ),
            (
                selector("div..a"),
                "syntax-css-class",
                "'.' is not followed by a class name",
                "“.” 后面缺少类名",
            ),
            (
                selector("#1"),
                "syntax-css-empty",
                "selects nothing",
                "什么也选不到",
            ),
            (
                selector("div >"),
                "syntax-css-dangling",
                "has no selector after it",
                "后面缺少选择器",
            ),
            (
                selector("a[href|x]"),
                "syntax-css-other",
                "the CSS syntax is not valid; CSS parser: \"ExpectedNamespace\"",
                "CSS 语法无效（CSS 选择器解析器的英文原文：ExpectedNamespace）",
            ),
            // No pattern the parser rejects is left for this one (a kind regex-syntax may add).
            (
                SyntaxProblem::new("syntax-regex-other", Some(2), "new kind".into()),
                "syntax-regex-other",
                "at character 2, the regular expression is not valid; regex parser: \"new kind\"",
                "在第 2 个字符处，正则表达式无效（正则表达式解析器的英文原文：new kind）",
            ),
        ];
        for (problem, id, en, zh) in cases {
            assert_eq!(problem.0.id, id, "{problem:?}");
            let (in_en, in_zh) = (problem.text_in(Lang::En), problem.text_in(Lang::Zh));
            assert!(in_en.contains(en), "want {en:?} in {in_en:?}");
            assert!(in_zh.contains(zh), "want {zh:?} in {in_zh:?}");
            assert_eq!(problem.to_string(), in_en);
        }
    }
}
