//! Hostile-input benchmark (criterion): the byte scanners that must stay linear on pages built to make them
//! quadratic. They were unit tests with a wall-clock bound, which a loaded machine could break; the tests now
//! bound the thread's CPU time and check the result, and the figures live here.
//! - `nesting_depth`: `pipeline::process` on 2 MB of `<div ` with no `>` at all (the depth guard scans every tag
//!   and refuses the page as nested too deep; each tag once looked for its `>` to the end of the page);
//! - `find_date`: `normalize::date::find_date` on about 1 MB of digits and dates that are no dates, the real one last.
//!
//!     cargo bench --bench hostile

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use sitelift::pipeline::{FailReason, NoParts, Options, PageOutcome, process};
use sitelift::source::RawPage;

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let opts = Options::default();
    let page = RawPage {
        path: None,
        source_path: Some("hostile.html".into()),
        url: None,
        http_charset: None,
        bytes: "<div ".repeat(400_000).into_bytes(),
    };
    let refused = matches!(
        process(&page, &opts, &NoParts),
        PageOutcome::Failed(FailReason::TooDeep { depth: 400_000, .. })
    );
    assert!(
        refused,
        "the page of unclosed tags is refused as nested too deep"
    );
    let mut text = "一二三四五六七八九十 0123456789 2017-13-45 ".repeat(20_000);
    text.push_str("2018-06-01");
    assert!(sitelift::normalize::date::find_date(&text).is_some());

    let mut group = c.benchmark_group("hostile");
    group.throughput(Throughput::Bytes(page.bytes.len() as u64));
    group.bench_function("nesting_depth", |b| {
        b.iter(|| process(black_box(&page), &opts, &NoParts))
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("find_date", |b| {
        b.iter(|| sitelift::normalize::date::find_date(black_box(&text)))
    });
    group.finish();
    c.final_summary();
}
