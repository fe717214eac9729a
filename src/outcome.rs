//! What happened to one page, as values: a [`PageOutcome`] is a record, a [`SkipReason`] or a [`FailReason`]
//! (its [`OutcomeKind`] names which, for the job store and the counts of `status`).
//! Consumers (the job store, the mirror's merge pass, the summary, the site model) match on the variants, so the
//! compiler checks each of them when a reason is added; the English text of a reason is its `Display`, which is
//! what the job store and the JSON summary keep. Text read back from a store is parsed once, here, by `FromStr`:
//! a text that no variant writes exactly (an older wording) falls back to the variant that carries words.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::i18n::{self, FluentValue, Lang};
use crate::record::Record;
use crate::scope::ScopeRule;

mod kind;

pub use kind::OutcomeKind;

/// What happened to one page. Outcomes are data: a failed page is counted and reported, never propagated.
#[derive(Debug, Clone)]
pub enum PageOutcome {
    Extracted(Box<Record>),
    Skipped(SkipReason),
    Failed(FailReason),
}

/// Why a page yields no record although nothing went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// The file holds nothing but whitespace.
    Empty,
    /// A later part of an article whose first part (this file name) is among the inputs: merged into it.
    Continuation(String),
    /// A crawl's list page (it matches `crawl.follow`): its links are followed, it is not exported.
    ListPage,
    /// The extractor or the mapping found no article; their words.
    NotArticle(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => EMPTY.write(f, &[]),
            SkipReason::Continuation(head) => CONTINUATION.write(f, &[head]),
            SkipReason::ListPage => LIST_PAGE.write(f, &[]),
            SkipReason::NotArticle(why) => f.write_str(why),
        }
    }
}

impl SkipReason {
    /// Whether the page was judged not to be an article (empty files and merged continuations are not).
    pub fn is_not_article(&self) -> bool {
        matches!(self, SkipReason::ListPage | SkipReason::NotArticle(_))
    }
}

impl FromStr for SkipReason {
    type Err = Infallible;

    fn from_str(s: &str) -> Result<Self, Infallible> {
        let known = match CONTINUATION.parts(s).as_deref() {
            Some([head]) => SkipReason::Continuation(head.to_string()),
            _ if EMPTY.parts(s).is_some() => SkipReason::Empty,
            _ if LIST_PAGE.parts(s).is_some() => SkipReason::ListPage,
            _ => SkipReason::NotArticle(s.to_string()),
        };
        Ok(known)
    }
}

/// Why a page could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FailReason {
    /// The extractor panicked on this page (the panic's message); the other pages are unaffected.
    Internal(String),
    /// Larger than the limit (bytes, and the limit in bytes).
    TooLarge { bytes: u64, max: usize },
    /// Not an HTML page: the kind of binary content recognised.
    Binary(String),
    /// Tags nested about this deep, over the limit of the same name in the pipeline.
    TooDeep { depth: usize, limit: usize },
    /// The file could not be read (the I/O error).
    Unreadable(String),
    /// A reason in words: the extractor's refusals, inputs the source could not list, texts read back from a
    /// store that no other variant writes exactly.
    Other(String),
}

impl fmt::Display for FailReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailReason::Internal(what) => INTERNAL.write(f, &[what]),
            FailReason::TooLarge { bytes, max } => TOO_LARGE.write(
                f,
                &[
                    &format_args!("{:.1}", *bytes as f64 / 1_048_576.0),
                    &format_args!("{:.0}", *max as f64 / 1_048_576.0),
                ],
            ),
            FailReason::Binary(kind) => BINARY.write(f, &[kind]),
            FailReason::TooDeep { depth, limit } => TOO_DEEP.write(f, &[depth, limit]),
            FailReason::Unreadable(e) => UNREADABLE.write(f, &[e]),
            FailReason::Other(why) => f.write_str(why),
        }
    }
}

