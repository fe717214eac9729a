//! Decode: bytes → text, choosing the encoding by an explicit, recorded precedence
//! (override → BOM → HTTP header charset → `<meta>` prescan → strict UTF-8 → chardetng), and catching
//! declarations that lie. Legacy Chinese sites label GBK pages `gb2312`, omit the label, or declare UTF-8 over GBK
//! bytes; the [`EncodingAudit`] on every record says what was declared, what was used and why.
//!
//! Lies are caught without decoding a clean page twice:
//! - a non-UTF-8 declaration over bytes that are (almost entirely) valid, non-ASCII UTF-8 → UTF-8, `by = utf8`
//!   (GBK decoding of UTF-8 Chinese usually yields no errors, only mojibake, so errors alone would not tell);
//! - a declaration whose decoder reports errors → chardetng's guess (on a bounded prefix) and GBK are tried, and
//!   one that decodes with fewer errors (ideally none) wins, `by = detected`; a CJK declaration is only traded
//!   for another CJK encoding (single-byte encodings decode anything without errors);
//! - UTF-8 with a few broken bytes (a truncated page, a stray byte) stays UTF-8 with its replacements counted,
//!   when it holds at least 8 valid non-ASCII characters per error;
//! - a `windows-1252` declaration (what `iso-8859-1`, `latin1` and `us-ascii` mean) over non-ASCII bytes that
//!   chardetng reads as a CJK encoding which decodes cleanly → that encoding, `by = detected`; an HTTP
//!   `iso-8859-1` (a common server default) yields to a different, known `<meta>` charset.
//!
//! Declared labels that encoding_rs does not know (or that map to its `replacement` encoding, such as
//! `hz-gb-2312`) are ignored for decoding but still reported in `audit.declared`.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    BIG5, DecoderResult, EUC_JP, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, UTF_8, UTF_16BE,
    UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

use crate::error::{Error, Result};
use crate::record::{DecodedBy, EncodingAudit};

mod meta;

use meta::prescan_meta;

/// A `windows-1252` declaration is only second-guessed with at least this many non-ASCII bytes (fewer on a
/// CJK top-level domain, where a genuine Latin-1 page is rare).
const LATIN_RECHECK_MIN_NON_ASCII: usize = 32;
const LATIN_RECHECK_MIN_NON_ASCII_CJK_TLD: usize = 4;
/// How many bytes from the first non-ASCII byte chardetng sees (it runs at about 17 MB/s).
const DETECT_LIMIT: usize = 64 * 1024;
/// Bytes that are valid UTF-8 except for a few errors count as UTF-8 when they hold at least this many non-ASCII
/// characters per error. GBK text read as UTF-8 yields far more errors than chance-valid characters.
const UTF8_CHARS_PER_ERROR: usize = 8;
/// Once this many UTF-8 errors are seen without the ratio above being met, stop looking: it is not UTF-8.
const UTF8_GIVE_UP_ERRORS: usize = 64;

/// What the caller knows about a page's encoding before looking at its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeHints<'a> {
    /// Charset from the HTTP Content-Type header, when the page came over HTTP.
    pub http_charset: Option<&'a str>,
    /// Encoding forced by `--encoding` or the mapping's `site.encoding`.
    pub forced: Option<&'static Encoding>,
    /// Top-level domain of the page URL (`cn`), a hint for chardetng.
    pub tld: Option<&'a str>,
}

/// A page's text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub audit: EncodingAudit,
}

/// A charset declaration found in the HTTP header or a `<meta>` tag.
#[derive(Debug, Clone)]
struct Declaration {
    /// Lower-cased, trimmed, as written.
    label: String,
    /// `None` when encoding_rs does not know the label.
    encoding: Option<&'static Encoding>,
}

impl Declaration {
    fn new(label: String) -> Option<Self> {
        if label.is_empty() {
            return None;
        }
        let encoding = Encoding::for_label_no_replacement(label.as_bytes());
        Some(Declaration { label, encoding })
    }
}

