//! The pipeline: one page through decode → extract → normalize, as a [`PageOutcome`]. Multi-page articles are
//! merged here: the first part fetches its later parts through a [`PartSource`] (files on disk, or pages in a
//! crawl job), and a later part whose first part is among the inputs is skipped, so it yields no record of its
//! own. Each page runs under `catch_unwind`: a bug on one page is a failure of that page, never of the batch. A
//! crawled page's links come back with its outcome ([`process_crawled`]), read off the same parse.

use std::cell::Cell;
use std::panic::AssertUnwindSafe;

use encoding_rs::Encoding;
use url::Url;

use crate::assemble::{NormalizeOptions, PageId, to_record};
use crate::decode::{DecodeHints, decode};
use crate::extract::outlinks::Link;
use crate::extract::{self, Context, Extracted, PageKind};
use crate::mapping::Mapping;
use crate::site::SitePass;
use crate::source::RawPage;
use crate::warnings;

/// Pages larger than this are refused by default (bytes).
pub const DEFAULT_MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;
/// At most this many parts are merged into one article.
const MAX_PARTS: usize = 50;

/// Everything a run decides once and every page shares (the one configuration type of the library).
#[derive(Debug, Default)]
pub struct Options {
    pub mapping: Option<Mapping>,
    /// `--base-url`: where local files live on the web.
    pub base_url: Option<Url>,
    /// `--encoding`: forced decoder (overrides the mapping's).
    pub encoding: Option<&'static Encoding>,
    /// `--all-pages`: export non-article pages too.
    pub all_pages: bool,
    pub max_page_bytes: usize,
    /// Learn the site model in runs over many pages and use it in a second pass ([`crate::site`]); the CLI
    /// turns it on unless `--no-site-model` is given.
    pub site_model: bool,
}

impl Options {
    fn forced_encoding(&self) -> Option<&'static Encoding> {
        self.encoding
            .or(self.mapping.as_ref().and_then(|m| m.encoding))
    }

    fn normalize_options(&self) -> NormalizeOptions {
        NormalizeOptions {
            timezone: self
                .mapping
                .as_ref()
                .map(|m| m.timezone)
                .unwrap_or_default(),
        }
    }
}

pub use crate::outcome::{FailReason, PageOutcome, SkipReason};

/// Where later parts of a multi-page article come from.
pub trait PartSource: Sync {
    /// The page that `href` (as written on `page`) points to, if it is available.
    fn part(&self, page: &RawPage, href: &str) -> Option<RawPage>;
    /// Whether the first part `head_name` (a file name next to `page`) is among this run's inputs.
    fn has_head(&self, page: &RawPage, head_name: &str) -> bool;
}

/// A part source with no parts (single pages, tests).
pub struct NoParts;

impl PartSource for NoParts {
    fn part(&self, _: &RawPage, _: &str) -> Option<RawPage> {
        None
    }
    fn has_head(&self, _: &RawPage, _: &str) -> bool {
        false
    }
}

/// Run one page through the pipeline.
pub fn process(page: &RawPage, opts: &Options, parts: &dyn PartSource) -> PageOutcome {
    process_site(page, opts, parts, SitePass::Off).outcome
}

/// A page through the pipeline with the site model's part in it ([`crate::site`]).
#[derive(Debug)]
pub struct Processed {
    pub outcome: PageOutcome,
    /// What the page tells the model (when it was parsed and the pass asked for it).
    pub observation: Option<Box<crate::site::Observation>>,
    /// Repeated blocks the model left out of the body.
    pub stripped: Vec<String>,
    /// The page's links, when they were asked for ([`process_crawled`]) and the page could be parsed.
    pub links: Vec<Link>,
}

