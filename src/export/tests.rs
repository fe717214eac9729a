//! Tests of every sink, their atomicity and reading exports back.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::atomic::Output;
use super::*;
use crate::error::Error;
use crate::record::{Attachment, DecodedBy, EncodingAudit, Image};

fn record(n: usize) -> Record {
    let titles = [
        "关于做好2017年秋季学期开学工作的通知",
        "我校召开第三届教职工代表大会",
        "图书馆寒假开放时间安排",
    ];
    let mut provenance = BTreeMap::new();
    provenance.insert("title".to_owned(), "mapping:title".into());
    provenance.insert("published".to_owned(), "generic:label 发布时间".into());
    Record {
        id: format!("{n:016x}"),
        url: Some(format!("http://www.example.edu.cn/xwzx/{n}.htm")),
        source_path: n.is_multiple_of(2).then(|| format!("mirror/xwzx/{n}.htm")),
        title: Some(format!("{}（第{n}号）", titles[n % titles.len()])),
        published: Some(format!("2017-09-{:02}", n % 28 + 1)),
        author: Some("王晓明".to_owned()),
        editor: n.is_multiple_of(3).then(|| "李春华".to_owned()),
        source: Some("党委宣传部".to_owned()),
        category: (n % 4 != 3).then(|| vec!["新闻中心".to_owned(), "校园要闻".to_owned()]),
        body_html: Some("<p>各学院、各部门：</p>\n<p>现将有关事项通知如下。</p>".to_owned()),
        body_text: Some("各学院、各部门：\n\n现将有关事项通知如下。\n引号\"与反斜杠\\".to_owned()),
        attachments: (0..n % 3)
            .map(|i| Attachment {
                name: (i != 1).then(|| format!("附件{}：报名表.doc", i + 1)),
                url: format!("http://www.example.edu.cn/uploads/{n}-{i}.doc"),
            })
            .collect(),
        images: (0..(n + 1) % 3)
            .map(|i| Image {
                url: format!("http://www.example.edu.cn/images/{n}-{i}.jpg"),
                alt: (i == 0).then(|| "开学典礼现场".to_owned()),
            })
            .collect(),
        encoding: EncodingAudit {
            declared: Some("gb2312".to_owned()),
            used: "GBK".to_owned(),
            by: DecodedBy::Meta,
            replacements: n % 2,
        },
        provenance,
        content_hash: Some(format!("{:064x}", n * 7919)),
        warnings: if n.is_multiple_of(5) {
            vec!["正文过短".to_owned()]
        } else {
            vec![]
        },
    }
}

fn records(count: usize) -> Vec<Record> {
    (0..count).map(record).collect()
}

fn write_all(format: Format, out: Option<&Path>, records: &[Record]) -> Vec<WriteOutcome> {
    let mut sink = open_sink(format, out).unwrap();
    let outcomes = records.iter().map(|r| sink.write(r).unwrap()).collect();
    sink.finish().unwrap();
    outcomes
}

fn read_all(path: &Path) -> Vec<Record> {
    read_records(path).unwrap().collect::<Result<_>>().unwrap()
}

/// Every name in the folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn jsonl_file_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("文章.jsonl");
    let input = records(7);
    let outcomes = write_all(Format::Jsonl, Some(&out), &input);
    assert!(outcomes.iter().all(|o| *o == WriteOutcome::Inserted));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 7);
    assert!(
        text.contains("王晓明"),
        "Chinese is written as is, not \\u-escaped"
    );
    assert_eq!(read_all(&out), input);
    assert_eq!(listing(dir.path()), ["文章.jsonl"]);
}

#[test]
fn json_file_round_trips_and_matches_serde_pretty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("articles.json");
    let input = records(5);
    write_all(Format::Json, Some(&out), &input);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text, serde_json::to_string_pretty(&input).unwrap() + "\n");
    assert_eq!(read_all(&out), input);
    assert_eq!(listing(dir.path()), ["articles.json"]);
}

