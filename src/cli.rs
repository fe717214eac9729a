//! Command-line interface (clap derive). Flags map one-to-one onto [`sitelift::pipeline::Options`].

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};
use sitelift::Format;

/// Lift articles out of legacy Chinese institutional websites into clean records.
#[derive(Debug, Parser)]
#[command(name = "sitelift", version, about, long_about = None)]
pub struct Cli {
    /// More log output on stderr (-v: decisions, -vv: details, -vvv: body candidates and their scores).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// No progress and no summary (a run that exits 1 still says why, in one line).
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// When stderr is not a terminal (a pipe, a log file): seconds between two plain progress lines (pages
    /// done, rate, queue, failures, ETA).
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        default_value_t = crate::progress::DEFAULT_INTERVAL_SECS,
        value_parser = seconds
    )]
    pub progress_interval: f64,

    /// Interface language: zh (简体中文) or en [default: zh when LC_ALL, LC_MESSAGES or LANG is zh_*, or on
    /// Windows the UI language is Chinese; else en].
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// A number of seconds, 0 or more (fractions allowed).
fn seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(sitelift::t!("error-seconds", value = s)),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from HTML files or local mirrors (folders are read recursively).
    Extract(ExtractArgs),
    /// Validate a mapping file; with --page, show what it extracts from a page, field by field.
    CheckMapping(CheckMappingArgs),
    /// Measure extraction: the dev set (tune and check parts), hand-labelled pages, or trafilatura's benchmark.
    /// Exits 1 when a score is below its floor (eval/floors.toml), 2 when an input cannot be read.
    Eval(EvalArgs),
    /// Crawl a live site into a job folder, politely; running it again resumes the job.
    Crawl(CrawlArgs),
    /// Crawl a site (or read a mirror), extract and export to a folder: records.sqlite, records.jsonl and
    /// summary.json (the run's figures, every skipped and failed page with its reason).
    Run(RunArgs),
    /// A job's accounting: pages by state, failures by reason, records, fill rates, elapsed time and rate.
    Status(StatusArgs),
    /// Compare two sets of records (exports or fixture folders) field by field. Exits 0 when equal, 1 when they
    /// differ, 2 when an input cannot be read.
    Diff(DiffArgs),
    /// One self-contained HTML page (or JSON figures) for QA: fill rates, distributions, skipped and failed
    /// pages, the encoding audit and a searchable table of every record.
    Report(ReportArgs),
    /// Export a job for the new platform: records with links rewritten to their new paths, redirect maps
    /// (CSV, nginx, Apache), unresolved links and the attachment files.
    Export(ExportArgs),
    /// Print the shell completion script for bash, zsh, fish or PowerShell (stdout, or --out FILE).
    Completions(CompletionsArgs),
    /// Write the manual page generated from this command line: sitelift.1 on stdout, or with --dir one page per
    /// command (sitelift.1, sitelift-run.1, …) into a folder, for packagers.
    Man(ManArgs),
    /// Write a site mapping for review: `mapping draft` learns the site model and turns each template's places
    /// into selectors.
    Mapping(MappingArgs),
}

#[derive(Debug, Args)]
pub struct MappingArgs {
    #[command(subcommand)]
    pub command: MappingCommand,
}

#[derive(Debug, Subcommand)]
pub enum MappingCommand {
    /// Draft a mapping from the site model of a job or of files: per template the selectors for title, meta
    /// line, body and breadcrumb, the repeated blocks to remove and the page-kind rules, commented with each
    /// template's page count and sample pages.
    Draft(DraftArgs),
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Learn from the pages stored in this job (no network).
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    pub job: Option<PathBuf>,

    /// Write the mapping here (TOML).
    #[arg(long, short, value_name = "FILE.toml")]
    pub out: PathBuf,

    /// Public URL of the input folder, to make links absolute (as for extract).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Force a decoder (WHATWG label: gbk, gb18030, utf-8, big5, …).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// HTML files or folders (a whole site or mirror: templates need at least 5 pages).
    #[arg(required_unless_present = "job", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
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

    /// Extract every page on its own: no site model (no template grouping, no second pass).
    #[arg(long)]
    pub no_site_model: bool,
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

    /// Re-extract the pages stored in this crawl job (no network) instead of reading files.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    pub job: Option<PathBuf>,

    /// Also write the run's summary as JSON to this file: counts, fill rates, and every skipped and failed page
    /// with its reason.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,

    /// HTML files or folders.
    #[arg(required_unless_present = "job", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// Flags of `crawl` and `run`; each overrides the same key of the mapping's `[crawl]` table.
#[derive(Debug, Args)]
pub struct CrawlFlagArgs {
    /// Forget the job's state and start over.
    #[arg(long)]
    pub fresh: bool,

    /// Extract at most N records in this run (a trial run); the same command again extracts the next N.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,

    /// Fetch every page again (conditional requests) and re-export only the records that changed.
    #[arg(long)]
    pub update: bool,

    /// Do not read or obey robots.txt (logged).
    #[arg(long)]
    pub ignore_robots: bool,

