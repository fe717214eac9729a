//! `sitelift eval --devset`: the honest dev set. Pages drawn at random with a fixed seed, labelled by hand,
//! split once into a **tune** part (rules may be changed looking at it) and a **check** part (only its figures
//! are read), and scored side by side, so a rule fitted to the tune pages shows up as a gap between the columns.
//!
//! A manifest (`eval/devset/devset.toml`) names the pages folder, the split file written by the draw
//! (`draw.json`: `pages` and `benchmark`, each a list of `{file, part}`), the label sets (labels and kinds files,
//! their part from the split or given whole, like a set drawn and labelled outside the project) and optionally
//! trafilatura's evaldata for the benchmark pages of the split. Every page runs once through the default
//! pipeline (non-articles skipped), so the labels, the page-kind confusion and the body benchmark all score the
//! run a user gets.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::eval::{Label, read_page, score_labels};
use super::kinds::{Kind, KindLabel, KindsReport, load_kinds, score_kinds};
use super::score_label;
use super::trafilatura::{BenchItem, BenchmarkReport, evaluate_benchmark, load_benchmark};
use super::{LabelsReport, load_labels};
use crate::error::{Error, Result};
use crate::i18n::{pad, pad_left};
use crate::pipeline::{NoParts, Options, PageOutcome, SkipReason, process};
use crate::t;

/// One of the two parts of the split.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Tune,
    Check,
}

impl Part {
    pub const BOTH: [Part; 2] = [Part::Tune, Part::Check];

    pub fn name(self) -> &'static str {
        match self {
            Part::Tune => "tune",
            Part::Check => "check",
        }
    }

    /// The part's name in the interface language (`name` is the one of `--part` and the floors file).
    pub fn localized(self) -> String {
        match self {
            Part::Tune => t!("eval-part-tune"),
            Part::Check => t!("eval-part-check"),
        }
    }
}

/// The manifest: where everything of the dev set is (paths relative to the manifest's folder).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    /// The folder the page files are relative to (the shared corpus).
    pages: PathBuf,
    /// The draw's output: which part each page belongs to.
    split: PathBuf,
    #[serde(default, rename = "set")]
    sets: Vec<SetEntry>,
    benchmark: Option<BenchEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetEntry {
    name: String,
    labels: PathBuf,
    kinds: Option<PathBuf>,
    /// The whole set belongs to this part; without it each page's part comes from the split.
    part: Option<Part>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BenchEntry {
    evaldata: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
struct SplitFile {
    seed: Option<u64>,
    pages: Vec<SplitEntry>,
    #[serde(default)]
    benchmark: Vec<SplitEntry>,
}

#[derive(Debug, Clone, Deserialize)]
struct SplitEntry {
    file: String,
    part: Part,
}

/// The figures of one part.
#[derive(Debug, Clone, Serialize)]
pub struct PartReport {
    pub part: Part,
    pub labels: LabelsReport,
    pub kinds: KindsReport,
    pub benchmark: Option<BenchmarkReport>,
}

/// Both parts, side by side.
#[derive(Debug, Clone, Serialize)]
pub struct DevsetReport {
    pub manifest: String,
    pub seed: Option<u64>,
    pub sets: Vec<String>,
    pub parts: Vec<PartReport>,
}

impl DevsetReport {
    pub fn part(&self, part: Part) -> Option<&PartReport> {
        self.parts.iter().find(|p| p.part == part)
    }

    /// The side-by-side table: every field, the page-kind confusion and the benchmark, one column per part.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let head: Vec<String> = self
            .parts
            .iter()
            .map(|p| {
                t!(
                    "eval-part-pages",
                    part = p.part.localized(),
                    n = p.kinds.articles + p.kinds.non_articles
                )
            })
            .collect();
        out.push_str(&pad(&t!("eval-th-field"), 26));
        for h in &head {
            out.push_str(&pad_left(h, 22));
        }
        out.push('\n');
        let names: Vec<String> = self
            .parts
            .first()
            .map(|p| p.labels.scores.iter().map(|s| s.name.clone()).collect())
            .unwrap_or_default();
        for name in names {
            out.push_str(&pad(&score_label(&name), 26));
            for p in &self.parts {
                let cell = p
                    .labels
                    .score(&name)
                    .map(|s| match s.percent() {
                        Some(pct) => format!("{pct:.1}% {:>3}/{:<3}", s.right, s.total),
                        None => "-".into(),
                    })
                    .unwrap_or_default();
                out.push_str(&format!("{cell:>22}"));
            }
            out.push('\n');
        }
        type Count = fn(&KindsReport) -> (usize, usize);
        let rows: [(&str, Count); 2] = [
            ("eval-articles-dropped", |k| {
                (k.articles_dropped.len(), k.articles)
            }),
            ("eval-non-articles-exported", |k| {
                (k.non_articles_exported.len(), k.non_articles)
            }),
        ];
        for (name, get) in rows {
            out.push_str(&pad(&t!(name), 26));
            for p in &self.parts {
                let (n, total) = get(&p.kinds);
                out.push_str(&pad_left(&t!("eval-n-of", n = n, total = total), 22));
            }
            out.push('\n');
        }
        if self.parts.iter().any(|p| p.benchmark.is_some()) {
            out.push_str(&pad(&t!("eval-benchmark-f1"), 26));
            for p in &self.parts {
                let cell = p
                    .benchmark
                    .as_ref()
                    .map(|b| t!("eval-f1-pages", f1 = format!("{:.3}", b.f1), n = b.pages))
                    .unwrap_or_else(|| "-".into());
                out.push_str(&pad_left(&cell, 22));
            }
            out.push('\n');
        }
        out
    }
}

/// The outcomes of the dev pages when every page of each of their folders is extracted in one run with the site
/// model, so each page has its siblings (as a run over that folder gives them). Multi-page articles are not
/// merged, as in the run without the model.
fn with_site_model<'p>(
    pages_dir: &Path,
    pages: &'p [DevPage],
    opts: &Options,
) -> Result<HashMap<&'p str, PageOutcome>> {
    let mut folders: BTreeMap<&str, HashMap<&str, &'p str>> = BTreeMap::new();
    for p in pages {
        let (folder, name) = p.file.rsplit_once('/').unwrap_or(("", p.file.as_str()));
        folders
            .entry(folder)
            .or_default()
            .insert(name, p.file.as_str());
    }
    let mut out = HashMap::new();
    for (folder, wanted) in folders {
        let root = pages_dir.join(folder);
        let files = crate::source::files::collect(std::slice::from_ref(&root))?;
        let urls = crate::source::files::UrlPolicy::for_options(opts);
        let site_pages = crate::batch::FilePages {
            files: &files,
            opts,
            urls: &urls,
            parts: &NoParts,
        };
        crate::site::run::two_pass(&site_pages, &crate::batch::Silent, &mut |i, outcome| {
            if let Some(file) = wanted.get(files[i].rel.as_str()) {
                out.insert(*file, outcome);
            }
            Ok(())
        })?;
    }
    if let Some(p) = pages.iter().find(|p| !out.contains_key(p.file.as_str())) {
        return Err(Error::EvalInput {
            path: pages_dir.join(&p.file),
            message: super::NOT_READ_BY_RUN.text(&[]).into(),
        });
    }
    Ok(out)
}

