//! sitelift lifts articles out of legacy Chinese institutional websites.
//!
//! The pipeline works one page at a time, and each stage has its own type so a signature tells where you are:
//! a **source** ([`source`]) yields a [`RawPage`] (bytes plus where they came from); **decode** ([`decode`])
//! turns the bytes into text with an audited encoding choice; **extract** ([`extract`]) parses the text once and
//! finds the fields with the site's [`Mapping`] first and generic heuristics as fallback, producing an
//! [`Extracted`] page with the provenance of every field; **normalize** ([`normalize`]) turns that into a clean
//! [`Record`] (ISO dates, null for empty, absolute URLs, sanitized body); **export** ([`export`]) streams
//! records to a [`Sink`] (JSON Lines, JSON, SQLite). [`pipeline`] wires the stages together and reports a
//! [`PageOutcome`] per page — Extracted, Skipped or Failed — which the summary counts; one bad page never stops
//! a batch. [`qa`] measures the result: field accuracy on hand-labelled pages and trafilatura's benchmark,
//! gated by floors kept in the repository (EVALUATION.md).
//!
//! Live sites come in through [`crawl`]: a polite, resumable crawler whose HTTP source ([`source::http`])
//! feeds the same pipeline, with every page, outcome and record kept in a crash-safe [`job`] store that
//! `extract --job` can re-extract from without touching the network. [`handover`] exports a job for the new
//! platform — links rewritten to new paths, redirect maps for the old URLs — and [`qa`] also diffs record sets
//! against fixtures and renders a browsable HTML report of a job or an export.

pub mod assemble;
pub mod batch;
pub mod crawl;
pub mod decode;
pub mod error;
pub mod export;
pub mod extract;
pub mod handover;
pub mod href;
pub mod i18n;
pub mod job;
pub mod mapping;
pub mod normalize;
pub mod outcome;
pub mod pipeline;
pub mod qa;
pub mod record;
pub mod scope;
pub mod site;
pub mod source;
pub mod summary;
#[cfg(test)]
mod test_cpu;
pub mod warnings;

pub use decode::{Decoded, decode};
pub use error::{Error, Result};
pub use export::{Format, Sink};
pub use extract::Extracted;
pub use mapping::Mapping;
pub use outcome::{FailReason, PageOutcome, SkipReason};
pub use record::{Attachment, EncodingAudit, Image, Record};
pub use source::RawPage;
