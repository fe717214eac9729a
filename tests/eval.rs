//! `sitelift eval`, run as a binary: the labels table and its misses, trafilatura's benchmark figures, the floors
//! gate and its exit codes. Pages and labels are written by the tests themselves; the corpus tests run only when
//! ../shared/corpus is present (and skip with a message otherwise).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::{contains, is_match};

/// A notice page whose every labelled field the generic extractor gets right.
const PAGE_TREES: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于开展春季植树活动的通知-示例大学</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/xw/">新闻动态</a></div>
<div class="article">
<h1>关于开展春季植树活动的通知</h1>
<div class="info">发布时间：2024-03-08 09:30　来源：后勤处　作者：王小明　责任编辑：李红</div>
<div class="content">
<p>为美化校园环境，学校定于三月十二日组织全体师生开展春季植树活动，请各单位做好准备。</p>
<p>活动地点为校园东区绿地，请参加人员自带劳动工具，按时到达指定地点集合，活动结束后统一清点工具。</p>
<p>附件：<a href="/files/2024/plan.doc">植树活动安排表.doc</a></p>
<p>后勤处 2024年3月8日</p>
</div></div>
<div class="footer">版权所有 示例大学 地址：某市某路1号 邮编：100000</div>
</body></html>
"#;

/// A second notice; its label carries a deliberately wrong title.
const PAGE_LIBRARY: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>图书馆延长开放时间的公告-示例大学</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<div class="article">
<h1>图书馆延长开放时间的公告</h1>
<div class="info">发布时间：2024-05-20　来源：图书馆</div>
<div class="content">
<p>为方便广大读者复习备考，自五月二十日起，图书馆二楼自习区开放时间延长至每晚十一点。</p>
<p>请读者遵守阅览秩序，保持安静，离馆时带好个人物品，共同营造良好的学习环境。</p>
<p>图书馆 2024年5月20日</p>
</div></div>
<div class="footer">版权所有 示例大学 地址：某市某路1号 邮编：100000</div>
</body></html>
"#;

const LABELS: &str = r#"[
  {
    "file": "pages/trees.html",
    "title": "关于开展春季植树活动的通知",
    "published": "2024-03-08T09:30",
    "author": "王小明",
    "editor": "李红",
    "source": "后勤处",
    "body_first": "为美化校园环境，学校定于三月十二日组织全体师生开展春季植树活动",
    "body_last": "后勤处 2024年3月8日",
    "body_absent": ["版权所有 示例大学", "首页 通知公告"],
    "attachments": [
      {"name": "附件：植树活动安排表.doc", "href": "http://www.example.edu.cn/files/2024/plan.doc"}
    ],
    "notes": "Written for this test."
  },
  {
    "file": "pages/library.html",
    "title": "一个完全不同的标题",
    "published": "2024-05-20",
    "author": null,
    "editor": null,
    "source": "图书馆",
    "body_first": "为方便广大读者复习备考",
    "body_last": "共同营造良好的学习环境。",
    "body_absent": ["邮编：100000"],
    "attachments": [],
    "notes": "Written for this test: the title is wrong on purpose."
  }
]"#;

/// The labels file and its two pages in a fresh folder.
fn labelled_set() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("pages")).unwrap();
    fs::write(dir.path().join("pages/trees.html"), PAGE_TREES).unwrap();
    fs::write(dir.path().join("pages/library.html"), PAGE_LIBRARY).unwrap();
    let labels = dir.path().join("labels.json");
    fs::write(&labels, LABELS).unwrap();
    (dir, labels)
}

