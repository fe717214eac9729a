//! The two passes over a run's pages (files of a folder or mirror; the dev set's folders). The first pass
//! extracts every page as without the model, in parallel chunks, and writes each outcome and observation to a
//! spool file on disk, keeping only the page's skeleton sketch in memory; the model is learned from the spool;
//! the second pass reads the spool back in order, extracts again — from the same source, never by a second
//! fetch — the pages the model changes, and hands every final outcome to the caller in input order. Memory is
//! the sketches (256 bytes a page) plus a chunk of pages; the spool is deleted when the run ends.

use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::apply::SitePass;
use super::model::{Learner, Plan, SiteModel};
use super::report::{Final, ReportBuilder, SiteReport};
use super::signature::{Observation, SKETCH_SIZE};
use super::templates::MIN_TEMPLATE_PAGES;
use crate::batch::Observer;
use crate::error::{Error, Result};
use crate::pipeline::{FailReason, PageOutcome, Processed, SkipReason};
use crate::record::Record;

/// Pages processed at once; bounds memory to a chunk's records.
const CHUNK: usize = 64;

/// The pages of a run, by index: what the two passes need from a source.
pub trait Pages: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The page's name in reports (its path below the input folder, or its URL).
    fn label(&self, page: usize) -> String;
    /// Read the page (again) and run it through the pipeline.
    fn process(&self, page: usize, site: SitePass<'_>) -> Processed;
}

/// Extract every page with the site model; `done` receives each page's final outcome in input order. Returns
/// the model's report (`None` when the run has too few pages for any template: it then ran one pass, exactly as
/// without the model).
pub fn two_pass(
    pages: &dyn Pages,
    observer: &dyn Observer,
    done: &mut dyn FnMut(usize, PageOutcome) -> Result<()>,
) -> Result<Option<SiteReport>> {
    let n = pages.len();
    if n < MIN_TEMPLATE_PAGES {
        for chunk in (0..n).collect::<Vec<_>>().chunks(CHUNK) {
            let outcomes: Vec<(usize, PageOutcome)> = chunk
                .par_iter()
                .map(|&i| {
                    let outcome = pages.process(i, SitePass::Off).outcome;
                    observer.page_done(&pages.label(i), &outcome);
                    (i, outcome)
                })
                .collect();
            for (i, outcome) in outcomes {
                done(i, outcome)?;
            }
        }
        return Ok(None);
    }
    let FirstPass {
        mut spool,
        observed,
        model,
    } = first_pass(pages, observer)?;
    let mut report = ReportBuilder::new(&model, sketches_len(&observed));
    let mut reader = spool.reader()?;
    let all: Vec<usize> = (0..n).collect();
    for chunk in all.chunks(CHUNK) {
        let mut entries: Vec<(usize, PageOutcome, Option<Observation>, Plan)> = Vec::new();
        for &i in chunk {
            let (outcome, obs) = reader.next(true)?;
            let outcome = outcome.expect("outcomes are read");
            let plan = match (&obs, observed[i]) {
                (Some(o), k) if k != u32::MAX => model.plan(k as usize, o),
                _ => Plan::default(),
            };
            entries.push((i, outcome, obs, plan));
        }
        let again: Vec<(usize, Processed)> = entries
            .par_iter()
            .filter(|(.., plan)| plan.any())
            .filter_map(|(i, .., plan)| {
                let t = model.template_of(observed[*i] as usize)?;
                Some((*i, pages.process(*i, SitePass::Apply(&t.hint, *plan))))
            })
            .collect();
        let mut again = again.into_iter().peekable();
        for (i, outcome, obs, plan) in entries {
            let (outcome, obs, stripped) = match again.peek() {
                Some((j, _)) if *j == i => {
                    let (_, p) = again.next().expect("peeked");
                    (p.outcome, p.observation.map(|o| *o).or(obs), p.stripped)
                }
                _ => (outcome, obs, Vec::new()),
            };
            if observed[i] != u32::MAX {
                let k = observed[i] as usize;
                if let Some(obs) = &obs {
                    report.add(Final {
                        page: k,
                        label: &pages.label(i),
                        plan,
                        skipped: outcome.reason(),
                        obs,
                        stripped: &stripped,
                    });
                }
            }
            done(i, outcome)?;
        }
    }
    Ok(Some(report.finish()))
}

/// Learn the site model of the pages (the first pass only: for `mapping draft`), with each page's template
/// index; `None` when there are too few pages for a template.
pub fn learn(
    pages: &dyn Pages,
    observer: &dyn Observer,
) -> Result<Option<(SiteModel, Vec<Option<usize>>)>> {
    if pages.len() < MIN_TEMPLATE_PAGES {
        return Ok(None);
    }
    let first = first_pass(pages, observer)?;
    let template = first
        .observed
        .iter()
        .map(|&k| {
            (k != u32::MAX)
                .then(|| first.model.template_index(k as usize))
                .flatten()
        })
        .collect();
    Ok(Some((first.model, template)))
}

