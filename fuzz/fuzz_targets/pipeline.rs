//! Fuzz target: one page through decode → extract → normalize (`pipeline::process`), the way a crawl or a
//! mirror feeds it. The first byte of the input chooses the run: no mapping or one of the bundled mappings, and
//! whether the page arrives with an HTTP charset (`gbk`); the rest is the page's bytes. A panic is a bug (the
//! pipeline turns one into a failed page, so it is re-raised here), and so is a page that runs past
//! `-timeout` or `-rss_limit_mb` (see README.md for the budget those flags enforce).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sitelift::Mapping;
use sitelift::pipeline::{NoParts, Options, PageOutcome, process};
use sitelift::source::RawPage;

/// The bundled mappings, loaded once (their text is compiled in, so the target runs from any folder).
static OPTIONS: LazyLock<Vec<Options>> = LazyLock::new(|| {
    let mappings: [(&str, &str); 7] = [
        ("demo-kx.toml", include_str!("../../mappings/demo-kx.toml")),
        ("example.toml", include_str!("../../mappings/example.toml")),
        (
            "nankai-news-empirecms.toml",
            include_str!("../../mappings/nankai-news-empirecms.toml"),
        ),
        (
            "netease-money.toml",
            include_str!("../../mappings/netease-money.toml"),
        ),
        ("qc-mes.toml", include_str!("../../mappings/qc-mes.toml")),
        (
            "sudy-webplus.toml",
            include_str!("../../mappings/sudy-webplus.toml"),
        ),
        (
            "vsb-department.toml",
            include_str!("../../mappings/vsb-department.toml"),
        ),
    ];
    let mut all = vec![Options::default()];
    for (name, text) in mappings {
        let mapping =
            Mapping::parse(std::path::Path::new(name), text).expect("bundled mappings are valid");
        all.push(Options {
            mapping: Some(mapping),
            ..Options::default()
        });
    }
    all
});

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let options = &OPTIONS[choice as usize % OPTIONS.len()];
    let page = RawPage {
        path: None,
        source_path: Some("fuzz.html".into()),
        url: url::Url::parse("http://www.demo-kx.org.cn/xwzx/201709/t20170927_1234.html").ok(),
        http_charset: (choice & 0x80 != 0).then(|| "gbk".to_string()),
        bytes: bytes.to_vec(),
    };
    if let PageOutcome::Failed(why) = process(&page, options, &NoParts)
        && why.starts_with("internal error")
    {
        panic!("{why}");
    }
});
