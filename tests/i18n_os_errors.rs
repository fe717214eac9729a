//! Issue 11, the Chinese interface: the operating system's errors and the HTTP status of a failed page, which
//! Rust and the HTTP library give in English, are said in Chinese under `LANG=zh_CN.UTF-8` (the OS's code kept
//! in brackets); in English they read as before, and the job keeps the English reason.

mod support;

use std::path::Path;

use support::sitelift;

/// `sitelift ARGS…` under `LANG=zh_CN.UTF-8` (or the English `C` locale): (exit code, stdout, stderr).
fn run(zh: bool, args: &[&str]) -> (Option<i32>, String, String) {
    let mut cmd = sitelift();
    if zh {
        cmd.env("LANG", "zh_CN.UTF-8");
    }
    let out = cmd.args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// `sitelift ARGS…` exits 2 with the OS error `code` in Chinese (`zh`, not Rust's `words`) under a Chinese
/// locale, and in Rust's words as before under the English one.
fn fails_with_the_os_error(args: &[&str], code: i32, zh: &str, words: &str) {
    let (exit, _, err) = run(true, args);
    assert_eq!(exit, Some(2), "{err}");
    assert!(err.contains(&format!("{zh}（os error {code}）")), "{err}");
    assert!(!err.contains(words), "{err}");
    let (exit, _, err) = run(false, args);
    assert_eq!(exit, Some(2), "{err}");
    assert!(err.contains(&format!("{words} (os error {code})")), "{err}");
}

#[test]
fn a_missing_input_is_explained_in_chinese_with_the_os_code() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    let args = ["extract", missing.to_str().unwrap()];
    fails_with_the_os_error(&args, 2, "找不到文件或目录", "No such file or directory");
}

#[test]
fn an_output_that_cannot_be_written_is_explained_in_chinese_with_the_os_code() {
    let dir = tempfile::tempdir().unwrap();
    // The output file's name is taken by a folder: "Is a directory" whoever runs the test (root included). (A
    // path through a file is said by sitelift itself: tests/operators.rs.)
    let out = dir.path().join("out.jsonl");
    std::fs::create_dir(&out).unwrap();
    let args = [
        "extract",
        "fixtures/demo-site",
        "--out",
        out.to_str().unwrap(),
    ];
    fails_with_the_os_error(&args, 21, "这是一个文件夹，不是文件", "Is a directory");
}

fn status_text(job: &Path, zh: bool) -> String {
    let (code, out, err) = run(zh, &["status", "--job", job.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    out
}

#[test]
fn http_failures_are_named_in_chinese_in_the_summary_and_status() {
    let site = support::broken_site();
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let (url, out) = (site.url("/"), job.to_str().unwrap());
    // One retry, at once: the 503 is asked for twice.
    let args = [
        "run",
        "--retries=1",
        "--retry-base-ms=10",
        "--delay-ms=0",
        "--out",
        out,
        &url,
    ];
    let (_, _, err) = run(true, &args);
    let gone = "gone.html: HTTP 404 找不到页面\n";
    let down = "down.html: HTTP 503 服务暂时不可用（共尝试 2 次）\n";
    assert!(err.contains("  HTTP 404 找不到页面\n"), "{err}");
    assert!(err.contains(gone) && err.contains(down), "{err}");
    assert!(
        !err.contains("Not Found") && !err.contains("Service Unavailable"),
        "{err}"
    );
    let text = status_text(&job, true);
    assert!(text.contains(gone) && text.contains(down), "{text}");
    assert!(!text.contains("Not Found"), "{text}");
    // The job keeps the English reason, and English reads it as before.
    let text = status_text(&job, false);
    assert!(text.contains("gone.html: HTTP 404 Not Found\n"), "{text}");
    assert!(
        text.contains("down.html: HTTP 503 Service Unavailable (after 2 attempts)\n"),
        "{text}"
    );
    let json = support::status_json(&job);
    assert_eq!(
        json["failures"]["HTTP 404 Not Found"]["count"], 1,
        "{json:#}"
    );
}

/// An I/O error that carries no OS code (a file that is not UTF-8) is said by its kind, not by matching Rust's
/// English words, which have no `(os error N)` mark to find.
#[test]
fn an_io_error_without_an_os_code_is_said_by_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.json");
    // 中文 in GBK: not UTF-8.
    std::fs::write(&labels, b"\xd6\xd0\xce\xc4").unwrap();
    let args = ["eval", "--labels", labels.to_str().unwrap()];
    let (exit, _, err) = run(true, &args);
    assert_eq!(exit, Some(2), "{err}");
    assert!(err.contains("：数据无效"), "{err}");
    assert!(!err.contains("valid UTF-8"), "{err}");
    let (exit, _, err) = run(false, &args);
    assert_eq!(exit, Some(2), "{err}");
    assert!(err.contains("stream did not contain valid UTF-8"), "{err}");
}
