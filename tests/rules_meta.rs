//! Rule-by-rule tests of the generic extractor (issue 4, "Hygiene"): the publish date, author, editor and source
//! (meta.rs) and the category path (breadcrumb.rs).
//!
//! Every page here is small and invented for the test; none is taken from a real site or from the corpus. Each
//! test exercises one rule named in a module's documentation and would fail without that rule; where it makes
//! sense a negative case checks that the rule does not fire where it must not. The pages and readers are shared
//! with the other `rules_*.rs` files through tests/support/pages.rs. A rule found misbehaving gets its test
//! marked `#[ignore = "misbehaviour: …"]` until it is fixed; none is now.

use sitelift::extract::Extracted;

#[path = "support/pages.rs"]
mod pages;
use pages::*;

// ---------------------------------------------------------------------------------------------------------------
// meta.rs — publish date, author, editor, source
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn meta_info_line_split_on_labels_in_the_head_zone() {
    let ex = run(&article(
        "市科协召开科普工作推进会",
        "发布时间：2023-05-06 10:20　来源：青松日报　作者：林晓　责任编辑：周默　浏览次数：128",
        &paras(4),
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-06T10:20:00+08:00"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:label 发布时间");
    assert_eq!(value(&ex.source), Some("青松日报"));
    assert_eq!(rule(&ex.source), "generic:label 来源");
    assert_eq!(value(&ex.author), Some("林晓"));
    assert_eq!(rule(&ex.author), "generic:label 作者");
    // The longest label wins: 责任编辑, not 编辑.
    assert_eq!(value(&ex.editor), Some("周默"));
    assert_eq!(rule(&ex.editor), "generic:label 责任编辑");
}

#[test]
fn meta_info_line_inside_the_container_left_out_of_the_body() {
    let text = format!(
        r#"<p class="xx">来源：青松日报　作者：林晓　发布日期：2023年5月6日</p>{}"#,
        paras(4)
    );
    let ex = run(&page(
        "市科协召开科普工作推进会_新闻动态_青松市科学技术协会",
        "<h1>市科协召开科普工作推进会</h1>",
        &text,
        "",
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-06"),
        "{}",
        show(&ex)
    );
    assert_eq!(value(&ex.author), Some("林晓"));
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
}

#[test]
fn meta_info_line_just_above_the_headline() {
    let top = r#"<div class="sub">作者：林晓　发布时间：2023-05-06</div><h1>市科协召开科普工作推进会</h1>"#;
    let ex = run(&page(
        "市科协召开科普工作推进会_新闻动态_青松市科学技术协会",
        top,
        &paras(4),
        "",
    ));
    assert_eq!(value(&ex.author), Some("林晓"), "{}", show(&ex));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-06"),
        "{}",
        show(&ex)
    );
}

#[test]
fn meta_info_line_at_the_tail_of_the_text() {
    let text = format!("{}<p>（责任编辑：周默）</p>", paras(5));
    let ex = run(&article(
        "市科协召开科普工作推进会",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.editor), Some("周默"), "{}", show(&ex));
    assert_eq!(rule(&ex.editor), "generic:label 责任编辑");
    assert!(!body_text(&ex).contains("责任编辑"), "{}", show(&ex));
}

#[test]
fn meta_info_line_after_the_body_past_tool_bars() {
    // Eleven tool-bar items (page chrome) between the text and the editor line do not count as distance.
    let tools: String = (1..=11)
        .map(|i| format!(r#"<li><a href="/tool/{i}.html">工具{i}</a></li>"#))
        .collect();
    let bottom = format!(r#"<ul class="tool-menu">{tools}</ul><div class="bj">编辑：周默</div>"#);
    let ex = run(&page(
        "市科协召开科普工作推进会_新闻动态_青松市科学技术协会",
        "<h1>市科协召开科普工作推进会</h1>",
        &paras(4),
        &bottom,
    ));
    assert_eq!(value(&ex.editor), Some("周默"), "{}", show(&ex));
    // Negative: past ten ordinary blocks after the text, a label line is no longer the article's.
    let lines: String = (1..=11)
        .map(|i| format!("<p>第{i}期科普讲座预告</p>"))
        .collect();
    let bottom = format!(r#"{lines}<div class="bj">编辑：周默</div>"#);
    let ex = run(&page(
        "市科协召开科普工作推进会_新闻动态_青松市科学技术协会",
        "<h1>市科协召开科普工作推进会</h1>",
        &paras(4),
        &bottom,
    ));
    assert_eq!(value(&ex.editor), None, "{}", show(&ex));
}

#[test]
fn meta_event_time_inside_the_body_is_not_the_publish_date() {
    let text = format!(
        "<p>为普及防灾减灾知识，市科协将举办应急科普讲座，欢迎广大市民报名参加。</p><p>时间：2023年6月10日上午9:00</p><p>地点：青松市科技馆报告厅</p>{}",
        paras(3)
    );
    let ex = run(&page(
        "应急科普讲座预告_通知公告_青松市科学技术协会",
        "<h1>应急科普讲座预告</h1>",
        &text,
        "",
    ));
    assert_eq!(published(&ex), None, "{}", show(&ex));
    assert!(
        body_text(&ex).contains("时间：2023年6月10日"),
        "{}",
        show(&ex)
    );
    // Negative: in the info line under the headline, 时间： is the publish date.
    let ex = run(&article(
        "应急科普讲座预告",
        "时间：2023-05-30　来源：学会部",
        &paras(4),
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-30"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:label 时间");
}

#[test]
fn meta_byline_at_the_start_of_the_text() {
    let text = format!(
        "<p>本报讯（记者 林晓 通讯员 周默）5月6日，青松市科协在湖滨社区举办科普开放日活动，吸引了众多居民参加。</p>{}",
        paras(3)
    );
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), Some("林晓、周默"), "{}", show(&ex));
    assert_eq!(rule(&ex.author), "generic:byline");
    // Negative: a parenthesis naming no writer's role is no byline.
    let text = format!(
        "<p>（青松市科协供稿）5月6日，青松市科协在湖滨社区举办科普开放日活动，吸引了众多居民参加。</p>{}",
        paras(3)
    );
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn meta_byline_at_the_end_of_the_text() {
    let text = format!(
        "{}<p>活动持续到傍晚，参与的居民纷纷表示收获很大，希望今后多举办类似的活动。（文字 林晓）</p>",
        paras(4)
    );
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), Some("林晓"), "{}", show(&ex));
    assert_eq!(rule(&ex.author), "generic:byline");
    assert!(
        body_text(&ex).contains("希望今后多举办类似的活动"),
        "{}",
        show(&ex)
    );
}

#[test]
fn meta_radio_reporter_credit_closing_the_text() {
    let cases = [
        // A radio station's reporter (`交通广播记者`), in ASCII parentheses as reprints often have them.
        (
            "希望今后多举办类似的活动。(交通广播记者 林晓)",
            "发布时间：2023-05-06",
            "林晓",
        ),
        // A credit that names its outlet first, after 来源 (a reprint: its header names the source too).
        (
            "希望今后多举办类似的活动，让更多的孩子在动手实践中体会到科学探索的乐趣与意义。（来源：青松日报客户端 记者 林晓 周默）",
            "来源：青松日报 发布时间：2023-05-06",
            "林晓、周默",
        ),
    ];
    for (closing, info, author) in cases {
        let text = format!(
            "{}<p>活动持续到傍晚，参与的居民纷纷表示收获很大，{closing}</p>",
            paras(4)
        );
        let ex = run(&article("湖滨社区科普开放日", info, &text));
        assert_eq!(value(&ex.author), Some(author), "{}", show(&ex));
        assert_eq!(rule(&ex.author), "generic:byline");
    }
}

#[test]
fn meta_labelled_credit_closing_the_text() {
    let text = format!(
        "{}<p>活动持续到傍晚，参与的居民纷纷表示收获很大，希望今后多举办类似的活动。（文/图 韩青）</p>",
        paras(4)
    );
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), Some("韩青"), "{}", show(&ex));
    assert_eq!(rule(&ex.author), "generic:label 文/图");
}

#[test]
fn meta_paragraph_carrying_a_credit_stays_in_the_body() {
    let closing = "活动持续到傍晚，参与的居民纷纷表示收获很大，希望今后多举办类似的活动。";
    let text = format!("{}<p>{closing}（文/图 韩青）</p>", paras(4));
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert!(body_text(&ex).contains(closing), "{}", show(&ex));
    let opening = "5月6日，青松市科协在湖滨社区举办科普开放日活动，吸引了众多居民参加。";
    let text = format!("<p>本报讯（通讯员：周默）{opening}</p>{}", paras(4));
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert!(body_text(&ex).contains(opening), "{}", show(&ex));
}

#[test]
fn meta_credit_line_with_slash_labels() {
    let text = format!("{}<p>文字/林晓　摄影/宋一帆</p>", paras(4));
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), Some("林晓"), "{}", show(&ex));
    assert_eq!(rule(&ex.author), "generic:label 文字");
    assert!(!body_text(&ex).contains("宋一帆"), "{}", show(&ex));
}

