//! `sitelift export --job DIR --link-map TEMPLATE|CSV --out DIR`: the hand-over folder for the new platform —
//! records with links rewritten, redirect maps, unresolved links, attachment files (see
//! [`sitelift::handover`]).

use std::process::ExitCode;

use anyhow::Result;
use sitelift::handover::{AttachmentMap, PageMap, export_job};
use sitelift::t;

use crate::cli::ExportArgs;

pub fn run(args: ExportArgs, quiet: bool) -> Result<ExitCode> {
    let pages = PageMap::parse(&args.link_map)?;
    let attachments = AttachmentMap::parse(&args.attachment_map)?;
    let h = export_job(&args.job, &args.out, &pages, &attachments)?;
    if !quiet {
        let unresolved: usize = h.unresolved.values().sum();
        let out = args.out.display().to_string();
        eprintln!("{}", t!("export-records", n = h.records, out = out));
        eprintln!(
            "{}",
            t!(
                "export-links",
                pages = h.page_links_rewritten,
                attachments = h.attachment_links_rewritten,
                external = h.external_links
            )
        );
        if unresolved > 0 {
            let kinds: Vec<String> = h
                .unresolved
                .iter()
                .map(|(k, n)| format!("{n} {}", sitelift::i18n::word("link-kind", k)))
                .collect();
            eprintln!(
                "{}",
                t!(
                    "export-unresolved",
                    n = unresolved,
                    kinds = kinds.join(", ")
                )
            );
        }
        if !h.not_in_map.is_empty() {
            eprintln!(
                "{}",
                t!(
                    "export-not-in-map",
                    n = h.not_in_map.len(),
                    map = pages.describe(),
                    example = h.not_in_map[0].as_str()
                )
            );
        }
        eprintln!(
            "{}",
            t!(
                "export-redirects",
                n = h.redirects,
                query = h.query_redirects
            )
        );
        if h.attachment_files > 0 {
            eprintln!("{}", t!("export-attachments", n = h.attachment_files));
        }
    }
    Ok(ExitCode::SUCCESS)
}
