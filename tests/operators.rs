//! Issue 11 (operators): each rough edge an operator hit, run against the real binary — stdout closed early,
//! `--limit` that gives exactly N and continues, flags that are refused instead of ignored, messages that say
//! what to do — and the crawl's scope flags, summaries, exit codes and plain progress against a loopback site.

mod support;

use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;

use serde_json::Value;
use support::server::Server;
use support::site::{self, SiteState};
use support::{root, sitelift, status_json};

/// Flags that make a crawl of the test site quick: no delay, short timeouts, few retries.
const FAST: [&str; 10] = [
    "--timeout-ms",
    "800",
    "--retries",
    "1",
    "--retry-base-ms",
    "20",
    "--delay-ms",
    "0",
    "--max-query-variants",
    "4",
];

fn start_site() -> Server {
    let state = Arc::new(SiteState::default());
    Server::start(move |port| site::handler(port, state), 2)
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// A job from the bundled demo mirror, for the commands that read one.
fn demo_job(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("demo");
    sitelift()
        .args(["-q", "run", "--out"])
        .arg(&out)
        .arg("fixtures/demo-site")
        .assert()
        .success();
    out
}

/// Run with stdout closed before anything is written (`… | head -0`): exit 0, no panic.
fn closed_stdout(args: &[&str]) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sitelift"))
        .current_dir(root())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let job = demo_job(dir.path());
    let job = job.to_str().unwrap();
    let jsonl = format!("{job}/records.jsonl");
    for args in [
        vec!["status", "--json", "--job", job],
        vec!["status", "--job", job],
        vec!["check-mapping", "mappings/demo-kx.toml"],
        vec!["extract", "fixtures/demo-site"],
        vec!["report", "--input", &jsonl, "--format", "json"],
        vec!["diff", &jsonl, &jsonl],
    ] {
        closed_stdout(&args);
    }
}

#[test]
fn limit_gives_exactly_n_records_and_the_next_run_the_next_n() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = || {
        sitelift()
            .args(["run", "--limit", "2", "--out"])
            .arg(&out)
            .arg("fixtures/demo-site")
            .assert()
            .success();
        lines(&out.join("records.jsonl"))
    };
    assert_eq!(run(), 2);
    assert_eq!(run(), 4);

    // A crawl, four requests at once: still exactly N, and N more the next time.
    let server = start_site();
    let out = dir.path().join("crawl");
    let crawl = || {
        sitelift()
            .arg("run")
            .args(FAST)
            .args(["--concurrency", "4", "--limit", "3", "--out"])
            .arg(&out)
            .arg(server.url("/"))
            .output()
            .unwrap();
        lines(&out.join("records.jsonl"))
    };
    assert_eq!(crawl(), 3);
    assert_eq!(crawl(), 6);
}

#[test]
fn report_has_no_text_format() {
    let a = sitelift()
        .args(["report", "--input", "x.jsonl", "--format", "text"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("invalid value 'text'"),
        "{}",
        stderr_of(&a)
    );
}

#[test]
fn run_writes_the_summary_file_its_help_promises() {
    let help = sitelift().args(["run", "--help"]).assert().success();
    assert!(String::from_utf8_lossy(&help.get_output().stdout).contains("summary.json"));
    let dir = tempfile::tempdir().unwrap();
    let out = demo_job(dir.path());
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert!(summary["records"].as_u64().unwrap() > 0, "{summary}");

    let server = start_site();
    let out = dir.path().join("crawl");
    sitelift()
        .arg("run")
        .args(FAST)
        .arg("--out")
        .arg(&out)
        .arg(server.url("/"))
        .assert()
        .code(1);
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["records"], 10, "{summary}");
    assert!(summary["fetch_failed"].as_u64().unwrap() > 0, "{summary}");
    assert!(summary["not_fetched"].as_u64().unwrap() > 0, "{summary}");
}

