//! Command-line interface (clap derive). Flags map one-to-one onto [`sitelift::pipeline::Options`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use sitelift::Format;

/// Lift articles out of legacy Chinese institutional websites into clean records.
#[derive(Debug, Parser)]
#[command(name = "sitelift", version, about, long_about = None)]
pub struct Cli {
    /// More log output on stderr (-v: decisions, -vv: everything).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// No progress bar and no summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from HTML files or local mirrors (folders are read recursively).
    Extract(ExtractArgs),
    /// Validate a mapping file; with --page, show what it extracts from a page, field by field.
    CheckMapping(CheckMappingArgs),
}

/// Options shared by every command that extracts pages.
#[derive(Debug, Args)]
pub struct ExtractOptions {
    /// Site mapping file (TOML, see mappings/README.md).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,

    /// Public URL of the input folder (or of the file's folder), to make links absolute.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Force a decoder (WHATWG label: gbk, gb18030, utf-8, big5, …), overriding every declaration.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// Export pages that are not articles (lists, indexes) too.
    #[arg(long)]
    pub all_pages: bool,

    /// Refuse pages larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 32)]
    pub max_page_size: usize,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub options: ExtractOptions,

    /// Output format; by default taken from --out's extension (.sqlite/.db, .json, .jsonl), else jsonl.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Output file (stdout when omitted; required for sqlite).
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// HTML files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckMappingArgs {
    /// The mapping file to validate.
    pub mapping: PathBuf,

    /// A page to run the mapping on.
    #[arg(long, value_name = "PAGE")]
    pub page: Option<PathBuf>,

    /// Public URL of the page (default: the mapping's site.base_url + the page's file name).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Print the record as JSON instead of the field table.
    #[arg(long)]
    pub json: bool,
}
