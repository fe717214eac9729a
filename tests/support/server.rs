//! A real HTTP server on 127.0.0.1 for the crawl tests and the crawl benchmark: axum on a background thread,
//! a handler per request, a hit counter per path (so tests can assert what was — or was never — requested).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::Response;

/// What a handler sees of a request.
pub struct Req {
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    /// How many times this path + query was requested, this one included.
    pub hit: u32,
}

/// An HTML page (UTF-8) with `status`: what most test sites answer.
#[allow(dead_code)]
pub fn html_response(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

pub type Handler = Arc<dyn Fn(Req) -> Pin<Box<dyn Future<Output = Response> + Send>> + Send + Sync>;

/// A running server.
pub struct Server {
    pub port: u16,
    hits: Arc<Mutex<HashMap<String, u32>>>,
}

impl Server {
    /// Start serving on a free port with `threads` runtime threads; `make` builds the handler for that port.
    pub fn start(make: impl FnOnce(u16) -> Handler, threads: usize) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        let handler = make(port);
        listener.set_nonblocking(true).expect("nonblocking");
        let hits: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
        let counter = hits.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(threads.max(1))
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let handler = handler.clone();
                    let counter = counter.clone();
                    async move {
                        let key = match req.uri().query() {
                            Some(q) => format!("{}?{q}", req.uri().path()),
                            None => req.uri().path().to_string(),
                        };
                        let hit = {
                            let mut h = counter.lock().unwrap();
                            let n = h.entry(key).or_insert(0);
                            *n += 1;
                            *n
                        };
                        let path = percent_decode(req.uri().path());
                        handler(Req {
                            path,
                            query: req.uri().query().map(str::to_string),
                            headers: req.headers().clone(),
                            hit,
                        })
                        .await
                    }
                });
                axum::serve(listener, app).await.expect("serve");
            });
        });
        Server { port, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Requests seen for a path (with its query, if any).
    pub fn hits(&self, path_and_query: &str) -> u32 {
        self.hits
            .lock()
            .unwrap()
            .get(path_and_query)
            .copied()
            .unwrap_or(0)
    }

    /// Every path requested, with its count.
    #[allow(dead_code)]
    pub fn all_hits(&self) -> HashMap<String, u32> {
        self.hits.lock().unwrap().clone()
    }
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&path[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
