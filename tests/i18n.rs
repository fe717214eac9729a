//! Issue 11, part 3: the Chinese interface. The real binary on the bundled demo mirror, with `--lang zh`, with
//! `LANG=zh_CN.UTF-8`, and with neither (English, byte for byte what the other tests assert).

mod support;

use std::path::{Path, PathBuf};

use support::sitelift;

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `sitelift run` over the demo mirror into DIR/demo, with `args` before the verb and `env` set.
fn run_demo(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (PathBuf, std::process::Output) {
    let out_dir = dir.join("demo");
    let mut cmd = sitelift();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(args)
        .args(["run", "--out"])
        .arg(&out_dir)
        .arg("fixtures/demo-site")
        .output()
        .unwrap();
    (out_dir, out)
}

fn status(job: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = sitelift();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(args)
        .args(["status", "--job"])
        .arg(job)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn lang_zh_gives_a_chinese_summary_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let (job, out) = run_demo(dir.path(), &["--lang", "zh"], &[]);
    let err = stderr_of(&out);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{err}");
    assert!(err.contains("个页面") && err.contains("记录"), "{err}");
    assert!(
        err.contains("输出：") && err.contains("records.sqlite"),
        "{err}"
    );
    assert!(!err.contains("pages read"), "{err}");
    let text = status(&job, &["--lang", "zh"], &[]);
    assert!(text.starts_with("任务 "), "{text}");
    assert!(
        text.contains("网址：队列中") && text.contains("记录："),
        "{text}"
    );
    assert!(!text.contains("URLs:"), "{text}");
}

#[test]
fn a_chinese_locale_gives_chinese_and_lang_en_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let zh = [("LANG", "zh_CN.UTF-8")];
    let (job, out) = run_demo(dir.path(), &[], &zh);
    assert!(stderr_of(&out).contains("已读取"), "{}", stderr_of(&out));
    let text = status(&job, &[], &zh);
    assert!(text.contains("抓取用时"), "{text}");
    let text = status(&job, &["--lang", "en"], &zh);
    assert!(text.contains("crawl time:"), "{text}");
    // LC_ALL wins over LANG.
    let text = status(
        &job,
        &[],
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
    );
    assert!(text.contains("crawl time:"), "{text}");
}

#[test]
fn english_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let (job, out) = run_demo(dir.path(), &[], &[]);
    let err = stderr_of(&out);
    assert!(err.contains(" pages read in "), "{err}");
    assert!(err.contains("output: "), "{err}");
    let text = status(&job, &[], &[]);
    assert!(text.starts_with("job "), "{text}");
    assert!(
        text.contains("URLs: ") && text.contains(" queued, "),
        "{text}"
    );
    assert!(
        !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{text}"
    );
}

#[test]
fn errors_and_help_in_chinese() {
    let out = sitelift()
        .args(["--lang", "zh", "run", "--out", "x", "www.site.cn"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("错误：'www.site.cn' 不是文件或文件夹")
            && err.contains("http://www.site.cn"),
        "{err}"
    );
    let out = sitelift()
        .env("LANG", "zh_CN.UTF-8")
        .args(["status", "--help"])
        .output()
        .unwrap();
    let help = stdout_of(&out);
    assert!(
        help.contains("用法：sitelift status") && help.contains("任务文件夹"),
        "{help}"
    );
    let out = sitelift().args(["status", "--help"]).output().unwrap();
    let help = stdout_of(&out);
    assert!(
        help.contains("Usage: sitelift status") && help.contains("The job folder"),
        "{help}"
    );
}

#[test]
fn the_report_page_speaks_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let (job, _) = run_demo(dir.path(), &["-q"], &[]);
    let page = |lang: &str| {
        let html = dir.path().join(format!("report-{lang}.html"));
        let out = sitelift()
            .args(["--lang", lang, "-q", "report", "--job"])
            .arg(&job)
            .arg("--html")
            .arg(&html)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        std::fs::read_to_string(&html).unwrap()
    };
    let zh = page("zh");
    for text in [
        "<h2>运行摘要</h2>",
        "<h2>编码审计</h2>",
        "下一页 →",
        "<th>发布日期</th>",
    ] {
        assert!(zh.contains(text), "{text} not in the Chinese report");
    }
    let en = page("en");
    for text in [
        "<h2>Run summary</h2>",
        "<h2>Encoding audit</h2>",
        "next →",
        "<th>published</th>",
    ] {
        assert!(en.contains(text), "{text} not in the English report");
    }
}