/// Decode `bytes` following the precedence in the module docs.
pub fn decode(bytes: &[u8], hints: &DecodeHints<'_>) -> Decoded {
    let header = hints
        .http_charset
        .and_then(|raw| Declaration::new(clean_label(raw.as_bytes())));

    // 1. Override, 2. BOM: the page's own declaration is reported but not used.
    if let Some(forced) = hints.forced {
        let body = match Encoding::for_bom(bytes) {
            Some((enc, len)) if enc == forced => &bytes[len..],
            _ => bytes,
        };
        let (text, replacements) = decode_counting(forced, body);
        let declared = reported_declaration(bytes, header);
        return finish(text, declared, forced, DecodedBy::Override, replacements);
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        let (text, replacements) = decode_counting(enc, &bytes[len..]);
        let declared = reported_declaration(bytes, header);
        return finish(text, declared, enc, DecodedBy::Bom, replacements);
    }

    // 3. HTTP header, 4. meta prescan.
    let mut declared: Option<String> = None;
    let mut chosen: Option<(&'static Encoding, DecodedBy)> = None;
    let mut meta: Option<Option<Declaration>> = None;
    if let Some(h) = header {
        if let Some(enc) = h.encoding {
            // `iso-8859-1` in the header is often just the server's default; a page that says otherwise knows
            // better.
            if enc == WINDOWS_1252 {
                let m = prescan_meta(bytes);
                if let Some(Declaration {
                    label,
                    encoding: Some(menc),
                }) = &m
                    && *menc != WINDOWS_1252
                {
                    declared = Some(label.clone());
                    chosen = Some((*menc, DecodedBy::Meta));
                }
                meta = Some(m);
            }
            if chosen.is_none() {
                chosen = Some((enc, DecodedBy::Header));
                declared = Some(h.label);
            }
        } else {
            declared = Some(h.label);
        }
    }
    if chosen.is_none() {
        let m = match meta {
            Some(m) => m,
            None => prescan_meta(bytes),
        };
        if let Some(m) = m {
            if let Some(enc) = m.encoding {
                chosen = Some((enc, DecodedBy::Meta));
                declared = Some(m.label);
            } else if declared.is_none() {
                declared = Some(m.label);
            }
        }
    }

    let (text, enc, by, replacements) = match chosen {
        Some((enc, by)) => decode_declared(bytes, enc, by, hints.tld),
        None => decode_undeclared(bytes, hints.tld),
    };
    finish(text, declared, enc, by, replacements)
}

/// The encoding for a WHATWG label (`gb2312` → GBK), or an error that lists usable labels.
///
/// Labels of the WHATWG `replacement` encoding (`hz-gb-2312`, `iso-2022-kr`, ...) are rejected too: decoding
/// with it turns a whole page into one U+FFFD.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    let trimmed = label.trim();
    Encoding::for_label_no_replacement(trimmed.as_bytes())
        .ok_or_else(|| Error::UnknownEncoding(trimmed.to_string()))
}

/// The `charset=` parameter of a Content-Type header value, if any.
///
/// `text/html; charset="GBK"` → `GBK` (quotes and surrounding spaces removed, case kept).
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .map(|v| v.strip_suffix('"').unwrap_or(v))
            .or_else(|| {
                value
                    .strip_prefix('\'')
                    .map(|v| v.strip_suffix('\'').unwrap_or(v))
            })
            .unwrap_or(value)
            .trim();
        (!value.is_empty()).then_some(value)
    })
}

/// The charset a page declares in a `<meta>` tag within its first 64 KiB, lower-cased.
///
/// Looks only inside `<meta ...>` tags (`charset="..."`, or `content="...; charset=..."` with
/// `http-equiv="Content-Type"` or without any `http-equiv`), skips comments and other tags (so
/// `<script charset="utf-8">` does not count). The first label encoding_rs knows wins; when none is known the
/// first label found is returned.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    prescan_meta(bytes).map(|d| d.label)
}

fn finish(
    text: String,
    declared: Option<String>,
    enc: &'static Encoding,
    by: DecodedBy,
    replacements: usize,
) -> Decoded {
    Decoded {
        text,
        audit: EncodingAudit {
            declared,
            used: enc.name().to_string(),
            by,
            replacements,
        },
    }
}

/// The label to report when the encoding was chosen before looking at declarations (override, BOM).
fn reported_declaration(bytes: &[u8], header: Option<Declaration>) -> Option<String> {
    match header {
        Some(h) if h.encoding.is_some() => Some(h.label),
        h => match prescan_meta(bytes) {
            Some(m) if m.encoding.is_some() || h.is_none() => Some(m.label),
            _ => h.map(|h| h.label),
        },
    }
}

/// Trim whitespace and quotes, lower-case.
fn clean_label(raw: &[u8]) -> String {
    let is_junk = |b: &u8| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'/');
    let start = raw.iter().position(|b| !is_junk(b)).unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|b| !is_junk(b))
        .map_or(start, |e| e + 1);
    String::from_utf8_lossy(&raw[start..end]).to_ascii_lowercase()
}