/// The outcomes of the dev pages read from an export (a crawl's records, scored as a folder run's would be): a
/// record is a dev page's when its URL or source path ends with the page's file name (query and fragment
/// aside). Only the folders some record comes from are scored; a dev page of such a folder without a record
/// was not exported (skipped, failed or never fetched) and counts so.
fn from_records<'p>(path: &Path, pages: &'p [DevPage]) -> Result<HashMap<&'p str, PageOutcome>> {
    let folder = |file: &'p str| file.rsplit_once('/').map_or("", |(f, _)| f);
    let mut by_name: HashMap<&str, Vec<&'p str>> = HashMap::new();
    for p in pages {
        let name = p.file.rsplit('/').next().unwrap_or(&p.file);
        by_name.entry(name).or_default().push(p.file.as_str());
    }
    let mut out: HashMap<&'p str, PageOutcome> = HashMap::new();
    let mut folders: HashSet<&str> = HashSet::new();
    for record in crate::export::read_records(path)? {
        let record = record?;
        let Some(at) = record.url.as_deref().or(record.source_path.as_deref()) else {
            continue;
        };
        let at = at.split(['?', '#']).next().unwrap_or(at);
        let name = at.rsplit(['/', '\\']).next().unwrap_or(at);
        for &file in by_name.get(name).into_iter().flatten() {
            folders.insert(folder(file));
            out.insert(file, PageOutcome::Extracted(Box::new(record.clone())));
        }
    }
    for p in pages {
        if folders.contains(folder(&p.file)) && !out.contains_key(p.file.as_str()) {
            let why = format!("no record in {}", path.display());
            out.insert(&p.file, PageOutcome::Skipped(SkipReason::NotArticle(why)));
        }
    }
    Ok(out)
}

/// A labelled page of the dev set and its part.
struct DevPage {
    file: String,
    part: Part,
}

