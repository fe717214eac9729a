//! Issue 10, item 5: losses that used to say nothing. An unreadable folder among the inputs, a damaged job
//! store, temporary files a killed extract left, an export a killed update left mid-transaction, and downloaded
//! attachments no web server could serve or whose names lie — each is now counted, refused with the way out,
//! cleaned up or fixed, checked here with the real binary.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{mirror, sitelift};

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Issue 10.5: a folder that cannot be read is a failed page of the run (exit 1), named, with the remedy.
#[cfg(unix)]
#[test]
fn an_unreadable_input_folder_is_a_failure_not_a_silence() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mirror");
    mirror::write(&root, 2, 1);
    let locked = root.join(mirror::HOST).join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(locked.join("t1.html"), mirror::article(7, 1)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // Root reads any folder: run as nobody then (setpriv ships with util-linux).
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("sitelift"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
    };
    let out = cmd.arg("extract").arg(&root).output().unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("2 records") && stderr.contains("1 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("locked")
            && stderr.contains("cannot read the folder")
            && stderr.contains("chmod"),
        "{stderr}"
    );
}

/// Overwrite the middle of a file with garbage, as a bad disk or an interrupted copy does.
fn damage_middle(file: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(file).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    f.seek(SeekFrom::Start(len / 2 - len / 8)).unwrap();
    f.write_all(&vec![0xA5; (len / 4) as usize]).unwrap();
}

/// Issue 10.5: a job store damaged in the middle is refused by status, report and export, with how to recover.
#[test]
fn a_damaged_job_is_refused_with_the_way_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let job = mirror::run_job(dir.path(), 60);
    damage_middle(&job.join("job.sqlite"));
    let commands: [Vec<String>; 4] = [
        vec!["status".into()],
        vec![
            "report".into(),
            "--html".into(),
            dir.path().join("r.html").display().to_string(),
        ],
        vec![
            "export".into(),
            "--link-map".into(),
            "/a/{id}".into(),
            "--out".into(),
            dir.path().join("handover").display().to_string(),
        ],
        vec!["extract".into()],
    ];
    for args in commands {
        let out = sitelift()
            .args(&args)
            .arg("--job")
            .arg(&job)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("job.sqlite is damaged")
                && stderr.contains(".recover")
                && stderr.contains("--fresh"),
            "{args:?}: {stderr}"
        );
    }
}

/// Hidden temporary files next to `out`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains(".tmp"))
        .collect()
}

/// Start `cmd`, wait until `ready` is true, then SIGKILL it. Returns whether `ready` became true in time.
fn kill_when(cmd: &mut std::process::Command, ready: impl Fn() -> bool) -> bool {
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut hit = false;
    while started.elapsed() < Duration::from_secs(60) {
        if ready() {
            hit = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    child.wait().unwrap();
    hit
}

fn extract_cmd(input: &Path, out: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"));
    cmd.arg("extract").arg(input).arg("--out").arg(out);
    cmd
}

/// Issue 10.5: the temporary files of killed extracts are removed by the next one.
#[test]
fn a_killed_extract_leaves_no_temporary_files_behind() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mirror");
    mirror::write(&input, 300, 1);
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    for name in ["records.jsonl", "records.sqlite"] {
        let out = out_dir.join(name);
        for _ in 0..3 {
            let started = kill_when(&mut extract_cmd(&input, &out), || {
                !temporaries(&out_dir).is_empty()
            });
            assert!(started, "{name}: no temporary file appeared");
        }
        assert!(
            !temporaries(&out_dir).is_empty(),
            "a kill leaves its temporary file"
        );
        let status = extract_cmd(&input, &out).output().unwrap().status;
        assert!(status.success());
        assert_eq!(temporaries(&out_dir), Vec::<String>::new(), "{name}");
    }
}

/// Issue 10.5: `report --input` on a SQLite export that a killed update left mid-transaction reads its last
/// complete state and says what happened, without writing to it.
#[test]
fn report_reads_an_export_a_killed_update_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mirror");
    mirror::write(&input, 1_000, 1);
    let db = dir.path().join("records.sqlite");
    assert!(extract_cmd(&input, &db).status().unwrap().success());
    mirror::write(&input, 1_000, 2);
    let journal = dir.path().join("records.sqlite-journal");
    // Past SQLite's page cache (2 MB), changed pages are written to the database itself: only a writer can
    // then roll the file back to its last complete state.
    let hit = kill_when(&mut extract_cmd(&input, &db), || {
        std::fs::metadata(&journal).is_ok_and(|m| m.len() > 3 * 1024 * 1024)
    });
    assert!(hit, "the update never started its transaction");
    assert!(journal.exists(), "the kill left the update's journal");
    let out = sitelift()
        .args(["report", "--format", "json", "--input"])
        .arg(&db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("left mid-update"), "{stderr}");
    let figures: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["records"], 1_000, "{figures:#}");
    // The last complete state: every record of the first edition, none of the second.
    let records: Vec<sitelift::Record> = sitelift::export::read_records(&db)
        .unwrap()
        .collect::<sitelift::Result<_>>()
        .unwrap();
    assert_eq!(records.len(), 1_000);
    assert!(
        records
            .iter()
            .all(|r| r.body_text.as_deref().unwrap_or("").contains("（第1版）"))
    );
    // Read-only: the file and its journal are as the kill left them.
    assert!(journal.exists());
}

