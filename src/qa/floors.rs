//! The regression gate: minimum scores kept in the repository (`eval/floors.toml`). A run whose score falls
//! below its floor fails, naming the field; the floors are raised as extraction improves, never lowered to make
//! a change pass.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::devset::{DevsetReport, Part};
use super::{BenchmarkReport, LabelsReport};
use crate::error::{Error, Result};

/// Tolerance for comparing a score with a floor written with two decimals.
const EPSILON: f64 = 1e-9;

/// The floors file: `[labels]` percentages and `[trafilatura]` fractions. Every key is optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    #[serde(skip)]
    pub path: PathBuf,
    #[serde(default)]
    pub labels: LabelFloors,
    #[serde(default)]
    pub trafilatura: BenchmarkFloors,
    /// `[devset.tune]` and `[devset.check]`: the dev set's two parts.
    #[serde(default)]
    pub devset: DevsetFloors,
}

/// Floors of the dev set, per part.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DevsetFloors {
    pub tune: Option<PartFloors>,
    pub check: Option<PartFloors>,
}

/// Minimum percentages of one dev-set part: every labelled field, articles kept, non-articles skipped, and the
/// body F1 (a fraction) on the part's benchmark pages.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartFloors {
    pub title: Option<f64>,
    pub published: Option<f64>,
    pub time: Option<f64>,
    pub author: Option<f64>,
    pub editor: Option<f64>,
    pub source: Option<f64>,
    pub body: Option<f64>,
    pub attachments_recall: Option<f64>,
    pub attachments_precision: Option<f64>,
    pub articles_kept: Option<f64>,
    pub non_articles_skipped: Option<f64>,
    pub benchmark_f1: Option<f64>,
}

impl PartFloors {
    fn labels(&self) -> LabelFloors {
        LabelFloors {
            title: self.title,
            published: self.published,
            time: self.time,
            author: self.author,
            editor: self.editor,
            source: self.source,
            body: self.body,
            attachments_recall: self.attachments_recall,
            attachments_precision: self.attachments_precision,
        }
    }
}

/// Minimum percentages (0–100) of the labels run, per field.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabelFloors {
    pub title: Option<f64>,
    pub published: Option<f64>,
    pub time: Option<f64>,
    pub author: Option<f64>,
    pub editor: Option<f64>,
    pub source: Option<f64>,
    pub body: Option<f64>,
    pub attachments_recall: Option<f64>,
    pub attachments_precision: Option<f64>,
}

/// Minimum fractions (0–1) on trafilatura's benchmark, as trafilatura publishes them (F1 0.924).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkFloors {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

/// A score below its floor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breach {
    pub name: String,
    pub value: f64,
    pub floor: f64,
    /// `%` for the labels run, empty for fractions.
    pub unit: &'static str,
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unit == "%" {
            write!(
                f,
                "{} {:.1}% is below its floor of {}%",
                self.name, self.value, self.floor
            )
        } else {
            write!(
                f,
                "{} {:.3} is below its floor of {}",
                self.name, self.value, self.floor
            )
        }
    }
}

impl Breach {
    /// The breach in the interface language (its `Display` is the English text).
    pub fn localized(&self) -> String {
        let (id, value) = match self.unit {
            "%" => ("eval-breach-percent", format!("{:.1}", self.value)),
            _ => ("eval-breach", format!("{:.3}", self.value)),
        };
        crate::t!(
            id,
            name = self.name.as_str(),
            value = value,
            floor = self.floor.to_string()
        )
    }
}

impl LabelFloors {
    fn get(&self, name: &str) -> Option<f64> {
        match name {
            "title" => self.title,
            "published" => self.published,
            "time" => self.time,
            "author" => self.author,
            "editor" => self.editor,
            "source" => self.source,
            "body" => self.body,
            "attachments_recall" => self.attachments_recall,
            "attachments_precision" => self.attachments_precision,
            _ => None,
        }
    }
}

