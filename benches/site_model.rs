//! What the site model costs (issue 9: a whole run with the model at most 1.5× the time of a run without it), and
//! that its memory stays flat. The release `sitelift` binary, run as a user runs it, with and without
//! `--no-site-model`:
//! - over ../shared/corpus/nku (1,500 real pages of many templates; skipped with a message when absent):
//!   `extract DIR --out FILE.jsonl`, one thread (`RAYON_NUM_THREADS=1`) and the default pool;
//! - over a generated mirror of one invented legacy template (tests/support/template_site.rs, one article in
//!   eight one line long, so the model has pages to change), 10,000 and 50,000 pages by default: `extract` and
//!   `run` (the mirror into a job, then the job's export).
//!
//! Each command runs three times; the table shows the best wall time, the CPU time of that run (user + system of
//! the child, from /proc/self/stat) and its peak RSS (VmHWM), and the ratio of CPU times with / without the model.
//!
//!     cargo bench --bench site_model                                # nku + 10,000 and 50,000 pages
//!     SITELIFT_BENCH_PAGES=2000 cargo bench --bench site_model      # quicker

#[path = "../tests/support/template_site.rs"]
mod template_site;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// CPU time (user + system) of this process's waited-for children, from /proc/self/stat (clock ticks of 10 ms).
fn children_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Peak RSS (VmHWM, KiB) of a running process.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// One run's cost.
#[derive(Clone, Copy)]
struct Cost {
    wall: Duration,
    cpu: Duration,
    peak_kib: u64,
}

/// Run a command to the end (polling its peak RSS); its cost.
fn once(cmd: &mut Command) -> Cost {
    let before = children_cpu();
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sitelift");
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = vm_hwm(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let wall = started.elapsed();
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    let cpu = match (before, children_cpu()) {
        (Some(a), Some(b)) => b - a,
        _ => wall,
    };
    Cost {
        wall,
        cpu,
        peak_kib: peak,
    }
}

/// The best of three runs (by wall time).
fn best(mut make: impl FnMut() -> Command, before_each: &dyn Fn()) -> Cost {
    (0..3)
        .map(|_| {
            before_each();
            once(&mut make())
        })
        .min_by_key(|c| c.wall)
        .expect("three runs")
}

fn row(what: &str, pages: usize, without: Cost, with: Cost) {
    let rate = |c: Cost| pages as f64 / c.wall.as_secs_f64();
    println!(
        "{what:<44} {:>7.2} s {:>6.0} p/s {:>7.2} s CPU {:>6.1} MiB | {:>7.2} s {:>6.0} p/s {:>7.2} s CPU {:>6.1} MiB | {:>5.2}",
        without.wall.as_secs_f64(),
        rate(without),
        without.cpu.as_secs_f64(),
        without.peak_kib as f64 / 1024.0,
        with.wall.as_secs_f64(),
        rate(with),
        with.cpu.as_secs_f64(),
        with.peak_kib as f64 / 1024.0,
        with.cpu.as_secs_f64() / without.cpu.as_secs_f64().max(1e-9)
    );
}

fn header() {
    println!(
        "{:<44} {:>41} | {:>41} | {:>5}",
        "run", "without the model (--no-site-model)", "with the model", "CPU ×"
    );
}

fn extract(exe: &str, input: &Path, out: &Path, threads: Option<&str>, model: bool) -> Command {
    let mut cmd = Command::new(exe);
    cmd.args(["extract", "--quiet"])
        .arg(input)
        .arg("--out")
        .arg(out);
    if !model {
        cmd.arg("--no-site-model");
    }
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    cmd
}

fn main() {
    let exe = env!("CARGO_BIN_EXE_sitelift");
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("records.jsonl");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("site model benchmark: release sitelift, best wall of 3, {cores} cores");
    header();

    let nku = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/nku");
    if nku.is_dir() {
        for threads in [Some("1"), None] {
            let without = best(|| extract(exe, &nku, &out, threads, false), &|| {});
            let with = best(|| extract(exe, &nku, &out, threads, true), &|| {});
            row(
                &format!(
                    "extract corpus/nku, RAYON_NUM_THREADS={}",
                    threads.unwrap_or("default")
                ),
                1500,
                without,
                with,
            );
        }
    } else {
        println!("skipped corpus/nku: {} is absent", nku.display());
    }

    let sizes: Vec<usize> = std::env::var("SITELIFT_BENCH_PAGES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 50_000]);
    for pages in sizes {
        let site = tmp.path().join(format!("site-{pages}"));
        let mut articles = template_site::articles(pages, 3);
        for a in articles.iter_mut().step_by(8) {
            a.paragraphs = vec!["请各单位按时参加。".to_string()];
        }
        template_site::write(&site, &articles, true);
        drop(articles);
        let without = best(|| extract(exe, &site, &out, None, false), &|| {});
        let with = best(|| extract(exe, &site, &out, None, true), &|| {});
        row(
            &format!("extract generated mirror, {pages} pages"),
            pages,
            without,
            with,
        );
        let job = tmp.path().join("job");
        let fresh = || {
            let _ = std::fs::remove_dir_all(&job);
        };
        let run = |model: bool| {
            let mut cmd = Command::new(exe);
            cmd.args(["run", "--quiet", "--out"]).arg(&job).arg(&site);
            if !model {
                cmd.arg("--no-site-model");
            }
            cmd
        };
        let without = best(|| run(false), &fresh);
        let with = best(|| run(true), &fresh);
        row(
            &format!("run (mirror into a job), {pages} pages"),
            pages,
            without,
            with,
        );
        let again = best(|| run(true), &|| {});
        println!(
            "{:<44} {:>7.2} s (nothing changed: nothing is extracted again)",
            "  run again with the model",
            again.wall.as_secs_f64()
        );
        let _ = std::fs::remove_dir_all(&site);
        fresh();
    }
}