/// Decode with a declared encoding, unless the bytes show that the declaration lies.
fn decode_declared(
    bytes: &[u8],
    enc: &'static Encoding,
    by: DecodedBy,
    tld: Option<&str>,
) -> (String, &'static Encoding, DecodedBy, usize) {
    let enc = effective_declared(enc, by, bytes);

    if enc == UTF_8 {
        let profile = match utf8_check(bytes, false) {
            Ok(s) => return (s.to_owned(), UTF_8, by, 0),
            Err(profile) => profile,
        };
        if profile.mostly_utf8() {
            let (text, replacements) = decode_counting(UTF_8, bytes);
            return (text, UTF_8, by, replacements);
        }
        // Declared UTF-8, but the bytes are something else.
        let guess = detect(bytes, tld);
        let mut best: Option<(String, &'static Encoding, usize)> = None;
        for candidate in candidates(guess, UTF_8) {
            let (text, errors) = decode_counting(candidate, bytes);
            if errors < profile.errors && best.as_ref().is_none_or(|b| errors < b.2) {
                best = Some((text, candidate, errors));
            }
            if errors == 0 {
                break;
            }
        }
        return match best {
            Some((text, enc, errors)) => (text, enc, DecodedBy::Detected, errors),
            None => {
                let (text, replacements) = decode_counting(UTF_8, bytes);
                (text, UTF_8, by, replacements)
            }
        };
    }

    // A legacy declaration over UTF-8 bytes: UTF-8 Chinese read as GBK is mostly error-free mojibake.
    let ascii_only = match utf8_check(bytes, true) {
        Ok(s) if s.is_ascii() => {
            if enc.is_ascii_compatible() {
                return (s.to_owned(), enc, by, 0);
            }
            true
        }
        Ok(s) => return (s.to_owned(), UTF_8, DecodedBy::Utf8, 0),
        Err(profile) if profile.mostly_utf8() => {
            let (text, replacements) = decode_counting(UTF_8, bytes);
            return (text, UTF_8, DecodedBy::Utf8, replacements);
        }
        Err(_) => false,
    };

    // A Latin-1 declaration over CJK bytes decodes without errors, so ask the detector, but only when there is
    // enough non-ASCII text for its guess to mean something (one accented letter can look like Big5).
    if enc == WINDOWS_1252 && !ascii_only && non_ascii_bytes(bytes) >= latin_recheck_min(tld) {
        let guess = detect(bytes, tld);
        if is_cjk_multibyte(guess) {
            let (text, errors) = decode_counting(guess, bytes);
            if errors == 0 {
                return (text, guess, DecodedBy::Detected, 0);
            }
        }
    }

    let (text, errors) = decode_counting(enc, bytes);
    if errors == 0 {
        return (text, enc, by, 0);
    }
    // The declared decoder reports errors: does another candidate decode cleaner?
    let mut best = (text, enc, by, errors);
    // A CJK declaration is only traded for another CJK encoding: single-byte encodings decode anything
    // without errors, so "fewer errors" would always pick them.
    let guess = detect(bytes, tld);
    for candidate in candidates(guess, enc) {
        if is_cjk_multibyte(enc) && !is_cjk_multibyte(candidate) {
            continue;
        }
        let (text, errors) = decode_counting(candidate, bytes);
        if errors < best.3 {
            best = (text, candidate, DecodedBy::Detected, errors);
        }
        if best.3 == 0 {
            break;
        }
    }
    best
}

/// WHATWG: a `<meta>` found by an ASCII-compatible prescan cannot really mean UTF-16, and `x-user-defined`
/// there means windows-1252. A UTF-16 header over bytes without any NUL is treated the same way.
fn effective_declared(enc: &'static Encoding, by: DecodedBy, bytes: &[u8]) -> &'static Encoding {
    let utf16 = enc == UTF_16LE || enc == UTF_16BE;
    match by {
        DecodedBy::Meta if utf16 => UTF_8,
        DecodedBy::Meta if enc == X_USER_DEFINED => WINDOWS_1252,
        DecodedBy::Header if utf16 && !bytes[..bytes.len().min(1024)].contains(&0) => UTF_8,
        _ => enc,
    }
}

/// No usable declaration: strict UTF-8, else chardetng.
fn decode_undeclared(
    bytes: &[u8],
    tld: Option<&str>,
) -> (String, &'static Encoding, DecodedBy, usize) {
    match utf8_check(bytes, true) {
        Ok(s) => return (s.to_owned(), UTF_8, DecodedBy::Utf8, 0),
        Err(profile) if profile.mostly_utf8() => {
            let (text, replacements) = decode_counting(UTF_8, bytes);
            return (text, UTF_8, DecodedBy::Utf8, replacements);
        }
        Err(_) => {}
    }
    let guess = detect(bytes, tld);
    let (text, errors) = decode_counting(guess, bytes);
    if errors > 0 && guess != GBK && guess != GB18030 {
        let (gbk_text, gbk_errors) = decode_counting(GBK, bytes);
        if gbk_errors < errors {
            return (gbk_text, GBK, DecodedBy::Detected, gbk_errors);
        }
    }
    (text, guess, DecodedBy::Detected, errors)
}

/// The encodings to try against a failing `declared` one: chardetng's guess, then GBK; none twice, never the
/// declared one (GBK and GB18030 share one decoder).
fn candidates(guess: &'static Encoding, declared: &'static Encoding) -> Vec<&'static Encoding> {
    let same = |a: &'static Encoding, b: &'static Encoding| {
        a == b || ([GBK, GB18030].contains(&a) && [GBK, GB18030].contains(&b))
    };
    let mut list = Vec::with_capacity(2);
    for candidate in [guess, GBK] {
        if candidate != UTF_8
            && !same(candidate, declared)
            && !list.iter().any(|&c| same(c, candidate))
        {
            list.push(candidate);
        }
    }
    list
}

fn is_cjk_multibyte(enc: &'static Encoding) -> bool {
    [GBK, GB18030, BIG5, EUC_JP, EUC_KR, SHIFT_JIS].contains(&enc)
}

fn latin_recheck_min(tld: Option<&str>) -> usize {
    match tld.and_then(clean_tld).as_deref() {
        Some("cn" | "hk" | "mo" | "tw" | "jp" | "kr") => LATIN_RECHECK_MIN_NON_ASCII_CJK_TLD,
        _ => LATIN_RECHECK_MIN_NON_ASCII,
    }
}

/// Non-ASCII bytes in the part of `bytes` the detector would see.
fn non_ascii_bytes(bytes: &[u8]) -> usize {
    let start = Encoding::ascii_valid_up_to(bytes);
    let end = bytes.len().min(start.saturating_add(DETECT_LIMIT));
    bytes[start..end].iter().filter(|&&b| b >= 0x80).count()
}

/// How UTF-8-like invalid bytes are.
#[derive(Debug, Clone, Copy)]
struct Utf8Profile {
    /// Malformed sequences (each one becomes one U+FFFD), counted until the scan stopped.
    errors: usize,
    /// Valid non-ASCII characters seen until the scan stopped.
    non_ascii_chars: usize,
}

impl Utf8Profile {
    fn mostly_utf8(&self) -> bool {
        self.non_ascii_chars >= UTF8_CHARS_PER_ERROR.saturating_mul(self.errors)
    }
}

/// `Ok` when `bytes` are valid UTF-8; otherwise how close they come. With `give_up`, the scan stops once it is
/// clear the bytes are not UTF-8 (so a GBK page costs little).
fn utf8_check(bytes: &[u8], give_up: bool) -> std::result::Result<&str, Utf8Profile> {
    let first = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let mut profile = Utf8Profile {
        errors: 0,
        non_ascii_chars: 0,
    };
    let mut rest = bytes;
    let mut err = Some(first);
    loop {
        match err {
            None => {
                profile.non_ascii_chars += count_lead_bytes(rest);
                break;
            }
            Some(e) => {
                let valid = e.valid_up_to();
                profile.non_ascii_chars += count_lead_bytes(&rest[..valid]);
                profile.errors += 1;
                let Some(bad) = e.error_len() else {
                    // Truncated sequence at the very end.
                    break;
                };
                rest = &rest[valid + bad..];
                if give_up && profile.errors >= UTF8_GIVE_UP_ERRORS && !profile.mostly_utf8() {
                    break;
                }
                err = std::str::from_utf8(rest).err();
            }
        }
    }
    Err(profile)
}

/// In valid UTF-8, the number of non-ASCII characters.
fn count_lead_bytes(valid_utf8: &[u8]) -> usize {
    valid_utf8.iter().filter(|&&b| b >= 0xC0).count()
}

/// chardetng's guess (never UTF-8) from at most [`DETECT_LIMIT`] bytes after the leading ASCII.
fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let start = Encoding::ascii_valid_up_to(bytes);
    let end = bytes.len().min(start.saturating_add(DETECT_LIMIT));
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // Never `last = true`: a page cut off mid-character would disqualify every multi-byte candidate and leave
    // only single-byte encodings, which decode anything.
    detector.feed(&bytes[..end], false);
    let tld = tld.and_then(clean_tld);
    detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Deny)
}