/// The first pass's outcomes and observations on disk, each page's index among the observed pages, and the
/// model learned from them.
struct FirstPass {
    spool: Spool,
    /// Per page: its index among the observed pages (u32::MAX: not parsed, so not observed).
    observed: Vec<u32>,
    model: SiteModel,
}

/// Extract and observe every page, spooling the outcomes; learn the model.
fn first_pass(pages: &dyn Pages, observer: &dyn Observer) -> Result<FirstPass> {
    let n = pages.len();
    let mut spool = Spool::new()?;
    let mut observed: Vec<u32> = Vec::with_capacity(n);
    let mut sketches: Vec<[u32; SKETCH_SIZE]> = Vec::new();
    for chunk in (0..n).collect::<Vec<_>>().chunks(CHUNK) {
        let processed: Vec<Processed> = chunk
            .par_iter()
            .map(|&i| {
                let p = pages.process(i, SitePass::Observe);
                observer.page_done(&pages.label(i), &p.outcome);
                p
            })
            .collect();
        for p in processed {
            match &p.observation {
                Some(obs) => {
                    observed.push(sketches.len() as u32);
                    sketches.push(obs.sketch);
                }
                None => observed.push(u32::MAX),
            }
            spool.write(&p.outcome, p.observation.as_deref())?;
        }
    }

    let mut learner = Learner::new(&sketches);
    drop(sketches);
    let mut reader = spool.reader()?;
    for (i, &k) in observed.iter().enumerate() {
        let (_, obs) = reader.next(false)?;
        if let Some(obs) = obs {
            learner.add(k as usize, &obs, &pages.label(i));
        }
    }
    let model = learner.finish();
    Ok(FirstPass {
        spool,
        observed,
        model,
    })
}

fn sketches_len(observed: &[u32]) -> u64 {
    observed.iter().filter(|k| **k != u32::MAX).count() as u64
}

/// A page's outcome as spooled.
#[derive(Serialize, Deserialize)]
enum Spooled {
    Extracted(Box<Record>),
    Skipped(SkipReason),
    Failed(FailReason),
}

/// The first pass's outcomes and observations, on disk, in input order.
struct Spool {
    file: BufWriter<std::fs::File>,
}

impl Spool {
    fn new() -> Result<Spool> {
        let file = tempfile::tempfile().map_err(spool_error)?;
        Ok(Spool {
            file: BufWriter::new(file),
        })
    }

    fn write(&mut self, outcome: &PageOutcome, obs: Option<&Observation>) -> Result<()> {
        let spooled = match outcome {
            PageOutcome::Extracted(r) => Spooled::Extracted(r.clone()),
            PageOutcome::Skipped(s) => Spooled::Skipped(s.clone()),
            PageOutcome::Failed(s) => Spooled::Failed(s.clone()),
        };
        let json = serde_json::to_vec(&spooled).map_err(|e| spool_error(e.into()))?;
        let obs = obs.map(Observation::to_bytes).unwrap_or_default();
        for part in [&json, &obs] {
            self.file
                .write_all(&(part.len() as u32).to_le_bytes())
                .and_then(|()| self.file.write_all(part))
                .map_err(spool_error)?;
        }
        Ok(())
    }

    /// A reader from the start (the spool is flushed first).
    fn reader(&mut self) -> Result<SpoolReader> {
        self.file.flush().map_err(spool_error)?;
        let mut file = self.file.get_ref().try_clone().map_err(spool_error)?;
        file.seek(SeekFrom::Start(0)).map_err(spool_error)?;
        Ok(SpoolReader {
            file: BufReader::new(file),
            buf: Vec::new(),
        })
    }
}

struct SpoolReader {
    file: BufReader<std::fs::File>,
    buf: Vec<u8>,
}

impl SpoolReader {
    /// The next page's outcome (read only when `outcome` is asked for) and observation.
    fn next(&mut self, outcome: bool) -> Result<(Option<PageOutcome>, Option<Observation>)> {
        let len = self.len()?;
        let out = if outcome {
            self.buf.resize(len, 0);
            self.file.read_exact(&mut self.buf).map_err(spool_error)?;
            let spooled: Spooled =
                serde_json::from_slice(&self.buf).map_err(|e| spool_error(e.into()))?;
            Some(match spooled {
                Spooled::Extracted(r) => PageOutcome::Extracted(r),
                Spooled::Skipped(s) => PageOutcome::Skipped(s),
                Spooled::Failed(s) => PageOutcome::Failed(s),
            })
        } else {
            self.file.seek_relative(len as i64).map_err(spool_error)?;
            None
        };
        let len = self.len()?;
        self.buf.resize(len, 0);
        self.file.read_exact(&mut self.buf).map_err(spool_error)?;
        Ok((out, Observation::from_bytes(&self.buf)))
    }

    fn len(&mut self) -> Result<usize> {
        let mut n = [0u8; 4];
        self.file.read_exact(&mut n).map_err(spool_error)?;
        Ok(u32::from_le_bytes(n) as usize)
    }
}

fn spool_error(e: std::io::Error) -> Error {
    Error::Spool(e)
}
