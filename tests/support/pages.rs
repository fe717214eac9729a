//! Pages and readers shared by the rule-by-rule tests (`tests/rules*.rs`): small invented pages of a legacy
//! 科协 site (menu, footer, article container), and helpers that run the extractor or the whole pipeline on them
//! and read fields back. Every page is written for the tests; none comes from a real site or the corpus.
#![allow(dead_code)]

use sitelift::extract::{Context, Extracted, Found, extract};
use sitelift::normalize::date::UtcOffset;
use sitelift::pipeline::{NoParts, Options, PageOutcome, process};
use sitelift::{RawPage, Record};
use url::Url;

// ---------------------------------------------------------------------------------------------------------------

pub const SITE: &str = "http://www.qingsong-kx.org.cn";
/// A page URL without a date in it (so the URL-date fallback stays out of the way).
pub const PAGE_URL: &str = "http://www.qingsong-kx.org.cn/xwdt/content_8812.html";
/// A TRS-style page URL with a date, for the URL-date and multi-page rules.
pub const DATED_URL: &str = "http://www.qingsong-kx.org.cn/xwdt/202304/t20230418_5566.html";

/// The site menu (page chrome by class).
pub const MENU: &str = r#"<div class="menu"><a href="/">网站首页</a> <a href="/xwdt/">新闻动态</a> <a href="/tzgg/">通知公告</a> <a href="/xhgz/">学会工作</a> <a href="/kphd/">科普活动</a> <a href="/lxwm/">联系我们</a></div>"#;

/// The site footer (page chrome by class, boilerplate by its words).
pub const FOOTER: &str = r#"<div class="footer"><p>版权所有：青松市科学技术协会　地址：青松市湖滨路18号　青ICP备10293847号</p></div>"#;

/// Invented article sentences, one paragraph each.
pub const SENTENCES: [&str; 6] = [
    "青松市科学技术协会近日召开年度工作会议，总结过去一年的科普工作成效，并部署新一年的重点任务。",
    "会议指出，各级学会要坚持面向基层、服务群众，把科学知识送进社区、学校和乡村，不断提升公众科学素质。",
    "与会代表围绕青少年科技教育、科普场馆建设和志愿者队伍培养等议题展开讨论，提出了许多务实的意见建议。",
    "会议要求，全市科协系统要加强协同配合，创新活动形式，推动科普资源共建共享，让更多群众从中受益。",
    "据介绍，今年全市将新建社区科普e站二十个，组织科技志愿服务活动三百余场，覆盖所有街道和乡镇。",
    "会上还表彰了一批优秀科普工作者和先进集体，受表彰代表作了交流发言，分享了基层科普的经验做法。",
];

/// `n` prose paragraphs (`<p>…</p>`), cycling through [`SENTENCES`].
pub fn paras(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>{}</p>", SENTENCES[i % SENTENCES.len()]))
        .collect()
}

/// A whole page: `<title>`, the menu, `top` (breadcrumb, headline, info line), the article container
/// `<div class="wz">` holding `text`, then `bottom` and the footer.
pub fn page(title: &str, top: &str, text: &str, bottom: &str) -> String {
    page_with_head(title, "", top, text, bottom)
}

/// Like [`page`], with extra elements in `<head>` (meta tags, base, canonical).
pub fn page_with_head(title: &str, head: &str, top: &str, text: &str, bottom: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>{MENU}{top}<div class="wz">{text}</div>{bottom}{FOOTER}</body></html>"#
    )
}

/// The extraction of a page with four paragraphs and `head` in its `<head>`, under the site's name as its title.
pub fn run_with_head(head: &str) -> Extracted {
    run(&page_with_head(
        "青松市科学技术协会",
        head,
        "",
        &paras(4),
        "",
    ))
}

/// A page whose `<body>` is exactly `body` (no menu, no footer added).
pub fn bare(title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>"#
    )
}

/// An article page with a headline and an info line above the container.
pub fn article(headline: &str, info: &str, text: &str) -> String {
    page(
        &format!("{headline}_新闻动态_青松市科学技术协会"),
        &format!(r#"<h1>{headline}</h1><div class="info">{info}</div>"#),
        text,
        "",
    )
}

pub fn run(html: &str) -> Extracted {
    run_at(html, PAGE_URL)
}

pub fn run_at(html: &str, url: &str) -> Extracted {
    let base = Url::parse(url).expect("test URL");
    let name = base
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("")
        .to_string();
    extract(
        html,
        &Context {
            mapping: None,
            base: Some(&base),
            page_name: Some(&name),
            ..Context::default()
        },
    )
}

pub fn value(f: &Option<Found<String>>) -> Option<&str> {
    f.as_ref().map(|f| f.value.as_str())
}

/// The rule's provenance text ("" for no value).
pub fn rule<T>(f: &Option<Found<T>>) -> String {
    f.as_ref().map(|f| f.rule.to_string()).unwrap_or_default()
}

pub fn title(ex: &Extracted) -> Option<&str> {
    value(&ex.title)
}

pub fn body_text(ex: &Extracted) -> &str {
    ex.body
        .as_ref()
        .map(|b| b.value.text.as_str())
        .unwrap_or("")
}

pub fn html(ex: &Extracted) -> &str {
    ex.body
        .as_ref()
        .map(|b| b.value.html.as_str())
        .unwrap_or("")
}

/// The publish date as ISO 8601 in China's offset.
pub fn published(ex: &Extracted) -> Option<String> {
    ex.published
        .as_ref()
        .map(|p| p.value.to_iso(UtcOffset::default()))
}

pub fn category(ex: &Extracted) -> Option<Vec<&str>> {
    ex.category
        .as_ref()
        .map(|c| c.value.iter().map(String::as_str).collect())
}

/// A one-line account of what was extracted, for assertion messages.
pub fn show(ex: &Extracted) -> String {
    format!(
        "title {:?} ({}) | published {:?} ({}) | author {:?} ({}) | editor {:?} | source {:?} ({}) | category {:?} \
         | body ({}) {:?} | attachments {:?} | images {:?} | kind {:?}",
        title(ex),
        rule(&ex.title),
        published(ex),
        rule(&ex.published),
        value(&ex.author),
        rule(&ex.author),
        value(&ex.editor),
        value(&ex.source),
        rule(&ex.source),
        category(ex),
        rule(&ex.body),
        body_text(ex),
        ex.attachments,
        ex.images,
        ex.kind
    )
}

pub fn raw(url: &str, html: &str) -> RawPage {
    let url = Url::parse(url).expect("test URL");
    RawPage {
        path: None,
        source_path: Some(url.path().trim_start_matches('/').to_string()),
        url: Some(url),
        http_charset: Some("utf-8".to_string()),
        bytes: html.as_bytes().to_vec(),
    }
}

pub fn process_page(url: &str, html: &str) -> PageOutcome {
    process(&raw(url, html), &Options::default(), &NoParts)
}

pub fn record(outcome: PageOutcome) -> Record {
    match outcome {
        PageOutcome::Extracted(r) => *r,
        other => panic!("expected a record, got {other:?}"),
    }
}

pub fn skipped(outcome: PageOutcome) -> String {
    match outcome {
        PageOutcome::Skipped(reason) => reason.to_string(),
        other => panic!("expected the page to be skipped, got {other:?}"),
    }
}
