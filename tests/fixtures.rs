//! Every article fixture under fixtures/cases has an expected record next to it; the real binary must produce
//! it field by field. Pages marked `_skipped` must produce no record; `_mapping` cases run with that mapping.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use support::{field_differences, read_json, records, root, sitelift};

const BASE: &str = "http://www.kx-demo.org.cn/cases/";

struct Case {
    name: String,
    expected: Value,
}

fn cases() -> Vec<Case> {
    let dir = root().join("fixtures/cases");
    let mut out: Vec<Case> = std::fs::read_dir(&dir)
        .expect("fixtures/cases exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let case = name.strip_suffix(".expected.json")?.to_string();
            Some(Case {
                expected: read_json(&e.path()),
                name: case,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Run the binary on the given inputs and index the records by file name.
fn run(inputs: &[String], mapping: Option<&str>) -> BTreeMap<String, Value> {
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
    cmd.args(inputs);
    let out = cmd.output().expect("run sitelift");
    assert!(
        out.status.code() == Some(0),
        "sitelift failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    records(&out.stdout)
        .into_iter()
        .map(|r| {
            let path = r["source_path"].as_str().unwrap_or_default().to_string();
            let name = path.rsplit('/').next().unwrap_or_default().to_string();
            (name, r)
        })
        .collect()
}

#[test]
fn every_fixture_matches_its_expected_record() {
    let cases = cases();
    assert!(
        cases.len() >= 15,
        "expected at least 15 fixture cases, found {}",
        cases.len()
    );
    let generic = run(&["fixtures/cases".to_string()], None);
    let mut failures = Vec::new();
    for case in &cases {
        let file = format!("{}.html", case.name);
        let mapped;
        let records = match case.expected.get("_mapping").and_then(Value::as_str) {
            Some(mapping) => {
                mapped = run(&[format!("fixtures/cases/{file}")], Some(mapping));
                &mapped
            }
            None => &generic,
        };
        let actual = records.get(&file);
        if case.expected.get("_skipped").and_then(Value::as_bool) == Some(true) {
            if actual.is_some() {
                failures.push(format!("{file}: must be skipped but produced a record"));
            }
            continue;
        }
        let Some(actual) = actual else {
            failures.push(format!("{file}: no record produced"));
            continue;
        };
        let diffs = field_differences(&case.expected, actual);
        if !diffs.is_empty() {
            failures.push(format!("{file}:\n{}", diffs.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn demo_site_yields_expected_records_and_skips() {
    check_demo_site(&[]);
}

/// The site's mapping must give the same records (and URLs without the mirror's host folder repeated).
#[test]
fn demo_site_with_its_mapping_yields_the_same_records() {
    check_demo_site(&["--mapping", "mappings/demo-kx.toml"]);
}

fn check_demo_site(extra: &[&str]) {
    let site = root().join("fixtures/demo-site");
    let out = sitelift()
        .args(["extract", "--quiet", "--format", "jsonl"])
        .args(extra)
        .arg("fixtures/demo-site")
        .output()
        .expect("run sitelift");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: BTreeMap<String, Value> = records(&out.stdout)
        .into_iter()
        .map(|r| (r["source_path"].as_str().unwrap_or_default().to_string(), r))
        .collect();
    let expected_text = std::fs::read_to_string(root().join("fixtures/demo-site.expected.jsonl"))
        .expect("expected jsonl");
    let mut failures = Vec::new();
    let mut expected_paths = Vec::new();
    for line in expected_text.lines().filter(|l| !l.trim().is_empty()) {
        let want: Value = serde_json::from_str(line).expect("expected line is JSON");
        let path = want["source_path"]
            .as_str()
            .expect("source_path")
            .to_string();
        expected_paths.push(path.clone());
        match got.get(&path) {
            Some(actual) => {
                let diffs = field_differences(&want, actual);
                if !diffs.is_empty() {
                    failures.push(format!("{path}:\n{}", diffs.join("\n")));
                }
            }
            None => failures.push(format!("{path}: no record produced")),
        }
    }
    let skipped = std::fs::read_to_string(root().join("fixtures/demo-site.skipped.txt"))
        .expect("skipped list");
    for path in skipped
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        assert!(
            site.join(path).exists() || PathBuf::from(path).exists(),
            "listed page {path} does not exist"
        );
        if got.contains_key(path) {
            failures.push(format!("{path}: must produce no record"));
        }
    }
    for path in got.keys() {
        if !expected_paths.contains(path) {
            failures.push(format!("{path}: unexpected record"));
        }
    }
    assert!(
        failures.is_empty(),
        "demo site differs:\n{}",
        failures.join("\n\n")
    );
}
