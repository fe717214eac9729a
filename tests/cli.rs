//! The command line as a user meets it: the real binary, its exit codes, what it prints on stdout and stderr,
//! and what it writes (SQLite read back with rusqlite). Bad mappings are written into temporary files here.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use support::{records, root, sitelift};

const DEMO: &str = "fixtures/demo-site";
/// Articles in the demo site (fixtures/demo-site.expected.jsonl).
const DEMO_RECORDS: usize = 10;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Copy a folder tree (a fixture site we are going to modify).
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("count {table}: {e}"))
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn sqlite_export_upserts_on_rerun_and_counts_changes() {
    let dir = temp();
    let site = dir.path().join("site");
    copy_tree(&root().join(DEMO), &site);
    let db = dir.path().join("x.sqlite");
    let extract = || {
        let mut cmd = sitelift();
        cmd.arg("extract")
            .arg(&site)
            .args(["--format", "sqlite", "--out"])
            .arg(&db);
        cmd
    };

    extract()
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains(
            "10 records (10 new, 0 updated, 0 unchanged), 6 skipped, 0 failed",
        ))
        .stderr(predicate::str::contains(format!(
            "output: {}",
            db.display()
        )));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "records"), DEMO_RECORDS as i64);
    let attachments = count(&conn, "attachments");
    let images = count(&conn, "images");
    assert!(attachments >= 2, "demo attachments: {attachments}");
    assert!(images >= 3, "demo images: {images}");
    let version: String = conn
        .query_row(
            "SELECT value FROM schema_info WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, "1");
    let user_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(user_version, 1);
    // Every attachment and image belongs to a record, in position order from 0.
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM attachments WHERE record_id NOT IN (SELECT id FROM records)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    drop(conn);

    // The same pages again: nothing changes, nothing is duplicated.
    extract().assert().code(0).stderr(predicate::str::contains(
        "10 records (0 new, 0 updated, 10 unchanged)",
    ));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "records"), DEMO_RECORDS as i64);
    assert_eq!(count(&conn, "attachments"), attachments);
    assert_eq!(count(&conn, "images"), images);
    drop(conn);

    // One page edited on the site: exactly that record is updated, in place.
    let page = site.join("www.demo-kx.org.cn/xwzx/202005/t20200512_3620.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("推动学会党建工作提质增效"));
    std::fs::write(
        &page,
        html.replace("推动学会党建工作提质增效", "推动学会党建工作再上新台阶"),
    )
    .unwrap();
    extract().assert().code(0).stderr(predicate::str::contains(
        "10 records (0 new, 1 updated, 9 unchanged)",
    ));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "records"), DEMO_RECORDS as i64);
    assert_eq!(count(&conn, "attachments"), attachments);
    let edited: i64 = conn
        .query_row(
            "SELECT count(*) FROM records WHERE body_text LIKE '%再上新台阶%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(edited, 1);
}

#[test]
fn json_is_one_array_and_jsonl_streams_one_record_per_line() {
    let out = sitelift()
        .args(["extract", "--quiet", DEMO, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let array: Value =
        serde_json::from_slice(&out.stdout).expect("--format json is one JSON document");
    let array = array.as_array().expect("a JSON array");
    assert_eq!(array.len(), DEMO_RECORDS);
    assert!(
        array
            .iter()
            .all(|r| r["id"].is_string() && r["title"].is_string())
    );

    let out = sitelift()
        .args(["extract", "--quiet", DEMO])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), DEMO_RECORDS, "one line per record");
    let lines = records(&out.stdout);
    assert_eq!(lines.len(), DEMO_RECORDS);
    // The same records in both formats, in the same order.
    let ids = |rs: &[Value]| rs.iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&lines), ids(array));
}

#[test]
fn format_is_inferred_from_the_out_extension() {
    let dir = temp();
    for (name, check) in [
        ("r.json", "json"),
        ("r.jsonl", "jsonl"),
        ("r.db", "sqlite"),
        ("sub/r.sqlite", "sqlite"),
    ] {
        let out = dir.path().join(name);
        sitelift()
            .args(["extract", "--quiet", DEMO, "--out"])
            .arg(&out)
            .assert()
            .code(0)
            .stdout("");
        let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        match check {
            "json" => {
                let v: Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(v.as_array().map(Vec::len), Some(DEMO_RECORDS), "{name}");
            }
            "jsonl" => assert_eq!(records(&bytes).len(), DEMO_RECORDS, "{name}"),
            _ => {
                assert!(bytes.starts_with(b"SQLite format 3\0"), "{name} is SQLite");
                let conn = Connection::open(&out).unwrap();
                assert_eq!(count(&conn, "records"), DEMO_RECORDS as i64, "{name}");
            }
        }
    }
    // Nothing but the outputs: the temporary files were renamed into place.
    let mut left: Vec<String> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["r.db", "r.json", "r.jsonl", "r.sqlite"]);
}