#[test]
fn empty_runs() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("empty.json");
    write_all(Format::Json, Some(&json), &[]);
    assert_eq!(std::fs::read_to_string(&json).unwrap(), "[]\n");
    assert!(read_all(&json).is_empty());

    let jsonl = dir.path().join("empty.jsonl");
    write_all(Format::Jsonl, Some(&jsonl), &[]);
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap(), "");
    assert!(read_all(&jsonl).is_empty());

    let db = dir.path().join("empty.db");
    write_all(Format::Sqlite, Some(&db), &[]);
    assert!(read_all(&db).is_empty());
}

#[test]
fn dropped_file_sinks_leave_the_previous_output_untouched() {
    for format in [Format::Jsonl, Format::Json] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::write(&out, "上一次的导出\n").unwrap();
        let mut sink = open_sink(format, Some(&out)).unwrap();
        for r in records(3) {
            sink.write(&r).unwrap();
        }
        // While writing, the only other file is a hidden temporary one that does not take the target's name.
        let during = listing(dir.path());
        assert_eq!(during.len(), 2, "{during:?}");
        assert!(
            during
                .iter()
                .any(|n| n.starts_with(".out.") && n.ends_with(".tmp"))
        );
        drop(sink);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "上一次的导出\n");
        assert_eq!(listing(dir.path()), ["out"], "{format:?}");
    }
}

#[test]
fn dropped_sqlite_sinks_publish_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A new database: nothing appears at the target, no temporary file remains.
    let db = dir.path().join("new.db");
    let mut sink = open_sink(Format::Sqlite, Some(&db)).unwrap();
    sink.write(&record(1)).unwrap();
    drop(sink);
    assert!(listing(dir.path()).is_empty());

    // An existing database: the transaction rolls back.
    write_all(Format::Sqlite, Some(&db), &records(2));
    let before = std::fs::read(&db).unwrap();
    let mut sink = open_sink(Format::Sqlite, Some(&db)).unwrap();
    let mut changed = record(0);
    changed.title = Some("已修改的标题".to_owned());
    assert_eq!(sink.write(&changed).unwrap(), WriteOutcome::Updated);
    assert_eq!(sink.write(&record(9)).unwrap(), WriteOutcome::Inserted);
    drop(sink);
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(read_all(&db), records(2));
    assert_eq!(listing(dir.path()), ["new.db"]);
}

#[test]
fn sqlite_upserts_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("export.db");
    let input = records(6);
    let attachments: i64 = input.iter().map(|r| r.attachments.len() as i64).sum();
    let images: i64 = input.iter().map(|r| r.images.len() as i64).sum();

    // First run: everything is new.
    let outcomes = write_all(Format::Sqlite, Some(&db), &input);
    assert!(outcomes.iter().all(|o| *o == WriteOutcome::Inserted));
    assert_eq!(listing(dir.path()), ["export.db"]);
    {
        let conn = Connection::open(&db).unwrap();
        assert_eq!(count(&conn, "records"), 6);
        assert_eq!(count(&conn, "attachments"), attachments);
        assert_eq!(count(&conn, "images"), images);
        assert_eq!(count(&conn, "schema_info"), 1);
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
        let hash: String = conn
            .query_row(
                "SELECT record_hash FROM records WHERE id = ?1",
                [&input[2].id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hash, record_hash(&input[2]));
        let indexes: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 4);
        // Mark every row, to see which ones a re-run touches.
        conn.execute("UPDATE records SET exported_at = 'first-run'", [])
            .unwrap();
    }
    assert_eq!(read_all(&db), input);

    // Same records again: nothing is written.
    let outcomes = write_all(Format::Sqlite, Some(&db), &input);
    assert!(
        outcomes.iter().all(|o| *o == WriteOutcome::Unchanged),
        "{outcomes:?}"
    );
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "records"), 6);
    let marked: i64 = conn
        .query_row(
            "SELECT count(*) FROM records WHERE exported_at = 'first-run'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marked, 6);
    drop(conn);

    // One record changed: exactly one update, and its attachments are replaced.
    let mut changed = input.clone();
    changed[4].title = Some("我校召开第三届教职工代表大会（更正）".to_owned());
    changed[4].attachments = vec![Attachment {
        name: Some("会议议程.pdf".to_owned()),
        url: "http://www.example.edu.cn/uploads/agenda.pdf".to_owned(),
    }];
    changed[4].images.clear();
    let outcomes = write_all(Format::Sqlite, Some(&db), &changed);
    let updated: Vec<usize> = (0..6)
        .filter(|&i| outcomes[i] == WriteOutcome::Updated)
        .collect();
    assert_eq!(updated, [4]);
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == WriteOutcome::Unchanged)
            .count(),
        5
    );
    let conn = Connection::open(&db).unwrap();
    let rows: Vec<(i64, Option<String>, String)> = conn
        .prepare(
            "SELECT position, name, url FROM attachments WHERE record_id = ?1 ORDER BY position",
        )
        .unwrap()
        .query_map([&changed[4].id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        rows,
        [(
            0,
            Some("会议议程.pdf".to_owned()),
            "http://www.example.edu.cn/uploads/agenda.pdf".to_owned()
        )]
    );
    let old_attachments = input[4].attachments.len() as i64;
    let old_images = input[4].images.len() as i64;
    assert_eq!(
        count(&conn, "attachments"),
        attachments - old_attachments + 1
    );
    assert_eq!(count(&conn, "images"), images - old_images);
    let marked: i64 = conn
        .query_row(
            "SELECT count(*) FROM records WHERE exported_at = 'first-run'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marked, 5, "only the changed row gets a new exported_at");
    drop(conn);
    assert_eq!(read_all(&db), changed);
}

#[test]
fn sqlite_round_trips_empty_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sparse.db");
    let sparse = Record {
        id: "稀疏".to_owned(),
        ..Record::default()
    };
    let input = vec![record(3), sparse, record(8)];
    write_all(Format::Sqlite, Some(&db), &input);
    assert_eq!(read_all(&db), input);
}

