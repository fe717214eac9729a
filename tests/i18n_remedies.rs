//! Issue 11, the Chinese interface: what our own code says to do when a mapping file, a link map or a QA input
//! is wrong — written in English inside the error (and kept so in English) — is said in Chinese with
//! `--lang zh`, naming the file, key, template or URL at fault. A regex or CSS selector that does not parse — in
//! a mapping file, or given to `--include` / `--exclude` — is explained too: the line, the key, the pattern,
//! what is wrong with it (where, when the parser says) and what to do; the parser's English words only follow,
//! quoted.

mod support;

use std::path::Path;

use support::sitelift;

/// `sitelift --lang LANG ARGS…`: (exit code, stderr).
fn run(lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = sitelift()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `sitelift --lang zh ARGS…` exits 2 and its stderr holds every one of `want`; the English run exits 2 too
/// and holds `english` (its words, as before).
fn fails_in_chinese(args: &[&str], want: &[&str], english: &str) -> String {
    let (code, err) = run("zh", args);
    assert_eq!(code, Some(2), "{err}");
    for w in want {
        assert!(err.contains(w), "want {w:?} in:\n{err}");
    }
    assert!(!err.contains(english), "English left in:\n{err}");
    let (code, en) = run("en", args);
    assert_eq!(code, Some(2), "{en}");
    assert!(en.contains(english), "want {english:?} in:\n{en}");
    err
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn mapping_file_remedies_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    // The TOML trap: `remove` after [selectors] is read as selectors.remove.
    let trap = write(
        dir.path(),
        "trap.toml",
        "[site]\nname = \"x\"\n[selectors]\ntitle = \"h1\"\nremove = [\".share\"]\n",
    );
    fails_in_chinese(
        &["check-mapping", &trap],
        &[
            &format!("映射文件 '{trap}' 无效"),
            "第 5 行的 'remove' 被读成了 'selectors.remove'",
            "是顶层键：请把它移到第一个 [表名] 表头之前",
        ],
        "in TOML every key after a [selectors] header belongs to that table",
    );
    // A pattern without the value group.
    let group = write(
        dir.path(),
        "group.toml",
        "[patterns]\npublished = '发布时间'\n",
    );
    fails_in_chinese(
        &["check-mapping", &group],
        &[
            &format!("映射文件 '{group}'"),
            "键 'patterns.published'",
            "没有名为 value 的捕获组",
        ],
        "has no named group 'value'",
    );
    // A bad selector's line.
    let selector = write(
        dir.path(),
        "selector.toml",
        "[site]\nname = \"x\"\n\n[selectors]\ntitle = \"h1[\"\n",
    );
    fails_in_chinese(
        &["check-mapping", &selector],
        &[&format!(
            "映射文件 '{selector}'（第 5 行）：键 'selectors.title'"
        )],
        ", line 5:",
    );
}

#[test]
fn link_map_problems_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let job = support::mirror::run_job(dir.path(), 2);
    let job = job.display().to_string();
    let target = dir.path().join("handover").display().to_string();
    let export = |link_map: &str| {
        vec![
            "export".to_string(),
            "--job".into(),
            job.clone(),
            "--out".into(),
            target.clone(),
            "--link-map".into(),
            link_map.to_string(),
        ]
    };
    let check = |link_map: &str, want: &[&str], english: &str| {
        let args = export(link_map);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut want = want.to_vec();
        let named = format!("链接映射 '{link_map}'：");
        want.push(&named);
        fails_in_chinese(&args, &want, english);
    };
    check(
        "/articles/{yyyy}",
        &["模板中必须有 {id} 或 {slug}"],
        "or every page would get the same path",
    );
    check(
        "articles/{id}",
        &["模板必须以 '/'（新网站上的路径）"],
        "a template must start with '/'",
    );
    check(
        "/articles/{title}",
        &["不认识占位符 {title}：可用的占位符有 {id} {slug}"],
        "unknown placeholder {title}",
    );
    let missing = dir.path().join("no-such-map.csv").display().to_string();
    check(
        &missing,
        &[
            "无法读取该文件（找不到文件或目录",
            "由 old_url,new_path 行组成的 CSV 文件",
        ],
        "give a CSV file of old_url,new_path rows",
    );
    let twice = write(
        dir.path(),
        "twice.csv",
        "old_url,new_path\nhttp://www.demo-kx.org.cn/a.html,/b\nhttp://www.demo-kx.org.cn/a.html,/c\n",
    );
    check(
        &twice,
        &["第 3 行：http://www.demo-kx.org.cn/a.html 被映射了两次（/b 和 /c）"],
        "is mapped twice",
    );
    let script = write(
        dir.path(),
        "script.csv",
        "old_url,new_path\nhttp://www.demo-kx.org.cn/a.html,javascript:alert(1)\n",
    );
    check(
        &script,
        &["第 2 行：http://www.demo-kx.org.cn/a.html 的新路径是 'javascript:alert(1)'，既不是路径"],
        "not a path or an http(s) URL",
    );
    let quote = write(
        dir.path(),
        "quote.csv",
        "old_url,new_path\n\"http://x.cn/a,/b\n",
    );
    check(
        &quote,
        &["第 2 行：引号中的字段没有结束引号"],
        "never closed",
    );
    // The attachment map, named as given.
    let mut args = export("/a/{id}");
    args.extend(["--attachment-map".into(), "/files/x".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    fails_in_chinese(
        &args,
        &["链接映射 '/files/x'：附件模板中必须有 {name} 或 {sha256}"],
        "the attachment template needs",
    );
}

#[test]
fn eval_input_remedies_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let labels = write(dir.path(), "labels.json", "[{\"file\": \"gone.html\"}]\n");
    let floors = dir.path().join("floors.toml").display().to_string();
    fails_in_chinese(
        &["eval", "--labels", &labels, "--floors", &floors],
        &[
            &format!("'{floors}'"),
            "找不到文件或目录（os error 2）",
            "请用 --floors <文件> 指定得分下限文件，或加 --no-floors",
        ],
        "pass --floors FILE, or --no-floors to report without a gate",
    );
    // A labelled page whose file is not there.
    let page = dir.path().join("gone.html").display().to_string();
    fails_in_chinese(
        &["eval", "--labels", &labels, "--no-floors"],
        &[
            &format!("'{page}'"),
            "（页面文件的位置相对于标注文件所在的文件夹，除非给了 --pages）",
        ],
        "page files are relative to the labels file's folder",
    );
    // A dev-set manifest that is some other TOML file.
    let manifest = write(dir.path(), "devset.toml", "name = \"not a manifest\"\n");
    fails_in_chinese(
        &["eval", "--devset", &manifest, "--no-floors"],
        &[
            &format!("'{manifest}'"),
            "不是开发集清单文件（格式见 eval/devset/devset.toml）",
        ],
        "not a dev set manifest",
    );
}

/// A site (no robots.txt) whose home page links one page of 1.5 MB.
fn site_with_a_big_page() -> support::server::Server {
    use axum::http::StatusCode;
    let handler: support::server::Handler = std::sync::Arc::new(|req: support::server::Req| {
        Box::pin(async move {
            let (status, body) = match req.path.as_str() {
                "/" => (StatusCode::OK, "<a href=\"/big.html\">通知</a>".to_string()),
                "/big.html" => (StatusCode::OK, format!("<p>{}</p>", "大".repeat(500_000))),
                _ => (StatusCode::NOT_FOUND, String::new()),
            };
            support::server::html_response(status, body)
        })
    });
    support::server::Server::start(move |_| handler, 2)
}

#[test]
fn a_page_cut_off_at_the_size_limit_is_explained_in_chinese() {
    let site = site_with_a_big_page();
    let dir = tempfile::tempdir().unwrap();
    let crawl = |lang: &str, job: &str| {
        let out = sitelift()
            .args([
                "--lang",
                lang,
                "run",
                "--max-decoded-mb=1",
                "--delay-ms=0",
                "--out",
            ])
            .arg(dir.path().join(job))
            .arg(site.url("/"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = crawl("zh", "zh");
    let big = site.url("/big.html");
    let big = big.trim_start_matches("http://");
    for want in [
        "页面过大（解压后）".to_string(),
        format!(
            "{big}: 页面过大：解压后超过 1 MB（已截断；可能是压缩炸弹）；确实需要时可用 --max-decoded-mb 调高上限"
        ),
    ] {
        assert!(err.contains(&want), "want {want:?} in:\n{err}");
    }
    assert!(!err.contains("after decompression"), "{err}");
    let err = crawl("en", "en");
    assert!(
        err.contains(&format!(
            "{big}: too large: more than 1 MB after decompression (cut off; a compression bomb?)"
        )),
        "{err}"
    );
}

/// `sitelift ARGS…` with the locale `lang` (`zh_CN.UTF-8` or `C`): its stderr; it must exit 2.
fn fails(lang: &str, args: &[&str]) -> String {
    let out = sitelift().env("LANG", lang).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    err
}

/// The Chinese stderr holds each of `zh` and none of `english`; the English one holds each of `en`.
fn said_in_both(args: &[&str], zh: &[&str], en: &[&str], english: &[&str]) {
    let err = fails("zh_CN.UTF-8", args);
    for want in zh {
        assert!(err.contains(want), "want {want:?} in:\n{err}");
    }
    for word in english {
        assert!(!err.contains(word), "English {word:?} in:\n{err}");
    }
    let err = fails("C", args);
    for want in en {
        assert!(err.contains(want), "want {want:?} in:\n{err}");
    }
}

#[test]
fn a_bad_regex_in_the_crawl_table_is_explained_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    // In a basic string, as written: its backslash doubled.
    let file = write(
        dir.path(),
        "crawl.toml",
        "[site]\nname = \"x\"\n\n[crawl]\ninclude = [\n  \"/news/\",\n  \"(\\\\d+\",\n]\n",
    );
    said_in_both(
        &["check-mapping", &file],
        &[
            &format!(
                "映射文件 '{file}'（第 7 行）：键 'crawl.include[1]' 的正则表达式 \"(\\\\d+\" 有误"
            ),
            "在第 1 个字符处，“(” 没有对应的 “)”",
            "（正则表达式解析器的英文原文：unclosed group）",
            "在它前面加 '\\'），再用 `sitelift check-mapping` 检查该文件",
        ],
        &[
            &format!(
                "mapping file '{file}', line 7: key 'crawl.include[1]' has a bad regular expression"
            ),
            "at character 1, '(' is never closed by ')'; regex parser: \"unclosed group\". Correct it",
        ],
        &["is never closed", "regex parse error", "Correct it"],
    );
}

#[test]
fn a_bad_regex_in_the_kinds_table_and_a_glob_in_patterns() {
    let dir = tempfile::tempdir().unwrap();
    // In a literal string: as it is.
    let kinds = write(
        dir.path(),
        "kinds.toml",
        "[kinds]\narticle = ['/t\\d+.html']\nnot_article = ['/list[0-9.html']\n",
    );
    said_in_both(
        &["check-mapping", &kinds],
        &[
            "（第 3 行）：键 'kinds.not_article[0]' 的正则表达式",
            "在第 6 个字符处，“[” 没有对应的 “]”",
        ],
        &[
            "line 3: key 'kinds.not_article[0]'",
            "'[' is never closed by ']'",
        ],
        &["is never closed"],
    );
    // A file-name glob where a regex is wanted.
    let glob = write(
        dir.path(),
        "glob.toml",
        "[site]\nname = \"x\"\n[patterns]\npublished = '*发布时间(?P<value>.+)'\n",
    );
    said_in_both(
        &["check-mapping", &glob],
        &[
            "（第 4 行）：键 'patterns.published'",
            "前面没有可以重复的内容（要匹配星号请写 '\\*'）",
        ],
        &["has nothing before it to repeat"],
        &["nothing before it"],
    );
}

#[test]
fn a_bad_css_selector_is_explained_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "selector.toml",
        "[site]\nname = \"x\"\n\n[selectors]\ntitle = \"h1\"\nbody = \"div.content >\"\n",
    );
    said_in_both(
        &["check-mapping", &file],
        &[
            &format!(
                "映射文件 '{file}'（第 6 行）：键 'selectors.body' 的 CSS 选择器 \"div.content >\" 有误"
            ),
            "“>”、“+” 或 “~” 后面缺少选择器（CSS 选择器解析器的英文原文：DanglingCombinator）",
            "请改正（选择器的写法如 'div.content'",
        ],
        &[
            "line 6: key 'selectors.body' has a bad CSS selector \"div.content >\"",
            "a '>', '+' or '~' has no selector after it; CSS parser: \"DanglingCombinator\"",
        ],
        &[
            "Please report this",
            "has no selector after it",
            "Unexpected",
        ],
    );
}

#[test]
fn a_bad_include_or_exclude_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out").display().to_string();
    said_in_both(
        &[
            "run",
            "--include",
            "*.pdf",
            "--out",
            &out,
            "http://127.0.0.1:9/",
        ],
        &[
            "--include \"*.pdf\" 不是有效的正则表达式：在第 1 个字符处，“*”、“+”、“?” 或重复次数 {n} 前面没有可以重复的内容",
            "（要按字面匹配 . ( ) [ ] ? * + 时，在它前面加 '\\'）",
        ],
        &["--include \"*.pdf\" is not a valid regular expression: at character 1, '*', '+', '?'"],
        &["nothing before it", "put '\\'"],
    );
    let job = dir.path().join("job").display().to_string();
    said_in_both(
        &[
            "crawl",
            "--exclude",
            "/a/[",
            "--job",
            &job,
            "http://127.0.0.1:9/",
        ],
        &["--exclude \"/a/[\" 不是有效的正则表达式：在第 4 个字符处，“[” 没有对应的 “]”"],
        &["at character 4, '[' is never closed by ']'"],
        &["is never closed"],
    );
    // Nothing was started: no job left behind.
    assert!(!std::path::Path::new(&job).join("job.sqlite").exists());
}
