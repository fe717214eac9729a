//! `sitelift run PATH`: a mirror on disk goes through the job store like a crawl. The real binary on the demo
//! site: the same records as `extract`, the job's accounting in `status`, re-runs that import only what changed
//! (an edited page, an edited later part of a two-part article), `--limit`, `--fresh`, and unreadable files.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;
use serde_json::Value;
use support::{records, root, sitelift};

const DEMO: &str = "fixtures/demo-site";
const HOST: &str = "www.demo-kx.org.cn";
/// Page files in the demo site, and the articles among them.
const DEMO_PAGES: u64 = 16;
const DEMO_RECORDS: usize = 10;

/// Copy a folder tree (a fixture site we are going to modify).
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `sitelift run ARGS --out OUT INPUTS`; returns (exit code, stderr).
fn run(out: &Path, args: &[&str], inputs: &[&Path]) -> (i32, String) {
    let o = sitelift()
        .arg("run")
        .args(args)
        .arg("--out")
        .arg(out)
        .args(inputs)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn status(job: &Path) -> Value {
    let o = sitelift()
        .args(["status", "--json", "--job"])
        .arg(job)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Records by id, from JSON Lines.
fn by_id(jsonl: &[u8]) -> BTreeMap<String, Value> {
    records(jsonl)
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect()
}

fn exported(out: &Path) -> BTreeMap<String, Value> {
    by_id(&std::fs::read(out.join("records.jsonl")).unwrap())
}

fn extracted(inputs: &[&Path]) -> BTreeMap<String, Value> {
    let o = sitelift().arg("extract").args(inputs).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    by_id(&o.stdout)
}

/// Id → body text of the records in DIR/records.sqlite.
fn sqlite_bodies(out: &Path) -> BTreeMap<String, String> {
    let conn = Connection::open(out.join("records.sqlite")).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, coalesce(body_text, '') FROM records")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn replace_in(path: &Path, from: &[u8], to: &[u8]) {
    let bytes = std::fs::read(path).unwrap();
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} lacks the text to edit", path.display()));
    let mut edited = bytes[..at].to_vec();
    edited.extend_from_slice(to);
    edited.extend_from_slice(&bytes[at + from.len()..]);
    std::fs::write(path, edited).unwrap();
}

#[test]
fn a_mirror_run_fills_a_job_and_exports_what_extract_gives() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let site = root().join(DEMO);
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("10 records (10 new, 0 updated, 0 unchanged), 6 skipped, 0 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("16 files read: 16 new, 0 changed, 0 unchanged"),
        "{stderr}"
    );

    // The exports hold exactly the records `extract` gives, field for field.
    let got = exported(&out);
    assert_eq!(got.len(), DEMO_RECORDS);
    assert_eq!(got, extracted(&[&site]));
    assert_eq!(sqlite_bodies(&out).len(), DEMO_RECORDS);
    let merged = got
        .values()
        .find(|r| r["url"].as_str().unwrap().ends_with("t20180315_2345.html"))
        .unwrap();
    assert!(
        merged["body_text"]
            .as_str()
            .unwrap()
            .contains("加强自身建设"),
        "the second part is merged: {merged}"
    );

    // The job lives in the output folder and accounts for every page.
    assert!(out.join("job.sqlite").is_file());
    let s = status(&out);
    assert_eq!(s["pages"]["fetched"], DEMO_PAGES);
    assert_eq!(s["pages"]["queued"], 0);
    assert_eq!(s["pages"]["failed"], 0);
    assert_eq!(s["outcomes"]["extracted"], DEMO_RECORDS as u64);
    assert_eq!(s["outcomes"]["skipped"], DEMO_PAGES - DEMO_RECORDS as u64);
    assert_eq!(s["records"], DEMO_RECORDS as u64);
    assert_eq!(s["fill_rates"]["title"], 1.0);
    let reasons = s["outcome_reasons"].as_object().unwrap();
    for (reason, n) in [
        ("login page", 1),
        ("continuation page", 1),
        ("list page", 3),
        ("no article body found", 1),
    ] {
        assert_eq!(reasons[reason]["count"], n, "{reason}: {reasons:?}");
    }
    let example = &reasons["continuation page"]["pages"][0];
    assert_eq!(
        example[0],
        format!("http://{HOST}/xwzx/201803/t20180315_2345_1.html")
    );

    // `--job` puts the job elsewhere.
    let out2 = dir.path().join("out2");
    let job = dir.path().join("job");
    let o = sitelift()
        .args(["run", "--quiet", "--job"])
        .arg(&job)
        .arg("--out")
        .arg(&out2)
        .arg(&site)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(job.join("job.sqlite").is_file());
    assert!(!out2.join("job.sqlite").exists());
    assert_eq!(exported(&out2), got);
}