impl FromStr for FailReason {
    type Err = Infallible;

    /// The variants whose text gives back their fields exactly; the others (sizes rounded to MB, numbers in
    /// prose) come back as [`FailReason::Other`] with the same text.
    fn from_str(s: &str) -> Result<Self, Infallible> {
        let known = if let Some([what]) = INTERNAL.parts(s).as_deref() {
            FailReason::Internal(what.to_string())
        } else if let Some([e]) = UNREADABLE.parts(s).as_deref() {
            FailReason::Unreadable(e.to_string())
        } else if let Some([kind]) = BINARY.parts(s).as_deref() {
            FailReason::Binary(kind.to_string())
        } else {
            FailReason::Other(s.to_string())
        };
        Ok(known)
    }
}

/// A reason's English text as pieces around its variable parts, and the message that says it for a person,
/// whose arguments are named after those parts. A variant's `Display` writes the pieces; `FromStr` and
/// [`localized`] find the parts in a stored text again, so the English words are spelled here only.
#[derive(Debug)]
pub(crate) struct Shape {
    /// The message id, in both message files.
    pub id: &'static str,
    /// One more piece than `args`: text, part, text, …, text.
    pub pieces: &'static [&'static str],
    pub args: &'static [&'static str],
}

impl Shape {
    /// The pieces with `values` between them (never after the last piece: a value a shape has no place for,
    /// such as the item count of a one-item list, is left out).
    pub fn write(&self, f: &mut fmt::Formatter<'_>, values: &[&dyn fmt::Display]) -> fmt::Result {
        for (i, piece) in self.pieces.iter().enumerate() {
            f.write_str(piece)?;
            if let Some(value) = values.get(i).filter(|_| i + 1 < self.pieces.len()) {
                write!(f, "{value}")?;
            }
        }
        Ok(())
    }

    /// The pieces with `values` between them, as a string.
    pub fn text(&self, values: &[&dyn fmt::Display]) -> String {
        struct Written<'a>(&'a Shape, &'a [&'a dyn fmt::Display]);
        impl fmt::Display for Written<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write(f, self.1)
            }
        }
        Written(self, values).to_string()
    }

    /// The variable parts of `text` when it has this shape, in order.
    pub fn parts<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let (first, rest) = self.pieces.split_first()?;
        let mut text = text.strip_prefix(first)?;
        if rest.is_empty() {
            return text.is_empty().then(Vec::new);
        }
        let mut parts = Vec::with_capacity(rest.len());
        for (i, piece) in rest.iter().enumerate() {
            if i + 1 == rest.len() {
                parts.push(text.strip_suffix(piece)?);
            } else {
                let at = text.find(piece)?;
                parts.push(&text[..at]);
                text = &text[at + piece.len()..];
            }
        }
        Some(parts)
    }

    /// The message in `lang` with `parts` as its arguments. Two argument names say what the part is: a
    /// `reason` is itself a stored text (a page kind's, a refusal's) and is shown [`localized_in`] `lang` too; a
    /// `field` is a record field's JSON key and is shown by its name for a person ([`i18n::field_in`]).
    fn say(&self, lang: Lang, parts: &[&str]) -> String {
        let args: Vec<(&str, FluentValue)> = self
            .args
            .iter()
            .zip(parts)
            .map(|(name, part)| {
                let value = match *name {
                    "reason" => localized_in(lang, part),
                    "field" => i18n::field_in(lang, part),
                    // A library's or the OS's words: an OS error among them is said in `lang` too.
                    _ => i18n::os_text_in(lang, part),
                };
                (*name, FluentValue::from(value))
            })
            .collect();
        i18n::tr_in(lang, self.id, &args)
    }
}

