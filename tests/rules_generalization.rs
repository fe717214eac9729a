//! Rule-by-rule tests of the general rules added for sites nobody tuned for (issue 8): page kinds decided on
//! positive evidence only, bylines read token by token, the notes at the body's edges, boxes of links inside the
//! body's container, event times and yearless dates, titles of profiles and single-article columns. Every page is
//! invented for its test (pages::* builds them); each test fails without its rule, and most carry a negative case
//! so the rule is seen not to fire where it must not.

#[path = "support/pages.rs"]
mod pages;
use pages::*;

use sitelift::extract::PageKind;

// ---------------------------------------------------------------------------------------------------------------
// Page kinds: skip only on positive evidence
// ---------------------------------------------------------------------------------------------------------------

/// A sidebar with a 会员登录 box (password field) beside a short article.
const LOGIN_BOX: &str = r#"<div class="login-box"><form action="/member/login.do"><p>会员登录</p><p>用户名：<input type="text" name="u"></p><p>密　码：<input type="password" name="p"></p><p><input type="submit" value="登录"></p></form></div>"#;

#[test]
fn password_box_beside_a_short_article_is_not_a_login_page() {
    let html = page(
        "关于端午节放假的通知_通知公告_青松市科学技术协会",
        &format!(
            "{LOGIN_BOX}<h1>关于端午节放假的通知</h1><div class=\"info\">发布时间：2023-06-15</div>"
        ),
        "<p>根据国务院办公厅通知精神，端午节放假三天，请各单位做好值班安排。</p>",
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.title.as_deref(), Some("关于端午节放假的通知"));
    // Negative: the form as the page is a login page.
    let login = bare(
        "会员登录_青松市科学技术协会",
        &format!("{MENU}{LOGIN_BOX}{FOOTER}"),
    );
    assert_eq!(
        skipped(process_page(PAGE_URL, &login)),
        "login page (password form)"
    );
}

/// A section of a home page: a heading, a short intro and two teaser links, and a "more" link to the column.
fn home_section(column: &str, href: &str) -> String {
    format!(
        r#"<div class="box"><h3>{column}</h3><a class="more" href="{href}">更多&gt;&gt;</a><p>青松市科学技术协会{column}栏目介绍本会在科学普及、学术交流和人才培养方面的工作与成果。</p><ul><li><a href="{href}1.html">市科协召开年度工作会议</a></li><li><a href="{href}2.html">科普志愿者走进湖滨社区</a></li></ul></div>"#
    )
}

#[test]
fn a_page_of_sections_each_with_its_own_more_link_is_an_index_page() {
    let sections: String = [
        ("新闻动态", "/xwdt/"),
        ("通知公告", "/tzgg/"),
        ("学会工作", "/xhgz/"),
    ]
    .iter()
    .map(|(c, h)| home_section(c, h))
    .collect();
    let home = bare("青松市科学技术协会", &format!("{MENU}{sections}{FOOTER}"));
    assert_eq!(
        skipped(process_page(PAGE_URL, &home)),
        "index page: 3 sections, each with a link to its whole column (更多)"
    );
    // Negative: an article beside a sidebar of two sections with their "more" links stays an article.
    let sidebar: String = [("通知公告", "/tzgg/"), ("学会工作", "/xhgz/")]
        .iter()
        .map(|(c, h)| home_section(c, h))
        .collect();
    let html = page(
        "学会简介_青松市科学技术协会",
        &format!("{sidebar}<h1>学会简介</h1>"),
        &paras(4),
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.title.as_deref(), Some("学会简介"));
}

