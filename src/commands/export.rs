//! `sitelift export --job DIR --link-map TEMPLATE|CSV --out DIR`: the hand-over folder for the new platform —
//! records with links rewritten, redirect maps, unresolved links, attachment files (see
//! [`sitelift::handover`]).

use std::process::ExitCode;

use anyhow::Result;
use sitelift::handover::{AttachmentMap, PageMap, export_job};

use crate::cli::ExportArgs;

pub fn run(args: ExportArgs, quiet: bool) -> Result<ExitCode> {
    let pages = PageMap::parse(&args.link_map)?;
    let attachments = AttachmentMap::parse(&args.attachment_map)?;
    let h = export_job(&args.job, &args.out, &pages, &attachments)?;
    if !quiet {
        let unresolved: usize = h.unresolved.values().sum();
        eprintln!(
            "{} records exported to {} (records.sqlite, records.jsonl)",
            h.records,
            args.out.display()
        );
        eprintln!(
            "links rewritten: {} to migrated pages, {} to attachments; {} external links kept",
            h.page_links_rewritten, h.attachment_links_rewritten, h.external_links
        );
        if unresolved > 0 {
            let kinds: Vec<String> = h
                .unresolved
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            eprintln!(
                "unresolved links kept pointing at the old site: {unresolved} ({}), listed in unresolved-links.csv",
                kinds.join(", ")
            );
        }
        if !h.not_in_map.is_empty() {
            eprintln!(
                "{} records have no new path in {} (exported, no redirect), e.g. {}",
                h.not_in_map.len(),
                pages.describe(),
                h.not_in_map[0]
            );
        }
        eprintln!(
            "redirects: {} ({} with a query string) in redirects.csv, redirects.nginx.conf, redirects.apache.conf",
            h.redirects, h.query_redirects
        );
        if h.attachment_files > 0 {
            eprintln!(
                "attachments: {} files in attachments/, listed in attachments-map.csv",
                h.attachment_files
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
