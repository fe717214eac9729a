//! Build the [`Record`] from an extracted page: ISO dates in the site's timezone, provenance per field, the
//! sanitized body, the stable id and the content hash. It joins the extractor's output to the normalizers, so it
//! sits above both: `normalize` stays a set of value functions the extractor itself uses, and imports nothing
//! from it.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::extract::{Extracted, Found};
use crate::normalize::date::UtcOffset;
use crate::normalize::html::sanitize_owned;
use crate::normalize::text::non_empty;
use crate::normalize::url::{is_web_link, shown};
use crate::record::{Attachment, EncodingAudit, Image, Record, Rule};
use crate::warnings::{NO_PAGE_URL, UNDECODABLE, UNSAFE_LINK};

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

/// Keep only links a browser reads as http(s) or relative ([`is_web_link`]): a script or data URL in a record's
/// attachments, images or URL would run wherever the new platform renders it. Each dropped one is a warning.
pub fn web_links_only(
    url: Option<String>,
    attachments: Vec<Attachment>,
    images: Vec<Image>,
    warnings: &mut Vec<String>,
) -> (Option<String>, Vec<Attachment>, Vec<Image>) {
    let mut keep = |field: &str, link: &str| {
        let ok = is_web_link(link);
        if !ok {
            warnings.push(UNSAFE_LINK.text(&[&field, &shown(link)]));
        }
        ok
    };
    let url = url.filter(|u| keep("url", u));
    let attachments = attachments
        .into_iter()
        .filter(|a| keep("attachments", &a.url))
        .collect();
    let images = images
        .into_iter()
        .filter(|i| keep("images", &i.url))
        .collect();
    (url, attachments, images)
}

/// Where a page came from, as its record names it (the source's `RawPage`, without the bytes).
#[derive(Debug, Clone, Copy)]
pub struct PageId<'a> {
    pub url: Option<&'a url::Url>,
    pub source_path: Option<&'a str>,
}

/// Turn an extracted page into a record.
pub fn to_record(
    page: PageId<'_>,
    audit: EncodingAudit,
    ex: Extracted,
    opts: &NormalizeOptions,
) -> Record {
    // Each field's typed rule becomes the record's family and detail (no text parsed back).
    let mut provenance = BTreeMap::new();
    let mut take = |field: &str, f: Option<Found<String>>| -> Option<String> {
        let f = f?;
        let v = non_empty(&f.value)?;
        provenance.insert(field.to_string(), Rule::from(f.rule));
        Some(v)
    };
    let title = take("title", ex.title);
    let author = take("author", ex.author);
    let editor = take("editor", ex.editor);
    let source = take("source", ex.source);
    let published = ex.published.map(|p| {
        provenance.insert("published".to_string(), Rule::from(p.rule));
        p.value.to_iso(opts.timezone)
    });
    let category = ex.category.and_then(|c| {
        let items: Vec<String> = c.value.iter().filter_map(|i| non_empty(i)).collect();
        (!items.is_empty()).then(|| {
            provenance.insert("category".to_string(), Rule::from(c.rule));
            items
        })
    });
    let (body_html, body_text) = match ex.body {
        Some(b) => {
            let html = sanitize_owned(b.value.html);
            let text = b.value.text;
            if !text.trim().is_empty() {
                provenance.insert("body".to_string(), Rule::from(b.rule));
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
        .map(|u| crate::normalize::url::canonical(u).to_string());
    let id_key = url
        .clone()
        .or_else(|| page.source_path.map(str::to_string))
        .unwrap_or_default();
    let mut warnings = ex.warnings;
    let (url, attachments, images) = web_links_only(url, ex.attachments, ex.images, &mut warnings);
    if url.is_none() {
        warnings.push(NO_PAGE_URL.text(&[]));
    }
    if audit.replacements > 0 {
        warnings.push(UNDECODABLE.text(&[&audit.replacements, &audit.used]));
    }
    Record {
        id: short_hash(id_key.as_bytes()),
        url,
        source_path: page.source_path.map(str::to_string),
        title,
        published,
        author,
        editor,
        source,
        category,
        content_hash: body_text.as_ref().map(|t| short_hash(t.as_bytes())),
        body_html,
        body_text,
        attachments,
        images,
        encoding: audit,
        provenance,
        warnings,
    }
}