    /// Download attachments into the job's attachments/ folder.
    #[arg(long)]
    pub download_attachments: bool,

    /// Milliseconds between two requests to one host [default: 250].
    #[arg(long, value_name = "MS")]
    pub delay_ms: Option<u64>,

    /// Requests at once to one host [default: 2].
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,

    /// Timeout of a whole request, in milliseconds [default: 30000].
    #[arg(long, value_name = "MS")]
    pub timeout_ms: Option<u64>,

    /// Connect timeout, in milliseconds [default: 10000].
    #[arg(long, value_name = "MS")]
    pub connect_timeout_ms: Option<u64>,

    /// Retries on timeouts, connection errors, 429 and 5xx [default: 3].
    #[arg(long, value_name = "N")]
    pub retries: Option<u32>,

    /// First retry backoff in milliseconds, doubled each retry, with jitter [default: 500].
    #[arg(long, value_name = "MS")]
    pub retry_base_ms: Option<u64>,

    /// Longest wait before a retry, in milliseconds; a host whose Retry-After asks for more is paused until
    /// the next run [default: 120000].
    #[arg(long, value_name = "MS")]
    pub max_retry_wait_ms: Option<u64>,

    /// Circuit breaker: 429/5xx responses in a row that pause a host until the next run (0: never) [default: 10].
    #[arg(long, value_name = "N")]
    pub max_host_errors: Option<u32>,

    /// Redirects followed per URL [default: 10].
    #[arg(long, value_name = "N")]
    pub max_redirects: Option<u32>,

    /// Largest decoded (decompressed) page, in megabytes; larger responses are cut off [default: 20].
    #[arg(long, value_name = "MB")]
    pub max_decoded_mb: Option<u64>,

    /// Largest attachment, in megabytes [default: 200].
    #[arg(long, value_name = "MB")]
    pub max_attachment_mb: Option<u64>,

    /// User-Agent header [default: sitelift/VERSION (archival crawler …)].
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,

    /// Scope: only fetch URLs matching this regex (repeatable; any one matches), e.g. '/xwzx/'. Matched
    /// anywhere in the full URL; start URLs are always fetched. Added to the mapping's crawl.include.
    #[arg(long, value_name = "REGEX")]
    pub include: Vec<String>,

    /// Scope: never fetch URLs matching this regex (repeatable), e.g. '/print/' or '\.pdf$'. Wins over
    /// --include; added to the mapping's crawl.exclude.
    #[arg(long, value_name = "REGEX")]
    pub exclude: Vec<String>,

    /// Scope: only fetch URLs under a start URL's folder (http://host/news/index.html → http://host/news/…).
    #[arg(long)]
    pub no_parent: bool,

    /// Fetch at most N pages in this run (fetched or failed); the rest stay queued for the next run.
    #[arg(long, value_name = "N")]
    pub max_pages: Option<u64>,

    /// Trap limit: links away from a start URL; the next pages of a list (下一页) do not count [default: 30].
    #[arg(long, value_name = "N")]
    pub max_depth: Option<u32>,

    /// Trap limit: pages of one list reached through its pager (下一页, 尾页, page numbers) [default: 2000].
    #[arg(long, value_name = "N")]
    pub max_list_pages: Option<u64>,

    /// Trap limit: differently named paths under one folder, digits aside (tokens or session ids in the path)
    /// [default: 1000].
    #[arg(long, value_name = "N")]
    pub max_path_variants: Option<u64>,

    /// Trap limit: URLs queued per host [default: 100000].
    #[arg(long, value_name = "N")]
    pub max_pages_per_host: Option<u64>,

    /// Trap limit: pages whose URLs differ only in digits [default: 100000].
    #[arg(long, value_name = "N")]
    pub max_pages_per_pattern: Option<u64>,

    /// Trap limit: query strings on one path [default: 1000].
    #[arg(long, value_name = "N")]
    pub max_query_variants: Option<u64>,
}

#[derive(Debug, Args)]
pub struct CrawlArgs {
    #[command(flatten)]
    pub options: ExtractOptions,

    #[command(flatten)]
    pub crawl: CrawlFlagArgs,

    /// The job folder (created if missing; resumed if it exists).
    #[arg(long, value_name = "DIR", default_value = "sitelift-job")]
    pub job: PathBuf,

    /// Start URLs (default: the mapping's crawl.start_urls, or the job's).
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub options: ExtractOptions,

    #[command(flatten)]
    pub crawl: CrawlFlagArgs,

    /// Output folder: records.sqlite, records.jsonl, summary.json, attachments.jsonl (and the job, unless --job).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,

    /// The job folder [default: the --out folder].
    #[arg(long, value_name = "DIR")]
    pub job: Option<PathBuf>,

    /// Start URLs to crawl, or local files / mirror folders to read.
    #[arg(value_name = "URL|PATH")]
    pub inputs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The job folder.
    #[arg(long, value_name = "DIR")]
    pub job: PathBuf,

