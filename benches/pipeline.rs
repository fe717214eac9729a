//! Pipeline benchmark (criterion, one core): how close the whole pipeline runs to the cost of parsing.
//!
//! For each page set — the fixtures (fixtures/cases + fixtures/demo-site) and, when present, the 1,500 pages of
//! ../shared/corpus/nku — two measurements, pages processed one after the other on one thread, bytes already in
//! memory:
//! - `floor`: `sitelift::decode` + `scraper::Html::parse_document` + a walk over every text node — the least any
//!   extractor built on html5ever must do;
//! - `pipeline`: `pipeline::process` (decode → extract → normalize, `NoParts`, `all_pages` false) — everything
//!   but the export.
//!
//! Criterion prints its own (wall-clock) estimates; a closing table gives pages/s, MB/s and the ratio pipeline /
//! floor (target ≤ 1.3) from the median of timed passes, by the thread's CPU time (/proc/thread-self/schedstat),
//! which other jobs on shared cores do not inflate. Last, the release `sitelift extract` binary is timed over
//! corpus/nku end to end (read, process, JSON Lines export) with rayon's default threads and with one thread.
//!
//!     cargo bench --bench pipeline                         # everything (about 2 minutes)
//!     cargo bench --bench pipeline -- fixtures             # criterion on the fixtures only (summary still runs)
//!     SITELIFT_BENCH_QUICK=1 cargo bench --bench pipeline  # summary table and CLI timings only, no criterion
//!     SITELIFT_BENCH_PROFILE=nku <bench binary>            # only the pipeline, for 20 s, under a profiler
//!     SITELIFT_BENCH_PROFILE=nku SITELIFT_BENCH_PASSES=3 [SITELIFT_BENCH_STAGE=floor] perf stat -e instructions:u <bench binary>
//!                                                          # instructions of 3 passes: a ratio load does not move

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use scraper::{Html, Node};
use sitelift::decode::DecodeHints;
use sitelift::pipeline::{NoParts, Options, PageOutcome, process};
use sitelift::source::RawPage;

/// A named set of pages, read into memory once.
struct PageSet {
    name: &'static str,
    pages: Vec<RawPage>,
    bytes: usize,
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_nku() -> PathBuf {
    crate_root().join("../shared/corpus/nku")
}

/// Every .html/.htm file under the folders, in a stable order.
fn load(name: &'static str, folders: &[PathBuf]) -> PageSet {
    let mut pages = Vec::new();
    for folder in folders {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(folder)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
            .collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).expect("read page");
            pages.push(RawPage {
                source_path: Some(
                    path.strip_prefix(folder)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .into_owned(),
                ),
                path: Some(path),
                url: None,
                http_charset: None,
                bytes,
            });
        }
    }
    let bytes = pages.iter().map(|p| p.bytes.len()).sum();
    PageSet { name, pages, bytes }
}

/// The floor: decode, parse with html5ever (via scraper), and visit every text node once.
fn floor(page: &RawPage) -> usize {
    let decoded = sitelift::decode(&page.bytes, &DecodeHints::default());
    let doc = Html::parse_document(&decoded.text);
    doc.tree
        .values()
        .map(|node| match node {
            Node::Text(t) => t.len(),
            _ => 0,
        })
        .sum()
}

fn pipeline(page: &RawPage, opts: &Options) -> usize {
    match process(page, opts, &NoParts) {
        PageOutcome::Extracted(record) => record.body_text.map_or(1, |t| t.len()),
        PageOutcome::Skipped(_) => 0,
        PageOutcome::Failed(_) => 0,
    }
}

