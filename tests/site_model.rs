//! The site model (issue 9) through the real binary, on an invented legacy site built from one template
//! (tests/support/template_site.rs): short articles whose own page alone loses to the sidebar, and the same
//! records as before for everything the model has no reason to change; too few siblings change nothing; a
//! mapping's fields win; `run` keeps the model in the job, `status` and the report list its templates, and a
//! second run changes nothing.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use support::template_site::{self, NOTICE, RELATED};
use support::{records, sitelift};

/// Records by file name, from `sitelift extract ARGS DIR` (JSON Lines on stdout), and stderr.
fn extract(dir: &Path, args: &[&str]) -> (BTreeMap<String, Value>, String) {
    let o = succeed(sitelift().arg("extract").args(args).arg(dir));
    let by_file = records(&o.stdout)
        .into_iter()
        .map(|r| (r["source_path"].as_str().unwrap().to_string(), r))
        .collect();
    (by_file, String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Run a command that must exit 0; its output.
fn succeed(cmd: &mut assert_cmd::Command) -> std::process::Output {
    let o = cmd.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Eight articles of the template; the last two are one line long.
fn site(dir: &Path) -> Vec<template_site::Article> {
    let mut articles = template_site::articles(8, 4);
    for a in &mut articles[6..] {
        a.paragraphs = vec!["请各单位按时参加。".to_string()];
    }
    template_site::write(dir, &articles, true);
    articles
}

/// `mapping draft` over a folder: the folder holding the draft (kept alive), the draft's path and its text.
fn draft_of(dir: &Path) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("draft.toml");
    succeed(
        sitelift()
            .args(["mapping", "draft", "--out"])
            .arg(&draft)
            .arg(dir),
    );
    let text = std::fs::read_to_string(&draft).unwrap();
    (out, draft, text)
}

fn body(r: &Value) -> &str {
    r["body_text"].as_str().unwrap_or_default()
}

#[test]
fn a_short_article_gets_the_template_s_body_instead_of_the_sidebar() {
    let dir = tempfile::tempdir().unwrap();
    let articles = site(dir.path());
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, stderr) = extract(dir.path(), &[]);
    // Alone, a one-line article loses to the left column: its body is the template's notice, its title the
    // column's box heading. This is what the model is for.
    let short = &articles[6];
    assert_eq!(body(&plain[&short.file]), NOTICE);
    assert_eq!(plain[&short.file]["title"], RELATED);
    for a in &articles[6..] {
        let r = &model[&a.file];
        assert_eq!(body(r), "请各单位按时参加。", "{}", a.file);
        assert_eq!(r["title"], a.title.as_str());
        assert_eq!(r["provenance"]["body"], "site-model:t1 body");
    }
    assert!(
        stderr.contains("site model: 1 template(s) of at least 5 pages cover 8 of 8 pages"),
        "{stderr}"
    );
    assert!(stderr.contains("the model changes 2 page(s)"), "{stderr}");
}

#[test]
fn pages_the_model_has_no_reason_to_change_come_out_as_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = site(dir.path());
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, _) = extract(dir.path(), &[]);
    for a in &articles[..6] {
        let r = &model[&a.file];
        assert_eq!(r, &plain[&a.file], "{}", a.file);
        assert!(!body(r).contains(NOTICE));
    }
}

#[test]
fn fewer_siblings_than_a_template_needs_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = template_site::articles(4, 4);
    articles[3].paragraphs = vec!["请各单位按时参加。".to_string()];
    template_site::write(dir.path(), &articles, true);
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, stderr) = extract(dir.path(), &[]);
    assert_eq!(plain, model);
    assert!(!stderr.contains("site model"), "{stderr}");
    // A single page, too.
    let one = dir.path().join(&articles[3].file);
    let (plain, _) = extract(&one, &["--no-site-model"]);
    let (model, _) = extract(&one, &[]);
    assert_eq!(plain, model);
}

#[test]
fn a_short_page_of_an_article_template_is_kept_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = template_site::articles(8, 4);
    // No notice in the left column; the last page has one word and no date: alone, it has no article text.
    articles[7].paragraphs = vec!["通知。".to_string()];
    articles[7].date = None;
    template_site::write(dir.path(), &articles, false);
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, _) = extract(dir.path(), &[]);
    let file = &articles[7].file;
    assert!(!plain.contains_key(file), "skipped without the model");
    let r = &model[file];
    assert_eq!(body(r), "通知。");
    let warnings = r["warnings"].to_string();
    assert!(
        warnings.contains(
            "kept as an article by the site model: 7 of the 8 pages of template t1 are articles"
        ),
        "{warnings}"
    );
}

