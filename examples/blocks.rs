//! Developer aid: print the text blocks and subtree scores the generic extractor sees on a page.
//! `cargo run --example blocks -- PAGE.html`
use sitelift::decode::{DecodeHints, decode};
use sitelift::extract::generic::analysis::Analysis;

fn main() {
    let path = std::env::args().nth(1).expect("usage: blocks PAGE.html");
    let bytes = std::fs::read(&path).expect("read page");
    let text = decode(&bytes, &DecodeHints::default()).text;
    let doc = scraper::Html::parse_document(&text);
    let an = Analysis::new(&doc);
    for b in &an.blocks {
        let el = doc.tree.get(b.node).and_then(scraper::ElementRef::wrap);
        let name = el.map(|e| e.value().name().to_string()).unwrap_or_default();
        let class = el.and_then(|e| e.value().attr("class")).unwrap_or("");
        let s = an.stats.get(&b.node).map(|s| s.score).unwrap_or(0.0);
        let line: String = b.line.chars().take(50).collect();
        println!(
            "{:>4} <{name}.{class}> w={:>6.1} sub={:>7.1} c={} l={} p={} | {line}",
            b.order,
            b.weight(),
            s,
            b.chars,
            b.link_chars,
            b.punct
        );
    }
}