fn write_floors(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("floors.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn labels_table_shows_the_wrong_title_and_lists_the_miss() {
    let (dir, labels) = labelled_set();
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--no-floors")
        .assert()
        .success()
        .stdout(is_match(r"(?m)^title\s+1\s+2\s+50\.0$").unwrap())
        .stdout(is_match(r"(?m)^published\s+2\s+2\s+100\.0$").unwrap())
        .stdout(is_match(r"(?m)^time\s+1\s+1\s+100\.0$").unwrap())
        .stdout(is_match(r"(?m)^body\s+2\s+2\s+100\.0$").unwrap())
        .stdout(is_match(r"(?m)^attachments_recall\s+1\s+1\s+100\.0$").unwrap())
        .stdout(contains(
            "pages/library.html  title: expected «一个完全不同的标题», extracted «图书馆延长开放时间的公告»",
        ));
    drop(dir);
}

#[test]
fn a_score_below_its_floor_exits_1_and_names_the_field() {
    let (dir, labels) = labelled_set();
    let floors = write_floors(dir.path(), "[labels]\ntitle = 100\nbody = 100\n");
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--floors")
        .arg(&floors)
        .assert()
        .code(1)
        .stderr(contains("title 50.0% is below its floor of 100%"))
        .stderr(contains("below floor").count(1));
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--no-floors")
        .assert()
        .code(0);
}

#[test]
fn files_filter_and_json_output() {
    let (dir, labels) = labelled_set();
    let out = dir.path().join("eval.json");
    let floors = write_floors(dir.path(), "[labels]\ntitle = 100\n");
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .args(["--files", "trees"])
        .arg("--floors")
        .arg(&floors)
        .arg("--json")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("1 page(s)"));
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["kind"], "labels");
    assert_eq!(json["report"]["pages"], 1);
    assert_eq!(json["report"]["scores"][0]["name"], "title");
    assert_eq!(json["report"]["scores"][0]["right"], 1);
    assert_eq!(json["breaches"], serde_json::json!([]));
}

#[test]
fn files_takes_several_substrings() {
    let (dir, labels) = labelled_set();
    let out = dir.path().join("eval.json");
    // Comma-separated: a page is kept when its file name contains any of them.
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .args(["--files", "trees.html,library.html", "--no-floors"])
        .arg("--json")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("2 page(s)"));
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        json["files"],
        serde_json::json!(["trees.html", "library.html"])
    );
    // Repeated flag, one substring matching nothing: the other still selects its page.
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .args([
            "--files",
            "library",
            "--files",
            "no-such-page",
            "--no-floors",
        ])
        .assert()
        .success()
        .stdout(contains("1 page(s)"));
    // None matching: an input error naming every substring.
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .args(["--files", "nope,nada", "--no-floors"])
        .assert()
        .code(2)
        .stderr(contains(r#"any of "nope", "nada""#));
}

#[test]
fn mapping_is_applied_and_subset_runs_are_not_gated_by_default() {
    let (dir, labels) = labelled_set();
    let mapping = dir.path().join("site.toml");
    fs::write(
        &mapping,
        "[site]\nname = \"test\"\n\n[selectors]\ntitle = \".footer\"\n",
    )
    .unwrap();
    // Labels elsewhere, pages found through --pages.
    let elsewhere = tempfile::tempdir().unwrap();
    let moved_labels = elsewhere.path().join("labels.json");
    fs::copy(&labels, &moved_labels).unwrap();
    cargo_bin_cmd!("sitelift")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("eval")
        .arg("--labels")
        .arg(&moved_labels)
        .arg("--pages")
        .arg(dir.path())
        .arg("--mapping")
        .arg(&mapping)
        .assert()
        .success()
        .stdout(is_match(r"(?m)^title\s+0\s+2\s+0\.0$").unwrap())
        .stdout(contains("extracted «版权所有 示例大学"))
        .stderr(contains("floors are not applied"));
}

#[test]
fn unreadable_inputs_exit_2() {
    let (dir, labels) = labelled_set();
    fs::remove_file(dir.path().join("pages/library.html")).unwrap();
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--no-floors")
        .assert()
        .code(2)
        .stderr(contains("library.html"));
    let floors = write_floors(dir.path(), "[labels]\ntitel = 90\n");
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--floors")
        .arg(&floors)
        .assert()
        .code(2)
        .stderr(contains("titel"));
    cargo_bin_cmd!("sitelift")
        .args(["eval", "--labels", "a.json", "--trafilatura", "b.json"])
        .assert()
        .code(2);
}

/// A German article in ISO-8859-1 (declared in a meta tag), as many benchmark pages are: the pipeline decodes it.
const PAGE_BENCH: &str = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Stadtbibliothek Musterstadt</title></head><body>
<div class="nav"><a href="/">Startseite</a> <a href="/kontakt">Kontakt</a></div>
<div class="article"><h1>Die Stadtbibliothek verlängert ihre Öffnungszeiten</h1>
<p>Ab dem ersten Juni öffnet die Stadtbibliothek werktags bereits um acht Uhr morgens und schließt erst um zwanzig Uhr am Abend.</p>
<p>Für Schülerinnen und Schüler gibt es während der Prüfungszeit zusätzliche Lernplätze im zweiten Stock des Gebäudes.</p>
<p>Die Leiterin, Frau Müller, freut sich über die große Nachfrage nach den neuen Angeboten der Bibliothek.</p>
</div>
<div class="footer">© Stadtbibliothek Musterstadt</div></body></html>
"#;

/// TP 3 (one spanning two paragraphs with other whitespace), FN 1, FP 2, TN 1.
const EVALDATA: &str = r#"{
  "https://www.example.de/bibliothek/oeffnungszeiten": {
    "file": "bibliothek.html",
    "title": "Die Stadtbibliothek verlängert ihre Öffnungszeiten",
    "with": [
      "bereits um acht Uhr morgens",
      "im zweiten Stock des Gebäudes.\n    Die Leiterin, Frau Müller",
      "freut sich über die große Nachfrage",
      "Dieser Satz steht nirgends"
    ],
    "without": ["zusätzliche Lernplätze", "Ab dem ersten Juni", "Newsletter abonnieren"]
  }
}"#;

