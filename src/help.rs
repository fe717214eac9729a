//! `--help` in the interface language. clap builds the command from the derive definitions in [`crate::cli`]
//! (whose doc comments are the English text); before parsing, every about and help text that has a message in
//! the message files is replaced by it: `help-about` for the program, `help-about-CMD` for a command
//! (`help-about-mapping-draft` for `mapping draft`), `help-CMD-ARG` for one of its arguments, `help-ARG` for a
//! global argument or one shared by several commands; an argument's value names (`<FILE>`, `[INPUT]`) by
//! `value-name-NAME`. The English file holds the same text as the doc comments and value names of src/cli.rs
//! (a test keeps them equal), so English help is unchanged. In another language clap's own words are replaced
//! too: the usage line (its title, its `[OPTIONS]` tag and `<COMMAND>`), the options, arguments and commands
//! headings, `[default: …]`, `[possible values: …]` and the `help` command it adds; and its usage errors are written from the message files by their kind and context
//! ([`exit`]): an unknown argument and clap's tips for it, a missing or invalid value (a number's parse failure
//! too), an option given twice.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use sitelift::i18n::{self, Lang};

/// The command line, with its help texts in the interface language.
pub fn command() -> Command {
    localize(crate::cli::Cli::command(), i18n::lang())
}

fn localize(cmd: Command, lang: Lang) -> Command {
    let words = Words { lang };
    let clap_words = replaces_clap_words(lang);
    let mut cmd = command_texts(cmd, "", &words, clap_words);
    if clap_words {
        // The `help` commands exist once clap has built the command; their texts are replaced after that.
        cmd.build();
        cmd = built_texts(cmd, &words);
    }
    cmd
}

/// clap's own words are replaced only in a language whose words differ from clap's (English keeps clap's
/// output byte for byte).
fn replaces_clap_words(lang: Lang) -> bool {
    [
        ("help-usage", "Usage: {usage}"),
        ("help-options", "Options"),
        ("help-arguments", "Arguments"),
    ]
    .iter()
    .any(|(id, english)| i18n::tr_in(lang, id, &[]) != *english)
}

/// Print a command-line error and exit 2 — in the interface language when clap's own words are replaced and
/// the error is one [`Localized`] knows (English, `--help` and `--version` as clap prints them).
pub fn exit(error: clap::Error) -> ! {
    if replaces_clap_words(i18n::lang()) && Localized::knows(error.kind()) {
        error.apply::<Localized>().exit()
    }
    error.exit()
}

/// clap's usage errors from the message files: what is wrong, clap's suggestion, the usage line, where to
/// read more.
struct Localized;

impl Localized {
    fn knows(kind: ErrorKind) -> bool {
        Localized::message(kind).is_some()
    }

    fn message(kind: ErrorKind) -> Option<&'static str> {
        Some(match kind {
            ErrorKind::UnknownArgument => "clap-unknown-argument",
            ErrorKind::InvalidValue => "clap-invalid-value",
            ErrorKind::ValueValidation => "clap-value-validation",
            ErrorKind::MissingRequiredArgument => "clap-missing-required",
            ErrorKind::InvalidSubcommand => "clap-invalid-subcommand",
            ErrorKind::MissingSubcommand => "clap-missing-subcommand",
            ErrorKind::ArgumentConflict => "clap-conflict",
            ErrorKind::NoEquals
            | ErrorKind::TooManyValues
            | ErrorKind::TooFewValues
            | ErrorKind::WrongNumberOfValues => "clap-wrong-values",
            _ => return None,
        })
    }
}

impl Localized {
    /// The message for `error`: its kind's, or for two kinds clap words by their context, the case's (no value
    /// at all for an option that takes one; the same option given twice).
    fn refined<F: ErrorFormatter>(error: &clap::error::Error<F>) -> &'static str {
        let same = |a: ContextKind, b: ContextKind| match (error.get(a), error.get(b)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        match error.kind() {
            ErrorKind::InvalidValue if matches!(error.get(ContextKind::InvalidValue), Some(ContextValue::String(v)) if v.is_empty()) => {
                "clap-value-required"
            }
            ErrorKind::ArgumentConflict if same(ContextKind::InvalidArg, ContextKind::PriorArg) => {
                "clap-used-twice"
            }
            kind => Localized::message(kind).unwrap_or("clap-wrong-values"),
        }
    }
}

