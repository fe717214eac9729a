//! The record: what one article page becomes after the pipeline, in the exact shape the new platform imports.
//! Field names are a public contract (README "Record schema"); change them only with a schema version bump.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One migrated article. Empty values are `None` (serialized as `null`), never `""`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Record {
    /// Stable hash of the canonical URL (or of the source path when the page has no URL).
    pub id: String,
    pub url: Option<String>,
    pub source_path: Option<String>,
    pub title: Option<String>,
    /// ISO 8601: `2017-09-27`, or `2017-09-27T10:30:00+08:00` when the page shows a time.
    pub published: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    /// Breadcrumb path without 首页 / 正文, outermost first.
    pub category: Option<Vec<String>>,
    pub body_html: Option<String>,
    /// Paragraphs separated by one blank line.
    pub body_text: Option<String>,
    pub attachments: Vec<Attachment>,
    pub images: Vec<Image>,
    pub encoding: EncodingAudit,
    /// Field name → the rule that produced it (`mapping:title`, `generic:label 发布时间`, ...).
    pub provenance: BTreeMap<String, Rule>,
    pub content_hash: Option<String>,
    pub warnings: Vec<String>,
}

/// The rule that produced a field: its family (`mapping`, `pattern`, `generic`, `site-model`) and, after the
/// first `:` of its text, which rule of the family. Built from the extractor's typed rule
/// ([`crate::extract::Rule`]); serialized as its text (`generic:label 发布时间`) and split on the first `:` only
/// when read back, so the summary and the report count families without splitting strings again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rule {
    pub family: String,
    /// What follows the family's `:` (None: the text had no `:`).
    pub detail: Option<String>,
}

impl From<&str> for Rule {
    fn from(text: &str) -> Rule {
        match text.split_once(':') {
            Some((family, detail)) => Rule {
                family: family.to_string(),
                detail: Some(detail.to_string()),
            },
            None => Rule {
                family: text.to_string(),
                detail: None,
            },
        }
    }
}

impl From<String> for Rule {
    fn from(text: String) -> Rule {
        Rule::from(text.as_str())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.family)?;
        match &self.detail {
            Some(detail) => write!(f, ":{detail}"),
            None => Ok(()),
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        String::deserialize(d).map(Rule::from)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: Option<String>,
}

/// How the page's bytes became text, so QA can audit every decode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EncodingAudit {
    /// The label the page (or its HTTP header) declared, as written, lower-cased.
    pub declared: Option<String>,
    /// The encoding actually used (encoding_rs name, e.g. `GBK`, `UTF-8`).
    pub used: String,
    pub by: DecodedBy,
    /// Number of U+FFFD replacement characters the decoder produced.
    pub replacements: usize,
}

/// Which step of the precedence chose the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DecodedBy {
    Bom,
    Header,
    Meta,
    #[default]
    Utf8,
    Detected,
    Override,
}

impl DecodedBy {
    /// Every step, in precedence order.
    pub const ALL: [DecodedBy; 6] = [
        DecodedBy::Override,
        DecodedBy::Bom,
        DecodedBy::Header,
        DecodedBy::Meta,
        DecodedBy::Utf8,
        DecodedBy::Detected,
    ];

    /// The step for a person, in the interface language (the message `decoded-by-STEP`; in English the stored
    /// word itself).
    pub fn shown(self) -> String {
        crate::i18n::word("decoded-by", self.as_str())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DecodedBy::Bom => "bom",
            DecodedBy::Header => "header",
            DecodedBy::Meta => "meta",
            DecodedBy::Utf8 => "utf8",
            DecodedBy::Detected => "detected",
            DecodedBy::Override => "override",
        }
    }
}

/// The fields QA and the summary count fill rates for, in display order.
pub const FILLABLE_FIELDS: [&str; 9] = [
    "title",
    "published",
    "author",
    "editor",
    "source",
    "category",
    "body_text",
    "attachments",
    "images",
];

impl Record {
    /// Whether a field named in [`FILLABLE_FIELDS`] has a value.
    pub fn is_filled(&self, field: &str) -> bool {
        match field {
            "title" => self.title.is_some(),
            "published" => self.published.is_some(),
            "author" => self.author.is_some(),
            "editor" => self.editor.is_some(),
            "source" => self.source.is_some(),
            "category" => self.category.is_some(),
            "body_text" => self.body_text.is_some(),
            "attachments" => !self.attachments.is_empty(),
            "images" => !self.images.is_empty(),
            _ => false,
        }
    }
}
