//! What a person reads when sitelift panics. A panic is a bug; Rust's own text ("thread 'main' panicked at
//! src/…") says neither that nor what happens next, and only in English. The hook installed here says, in the
//! interface language, that sitelift stopped on an internal error, that the records already written are kept
//! (a crawl job resumes with the same command), and how to report it: the command and the version. Rust's
//! words follow, labelled as such; with `RUST_BACKTRACE` set, Rust's default text and the backtrace follow
//! instead. The process then unwinds as without the hook (exit code 101 from the main thread).
//!
//! A panic inside a page's guard ([`sitelift::pipeline::in_page_guard`]) is that page's failure, reported with
//! the page (`reason-internal`) while the run goes on: the hook says nothing then, except with
//! `RUST_BACKTRACE` set (Rust's default text, for a developer).

use std::io::Write;
use std::panic::PanicHookInfo;

use sitelift::t;

/// Install the hook (once, at start, after the interface language is chosen).
pub fn install() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
        if sitelift::pipeline::in_page_guard() {
            if backtrace {
                default(info);
            }
            return;
        }
        // Not eprintln!: a closed stderr must not turn a panic into an abort.
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "{}",
            t!(
                "panic-stopped",
                command = command(),
                version = env!("CARGO_PKG_VERSION")
            )
        );
        if backtrace {
            drop(err);
            default(info);
        } else {
            let _ = writeln!(err, "{}", t!("panic-detail", detail = detail(info)));
            let _ = writeln!(err, "{}", t!("panic-backtrace"));
        }
    }));
}

/// Rust's words for the panic: `panicked at FILE:LINE:COLUMN: MESSAGE`, as its default hook says them.
fn detail(info: &PanicHookInfo<'_>) -> String {
    let message = sitelift::pipeline::panic_message(info.payload()).unwrap_or("Box<dyn Any>");
    match info.location() {
        Some(at) => format!("panicked at {at}: {message}"),
        None => format!("panicked: {message}"),
    }
}

/// The command line as run (`sitelift crawl --job site …`), an argument with a space or quote in quotes.
fn command() -> String {
    let args = std::env::args_os().skip(1).map(|a| {
        let a = a.to_string_lossy().into_owned();
        if a.is_empty() || a.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
            format!("{a:?}")
        } else {
            a
        }
    });
    std::iter::once("sitelift".to_string())
        .chain(args)
        .collect::<Vec<_>>()
        .join(" ")
}
