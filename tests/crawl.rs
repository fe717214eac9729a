//! Crawl tests against a real server on 127.0.0.1 serving a generated legacy site (tests/support/site.rs).
//! They run the real binary and check the exported records and the job's accounting (`status --json`).

mod support;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use support::server::Server;
use support::site::{self, ARTICLES, SiteState};

fn start_site() -> (Server, Arc<SiteState>) {
    let state = Arc::new(SiteState::default());
    let s = state.clone();
    let server = Server::start(move |port| site::handler(port, s), 2);
    (server, state)
}

/// Four requests at once to the test server, no delay.
const PARALLEL: [&str; 4] = ["--concurrency", "4", "--delay-ms", "0"];

/// Flags that make the crawl fast and the failures quick.
const FAST: [&str; 8] = [
    "--timeout-ms",
    "800",
    "--retries",
    "1",
    "--retry-base-ms",
    "20",
    "--max-decoded-mb",
    "1",
];

fn sitelift() -> Command {
    Command::cargo_bin("sitelift").unwrap()
}

fn records(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("records.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn status(job: &Path) -> Value {
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

fn path_of(url: &str) -> String {
    url::Url::parse(url).unwrap().path().to_string()
}

#[test]
fn crawl_exports_every_article_and_accounts_for_every_failure() {
    let (server, _) = start_site();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let assert = sitelift()
        .arg("run")
        .args(FAST)
        .args([
            "--max-query-variants",
            "4",
            "--download-attachments",
            "--out",
        ])
        .arg(&out)
        .arg(server.url("/"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();

    // Exactly the site's articles, with the right text whatever their encoding.
    let recs = records(&out);
    let mut got: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            (
                path_of(r["url"].as_str().unwrap()),
                r["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = ARTICLES
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want, "stderr:\n{stderr}");
    let by_path = |p: &str| {
        recs.iter()
            .find(|r| path_of(r["url"].as_str().unwrap()) == p)
            .unwrap()
    };
    let meta_lies = by_path("/gbk/t202.html");
    assert!(
        meta_lies["body_text"]
            .as_str()
            .unwrap()
            .contains("镕、喆、堃")
    );
    assert_eq!(meta_lies["encoding"]["by"], "header");
    assert_eq!(by_path("/gbk/t201.html")["encoding"]["used"], "GBK");
    let merged = by_path("/news/2017/t20170920_105.html");
    assert!(
        merged["body_text"]
            .as_str()
            .unwrap()
            .contains(site::PART_TWO_TEXT),
        "second part merged: {merged}"
    );
    let first = by_path("/news/2017/t20170927_101.html");
    let names: Vec<&str> = first["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"../../etc/passwd"),
        "original name kept: {names:?}"
    );

    // The job's accounting.
    let s = status(&out);
    let failures = &s["failures"];
    for reason in [
        "redirect loop",
        "HTTP 404 Not Found",
        "timeout",
        "too large",
    ] {
        assert_eq!(failures[reason]["count"], 1, "{reason}: {s:#}");
    }
    assert_eq!(s["pages"]["failed"], 4, "{s:#}");
    assert_eq!(s["pages"]["queued"], 0);
    let skipped = &s["skipped"];
    assert_eq!(skipped["robots.txt disallows it"]["count"], 1, "{s:#}");
    assert_eq!(skipped["out of scope"]["count"], 2, "{s:#}");
    assert!(
        skipped["trap limit"]["count"].as_u64().unwrap() >= 1,
        "{s:#}"
    );
    assert!(s["trap_hits"].as_u64().unwrap() >= 1);
    assert_eq!(s["records"], 10);
    assert_eq!(s["fill_rates"]["title"], 1.0);
    assert_eq!(s["attachments"]["done"], 2, "{s:#}");

    // The summary reports the trap and the failures too.
    assert!(stderr.contains("trap limit"), "{stderr}");
    assert!(stderr.contains("redirect loop"), "{stderr}");

    // Attachments: stored once, by hash, under a safe name.
    let files: Vec<String> = std::fs::read_dir(out.join("attachments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files.iter().any(|f| f.ends_with("-etc_passwd.txt")),
        "{files:?}"
    );
    assert!(files.iter().all(|f| !f.contains("..") && !f.contains('/')));
    assert_eq!(server.hits("/files/%E9%80%9A%E7%9F%A5.doc"), 1);
    let manifest: Vec<Value> = std::fs::read_to_string(out.join("attachments.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let passwd = manifest
        .iter()
        .find(|a| a["name"] == "../../etc/passwd")
        .unwrap();
    assert_eq!(passwd["status"], 200);
    assert_eq!(passwd["mime"], "text/plain");
    assert_eq!(passwd["size"], "root:x:0:0 这不是真的密码文件\n".len());
    assert_eq!(passwd["sha256"].as_str().unwrap().len(), 64);
    assert!(out.join(passwd["file"].as_str().unwrap()).is_file());

    // What the server saw: robots obeyed, other hosts never asked, retries made.
    assert_eq!(server.hits("/private/secret.html"), 0);
    assert_eq!(server.hits("/elsewhere.html"), 0);
    assert_eq!(server.hits("/flaky.html"), 2);
    assert_eq!(server.hits("/busy.html"), 2);
    assert_eq!(server.hits("/robots.txt"), 1);
    assert!(server.hits("/bomb.html") >= 1);

    // Running again resumes: nothing stored is fetched again, the records are the same.
    sitelift()
        .arg("run")
        .args(FAST)
        .args(PARALLEL)
        .args(["--max-query-variants", "4", "--out"])
        .arg(&out)
        .arg(server.url("/"))
        .assert()
        .code(1);
    assert_eq!(server.hits("/news/2017/t20170927_101.html"), 1);
    assert_eq!(server.hits("/flaky.html"), 2);
    assert_eq!(records(&out).len(), 10);

    // Re-extraction from the stored pages needs no network.
    let hits_before: u32 = server.all_hits().values().sum();
    let extracted = sitelift()
        .args(["extract", "--job"])
        .arg(&out)
        .assert()
        .success();
    let lines = String::from_utf8_lossy(&extracted.get_output().stdout)
        .lines()
        .count();
    assert_eq!(lines, 10);
    assert_eq!(server.all_hits().values().sum::<u32>(), hits_before);
}

/// Records as comparable text: the server's origin removed, sorted.
fn normalized_records(out: &Path, server: &Server) -> Vec<String> {
    let origin = server.url("");
    let mut recs: Vec<String> = std::fs::read_to_string(out.join("records.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v["id"] = Value::Null;
            v.to_string().replace(&origin, "ORIGIN")
        })
        .collect();
    recs.sort();
    recs
}

#[test]
fn killed_crawl_resumes_to_exactly_the_records_of_an_uninterrupted_one() {
    const SLOW: [&str; 4] = ["--concurrency", "1", "--delay-ms", "60"];
    let dir = tempfile::tempdir().unwrap();

    let (whole_site, _) = start_site();
    let whole = dir.path().join("whole");
    sitelift()
        .arg("run")
        .args(FAST)
        .args(SLOW)
        .args(["--max-query-variants", "4", "--quiet", "--out"])
        .arg(&whole)
        .arg(whole_site.url("/"))
        .assert()
        .code(1);

    let (site, _) = start_site();
    let out = dir.path().join("killed");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
        .arg("run")
        .args(FAST)
        .args(SLOW)
        .args(["--max-query-variants", "4", "--quiet", "--out"])
        .arg(&out)
        .arg(site.url("/"))
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let fetched = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
            .args(["status", "--json", "--job"])
            .arg(&out)
            .output()
            .ok()
            .and_then(|o| serde_json::from_slice::<Value>(&o.stdout).ok())
            .and_then(|s| s["pages"]["fetched"].as_u64())
            .unwrap_or(0);
        if fetched >= 8 {
            break;
        }
        assert!(started.elapsed().as_secs() < 30, "crawl made no progress");
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(!out.join("records.jsonl").exists(), "killed before export");
    let partial = status(&out);
    assert!(
        partial["pages"]["queued"].as_u64().unwrap() > 0,
        "{partial:#}"
    );

    // Resumed without naming the site again: the job remembers its start URLs and scope.
    sitelift()
        .arg("run")
        .args(FAST)
        .args(PARALLEL)
        .args(["--max-query-variants", "4", "--quiet", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(
        normalized_records(&out, &site),
        normalized_records(&whole, &whole_site)
    );
    // No stored page was fetched twice: at most the one page in flight at the kill was asked again.
    let twice: Vec<(String, u32)> = site
        .all_hits()
        .into_iter()
        .filter(|(p, n)| {
            *n > 1
                && p.ends_with(".html")
                && !["/flaky.html", "/busy.html", "/slow.html"].contains(&p.as_str())
        })
        .collect();
    assert!(twice.len() <= 1, "fetched twice: {twice:?}");
    let s = status(&out);
    assert_eq!(s["records"], 10);
    assert_eq!(s["pages"]["queued"], 0);
}

#[test]
fn a_second_process_on_the_same_job_fails_at_once() {
    let (site, _) = start_site();
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let mut first = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
        .args([
            "crawl",
            "--quiet",
            "--delay-ms",
            "500",
            "--concurrency",
            "1",
            "--job",
        ])
        .arg(&job)
        .arg(site.url("/"))
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !job.join("job.sqlite").exists() {
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(started.elapsed().as_secs() < 20);
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let second = sitelift()
        .args(["crawl", "--job"])
        .arg(&job)
        .arg(site.url("/"))
        .timeout(std::time::Duration::from_secs(5))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&second.get_output().stderr).to_string();
    assert!(
        stderr.contains("in use by another sitelift process"),
        "{stderr}"
    );
    first.kill().unwrap();
    first.wait().unwrap();
}

#[test]
fn interrupt_finishes_in_flight_pages_and_stops_cleanly() {
    let (site, _) = start_site();
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
        .args(["crawl", "--delay-ms", "150", "--concurrency", "1", "--job"])
        .arg(&job)
        .arg(site.url("/"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(900));
    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("run the same command again to resume"),
        "{stderr}"
    );
    let s = status(&job);
    assert!(s["pages"]["queued"].as_u64().unwrap() > 0, "{s:#}");
    assert!(s["pages"]["fetched"].as_u64().unwrap() > 0, "{s:#}");
}

/// Titles of the small site of the second-interrupt test: /a1.html … /a6.html.
const HANGING_SITE: [&str; 6] = [
    "学校举行新学期升旗仪式",
    "机关党委开展主题党日活动",
    "图书馆延长期末考试周开放时间",
    "校医院开展春季传染病防控宣传",
    "艺术学院师生作品亮相省美术展",
    "保卫处组织消防安全应急演练",
];

/// A home page linking six articles; while `hang` is set, all but the first two hang (counted in `hanging`).
fn hanging_site(hang: Arc<AtomicBool>, hanging: Arc<AtomicUsize>) -> support::server::Handler {
    use axum::body::Body;
    use axum::http::{HeaderValue, header};
    Arc::new(move |req: support::server::Req| {
        let (hang, hanging) = (hang.clone(), hanging.clone());
        Box::pin(async move {
            let page = |html: String| {
                let mut r = axum::response::Response::new(Body::from(html));
                r.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                );
                r
            };
            let n: Option<usize> = req
                .path
                .strip_prefix("/a")
                .and_then(|p| p.strip_suffix(".html"))
                .and_then(|n| n.parse().ok())
                .filter(|n| (1..=HANGING_SITE.len()).contains(n));
            match (req.path.as_str(), n) {
                ("/", _) => page(
                    (1..=HANGING_SITE.len())
                        .map(|i| {
                            format!(
                                "<li><a href=\"/a{i}.html\">{}</a></li>",
                                HANGING_SITE[i - 1]
                            )
                        })
                        .collect(),
                ),
                (_, Some(n)) => {
                    if n > 2 && hang.load(Ordering::SeqCst) {
                        hanging.fetch_add(1, Ordering::SeqCst);
                        while hang.load(Ordering::SeqCst) {
                            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        }
                        hanging.fetch_sub(1, Ordering::SeqCst);
                    }
                    let title = HANGING_SITE[n - 1];
                    let text = format!(
                        "<p>\u{3000}\u{3000}{title}。本次活动由学校有关部门联合组织，全校师生积极参与，\
                         活动内容丰富，形式多样，受到了广大师生的一致好评。</p>\n<p>\u{3000}\u{3000}\
                         有关负责人表示，今后将继续开展此类活动，不断丰富校园文化生活，营造良好的育人氛围。</p>"
                    );
                    page(format!(
                        "<html><head><title>{title}_示例大学</title></head><body>\
                         <h1 class=\"title\">{title}</h1><div class=\"info\">发布时间：2019-03-0{n}</div>\
                         <div class=\"content\">{text}</div></body></html>"
                    ))
                }
                _ => {
                    let mut r = page("<h1>404 Not Found</h1>".into());
                    *r.status_mut() = axum::http::StatusCode::NOT_FOUND;
                    r
                }
            }
        })
    })
}

#[test]
fn second_interrupt_aborts_at_once_and_the_job_resumes() {
    let hang = Arc::new(AtomicBool::new(true));
    let hanging = Arc::new(AtomicUsize::new(0));
    let (h, n) = (hang.clone(), hanging.clone());
    let site = Server::start(move |_| hanging_site(h, n), 2);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = || {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"));
        cmd.arg("run")
            .args(PARALLEL)
            .args(["--timeout-ms", "20000", "--out"])
            .arg(&out);
        cmd
    };
    let mut child = run()
        .arg(site.url("/"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // The two quick articles are stored; the other four are in flight, hanging.
    while hanging.load(Ordering::SeqCst) < 4 {
        std::thread::sleep(Duration::from_millis(20));
        assert!(
            started.elapsed().as_secs() < 15,
            "the crawl never got stuck"
        );
    }
    let sigint = |pid: u32| {
        let ok = std::process::Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    };
    sigint(child.id());
    // The first interrupt waits for the pages in flight: they hang, so the crawl keeps running.
    std::thread::sleep(Duration::from_millis(500));
    if let Some(status) = child.try_wait().unwrap() {
        panic!("the first interrupt must wait for the pages in flight; exited with {status}");
    }
    let second = Instant::now();
    sigint(child.id());
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if second.elapsed() > Duration::from_secs(3) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the second interrupt did not abort");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.contains("finishing in-flight requests") && stderr.contains("second interrupt"),
        "{stderr}"
    );
    assert!(
        hanging.load(Ordering::SeqCst) > 0,
        "aborted while the pages were still hanging"
    );

    // The job is consistent: what was stored is there, the hanging pages are still queued, nothing failed.
    assert!(!out.join("records.jsonl").exists(), "aborted before export");
    let s = status(&out);
    assert_eq!(s["pages"]["fetched"], 3, "{s:#}");
    assert_eq!(s["pages"]["queued"], 4, "{s:#}");
    assert_eq!(s["pages"]["failed"], 0, "{s:#}");
    assert_eq!(s["records"], 2, "{s:#}");

    // Resumed (the site answers now): every article exactly once, nothing stored fetched again.
    hang.store(false, Ordering::SeqCst);
    let resumed = run().output().unwrap();
    assert!(
        resumed.status.success(),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let mut titles: Vec<String> = records(&out)
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    let mut want: Vec<String> = HANGING_SITE.iter().map(|t| t.to_string()).collect();
    want.sort();
    assert_eq!(titles, want);
    for p in ["/", "/a1.html", "/a2.html"] {
        assert_eq!(site.hits(p), 1, "{p} fetched again");
    }
    let s = status(&out);
    assert_eq!(s["records"], 6, "{s:#}");
    assert_eq!(s["pages"]["queued"], 0, "{s:#}");
    assert_eq!(s["pages"]["failed"], 0, "{s:#}");
}

#[test]
fn limit_stops_a_trial_run_and_update_reexports_only_changed_records() {
    let (site, state) = start_site();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = |extra: &[&str]| {
        let a = sitelift()
            .arg("run")
            .args(FAST)
            .args(["--max-query-variants", "4"])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .arg(site.url("/"))
            .assert();
        String::from_utf8_lossy(&a.get_output().stderr).to_string()
    };
    run(&["--limit", "2", "--concurrency", "1", "--delay-ms", "0"]);
    let n = records(&out).len();
    assert!((2..=3).contains(&n), "{n} records after --limit 2");

    run(&PARALLEL);
    assert_eq!(records(&out).len(), 10);

    state
        .revised
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let before = site.hits("/news/2017/t20170927_101.html");
    let stderr = run(&["--update", "--concurrency", "4", "--delay-ms", "0"]);
    assert_eq!(site.hits("/news/2017/t20170927_101.html"), before + 1);
    assert!(
        stderr.contains("(0 new, 1 updated, 9 unchanged)"),
        "{stderr}"
    );
    let flaky = records(&out)
        .into_iter()
        .find(|r| r["url"].as_str().unwrap().ends_with("/flaky.html"))
        .unwrap();
    assert!(flaky["body_text"].as_str().unwrap().contains("修订后"));
}

/// `run` and `crawl` resolve their settings (start URLs, flags, the mapping's `[crawl]`) once, before the job is
/// opened: a bad start URL is refused with exit 2 and leaves no job folder behind.
#[test]
fn settings_are_resolved_before_the_job_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for args in [["run", "http://", "--out"], ["crawl", "http://", "--job"]] {
        sitelift()
            .args(["--lang", "en"])
            .args(args)
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("'http://' is not an http(s) URL"));
        assert!(!out.exists(), "{args:?} left {}", out.display());
    }
}

#[test]
fn crawl_patterns_in_the_mapping_are_checked_at_load() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[crawl]\nfollow = ['/news/(index']\n").unwrap();
    let a = sitelift()
        .args(["check-mapping"])
        .arg(&bad)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        stderr.contains("crawl.follow[0]") && stderr.contains("bad.toml"),
        "{stderr}"
    );

    std::fs::write(&bad, "[crawl]\nfolow = ['/news/']\n").unwrap();
    let a = sitelift()
        .args(["check-mapping"])
        .arg(&bad)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(stderr.contains("folow"), "{stderr}");
}

#[test]
fn mapping_patterns_decide_what_is_followed_and_exported() {
    let (site, _) = start_site();
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("site.toml");
    std::fs::write(
        &mapping,
        format!(
            "[crawl]\nstart_urls = ['{}']\nfollow = ['/news/index(_\\d+)?\\.html$']\n\
             article = ['/news/2017/t\\d+_\\d+(_\\d+)?\\.html$']\nexclude = ['_104\\.html$']\n\
             delay_ms = 0\nconcurrency = 4\n",
            site.url("/news/index.html")
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    sitelift()
        .args(["run", "--quiet", "--mapping"])
        .arg(&mapping)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut paths: Vec<String> = records(&out)
        .iter()
        .map(|r| path_of(r["url"].as_str().unwrap()))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/news/2017/t20170920_105.html",
            "/news/2017/t20170925_103.html",
            "/news/2017/t20170926_102.html",
            "/news/2017/t20170927_101.html",
        ]
    );
    assert_eq!(site.hits("/gbk/index.html"), 0);
    let s = status(&out);
    assert_eq!(s["skipped"]["excluded"]["count"], 1, "{s:#}");
}
