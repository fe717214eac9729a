//! An HTTP status for a person. A failed fetch is stored as `HTTP 404 Not Found` — the code and its standard
//! English name, as the job store, the JSON summary and the report's data keep it — and shown with the name in
//! the interface language (`HTTP 404 找不到页面`): the common codes by their own message (`http-reason-404`),
//! any other by its class. Only the code is read back; the words after it are checked to be the ones
//! [`reason_phrase`] writes for that code, so a text that merely starts with `HTTP` is left alone.

use crate::i18n::{self, FluentValue, Lang};

/// ` Not Found` for 404 (empty for a code with no standard name), for the stored reason `HTTP 404 Not Found`.
pub fn reason_phrase(status: u16) -> String {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// The stored reason of a response with `status`: `HTTP 404 Not Found`.
pub fn status_text(status: u16) -> String {
    format!("HTTP {status}{}", reason_phrase(status))
}

/// `text` said in `lang` when it is a [`status_text`] whose code has a name; `None` for any other text
/// (`HTTP 404` alone has no English words to translate).
pub fn localized_in(lang: Lang, text: &str) -> Option<String> {
    let code: u16 = text.strip_prefix("HTTP ")?.get(..3)?.parse().ok()?;
    if text != status_text(code) || reason_phrase(code).is_empty() {
        return None;
    }
    let reason = i18n::message_in(lang, &format!("http-reason-{code}")).unwrap_or_else(|| {
        let class = match code {
            400..=499 => "client",
            500..=599 => "server",
            _ => "other",
        };
        let canonical = reason_phrase(code).trim_start().to_string();
        let args = [
            ("class", FluentValue::from(class)),
            ("canonical", FluentValue::from(canonical)),
        ];
        i18n::tr_in(lang, "http-reason-other", &args)
    });
    let args = [
        ("code", FluentValue::from(code.to_string())),
        ("reason", FluentValue::from(reason)),
    ];
    Some(i18n::tr_in(lang, "http-status", &args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_stored_text_for_every_code() {
        for code in 100..=599u16 {
            let text = status_text(code);
            let shown = localized_in(Lang::En, &text);
            assert!(
                shown.is_none() || shown.as_deref() == Some(text.as_str()),
                "{text}"
            );
        }
    }

    #[test]
    fn common_codes_have_chinese_names_and_others_their_class() {
        let zh = |code| localized_in(Lang::Zh, &status_text(code)).unwrap();
        assert_eq!(zh(404), "HTTP 404 找不到页面");
        assert_eq!(zh(503), "HTTP 503 服务暂时不可用");
        for code in [400, 401, 403, 405, 408, 410, 429, 500, 502, 504] {
            let text = zh(code);
            assert!(!text.contains(reason_phrase(code).trim()), "{text}");
        }
        assert_eq!(zh(418), "HTTP 418 请求未被接受");
        assert_eq!(zh(507), "HTTP 507 服务器出错");
    }

    #[test]
    fn other_texts_are_not_status_texts() {
        for text in [
            "HTTP 404",
            "HTTP 404 Gone",
            "HTTP 4044 Not Found",
            "HTTP",
            "timeout",
        ] {
            assert_eq!(localized_in(Lang::Zh, text), None, "{text}");
        }
    }
}
