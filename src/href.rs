//! What an href points at, read from its text alone: a document (by the extension of its path or of a `file=`
//! parameter), a CMS download endpoint, or an e-mail address. The crawler's scope and the extractor's attachment rules both ask,
//! so the answer lives below both of them.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// File extensions that make a link an attachment.
pub const ATTACHMENT_EXTENSIONS: [&str; 17] = [
    "doc", "docx", "xls", "xlsx", "pdf", "zip", "rar", "7z", "wps", "et", "dps", "ppt", "pptx",
    "txt", "csv", "ofd", "ceb",
];

/// Whether an href points at a downloadable document (by extension of its path or of a `file=` parameter).
/// Allocation-free: it runs on every link of every page.
pub fn is_attachment_href(href: &str) -> bool {
    let href = href.trim();
    if starts_with_ignore_case(href, "javascript:") || starts_with_ignore_case(href, "mailto:") {
        return false;
    }
    // `?` and `#` are ASCII: the slices never cut a character.
    let (path, query) = match memchr::memchr(b'?', href.as_bytes()) {
        Some(q) => (&href[..q], &href[q + 1..]),
        None => (href, ""),
    };
    let path = memchr::memchr(b'#', path.as_bytes()).map_or(path, |h| &path[..h]);
    if has_attachment_extension(path) {
        return true;
    }
    !query.is_empty()
        && query.split('&').any(|kv| {
            kv.split_once('=').is_some_and(|(k, v)| {
                ["file", "filename", "url", "path"]
                    .iter()
                    .any(|n| k.eq_ignore_ascii_case(n))
                    && has_attachment_extension(v)
            })
        })
}

/// Whether an href is an e-mail address: `mailto:`, or an address that an editor linked as a web address
/// (`http://chemdean@nankai.edu.cn`: an address and no page) — the reader's contact, never a page to fetch.
pub fn is_mail_href(href: &str) -> bool {
    let href = href.trim();
    starts_with_ignore_case(href, "mailto:")
        || ["http://", "https://"].iter().any(|scheme| {
            starts_with_ignore_case(href, scheme) && is_email_address(&href[scheme.len()..])
        })
}

/// One word of ASCII with a local part, `@` and a domain with a dot inside it, and nothing after the domain.
fn is_email_address(t: &str) -> bool {
    t.is_ascii()
        && t.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with(['.', '/'])
                && !t.contains(|c: char| c.is_whitespace() || matches!(c, '/' | '?' | '#' | ':'))
        })
}

/// A download endpoint of a CMS (`download.jsp?…&wbfileid=…`, `download.htm?attachmentid=…`,
/// `/attach/123`): a document even without an extension.
pub fn is_download_endpoint(href: &str) -> bool {
    let href = href.trim();
    if href.starts_with('#')
        || starts_with_ignore_case(href, "javascript:")
        || starts_with_ignore_case(href, "mailto:")
    {
        return false;
    }
    static DOWNLOAD: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(DOWNLOAD_WORDS)
            .expect("download words build an automaton")
    });
    // A word counts where a word starts (`/attach/`, `?fileid=`, camel case `doDownload`), not inside another
    // one (`profileid=` is no file id).
    let bytes = href.as_bytes();
    let starts_word = |at: usize| {
        at == 0
            || !bytes[at - 1].is_ascii_alphanumeric()
            || (bytes[at - 1].is_ascii_lowercase() && bytes[at].is_ascii_uppercase())
    };
    // Every link of a page is asked and nearly none holds a download word where a word starts: those are found
    // by a byte loop first, the automaton's answer is read only for the few that do.
    let word_at = |at: usize| {
        DOWNLOAD_FIRST_BYTES[usize::from(bytes[at])]
            && starts_word(at)
            && DOWNLOAD_WORDS
                .iter()
                .any(|w| starts_with_ignore_case(&href[at..], w))
    };
    if !(0..bytes.len()).any(word_at) || !DOWNLOAD.find_iter(href).any(|m| starts_word(m.start())) {
        return false;
    }
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let page_without_query = query.is_empty()
        && extension(path).is_some_and(|e| {
            ["htm", "html", "shtml"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        });
    !page_without_query && !path.ends_with('/')
}

