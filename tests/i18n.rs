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
    assert!(!has_chinese(&text), "{text}");
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
    let at = |arg: &str| {
        help.find(arg)
            .unwrap_or_else(|| panic!("no {arg} in {help}"))
    };
    assert!(at("<预期>  ") < at("<实际>  "), "{help}");
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
            "错误：缺少必需的参数：--job <文件夹>",
            "error: the following required arguments were not provided",
        ),
        (
            vec!["diff", "--format", "xml", e, a],
            "错误：参数 '--format <格式>' 的值 'xml' 无效\n\n  [可选值：text, json]",
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        // clap's tip, an option without its value, an option given twice, a number that is none.
        (
            vec!["extract", "--bogus"],
            "错误：无法识别的参数 '--bogus'\n\n  提示：要把 '--bogus' 作为值传入，请写成 '-- --bogus'\n\n\
             用法：sitelift extract [选项] [输入]...",
            "  tip: to pass '--bogus' as a value, use '-- --bogus'",
        ),
        (
            vec!["run", "--out"],
            "错误：参数 '--out <文件夹>' 需要一个值，但没有给出",
            "error: a value is required for '--out <DIR>' but none was supplied",
        ),
        (
            vec!["status", "--job", "a", "--job", "b"],
            "错误：参数 '--job <文件夹>' 只能使用一次",
            "error: the argument '--job <DIR>' cannot be used multiple times",
        ),
        (
            vec!["run", "--out", "x", "--delay-ms", "abc", "y"],
            "错误：参数 '--delay-ms <毫秒数>' 的值 'abc' 无效：不是整数",
            "invalid digit found in string",
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

/// A folder holding a list page (30 dated links and a pager), an article and an empty file.
fn small_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    std::fs::create_dir(&site).unwrap();
    let items: String = (1..=30)
        .map(|i| {
            format!(
                "<li><a href=\"/xwzx/2023/art_{i}.html\">关于开展第{i}批安全生产检查工作的通知</a>\
                 <span>2023-05-{:02}</span></li>\n",
                i % 28 + 1
            )
        })
        .collect();
    let list = format!(
        "<html><head><meta charset=\"utf-8\"><title>通知公告</title></head><body><h1>通知公告</h1>\
         <ul>{items}</ul><div class=\"pager\"><a href=\"list_2.html\">下一页</a></div></body></html>"
    );
    let body: String = (1..=7)
        .map(|i| {
            format!(
                "<p>为进一步加强全市安全生产工作，切实落实各项防范措施，根据省应急管理厅有关要求，现就第{i}项\
                 工作安排通知如下，请各单位认真贯彻执行，确保取得实效。</p>"
            )
        })
        .collect();
    let article = format!(
        "<html><head><meta charset=\"utf-8\"><title>关于开展安全生产检查的通知</title></head><body>\
         <h1>关于开展安全生产检查的通知</h1><div class=\"info\">发布时间：2023-05-06 来源：市应急管理局</div>\
         <div class=\"content\">{body}</div></body></html>"
    );
    std::fs::write(site.join("list.html"), list).unwrap();
    std::fs::write(site.join("article.html"), article).unwrap();
    std::fs::write(site.join("empty.html"), "  \n").unwrap();
    site
}

#[test]
fn skipped_pages_and_their_groups_in_the_summary_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let site = small_site(dir.path());
    let out = dir.path().join("out.jsonl");
    let summary = dir.path().join("summary.json");
    let args = [
        "extract",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--summary",
        summary.to_str().unwrap(),
    ];
    let (code, _, err) = in_lang("zh", &args);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("已跳过：\n"), "{err}");
    assert!(err.contains("      1  空文件\n"), "{err}");
    assert!(err.contains("      1  列表页\n"), "{err}");
    assert!(err.contains("empty.html: 空文件\n"), "{err}");
    // The extractor's own reason, with its count, in Chinese too.
    assert!(err.contains("个指向其他页面的同类条目"), "{err}");
    assert!(!err.contains("similar items"), "{err}");
    assert!(err.contains("      1  没有页面网址\n"), "{err}");
    assert!(!err.contains("empty file"), "{err}");
    // The JSON summary keeps the English keys and texts whatever the language.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    assert_eq!(
        json["skipped"]["empty file"]["pages"][0],
        serde_json::json!(["empty.html", "empty file"])
    );
    assert_eq!(json["warnings"]["no page URL"], 1);

    let (code, _, err) = in_lang("en", &args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("skipped:\n      1  empty file\n         empty.html: empty file\n"),
        "{err}"
    );
    assert!(err.contains("      1  list page\n"), "{err}");
    assert!(err.contains("      1  no page URL\n"), "{err}");
    assert!(!has_chinese(&err), "{err}");
}

const DEMO_MAPPING: &str = "mappings/demo-kx.toml";
const DEMO_ARTICLE: &str = "fixtures/demo-site/www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html";

