//! Progress on stderr: a bar for multi-page runs when stderr is a terminal, nothing otherwise (pipes, CI,
//! `--quiet`, verbose logging).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use sitelift::batch::Observer;
use sitelift::pipeline::PageOutcome;

/// An optional progress bar that counts pages as they finish.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn new(total: usize, quiet: bool, verbose: u8) -> Progress {
        if quiet || verbose > 0 || total < 2 || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} pages ({per_sec}, eta {eta}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress(Some(bar))
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn page_done(&self, page: &str, _outcome: &PageOutcome) {
        if let Some(bar) = &self.0 {
            bar.set_message(page.to_string());
            bar.inc(1);
        }
    }
}
