//! Command-line interface (clap derive). Flags map one-to-one onto [`sitelift::pipeline::Options`].

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};
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
    /// Measure extraction: per-field accuracy on hand-labelled pages, or trafilatura's benchmark. Exits 1 when a
    /// score is below its floor (eval/floors.toml), 2 when an input cannot be read.
    Eval(EvalArgs),
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

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("input").required(true).args(["labels", "trafilatura"])))]
pub struct EvalArgs {
    /// Hand labels (labels.json; format in the corpus README): score every field on every labelled page.
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,

    /// trafilatura's evaldata.json: score body text with trafilatura's benchmark method.
    #[arg(long, value_name = "FILE")]
    pub trafilatura: Option<PathBuf>,

    /// Folder of the pages (default: the folder of the labels or evaldata file).
    #[arg(long, value_name = "DIR")]
    pub pages: Option<PathBuf>,

    /// Run with this site mapping file.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,

    /// Only pages whose file name contains this text (e.g. a site's folder, to evaluate its mapping).
    #[arg(long, value_name = "SUBSTRING")]
    pub files: Option<String>,

    /// Also write the figures and misses as JSON to this file.
    #[arg(long, value_name = "OUT")]
    pub json: Option<PathBuf>,

    /// Floors file (default eval/floors.toml; not applied by default to --files or --mapping runs).
    #[arg(long, value_name = "FILE", conflicts_with = "no_floors")]
    pub floors: Option<PathBuf>,

    /// Report the scores without the regression gate.
    #[arg(long)]
    pub no_floors: bool,

    /// Print at most this many misses.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub misses: usize,
}