impl Processed {
    /// An outcome decided without parsing the page: nothing observed, stripped or linked.
    pub fn alone(outcome: PageOutcome) -> Processed {
        Processed {
            outcome,
            observation: None,
            stripped: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// Run one page through the pipeline, observing it for the site model or applying its template.
pub fn process_site(
    page: &RawPage,
    opts: &Options,
    parts: &dyn PartSource,
    site: SitePass<'_>,
) -> Processed {
    guarded(|| process_inner(page, opts, parts, site, false))
}

/// Run one crawled page through the pipeline and collect its links from the same parse, for the crawler.
pub fn process_crawled(page: &RawPage, opts: &Options, parts: &dyn PartSource) -> Processed {
    guarded(|| process_inner(page, opts, parts, SitePass::Off, true))
}

/// Only the links of a page (a crawl's list page, followed but not extracted): one decode, one parse.
pub fn page_links(page: &RawPage, opts: &Options) -> Vec<Link> {
    let Some(url) = page.url.as_ref() else {
        return Vec::new();
    };
    if unusable(page, opts.max_page_bytes).is_some() {
        return Vec::new();
    }
    let decoded = decode_page(page, opts);
    catch_page(|| extract::links(&decoded.text, url)).unwrap_or_default()
}

thread_local! {
    /// Pages this thread is running under [`catch_page`] (nested: a page's later parts).
    static PAGE_GUARDS: Cell<usize> = const { Cell::new(0) };
}

/// Whether this thread is running a page under `catch_unwind`: a panic now is that page's failure, which the
/// run reports with the page and goes on (the binary's panic hook then says nothing of its own).
pub fn in_page_guard() -> bool {
    PAGE_GUARDS.with(|g| g.get() > 0)
}

/// `catch_unwind` around one page's work, counted in [`in_page_guard`].
fn catch_page<T>(run: impl FnOnce() -> T) -> std::thread::Result<T> {
    PAGE_GUARDS.with(|g| g.set(g.get() + 1));
    let out = std::panic::catch_unwind(AssertUnwindSafe(run));
    PAGE_GUARDS.with(|g| g.set(g.get() - 1));
    out
}

/// A panic's message, when it carries one (`panic!("…")` with or without arguments).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}

/// Run one page under `catch_unwind`: a panic is a failure of that page.
fn guarded(run: impl FnOnce() -> Processed) -> Processed {
    match catch_page(run) {
        Ok(processed) => processed,
        Err(panic) => {
            let what = panic_message(panic.as_ref())
                .unwrap_or("unknown panic")
                .to_string();
            Processed::alone(PageOutcome::Failed(FailReason::Internal(what)))
        }
    }
}

fn process_inner(
    page: &RawPage,
    opts: &Options,
    parts: &dyn PartSource,
    site: SitePass<'_>,
    links: bool,
) -> Processed {
    if let Some(problem) = unusable(page, opts.max_page_bytes) {
        return Processed::alone(problem);
    }
    let (audit, mut ex) = extract_with(page, opts, site, links);
    if let PageKind::Refused(why) = ex.kind {
        return Processed::alone(PageOutcome::Failed(FailReason::Other(why)));
    }
    let mut done = Processed {
        outcome: PageOutcome::Skipped(SkipReason::Empty),
        observation: ex.observation.take(),
        stripped: std::mem::take(&mut ex.stripped),
        links: std::mem::take(&mut ex.links),
    };
    // A list page's second page is a list, not a continuation: only articles (or --all-pages) merge.
    if let Some(head) = &ex.continuation_of
        && (ex.kind == PageKind::Article || opts.all_pages)
        && parts.has_head(page, head)
    {
        done.outcome = PageOutcome::Skipped(SkipReason::Continuation(head.clone()));
        return done;
    }
    if let PageKind::NotArticle { reason, .. } = &ex.kind {
        if !opts.all_pages {
            done.outcome = PageOutcome::Skipped(SkipReason::NotArticle(reason.clone()));
            return done;
        }
        ex.warnings.push(warnings::NOT_AN_ARTICLE.text(&[reason]));
    }
    merge_later_parts(page, opts, parts, &mut ex, site);
    let id = PageId {
        url: page.url.as_ref(),
        source_path: page.source_path.as_deref(),
    };
    let record = to_record(id, audit, ex, &opts.normalize_options());
    if let Some(obs) = done.observation.as_mut() {
        obs.filled = crate::site::signature::filled_bits(&record);
    }
    done.outcome = PageOutcome::Extracted(Box::new(record));
    done
}

fn extract_with(
    page: &RawPage,
    opts: &Options,
    site: SitePass<'_>,
    links: bool,
) -> (crate::record::EncodingAudit, Extracted) {
    let decoded = decode_page(page, opts);
    let page_name = page
        .url
        .as_ref()
        .map(|u| crate::normalize::url::file_name(u.path()).to_string())
        .or_else(|| {
            page.source_path
                .as_deref()
                .map(|p| crate::normalize::url::file_name(p).to_string())
        })
        .filter(|n| !n.is_empty());
    let ctx = Context {
        mapping: opts.mapping.as_ref(),
        base: page.url.as_ref(),
        page_name: page_name.as_deref(),
        site,
        links,
    };
    (decoded.audit, extract::extract(&decoded.text, &ctx))
}

/// Decode a page as the pipeline does (the forced encoding, the HTTP charset, the TLD as a hint).
pub fn decode_page(page: &RawPage, opts: &Options) -> crate::decode::Decoded {
    let tld = page
        .url
        .as_ref()
        .and_then(|u| u.host_str())
        .and_then(|h| h.rsplit('.').next());
    let hints = DecodeHints {
        http_charset: page.http_charset.as_deref(),
        forced: opts.forced_encoding(),
        tld,
    };
    decode(&page.bytes, &hints)
}

/// Append later parts' bodies, attachments and images to the first part, in order. In the site model's second
/// pass the later parts get the first part's template too (never observed: they are pages of their own).
fn merge_later_parts(
    page: &RawPage,
    opts: &Options,
    parts: &dyn PartSource,
    ex: &mut Extracted,
    site: SitePass<'_>,
) {
    let site = match site {
        SitePass::Apply(..) => site,
        _ => SitePass::Off,
    };
    let mut queue: std::collections::VecDeque<String> = ex.later_parts.drain(..).collect();
    let mut seen: Vec<String> = Vec::new();
    let mut current = page.clone();
    while let Some(href) = queue.pop_front() {
        if seen.len() >= MAX_PARTS {
            ex.warnings
                .push(warnings::STOPPED_MERGING.text(&[&MAX_PARTS]));
            break;
        }
        let name = crate::normalize::url::file_name(&href).to_string();
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        let Some(part) = parts
            .part(&current, &href)
            .or_else(|| parts.part(page, &href))
        else {
            ex.warnings
                .push(warnings::LATER_PART_MISSING.text(&[&href]));
            continue;
        };
        let (_, part_ex) = extract_with(&part, opts, site, false);
        if let PageKind::Refused(why) = &part_ex.kind {
            ex.warnings
                .push(warnings::LATER_PART_LEFT_OUT.text(&[&href, why]));
            continue;
        }
        for more in part_ex.later_parts.iter() {
            let n = crate::normalize::url::file_name(more).to_string();
            if !seen.contains(&n)
                && !queue
                    .iter()
                    .any(|q| crate::normalize::url::file_name(q) == n)
            {
                queue.push_back(more.clone());
            }
        }
        if let (Some(body), Some(part_body)) = (ex.body.as_mut(), part_ex.body)
            && !part_body.value.text.is_empty()
        {
            body.value.html.push('\n');
            body.value.html.push_str(&part_body.value.html);
            if !body.value.text.is_empty() {
                body.value.text.push_str("\n\n");
            }
            body.value.text.push_str(&part_body.value.text);
        }
        for a in part_ex.attachments {
            if !ex.attachments.iter().any(|x| x.url == a.url) {
                ex.attachments.push(a);
            }
        }
        for i in part_ex.images {
            if !ex.images.iter().any(|x| x.url == i.url) {
                ex.images.push(i);
            }
        }
        ex.warnings.push(warnings::MERGED_PART.text(&[&name]));
        current = part;
    }
}

/// The failure of a page of `len` bytes when that is over the limit (`max_bytes`, 0 for the default). Sources call
/// it with the file size before reading a file, so a huge file is refused without being read.
pub fn too_large(len: u64, max_bytes: usize) -> Option<PageOutcome> {
    let max = if max_bytes == 0 {
        DEFAULT_MAX_PAGE_BYTES
    } else {
        max_bytes
    };
    (len > max as u64).then_some(PageOutcome::Failed(FailReason::TooLarge {
        bytes: len,
        max,
    }))
}

/// Pages that cannot be processed at all: empty, too large, binary, nested too deep.
fn unusable(page: &RawPage, max_bytes: usize) -> Option<PageOutcome> {
    let bytes = &page.bytes;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Some(PageOutcome::Skipped(SkipReason::Empty));
    }
    if let Some(too_large) = too_large(bytes.len() as u64, max_bytes) {
        return Some(too_large);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Some(PageOutcome::Failed(FailReason::Binary(kind.to_string())));
    }
    // A tag adds at most 4 levels, so a page with few tags cannot nest past the limit: count `<` (fast), and
    // scan tags only when that is not enough.
    let tags = memchr::memchr_iter(b'<', bytes).count();
    let depth = if tags.saturating_mul(4) > MAX_NESTING {
        nesting_depth(bytes)
    } else {
        0
    };
    if depth > MAX_NESTING {
        return Some(PageOutcome::Failed(FailReason::TooDeep {
            depth,
            limit: MAX_NESTING,
        }));
    }
    None
}

/// Pages whose tags nest deeper than this are refused: parsing and extraction cost grow with the square of the
/// depth (5,000 levels take about 0.1 s in a release build, 20,000 levels of tables 2.5 s). Browsers stop
/// nesting at 512; the deepest of 2,691 real pages in ../shared/corpus scores 1,498.
const MAX_NESTING: usize = 5_000;

/// Estimate the deepest tag nesting with a byte scan (start tags minus end tags, ignoring void and
/// self-closing elements, elements that close themselves, and comments). Cheap, and never parses.
/// A `<table>` counts as the four levels it opens in the DOM (table, tbody, tr, td), so unclosed nested
/// tables — whose rows and cells the scan ignores — are not underestimated fourfold.
fn nesting_depth(bytes: &[u8]) -> usize {
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    // The first `>` at or after the tag being read (`bytes.len()` when none is left). Tags only move forward, so
    // finding it again only when a tag has passed it keeps the scan linear, even with no `>` at all.
    let mut gt = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            match memchr::memmem::find(&bytes[i..], b"-->") {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        // A tag name starts with a letter (`a<3` is text).
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        // Every name that matters here is at most 6 letters long: compare a lower-cased copy on the stack.
        let mut name = [0u8; 8];
        if len <= name.len() {
            for (lower, b) in name.iter_mut().zip(&bytes[start..start + len]) {
                *lower = b.to_ascii_lowercase();
            }
        }
        let name = &name[..len.min(8)];
        if len <= 8
            && matches!(
                name,
                b"br"
                    | b"img"
                    | b"meta"
                    | b"link"
                    | b"input"
                    | b"hr"
                    | b"area"
                    | b"base"
                    | b"col"
                    | b"embed"
                    | b"param"
                    | b"source"
                    | b"track"
                    | b"wbr"
                    | b"p"
                    | b"li"
                    | b"td"
                    | b"th"
                    | b"tr"
                    | b"option"
                    | b"dt"
                    | b"dd"
            )
        {
            continue;
        }
        let levels = if name == b"table" { 4 } else { 1 };
        if closing {
            depth = depth.saturating_sub(levels);
        } else {
            let after = start + len;
            if gt < after {
                gt = bytes[after..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(bytes.len(), |p| after + p);
            }
            let self_closing = gt < bytes.len() && gt > after && bytes[gt - 1] == b'/';
            if !self_closing {
                depth += levels;
                max = max.max(depth);
            }
        }
    }
    max
}

/// Recognise binary files by magic number, or by NUL bytes in the first 1 KiB (UTF-16 pages have a BOM).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"\xd0\xcf\x11\xe0", "Office 97 document"),
        (b"Rar!", "RAR archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x7fELF", "executable"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(1024)];
    let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    (!utf16 && head.contains(&0)).then_some("NUL bytes")
}

#[cfg(test)]
mod tests {
    use super::{catch_page, in_page_guard, nesting_depth};

    /// A panic in a page's work is inside its guard (the binary's hook keeps quiet: the page's failure says
    /// it); the guard ends with the page, panic or not.
    #[test]
    fn a_page_s_panic_is_inside_its_guard() {
        assert!(!in_page_guard());
        assert_eq!(catch_page(in_page_guard).ok(), Some(true));
        assert!(catch_page(|| panic!("a bug on one page")).is_err());
        assert!(!in_page_guard());
    }

    #[test]
    fn nesting_depth_estimates() {
        let cases: [(&str, usize); 9] = [
            ("<html><body><div><p>a<p>b</div></body></html>", 3),
            ("<DIV><Div><div></DIV></div></div>", 3),
            ("<div><br/><img src=a><div/><hr></div>", 1),
            ("<div><!-- <div><div><div> --></div>", 1),
            // A table is table > tbody > tr > td in the DOM; its rows and cells are not counted.
            ("<table><tr><td><table><tr><td>x</table></table>", 8),
            (
                "<table><tr><td>a</td><td>b</td></tr></table><table></table>",
                4,
            ),
            ("a < b and c<3", 0),
            ("<div data-x='a>b'><span/>", 1),
            ("<custom-element-name><div>", 2),
        ];
        for (html, want) in cases {
            assert_eq!(nesting_depth(html.as_bytes()), want, "{html}");
        }
        assert_eq!(nesting_depth("<div>".repeat(30_000).as_bytes()), 30_000);
        assert_eq!(
            nesting_depth("<table><tr><td>x".repeat(2_000).as_bytes()),
            8_000
        );
    }

    #[test]
    fn tags_without_an_end_scan_in_linear_time() {
        // 2 MB of "<div " and no '>' at all: each tag used to look for its '>' to the end of the page.
        // Linear: well under a second of CPU time in a debug build; quadratic: hours.
        let page = "<div ".repeat(400_000);
        let depth = crate::test_cpu::within(std::time::Duration::from_secs(5), || {
            nesting_depth(page.as_bytes())
        });
        assert_eq!(depth, 400_000);
    }
}