#[test]
fn a_mapping_s_fields_win_over_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let articles = site(dir.path());
    let mapping = dir.path().join("left.toml");
    // A (wrong) mapping that takes the title from the left column's box heading.
    std::fs::write(&mapping, "[selectors]\ntitle = \"div.boxtitle\"\n").unwrap();
    let m = mapping.to_str().unwrap();
    let (model, _) = extract(dir.path(), &["--mapping", m]);
    for a in &articles {
        let r = &model[&a.file];
        assert_eq!(r["title"], RELATED, "{}", a.file);
        assert_eq!(r["provenance"]["title"], "mapping:title");
    }
    // The fields the mapping leaves to the generic rules still get the model.
    assert_eq!(
        model[&articles[6].file]["provenance"]["body"],
        "site-model:t1 body"
    );
}

#[test]
fn a_job_keeps_the_model_status_and_the_report_show_it_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("site");
    let articles = site(&site_dir);
    let out = dir.path().join("out");
    let run = || {
        let o = sitelift()
            .arg("run")
            .arg("--out")
            .arg(&out)
            .arg(&site_dir)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let first = run();
    assert!(first.contains("8 records (8 new"), "{first}");
    let exported = std::fs::read(out.join("records.jsonl")).unwrap();
    let (files, _) = extract(&site_dir, &[]);
    let from_job: BTreeMap<String, Value> = records(&exported)
        .into_iter()
        .map(|r| (r["source_path"].as_str().unwrap().to_string(), r))
        .collect();
    for a in &articles {
        let (mut x, mut y) = (files[&a.file].clone(), from_job[&a.file].clone());
        for r in [&mut x, &mut y] {
            r.as_object_mut().unwrap().remove("id");
            r.as_object_mut().unwrap().remove("url");
        }
        assert_eq!(x, y, "{}: the job's record is extract's", a.file);
    }

    let second = run();
    assert!(second.contains("0 new, 0 updated, 8 unchanged"), "{second}");

    let status = support::status_json(&out);
    let t = &status["site_model"]["templates"][0];
    assert_eq!(t["id"], "t1");
    assert_eq!(t["pages"], 8);
    assert_eq!(t["kind"], "article");
    assert_eq!(t["records"], 8);
    assert_eq!(t["relocated_pages"], 2);
    assert_eq!(t["samples"].as_array().unwrap().len(), 2);
    assert_eq!(t["fill_rates"]["title"], 1.0);
    let o = sitelift()
        .args(["status", "--job"])
        .arg(&out)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("  t1       8 pages  article  8 records"),
        "{text}"
    );

    let html = dir.path().join("report.html");
    let o = sitelift()
        .args(["report", "--format", "json", "--job"])
        .arg(&out)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let figures: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(figures["site_model"]["templates"][0]["pages"], 8);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Templates (site model)"));

    // extract --job writes the records the run published.
    let o = sitelift()
        .args(["extract", "--job"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let again: BTreeMap<String, Value> = records(&o.stdout)
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect();
    let published: BTreeMap<String, Value> = records(&exported)
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(again, published);
}

#[test]
fn a_drafted_mapping_is_accepted_as_written_and_gives_the_site_model_s_records() {
    let dir = tempfile::tempdir().unwrap();
    let articles = site(dir.path());
    let (_out, draft, text) = draft_of(dir.path());
    assert!(text.contains("meta = \"div.info\""), "{text}");
    assert!(
        text.contains("split from the meta line by their labels"),
        "{text}"
    );
    // Commented for review: the template's page count and two sample pages.
    assert!(text.contains("t1        8 pages  article"), "{text}");
    assert!(
        text.contains(&articles[0].file) && text.contains(&articles[1].file),
        "{text}"
    );
    assert!(text.contains("title = \"div.biaoti\""), "{text}");
    for a in &articles[..2] {
        let o = succeed(
            sitelift()
                .arg("check-mapping")
                .arg(&draft)
                .arg("--page")
                .arg(dir.path().join(&a.file)),
        );
        let shown = String::from_utf8_lossy(&o.stdout);
        assert!(
            shown.contains("body         div.article  (1 match)"),
            "{shown}"
        );
    }
    let (model, _) = extract(dir.path(), &[]);
    let (mapped, _) = extract(
        dir.path(),
        &["--no-site-model", "--mapping", draft.to_str().unwrap()],
    );
    for a in &articles {
        // Provenance differs by design (mapping:… against site-model:…); the values do not.
        for field in sitelift::record::FILLABLE_FIELDS {
            assert_eq!(
                mapped[&a.file][field], model[&a.file][field],
                "{} {field}\n{text}",
                a.file
            );
        }
        assert_eq!(mapped[&a.file]["provenance"]["body"], "mapping:body");
    }
}

#[test]
fn a_draft_needs_a_template_s_worth_of_pages() {
    let dir = tempfile::tempdir().unwrap();
    template_site::write(dir.path(), &template_site::articles(3, 4), true);
    let out = tempfile::tempdir().unwrap();
    let o = sitelift()
        .args(["mapping", "draft", "--out"])
        .arg(out.path().join("draft.toml"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("3 page(s) found: too few for a template (each needs at least 5 pages"),
        "{stderr}"
    );
    assert!(!out.path().join("draft.toml").exists());
}

/// A list page of the invented site: the same chrome, a column of dated links instead of an article.
fn list_page(n: usize) -> String {
    let items: String = (0..20)
        .map(|i| {
            format!(
                "<li><a href=\"/xyxw/t2024_{n}{i:02}.html\">学院第{n}批通知之{i}：关于做好相关工作的安排</a><span>2024-04-{:02}</span></li>\n",
                i + 1
            )
        })
        .collect();
    let a = &template_site::articles(1, 1)[0];
    // A list template of its own: the column that holds the list is another element of the layout.
    let page = template_site::page(a, true).replace(
        "<td width=\"740\" valign=\"top\" class=\"right\">",
        "<td width=\"740\" valign=\"top\" class=\"listcol\">",
    );
    let start = page.find("<div class=\"article\">").unwrap();
    let end = page.rfind("</td></tr></table>").unwrap();
    format!(
        "{}<div class=\"liebiao\"><ul>{items}</ul><div class=\"pager\">共5页 第{n}页 <a href=\"?p=2\">下一页</a></div></div>\n{}",
        &page[..start],
        &page[end..]
    )
}

#[test]
fn a_drafts_remove_list_and_list_kind_take_effect_when_extracting_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = template_site::articles(8, 4);
    for a in &articles {
        // A share bar at the end of every article's text: the template's, not the article's.
        let html = template_site::page(a, true).replace(
            "</div>\n</div>\n</td>",
            "<div class=\"share\">分享到：微信 微博 QQ空间 打印本页</div></div>\n</div>\n</td>",
        );
        std::fs::write(dir.path().join(&a.file), html).unwrap();
    }
    for n in 1..=6 {
        std::fs::write(dir.path().join(format!("list_{n}.html")), list_page(n)).unwrap();
    }
    let (_out, draft, text) = draft_of(dir.path());
    assert!(text.contains("\"div.share\""), "{text}");
    // The list template's container, where its pages keep their list, declares them not articles.
    assert!(
        text.contains("not_article_selector = \"div.liebiao > ul\""),
        "{text}"
    );
    let (mapped, stderr) = extract(
        dir.path(),
        &["--no-site-model", "--mapping", draft.to_str().unwrap()],
    );
    for a in &articles {
        let r = &mapped[&a.file];
        assert!(body(r).contains(&a.paragraphs[3]), "{}", body(r));
        assert!(!body(r).contains("分享到"), "{}\n{text}", body(r));
    }
    for n in 1..=6 {
        assert!(
            !mapped.contains_key(&format!("list_{n}.html")),
            "list_{n}.html exported with the draft\n{stderr}\n{text}"
        );
    }
    // The same pages as the site-model run, with the same bodies.
    let (model, _) = extract(dir.path(), &[]);
    assert_eq!(
        model.keys().collect::<Vec<_>>(),
        mapped.keys().collect::<Vec<_>>()
    );
    for (file, r) in &model {
        assert_eq!(body(r), body(&mapped[file]), "{file}");
    }
}

#[test]
fn the_template_s_headline_place_gives_no_title_when_it_holds_a_roster_line_or_a_document_link() {
    // Two short pages of the template: alone, each loses its headline to the left column's box heading, and
    // the model would take the template's headline place. There one holds a roster line and the other a link
    // to a document: neither is a headline, so the model leaves their titles alone.
    let dir = tempfile::tempdir().unwrap();
    let mut articles = template_site::articles(8, 4);
    for a in &mut articles[6..] {
        a.paragraphs = vec!["请各单位按时参加。".to_string()];
    }
    articles[6].title = "工作人员：李春华（主任） 王立新 赵永明".to_string();
    articles[7].title = r#"<a href="/upload/2024/kcjj.doc">课程简介2024.doc</a>"#.to_string();
    template_site::write(dir.path(), &articles, true);
    let (model, _) = extract(dir.path(), &[]);
    let roster = &model[&articles[6].file];
    assert_ne!(
        roster["title"], "工作人员：李春华（主任） 王立新 赵永明",
        "{roster}"
    );
    let linked = &model[&articles[7].file];
    assert_ne!(linked["title"], "课程简介2024.doc", "{linked}");
    // The same place holding a headline is taken (the test above: a_short_article_gets_the_template_s_body…).
    for a in &articles[6..] {
        let r = &model[&a.file];
        assert_ne!(
            r["provenance"]["title"].as_str().unwrap_or_default(),
            "site-model:t1 title",
            "{r}"
        );
    }
}

/// A page of another layout that is not a template of its own (three of them are too few): its own `<h1>`
/// headline, and a side box whose heading has the class the article template's headline has.
fn topic_page(n: usize) -> String {
    let text: String = (0..4)
        .map(|p| {
            format!(
                "<p>{}</p>\n",
                template_site::paragraph(900 + n * 10 + p, "专题")
            )
        })
        .collect();
    format!(
        r#"<html><head><meta charset="utf-8"><title>学院专题报道之{n}：青年教师发展计划_专题_示范学院</title></head>
<body><div class="zt-head"><h1>学院专题报道之{n}：青年教师发展计划</h1><div class="riqi">发布时间：2024-06-0{n}</div></div>
<div class="zt-side"><div class="biaoti">专题导读</div><ul><li><a href="/zt/{n}1.html">导读一</a></li><li><a href="/zt/{n}2.html">导读二</a></li></ul></div>
<div class="zt-body">{text}</div>
<div class="foot">版权所有：示范学院</div></body></html>
"#
    )
}

/// Issue 9 §2: a selector found on the template's sample pages that takes another place on pages the samples do
/// not show is left out of the draft (here the headline's bare class, which also names a side box's heading
/// elsewhere): the draft is checked against the site-model run over every page, so extracting with it gives that
/// run's records.
#[test]
fn a_draft_selector_that_takes_another_place_on_pages_outside_the_samples_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let articles = site(dir.path());
    for n in 1..=3 {
        std::fs::write(dir.path().join(format!("zt_{n}.html")), topic_page(n)).unwrap();
    }
    let (_out, draft, text) = draft_of(dir.path());
    let (model, _) = extract(dir.path(), &[]);
    let (mapped, _) = extract(dir.path(), &["--mapping", draft.to_str().unwrap()]);
    for n in 1..=3 {
        let file = format!("zt_{n}.html");
        assert_eq!(
            model[&file]["title"],
            format!("学院专题报道之{n}：青年教师发展计划").as_str()
        );
    }
    assert_eq!(
        model.keys().collect::<Vec<_>>(),
        mapped.keys().collect::<Vec<_>>()
    );
    for (file, r) in &model {
        for field in sitelift::record::FILLABLE_FIELDS {
            assert_eq!(mapped[file][field], r[field], "{file} {field}\n{text}");
        }
    }
    assert!(!text.contains("title = \"div.biaoti\""), "{text}");
    // The template's headline still has a selector: one that names its place.
    assert!(text.contains("> div.biaoti\"\n"), "{text}");
    assert!(
        text.contains("the run differs from the site-model run on 0 record(s)"),
        "{text}"
    );
    assert_eq!(
        mapped[&articles[0].file]["provenance"]["title"],
        "mapping:title"
    );
}