#[test]
fn check_mapping_in_both_languages() {
    let (code, out, err) = in_lang("zh", &["check-mapping", DEMO_MAPPING]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("映射文件有效：mappings/demo-kx.toml\n"),
        "{out}"
    );
    assert!(
        out.contains("  title       选择器 td.biaoti, h1.article-title\n")
            && out.contains("  author      （通用规则）\n")
            && out.contains("  remove      1 个选择器\n"),
        "{out}"
    );
    let (code, out, err) = in_lang(
        "zh",
        &["check-mapping", DEMO_MAPPING, "--page", DEMO_ARTICLE],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("\n选择器：\n") && out.contains("\n字段：\n"),
        "{out}"
    );
    assert!(
        out.contains("  title        td.biaoti, h1.article-title  （匹配 1 处）\n"),
        "{out}"
    );
    assert!(
        out.contains("div.article-attach a  （匹配 0 处）  <- 没有匹配：改用通用规则"),
        "{out}"
    );
    assert!(out.contains("\n标题         mapping:title "), "{out}");
    assert!(out.contains(" 个字符，4 段\n"), "{out}");
    assert!(
        !out.contains("characters") && !out.contains("selectors:"),
        "{out}"
    );

    let (code, out, _) = in_lang("en", &["check-mapping", DEMO_MAPPING]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("mapping OK: mappings/demo-kx.toml\n"),
        "{out}"
    );
    let (_, out, _) = in_lang(
        "en",
        &["check-mapping", DEMO_MAPPING, "--page", DEMO_ARTICLE],
    );
    assert!(
        out.contains("  (1 match)\n") && out.contains("\nfields:\n"),
        "{out}"
    );
    assert!(out.contains("characters, 4 paragraphs\n"), "{out}");
}

#[test]
fn eval_headings_tables_and_floors_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let site = small_site(dir.path());
    // One right title, one wrong source: the source score is 0% and below its floor.
    let labels = site.join("labels.json");
    std::fs::write(
        &labels,
        r#"[{"file": "article.html", "title": "关于开展安全生产检查的通知", "published": "2023-05-06",
             "source": "省应急管理厅", "body_first": null, "body_last": null}]"#,
    )
    .unwrap();
    let floors = dir.path().join("floors.toml");
    std::fs::write(&floors, "[labels]\nsource = 90\n").unwrap();
    let args = [
        "eval",
        "--labels",
        labels.to_str().unwrap(),
        "--floors",
        floors.to_str().unwrap(),
    ];
    let (code, out, err) = in_lang("zh", &args);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("labels.json — 1 个页面\n"), "{out}");
    assert!(out.contains("\n字段"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("标题 ") && l.ends_with("100.0")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("来源 ") && l.ends_with(" 0.0")),
        "{out}"
    );
    assert!(err.contains("source 0.0% 低于下限 90%"), "{err}");

    let (code, out, err) = in_lang("en", &args);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("labels.json — 1 page(s)\n"), "{out}");
    assert!(
        out.contains("field                     right  total       %\n"),
        "{out}"
    );
    assert!(
        err.contains("source 0.0% is below its floor of 90%"),
        "{err}"
    );
    // The table and the headings are English; the misses that follow quote the pages' Chinese values.
    let table = out.split("\nmisses (").next().unwrap();
    assert!(out.contains("\nmisses (1):\n"), "{out}");
    assert!(!has_chinese(table), "{out}");
}

/// `sitelift --lang zh report ARGS --html FILE` (FILE in `dir`): the page's HTML up to its embedded data (the
/// figures and records as JSON, which keep the stored English texts).
fn report_page(dir: &Path, name: &str, args: &[&str]) -> String {
    let html = dir.join(name);
    let out = sitelift()
        .args(["--lang", "zh", "-q", "report"])
        .args(args)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    let data = page.find("<script type=\"application/json\"").unwrap();
    page[..data].to_string()
}

