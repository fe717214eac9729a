//! `sitelift report`: the JSON figures agree with the records they summarize (from an export and from a crawl
//! job, which also knows skipped and failed pages and unmigrated links), and the HTML page is self-contained
//! and keeps record text out of its markup. The page in a real browser is tests/report_browser.rs.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};
use support::handover_site;
use support::server::Server;
use support::{records, sitelift};

fn report_json(args: &[&str], source: &Path, html: Option<&Path>) -> Value {
    let mut cmd = sitelift();
    cmd.arg("report").args(args).arg(source);
    if let Some(h) = html {
        cmd.arg("--html").arg(h);
    }
    let o = cmd.args(["--format", "json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn figures_of_an_export_match_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("demo.sqlite");
    let o = sitelift()
        .args([
            "extract",
            "--quiet",
            "fixtures/demo-site",
            "--mapping",
            "mappings/demo-kx.toml",
            "--out",
        ])
        .arg(&export)
        .output()
        .unwrap();
    assert!(o.status.success());
    let jsonl = sitelift()
        .args([
            "extract",
            "--quiet",
            "fixtures/demo-site",
            "--mapping",
            "mappings/demo-kx.toml",
        ])
        .output()
        .unwrap();
    let recs = records(&jsonl.stdout);
    let html = dir.path().join("r.html");
    let f = report_json(&["--input"], &export, Some(&html));

    assert_eq!(f["records"], json!(recs.len()));
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    for r in &recs {
        let y = r["published"]
            .as_str()
            .map(|p| p[..4].to_string())
            .unwrap_or("undated".into());
        *years.entry(y).or_default() += 1;
    }
    assert_eq!(f["years"], json!(years));
    let fill = |field: &str| {
        f["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["field"] == json!(field))
            .unwrap()["filled"]
            .clone()
    };
    let count = |pred: &dyn Fn(&Value) -> bool| json!(recs.iter().filter(|r| pred(r)).count());
    assert_eq!(fill("published"), count(&|r| !r["published"].is_null()));
    assert_eq!(
        fill("attachments"),
        count(&|r| !r["attachments"].as_array().unwrap().is_empty())
    );
    assert_eq!(fill("editor"), count(&|r| !r["editor"].is_null()));
    // Top sources: the most frequent one, with its count.
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &recs {
        if let Some(s) = r["source"].as_str() {
            *sources.entry(s).or_default() += 1;
        }
    }
    let (top, n) = sources
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        .unwrap();
    assert_eq!(f["top_sources"][0], json!({"value": top, "count": n}));
    // Categories: the tree's top level counts every record with a category.
    let with_category = recs.iter().filter(|r| r["category"].is_array()).count();
    let top_level: u64 = f["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(top_level as usize, with_category);
    // Encoding audit: every record in exactly one combination; the GBK pages declared gb2312 are no mismatch.
    let combos: u64 = f["encoding"]["combos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(combos as usize, recs.len());
    assert_eq!(f["encoding"]["mismatched"], json!(0));
    // An export knows no skipped pages.
    assert_eq!(f["skipped"], json!([]));

    // The page is self-contained: one script, no external anything, record data only inside JSON elements.
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(
        page.matches("</script>").count(),
        4,
        "three JSON elements (the interface's words, the figures, the rows) and the script"
    );
    for banned in ["<link", " src=\"http", "<iframe", "@import", "url(http"] {
        assert!(!page.contains(banned), "the report contains {banned}");
    }
    assert!(page.contains("Content-Security-Policy") && page.contains("script-src 'sha256-"));
    let data = page
        .split("<script type=\"application/json\" id=\"rows\">")
        .nth(1)
        .unwrap();
    let data = &data[..data.find("</script>").unwrap()];
    assert!(
        !data.contains('<') && !data.contains('>'),
        "record data must carry no raw < or >"
    );
    let rows: Value = serde_json::from_str(data).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), recs.len());
}

#[test]
fn figures_of_a_job_list_skipped_failed_pages_and_links_not_migrated() {
    let server = Server::start(handover_site::handler, 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let o = sitelift()
        .args(handover_site::RUN_FLAGS)
        .arg("--out")
        .arg(&job)
        .arg(server.url("/index.html"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = dir.path().join("job.html");
    let f = report_json(&["--job"], &job, Some(&html));
    assert_eq!(f["records"], json!(5));
    assert_eq!(f["outcomes"]["extracted"], json!(5));
    assert_eq!(f["attachments"], json!({"done": 1, "failed": 1}));
    let group = |list: &str, reason: &str| -> Value {
        f[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["reason"].as_str().unwrap().starts_with(reason))
            .unwrap_or_else(|| panic!("no {list} group {reason}: {}", f[list]))
            .clone()
    };
    let failed = group("failed", "HTTP 404");
    assert_eq!(
        failed["pages"][0]["url"],
        json!(server.url("/xwdt/2019/t20190601_599.html"))
    );
    // The column list and the empty home page are skipped as not articles, each listed with its reason.
    let skipped = group("skipped", "list page");
    assert_eq!(skipped["count"], json!(1), "{}", f["skipped"]);
    assert_eq!(
        skipped["pages"][0]["url"],
        json!(server.url("/xwdt/index.html"))
    );
    group("skipped", "no article");
    group("skipped", "out of scope");
    let links: Vec<&str> = f["unresolved_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["link"].as_str().unwrap())
        .collect();
    let want_list = server.url("/xwdt/index.html");
    let want_404 = server.url("/xwdt/2019/t20190601_599.html");
    assert!(
        links.contains(&want_list.as_str()) && links.contains(&want_404.as_str()),
        "{links:?}"
    );
    // An old URL that redirects to a record, and the downloaded attachment, are not missing pages.
    assert!(
        !links
            .iter()
            .any(|l| l.contains("/old/t1.html") || l.contains("uploadfile/2019/%E5")),
        "{links:?}"
    );
    let why = f["unresolved_links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["link"] == json!(want_404))
        .unwrap()["reason"]
        .clone();
    assert!(why.as_str().unwrap().contains("HTTP 404"), "{why}");
    // The page links the failed page to its original URL.
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(&format!(
        "<a href=\"{want_404}\" target=\"_blank\" rel=\"noopener noreferrer\">"
    )));
}

#[test]
fn report_needs_an_output() {
    let o = sitelift()
        .args(["report", "--input", "fixtures/demo-site.expected.jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("give --html FILE"));
}
