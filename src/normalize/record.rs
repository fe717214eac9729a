//! Build the [`Record`] from an extracted page: ISO dates in the site's timezone, provenance per field, the
//! sanitized body, the stable id and the content hash.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::date::UtcOffset;
use super::html::sanitize;
use super::text::non_empty;
use crate::extract::{Extracted, Found};
use crate::record::{EncodingAudit, Record};
use crate::source::RawPage;

/// Settings normalize needs from the run.
#[derive(Debug, Clone, Copy, Default)]
pub struct NormalizeOptions {
    pub timezone: UtcOffset,
}

/// A short stable hash (32 hex digits of SHA-256).
pub fn short_hash(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    hex::encode(&digest[..16])
}

/// Turn an extracted page into a record.
pub fn to_record(
    page: &RawPage,
    audit: EncodingAudit,
    ex: Extracted,
    opts: &NormalizeOptions,
) -> Record {
    let mut provenance = BTreeMap::new();
    let mut take = |field: &str, f: Option<Found<String>>| -> Option<String> {
        let f = f?;
        let v = non_empty(&f.value)?;
        provenance.insert(field.to_string(), f.rule);
        Some(v)
    };
    let title = take("title", ex.title);
    let author = take("author", ex.author);
    let editor = take("editor", ex.editor);
    let source = take("source", ex.source);
    let published = ex.published.map(|p| {
        provenance.insert("published".to_string(), p.rule);
        p.value.to_iso(opts.timezone)
    });
    let category = ex.category.and_then(|c| {
        let items: Vec<String> = c.value.iter().filter_map(|i| non_empty(i)).collect();
        (!items.is_empty()).then(|| {
            provenance.insert("category".to_string(), c.rule);
            items
        })
    });
    let (body_html, body_text) = match ex.body {
        Some(b) => {
            let html = sanitize(&b.value.html);
            let text = b.value.text;
            if !text.trim().is_empty() {
                provenance.insert("body".to_string(), b.rule);
            }
            (
                (!html.trim().is_empty()).then_some(html),
                (!text.trim().is_empty()).then_some(text),
            )
        }
        None => (None, None),
    };
    let url = page
        .url
        .as_ref()
        .map(|u| crate::normalize::url::canonical(u).to_string());
    let id_key = url
        .clone()
        .or_else(|| page.source_path.clone())
        .unwrap_or_default();
    let mut warnings = ex.warnings;
    if url.is_none() {
        warnings.push(
            "no page URL: relative links kept as written; pass --base-url or set site.base_url in the mapping"
                .to_string(),
        );
    }
    if audit.replacements > 0 {
        warnings.push(format!(
            "{} characters could not be decoded as {} (U+FFFD); check the page encoding or pass --encoding",
            audit.replacements, audit.used
        ));
    }
    Record {
        id: short_hash(id_key.as_bytes()),
        url,
        source_path: page.source_path.clone(),
        title,
        published,
        author,
        editor,
        source,
        category,
        content_hash: body_text.as_ref().map(|t| short_hash(t.as_bytes())),
        body_html,
        body_text,
        attachments: ex.attachments,
        images: ex.images,
        encoding: audit,
        provenance,
        warnings,
    }
}