#[test]
fn record_warnings_in_chinese_in_the_summary_the_report_and_check_mapping() {
    let dir = tempfile::tempdir().unwrap();
    // The demo mapping's meta selector and date/source patterns match nothing on some pages.
    let job = dir.path().join("demo");
    let job_arg = job.to_str().unwrap();
    let (code, _, err) = in_lang(
        "zh",
        &[
            "run",
            "--mapping",
            DEMO_MAPPING,
            "--out",
            job_arg,
            "fixtures/demo-site",
        ],
    );
    assert!(code.is_some_and(|c| c <= 1), "{err}");
    assert!(
        err.contains("  映射模式 'published' 未匹配，已改用通用规则\n"),
        "{err}"
    );
    assert!(!err.contains("matched nothing"), "{err}");
    // Which rules filled the fields: the families and the body field by their Chinese names.
    assert!(
        err.contains("规则：作者 (映射选择器 4); 正文 (映射选择器 10); ")
            && err.contains("发布日期 (映射模式 9)"),
        "{err}"
    );
    let page = report_page(dir.path(), "job.html", &["--job", job_arg]);
    assert!(
        page.contains("映射模式 9"),
        "no Chinese rule family in the report"
    );
    assert!(
        page.contains("映射模式 &#39;published&#39; 在本页没有匹配，已改用通用规则"),
        "no Chinese warning in the report"
    );
    assert!(
        !page.contains("matched nothing"),
        "English warning in the report"
    );
    // A page read without a URL: the warning's remedy in Chinese, the record's text in English.
    let export = dir.path().join("about.jsonl");
    let (code, _, err) = in_lang(
        "zh",
        &[
            "extract",
            "fixtures/demo-site/www.demo-kx.org.cn/about.html",
            "--out",
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let page = report_page(
        dir.path(),
        "export.html",
        &["--input", export.to_str().unwrap()],
    );
    assert!(
        page.contains(
            "没有页面网址：相对链接按原样保留；请加 --base-url，或在映射文件中设置 site.base_url"
        ),
        "no Chinese warning in the report"
    );
    assert!(
        !page.contains("relative links kept as written"),
        "English warning in the report"
    );
    // The record table too (the rows page.js renders; a record's warnings are its column 12).
    let page = std::fs::read_to_string(dir.path().join("export.html")).unwrap();
    let rows = page
        .split("<script type=\"application/json\" id=\"rows\">")
        .nth(1)
        .unwrap();
    let rows: serde_json::Value =
        serde_json::from_str(&rows[..rows.find("</script>").unwrap()]).unwrap();
    assert_eq!(
        rows[0][12][0],
        "没有页面网址：相对链接按原样保留；请加 --base-url，或在映射文件中设置 site.base_url",
        "{rows}"
    );
    let record = std::fs::read_to_string(&export).unwrap();
    assert!(
        record.contains("\"no page URL: relative links kept as written; pass --base-url"),
        "{record}"
    );
    // check-mapping's warnings under the fields table.
    let (code, out, err) = in_lang(
        "zh",
        &[
            "check-mapping",
            DEMO_MAPPING,
            "--page",
            "fixtures/demo-site/www.demo-kx.org.cn/about.html",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("警告：映射模式 'published' 在本页没有匹配，已改用通用规则\n"),
        "{out}"
    );
    assert!(!out.contains("matched nothing"), "{out}");
}

#[test]
fn a_mappings_page_kind_declaration_in_chinese_in_the_summary_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("kinds.toml");
    let declared = "\n[kinds]\nnot_article = ['/login\\.html$']\n";
    std::fs::write(
        &mapping,
        std::fs::read_to_string(DEMO_MAPPING).unwrap() + declared,
    )
    .unwrap();
    let job = dir.path().join("demo");
    let args = [
        "run",
        "--mapping",
        mapping.to_str().unwrap(),
        "--out",
        job.to_str().unwrap(),
        "fixtures/demo-site",
    ];
    let (code, _, err) = in_lang("zh", &args);
    assert!(code.is_some_and(|c| c <= 1), "{err}");
    let reason =
        "login.html: 映射文件声明：网址符合 kinds.not_article \"/login\\\\.html$\"，不是文章页\n";
    assert!(err.contains("      1  映射文件声明的非文章页\n"), "{err}");
    assert!(err.contains(reason), "{err}");
    assert!(!err.contains("URL matches"), "{err}");
    let text = status(&job, &["--lang", "zh"], &[]);
    assert!(text.contains(reason), "{text}");
    assert!(!text.contains("URL matches"), "{text}");
    // The job keeps the English reason; `--lang en` shows it.
    let text = status(&job, &["--lang", "en"], &[]);
    assert!(
        text.contains("login.html: mapping: URL matches kinds.not_article \"/login\\\\.html$\"\n"),
        "{text}"
    );
}

#[test]
fn the_site_models_anomalies_and_kinds_in_chinese_in_the_summary_status_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    // Ten articles of one template; one of them shows no date, which its nine siblings have.
    let mut articles = support::template_site::articles(10, 4);
    articles[9].date = None;
    support::template_site::write(&site, &articles, true);
    let job = dir.path().join("job");
    let job_arg = job.to_str().unwrap();
    let (code, _, err) = in_lang("zh", &["run", "--out", job_arg, site.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let anomaly = |text: &str| {
        text.lines().any(|l| {
            l.trim_start()
                .starts_with("异常：1 个页面缺少同模板其他页面都有的字段，例如 ")
                && l.ends_with("t20240509_1009.html：缺少发布日期；同模板 90% 的页面都有")
        })
    };
    assert!(anomaly(&err), "{err}");
    assert!(err.contains("  t1      10 个页面  文章 "), "{err}");
    assert!(!err.contains("of the template's pages"), "{err}");
    let text = status(&job, &["--lang", "zh"], &[]);
    assert!(anomaly(&text), "{text}");
    assert!(text.contains("  t1      10 个页面  文章 "), "{text}");
    assert!(
        !text.contains("of the template's pages") && !text.contains(" article "),
        "{text}"
    );
    let page = report_page(dir.path(), "report.html", &["--job", job_arg]);
    assert!(
        page.contains("缺少发布日期；同模板 90% 的页面都有"),
        "no Chinese anomaly in the report"
    );
    assert!(
        page.contains("<td>文章</td>"),
        "no Chinese template kind in the report"
    );
    assert!(
        !page.contains("of the template's pages"),
        "English anomaly in the report"
    );
    // The job keeps the English text.
    let json = support::status_json(&job);
    let example = &json["site_model"]["templates"][0]["anomalies"]["missing_field"]["examples"][0];
    assert_eq!(
        example[1],
        "no published; 90% of the template's pages have one"
    );
}

/// A site whose home page links an article that answers, one that never answers in time, one robots.txt
/// disallows and one that redirects to the first.
fn slow_site() -> support::server::Server {
    use axum::body::Body;
    use axum::http::{HeaderValue, StatusCode, header};
    use axum::response::Response;
    let handler: support::server::Handler = std::sync::Arc::new(|req: support::server::Req| {
        Box::pin(async move {
            let body = match req.path.as_str() {
                "/" => "<a href=\"/a.html\">通知</a><a href=\"/slow.html\">公告</a>\
                        <a href=\"/private/b.html\">内部</a><a href=\"/old.html\">旧址</a>"
                    .to_string(),
                "/robots.txt" => "User-agent: *\nDisallow: /private/\n".to_string(),
                "/old.html" => {
                    let mut r = Response::new(Body::empty());
                    *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
                    r.headers_mut()
                        .insert(header::LOCATION, HeaderValue::from_static("/a.html"));
                    return r;
                }
                "/slow.html" => {
                    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                    String::new()
                }
                _ => "<h1>通知</h1><p>请各单位按时参加。</p>".to_string(),
            };
            support::server::html_response(StatusCode::OK, body)
        })
    });
    support::server::Server::start(move |_| handler, 2)
}

#[test]
fn network_failures_in_chinese_in_the_crawl_summary_and_status() {
    let site = slow_site();
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let args = [
        "run",
        "--timeout-ms",
        "500",
        "--retries",
        "1",
        "--retry-base-ms",
        "10",
        "--delay-ms",
        "0",
        "--out",
        job.to_str().unwrap(),
        &site.url("/"),
    ];
    let (_, _, err) = in_lang("zh", &args);
    let failure = "slow.html: 超时：0.5 秒内没有收到完整的响应（共尝试 2 次）\n";
    assert!(err.contains("  超时\n"), "{err}");
    assert!(err.contains(failure), "{err}");
    assert!(
        !err.contains("no complete response") && !err.contains("attempts"),
        "{err}"
    );
    // Links not fetched: robots.txt's rule and a redirect.
    assert!(err.contains("  robots.txt 禁止抓取\n"), "{err}");
    assert!(
        err.contains("private/b.html: robots.txt 禁止抓取此页\n"),
        "{err}"
    );
    assert!(!err.contains("disallows"), "{err}");
    let text = status(&job, &["--lang", "zh"], &[]);
    assert!(text.contains(failure), "{text}");
    assert!(text.contains("old.html: 已重定向到 http://"), "{text}");
    assert!(
        !text.contains("no complete response") && !text.contains("redirected to"),
        "{text}"
    );
    // The job keeps the English reason.
    let text = status(&job, &["--lang", "en"], &[]);
    assert!(
        text.contains("slow.html: timeout: no complete response within 0.5 s (after 2 attempts)\n"),
        "{text}"
    );
    // A site that cannot be reached at all: the error names the cause in Chinese, the OS's words as they are.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", closed.local_addr().unwrap());
    drop(closed);
    let out = dir.path().join("none");
    let (code, _, err) = in_lang(
        "zh",
        &[
            "run",
            "--retries",
            "0",
            "--out",
            out.to_str().unwrap(),
            &url,
        ],
    );
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains("连接失败：无法连接到 127.0.0.1:"), "{err}");
    assert!(!err.contains("cannot connect"), "{err}");
}

#[test]
fn a_folder_that_is_no_job_is_explained_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = in_lang("zh", &["status", "--job", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(
            "：文件夹中没有 job.sqlite；请指定 crawl 或 run 写出的任务文件夹（--job 或 run --out）"
        ),
        "{err}"
    );
    assert!(!err.contains("no job.sqlite in it"), "{err}");
}

#[test]
fn how_a_page_was_decoded_in_chinese_in_the_report_and_check_mapping() {
    let dir = tempfile::tempdir().unwrap();
    // A page that declares UTF-8 and holds a byte that is not: one replacement character.
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    let mut page =
        "<html><head><meta charset=\"utf-8\"><title>关于举办培训班的通知</title></head><body>\
                    <h1>关于举办培训班的通知</h1><div class=\"content\"><p>"
            .as_bytes()
            .to_vec();
    page.extend(
        "为进一步提高业务水平，经研究决定举办培训班，请各单位按时参加。"
            .repeat(8)
            .as_bytes(),
    );
    page.push(0xff);
    page.extend("</p></div></body></html>".as_bytes());
    std::fs::write(site.join("bad.html"), page).unwrap();
    let export = dir.path().join("out.jsonl");
    let args = [
        "extract",
        "--all-pages",
        site.to_str().unwrap(),
        "--out",
        export.to_str().unwrap(),
    ];
    let (code, _, err) = in_lang("zh", &args);
    assert_eq!(code, Some(0), "{err}");
    let page = report_page(
        dir.path(),
        "report.html",
        &["--input", export.to_str().unwrap()],
    );
    assert!(
        page.contains("<td>页面的 meta 声明</td>"),
        "no Chinese 'chosen by' in the encoding audit"
    );
    assert!(
        page.contains("1 个替换字符；声明 utf-8，实际按 UTF-8 解码（依据 页面的 meta 声明）"),
        "no Chinese page with replacement characters"
    );
    assert!(
        !page.contains("<td>meta</td>") && !page.contains("decoded as"),
        "English 'chosen by' in the report"
    );
    // The record keeps the stored word.
    let record = std::fs::read_to_string(&export).unwrap();
    assert!(record.contains("\"by\":\"meta\""), "{record}");
    // check-mapping's encoding line.
    let page_args = ["check-mapping", DEMO_MAPPING, "--page", DEMO_ARTICLE];
    let (_, out, _) = in_lang("zh", &page_args);
    assert!(
        out.contains("声明 gb2312，实际使用 GBK（依据 页面的 meta 声明）"),
        "{out}"
    );
    let (_, out, _) = in_lang("en", &page_args);
    assert!(out.contains("declared gb2312, used GBK (by meta)"), "{out}");
}

/// `sitelift --lang LANG -q export --job JOB --out DIR/NAME`: unresolved-links.csv's text.
fn unresolved_csv(lang: &str, job: &Path, dir: &Path, name: &str) -> String {
    let out = dir.join(name);
    let (code, _, err) = in_lang(
        lang,
        &[
            "-q",
            "export",
            "--link-map",
            "/articles/{yyyy}/{id}",
            "--job",
            job.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    std::fs::read_to_string(out.join("unresolved-links.csv")).unwrap()
}

#[test]
fn why_links_were_not_migrated_in_chinese_in_the_hand_over_and_the_report() {
    let server = support::server::Server::start(support::handover_site::handler, 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let job_arg = job.to_str().unwrap();
    let url = server.url("/index.html");
    let run: Vec<&str> = support::handover_site::RUN_FLAGS
        .into_iter()
        .chain(["--out", job_arg, &url])
        .collect();
    let (code, _, err) = in_lang("zh", &run);
    assert_eq!(code, Some(1), "{err}");
    // The CSV's reason column is for a person: in the run's language; page_url, link and kind are data.
    let csv = unresolved_csv("zh", &job, dir.path(), "zh");
    assert!(csv.starts_with("page_url,link,kind,reason\n"), "{csv}");
    for line in [
        ",image,图片：抓取不下载图片\n",
        ",attachment,附件未下载（失败）：HTTP 404",
        "/xwdt/2019/t20190601_599.html,page,未迁移：失败：HTTP 404",
        "/xwdt/index.html,page,未迁移（已跳过）：列表页：4 个指向其他页面的同类条目",
    ] {
        assert!(csv.contains(line), "no {line:?} in {csv}");
    }
    assert!(
        !csv.contains("not migrated") && !csv.contains("not downloaded"),
        "{csv}"
    );
    let csv = unresolved_csv("en", &job, dir.path(), "en");
    assert!(
        csv.contains("/xwdt/2019/t20190601_599.html,page,not migrated: failed: HTTP 404"),
        "{csv}"
    );
    // The report's links not migrated, with the kind of target.
    let page = report_page(dir.path(), "job.html", &["--job", job_arg]);
    assert!(
        page.contains("<td class=\"muted\">页面：未迁移：失败：HTTP 404"),
        "no Chinese reason for an unresolved link in the report"
    );
    assert!(
        !page.contains("not migrated"),
        "English reason for an unresolved link in the report"
    );
}

#[test]
fn the_reports_header_names_its_source_and_time_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (job, _) = run_demo(dir.path(), &["-q"], &[]);
    let header = |args: &[&str], name: &str| {
        let page = report_page(dir.path(), name, args);
        let start = page.find("<title>").unwrap();
        let end = page.find("</header>").unwrap();
        page[start..end].to_string()
    };
    let job_arg = job.to_str().unwrap();
    let head = header(&["--job", job_arg], "job.html");
    assert!(
        head.contains(&format!("<title>sitelift 报告 — 任务 {job_arg}</title>"))
            && head.contains(&format!(
                "<p class=\"muted\">任务 {job_arg} · 记录 10 条 · 生成于 "
            )),
        "{head}"
    );
    // The time as a date in UTC, not an English HTTP date.
    assert!(head.contains("（UTC）</p>"), "{head}");
    assert!(!head.contains("job ") && !head.contains(" GMT"), "{head}");
    let export = job.join("records.jsonl");
    let head = header(&["--input", export.to_str().unwrap()], "export.html");
    assert!(
        head.contains(&format!("导出文件 {}", export.display())),
        "{head}"
    );
    assert!(!head.contains("export "), "{head}");
    // The JSON figures keep the English words.
    let (_, json, _) = in_lang(
        "zh",
        &["-q", "report", "--job", job_arg, "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["source"], format!("job {job_arg}"));
    assert!(json["generated_at"].as_str().unwrap().ends_with(" GMT"));
}

#[test]
fn clap_words_of_the_main_verbs_by_flag_and_by_locale() {
    let by_locale = |args: &[&str]| {
        sitelift()
            .env("LANG", "zh_CN.UTF-8")
            .args(args)
            .output()
            .unwrap()
    };
    for verb in ["run", "extract", "crawl", "status", "report", "export"] {
        let (code, help, _) = in_lang("zh", &[verb, "--help"]);
        assert_eq!(code, Some(0), "{help}");
        assert_eq!(stdout_of(&by_locale(&[verb, "--help"])), help);
        assert!(
            help.contains(&format!("\n用法：sitelift {verb} ")) && help.contains("\n选项:\n"),
            "{help}"
        );
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Print help",
            "[default:",
        ] {
            assert!(
                !help.contains(english),
                "{english} in {verb} --help: {help}"
            );
        }
    }
    let (_, help, _) = in_lang("zh", &["run", "--help"]);
    assert!(help.contains("\n参数:\n  [网址|路径]...  "), "{help}");
    // Arguments before options, as clap lists them in English, though the inputs are declared after the
    // options the verbs share.
    for verb in ["run", "extract"] {
        let (_, help, _) = in_lang("zh", &[verb, "--help"]);
        let arguments = help.find("\n参数:\n").expect("an arguments heading");
        let options = help.find("\n选项:\n").expect("an options heading");
        assert!(arguments < options, "{help}");
    }
    // An unknown argument: the same Chinese error, clap's tip included, by flag and by locale.
    let (code, _, err) = in_lang("zh", &["extract", "--bogus"]);
    assert_eq!(code, Some(2));
    let out = by_locale(&["extract", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out), err);
    assert!(
        err.contains("请写成 '-- --bogus'") && !err.contains("to pass"),
        "{err}"
    );
}

/// The placeholders in `help` that are English words: `<FILE>`, `[OPTIONS]`, `[INPUT]` (two or more ASCII
/// letters between brackets; `<N>`, a symbol the help texts use, is not a word).
fn english_placeholders(help: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, open) in help.char_indices().filter(|(_, c)| *c == '<' || *c == '[') {
        let close = if open == '<' { '>' } else { ']' };
        let inside: String = help[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "._|-".contains(*c))
            .collect();
        let ends = help[at + 1 + inside.len()..].starts_with(close);
        if ends && inside.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
            found.push(format!("{open}{inside}{close}"));
        }
    }
    found
}

/// The usage line, the value names and clap's `[OPTIONS]` tag of every command's help are Chinese under
/// `--lang zh` and a Chinese locale (and in clap's usage errors); English help keeps clap's words.
#[test]
fn value_names_and_usage_lines_in_chinese() {
    let verbs: &[&[&str]] = &[
        &[],
        &["extract"],
        &["crawl"],
        &["run"],
        &["status"],
        &["diff"],
        &["report"],
        &["eval"],
        &["check-mapping"],
        &["export"],
        &["completions"],
        &["man"],
        &["mapping"],
        &["mapping", "draft"],
        &["help", "help"],
    ];
    for verb in verbs {
        let args: Vec<&str> = verb.iter().copied().chain(["--help"]).collect();
        let args = if verb.first() == Some(&"help") {
            &verb[..]
        } else {
            &args[..]
        };
        let (code, help, err) = in_lang("zh", args);
        assert_eq!(code, Some(0), "{verb:?}: {err}");
        let english = english_placeholders(&help);
        assert!(english.is_empty(), "{verb:?}: {english:?} in {help}");
        let usage = help
            .lines()
            .find(|l| l.starts_with("用法："))
            .unwrap_or_else(|| panic!("no usage line in {help}"));
        assert!(
            !usage.contains("Usage") && !usage.contains("OPTIONS"),
            "{usage}"
        );
        let by_locale = sitelift()
            .env("LANG", "zh_CN.UTF-8")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(stdout_of(&by_locale), help, "{verb:?}");
    }
    let (_, help, _) = in_lang("zh", &["extract", "--help"]);
    assert!(
        help.contains("用法：sitelift extract [选项] [输入]...\n")
            && help.contains("\n  [输入]...  ")
            && help.contains("\n      --mapping <文件>            站点映射文件"),
        "{help}"
    );
    let (_, help, _) = in_lang("zh", &["--help"]);
    assert!(help.contains("用法：sitelift [选项] <命令>\n"), "{help}");
    // clap's usage errors say the same names.
    let (code, _, err) = in_lang("zh", &["diff", "a.jsonl"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("缺少必需的参数：<实际>") && err.contains("用法：sitelift diff <预期> <实际>"),
        "{err}"
    );
    let (_, _, err) = in_lang("zh", &["extract", "--bogus"]);
    assert!(
        err.contains("用法：sitelift extract [选项] [输入]..."),
        "{err}"
    );
    // English keeps clap's words.
    let (_, help, _) = in_lang("en", &["extract", "--help"]);
    assert!(
        help.contains("Usage: sitelift extract [OPTIONS] [INPUT]...\n")
            && help.contains("\n      --mapping <FILE>            Site mapping file"),
        "{help}"
    );
    let (_, _, err) = in_lang("en", &["diff", "a.jsonl"]);
    assert!(
        err.contains("Usage: sitelift diff <EXPECTED> <ACTUAL>"),
        "{err}"
    );
}

/// The warnings a run logs (tracing's lines on stderr) come from the message files: Chinese under `--lang zh`
/// and a Chinese locale, with the level word too; English as before.
#[test]
fn logged_warnings_in_chinese() {
    let site = slow_site();
    let dir = tempfile::tempdir().unwrap();
    let crawl = |lang: &str, name: &str| {
        let job = dir.path().join(name);
        let args = [
            "crawl",
            "--ignore-robots",
            "--max-depth",
            "0",
            "--delay-ms",
            "0",
            "--job",
            job.to_str().unwrap(),
            &site.url("/"),
        ];
        in_lang(lang, &args)
    };
    let (code, _, err) = crawl("zh", "zh");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(" 警告 --ignore-robots：本次运行不读取也不遵守 robots.txt\n"),
        "{err}"
    );
    assert!(
        err.contains(" 警告 陷阱限制：深度 1 超过 max_depth 0；之后类似的网址都会跳过"),
        "{err}"
    );
    for english in [
        "WARN",
        "is not read or obeyed",
        "trap limit",
        "further URLs",
    ] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    let (code, _, err) = crawl("en", "en");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(" WARN --ignore-robots: robots.txt is not read or obeyed in this run\n"),
        "{err}"
    );
    assert!(
        err.contains(
            " WARN trap limit: depth 1 is over max_depth 0; further URLs like it are skipped"
        ),
        "{err}"
    );
    assert!(!has_chinese(&err), "{err}");
    // A note of a run over a mirror.
    let out = dir.path().join("demo");
    let args = [
        "run",
        "--download-attachments",
        "--out",
        out.to_str().unwrap(),
        "fixtures/demo-site",
    ];
    let (_, _, err) = in_lang("zh", &args);
    assert!(
        err.contains("注意：--download-attachments 只用于抓取") && !err.contains("note:"),
        "{err}"
    );
}

/// A library's English inside an error — toml's, serde_json's, SQLite's, and the mapping's own words about an
/// unknown key — is explained in Chinese with what to do, the library's words kept as the detail; English as
/// before.
#[test]
fn library_words_in_errors_are_explained_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    };
    // A TOML syntax error in a mapping.
    let broken = write("broken.toml", b"[site\nbase_url = 3\n");
    let (code, _, err) = in_lang("zh", &["check-mapping", &broken]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("第 1 行第 6 列有误：TOML 写法不对")
            && err.contains("TOML 解析器的英文原文（问题和位置已在上面说明）：\nTOML parse error at line 1, column 6")
            && err.contains("unclosed table"),
        "{err}"
    );
    let (_, _, err) = in_lang("en", &["check-mapping", &broken]);
    assert!(
        err.contains("is not valid: TOML parse error at line 1, column 6") && !has_chinese(&err),
        "{err}"
    );
    // A key the mapping does not know.
    let typo = write("typo.toml", b"[selectors]\ntitel = \"h1\"\n");
    let (_, _, err) = in_lang("zh", &["check-mapping", &typo]);
    assert!(
        err.contains("第 2 行第 1 列的键 'selectors.titel' 不认识") && !err.contains("unknown key"),
        "{err}"
    );
    let (_, _, err) = in_lang("en", &["check-mapping", &typo]);
    assert!(
        err.contains("unknown key 'selectors.titel' at line 2, column 1; known keys: title,"),
        "{err}"
    );
    // A fixture that ends in the middle of its JSON.
    let fixtures = dir.path().join("fixtures");
    std::fs::create_dir(&fixtures).unwrap();
    std::fs::write(fixtures.join("a.expected.json"), b"{\"title\": ").unwrap();
    let folder = fixtures.to_str().unwrap();
    let (code, _, err) = in_lang("zh", &["diff", folder, folder]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("JSON 在第 1 行第 10 列提前结束：文件不完整")
            && err.contains("英文原文：not JSON: EOF while parsing a value"),
        "{err}"
    );
    // A file that says it is SQLite and is not a database.
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 4096));
    let fake = write("fake.sqlite", &bytes);
    let html = dir.path().join("r.html");
    let args = ["report", "--input", &fake, "--html", html.to_str().unwrap()];
    let (code, _, err) = in_lang("zh", &args);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("这不是 SQLite 数据库文件")
            && err.contains("（英文原文：file is not a database）\n")
            && !err.contains("Error code 26"),
        "{err}"
    );
    let (_, _, err) = in_lang("en", &args);
    assert!(err.contains("': file is not a database\n"), "{err}");
}