#[test]
fn diff_names_the_mapping_a_case_needs() {
    let dir = tempfile::tempdir().unwrap();
    let actual = dir.path().join("cases.jsonl");
    sitelift()
        .args([
            "-q",
            "extract",
            "fixtures/cases",
            "--base-url",
            "http://www.kx-demo.org.cn/cases/",
            "--out",
        ])
        .arg(&actual)
        .output()
        .unwrap();
    let a = sitelift()
        .args(["diff", "fixtures/cases"])
        .arg(&actual)
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&a.get_output().stdout);
    assert!(
        stdout.contains("--mapping mappings/qc-mes.toml"),
        "{stdout}"
    );
}

#[test]
fn a_host_without_scheme_is_answered_with_the_url_to_write() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["run", "--out", "OUT", "www.site.cn"],
        vec!["crawl", "--job", "OUT", "www.site.cn"],
        vec!["extract", "www.site.cn"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.replace("OUT", &dir.path().join("o").display().to_string()))
            .collect();
        let a = sitelift().args(&args).assert().code(2);
        assert!(
            stderr_of(&a).contains("http://www.site.cn"),
            "{args:?}: {}",
            stderr_of(&a)
        );
    }
    assert!(!dir.path().join("o").exists(), "nothing is left behind");
}

#[test]
fn an_output_extension_sitelift_does_not_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let a = sitelift()
        .args(["extract", "fixtures/demo-site", "--out"])
        .arg(&out)
        .assert()
        .code(2);
    let stderr = stderr_of(&a);
    assert!(
        stderr.contains(".jsonl") && stderr.contains(".sqlite"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn an_empty_folder_is_said_to_be_empty() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let a = sitelift().arg("extract").arg(&empty).assert().code(2);
    assert!(
        stderr_of(&a).contains("no HTML pages found"),
        "{}",
        stderr_of(&a)
    );
    let out = dir.path().join("out");
    let a = sitelift()
        .args(["run", "--out"])
        .arg(&out)
        .arg(&empty)
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("no HTML pages found"),
        "{}",
        stderr_of(&a)
    );
}

#[test]
fn quiet_still_says_why_it_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(
        "fixtures/demo-site/www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html",
        pages.join("a.html"),
    )
    .or_else(|_| {
        std::fs::copy(
            root().join("fixtures/demo-site/www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html"),
            pages.join("a.html"),
        )
    })
    .unwrap();
    std::fs::write(pages.join("big.html"), vec![b'<'; 2 * 1024 * 1024]).unwrap();
    let a = sitelift()
        .args(["-q", "extract", "--max-page-size", "1", "--out"])
        .arg(dir.path().join("r.jsonl"))
        .arg(&pages)
        .assert()
        .code(1);
    let stderr = stderr_of(&a);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("1 page(s) failed"), "{stderr}");

    let server = start_site();
    let out = dir.path().join("crawl");
    let a = sitelift()
        .args(["-q", "run"])
        .args(FAST)
        .arg("--out")
        .arg(&out)
        .arg(server.url("/"))
        .assert()
        .code(1);
    assert!(stderr_of(&a).contains("URLs failed"), "{}", stderr_of(&a));
}

/// `check-mapping` of a mapping with this text: it must be refused (exit 2); its stderr.
fn refused_mapping(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("m.toml");
    std::fs::write(&mapping, text).unwrap();
    let a = sitelift()
        .arg("check-mapping")
        .arg(&mapping)
        .assert()
        .code(2);
    stderr_of(&a)
}

#[test]
fn remove_after_a_table_explains_the_toml_trap() {
    let stderr = refused_mapping("[selectors]\ntitle = \"h1\"\nremove = [\".share\"]\n");
    assert!(
        stderr.contains("'remove' (line 3) is read as 'selectors.remove'")
            && stderr.contains("above the first [table] header"),
        "{stderr}"
    );
}

#[test]
fn a_bad_selector_names_the_file_and_line() {
    let stderr = refused_mapping(
        "remove = [\".ok\"]\n\n[selectors]\ntitle = \"h1\"\nbody = \"div..content\"\n",
    );
    assert!(
        stderr.contains("m.toml', line 5: key 'selectors.body'"),
        "{stderr}"
    );
}

