//! Rule-by-rule tests of the generic extractor (issue 4, "Hygiene"): attachments (links.rs) and multi-page articles:
//! their detection (links.rs) and their merging (pipeline.rs).
//!
//! Every page here is small and invented for the test; none is taken from a real site or from the corpus. Each
//! test exercises one rule named in a module's documentation and would fail without that rule; where it makes
//! sense a negative case checks that the rule does not fire where it must not. The pages and readers are shared
//! with the other `rules_*.rs` files through tests/support/pages.rs. A rule found misbehaving gets its test
//! marked `#[ignore = "misbehaviour: …"]` until it is fixed; none is now.

use std::collections::HashMap;

use sitelift::RawPage;
use sitelift::pipeline::{NoParts, Options, PartSource, process};

#[path = "support/pages.rs"]
mod pages;
use pages::*;

/// Later parts of multi-page articles, by file name, next to the page that asks for them.
struct Parts(HashMap<&'static str, String>);

impl PartSource for Parts {
    fn part(&self, page: &RawPage, href: &str) -> Option<RawPage> {
        let name = href.rsplit('/').next().unwrap_or(href);
        let html = self.0.get(name)?;
        let url = page.url.as_ref()?.join(href).ok()?;
        Some(raw(url.as_str(), html))
    }
    fn has_head(&self, _: &RawPage, head_name: &str) -> bool {
        self.0.contains_key(head_name)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// links.rs — attachments
// ---------------------------------------------------------------------------------------------------------------

/// The attachments (name, URL) of a page whose article text is followed by `extra` inside the container.
fn attachments_with(extra: &str) -> Vec<(Option<String>, String)> {
    let ex = run(&page(
        "关于开展科技周活动的通知_通知公告_青松市科学技术协会",
        "<h1>关于开展科技周活动的通知</h1>",
        &format!("{}{extra}", paras(4)),
        "",
    ));
    assert_eq!(
        ex.attachments_rule.map(|r| r.to_string()).as_deref(),
        Some("generic:attachments")
    );
    ex.attachments
        .into_iter()
        .map(|a| (a.name, a.url))
        .collect()
}

fn att(name: &str, path: &str) -> (Option<String>, String) {
    (Some(name.to_string()), format!("{SITE}{path}"))
}

#[test]
fn attachments_by_extension() {
    let got = attachments_with(
        r#"<p>请下载<a href="/upload/2023/baomingbiao.docx">报名表</a>和<a href="../upload/2023/mingdan.XLS">推荐名单</a>。</p><p><a href="/xwdt/content_77.html">往期通知</a></p>"#,
    );
    assert_eq!(
        got,
        [
            att("报名表", "/upload/2023/baomingbiao.docx"),
            att("推荐名单", "/upload/2023/mingdan.XLS")
        ]
    );
}

#[test]
fn attachments_download_endpoints() {
    let got = attachments_with(
        r#"<p>会议议程：<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;wbfileid=4321">会议议程</a></p>"#,
    );
    assert_eq!(
        got,
        [att(
            "会议议程",
            "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&wbfileid=4321"
        )]
    );
}

#[test]
fn attachments_link_text_naming_a_file() {
    let got = attachments_with(r#"<p>详见<a href="/res/show?id=9">科普基地管理办法.pdf</a>。</p>"#);
    assert_eq!(got, [att("科普基地管理办法.pdf", "/res/show?id=9")]);
    // Negative: a script link is no document, whatever its text says.
    let got = attachments_with(r#"<p>详见<a href="javascript:;">科普基地管理办法.pdf</a>。</p>"#);
    assert_eq!(got, []);
}

#[test]
fn attachments_under_a_label() {
    let got = attachments_with(
        r#"<p>附件：</p><p><a href="/res/item?id=77">参会回执</a></p><p><a href="/tzgg/">返回列表</a></p>"#,
    );
    assert_eq!(got, [att("参会回执", "/res/item?id=77")]);
    // Negative: the same link without the label is an ordinary link.
    let got =
        attachments_with(r#"<p>请填写<a href="/res/item?id=77">参会回执</a>并按时报送。</p>"#);
    assert_eq!(got, []);
}

#[test]
fn attachments_label_prefix_dropped_from_the_name() {
    let got = attachments_with(r#"<p><a href="/upload/2023/huizhi.doc">附件1：参会回执表</a></p>"#);
    assert_eq!(got, [att("参会回执表", "/upload/2023/huizhi.doc")]);
}

#[test]
fn attachments_in_window_open() {
    let got = attachments_with(
        r#"<p>获奖名单：<a href="javascript:void(0)" onclick="window.open('/upload/2023/huojiang.xlsx')">点击查看</a></p>"#,
    );
    assert_eq!(got, [att("点击查看", "/upload/2023/huojiang.xlsx")]);
}

#[test]
fn attachments_embedded_document_in_a_text_line() {
    let got = attachments_with(
        r#"<p>规划全文如下：<iframe src="/upload/2023/guihua.pdf" width="100%" height="600"></iframe></p>"#,
    );
    assert_eq!(got, [att("guihua.pdf", "/upload/2023/guihua.pdf")]);
}

#[test]
fn attachments_embedded_document_alone() {
    let got = attachments_with(
        r#"<p><embed src="/upload/2023/guihua.pdf" width="100%" height="600"></p>"#,
    );
    assert_eq!(got, [att("guihua.pdf", "/upload/2023/guihua.pdf")]);
}

#[test]
fn attachments_box_after_the_body_up_to_chrome() {
    let bottom = r#"<div class="fj"><p>相关附件：</p><ul><li><a href="/upload/2023/fangan.pdf">活动方案.pdf</a></li></ul></div><div class="foot-links"><a href="/upload/zhinan.pdf">网站使用指南.pdf</a></div>"#;
    let ex = run(&page(
        "关于开展科技周活动的通知_通知公告_青松市科学技术协会",
        "<h1>关于开展科技周活动的通知</h1>",
        &paras(4),
        bottom,
    ));
    let got: Vec<_> = ex
        .attachments
        .iter()
        .map(|a| (a.name.clone(), a.url.clone()))
        .collect();
    assert_eq!(
        got,
        [att("活动方案.pdf", "/upload/2023/fangan.pdf")],
        "{}",
        show(&ex)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// links.rs — multi-page articles (detection)
// ---------------------------------------------------------------------------------------------------------------

const HEAD_NAME: &str = "t20230418_5566.html";

#[test]
fn multipage_later_parts_from_pager_links() {
    let pager = r#"<div class="pages"><a href="t20230418_5566_2.html">3</a> <a href="t20230418_5566_1.html">2</a> <a href="t20230418_5566_1.html">下一页</a> <a href="t20230418_9999_1.html">其他</a></div>"#;
    let ex = run_at(&page("青松市科学技术协会", "", &paras(4), pager), DATED_URL);
    assert_eq!(
        ex.later_parts,
        ["t20230418_5566_1.html", "t20230418_5566_2.html"]
    );
    assert_eq!(ex.continuation_of, None);
    // Negative: a page without such links is a single page.
    let ex = run_at(&page("青松市科学技术协会", "", &paras(4), ""), DATED_URL);
    assert!(ex.later_parts.is_empty());
}

#[test]
fn multipage_later_parts_from_create_page_html() {
    let pager = r#"<script language="JavaScript">var currentPage = 0; var countPage = 3; createPageHTML(3, 0, "t20230418_5566", "html");</script>"#;
    let ex = run_at(&page("青松市科学技术协会", "", &paras(4), pager), DATED_URL);
    assert_eq!(
        ex.later_parts,
        ["t20230418_5566_1.html", "t20230418_5566_2.html"]
    );
}

#[test]
fn multipage_continuation_page_detected() {
    let pager = format!(
        r#"<div class="pages"><a href="{HEAD_NAME}">上一页</a> <a href="t20230418_5566_2.html">下一页</a></div>"#
    );
    let url = DATED_URL.replace(HEAD_NAME, "t20230418_5566_1.html");
    let ex = run_at(&page("青松市科学技术协会", "", &paras(4), &pager), &url);
    assert_eq!(ex.continuation_of.as_deref(), Some(HEAD_NAME));
    assert_eq!(ex.later_parts, ["t20230418_5566_2.html"]);
    // Negative: a `_1` page that never links back is its own article.
    let ex = run_at(&page("青松市科学技术协会", "", &paras(4), ""), &url);
    assert_eq!(ex.continuation_of, None);
}

// ---------------------------------------------------------------------------------------------------------------
// pipeline.rs — multi-page articles (merging)
// ---------------------------------------------------------------------------------------------------------------

const PART_SENTENCE: &str =
    "第二部分介绍了各区县科协的经验做法，并对下一阶段工作提出了具体要求和时间安排。";

fn head_part() -> String {
    page(
        "科技周活动综述_新闻动态_青松市科学技术协会",
        "<h1>科技周活动综述</h1>",
        &paras(4),
        r#"<div class="pages"><a href="t20230418_5566_1.html">下一页</a></div>"#,
    )
}

fn second_part() -> String {
    page(
        "科技周活动综述_新闻动态_青松市科学技术协会",
        "<h1>科技周活动综述</h1>",
        &format!(
            r#"<p>{PART_SENTENCE}</p>{}<p><a href="/upload/2023/huizong.xls">活动汇总表</a></p>"#,
            paras(2)
        ),
        r#"<div class="pages"><a href="t20230418_5566.html">上一页</a></div>"#,
    )
}

#[test]
fn multipage_later_parts_merged_into_the_first() {
    let parts = Parts(HashMap::from([("t20230418_5566_1.html", second_part())]));
    let r = record(process(
        &raw(DATED_URL, &head_part()),
        &Options::default(),
        &parts,
    ));
    let text = r.body_text.expect("body");
    assert!(text.starts_with(SENTENCES[0]), "{text}");
    assert!(
        text.contains(&format!("{}\n\n{PART_SENTENCE}", SENTENCES[3])),
        "{text}"
    );
    assert_eq!(r.attachments.len(), 1, "{:?}", r.attachments);
    assert!(
        r.warnings
            .iter()
            .any(|w| w == "merged part t20230418_5566_1.html"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn multipage_missing_part_is_a_warning() {
    let r = record(process_page(DATED_URL, &head_part()));
    assert!(!r.body_text.expect("body").contains(PART_SENTENCE));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("later part t20230418_5566_1.html is linked but not available")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn multipage_continuation_skipped_when_its_head_is_an_input() {
    let url = DATED_URL.replace(HEAD_NAME, "t20230418_5566_1.html");
    let parts = Parts(HashMap::from([(HEAD_NAME, head_part())]));
    let reason = skipped(process(
        &raw(&url, &second_part()),
        &Options::default(),
        &parts,
    ));
    assert_eq!(
        reason,
        format!("continuation page: merged into {HEAD_NAME}")
    );
    // Negative: without its head among the inputs, the part is exported on its own.
    let r = record(process(
        &raw(&url, &second_part()),
        &Options::default(),
        &NoParts,
    ));
    assert!(r.body_text.expect("body").starts_with(PART_SENTENCE));
}
