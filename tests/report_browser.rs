//! The HTML report in a real browser: Debian's Chromium, headless, driven over the DevTools protocol (a
//! websocket on `--remote-debugging-port`). The test renders a report of the fixture cases (hostile markup
//! included), loads it from a file:// URL and checks that no console message, exception or log entry of level
//! error appears (a blocked script, a CSP violation, a failed load or a script error would all show up there),
//! that typing into the filter box — real key input through `Input.insertText` — cuts the visible rows down to
//! exactly the records the filter matches, that a row expands to its fields and sanitized body, and that a
//! screenshot is written as a PNG. Without /usr/bin/chromium (`apt-get install chromium`, done by .ci/run) it
//! skips with a message.

mod support;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const CHROMIUM: &str = "/usr/bin/chromium";
/// What the test types into the filter box.
const QUERY: &str = "通知";

struct Browser {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    session: Option<String>,
    /// Every event received, in order.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1600",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        // Chromium prints the browser's websocket address on stderr.
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium printed no DevTools address within 60 s");
        let (ws, _) = tungstenite::connect(url.as_str()).expect("connect to DevTools");
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        }
        Browser {
            child,
            ws,
            next_id: 0,
            session: None,
            events: Vec::new(),
            _profile: profile,
        }
    }

    /// Send a command (to the page session once attached) and wait for its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(msg.to_string())).unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            assert!(Instant::now() < deadline, "no answer to {method}");
            let m = self.read();
            if m["id"] == json!(id) {
                if let Some(e) = m.get("error") {
                    panic!("{method} failed: {e}");
                }
                return m["result"].clone();
            }
            self.events.push(m);
        }
    }

    fn read(&mut self) -> Value {
        match self.ws.read().expect("read from DevTools") {
            Message::Text(t) => serde_json::from_str(t.as_str()).unwrap(),
            _ => Value::Null,
        }
    }

    /// Wait for an event (it may have arrived already).
    fn wait_event(&mut self, method: &str) {
        if self.events.iter().any(|e| e["method"] == json!(method)) {
            return;
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            assert!(Instant::now() < deadline, "no {method} event");
            let m = self.read();
            let found = m["method"] == json!(method);
            self.events.push(m);
            if found {
                return;
            }
        }
    }

    /// Evaluate a JavaScript expression in the page and return its value.
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(
            r.get("exceptionDetails").is_none(),
            "{expression} threw: {r}"
        );
        r["result"]["value"].clone()
    }

    /// Poll an expression until it is true.
    fn wait_until(&mut self, expression: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.eval(expression) != json!(true) {
            assert!(Instant::now() < deadline, "never true: {expression}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Console errors, exceptions and error log entries seen so far.
    fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| match e["method"].as_str().unwrap_or("") {
                "Runtime.exceptionThrown" => true,
                "Runtime.consoleAPICalled" => {
                    matches!(e["params"]["type"].as_str(), Some("error" | "assert"))
                }
                "Log.entryAdded" => e["params"]["entry"]["level"] == json!("error"),
                _ => false,
            })
            .map(|e| e["params"].to_string())
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.session = None;
        let _ = self.ws.send(Message::text(
            json!({"id": 0, "method": "Browser.close"}).to_string(),
        ));
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The records the page's filter must match: every term in one of these fields (lower-cased).
fn expected_matches(records: &[Value], query: &str) -> usize {
    let fields = [
        "title",
        "url",
        "published",
        "source",
        "author",
        "editor",
        "source_path",
        "id",
    ];
    records
        .iter()
        .filter(|r| {
            let mut hay: Vec<String> = fields
                .iter()
                .filter_map(|f| r[f].as_str().map(str::to_string))
                .collect();
            if let Some(c) = r["category"].as_array() {
                let parts: Vec<&str> = c.iter().filter_map(Value::as_str).collect();
                hay.push(parts.join(" > "));
            }
            let hay = hay.join("\n").to_lowercase();
            query
                .to_lowercase()
                .split_whitespace()
                .all(|t| hay.contains(t))
        })
        .count()
}

fn make_report(dir: &Path) -> (PathBuf, Vec<Value>) {
    let export = dir.join("cases.jsonl");
    let out = support::sitelift()
        .args([
            "extract",
            "--quiet",
            "--base-url",
            "http://www.kx-demo.org.cn/cases/",
            "fixtures/cases",
            "--out",
        ])
        .arg(&export)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = dir.join("report.html");
    let out = support::sitelift()
        .args(["report", "--quiet", "--input"])
        .arg(&export)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = support::records(&std::fs::read(&export).unwrap());
    (html, records)
}

#[test]
fn report_loads_filters_expands_and_screenshots_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("skipped: {CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (html, records) = make_report(dir.path());
    let total = records.len();
    let want = expected_matches(&records, QUERY);
    assert!(
        want > 0 && want < total,
        "the query should match some records, not all: {want} of {total}"
    );

    let mut b = Browser::launch();
    let target = b.call("Target.createTarget", json!({"url": "about:blank"}));
    let attached = b.call(
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
    );
    b.session = Some(attached["sessionId"].as_str().unwrap().to_string());
    for domain in ["Runtime.enable", "Log.enable", "Page.enable"] {
        b.call(domain, json!({}));
    }
    let url = format!("file://{}", html.display());
    b.call("Page.navigate", json!({"url": url}));
    b.wait_event("Page.loadEventFired");
    b.wait_until("document.getElementById('records-table').dataset.matching !== '0'");

    // Loaded: every record matches, all rows of the first page are in the table.
    let before = b.eval("document.querySelectorAll('#records-table tbody tr.row').length");
    assert_eq!(before, json!(total.min(100)));
    assert_eq!(
        b.eval("document.getElementById('records-table').dataset.matching"),
        json!(total.to_string())
    );

    // Type into the filter box like a person.
    b.eval("document.getElementById('filter').focus()");
    b.call("Input.insertText", json!({"text": QUERY}));
    b.wait_until(&format!(
        "document.getElementById('records-table').dataset.matching === '{want}'"
    ));
    let after = b.eval("document.querySelectorAll('#records-table tbody tr.row').length");
    assert_eq!(after, json!(want), "visible rows after filtering");
    assert!(after.as_u64().unwrap() < before.as_u64().unwrap());
    let shown = b.eval("document.getElementById('shown').textContent");
    assert_eq!(shown, json!(format!("{want} of {total} records")));

    // A row expands to its fields, provenance and sanitized body; the body is shown without any script.
    b.eval("document.querySelector('#records-table tbody tr.row').click()");
    b.wait_until("!!document.querySelector('#records-table tr.detail .body')");
    let body_text =
        b.eval("document.querySelector('#records-table tr.detail .body').textContent.length");
    assert!(body_text.as_u64().unwrap() > 20, "{body_text}");
    // Every record expanded, the hostile fixture among them: no body brings a script, a handler, a style or
    // an image load with it.
    b.eval("var f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'))");
    b.wait_until(&format!(
        "document.getElementById('records-table').dataset.matching === '{total}'"
    ));
    b.eval(
        "Array.from(document.querySelectorAll('#records-table tbody tr.row')).forEach(function (r) { r.click(); })",
    );
    let unsafe_nodes = b.eval(
        "document.querySelectorAll('tr.detail .body script, tr.detail .body img, tr.detail .body iframe, tr.detail .body [onerror], tr.detail .body [onclick], tr.detail .body [style]').length",
    );
    assert_eq!(unsafe_nodes, json!(0));

    let shot = b.call("Page.captureScreenshot", json!({"format": "png"}));
    let png = base64::engine::general_purpose::STANDARD
        .decode(shot["data"].as_str().unwrap())
        .unwrap();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    std::fs::write(&path, &png).unwrap();
    let written = std::fs::read(&path).unwrap();
    assert!(
        written.starts_with(b"\x89PNG\r\n\x1a\n") && written.len() > 10_000,
        "{} is not a PNG screenshot",
        path.display()
    );
    eprintln!("screenshot: {}", path.display());

    // The same records with --lang zh: the script's words (counts, the expanded record's labels) are Chinese.
    let zh = dir.path().join("report-zh.html");
    let out = support::sitelift()
        .args(["--lang", "zh", "report", "--quiet", "--input"])
        .arg(dir.path().join("cases.jsonl"))
        .arg("--html")
        .arg(&zh)
        .output()
        .unwrap();
    assert!(out.status.success());
    b.call(
        "Page.navigate",
        json!({"url": format!("file://{}", zh.display())}),
    );
    // (The first page's load event is already recorded: wait for the new page itself.)
    b.wait_until(
        "location.href.endsWith('report-zh.html') && document.readyState === 'complete' \
         && document.getElementById('records-table').dataset.matching !== '0'",
    );
    let shown = b.eval("document.getElementById('shown').textContent");
    assert_eq!(
        shown.as_str().unwrap_or("").split('，').next(),
        Some(format!("共 {total} 条记录").as_str()),
        "{shown}"
    );
    assert_eq!(
        b.eval("document.getElementById('page').textContent"),
        json!("第 1 / 1 页")
    );
    b.eval("document.querySelector('#records-table tbody tr.row').click()");
    b.wait_until("!!document.querySelector('#records-table tr.detail .body')");
    let detail = b.eval("document.querySelector('#records-table tr.detail').textContent");
    let detail = detail.as_str().unwrap_or("");
    for word in ["标题", "提取依据", "正文（已清理）"] {
        assert!(
            detail.contains(word),
            "{word} not in the expanded record: {detail}"
        );
    }

    // Collect anything that arrived late, then: no console errors at all.
    b.eval("1");
    let errors = b.errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