#[test]
fn a_refused_connection_is_named_and_leaves_no_job() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let a = sitelift()
        .args(["run", "--retries", "0", "--out"])
        .arg(&out)
        .arg(format!("http://127.0.0.1:{port}/"))
        .assert()
        .code(2);
    let stderr = stderr_of(&a);
    assert!(
        stderr.contains(&format!("cannot connect to 127.0.0.1:{port}")),
        "{stderr}"
    );
    assert!(!stderr.contains("robots.txt unreachable"), "{stderr}");
    assert!(!out.exists(), "no empty job left behind");
    // The same for `crawl`, into a folder that exists already: the folder stays, empty.
    let job = dir.path().join("job");
    std::fs::create_dir(&job).unwrap();
    let a = sitelift()
        .args(["crawl", "--retries", "0", "--job"])
        .arg(&job)
        .arg(format!("http://127.0.0.1:{port}/"))
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("cannot connect to"),
        "{}",
        stderr_of(&a)
    );
    assert_eq!(std::fs::read_dir(&job).unwrap().count(), 0);
}

#[test]
fn a_crawl_with_dead_links_is_done_with_failures_and_says_what_it_did() {
    let server = start_site();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let a = sitelift()
        .arg("run")
        .args(FAST)
        .arg("--out")
        .arg(&out)
        .arg(server.url("/"))
        .assert()
        .code(1);
    let stderr = stderr_of(&a);
    assert!(stderr.contains("this run: "), "{stderr}");
    assert!(stderr.contains("links not followed"), "{stderr}");
    assert!(stderr.contains("links seen on them"), "{stderr}");
    // Links not followed are not pages read.
    let s = status_json(&out);
    let fetched = s["pages"]["fetched"].as_u64().unwrap();
    let outcomes: u64 = s["outcomes"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert!(
        stderr.contains(&format!("{outcomes} pages read")),
        "{stderr}"
    );
    assert!(outcomes <= fetched, "{s:#}");
    // Pages "not articles" are pages that were read, never links that were not followed.
    let not_articles: u64 = stderr
        .lines()
        .find_map(|l| l.strip_suffix(" page(s) were not exported because they are not articles; run again with --all-pages to export them too"))
        .map_or(0, |n| n.parse().unwrap());
    assert!(
        not_articles <= s["outcomes"]["skipped"].as_u64().unwrap(),
        "{stderr}"
    );
    // One rate: pages done (fetched or failed) over crawl time.
    let done = fetched + s["pages"]["failed"].as_u64().unwrap();
    let elapsed = s["elapsed_secs"].as_f64().unwrap();
    let want = ((done as f64 / elapsed) * 10.0).round() / 10.0;
    assert_eq!(s["pages_per_sec"].as_f64().unwrap(), want);
}

#[test]
fn scope_flags_keep_the_crawl_where_it_is_told() {
    let server = start_site();
    let dir = tempfile::tempdir().unwrap();
    let crawl = |name: &str, extra: &[&str], start: &str| {
        let out = dir.path().join(name);
        sitelift()
            .arg("run")
            .args(FAST)
            .args(extra)
            .arg("--out")
            .arg(&out)
            .arg(server.url(start))
            .output()
            .unwrap();
        let urls: Vec<String> = std::fs::read_to_string(out.join("records.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["url"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        (urls, status_json(&out))
    };

    let (urls, s) = crawl("no-parent", &["--no-parent"], "/news/index.html");
    assert!(
        !urls.is_empty() && urls.iter().all(|u| u.contains("/news/")),
        "{urls:?}"
    );
    assert!(s["scope_dropped"]["parent"].as_u64().unwrap() > 0, "{s:#}");
    assert_eq!(server.hits("/gbk/t201.html"), 0);

    let (urls, s) = crawl("exclude", &["--exclude", "/gbk/"], "/");
    assert!(urls.iter().all(|u| !u.contains("/gbk/")), "{urls:?}");
    assert!(s["scope_dropped"]["exclude"].as_u64().unwrap() > 0, "{s:#}");
    assert!(
        s["scope_dropped"]["other_host"].as_u64().unwrap() > 0,
        "{s:#}"
    );

    let (urls, s) = crawl("include", &["--include", "/news/"], "/");
    assert!(
        !urls.is_empty() && urls.iter().all(|u| u.contains("/news/")),
        "{urls:?}"
    );
    assert!(
        s["scope_dropped"]["not_included"].as_u64().unwrap() > 0,
        "{s:#}"
    );

    let (_, s) = crawl("max-pages", &["--max-pages", "3"], "/");
    let done = s["pages"]["fetched"].as_u64().unwrap() + s["pages"]["failed"].as_u64().unwrap();
    assert_eq!(done, 3, "{s:#}");
    assert!(s["pages"]["queued"].as_u64().unwrap() > 0, "{s:#}");

    // Text status names the rules.
    let a = sitelift()
        .args(["status", "--job"])
        .arg(dir.path().join("exclude"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&a.get_output().stdout);
    assert!(
        text.contains("scope dropped:") && text.contains("excluded"),
        "{text}"
    );

    // A bad pattern is refused before anything starts.
    let a = sitelift()
        .args(["run", "--include", "(", "--out"])
        .arg(dir.path().join("bad"))
        .arg(server.url("/"))
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("--include"), "{}", stderr_of(&a));
}

#[test]
fn piped_progress_is_plain_lines_and_colour_follows_the_environment() {
    let server = start_site();
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, env: &[(&str, &str)]| {
        let mut cmd = sitelift();
        cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let a = cmd
            .args(["--progress-interval", "0", "run", "--ignore-robots"])
            .args(FAST)
            .arg("--out")
            .arg(dir.path().join(name))
            .arg(server.url("/"))
            .assert()
            .code(1);
        a.get_output().stderr.clone()
    };
    let plain = run("plain", &[]);
    let text = String::from_utf8_lossy(&plain);
    let progress: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("progress "))
        .collect();
    assert!(!progress.is_empty(), "{text}");
    for l in &progress {
        for part in ["pages done", "pages/s", "queued", "failed", "eta"] {
            assert!(l.contains(part), "{l}");
        }
    }
    assert!(!plain.contains(&0x1b), "no escapes when piped: {text}");
    assert!(
        text.contains("--ignore-robots"),
        "the warning is there: {text}"
    );

    // The same for a run over files.
    let a = sitelift()
        .args([
            "--progress-interval",
            "0",
            "extract",
            "fixtures/demo-site",
            "--out",
        ])
        .arg(dir.path().join("files.jsonl"))
        .assert()
        .success();
    let text = stderr_of(&a);
    assert!(
        text.lines()
            .any(|l| l.starts_with("progress ") && l.contains("pages done") && l.contains("eta")),
        "{text}"
    );

    let forced = run("forced", &[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&forced)
    );
    let no_color = run("no-color", &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(
        !no_color.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&no_color)
    );
}

#[test]
fn progress_interval_is_a_number_of_seconds() {
    let a = sitelift()
        .args(["--progress-interval", "abc", "status", "--job", "x"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("not a number of seconds"),
        "{}",
        stderr_of(&a)
    );
}

#[test]
fn an_output_path_through_a_file_is_said_to_be_a_file_in_the_interface_language() {
    // `--out report.txt/records.jsonl` where report.txt is a file: the operating system says "already exists"
    // (os error 17); the message names the file and what to do.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "notes").unwrap();
    let demo = root().join("fixtures/demo-site");
    for (lang, want) in [
        (
            "en_US.UTF-8",
            "is a file, not a folder. Choose another --out path",
        ),
        ("zh_CN.UTF-8", "是一个文件，不是文件夹。请换一个 --out 路径"),
    ] {
        let a = sitelift()
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .arg("extract")
            .arg(&demo)
            .arg("--out")
            .arg(file.join("records.jsonl"))
            .assert()
            .code(2);
        let err = stderr_of(&a);
        assert!(err.contains(want), "{lang}: {err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
    }
    // `run --out` through the same file says the same.
    let a = sitelift()
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .arg("run")
        .arg(&demo)
        .arg("--out")
        .arg(file.join("job"))
        .assert()
        .code(2);
    assert!(
        stderr_of(&a).contains("is a file, not a folder"),
        "{}",
        stderr_of(&a)
    );
}