/// Issue 9 §2: a credit the template shows labelled in an element of its own, outside the metadata line (an
/// editor row under the text), gets a selector in the draft, and the site-model run takes it from there too
/// (issue 9 §1: a field from the template's consensus location where the page's own heuristic disagrees): a
/// page's own `编辑/…` photo-editor line in the text, which the generic rules take alone, gives way to the row,
/// so the draft and the model agree. A page whose text shows a 责任编辑 keeps it (the generic rules' order: a
/// 责任编辑 wins over a plain 编辑).
#[test]
fn a_credit_row_of_the_template_gets_a_draft_selector_and_wins_in_the_site_model_run() {
    let dir = tempfile::tempdir().unwrap();
    let editors = ["李享", "蓝芳", "南欣", "韦承金"];
    let articles = template_site::articles(12, 4);
    for (i, a) in articles.iter().enumerate() {
        let own = match i {
            5 => "<p>编辑/赵六 钱七</p>",
            9 => "<p>（责任编辑：孙七）</p>",
            _ => "",
        };
        let html = template_site::page(a, true).replace(
            &format!("<p>（责任编辑：{}）</p></div>", template_site::EDITOR),
            &format!(
                "{own}</div><table class=\"credit\"><tr><td><p><span class=\"hong\">编辑：</span>{}</p></td></tr></table>",
                editors[i % editors.len()]
            ),
        );
        std::fs::write(dir.path().join(&a.file), html).unwrap();
    }
    let (_out, draft, text) = draft_of(dir.path());
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, _) = extract(dir.path(), &[]);
    let odd = &articles[5].file;
    assert_eq!(plain[odd]["editor"], "赵六 钱七", "{}", plain[odd]);
    assert_eq!(
        model[odd]["editor"],
        editors[5 % editors.len()],
        "{}",
        model[odd]
    );
    assert_eq!(
        model[odd]["provenance"]["editor"],
        "site-model:t1 editor 编辑"
    );
    let chief = &articles[9].file;
    assert_eq!(model[chief]["editor"], "孙七", "{}", model[chief]);
    assert!(text.contains("\neditor = \""), "{text}");
    let (alone, _) = extract(
        &dir.path().join(odd),
        &["--mapping", draft.to_str().unwrap()],
    );
    let r = alone.values().next().expect("the page's record");
    assert_eq!(r["editor"], editors[5 % editors.len()], "{text}");
    assert_eq!(r["provenance"]["editor"], "mapping:editor");
    // On the template's other pages the row is what the model read too; a mapping's selector wins over the
    // page's own 责任编辑.
    let (mapped, _) = extract(dir.path(), &["--mapping", draft.to_str().unwrap()]);
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(mapped[&a.file]["editor"], editors[i % editors.len()]);
        if i != 9 {
            assert_eq!(mapped[&a.file]["editor"], model[&a.file]["editor"]);
        }
    }
}

