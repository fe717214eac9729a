//! Issue 10, item 3: crawls that never end, and the opposite. Each test runs the real binary against a loopback
//! server (tests/support/server.rs) playing one hostile or unlucky site: paths full of random tokens, a server
//! that answers 429 to everything, a Ctrl-C during a long back-off, and a legacy news column of 80 pages of
//! 下一页 that must be crawled to the end. Every crawl has a timeout, so a regression fails instead of hanging.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::Value;
use support::server::{Handler, Req, Server};

/// No delay, four requests at once, quick failures.
const FAST: [&str; 8] = [
    "--delay-ms",
    "0",
    "--concurrency",
    "4",
    "--retry-base-ms",
    "20",
    "--timeout-ms",
    "2000",
];

fn sitelift() -> Command {
    let mut cmd = Command::cargo_bin("sitelift").unwrap();
    cmd.timeout(Duration::from_secs(180));
    cmd
}

fn html(status: StatusCode, body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn page(title: &str, links: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <h1>{title}</h1>\
         <div class=\"info\">发布时间：2018-04-02</div><div class=\"content\">\
         <p>　　{title}。学院组织师生开展了形式多样的活动，参加人数超过三百人，活动取得了良好效果。</p>\
         <p>　　活动期间，各单位认真落实安全责任，确保了各项工作平稳有序进行。</p></div>\
         <div class=\"links\">{links}</div></body></html>"
    )
}

fn status_of(job: &Path) -> Value {
    let out = sitelift()
        .args(["status", "--json", "--job"])
        .arg(job)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn count(v: &Value) -> u64 {
    v.as_u64().unwrap_or(0)
}

/// Eight letters from a number, like a session token in a path.
fn token(n: u64) -> String {
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66;
    (0..8)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (b'a' + ((x >> 33) % 26) as u8) as char
        })
        .collect()
}

/// Every page links to three new `/tok/<token>/` pages: an endless space the digit-folding key cannot see.
fn token_site() -> Handler {
    let next = Arc::new(AtomicU64::new(0));
    Arc::new(move |req: Req| {
        let next = next.clone();
        Box::pin(async move {
            if req.path == "/robots.txt" {
                return html(StatusCode::NOT_FOUND, String::new());
            }
            let links: String = (0..3)
                .map(|_| {
                    let t = token(next.fetch_add(1, Ordering::SeqCst));
                    format!("<a href=\"/tok/{t}/\">专题{t}</a> ")
                })
                .collect();
            html(StatusCode::OK, page("专题报道", &links))
        })
    })
}

