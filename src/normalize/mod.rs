//! Normalize: extracted values → record values (ISO dates, null for empty, folded whitespace, sanitized HTML,
//! stable ids and content hashes).

pub mod date;
pub mod html;
pub mod record;
pub mod text;
pub mod url;

pub use record::{NormalizeOptions, PageId, to_record};
