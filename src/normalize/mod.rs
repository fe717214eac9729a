//! Normalize: extracted values → record values (ISO dates, null for empty, folded whitespace, sanitized HTML).

pub mod date;