const EMPTY: Shape = Shape {
    id: "reason-empty-file",
    pieces: &["empty file"],
    args: &[],
};
/// A continuation page: the first part's name follows.
const CONTINUATION: Shape = Shape {
    id: "reason-continuation",
    pieces: &["continuation page: merged into ", ""],
    args: &["first"],
};
const LIST_PAGE: Shape = Shape {
    id: "reason-list-page",
    pieces: &["list page: matches crawl.follow, links followed, not exported"],
    args: &[],
};
const INTERNAL: Shape = Shape {
    id: "reason-internal",
    pieces: &[
        "internal error while extracting (",
        "); the other pages are unaffected — please report this page",
    ],
    args: &["what"],
};
const TOO_LARGE: Shape = Shape {
    id: "reason-too-large",
    pieces: &[
        "page too large (",
        " MB, over the ",
        " MB limit): raise --max-page-size (MB) to process it",
    ],
    args: &["size", "max"],
};
const BINARY: Shape = Shape {
    id: "reason-binary",
    pieces: &["binary content (", "), not an HTML page"],
    args: &["kind"],
};
const TOO_DEEP: Shape = Shape {
    id: "reason-too-deep",
    pieces: &[
        "nested too deep (tags about ",
        " levels deep, limit ",
        "): the page is broken or hostile; fix or remove it (parsing and extraction slow down quadratically \
         with depth)",
    ],
    args: &["depth", "limit"],
};
const UNREADABLE: Shape = Shape {
    id: "reason-unreadable",
    pieces: &["cannot read file: ", ""],
    args: &["error"],
};

/// Every reason whose text this crate writes from parts: the outcomes', the crawl's trap limits, the
/// extractor's page kinds, the records' warnings, the mapping's `[kinds]` declarations, the site model's
/// anomalies, the crawler's network failures, robots.txt and redirect reasons, and what is wrong with a job
/// folder.
fn shapes() -> impl Iterator<Item = &'static Shape> {
    const OUTCOMES: &[Shape] = &[
        EMPTY,
        CONTINUATION,
        LIST_PAGE,
        INTERNAL,
        TOO_LARGE,
        BINARY,
        TOO_DEEP,
        UNREADABLE,
    ];
    OUTCOMES
        .iter()
        .chain(crate::job::skips::SHAPES)
        .chain(module_shapes())
}

/// The reasons the stages write from parts (the extractor's page kinds, the records' warnings, the mapping's
/// declarations, the site model's anomalies, the network's failures, the job folder's faults).
fn module_shapes() -> impl Iterator<Item = &'static Shape> {
    crate::extract::generic::classify::SHAPES
        .iter()
        .chain(crate::warnings::SHAPES)
        .chain(crate::mapping::kinds::SHAPES)
        .chain(crate::mapping::SHAPES)
        .chain(crate::site::report::SHAPES)
        .chain(crate::source::http::SHAPES)
        .chain(crate::source::politeness::SHAPES)
        .chain(crate::crawl::fetch::SHAPES)
        .chain(crate::crawl::attachments::SHAPES)
        .chain(crate::scope::SHAPES)
        .chain(crate::job::SHAPES)
        .chain(crate::export::read::SHAPES)
        .chain(crate::handover::linkmap::SHAPES)
        .chain(crate::qa::SHAPES)
}

/// A reason as it is stored (the English text of the job store, the JSON summary and the report's data) in
/// the interface language, for a person to read: a reason this crate writes from parts, an HTTP status
/// ([`crate::source::status`]), an OS error ([`i18n::os_text_in`]). Other words — the extractor's, a library's
/// — come back as they are.
pub fn localized(text: &str) -> String {
    localized_in(i18n::lang(), text)
}

/// [`localized`] in `lang`.
pub fn localized_in(lang: Lang, text: &str) -> String {
    shapes()
        .find_map(|shape| Some(shape.say(lang, &shape.parts(text)?)))
        .or_else(|| crate::source::status::localized_in(lang, text))
        .unwrap_or_else(|| i18n::os_text_in(lang, text))
}

