//! The crawler: the HTTP source of the pipeline. Start URLs seed the job's frontier; the [`engine`] takes
//! queued URLs shallowest first, fetches them ([`crate::source::http`]) through per-host politeness gates
//! ([`crate::source::politeness`]) after checking [`robots`], follows redirects within [`scope`], stores each
//! page in the [`crate::job`] store and runs it through the pipeline right away, which also returns the page's
//! links from its one parse ([`crate::extract::outlinks`]) — each admitted through the scope and the [`traps`]
//! limits — so records accumulate in the job as the crawl goes. Every page's result is one transaction: a
//! killed crawl resumes where it stopped. [`attachments`] downloads attached files.

mod admit;
pub mod attachments;
pub mod engine;
pub(crate) mod fetch;
pub mod robots;
pub use crate::scope;
pub mod settings;
mod signals;
pub mod traps;

pub use engine::{CrawlObserver, CrawlProgress, CrawlReport, NoProgress, crawl};
pub use settings::{CrawlFlags, CrawlSettings};