#[test]
fn sqlite_needs_an_out_path() {
    let err = open_sink(Format::Sqlite, None).err().unwrap();
    assert!(
        err.to_string().contains("--format sqlite needs --out FILE"),
        "{err}"
    );
}

#[test]
fn sqlite_refuses_a_file_that_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("notes.db");
    std::fs::write(&out, "这不是数据库，是一份笔记。\n".repeat(20)).unwrap();
    let err = open_sink(Format::Sqlite, Some(&out)).err().unwrap();
    assert!(matches!(err, Error::Output { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("not a SQLite database") && message.contains("notes.db"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "这不是数据库，是一份笔记。\n".repeat(20)
    );
    assert_eq!(listing(dir.path()), ["notes.db"]);
}

#[test]
fn sqlite_refuses_other_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    write_all(Format::Sqlite, Some(&db), &records(1));
    Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE schema_info SET value = '2' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    let err = open_sink(Format::Sqlite, Some(&db))
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("schema_version 2") && err.contains("new file"),
        "{err}"
    );
    let err = read_records(&db).err().unwrap().to_string();
    assert!(err.contains("schema_version 2"), "{err}");

    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE 文章 (标题 TEXT)")
        .unwrap();
    let err = open_sink(Format::Sqlite, Some(&other))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not a sitelift export"), "{err}");
}

#[test]
fn tee_writes_every_sink_and_reports_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("run.db");
    let jsonl = dir.path().join("run.jsonl");
    let input = records(4);
    write_all(Format::Sqlite, Some(&db), &input[..2]);
    let mut tee: Box<dyn Sink> = Box::new(Tee(vec![
        open_sink(Format::Sqlite, Some(&db)).unwrap(),
        open_sink(Format::Jsonl, Some(&jsonl)).unwrap(),
    ]));
    let outcomes: Vec<_> = input.iter().map(|r| tee.write(r).unwrap()).collect();
    tee.finish().unwrap();
    use WriteOutcome::*;
    assert_eq!(outcomes, [Unchanged, Unchanged, Inserted, Inserted]);
    assert_eq!(read_all(&db), input);
    assert_eq!(read_all(&jsonl), input);
}

