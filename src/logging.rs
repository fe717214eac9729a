//! Log lines on stderr (`tracing`: the warnings of a run, and with `-v` its decisions): the time, the level
//! in the interface language (`WARN`, `警告`) and the message. The warnings an operator reads are written from
//! the message files where they are raised (`log-*`), so a Chinese run logs them in Chinese; the level words
//! are `log-level-*`. The line is laid out as tracing-subscriber's own format lays it out (the level
//! right-aligned in five columns), so English lines read as they always have.

use std::fmt;

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// Log to stderr at the level `-v`/`--quiet` ask for (or `SITELIFT_LOG`, an `EnvFilter`).
pub fn init(verbose: u8, quiet: bool, ansi: bool) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        (false, _) => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SITELIFT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("sitelift={level}")));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .event_format(Lines)
        .init();
}

/// One event: `2026-12-07T12:13:36.885164Z  WARN message` (`… 警告 …` in Chinese).
struct Lines;

/// A level's message id, and its colour on a terminal (SGR: red, yellow, green, blue, magenta).
fn level(level: Level) -> (&'static str, u8) {
    match level {
        Level::ERROR => ("log-level-error", 31),
        Level::WARN => ("log-level-warn", 33),
        Level::INFO => ("log-level-info", 32),
        Level::DEBUG => ("log-level-debug", 34),
        Level::TRACE => ("log-level-trace", 35),
    }
}

impl<S, N> FormatEvent<S, N> for Lines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let ansi = writer.has_ansi_escapes();
        if ansi {
            write!(writer, "\x1b[2m")?;
        }
        SystemTime.format_time(&mut writer)?;
        if ansi {
            write!(writer, "\x1b[0m")?;
        }
        let (id, colour) = level(*event.metadata().level());
        let word = sitelift::i18n::pad_left(&sitelift::t!(id), 5);
        if ansi {
            write!(writer, " \x1b[{colour}m{word}\x1b[0m ")?;
        } else {
            write!(writer, " {word} ")?;
        }
        ctx.format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}
