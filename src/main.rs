//! The `sitelift` binary: parse arguments, run a command from [`commands`], map the result to an exit code.
//! Exit codes: 0 done, all pages fine; 1 done, some pages failed (records for the others were written); 2 could
//! not run — usage, mapping or output error, no pages in the input, or a crawl that fetched no page at all
//! (nothing was published); 130 a crawl stopped by Ctrl-C (the job is saved: run the same command again to
//! resume); 101 sitelift stopped on an internal error, a bug ([`crash`] says so and how to report it). A reader
//! that closes stdout early (`| head`) ends the output with exit 0.

mod cli;
mod commands;
mod crash;
mod help;
mod logging;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // The language first: `--help` and clap's own errors are printed while parsing.
    sitelift::i18n::set(sitelift::i18n::detect(std::env::args_os()));
    crash::install();
    let cli = help::command()
        .try_get_matches()
        .and_then(|m| cli::Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| help::exit(e));
    progress::set_interval(cli.progress_interval);
    logging::init(cli.verbose, cli.quiet, progress::color_on_stderr());
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if err
                .downcast_ref::<sitelift::Error>()
                .is_some_and(sitelift::export::is_broken_pipe)
            {
                return ExitCode::SUCCESS;
            }
            // Not eprintln!: a closed stderr must not turn exit code 2 into a panic.
            let line = sitelift::t!("error-line", message = message(&err));
            let _ = writeln!(std::io::stderr(), "{line}");
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, `: `-separated like `{err:#}`, but without a cause whose text the message before it
/// already includes, and without the causes of one of our errors (they quote their `source`, e.g. "No such file
/// or directory (os error 2)"). An OS error is said in the interface language ([`sitelift::i18n::io_error`]).
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let ours = cause.downcast_ref::<sitelift::Error>();
        let text = if let Some(e) = ours {
            e.localized()
        } else if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            sitelift::i18n::io_error(e)
        } else {
            sitelift::i18n::os_text(&cause.to_string())
        };
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
        // Our errors say their source already (in the interface language): its own chain would repeat it
        // in a library's words (SQLite's "Error code 26: file is not a database").
        if ours.is_some() {
            break;
        }
    }
    out
}
