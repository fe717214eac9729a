//! Rule-by-rule tests of the generic extractor (issue 4, "Hygiene"): the headline (extract/generic/title.rs).
//!
//! Every page here is small and invented for the test; none is taken from a real site or from the corpus. Each
//! test exercises one rule named in a module's documentation and would fail without that rule; where it makes
//! sense a negative case checks that the rule does not fire where it must not. The pages and readers are shared
//! with the other `rules_*.rs` files through tests/support/pages.rs. A rule found misbehaving gets its test
//! marked `#[ignore = "misbehaviour: …"]` until it is fixed; none is now.

#[path = "support/pages.rs"]
mod pages;
use pages::*;

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
    let ex = run_with_head(head);
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

#[test]
fn title_site_name_that_ends_the_title_tag_is_never_the_headline() {
    // A job posting on a careers site: the employer's name stands large above the posting, and <title> reads
    // `position-employer`. The employer is who posts, not what the page is; its field labels are no headline.
    let top = r#"<div class="company">青松智造科技（湖滨）有限公司</div>"#;
    let text = "<p>* 岗位要求：</p><p>机械工程及相关专业，本科及以上学历，能熟练使用三维设计软件。</p>\
                <p>* 岗位职责：</p><p>参与新产品的结构设计、样机试制与测试，编写相关技术文档。</p>";
    let ex = run(&page(
        "结构设计工程师-青松智造科技（湖滨）有限公司",
        top,
        text,
        "",
    ));
    assert_eq!(title(&ex), Some("结构设计工程师"), "{}", show(&ex));
}