#[test]
fn notice_whose_body_is_document_links_is_an_article_with_attachments() {
    let links: String = (1..=6)
        .map(|i| {
            format!(r#"<p><a href="/upload/2023/biao{i}.docx">附件{i}：申报表{i}.docx</a></p>"#)
        })
        .collect();
    let html = page(
        "2023年学会项目申报材料_通知公告_青松市科学技术协会",
        "<h1>2023年学会项目申报材料</h1>",
        &links,
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.attachments.len(), 6, "{:?}", r.attachments);
}

#[test]
fn download_column_of_dated_document_links_is_a_list_page() {
    // A 下载专区 column: half its items link to the file's own page, half straight to the file, each dated, and
    // a pager below. The documents are the column's items, not one notice's attachments.
    let items: String = (1..=12)
        .map(|i| {
            let href = if i % 2 == 0 {
                format!("/upload/2023/biao{i}.docx")
            } else {
                format!("/xzzq/2023/c{i}/page.htm")
            };
            format!(
                r#"<li class="news n{i}"><span class="news_title"><a href="{href}">青松市学会年度工作表格第{i}号</a></span><span class="news_meta">2023-03-{i:02}</span></li>"#
            )
        })
        .collect();
    let html = page(
        "下载专区_青松市科学技术协会",
        "",
        &format!(
            r#"<ul class="news_list">{items}</ul><div class="pager">总共 40 记录 <a href="list2.htm">下一页</a> 页码 1/3</div>"#
        ),
        "",
    );
    let reason = skipped(process_page(PAGE_URL, &html));
    assert!(
        reason.starts_with("list page: 12 similar items"),
        "{reason}"
    );
}

#[test]
fn column_page_whose_body_is_one_document_beside_a_long_column_menu_is_an_article() {
    // No headline of its own, no date: the body is a single .pdf link, and the column's menu beside it has
    // fourteen links. The document is the page's content; the menu is no evidence of a list page.
    let menu: String = (1..=14)
        .map(|i| {
            format!(
                r#"<li><a href="/kyjd/{i}/list.htm">青松市重点实验室与科研基地名录第{i}批</a></li>"#
            )
        })
        .collect();
    let body = format!(
        r#"<div class="left"><ul class="sub">{menu}</ul></div><div class="right"><div class="wp_articlecontent"><p><a href="/_upload/kyjd/guanli.pdf">国家科技合作基地管理办法（青科发〔2021〕16号）.pdf</a></p></div></div>"#
    );
    let html = bare("科研基地", &body);
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.attachments.len(), 1, "{:?}", r.attachments);
}

/// `n` list items that start with a date and link to distinct pages, each with a teaser sentence.
fn teaser_items(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                r#"<li class="item n{i}"><span>2023-05-{i:02}</span><a href="/xwdt/2023/content_{i}.html">市科协召开第{i}次学会秘书长工作会议</a><p>会议通报了学会工作进展，部署了下一阶段的重点任务，各学会秘书长参加会议。</p></li>"#
            )
        })
        .collect()
}

#[test]
fn column_of_dated_teasers_with_a_pager_is_a_list() {
    let html = page(
        "学会动态_青松市科学技术协会",
        "",
        &format!(
            r#"<ul class="newslist">{}</ul><div class="pages">共 36 条记录 页码 1/3 首页 上一页 1 2 3 下一页 尾页</div>"#,
            teaser_items(12)
        ),
        "",
    );
    let reason = skipped(process_page(PAGE_URL, &html));
    assert_eq!(
        reason,
        "list page: 12 similar items linking to other pages, and a pager"
    );
}

