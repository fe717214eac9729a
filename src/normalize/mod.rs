//! Normalize: value functions from page text to record values (ISO dates, null for empty, folded whitespace,
//! sanitized HTML, absolute URLs). The extractor uses them; [`crate::assemble`] applies them to a whole record.

pub mod date;
pub mod html;
pub mod text;
pub mod url;
