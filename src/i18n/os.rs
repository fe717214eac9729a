//! Operating-system errors for a person. Rust's `std::io::Error` speaks English ("Permission denied (os error
//! 13)") whatever the locale, so an error from the system is said here, by its [`ErrorKind`], in the interface
//! language, with the OS's own code kept in brackets (`权限不足，无法访问（os error 13）`) for searching and for
//! support. English is the error's own text, unchanged.
//!
//! [`io_error`] says an error at hand. Where an error was kept as text — a failure reason in the job store, the
//! message of an [`crate::Error`] — [`os_text_in`] finds the OS's exact words for a code (`… (os error N)`)
//! and says them the same way: the code is the data, the words are checked to be the ones Rust writes for it.

use std::io::{self, ErrorKind};

use super::{Lang, lang, message_in, tr_in};

/// The message id of an error kind (`os-error-KIND` in the message files), `None` for a kind said in the OS's
/// own words (`Other`, `Uncategorized`, kinds newer than this list).
fn message_id(kind: ErrorKind) -> Option<&'static str> {
    use ErrorKind::*;
    let id = match kind {
        NotFound => "os-error-not-found",
        PermissionDenied => "os-error-permission-denied",
        AlreadyExists => "os-error-already-exists",
        IsADirectory => "os-error-is-a-directory",
        NotADirectory => "os-error-not-a-directory",
        DirectoryNotEmpty => "os-error-directory-not-empty",
        ReadOnlyFilesystem => "os-error-read-only-filesystem",
        StorageFull => "os-error-storage-full",
        QuotaExceeded => "os-error-quota-exceeded",
        FileTooLarge => "os-error-file-too-large",
        ResourceBusy => "os-error-resource-busy",
        CrossesDevices => "os-error-crosses-devices",
        TooManyLinks => "os-error-too-many-links",
        InvalidFilename => "os-error-invalid-filename",
        ConnectionRefused => "os-error-connection-refused",
        ConnectionReset => "os-error-connection-reset",
        ConnectionAborted => "os-error-connection-aborted",
        NotConnected => "os-error-not-connected",
        HostUnreachable => "os-error-host-unreachable",
        NetworkUnreachable => "os-error-network-unreachable",
        NetworkDown => "os-error-network-down",
        AddrInUse => "os-error-addr-in-use",
        AddrNotAvailable => "os-error-addr-not-available",
        TimedOut => "os-error-timed-out",
        BrokenPipe => "os-error-broken-pipe",
        WouldBlock => "os-error-would-block",
        Interrupted => "os-error-interrupted",
        InvalidInput => "os-error-invalid-input",
        InvalidData => "os-error-invalid-data",
        UnexpectedEof => "os-error-unexpected-eof",
        WriteZero => "os-error-write-zero",
        Unsupported => "os-error-unsupported",
        OutOfMemory => "os-error-out-of-memory",
        _ => return None,
    };
    Some(id)
}

/// `e` for a person in the interface language.
pub fn io_error(e: &io::Error) -> String {
    io_error_in(lang(), e)
}

/// [`io_error`] in `lang`. English is `e`'s own text. Otherwise an error from the OS (it has a code) or one
/// made of a kind alone is said by its kind, the code after it; an error that carries its own words (a
/// library's, this crate's) is said by its kind with those words after it as the detail; a kind with no
/// message keeps its text.
pub fn io_error_in(lang: Lang, e: &io::Error) -> String {
    let own = e.to_string();
    if lang == Lang::En {
        return own;
    }
    let from_os = e.raw_os_error();
    let Some(said) = message_id(e.kind()).and_then(|id| message_in(lang, id)) else {
        // The system's words for an error no kind here names (too many open files): said to be the system's
        // own English, its code kept in them.
        if from_os.is_some() {
            return tr_in(lang, "os-error-in-system-words", &[("words", own.into())]);
        }
        return own;
    };
    if from_os.is_none() && e.get_ref().is_some() {
        // A library's or this crate's own words: the kind says what happened, the words stay as the detail.
        return tr_in(
            lang,
            "detail-with-words",
            &[("said", said.into()), ("words", own.into())],
        );
    }
    match from_os {
        Some(code) => tr_in(
            lang,
            "os-error-with-code",
            &[("message", said.into()), ("code", code.to_string().into())],
        ),
        None => said,
    }
}