#[test]
fn records_without_links_under_a_pager_are_a_list() {
    // A column of talks: each item a date, a title and a place, no link, under a pager.
    let items: String = (1..=6)
        .map(|i| {
            format!(
                r#"<li><div class="time">2023-05-{i:02}</div><div class="tit">第{i}期青松科普讲坛</div><div class="info">地点：科技馆报告厅</div></li>"#
            )
        })
        .collect();
    let html = page(
        "学术活动_青松市科学技术协会",
        "",
        &format!(r#"<ul>{items}</ul><div class="pages">页码 1/9 下一页 尾页</div>"#),
        "",
    );
    assert_eq!(
        skipped(process_page(PAGE_URL, &html)),
        "list page: 6 similar records, and a pager"
    );
}

#[test]
fn article_with_paragraphs_and_a_pager_is_not_a_list() {
    // A multi-page article's first part: paragraphs and a pager, no records.
    let html = article(
        "科普工作的几点思考",
        "发布时间：2023-05-10",
        &format!(
            r#"{}<div class="pages">第1页 共3页 1 2 3 下一页</div>"#,
            paras(6)
        ),
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.title.as_deref(), Some("科普工作的几点思考"));
}

#[test]
fn article_with_a_related_list_is_an_article_and_the_list_leaves_the_body() {
    let related: String = (1..=5)
        .map(|i| {
            format!(
                r#"<li><a href="/xwdt/2023/content_{i}.html">市科协第{i}次学会工作交流会召开</a></li>"#
            )
        })
        .collect();
    let html = article(
        "市科协召开年度工作会议",
        "发布时间：2023-04-18",
        &format!("{}<ul class=\"xglb\">{related}</ul>", paras(5)),
    );
    let r = record(process_page(PAGE_URL, &html));
    let body = r.body_text.unwrap_or_default();
    assert!(body.contains(SENTENCES[0]), "{body}");
    assert!(!body.contains("学会工作交流会召开"), "{body}");
}

#[test]
fn page_with_a_headline_and_a_date_but_no_text_is_an_article() {
    // A video news item: headline, date, an empty player.
    let html = article(
        "科技周开幕式视频回顾",
        "发布时间：2023-05-21 10:30",
        r#"<div class="video"><video src="/video/kjz.mp4"></video></div>"#,
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.title.as_deref(), Some("科技周开幕式视频回顾"));
    assert_eq!(r.published.as_deref(), Some("2023-05-21T10:30:00+08:00"));
    // Negative: an empty column (a heading, nothing else) is no article.
    let empty = page("科普视频_青松市科学技术协会", "<h2>科普视频</h2>", "", "");
    assert!(matches!(
        process_page(PAGE_URL, &empty),
        sitelift::PageOutcome::Skipped(_)
    ));
}

#[test]
fn layout_column_named_nav_that_holds_prose_is_not_chrome() {
    let html = bare(
        "院长信箱_青松市科学技术协会",
        &format!(
            r#"{MENU}<div class="nav_left"><ul><li><a href="/a.html">学会简介</a></li><li><a href="/b.html">组织机构</a></li></ul></div><div class="nav_right"><div class="wp_articlecontent"><p>为畅通沟通渠道，及时解决会员在学习、工作中遇到的实际问题，现开通院长信箱，欢迎大家建言献策。</p></div></div>{FOOTER}"#
        ),
    );
    let r = record(process_page(PAGE_URL, &html));
    assert!(
        r.body_text
            .unwrap_or_default()
            .starts_with("为畅通沟通渠道"),
        "the prose in nav_right is the body"
    );
}

// ---------------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn byline_with_newsroom_prefixes_and_photographers() {
    let text = format!(
        "<p>青松新闻网讯（记者 赖一鸣 学生记者 郑文娟 摄影 辛文忠 任永华）{}</p>{}",
        SENTENCES[0],
        paras(3)
    );
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("赖一鸣、郑文娟"), "{}", show(&ex));
}

