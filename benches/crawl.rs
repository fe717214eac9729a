//! Crawl benchmark (not a timed test): serves a generated news site on 127.0.0.1, crawls it with the release
//! `sitelift crawl` (politeness off: no delay, robots ignored, 8 requests at once), and reports pages/s and the
//! crawler's peak RSS (VmHWM, polled from /proc). The same site is mirrored by `wget --recursive` in the same run
//! for comparison (skipped with a message when wget is missing). Run at 10,000 and 50,000 pages, the peak RSS
//! must stay flat (within 1.5×); the bench exits non-zero otherwise.
//!
//!     cargo bench --bench crawl                                  # 10,000 and 50,000 pages
//!     SITELIFT_BENCH_PAGES=2000,5000 cargo bench --bench crawl   # quicker

#[path = "../tests/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use server::{Handler, Req, Server};

/// Articles linked from each list page.
const PER_LIST: usize = 50;

/// A site of `pages` pages: a home page linking every list page, list pages of 50 articles with pagination
/// links, and articles of about 3 KB of Chinese text.
fn site(pages: usize) -> Handler {
    let lists = pages.div_ceil(PER_LIST + 1).max(1);
    let articles = pages.saturating_sub(lists + 1);
    Arc::new(move |req: Req| Box::pin(async move { page(&req.path, lists, articles) }))
}

fn ok(body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn page(path: &str, lists: usize, articles: usize) -> Response {
    if path == "/" || path == "/index.html" {
        let links: String = (0..lists)
            .map(|k| format!("<a href=\"/list/index_{k}.html\">第{k}页</a>\n"))
            .collect();
        return ok(format!(
            "<html><head><meta charset=\"utf-8\"><title>示例大学</title></head><body>{links}</body></html>"
        ));
    }
    if let Some(k) = path
        .strip_prefix("/list/index_")
        .and_then(|s| s.strip_suffix(".html"))
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|k| *k < lists)
    {
        let items: String = (k * PER_LIST..((k + 1) * PER_LIST).min(articles))
            .map(|i| {
                format!(
                    "<li><a href=\"/a/{}/t{i}.html\">学校新闻第{i}号</a><span>2017-09-27</span></li>\n",
                    i / 1000
                )
            })
            .collect();
        let next = if k + 1 < lists {
            format!("<a href=\"index_{}.html\">下一页</a>", k + 1)
        } else {
            String::new()
        };
        return ok(format!(
            "<html><head><meta charset=\"utf-8\"><title>新闻中心</title></head><body><ul>{items}</ul>{next}</body></html>"
        ));
    }
    if let Some(i) = path
        .rsplit_once("/t")
        .and_then(|(_, s)| s.strip_suffix(".html"))
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|i| *i < articles)
    {
        let para = format!(
            "<p>\u{3000}\u{3000}第{i}号新闻：学校召开教学工作会议，各学院院长、教学副院长以及教务处全体人员参加了会议，\
             会上通报了上学期的教学检查情况，部署了本学期的重点工作，要求各单位认真落实各项管理制度。</p>"
        );
        return ok(format!(
            "<html><head><meta charset=\"utf-8\"><title>学校新闻第{i}号_新闻中心</title></head><body>\
             <div class=\"nav\"><a href=\"/\">首页</a></div><h1>学校新闻第{i}号</h1>\
             <div class=\"info\">发布时间：2017-09-27&nbsp;&nbsp;来源：党委宣传部</div>\
             <div class=\"content\">{}</div><div class=\"footer\">版权所有 © 示例大学</div></body></html>",
            para.repeat(8)
        ));
    }
    let mut r = Response::new(Body::from("not found"));
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
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

/// Run a command to the end, polling its peak RSS. Returns (seconds, peak KiB, success).
fn measure(cmd: &mut Command) -> (f64, u64, bool) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut peak = 0;
    loop {
        if let Some(kib) = vm_hwm(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (started.elapsed().as_secs_f64(), peak, status.success());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("SITELIFT_BENCH_PAGES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 50_000]);
    let exe = env!("CARGO_BIN_EXE_sitelift");
    let wget = Command::new("wget").arg("--version").output().is_ok();
    let mut peaks = Vec::new();
    println!(
        "crawl benchmark: loopback, politeness off (--delay-ms 0 --concurrency 8 --ignore-robots)"
    );
    for (n, &pages) in sizes.iter().enumerate() {
        let server = Server::start(|_| site(pages), 1);
        let dir = tempfile::tempdir().expect("temp dir");
        let job = dir.path().join("job");
        let (secs, kib, ok) = measure(
            Command::new(exe)
                .args(["crawl", "--quiet", "--delay-ms", "0", "--concurrency", "8"])
                .args(["--ignore-robots", "--job"])
                .arg(&job)
                .arg(server.url("/")),
        );
        assert!(ok, "sitelift crawl failed on {pages} pages");
        let fetched = server.all_hits().values().sum::<u32>();
        let status = Command::new(exe)
            .args(["status", "--json", "--job"])
            .arg(&job)
            .output()
            .expect("status");
        let status: serde_json::Value =
            serde_json::from_slice(&status.stdout).expect("status JSON");
        println!(
            "sitelift crawl  {pages:>6} pages: {secs:>7.1} s, {:>6.0} pages/s, peak RSS {:>6.1} MiB ({fetched} requests, {} records)",
            pages as f64 / secs,
            kib as f64 / 1024.0,
            status["records"]
        );
        peaks.push((pages, kib));
        if n == 0 {
            if wget {
                let mirror = dir.path().join("mirror");
                let (secs, kib, _) = measure(
                    Command::new("wget")
                        .args([
                            "--recursive",
                            "--level=inf",
                            "--no-verbose",
                            "-e",
                            "robots=off",
                        ])
                        .arg("--directory-prefix")
                        .arg(&mirror)
                        .arg(server.url("/")),
                );
                println!(
                    "wget --recursive {pages:>6} pages: {secs:>7.1} s, {:>6.0} pages/s, peak RSS {:>6.1} MiB",
                    pages as f64 / secs,
                    kib as f64 / 1024.0
                );
            } else {
                println!("wget not found: skipping the wget comparison");
            }
        }
    }
    if let (Some(first), Some(last)) = (peaks.first(), peaks.last())
        && last.0 > first.0
    {
        let ratio = last.1 as f64 / first.1.max(1) as f64;
        println!(
            "peak RSS {} → {} pages: {:.1} → {:.1} MiB ({ratio:.2}×)",
            first.0,
            last.0,
            first.1 as f64 / 1024.0,
            last.1 as f64 / 1024.0
        );
        if ratio > 1.5 {
            eprintln!("memory is not flat: peak RSS grew {ratio:.2}× with the site");
            std::process::exit(1);
        }
    }
}
