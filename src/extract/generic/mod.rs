//! Generic extraction: the rules that find every field on a page no mapping describes. [`analysis`] walks the
//! page once; the other modules each own one field family and read that analysis.

pub mod analysis;
pub mod body;
pub mod breadcrumb;
pub mod classify;
pub mod lines;
pub mod links;
pub mod lists;
pub mod meta;
pub mod names;
pub mod people;
pub mod profile;
pub mod title;
pub mod vocabulary;
