//! The interface language. Operators are often more at home in Chinese than in English, so the text a person
//! reads — summaries, progress, `status`, error messages, `--help`, the report's page — comes from Fluent
//! message files, `locales/en/sitelift.ftl` and `locales/zh-CN/sitelift.ftl`, compiled into the binary. Which
//! one: `--lang zh|en` first; else the locale, `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first one set
//! wins, as POSIX has it; `zh*` means Chinese); else, on Windows, the user's UI language; else English. Record
//! data, JSON output and technical tokens (URLs, file names, flags) are never translated.
//!
//! [`set`] chooses the language once, at start; [`tr`] and the [`t!`](crate::t) macro look a message up. A
//! message missing from the Chinese file falls back to English, one missing from both prints its id: a
//! lookup never panics. The unit tests fail when a message id is in one file only.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

mod os;

pub use os::{io_error, io_error_in, os_text, os_text_in};

/// The English messages (the default, and the fallback for a message the Chinese file lacks).
pub const EN_FTL: &str = include_str!("../locales/en/sitelift.ftl");
/// The Simplified Chinese messages.
pub const ZH_FTL: &str = include_str!("../locales/zh-CN/sitelift.ftl");

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese` → Chinese; `en`, `C`, `POSIX`, … → English; empty → none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.is_empty() {
            None
        } else if tag.starts_with("zh") || tag.starts_with("chinese") {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Choose the interface language, once, before anything is printed (a second call changes nothing).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The interface language: the one [`set`], else English (the library used without the binary).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// The language asked for by `--lang X` / `--lang=X` among the command-line arguments (found before clap
/// parses them, so `--help` is already translated), else by the environment.
pub fn detect<I, S>(args: I) -> Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg.as_ref().to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next()
                .map(|v| v.as_ref().to_string_lossy().into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = value.as_deref().and_then(Lang::from_tag) {
            return lang;
        }
    }
    from_env(|name| std::env::var(name).ok())
}

/// The language of the locale variables (read through `var`), else of the system, else English.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).as_deref().and_then(Lang::from_tag))
        .or_else(system)
        .unwrap_or(Lang::En)
}

/// Windows: the user's UI language (GetUserDefaultUILanguage, through `sys-locale`). Elsewhere the locale
/// variables above are the system's answer.
#[cfg(windows)]
fn system() -> Option<Lang> {
    sys_locale::get_locale().as_deref().and_then(Lang::from_tag)
}

#[cfg(not(windows))]
fn system() -> Option<Lang> {
    None
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, tag, text) = match lang {
        Lang::En => (&EN, "en", EN_FTL),
        Lang::Zh => (&ZH, "zh-CN", ZH_FTL),
    };
    cell.get_or_init(|| {
        let id = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around values: the text goes to terminals and logs, not to bidi layout.
        bundle.set_use_isolating(false);
        // A syntax error keeps the messages that parsed (the unit tests catch it).
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in the interface language, with `args` filled in.
pub fn tr(id: &str, args: &[(&str, FluentValue)]) -> String {
    tr_in(lang(), id, args)
}

/// The message `id` in `lang` (English when `lang` lacks it; the id itself when both do).
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text: Cow<str> = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
            return text.into_owned();
        }
    }
    id.to_string()
}

/// The message `id` in `lang` only, without arguments; `None` when that file lacks it.
pub fn message_in(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// A record field's name for a person: the message `field-NAME` (`body_text` → `field-body-text`; in English
/// the JSON key itself), else the name as it is (a sub-field such as `encoding.used`).
pub fn field(name: &str) -> String {
    field_in(lang(), name)
}

/// [`field`] in `lang`.
pub fn field_in(lang: Lang, name: &str) -> String {
    word_in(lang, "field", name)
}

/// A provenance rule's family for a person (the summary's and the report's rule counts): the message
/// `rule-family-NAME` (`site-model` → `rule-family-site-model`; in English the family itself), else the name.
pub fn rule_family(name: &str) -> String {
    word("rule-family", name)
}

/// A stored value's word for a person: the message `PREFIX-NAME` (`_` in the name as `-`; in English the value
/// itself), e.g. a job state (`state-queued`) or the step that chose a page's encoding (`decoded-by-meta`);
/// else the value as it is.
pub fn word(prefix: &str, name: &str) -> String {
    word_in(lang(), prefix, name)
}

/// [`word`] in `lang`.
pub fn word_in(lang: Lang, prefix: &str, name: &str) -> String {
    let id = format!("{prefix}-{}", name.replace('_', "-"));
    message_in(lang, &id)
        .or_else(|| message_in(Lang::En, &id))
        .unwrap_or_else(|| name.to_string())
}

/// The terminal columns `text` takes (a Chinese character takes two), to line up tables.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `columns` terminal columns.
pub fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// Spaces up to `columns` terminal columns, then `text` (right-aligned, for figures tables).
pub fn pad_left(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

/// `t!("id")` or `t!("id", name = value, …)`: [`tr`] with each value converted by `FluentValue::from`
/// (strings as text, integers as numbers).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

pub use fluent_bundle::FluentValue;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_syntax::ast::Entry;

    use super::*;

    /// The message ids of a file; a syntax error fails the test.
    fn ids(name: &str, text: &str) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{name}: syntax errors {errors:?}"));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_string()),
                Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_message_is_in_both_languages() {
        let en = ids("en", EN_FTL);
        let zh = ids("zh-CN", ZH_FTL);
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "messages in English only: {only_en:?}; in Chinese only: {only_zh:?}"
        );
        assert!(en.len() > 20, "the message files were not found");
    }

    #[test]
    fn every_message_formats_without_errors_in_both() {
        for (lang, text) in [(Lang::En, EN_FTL), (Lang::Zh, ZH_FTL)] {
            let bundle = bundle(lang);
            for id in ids("", text).into_iter().filter(|id| !id.starts_with('-')) {
                let message = bundle.get_message(&id);
                assert!(message.is_some(), "{lang:?}: {id} did not load");
            }
        }
    }

    #[test]
    fn locale_variables_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "en_US")
            ])),
            Lang::Zh
        );
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        assert_eq!(detect(["sitelift", "status", "--lang", "zh"]), Lang::Zh);
        assert_eq!(detect(["sitelift", "--lang=zh-CN", "status"]), Lang::Zh);
        assert_eq!(detect(["sitelift", "--lang", "en"]), Lang::En);
    }

    #[test]
    fn chinese_and_english_messages_differ_and_fill_arguments() {
        let args = [("pages", FluentValue::from(3u32))];
        let en = tr_in(Lang::En, "progress-eta-unknown", &[]);
        let zh = tr_in(Lang::Zh, "progress-eta-unknown", &[]);
        assert_eq!(en, "unknown");
        assert_ne!(en, zh);
        assert_eq!(tr_in(Lang::Zh, "no-such-message", &args), "no-such-message");
    }
}
