//! Hand-over: a legacy site served on 127.0.0.1 (tests/support/handover_site.rs) is crawled into a job with
//! its attachments, then `sitelift export --link-map` must move every kind of link where it belongs and write
//! redirect maps that send each old URL to its new path — checked against a real nginx when one is installed
//! (`.ci/run` installs Debian's nginx-light; without it that part is skipped with a message).

mod support;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use support::handover_site::{self, ATTACHMENT_BYTES};
use support::server::Server;

const TEMPLATE: &str = "/articles/{yyyy}/{slug}";

struct Migrated {
    _dir: tempfile::TempDir,
    server: Server,
    job: PathBuf,
    out: PathBuf,
}

impl Migrated {
    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.out.join(name)).unwrap()
    }

    /// Record bodies by old URL.
    fn bodies(&self) -> BTreeMap<String, String> {
        self.read("records.jsonl")
            .lines()
            .map(|l| {
                let r: Value = serde_json::from_str(l).unwrap();
                (
                    r["url"].as_str().unwrap().to_string(),
                    r["body_html"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    fn csv(&self, name: &str) -> Vec<Vec<String>> {
        parse_csv(&self.read(name))
    }
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    // The files hold no quoted fields except where a value has a comma; the test data has none.
    text.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// Crawl the site into a job and export it with the link map `link_map` gives (from the server and a folder).
fn migrate(link_map: impl FnOnce(&Server, &Path) -> String) -> Migrated {
    let server = Server::start(handover_site::handler, 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let out = support::sitelift()
        .args(handover_site::RUN_FLAGS)
        .arg("--out")
        .arg(&job)
        .arg(server.url("/index.html"))
        .output()
        .unwrap();
    // Exit 1: the 404 page failed, as planned.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let handover = dir.path().join("handover");
    let link_map = link_map(&server, dir.path());
    let out = support::sitelift()
        .args(["export", "--link-map", &link_map, "--job"])
        .arg(&job)
        .arg("--out")
        .arg(&handover)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Migrated {
        _dir: dir,
        server,
        job,
        out: handover,
    }
}

fn href<'a>(body: &'a str, text: &str) -> &'a str {
    let end = body
        .find(&format!("\">{text}</a>"))
        .unwrap_or_else(|| panic!("no link '{text}' in {body}"));
    let start = body[..end].rfind("href=\"").unwrap() + 6;
    &body[start..end]
}

#[test]
fn every_kind_of_link_ends_where_it_should() {
    let m = migrate(|_, _| TEMPLATE.to_string());
    let bodies = m.bodies();
    assert_eq!(bodies.len(), 5, "{:?}", bodies.keys());
    let body = |path: &str| {
        bodies
            .get(&m.url(path))
            .unwrap_or_else(|| panic!("no record {path}"))
    };
    let chinese = "/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/%E5%85%B3%E4%BA%8E%E4%B8%BE%E5%8A%9E%E5%9F%B9%E8%AE%AD%E7%8F%AD%E7%9A%84%E9%80%9A%E7%9F%A5.html";
    let chinese_id = {
        let line = m.read("records.jsonl");
        let r: Value = line
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|r| {
                r["url"].as_str().unwrap().ends_with(".html")
                    && r["url"].as_str().unwrap().contains("%E9%80%9A")
            })
            .unwrap();
        r["id"].as_str().unwrap().to_string()
    };

    let a = body("/xwdt/2019/t20190412_501.html");
    // A relative link with a fragment to another migrated page.
    assert_eq!(
        href(a, "青少年科技创新大赛的筹备情况"),
        "/articles/2019/t20190520_502#jg"
    );
    // A downloaded attachment (Chinese file name), to its new path under the attachment template.
    let attachment = href(a, "2019年科普工作实施方案.doc");
    assert!(
        attachment.starts_with("/files/")
            && attachment.ends_with("%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.doc"),
        "{attachment}"
    );
    // A list page that was not migrated, another site and an e-mail address: kept.
    assert_eq!(href(a, "新闻动态栏目"), m.url("/xwdt/index.html"));
    assert_eq!(
        href(a, "省科协网站"),
        "http://www.qc-kx.gov.cn/zcfg/2019/t1.html"
    );
    assert_eq!(href(a, "kx@linxi.gov.cn"), "mailto:kx@linxi.gov.cn");

    let b = body("/xwdt/2019/t20190520_502.html");
    // Absolute link back; a `.asp?id=` page; an old URL that redirects to a migrated page.
    assert_eq!(href(b, "科普工作推进会"), "/articles/2019/t20190412_501");
    assert_eq!(href(b, "农村实用技术培训"), "/articles/2018/show-12");
    assert_eq!(href(b, "搬迁公告"), "/articles/2020/t1");
    // An attachment that failed to download and an image: kept, and listed below.
    assert_eq!(
        href(b, "获奖名单.pdf"),
        m.url("/uploadfile/2019/huojiang.pdf")
    );
    assert!(
        b.contains(&format!("src=\"{}\"", m.url("/images/2019/dasai.jpg"))),
        "{b}"
    );

    let c = body("/news/show.asp?id=12");
    // A percent-encoded Chinese path: its slug is empty once decoded, so the id stands in.
    assert_eq!(
        href(c, "培训班通知"),
        format!("/articles/2021/{chinese_id}")
    );

    let e = body(chinese);
    assert_eq!(href(e, "推进会报道"), "/articles/2019/t20190412_501");
    assert_eq!(href(e, "日程安排"), m.url("/xwdt/2019/t20190601_599.html"));

    // Unresolved links are listed with the reason the job knows.
    let mut unresolved: Vec<(String, String, String)> = m
        .csv("unresolved-links.csv")
        .into_iter()
        .map(|r| (r[1].clone(), r[2].clone(), r[3].clone()))
        .collect();
    unresolved.sort();
    let expect = [
        (
            m.url("/images/2019/dasai.jpg"),
            "image",
            "does not download images",
        ),
        (
            m.url("/uploadfile/2019/huojiang.pdf"),
            "attachment",
            "attachment not downloaded (failed): HTTP 404",
        ),
        (
            m.url("/xwdt/2019/t20190601_599.html"),
            "page",
            "not migrated: failed: HTTP 404",
        ),
        (m.url("/xwdt/index.html"), "page", "not migrated (skipped)"),
    ];
    assert_eq!(unresolved.len(), expect.len(), "{unresolved:?}");
    for ((link, kind, reason), (want_link, want_kind, want_reason)) in unresolved.iter().zip(expect)
    {
        assert_eq!(
            (link.as_str(), kind.as_str()),
            (want_link.as_str(), want_kind)
        );
        assert!(reason.contains(want_reason), "{reason}");
    }
    // The operator reads their kinds in the interface language; the CSV above keeps the English words.
    let again = m.job.with_file_name("handover-zh");
    let out = support::sitelift()
        .args(["--lang", "zh", "export", "--link-map", TEMPLATE, "--job"])
        .arg(&m.job)
        .arg("--out")
        .arg(&again)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("无法解析的链接：4 个（1 附件, 1 图片, 2 页面）"),
        "{err}"
    );

    // The attachment file is in the hand-over folder, under the name its new path ends with.
    let map = m.csv("attachments-map.csv");
    assert_eq!(map.len(), 1, "{map:?}");
    let file = m.out.join(&map[0][2]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        ATTACHMENT_BYTES,
        "{}",
        file.display()
    );
    assert_eq!(map[0][1], attachment);

    // The redirect map: the five pages, the old URL that redirected, the attachment.
    let redirects: BTreeMap<String, String> = m
        .csv("redirects.csv")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let want: BTreeMap<String, String> = [
        (
            "/xwdt/2019/t20190412_501.html",
            "/articles/2019/t20190412_501".to_string(),
        ),
        (
            "/xwdt/2019/t20190520_502.html",
            "/articles/2019/t20190520_502".into(),
        ),
        ("/news/show.asp?id=12", "/articles/2018/show-12".into()),
        ("/moved/t1.html", "/articles/2020/t1".into()),
        ("/old/t1.html", "/articles/2020/t1".into()),
        (chinese, format!("/articles/2021/{chinese_id}")),
        (handover_site::ATTACHMENT, attachment.to_string()),
    ]
    .into_iter()
    .map(|(old, new)| (m.url(old), new))
    .collect();
    assert_eq!(redirects, want);

    let nginx = m.read("redirects.nginx.conf");
    assert!(
        nginx.contains("\"127.0.0.1/通知公告/关于举办培训班的通知.html\""),
        "{nginx}"
    );
    let query_map = nginx.split("map $host$request_uri").nth(1).unwrap();
    assert!(query_map.contains("\"127.0.0.1/news/show.asp?id=12\" \"/articles/2018/show-12\";"));
    let apache = m.read("redirects.apache.conf");
    assert!(apache.contains("RewriteCond %{QUERY_STRING} ^id=12$\nRewriteRule ^/?news/show\\.asp$ /articles/2018/show-12 [R=301,L,NE,QSD]"), "{apache}");
    assert!(
        apache.contains("RewriteRule ^/?通知公告/关于举办培训班的通知\\.html$ "),
        "{apache}"
    );

    check_with_nginx(&m, &want);
    // The job is only read.
    assert!(m.job.join("job.sqlite").is_file());
}

/// Serve redirects.nginx.conf with a real nginx and request every old URL.
fn check_with_nginx(m: &Migrated, want: &BTreeMap<String, String>) {
    let Some(nginx) = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!(
            "skipped: nginx is not installed (apt-get install nginx-light); redirect rules checked as text only"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let d = dir.path().display();
    let conf = format!(
        "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{ worker_connections 32; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n\
         include {out}/redirects.nginx.conf;\n  server {{\n    listen 127.0.0.1:{port};\n    absolute_redirect off;\n\
         if ($sitelift_redirect_path) {{ return 301 $sitelift_redirect_path; }}\n\
         if ($sitelift_redirect_query) {{ return 301 $sitelift_redirect_query; }}\n    location / {{ return 404; }}\n  }}\n}}\n",
        out = m.out.display()
    );
    std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
    let test = Command::new(nginx)
        .arg("-t")
        .arg("-p")
        .arg(dir.path())
        .arg("-c")
        .arg(dir.path().join("nginx.conf"))
        .arg("-e")
        .arg(dir.path().join("error.log"))
        .output()
        .unwrap();
    assert!(
        test.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&test.stderr)
    );
    let child = Command::new(nginx)
        .arg("-p")
        .arg(dir.path())
        .arg("-c")
        .arg(dir.path().join("nginx.conf"))
        .arg("-e")
        .arg(dir.path().join("error.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut guard = KillOnDrop(child);
    // Ready when it accepts a connection; a configuration it refuses makes it exit, which is the failure (not a
    // clock: a loaded machine only makes the wait longer).
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = guard.0.try_wait().unwrap() {
            let log = std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default();
            panic!("nginx exited ({status}) without serving:\n{log}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let old_host = format!("127.0.0.1:{}", m.server.port);
    for (old, new) in want {
        let target = &old[old.find("127.0.0.1").unwrap() + old_host.len()..];
        let (status, location) = get(port, &old_host, target);
        assert_eq!(
            (status, location.as_deref()),
            (301, Some(new.as_str())),
            "GET {target}"
        );
    }
    // The same Chinese path with lower-case escapes still matches (nginx decodes before matching)...
    let (status, _) = get(
        port,
        &old_host,
        "/%e9%80%9a%e7%9f%a5%e5%85%ac%e5%91%8a/%e5%85%b3%e4%ba%8e%e4%b8%be%e5%8a%9e%e5%9f%b9%e8%ae%ad%e7%8f%ad%e7%9a%84%e9%80%9a%e7%9f%a5.html",
    );
    assert_eq!(status, 301);
    // ...while another query, or a page that was not migrated, is not redirected.
    assert_eq!(get(port, &old_host, "/news/show.asp?id=13").0, 404);
    assert_eq!(get(port, &old_host, "/xwdt/index.html").0, 404);
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.0 GET: (status, Location).
fn get(port: u16, host: &str, target: &str) -> (u16, Option<String>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = String::new();
    let _ = s.read_to_string(&mut response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let location = response
        .lines()
        .find_map(|l| l.strip_prefix("Location: "))
        .map(|l| l.trim().to_string());
    (status, location)
}

#[test]
fn a_csv_link_map_moves_only_the_pages_it_lists() {
    let m = migrate(|server, dir| {
        let csv = dir.join("map.csv");
        let text = format!(
            "old_url,new_path\n{},/新闻/推进会\n\"{}#top\",/news/dasai\n",
            server.url("/xwdt/2019/t20190412_501.html"),
            server.url("/xwdt/2019/t20190520_502.html"),
        );
        std::fs::write(&csv, text).unwrap();
        csv.display().to_string()
    });
    let bodies = m.bodies();
    let b = &bodies[&m.url("/xwdt/2019/t20190520_502.html")];
    assert_eq!(
        href(b, "科普工作推进会"),
        "/%E6%96%B0%E9%97%BB/%E6%8E%A8%E8%BF%9B%E4%BC%9A"
    );
    // A migrated page the CSV does not list keeps its old link, and the CSV of unresolved links says why.
    assert_eq!(href(b, "农村实用技术培训"), m.url("/news/show.asp?id=12"));
    let unresolved = m.read("unresolved-links.csv");
    assert!(
        unresolved.contains(&format!(
            "{},page,\"migrated, but the link map gives it no new path\"",
            m.url("/news/show.asp?id=12")
        )),
        "{unresolved}"
    );
    let a = &bodies[&m.url("/xwdt/2019/t20190412_501.html")];
    assert_eq!(href(a, "青少年科技创新大赛的筹备情况"), "/news/dasai#jg");
    let redirects = m.read("redirects.csv");
    assert_eq!(
        redirects.lines().filter(|l| l.contains("/t2019")).count(),
        2,
        "{redirects}"
    );
    assert!(!redirects.contains("show.asp"), "{redirects}");
}

#[test]
fn link_map_mistakes_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    let server = Server::start(handover_site::handler, 1);
    let out = support::sitelift()
        .args([
            "run",
            "--quiet",
            "--delay-ms",
            "0",
            "--retries",
            "0",
            "--out",
        ])
        .arg(&job)
        .arg(server.url("/index.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let csv = dir.path().join("same.csv");
    std::fs::write(
        &csv,
        format!(
            "{},/news/1\n{},/news/1\n",
            server.url("/xwdt/2019/t20190412_501.html"),
            server.url("/moved/t1.html")
        ),
    )
    .unwrap();
    for (map, want) in [
        (
            "/articles/{title}".to_string(),
            "unknown placeholder {title}",
        ),
        (csv.display().to_string(), "would both move to /news/1"),
    ] {
        let out = support::sitelift()
            .args(["export", "--link-map", &map, "--job"])
            .arg(&job)
            .arg("--out")
            .arg(dir.path().join("handover"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(want), "{stderr}");
    }
}