#[test]
fn read_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("bad.jsonl");
    let good = serde_json::to_string(&record(1)).unwrap();
    std::fs::write(
        &jsonl,
        format!("{good}\n\n{{\"id\": \"半条记录\"\n{good}\n"),
    )
    .unwrap();
    let results: Vec<_> = read_records(&jsonl).unwrap().collect();
    assert_eq!(results.len(), 2, "the iterator stops after an error");
    assert_eq!(results[0].as_ref().unwrap(), &record(1));
    let err = results[1].as_ref().unwrap_err().to_string();
    assert!(err.contains("bad.jsonl") && err.contains("line 3"), "{err}");

    let json = dir.path().join("bad.json");
    let pretty = serde_json::to_string_pretty(&record(2)).unwrap();
    std::fs::write(&json, format!("[\n{pretty},\n{{\"id\": 5}}\n]\n")).unwrap();
    let results: Vec<_> = read_records(&json).unwrap().collect();
    assert_eq!(results.len(), 2);
    let err = results[1].as_ref().unwrap_err().to_string();
    let line = pretty.lines().count() + 2;
    assert!(
        err.contains("bad.json") && err.contains(&format!("record 2 (line {line})")),
        "{err}"
    );

    let truncated = dir.path().join("truncated.json");
    std::fs::write(
        &truncated,
        format!("[{pretty},{}", &pretty[..pretty.len() / 2]),
    )
    .unwrap();
    let results: Vec<_> = read_records(&truncated).unwrap().collect();
    assert!(results[0].is_ok() && results[1].is_err() && results.len() == 2);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "不是导出文件").unwrap();
    let err = read_records(&text).err().unwrap().to_string();
    assert!(
        err.contains("notes.txt") && err.contains("not a sitelift export"),
        "{err}"
    );
}

#[test]
fn json_reader_accepts_compact_arrays_with_tricky_strings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("compact.json");
    let mut tricky = record(1);
    tricky.title = Some("括号 ] } [ { 和引号 \" 以及 \\\" 结尾\\".to_owned());
    let input = vec![tricky, record(2)];
    std::fs::write(
        &path,
        format!("\u{feff}  {}", serde_json::to_string(&input).unwrap()),
    )
    .unwrap();
    assert_eq!(read_all(&path), input);
}

/// A writer that behaves like stdout after `sitelift … | head` has exited.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_closed_stdout_is_a_recognizable_stop() {
    let mut sink = jsonl::JsonlSink::from_output(Output::stream(Box::new(ClosedPipe)));
    let big = Record {
        body_text: Some("长".repeat(100_000)),
        ..record(1)
    };
    let err = sink.write(&big).unwrap_err();
    assert!(is_broken_pipe(&err), "{err:?}");

    // Buffered records that only fail at the final flush: finish treats the closed pipe as done.
    let mut sink = Box::new(json::JsonSink::from_output(Output::stream(Box::new(
        ClosedPipe,
    ))));
    sink.write(&record(1)).unwrap();
    sink.finish().unwrap();

    let other = Error::Output {
        path: PathBuf::from("out.jsonl"),
        message: "disk full".into(),
    };
    assert!(!is_broken_pipe(&other));
}

#[test]
fn json_to_a_stream_writes_the_same_bytes() {
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let buffer = Shared::default();
    let mut sink: Box<dyn Sink> = Box::new(json::JsonSink::from_output(Output::stream(Box::new(
        buffer.clone(),
    ))));
    let input = records(2);
    for r in &input {
        sink.write(r).unwrap();
    }
    sink.finish().unwrap();
    let written = String::from_utf8(buffer.0.borrow().clone()).unwrap();
    assert_eq!(
        written,
        serde_json::to_string_pretty(&input).unwrap() + "\n"
    );
}

/// 50,000 records in one transaction. Not a timed test (see benches/); run with
/// `cargo test --release export::tests::sqlite_many -- --ignored` to see it finish in seconds.
#[test]
#[ignore]
fn sqlite_many_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    let start = std::time::Instant::now();
    let input = records(50_000);
    write_all(Format::Sqlite, Some(&db), &input);
    let first = start.elapsed();
    let outcomes = write_all(Format::Sqlite, Some(&db), &input);
    assert!(outcomes.iter().all(|o| *o == WriteOutcome::Unchanged));
    let second = start.elapsed() - first;
    let read = read_all(&db);
    assert_eq!(read.len(), 50_000);
    eprintln!(
        "insert {first:?}, unchanged re-run {second:?}, read {:?}",
        start.elapsed() - first - second
    );
}
