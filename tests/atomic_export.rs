//! Issue 10, item 4: the hand-over folder is published whole. `sitelift export` is killed (SIGKILL) at points
//! spread over its run, again and again, into a folder an earlier export wrote; after every kill the folder is
//! one export or the other — every file its manifest lists, with the listed size, all from one link map —
//! never an empty redirect file or a mix. A job still being written is refused, and so is a folder of
//! someone else's files.

mod support;

use std::path::Path;
use std::time::Instant;

use serde_json::Value;
use support::{mirror, sitelift};

/// Articles in the job: enough that an export takes a while to kill in the middle of.
const PAGES: usize = 400;
/// Kills per test.
const KILLS: usize = 12;

fn export(job: &Path, out: &Path, link_map: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"));
    cmd.current_dir(support::root())
        .args(["export", "--quiet", "--job"])
        .arg(job)
        .args(["--link-map", link_map, "--out"])
        .arg(out);
    cmd
}

/// The folder is exactly what its manifest lists, all made with one link map; returns that link map.
fn assert_whole(out: &Path) -> String {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("handover.json")).unwrap())
            .unwrap_or_else(|e| panic!("manifest unreadable: {e}"));
    let mut listed: Vec<String> = Vec::new();
    for file in manifest["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        let size = std::fs::metadata(out.join(path))
            .unwrap_or_else(|e| panic!("{path} listed but missing: {e}"))
            .len();
        assert_eq!(size, file["bytes"].as_u64().unwrap(), "{path}");
        listed.push(path.to_string());
    }
    let mut present: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| p != "handover.json")
        .collect();
    present.sort();
    listed.sort();
    assert_eq!(present, listed, "files beside the manifest's");
    let link_map = manifest["link_map"].as_str().unwrap().to_string();
    let prefix = &link_map[..link_map.find('{').unwrap()];
    for name in [
        "redirects.csv",
        "redirects.nginx.conf",
        "redirects.apache.conf",
    ] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(
            text.matches(prefix).count() >= PAGES,
            "{name} not from {link_map}"
        );
    }
    let records = std::fs::read_to_string(out.join("records.jsonl")).unwrap();
    assert_eq!(records.lines().count(), PAGES);
    link_map
}

#[test]
fn a_killed_export_leaves_the_old_folder_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let job = mirror::run_job(dir.path(), PAGES);
    let out = dir.path().join("handover");
    let maps = ["/a/{id}", "/b/{yyyy}/{id}"];

    // A first, whole export; its duration sets where the kills fall.
    let started = Instant::now();
    assert!(export(&job, &out, maps[0]).status().unwrap().success());
    let full = started.elapsed();
    assert_eq!(assert_whole(&out), maps[0]);

    let mut seen = [0usize; 2];
    for kill in 0..KILLS {
        let map = maps[(kill + 1) % 2];
        let delay = full.mul_f64(kill as f64 / KILLS as f64 * 1.1);
        let mut child = export(&job, &out, map).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let now = assert_whole(&out);
        seen[maps.iter().position(|m| *m == now).unwrap()] += 1;
    }
    eprintln!(
        "export takes {full:?}; after {KILLS} kills the folder held the old export {} times, the new one {} times",
        seen[0], seen[1]
    );

    // The next export cleans up what the killed ones left beside the folder.
    assert!(export(&job, &out, maps[0]).status().unwrap().success());
    assert_whole(&out);
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".handover"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_job_still_being_written_is_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    let job = mirror::run_job(dir.path(), 3);
    // What a running crawl holds.
    let lock = std::fs::File::open(job.join("job.lock")).unwrap();
    lock.try_lock().unwrap();
    let out = sitelift()
        .args(["export", "--job"])
        .arg(&job)
        .args(["--link-map", "/a/{id}", "--out"])
        .arg(dir.path().join("handover"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("still being written by a running sitelift"),
        "{stderr}"
    );
    assert!(!dir.path().join("handover").exists());
    // status still reads it.
    sitelift()
        .args(["status", "--job"])
        .arg(&job)
        .assert()
        .success();
    drop(lock);

    // A folder holding files an export does not write is not replaced.
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "mine").unwrap();
    let out = sitelift()
        .args(["export", "--job"])
        .arg(&job)
        .args(["--link-map", "/a/{id}", "--out"])
        .arg(&mine)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds 'notes.txt'"));
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "mine"
    );
}

/// An output that is a device or a named pipe (`--out /dev/null`, a FIFO a script reads) is written to, never
/// replaced by a renamed temporary file — as root, that rename would turn `/dev/null` itself into a plain file.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_output_is_written_to_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("records.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is unavailable");
        return;
    }
    // The reader: what a script at the other end of the pipe gets.
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(&reader_path)
            .and_then(|mut f| f.read_to_string(&mut text))
            .map(|_| text)
    });
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("sitelift"))
        .current_dir(support::root())
        .args(["extract", "--quiet", "--format", "jsonl", "--out"])
        .arg(&fifo)
        .arg("fixtures/cases/boilerplate-heavy.html")
        .status()
        .unwrap();
    assert!(status.success());
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a {kind:?}");
    let text = reader.join().unwrap().unwrap();
    let record: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(record["title"].is_string(), "{text}");
}