/// The mapping's own English about a value it cannot use (a base URL, a time zone, an encoding) is said in
/// Chinese; English as before.
#[test]
fn mapping_value_errors_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "[site]\nbase_url = \"www.a.cn\"\n",
            "键 'site.base_url' 的值 \"www.a.cn\" 不是完整的网址",
            "key 'site.base_url' = \"www.a.cn\" is not an absolute URL (relative URL without a base)",
        ),
        (
            "[site]\ntimezone = \"CST\"\n",
            "键 'site.timezone' 的值 \"CST\" 既不是 \"+08:00\" 这样的时差",
            "key 'site.timezone' = \"CST\" is not an offset like \"+08:00\"",
        ),
        (
            "[site]\nencoding = \"gbkk\"\n",
            "键 'site.encoding'：不认识编码名 'gbkk'",
            "key 'site.encoding': unknown encoding label 'gbkk': use a WHATWG label",
        ),
    ];
    for (i, (toml, zh, en)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("m{i}.toml"));
        std::fs::write(&path, toml).unwrap();
        let path = path.to_str().unwrap();
        let (code, _, err) = in_lang("zh", &["check-mapping", path]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(zh) && !err.contains(" is not "), "{err}");
        let (_, _, err) = in_lang("en", &["check-mapping", path]);
        assert!(err.contains(en) && !has_chinese(&err), "{err}");
    }
}