#[test]
fn a_name_line_marked_with_a_square_above_the_text_is_the_author() {
    let text = format!("<p>■林晓青</p>{}", paras(3));
    let ex = run(&article("湖畔的科学家", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("林晓青"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("林晓青"), "{}", show(&ex));
}

#[test]
fn a_post_above_the_text_is_no_author() {
    // A line above the text that is a post (党委书记), whose first character is also a surname.
    let text = format!("<p>党委书记</p>{}", paras(2));
    let ex = run(&article("学院领导", "", &text));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    assert!(body_text(&ex).contains("党委书记"), "{}", show(&ex));
}

#[test]
fn byline_line_of_its_own_above_the_text() {
    let text = format!("<p>青松日报社记者 姜一凝</p>{}", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("姜一凝"), "{}", show(&ex));
    assert!(
        !body_text(&ex).contains("姜一凝"),
        "the byline line leaves the body"
    );
}

#[test]
fn closing_names_after_the_last_sentence() {
    let text = format!("{}<p>{}（王乐文 方敏）</p>", paras(3), SENTENCES[4]);
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("王乐文、方敏"), "{}", show(&ex));
    // Negative: a parenthesis in a list item names no one.
    let list = format!("{}<p>2.学会培养计划（双修）</p>", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &list));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn closing_credit_whose_newsroom_and_role_are_glued_to_the_name() {
    // A reprint's credit line: newsroom, qualifier and role written straight onto the first name.
    let text = format!(
        "{}<p>（青松日报全媒体记者林晓 通讯员周默 孔一帆）</p>",
        paras(3)
    );
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(
        value(&ex.author),
        Some("林晓、周默、孔一帆"),
        "{}",
        show(&ex)
    );
    assert!(!body_text(&ex).contains("林晓"), "{}", show(&ex));
    // Negative: after a newsroom, glued words that are no name (no surname) make no byline.
    let text = format!("{}<p>（青松日报记者节特刊）</p>", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn credit_lines_of_an_outlet_name_the_writers_before_any_role() {
    // A reprint's credit in parentheses of its own: the outlet, its writers, then the photographer.
    let text = format!(
        "{}<p>（青松日报客户端科普频道 林晓 周默 摄影 孔一帆）</p>",
        paras(3)
    );
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("林晓、周默"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("孔一帆"), "{}", show(&ex));
    // A group's joint newsroom before the role glued to the name.
    let text = format!("{}<p>青松日报·青松在线记者林晓</p>", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("林晓"), "{}", show(&ex));
    // Negative: a place in parentheses is no outlet and no writer.
    let text = format!("{}<p>（浙江 青松）</p>", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn nobody_is_no_author_and_the_chief_editor_wins() {
    let text = format!("{}<p>（编辑：周默 责任编辑：梁一舟）</p>", paras(3));
    let ex = run(&article(
        "科技周开幕",
        "发布时间：2023-05-20 作者：佚名",
        &text,
    ));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    assert_eq!(value(&ex.editor), Some("梁一舟"), "{}", show(&ex));
}

#[test]
fn author_value_with_a_description_keeps_the_name() {
    let text = format!("{}<p>（作者：陈一露，系青松大学校长）</p>", paras(3));
    let ex = run(&article("谈科学普及", "发布时间：2023-05-20", &text));
    assert_eq!(value(&ex.author), Some("陈一露"), "{}", show(&ex));
}

// ---------------------------------------------------------------------------------------------------------------
// Body edges
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn notes_under_the_text_leave_the_body() {
    let text = format!(
        "{}<p>（本文来自青松日报客户端，未经授权不得转载）</p><p>责任编辑：梁一舟</p><p>校对：韩青</p>",
        paras(4)
    );
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    let body = body_text(&ex);
    assert!(body.ends_with(SENTENCES[3]), "{body}");
    assert_eq!(value(&ex.editor), Some("梁一舟"), "{}", show(&ex));
}

#[test]
fn an_original_title_line_at_the_start_leaves_the_body() {
    let text = format!("<p>（原标题：科协年会召开）</p>{}", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
}

#[test]
fn a_sentence_mentioning_a_source_stays_in_the_body() {
    let last = "（资料来源：青松日报、科技周组委会等）";
    let text = format!("{}<p>{last}</p>", paras(3));
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &text));
    assert!(body_text(&ex).ends_with(last), "{}", show(&ex));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn an_events_time_beside_its_place_is_not_the_publish_date() {
    let html = page(
        "第9期青松科普讲坛_学术活动_青松市科学技术协会",
        r#"<h1>第9期青松科普讲坛</h1><div class="info"><p>时间：2023-05-19 14:00</p><p>地点：科技馆报告厅</p></div>"#,
        &paras(3),
        "",
    );
    let ex = run(&html);
    assert_eq!(published(&ex), None, "{}", show(&ex));
    // Negative: a 时间 with nothing of an event beside it is the publish time.
    let ex = run(&article("科技周开幕", "时间：2023-05-19 14:00", &paras(3)));
    assert_eq!(published(&ex).as_deref(), Some("2023-05-19T14:00:00+08:00"));
}

#[test]
fn a_yearless_header_date_takes_its_year_from_a_meta_date() {
    let html = page_with_head(
        "科技周开幕_青松市科学技术协会",
        r#"<meta itemprop="dateUpdate" content="2019-09-30 22:46:13">"#,
        r#"<h1>科技周开幕</h1><div class="info">发布时间：09-30 22:46 青松网</div>"#,
        &paras(3),
        "",
    );
    let ex = run(&html);
    assert_eq!(
        published(&ex).as_deref(),
        Some("2019-09-30T22:46:00+08:00"),
        "{}",
        show(&ex)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_profile_pages_name_heading_is_its_title() {
    let html = page(
        "师资队伍_青松大学",
        r#"<div class="teacher"><div id="teacher_name">王炳玉</div><p>职称：教授</p></div>"#,
        &paras(3),
        "",
    );
    let ex = run(&html);
    assert_eq!(title(&ex), Some("王炳玉"), "{}", show(&ex));
}

#[test]
fn a_sentence_is_never_the_title() {
    let html = page(
        "城市简介_青松大学",
        "",
        &format!("<p><strong>{}</strong></p>{}", SENTENCES[2], paras(3)),
        "",
    );
    let ex = run(&html);
    assert_ne!(title(&ex), Some(SENTENCES[2]), "{}", show(&ex));
}

#[test]
fn a_badge_before_the_headline_is_not_part_of_it() {
    let ex = run(&article(
        "原创 最不愁吃肉的地方在哪里",
        "发布时间：2023-05-20",
        &paras(3),
    ));
    assert_eq!(title(&ex), Some("最不愁吃肉的地方在哪里"), "{}", show(&ex));
}

#[test]
fn kind_of_an_article_page_is_article() {
    let ex = run(&article("科技周开幕", "发布时间：2023-05-20", &paras(4)));
    assert_eq!(ex.kind, PageKind::Article);
}

// ---------------------------------------------------------------------------------------------------------------
// A mapping's [kinds]
// ---------------------------------------------------------------------------------------------------------------

fn with_mapping(toml: &str) -> sitelift::pipeline::Options {
    sitelift::pipeline::Options {
        mapping: Some(
            sitelift::Mapping::parse(std::path::Path::new("test.toml"), toml).expect("mapping"),
        ),
        ..sitelift::pipeline::Options::default()
    }
}

#[test]
fn mapping_kinds_declarations_win_over_the_heuristics() {
    let opts = with_mapping(
        "[kinds]\narticle = ['/xwdt/content_\\d+\\.html$']\nnot_article = ['/xwdt/index\\.html$']\n",
    );
    // A page the heuristics call a list is an article when its URL says so.
    let list = page(
        "学会动态_青松市科学技术协会",
        "",
        &format!("<ul>{}</ul>", teaser_items(8)),
        "",
    );
    let out =
        sitelift::pipeline::process(&raw(PAGE_URL, &list), &opts, &sitelift::pipeline::NoParts);
    assert!(
        matches!(out, sitelift::PageOutcome::Extracted(_)),
        "{out:?}"
    );
    // An article under a declared list URL is skipped, with the declaration as its reason.
    let art = article("科技周开幕", "发布时间：2023-05-20", &paras(4));
    let url = format!("{SITE}/xwdt/index.html");
    let reason = skipped(sitelift::pipeline::process(
        &raw(&url, &art),
        &opts,
        &sitelift::pipeline::NoParts,
    ));
    assert!(
        reason.starts_with("mapping: URL matches kinds.not_article"),
        "{reason}"
    );
}

#[test]
fn a_mapping_never_loses_a_page_the_run_without_it_keeps() {
    // The mapping's body selector picks the related box: on that body alone the page would read as a list.
    let related: String = (1..=6)
        .map(|i| format!(r#"<li><a href="/xwdt/2023/content_{i}.html">市科协第{i}次学会工作交流会召开</a></li>"#))
        .collect();
    let html = article(
        "科技周开幕",
        "发布时间：2023-05-20",
        &format!("{}<ul class=\"xglb\">{related}</ul>", paras(4)),
    );
    let without = process_page(PAGE_URL, &html);
    assert!(matches!(without, sitelift::PageOutcome::Extracted(_)));
    let opts = with_mapping("[selectors]\nbody = \"ul.xglb\"\n");
    let out =
        sitelift::pipeline::process(&raw(PAGE_URL, &html), &opts, &sitelift::pipeline::NoParts);
    assert!(
        matches!(out, sitelift::PageOutcome::Extracted(_)),
        "{out:?}"
    );
}

#[test]
fn an_error_message_page_is_not_an_article() {
    let html = bare(
        "提示信息",
        r##"<div class="wp_error_msg"><p>提示：访问地址无效，找不到对应的栏目！</p><p><a href="/">首页</a> <a href="#">关闭此页</a></p></div>"##,
    );
    let reason = skipped(process_page(PAGE_URL, &html));
    assert!(reason.starts_with("error page"), "{reason}");
    // Negative: an article that mentions a missing page is an article.
    let text = format!(
        "<p>据介绍，该馆旧址已不存在，原址上建起了新的科技馆。</p>{}",
        paras(2)
    );
    let r = record(process_page(
        PAGE_URL,
        &article("科技馆的变迁", "发布时间：2023-05-20", &text),
    ));
    assert_eq!(r.title.as_deref(), Some("科技馆的变迁"));
}

#[test]
fn unlabelled_name_before_the_date_in_the_info_line_is_the_author() {
    let ex = run(&article(
        "夜读札记：旧城的钟声",
        "No.312 林清和 2016-03-08 21:15",
        &paras(3),
    ));
    assert_eq!(value(&ex.author), Some("林清和"), "{}", show(&ex));
    // Negative: a channel word before the date is no person.
    let ex = run(&article(
        "夜读札记：旧城的钟声",
        "新闻动态 2016-03-08 21:15",
        &paras(3),
    ));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn last_paragraph_ending_in_a_back_to_home_link_stays_in_the_body() {
    let text = format!(
        "{}<p>展望未来，青松市将继续推进科普基础设施建设，让更多群众受益。<a href=\"/\">返回首页&gt;&gt;</a></p>",
        paras(3)
    );
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06",
        &text,
    ));
    assert!(body_text(&ex).contains("让更多群众受益"), "{}", show(&ex));
    // Negative: the same link on a line of its own is a note under the text.
    let text = format!("{}<p><a href=\"/\">返回首页&gt;&gt;</a></p>", paras(3));
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06",
        &text,
    ));
    assert!(!body_text(&ex).contains("返回首页"), "{}", show(&ex));
}

#[test]
fn zero_size_note_for_screen_readers_is_not_body_text() {
    let text = format!(
        "{}<span style=\"width:0;height:0;overflow:hidden;display:block\">正文已读完，按快捷键可发表评论</span><span style=\"font:0/0 Arial\">隐藏的提示</span>",
        paras(3)
    );
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06",
        &text,
    ));
    assert!(!body_text(&ex).contains("正文已读完"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("隐藏的提示"), "{}", show(&ex));
    // Negative: a zero margin or an unclipped box hides nothing.
    let text = format!(
        "{}<p style=\"margin:0;overflow:hidden\">会后，与会人员参观了青松市科技馆新展区。</p>",
        paras(3)
    );
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06",
        &text,
    ));
    assert!(
        body_text(&ex).contains("参观了青松市科技馆"),
        "{}",
        show(&ex)
    );
}

#[test]
fn credit_line_with_a_bar_after_the_label_names_the_editor() {
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06　责编|林晓岚",
        &paras(3),
    ));
    assert_eq!(value(&ex.editor), Some("林晓岚"), "{}", show(&ex));
    // Negative: a bar between menu words is no label.
    let ex = run(&article(
        "青松市科普设施建设综述",
        "发布时间：2021-05-06　首页 | 编辑部 | 联系我们",
        &paras(3),
    ));
    assert_eq!(value(&ex.editor), None, "{}", show(&ex));
}

#[test]
fn headline_followed_by_a_script_button_loses_the_button_text() {
    let html = page(
        "青松智造科技有限公司_企业主页_青松市人才网",
        r#"<div class="title1">青松智造科技有限公司 <a class="msg" onclick="return leave_message();">给我留言</a></div>"#,
        &paras(3),
        "",
    );
    let ex = run(&html);
    assert_eq!(title(&ex), Some("青松智造科技有限公司"), "{}", show(&ex));
}

#[test]
fn single_page_column_about_a_person_is_titled_by_the_name() {
    let crumb = r#"<div class="crumb">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/about/">关于我们</a> &gt;&gt; <a href="lin.htm">林清和</a></div>"#;
    let html = page("林清和-青松市科学技术协会", crumb, &paras(2), "");
    let ex = run(&html);
    assert_eq!(title(&ex), Some("林清和"), "{}", show(&ex));
    // Negative: a column's generic name is no headline.
    let crumb = r#"<div class="crumb">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/about/">关于我们</a> &gt;&gt; <a href="jj.htm">机构简介</a></div>"#;
    let html = page("机构简介-青松市科学技术协会", crumb, &paras(2), "");
    let ex = run(&html);
    assert_eq!(title(&ex), None, "{}", show(&ex));
}

#[test]
fn prose_that_mentions_technical_support_is_not_a_footer() {
    // The notice is written as inline spans in the container, one line of the container's own text.
    let text = "<span>各位会员：</span><br><p>青松市科协会员服务平台将于6月8日进行系统升级，届时网站暂停访问，请各位会员提前做好安排。</p><span>升级期间无法登录系统，如有急事请联系技术支持处理。由此带来的不便敬请谅解。</span><br><span>升级完成后将另行通知，感谢大家的理解与支持。</span>";
    let ex = run(&article(
        "会员服务平台系统升级通知",
        "发布时间：2023-06-01",
        text,
    ));
    assert!(body_text(&ex).contains("联系技术支持处理"), "{}", show(&ex));
    // Negative: the footer line that names its technical support stays out.
    let footer = "<div class=\"bottom\">版权所有 青松市科学技术协会 技术支持：青松网络公司 青ICP备05001234号</div>";
    let html = page(
        "会员服务平台系统升级通知_通知公告_青松市科学技术协会",
        "<h1>会员服务平台系统升级通知</h1>",
        &paras(3),
        footer,
    );
    let ex = run(&html);
    assert!(!body_text(&ex).contains("技术支持"), "{}", show(&ex));
}

#[test]
fn short_article_keeps_every_paragraph_of_its_container_despite_a_related_box_inside() {
    let related: String = (1..=8)
        .map(|i| {
            format!(
                "<p><a href=\"/news/2015/07/{i:02}.html\">青松市科技新闻第{i}条标题文字</a></p>"
            )
        })
        .collect();
    let text = format!(
        "<div class=\"endText\"><p>青松市科协记者从有关部门确认，今天下午也就科普场馆开放问题召开了会议。</p><p>不过，具体安排尚未公布。</p><div class=\"recommend\"><p><b>重点推荐</b></p>{related}</div></div>"
    );
    let html = bare(
        "科普场馆开放问题召开会议_青松市科学技术协会",
        &format!(
            "{MENU}<h1>科普场馆开放问题召开会议</h1><div>2015-07-04 15:31　来源：青松日报</div>{text}{FOOTER}"
        ),
    );
    let ex = run(&html);
    assert!(body_text(&ex).contains("具体安排尚未公布"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("科技新闻第3条"), "{}", show(&ex));
}

#[test]
fn job_posting_header_fields_closed_by_a_view_counter_leave_the_body() {
    let text = "<div class=\"job\"><p>宣讲会</p><p>青松智造科技有限公司2025届校园招聘宣讲会</p><p>时间：2025-05-19 14:00</p><p>地点：青松大学学生活动中心201</p><p>浏览量：532</p><p>招聘岗位：机械设计工程师5人，电气工程师3人，要求本科及以上学历。</p><p>公司主营智能装备研发与制造，欢迎相关专业同学前来了解。</p></div>";
    let ex = run(&article(
        "青松智造科技有限公司2025届校园招聘宣讲会",
        "",
        text,
    ));
    assert!(!body_text(&ex).contains("浏览量"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("地点："), "{}", show(&ex));
    assert!(body_text(&ex).starts_with("招聘岗位"), "{}", show(&ex));
    // Negative: a lecture notice's 时间/地点 lines without a counter are its content.
    let text = "<p>报告题目：城市湿地的科学保护</p><p>时间：2025-05-19 14:00</p><p>地点：青松市科技馆报告厅</p><p>欢迎广大科技工作者和市民朋友参加，现场将进行互动交流。</p>";
    let ex = run(&article(
        "科普报告会：城市湿地的科学保护",
        "发布时间：2025-05-12",
        text,
    ));
    assert!(
        body_text(&ex).contains("地点：青松市科技馆报告厅"),
        "{}",
        show(&ex)
    );
}

#[test]
fn header_line_marked_as_the_writer_by_its_class_is_the_author() {
    let info = r#"<div class="author-txt"><p class="author-name">湖畔读书会</p><p class="pub">2023-04-18 09:30</p></div>"#;
    let ex = run(&article("春日读书会纪实", info, &paras(3)));
    assert_eq!(value(&ex.author), Some("湖畔读书会"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("湖畔读书会"), "{}", show(&ex));
    // Negative: a linked account name in the same place is a channel, and a follow button is no writer.
    let linked = r#"<div class="news-author"><a href="/account/51"><div class="name">湖畔读书会</div></a><div class="follow">关注</div></div><p>2023-04-18 09:30</p>"#;
    let ex = run(&article("春日读书会纪实", linked, &paras(3)));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn labelled_publish_date_with_a_two_digit_year_is_read() {
    let ex = run(&article(
        "春日读书会纪实",
        "发布时间：23-04-18 09:30",
        &paras(3),
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-04-18T09:30:00+08:00"),
        "{}",
        show(&ex)
    );
    // Negative: an unlabelled two-digit date is never a publish date.
    let ex = run(&article("春日读书会纪实", "23-04-18 09:30", &paras(3)));
    assert_eq!(published(&ex), None, "{}", show(&ex));
}

#[test]
fn a_mapped_body_is_taken_whole_unless_its_text_edges_are_asked_for() {
    let text = format!(
        "{}<p>（责任编辑：李明）</p><p>点击查看报纸电子版</p>",
        paras(4)
    );
    let html = article("科技周开幕", "发布时间：2023-05-20", &text);
    let base = url::Url::parse(PAGE_URL).unwrap();
    let with = |edges: &str| {
        let m = sitelift::Mapping::parse(
            std::path::Path::new("test.toml"),
            &format!("{edges}[selectors]\nbody = \"div.wz\"\n"),
        )
        .expect("mapping");
        sitelift::extract::extract(
            &html,
            &sitelift::extract::Context {
                mapping: Some(&m),
                base: Some(&base),
                ..sitelift::extract::Context::default()
            },
        )
    };
    let body = |ex: &sitelift::extract::Extracted| ex.body.as_ref().unwrap().value.text.clone();
    // The default: the selector's element whole, the prompt after the text included.
    let whole = with("");
    assert!(body(&whole).contains("电子版"), "{}", body(&whole));
    // "text": the edges the generic rules find, and the closing line's credit as the editor.
    let text = with("body_edges = \"text\"\n");
    assert!(!body(&text).contains("电子版"), "{}", body(&text));
    assert!(!body(&text).contains("责任编辑"), "{}", body(&text));
    assert!(body(&text).contains(SENTENCES[3]), "{}", body(&text));
    assert_eq!(value(&text.editor), Some("李明"));
    // A typo in the value is refused with the key named.
    let err = sitelift::Mapping::parse(
        std::path::Path::new("test.toml"),
        "body_edges = \"txt\"\n[selectors]\nbody = \"div.wz\"\n",
    )
    .unwrap_err();
    assert!(err.to_string().contains("body_edges"), "{err}");
}

#[test]
fn column_that_is_a_roll_of_names_keeps_every_name_and_credits_no_one() {
    // A 荣休教师 column: one name per paragraph, no sentence. The short lines are the text, not a toolbar above
    // it, and the first name is an entry of the roll, not the writer's byline.
    let names = [
        "赵春明",
        "钱文华",
        "孙立平",
        "李建国",
        "周秀英",
        "吴志强",
        "郑丽华",
        "王德胜",
    ];
    let roll: String = names.iter().map(|n| format!("<p>{n}</p>")).collect();
    let html = page("荣休教师_青松大学法学院", "", &roll, "");
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.author, None, "{r:?}");
    let body = r.body_text.clone().unwrap_or_default();
    for n in names {
        assert!(body.contains(n), "{n} missing from {body:?}");
    }
    // One name alone above the text is still its byline.
    let html = page(
        "科普讲座走进社区_青松市科学技术协会",
        "<h1>科普讲座走进社区</h1><p>赵春明</p>",
        &paras(3),
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.author.as_deref(), Some("赵春明"), "{r:?}");
}
