//! Hand-over to the new platform: the export stage's last step for a crawl job. Each migrated page gets a new
//! path from a [`linkmap`] (a template or the platform's CSV), each downloaded attachment one from a template;
//! [`rewrite`] moves the links inside every body to those paths, [`targets`] decides what a link points at
//! (compared by [`canonical`] keys), [`redirects`] writes the old → new map as CSV, nginx and Apache rules, and
//! [`export`] puts it all in one folder, listing the links it had to leave pointing at the old site and [`why`], and
//! [`folder`] publishes that folder whole.

pub mod canonical;
pub mod csv;
pub mod export;
pub mod folder;
pub mod linkmap;
pub mod redirects;
pub mod rewrite;
pub mod targets;
pub mod why;

pub use export::{Handover, Unresolved, export_job};
pub use linkmap::{AttachmentMap, PageMap};