#[test]
fn meta_bare_name_line_with_common_surname() {
    let text = format!("<p>韦晓明</p>{}", paras(4));
    let ex = run(&article("湖畔的科学课", "发布时间：2023-05-06", &text));
    assert_eq!(value(&ex.author), Some("韦晓明"), "{}", show(&ex));
    assert_eq!(rule(&ex.author), "generic:name line");
    // Negative: a short line that is not a name (湖 is no common surname).
    let text = format!("<p>湖畔随笔</p>{}", paras(4));
    let ex = run(&article("湖畔的科学课", "发布时间：2023-05-06", &text));
    assert_eq!(value(&ex.author), None, "{}", show(&ex)); // Four characters make a name only after a two-character surname: 车务服务 (车 is a surname) is a
    // column's heading, 欧阳明远 a writer.
    let text = format!("<p>车务服务</p>{}", paras(4));
    let ex = run(&article("湖畔的科学课", "发布时间：2023-05-06", &text));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    let text = format!("<p>欧阳明远</p>{}", paras(4));
    let ex = run(&article("湖畔的科学课", "发布时间：2023-05-06", &text));
    assert_eq!(value(&ex.author), Some("欧阳明远"), "{}", show(&ex));
    // Negative: the name line repeats the headline (a profile shows the person's name as the page's heading and
    // again beside the photo): the headline, not a byline.
    let text = format!("<p>欧阳明远</p>{}", paras(4));
    let ex = run(&article("欧阳明远", "", &text));
    assert_eq!(value(&ex.title), Some("欧阳明远"), "{}", show(&ex));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}

