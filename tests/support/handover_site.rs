//! The small legacy site the hand-over test migrates: an invented county 科协 whose article pages link to each
//! other (relative, absolute, with a fragment, through an old URL that now redirects, to a `.asp?id=` page and
//! to a page under a Chinese path), to attachments (one downloads, one is gone), to an image, to list pages and
//! a missing page that are not migrated, and to other sites.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::server::{Handler, Req};

/// The articles: (path and query as linked, title, published).
pub const ARTICLES: [(&str, &str, &str); 5] = [
    (
        "/xwdt/2019/t20190412_501.html",
        "县科协召开2019年科普工作推进会",
        "2019-04-12",
    ),
    (
        "/xwdt/2019/t20190520_502.html",
        "全县青少年科技创新大赛圆满落幕",
        "2019-05-20",
    ),
    (
        "/news/show.asp?id=12",
        "农村实用技术培训下乡活动启动",
        "2018-11-06",
    ),
    ("/moved/t1.html", "县科协机关迁入新办公地点", "2020-03-02"),
    (
        "/通知公告/关于举办培训班的通知.html",
        "关于举办基层科普骨干培训班的通知",
        "2021-06-15",
    ),
];

/// The attachment that downloads (its path as linked, percent-encoded).
pub const ATTACHMENT: &str = "/uploadfile/2019/%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.doc";
/// Its bytes.
pub const ATTACHMENT_BYTES: &[u8] = b"fake doc bytes: 2019 kepu shishi fangan";

/// `sitelift run`'s flags for crawling the site (before `--out JOB URL`): quiet, attachments downloaded, no
/// delay, no retry of the pages that fail on purpose.
pub const RUN_FLAGS: [&str; 7] = [
    "run",
    "--quiet",
    "--download-attachments",
    "--delay-ms",
    "0",
    "--retries",
    "0",
];

fn page(title: &str, date: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_临溪县科学技术协会</title></head>
<body><div class="nav"><a href="/index.html">首页</a> | <a href="/xwdt/index.html">新闻动态</a> | <a href="/tzgg/index.html">通知公告</a></div>
<div class="location">当前位置：<a href="/index.html">首页</a> &gt; <a href="/xwdt/index.html">新闻动态</a> &gt; 正文</div>
<h1 class="title">{title}</h1>
<div class="info">发布时间：{date}&nbsp;&nbsp;来源：县科协办公室</div>
<div class="content">
{body}
</div>
<div class="footer">版权所有 © 临溪县科学技术协会 备案号：青ICP备12345678号</div>
</body></html>"#
    )
}

fn para(text: &str) -> String {
    format!("<p>\u{3000}\u{3000}{text}</p>\n")
}