/// Issue 9 §2: with `body_edges = "text"` (what a draft writes), a mapped body container that holds the generic
/// rules' own container with most of its text gives that container, as the site model keeps it: the captions
/// of a gallery above the text stay out of the body, as without the mapping.
#[test]
fn a_drafted_body_container_keeps_the_page_s_own_text_container_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let paras: String = (0..4)
        .map(|i| format!("<p>{}</p>\n", template_site::paragraph(i, "科技周")))
        .collect();
    let page = format!(
        r#"<html><head><meta charset="utf-8"><title>学院科技周开幕_学院新闻</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xw/">学院新闻</a></div>
<div class="article"><h1>学院科技周开幕</h1>
<div class="pic"><img src="/pic/1.jpg"><p>①科技周开幕式现场。 照片均由学院宣传部提供</p><img src="/pic/2.jpg"><p>②参观展览的师生。 照片均由学院宣传部提供</p></div>
<div class="TRS_Editor">{paras}</div></div>
<div class="foot">版权所有：示范学院</div></body></html>"#
    );
    let file = dir.path().join("kjz.html");
    std::fs::write(&file, page).unwrap();
    let mapping = dir.path().join("draft.toml");
    std::fs::write(
        &mapping,
        "body_edges = \"text\"\n[selectors]\nbody = \"div.article\"\n",
    )
    .unwrap();
    let (plain, _) = extract(&file, &[]);
    let (mapped, _) = extract(&file, &["--mapping", mapping.to_str().unwrap()]);
    let (plain, mapped) = (
        plain.values().next().unwrap(),
        mapped.values().next().unwrap(),
    );
    assert!(!body(mapped).contains("照片均由"), "{}", body(mapped));
    assert_eq!(body(mapped), body(plain));
    assert_eq!(mapped["images"], plain["images"]);
    assert_eq!(mapped["provenance"]["body"], "mapping:body");
}