impl Floors {
    /// Read a floors file; unknown keys are errors so a typo cannot disable a floor.
    pub fn load(path: &Path) -> Result<Floors> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::EvalInput {
            path: path.to_path_buf(),
            message: super::FLOORS_UNREADABLE.text(&[&e]).into(),
        })?;
        let mut floors: Floors = toml::from_str(&text).map_err(|e| Error::FloorsInvalid {
            path: path.to_path_buf(),
            message: crate::error::Detail::toml(&text, &e),
        })?;
        floors.path = path.to_path_buf();
        Ok(floors)
    }

    /// Labels scores below their floors. Fields with nothing to score (total 0) are not checked.
    pub fn check_labels(&self, report: &LabelsReport) -> Vec<Breach> {
        report
            .scores
            .iter()
            .filter_map(|s| {
                let floor = self.labels.get(&s.name)?;
                let value = s.percent()?;
                (value + EPSILON < floor).then(|| Breach {
                    name: s.name.clone(),
                    value,
                    floor,
                    unit: "%",
                })
            })
            .collect()
    }

    /// Dev-set scores below their floors, each named with its part (`check title`).
    pub fn check_devset(&self, report: &DevsetReport) -> Vec<Breach> {
        let mut out = Vec::new();
        for part in &report.parts {
            let floors = match part.part {
                Part::Tune => self.devset.tune.as_ref(),
                Part::Check => self.devset.check.as_ref(),
            };
            let Some(floors) = floors else {
                continue;
            };
            let as_labels = Floors {
                labels: floors.labels(),
                ..Floors::default()
            };
            let mut found = as_labels.check_labels(&part.labels);
            let kinds = [
                (
                    "articles_kept",
                    floors.articles_kept,
                    part.kinds.articles_kept_percent(),
                ),
                (
                    "non_articles_skipped",
                    floors.non_articles_skipped,
                    part.kinds.non_articles_skipped_percent(),
                ),
            ];
            for (name, floor, value) in kinds {
                if let Some(floor) = floor
                    && value + EPSILON < floor
                {
                    found.push(Breach {
                        name: name.to_string(),
                        value,
                        floor,
                        unit: "%",
                    });
                }
            }
            if let (Some(floor), Some(b)) = (floors.benchmark_f1, &part.benchmark)
                && b.f1 + EPSILON < floor
            {
                found.push(Breach {
                    name: "benchmark_f1".into(),
                    value: b.f1,
                    floor,
                    unit: "",
                });
            }
            for mut b in found {
                b.name = format!("{} {}", part.part.name(), b.name);
                out.push(b);
            }
        }
        out
    }

    /// Benchmark scores below their floors.
    pub fn check_benchmark(&self, report: &BenchmarkReport) -> Vec<Breach> {
        let t = &self.trafilatura;
        [
            ("precision", t.precision, report.precision),
            ("recall", t.recall, report.recall),
            ("f1", t.f1, report.f1),
        ]
        .into_iter()
        .filter_map(|(name, floor, value)| {
            let floor = floor?;
            (value + EPSILON < floor).then(|| Breach {
                name: name.to_string(),
                value,
                floor,
                unit: "",
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::Score;

    fn report(right: usize, total: usize) -> LabelsReport {
        LabelsReport {
            pages: total,
            scores: vec![Score {
                name: "title".into(),
                right,
                total,
            }],
            body_unlabelled: 0,
            no_record: vec![],
            misses: vec![],
        }
    }

    #[test]
    fn a_score_below_its_floor_is_a_breach() {
        let floors: Floors = toml::from_str("[labels]\ntitle = 95").unwrap();
        assert!(floors.check_labels(&report(39, 40)).is_empty());
        let breaches = floors.check_labels(&report(37, 40));
        assert_eq!(breaches.len(), 1);
        assert_eq!(
            breaches[0].to_string(),
            "title 92.5% is below its floor of 95%"
        );
        assert!(floors.check_labels(&report(0, 0)).is_empty());
    }

    #[test]
    fn a_breach_in_english_reads_as_its_text() {
        let breaches = [
            Breach {
                name: "tune title".into(),
                value: 92.54,
                floor: 95.0,
                unit: "%",
            },
            Breach {
                name: "f1".into(),
                value: 0.8123,
                floor: 0.85,
                unit: "",
            },
        ];
        for b in breaches {
            assert_eq!(b.localized(), b.to_string());
        }
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = toml::from_str::<Floors>("[labels]\ntitel = 95").unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }
}
