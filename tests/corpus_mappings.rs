//! The worked-example mappings in mappings/ on their own labelled pages of the shared corpus: for each CMS family,
//! `sitelift check-mapping` accepts the file, and `sitelift eval --mapping … --files … --floors
//! eval/floors-<family>.toml` exits 0 — every labelled field on those pages is right with the mapping
//! (EVALUATION.md, "Mappings on their own pages"). Runs the real binary from the repository root; skips with a
//! message when ../shared/corpus is absent.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

/// One mapping, the labelled pages it is evaluated on (`--files` substrings) and how many pages they select.
struct Family {
    name: &'static str,
    files: &'static [&'static str],
    pages: usize,
}

const FAMILIES: [Family; 4] = [
    // news.nankai.edu.cn, EmpireCMS nested-table article template.
    Family {
        name: "nankai-news-empirecms",
        files: &[
            "nku/b5e8994b",
            "nku/034f2ec4",
            "nku/1cd3cd96",
            "nku/013fdc81",
            "nku/00dc6fbf",
        ],
        pages: 5,
    },
    // Sudy WebPlus: news template, article template and single-article columns.
    Family {
        name: "sudy-webplus",
        files: &[
            "nku/a6563c69",
            "nku/384dfdf4",
            "nku/11158b40",
            "nku/202be918",
            "nku/3db51504",
            "nku/406d7d77",
            "nku/44a9e904",
            "nku/61e75781",
            "nku/a14d5d9f",
            "nku/7e3a86b7",
            "nku/1b04a003",
        ],
        pages: 11,
    },
    // VSB content components on three different department sites.
    Family {
        name: "vsb-department",
        files: &["nku/51e044ea", "nku/0836ffd2", "nku/5e68e0a8"],
        pages: 3,
    },
    // money.163.com, GBK, standard and column templates.
    Family {
        name: "netease-money",
        files: &["netease-gbk/"],
        pages: 8,
    },
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// ../shared/corpus/labels.json beside the crate, when present.
fn labels() -> Option<PathBuf> {
    let labels = root().join("../shared/corpus/labels.json");
    if labels.is_file() {
        Some(labels)
    } else {
        eprintln!(
            "skipped: {} is absent (the mapping evaluations need the shared corpus)",
            labels.display()
        );
        None
    }
}

#[test]
fn every_worked_example_mapping_loads() {
    for family in &FAMILIES {
        let mapping = format!("mappings/{}.toml", family.name);
        cargo_bin_cmd!("sitelift")
            .current_dir(root())
            .args(["check-mapping", &mapping])
            .assert()
            .success()
            .stdout(contains(format!("mapping OK: {mapping}")));
    }
}

#[test]
fn every_mapping_gets_every_labelled_field_right_on_its_pages() {
    let Some(labels) = labels() else { return };
    for family in &FAMILIES {
        let mapping = format!("mappings/{}.toml", family.name);
        let floors = format!("eval/floors-{}.toml", family.name);
        assert!(root().join(&floors).is_file(), "{floors} is missing");
        cargo_bin_cmd!("sitelift")
            .current_dir(root())
            .arg("eval")
            .arg("--labels")
            .arg(&labels)
            .args(["--mapping", &mapping])
            .args(["--files", &family.files.join(",")])
            .args(["--floors", &floors])
            .args(["--misses", "100"])
            .assert()
            .code(0)
            // A --files typo would quietly evaluate fewer pages; the count pins the selection.
            .stdout(contains(format!("— {} page(s)", family.pages)));
    }
}
