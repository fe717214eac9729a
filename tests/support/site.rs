//! The generated legacy site the crawl tests run against: a small university news site with everything that
//! goes wrong on real ones — GBK pages declaring their charset only in the HTTP header, a page whose meta lies,
//! paginated lists, a two-part article, attachments (one named `../../etc/passwd`), a redirect chain and a
//! redirect loop, a 404, a 500 that works the second time, a 429 with Retry-After, a page slower than the
//! timeout, a gzip bomb, an endless calendar, robots.txt closing a folder and links to other hosts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::server::{Handler, Req};

/// Titles of the articles the site holds, by path: what a full crawl must export, exactly.
pub const ARTICLES: [(&str, &str); 10] = [
    (
        "/news/2017/t20170927_101.html",
        "学校召开2017年秋季学期教学工作会议",
    ),
    (
        "/news/2017/t20170926_102.html",
        "图书馆新增三个电子资源数据库",
    ),
    (
        "/news/2017/t20170925_103.html",
        "化学学院举办青年教师讲课比赛",
    ),
    (
        "/news/2017/t20170924_104.html",
        "我校学子在全国数学建模竞赛中获奖",
    ),
    (
        "/news/2017/t20170920_105.html",
        "关于做好国庆节假期安全工作的通知",
    ),
    ("/gbk/t201.html", "后勤集团开展食堂卫生专项检查"),
    ("/gbk/t202.html", "外国语学院举行留学生中秋联欢会"),
    ("/moved/final.html", "校友会第五届理事会换届选举公告"),
    ("/flaky.html", "研究生院发布博士生招生简章"),
    ("/busy.html", "体育部举办教职工羽毛球比赛"),
];

/// The body paragraph of the second part of the two-part article.
pub const PART_TWO_TEXT: &str = "二、各单位要加强值班值守";

/// Site state that tests can change (for `--update`).
#[derive(Default)]
pub struct SiteState {
    /// When set, /flaky.html serves a revised text.
    pub revised: AtomicBool,
}

