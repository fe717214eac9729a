//! The site model: what the pages of one site teach about each of its templates, used in a second pass. A
//! migration is thousands of pages built from a handful of templates; what repeats across the pages of one
//! template is the template (navigation, side panels, footers, related-news boxes), what changes is the article.
//! The first pass extracts every page as today and keeps a few kilobytes per page ([`signature`]: a sketch of
//! its layout skeleton, hashes of its text blocks, where each field was found, its kind). The pages are then
//! grouped by skeleton ([`templates`]), and per template the model learns the blocks that repeat
//! ([`boilerplate`]), its page kind ([`kinds`]) and where each field usually lives ([`fields`]: the headline,
//! the metadata line, the body, the breadcrumb and the credits labelled in an element of their own) —
//! [`model::SiteModel`]. The second pass ([`run`] for files, [`job`] for a job's stored pages) extracts again,
//! from the same bytes and never by a second fetch, only the pages the model changes: repeated blocks left out
//! of bodies, kinds made consistent within a template, fields taken from the template's usual place where the
//! page's own heuristic disagrees or finds nothing ([`apply`]); the others keep their first-pass record. A
//! mapping's fields always win; templates with fewer than [`templates::MIN_TEMPLATE_PAGES`] pages, and single
//! pages, are extracted exactly as without the model. [`report`] sums the templates up for `status` and the
//! report, with their anomalies; [`draft`] writes a mapping from the model for a developer to review.

pub mod apply;
pub mod boilerplate;
pub mod draft;
pub mod draft_check;
pub mod fields;
pub mod job;
pub mod kinds;
pub mod model;
pub mod report;
pub mod run;
pub mod signature;
pub mod templates;

pub use apply::{SitePass, TemplateHint};
pub use model::SiteModel;
pub use report::{SiteReport, TemplateReport};
pub use signature::Observation;

/// The family of provenance rules the model writes (`site-model:t3 title`).
pub const PROVENANCE: &str = "site-model";