    /// Print the status as JSON.
    #[arg(long)]
    pub json: bool,
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
#[command(group(ArgGroup::new("input").required(true).args(["devset", "labels", "trafilatura"])))]
pub struct EvalArgs {
    /// The dev set (eval/devset/devset.toml, or its folder): tune and check parts scored side by side, with the
    /// page-kind confusion and the body benchmark of each.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["labels", "trafilatura"])]
    pub devset: Option<PathBuf>,

    /// With --devset: only this part (its misses are then listed too).
    #[arg(long, value_enum, requires = "devset")]
    pub part: Option<sitelift::qa::Part>,

    /// Hand labels (labels.json; format in the corpus README): score every field on every labelled page.
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,

    /// With --labels: hand kind labels (kinds.json: page → article / non-article) to score which pages the
    /// default run keeps and skips.
    #[arg(long, value_name = "FILE", requires = "labels")]
    pub kinds: Option<PathBuf>,

    /// Score a run that exports non-articles too (the default scores the default run, which skips them, so a
    /// dropped article costs all its fields).
    #[arg(long)]
    pub all_pages: bool,

    /// trafilatura's evaldata.json: score body text with trafilatura's benchmark method.
    #[arg(long, value_name = "FILE")]
    pub trafilatura: Option<PathBuf>,

    /// Folder of the pages (default: the folder of the labels or evaldata file).
    #[arg(long, value_name = "DIR")]
    pub pages: Option<PathBuf>,

    /// Run with this site mapping file.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,

    /// With --devset: extract every page of each dev page's folder in one run with the site model, and score
    /// the dev pages from that run (each page has its siblings, as in a run over the whole site).
    #[arg(long, requires = "devset")]
    pub site_model: bool,

    /// With --devset: score the dev pages from these exported records (a run's or a job's records.jsonl, .json
    /// or .sqlite: a crawl's, say) instead of extracting them. A record is a dev page's when its URL or source
    /// path ends with the page's file name; only the folders some record comes from are scored, and their dev
    /// pages without a record count as not exported.
    #[arg(long, value_name = "FILE", requires = "devset", conflicts_with_all = ["site_model", "mapping", "all_pages"])]
    pub records: Option<PathBuf>,

    /// Only pages whose file name contains this text (e.g. a site's folder, to evaluate its mapping). Several
    /// substrings, comma-separated or with the flag repeated, select the pages that contain any of them.
    #[arg(long, value_name = "SUBSTRING", value_delimiter = ',')]
    pub files: Vec<String>,

    /// Also write the figures and misses as JSON to this file.
    #[arg(long, value_name = "OUT")]
    pub json: Option<PathBuf>,

    /// Floors file (default eval/floors.toml; not applied by default to --files, --mapping or --records runs).
    #[arg(long, value_name = "FILE", conflicts_with = "no_floors")]
    pub floors: Option<PathBuf>,

    /// Report the scores without the regression gate.
    #[arg(long)]
    pub no_floors: bool,

    /// Print at most this many misses.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub misses: usize,
}

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// What `report --format` prints: the figures as JSON (the page itself is `--html`, so there is no `text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The expected records: a JSON, JSON Lines or SQLite export, or a folder of *.expected.json fixtures.
    pub expected: PathBuf,

    /// The actual records, in any of the same forms.
    pub actual: PathBuf,

    /// Leave a field out of the comparison (repeatable; `encoding.replacements` names a sub-field).
    #[arg(long, value_name = "FIELD")]
    pub ignore: Vec<String>,

    /// Count every run of whitespace (U+3000 and U+00A0 too) as one space, and ignore it at the ends.
    #[arg(long)]
    pub normalize_whitespace: bool,

    /// Print text for people or JSON for machines.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,

    /// Rewrite EXPECTED from ACTUAL (fixtures: only the fields each file has; an export: all of it).
    #[arg(long)]
    pub bless: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["job", "input"])))]
pub struct ReportArgs {
    /// A crawl job folder: records, skipped and failed pages, attachments.
    #[arg(long, value_name = "DIR")]
    pub job: Option<PathBuf>,

    /// An export (JSON, JSON Lines or SQLite) instead of a job.
    #[arg(long, value_name = "EXPORT")]
    pub input: Option<PathBuf>,

    /// Write the HTML report here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// Also print the figures as JSON (to stdout, or to --json-out); `json` is the only format.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    /// Write the JSON figures to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub json_out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The crawl job folder to export.
    #[arg(long, value_name = "DIR")]
    pub job: PathBuf,

    /// Output folder: records.jsonl, records.sqlite, redirects.*, unresolved-links.csv, attachments/.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,

    /// New location of each migrated page: a template such as `/articles/{yyyy}/{id}` (placeholders {id}
    /// {slug} {yyyy} {mm} {dd}) or a CSV file of `old_url,new_path` rows.
    #[arg(long, value_name = "TEMPLATE|CSV")]
    pub link_map: String,

    /// New location of each downloaded attachment: a template with {name} (the stored file name), {sha256},
    /// {ext}.
    #[arg(long, value_name = "TEMPLATE", default_value = "/files/{name}")]
    pub attachment_map: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,

    /// Write the script to this file (UTF-8) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write sitelift.1 and one page per command into this folder (created if missing) instead of printing
    /// sitelift.1 on stdout.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}