/// Issue 9 §2: a mapped body container that holds nothing once the headline and the metadata line are out of it
/// (no text, no image, no document) keeps the verdict of the run without the mapping. A topic hub whose drafted
/// container holds its 来源/发稿时间 line over a few links is skipped with the draft as without it; a notice
/// whose container holds only a PDF viewer's frame under its dated headline is kept both ways.
#[test]
fn a_mapped_body_that_holds_nothing_keeps_the_verdict_of_the_run_without_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let links: String = (1..=4)
        .map(|i| {
            format!(
                "<p>★ <a href=\"/xw/2024/03/0{i}/{}.shtml\">示范日报：示范学院第{i}期教学改革经验交流会侧记</a></p>",
                1000 + i
            )
        })
        .collect();
    let side: String = (1..=8)
        .map(|i| format!("<li><a href=\"/xw/{i}.shtml\">学院新闻第{i}条标题</a></li>"))
        .collect();
    let hub = format!(
        r#"<html><head><meta charset="utf-8"><title>【专题】示范学院本科教学改革-系列专题-示范学院</title></head><body>
<table id="nav" width="1000"><tr><td><a href="/">首页</a></td><td><a href="/xw/">学院新闻</a></td><td><a href="/zt/">系列专题</a></td></tr></table>
<table width="1000"><tr><td valign="top" class="col">
<table><tr><td>您当前的位置 ： <a href="/">示范学院</a> &gt;&gt; <a href="/zt/">系列专题</a></td></tr></table>
<table>
<tr><td style="font-size:30px;font-weight:bold">【专题】示范学院本科教学改革</td></tr>
<tr><td style="text-align:center"><span>来源： </span><span>发稿时间：2024-03-05 09:30</span></td></tr>
<tr><td id="txt"><p><img src="/pic/banner.jpg"></p>{links}</td></tr>
</table></td>
<td width="300" class="side"><h3>学院新闻</h3><ul>{side}</ul></td></tr></table>
<div class="foot">版权所有 示范学院 津ICP备00000000号</div></body></html>"#
    );
    let notice = r#"<html><head><meta charset="utf-8"><title>示范学院招标办-法规制度</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/fg/">法规制度</a> <a href="/gg/">招标公告</a></div>
