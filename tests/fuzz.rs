//! Issue 10, items 1 and 6: no page may cost more than about 2 s per MB of CPU time or 20 × its size + 64 MB of
//! memory in decode → extract → normalize, with a mapping or without one.
//!
//! The bounded, deterministic part of the fuzzing that `fuzz/` does without bounds: the seed pages
//! (`fuzz/seeds/`, the fixtures), the pages that once broke the budget (`fuzz/regressions/`) and hostile pages
//! built here, then 3,000 mutations of the seeds (fixed seeds, see tests/support/mutate.rs), each run
//! through `pipeline::process` without a mapping and with each bundled mapping in turn. Memory is counted by a
//! global allocator per thread (peak bytes allocated while the page ran); time is the thread's CPU time
//! (/proc/thread-self/schedstat), which other jobs on a shared machine do not inflate. A page over budget is
//! written to target/tmp/fuzz-over-budget/ and named in the failure, with the seed that makes it.
//!
//!     cargo test --test fuzz                                          # the CI run (3,000 mutated inputs)
//!     SITELIFT_FUZZ_INPUTS=100000 cargo test --release --test fuzz    # a longer hunt, same budget

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sitelift::Mapping;
use sitelift::pipeline::{FailReason, NoParts, Options, PageOutcome, process};
use sitelift::source::RawPage;
use support::mutate::mutate;

/// CPU time a page may take per MB of its bytes.
const SECS_PER_MB: f64 = 2.0;
/// CPU time any page may take: the fixed cost of a small page (parser and rule set-up), with room for an
/// unoptimized test build (the per-MB figure is the release budget; see [`time_budget`]).
const MIN_SECS: f64 = 0.5;
/// Memory a page may use: this many times its size, plus [`MEMORY_BASE`].
const MEMORY_PER_BYTE: usize = 20;
const MEMORY_BASE: usize = 64 * 1024 * 1024;
/// Mutated inputs per run, unless SITELIFT_FUZZ_INPUTS says otherwise.
const DEFAULT_INPUTS: u64 = 3_000;
/// The page URL every input gets (the demo mapping's site), so links resolve as on a crawl.
const PAGE_URL: &str = "http://www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html";

// ------------------------------------------------------------------------------------------------------------
// Memory: a counting allocator, per thread.

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes allocated by this thread while `f` ran, above what it held before.
fn peak_memory<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(before));
    let value = f();
    let peak = PEAK.with(Cell::get);
    (value, (peak - before).max(0) as usize)
}

// ------------------------------------------------------------------------------------------------------------
// Time: the thread's CPU time.

fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| {
            // Not Linux: wall time from a fixed origin, which a loaded machine inflates.
            static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            ORIGIN.get_or_init(std::time::Instant::now).elapsed()
        })
}

/// The CPU time a page of `len` bytes may take. An unoptimized build (`cargo test`) runs the same code several
/// times slower than the release binary the budget is for: it gets [`DEBUG_SLOWDOWN`] times as long.
fn time_budget(len: usize) -> Duration {
    let slowdown = if cfg!(debug_assertions) {
        DEBUG_SLOWDOWN
    } else {
        1.0
    };
    let secs = (SECS_PER_MB * len as f64 / 1_048_576.0).max(MIN_SECS) * slowdown;
    Duration::from_secs_f64(secs)
}

/// How much slower the unoptimized test build runs the pipeline than the release build (measured: about 4–8×
/// with the dependencies optimized, see `[profile.dev.package."*"]` in Cargo.toml). Quadratic behaviour, the
/// thing this test exists to catch, costs hundreds of times more on the pages that provoke it.
const DEBUG_SLOWDOWN: f64 = 10.0;

fn memory_budget(len: usize) -> usize {
    MEMORY_PER_BYTE * len + MEMORY_BASE
}

