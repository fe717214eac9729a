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
    // Field names and the site model's lines too.
    assert!(
        err.contains("字段填充率： 标题 ")
            && err.contains("站点模型：")
            && err.contains("已跳过：\n"),
        "{err}"
    );
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

/// Whether `text` holds a Chinese character.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `sitelift --lang LANG ARGS…`: (exit code, stdout, stderr).
fn in_lang(lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = sitelift()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), stdout_of(&out), stderr_of(&out))
}

#[test]
fn help_of_the_mapping_and_qa_commands_in_both_languages() {
    // (command, a Chinese phrase of its help, the English one)
    let cases = [
        (
            "check-mapping",
            "检查映射文件是否有效",
            "Validate a mapping file",
        ),
        ("eval", "评测提取效果", "Measure extraction"),
        (
            "diff",
            "逐个字段比较两组记录",
            "Compare two sets of records",
        ),
        ("completions", "命令补全脚本", "shell completion script"),
        ("man", "手册页", "manual page"),
    ];
    for (verb, zh, en) in cases {
        let (code, help, _) = in_lang("zh", &[verb, "--help"]);
        assert_eq!(code, Some(0));
        assert!(help.contains(zh), "{verb} --help in Chinese: {help}");
        assert!(help.contains(&format!("用法：sitelift {verb}")), "{help}");
        // clap's own words too: the help flag, and defaults or possible values where the command has them.
        assert!(
            help.contains("显示帮助") && !help.contains("Print help"),
            "{help}"
        );
        assert!(
            !help.contains("[default:") && !help.contains("[possible values:"),
            "{help}"
        );
        let (code, help, _) = in_lang("en", &[verb, "--help"]);
        assert_eq!(code, Some(0));
        assert!(help.contains(en), "{verb} --help in English: {help}");
        assert!(
            !has_chinese(&help.replace("简体中文", "")),
            "{verb}: {help}"
        );
    }
    let (_, help, _) = in_lang("zh", &["diff", "--help"]);
    assert!(help.contains("[默认：text] [可选值：text, json]"), "{help}");
    // The arguments keep their order.
    assert!(
        help.find("<EXPECTED>  ") < help.find("<ACTUAL>  "),
        "{help}"
    );
    let (_, help, _) = in_lang("zh", &["--help"]);
    assert!(help.contains("显示本帮助，或显示指定命令的帮助"), "{help}");
    assert!(
        !help
            .lines()
            .any(|l| l.contains("mapping ") && !has_chinese(l)),
        "{help}"
    );
}

/// Expected and actual records that differ in one record's title and author, and miss one record.
fn two_exports(dir: &Path) -> (PathBuf, PathBuf) {
    let expected = dir.join("expected.jsonl");
    let actual = dir.join("actual.jsonl");
    let records = [
        r#"{"id":"a","url":"http://www.site.cn/a.html","title":"关于举办科普讲座的通知","author":null}"#,
        r#"{"id":"b","url":"http://www.site.cn/b.html","title":"年度工作总结","author":"李明"}"#,
    ];
    std::fs::write(&expected, records.join("\n") + "\n").unwrap();
    let changed = r#"{"id":"a","url":"http://www.site.cn/a.html","title":"关于举办科普讲座的通知（更新）","author":"王芳"}"#;
    std::fs::write(&actual, format!("{changed}\n")).unwrap();
    (expected, actual)
}

/// `sitelift --lang LANG diff EXPECTED ACTUAL` exits 1 and prints each of `lines` as a whole line.
fn diff_prints(lang: &str, expected: &str, actual: &str, lines: &[String]) {
    let (code, text, _) = in_lang(lang, &["diff", expected, actual]);
    assert_eq!(code, Some(1), "{text}");
    for line in lines {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in:\n{text}"
        );
    }
}

#[test]
fn a_diff_table_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (expected, actual) = two_exports(dir.path());
    let (e, a) = (expected.to_str().unwrap(), actual.to_str().unwrap());
    let zh = [
        format!("--- 预期 {e}（2 条记录）"),
        format!("+++ 实际 {a}（1 条记录）"),
        "缺少的记录（预期中有，实际中没有）：1 条".to_string(),
        // Field names for a person, the JSON key for --ignore; the values line up under 标题 and 作者.
        "    标题（title）   预期 \"关于举办科普讲座的通知\"".to_string(),
        "                    实际 \"关于举办科普讲座的通知（更新）\"".to_string(),
        "    作者（author）  预期 null".to_string(),
        "共比较 1 条：相同 0 条，不同 1 条；缺少 1 条，多出 0 条".to_string(),
    ];
    diff_prints("zh", e, a, &zh);
    let en = [
        format!("--- expected {e} (2 records)"),
        format!("+++ actual   {a} (1 records)"),
        "missing (expected, not in actual): 1".to_string(),
        "    title   expected \"关于举办科普讲座的通知\"".to_string(),
        "            actual   \"关于举办科普讲座的通知（更新）\"".to_string(),
        "    author  expected null".to_string(),
        "1 compared: 0 equal, 1 differ; 1 missing, 0 extra".to_string(),
        "fields that differ (records): author 1, title 1".to_string(),
    ];
    diff_prints("en", e, a, &en);
    // The JSON for machines is the same in both languages.
    let (_, zh, _) = in_lang("zh", &["diff", "--format", "json", e, a]);
    let (_, en, _) = in_lang("en", &["diff", "--format", "json", e, a]);
    assert_eq!(zh, en);
}

#[test]
fn error_messages_with_their_remedy_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (expected, actual) = two_exports(dir.path());
    let (e, a) = (expected.to_str().unwrap(), actual.to_str().unwrap());
    // (arguments, Chinese message, English message): a library error, commands' own errors, clap's errors.
    let csv = dir.path().join("x.csv");
    let csv = csv.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["diff", "--ignore", "titel", e, a],
            "错误：没有名为 'titel' 的记录字段：请使用以下字段之一：",
            "error: unknown record field 'titel': use one of ",
        ),
        (
            vec!["extract", "--out", csv, "fixtures/demo-site"],
            "sitelift 不能写 .csv 文件；请使用以 .jsonl",
            "sitelift does not write .csv files; use a name ending in .jsonl",
        ),
        (
            vec!["report", "--input", e],
            "错误：没有要写的内容：生成网页报告请加 --html 文件",
            "error: nothing to write: give --html FILE for the page",
        ),
        (
            vec!["extract", "--format", "sqlite", "fixtures/demo-site"],
            "错误：--format sqlite 需要同时指定 --out 文件",
            "error: --format sqlite needs --out FILE",
        ),
        // clap's own errors, with the suggestion and the usage line.
        (
            vec!["extrct"],
            "错误：没有 'extrct' 这个命令\n\n  提示：是不是想用 'export', 'extract'？\n\n用法：sitelift",
            "error: unrecognized subcommand 'extrct'",
        ),
        (
            vec!["status"],
            "错误：缺少必需的参数：--job <DIR>",
            "error: the following required arguments were not provided",
        ),
        (
            vec!["diff", "--format", "xml", e, a],
            "错误：参数 '--format <FORMAT>' 的值 'xml' 无效\n\n  [可选值：text, json]",
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
    ];
    for (args, zh, en) in cases {
        let (code, _, err) = in_lang("zh", &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(zh), "{args:?} in Chinese: {err}");
        let (code, _, err) = in_lang("en", &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(en), "{args:?} in English: {err}");
        assert!(!has_chinese(&err), "{args:?}: {err}");
    }
}