fn ok(body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn status(code: StatusCode) -> Response {
    let mut r = Response::new(Body::from("<html><body>没有找到该页面</body></html>"));
    *r.status_mut() = code;
    r
}

/// The handler; pages link to themselves through `port` where an absolute URL is wanted.
pub fn handler(port: u16) -> Handler {
    std::sync::Arc::new(move |req: Req| Box::pin(async move { serve(&req, port) }))
}

fn serve(req: &Req, port: u16) -> Response {
    let here = format!("http://127.0.0.1:{port}");
    let path_and_query = match &req.query {
        Some(q) => format!("{}?{q}", req.path),
        None => req.path.clone(),
    };
    let filler = "会议要求，各乡镇科协要结合本地实际，认真谋划全年科普工作，充分发挥科普阵地作用，扎实开展科普进农村、进社区、进学校活动，不断提升公民科学素质。";
    match path_and_query.as_str() {
        "/robots.txt" => ok("User-agent: *\nDisallow:\n".into()),
        "/" | "/index.html" => ok(
            r#"<html><head><meta charset="utf-8"><title>临溪县科学技术协会</title></head><body>
<div class="nav"><a href="/xwdt/index.html">新闻动态</a> | <a href="/tzgg/index.html">通知公告</a></div>
<div class="footer">版权所有 © 临溪县科学技术协会</div></body></html>"#
                .to_string(),
        ),
        "/xwdt/index.html" => ok(format!(
            r#"<html><head><meta charset="utf-8"><title>新闻动态_临溪县科学技术协会</title></head><body>
<h2>新闻动态</h2><ul class="list">
<li><a href="2019/t20190412_501.html">{}</a><span>2019-04-12</span></li>
<li><a href="2019/t20190520_502.html">{}</a><span>2019-05-20</span></li>
<li><a href="/news/show.asp?id=12">{}</a><span>2018-11-06</span></li>
<li><a href="/old/t1.html">{}</a><span>2020-03-02</span></li>
</ul><div class="pager">共 4 条 首页 上一页 1 下一页 尾页</div></body></html>"#,
            ARTICLES[0].1, ARTICLES[1].1, ARTICLES[2].1, ARTICLES[3].1
        )),
        "/tzgg/index.html" => ok(format!(
            r#"<html><head><meta charset="utf-8"><title>通知公告_临溪县科学技术协会</title></head><body>
<h2>通知公告</h2><ul class="list">
<li><a href="/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/%E5%85%B3%E4%BA%8E%E4%B8%BE%E5%8A%9E%E5%9F%B9%E8%AE%AD%E7%8F%AD%E7%9A%84%E9%80%9A%E7%9F%A5.html">{}</a><span>2021-06-15</span></li>
</ul></body></html>"#,
            ARTICLES[4].1
        )),
        "/xwdt/2019/t20190412_501.html" => ok(page(
            ARTICLES[0].1,
            ARTICLES[0].2,
            &[
                para(&format!("4月12日，{}在县科技馆召开。{filler}", ARTICLES[0].1)),
                para(
                    r#"会议通报了<a href="t20190520_502.html#jg">青少年科技创新大赛的筹备情况</a>，对大赛的宣传发动、作品征集、评审组织和安全保障等工作逐项作了安排，要求各有关单位明确责任人，按时间节点推进，往期活动情况详见<a href="/xwdt/index.html">新闻动态栏目</a>。"#,
                ),
                para(
                    r#"会议还传达学习了上级科协关于加强基层科普工作的文件精神，文件全文请参阅<a href="http://www.qc-kx.gov.cn/zcfg/2019/t1.html">省科协网站</a>。各乡镇在工作中遇到的问题，可以电话联系县科协办公室，也可以发邮件至<a href="mailto:kx@linxi.gov.cn">kx@linxi.gov.cn</a>咨询。"#,
                ),
                format!(r#"<p>附件：<a href="{ATTACHMENT}">2019年科普工作实施方案.doc</a></p>"#),
                para("临溪县科学技术协会　2019年4月12日"),
            ]
            .concat(),
        )),
        "/xwdt/2019/t20190520_502.html" => ok(page(
            ARTICLES[1].1,
            ARTICLES[1].2,
            &[
                para(&format!("5月20日，{}。{filler}", ARTICLES[1].1)),
                format!(
                    r#"<p>大赛是<a href="{here}/xwdt/2019/t20190412_501.html">科普工作推进会</a>确定的重点活动，与<a href="/news/show.asp?id=12">农村实用技术培训</a>同步开展。</p>"#
                ),
                para(r#"活动期间，县科协机关已迁入新址（<a href="/old/t1.html">搬迁公告</a>）。"#),
                para(r#"<img src="/images/2019/dasai.jpg" alt="大赛颁奖现场">颁奖现场。"#),
                r#"<p>附件：<a href="/uploadfile/2019/huojiang.pdf">获奖名单.pdf</a></p>"#
                    .to_string(),
            ]
            .concat(),
        )),
        "/news/show.asp?id=12" => ok(page(
            ARTICLES[2].1,
            ARTICLES[2].2,
            &[
                para(&format!("11月6日，{}。{filler}", ARTICLES[2].1)),
                para(
                    r#"本次培训聚焦果树修剪、病虫害绿色防控和电商销售等农民最关心的内容，由县农技推广中心的专家现场讲解示范，参训人员的报名办法见<a href="/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/%E5%85%B3%E4%BA%8E%E4%B8%BE%E5%8A%9E%E5%9F%B9%E8%AE%AD%E7%8F%AD%E7%9A%84%E9%80%9A%E7%9F%A5.html">培训班通知</a>，各乡镇要组织好辖区内种植大户和返乡青年积极参加。"#,
                ),
            ]
            .concat(),
        )),
        "/old/t1.html" => {
            let mut r = status(StatusCode::MOVED_PERMANENTLY);
            r.headers_mut()
                .insert(header::LOCATION, HeaderValue::from_static("/moved/t1.html"));
            r
        }
        "/moved/t1.html" => ok(page(
            ARTICLES[3].1,
            ARTICLES[3].2,
            &para(&format!("3月2日起，{}。{filler}", ARTICLES[3].1)),
        )),
        "/通知公告/关于举办培训班的通知.html" => ok(page(
            ARTICLES[4].1,
            ARTICLES[4].2,
            &[
                para(&format!("各乡镇科协：为提高基层科普工作水平，现将有关事项通知如下。{filler}")),
                para(
                    r#"往期培训情况见<a href="../xwdt/2019/t20190412_501.html">推进会报道</a>，培训日程另见<a href="/xwdt/2019/t20190601_599.html">日程安排</a>。"#,
                ),
            ]
            .concat(),
        )),
        ATTACHMENT_PATH_DECODED => {
            let mut r = Response::new(Body::from(ATTACHMENT_BYTES));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/msword"),
            );
            r
        }
        _ => status(StatusCode::NOT_FOUND),
    }
}

/// [`ATTACHMENT`] as the server sees it (the test server decodes paths).
const ATTACHMENT_PATH_DECODED: &str = "/uploadfile/2019/实施方案.doc";
