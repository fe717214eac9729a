//! Crawl tests against a real server on 127.0.0.1 serving a generated legacy site (tests/support/site.rs).
//! They run the real binary and check the exported records and the job's accounting (`status --json`).

mod support;

use std::path::Path;
use std::sync::Arc;

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

/// Flags that make the crawl fast and the failures quick.
const FAST: [&str; 12] = [
    "--delay-ms",
    "0",
    "--concurrency",
    "4",
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