// ------------------------------------------------------------------------------------------------------------

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.html` file under `dir`, sorted, read.
fn pages_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let name = e.path().strip_prefix(root()).unwrap_or(e.path());
            (name.display().to_string(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Option sets to run each input with: no mapping, then every bundled mapping.
fn option_sets() -> Vec<(String, Options)> {
    let mut sets = vec![("no mapping".to_string(), Options::default())];
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("mappings"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for file in files {
        let mapping = Mapping::load(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        sets.push((
            name,
            Options {
                mapping: Some(mapping),
                ..Options::default()
            },
        ));
    }
    sets
}

/// What one page cost.
struct Cost {
    name: String,
    options: String,
    len: usize,
    time: Duration,
    memory: usize,
    panicked: Option<String>,
}

impl Cost {
    fn over_budget(&self) -> bool {
        self.time > time_budget(self.len)
            || self.memory > memory_budget(self.len)
            || self.panicked.is_some()
    }

    fn describe(&self) -> String {
        format!(
            "{} ({} bytes, {}): {:.2} s CPU (budget {:.2} s), {:.1} MB (budget {:.1} MB){}",
            self.name,
            self.len,
            self.options,
            self.time.as_secs_f64(),
            time_budget(self.len).as_secs_f64(),
            self.memory as f64 / 1_048_576.0,
            memory_budget(self.len) as f64 / 1_048_576.0,
            self.panicked
                .as_deref()
                .map(|p| format!("; {p}"))
                .unwrap_or_default()
        )
    }
}

fn run_page(name: &str, bytes: &[u8], options: &(String, Options)) -> Cost {
    let page = RawPage {
        path: None,
        source_path: Some(name.to_string()),
        url: Some(url::Url::parse(PAGE_URL).unwrap()),
        http_charset: None,
        bytes: bytes.to_vec(),
    };
    let started = cpu_time();
    let (outcome, memory) = peak_memory(|| process(&page, &options.1, &NoParts));
    let time = cpu_time().saturating_sub(started);
    let panicked = match outcome {
        PageOutcome::Failed(FailReason::Internal(what)) => Some(what),
        _ => None,
    };
    Cost {
        name: name.to_string(),
        options: options.0.clone(),
        len: bytes.len(),
        time,
        memory,
        panicked,
    }
}

/// The share of its time budget a page used (the larger of CPU and memory).
fn budget_share(cost: &Cost) -> f64 {
    let time = cost.time.as_secs_f64() / time_budget(cost.len).as_secs_f64();
    let memory = cost.memory as f64 / memory_budget(cost.len) as f64;
    time.max(memory)
}

/// Run `inputs` (name, bytes, which option set) on two threads; return the costs over budget and the page
/// that came closest to its budget.
fn run_all(
    inputs: Vec<(String, Vec<u8>, usize)>,
    sets: &[(String, Options)],
) -> (Vec<Cost>, Option<Cost>) {
    let threads = 2;
    let results: Vec<(Vec<Cost>, Option<Cost>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let inputs = &inputs;
                scope.spawn(move || {
                    let mut over = Vec::new();
                    let mut closest: Option<Cost> = None;
                    for (name, bytes, set) in inputs.iter().skip(t).step_by(threads) {
                        let cost = run_page(name, bytes, &sets[*set]);
                        if cost.over_budget() {
                            over.push(cost);
                        } else if closest
                            .as_ref()
                            .is_none_or(|c| budget_share(&cost) > budget_share(c))
                        {
                            closest = Some(cost);
                        }
                    }
                    (over, closest)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut over = Vec::new();
    let mut closest: Option<Cost> = None;
    for (o, c) in results {
        over.extend(o);
        if let Some(c) = c
            && closest
                .as_ref()
                .is_none_or(|best| budget_share(&c) > budget_share(best))
        {
            closest = Some(c);
        }
    }
    (over, closest)
}

/// Describe the page closest to its budget, and keep a copy of it in target/tmp/ to look at.
fn describe_closest(closest: Option<&Cost>, inputs: &[(String, Vec<u8>, usize)]) -> String {
    if let Some(c) = closest
        && let Some((_, bytes, _)) = inputs.iter().find(|(n, _, _)| *n == c.name)
    {
        let dir = root().join("target/tmp");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("fuzz-closest.html"), bytes);
    }
    closest.map_or_else(String::new, |c| {
        format!(
            "closest to its budget ({:.0}%): {}",
            budget_share(c) * 100.0,
            c.describe()
        )
    })
}

fn report(over: &[Cost], inputs: &[(String, Vec<u8>, usize)]) -> String {
    let dir = root().join("target/tmp/fuzz-over-budget");
    let _ = std::fs::create_dir_all(&dir);
    let mut text = String::new();
    for cost in over {
        if let Some((_, bytes, _)) = inputs.iter().find(|(n, _, _)| *n == cost.name) {
            let file = dir.join(cost.name.replace(['/', ' '], "_"));
            let _ = std::fs::write(&file, bytes);
        }
        text.push_str(&format!("  {}\n", cost.describe()));
    }
    format!(
        "{} pages over budget (copies in {}):\n{text}",
        over.len(),
        dir.display()
    )
}

/// The pages of the stored corpus and hostile pages built here, each with every option set.
#[test]
fn every_corpus_page_and_hostile_page_stays_within_budget() {
    let sets = option_sets();
    let mut pages = pages_in(&root().join("fuzz/seeds"));
    pages.extend(pages_in(&root().join("fuzz/regressions")));
    pages.extend(pages_in(&root().join("fixtures/cases")));
    let mut inputs = Vec::new();
    for (name, bytes) in &pages {
        for set in 0..sets.len() {
            inputs.push((name.clone(), bytes.clone(), set));
        }
    }
    // The hostile pages are large and slow by design: without a mapping and with the demo site's (whose body,
    // attachments and images selectors they target).
    let demo = sets
        .iter()
        .position(|(name, _)| name == "demo-kx.toml")
        .expect("mappings/demo-kx.toml");
    for (name, bytes) in hostile_pages() {
        for set in [0, demo] {
            inputs.push((name.clone(), bytes.clone(), set));
        }
        pages.push((name, bytes));
    }
    let (over, closest) = run_all(inputs.clone(), &sets);
    eprintln!(
        "{} runs of {} pages; {}",
        inputs.len(),
        pages.len(),
        describe_closest(closest.as_ref(), &inputs)
    );
    assert!(over.is_empty(), "{}", report(&over, &inputs));
}

/// Mutations of the seeds, each with one option set (round robin).
#[test]
fn mutated_pages_stay_within_budget() {
    let sets = option_sets();
    let seeds: Vec<Vec<u8>> = pages_in(&root().join("fuzz/seeds"))
        .into_iter()
        .chain(pages_in(&root().join("fixtures/cases")))
        .map(|(_, b)| b)
        .collect();
    let count = std::env::var("SITELIFT_FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_INPUTS);
    let inputs: Vec<(String, Vec<u8>, usize)> = (0..count)
        .map(|seed| {
            let page = mutate(&seeds, seed);
            (
                format!("mutation-{seed}.html"),
                page,
                seed as usize % sets.len(),
            )
        })
        .collect();
    let total: usize = inputs.iter().map(|i| i.1.len()).sum();
    let (over, closest) = run_all(inputs.clone(), &sets);
    eprintln!(
        "{count} mutated pages ({:.1} MB); {}",
        total as f64 / 1_048_576.0,
        describe_closest(closest.as_ref(), &inputs)
    );
    assert!(over.is_empty(), "{}", report(&over, &inputs));
}

/// Hostile pages of issue 10: the same container nested thousands of levels deep (with the demo mapping's body
/// selector matching every level), links and images at every level, unclosed formatting tags, a table bomb.
fn hostile_pages() -> Vec<(String, Vec<u8>)> {
    let head = "<html><head><meta charset=\"utf-8\"><title>嵌套</title></head><body>\
                <table><tr><td class=\"biaoti\">嵌套页面</td></tr><tr><td class=\"xx\">发布时间:2017-09-27</td></tr></table>";
    let levels = 4_900;
    let nested = |open: &dyn Fn(usize) -> String, close: &str| {
        let mut page = String::from(head);
        for i in 0..levels {
            page.push_str(&open(i));
        }
        page.push_str("<p>正文只有这一段。</p>");
        page.push_str(&close.repeat(levels));
        page.push_str("</body></html>");
        page.into_bytes()
    };
    vec![
        (
            "hostile/nested-trs-editor.html".into(),
            nested(&|_| "<div class=\"TRS_Editor\">".into(), "</div>"),
        ),
        (
            "hostile/nested-links.html".into(),
            nested(
                &|i| format!("<div class=\"TRS_Editor\"><a href=\"/a{i}.html\">链接{i}</a>文字"),
                "</div>",
            ),
        ),
        (
            "hostile/nested-attachments-images.html".into(),
            nested(
                &|i| {
                    format!(
                        "<div class=\"TRS_Editor article-attach\"><a href=\"/fj/{i}.doc\">附件{i}</a>\
                         <img src=\"/i/{i}.jpg\"><p>段落{i}，这是正文。</p>"
                    )
                },
                "</div>",
            ),
        ),
        (
            "hostile/unclosed-fonts.html".into(),
            nested(
                &|i| format!("<font color=\"#{i:06x}\"><p>第{i}段文字。"),
                "",
            ),
        ),
        (
            "hostile/nested-tables.html".into(),
            nested(&|_| "<table><tr><td>".into(), "</td></tr></table>"),
        ),
        (
            "hostile/nested-data-tables.html".into(),
            format!(
                "{head}{}</body></html>",
                "<table><tr><td>甲</td><td>乙，这是一段比较长的文字内容。</td><td>".repeat(1_200)
            )
            .into_bytes(),
        ),
        (
            "hostile/formatting-reopened-everywhere.html".into(),
            format!(
                "{head}<p>{}{}</body></html>",
                (0..499)
                    .map(|i| format!("<font color=\"#{i:06x}\">"))
                    .collect::<String>(),
                "<p>x".repeat(30_000)
            )
            .into_bytes(),
        ),
        (
            "hostile/huge-title.html".into(),
            format!(
                "<html><head><title>{}</title></head><body>{}</body></html>",
                "学会动态新闻".repeat(40_000),
                (0..2_000)
                    .map(|i| format!("<h3>第{i}个小标题</h3><p>段落内容，这是第{i}段。</p>"))
                    .collect::<String>()
            )
            .into_bytes(),
        ),
    ]
}