/// Group keys ([`crate::summary::reason_group`]: the summary's JSON keys too) and the messages that head their
/// groups for a person. A key ending in a space matches the keys it starts (their rest is the argument
/// `$rest`); the others match exactly.
const HEADINGS: &[(&str, &str)] = &[
    ("empty file", "group-empty-file"),
    ("continuation page", "group-continuation"),
    ("list page", "group-list-page"),
    ("frameset page", "group-frameset-page"),
    ("login page", "group-login-page"),
    ("error page", "group-error-page"),
    ("no article body found", "group-no-article-body"),
    ("no article text", "group-no-article-text"),
    ("internal error while extracting", "group-internal"),
    ("page too large", "group-too-large"),
    ("too large", "group-body-too-large"),
    ("binary content", "group-binary"),
    ("nested too deep", "group-too-deep"),
    ("cannot read file", "group-unreadable"),
    ("stored record unreadable", "group-stored-unreadable"),
    ("trap limit", "group-trap-limit"),
    ("attachment on another host", "group-attachment-other-host"),
    (
        "cannot create a file under attachments/",
        "group-attachment-no-file",
    ),
    ("redirected to ", "group-redirected"),
    ("unknown", "group-unknown"),
    // Network failures (crate::source::http).
    ("timeout", "group-timeout"),
    ("connection failed", "group-connect"),
    ("bad response body", "group-bad-body"),
    ("request failed", "group-request"),
    ("cannot store the response", "group-store"),
    ("not requested", "group-halted"),
    // The crawl's robots.txt, redirect and content-type reasons (crate::crawl::fetch).
    ("robots.txt", "group-robots"),
    ("robots.txt disallows it", "group-robots-disallows"),
    ("not an HTML page", "group-not-html"),
    ("bad redirect", "group-bad-redirect"),
    ("redirect loop", "group-redirect-loop"),
    ("too many redirects", "group-too-many-redirects"),
    ("redirect out of scope", "group-redirect-out-of-scope"),
    // A mapping's `[kinds]` declaration (crate::mapping::kinds).
    ("mapping", "group-mapping-declared"),
    // Record warnings, grouped the same way.
    ("merged part ", "group-merged-part"),
    ("mapping selector ", "group-mapping-selector"),
    ("not an article", "group-not-an-article"),
    (
        "kept as an article by the site model",
        "group-kept-by-model",
    ),
    ("no page URL", "group-no-page-url"),
];

/// A group's heading in the interface language: a scope rule's name, a known kind of reason, else the key.
pub fn group_heading(key: &str) -> String {
    group_heading_in(i18n::lang(), key)
}

/// [`group_heading`] in `lang`.
pub fn group_heading_in(lang: Lang, key: &str) -> String {
    if let Some(rule) = ScopeRule::ALL.into_iter().find(|r| r.label() == key) {
        return i18n::tr_in(lang, rule.message_id(), &[]);
    }
    HEADINGS
        .iter()
        .find_map(|(start, id)| {
            let rest = match start.strip_suffix(' ') {
                Some(_) => key.strip_prefix(start)?,
                None => (key == *start).then_some("")?,
            };
            Some(i18n::tr_in(lang, id, &[("rest", FluentValue::from(rest))]))
        })
        .or_else(|| crate::source::status::localized_in(lang, key))
        .or_else(|| {
            crate::warnings::GROUPS
                .iter()
                .find_map(|shape| Some(shape.say(lang, &shape.parts(key)?)))
        })
        .unwrap_or_else(|| key.to_string())
}

impl SkipReason {
    /// The reason in the interface language (its `Display` is the stored English text).
    pub fn localized(&self) -> String {
        localized(&self.to_string())
    }
}

impl FailReason {
    /// The reason in the interface language (its `Display` is the stored English text).
    pub fn localized(&self) -> String {
        localized(&self.to_string())
    }
}