#[test]
fn trafilatura_benchmark_figures() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("cache")).unwrap();
    assert!(PAGE_BENCH.chars().all(|c| (c as u32) < 256));
    let latin1: Vec<u8> = PAGE_BENCH.chars().map(|c| c as u32 as u8).collect();
    fs::write(dir.path().join("cache/bibliothek.html"), latin1).unwrap();
    let evaldata = dir.path().join("evaldata.json");
    fs::write(&evaldata, EVALDATA).unwrap();
    let floors = write_floors(dir.path(), "[trafilatura]\nf1 = 0.9\n");
    // precision 3/5, recall 3/4, F1 6/9, accuracy 4/7
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--trafilatura")
        .arg(&evaldata)
        .arg("--floors")
        .arg(&floors)
        .assert()
        .code(1)
        .stdout(contains("TP 3  FN 1  FP 2  TN 1"))
        .stdout(contains(
            "precision 0.600   recall 0.750   F1 0.667   accuracy 0.571",
        ))
        .stdout(contains("with: expected «Dieser Satz steht nirgends»"))
        .stderr(contains("f1 0.667 is below its floor of 0.9"));
}

/// ../shared/corpus beside the crate, when present.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the corpus tests need the shared corpus)",
            dir.display()
        );
        None
    }
}

fn repo_floors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/floors.toml")
}

#[test]
fn corpus_labels_meet_the_floors() {
    let Some(corpus) = corpus() else { return };
    let labels = corpus.join("labels.json");
    if !labels.is_file() {
        eprintln!("skipped: {} is absent", labels.display());
        return;
    }
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--labels")
        .arg(&labels)
        .arg("--floors")
        .arg(repo_floors())
        .assert()
        .success();
}