/// A usage or mapping error: exit 2, nothing on stdout, and stderr says what is wrong.
fn assert_usage_error(args: &[&str], mapping: Option<&str>, expected: &[&str]) {
    let dir = temp();
    let mut cmd = sitelift();
    cmd.arg("extract");
    if let Some(text) = mapping {
        let file = dir.path().join("site-mapping.toml");
        std::fs::write(&file, text).unwrap();
        cmd.arg("--mapping").arg(&file);
    }
    cmd.args(args);
    let out = cmd.output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout {:?}", out.stdout);
    assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for want in expected {
        assert!(
            stderr.contains(want),
            "{args:?}: stderr lacks {want:?}:\n{stderr}"
        );
    }
}

const PAGE: &str = "fixtures/cases/date-dotted.html";

#[test]
fn unknown_mapping_keys_name_the_file_key_and_position() {
    assert_usage_error(
        &[PAGE],
        Some("[site]\nname = \"示例\"\n\n[selectors]\ntitle = \"h1\"\ntitel = \"h2\"\n"),
        &[
            "site-mapping.toml",
            "unknown key 'selectors.titel'",
            "line 6, column 1",
            "known keys: title, meta",
            "mappings/README.md",
        ],
    );
    assert_usage_error(
        &[PAGE],
        Some("[patterns]\nauthor = '作者[:：](?P<value>\\S+)'\ndate = '(?P<value>\\d+)'\n"),
        &[
            "site-mapping.toml",
            "unknown key 'patterns.date'",
            "line 3, column 1",
        ],
    );
    // Keys of [site] and unknown tables: TOML's own message, with line and column.
    assert_usage_error(
        &[PAGE],
        Some("[site]\nname = \"示例\"\nbse_url = \"http://www.example.org.cn/\"\n"),
        &["site-mapping.toml", "bse_url", "line 3, column 1"],
    );
    assert_usage_error(
        &[PAGE],
        Some("[selector]\ntitle = \"h1\"\n"),
        &["site-mapping.toml", "selector", "line 1"],
    );
}

#[test]
fn bad_selectors_and_patterns_name_the_key_and_what_is_wrong() {
    assert_usage_error(
        &[PAGE],
        Some("[selectors]\nbody = \"div.content[[\"\n"),
        &[
            "site-mapping.toml",
            "selectors.body",
            "\"div.content[[\"",
            "bad CSS selector",
        ],
    );
    assert_usage_error(
        &[PAGE],
        Some("remove = [\"div.share >\"]\n"),
        &["remove[0]", "\"div.share >\"", "bad CSS selector"],
    );
    let report = sitelift()
        .args(["extract", PAGE, "--mapping"])
        .arg(write_temp_mapping("[selectors]\ntitle = \"h1[[[\"\n").1)
        .output()
        .unwrap();
    assert!(
        !stderr_of(&report).contains("report this to the developer"),
        "a bad selector is the user's to fix: {}",
        stderr_of(&report)
    );
    assert_usage_error(
        &[PAGE],
        Some("[patterns]\npublished = '发布时间[:：]\\s*(\\S+)'\n"),
        &[
            "site-mapping.toml",
            "patterns.published",
            "no named group 'value'",
            "(?P<value>",
        ],
    );
    assert_usage_error(
        &[PAGE],
        Some("[patterns]\npublished = '发布时间[:：]\\s*(?P<value>\\S+'\n"),
        &[
            "patterns.published",
            "bad regular expression",
            "unclosed group",
        ],
    );
}

