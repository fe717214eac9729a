//! A record's warnings, as [`Shape`]s: the record keeps the English text (it is data, the same in every
//! language), and the summary, the report and `check-mapping` show it in the interface language through
//! [`crate::outcome::localized`]. The words are spelled here only; the code that warns writes them with
//! [`Shape::text`].

use crate::outcome::Shape;

/// Every record warning written from parts (the stored English texts [`crate::outcome::localized`] knows).
pub(crate) const SHAPES: &[Shape] = &[
    MAPPING_SELECTOR,
    MAPPING_PATTERN,
    NOT_AN_ARTICLE,
    STOPPED_MERGING,
    LATER_PART_MISSING,
    LATER_PART_LEFT_OUT,
    MERGED_PART,
    UNSAFE_LINK,
    NO_PAGE_URL,
    UNDECODABLE,
    KEPT_BY_MODEL,
];

/// A mapping selector matched nothing on the page (the field, the selector as the mapping spells it, quoted).
pub(crate) const MAPPING_SELECTOR: Shape = Shape {
    id: "warn-mapping-selector",
    pieces: &[
        "mapping selector '",
        "' (",
        ") matched nothing; the generic rule was used",
    ],
    args: &["key", "selector"],
};
/// A mapping pattern matched nothing on the page.
pub(crate) const MAPPING_PATTERN: Shape = Shape {
    id: "warn-mapping-pattern",
    pieces: &[
        "mapping pattern '",
        "' matched nothing; the generic rule was used",
    ],
    args: &["key"],
};
/// A page that is not an article, exported anyway (the extractor's reason).
pub(crate) const NOT_AN_ARTICLE: Shape = Shape {
    id: "warn-not-an-article",
    pieces: &["not an article (", "); exported because of --all-pages"],
    args: &["reason"],
};
pub(crate) const STOPPED_MERGING: Shape = Shape {
    id: "warn-stopped-merging",
    pieces: &["stopped merging after ", " parts"],
    args: &["n"],
};
pub(crate) const LATER_PART_MISSING: Shape = Shape {
    id: "warn-later-part-missing",
    pieces: &[
        "later part ",
        " is linked but not available; the record has the parts found",
    ],
    args: &["part"],
};
/// A later part the extractor refused (its words).
pub(crate) const LATER_PART_LEFT_OUT: Shape = Shape {
    id: "warn-later-part-left-out",
    pieces: &["later part ", " left out: ", ""],
    args: &["part", "reason"],
};
pub(crate) const MERGED_PART: Shape = Shape {
    id: "warn-merged-part",
    pieces: &["merged part ", ""],
    args: &["part"],
};
/// A link that is not http(s) or relative, dropped from a field (`url`, `attachments`, `images`).
pub(crate) const UNSAFE_LINK: Shape = Shape {
    id: "warn-unsafe-link",
    pieces: &[
        "unsafe link in ",
        " dropped: '",
        "' (only http(s) and relative links are kept)",
    ],
    args: &["field", "link"],
};
pub(crate) const NO_PAGE_URL: Shape = Shape {
    id: "warn-no-page-url",
    pieces: &[
        "no page URL: relative links kept as written; pass --base-url or set site.base_url in the mapping",
    ],
    args: &[],
};
pub(crate) const UNDECODABLE: Shape = Shape {
    id: "warn-undecodable",
    pieces: &[
        "",
        " characters could not be decoded as ",
        " (U+FFFD); check the page encoding or pass --encoding",
    ],
    args: &["n", "encoding"],
};
/// The site model kept a page its template's pages are articles like (the page's own reason last).
pub(crate) const KEPT_BY_MODEL: Shape = Shape {
    id: "warn-kept-by-model",
    pieces: &[
        "kept as an article by the site model: ",
        " of the ",
        " pages of template ",
        " are articles (alone, the page looked like: ",
        ")",
    ],
    args: &["articles", "pages", "template", "reason"],
};

/// The summary's groups of warnings ([`crate::summary::reason_group`] of a warning: the text before its first
/// `:`, `(` or `;`) whose key has parts, and the messages that head them.
pub(crate) const GROUPS: &[Shape] = &[
    Shape {
        id: "group-mapping-pattern",
        pieces: &["mapping pattern '", "' matched nothing"],
        args: &["key"],
    },
    Shape {
        id: "group-stopped-merging",
        pieces: &["stopped merging after ", " parts"],
        args: &["n"],
    },
    Shape {
        id: "group-later-part-missing",
        pieces: &["later part ", " is linked but not available"],
        args: &["part"],
    },
    Shape {
        id: "group-later-part-left-out",
        pieces: &["later part ", " left out"],
        args: &["part"],
    },
    Shape {
        id: "group-unsafe-link",
        pieces: &["unsafe link in ", " dropped"],
        args: &["field"],
    },
    Shape {
        id: "group-undecodable",
        pieces: &["", " characters could not be decoded as ", ""],
        args: &["n", "encoding"],
    },
];
