//! Bad input among good pages, in one run of the real binary: every bad file is a per-page failure (or skip, or
//! warning) that names the file and the reason, nothing panics or hangs, and every good page still becomes a
//! record. All inputs are generated here, into a temporary folder.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{records, sitelift};

/// An article page in the style of a legacy college news site (text invented for the test).
fn article(n: usize, charset: &str) -> String {
    let paragraphs: String = (1..=6)
        .map(|i| {
            format!(
                "<p>　　第{n}篇报道第{i}段：学院召开年度工作会议，全体教职工参加。会议回顾了过去一年在人才培养、\
                 科学研究和社会服务方面取得的进展，并对新学期的教学检查、实验室安全和毕业生就业工作作出部署。</p>\n"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>学院新闻{n}_示范学院</title></head>\n\
         <body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/xwzx/\">新闻中心</a></div>\n\
         <h1>学院召开第{n}次年度工作会议</h1>\n\
         <div class=\"info\">发布时间：2019-03-{n:02}　作者：王{n}</div>\n\
         <div class=\"content\">\n{paragraphs}</div>\n\
         <div class=\"footer\">版权所有 示范学院</div></body></html>\n"
    )
}

fn gbk_bytes(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

/// One run's outcome: exit code, stderr, and records by file name.
struct Run {
    code: Option<i32>,
    stderr: String,
    records: BTreeMap<String, Value>,
}

fn run(dir: &Path) -> Run {
    let out = sitelift()
        .arg("extract")
        .arg(dir)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run sitelift");
    let records = records(&out.stdout)
        .into_iter()
        .map(|r| (r["source_path"].as_str().unwrap_or("?").to_string(), r))
        .collect();
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        records,
    }
}

/// The summary line of stderr that names `file` (the examples under skipped:/failed:).
fn reason_for<'a>(stderr: &'a str, file: &str) -> &'a str {
    stderr
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{file}: ")))
        .unwrap_or_else(|| panic!("stderr does not name {file}:\n{stderr}"))
}