/// The words of a CMS download endpoint's path or parameters ([`is_download_endpoint`]).
const DOWNLOAD_WORDS: [&str; 6] = [
    "download", "attach", "getfile", "fileid", "wbfileid", "showfile",
];

/// The first bytes of [`DOWNLOAD_WORDS`], in either case.
const DOWNLOAD_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < DOWNLOAD_WORDS.len() {
        let first = DOWNLOAD_WORDS[i].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Case-insensitive (ASCII) prefix test without allocating (schemes of hrefs on the hot path).
pub(crate) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The extension of a path's last segment. `/` and `.` are ASCII: the slices never cut a character.
fn extension(path: &str) -> Option<&str> {
    let segment = memchr::memrchr(b'/', path.as_bytes()).map_or(path, |s| &path[s + 1..]);
    memchr::memrchr(b'.', segment.as_bytes()).map(|d| &segment[d + 1..])
}

/// The longest of [`ATTACHMENT_EXTENSIONS`], in bytes: a longer extension is none of them.
const EXTENSION_MAX_BYTES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < ATTACHMENT_EXTENSIONS.len() {
        if ATTACHMENT_EXTENSIONS[i].len() > max {
            max = ATTACHMENT_EXTENSIONS[i].len();
        }
        i += 1;
    }
    max
};

pub(crate) fn has_attachment_extension(path: &str) -> bool {
    extension(path).is_some_and(|e| {
        e.len() <= EXTENSION_MAX_BYTES
            && ATTACHMENT_EXTENSIONS
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_hrefs_are_mailto_or_an_address_linked_as_a_web_address() {
        for href in [
            "mailto:kepu@qs-kx.example.cn",
            "http://kepu@qs-kx.example.cn",
            " HTTPS://a.b@c.example.cn ",
        ] {
            assert!(is_mail_href(href), "{href}");
        }
        for href in [
            "http://www.qs-kx.example.cn/kepu/",
            "http://user@host.example.cn/page.html",
            "http://a@b",
            "/kepu@x.cn",
        ] {
            assert!(!is_mail_href(href), "{href}");
        }
    }

    #[test]
    fn download_words_count_where_a_word_starts() {
        let cases = [
            (
                "/system/_content/download.jsp?urltype=news&wbfileid=123",
                true,
            ),
            ("/attach/2023/55", true),
            ("/common/doDownload?id=7", true),
            ("/file.aspx?fileid=88", true),
            (
                "/sso/login.aspx?direct=true&profileid=ehost&db=nlebk",
                false,
            ),
            ("/uploads/reattached.aspx?id=2", false),
        ];
        for (href, want) in cases {
            assert_eq!(is_download_endpoint(href), want, "{href}");
        }
    }

    #[test]
    fn attachment_hrefs() {
        let cases = [
            ("/upload/2017/通知.doc", true),
            ("../P020170927.PDF", true),
            ("viewer.html?file=/files/a.pdf", true),
            ("/news/2017/t2017_1.html", false),
            ("javascript:void(0)", false),
            ("list.xls?x=1", true),
        ];
        for (href, want) in cases {
            assert_eq!(is_attachment_href(href), want, "{href}");
        }
    }

    /// The byte searches read the extension that splitting the path as text reads.
    #[test]
    fn extension_is_after_the_last_dot_of_the_last_segment() {
        for path in [
            "",
            "a",
            "a.pdf",
            "/x.y/z",
            "/x.y/z.DOCX",
            "../a.b.c",
            "通知.doc",
            "/dir/",
            ".",
            "a.",
        ] {
            let by_split = path
                .rsplit('/')
                .next()
                .and_then(|s| s.rsplit_once('.'))
                .map(|(_, e)| e);
            assert_eq!(extension(path), by_split, "{path:?}");
        }
    }
}