fn criterion_benches(c: &mut Criterion, sets: &[PageSet], opts: &Options) {
    for set in sets {
        let mut group = c.benchmark_group(set.name);
        group.throughput(Throughput::Bytes(set.bytes as u64));
        if set.pages.len() > 200 {
            // A pass over corpus/nku takes about a second: ten samples of one pass each.
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.measurement_time(Duration::from_secs(20));
        }
        group.bench_function("floor", |b| {
            b.iter(|| set.pages.iter().map(|p| floor(black_box(p))).sum::<usize>())
        });
        group.bench_function("pipeline", |b| {
            b.iter(|| {
                set.pages
                    .iter()
                    .map(|p| pipeline(black_box(p), opts))
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

/// CPU time this thread has run, from /proc/thread-self/schedstat (nanoseconds; Linux). On a machine whose cores
/// other jobs share, wall time measures the neighbours too; CPU time measures us. `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU time (user + system) of this process's waited-for children, from /proc/self/stat (clock ticks of 10 ms).
fn children_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    // After the command name: state is field 3 of the file, cutime 16 and cstime 17.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// One pass's cost: CPU time (wall time where CPU time is not available) and wall time.
#[derive(Clone, Copy)]
struct Cost {
    cpu: Duration,
    wall: Duration,
}

/// Median cost of one pass of `f` over a set, over passes until at least `budget` of CPU time (at least 3).
fn median_pass(budget: Duration, mut f: impl FnMut() -> usize) -> Cost {
    black_box(f()); // warm-up
    let mut costs: Vec<Cost> = Vec::new();
    let mut spent = Duration::ZERO;
    while costs.len() < 3 || spent < budget {
        let (c0, w0) = (thread_cpu(), Instant::now());
        black_box(f());
        let wall = w0.elapsed();
        let cpu = match (c0, thread_cpu()) {
            (Some(a), Some(b)) => b - a,
            _ => wall,
        };
        spent += cpu;
        costs.push(Cost { cpu, wall });
    }
    costs.sort_by_key(|c| c.cpu);
    costs[costs.len() / 2]
}

fn summary(sets: &[PageSet], opts: &Options) {
    let cpu = thread_cpu().is_some();
    println!();
    println!(
        "pipeline vs floor, one thread, median pass by {} (wall time of that pass in brackets):",
        if cpu { "CPU time" } else { "wall time" }
    );
    println!(
        "{:<9} {:>6} {:>6}  {:>26}  {:>26}  {:>5}",
        "set", "pages", "MB", "floor pages/s, MB/s", "pipeline pages/s, MB/s", "ratio"
    );
    for set in sets {
        let budget = Duration::from_secs(if set.pages.len() > 200 { 10 } else { 3 });
        let f = median_pass(budget, || set.pages.iter().map(floor).sum());
        let p = median_pass(budget, || {
            set.pages.iter().map(|pg| pipeline(pg, opts)).sum()
        });
        let mb = set.bytes as f64 / 1e6;
        let rate = |c: Cost| {
            let s = c.cpu.as_secs_f64();
            format!(
                "{:.0}, {:.1} ({:.0} ms wall)",
                set.pages.len() as f64 / s,
                mb / s,
                c.wall.as_secs_f64() * 1e3
            )
        };
        println!(
            "{:<9} {:>6} {:>6.1}  {:>26}  {:>26}  {:>5.2}",
            set.name,
            set.pages.len(),
            mb,
            rate(f),
            rate(p),
            p.cpu.as_secs_f64() / f.cpu.as_secs_f64()
        );
    }
    for set in sets {
        let (mut e, mut s, mut f) = (0, 0, 0);
        for page in &set.pages {
            match process(page, opts, &NoParts) {
                PageOutcome::Extracted(_) => e += 1,
                PageOutcome::Skipped(_) => s += 1,
                PageOutcome::Failed(_) => f += 1,
            }
        }
        println!("{}: {e} extracted, {s} skipped, {f} failed", set.name);
    }
}

/// `sitelift extract` over corpus/nku, end to end, with the default rayon pool and with one thread.
fn cli_throughput(nku: &Path, set: &PageSet) {
    let bin = env!("CARGO_BIN_EXE_sitelift");
    let out = std::env::temp_dir().join(format!("sitelift-bench-{}.jsonl", std::process::id()));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!();
    println!(
        "sitelift extract {} --quiet --out <tmp>.jsonl (release binary, {cores} cores, best wall of 3):",
        nku.display()
    );
    for threads in [None, Some("1")] {
        let mut best = Duration::MAX;
        let mut best_cpu = Duration::ZERO;
        for _ in 0..3 {
            let mut cmd = Command::new(bin);
            cmd.args(["extract", "--quiet"])
                .arg(nku)
                .arg("--out")
                .arg(&out);
            if let Some(n) = threads {
                cmd.env("RAYON_NUM_THREADS", n);
            }
            let before = children_cpu();
            let t = Instant::now();
            let status = cmd.status().expect("run sitelift");
            let wall = t.elapsed();
            assert!(
                status.code() == Some(0) || status.code() == Some(1),
                "{status}"
            );
            if wall < best {
                best = wall;
                best_cpu = match (before, children_cpu()) {
                    (Some(a), Some(b)) => b - a,
                    _ => Duration::ZERO,
                };
            }
        }
        println!(
            "  RAYON_NUM_THREADS={:<8} {:.2} s wall  {:.0} pages/s  {:.1} MB/s   ({:.2} s CPU)",
            threads.unwrap_or("default"),
            best.as_secs_f64(),
            set.pages.len() as f64 / best.as_secs_f64(),
            set.bytes as f64 / 1e6 / best.as_secs_f64(),
            best_cpu.as_secs_f64()
        );
    }
    let _ = std::fs::remove_file(&out);
}

fn main() {
    let root = crate_root();
    let mut sets = vec![load(
        "fixtures",
        &[root.join("fixtures/cases"), root.join("fixtures/demo-site")],
    )];
    let nku = corpus_nku();
    if nku.is_dir() {
        sets.push(load("nku", std::slice::from_ref(&nku)));
    } else {
        println!(
            "skipped corpus/nku: {} is absent (the fixtures are still measured)",
            nku.display()
        );
    }
    let opts = Options::default();
    if let Ok(name) = std::env::var("SITELIFT_BENCH_PROFILE") {
        // Only the pipeline, over and over, for a profiler (see BENCHMARKS.md).
        let set = sets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("SITELIFT_BENCH_PROFILE: no page set {name:?}"));
        // `SITELIFT_BENCH_STAGE=floor` runs the floor instead; `SITELIFT_BENCH_PASSES=N` runs N passes instead of
        // 20 s, so `perf stat -e instructions:u` can compare the two by instructions, which a loaded machine
        // does not change.
        let floor_only = std::env::var("SITELIFT_BENCH_STAGE").is_ok_and(|s| s == "floor");
        let run = |p: &RawPage| {
            if floor_only {
                floor(p)
            } else {
                pipeline(p, &opts)
            }
        };
        if let Some(passes) = std::env::var("SITELIFT_BENCH_PASSES")
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
        {
            for _ in 0..passes {
                black_box(set.pages.iter().map(run).sum::<usize>());
            }
            return;
        }
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            black_box(set.pages.iter().map(run).sum::<usize>());
        }
        return;
    }
    if std::env::var_os("SITELIFT_BENCH_QUICK").is_none() {
        let mut c = Criterion::default().configure_from_args();
        criterion_benches(&mut c, &sets, &opts);
        c.final_summary();
    }
    summary(&sets, &opts);
    if let Some(set) = sets.iter().find(|s| s.name == "nku") {
        cli_throughput(&nku, set);
    }
}
