//! Shared helpers for integration tests: run the real binary, read its JSON Lines, compare records with
//! expected fixture files field by field with a readable difference; and, for the crawl tests, a loopback HTTP
//! server ([`server`]) serving a generated legacy site ([`site`]).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The crate root (fixtures/, mappings/ live here).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `sitelift` binary, run from the crate root.
pub fn sitelift() -> Command {
    let mut cmd = Command::cargo_bin("sitelift").expect("sitelift binary is built");
    cmd.current_dir(root());
    // The tests assert English text: the machine's locale must not turn the interface Chinese.
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}

/// `sitelift status --json` of a job, parsed (the command must succeed).
pub fn status_json(job: &Path) -> Value {
    let out = sitelift()
        .args(["status", "--json", "--job"])
        .arg(job)
        .output()
        .expect("run sitelift status");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("status --json is JSON")
}

/// Parse JSON Lines output into records.
pub fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Compare the fields present in `expected` (keys starting with `_` are directives) with `actual`.
/// Returns one readable line block per differing field.
pub fn field_differences(expected: &Value, actual: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let Some(exp) = expected.as_object() else {
        return vec!["expected file is not a JSON object".into()];
    };
    for (field, want) in exp.iter().filter(|(k, _)| !k.starts_with('_')) {
        let got = actual.get(field).unwrap_or(&Value::Null);
        if want == got {
            continue;
        }
        match (want.as_str(), got.as_str()) {
            (Some(w), Some(g)) if w.contains('\n') || g.contains('\n') => {
                diffs.push(format!("  {field}: text differs\n{}", text_diff(w, g)));
            }
            _ => diffs.push(format!(
                "  {field}:\n    expected {want}\n    actual   {got}"
            )),
        }
    }
    diffs
}

/// A unified line diff of two texts (expected → actual).
pub fn text_diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(1)
        .header("expected", "actual")
        .to_string()
}

/// Read and parse a JSON file.
pub fn read_json(path: &Path) -> Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// A site whose home page links a page that is gone (404) and one whose server is down (503).
pub fn broken_site() -> server::Server {
    use axum::http::StatusCode;
    let handler: server::Handler = std::sync::Arc::new(|req: server::Req| {
        Box::pin(async move {
            let (status, body) = match req.path.as_str() {
                "/" => (
                    StatusCode::OK,
                    "<a href=\"/gone.html\">通知</a><a href=\"/down.html\">公告</a>",
                ),
                "/robots.txt" => (StatusCode::OK, "User-agent: *\n"),
                "/gone.html" => (StatusCode::NOT_FOUND, "<h1>404</h1>"),
                _ => (StatusCode::SERVICE_UNAVAILABLE, "<h1>503</h1>"),
            };
            server::html_response(status, body)
        })
    });
    server::Server::start(move |_| handler, 2)
}

// The crawl tests' loopback HTTP server and the legacy sites it serves.
pub mod handover_site;
pub mod server;
pub mod site;
pub mod template_site;

// A generated wget-style mirror (export and kill tests) and the fuzz test's deterministic mutator.
pub mod mirror;
pub mod mutate;
