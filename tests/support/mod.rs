//! Shared helpers of the crawl tests: a loopback HTTP server ([`server`]) and the legacy site it serves
//! ([`site`]).

pub mod server;
pub mod site;
