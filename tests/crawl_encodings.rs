//! Content-Encoding against a real server on 127.0.0.1: pages compressed with deflate (zlib) and brotli are
//! decoded before the charset stage and become the right records, and deflate and brotli bombs are cut off at
//! `--max-decoded-mb` and recorded as failures, like the gzip bomb of tests/crawl.rs.

mod support;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::Value;
use support::server::{Handler, Req, Server};

/// The articles of the site, by path: (title, a sentence of the body, date).
const ARTICLES: [(&str, &str, &str); 3] = [
    (
        "/br/t20180312_301.html",
        "档案馆举办馆藏老照片展",
        "展出的二百余幅照片记录了学校建校以来的发展历程，吸引了众多师生驻足观看",
    ),
    (
        "/deflate/t20180315_302.html",
        "计算机学院召开本科教学评估动员会",
        "学院党政领导班子成员及全体教职工参加会议，会议部署了迎评促建的各项工作",
    ),
    (
        "/deflate/t20180316_303.html",
        "后勤处完成学生公寓热水系统改造",
        "改造后的热水系统实行全天二十四小时供应，彻底解决了高峰时段水温不足的问题",
    ),
];

fn article(title: &str, sentence: &str) -> String {
    let paragraphs = [
        format!("{sentence}。"),
        "据了解，此项工作自去年秋季启动以来，得到了学校领导的高度重视和各相关部门的大力支持，\
         工作人员克服了时间紧、任务重等困难，按期完成了各项任务。"
            .to_string(),
        "下一步，学校将继续总结经验，完善相关制度，进一步提升服务水平，为广大师生创造更加良好的学习和\
         生活环境。"
            .to_string(),
    ]
    .iter()
    .map(|p| format!("<p>\u{3000}\u{3000}{p}</p>"))
    .collect::<Vec<_>>()
    .join("\n");
    format!(
        r#"<html><head><title>{title}_新闻网_示例学院</title></head><body>
<div class="nav"><a href="/index.html">首页</a> | <a href="/index.html">新闻网</a></div>
<h1 class="title">{title}</h1>
<div class="info">发布时间：2018-03-15&nbsp;&nbsp;来源：新闻中心</div>
<div class="content">
{paragraphs}
</div>
<div class="footer">版权所有 © 示例学院</div>
</body></html>"#
    )
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut enc = brotli::CompressorWriter::new(Vec::new(), 64 * 1024, 9, 22);
    enc.write_all(bytes).unwrap();
    enc.flush().unwrap();
    enc.into_inner()
}

fn encoded(content_type: &'static str, encoding: &'static str, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    r
}

/// What the server saw: the Accept-Encoding of each page request.
type AcceptEncodings = Arc<Mutex<Vec<String>>>;

/// A home page (brotli) linking three articles — one brotli UTF-8, two deflate GBK with the charset only in
/// the header — and two bombs inflating to 8 MB of zeros, one deflate, one brotli.
fn handler(seen: AcceptEncodings) -> Handler {
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let bombs = Arc::new((deflate(&zeros), brotli(&zeros)));
    Arc::new(move |req: Req| {
        let bombs = bombs.clone();
        let seen = seen.clone();
        Box::pin(async move {
            if req.path != "/robots.txt" {
                let ae = req
                    .headers
                    .get(header::ACCEPT_ENCODING)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string();
                seen.lock().unwrap().push(ae);
            }
            let find = |p: &str| ARTICLES.iter().find(|(a, _, _)| *a == p);
            match req.path.as_str() {
                "/" | "/index.html" => {
                    let links: String = ARTICLES
                        .iter()
                        .map(|(p, t, _)| format!("<li><a href=\"{p}\">{t}</a></li>\n"))
                        .collect();
                    let page = format!(
                        r#"<html><head><meta charset="utf-8"><title>新闻网_示例学院</title></head><body>
<ul class="list">
{links}<li><a href="/bomb/deflate.html">讲座通知</a></li>
<li><a href="/bomb/br.html">招聘信息</a></li>
</ul></body></html>"#
                    );
                    encoded("text/html; charset=utf-8", "br", brotli(page.as_bytes()))
                }
                "/bomb/deflate.html" => encoded("text/html", "deflate", bombs.0.clone()),
                "/bomb/br.html" => encoded("text/html", "br", bombs.1.clone()),
                p if p.starts_with("/br/") && find(p).is_some() => {
                    let (_, title, sentence) = find(p).unwrap();
                    let html = article(title, sentence);
                    encoded("text/html; charset=utf-8", "br", brotli(html.as_bytes()))
                }
                p if p.starts_with("/deflate/") && find(p).is_some() => {
                    let (_, title, sentence) = find(p).unwrap();
                    let html = article(title, sentence);
                    let gbk = encoding_rs::GBK.encode(&html).0;
                    encoded("text/html; charset=GBK", "deflate", deflate(&gbk))
                }
                _ => {
                    let mut r = Response::new(Body::from("<h1>404 Not Found</h1>"));
                    *r.status_mut() = StatusCode::NOT_FOUND;
                    r
                }
            }
        })
    })
}

