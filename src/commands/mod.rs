//! One function per subcommand; each returns the exit code or an error (exit 2).

/// `print!` to stdout through [`print_stdout`]: a reader that went away (`| head`) ends the output quietly
/// instead of panicking; any other write error is returned.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::commands::print_stdout(&format!($($arg)*))?
    };
}

/// `println!` through [`print_stdout`] (see [`out!`]).
macro_rules! outln {
    () => {
        $crate::commands::print_stdout("\n")?
    };
    ($($arg:tt)*) => {
        $crate::commands::print_stdout(&format!("{}\n", format_args!($($arg)*)))?
    };
}

mod check_mapping;
mod completions;
mod crawl;
mod diff;
mod eval;
mod export;
mod extract;
mod mapping;
mod publish;
mod report;
mod run;
mod run_mirror;
mod status;

use std::process::ExitCode;

use anyhow::{Context, Result};
use sitelift::Mapping;
use sitelift::pipeline::{DEFAULT_MAX_PAGE_BYTES, Options};

use crate::cli::{Cli, Command, ExtractOptions};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args, cli.quiet, cli.verbose),
        Command::CheckMapping(args) => check_mapping::run(args),
        Command::Eval(args) => eval::run(args, cli.quiet),
        Command::Crawl(args) => crawl::run(args, cli.quiet, cli.verbose),
        Command::Run(args) => run::run(args, cli.quiet, cli.verbose),
        Command::Status(args) => status::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Report(args) => report::run(args, cli.quiet),
        Command::Export(args) => export::run(args, cli.quiet),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
        Command::Mapping(args) => mapping::run(args, cli.quiet, cli.verbose),
    }
}

/// Build the pipeline options from the shared flags.
pub fn options(o: &ExtractOptions) -> Result<Options> {
    let mapping = o.mapping.as_deref().map(Mapping::load).transpose()?;
    Ok(Options {
        mapping,
        base_url: o.base_url.as_deref().map(parse_base_url).transpose()?,
        encoding: o
            .encoding
            .as_deref()
            .map(sitelift::decode::encoding_for_label)
            .transpose()?,
        all_pages: o.all_pages,
        site_model: !o.no_site_model,
        max_page_bytes: o
            .max_page_size
            .checked_mul(1024 * 1024)
            .unwrap_or(DEFAULT_MAX_PAGE_BYTES),
    })
}

/// A base URL must be an absolute http(s) URL; a folder URL gets its trailing slash so paths join under it.
pub fn parse_base_url(s: &str) -> Result<url::Url> {
    let mut u = url::Url::parse(s)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
        .ok_or_else(|| sitelift::Error::BadBaseUrl(s.to_string()))
        .with_context(|| format!("--base-url {s}"))?;
    if !u.path().ends_with('/') && !u.path().rsplit('/').next().unwrap_or("").contains('.') {
        let p = format!("{}/", u.path());
        u.set_path(&p);
    }
    Ok(u)
}

/// An input that is not a file and reads like a host name (`www.site.cn`, `www.site.cn/news/`) was meant as a
/// URL: say how to write it rather than "does not exist".
pub fn url_without_scheme(input: &str) -> Option<sitelift::Error> {
    if input.contains("://") || std::path::Path::new(input).exists() {
        return None;
    }
    let host = input.split('/').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let tld = host.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    // `page.html` or `out.jsonl` is a missing file, not a host.
    let file_like = matches!(
        tld.as_str(),
        "html"
            | "htm"
            | "shtml"
            | "asp"
            | "aspx"
            | "php"
            | "jsp"
            | "json"
            | "jsonl"
            | "sqlite"
            | "db"
            | "toml"
    );
    let looks_like_host = sitelift::source::files::looks_like_host(host) && !file_like;
    looks_like_host.then(|| sitelift::Error::MissingScheme(input.to_string()))
}

/// Create an output folder (and its parents). A file where a folder of the path should be is said as such,
/// not as the operating system's "already exists".
pub fn create_folder(path: &std::path::Path) -> Result<()> {
    let file = path
        .ancestors()
        .find(|a| a.exists())
        .filter(|a| !a.as_os_str().is_empty() && !a.is_dir());
    if let Some(file) = file {
        anyhow::bail!(sitelift::t!(
            "folder-is-a-file",
            path = path.display().to_string(),
            file = file.display().to_string()
        ));
    }
    std::fs::create_dir_all(path)
        .with_context(|| sitelift::t!("extract-create-folder", path = path.display().to_string()))
}

/// The inputs hold no page: nothing to do, so nothing is written (exit 2) rather than an empty export.
pub fn no_pages(inputs: &[String]) -> anyhow::Error {
    anyhow::anyhow!(sitelift::t!("no-pages", inputs = inputs.join(", ")))
}

/// Print to stdout; a reader that went away (`sitelift diff … | head`) is not an error.
pub fn print_stdout(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context(sitelift::t!("cannot-write-stdout"))
        }
        _ => Ok(()),
    }
}
