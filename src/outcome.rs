//! What happened to one page, as values: a [`PageOutcome`] is a record, a [`SkipReason`] or a [`FailReason`].
//! Consumers (the job store, the mirror's merge pass, the summary, the site model) match on the variants, so the
//! compiler checks each of them when a reason is added; the English text of a reason is its `Display`, which is
//! what the job store and the JSON summary keep. Text read back from a store is parsed once, here, by `FromStr`:
//! a text that no variant writes exactly (an older wording) falls back to the variant that carries words.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::record::Record;

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

/// The start of the reason a continuation page is skipped with; the first part's name follows.
const CONTINUATION: &str = "continuation page: merged into ";

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Continuation(head) => write!(f, "{CONTINUATION}{head}"),
            SkipReason::ListPage => {
                f.write_str("list page: matches crawl.follow, links followed, not exported")
            }
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
        let known = match s.strip_prefix(CONTINUATION) {
            Some(head) => SkipReason::Continuation(head.to_string()),
            None if s == SkipReason::Empty.to_string() => SkipReason::Empty,
            None if s == SkipReason::ListPage.to_string() => SkipReason::ListPage,
            None => SkipReason::NotArticle(s.to_string()),
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

const INTERNAL: (&str, &str) = (
    "internal error while extracting (",
    "); the other pages are unaffected — please report this page",
);
const UNREADABLE: &str = "cannot read file: ";

impl fmt::Display for FailReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailReason::Internal(what) => write!(f, "{}{what}{}", INTERNAL.0, INTERNAL.1),
            FailReason::TooLarge { bytes, max } => write!(
                f,
                "page too large ({:.1} MB, over the {:.0} MB limit): raise --max-page-size (MB) to process it",
                *bytes as f64 / 1_048_576.0,
                *max as f64 / 1_048_576.0
            ),
            FailReason::Binary(kind) => write!(f, "binary content ({kind}), not an HTML page"),
            FailReason::TooDeep { depth, limit } => write!(
                f,
                "nested too deep (tags about {depth} levels deep, limit {limit}): the page is broken or \
                 hostile; fix or remove it (parsing and extraction slow down quadratically with depth)"
            ),
            FailReason::Unreadable(e) => write!(f, "{UNREADABLE}{e}"),
            FailReason::Other(why) => f.write_str(why),
        }
    }
}

impl FromStr for FailReason {
    type Err = Infallible;

    /// The variants whose text gives back their fields exactly; the others (sizes rounded to MB, numbers in
    /// prose) come back as [`FailReason::Other`] with the same text.
    fn from_str(s: &str) -> Result<Self, Infallible> {
        let internal = s
            .strip_prefix(INTERNAL.0)
            .and_then(|rest| rest.strip_suffix(INTERNAL.1));
        let known = match (internal, s.strip_prefix(UNREADABLE)) {
            (Some(what), _) => FailReason::Internal(what.to_string()),
            (None, Some(e)) => FailReason::Unreadable(e.to_string()),
            (None, None) => FailReason::Other(s.to_string()),
        };
        Ok(known)
    }
}

impl PageOutcome {
    /// The outcome's kind as the job store names it.
    pub fn kind(&self) -> &'static str {
        match self {
            PageOutcome::Extracted(_) => "extracted",
            PageOutcome::Skipped(_) => "skipped",
            PageOutcome::Failed(_) => "failed",
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
            FailReason::Other("refused: frameset".into()),
        ];
        for fail in fails {
            assert_eq!(fail.to_string().parse::<FailReason>(), Ok(fail.clone()));
        }
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