/// 990 pages take about half a minute in a debug build on two busy cores, so this runs only when
/// SITELIFT_EVAL_BENCHMARK is set; `.ci/run` applies the same gate with a release build.
#[test]
fn corpus_trafilatura_benchmark_meets_the_floor() {
    if std::env::var_os("SITELIFT_EVAL_BENCHMARK").is_none() {
        eprintln!(
            "skipped: set SITELIFT_EVAL_BENCHMARK=1 to run trafilatura's benchmark in a debug build (.ci/run gates it in release)"
        );
        return;
    }
    let Some(corpus) = corpus() else { return };
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--trafilatura")
        .arg(corpus.join("trafilatura-eval/evaldata.json"))
        .arg("--floors")
        .arg(repo_floors())
        .args(["--misses", "0"])
        .assert()
        .success();
}

/// A column page: dated links to other pages under a pager — a list, not an article.
const PAGE_LIST: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>通知公告-示例大学</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<ul class="list">
<li><span>2024-05-20</span><a href="/tzgg/1.html">图书馆延长开放时间的公告</a></li>
<li><span>2024-03-08</span><a href="/tzgg/2.html">关于开展春季植树活动的通知</a></li>
<li><span>2024-02-26</span><a href="/tzgg/3.html">关于新学期教材发放的通知</a></li>
<li><span>2024-01-10</span><a href="/tzgg/4.html">寒假期间校园安全工作提示</a></li>
<li><span>2023-12-28</span><a href="/tzgg/5.html">元旦假期值班安排的通知</a></li>
<li><span>2023-12-01</span><a href="/tzgg/6.html">关于开展冬季长跑活动的通知</a></li>
</ul>
<div class="pages">共 36 条 页码 1/6 下一页 尾页</div>
<div class="footer">版权所有 示例大学</div>
</body></html>
"#;

/// A dev set in a fresh folder: three pages drawn into a tune part (the tree-planting notice and the list) and a
/// check part (the library notice, labelled with a wrong title), with its manifest, split, labels and kinds.
fn devset() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("corpus/site");
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("trees.html"), PAGE_TREES).unwrap();
    fs::write(site.join("library.html"), PAGE_LIBRARY).unwrap();
    fs::write(site.join("list.html"), PAGE_LIST).unwrap();
    let set = dir.path().join("devset");
    fs::create_dir(&set).unwrap();
    fs::write(
        set.join("draw.json"),
        r#"{"seed": 7, "pages": [
            {"file": "site/trees.html", "part": "tune"},
            {"file": "site/list.html", "part": "tune"},
            {"file": "site/library.html", "part": "check"}]}"#,
    )
    .unwrap();
    fs::write(
        set.join("labels.json"),
        LABELS.replace("pages/", "site/").replace(
            "http://www.example.edu.cn/files/2024/plan.doc",
            "/files/2024/plan.doc",
        ),
    )
    .unwrap();
    fs::write(
        set.join("kinds.json"),
        r#"{"site/trees.html": {"kind": "article"}, "site/library.html": {"kind": "article"},
            "site/list.html": {"kind": "non-article", "reason": "column list with a pager"}}"#,
    )
    .unwrap();
    let manifest = set.join("devset.toml");
    fs::write(
        &manifest,
        "pages = \"../corpus\"\nsplit = \"draw.json\"\n[[set]]\nname = \"test set\"\nlabels = \"labels.json\"\nkinds = \"kinds.json\"\n",
    )
    .unwrap();
    (dir, manifest)
}

#[test]
fn devset_scores_tune_and_check_side_by_side_and_lists_tune_misses_only() {
    let (dir, manifest) = devset();
    let out = cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--devset")
        .arg(&manifest)
        .arg("--no-floors")
        .assert()
        .success()
        .stdout(contains("tune (2 pages)"))
        .stdout(contains("check (1 pages)"))
        .stdout(is_match(r"title\s+100\.0%\s+1/1\s+0\.0%\s+0/1").unwrap())
        .stdout(is_match(r"non-articles exported\s+0 of 1\s+0 of 0").unwrap())
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        !text.contains("一个完全不同的标题"),
        "a check-part miss is not listed by default: {text}"
    );
    // Asked for by name, the check part lists its misses; its floor is gated.
    let floors = write_floors(dir.path(), "[devset.check]\ntitle = 100\n");
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--devset")
        .arg(&manifest)
        .args(["--part", "check", "--floors"])
        .arg(&floors)
        .assert()
        .code(1)
        .stdout(contains("一个完全不同的标题"))
        .stderr(contains("check title 0.0% is below its floor of 100%"));
}