fn paragraphs(seed: &str) -> String {
    let texts = [
        format!("{seed}。会议由分管副校长主持，各学院院长、教学副院长以及教务处全体人员参加了会议，会上通报了上学期的教学检查情况。"),
        "会议指出，本学期要进一步深化课堂教学改革，严格执行教学计划，加强对青年教师的培养和指导，切实提高人才培养质量。".to_string(),
        "会议强调，各单位要高度重视教学工作，认真落实各项管理制度，确保新学期教学秩序平稳有序，为学校的发展做出新的贡献。".to_string(),
    ];
    texts
        .iter()
        .map(|t| format!("<p>\u{3000}\u{3000}{t}</p>"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An article page; `meta` is the charset meta tag (or nothing).
fn article(title: &str, date: &str, meta: &str, body: &str, extra: &str) -> String {
    format!(
        r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>{meta}<title>{title}_新闻中心_示例大学</title></head>
<body><table width="980" align="center"><tr><td class="nav"><a href="/index.html">首页</a> | <a href="/news/index.html">新闻中心</a> | <a href="/gbk/index.html">后勤服务</a></td></tr></table>
<table width="980" align="center"><tr><td>
<div class="location">当前位置：<a href="/index.html">首页</a> &gt; <a href="/news/index.html">新闻中心</a> &gt; 正文</div>
<h1 class="title">{title}</h1>
<div class="info">发布时间：{date}&nbsp;&nbsp;来源：党委宣传部&nbsp;&nbsp;浏览次数：128</div>
<div class="content TRS_Editor">
{body}
</div>
{extra}
</td></tr></table>
<div class="footer">版权所有 © 示例大学 京ICP备05000000号 技术支持：网络中心</div>
</body></html>"#
    )
}

fn list(title: &str, items: &[(&str, &str, &str)], pager: &str) -> String {
    let lis: String = items
        .iter()
        .map(|(href, t, d)| format!("<li><a href=\"{href}\">{t}</a><span>{d}</span></li>\n"))
        .collect();
    format!(
        r#"<html><head><meta charset="utf-8"><title>{title}_示例大学</title></head><body>
<div class="nav"><a href="/index.html">首页</a> | <a href="/news/index.html">新闻中心</a></div>
<h2>{title}</h2><ul class="list">
{lis}</ul><div class="pager">{pager}</div>
<div class="footer">版权所有 © 示例大学</div></body></html>"#
    )
}

fn html(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap(),
    );
    r
}

fn ok_utf8(body: String) -> Response {
    html(
        StatusCode::OK,
        "text/html; charset=utf-8",
        body.into_bytes(),
    )
}

/// Article pages carry validators, and answer conditional requests with 304.
fn with_validators(req: &Req, body: String) -> Response {
    let etag = format!("\"{:x}\"", body.len() * 31 + body.chars().count());
    if req
        .headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.to_str().unwrap_or("") == etag)
    {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        return r;
    }
    let mut r = ok_utf8(body);
    r.headers_mut()
        .insert(header::ETAG, HeaderValue::from_str(&etag).unwrap());
    r
}

fn redirect(status: StatusCode, to: &str) -> Response {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_str(to).unwrap());
    r
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

/// A gzip stream that inflates to `mb` megabytes of zeros.
fn gzip_bomb(mb: usize) -> Vec<u8> {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..mb {
        enc.write_all(&zeros).unwrap();
    }
    enc.finish().unwrap()
}

/// The handler serving the site; `port` lets pages link to another host name on the same server.
pub fn handler(port: u16, state: Arc<SiteState>) -> Handler {
    let bomb = Arc::new(gzip_bomb(8));
    Arc::new(move |req: Req| {
        let bomb = bomb.clone();
        let state = state.clone();
        Box::pin(async move { serve(req, port, &bomb, &state).await })
    })
}

async fn serve(req: Req, port: u16, bomb: &[u8], state: &SiteState) -> Response {
    let p = req.path.as_str();
    let title_of = |path: &str| {
        ARTICLES
            .iter()
            .find(|(a, _)| *a == path)
            .map(|(_, t)| *t)
            .unwrap_or("")
    };
    let meta_utf8 = r#"<meta http-equiv="Content-Type" content="text/html; charset=utf-8">"#;
    match p {
        "/robots.txt" => html(
            StatusCode::OK,
            "text/plain",
            b"User-agent: *\nDisallow: /private/\n".to_vec(),
        ),
        "/" | "/index.html" => ok_utf8(format!(
            r#"<html><head><meta charset="utf-8"><title>示例大学</title></head><body>
<div class="nav"><a href="/news/index.html">新闻中心</a> | <a href="/gbk/index.html">后勤服务</a>
| <a href="/redirect/a.html">校友会</a> | <a href="/loop/a.html">旧版网站</a> | <a href="/missing.html">信息公开</a>
| <a href="/flaky.html">研究生院</a> | <a href="/busy.html">体育部</a> | <a href="/slow.html">档案馆</a>
| <a href="/bomb.html">下载中心</a> | <a href="/calendar.jsp?month=2017-01">校历</a>
| <a href="/private/secret.html">内部办公</a> | <a href="http://other.example.cn/index.html">友情链接</a>
| <a href="http://localhost:{port}/elsewhere.html">镜像站</a> | <a href="mailto:web@example.edu.cn">联系我们</a></div>
<div class="footer">版权所有 © 示例大学</div></body></html>"#
        )),
        "/news/index.html" => ok_utf8(list(
            "新闻中心",
            &[
                ("2017/t20170927_101.html", ARTICLES[0].1, "2017-09-27"),
                ("2017/t20170926_102.html", ARTICLES[1].1, "2017-09-26"),
            ],
            r#"<a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a>"#,
        )),
        "/news/index_1.html" => ok_utf8(list(
            "新闻中心",
            &[
                ("2017/t20170925_103.html", ARTICLES[2].1, "2017-09-25"),
                ("2017/t20170920_105.html", ARTICLES[4].1, "2017-09-20"),
            ],
            r#"<a href="index.html">上一页</a> <a href="index_2.html">下一页</a>"#,
        )),
        "/news/index_2.html" => ok_utf8(list(
            "新闻中心",
            &[("2017/t20170924_104.html", ARTICLES[3].1, "2017-09-24")],
            r#"<a href="index_1.html">上一页</a>"#,
        )),
        "/news/2017/t20170927_101.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017-09-27 10:30",
                meta_utf8,
                &paragraphs("9月27日下午，学校在行政楼第一会议室召开教学工作会议"),
                r#"<div class="fj">附件：<a href="/files/%E9%80%9A%E7%9F%A5.doc">附件1：关于开展教学检查的通知.doc</a>
<br><a href="/files/passwd.txt">../../etc/passwd</a></div>"#,
            ),
        ),
        "/news/2017/t20170926_102.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017-09-26",
                meta_utf8,
                &paragraphs("为满足师生科研需要，图书馆近日新增三个电子资源数据库"),
                r#"<div class="fj">附件：<a href="/files/%E9%80%9A%E7%9F%A5.doc">关于开展教学检查的通知.doc</a></div>"#,
            ),
        ),
        "/news/2017/t20170925_103.html" | "/news/2017/t20170924_104.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017年9月25日",
                meta_utf8,
                &paragraphs(&format!("{}，共有二十余名教师参加", title_of(p))),
                "",
            ),
        ),
        "/news/2017/t20170920_105.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017-09-20",
                meta_utf8,
                &paragraphs("一、国庆节放假时间为10月1日至8日，各单位要提前做好安排"),
                r#"<div class="pager">第1页 <a href="t20170920_105_1.html">2</a> <a href="t20170920_105_1.html">下一页</a></div>"#,
            ),
        ),
        "/news/2017/t20170920_105_1.html" => ok_utf8(article(
            title_of("/news/2017/t20170920_105.html"),
            "2017-09-20",
            meta_utf8,
            &format!(
                "<p>\u{3000}\u{3000}{PART_TWO_TEXT}，节日期间实行二十四小时值班制度，遇有重大情况要及时报告，确保校园安全稳定。</p>"
            ),
            r#"<div class="pager"><a href="t20170920_105.html">上一页</a> <a href="t20170920_105.html">1</a> 第2页</div>"#,
        )),
        "/gbk/index.html" => html(
            StatusCode::OK,
            "text/html; charset=gbk",
            gbk(&list(
                "后勤服务",
                &[
                    ("t201.html", ARTICLES[5].1, "2017-09-21"),
                    ("t202.html", ARTICLES[6].1, "2017-09-22"),
                ],
                "",
            )
            .replace(r#"<meta charset="utf-8">"#, "")),
        ),
        // GBK bytes, charset only in the HTTP header.
        "/gbk/t201.html" => html(
            StatusCode::OK,
            "text/html; charset=GBK",
            gbk(&article(
                title_of(p),
                "2017-09-21",
                "",
                &paragraphs("为保障师生饮食安全，后勤集团于近日开展食堂卫生专项检查"),
                "",
            )),
        ),
        // GBK bytes, a meta that lies (utf-8), the header tells the truth.
        "/gbk/t202.html" => html(
            StatusCode::OK,
            "text/html; charset=gb2312",
            gbk(&article(
                title_of(p),
                "2017-09-22",
                meta_utf8,
                &paragraphs(
                    "中秋佳节来临之际，外国语学院举行留学生中秋联欢会，镕、喆、堃三位同学表演了节目",
                ),
                "",
            )),
        ),
        "/redirect/a.html" => redirect(StatusCode::MOVED_PERMANENTLY, "/redirect/b.html"),
        "/redirect/b.html" => redirect(StatusCode::FOUND, "../moved/final.html"),
        "/moved/final.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017-08-30",
                meta_utf8,
                &paragraphs("根据校友会章程，经常务理事会研究决定，召开第五届理事会换届选举大会"),
                "",
            ),
        ),
        "/loop/a.html" => redirect(StatusCode::FOUND, "/loop/b.html"),
        "/loop/b.html" => redirect(StatusCode::FOUND, "/loop/a.html"),
        "/flaky.html" if req.hit == 1 => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html",
            b"<h1>500 Internal Server Error</h1>".to_vec(),
        ),
        "/flaky.html" => {
            let seed = if state.revised.load(Ordering::SeqCst) {
                "研究生院发布修订后的博士研究生招生简章，报名时间延长至十一月底"
            } else {
                "研究生院发布博士研究生招生简章，欢迎广大考生报考"
            };
            with_validators(
                &req,
                article(title_of(p), "2017-09-15", meta_utf8, &paragraphs(seed), ""),
            )
        }
        "/busy.html" if req.hit == 1 => {
            let mut r = html(
                StatusCode::TOO_MANY_REQUESTS,
                "text/plain",
                b"slow down".to_vec(),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            r
        }
        "/busy.html" => with_validators(
            &req,
            article(
                title_of(p),
                "2017-09-18",
                meta_utf8,
                &paragraphs("为丰富教职工业余文化生活，体育部举办教职工羽毛球比赛"),
                "",
            ),
        ),
        "/slow.html" => {
            tokio::time::sleep(Duration::from_secs(4)).await;
            ok_utf8(article(
                "档案馆",
                "2017-01-01",
                meta_utf8,
                &paragraphs("迟到的页面"),
                "",
            ))
        }
        "/bomb.html" => {
            let mut r = html(StatusCode::OK, "text/html", bomb.to_vec());
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            r
        }
        "/calendar.jsp" => {
            let month = req
                .query
                .as_deref()
                .and_then(|q| q.strip_prefix("month="))
                .unwrap_or("2017-01");
            let (y, m) = month.split_once('-').unwrap_or(("2017", "01"));
            let (y, m): (i32, i32) = (y.parse().unwrap_or(2017), m.parse().unwrap_or(1));
            let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            let prev = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            ok_utf8(format!(
                r#"<html><head><meta charset="utf-8"><title>校历</title></head><body>
<table><tr><td><a href="calendar.jsp?month={}-{:02}">上月</a></td><td>{y}年{m}月</td>
<td><a href="calendar.jsp?month={}-{:02}">下月</a></td></tr></table></body></html>"#,
                prev.0, prev.1, next.0, next.1
            ))
        }
        "/files/通知.doc" => html(
            StatusCode::OK,
            "application/msword",
            b"\xd0\xcf\x11\xe0 fake word document".to_vec(),
        ),
        "/files/passwd.txt" => html(
            StatusCode::OK,
            "text/plain; charset=utf-8",
            "root:x:0:0 这不是真的密码文件\n".as_bytes().to_vec(),
        ),
        _ => html(
            StatusCode::NOT_FOUND,
            "text/html",
            b"<h1>404 Not Found</h1>".to_vec(),
        ),
    }
}
