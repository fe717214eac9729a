//! Sources hand the pipeline [`RawPage`]s: bytes plus where they came from. Files and local mirrors live in
//! [`files`]; pages fetched over HTTP by the crawler come from [`http`] (and, once stored, from the job), every
//! request through the per-host gates of [`politeness`].

pub mod files;
pub mod http;
pub mod politeness;
pub mod status;

use std::path::PathBuf;

use url::Url;

/// A page's bytes as read, before any decoding.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Path on disk for local input.
    pub path: Option<PathBuf>,
    /// Path shown in records and messages (relative to the input root where possible).
    pub source_path: Option<String>,
    /// The page's public URL when known (crawled, or base URL + path for mirrors).
    pub url: Option<Url>,
    /// Charset from the HTTP Content-Type header, if the page came over HTTP.
    pub http_charset: Option<String>,
    pub bytes: Vec<u8>,
}

impl RawPage {
    /// How to name this page in messages: its source path, else its URL.
    pub fn label(&self) -> String {
        if let Some(p) = &self.source_path {
            p.clone()
        } else if let Some(u) = &self.url {
            u.to_string()
        } else {
            "<page>".to_string()
        }
    }
}
