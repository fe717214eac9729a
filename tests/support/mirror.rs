//! A generated wget-style mirror of a legacy association site (the demo site's old TRS template, GBK, invented
//! text): `www.demo-kx.org.cn/xhdt/t2017MMDD_N.html`, each article linking the one before it, so a job built from
//! it has page links to rewrite and redirects to write.

use std::path::{Path, PathBuf};

/// The host folder of the mirror (the pages' public host).
pub const HOST: &str = "www.demo-kx.org.cn";

/// Write a mirror of `pages` articles under `dir/mirror` and run it into the job `dir/job` (quietly, with the
/// real binary); returns the job folder.
pub fn run_job(dir: &Path, pages: usize) -> PathBuf {
    write(&dir.join("mirror"), pages, 1);
    let job = dir.join("job");
    super::sitelift()
        .args(["run", "--quiet", "--out"])
        .arg(&job)
        .arg(dir.join("mirror"))
        .timeout(std::time::Duration::from_secs(300))
        .assert()
        .success();
    job
}

/// Write `count` articles under `root/HOST/xhdt/`; `edition` changes every page's text (for updates).
pub fn write(root: &Path, count: usize, edition: u32) -> Vec<PathBuf> {
    let dir = root.join(HOST).join("xhdt");
    std::fs::create_dir_all(&dir).unwrap();
    (0..count)
        .map(|n| {
            let path = dir.join(name(n));
            std::fs::write(&path, article(n, edition)).unwrap();
            path
        })
        .collect()
}

fn name(n: usize) -> String {
    format!("t2017{:02}{:02}_{}.html", 1 + n % 12, 1 + n % 28, 1000 + n)
}

/// One article page, GBK-encoded.
pub fn article(n: usize, edition: u32) -> Vec<u8> {
    let previous = if n > 0 {
        format!("上一篇：<a href=\"{}\">第{}篇</a>", name(n - 1), n - 1)
    } else {
        String::new()
    };
    let paragraphs: String = (1..=8)
        .map(|i| {
            format!(
                "<p>　　第{n}篇第{i}段（第{edition}版）：省科协召开学会工作座谈会，各学会负责人围绕学会治理、\
                 会员服务和科技咨询等方面交流经验，并就下一步工作提出意见和建议。会议要求进一步加强自身建设。</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
         <title>学会动态第{n}篇_青川省科学技术协会</title></head><body><table width=\"1000\">\
         <tr><td class=\"dqwz\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xhdt/\">学会动态</a> &gt; 正文</td></tr>\
         <tr><td class=\"biaoti\">学会动态第{n}篇：学会工作座谈会召开</td></tr>\
         <tr><td class=\"xx\">发布时间:2017-{:02}-{:02} | 作者: | 编辑:办公室</td></tr>\
         <tr><td><div class=\"TRS_Editor\">{paragraphs}\
         <p><img src=\"/xhdt/W2017{n}.jpg\" alt=\"现场\"></p></div></td></tr>\
         <tr><td>{previous}</td></tr></table>\
         <div class=\"foot\">版权所有：青川省科学技术协会 青ICP备05001234号</div></body></html>",
        1 + n % 12,
        1 + n % 28
    );
    encoding_rs::GBK.encode(&html).0.into_owned()
}
