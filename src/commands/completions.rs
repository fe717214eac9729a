//! `sitelift completions SHELL` and `sitelift man`: shell completion scripts and manual pages generated from the
//! clap definition in [`crate::cli`], so they always match the binary that prints them. Their texts are those of
//! `--help` ([`crate::help::command`]): in the interface language, so `sitelift --lang zh man` writes a Chinese
//! manual page. Packagers run them at packaging time (README: "Shell completions and the manual page").

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{CompletionsArgs, ManArgs};
use anyhow::{Context, Result};
use sitelift::t;

pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut cmd = crate::help::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "sitelift", &mut script);
    write_or_print(args.out.as_deref(), &script)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(args: ManArgs) -> Result<ExitCode> {
    let cmd = crate::help::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| t!("cannot-create-folder", path = dir.display().to_string()))?;
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| t!("man-cannot-write", path = dir.display().to_string()))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut page)
                .with_context(|| t!("man-cannot-render"))?;
            write_or_print(None, &page)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Bytes to a file (as they are: UTF-8, whatever the shell would have re-encoded) or to stdout.
fn write_or_print(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .with_context(|| t!("cannot-write", path = path.display().to_string())),
        None => super::print_stdout(&String::from_utf8_lossy(bytes)),
    }
}