#[test]
fn title_a_styled_line_among_lines_that_look_the_same_is_text() {
    // A single-page column (学院领导) whose text is a list of posts typed in a large font, one <p> each, under a
    // column heading: no line of the list is the headline, and the first stays in the body.
    let big = r#"style="font-size: 18px""#;
    let lines = [
        "党委书记：陈明远 主持学院党委全面工作",
        "院长：林静怡 主持学院行政全面工作",
        "副院长：周子航 分管本科教学与学生工作",
        "副院长：吴海宁 分管科研与对外交流工作",
    ];
    let text: String = lines.iter().map(|l| format!("<p {big}>{l}</p>")).collect();
    let html = page(
        "学院领导_青松市科学技术协会",
        r#"<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xygk/">学院概况</a> &gt; 学院领导</div><h2>学院领导</h2>"#,
        &text,
        "",
    );
    let ex = run(&html);
    assert_eq!(title(&ex), None, "{}", show(&ex));
    assert!(body_text(&ex).starts_with(lines[0]), "{}", show(&ex));
    // The same styled line above text that looks different is the headline.
    let ex = run(&page(
        "学院领导_青松市科学技术协会",
        "",
        &format!(
            "<p {big}>{}</p>{}",
            "学院召开新学期领导班子分工会议",
            paras(3)
        ),
        "",
    ));
    assert_eq!(
        title(&ex),
        Some("学院召开新学期领导班子分工会议"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_a_four_character_column_name_is_not_a_person() {
    // 常 and 管 are surnames, but a four-character heading is a person's name only after a two-character
    // surname: 常用表格 under a breadcrumb ending in 常用表格 is the column's name, not a profile's headline.
    for column in ["常用表格", "管理团队"] {
        let ex = run(&page(
            &format!("{column}_青松市科学技术协会"),
            &format!(
                r#"<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xz/">下载中心</a> &gt; {column}</div><h2>{column}</h2>"#
            ),
            &paras(3),
            "",
        ));
        assert_eq!(title(&ex), None, "{}", show(&ex));
    }
    // A compound surname and a two-character given name is a person's name.
    let ex = run(&page(
        "欧阳晓明_青松市科学技术协会",
        r#"<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zj/">专家库</a> &gt; 欧阳晓明</div><h2>欧阳晓明</h2>"#,
        &paras(3),
        "",
    ));
    assert_eq!(title(&ex), Some("欧阳晓明"), "{}", show(&ex));
}

#[test]
fn title_a_chinese_name_in_latin_letters_is_a_profile_headline() {
    // English pages of Chinese institutions write their people's names in pinyin; a single-page column about one
    // person repeats the name in the breadcrumb, the heading and <title>.
    for name in ["Zhou Qingsong", "HE Xiaolan"] {
        let ex = under_trail(&format!("Faculty &gt; {name}"), &format!("<h2>{name}</h2>"));
        assert_eq!(title(&ex), Some(name), "{}", show(&ex));
    }
    // An English column name is no person, though it is two capitalised words.
    let ex = under_trail("About &gt; Development Goals", "<h2>Development Goals</h2>");
    assert_eq!(title(&ex), None, "{}", show(&ex));
}

#[test]
fn title_a_name_heading_a_person_card_is_the_profile_headline_whatever_its_surname() {
    // 戈 and 宓 are surnames too rare for the surname list; above a card of a person's fields (职称, 研究方向) the
    // name is the profile's headline all the same. <title> names only the site.
    let profile = |name: &str, card: &str| {
        run(&page(
            "青松市科学技术协会",
            &format!(
                r#"<div class="photo"><img src="/upload/tx.jpg" alt="头像"></div><h2>{name}</h2>{card}"#
            ),
            &paras(3),
            "",
        ))
    };
    let card = "<p>职 称：研究员</p><p>研究方向：植物保护</p><p>电子邮箱：kx@qs.example.cn</p>";
    for name in ["戈明远", "宓晓兰"] {
        let ex = profile(name, card);
        assert_eq!(title(&ex), Some(name), "{}", show(&ex));
    }
    // Above an ordinary line the same short heading is not taken for a person's name.
    let ex = profile("戈明远", "<p>本栏目介绍学会专家委员会的工作。</p>");
    assert_ne!(title(&ex), Some("戈明远"), "{}", show(&ex));
}

#[test]
fn title_a_word_that_links_qualify_is_no_person() {
    // 简 is a surname, so 简介 has a name's shape; but the menu's 学会简介 and 中心简介 end with it, and a
    // person's name is not a word other links qualify. The column's heading is then neither title nor author.
    let menu = r#"<ul class="sub"><li><a href="/a/">学会简介</a></li><li><a href="/b/">中心简介</a></li></ul>"#;
    let column_page = |menu: &str| {
        run(&page(
            "简介",
            &format!(
                r#"{menu}<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/gk/">学会概况</a> &gt; 简介</div><h2>简介</h2>"#
            ),
            &paras(3),
            "",
        ))
    };
    let ex = column_page(menu);
    assert_eq!(title(&ex), None, "{}", show(&ex));
    assert_eq!(value(&ex.author), None, "{}", show(&ex));
    // Without such links the same heading reads as a one-person column's name, as before.
    let ex = column_page("");
    assert_eq!(title(&ex), Some("简介"), "{}", show(&ex));
}

#[test]
fn title_section_headings_of_the_body_are_not_the_headline() {
    // A single-page column: no headline of its own, its text in sections under bold headings that look alike.
    let sections = ["基本目标", "项目内容", "组织管理"]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            format!(
                r#"<p><strong><span style="font-size:18px">{h}</span></strong></p>{}"#,
                paras(i + 4)
            )
        })
        .collect::<String>();
    let ex = run(&page(
        "科普项目_青松市科学技术协会",
        r#"<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xm/">项目</a> &gt; 科普项目</div>"#,
        &sections,
        "",
    ));
    assert_eq!(title(&ex), None, "{}", show(&ex));
    let body = body_text(&ex);
    assert!(body.starts_with("基本目标"), "{}", show(&ex));
    // One bold line alone at the top of the text is still read as its headline.
    let ex = run(&page(
        "科普项目_青松市科学技术协会",
        "",
        &format!(
            r#"<p><strong><span style="font-size:18px">青少年科普项目实施方案</span></strong></p>{}"#,
            paras(3)
        ),
        "",
    ));
    assert_eq!(title(&ex), Some("青少年科普项目实施方案"), "{}", show(&ex));
}

#[test]
fn title_a_title_tag_that_greets_the_visitor_names_the_site() {
    // A one-page site: no headline in the page, and a <title> that welcomes the visitor.
    let ex = run(&bare("欢迎光临青松市科技馆！", &paras(3)));
    assert_eq!(title(&ex), None, "{}", show(&ex));
    // A <title> that names the page is still its headline.
    let ex = run(&bare("青松市科技馆开放时间", &paras(3)));
    assert_eq!(title(&ex), Some("青松市科技馆开放时间"), "{}", show(&ex));
}

/// A page under the breadcrumb 首页 > `trail` (its last item the column), with `heading` above three paragraphs.
fn under_trail(trail: &str, heading: &str) -> sitelift::extract::Extracted {
    let column = trail.rsplit("&gt; ").next().unwrap_or(trail);
    run(&page(
        &format!("{column}_青松市科学技术协会"),
        &format!(
            r#"<div class="location">当前位置：<a href="/">首页</a> &gt; {trail}</div>{heading}"#
        ),
        &paras(3),
        "",
    ))
}

#[test]
fn title_a_column_name_with_its_english_rendering_is_the_column() {
    let ex = under_trail("餐饮服务", "<h2>餐饮服务 CATERING SERVICE</h2>");
    assert_eq!(title(&ex), None, "{}", show(&ex));
    // A headline that only starts with the column's name is the page's own.
    let ex = under_trail("餐饮服务", "<h2>餐饮服务中心举办秋季菜品品鉴会</h2>");
    assert_eq!(
        title(&ex),
        Some("餐饮服务中心举办秋季菜品品鉴会"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_a_section_named_in_the_breadcrumb_is_not_the_headline() {
    // The heading repeats a section above the column (学会服务 > 青少年科普): a section's name, not the page's.
    let ex = under_trail("学会服务 &gt; 青少年科普", "<h1>学会服务</h1>");
    assert_ne!(title(&ex), Some("学会服务"), "{}", show(&ex));
}

#[test]
fn title_a_styled_phrase_inside_a_sentence_is_not_a_headline() {
    // The opening sentence is set in large spans around a link: its first span is a phrase of that sentence.
    let opening = r#"<p><span style="font-size:18px">青松市科技馆于2016年5月起试运行</span><a href="/yy/">预约系统</a><span style="font-size:18px">，读者可在网上预约参观时段，入馆时出示预约码即可。</span></p>"#;
    let ex = run(&page(
        "参观须知_青松市科技馆",
        "",
        &format!("{opening}{}", paras(3)),
        "",
    ));
    assert_eq!(title(&ex), Some("参观须知"), "{}", show(&ex));
    assert!(
        body_text(&ex).starts_with("青松市科技馆于2016年5月起试运行预约系统"),
        "{}",
        show(&ex)
    );
    // The same large span as a line of its own (space or a break after it) still heads the text.
    let own_line = r#"<p><span style="font-size:18px">青松市科技馆参观须知</span><br><span>读者可在网上预约参观时段。</span></p>"#;
    let ex = run(&page(
        "参观须知_青松市科技馆",
        "",
        &format!("{own_line}{}", paras(3)),
        "",
    ));
    assert_eq!(title(&ex), Some("青松市科技馆参观须知"), "{}", show(&ex));
}

#[test]
fn title_a_roster_line_is_never_the_headline() {
    // A single-text column about an office: its bold first line lists the staff, each with a post in brackets.
    let roster = r#"<p><strong>工作人员：李春华（主任） 王立新 赵永明</strong></p>"#;
    let ex = run(&page(
        "考试中心_青松大学",
        "",
        &format!("{roster}{}", paras(3)),
        "",
    ));
    assert_ne!(
        title(&ex),
        Some("工作人员：李春华（主任） 王立新 赵永明"),
        "{}",
        show(&ex)
    );
    // A bold first line that names the office is its headline.
    let ex = run(&page(
        "考试中心_青松大学",
        "",
        &format!(
            "<p><strong>青松大学外语考试中心简介</strong></p>{}",
            paras(3)
        ),
        "",
    ));
    assert_eq!(
        title(&ex),
        Some("青松大学外语考试中心简介"),
        "{}",
        show(&ex)
    );
}

#[test]
fn title_fuller_headline_above_beats_its_copy_without_the_project_number() {
    // A procurement notice: the headline above the info line carries the project number; the notice's text
    // opens with the same headline without it, centred in a large bold heading of its own (which would win on
    // its style and place alone).
    let headline = "青松大学图书馆照明改造工程（QS2024G015）成交公告";
    let copy = "青松大学图书馆照明改造工程成交公告";
    let html = page(
        "采购公告_青松大学招标办公室",
        &format!("<h1>{headline}</h1><div>发布日期：2024-06-03</div>"),
        &format!(
            r#"<h2 style="text-align: center; font-size: 26px; font-weight: bolder"><span>{copy}</span></h2>{}"#,
            paras(3)
        ),
        "",
    );
    let ex = run(&html);
    assert_eq!(title(&ex), Some(headline), "{}", show(&ex));
    let body = body_text(&ex);
    assert!(!body.contains(copy), "the copy is no body text: {body}");
    // Negative: a different heading in the text (no bracketed part left out) stays in the body.
    let section = "青松大学图书馆照明改造工程成交结果";
    let ex = run(&page(
        "采购公告_青松大学招标办公室",
        &format!("<h1>{headline}</h1><div>发布日期：2024-06-03</div>"),
        &format!("<h2><b>{section}</b></h2>{}", paras(3)),
        "",
    ));
    assert_eq!(title(&ex), Some(headline), "{}", show(&ex));
    assert!(body_text(&ex).contains(section), "{}", show(&ex));
}
