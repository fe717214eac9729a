//! Rule-by-rule tests of the generic extractor (issue 4, "Hygiene": unit tests for each rule on pages we write
//! ourselves). Every page here is small and invented for the test; none is taken from a real site or from the
//! corpus. Each test exercises one rule named in a module's documentation and would fail without that rule;
//! where it makes sense a negative case checks that the rule does not fire where it must not.
//!
//! Tests are grouped by the module that owns the rule. Extraction is called through the library
//! (`sitelift::extract::extract`); classification and multi-page merging go through `sitelift::pipeline::process`.
//!
//! A rule found misbehaving gets its test marked `#[ignore = "misbehaviour: …"]` until it is fixed; none is now.

use std::collections::HashMap;

use sitelift::RawPage;
use sitelift::extract::{Extracted, PageKind};
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
// title.rs — the headline
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn title_headline_beats_title_tag_with_suffix() {
    // <title> shortens the headline and adds the column and site: the headline element wins.
    let ex = run(&page(
        "科协召开年度工作会议_新闻动态_青松市科学技术协会",
        "<h1>青松市科协召开年度工作会议</h1><div>发布时间：2023-05-06</div>",
        &paras(4),
        "",
    ));
    assert_eq!(
        title(&ex),
        Some("青松市科协召开年度工作会议"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.title), "generic:headline <h1>");
}

#[test]
fn title_tag_suffixes_cut_when_no_headline() {
    for (tag, want) in [
        (
            "全市科普志愿者培训班顺利结业_科普活动_青松市科学技术协会",
            "全市科普志愿者培训班顺利结业",
        ),
        (
            "学会年检工作办事流程-青松大学科学技术研究部",
            "学会年检工作办事流程",
        ),
        (
            "科技馆暑期开放时间调整 - 青松科普网",
            "科技馆暑期开放时间调整",
        ),
    ] {
        let ex = run(&page(tag, "", &paras(4), ""));
        assert_eq!(title(&ex), Some(want), "{tag}: {}", show(&ex));
        assert_eq!(rule(&ex.title), "generic:<title> without site suffix");
    }
}