/// `text` with every OS error written in it (Rust's words for a code, then ` (os error N)`) said in `lang`
/// ([`io_error_in`]); the rest of the text as it is. English, and a text with no such error, come back as
/// they are.
pub fn os_text_in(lang: Lang, text: &str) -> String {
    const MARK: &str = " (os error ";
    if lang == Lang::En || !text.contains(MARK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let Some(end) = after.find(')') else { break };
        let mark = &rest[at..at + MARK.len() + end + 1];
        let error = after[..end]
            .parse::<i32>()
            .ok()
            .map(io::Error::from_raw_os_error);
        // Rust's whole text for that code is the OS's words then this very mark: the words must end here.
        let own = error.as_ref().map(io::Error::to_string);
        let words = own.as_deref().and_then(|own| own.strip_suffix(mark));
        match (error, words) {
            (Some(error), Some(words)) if rest[..at].ends_with(words) => {
                out.push_str(&rest[..at - words.len()]);
                out.push_str(&io_error_in(lang, &error));
            }
            _ => out.push_str(&rest[..at + mark.len()]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// [`os_text_in`] in the interface language.
pub fn os_text(text: &str) -> String {
    os_text_in(lang(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(kind: ErrorKind) -> Option<io::Error> {
        // A code of this system for the kind (Unix numbering; Windows has its own).
        let code = match kind {
            ErrorKind::NotFound => 2,
            ErrorKind::PermissionDenied => 13,
            ErrorKind::IsADirectory => 21,
            ErrorKind::AddrInUse => 98,
            ErrorKind::ConnectionRefused => 111,
            ErrorKind::StorageFull => 28,
            _ => return None,
        };
        cfg!(unix).then(|| io::Error::from_raw_os_error(code))
    }

    #[test]
    fn os_errors_in_chinese_keep_their_code() {
        let Some(e) = os(ErrorKind::NotFound) else {
            return;
        };
        assert_eq!(io_error_in(Lang::Zh, &e), "找不到文件或目录（os error 2）");
        assert_eq!(io_error_in(Lang::En, &e), e.to_string());
        for kind in [
            ErrorKind::PermissionDenied,
            ErrorKind::IsADirectory,
            ErrorKind::AddrInUse,
            ErrorKind::ConnectionRefused,
            ErrorKind::StorageFull,
        ] {
            let e = os(kind).unwrap();
            let zh = io_error_in(Lang::Zh, &e);
            assert!(!zh.contains(&e.to_string()[..4]), "{zh}");
            assert!(zh.ends_with(&format!("（os error {}）", e.raw_os_error().unwrap())));
        }
    }

    #[test]
    fn os_errors_no_kind_names_are_labelled_as_the_system_s_words() {
        // Too many open files (EMFILE): a kind Rust leaves uncategorized.
        if !cfg!(unix) {
            return;
        }
        let e = io::Error::from_raw_os_error(24);
        assert_eq!(message_id(e.kind()), None, "{:?}", e.kind());
        let zh = io_error_in(Lang::Zh, &e);
        assert_eq!(zh, format!("系统报告的错误（操作系统的英文原文：{e}）"));
        assert_eq!(io_error_in(Lang::En, &e), e.to_string());
        let text = format!("cannot start the runtime: {e}");
        assert_eq!(
            os_text_in(Lang::Zh, &text),
            format!("cannot start the runtime: 系统报告的错误（操作系统的英文原文：{e}）")
        );
    }

    #[test]
    fn every_kind_with_a_message_has_it_in_both_languages() {
        use ErrorKind::*;
        let kinds = [
            NotFound,
            PermissionDenied,
            AlreadyExists,
            IsADirectory,
            NotADirectory,
            DirectoryNotEmpty,
            ReadOnlyFilesystem,
            StorageFull,
            QuotaExceeded,
            FileTooLarge,
            ResourceBusy,
            CrossesDevices,
            TooManyLinks,
            InvalidFilename,
            ConnectionRefused,
            ConnectionReset,
            ConnectionAborted,
            NotConnected,
            HostUnreachable,
            NetworkUnreachable,
            NetworkDown,
            AddrInUse,
            AddrNotAvailable,
            TimedOut,
            BrokenPipe,
            WouldBlock,
            Interrupted,
            InvalidInput,
            InvalidData,
            UnexpectedEof,
            WriteZero,
            Unsupported,
            OutOfMemory,
        ];
        for kind in kinds {
            let id = message_id(kind).unwrap_or_else(|| panic!("{kind:?} has no message"));
            assert!(message_in(Lang::En, id).is_some(), "{id}");
            assert!(message_in(Lang::Zh, id).is_some(), "{id}");
        }
        assert_eq!(message_id(ErrorKind::Other), None);
    }

    #[test]
    fn errors_with_their_own_words_are_explained_and_kept() {
        let own = io::Error::new(ErrorKind::NotFound, "no page 7 in the archive");
        assert_eq!(
            io_error_in(Lang::Zh, &own),
            "找不到文件或目录（英文原文：no page 7 in the archive）"
        );
        assert_eq!(io_error_in(Lang::En, &own), "no page 7 in the archive");
        let other = io::Error::other("no atomic exchange on this system");
        assert_eq!(io_error_in(Lang::Zh, &other), other.to_string());
        let bare = io::Error::from(ErrorKind::UnexpectedEof);
        assert_ne!(io_error_in(Lang::Zh, &bare), bare.to_string());
    }

    #[test]
    fn os_errors_written_in_a_text_are_said_in_chinese() {
        let Some(e) = os(ErrorKind::PermissionDenied) else {
            return;
        };
        let text = format!("cannot create temp file in 'out': {e}. Check it");
        let zh = os_text_in(Lang::Zh, &text);
        assert_eq!(
            zh,
            "cannot create temp file in 'out': 权限不足，无法访问（os error 13）. Check it"
        );
        assert_eq!(os_text_in(Lang::En, &text), text);
        // Words that are not Rust's for that code, and a mark with no number, stay as they are.
        for text in [
            "Gone away (os error 13)",
            "x (os error ",
            "x (os error abc) y",
        ] {
            assert_eq!(os_text_in(Lang::Zh, text), text);
        }
        let two = format!("{e}; {}", os(ErrorKind::NotFound).unwrap());
        assert_eq!(
            os_text_in(Lang::Zh, &two),
            "权限不足，无法访问（os error 13）; 找不到文件或目录（os error 2）"
        );
    }
}