/// Why a value did not parse: a number's failure in the interface language (the standard library words it
/// in English only), any other as its parser wrote it (sitelift's own parsers write the interface language).
fn parse_failure(e: &(dyn std::error::Error + 'static)) -> String {
    use std::num::{IntErrorKind, ParseFloatError, ParseIntError};
    if let Some(e) = e.downcast_ref::<ParseIntError>() {
        return sitelift::t!(match e.kind() {
            IntErrorKind::PosOverflow => "clap-number-too-large",
            IntErrorKind::NegOverflow => "clap-number-too-small",
            _ => "clap-not-a-whole-number",
        });
    }
    if e.downcast_ref::<ParseFloatError>().is_some() {
        return sitelift::t!("clap-not-a-number");
    }
    e.to_string()
}

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let context =
            |kind: ContextKind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
        let reason = std::error::Error::source(error)
            .map(parse_failure)
            .unwrap_or_default();
        let what = sitelift::t!(
            Localized::refined(error),
            arg = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            reason = reason,
            prior = context(ContextKind::PriorArg),
            command = context(ContextKind::InvalidSubcommand),
            commands = context(ContextKind::ValidSubcommand)
        );
        let mut text = sitelift::t!("error-line", message = what);
        let valid = context(ContextKind::ValidValue);
        if !valid.is_empty() {
            text.push_str(&format!(
                "\n\n  {}",
                sitelift::t!("clap-possible-values", values = valid)
            ));
        }
        for kind in [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ] {
            let quoted = match error.get(kind) {
                Some(ContextValue::String(one)) => format!("'{one}'"),
                Some(ContextValue::Strings(several)) => several
                    .iter()
                    .map(|s| format!("'{s}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => continue,
            };
            text.push_str(&format!(
                "\n\n  {}",
                sitelift::t!("clap-suggest", suggestion = quoted)
            ));
        }
        // clap's other tips exist in its English only: the two that name nothing but the argument are known
        // by comparing them with clap's words for it; any other is shown as clap wrote it.
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            let arg = context(ContextKind::InvalidArg);
            for tip in tips {
                let tip = tip.to_string();
                let line = if tip == format!("to pass '{arg}' as a value, use '-- {arg}'") {
                    sitelift::t!("clap-tip-as-value", arg = arg.as_str())
                } else if tip
                    == format!("subcommand '{arg}' exists; to use it, remove the '--' before it")
                {
                    sitelift::t!("clap-tip-remove-dashes", arg = arg.as_str())
                } else {
                    sitelift::t!("clap-tip", tip = tip)
                };
                text.push_str(&format!("\n\n  {line}"));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let words = Words { lang: i18n::lang() };
            let line = usage_line(&words, &usage.to_string());
            text.push_str(&format!("\n\n{line}"));
        }
        text.push_str(&format!("\n\n{}\n", sitelift::t!("clap-try-help")));
        StyledStr::from(text)
    }
}

/// The message files in one language.
struct Words {
    lang: Lang,
}

impl Words {
    /// The message `id`, when the file has it.
    fn text(&self, id: &str) -> Option<String> {
        i18n::message_in(self.lang, id)
    }

    /// The message `id` (English, or the id itself, when missing).
    fn word(&self, id: &str) -> String {
        i18n::tr_in(self.lang, id, &[])
    }

    fn with(&self, id: &str, name: &'static str, value: String) -> String {
        i18n::tr_in(self.lang, id, &[(name, i18n::FluentValue::from(value))])
    }
}

/// The about and argument texts of `cmd` (at `path`: `""`, `run`, `mapping-draft`) and of its commands.
fn command_texts(cmd: Command, path: &str, words: &Words, clap_words: bool) -> Command {
    let mut cmd = cmd;
    let about = if path.is_empty() {
        "help-about".to_string()
    } else {
        format!("help-about-{path}")
    };
    if let Some(about) = words.text(&about) {
        cmd = cmd.about(about);
    }
    let prefix = if path.is_empty() {
        String::new()
    } else {
        format!("{path}-")
    };
    cmd = args(cmd, &prefix, words);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{prefix}{name}");
        cmd = cmd.mut_subcommand(&name, |sub| {
            command_texts(sub, &sub_path, words, clap_words)
        });
    }
    if clap_words {
        cmd = clap_texts(cmd, words);
        if cmd.has_subcommands() {
            cmd = cmd.subcommand_help_heading(words.word("help-commands"));
        }
    }
    cmd
}

