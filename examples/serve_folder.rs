//! Developer aid: serve a folder of saved pages on 127.0.0.1 (the crawl tests' server, tests/support/server.rs),
//! so a crawl of it can be measured against a run over the folder (issue 9: "measured here too on held-back pages
//! of a crawl run the same way"). `/` is an index linking every `*.html` file of the folder; each file is served
//! as it is stored, as `text/html` without a charset (a server that does not know the encoding, so the page's
//! own declarations decide as they do for files); anything else is 404. Prints the start URL, serves until
//! killed.
//!
//!     cargo run --release --example serve_folder -- ../shared/corpus/nku &
//!     sitelift run http://127.0.0.1:PORT/ --out job --ignore-robots --delay-ms 0 --concurrency 8
//!     sitelift eval --devset eval/devset --records job/records.jsonl
#[path = "../tests/support/server.rs"]
#[allow(dead_code)]
mod server;

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use server::{Req, Server};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: serve_folder DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read the folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .collect();
    names.sort();
    let links: String = names
        .iter()
        .map(|n| format!("<li><a href=\"/{n}\">{n}</a></li>\n"))
        .collect();
    let index = Arc::new(format!(
        "<html><head><meta charset=\"utf-8\"><title>index</title></head><body><ul>\n{links}</ul></body></html>"
    ));
    let server = Server::start(
        move |_| {
            Arc::new(move |req: Req| {
                let (dir, index) = (dir.clone(), index.clone());
                Box::pin(async move { answer(&dir, &index, &req.path) })
            })
        },
        4,
    );
    println!("{}", server.url("/"));
    loop {
        std::thread::park();
    }
}

fn answer(dir: &std::path::Path, index: &str, path: &str) -> Response {
    let name = path.trim_start_matches('/');
    let body = if name.is_empty() {
        Some(index.as_bytes().to_vec())
    } else if !name.contains('/') && !name.contains("..") && name.ends_with(".html") {
        std::fs::read(dir.join(name)).ok()
    } else {
        None
    };
    let (status, body) = match body {
        Some(b) => (StatusCode::OK, b),
        None => (StatusCode::NOT_FOUND, b"not found".to_vec()),
    };
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    r
}
