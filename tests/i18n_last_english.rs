//! Issue 11: the last English under `--lang zh`, through the real binary — a drafted mapping file's comments,
//! the crawler's runtime that cannot start, a panic's own message, and the labels on a parser's quoted words.

mod support;

use std::path::Path;

use support::{sitelift, template_site};

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `sitelift [--lang LANG] mapping draft --out OUT DIR`, which must succeed; the draft's text.
fn draft(dir: &Path, out: &Path, lang: Option<&str>) -> String {
    let mut cmd = sitelift();
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    let o = cmd
        .args(["mapping", "draft", "--out"])
        .arg(out)
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    std::fs::read_to_string(out).unwrap()
}

/// The TOML of a draft without its comments: the lines that are not comments, each without a trailing
/// comment (`"sel",   # t1: «line»` in `remove`).
fn without_comments(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| match l.find("   # ") {
            Some(at) => l[..at].to_string(),
            None => l.to_string(),
        })
        .collect()
}

#[test]
fn a_drafted_mapping_s_comments_are_chinese_under_zh_and_its_toml_is_the_same() {
    let site = tempfile::tempdir().unwrap();
    template_site::write(site.path(), &template_site::articles(8, 4), true);
    let out = tempfile::tempdir().unwrap();
    let en = draft(site.path(), &out.path().join("en.toml"), None);
    let zh_path = out.path().join("zh.toml");
    let zh = draft(site.path(), &zh_path, Some("zh"));

    // English is as it was written before the messages moved to the message files.
    assert!(
        en.starts_with(
            "# Mapping drafted by `sitelift mapping draft` from 8 pages: 1 template(s) of at least 5 pages\n\
             # (8 of the pages). Each selector was checked on two sample pages of its template and on the other\n"
        ),
        "{en}"
    );
    assert!(en.contains("#\n# Templates, largest first:\n#   t1        8 pages  article  e.g. "));
    assert!(
        en.contains("# Checked against the site-model run over the 8 pages"),
        "{en}"
    );

    // The same mapping, comments aside.
    assert_eq!(without_comments(&zh), without_comments(&en));
    // Every comment is Chinese: none of the English sentences is left.
    for english in [
        "Mapping drafted",
        "Review it",
        "Checked against",
        "Templates, largest first",
        " pages  ",
        "e.g.",
        "The body containers",
        "split from the meta line",
        "the generic rule",
        "Uncomment",
        "Sample pages",
    ] {
        assert!(!zh.contains(english), "{english:?} in\n{zh}");
    }
    for chinese in [
        "# 本映射由 `sitelift mapping draft` 根据 8 个页面起草",
        "#   sitelift check-mapping 本文件.toml --page 页面\n",
        "# 已与站点模型对全部 8 个页面的提取结果对照",
        "#\n# 模板（按页面数从多到少）：\n#   t1        8 个页面  文章     示例：",
        "# 下面的正文容器是通用规则",
        "# attachments、images：由通用规则提取",
        "# 取消下一行的注释",
        "\n# 检查选择器时用的样本页面：\n",
    ] {
        assert!(zh.contains(chinese), "{chinese:?} not in\n{zh}");
    }
    // check-mapping accepts the Chinese draft as written.
    let o = sitelift()
        .args(["--lang", "zh", "check-mapping"])
        .arg(&zh_path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
}

/// `sitelift ARGS crawl --retries 0 --job DIR http://127.0.0.1:9/` with at most `files` open files
/// (`ulimit -n`): exit code and stderr. Nothing listens on port 9; the runs that matter stop before a request.
#[cfg(unix)]
fn crawl_with_open_files(files: u32, args: &[&str], job: &Path) -> (Option<i32>, String) {
    crawl_with_open_files_env(files, args, job, &[])
}

/// [`crawl_with_open_files`] with `env` set.
#[cfg(unix)]
fn crawl_with_open_files_env(
    files: u32,
    args: &[&str],
    job: &Path,
    env: &[(&str, &str)],
) -> (Option<i32>, String) {
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -n {files} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_sitelift"))
        .args(args)
        .args(["crawl", "--retries", "0", "--job"])
        .arg(job)
        .arg("http://127.0.0.1:9/")
        .current_dir(support::root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_BACKTRACE")
        .env("LANG", "C")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (o.status.code(), stderr_of(&o))
}

/// The lowest open-file limit (from 3 up) for which `sitelift ARGS crawl …` says `want` on stderr: that limit,
/// exit code and stderr; what each lower limit gave, when none does.
#[cfg(unix)]
fn first_limit_saying(args: &[&str], want: &str) -> (u32, Option<i32>, String, tempfile::TempDir) {
    let mut tried = Vec::new();
    for files in 3..=48 {
        let dir = tempfile::tempdir().unwrap();
        let job = dir.path().join("job");
        let (code, err) = crawl_with_open_files(files, args, &job);
        if err.contains(want) {
            return (files, code, err, dir);
        }
        tried.push(format!("{files}: {code:?} {err}"));
    }
    panic!("no open-file limit gave {want:?}:\n{}", tried.join("\n"));
}

/// With too few file handles for the crawler's runtime (tokio's event queue), sitelift says that, in the
/// interface language, instead of "cannot start the HTTP client"; it exits 2 and leaves no job behind.
#[cfg(unix)]
#[test]
fn a_runtime_that_cannot_start_is_said_for_what_it_is() {
    let (files, code, err, dir) = first_limit_saying(
        &["--lang", "zh"],
        "错误：无法启动抓取程序的网络运行时（工作线程和网络事件队列）：",
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("请检查打开文件数和进程数的上限（`ulimit -n`、`ulimit -u`）"),
        "{err}"
    );
    assert!(!err.contains("HTTP"), "{err}");
    // The system's own words (too many open files, a kind with no name of its own) are said to be its English.
    assert!(err.contains("（操作系统的英文原文："), "{err}");
    assert!(
        !dir.path().join("job").exists(),
        "a failed start leaves no job"
    );
    // The same limit in English.
    let job = dir.path().join("job");
    let (code, err) = crawl_with_open_files(files, &[], &job);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.starts_with(
            "error: cannot start the crawler's network runtime (its worker threads and network event queue): "
        ) && err.contains("check the limits on open files and processes (`ulimit -n`, `ulimit -u`)"),
        "{err}"
    );
}

/// A panic says, in the interface language, that sitelift stopped on an internal error, that what was written
/// is kept, and how to report it (the command, the version), with Rust's words labelled; it exits 101, and
/// `RUST_BACKTRACE=1` still gives Rust's text and the backtrace. The panic is a real one: with a few more file
/// handles than the runtime needs, tokio's Ctrl-C handling cannot create its pipe and panics (tokio 1.x,
/// `signal/unix.rs`); should tokio stop panicking there, this test says no limit gave the sentence.
#[cfg(unix)]
#[test]
fn a_panic_says_what_happened_and_how_to_report_it() {
    let (files, code, err, dir) = first_limit_saying(
        &["--lang", "zh"],
        "sitelift 因内部错误而停止。这是 sitelift 程序的缺陷",
    );
    assert_eq!(code, Some(101), "{err}");
    let version = env!("CARGO_PKG_VERSION");
    for want in [
        "已经写出的记录都会保留",
        "请报告此问题，并附上命令和版本：sitelift --lang zh crawl --retries 0 --job ",
        &format!(" http://127.0.0.1:9/（sitelift {version}）。\n"),
        "\n详情（Rust 的英文原文）：panicked at ",
        "\n如需在报告中附上调用栈（backtrace），请设置环境变量 RUST_BACKTRACE=1 后再次运行同一命令。\n",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    // Instead of Rust's own text, not after it.
    assert!(
        !err.contains("thread 'main'") && !err.contains("note: run with"),
        "{err}"
    );

    let job = dir.path().join("job");
    let (code, err) = crawl_with_open_files(files, &["--lang", "en"], &job);
    assert_eq!(code, Some(101), "{err}");
    assert!(
        err.starts_with("sitelift stopped on an internal error. This is a bug in sitelift")
            && err.contains(&format!("http://127.0.0.1:9/ (sitelift {version}).\n"))
            && err.contains("\ndetail (Rust's own words, in English): panicked at "),
        "{err}"
    );

    // With RUST_BACKTRACE, Rust's text and its backtrace follow the sentence.
    let (code, err) =
        crawl_with_open_files_env(files, &["--lang", "zh"], &job, &[("RUST_BACKTRACE", "1")]);
    assert_eq!(code, Some(101), "{err}");
    assert!(err.starts_with("sitelift 因内部错误而停止。"), "{err}");
    assert!(
        err.contains("panicked at ") && err.contains("stack backtrace:"),
        "{err}"
    );
}

/// `sitelift ARGS`: exit code and stderr.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let o = sitelift().args(args).output().unwrap();
    (o.status.code(), stderr_of(&o))
}

/// Where our Chinese sentence says what is wrong and where, a parser's own English words after it are labelled
/// as that parser's English original (TOML, regex, CSS selector, URL), never translated; English is unchanged.
#[test]
fn a_parser_s_quoted_words_are_labelled_as_its_english_original() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let cases = [
        (
            write("toml.toml", "title = \"div.a\"\n[selectors\n"),
            vec![
                "第 2 行第 11 列有误：TOML 写法不对",
                "请改正这一处后再运行。下面是 TOML 解析器的英文原文（问题和位置已在上面说明）：\nTOML parse error at line 2, column 11\n",
            ],
            "TOML parse error at line 2, column 11",
        ),
        (
            write("regex.toml", "[patterns]\npublished = \"发布(时间\"\n"),
            vec![
                "在第 3 个字符处，“(” 没有对应的 “)”（正则表达式解析器的英文原文：unclosed group）。请改正",
            ],
            "'(' is never closed by ')'; regex parser: \"unclosed group\"",
        ),
        (
            write("css.toml", "[selectors]\ntitle = \"div..a\"\n"),
            vec!["“.” 后面缺少类名（CSS 选择器解析器的英文原文：ClassNeedsIdent）。请改正"],
            "CSS parser: \"ClassNeedsIdent\"",
        ),
        (
            write("url.toml", "[site]\nbase_url = \"www.a.cn\"\n"),
            vec!["（网址解析器的英文原文：relative URL without a base）"],
            "is not an absolute URL (relative URL without a base)",
        ),
    ];
    for (file, zh, en) in cases {
        let (code, err) = run(&["--lang", "zh", "check-mapping", &file]);
        assert_eq!(code, Some(2), "{err}");
        for want in zh {
            assert!(err.contains(want), "{want:?} not in {err}");
        }
        assert!(
            !err.contains("原文：\""),
            "the words are not quoted as ours: {err}"
        );
        let (code, err) = run(&["--lang", "en", "check-mapping", &file]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(en) && !err.contains("原文"), "{err}");
    }
    // A URL pattern on the command line.
    let job = dir.path().join("job");
    let (code, err) = run(&[
        "--lang",
        "zh",
        "crawl",
        "--include=a{2,1}",
        "--job",
        job.to_str().unwrap(),
        "http://127.0.0.1:9/",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("（正则表达式解析器的英文原文："), "{err}");
}
