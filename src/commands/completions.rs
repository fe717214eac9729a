//! `sitelift completions SHELL` and `sitelift man`: shell completion scripts and manual pages generated from the
//! clap definition in [`crate::cli`], so they always match the binary that prints them. Their texts are those of
//! `--help` ([`crate::help::command`]): in the interface language, so `sitelift --lang zh man` writes a Chinese
//! manual page, its section titles (NAME, SYNOPSIS, …) in Chinese too. Packagers run them at packaging time
//! (README: "Shell completions and the manual page").

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
            let mut cmd = cmd.disable_help_subcommand(true);
            cmd.build();
            write_pages(cmd, &dir)
                .with_context(|| t!("man-cannot-write", path = dir.display().to_string()))?;
        }
        None => {
            let page =
                page(&clap_mangen::Man::new(cmd)).with_context(|| t!("man-cannot-render"))?;
            write_or_print(None, page.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The pages of `cmd` and of each of its visible subcommands into `dir`, one file each (what
/// `clap_mangen::generate_to` writes, with [`page`]'s section titles).
fn write_pages(cmd: clap::Command, dir: &Path) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub.clone(), dir)?;
    }
    let man = clap_mangen::Man::new(cmd);
    std::fs::write(dir.join(man.get_filename()), page(&man)?)
}

/// A command's manual page, its section titles in the interface language.
fn page(man: &clap_mangen::Man) -> std::io::Result<String> {
    let mut page = Vec::new();
    man.render(&mut page)?;
    Ok(section_titles(&String::from_utf8_lossy(&page)))
}

/// The section titles clap_mangen writes (`.SH NAME`), and their messages.
const SECTIONS: [(&str, &str); 8] = [
    ("NAME", "man-section-name"),
    ("SYNOPSIS", "man-section-synopsis"),
    ("DESCRIPTION", "man-section-description"),
    ("OPTIONS", "man-section-options"),
    ("SUBCOMMANDS", "man-section-subcommands"),
    ("EXTRA", "man-section-extra"),
    ("VERSION", "man-section-version"),
    ("AUTHORS", "man-section-authors"),
];

/// `page` with each of clap_mangen's section titles said in the interface language (the English messages are
/// its own titles, so an English page stays as it was).
fn section_titles(page: &str) -> String {
    page.split_inclusive('\n')
        .map(|line| {
            let title = line.strip_prefix(".SH ").map(str::trim_end);
            match SECTIONS.iter().find(|(name, _)| Some(*name) == title) {
                // Quoted only when it has a space, so English stays as clap_mangen writes it.
                Some((_, id)) => match t!(*id) {
                    title if title.contains(' ') => format!(".SH \"{title}\"\n"),
                    title => format!(".SH {title}\n"),
                },
                None => line.to_string(),
            }
        })
        .collect()
}

/// Bytes to a file (as they are: UTF-8, whatever the shell would have re-encoded) or to stdout.
fn write_or_print(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .with_context(|| t!("cannot-write", path = path.display().to_string())),
        None => super::print_stdout(&String::from_utf8_lossy(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use sitelift::i18n::{Lang, message_in};

    use super::{SECTIONS, section_titles};

    /// Every section title clap_mangen may write has its message, its own words in English; the page around
    /// the titles is left alone (`tests/i18n_verbose_man.rs` reads the Chinese page of the real binary).
    #[test]
    fn every_section_title_in_both_languages() {
        let zh = [
            "名称",
            "概要",
            "描述",
            "选项",
            "子命令",
            "附注",
            "版本",
            "作者",
        ];
        for ((name, id), zh) in SECTIONS.iter().zip(zh) {
            assert_eq!(message_in(Lang::En, id).as_deref(), Some(*name));
            assert_eq!(message_in(Lang::Zh, id).as_deref(), Some(zh));
        }
        // The tests' language is English.
        let page = ".TH x 1\n.SH NAME\nx \\- y\n.SH OPTIONS\n.TP\n.SH NAMES\n";
        assert_eq!(section_titles(page), page);
    }
}