/// Run the dev set named by `manifest_path` (a devset.toml, or a folder holding one) for the given parts; with
/// `records`, score the dev pages from that export instead of extracting them ([`from_records`]).
pub fn evaluate_devset(
    manifest_path: &Path,
    parts: &[Part],
    opts: &Options,
    records: Option<&Path>,
) -> Result<DevsetReport> {
    let manifest_path = if manifest_path.is_dir() {
        manifest_path.join("devset.toml")
    } else {
        manifest_path.to_path_buf()
    };
    let input_error = |path: &Path, message: String| Error::EvalInput {
        path: path.to_path_buf(),
        message: message.into(),
    };
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| input_error(&manifest_path, e.to_string()))?;
    let manifest: Manifest = toml::from_str(&text)
        .map_err(|e| input_error(&manifest_path, super::DEVSET_NOT_MANIFEST.text(&[&e])))?;
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let pages_dir = dir.join(&manifest.pages);
    if !pages_dir.is_dir() {
        return Err(input_error(
            &pages_dir,
            super::DEVSET_PAGES_MISSING.text(&[]),
        ));
    }
    let split_path = dir.join(&manifest.split);
    let split: SplitFile = serde_json::from_str(
        &std::fs::read_to_string(&split_path)
            .map_err(|e| input_error(&split_path, e.to_string()))?,
    )
    .map_err(|e| input_error(&split_path, format!("not a split file (draw.json): {e}")))?;
    let part_of: HashMap<&str, Part> = split
        .pages
        .iter()
        .map(|e| (e.file.as_str(), e.part))
        .collect();

    // Every set's labels and kinds, each page with its part.
    let mut labels: Vec<(Label, Part)> = Vec::new();
    let mut kinds: BTreeMap<Part, BTreeMap<String, KindLabel>> = BTreeMap::new();
    let mut pages: Vec<DevPage> = Vec::new();
    let mut seen: HashMap<String, Part> = HashMap::new();
    let mut add_page = |file: &str, part: Part, pages: &mut Vec<DevPage>| -> Result<()> {
        match seen.get(file) {
            Some(p) if *p != part => Err(input_error(
                &manifest_path,
                format!("page {file} is in both the tune and the check part"),
            )),
            Some(_) => Ok(()),
            None => {
                seen.insert(file.to_string(), part);
                pages.push(DevPage {
                    file: file.to_string(),
                    part,
                });
                Ok(())
            }
        }
    };
    for set in &manifest.sets {
        let part_for = |file: &str| -> Result<Part> {
            set.part
                .or_else(|| part_of.get(file).copied())
                .ok_or_else(|| {
                    input_error(
                        &manifest_path,
                        format!(
                            "page {file} of set '{}' is not in the split and the set names no part",
                            set.name
                        ),
                    )
                })
        };
        if let Some(k) = &set.kinds {
            for (file, label) in load_kinds(&dir.join(k))? {
                let part = part_for(&file)?;
                add_page(&file, part, &mut pages)?;
                kinds.entry(part).or_default().insert(file, label);
            }
        }
        for label in load_labels(&dir.join(&set.labels))? {
            let part = part_for(&label.file)?;
            add_page(&label.file, part, &mut pages)?;
            // A labelled page without a kind label is an article: only articles are labelled field by field.
            kinds
                .entry(part)
                .or_default()
                .entry(label.file.clone())
                .or_insert(KindLabel {
                    kind: Kind::Article,
                    reason: None,
                });
            labels.push((label, part));
        }
    }
    pages.retain(|p| parts.contains(&p.part));

    // One run of the default pipeline over every page (with the site model: over every page of their folders).
    let outcomes: HashMap<&str, PageOutcome> = if let Some(path) = records {
        from_records(path, &pages)?
    } else if opts.site_model {
        with_site_model(&pages_dir, &pages, opts)?
    } else {
        let raw = pages
            .iter()
            .map(|p| read_page(&pages_dir, &p.file))
            .collect::<Result<Vec<_>>>()?;
        pages
            .par_iter()
            .zip(raw.par_iter())
            .map(|(p, page)| (p.file.as_str(), process(page, opts, &NoParts)))
            .collect()
    };

    // The benchmark's pages are extracted, never read from records.
    let bench = match manifest.benchmark.as_ref().filter(|_| records.is_none()) {
        Some(b) => Some(load_benchmark(&dir.join(&b.evaldata))?),
        None => None,
    };
    let bench_part: HashMap<&str, Part> = split
        .benchmark
        .iter()
        .map(|e| (e.file.as_str(), e.part))
        .collect();
    let mut reports = Vec::new();
    for &part in parts {
        let (part_labels, part_outcomes): (Vec<Label>, Vec<PageOutcome>) = labels
            .iter()
            .filter(|(_, p)| *p == part)
            .filter_map(|(l, _)| Some((l.clone(), outcomes.get(l.file.as_str())?.clone())))
            .unzip();
        let labels_report = score_labels(&part_labels, &part_outcomes);
        let empty = BTreeMap::new();
        let kinds_report = score_kinds(kinds.get(&part).unwrap_or(&empty), |f| outcomes.get(f));
        let benchmark = match &bench {
            Some(items) => {
                let mine: BTreeMap<String, BenchItem> = items
                    .iter()
                    .filter(|(_, item)| bench_part.get(item.file.as_str()) == Some(&part))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let evaldata = manifest.benchmark.as_ref().map(|b| dir.join(&b.evaldata));
                let folder = evaldata
                    .as_deref()
                    .and_then(Path::parent)
                    .unwrap_or(Path::new("."));
                (!mine.is_empty())
                    .then(|| evaluate_benchmark(&mine, folder, opts))
                    .transpose()?
            }
            None => None,
        };
        reports.push(PartReport {
            part,
            labels: labels_report,
            kinds: kinds_report,
            benchmark,
        });
    }
    Ok(DevsetReport {
        manifest: manifest_path.display().to_string(),
        seed: split.seed,
        sets: manifest.sets.iter().map(|s| s.name.clone()).collect(),
        parts: reports,
    })
}