/// Issue 10.3: tokens in the path are caught by counting the differently named entries of a folder, and a
/// per-host budget stops what else could slip through; both are reported.
#[test]
fn random_token_paths_end_at_a_trap_limit() {
    let server = Server::start(|_| token_site(), 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("tok");
    let started = Instant::now();
    let out = sitelift()
        .arg("crawl")
        .args(FAST)
        .args(["--max-path-variants", "40", "--job"])
        .arg(&job)
        .arg(server.url("/"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(120));
    assert!(
        stderr.contains("more than 40 differently named paths under") && stderr.contains("/tok/"),
        "{stderr}"
    );
    let s = status_of(&job);
    assert_eq!(count(&s["pages"]["queued"]), 0, "{s:#}");
    let fetched = count(&s["pages"]["fetched"]);
    assert!((40..=42).contains(&fetched), "{s:#}");
    assert!(count(&s["skipped"]["trap limit"]["count"]) > 0, "{s:#}");

    // The per-host budget, with the folder limit out of the way.
    let job = dir.path().join("host");
    let out = sitelift()
        .arg("crawl")
        .args(FAST)
        .args([
            "--max-path-variants",
            "100000",
            "--max-pages-per-host",
            "25",
            "--job",
        ])
        .arg(&job)
        .arg(server.url("/"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("--max-pages-per-host"), "{stderr}");
    let s = status_of(&job);
    assert_eq!(
        count(&s["pages"]["fetched"]),
        26,
        "the start URL and 25 more: {s:#}"
    );
}

/// A site whose every answer is `status` with `Retry-After: retry_after`, until `healed` is set.
fn refusing_site(
    status: StatusCode,
    retry_after: &'static str,
    healed: Arc<AtomicBool>,
) -> Handler {
    Arc::new(move |req: Req| {
        let healed = healed.clone();
        Box::pin(async move {
            if healed.load(Ordering::SeqCst) {
                if req.path == "/robots.txt" {
                    return html(StatusCode::NOT_FOUND, String::new());
                }
                let links = match req.path.as_str() {
                    "/" => "<a href=\"/a1.html\">一</a> <a href=\"/a2.html\">二</a>",
                    _ => "",
                };
                return html(StatusCode::OK, page(&format!("文章{}", req.path), links));
            }
            let mut r = html(status, "<h1>稍后再试</h1>".into());
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static(retry_after));
            r
        })
    })
}

/// Issue 10.3: a host that answers nothing but 429 is paused by the circuit breaker after a few responses —
/// minutes, not days — its URLs stay queued, the pause is reported, and the next run resumes.
#[test]
fn a_server_refusing_everything_pauses_the_host_and_the_next_run_resumes() {
    let healed = Arc::new(AtomicBool::new(false));
    let h = healed.clone();
    let server = Server::start(
        move |_| refusing_site(StatusCode::TOO_MANY_REQUESTS, "1", h),
        2,
    );
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let started = Instant::now();
    let out = sitelift()
        .arg("run")
        .args(FAST)
        .args(["--max-host-errors", "3", "--out"])
        .arg(&out_dir)
        .arg(server.url("/"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(30), "{stderr}");
    assert!(
        stderr.contains("host 127.0.0.1 paused for this run")
            && stderr.contains("3 responses in a row were 429"),
        "{stderr}"
    );
    let s = status_of(&out_dir);
    assert_eq!(
        count(&s["pages"]["queued"]),
        1,
        "the start URL waits: {s:#}"
    );
    assert_eq!(count(&s["pages"]["failed"]), 0, "{s:#}");
    let hits: u32 = server.all_hits().values().sum();
    assert!(
        hits <= 4,
        "{hits} requests to a host that refused everything"
    );

    healed.store(true, Ordering::SeqCst);
    sitelift()
        .arg("run")
        .args(FAST)
        .args(["--quiet", "--out"])
        .arg(&out_dir)
        .assert()
        .success();
    let s = status_of(&out_dir);
    assert_eq!(count(&s["pages"]["fetched"]), 3, "{s:#}");
    assert_eq!(count(&s["records"]), 3, "{s:#}");
}

/// Issue 10.3: a Retry-After longer than the crawl waits (an hour here) pauses the host at once.
#[test]
fn a_retry_after_longer_than_the_crawl_waits_pauses_the_host() {
    let never = Arc::new(AtomicBool::new(false));
    let server = Server::start(
        move |_| refusing_site(StatusCode::SERVICE_UNAVAILABLE, "3600", never),
        2,
    );
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = sitelift()
        .arg("crawl")
        .args(FAST)
        .arg("--job")
        .arg(dir.path().join("job"))
        .arg(server.url("/"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(20), "{stderr}");
    assert!(
        stderr.contains("asks to wait 3600 s (Retry-After)"),
        "{stderr}"
    );
    assert_eq!(server.all_hits().values().sum::<u32>(), 1);
}

/// Issue 10.3: the first Ctrl-C stops within seconds while the crawl waits out a server's back-off.
#[cfg(unix)]
#[test]
fn the_first_interrupt_stops_at_once_during_a_back_off() {
    let never = Arc::new(AtomicBool::new(false));
    let server = Server::start(
        move |_| refusing_site(StatusCode::TOO_MANY_REQUESTS, "100", never),
        2,
    );
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
        .arg("crawl")
        .args(FAST)
        .args(["--max-host-errors", "0", "--ignore-robots", "--job"])
        .arg(&job)
        .arg(server.url("/"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while server.hits("/") == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no request made"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The crawl now waits 100 s before its retry.
    std::thread::sleep(Duration::from_millis(300));
    let interrupted = Instant::now();
    let ok = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if interrupted.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("still running 10 s after the interrupt");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130));
    assert!(interrupted.elapsed() < Duration::from_secs(5));
    assert_eq!(server.hits("/"), 1);
    let s = status_of(&job);
    assert_eq!(
        count(&s["pages"]["queued"]),
        1,
        "the URL waits for the next run: {s:#}"
    );
}

/// A legacy news column: `/news/index.html`, `index_1.html` … `index_{pages-1}.html`, each listing five
/// articles, with a pager that links only the next and the last page (so the list is a chain of 下一页).
fn column_site(pages: u32, endless: bool) -> Handler {
    Arc::new(move |req: Req| {
        Box::pin(async move {
            let p = req.path.as_str();
            if p == "/robots.txt" {
                return html(StatusCode::NOT_FOUND, String::new());
            }
            let number = |name: &str| -> Option<u32> {
                if name == "index.html" {
                    return Some(0);
                }
                name.strip_prefix("index_")?
                    .strip_suffix(".html")?
                    .parse()
                    .ok()
            };
            if let Some(n) = p.strip_prefix("/news/").and_then(number) {
                if n >= pages && !endless {
                    return html(StatusCode::NOT_FOUND, String::new());
                }
                let items: String = (0..5)
                    .map(|i| {
                        let a = n * 5 + i;
                        format!(
                            "<li><span>2017-09-{:02}</span><a href=\"/news/a{a}.html\">学院新闻第{a}条</a></li>",
                            1 + a % 28
                        )
                    })
                    .collect();
                let next = if endless || n + 1 < pages {
                    format!("<a href=\"index_{}.html\">下一页</a> ", n + 1)
                } else {
                    String::new()
                };
                let last = if endless { pages * 100 } else { pages - 1 };
                return html(
                    StatusCode::OK,
                    format!(
                        "<html><head><meta charset=\"utf-8\"><title>学院新闻</title></head><body>\
                         <div class=\"location\">当前位置：首页 &gt; 学院新闻</div><ul class=\"list\">{items}</ul>\
                         <div class=\"page\">共{pages}页 <a href=\"index.html\">首页</a> {next}\
                         <a href=\"index_{last}.html\">尾页</a></div></body></html>"
                    ),
                );
            }
            if let Some(a) = p
                .strip_prefix("/news/a")
                .and_then(|s| s.strip_suffix(".html"))
            {
                return html(StatusCode::OK, page(&format!("学院新闻第{a}条"), ""));
            }
            html(StatusCode::NOT_FOUND, String::new())
        })
    })
}

/// Issue 10.3: 80 pages of 下一页 are one list, not 80 levels: with the default depth limit of 30 every
/// article of the column is crawled.
#[test]
fn a_long_column_is_crawled_to_its_last_page() {
    let pages = 80;
    let server = Server::start(move |_| column_site(pages, false), 2);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = sitelift()
        .arg("run")
        .args(FAST)
        .args(["--quiet", "--out"])
        .arg(&out_dir)
        .arg(server.url("/news/index.html"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = status_of(&out_dir);
    assert_eq!(count(&s["records"]), u64::from(pages) * 5, "{s:#}");
    assert_eq!(server.hits("/news/index_79.html"), 1);
}

/// Issue 10.3, the other side: a pager that never ends is still a trap, stopped by the list limit.
#[test]
fn an_endless_pager_ends_at_the_list_limit() {
    let server = Server::start(|_| column_site(3, true), 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let out = sitelift()
        .arg("crawl")
        .args(FAST)
        .args(["--max-list-pages", "20", "--job"])
        .arg(&job)
        .arg(server.url("/news/index.html"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("pages of the list"), "{stderr}");
    let s = status_of(&job);
    assert!(count(&s["skipped"]["trap limit"]["count"]) >= 1, "{s:#}");
    assert!(server.hits("/news/index_25.html") == 0, "{s:#}");
}