#[test]
fn a_rerun_imports_only_what_changed_and_updates_exactly_that_record() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&root().join(DEMO), &site);
    let out = dir.path().join("out");
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    let first = sqlite_bodies(&out);
    let fetched_at = |out: &Path| -> Vec<(String, String)> {
        let conn = Connection::open(out.join("job.sqlite")).unwrap();
        let mut stmt = conn
            .prepare("SELECT url, fetched_at FROM pages ORDER BY url")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let stored = fetched_at(&out);

    // The same folder again: nothing imported, nothing extracted, every record unchanged.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("16 files read: 0 new, 0 changed, 16 unchanged (not imported again)"),
        "{stderr}"
    );
    assert!(stderr.contains("; 0 pages extracted"), "{stderr}");
    assert!(
        stderr.contains("10 records (0 new, 0 updated, 10 unchanged)"),
        "{stderr}"
    );
    assert_eq!(fetched_at(&out), stored, "no page was stored again");
    assert_eq!(sqlite_bodies(&out), first);

    // One page edited: that file is imported again and exactly its record is updated.
    let page = site.join(HOST).join("tzgg/202101/t20210118_4012.html");
    replace_in(
        &page,
        "特此通知。".as_bytes(),
        "特此通知，请相互转告。".as_bytes(),
    );
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("0 new, 1 changed, 15 unchanged"),
        "{stderr}"
    );
    assert!(
        stderr.contains("10 records (0 new, 1 updated, 9 unchanged)"),
        "{stderr}"
    );
    let second = sqlite_bodies(&out);
    let changed: Vec<&String> = first
        .keys()
        .filter(|id| first[*id] != second[*id])
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(second[changed[0]].contains("请相互转告"));

    // The second part of a two-part article edited (GBK bytes): the merged record follows.
    let part = site.join(HOST).join("xwzx/201803/t20180315_2345_1.html");
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    replace_in(&part, &gbk("工作站15家"), &gbk("工作站16家"));
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("0 new, 1 changed, 15 unchanged"),
        "{stderr}"
    );
    assert!(
        stderr.contains("10 records (0 new, 1 updated, 9 unchanged)"),
        "{stderr}"
    );
    let third = sqlite_bodies(&out);
    let changed: Vec<&String> = second
        .keys()
        .filter(|id| second[*id] != third[*id])
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(third[changed[0]].contains("工作站16家"));
    let head = &exported(&out)[changed[0]];
    assert!(
        head["url"]
            .as_str()
            .unwrap()
            .ends_with("/t20180315_2345.html"),
        "{head}"
    );
    let s = status(&out);
    assert_eq!(s["pages"]["fetched"], DEMO_PAGES);
    assert_eq!(s["records"], DEMO_RECORDS as u64);
}

#[test]
fn limit_stops_extraction_and_the_next_run_finishes_it_and_fresh_starts_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let site = root().join(DEMO);
    let (code, stderr) = run(&out, &["--limit", "3"], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("--limit 3 reached"), "{stderr}");
    assert_eq!(exported(&out).len(), 3);
    let s = status(&out);
    assert_eq!(s["records"], 3);
    assert_eq!(s["pages"]["fetched"], DEMO_PAGES);
    assert!(s["outcomes"]["not_extracted"].as_u64().unwrap() > 0, "{s}");

    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("0 new, 0 changed, 16 unchanged"),
        "{stderr}"
    );
    // The first run extracted 3 pages: too few siblings for a template, so no site model. With every page
    // extracted, the model takes about.html's headline from its template's place: the same text, its provenance
    // now `site-model:t1 title`, so that record is updated.
    assert!(
        stderr.contains("10 records (7 new, 1 updated, 2 unchanged)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("title (generic 9, site-model 1)"),
        "{stderr}"
    );
    assert_eq!(exported(&out), extracted(&[&site]));
    assert!(status(&out)["outcomes"].get("not_extracted").is_none());

    let (code, stderr) = run(&out, &["--fresh"], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("16 new, 0 changed, 0 unchanged"),
        "{stderr}"
    );
    assert_eq!(status(&out)["records"], DEMO_RECORDS as u64);
}

#[test]
fn pages_without_a_public_url_and_single_files_give_the_records_extract_gives() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that is not a `host/` mirror: pages are keyed by their file: URL and have no URL of their own.
    let site = root().join(DEMO).join(HOST);
    let out = dir.path().join("folder");
    let (code, stderr) = run(&out, &[], &[&site]);
    assert_eq!(code, 0, "{stderr}");
    let got = exported(&out);
    assert_eq!(got.len(), DEMO_RECORDS);
    assert_eq!(got, extracted(&[&site]));
    assert!(got.values().all(|r| r["url"].is_null()));
    let s = status(&out);
    let example = s["outcome_reasons"]["continuation page"]["pages"][0][0]
        .as_str()
        .unwrap();
    assert!(
        example.starts_with("file:///") && example.ends_with("t20180315_2345_1.html"),
        "{example}"
    );

    // A first part given alone: its second part is read from disk beside it, as `extract` does.
    let head = site.join("xwzx/201803/t20180315_2345.html");
    let out = dir.path().join("single");
    let (code, stderr) = run(&out, &[], &[&head]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(exported(&out), extracted(&[&head]));
    assert!(!stderr.contains("not available"), "{stderr}");
}

#[test]
fn a_file_over_the_size_limit_is_a_failed_page_of_the_job() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&root().join(DEMO), &site);
    let big = site.join(HOST).join("xwzx/big.html");
    let filler = "<p>大</p>".repeat(200_000);
    std::fs::write(&big, format!("<html><body>{filler}</body></html>")).unwrap();
    let out = dir.path().join("out");
    let (code, stderr) = run(&out, &["--max-page-size", "1"], &[&site]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("page too large"), "{stderr}");
    assert_eq!(exported(&out).len(), DEMO_RECORDS);
    let s = status(&out);
    assert_eq!(s["pages"]["failed"], 1);
    assert_eq!(s["pages"]["fetched"], DEMO_PAGES);
    assert_eq!(
        s["failures"]["page too large"]["pages"][0][0],
        format!("http://{HOST}/xwzx/big.html")
    );
}