/// clap's own `--help` and `--version` flags described in our words, and each argument's default and
/// possible values (the headings and the usage line are written once clap has built the command:
/// [`built_texts`]).
fn clap_texts(cmd: Command, words: &Words) -> Command {
    let mut cmd = cmd.mut_args(|a| value_notes(a, words));
    let flag = |id: &'static str, action: ArgAction| {
        Arg::new(id)
            .long(id)
            .action(action)
            .help(words.word(&format!("help-flag-{id}")))
            // Last, as clap puts its own.
            .display_order(usize::MAX)
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

/// The help template of a built command: the usage line and the commands, arguments and options headings in
/// our words, in clap's order (a template of our own, since clap orders headings it did not write by where
/// their first argument is declared, which put a command's inputs after its options).
fn template(cmd: &mut Command, words: &Words) -> String {
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!("{}:\n{{subcommands}}", words.word("help-commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!(
            "{}:\n{{positionals}}",
            words.word("help-arguments")
        ));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!("{}:\n{{options}}", words.word("help-options")));
    }
    let usage = usage_line(words, &cmd.render_usage().to_string());
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}\n\n{}{{after-help}}",
        sections.join("\n\n")
    )
}

/// clap's usage line (`Usage: sitelift extract [OPTIONS] [INPUT]...`) in our words. The value names in it are
/// already ours ([`value_names`]); clap's title and its `[OPTIONS]` tag, which its usage writer spells
/// itself, are replaced by `help-usage` and `help-usage-options`.
fn usage_line(words: &Words, usage: &str) -> String {
    let usage = usage.strip_prefix("Usage: ").unwrap_or(usage);
    let usage = usage.replace("[OPTIONS]", &words.word("help-usage-options"));
    words.word("help-usage").replace("{usage}", &usage)
}

/// `[default: 30]` and `[possible values: zh, en]` in our words: clap's notes hidden, ours added to the help.
fn value_notes(a: Arg, words: &Words) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut notes = Vec::new();
    if !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let values: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        notes.push(words.with("help-default", "value", values.join(" ")));
    }
    let possible: Vec<String> = a
        .get_value_parser()
        .possible_values()
        .map(|values| {
            values
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect()
        })
        .unwrap_or_default();
    if !a.is_hide_possible_values_set() && !possible.is_empty() {
        notes.push(words.with("help-possible-values", "values", possible.join(", ")));
    }
    if notes.is_empty() {
        return a;
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let help = [help]
        .into_iter()
        .chain(notes)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    a.hide_default_value(true)
        .hide_possible_values(true)
        .help(help)
}

/// What exists once clap has built the command: each command's help template ([`template`]), and the texts
/// of the `help` commands clap added (`sitelift help`, `sitelift mapping help`, and `help help` under them).
fn built_texts(cmd: Command, words: &Words) -> Command {
    let mut cmd = cmd;
    if cmd.get_name() == "help" {
        cmd = cmd.about(words.word("help-about-help"));
        if cmd.get_arguments().any(|a| a.get_id() == "subcommand") {
            cmd = cmd.mut_arg("subcommand", |a| {
                value_names(a.help(words.word("help-help-subcommand")), words)
            });
        }
    }
    if cmd.has_subcommands() {
        // `<COMMAND>` in the usage line (the `help` commands are made by clap with its word).
        cmd = cmd.subcommand_value_name(words.word("value-name-command"));
    }
    let template = template(&mut cmd, words);
    cmd = cmd.help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| built_texts(sub, words));
    }
    cmd
}

