//! Issue 11, the Chinese interface: the decisions a crawl logs with `-v` (each request, robots.txt, a retry, a
//! failure) and the manual page are in the interface language; in English they read as before.

mod support;

use support::sitelift;

/// `sitelift --lang LANG -v crawl` of the site into a fresh job: its stderr.
fn crawl_verbose(lang: &str) -> (String, support::server::Server) {
    let site = support::broken_site();
    let dir = tempfile::tempdir().unwrap();
    let out = sitelift()
        .args([
            "--lang",
            lang,
            "-v",
            "crawl",
            "--retries=1",
            "--retry-base-ms=10",
        ])
        .args(["--delay-ms=0", "--job"])
        .arg(dir.path().join("job"))
        .arg(site.url("/"))
        .output()
        .unwrap();
    (String::from_utf8_lossy(&out.stderr).into_owned(), site)
}

#[test]
fn verbose_crawl_decisions_in_chinese() {
    let (err, site) = crawl_verbose("zh");
    let (home, robots) = (site.url("/"), site.url("/robots.txt"));
    let (gone, down) = (site.url("/gone.html"), site.url("/down.html"));
    for want in [
        format!(" 信息 请求 {home}（第 1 次）\n"),
        format!(" 信息 已读取 robots.txt：{robots}\n"),
        format!(" 信息 失败：{gone}：HTTP 404 找不到页面\n"),
        format!("毫秒后重试 {down}（第 1 次失败：HTTP 503 服务暂时不可用）\n"),
        format!(" 信息 失败：{down}：HTTP 503 服务暂时不可用（共尝试 2 次）\n"),
    ] {
        assert!(err.contains(&want), "want {want:?} in:\n{err}");
    }
    for english in [
        " INFO ",
        "GET url=",
        "attempt=",
        "everything allowed",
        "Not Found",
    ] {
        assert!(!err.contains(english), "{english:?} in:\n{err}");
    }
    // English keeps the layout tracing gave these lines.
    let (err, site) = crawl_verbose("en");
    for want in [
        format!(" INFO GET url={} attempt=1\n", site.url("/")),
        format!(" INFO robots.txt read url={}\n", site.url("/robots.txt")),
        format!(
            " INFO failed url={} error=HTTP 404 Not Found\n",
            site.url("/gone.html")
        ),
    ] {
        assert!(err.contains(&want), "want {want:?} in:\n{err}");
    }
}

fn man(lang: &str) -> String {
    let out = sitelift().args(["--lang", lang, "man"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_manual_page_in_chinese() {
    let page = man("zh");
    assert!(
        page.contains("sitelift \\- 从旧版中文机构网站中提取干净的记录"),
        "{page}"
    );
    assert!(
        page.contains("显示帮助") && page.contains("sitelift\\-run(1)"),
        "{page}"
    );
    assert!(!page.contains("Lift articles out"), "{page}");
    // Its section titles too.
    for title in ["名称", "概要", "描述", "选项", "版本"] {
        assert!(
            page.contains(&format!(".SH {title}\n")),
            "{title} in:\n{page}"
        );
    }
    for english in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "VERSION"] {
        assert!(
            !page.contains(&format!(".SH {english}")),
            "{english} in:\n{page}"
        );
    }
    // One page per command, in Chinese too.
    let dir = tempfile::tempdir().unwrap();
    let out = sitelift()
        .args(["--lang", "zh", "man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let run = std::fs::read_to_string(dir.path().join("sitelift-run.1")).unwrap();
    assert!(
        run.contains("sitelift\\-run \\- 抓取网站（或读取镜像）"),
        "{run}"
    );
    assert!(
        run.contains(".SH 概要\n\\fBsitelift run\\fR") && !run.contains(".SH OPTIONS"),
        "{run}"
    );
    // English as it always was.
    let page = man("en");
    assert!(
        page.contains("sitelift \\- Lift articles out of legacy Chinese"),
        "{page}"
    );
    assert!(!page.contains("显示帮助"), "{page}");
    assert!(
        page.contains(".SH NAME\n") && page.contains(".SH OPTIONS\n"),
        "{page}"
    );
}
