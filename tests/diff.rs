//! `sitelift diff`: exports of the demo site in every format compare equal; planted differences of every kind
//! are each reported; exit codes 0 / 1 / 2; `--ignore` and `--normalize-whitespace`; and `--bless` round trips
//! on a temporary copy of the fixture files and on export files.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use support::{read_json, records, root, sitelift};

const BASE: &str = "http://www.kx-demo.org.cn/cases/";

/// Extract the demo site into `dir` as `demo.<ext>` for each format.
fn demo_exports(dir: &Path) -> BTreeMap<&'static str, PathBuf> {
    let mut out = BTreeMap::new();
    for ext in ["jsonl", "json", "sqlite"] {
        let path = dir.join(format!("demo.{ext}"));
        let o = sitelift()
            .args(["extract", "--quiet", "fixtures/demo-site", "--out"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out.insert(ext, path);
    }
    out
}

fn diff(args: &[&str], expected: &Path, actual: &Path) -> (i32, String, String) {
    let o = sitelift()
        .arg("diff")
        .args(args)
        .arg(expected)
        .arg(actual)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn write_jsonl(path: &Path, records: &[Value]) {
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(path, text).unwrap();
}

#[test]
fn the_same_records_in_every_format_compare_equal() {
    let dir = tempfile::tempdir().unwrap();
    let e = demo_exports(dir.path());
    for (a, b) in [("jsonl", "sqlite"), ("sqlite", "json"), ("json", "jsonl")] {
        let (code, out, err) = diff(&[], &e[a], &e[b]);
        assert_eq!(code, 0, "{a} vs {b}: {out}{err}");
        assert!(
            out.contains("10 compared: 10 equal, 0 differ; 0 missing, 0 extra"),
            "{out}"
        );
    }
}

#[test]
fn planted_differences_of_every_kind_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    let e = demo_exports(dir.path());
    let expected = records(&std::fs::read(&e["jsonl"]).unwrap());
    let mut actual = expected.clone();
    let missing = actual.remove(0);
    let mut extra = actual[0].clone();
    extra["id"] = json!("ffffffffffffffffffffffffffffffff");
    extra["url"] = json!("http://www.demo-kx.org.cn/xwzx/209901/t20990101_1.html");
    extra["source_path"] = json!("www.demo-kx.org.cn/xwzx/209901/t20990101_1.html");
    let r = &mut actual[0];
    let old_body = r["body_text"].as_str().unwrap().to_string();
    let first_paragraph = old_body.split("\n\n").next().unwrap().to_string();
    r["title"] = json!("改过的标题");
    r["published"] = json!("1999-01-01");
    r["author"] = json!("新作者");
    r["editor"] = json!("某编辑");
    r["source"] = json!("别的来源");
    r["category"] = json!(["新闻中心", "图片新闻"]);
    r["body_text"] = json!(old_body.replacen(&first_paragraph, "换掉的第一段。", 1));
    r["body_html"] = json!(format!(
        "<p>换掉的第一段。</p>{}",
        r["body_html"].as_str().unwrap()
    ));
    r["attachments"] =
        json!([{"name": "新附件.doc", "url": "http://www.demo-kx.org.cn/fj/new.doc"}]);
    r["images"] = json!([{"url": "http://www.demo-kx.org.cn/img/new.jpg", "alt": null}]);
    r["encoding"]["used"] = json!("windows-1252");
    r["provenance"]["title"] = json!("mapping:title");
    r["content_hash"] = json!("00");
    r["warnings"] = json!(["planted warning"]);
    let changed_url = r["url"].as_str().unwrap().to_string();
    actual.push(extra);
    let actual_path = dir.path().join("actual.jsonl");
    write_jsonl(&actual_path, &actual);

    let (code, out, _) = diff(&["--format", "json"], &e["sqlite"], &actual_path);
    assert_eq!(code, 1, "{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["equal"], json!(false));
    assert_eq!(report["missing"][0]["record"], missing["url"]);
    assert_eq!(
        report["extra"][0]["record"],
        json!("http://www.demo-kx.org.cn/xwzx/209901/t20990101_1.html")
    );
    let changed = report["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{out}");
    assert_eq!(changed[0]["record"], json!(changed_url));
    let fields: Vec<&str> = changed[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for want in [
        "title",
        "published",
        "author",
        "editor",
        "source",
        "category",
        "body_text",
        "body_html",
        "attachments",
        "images",
        "encoding.used",
        "provenance.title",
        "content_hash",
        "warnings",
    ] {
        assert!(
            fields
                .iter()
                .any(|f| *f == want || f.starts_with(&format!("{want}["))),
            "{want} not reported: {fields:?}"
        );
    }
    let counts = &report["field_counts"];
    assert_eq!(counts["encoding"], json!(1));
    assert_eq!(counts["title"], json!(1));
    let body = changed[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == json!("body_text"))
        .unwrap();
    let text_diff = body["text_diff"].as_str().unwrap();
    assert!(
        text_diff.contains(&format!("-{first_paragraph}")) && text_diff.contains("+换掉的第一段。"),
        "{text_diff}"
    );

    // The same as text: missing and extra listed, short fields side by side, the body as a unified diff.
    let (code, text, _) = diff(&[], &e["sqlite"], &actual_path);
    assert_eq!(code, 1);
    for want in [
        "missing (expected, not in actual): 1",
        "extra (in actual, not expected): 1",
        "title  expected \"",
        "actual   \"改过的标题\"",
        "body_text: text differs",
        "+换掉的第一段。",
        "encoding.used",
        "9 compared: 8 equal, 1 differ; 1 missing, 1 extra",
    ] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }

    // --ignore takes the changed fields out; what is left is the missing and the extra record.
    let mut ignore = Vec::new();
    for f in [
        "title",
        "published",
        "author",
        "editor",
        "source",
        "category",
        "body_text",
        "body_html",
        "attachments",
        "images",
        "encoding",
        "provenance",
        "content_hash",
        "warnings",
    ] {
        ignore.extend(["--ignore", f]);
    }
    let (code, text, _) = diff(&ignore, &e["sqlite"], &actual_path);
    assert_eq!(code, 1);
    assert!(
        text.contains("9 compared: 9 equal, 0 differ; 1 missing, 1 extra"),
        "{text}"
    );
}

#[test]
fn ignore_and_whitespace_options() {
    let dir = tempfile::tempdir().unwrap();
    let e = demo_exports(dir.path());
    let mut actual = records(&std::fs::read(&e["jsonl"]).unwrap());
    let title = actual[1]["title"].as_str().unwrap().to_string();
    actual[1]["title"] = json!(format!(" {title}\u{3000}\u{a0} "));
    let body = actual[1]["body_text"]
        .as_str()
        .unwrap()
        .replace("\n\n", " \n\u{3000}\n");
    actual[1]["body_text"] = json!(body);
    actual[2]["encoding"]["replacements"] = json!(7);
    let path = dir.path().join("actual.jsonl");
    write_jsonl(&path, &actual);
    let (code, out, _) = diff(&[], &e["json"], &path);
    assert_eq!(code, 1, "{out}");
    let (code, out, _) = diff(
        &[
            "--normalize-whitespace",
            "--ignore",
            "encoding.replacements",
        ],
        &e["json"],
        &path,
    );
    assert_eq!(code, 0, "{out}");
    let (code, _, _) = diff(&["--normalize-whitespace"], &e["json"], &path);
    assert_eq!(code, 1);
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let e = demo_exports(dir.path());
    let garbage = dir.path().join("garbage.jsonl");
    std::fs::write(&garbage, "{\"id\": \"1\"\nnot json\n").unwrap();
    let not_records = dir.path().join("numbers.json");
    std::fs::write(&not_records, "[1, 2]").unwrap();
    let missing = dir.path().join("nope.jsonl");
    for bad in [&garbage, &not_records, &missing] {
        for (a, b) in [(bad, &e["jsonl"]), (&e["jsonl"], bad)] {
            let (code, _, err) = diff(&[], a, b);
            assert_eq!(code, 2, "{}: {err}", bad.display());
            assert!(err.contains(&bad.display().to_string()), "{err}");
        }
    }
    let (code, _, err) = diff(&["--ignore", "titel"], &e["jsonl"], &e["json"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown record field 'titel'"), "{err}");
}

/// The records the fixture cases must produce: the generic run, with `_mapping` cases from their own runs.
fn case_records(out: &Path) {
    let run = |inputs: &[String], mapping: Option<&str>| -> Vec<Value> {
        let mut cmd = sitelift();
        cmd.args([
            "extract",
            "--quiet",
            "--base-url",
            BASE,
            "--format",
            "jsonl",
        ]);
        if let Some(m) = mapping {
            cmd.args(["--mapping", m]);
        }
        let o = cmd.args(inputs).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        records(&o.stdout)
    };
    let mut all = run(&["fixtures/cases".to_string()], None);
    for entry in std::fs::read_dir(root().join("fixtures/cases")).unwrap() {
        let path = entry.unwrap().path();
        let Some(case) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".expected.json"))
        else {
            continue;
        };
        if let Some(mapping) = read_json(&path)["_mapping"].as_str() {
            let file = format!("{case}.html");
            all.retain(|r| r["source_path"] != json!(file));
            all.extend(run(&[format!("fixtures/cases/{file}")], Some(mapping)));
        }
    }
    write_jsonl(out, &all);
}

fn copy_fixtures(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(root().join("fixtures/cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".expected.json") {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn bless_round_trips_fixture_files() {
    let dir = tempfile::tempdir().unwrap();
    let actual = dir.path().join("cases.jsonl");
    case_records(&actual);
    let fixtures = dir.path().join("cases");
    copy_fixtures(&fixtures);
    let (code, out, err) = diff(&[], &fixtures, &actual);
    assert_eq!(
        code, 0,
        "the fixtures should match the extractor:\n{out}{err}"
    );

    // Plant changes: a title, a body, a nested field of a mapped case (with its `_mapping` directive).
    let edit = |case: &str, f: &dyn Fn(&str) -> String| {
        let p = fixtures.join(format!("{case}.expected.json"));
        let text = std::fs::read_to_string(&p).unwrap();
        let new = f(&text);
        assert_ne!(new, text, "{case}: nothing planted");
        std::fs::write(&p, new).unwrap();
    };
    edit("date-dotted", &|t| {
        let v = read_json_str(t);
        t.replace(v["title"].as_str().unwrap(), "过时的标题")
    });
    edit("gbk-undeclared", &|t| {
        t.replacen("\\n\\n", "\\n\\n多出来的一段。\\n\\n", 1)
    });
    edit("qcmes-news", &|t| {
        t.replace("\"by\": \"override\"", "\"by\": \"meta\"")
    });
    let (code, out, _) = diff(&[], &fixtures, &actual);
    assert_eq!(code, 1);
    for want in [
        "date-dotted.expected.json",
        "title  expected \"过时的标题\"",
        "-多出来的一段。",
        "encoding.by",
        "24 compared: 21 equal, 3 differ",
    ] {
        assert!(out.contains(want), "no {want:?} in\n{out}");
    }

    // A record for a page that must be skipped is reported, and left for a person.
    let mut with_list = records(&std::fs::read(&actual).unwrap());
    let mut list = with_list[0].clone();
    list["id"] = json!("0000");
    list["url"] = json!(format!("{BASE}column-list-page.html"));
    list["source_path"] = json!("column-list-page.html");
    with_list.push(list);
    let actual_with_list = dir.path().join("with-list.jsonl");
    write_jsonl(&actual_with_list, &with_list);
    let (code, out, _) = diff(&[], &fixtures, &actual_with_list);
    assert_eq!(code, 1);
    assert!(
        out.contains("not skipped (the fixture says _skipped, the page has a record): 1"),
        "{out}"
    );

    // Bless: the files are the originals again, byte for byte, directives and key order included.
    let o = sitelift()
        .args(["diff", "--bless"])
        .arg(&fixtures)
        .arg(&actual)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("3 record(s) updated, 3 file(s) written"),
        "{stderr}"
    );
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let p = entry.unwrap().path();
        let original = root().join("fixtures/cases").join(p.file_name().unwrap());
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(&original).unwrap(),
            "{} differs from its original after bless",
            p.display()
        );
    }
    let (code, _, _) = diff(&[], &fixtures, &actual);
    assert_eq!(code, 0);
}

fn read_json_str(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn bless_rewrites_an_export_from_the_actual_records() {
    let dir = tempfile::tempdir().unwrap();
    let e = demo_exports(dir.path());
    let mut old = records(&std::fs::read(&e["jsonl"]).unwrap());
    old[3]["title"] = json!("旧标题");
    old.pop();
    for (name, format) in [
        ("old.jsonl", "jsonl"),
        ("old.json", "json"),
        ("old.sqlite", "sqlite"),
    ] {
        let jsonl = dir.path().join("old-source.jsonl");
        write_jsonl(&jsonl, &old);
        let path = dir.path().join(name);
        if format == "jsonl" {
            std::fs::copy(&jsonl, &path).unwrap();
        } else {
            // Convert by blessing an empty-enough file of that format from the old records.
            let o = sitelift()
                .args([
                    "extract",
                    "--quiet",
                    "fixtures/demo-site",
                    "--format",
                    format,
                    "--out",
                ])
                .arg(&path)
                .output()
                .unwrap();
            assert!(o.status.success());
            let (code, _, err) = diff(&["--bless"], &path, &jsonl);
            assert_eq!(code, 0, "{err}");
        }
        let (code, out, _) = diff(&[], &path, &e["sqlite"]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(
            out.contains("\"旧标题\"") && out.contains("extra (in actual, not expected): 1"),
            "{out}"
        );
        let (code, _, err) = diff(&["--bless"], &path, &e["sqlite"]);
        assert_eq!(code, 0, "{name}: {err}");
        let (code, out, _) = diff(&[], &path, &e["jsonl"]);
        assert_eq!(code, 0, "{name} after bless: {out}");
        // Still in its own format.
        let head = std::fs::read(&path).unwrap();
        match format {
            "sqlite" => assert!(head.starts_with(b"SQLite format 3\0")),
            "json" => assert_eq!(head[0], b'['),
            _ => assert_eq!(head[0], b'{'),
        }
    }
}