fn write_temp_mapping(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = temp();
    let file = dir.path().join("m.toml");
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

#[test]
fn bad_arguments_exit_2_with_a_clear_message() {
    assert_usage_error(
        &["fixtures/no-such-folder"],
        None,
        &["fixtures/no-such-folder", "does not exist"],
    );
    assert_usage_error(
        &["--encoding", "klingon", PAGE],
        None,
        &["unknown encoding label 'klingon'", "gbk"],
    );
    assert_usage_error(
        &["--format", "sqlite", PAGE],
        None,
        &["--format sqlite needs --out"],
    );
    assert_usage_error(
        &["--base-url", "www.example.org.cn", PAGE],
        None,
        &[
            "--base-url",
            "'www.example.org.cn' is not an absolute http(s) URL",
        ],
    );
    assert_usage_error(
        &["--base-url", "mailto:office@example.org.cn", PAGE],
        None,
        &["not an absolute http(s) URL"],
    );
    assert_usage_error(&["--format", "xml", PAGE], None, &["xml", "jsonl"]);
    assert_usage_error(&[], None, &["INPUT"]);
    // A missing mapping file: the path, once (the OS reason is not repeated).
    let out = sitelift()
        .args(["extract", "--mapping", "mappings/no-such.toml", PAGE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("mappings/no-such.toml"), "{stderr}");
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn a_failed_page_exits_1_and_the_others_are_written() {
    let dir = temp();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    for case in ["date-dotted.html", "gb2312-table-layout.html"] {
        std::fs::copy(root().join("fixtures/cases").join(case), pages.join(case)).unwrap();
    }
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..600u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(pages.join("photo.html"), png).unwrap();
    let out_file = dir.path().join("out.jsonl");
    let out = sitelift()
        .arg("extract")
        .arg(&pages)
        .arg("--out")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("3 pages read")
            && stderr.contains("2 records")
            && stderr.contains("1 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("failed:\n") && stderr.contains("photo.html: binary content (PNG image)"),
        "{stderr}"
    );
    let written = records(&std::fs::read(&out_file).unwrap());
    let mut names: Vec<&str> = written
        .iter()
        .map(|r| r["source_path"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["date-dotted.html", "gb2312-table-layout.html"]);
}

const DEMO_MAPPING: &str = "mappings/demo-kx.toml";
const DEMO_ARTICLE: &str = "fixtures/demo-site/www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html";

#[test]
fn check_mapping_lists_selectors_and_shows_fields_with_provenance() {
    sitelift()
        .args(["check-mapping", DEMO_MAPPING])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "mapping OK: mappings/demo-kx.toml",
        ))
        .stdout(predicate::str::contains(
            "title       selector td.biaoti, h1.article-title",
        ))
        .stdout(predicate::str::contains(
            "body        selector div.TRS_Editor",
        ))
        .stdout(predicate::str::contains("author      (generic)"))
        .stdout(predicate::str::contains("published   pattern  发布时间"));

    let out = sitelift()
        .args(["check-mapping", DEMO_MAPPING, "--page", DEMO_ARTICLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = |field: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{field} ")))
            .unwrap_or_else(|| panic!("no {field} line in:\n{stdout}"))
            .to_string()
    };
    assert!(line("title").contains("mapping:title"), "{stdout}");
    assert!(
        line("title").contains("省科协召开2017年全省学会工作会议"),
        "{stdout}"
    );
    assert!(line("published").contains("pattern:published"), "{stdout}");
    assert!(line("published").contains("2017-09-27"), "{stdout}");
    assert!(line("author").contains("mapping:meta"), "{stdout}");
    assert!(line("source").contains("pattern:source"), "{stdout}");
    assert!(line("category").contains("mapping:breadcrumb"), "{stdout}");
    assert!(line("body").contains("mapping:body"), "{stdout}");
    for field in ["editor", "url", "attachments", "images", "encoding"] {
        line(field);
    }
    assert!(line("encoding").contains("used GBK"), "{stdout}");
    // This old-template page has no attachment box: the selector is flagged, generic rules take over.
    assert!(
        stdout.contains(
            "attachments  div.article-attach a  (0 matches)  <- matches nothing: generic fallback"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("title        td.biaoti, h1.article-title  (1 match)"),
        "{stdout}"
    );

    let out = sitelift()
        .args([
            "check-mapping",
            DEMO_MAPPING,
            "--page",
            DEMO_ARTICLE,
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let record: Value = serde_json::from_slice(&out.stdout).expect("--json prints one record");
    assert_eq!(record["title"], "省科协召开2017年全省学会工作会议");
    assert_eq!(record["provenance"]["title"], "mapping:title");
    assert_eq!(record["encoding"]["used"], "GBK");
}

#[test]
fn check_mapping_rejects_a_bad_mapping_and_a_missing_page() {
    let (_dir, file) = write_temp_mapping("[selectors]\nbody = \"div..x\"\n");
    sitelift()
        .arg("check-mapping")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("m.toml"))
        .stderr(predicate::str::contains("selectors.body"));
    sitelift()
        .args([
            "check-mapping",
            DEMO_MAPPING,
            "--page",
            "fixtures/no-such-page.html",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fixtures/no-such-page.html"));
}

#[test]
fn readme_quick_start_commands_are_true() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let first_screen: String = readme.lines().take(20).collect::<Vec<_>>().join("\n");
    for command in [
        "cargo run --release -- extract fixtures/demo-site --format sqlite --out out/demo.sqlite",
        "cargo test",
    ] {
        assert!(
            first_screen.contains(command),
            "README's first screen lacks `{command}`"
        );
    }
    // The same job with the built binary, into a fresh folder (the out/ folder does not exist yet).
    let dir = temp();
    let db = dir.path().join("out/demo.sqlite");
    sitelift()
        .args([
            "extract",
            "fixtures/demo-site",
            "--format",
            "sqlite",
            "--out",
        ])
        .arg(&db)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("10 records"));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "records"), DEMO_RECORDS as i64);
}

#[test]
fn help_works_for_every_subcommand() {
    sitelift()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage: sitelift"))
        .stdout(predicate::str::contains("extract"))
        .stdout(predicate::str::contains("check-mapping"));
    for (sub, flag) in [
        ("extract", "--max-page-size"),
        ("check-mapping", "--page"),
        ("eval", "--labels"),
        ("crawl", "--delay-ms"),
        ("run", "--out"),
        ("status", "--job"),
        ("mapping", "draft"),
    ] {
        sitelift()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!("Usage: sitelift {sub}")))
            .stdout(predicate::str::contains(flag));
        sitelift()
            .args(["help", sub])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!("Usage: sitelift {sub}")));
    }
    sitelift()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("sitelift "));
}

