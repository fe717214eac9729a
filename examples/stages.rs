//! Developer aid: time the pipeline's stages over a folder of pages on one thread.
//! `cargo run --release --example stages -- ../shared/corpus/nku`
use std::time::Instant;

use sitelift::decode::{DecodeHints, decode};
use sitelift::extract::generic::analysis::Analysis;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stages DIR");
    let pages: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect();
    let texts: Vec<String> = pages
        .iter()
        .map(|b| decode(b, &DecodeHints::default()).text)
        .collect();
    let time = |name: &str, f: &dyn Fn(&str)| {
        let start = Instant::now();
        for _ in 0..3 {
            for t in &texts {
                f(t);
            }
        }
        println!(
            "{name:<28} {:>8.1} ms",
            start.elapsed().as_secs_f64() * 1000.0 / 3.0
        );
    };
    time("parse", &|t| drop(scraper::Html::parse_document(t)));
    time("parse + analysis", &|t| {
        let doc = scraper::Html::parse_document(t);
        drop(Analysis::new(&doc));
    });
    time("extract (all)", &|t| {
        drop(sitelift::extract::extract(
            t,
            &sitelift::extract::Context::default(),
        ));
    });
}