fn sitelift() -> Command {
    Command::cargo_bin("sitelift").unwrap()
}

fn status(job: &Path) -> Value {
    let out = sitelift()
        .args(["status", "--json", "--job"])
        .arg(job)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn deflate_and_brotli_pages_are_decoded_and_their_bombs_cut_off() {
    let seen = AcceptEncodings::default();
    let s = seen.clone();
    let server = Server::start(move |_| handler(s), 2);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    let assert = sitelift()
        .args([
            "run",
            "--concurrency",
            "4",
            "--delay-ms",
            "0",
            "--retries",
            "1",
            "--retry-base-ms",
            "20",
            "--max-decoded-mb",
            "1",
            "--out",
        ])
        .arg(&out)
        .arg(server.url("/"))
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        started.elapsed().as_secs() < 15,
        "the bombs were cut off, not inflated: {stderr}"
    );

    // The client offered the encodings it decodes.
    for ae in seen.lock().unwrap().iter() {
        for enc in ["gzip", "deflate", "br"] {
            assert!(ae.contains(enc), "Accept-Encoding {ae:?} lacks {enc}");
        }
    }

    // Every article, its text decoded (content encoding first, then the charset from the header).
    let recs: Vec<Value> = std::fs::read_to_string(out.join("records.jsonl"))
        .unwrap_or_else(|e| panic!("no records ({e}): {stderr}"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), ARTICLES.len(), "{recs:#?}\n{stderr}");
    for (path, title, sentence) in ARTICLES {
        let rec = recs
            .iter()
            .find(|r| r["url"].as_str().unwrap().ends_with(path))
            .unwrap_or_else(|| panic!("no record for {path}: {recs:#?}"));
        assert_eq!(rec["title"], title, "{rec:#}");
        let body = rec["body_text"].as_str().unwrap();
        assert!(body.contains(sentence), "{path}: {body}");
        assert!(!body.contains('\u{FFFD}'), "{path}: {body}");
        let want = if path.starts_with("/deflate/") {
            "GBK"
        } else {
            "UTF-8"
        };
        assert_eq!(rec["encoding"]["used"], want, "{rec:#}");
        if want == "GBK" {
            assert_eq!(rec["encoding"]["by"], "header", "{rec:#}");
        }
    }

    // Both bombs cut off at the limit and recorded as failures, not retried.
    let s = status(&out);
    assert_eq!(s["pages"]["failed"], 2, "{s:#}");
    assert_eq!(s["pages"]["queued"], 0, "{s:#}");
    let too_large = &s["failures"]["too large"];
    assert_eq!(too_large["count"], 2, "{s:#}");
    let mut bombs: Vec<String> = too_large["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (url, reason) = (e[0].as_str().unwrap(), e[1].as_str().unwrap());
            assert!(
                reason.contains("more than 1 MB after decompression"),
                "{reason}"
            );
            url::Url::parse(url).unwrap().path().to_string()
        })
        .collect();
    bombs.sort();
    assert_eq!(bombs, ["/bomb/br.html", "/bomb/deflate.html"]);
    assert_eq!(server.hits("/bomb/deflate.html"), 1);
    assert_eq!(server.hits("/bomb/br.html"), 1);
    assert_eq!(s["records"], 3);
}