#[test]
fn bad_files_are_named_and_good_pages_still_become_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();

    // Good pages: UTF-8, GBK, an extension-less page that sniffs as HTML, malformed but readable markup.
    write("good-1.html", article(1, "utf-8").as_bytes());
    write("good-2.htm", article(2, "utf-8").as_bytes());
    write("good-gbk.html", &gbk_bytes(&article(3, "gbk")));
    std::fs::create_dir(dir.join("news")).unwrap();
    write("news/show", article(4, "utf-8").as_bytes());
    // Unclosed tags, stray end tags, unquoted attributes, a table without its end tags.
    let malformed = "<html><head><meta charset=utf-8><title>实验室开放日</title><body>\n\
        <div class=main><h1>化学实验室举办开放日活动</h1></div></div>\n\
        <div class=info>发布日期：2020-10-16 <b>作者：李明</div>\n\
        <div class=content id=text>\n\
        <p align=left>　　10月16日，化学实验室面向全校学生举办开放日活动，三百余名学生走进实验室，观看了演示实验。\n\
        <p>　　活动中，实验室教师介绍了仪器设备的用途和安全操作规范，学生们在老师指导下完成了滴定实验。</span></div></div>\n\
        <p>　　实验室负责人表示，今后将每学期举办一次开放日，让更多学生了解科学研究的过程和乐趣。\n\
        <table><tr><td>附表<td width=50%>说明</table></div><font color=red size=3>完</font></body>";
    write("malformed.html", malformed.as_bytes());

    // Bad files.
    write("empty.html", b"");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    write("picture.html", &png);
    // A GBK page cut off after the first byte of a two-byte character.
    let gbk5 = gbk_bytes(&article(5, "gbk"));
    let mut cut = gbk5.len() * 2 / 3;
    while gbk5[cut] < 0x80 {
        cut += 1;
    }
    write("truncated-gbk.html", &gbk5[..=cut]);
    // 50 MB of otherwise ordinary markup.
    let big = article(6, "utf-8").replace(
        "<div class=\"content\">",
        &format!(
            "<div class=\"content\">{}",
            "<p>大</p>".repeat(50 * 1024 * 1024 / 10)
        ),
    );
    assert!(big.len() > 50 * 1024 * 1024);
    write("huge.html", big.as_bytes());
    let deep = format!(
        "<html><body>{}深处的一句话</body></html>",
        "<div>".repeat(100_000)
    );
    write("deep-divs.html", deep.as_bytes());
    let tables = format!(
        "<html><body>{}</body></html>",
        "<table><tr><td>表格".repeat(5_000)
    );
    write("unclosed-tables.html", tables.as_bytes());
    write(
        "notes",
        "这是一个普通的文本文件，没有任何标记。\nplain text, not a page\n".as_bytes(),
    );

    // File names that are not UTF-8 (GBK names, as wget writes them): two good pages whose names are equal once
    // every bad byte is U+FFFD, and a bad one.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = |bytes: &[u8]| dir.join(std::ffi::OsStr::from_bytes(bytes));
        std::fs::write(name(b"news-\xd0\xc2\xce\xc5.html"), article(7, "utf-8")).unwrap();
        std::fs::write(name(b"news-\xd1\xc2\xce\xc5.html"), article(8, "utf-8")).unwrap();
        std::fs::write(name(b"broken-\xff\xfe.html"), &png).unwrap();
    }

    let started = Instant::now();
    let run = run(dir);
    let elapsed = started.elapsed();
    let stderr = &run.stderr;

    assert_eq!(run.code, Some(1), "some pages failed:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !stderr.contains("internal error"),
        "a page hit a caught panic:\n{stderr}"
    );

    // Each bad file is named, with its reason.
    assert!(reason_for(stderr, "empty.html").contains("empty file"));
    assert!(reason_for(stderr, "picture.html").contains("binary content (PNG image)"));
    let huge = reason_for(stderr, "huge.html");
    assert!(
        huge.contains("page too large (50.0 MB") && huge.contains("--max-page-size"),
        "{huge}"
    );
    assert!(reason_for(stderr, "deep-divs.html").contains("nested too deep"));
    // Unclosed tables nest in the DOM (table > tbody > tr > td > table …): refused by the same guard.
    assert!(reason_for(stderr, "unclosed-tables.html").contains("nested too deep"));
    assert!(
        !stderr.contains("notes"),
        "plain text is not a page:\n{stderr}"
    );
    assert!(!run.records.contains_key("notes"));

    // Every good page has its record.
    for (file, title) in [
        ("good-1.html", "学院召开第1次年度工作会议"),
        ("good-2.htm", "学院召开第2次年度工作会议"),
        ("good-gbk.html", "学院召开第3次年度工作会议"),
        ("news/show", "学院召开第4次年度工作会议"),
        ("malformed.html", "化学实验室举办开放日活动"),
    ] {
        let record = run.records.get(file).unwrap_or_else(|| {
            panic!(
                "no record for {file}; records: {:?}\n{stderr}",
                run.records.keys()
            )
        });
        assert_eq!(record["title"], title, "{file}");
        assert_eq!(record["encoding"]["replacements"], 0, "{file}");
    }
    assert_eq!(run.records["good-gbk.html"]["encoding"]["used"], "GBK");
    assert_eq!(run.records["malformed.html"]["published"], "2020-10-16");
    assert_eq!(run.records["malformed.html"]["author"], "李明");
    let malformed_text = run.records["malformed.html"]["body_text"].as_str().unwrap();
    assert!(
        malformed_text.contains("三百余名学生") && malformed_text.contains("每学期举办一次开放日"),
        "{malformed_text}"
    );

    // The truncated page keeps what it has, and says a character was lost.
    let truncated = &run.records["truncated-gbk.html"];
    assert_eq!(truncated["title"], "学院召开第5次年度工作会议");
    assert_eq!(truncated["encoding"]["used"], "GBK");
    assert_eq!(truncated["encoding"]["replacements"], 1);
    assert!(
        truncated["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("could not be decoded as GBK")),
        "{truncated}"
    );

    #[cfg(unix)]
    {
        // Named with the bytes that are not UTF-8 as %XX, in the summary and in the records; two such names stay
        // two records with two ids.
        assert!(
            reason_for(stderr, "broken-%FF%FE.html").contains("binary content"),
            "{stderr}"
        );
        let a = &run.records["news-%D0%C2%CE%C5.html"];
        let b = &run.records["news-%D1%C2%CE%C5.html"];
        assert_eq!(a["title"], "学院召开第7次年度工作会议");
        assert_eq!(b["title"], "学院召开第8次年度工作会议");
        assert_ne!(a["id"], b["id"]);
    }

    let (pages, records, failed) = if cfg!(unix) { (14, 8, 5) } else { (11, 6, 4) };
    assert!(
        stderr.contains(&format!("{pages} pages read"))
            && stderr.contains(&format!("{records} records"))
            && stderr.contains(&format!("{failed} failed")),
        "{stderr}"
    );
    assert_eq!(run.records.len(), records);
    // Fast failures: the guards refuse without parsing (a generous bound for a debug build on a busy machine).
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}

#[test]
fn max_page_size_is_the_remedy_for_a_large_page() {
    let tmp = tempfile::tempdir().unwrap();
    // About 1.5 MB: refused under --max-page-size 1, read with 2.
    let page = article(9, "utf-8").replace(
        "<div class=\"content\">",
        &format!(
            "<div class=\"content\">{}",
            "<p>　　补充材料。</p>".repeat(1_500_000 / 40)
        ),
    );
    let file = tmp.path().join("long.html");
    std::fs::write(&file, page).unwrap();
    sitelift()
        .args(["extract", "--max-page-size", "1"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("over the 1 MB limit"));
    let out = sitelift()
        .args(["extract", "--quiet", "--max-page-size", "2"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["title"], "学院召开第9次年度工作会议");
}