#[test]
fn title_breadcrumb_end_is_never_the_headline() {
    // The column's heading box (a marked <h2>) would outscore the real <h3> headline; it repeats the breadcrumb's
    // last item, so it is the column's name. (The last item is plain text and not in the menu, so no link
    // carries it: the menu-words rule stays out of this.)
    let top = r#"<div class="position">当前位置：<a href="/">首页</a> &gt; 公示公告</div>
        <h2 class="lm-title">公示公告</h2><h3>关于举办科技辅导员培训班的通知</h3>"#;
    let ex = run(&page("公示公告_青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(category(&ex), Some(vec!["公示公告"]));
    assert_eq!(
        title(&ex),
        Some("关于举办科技辅导员培训班的通知"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_menu_words_are_never_the_headline() {
    // No breadcrumb: the marked <h2> carries the words of a menu link (科普活动), so it is a column name.
    let top = r#"<h2 class="column-title">科普活动</h2><h3>青少年机器人竞赛在我市举行</h3>"#;
    let ex = run(&page("科普活动_青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(
        title(&ex),
        Some("青少年机器人竞赛在我市举行"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_tag_naming_only_the_column_gives_no_title() {
    // With a breadcrumb: <title> is the breadcrumb's last item.
    let top = r#"<div class="position">当前位置：<a href="/">首页</a> &gt; 学会动态</div>"#;
    let ex = run(&page("学会动态_青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(title(&ex), None, "{}", show(&ex));
    // Without one: <title> is the words of a menu link.
    let ex = run(&page("学会工作_青松市科学技术协会", "", &paras(4), ""));
    assert_eq!(title(&ex), None, "{}", show(&ex));
    // Negative: a <title> naming the article is used.
    let ex = run(&page(
        "学会换届大会顺利召开_学会工作_青松市科学技术协会",
        "",
        &paras(4),
        "",
    ));
    assert_eq!(title(&ex), Some("学会换届大会顺利召开"), "{}", show(&ex));
}

#[test]
fn title_linked_headline_only_when_title_tag_repeats_it() {
    let top = r#"<h1><a href="/xwdt/content_8812.html">青松市举办首届科普讲解大赛</a></h1>"#;
    let ex = run(&page(
        "青松市举办首届科普讲解大赛_新闻动态_青松市科学技术协会",
        top,
        &paras(4),
        "",
    ));
    assert_eq!(
        title(&ex),
        Some("青松市举办首届科普讲解大赛"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.title), "generic:headline <h1>");
    // Negative: a linked heading the <title> does not repeat is a link to another page.
    let top = r#"<h1><a href="/xwdt/content_8700.html">青松市举办首届科普讲解大赛</a></h1>"#;
    let ex = run(&page("青松市科学技术协会", top, &paras(4), ""));
    assert_ne!(
        title(&ex),
        Some("青松市举办首届科普讲解大赛"),
        "{}",
        show(&ex)
    );
    assert!(
        !rule(&ex.title).starts_with("generic:headline"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_sentence_like_candidates_are_penalised() {
    // <title> names only the site, so tag and position decide: the <h2> sentence would beat the <h3> headline.
    let top = r#"<h3>全市科普工作再创佳绩</h3><h2>今年以来，全市共开展科普活动一百余场，惠及群众五万余人。</h2>"#;
    let ex = run(&page("青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(title(&ex), Some("全市科普工作再创佳绩"), "{}", show(&ex));
}

#[test]
fn title_meta_articletitle_when_no_headline() {
    let head = r#"<meta name="ArticleTitle" content="关于公布优秀科普作品评选结果的公告">"#;
    let ex = run(&page_with_head(
        "青松市科学技术协会",
        head,
        "",
        &paras(4),
        "",
    ));
    assert_eq!(
        title(&ex),
        Some("关于公布优秀科普作品评选结果的公告"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.title), "generic:meta articletitle");
}

#[test]
fn title_element_marked_title_is_a_candidate() {
    // A plain <div> is no headline; one whose class says title is.
    let top = r#"<div class="article-title">市科协赴基层开展调研活动</div>"#;
    let ex = run(&page("青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(
        title(&ex),
        Some("市科协赴基层开展调研活动"),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.title), "generic:headline <div>");
    // Negative: the same <div> without the class is not taken.
    let top = r#"<div class="box">市科协赴基层开展调研活动</div>"#;
    let ex = run(&page("青松市科学技术协会", top, &paras(4), ""));
    assert_ne!(
        title(&ex),
        Some("市科协赴基层开展调研活动"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_large_font_is_a_candidate() {
    let top = r#"<table><tr><td align="center"><font size="5" color="navy">科普大篷车开进山区小学</font></td></tr></table>"#;
    let ex = run(&page("青松市科学技术协会", top, &paras(4), ""));
    assert_eq!(title(&ex), Some("科普大篷车开进山区小学"), "{}", show(&ex));
    assert_eq!(rule(&ex.title), "generic:headline <font>");
}

#[test]
fn title_heading_after_the_body_is_penalised() {
    // A large "recommended" <h1 class="title"> after the text would outscore the real <h2> headline before it.
    let bottom = r#"<h1 class="title" style="font-size: 24px">往期精彩内容推荐</h1>"#;
    let top = "<h2>市科协召开学会秘书长工作例会</h2>";
    let ex = run(&page("青松市科学技术协会", top, &paras(4), bottom));
    assert_eq!(
        title(&ex),
        Some("市科协召开学会秘书长工作例会"),
        "{}",
        show(&ex)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// body.rs and analysis.rs — the body container, page chrome, hidden content
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn body_densest_block_wins() {
    let sidebar = r#"<div class="side"><ul><li><a href="/xwdt/1.html">市科协召开党组会议</a></li><li><a href="/xwdt/2.html">学会服务站揭牌成立</a></li><li><a href="/xwdt/3.html">科普志愿者风采展示</a></li></ul></div>"#;
    let ex = run(&page(
        "湖滨社区举办科普开放日活动_新闻动态_青松市科学技术协会",
        &format!("{sidebar}<h1>湖滨社区举办科普开放日活动</h1>"),
        &paras(4),
        "",
    ));
    assert_eq!(rule(&ex.body), "generic:densest block");
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
    assert!(body_text(&ex).ends_with(SENTENCES[3]), "{}", show(&ex));
    for chrome in ["网站首页", "学会服务站", "版权所有"] {
        assert!(!body_text(&ex).contains(chrome), "{chrome}: {}", show(&ex));
    }
}

#[test]
fn body_cms_container_class_wins_over_denser_parent() {
    // The parent holds the TRS_Editor box and one more paragraph, so it is the densest block; the CMS's own
    // container is the article.
    let text = format!(
        r#"<div class="TRS_Editor">{}</div><p>本栏目稿件欢迎转载，转载时请注明出处，并保留作者署名和原文链接。</p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert_eq!(
        rule(&ex.body),
        "generic:container .trs_editor",
        "{}",
        show(&ex)
    );
    assert!(!body_text(&ex).contains("欢迎转载"), "{}", show(&ex));
    assert!(body_text(&ex).contains(SENTENCES[3]));
}

#[test]
fn body_cms_container_ignored_when_it_holds_little_text() {
    // A `zoom` box holding a sentence is not the article when far more prose sits elsewhere.
    let text = format!(
        r#"<div class="zoom">字号调整后请刷新页面。</div>{}"#,
        paras(5)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert_eq!(rule(&ex.body), "generic:densest block", "{}", show(&ex));
    assert!(body_text(&ex).contains(SENTENCES[4]), "{}", show(&ex));
}

#[test]
fn body_chrome_named_wrapper_around_most_of_the_page_is_not_chrome() {
    // `page-nav` names navigation, but this element wraps the whole page: it is a wrapper, not chrome.
    let body = format!(
        r#"<div class="page-nav">{MENU}<h1>市科协开展科技下乡活动</h1><div class="wz">{}</div></div>{FOOTER}"#,
        paras(4)
    );
    let ex = run(&bare("市科协开展科技下乡活动_青松市科学技术协会", &body));
    assert!(body_text(&ex).contains(SENTENCES[2]), "{}", show(&ex));
    assert_eq!(ex.kind, PageKind::Article);
    // Negative: a small element with the same kind of name is chrome, and its prose stays out.
    let body = format!(
        r#"<div class="outer"><div class="wz">{}</div><div class="page-nav"><p>欢迎访问本站，本站提供科普资讯、学会服务和办事指南等栏目。</p></div></div>{FOOTER}"#,
        paras(4)
    );
    let ex = run(&bare("市科协开展科技下乡活动_青松市科学技术协会", &body));
    assert!(!body_text(&ex).contains("欢迎访问本站"), "{}", show(&ex));
}

#[test]
fn body_consent_box_is_chrome() {
    // Beside the article in one wrapper: were the consent box prose, the wrapper would win and include it.
    let body = format!(
        r#"{MENU}<div class="outer"><div class="wz">{}</div><div class="consent-banner"><p>本网站使用必要的技术手段记录访问信息，继续浏览即表示您同意我们依照隐私政策处理相关数据。</p></div></div>{FOOTER}"#,
        paras(4)
    );
    let ex = run(&bare("青松市科学技术协会", &body));
    assert!(body_text(&ex).contains(SENTENCES[0]), "{}", show(&ex));
    assert!(!body_text(&ex).contains("隐私政策"), "{}", show(&ex));
}

#[test]
fn body_hidden_content_is_left_out() {
    let text = format!(
        r#"{}<p class="sr-only">屏幕阅读器专用提示文字，请勿显示。</p><div class="d-none">折叠起来的备用说明文字。</div><p style="DISPLAY: none">隐藏段落不应出现在正文中。</p><p class="hidden-print">打印时隐藏但屏幕上可见的说明文字。</p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    for hidden in ["屏幕阅读器", "折叠起来", "隐藏段落"] {
        assert!(!body_text(&ex).contains(hidden), "{hidden}: {}", show(&ex));
    }
    // Negative: `hidden-print` hides only on paper.
    assert!(body_text(&ex).contains("屏幕上可见"), "{}", show(&ex));
}

#[test]
fn body_boilerplate_lines_inside_the_container_are_left_out() {
    let text = format!("{}<p>版权所有 青松市科学技术协会</p>", paras(4));
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(!body_text(&ex).contains("版权所有"), "{}", show(&ex));
}

// ---------------------------------------------------------------------------------------------------------------
// body.rs — pruning inside the container
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn prune_link_dense_block() {
    let text = format!(
        r#"{}<ul><li><a href="/xwdt/101.html">全市青少年科技创新大赛获奖名单公示</a></li><li><a href="/xwdt/102.html">科技工作者日系列活动精彩回顾</a></li></ul>{}"#,
        paras(3),
        paras(2)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).contains(SENTENCES[0]), "{}", show(&ex));
    assert!(!body_text(&ex).contains("获奖名单公示"), "{}", show(&ex));
}

#[test]
fn prune_keeps_link_dense_blocks_with_attachments() {
    // All links, but one of them is the article's document: the block is content.
    let text = format!(
        r#"{}<div><a href="/upload/2023/shenbao.docx">科普基地申报表</a> <a href="/wsbs/kpjd/sb.html">网上申报系统入口（点击进入填报页面）</a></div>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).contains("科普基地申报表"), "{}", show(&ex));
    // Links to documents do not count as navigation in the first place.
    let text = format!(
        r#"{}<ul><li><a href="/upload/2023/shishi.pdf">科普基地认定实施细则</a></li><li><a href="/upload/2023/biao.docx">科普基地推荐汇总表</a></li></ul>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(
        body_text(&ex).contains("科普基地推荐汇总表"),
        "{}",
        show(&ex)
    );
}

#[test]
fn prune_reading_aid_lines() {
    let text = format!(
        r#"<p>【字体：大 中 小】</p>{}<p>【打印本页】【关闭窗口】</p>{}"#,
        paras(2),
        paras(2)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(!body_text(&ex).contains("字体"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("打印本页"), "{}", show(&ex));
    assert!(body_text(&ex).ends_with(SENTENCES[1]), "{}", show(&ex));
    // 上一篇/下一篇 lines, wherever they sit.
    let text = format!(
        r#"<p>上一篇：<a href="/xwdt/8811.html">学会服务站揭牌</a></p>{}<p>下一篇：<a href="/xwdt/8813.html">科普讲解大赛决赛举行</a></p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
    assert!(body_text(&ex).ends_with(SENTENCES[3]), "{}", show(&ex));
    // Negative: a paragraph of 100 characters or more mentioning 打印本页 is article text.
    let long = "<p>请各单位打印本页所附报名表，由单位负责人签字并加盖公章后，于五月二十日前报送市科协学会部，逾期不再受理；报名表电子版同时发送至学会部工作邮箱，以便汇总统计参会人数、安排住宿和会务接送，联系电话请见通知正文末尾。</p>";
    let ex = run(&page(
        "青松市科学技术协会",
        "",
        &format!("{}{long}", paras(3)),
        "",
    ));
    assert!(body_text(&ex).contains("请各单位打印本页"), "{}", show(&ex));
}

#[test]
fn prune_sentence_mentioning_a_marker_phrase_is_text() {
    let sentence = "据相关报道，今年我市科普场馆共接待观众一百二十万人次，创历史新高。";
    let text = format!(
        "{}<p>{sentence}</p>{}",
        paras(4),
        "<p>下一步，市科协将继续推动科普场馆免费开放，完善预约参观服务。</p>"
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).contains(sentence), "{}", show(&ex));
    assert!(body_text(&ex).contains("完善预约参观服务"), "{}", show(&ex));
}

#[test]
fn prune_share_word_lines() {
    let text = format!(
        "{}<div>微信</div><div>微博</div><div>QQ空间</div>",
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(!body_text(&ex).contains("微博"), "{}", show(&ex));
    assert!(!body_text(&ex).contains("QQ空间"), "{}", show(&ex));
}

#[test]
fn prune_widget_cluster_before_the_text() {
    let text = format!(
        r#"<ul class="tools"><li>放大</li><li>缩小</li><li>朗读</li></ul>{}"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
    // Negative: one short line before the text (an editor's note heading) is not a widget bar.
    let text = format!("<p>编者按</p>{}", paras(4));
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).starts_with("编者按"), "{}", show(&ex));
}

#[test]
fn prune_boilerplate_boxes_by_class() {
    for class in [
        "comment-list",
        "share-bar",
        "related-news",
        "img-caption",
        "article-byline",
        "post-tags",
    ] {
        let text = format!(
            r#"{}<div class="{class}"><p>这一段文字属于页面附属内容，不是文章本身。</p></div>{}"#,
            paras(2),
            paras(3)
        );
        let ex = run(&page("青松市科学技术协会", "", &text, ""));
        assert!(
            body_text(&ex).contains(SENTENCES[2]),
            "{class}: {}",
            show(&ex)
        );
        assert!(
            !body_text(&ex).contains("附属内容"),
            "{class}: {}",
            show(&ex)
        );
    }
}

#[test]
fn prune_boilerplate_named_wrapper_holding_most_text_is_kept() {
    // `post-meta-wrap` has a boilerplate word, but holds most of the text: a wrapper with an odd name.
    let text = format!(
        r#"<div class="post-meta-wrap">{}</div><p>（本文有删节。）</p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).contains(SENTENCES[1]), "{}", show(&ex));
}

#[test]
fn prune_figcaption_aside_form_nav_inside_the_container() {
    let text = format!(
        r#"{}<figure><img src="/upload/2023/xianchang.jpg" alt="活动现场"><figcaption>图为科普讲解员在展厅为学生讲解。</figcaption></figure><aside><p>小贴士：科技馆每周一闭馆维护，请合理安排参观时间。</p></aside><form action="/search"><p>站内搜索，请输入关键词后提交。</p></form><nav><p>返回栏目列表，查看更多新闻。</p></nav><footer><p>本文发布后如需更正，请联系学会部。</p></footer>{}"#,
        paras(2),
        paras(3)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    for gone in [
        "图为科普讲解员",
        "小贴士",
        "站内搜索",
        "返回栏目列表",
        "如需更正",
    ] {
        assert!(!body_text(&ex).contains(gone), "{gone}: {}", show(&ex));
    }
    assert_eq!(ex.images.len(), 1, "{}", show(&ex));
}

#[test]
fn prune_text_ends_at_related_heading_after_most_prose() {
    let text = format!(
        "{}<h3>相关文章</h3><p>市科协举办科普讲解员培训班，来自全市的六十余名讲解员参加培训。</p>",
        paras(5)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).ends_with(SENTENCES[4]), "{}", show(&ex));
    // European heading, same rule.
    let text = format!(
        "{}<h4>Related posts</h4><p>市科协举办科普讲解员培训班，来自全市的六十余名讲解员参加培训。</p>",
        paras(5)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(!body_text(&ex).contains("讲解员培训班"), "{}", show(&ex));
}

#[test]
fn prune_related_heading_before_most_prose_does_not_end_the_text() {
    let text = format!(
        "<p>本文相关文章已在科普专栏陆续刊发，欢迎读者关注。</p><h3>相关文章</h3>{}",
        paras(5)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(body_text(&ex).ends_with(SENTENCES[4]), "{}", show(&ex));
}

#[test]
fn prune_headline_repeated_inside_the_body() {
    let text = format!("<p><strong>市科协召开全委会议</strong></p>{}", paras(4));
    let ex = run(&page(
        "市科协召开全委会议_新闻动态_青松市科学技术协会",
        "<h1>市科协召开全委会议</h1>",
        &text,
        "",
    ));
    assert_eq!(title(&ex), Some("市科协召开全委会议"));
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
}

// ---------------------------------------------------------------------------------------------------------------
// render.rs — the body's HTML and text
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn render_br_splits_paragraphs() {
    let text = format!(
        "{}<p>一、报名时间：五月十日至五月二十日。<br>二、报名方式：登录学会网站在线填报。<br/>三、联系电话：请见学会部公告。</p><div>四、其他事项另行通知，敬请关注。<br>五、本通知由学会部负责解释。</div>",
        paras(3)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let t = body_text(&ex);
    assert!(
        t.contains("一、报名时间：五月十日至五月二十日。\n\n二、报名方式：登录学会网站在线填报。\n\n三、联系电话"),
        "{}",
        show(&ex)
    );
    assert!(t.contains("敬请关注。\n\n五、本通知"), "{}", show(&ex));
    // A <br> inside a <p> stays a <br>; inside an unwrapped <div> it closes a generated paragraph.
    assert!(html(&ex).contains("五月二十日。<br>二、"), "{}", html(&ex));
    assert!(
        html(&ex).contains("<p>四、其他事项另行通知，敬请关注。</p><p>五、"),
        "{}",
        html(&ex)
    );
}

#[test]
fn render_data_table_rows_joined_with_bars() {
    let text = format!(
        "{}<table border=\"1\"><tr><th>姓名</th><th>单位</th><th>奖项</th></tr><tr><td>林晓</td><td>青松一中</td><td>一等奖</td></tr><tr><td>周默</td><td></td><td>二等奖</td></tr></table>",
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let t = body_text(&ex);
    assert!(
        t.contains("姓名 | 单位 | 奖项\n\n林晓 | 青松一中 | 一等奖\n\n周默 | 二等奖"),
        "{}",
        show(&ex)
    );
    assert!(
        html(&ex).contains("<table>") && html(&ex).contains("<td>青松一中</td>"),
        "{}",
        html(&ex)
    );
}

#[test]
fn render_layout_tables_are_unwrapped() {
    // One text cell per row, and a cell holding paragraphs: layout, not data.
    let text = format!(
        "<p>全文如下。</p><table width=\"100%\"><tr><td width=\"20\"></td><td>{}</td></tr></table>",
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(!html(&ex).contains("<table"), "{}", html(&ex));
    assert!(!body_text(&ex).contains(" | "), "{}", show(&ex));
    assert!(
        body_text(&ex).contains(&format!("{}\n\n{}", SENTENCES[0], SENTENCES[1])),
        "{}",
        show(&ex)
    );
}

#[test]
fn render_leading_indents_trimmed() {
    let text = format!(
        "<p>\u{3000}\u{3000}{}</p><p>&nbsp;&nbsp;&nbsp;&nbsp;{}</p>{}",
        SENTENCES[0],
        SENTENCES[1],
        paras(2)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(
        html(&ex).starts_with(&format!("<p>{}</p><p>{}</p>", SENTENCES[0], SENTENCES[1])),
        "{}",
        html(&ex)
    );
    assert!(body_text(&ex).starts_with(SENTENCES[0]), "{}", show(&ex));
}

#[test]
fn render_empty_wrappers_dropped() {
    let text = format!(
        "<p><span> </span></p><p><strong></strong></p><div><font>\u{3000}</font></div>{}<p><b><i></i></b></p>",
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let h = html(&ex);
    for empty in ["<p></p>", "<strong></strong>", "<em></em>", "<p> </p>"] {
        assert!(!h.contains(empty), "{empty} in {h}");
    }
    // (A whitespace-only text node at the very start leaves one leading space; harmless, so trimmed here.)
    assert!(
        h.trim_start()
            .starts_with(&format!("<p>{}</p>", SENTENCES[0])),
        "{h}"
    );
}

#[test]
fn render_invisible_characters_dropped() {
    let text = format!(
        "<p>\u{feff}科\u{200b}普\u{ad}工作\u{200d}要\u{2060}面向基层，服务群众，讲好身边的科学故事。</p>{}",
        paras(3)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    assert!(
        body_text(&ex).starts_with("科普工作要面向基层，服务群众"),
        "{}",
        show(&ex)
    );
    assert!(
        html(&ex).starts_with("<p>科普工作要面向基层"),
        "{}",
        html(&ex)
    );
}

#[test]
fn render_inline_markup_normalised() {
    let text = format!(
        r#"<h1>一、活动概况</h1><p><font face="宋体" style="font-size:16px"><b>活动主题：</b>科学点亮生活，创新引领未来。</font></p>{}"#,
        paras(3)
    );
    let ex = run(&article(
        "科普嘉年华活动方案",
        "发布日期：2023-05-06",
        &text,
    ));
    let h = html(&ex);
    assert!(h.contains("<h2>一、活动概况</h2>"), "{h}");
    assert!(
        h.contains("<p><strong>活动主题：</strong>科学点亮生活"),
        "{h}"
    );
    assert!(!h.contains("font") && !h.contains("style"), "{h}");
}

#[test]
fn render_links_resolved_and_script_links_unwrapped() {
    let text = format!(
        r#"{}<p>详情请见<a href="../kphd/content_12.html">往期活动回顾</a>，或<a href="javascript:void(0)" onclick="show()">点击此处</a>查看说明。</p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let h = html(&ex);
    assert!(
        h.contains(&format!(
            r#"<a href="{SITE}/kphd/content_12.html">往期活动回顾</a>"#
        )),
        "{h}"
    );
    assert!(h.contains("，或点击此处查看说明。"), "{h}");
    assert!(!h.contains("javascript") && !h.contains("onclick"), "{h}");
}

#[test]
fn render_images_resolved_with_alt() {
    let text = format!(
        r#"{}<p><img src="../upload/2023/huodong.jpg" alt="活动现场"></p><p><img src="data:image/gif;base64,R0lGOD" data-original="/upload/2023/lazy.jpg" width="600"></p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let urls: Vec<&str> = ex.images.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            format!("{SITE}/upload/2023/huodong.jpg"),
            format!("{SITE}/upload/2023/lazy.jpg")
        ],
        "{}",
        show(&ex)
    );
    assert_eq!(ex.images[0].alt.as_deref(), Some("活动现场"));
    assert_eq!(ex.images_rule, "generic:images");
}

#[test]
fn render_share_qr_and_icon_images_dropped() {
    let text = format!(
        r#"{}<p><img src="/images/qrcode_wx.png"><img src="/images/fx.png" alt="分享到微博"><img src="/images/icon_print.gif"><img src="/images/spacer.gif"><img src="/upload/2023/zhanting.jpg" alt="科技馆展厅"></p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let urls: Vec<&str> = ex.images.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(
        urls,
        [format!("{SITE}/upload/2023/zhanting.jpg")],
        "{}",
        show(&ex)
    );
}

#[test]
fn render_tiny_images_dropped() {
    let text = format!(
        r#"{}<p><img src="/upload/dot.gif" width="12" height="12"><img src="/upload/line.gif" height="2px" width="600"><img src="/upload/2023/ditu.png" width="480" height="320"></p>"#,
        paras(4)
    );
    let ex = run(&page("青松市科学技术协会", "", &text, ""));
    let urls: Vec<&str> = ex.images.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(
        urls,
        [format!("{SITE}/upload/2023/ditu.png")],
        "{}",
        show(&ex)
    );
}

// ---------------------------------------------------------------------------------------------------------------
// normalize/html.rs — sanitizing
// ---------------------------------------------------------------------------------------------------------------

/// End to end: the renderer already drops most active content; the sanitizer is the second line of defence
/// (tested on its own in `sanitize_allowlist`).
#[test]
fn sanitize_record_body_has_no_active_content() {
    let text = format!(
        r#"{}<p onclick="steal()" style="color:red" class="x">科普活动报名已经开始，欢迎市民踊跃参加。<script>alert(1)</script><style>p{{}}</style><a href="javascript:alert(2)">报名</a><img src="/upload/a.jpg" onerror="bad()"><iframe src="http://evil.example/"></iframe></p>"#,
        paras(3)
    );
    let r = record(process_page(
        PAGE_URL,
        &page("青松市科学技术协会", "", &text, ""),
    ));
    let h = r.body_html.expect("body html");
    for bad in [
        "script",
        "alert",
        "onclick",
        "onerror",
        "style",
        "class",
        "iframe",
        "javascript",
    ] {
        assert!(!h.contains(bad), "{bad} survived in {h}");
    }
    assert!(h.contains("欢迎市民踊跃参加。报名"), "{h}");
    assert!(
        h.contains(&format!(r#"<img src="{SITE}/upload/a.jpg">"#)),
        "{h}"
    );
}

#[test]
fn sanitize_allowlist() {
    use sitelift::normalize::html::sanitize;
    let dirty = r#"<div class="a"><p style="x" onmouseover="y()">正文<script>z()</script></p><a href="javascript:void(0)">甲</a><a href="relative/b.html" target="_blank">乙</a><img src="c.png" alt="丙" width="9"><object data="d.swf"></object></div>"#;
    let clean = sanitize(dirty);
    assert_eq!(
        clean,
        r#"<p>正文</p><a>甲</a><a href="relative/b.html">乙</a><img src="c.png" alt="丙">"#
    );
}

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
// labels.rs and normalize/date.rs, seen through pages
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn labels_empty_value_stays_empty() {
    let ex = run(&article(
        "市科协召开科普工作推进会",
        "发布时间:2023-05-06 | 作者:  | 编辑:周默",
        &paras(4),
    ));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    assert_eq!(value(&ex.editor), Some("周默"), "{}", show(&ex));
    assert_eq!(published(&ex).as_deref(), Some("2023-05-06"));
}

#[test]
fn labels_short_labels_never_follow_a_letter() {
    // 正文： is not 文：, 截止日期： is not 日期：.
    let ex = run(&article(
        "科普作品征集启事",
        "申报截止日期：2023-06-30　正文：见下",
        &paras(4),
    ));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    assert_ne!(rule(&ex.published), "generic:label 日期", "{}", show(&ex));
}

#[test]
fn dates_in_chinese_forms() {
    for (info, want) in [
        ("发布日期：二〇二三年五月六日", "2023-05-06"),
        (
            "发布日期：２０２３－０５－０６　１０：２０",
            "2023-05-06T10:20:00+08:00",
        ),
        (
            "发布时间：2023年05月06日 10时20分",
            "2023-05-06T10:20:00+08:00",
        ),
        ("发布时间：2023/5/6 下午3:05", "2023-05-06T15:05:00+08:00"),
    ] {
        let ex = run(&article("市科协召开科普工作推进会", info, &paras(4)));
        assert_eq!(
            published(&ex).as_deref(),
            Some(want),
            "{info}: {}",
            show(&ex)
        );
    }
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

#[test]
fn breadcrumb_marker_line_with_separators() {
    let ex = crumb_page(
        r#"<div>当前位置：<a href="/">首页</a> &gt; <a href="/xwdt/">新闻动态</a> &gt; <a href="/xwdt/kxyw/">科协要闻</a> &gt; 正文</div>"#,
    );
    assert_eq!(
        category(&ex),
        Some(vec!["新闻动态", "科协要闻"]),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb 当前位置");
}

#[test]
fn breadcrumb_links_without_separators() {
    let ex = crumb_page(
        r#"<div>您现在的位置：<a href="/">首页</a><a href="/xhgz/">学会工作</a><a href="/xhgz/nh/">学术年会</a></div>"#,
    );
    assert_eq!(
        category(&ex),
        Some(vec!["学会工作", "学术年会"]),
        "{}",
        show(&ex)
    );
    assert_eq!(rule(&ex.category), "generic:breadcrumb 您现在的位置");
}

#[test]
fn breadcrumb_slash_separators() {
    let ex = crumb_page("<p>所在位置：首页 / 科普活动 / 科普讲座</p>");
    assert_eq!(
        category(&ex),
        Some(vec!["科普活动", "科普讲座"]),
        "{}",
        show(&ex)
    );
}

#[test]
fn breadcrumb_element_marked_by_class() {
    let ex = crumb_page(
        r#"<div class="crumbs"><a href="/index.html">首页</a> » <a href="/kphd/">科普活动</a> » 正文</div>"#,
    );
    assert_eq!(category(&ex), Some(vec!["科普活动"]), "{}", show(&ex));
    assert_eq!(rule(&ex.category), "generic:breadcrumb element");
    // Negative: an element with no such class and no marker is no breadcrumb.
    let ex = crumb_page(
        r#"<div class="lm"><a href="/index.html">首页</a> » <a href="/kphd/">科普活动</a></div>"#,
    );
    assert_eq!(category(&ex), None, "{}", show(&ex));
}

#[test]
fn breadcrumb_link_to_the_site_root_removed() {
    // The first item links home under the site's own name.
    let ex = crumb_page(
        r#"<div>当前位置：<a href="../../index.html">青松科协</a> &gt; <a href="/xhgz/">学会工作</a> &gt; <a href="/xhgz/tz/">通知</a></div>"#,
    );
    assert_eq!(
        category(&ex),
        Some(vec!["学会工作", "通知"]),
        "{}",
        show(&ex)
    );
    // Negative: a first link that does not go home is a real item.
    let ex = crumb_page(
        r#"<div>当前位置：<a href="/jgsz/">机构设置</a> &gt; <a href="/jgsz/xhb/">学会部</a></div>"#,
    );
    assert_eq!(
        category(&ex),
        Some(vec!["机构设置", "学会部"]),
        "{}",
        show(&ex)
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
    assert_eq!(ex.attachments_rule, "generic:attachments");
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

// ---------------------------------------------------------------------------------------------------------------
// classify.rs — pages that are not articles (through the pipeline)
// ---------------------------------------------------------------------------------------------------------------

fn news_items(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                r#"<li><a href="/xwdt/content_{i}.html">市科协第{i}次学会工作交流会召开</a><span>2023-04-{i:02}</span></li>"#
            )
        })
        .collect()
}

#[test]
fn classify_list_page() {
    // A column page: one line of introduction, then dated links.
    let list = format!(
        "<p>本栏目发布市科协及各学会的工作动态，欢迎投稿。</p><ul>{}</ul>",
        news_items(12)
    );
    let html = page("新闻动态_青松市科学技术协会", "", &list, "");
    let reason = skipped(process_page(PAGE_URL, &html));
    assert_eq!(reason, "list page: 12 similar items linking to other pages");
}

#[test]
fn classify_page_without_prose() {
    let list = format!("<ul>{}</ul>", news_items(12));
    let html = page("新闻动态_青松市科学技术协会", "", &list, "");
    let reason = skipped(process_page(PAGE_URL, &html));
    assert_eq!(reason, "list page: 12 dated links and no article metadata");
}

#[test]
fn classify_article_with_a_dated_news_list_is_an_article() {
    let items = news_items(10);
    let html = page(
        "科技周活动综述_新闻动态_青松市科学技术协会",
        &format!(
            r#"<div class="hot"><ul>{items}</ul></div><h1>科技周活动综述</h1><div>发布时间：2023-04-18</div>"#
        ),
        &paras(6),
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.title.as_deref(), Some("科技周活动综述"));
}

#[test]
fn classify_login_page() {
    let html = bare(
        "用户登录_青松市科学技术协会",
        r#"<form action="/login" method="post"><p>请输入用户名和密码登录会员系统。</p><input type="text" name="u"><input type="password" name="p"><button>登录</button></form>"#,
    );
    assert_eq!(
        skipped(process_page(PAGE_URL, &html)),
        "login page (password form)"
    );
}

#[test]
fn classify_frameset() {
    let html = r#"<html><head><title>青松市科学技术协会</title></head><frameset cols="200,*"><frame src="left.html"><frame src="main.html"></frameset></html>"#;
    let reason = skipped(process_page(PAGE_URL, html));
    assert!(reason.starts_with("frameset page"), "{reason}");
    assert!(reason.contains("left.html, main.html"), "{reason}");
}

#[test]
fn classify_empty_shell() {
    let html = bare(
        "青松市科学技术协会",
        &format!("{MENU}<div class=\"wz\">暂无内容</div>{FOOTER}"),
    );
    let reason = skipped(process_page(PAGE_URL, &html));
    assert!(reason.starts_with("no article"), "{reason}");
    assert_eq!(skipped(process_page(PAGE_URL, " \n\t ")), "empty file");
}

#[test]
fn classify_short_notice_with_an_attachment_is_an_article() {
    let html = page(
        "2023年科普经费预算表_通知公告_青松市科学技术协会",
        "<h1>2023年科普经费预算表</h1>",
        r#"<p>详见附件。</p><p><a href="/upload/2023/yusuan.xls">预算表</a></p>"#,
        "",
    );
    let r = record(process_page(PAGE_URL, &html));
    assert_eq!(r.attachments.len(), 1, "{r:?}");
}

#[test]
fn classify_all_pages_exports_with_a_warning() {
    let html = bare(
        "用户登录_青松市科学技术协会",
        r#"<form><p>请输入用户名和密码登录会员系统。</p><input type="password" name="p"></form>"#,
    );
    let opts = Options {
        all_pages: true,
        ..Options::default()
    };
    let r = record(process(&raw(PAGE_URL, &html), &opts, &NoParts));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("not an article (login page")),
        "{:?}",
        r.warnings
    );
}

// ---------------------------------------------------------------------------------------------------------------
// extract/mod.rs — orchestration: base URL, canonical link
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn base_href_resolves_links() {
    let head = r#"<base href="http://static.qingsong-kx.org.cn/xwdt/">"#;
    let text = format!(
        r#"{}<p><img src="2023/tupian.jpg" alt="活动合影"></p><p><a href="fj/fangan.pdf">活动方案</a></p>"#,
        paras(4)
    );
    let ex = run(&page_with_head("青松市科学技术协会", head, "", &text, ""));
    assert_eq!(
        ex.images[0].url,
        "http://static.qingsong-kx.org.cn/xwdt/2023/tupian.jpg"
    );
    assert_eq!(
        ex.attachments[0].url,
        "http://static.qingsong-kx.org.cn/xwdt/fj/fangan.pdf"
    );
}

#[test]
fn canonical_link_resolved() {
    let head = r#"<link rel="Canonical" href="/xwdt/content_8812.html">"#;
    let ex = run(&page_with_head(
        "青松市科学技术协会",
        head,
        "",
        &paras(4),
        "",
    ));
    assert_eq!(
        ex.canonical.as_deref(),
        Some("http://www.qingsong-kx.org.cn/xwdt/content_8812.html")
    );
    // Negative: a canonical link that is not a web address is ignored.
    let head = r#"<link rel="canonical" href="javascript:void(0)">"#;
    let ex = run(&page_with_head(
        "青松市科学技术协会",
        head,
        "",
        &paras(4),
        "",
    ));
    assert_eq!(ex.canonical, None);
}

// ---------------------------------------------------------------------------------------------------------------
// normalize/record.rs and normalize/text.rs — the record
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn record_fields_normalised_with_provenance() {
    let html = article(
        "市科协召开\u{3000}科普工作推进会",
        "发布时间：2023-05-06 10:20　来源：青松日报　作者：　",
        &paras(4),
    );
    let r = record(process_page(PAGE_URL, &html));
    // Whitespace folded in values, ISO dates in China's offset, empty values null.
    assert_eq!(r.title.as_deref(), Some("市科协召开 科普工作推进会"));
    assert_eq!(r.published.as_deref(), Some("2023-05-06T10:20:00+08:00"));
    assert_eq!(r.source.as_deref(), Some("青松日报"));
    assert_eq!(r.author, None);
    assert_eq!(
        r.provenance
            .get("published")
            .map(ToString::to_string)
            .as_deref(),
        Some("generic:label 发布时间")
    );
    assert_eq!(
        r.provenance
            .get("title")
            .map(|rule| (rule.family.as_str(), rule.detail.as_deref())),
        Some(("generic", Some("headline <h1>")))
    );
    assert_eq!(r.provenance.get("author"), None);
    assert_eq!(r.url.as_deref(), Some(PAGE_URL));
    assert_eq!(r.id.len(), 32);
    assert!(r.content_hash.is_some());
}

#[test]
fn record_without_url_keeps_relative_links_and_warns() {
    let text = format!(r#"{}<p><a href="../upload/a.pdf">附件一</a></p>"#, paras(4));
    let page = RawPage {
        path: None,
        source_path: Some("xwdt/content_8812.html".to_string()),
        url: None,
        http_charset: None,
        bytes: page("青松市科学技术协会", "", &text, "").into_bytes(),
    };
    let r = record(process(&page, &Options::default(), &NoParts));
    assert_eq!(r.attachments[0].url, "../upload/a.pdf");
    assert!(
        r.warnings.iter().any(|w| w.starts_with("no page URL")),
        "{:?}",
        r.warnings
    );
}