<div class="wrap"><div class="left"><h3>法规制度</h3><ul><li><a href="/fg/1.html">国家</a></li><li><a href="/fg/2.html">地方</a></li><li><a href="/fg/3.html">学校</a></li></ul></div>
<div class="right"><div class="ctitle"><h1>关于印发《示范学院实验室安全管理办法》的通知</h1>
<div class="info"><i>发布日期：2024-09-03</i> <i>浏览次数：</i></div></div>
<div class="ccontent"><p><iframe src="/cms/viewPdf.htm?contentId=25"></iframe></p></div>
<p class="cpage">上一篇：<a href="/fg/20.html">关于调整采购执行机制的通知</a></p></div></div>
<div class="foot">版权所有：示范学院招标办</div></body></html>"#;
    // What a draft writes for each: the template's headline, metadata line and body container.
    let hub_map = "body_edges = \"text\"\n[selectors]\n\
        title = \"td.col > table:nth-of-type(2) > tbody > tr:nth-of-type(1) > td\"\n\
        meta = \"td.col > table:nth-of-type(2) > tbody > tr:nth-of-type(2) > td\"\n\
        body = \"td.col\"\n";
    let notice_map = "body_edges = \"text\"\n[selectors]\n\
        title = \"div.ctitle > h1\"\nmeta = \"div.ctitle > div.info\"\nbody = \"div.ccontent\"\n";
    for (name, page, map, kept) in [
        ("hub", hub.as_str(), hub_map, false),
        ("notice", notice, notice_map, true),
    ] {
        let file = dir.path().join(format!("{name}.html"));
        std::fs::write(&file, page).unwrap();
        let mapping = dir.path().join(format!("{name}.toml"));
        std::fs::write(&mapping, map).unwrap();
        let (plain, _) = extract(&file, &[]);
        let (mapped, stderr) = extract(&file, &["--mapping", mapping.to_str().unwrap()]);
        assert_eq!(plain.len(), usize::from(kept), "{name} without the mapping");
        assert_eq!(mapped.len(), usize::from(kept), "{name}: {stderr}");
        if kept {
            let r = mapped.values().next().unwrap();
            assert_eq!(r["title"], "关于印发《示范学院实验室安全管理办法》的通知");
            assert_eq!(r["provenance"]["title"], "mapping:title");
        }
    }
}