#[test]
fn a_dropped_article_costs_every_field_and_is_listed_with_its_reason() {
    let (dir, manifest) = devset();
    // Label the list page as an article: the default run skips it, so it is dropped.
    let kinds = manifest.parent().unwrap().join("kinds.json");
    fs::write(
        &kinds,
        r#"{"site/trees.html": {"kind": "article"}, "site/library.html": {"kind": "article"},
            "site/list.html": {"kind": "article"}}"#,
    )
    .unwrap();
    let labels = manifest.parent().unwrap().join("labels.json");
    let mut all: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(&labels).unwrap()).unwrap();
    all.push(serde_json::json!({
        "file": "site/list.html", "title": null, "published": null, "author": null, "editor": null,
        "source": null, "body_first": null, "body_last": null, "body_absent": [], "attachments": []
    }));
    fs::write(&labels, serde_json::to_string(&all).unwrap()).unwrap();
    cargo_bin_cmd!("sitelift")
        .arg("eval")
        .arg("--devset")
        .arg(&manifest)
        .args(["--part", "tune", "--no-floors"])
        .assert()
        .success()
        // The null title of the dropped page is wrong too: its record is missing.
        .stdout(is_match(r"title\s+50\.0%\s+1/2").unwrap())
        .stdout(contains(
            "article dropped  site/list.html  (skipped: list page",
        ));
    drop(dir);
}

/// Issue 9 §4 (a crawl measured as a folder run): `--records` scores the dev pages from exported records — a
/// job's records.jsonl — instead of extracting them, matched by the file name that ends each record's URL or
/// source path. The figures are those of the run that wrote the records; a dev page of the records' folder
/// without a record counts as not exported.
#[test]
fn devset_scores_exported_records_as_the_run_that_wrote_them() {
    let (dir, manifest) = devset();
    let table = |args: &[&str]| {
        let out = cargo_bin_cmd!("sitelift")
            .arg("eval")
            .arg("--devset")
            .arg(&manifest)
            .arg("--no-floors")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8_lossy(&out).into_owned();
        let figures: Vec<String> = text
            .lines()
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        (figures, text)
    };
    let records = dir.path().join("records.jsonl");
    cargo_bin_cmd!("sitelift")
        .arg("extract")
        .arg(dir.path().join("corpus/site"))
        .arg("--out")
        .arg(&records)
        .assert()
        .success();
    let (extracted, _) = table(&[]);
    let (read, _) = table(&["--records", records.to_str().unwrap()]);
    assert!(extracted.len() > 5, "{extracted:?}");
    assert_eq!(read, extracted);
    // Without the tree-planting notice's record, that article was not exported.
    let text = fs::read_to_string(&records).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.contains("trees.html"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&records, kept).unwrap();
    let (_, text) = table(&["--records", records.to_str().unwrap()]);
    assert!(
        text.contains("article dropped  site/trees.html  (skipped: no record in"),
        "{text}"
    );
    // From the repository root, the repository's floors are not applied to records read from a run (they cover
    // only the folders it read): the run says so and succeeds.
    cargo_bin_cmd!("sitelift")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("eval")
        .arg("--devset")
        .arg(&manifest)
        .arg("--records")
        .arg(&records)
        .assert()
        .success()
        .stderr(contains("floors are not applied"));
    assert!(
        predicates::Predicate::eval(
            &is_match(r"articles dropped\s+1 of 1\s+0 of 1").unwrap(),
            text.as_str()
        ),
        "{text}"
    );
}