/// A site whose start page links out of the crawl's scope three ways, and an article whose attachment is on
/// another host.
fn scoped_site() -> support::server::Server {
    use axum::http::StatusCode;
    let handler: support::server::Handler = std::sync::Arc::new(|req: support::server::Req| {
        Box::pin(async move {
            let text = "各单位要高度重视安全检查工作，认真组织自查自纠，及时消除各类隐患，确保校园安全稳定。".repeat(6);
            let body = match req.path.as_str() {
                "/news/index.html" => "<a href=\"/news/a.html\">通知</a><a href=\"/about.html\">关于</a>\
                     <a href=\"/news/print/a.html\">打印</a><a href=\"http://other.example.cn/x.html\">友情链接</a>"
                    .to_string(),
                "/news/a.html" => format!(
                    "<html><head><meta charset=\"utf-8\"><title>关于开展安全检查的通知</title></head><body>\
                     <div class=\"article\"><h1>关于开展安全检查的通知</h1><p>发布时间：2020-05-06</p>\
                     <div class=\"text\"><p>{text}</p><p>{text}</p>\
                     <p>附件：<a href=\"http://files.example.cn/a.pdf\">检查表.pdf</a></p></div></div></body></html>"
                ),
                _ => return support::server::html_response(StatusCode::NOT_FOUND, "<h1>404</h1>"),
            };
            support::server::html_response(StatusCode::OK, body)
        })
    });
    support::server::Server::start(move |_| handler, 2)
}

