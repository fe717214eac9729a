//! Politeness against a real server on 127.0.0.1: at most `--concurrency` requests at once per host, at least
//! `--delay-ms` between two request starts, and Retry-After honoured.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use support::server::{Handler, Req, Server};

/// What the server observed.
#[derive(Default)]
struct Seen {
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    starts: Mutex<Vec<(String, Instant)>>,
}

fn page(body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// A home page linking 8 slow pages; /p3.html answers 429 with Retry-After: 1 the first time.
fn handler(seen: Arc<Seen>) -> Handler {
    Arc::new(move |req: Req| {
        let seen = seen.clone();
        Box::pin(async move {
            seen.starts
                .lock()
                .unwrap()
                .push((req.path.clone(), Instant::now()));
            let now = seen.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            seen.max_in_flight.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(60)).await;
            seen.in_flight.fetch_sub(1, Ordering::SeqCst);
            match req.path.as_str() {
                "/" => page(
                    (1..=8)
                        .map(|i| format!("<a href=\"/p{i}.html\">第{i}页</a>"))
                        .collect(),
                ),
                "/p3.html" if req.hit == 1 => {
                    let mut r = Response::new(Body::from("busy"));
                    *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                    r.headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                    r
                }
                _ => page("<p>页面</p>".to_string()),
            }
        })
    })
}

fn crawl(server: &Server, args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("sitelift")
        .unwrap()
        .args(["crawl", "--quiet", "--retry-base-ms", "10", "--job"])
        .arg(dir.path().join("job"))
        .args(args)
        .arg(server.url("/"))
        .assert()
        .success();
}

#[test]
fn per_host_concurrency_is_capped() {
    let seen = Arc::new(Seen::default());
    let s = seen.clone();
    let server = Server::start(move |_| handler(s), 2);
    crawl(&server, &["--concurrency", "2", "--delay-ms", "0"]);
    assert_eq!(seen.max_in_flight.load(Ordering::SeqCst), 2);
}

#[test]
fn delay_between_requests_and_retry_after_are_honoured() {
    let seen = Arc::new(Seen::default());
    let s = seen.clone();
    let server = Server::start(move |_| handler(s), 2);
    crawl(&server, &["--concurrency", "1", "--delay-ms", "150"]);
    let starts = seen.starts.lock().unwrap().clone();
    let mut pages: Vec<&(String, Instant)> =
        starts.iter().filter(|(p, _)| p != "/robots.txt").collect();
    pages.sort_by_key(|(_, t)| *t);
    for pair in pages.windows(2) {
        let gap = pair[1].1 - pair[0].1;
        // Starts are seen by the server: on a loaded machine one request can reach it some tens of
        // milliseconds late, so the gap is held to two thirds of the delay (without the delay it is ~0).
        assert!(
            gap >= Duration::from_millis(100),
            "{} → {}: {gap:?}",
            pair[0].0,
            pair[1].0
        );
    }
    let p3: Vec<Instant> = starts
        .iter()
        .filter(|(p, _)| p == "/p3.html")
        .map(|(_, t)| *t)
        .collect();
    assert_eq!(p3.len(), 2);
    assert!(
        p3[1] - p3[0] >= Duration::from_millis(990),
        "{:?}",
        p3[1] - p3[0]
    );
}
