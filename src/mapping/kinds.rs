//! The mapping's optional `[kinds]` table: which pages of the site are articles and which are not, by URL and/or
//! by an element the template always has. A declaration that matches a page decides its kind and wins over the
//! generic heuristics; a page no declaration matches is judged by the heuristics exactly as without the mapping,
//! so a mapping never loses a page the run without it keeps.
//!
//! ```toml
//! [kinds]
//! article = ['/xwzx/\d{6}/t\d+_\d+\.html$']            # URL regexes of article pages
//! not_article = ['/xwzx/(index(_\d+)?\.html)?$']         # URL regexes of lists, indexes, hubs
//! article_selector = "div.TRS_Editor"                    # a page with such an element is an article
//! not_article_selector = "div.list_con ul.newslist"      # a page with such an element is not
//! ```
//!
//! URL declarations are checked first (not_article, then article), then the selectors (not_article, then
//! article).

use std::path::Path;

use regex::Regex;
use scraper::{Html, Selector};
use serde::Deserialize;

use crate::error::Result;
use crate::outcome::Shape;

/// Why a declaration decided a page's kind, in English as the job store keeps it (the regex or selector as the
/// mapping spells it, quoted), and the message that says it in the interface language (see [`crate::outcome`]).
pub(crate) const SHAPES: &[Shape] = &[URL_NOT_ARTICLE, URL_ARTICLE, HAS_NOT_ARTICLE, HAS_ARTICLE];
const URL_NOT_ARTICLE: Shape = Shape {
    id: "reason-kinds-url-not-article",
    pieces: &["mapping: URL matches kinds.not_article ", ""],
    args: &["pattern"],
};
const URL_ARTICLE: Shape = Shape {
    id: "reason-kinds-url-article",
    pieces: &["mapping: URL matches kinds.article ", ""],
    args: &["pattern"],
};
const HAS_NOT_ARTICLE: Shape = Shape {
    id: "reason-kinds-has-not-article",
    pieces: &["mapping: the page has kinds.not_article_selector ", ""],
    args: &["selector"],
};

/// Whether a skip reason is a mapping's `kinds.not_article_selector` declaration, read by its shape.
pub fn is_selector_declaration(reason: &str) -> bool {
    HAS_NOT_ARTICLE.parts(reason).is_some()
}
const HAS_ARTICLE: Shape = Shape {
    id: "reason-kinds-has-article",
    pieces: &["mapping: the page has kinds.article_selector ", ""],
    args: &["selector"],
};

/// The `[kinds]` table as written.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct KindsFile {
    #[serde(default)]
    article: Vec<String>,
    #[serde(default)]
    not_article: Vec<String>,
    article_selector: Option<String>,
    not_article_selector: Option<String>,
}

/// The validated `[kinds]` table.
#[derive(Debug, Default)]
pub struct PageKinds {
    article: Vec<(String, Regex)>,
    not_article: Vec<(String, Regex)>,
    article_selector: Option<(String, Selector)>,
    not_article_selector: Option<(String, Selector)>,
}

/// What a declaration says about a page, and which key said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    Article(String),
    NotArticle(String),
}

impl KindsFile {
    pub(super) fn validate(self, path: &Path) -> Result<PageKinds> {
        let regexes = |key: &str, list: &[String]| -> Result<Vec<(String, Regex)>> {
            list.iter()
                .enumerate()
                .map(|(i, source)| {
                    super::compile_regex(path, &format!("kinds.{key}[{i}]"), source)
                        .map(|r| (source.clone(), r))
                })
                .collect()
        };
        let selector = |key: &str, css: &Option<String>| -> Result<Option<(String, Selector)>> {
            css.as_ref()
                .map(|css| {
                    super::compile_selector(path, &format!("kinds.{key}"), css)
                        .map(|s| (css.clone(), s))
                })
                .transpose()
        };
        Ok(PageKinds {
            article: regexes("article", &self.article)?,
            not_article: regexes("not_article", &self.not_article)?,
            article_selector: selector("article_selector", &self.article_selector)?,
            not_article_selector: selector("not_article_selector", &self.not_article_selector)?,
        })
    }
}

impl PageKinds {
    /// Whether the table declares anything.
    pub fn is_empty(&self) -> bool {
        self.article.is_empty()
            && self.not_article.is_empty()
            && self.article_selector.is_none()
            && self.not_article_selector.is_none()
    }

    /// One line for `check-mapping`: how many declarations of each sort.
    pub fn describe(&self) -> String {
        format!(
            "{} article URL rule(s), {} non-article URL rule(s){}{}",
            self.article.len(),
            self.not_article.len(),
            self.article_selector
                .as_ref()
                .map(|(css, _)| format!(", article_selector {css}"))
                .unwrap_or_default(),
            self.not_article_selector
                .as_ref()
                .map(|(css, _)| format!(", not_article_selector {css}"))
                .unwrap_or_default(),
        )
    }

    /// The declared kind of the page at `url` (its URL, or its file path when it has none), if a declaration
    /// matches.
    pub fn declare(&self, url: Option<&str>, doc: &Html) -> Option<Declared> {
        if let Some(url) = url {
            if let Some((source, _)) = self.not_article.iter().find(|(_, r)| r.is_match(url)) {
                return Some(Declared::NotArticle(
                    URL_NOT_ARTICLE.text(&[&format_args!("{source:?}")]),
                ));
            }
            if let Some((source, _)) = self.article.iter().find(|(_, r)| r.is_match(url)) {
                return Some(Declared::Article(
                    URL_ARTICLE.text(&[&format_args!("{source:?}")]),
                ));
            }
        }
        if let Some((css, sel)) = &self.not_article_selector
            && doc.select(sel).next().is_some()
        {
            return Some(Declared::NotArticle(
                HAS_NOT_ARTICLE.text(&[&format_args!("{css:?}")]),
            ));
        }
        if let Some((css, sel)) = &self.article_selector
            && doc.select(sel).next().is_some()
        {
            return Some(Declared::Article(
                HAS_ARTICLE.text(&[&format_args!("{css:?}")]),
            ));
        }
        None
    }
}

#[cfg(test)]
mod selector_declaration_tests {
    use super::*;

    #[test]
    fn the_selector_declaration_is_read_back_by_its_shape_only() {
        assert!(is_selector_declaration(
            &HAS_NOT_ARTICLE.text(&[&"\"div.list_con ul\""])
        ));
        assert!(!is_selector_declaration(
            &HAS_ARTICLE.text(&[&"\"div.list_con ul\""])
        ));
        assert!(!is_selector_declaration(
            &URL_NOT_ARTICLE.text(&[&"\"kinds.not_article_selector\""])
        ));
    }
}