/// Why the crawl left a link or an attachment alone — the scope's rules, an attachment on another host — in
/// Chinese in the run's summary and `status` (the job keeps the English reason, which English shows).
#[test]
fn links_out_of_scope_and_attachments_on_other_hosts_in_chinese() {
    let site = scoped_site();
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let args = [
        "run",
        "--delay-ms",
        "0",
        "--no-parent",
        "--exclude",
        "/print/",
        "--download-attachments",
        "--out",
        job.to_str().unwrap(),
        &site.url("/news/index.html"),
    ];
    let (_, _, err) = in_lang("zh", &args);
    let scope = [
        "other.example.cn/x.html: 超出范围：主机 other.example.cn 不是起始网址的主机（也不在 crawl.allowed_hosts 中）",
        "/news/print/a.html: 已排除：匹配 --exclude 的模式 /print/\n",
        "/about.html: 在起始目录之外：--no-parent 使抓取只限于起始网址所在的文件夹之下\n",
    ];
    for want in scope {
        assert!(err.contains(want), "want {want:?} in:\n{err}");
    }
    let text = status(&job, &["--lang", "zh"], &[]);
    for want in scope.into_iter().chain([
        "  附件在其他主机上\n",
        "a.pdf: 附件在其他主机上（files.example.cn）：要下载它，请把该主机加入映射文件的 crawl.allowed_hosts\n",
    ]) {
        assert!(text.contains(want), "want {want:?} in:\n{text}");
    }
    for english in [
        "out of scope:",
        "excluded:",
        "above the start folder",
        "attachment on another host",
    ] {
        assert!(
            !err.contains(english) && !text.contains(english),
            "{english} in:\n{err}\n{text}"
        );
    }
    let text = status(&job, &["--lang", "en"], &[]);
    for want in [
        "x.html: out of scope: host other.example.cn is not a start URL's host (nor in crawl.allowed_hosts)\n",
        "a.pdf: attachment on another host (files.example.cn): add it to crawl.allowed_hosts to download it\n",
    ] {
        assert!(text.contains(want), "want {want:?} in:\n{text}");
    }
}

