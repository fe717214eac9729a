//! Why a link was left pointing at the old site, as a value: what the job knows of its target (an attachment
//! whose download did not finish, an image, a page not migrated and the stored reason, a URL never crawled).
//! The words are in the message files (`unresolved-*`): `unresolved-links.csv`'s `reason` column, written for
//! a person, and the report's page give them in the run's language, the report's JSON figures in English. The
//! stored texts a reason carries (a skip reason, a network failure) are shown [`localized_in`] that language,
//! the job's states by their word (`state-*`).

use crate::i18n::{self, FluentValue, Lang};
use crate::job::attachments::AttachmentState;
use crate::job::frontier::State;
use crate::outcome::{OutcomeKind, localized_in};

/// Why an unresolved link did not come along.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// An attachment the crawl queued whose download did not finish: its state, and its last error.
    AttachmentNotDownloaded {
        state: AttachmentState,
        error: Option<String>,
    },
    /// An image (the crawl does not download images).
    Image,
    /// A page extracted into a record that the link map gives no new path.
    NoNewPath,
    /// A page stored with another outcome (`skipped`, `failed`), and the stored reason.
    NotMigrated {
        outcome: OutcomeKind,
        reason: Option<String>,
    },
    /// A URL the crawl has in its frontier but no outcome for: its state, and its last error.
    NotFetched { state: State, error: Option<String> },
    /// A link to a file the crawl never queued (it ran without `--download-attachments`).
    AttachmentNeverDownloaded,
    /// A page URL the job has never seen (out of scope, or linked from nowhere it read).
    NeverCrawled,
    /// The report of an export: the target is no record of it (an export knows nothing more).
    NotInExport,
}

impl Why {
    /// `page`, `attachment` or `image`: the CSV's `kind` column and the hand-over's counts (data, in English).
    pub fn kind(&self) -> &'static str {
        match self {
            Why::AttachmentNotDownloaded { .. } | Why::AttachmentNeverDownloaded => "attachment",
            Why::Image => "image",
            _ => "page",
        }
    }

    /// The reason in the interface language.
    pub fn text(&self) -> String {
        self.say(i18n::lang())
    }

    /// The reason in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let state = |s: &str| FluentValue::from(i18n::word_in(lang, "state", s));
        // A message without the stored text, or its `-with` form with it (`$detail`).
        let with =
            |id: &str, name: &'static str, value: FluentValue<'static>, detail: &Option<String>| {
                let mut args = vec![(name, value)];
                let id = match detail {
                    Some(text) => {
                        args.push(("detail", FluentValue::from(localized_in(lang, text))));
                        format!("{id}-with")
                    }
                    None => id.to_string(),
                };
                i18n::tr_in(lang, &id, &args)
            };
        match self {
            Why::AttachmentNotDownloaded { state: s, error } => with(
                "unresolved-attachment-not-downloaded",
                "state",
                state(s.as_str()),
                error,
            ),
            Why::NotMigrated { outcome, reason } => with(
                "unresolved-not-migrated",
                "outcome",
                state(outcome.as_str()),
                reason,
            ),
            Why::NotFetched { state: s, error } => {
                with("unresolved-not-fetched", "state", state(s.as_str()), error)
            }
            Why::Image => i18n::tr_in(lang, "unresolved-image", &[]),
            Why::NoNewPath => i18n::tr_in(lang, "unresolved-no-new-path", &[]),
            Why::AttachmentNeverDownloaded => {
                i18n::tr_in(lang, "unresolved-attachment-never-downloaded", &[])
            }
            Why::NeverCrawled => i18n::tr_in(lang, "unresolved-never-crawled", &[]),
            Why::NotInExport => i18n::tr_in(lang, "unresolved-not-in-export", &[]),
        }
    }

    /// The report's line for a link: the kind of target and the reason (the reason alone for an export's link,
    /// whose kind is unknown), in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        if *self == Why::NotInExport {
            return self.say(lang);
        }
        i18n::tr_in(
            lang,
            "report-link-why",
            &[
                (
                    "kind",
                    FluentValue::from(i18n::word_in(lang, "link-kind", self.kind())),
                ),
                ("why", FluentValue::from(self.say(lang))),
            ],
        )
    }
}

impl serde::Serialize for Why {
    /// The report's JSON figures: the English line.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.line(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Why> {
        vec![
            Why::AttachmentNotDownloaded {
                state: AttachmentState::Failed,
                error: Some("HTTP 404".into()),
            },
            Why::AttachmentNotDownloaded {
                state: AttachmentState::Queued,
                error: None,
            },
            Why::Image,
            Why::NoNewPath,
            Why::NotMigrated {
                outcome: OutcomeKind::Skipped,
                reason: Some("empty file".into()),
            },
            Why::NotMigrated {
                outcome: OutcomeKind::Failed,
                reason: None,
            },
            Why::NotFetched {
                state: State::Failed,
                error: Some("HTTP 404".into()),
            },
            Why::NotFetched {
                state: State::Queued,
                error: None,
            },
            Why::AttachmentNeverDownloaded,
            Why::NeverCrawled,
            Why::NotInExport,
        ]
    }

    #[test]
    fn english_words_as_the_hand_over_wrote_them() {
        let en: Vec<String> = all().iter().map(|w| w.line(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "attachment: attachment not downloaded (failed): HTTP 404",
                "attachment: attachment not downloaded (queued)",
                "image: image: the crawl does not download images",
                "page: migrated, but the link map gives it no new path",
                "page: not migrated (skipped): empty file",
                "page: not migrated (failed)",
                "page: not migrated: failed: HTTP 404",
                "page: not migrated: queued",
                "attachment: attachment never downloaded (crawl without --download-attachments?)",
                "page: not migrated: never crawled (out of scope or not linked)",
                "not a record of this export",
            ]
        );
    }

    #[test]
    fn every_reason_in_chinese_with_its_stored_text_localized() {
        for why in all() {
            let zh = why.line(Lang::Zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(
                !zh.contains("migrated") && !zh.contains("never") && !zh.contains("the crawl"),
                "{zh}"
            );
        }
        let skipped = Why::NotMigrated {
            outcome: OutcomeKind::Skipped,
            reason: Some("empty file".into()),
        };
        assert_eq!(skipped.say(Lang::Zh), "未迁移（已跳过）：空文件");
    }
}