impl PageOutcome {
    /// The outcome's kind, as the job store keeps it.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            PageOutcome::Extracted(_) => OutcomeKind::Extracted,
            PageOutcome::Skipped(_) => OutcomeKind::Skipped,
            PageOutcome::Failed(_) => OutcomeKind::Failed,
        }
    }

    /// Why the page has no record, in words (None: it has one).
    pub fn reason(&self) -> Option<String> {
        match self {
            PageOutcome::Extracted(_) => None,
            PageOutcome::Skipped(why) => Some(why.to_string()),
            PageOutcome::Failed(why) => Some(why.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_back_as_the_variant_that_wrote_them() {
        let skips = [
            SkipReason::Empty,
            SkipReason::Continuation("a_1.html".into()),
            SkipReason::ListPage,
            SkipReason::NotArticle("list page (42 links)".into()),
        ];
        for skip in skips {
            assert_eq!(skip.to_string().parse::<SkipReason>(), Ok(skip.clone()));
        }
        let fails = [
            FailReason::Internal("index out of bounds".into()),
            FailReason::Unreadable("permission denied".into()),
            FailReason::Binary("PNG image".into()),
            FailReason::Other("refused: frameset".into()),
        ];
        for fail in fails {
            assert_eq!(fail.to_string().parse::<FailReason>(), Ok(fail.clone()));
        }
    }

    #[test]
    fn each_english_message_is_its_shapes_text() {
        for shape in shapes() {
            assert_eq!(shape.pieces.len(), shape.args.len() + 1, "{shape:?}");
            let values: Vec<String> = (0..shape.args.len()).map(|i| format!("<{i}>")).collect();
            let parts: Vec<&str> = values.iter().map(String::as_str).collect();
            let mut written = String::new();
            for (i, piece) in shape.pieces.iter().enumerate() {
                written.push_str(piece);
                written.push_str(parts.get(i).copied().unwrap_or(""));
            }
            assert_eq!(shape.say(Lang::En, &parts), written, "{}", shape.id);
            assert_eq!(shape.parts(&written), Some(parts), "{}", shape.id);
        }
    }

    /// Every reason this crate writes from parts, one per variant.
    fn written_reasons() -> Vec<String> {
        use crate::job::skips::TrapLimit;
        let mut texts: Vec<String> = [
            SkipReason::Empty,
            SkipReason::Continuation("a_1.html".into()),
            SkipReason::ListPage,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        texts.extend(
            [
                FailReason::Internal("index out of bounds".into()),
                FailReason::TooLarge {
                    bytes: 40 << 20,
                    max: 32 << 20,
                },
                FailReason::Binary("PDF".into()),
                FailReason::TooDeep {
                    depth: 5000,
                    limit: 2000,
                },
                FailReason::Unreadable("permission denied".into()),
            ]
            .iter()
            .map(ToString::to_string),
        );
        texts.extend(
            [
                TrapLimit::Depth { depth: 9, max: 8 },
                TrapLimit::Pattern {
                    max: 100,
                    pattern: "a.cn/n/#.html".into(),
                },
                TrapLimit::Query {
                    max: 10,
                    path: "a.cn/s".into(),
                },
                TrapLimit::Host {
                    max: 5,
                    host: "a.cn".into(),
                },
                TrapLimit::PathVariants {
                    max: 7,
                    folder: "a.cn/x/".into(),
                },
                TrapLimit::ListPages {
                    max: 3,
                    list: "a.cn/list_#.html".into(),
                },
            ]
            .iter()
            .map(ToString::to_string),
        );
        // The extractor's page kinds and the records' warnings, with a number (and a list) for each part.
        texts.extend(super::module_shapes().map(|shape| {
            let values: Vec<&dyn fmt::Display> = shape.args.iter().map(|_| &7 as _).collect();
            shape.text(&values)
        }));
        texts
    }

    #[test]
    fn written_reasons_read_the_same_in_english_and_are_translated() {
        for text in written_reasons() {
            assert_eq!(localized_in(Lang::En, &text), text);
            let zh = localized_in(Lang::Zh, &text);
            assert_ne!(zh, text, "no Chinese for {text}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
        let zh = localized_in(Lang::Zh, &FailReason::Binary("PDF".into()).to_string());
        assert_eq!(zh, "二进制内容（PDF），不是 HTML 页面");
        // The extractor's page kinds too, with their numbers.
        let words = "list page: 12 similar records, and a pager";
        assert_eq!(
            localized_in(Lang::Zh, words),
            "列表页：12 条同类记录，并有翻页"
        );
        // An HTTP status, also inside a reason that wraps it, and an OS error inside a reason.
        let status = crate::source::status::status_text(503);
        assert_eq!(localized_in(Lang::En, &status), status);
        let retried = crate::source::http::SHAPES[0].text(&[&status, &3]);
        assert_eq!(
            localized_in(Lang::Zh, &retried),
            "HTTP 503 服务暂时不可用（共尝试 3 次）"
        );
        if cfg!(unix) {
            let e = std::io::Error::from_raw_os_error(2);
            let unreadable = FailReason::Unreadable(e.to_string()).to_string();
            assert_eq!(localized_in(Lang::En, &unreadable), unreadable);
            assert_eq!(
                localized_in(Lang::Zh, &unreadable),
                "无法读取文件：找不到文件或目录（os error 2）"
            );
        }
        // Words no reason of this crate writes (a mapping's own) are shown as they are.
        let words = "not an article: matches the mapping's not_article_selector";
        assert_eq!(localized_in(Lang::Zh, words), words);
    }

    #[test]
    fn group_headings_keep_their_keys_in_english() {
        let mut keys: Vec<String> = HEADINGS
            .iter()
            .map(|(start, _)| match start.ends_with(' ') {
                true => format!("{start}a_2.html"),
                false => start.to_string(),
            })
            .collect();
        keys.extend(ScopeRule::ALL.iter().map(|r| r.label().to_string()));
        // The group of every record warning, as the summary keys it.
        keys.extend(crate::warnings::SHAPES.iter().map(|shape| {
            let values: Vec<&dyn fmt::Display> = shape.args.iter().map(|_| &7 as _).collect();
            crate::summary::reason_group(&shape.text(&values))
        }));
        for key in keys {
            assert_eq!(group_heading_in(Lang::En, &key), key);
            assert_ne!(group_heading_in(Lang::Zh, &key), key);
        }
        assert_eq!(group_heading_in(Lang::Zh, "list page"), "列表页");
        assert_eq!(
            group_heading_in(Lang::Zh, "merged part a_2.html"),
            "已合并分页 a_2.html"
        );
        // A key no heading names stays as it is; a prefix heading needs its space.
        assert_eq!(group_heading_in(Lang::Zh, "HTTP 404"), "HTTP 404");
        let gone = crate::source::status::status_text(404);
        assert_eq!(group_heading_in(Lang::En, &gone), gone);
        assert_eq!(group_heading_in(Lang::Zh, &gone), "HTTP 404 找不到页面");
        assert_eq!(group_heading_in(Lang::Zh, "merged parts"), "merged parts");
    }

    #[test]
    fn texts_no_variant_inverts_keep_their_words() {
        let big = FailReason::TooLarge {
            bytes: 40 << 20,
            max: 32 << 20,
        };
        let text = big.to_string();
        assert_eq!(
            text,
            "page too large (40.0 MB, over the 32 MB limit): raise --max-page-size (MB) to process it"
        );
        assert_eq!(
            text.parse::<FailReason>(),
            Ok(FailReason::Other(text.clone()))
        );
        // An older row's wording is kept as it was written.
        assert_eq!(
            "continuation page".parse::<SkipReason>(),
            Ok(SkipReason::NotArticle("continuation page".into()))
        );
    }
}