/// A file given to `diff` that is no sitelift export is said to be that — not "does not exist or cannot be
/// read" — with what to give instead, and where a record is broken, in Chinese.
#[test]
fn a_file_that_is_no_export_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = two_exports(dir.path());
    let a = a.to_str().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "不是导出文件").unwrap();
    let notes = notes.to_str().unwrap();
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, "\n\n{\"title\": 3}\n{\n").unwrap();
    let broken = broken.to_str().unwrap();
    let (code, _, notes_err) = in_lang("zh", &["diff", notes, a]);
    let err = &notes_err;
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "'{notes}' 不是可以读取的 sitelift 导出文件：它既不是 SQLite 数据库，也不是 JSON（数组或 JSON Lines）。请给出"
        )),
        "{err}"
    );
    let (code, _, err) = in_lang("zh", &["diff", broken, a]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "'{broken}' 不是可以读取的 sitelift 导出文件：第 3 行第 "
        )) && err.contains("JSON 本身有效，但内容不是这里要求的格式"),
        "{err}"
    );
    for err in [&notes_err, &err] {
        for english in ["不存在或无法读取", "neither"] {
            assert!(!err.contains(english), "{english} in:\n{err}");
        }
    }
    let (_, _, err) = in_lang("en", &["diff", notes, a]);
    assert!(
        err.contains(&format!(
            "'{notes}' is not a sitelift export that can be read: it is neither a SQLite database nor JSON"
        )),
        "{err}"
    );
}