#[test]
fn meta_role_suffixes_stripped() {
    let ex = run(&article(
        "湖滨社区科普开放日",
        "作者：陈晓 整合　发布时间：2023-05-06",
        &paras(4),
    ));
    assert_eq!(value(&ex.author), Some("陈晓"), "{}", show(&ex));
    let text = format!(
        "<p>本报讯（记者 林晓 周默 报道）5月6日，青松市科协在湖滨社区举办科普开放日活动，吸引了众多居民参加。</p>{}",
        paras(3)
    );
    let ex = run(&article(
        "湖滨社区科普开放日",
        "发布时间：2023-05-06",
        &text,
    ));
    assert_eq!(value(&ex.author), Some("林晓、周默"), "{}", show(&ex));
}

#[test]
fn meta_visible_date_with_time_beats_meta_date() {
    let head = r#"<meta name="PubDate" content="2023-05-07">"#;
    let top =
        r#"<h1>湖滨社区科普开放日</h1><div class="info">2023-05-06 10:20　来源：青松日报</div>"#;
    let ex = run(&page_with_head(
        "湖滨社区科普开放日_新闻动态_青松市科学技术协会",
        head,
        top,
        &paras(4),
        "",
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-06T10:20:00+08:00"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:date in info line");
    // Negative: a visible date without a time loses to the <meta> date.
    let top = r#"<h1>湖滨社区科普开放日</h1><div class="info">2023-05-06　来源：青松日报</div>"#;
    let ex = run(&page_with_head(
        "湖滨社区科普开放日_新闻动态_青松市科学技术协会",
        head,
        top,
        &paras(4),
        "",
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-07"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:meta pubdate");
}

#[test]
fn meta_source_from_meta_tag() {
    let head = r#"<meta name="ContentSource" content="青松市科协学会部">"#;
    let ex = run(&page_with_head(
        "湖滨社区科普开放日_新闻动态_青松市科学技术协会",
        head,
        "<h1>湖滨社区科普开放日</h1>",
        &paras(4),
        "",
    ));
    assert_eq!(value(&ex.source), Some("青松市科协学会部"), "{}", show(&ex));
    assert_eq!(rule(&ex.source), "generic:meta contentsource");
}

#[test]
fn meta_signature_date_fallback() {
    let text = format!(
        "<p>各区县科协、各市级学会：</p>{}<p>青松市科学技术协会</p><p>2023年4月18日</p>",
        paras(3)
    );
    let ex = run(&page(
        "关于开展科技周活动的通知_通知公告_青松市科学技术协会",
        "<h1>关于开展科技周活动的通知</h1>",
        &text,
        "",
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-04-18"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:signature date");
    assert!(
        body_text(&ex).ends_with("2023年4月18日"),
        "the signature stays in the text"
    );
    // Negative: a last sentence that starts with a date is no signature.
    let text = format!(
        "{}<p>2023年4月18日起，报名通道正式开放，请各单位及时组织申报。</p>",
        paras(3)
    );
    let ex = run(&page(
        "关于开展科技周活动的通知_通知公告_青松市科学技术协会",
        "<h1>关于开展科技周活动的通知</h1>",
        &text,
        "",
    ));
    assert_eq!(published(&ex), None, "{}", show(&ex));
}

#[test]
fn meta_date_in_url_fallback() {
    let html = page(
        "科技周活动圆满落幕_新闻动态_青松市科学技术协会",
        "<h1>科技周活动圆满落幕</h1>",
        &paras(4),
        "",
    );
    let ex = run_at(&html, DATED_URL);
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-04-18"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.published), "generic:date in URL");
    // Negative: no date in the URL, none on the page.
    let ex = run_at(&html, PAGE_URL);
    assert_eq!(published(&ex), None, "{}", show(&ex));
}

// ---------------------------------------------------------------------------------------------------------------
// breadcrumb.rs — the category path
// ---------------------------------------------------------------------------------------------------------------

/// The category found on a page whose top holds `crumb`.
fn crumb_page(crumb: &str) -> Extracted {
    run(&page(
        "市科协召开科普工作推进会_青松市科学技术协会",
        &format!("{crumb}<h1>市科协召开科普工作推进会</h1>"),
        &paras(4),
        "",
    ))
}

/// The page with `crumb` on top, after checking its category is `want`.
fn crumb_is(crumb: &str, want: &[&str]) -> Extracted {
    let ex = crumb_page(crumb);
    assert_eq!(category(&ex).as_deref(), Some(want), "{}", show(&ex));
    ex
}

#[test]
fn breadcrumb_marker_line_with_separators() {
    let ex = crumb_is(
        r#"<div>当前位置：<a href="/">首页</a> &gt; <a href="/xwdt/">新闻动态</a> &gt; <a href="/xwdt/kxyw/">科协要闻</a> &gt; 正文</div>"#,
        &["新闻动态", "科协要闻"],
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb 当前位置");
}

#[test]
fn breadcrumb_links_without_separators() {
    let ex = crumb_is(
        r#"<div>您现在的位置：<a href="/">首页</a><a href="/xhgz/">学会工作</a><a href="/xhgz/nh/">学术年会</a></div>"#,
        &["学会工作", "学术年会"],
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb 您现在的位置");
}

#[test]
fn breadcrumb_slash_separators() {
    crumb_is(
        "<p>所在位置：首页 / 科普活动 / 科普讲座</p>",
        &["科普活动", "科普讲座"],
    );
}

#[test]
fn breadcrumb_element_marked_by_class() {
    let ex = crumb_is(
        r#"<div class="crumbs"><a href="/index.html">首页</a> » <a href="/kphd/">科普活动</a> » 正文</div>"#,
        &["科普活动"],
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb element");
    // Negative: an element with no such class and no marker is no breadcrumb.
    let ex = crumb_page(
        r#"<div class="lm"><a href="/index.html">首页</a> » <a href="/kphd/">科普活动</a></div>"#,
    );
    assert_eq!(category(&ex), None, "{}", show(&ex));
}

#[test]
fn breadcrumb_inline_element_marked_by_class() {
    // A portal's position span inside a table cell, its links kept apart by spaces only.
    let ex = crumb_is(
        r#"<table><tr><td><span frag="面板4"><span class="Column_Position"><a href="/main.htm">首页</a><span class="possplit">&nbsp;&nbsp;</span><a href="/886/list.htm">科普基地</a><span class="possplit">&nbsp;&nbsp;</span><a href="/kpjd/list.htm">青少年科普基地</a></span></span></td></tr></table>"#,
        &["科普基地", "青少年科普基地"],
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb element");
    // Negative: the same cell without the marked span is no breadcrumb.
    let ex = crumb_page(
        r#"<table><tr><td><span class="lm"><a href="/main.htm">首页</a>&nbsp;&nbsp;<a href="/886/list.htm">科普基地</a></span></td></tr></table>"#,
    );
    assert_eq!(category(&ex), None, "{}", show(&ex));
}

#[test]
fn breadcrumb_written_as_a_list_beside_a_heading() {
    // The marked element holds the column's heading and the trail as list items, only the first one a link.
    crumb_is(
        r#"<section class="page-breadcrumb"><h2>学会简介</h2><ol><li><a href="/">首页</a></li><li>关于我们</li><li class="active">学会简介</li></ol></section>"#,
        &["关于我们", "学会简介"],
    );
}

#[test]
fn breadcrumb_link_to_the_site_root_removed() {
    // The first item links home under the site's own name.
    crumb_is(
        r#"<div>当前位置：<a href="../../index.html">青松科协</a> &gt; <a href="/xhgz/">学会工作</a> &gt; <a href="/xhgz/tz/">通知</a></div>"#,
        &["学会工作", "通知"],
    );
    // Negative: a first link that does not go home is a real item.
    crumb_is(
        r#"<div>当前位置：<a href="/jgsz/">机构设置</a> &gt; <a href="/jgsz/xhb/">学会部</a></div>"#,
        &["机构设置", "学会部"],
    );
}

#[test]
fn breadcrumb_inside_the_container_left_out_of_the_body() {
    let text = format!(
        r#"<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/xwdt/">新闻动态</a></div>{}"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert_eq!(category(&ex), Some(vec!["新闻动态"]));
    assert!(!body_text(&ex).contains("当前位置"), "{}", show(&ex));
}

#[test]
fn a_sources_print_date_and_page_are_not_its_name() {
    for (cell, want) in [
        ("来源： 2022年11月21日 青松日报 第1版", "青松日报"),
        ("来源：湖滨晚报2014年8月8日第5版", "湖滨晚报"),
        ("来源：青松新闻网 2023-05-06", "青松新闻网"),
        ("来源：青松日报", "青松日报"),
    ] {
        let ex = run(&article(
            "市科协召开科普工作推进会",
            &format!("发稿时间：2023-05-06 10:20　{cell}"),
            &paras(3),
        ));
        assert_eq!(value(&ex.source), Some(want), "{cell}: {}", show(&ex));
    }
}

#[test]
fn an_event_time_field_at_the_end_of_a_short_notice_is_no_signature() {
    // A talk notice of one sentence under its 时间 and 地点 fields: the time is when the talk happens, and the
    // page shows no date of its own.
    let text = r#"<p class="con_time">时间：2023-06-02 14:30</p><p class="con_time">地点：青松市科技馆报告厅</p><p>欢迎各学会会员和市民朋友届时参加。</p>"#;
    let ex = run(&page(
        "青松市科普大讲堂第十二讲_活动预告_青松市科学技术协会",
        "<h1>青松市科普大讲堂第十二讲</h1>",
        text,
        "",
    ));
    assert_eq!(published(&ex), None, "{}", show(&ex));
    // The same notice signed with a bare date under its text has that date.
    let signed = format!("{text}<p>青松市科学技术协会</p><p>2023年5月26日</p>");
    let ex = run(&page(
        "青松市科普大讲堂第十二讲_活动预告_青松市科学技术协会",
        "<h1>青松市科普大讲堂第十二讲</h1>",
        &signed,
        "",
    ));
    assert_eq!(
        published(&ex).as_deref(),
        Some("2023-05-26"),
        "{}",
        show(&ex)
    );
}

#[test]
fn meta_author_line_under_photo_captions_is_read_before_the_first_paragraph() {
    // A newspaper's full-page reprint: three photos with their captions open the text, then the credit line,
    // then the first full paragraph.
    let captions: String = [
        "青松市科技馆新馆面向公众开放。资料图片",
        "湖滨社区科普志愿者为居民讲解节能知识。",
        "2023年，青松市新建社区科普e站二十个。",
    ]
    .iter()
    .enumerate()
    .map(|(i, c)| format!("<p><img src=\"/images/kp{i}.jpg\"></p><p>{c}</p>"))
    .collect();
    let full = format!("<p>{}{}</p>", SENTENCES[0], SENTENCES[1]);
    let credit = "<p>作者：青松日报调研组</p>";
    let run_text = |text: String| {
        run(&article(
            "从科普之问到科普之行——青松市推进全民科学素质行动纪实",
            "来源：青松日报　发布时间：2023-05-06 10:20",
            &text,
        ))
    };
    let ex = run_text(format!("{captions}{credit}{full}{}", paras(8)));
    assert_eq!(value(&ex.author), Some("青松日报调研组"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("作者："), "{}", show(&ex));
    // Negative: the same line after the first full paragraph, far from the text's end, is the text's own.
    let ex = run_text(format!("{captions}{full}{credit}{}", paras(8)));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
}