#[test]
fn quiet_prints_no_summary() {
    sitelift()
        .args(["extract", "--quiet", DEMO])
        .assert()
        .code(0)
        .stderr("");
    // Without --quiet the summary is there.
    sitelift()
        .args(["extract", DEMO])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("16 pages read"))
        .stderr(predicate::str::contains("fill rate over 10 records"));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Enough records to fill the pipe many times over: the fixture folders, given again and again.
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("sitelift"));
    cmd.current_dir(root()).arg("extract");
    for _ in 0..12 {
        cmd.args(["fixtures/cases", DEMO]);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"id\":"), "{first}");
    drop(reader); // like `| head -1`: the reading end goes away
    let out = child.wait_with_output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    // It stopped at the closed pipe (no closing summary) rather than running to the end.
    assert!(!stderr.contains("pages read"), "{stderr}");
}

#[test]
fn a_closed_stderr_does_not_change_the_exit_code() {
    // `sitelift … 2>&1 | head -1`: the summary (or the error) goes to a pipe nobody reads any more.
    for (args, code) in [
        (vec!["extract", DEMO, "--format", "json"], 0),
        (vec!["extract", "fixtures/no-such-folder"], 2),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = StdCommand::new(assert_cmd::cargo::cargo_bin("sitelift"))
            .current_dir(root())
            .args(&args)
            .stdout(Stdio::null())
            .stderr(writer)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn three_v_flags_list_the_body_candidates_with_their_scores() {
    let dir = temp();
    let out = dir.path().join("out.jsonl");
    let page = root().join("fixtures/cases/boilerplate-heavy.html");
    let stderr_with = |flag: &str| {
        let assert = sitelift()
            .args(["extract", flag, "--out"])
            .arg(&out)
            .arg(&page)
            .assert()
            .success();
        String::from_utf8_lossy(&assert.get_output().stderr).to_string()
    };
    let stderr = stderr_with("-vvv");
    let candidates: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("body candidate <"))
        .collect();
    assert!(
        (2..=10).contains(&candidates.len()),
        "expected a ranked list of body candidates under -vvv, got:\n{stderr}"
    );
    assert!(candidates[0].contains(" score "), "{}", candidates[0]);
    // Two flags stay at the body decision, without the candidate list.
    let stderr = stderr_with("-vv");
    assert!(stderr.contains("body container"), "{stderr}");
    assert!(!stderr.contains("body candidate <"), "{stderr}");
}
