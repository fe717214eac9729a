//! An invented legacy site built from one article template, for the site-model tests: a table layout with a
//! top navigation, a left column (a 相关新闻 box and a reprint notice), the article column (headline, an info
//! line, the text) and a footer, the same on every page; only the article changes. Written here, never copied
//! from a real site.

use std::path::Path;

/// One article of the invented template.
pub struct Article {
    pub file: String,
    pub title: String,
    /// `发布时间` shown in the info line (none: the info line has no date).
    pub date: Option<String>,
    pub author: &'static str,
    pub paragraphs: Vec<String>,
}

/// The template's reprint notice: a sentence in the left column of every page.
pub const NOTICE: &str =
    "本站郑重声明：本网站刊登的各类信息，未经书面授权不得转载或建立镜像，违者依法追究责任。";

/// The closing line after every article's text, inside the text's container.
pub const EDITOR: &str = "王晓明";

/// The left column's box heading.
pub const RELATED: &str = "相关新闻";

/// A long paragraph of article text (varied by `n`, so no two articles share a line).
pub fn paragraph(n: usize, topic: &str) -> String {
    format!(
        "第{n}段：{topic}工作推进会于本周在学院报告厅召开，与会人员围绕年度重点任务进行了深入讨论，\
         会议要求各部门进一步明确分工、压实责任，确保各项工作按期完成，并对下一阶段的安排提出了具体意见。"
    )
}

/// The page of one article (`notice`: the left column carries the reprint notice).
pub fn page(a: &Article, notice: bool) -> String {
    let date = a
        .date
        .as_deref()
        .map(|d| format!("发布时间：{d}&nbsp;&nbsp;"))
        .unwrap_or_default();
    let text: String = a
        .paragraphs
        .iter()
        .map(|p| format!("<p>&#12288;&#12288;{p}</p>\n"))
        .collect();
    format!(
        r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}_学院新闻_示范学院</title></head>
<body>
<div id="top"><table width="980" class="nav"><tr>
<td><a href="/">首页</a></td><td><a href="/xygk/">学院概况</a></td><td><a href="/xyxw/">学院新闻</a></td>
<td><a href="/tzgg/">通知公告</a></td><td><a href="/lxwm/">联系我们</a></td></tr></table></div>
<table width="980" class="main"><tr>
<td width="240" valign="top" class="left">
<div class="box"><div class="boxtitle">{related}</div><ul>
<li><a href="/xyxw/a1.html">学院召开年度工作会议</a></li>
<li><a href="/xyxw/a2.html">学院举办青年教师讲课比赛</a></li>
<li><a href="/xyxw/a3.html">学院开展实验室安全检查</a></li></ul></div>
{notice}
</td>
<td width="740" valign="top" class="right">
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/xyxw/">学院新闻</a></div>
<div class="article">
<div class="biaoti">{title}</div>
<div class="info">{date}作者：{author}</div>
<div class="zw">
{text}<p>（责任编辑：{EDITOR}）</p></div>
</div>
</td></tr></table>
<div class="foot">版权所有：示范学院 地址：某市某区某路1号 ICP备00000000号</div>
</body></html>
"#,
        title = a.title,
        related = RELATED,
        notice = if notice {
            format!("<div class=\"notice\">{NOTICE}</div>")
        } else {
            String::new()
        },
        author = a.author,
    )
}

/// Write the articles under `dir` (one file each).
pub fn write(dir: &Path, articles: &[Article], notice: bool) {
    std::fs::create_dir_all(dir).unwrap();
    for a in articles {
        std::fs::write(dir.join(&a.file), page(a, notice)).unwrap();
    }
}

/// `n` articles of the template, each with `paragraphs` paragraphs of its own.
pub fn articles(n: usize, paragraphs: usize) -> Vec<Article> {
    let topics = [
        "教学", "科研", "招生", "就业", "党建", "外事", "后勤", "安全", "宣传", "校友",
    ];
    (0..n)
        .map(|i| Article {
            file: format!("t2024050{i}_{}.html", 1000 + i),
            title: format!(
                "学院召开{}工作专题会议（第{}次）",
                topics[i % topics.len()],
                i + 1
            ),
            date: Some(format!("2024-05-{:02} 10:{:02}", i + 1, i)),
            author: "学院办公室",
            paragraphs: (0..paragraphs)
                .map(|p| paragraph(i * 100 + p, topics[i % topics.len()]))
                .collect(),
        })
        .collect()
}