/// A site with one article whose attachment's name carries a right-to-left override.
fn attachment_site() -> support::server::Handler {
    use axum::body::Body;
    use axum::http::{HeaderValue, header};
    use axum::response::Response;
    std::sync::Arc::new(|req: support::server::Req| {
        Box::pin(async move {
            let (ctype, body): (&str, Vec<u8>) = match req.path.as_str() {
                "/t1.html" => (
                    "text/html; charset=utf-8",
                    "<html><head><meta charset=\"utf-8\"><title>通知</title></head><body>\
                     <h1>关于报送年度工作总结的通知</h1><div class=\"info\">发布时间：2018-01-05</div>\
                     <div class=\"content\"><p>　　各有关学会：请于本月底前报送年度工作总结，材料模板见附件。</p>\
                     <p>　　联系人：办公室，电话见附件说明。</p>\
                     <p>附件：<a href=\"/fj/a.doc\">报送说明\u{202E}cod.exe</a></p></div></body></html>"
                        .as_bytes()
                        .to_vec(),
                ),
                "/fj/a.doc" => ("application/msword", b"\xd0\xcf\x11\xe0 not really a document".to_vec()),
                _ => ("text/plain", Vec::new()),
            };
            let mut r = Response::new(Body::from(body));
            if ctype == "text/plain" {
                *r.status_mut() = axum::http::StatusCode::NOT_FOUND;
            }
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
            r
        })
    })
}

/// Issue 10.5: downloaded attachments are readable by a web server (0644, in the job and in the hand-over) and
/// their stored names carry no bidi controls (U+202E would make `报送说明\u{202E}cod.exe` read `…exe.doc`).
#[cfg(unix)]
#[test]
fn downloaded_attachments_are_servable_and_honestly_named() {
    use std::os::unix::fs::PermissionsExt;
    let server = support::server::Server::start(|_| attachment_site(), 2);
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job");
    sitelift()
        .args([
            "run",
            "--quiet",
            "--download-attachments",
            "--delay-ms",
            "0",
            "--out",
        ])
        .arg(&job)
        .arg(server.url("/t1.html"))
        .assert()
        .success();
    let handover = dir.path().join("handover");
    sitelift()
        .args(["export", "--quiet", "--job"])
        .arg(&job)
        .args(["--link-map", "/a/{id}", "--out"])
        .arg(&handover)
        .assert()
        .success();
    for folder in [job.join("attachments"), handover.join("attachments")] {
        let files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.contains('\u{202E}'), "{name:?}");
        assert!(name.ends_with("报送说明cod.exe.doc"), "{name:?}");
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{}", files[0].display());
    }
}