/// The rightmost DNS label, lower-case ASCII, in the form chardetng accepts (it panics on others).
fn clean_tld(tld: &str) -> Option<String> {
    let label = tld.trim().trim_end_matches('.').rsplit('.').next()?;
    (!label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    .then(|| label.to_ascii_lowercase())
}

/// Decode without BOM handling, counting the U+FFFD the decoder inserts (not ones already in the input).
fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    if enc == UTF_8
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return (s.to_owned(), 0);
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut rest = bytes;
    let mut replacements = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                text.push('\u{FFFD}');
                replacements += 1;
            }
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(rest.len())
                    .unwrap_or(rest.len());
                text.reserve(more.max(16));
            }
        }
    }
    (text, replacements)
}

#[cfg(test)]
mod tests {
    use encoding_rs::{BIG5, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

    use super::*;

    /// A notice with the GBK-only characters 镕, 喆 and 堃 (a strict GB2312 table lacks them).
    const NOTICE: &str = "南湖学院发布通知：经研究决定，聘任李镕、张喆、王堃为学科建设委员会委员，任期三年。\
                          请各单位做好工作衔接，并于本周五前将材料报送学院办公室。";

    fn page(head: &str) -> String {
        format!(
            "<html><head>{head}<title>学院通知</title></head><body><p>{NOTICE}</p></body></html>"
        )
    }

    fn gbk(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = GBK.encode(text);
        assert!(!unmappable, "test text must be GBK-encodable");
        bytes.into_owned()
    }

    fn gb18030(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn cat(parts: &[&[u8]]) -> Vec<u8> {
        parts.concat()
    }

    struct Case {
        name: &'static str,
        bytes: Vec<u8>,
        http: Option<&'static str>,
        forced: Option<&'static Encoding>,
        tld: Option<&'static str>,
        text: String,
        declared: Option<&'static str>,
        used: &'static str,
        by: DecodedBy,
        replacements: usize,
    }

    impl Default for Case {
        fn default() -> Self {
            Case {
                name: "",
                bytes: Vec::new(),
                http: None,
                forced: None,
                tld: None,
                text: String::new(),
                declared: None,
                used: "UTF-8",
                by: DecodedBy::Utf8,
                replacements: 0,
            }
        }
    }

    fn check(cases: Vec<Case>) {
        for case in cases {
            let hints = DecodeHints {
                http_charset: case.http,
                forced: case.forced,
                tld: case.tld,
            };
            let got = decode(&case.bytes, &hints);
            assert_eq!(got.text, case.text, "case '{}': text", case.name);
            let want = EncodingAudit {
                declared: case.declared.map(str::to_string),
                used: case.used.to_string(),
                by: case.by,
                replacements: case.replacements,
            };
            assert_eq!(got.audit, want, "case '{}': audit", case.name);
        }
    }

    #[test]
    fn precedence_steps() {
        let meta_gb2312 = r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#;
        let meta_utf8 = r#"<meta charset="utf-8">"#;
        check(vec![
            Case {
                name: "override beats a meta that says utf-8",
                bytes: gbk(&page(meta_utf8)),
                forced: Some(GBK),
                text: page(meta_utf8),
                declared: Some("utf-8"),
                used: "GBK",
                by: DecodedBy::Override,
                ..Case::default()
            },
            Case {
                name: "override beats the header and a BOM of another encoding",
                bytes: cat(&[b"\xEF\xBB\xBF", page(meta_utf8).as_bytes()]),
                http: Some("gbk"),
                forced: Some(UTF_8),
                text: page(meta_utf8),
                declared: Some("gbk"),
                used: "UTF-8",
                by: DecodedBy::Override,
                ..Case::default()
            },
            Case {
                name: "BOM beats header and meta",
                bytes: cat(&[b"\xEF\xBB\xBF", page(meta_gb2312).as_bytes()]),
                http: Some("gbk"),
                text: page(meta_gb2312),
                declared: Some("gbk"),
                used: "UTF-8",
                by: DecodedBy::Bom,
                ..Case::default()
            },
            Case {
                name: "header beats meta",
                bytes: gbk(&page(meta_utf8)),
                http: Some("GB2312"),
                text: page(meta_utf8),
                declared: Some("gb2312"),
                used: "GBK",
                by: DecodedBy::Header,
                ..Case::default()
            },
            Case {
                name: "meta when there is no header",
                bytes: gbk(&page(meta_gb2312)),
                text: page(meta_gb2312),
                declared: Some("gb2312"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "strict UTF-8 when nothing declares",
                bytes: page("").into_bytes(),
                text: page(""),
                ..Case::default()
            },
            Case {
                name: "chardetng when nothing declares and UTF-8 fails",
                bytes: gbk(&page("")),
                tld: Some("cn"),
                text: page(""),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn declarations() {
        let meta_malformed = r#"<meta content="text/html; charset=gbk">"#;
        let script_then_meta = format!(
            r#"<script src="/js/nav.js" charset="utf-8"></script><script>var menu = "{}";</script>
            <meta http-equiv="Content-Type" content="text/html; charset=gbk">"#,
            "栏目".repeat(1500)
        );
        let gb18030_page = format!("<meta charset=gb18030><p>{NOTICE}㐀😀</p>");
        check(vec![
            Case {
                name: "gb2312 label decodes as GBK: 镕喆堃 survive",
                bytes: gbk(&format!("<meta charset=gb2312>{NOTICE}")),
                text: format!("<meta charset=gb2312>{NOTICE}"),
                declared: Some("gb2312"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "upper-case meta label is reported lower-cased",
                bytes: gbk(&page(r#"<META CHARSET="GBK">"#)),
                text: page(r#"<META CHARSET="GBK">"#),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "charset only in the header (quoted)",
                bytes: gbk(&page("")),
                http: Some("\"GBK\""),
                text: page(""),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Header,
                ..Case::default()
            },
            Case {
                name: "malformed meta without http-equiv",
                bytes: gbk(&page(meta_malformed)),
                text: page(meta_malformed),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "script charset=utf-8 before a gbk meta past 4 KiB",
                bytes: gbk(&page(&script_then_meta)),
                text: page(&script_then_meta),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "gb18030 four-byte sequences",
                bytes: gb18030(&gb18030_page),
                text: gb18030_page.clone(),
                declared: Some("gb18030"),
                used: "gb18030",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "gb18030 bytes labelled gb2312 still decode (GBK uses the gb18030 decoder)",
                bytes: gb18030(&gb18030_page.replace("gb18030", "gb2312")),
                text: gb18030_page.replace("gb18030", "gb2312"),
                declared: Some("gb2312"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "unknown header label falls through to the meta",
                bytes: gbk(&page("<meta charset=gbk>")),
                http: Some("x-no-such-charset"),
                text: page("<meta charset=gbk>"),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "unknown meta label is reported, bytes detected",
                bytes: gbk(&page("<meta charset=x-no-such-charset>")),
                tld: Some("cn"),
                text: page("<meta charset=x-no-such-charset>"),
                declared: Some("x-no-such-charset"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "replacement-encoding label (hz-gb-2312) is ignored, not applied",
                bytes: page("<meta charset=hz-gb-2312>").into_bytes(),
                text: page("<meta charset=hz-gb-2312>"),
                declared: Some("hz-gb-2312"),
                ..Case::default()
            },
            Case {
                name: "utf-16 in a meta means UTF-8",
                bytes: page(r#"<meta charset="utf-16">"#).into_bytes(),
                text: page(r#"<meta charset="utf-16">"#),
                declared: Some("utf-16"),
                used: "UTF-8",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "ASCII-only page keeps its legacy declaration",
                bytes: b"<meta charset=gbk><p>hello</p>".to_vec(),
                text: "<meta charset=gbk><p>hello</p>".to_string(),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "header iso-8859-1 (server default) yields to a gbk meta",
                bytes: gbk(&page("<meta charset=gbk>")),
                http: Some("iso-8859-1"),
                text: page("<meta charset=gbk>"),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                ..Case::default()
            },
            Case {
                name: "a genuine Latin-1 page stays windows-1252",
                bytes: WINDOWS_1252
                    .encode("<meta charset=iso-8859-1><p>Café, déjà vu, naïve façade.</p>")
                    .0
                    .into_owned(),
                text: "<meta charset=iso-8859-1><p>Café, déjà vu, naïve façade.</p>".to_string(),
                declared: Some("iso-8859-1"),
                used: "windows-1252",
                by: DecodedBy::Meta,
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn lying_declarations() {
        let meta_utf8 = r#"<meta charset="utf-8">"#;
        let meta_gb2312 = r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#;
        let with_stray = format!("<meta charset=utf-8><p>{NOTICE}\u{FFFD}{NOTICE}</p>");
        let gbk_with_stray = format!("<meta charset=gb2312><p>{NOTICE}\u{FFFD}</p>");
        check(vec![
            Case {
                name: "meta says utf-8, bytes are GBK",
                bytes: gbk(&page(meta_utf8)),
                text: page(meta_utf8),
                declared: Some("utf-8"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "meta says utf-8, bytes are GBK, TLD hint",
                bytes: gbk(&page(meta_utf8)),
                tld: Some("www.example.edu.CN"),
                text: page(meta_utf8),
                declared: Some("utf-8"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "header says utf-8, bytes are GBK",
                bytes: gbk(&page("")),
                http: Some("utf-8"),
                text: page(""),
                declared: Some("utf-8"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "meta says gb2312, bytes are UTF-8",
                bytes: page(meta_gb2312).into_bytes(),
                text: page(meta_gb2312),
                declared: Some("gb2312"),
                used: "UTF-8",
                by: DecodedBy::Utf8,
                ..Case::default()
            },
            Case {
                name: "header says gbk, bytes are UTF-8",
                bytes: page("").into_bytes(),
                http: Some("gbk"),
                text: page(""),
                declared: Some("gbk"),
                used: "UTF-8",
                by: DecodedBy::Utf8,
                ..Case::default()
            },
            Case {
                name: "meta says big5, bytes are GBK",
                bytes: gbk(&page("<meta charset=big5>")),
                text: page("<meta charset=big5>"),
                declared: Some("big5"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "header says iso-8859-1, bytes are GBK",
                bytes: gbk(&page("")),
                http: Some("ISO-8859-1"),
                tld: Some("cn"),
                text: page(""),
                declared: Some("iso-8859-1"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "header says iso-8859-1, a short GBK page on a .cn site",
                bytes: gbk("<p>本页已经删除</p>"),
                http: Some("iso-8859-1"),
                tld: Some("cn"),
                text: "<p>本页已经删除</p>".to_string(),
                declared: Some("iso-8859-1"),
                used: "GBK",
                by: DecodedBy::Detected,
                ..Case::default()
            },
            Case {
                name: "UTF-8 with one stray byte stays UTF-8 (GBK would decode it as clean mojibake)",
                bytes: cat(&[
                    format!("<meta charset=utf-8><p>{NOTICE}").as_bytes(),
                    b"\x80", // GBK reads 0x80 as a clean '€'
                    format!("{NOTICE}</p>").as_bytes(),
                ]),
                text: with_stray.clone(),
                declared: Some("utf-8"),
                used: "UTF-8",
                by: DecodedBy::Meta,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "meta says utf-8, bytes are GBK cut off mid-character",
                bytes: cat(&[&gbk(&page(meta_utf8)), &gbk("中")[..1]]),
                text: format!("{}\u{FFFD}", page(meta_utf8)),
                declared: Some("utf-8"),
                used: "GBK",
                by: DecodedBy::Detected,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "no declaration, GBK cut off mid-character, no TLD",
                bytes: cat(&[&gbk(&page("")), &gbk("中")[..1]]),
                text: format!("{}\u{FFFD}", page("")),
                used: "GBK",
                by: DecodedBy::Detected,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "gb2312 page with a broken byte stays GBK",
                bytes: cat(&[
                    &gbk(&format!("<meta charset=gb2312><p>{NOTICE}")),
                    b"\xFF</p>",
                ]),
                text: gbk_with_stray,
                declared: Some("gb2312"),
                used: "GBK",
                by: DecodedBy::Meta,
                replacements: 1,
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn boms() {
        let html = page("<meta charset=gbk>");
        check(vec![
            Case {
                name: "UTF-8 BOM is stripped",
                bytes: cat(&[b"\xEF\xBB\xBF", html.as_bytes()]),
                text: html.clone(),
                declared: Some("gbk"),
                used: "UTF-8",
                by: DecodedBy::Bom,
                ..Case::default()
            },
            Case {
                name: "UTF-16LE BOM",
                bytes: utf16(&html, false),
                text: html.clone(),
                used: "UTF-16LE",
                by: DecodedBy::Bom,
                ..Case::default()
            },
            Case {
                name: "UTF-16BE BOM",
                bytes: utf16(&html, true),
                text: html.clone(),
                used: "UTF-16BE",
                by: DecodedBy::Bom,
                ..Case::default()
            },
            Case {
                name: "UTF-16LE BOM, odd length",
                bytes: cat(&[&utf16("中文", false), b"\x41"]),
                text: "中文\u{FFFD}".to_string(),
                used: "UTF-16LE",
                by: DecodedBy::Bom,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "only a BOM",
                bytes: b"\xEF\xBB\xBF".to_vec(),
                used: "UTF-8",
                by: DecodedBy::Bom,
                ..Case::default()
            },
            Case {
                name: "forced UTF-8 strips its own BOM",
                bytes: cat(&[b"\xEF\xBB\xBF", NOTICE.as_bytes()]),
                forced: Some(UTF_8),
                text: NOTICE.to_string(),
                by: DecodedBy::Override,
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn broken_and_odd_input() {
        let utf8_page = page("");
        let utf8_lead = &"中".as_bytes()[..2];
        let gbk_lead = &gbk("中")[..1];
        let forced_wrong = gbk(&page(""));
        let forced_wrong_text = String::from_utf8_lossy(&forced_wrong).into_owned();
        let forced_wrong_count = forced_wrong_text.matches('\u{FFFD}').count();
        check(vec![
            Case {
                name: "empty input",
                ..Case::default()
            },
            Case {
                name: "empty input with a header",
                http: Some("gbk"),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Header,
                ..Case::default()
            },
            Case {
                name: "UTF-8 truncated mid-character, no declaration",
                bytes: cat(&[utf8_page.as_bytes(), utf8_lead]),
                text: format!("{utf8_page}\u{FFFD}"),
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "UTF-8 truncated mid-character, declared utf-8",
                bytes: cat(&[page("<meta charset=utf-8>").as_bytes(), utf8_lead]),
                text: format!("{}\u{FFFD}", page("<meta charset=utf-8>")),
                declared: Some("utf-8"),
                by: DecodedBy::Meta,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "GBK truncated after a lead byte",
                bytes: cat(&[&gbk(&page("<meta charset=gbk>")), gbk_lead]),
                text: format!("{}\u{FFFD}", page("<meta charset=gbk>")),
                declared: Some("gbk"),
                used: "GBK",
                by: DecodedBy::Meta,
                replacements: 1,
                ..Case::default()
            },
            Case {
                name: "U+FFFD already in valid UTF-8 is not counted",
                bytes: "<p>坏字符\u{FFFD}在此</p>".as_bytes().to_vec(),
                text: "<p>坏字符\u{FFFD}在此</p>".to_string(),
                ..Case::default()
            },
            Case {
                name: "forced encoding is obeyed even when wrong, and errors are counted",
                bytes: forced_wrong,
                forced: Some(UTF_8),
                text: forced_wrong_text,
                by: DecodedBy::Override,
                replacements: forced_wrong_count,
                ..Case::default()
            },
            Case {
                name: "header utf-16 over bytes without NULs means UTF-8",
                bytes: utf8_page.clone().into_bytes(),
                http: Some("utf-16"),
                text: utf8_page.clone(),
                declared: Some("utf-16"),
                by: DecodedBy::Header,
                ..Case::default()
            },
        ]);
        assert!(forced_wrong_count > 0);
    }

    #[test]
    fn header_utf16_without_bom_is_honoured_when_bytes_look_utf16() {
        let bytes = &utf16("<p>中文页面</p>", false)[2..];
        let got = decode(
            bytes,
            &DecodeHints {
                http_charset: Some("UTF-16LE"),
                ..DecodeHints::default()
            },
        );
        assert_eq!(got.text, "<p>中文页面</p>");
        assert_eq!(got.audit.used, "UTF-16LE");
        assert_eq!(got.audit.by, DecodedBy::Header);
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let hint_sets: [DecodeHints<'static>; 7] = [
            DecodeHints::default(),
            DecodeHints {
                tld: Some("CN"),
                ..DecodeHints::default()
            },
            DecodeHints {
                tld: Some("中国"),
                ..DecodeHints::default()
            },
            DecodeHints {
                tld: Some("..."),
                http_charset: Some(""),
                ..DecodeHints::default()
            },
            DecodeHints {
                http_charset: Some("utf-8"),
                tld: Some("cn"),
                ..DecodeHints::default()
            },
            DecodeHints {
                http_charset: Some("utf-16be"),
                ..DecodeHints::default()
            },
            DecodeHints {
                forced: Some(BIG5),
                ..DecodeHints::default()
            },
        ];
        for round in 0..300 {
            let len = (next() % 3000) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 3 == 0 {
                bytes.splice(0..0, b"<meta charset=gbk>".iter().copied());
            }
            let hints = &hint_sets[round % hint_sets.len()];
            let got = decode(&bytes, hints);
            assert!(got.audit.replacements <= bytes.len());
            assert!(got.text.matches('\u{FFFD}').count() >= got.audit.replacements);
        }
    }

    #[test]
    fn labels() {
        let known: &[(&str, &Encoding)] = &[
            ("gb2312", GBK),
            (" GB2312 ", GBK),
            ("gbk", GBK),
            ("x-gbk", GBK),
            ("GB_2312-80", GBK),
            ("chinese", GBK),
            ("gb18030", GB18030),
            ("utf8", UTF_8),
            ("UTF-8", UTF_8),
            ("big5", BIG5),
            ("latin1", WINDOWS_1252),
            ("utf-16", UTF_16LE),
            ("utf-16be", UTF_16BE),
        ];
        for (label, want) in known {
            assert_eq!(encoding_for_label(label).ok(), Some(*want), "{label}");
        }
        for label in ["", "  ", "gb2313", "hz-gb-2312", "replacement", "utf-9"] {
            match encoding_for_label(label) {
                Err(Error::UnknownEncoding(l)) => assert_eq!(l, label.trim()),
                other => panic!("{label:?}: expected UnknownEncoding, got {other:?}"),
            }
        }
    }

    #[test]
    fn content_type_charset() {
        let cases: &[(&str, Option<&str>)] = &[
            ("text/html; charset=GBK", Some("GBK")),
            ("text/html;charset=\"gb2312\"", Some("gb2312")),
            ("text/html; Charset = 'utf-8' ", Some("utf-8")),
            ("TEXT/HTML; CHARSET=UTF-8; boundary=x", Some("UTF-8")),
            ("text/html; foo=bar; charset=big5", Some("big5")),
            ("text/html; charset=\" gbk \"", Some("gbk")),
            ("text/html", None),
            ("text/html; charset=", None),
            ("text/html; charset=\"\"", None),
            ("text/html; charsets=gbk", None),
            ("", None),
        ];
        for (value, want) in cases {
            assert_eq!(charset_from_content_type(value), *want, "{value}");
        }
    }

    #[test]
    fn public_meta_charset() {
        let html = gbk(&page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=GB2312">"#,
        ));
        assert_eq!(meta_charset(&html).as_deref(), Some("gb2312"));
        assert_eq!(meta_charset(b"<script charset=utf-8></script>"), None);
    }

    #[test]
    fn tld_is_cleaned_for_chardetng() {
        let cases: &[(&str, Option<&str>)] = &[
            ("cn", Some("cn")),
            ("CN", Some("cn")),
            ("www.example.edu.cn", Some("cn")),
            ("cn.", Some("cn")),
            ("xn--fiqs8s", Some("xn--fiqs8s")),
            ("中国", None),
            ("", None),
            ("...", None),
        ];
        for (tld, want) in cases {
            assert_eq!(clean_tld(tld).as_deref(), *want, "{tld}");
        }
    }

    /// Real pages from ../shared/corpus (skipped when absent): GBK pages decode cleanly by their meta, and
    /// GB18030 copies of UTF-8 pages that still say utf-8 come back to the exact original text.
    #[test]
    fn corpus_pages() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        if !corpus.is_dir() {
            eprintln!("skipping: {} not found", corpus.display());
            return;
        }
        let pages = |dir: &str| -> Vec<Vec<u8>> {
            let Ok(entries) = std::fs::read_dir(corpus.join(dir)) else {
                return Vec::new();
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
                .iter()
                .take(20)
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        };
        for bytes in pages("netease-gbk") {
            let got = decode(&bytes, &DecodeHints::default());
            assert_eq!(got.audit.used, "GBK");
            assert_eq!(got.audit.by, DecodedBy::Meta);
            assert_eq!(got.audit.replacements, 0);
        }
        for bytes in pages("gne") {
            let original = decode(&bytes, &DecodeHints::default());
            assert_eq!(original.audit.used, "UTF-8");
            assert_eq!(original.audit.replacements, 0);
            let legacy = gb18030(&original.text);
            let got = decode(
                &legacy,
                &DecodeHints {
                    tld: Some("cn"),
                    ..DecodeHints::default()
                },
            );
            assert_eq!(got.audit.used, "GBK");
            assert!(
                got.text == original.text,
                "GB18030 copy decodes to different text"
            );
        }
    }
}