/// Replace the help of each argument of `cmd` that has a message `help-{prefix}{arg id}`, else `help-{arg id}`,
/// and its value names ([`value_names`]).
fn args(cmd: Command, prefix: &str, words: &Words) -> Command {
    cmd.mut_args(|a| {
        let id = a.get_id().as_str().replace('_', "-");
        let a = match words
            .text(&format!("help-{prefix}{id}"))
            .or_else(|| words.text(&format!("help-{id}")))
        {
            Some(help) => a.help(help),
            None => a,
        };
        value_names(a, words)
    })
}

/// An argument's value names (`<FILE>`, `[INPUT]...`, in the help, the usage line and clap's errors) from the
/// messages `value-name-NAME` ([`value_name_id`]), when the file has each of them. The English file spells
/// them as src/cli.rs does (a test keeps them equal).
fn value_names(a: Arg, words: &Words) -> Arg {
    let Some(names) = a
        .get_value_names()
        .filter(|_| a.get_action().takes_values())
    else {
        return a;
    };
    let said: Option<Vec<String>> = names
        .iter()
        .map(|name| words.text(&value_name_id(name)))
        .collect();
    match said {
        Some(said) => a.value_names(said),
        None => a,
    }
}

/// The message id of a value name: `value-name-` and the name in lower case, any other character than a
/// letter or digit as `-` (`URL|PATH` → `value-name-url-path`, `FILE.toml` → `value-name-file-toml`).
fn value_name_id(name: &str) -> String {
    let key: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("value-name-{}", key.trim_matches('-'))
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
            let names = a
                .get_value_names()
                .filter(|_| a.get_action().takes_values());
            for name in names.unwrap_or_default() {
                out.push((format!("{at} {} value name", a.get_id()), name.to_string()));
            }
        }
        if let Some(name) = cmd.get_subcommand_value_name() {
            out.push((format!("{at} command value name"), name.to_string()));
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

    /// Every command, the `help` commands clap adds among them, and every argument (clap's own `--help` and
    /// `--version` too) has its help and its value names in Chinese: a new flag or value name without a
    /// message fails here.
    #[test]
    fn chinese_help_covers_every_command_and_argument() {
        let cmd = localize(crate::cli::Cli::command(), Lang::Zh);
        let mut all = Vec::new();
        texts(&cmd, "sitelift", &mut all);
        // A one-letter value name is a symbol the help texts use (`--limit <N>`: 最多提取 N 条记录).
        let symbol = |at: &str, text: &str| {
            at.ends_with("value name")
                && text.len() == 1
                && text.chars().all(|c| c.is_ascii_uppercase())
        };
        let english: Vec<_> = all
            .iter()
            .filter(|(at, text)| {
                !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && !symbol(at, text)
            })
            .collect();
        assert!(english.is_empty(), "help without Chinese: {english:?}");
        for verb in [
            "check-mapping",
            "eval",
            "diff",
            "completions",
            "man",
            "help",
        ] {
            assert!(cmd.find_subcommand(verb).is_some(), "{verb}");
        }
    }

    /// Translating keeps the arguments in order: `diff EXPECTED ACTUAL` reads them the same in every language.
    #[test]
    fn positionals_keep_their_order() {
        use clap::FromArgMatches;
        for lang in [Lang::En, Lang::Zh] {
            let m = localize(crate::cli::Cli::command(), lang)
                .try_get_matches_from(["sitelift", "diff", "want.jsonl", "got.jsonl"])
                .unwrap();
            let cli = crate::cli::Cli::from_arg_matches(&m).unwrap();
            let crate::cli::Command::Diff(d) = cli.command else {
                panic!("not diff")
            };
            assert_eq!(d.expected.to_str(), Some("want.jsonl"), "{lang:?}");
            assert_eq!(d.actual.to_str(), Some("got.jsonl"), "{lang:?}");
        }
    }
}
