//! Extract: parse the decoded page once and find every field on that one DOM — the site's mapping first, the
//! generic heuristics ([`generic`]) for anything the mapping omits or misses — recording which rule produced
//! each value.

pub mod generic;
pub mod labels;

/// A page after extraction, before normalization.
#[derive(Debug, Clone, Default)]
pub struct Extracted {}
