//! Why a crawl did not fetch a link, as the frontier stores it (`last_error` of a skipped URL). The crawler
//! writes these reasons and `status` reads them back, so both sides share one type per kind of reason instead of
//! a prefix each of them spells.

use std::fmt;

use crate::outcome::Shape;

/// A trap limit a link ran into: too deep, or one more of a family of URLs that could go on forever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrapLimit {
    /// Deeper than `max_depth`.
    Depth { depth: u32, max: u32 },
    /// More pages whose URLs differ only in digits than `max_pages_per_pattern`.
    Pattern { max: u64, pattern: String },
    /// More query strings on one path than `max_query_variants`.
    Query { max: u64, path: String },
    /// More URLs of one host than `--max-pages-per-host`.
    Host { max: u64, host: String },
    /// More differently named paths under one folder than `--max-path-variants`.
    PathVariants { max: u64, folder: String },
    /// More pages of one list reached through its pager than `--max-list-pages`.
    ListPages { max: u64, list: String },
}

/// The words every trap-limit reason starts with.
const TRAP: &str = "trap limit: ";

/// The reasons' texts (each starts with [`TRAP`]; a unit test checks).
pub(crate) const SHAPES: &[Shape] = &[DEPTH, PATTERN, QUERY, HOST, PATH_VARIANTS, LIST_PAGES];
const DEPTH: Shape = Shape {
    id: "trap-depth",
    pieces: &["trap limit: depth ", " is over max_depth ", ""],
    args: &["depth", "max"],
};
const PATTERN: Shape = Shape {
    id: "trap-pattern",
    pieces: &[
        "trap limit: more than ",
        " pages match the URL pattern ",
        "",
    ],
    args: &["max", "pattern"],
};
const QUERY: Shape = Shape {
    id: "trap-query",
    pieces: &["trap limit: more than ", " query variants of ", ""],
    args: &["max", "path"],
};
const HOST: Shape = Shape {
    id: "trap-host",
    pieces: &[
        "trap limit: ",
        " URLs of ",
        " are queued or done already (--max-pages-per-host)",
    ],
    args: &["max", "host"],
};
const PATH_VARIANTS: Shape = Shape {
    id: "trap-path-variants",
    pieces: &[
        "trap limit: more than ",
        " differently named paths under ",
        " (tokens or session ids in the path?); raise --max-path-variants if they are real pages",
    ],
    args: &["max", "folder"],
};
const LIST_PAGES: Shape = Shape {
    id: "trap-list-pages",
    pieces: &[
        "trap limit: more than ",
        " pages of the list ",
        " reached through its pager (--max-list-pages)",
    ],
    args: &["max", "list"],
};

impl fmt::Display for TrapLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrapLimit::Depth { depth, max } => DEPTH.write(f, &[depth, max]),
            TrapLimit::Pattern { max, pattern } => PATTERN.write(f, &[max, pattern]),
            TrapLimit::Query { max, path } => QUERY.write(f, &[max, path]),
            TrapLimit::Host { max, host } => HOST.write(f, &[max, host]),
            TrapLimit::PathVariants { max, folder } => PATH_VARIANTS.write(f, &[max, folder]),
            TrapLimit::ListPages { max, list } => LIST_PAGES.write(f, &[max, list]),
        }
    }
}

impl TrapLimit {
    /// Whether a stored skip reason is a trap limit's.
    pub fn is_trap(reason: &str) -> bool {
        reason.starts_with(TRAP)
    }
}

#[cfg(test)]
mod tests {
    use super::TrapLimit;

    #[test]
    fn trap_reasons_are_recognised_and_others_are_not() {
        let depth = TrapLimit::Depth { depth: 9, max: 8 }.to_string();
        assert_eq!(depth, "trap limit: depth 9 is over max_depth 8");
        assert!(TrapLimit::is_trap(&depth));
        let list = TrapLimit::ListPages {
            max: 3,
            list: "a.cn/news/list_#.html".into(),
        };
        assert!(TrapLimit::is_trap(&list.to_string()));
        assert!(!TrapLimit::is_trap(
            "out of scope: host b.cn is not a start URL's"
        ));
    }
}