/// Issue 9's measure of template text in bodies, as `extract` prints it: the records whose body holds a block
/// repeated on at least a fifth of the template's pages that is the template's chrome or frames nothing; a
/// section heading every article of the template carries, with text under it, is content and not counted (but
/// said apart).
#[test]
fn the_summary_counts_bodies_holding_a_block_repeated_across_their_template() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = template_site::articles(8, 3);
    for a in &mut articles {
        a.paragraphs.insert(1, "一、会议精神".to_string());
    }
    template_site::write(dir.path(), &articles, true);
    let (model, stderr) = extract(dir.path(), &[]);
    assert!(
        stderr.contains(
            "bodies holding template text (a block on at least 20% of their template's pages that is its chrome \
             or frames nothing): 0 of 8 records (0 with the template's chrome); in them 0 block(s) of chrome and \
             0 fixed label(s) or heading(s) framing nothing; not counted: 8 fixed label(s) and heading(s) framing \
             the page's own text (8 records hold a repeated block of either kind)"
        ),
        "{stderr}"
    );
    for a in &articles {
        assert!(body(&model[&a.file]).contains("一、会议精神"), "{}", a.file);
    }
    // The summary file says it too.
    let out = tempfile::tempdir().unwrap();
    let summary = out.path().join("summary.json");
    succeed(
        sitelift()
            .arg("extract")
            .arg("--out")
            .arg(out.path().join("out.jsonl"))
            .arg("--summary")
            .arg(&summary)
            .arg(dir.path()),
    );
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let m = &s["site_model"];
    assert_eq!(
        (
            m["records"].as_u64(),
            m["records_with_repeated_lines"].as_u64()
        ),
        (Some(8), Some(8))
    );
    assert_eq!(m["records_with_repeated_chrome"], 0);
    assert_eq!(m["fixed_lines_in_bodies"], 8);
    assert_eq!(m["records_with_template_text"], 0);
    assert_eq!(m["empty_frames_in_bodies"], 0);
}

/// Issue 9: the fixed part of a template's content area leaves a body's end, where nothing of the page's own
/// follows it (an empty section's heading, an empty pane's placeholder), and stays where it frames the page's
/// text (a section heading between two paragraphs).
#[test]
fn the_template_s_fixed_lines_leave_the_body_s_end_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = template_site::articles(8, 3);
    for (i, a) in articles.iter_mut().enumerate() {
        a.paragraphs.insert(1, "一、会议精神".to_string());
        // Six of the eight pages show the pictures' heading with nothing under it.
        if i < 6 {
            a.paragraphs.push("图片报道".to_string());
        }
    }
    template_site::write(dir.path(), &articles, true);
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, stderr) = extract(dir.path(), &[]);
    for (i, a) in articles.iter().enumerate() {
        let (before, after) = (body(&plain[&a.file]), body(&model[&a.file]));
        assert!(after.contains("一、会议精神"), "{}: {after}", a.file);
        assert!(after.ends_with('。'), "{}: {after}", a.file);
        if i < 6 {
            assert!(before.ends_with("图片报道"), "{}: {before}", a.file);
            assert_eq!(before.strip_suffix("图片报道").unwrap().trim_end(), after);
        } else {
            assert_eq!(before, after, "{}", a.file);
        }
    }
    assert!(
        stderr.contains(
            "0 of 8 records (0 with the template's chrome); in them 0 block(s) of chrome and 0 fixed label(s) \
             or heading(s) framing nothing; not counted: 8 fixed label(s)"
        ),
        "{stderr}"
    );
}

