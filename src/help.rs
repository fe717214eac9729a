//! `--help` in the interface language. clap builds the command from the derive definitions in [`crate::cli`]
//! (whose doc comments are the English text); before parsing, every about and help text that has a message in
//! the message files is replaced by it: `help-about` for the program, `help-SUB` for a subcommand,
//! `help-SUB-ARG` for one of its arguments, `help-ARG` for a global argument or one shared by several verbs. The English file holds the same
//! text as the doc comments (a test keeps them equal), so English help is unchanged.

use clap::{Arg, ArgAction, Command, CommandFactory};
use sitelift::i18n::{self, Lang};

/// The subcommands whose help is translated: the operator's verbs. (`check-mapping`, `eval` and `diff` are for
/// mapping authors and QA, and keep their English help.)
const MAIN_VERBS: &[&str] = &["run", "crawl", "extract", "status", "report", "export"];

/// The command line, with its help texts in the interface language.
pub fn command() -> Command {
    localize(crate::cli::Cli::command(), i18n::lang())
}

fn localize(cmd: Command, lang: Lang) -> Command {
    let text = |id: &str| i18n::message_in(lang, id);
    let word = |id: &str| i18n::tr_in(lang, id, &[]);
    let mut cmd = cmd;
    if let Some(about) = text("help-about") {
        cmd = cmd.about(about);
    }
    cmd = args(cmd, "", &text);
    // clap's own headings, in a language other than English: the template is clap's default with the usage
    // heading as a word of ours, and every argument under our "Options" or "Arguments" heading.
    let headings = [
        ("help-usage", "Usage: {usage}"),
        ("help-options", "Options"),
        ("help-arguments", "Arguments"),
    ]
    .iter()
    .any(|(id, english)| word(id) != *english);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names
        .into_iter()
        .filter(|n| MAIN_VERBS.contains(&n.as_str()))
    {
        cmd = cmd.mut_subcommand(&name, |sub| {
            let mut sub = sub;
            if let Some(about) = text(&format!("help-{name}")) {
                sub = sub.about(about);
            }
            let sub = args(sub, &format!("{name}-"), &text);
            if headings {
                translate_headings(sub, &word)
            } else {
                sub
            }
        });
    }
    if headings {
        cmd = translate_headings(cmd, &word).subcommand_help_heading(word("help-commands"));
    }
    cmd
}

/// clap's usage, options and arguments headings in our words, and its own `--help` and `--version` flags
/// described in them.
fn translate_headings(cmd: Command, word: &impl Fn(&str) -> String) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}\n\n{{all-args}}{{after-help}}",
        word("help-usage")
    );
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_help_heading().is_none())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let options = word("help-options");
    let mut cmd = cmd.help_template(template);
    for (id, positional) in ids {
        let heading = if positional {
            word("help-arguments")
        } else {
            options.clone()
        };
        cmd = cmd.mut_arg(&id, |a| a.help_heading(heading));
    }
    let flag = |id: &'static str, action: ArgAction| {
        Arg::new(id)
            .long(id)
            .action(action)
            .help(word(&format!("help-flag-{id}")))
            .help_heading(options.clone())
    };
    cmd = cmd
        .disable_help_flag(true)
        .arg(flag("help", ArgAction::Help).short('h'));
    if cmd.get_version().is_some() {
        cmd = cmd
            .disable_version_flag(true)
            .arg(flag("version", ArgAction::Version).short('V'));
    }
    cmd
}

/// Replace the help of each argument of `cmd` that has a message `help-{prefix}{arg id}`.
fn args(cmd: Command, prefix: &str, text: &impl Fn(&str) -> Option<String>) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd;
    for id in ids {
        let key = format!("help-{prefix}{}", id.replace('_', "-"));
        let shared = format!("help-{}", id.replace('_', "-"));
        if let Some(help) = text(&key).or_else(|| text(&shared)) {
            cmd = cmd.mut_arg(&id, |a| a.help(help));
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every help text of a command, as (where, text), for comparing two builds of it.
    fn texts(cmd: &Command, at: &str, out: &mut Vec<(String, String)>) {
        let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
        out.push((format!("{at} about"), about));
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
            out.push((format!("{at} {}", a.get_id()), help));
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{at} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn english_help_is_the_doc_comments() {
        let (mut plain, mut english) = (Vec::new(), Vec::new());
        texts(&crate::cli::Cli::command(), "sitelift", &mut plain);
        texts(
            &localize(crate::cli::Cli::command(), Lang::En),
            "sitelift",
            &mut english,
        );
        plain.sort();
        english.sort();
        let differ: Vec<_> = plain.iter().zip(&english).filter(|(a, b)| a != b).collect();
        assert!(
            differ.is_empty(),
            "help in locales/en differs from src/cli.rs: {differ:?}"
        );
        assert_eq!(plain.len(), english.len());
    }

    #[test]
    fn chinese_help_translates_the_main_verbs() {
        let cmd = localize(crate::cli::Cli::command(), Lang::Zh);
        for verb in ["run", "crawl", "extract", "status", "report", "export"] {
            let sub = cmd.find_subcommand(verb).expect(verb);
            let about = sub.get_about().map(|s| s.to_string()).unwrap_or_default();
            assert!(
                about
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{verb}: {about}"
            );
        }
    }
}
