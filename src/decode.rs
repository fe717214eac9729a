//! Decode: bytes → text, choosing the encoding by an explicit, recorded precedence
//! (override → BOM → HTTP header charset → `<meta>` prescan → strict UTF-8 → chardetng), and catching
//! declarations that lie. Legacy Chinese sites label GBK pages `gb2312`, omit the label, or declare UTF-8 over GBK
//! bytes; the [`EncodingAudit`] on every record says what was declared, what was used and why.

use encoding_rs::Encoding;

use crate::error::Result;
use crate::record::EncodingAudit;

/// What the caller knows about a page's encoding before looking at its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeHints<'a> {
    /// Charset from the HTTP Content-Type header, when the page came over HTTP.
    pub http_charset: Option<&'a str>,
    /// Encoding forced by `--encoding` or the mapping's `site.encoding`.
    pub forced: Option<&'static Encoding>,
    /// Top-level domain of the page URL (`cn`), a hint for chardetng.
    pub tld: Option<&'a str>,
}

/// A page's text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub audit: EncodingAudit,
}

/// Decode `bytes` following the precedence in the module docs.
pub fn decode(_bytes: &[u8], _hints: &DecodeHints<'_>) -> Decoded {
    todo!()
}

/// The encoding for a WHATWG label (`gb2312` → GBK), or an error that lists usable labels.
pub fn encoding_for_label(_label: &str) -> Result<&'static Encoding> {
    todo!()
}

/// The `charset=` parameter of a Content-Type header value, if any.
pub fn charset_from_content_type(_content_type: &str) -> Option<&str> {
    todo!()
}