/// A teacher's profile page of an invented college site (one template): a card of labels each followed by its
/// value in an element of its own (`职称：` then `教授`, a value half the pages share), then sections under fixed
/// headings. `email` and `projects` may be empty: the label or heading then stands right before the next one.
fn profile_page(i: usize, name: &str, email: bool, projects: bool) -> String {
    let title = ["教授", "副教授"][i % 2];
    let email = if email {
        format!("teacher{i}@demo-univ.edu.cn")
    } else {
        String::new()
    };
    let projects = if projects {
        format!(
            "<p>主持国家社会科学基金项目“区域文化资源数字化保护研究”（编号 {}BTQ0{i}），参与省部级课题两项。</p>",
            20 + i
        )
    } else {
        String::new()
    };
    format!(
        r#"<html><head><meta charset="utf-8"><title>{name}-师资队伍-示范大学文学院</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/xygk/">学院概况</a> <a href="/szdw/">师资队伍</a> <a href="/kxyj/">科学研究</a></div>
<div class="main"><div class="left"><h3>师资队伍</h3><ul><li><a href="/szdw/zz.htm">在职教师</a></li><li><a href="/szdw/tx.htm">退休教师</a></li><li><a href="/szdw/bsh.htm">博士后</a></li></ul></div>
<div class="right"><div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/szdw/">师资队伍</a></div>
<div class="profile"><h2>{name}</h2>
<dl class="card"><dt>职称：</dt><dd>{title}</dd><dt>联系邮箱：</dt><dd>{email}</dd><dt>办公地点：</dt><dd>文学院{room}室</dd></dl>
<div class="tt">个人简介</div><div class="con"><p>{name}，文学博士，{since}年起任教于示范大学文学院，主要从事中国古代文学与地方文献研究，讲授“古代文学史”“文献学概论”等课程，曾获学校教学成果奖。</p></div>
<div class="tt">科研项目</div><div class="con">{projects}</div>
<div class="tt">代表论文</div><div class="con"><p>《清代地方志中的文人交游考》，载《文学遗产》{y1}年第{n1}期；《明清之际江南书院的讲学活动》，载《文献》{y2}年第{n2}期。</p></div>
</div></div></div>
<div class="foot">版权所有 示范大学文学院 地址：示范市大学路88号</div></body></html>"#,
        room = 300 + i,
        since = 2000 + i,
        y1 = 2010 + i,
        n1 = i % 4 + 1,
        y2 = 2012 + i,
        n2 = i % 3 + 2,
    )
}

/// Issue 9: a label or heading of the template's content area that stands right before the next one frames
/// nothing on that page (an empty email, an empty section) and leaves the body; where it frames the page's own
/// value or text — or a value many pages share (`职称：` then `教授`) — it stays. The summary's count of template
/// text in bodies is then none.
#[test]
fn a_template_label_or_heading_that_frames_nothing_leaves_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "周明远",
        "李清和",
        "王若溪",
        "陈立言",
        "赵书亭",
        "孙启航",
        "钱望舒",
        "吴静安",
        "郑修远",
        "冯知秋",
    ];
    let no_email = [2, 7];
    let no_projects = [3, 8];
    for (i, name) in names.iter().enumerate() {
        let page = profile_page(i, name, !no_email.contains(&i), !no_projects.contains(&i));
        std::fs::write(dir.path().join(format!("js{:02}.html", i + 1)), page).unwrap();
    }
    let (plain, _) = extract(dir.path(), &["--no-site-model"]);
    let (model, stderr) = extract(dir.path(), &[]);
    assert_eq!((plain.len(), model.len()), (10, 10), "{stderr}");
    for i in 0..names.len() {
        let file = format!("js{:02}.html", i + 1);
        let (before, after) = (body(&plain[&file]), body(&model[&file]));
        let title = ["教授", "副教授"][i % 2];
        // The label before a value many pages share, and every section with text under it, stay.
        assert!(
            after.contains(&format!("职称：\n\n{title}")),
            "{file}: {after}"
        );
        assert!(
            after.contains("办公地点：") && after.contains("代表论文"),
            "{file}: {after}"
        );
        let (empty_label, left) = if no_email.contains(&i) {
            ("联系邮箱：", Some("职称：\n\n"))
        } else if no_projects.contains(&i) {
            ("科研项目", None)
        } else {
            assert_eq!(before, after, "{file}");
            assert!(
                after.contains("联系邮箱：") && after.contains("科研项目"),
                "{file}"
            );
            continue;
        };
        assert!(before.contains(empty_label), "{file}: {before}");
        assert!(!after.contains(empty_label), "{file}: {after}");
        // Where an empty label opened the card, the card's next field now opens the body.
        if let Some(left) = left {
            assert!(after.starts_with(left), "{file}: {after}");
        }
        assert_eq!(
            model[&file]["provenance"]["body"]
                .as_str()
                .unwrap()
                .split(" left out")
                .next(),
            Some("site-model:t1 body: 1 repeated block(s)"),
            "{file}"
        );
    }
    assert!(
        stderr.contains("0 of 10 records (0 with the template's chrome); in them 0 block(s) of chrome and 0 fixed"),
        "{stderr}"
    );
}
