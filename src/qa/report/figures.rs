//! The report's figures, accumulated one record at a time so a job of any size is summarized in one pass:
//! fill rates with the rule family behind each field, dates per year, the most frequent sources, authors and
//! editors, the category tree, warnings by kind, the encoding audit (declared vs used, pages with replacement
//! characters) and the links that point at pages which did not come along.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::error::Result;
use crate::handover::targets::{Target, Targets};
use crate::handover::why::Why;
use crate::i18n::{self, Lang};
use crate::outcome::OutcomeKind;
use crate::record::{DecodedBy, EncodingAudit as Decoding, FILLABLE_FIELDS, Record};
use crate::summary::reason_group;

/// Entries kept in each "top" list and page list.
pub const TOP: usize = 15;
/// Pages listed per reason group (the count is always complete).
pub const PAGES_PER_GROUP: usize = 200;
/// Unresolved link targets listed.
pub const LINKS_LISTED: usize = 500;

/// One field's fill rate.
#[derive(Debug, Clone, Serialize)]
pub struct FieldFill {
    pub field: String,
    pub filled: usize,
    /// 0–1, three decimals.
    pub rate: f64,
    /// Rule family (`mapping`, `pattern`, `generic`, …) → records whose value it produced.
    pub rules: BTreeMap<String, usize>,
}

/// A value and how many records have it.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub value: String,
    pub count: usize,
}

/// A category and the ones under it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CategoryNode {
    pub name: String,
    /// Records in this category or below.
    pub count: usize,
    pub children: Vec<CategoryNode>,
}

/// A page in a list, with what is known of it.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    pub url: String,
    /// The stored English text (a reason, a warning), or the English words of the figures.
    pub detail: String,
    /// What the page shows for it when the report words it itself (in the interface language); `None` for a
    /// stored text, shown [`crate::outcome::localized`].
    #[serde(skip)]
    pub shown: Option<String>,
}

/// Pages sharing a reason.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonGroup {
    pub reason: String,
    pub count: usize,
    /// Every page for skipped and failed pages; the first [`PAGES_PER_GROUP`] for warnings.
    pub pages: Vec<PageRef>,
}

/// One declared / used / by combination.
#[derive(Debug, Clone, Serialize)]
pub struct EncodingCombo {
    pub declared: Option<String>,
    pub used: String,
    pub by: DecodedBy,
    pub count: usize,
    /// The declared label names another encoding than the one used (a lying or wrong declaration).
    pub mismatch: bool,
}

/// The encoding audit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EncodingAudit {
    pub combos: Vec<EncodingCombo>,
    /// Records whose declaration was not the encoding used.
    pub mismatched: usize,
    pub replacement_chars: usize,
    /// Records with U+FFFD replacement characters, most first.
    pub with_replacements: Vec<PageRef>,
    pub with_replacements_count: usize,
}

/// A link target that did not come along, and who links to it.
#[derive(Debug, Clone, Serialize)]
pub struct UnresolvedLink {
    pub link: String,
    /// Links to it in record bodies.
    pub count: usize,
    pub example_page: String,
    /// In the JSON figures, the English line (`page: not migrated …`).
    pub reason: Why,
}

/// What the report was made from. In the JSON figures `job DIR` or `export FILE`, in English; on the page in
/// the interface language ([`Source::shown`]).
#[derive(Debug, Clone)]
pub enum Source {
    Job(std::path::PathBuf),
    Export(std::path::PathBuf),
}

impl Default for Source {
    fn default() -> Source {
        Source::Export(std::path::PathBuf::new())
    }
}

impl Source {
    /// The source in `lang` (the message `report-source-job` or `report-source-export`).
    pub fn say(&self, lang: Lang) -> String {
        let (id, path) = match self {
            Source::Job(p) => ("report-source-job", p),
            Source::Export(p) => ("report-source-export", p),
        };
        let path = path.display().to_string();
        i18n::tr_in(lang, id, &[("path", path.into())])
    }

    /// The source in the interface language.
    pub fn shown(&self) -> String {
        self.say(i18n::lang())
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.say(Lang::En))
    }
}

/// When the report was made. In the JSON figures an HTTP date (`Sun, 06 Dec 2026 20:26:11 GMT`); on the page
/// the message `report-when` in the interface language, with the date and time in UTC as numbers.
#[derive(Debug, Clone, Copy)]
pub struct Generated(pub std::time::SystemTime);

impl Default for Generated {
    fn default() -> Generated {
        Generated(std::time::UNIX_EPOCH)
    }
}

impl Generated {
    pub fn now() -> Generated {
        Generated(std::time::SystemTime::now())
    }

    fn http(&self) -> String {
        httpdate::fmt_http_date(self.0)
    }

    /// The time in the interface language.
    pub fn shown(&self) -> String {
        self.say(i18n::lang())
    }

    /// The time in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let secs = self
            .0
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (year, month, day) = civil_from_days((secs / 86_400) as i64);
        let s = secs % 86_400;
        let date = format!("{year}-{month:02}-{day:02}");
        let time = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
        i18n::tr_in(
            lang,
            "report-when",
            &[
                ("http", self.http().into()),
                ("date", date.into()),
                ("time", time.into()),
            ],
        )
    }
}

impl Serialize for Generated {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.http())
    }
}

/// The proleptic Gregorian (year, month, day) of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// What the report shows, except the record table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub source: Source,
    pub generated_at: Generated,
    pub records: usize,
    /// Job only: stored pages by outcome (extracted, skipped, failed).
    pub outcomes: BTreeMap<OutcomeKind, u64>,
    /// Job only: attachments by download state.
    pub attachments: BTreeMap<crate::job::attachments::AttachmentState, u64>,
    pub elapsed_secs: Option<f64>,
    pub fields: Vec<FieldFill>,
    /// Year → records published that year; `undated` for none.
    pub years: BTreeMap<String, usize>,
    pub top_sources: Vec<Count>,
    pub top_authors: Vec<Count>,
    pub top_editors: Vec<Count>,
    pub categories: Vec<CategoryNode>,
    /// Job only: pages not exported, by reason.
    pub skipped: Vec<ReasonGroup>,
    pub failed: Vec<ReasonGroup>,
    /// Records' warnings by kind.
    pub warnings: Vec<ReasonGroup>,
    pub encoding: EncodingAudit,
    pub unresolved_links: Vec<UnresolvedLink>,
    pub unresolved_links_total: usize,
    /// Job only: the site model's templates and their anomalies, when the last run learned one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_model: Option<crate::site::SiteReport>,
}

/// Accumulates [`Figures`] record by record.
#[derive(Default)]
pub struct Tally {
    records: usize,
    filled: HashMap<&'static str, usize>,
    rules: HashMap<String, BTreeMap<String, usize>>,
    years: BTreeMap<String, usize>,
    sources: HashMap<String, usize>,
    authors: HashMap<String, usize>,
    editors: HashMap<String, usize>,
    categories: CategoryNode,
    warnings: Groups,
    combos: BTreeMap<(Option<String>, String, DecodedBy), usize>,
    replacements: Vec<(usize, PageRef)>,
    replacement_chars: usize,
    /// Link → (count, first page).
    links: HashMap<String, (usize, String)>,
}

/// Reason groups being filled.
#[derive(Default)]
pub struct Groups(BTreeMap<String, ReasonGroup>, bool);

impl Groups {
    /// Groups that keep every page (skipped and failed pages: a reviewer must be able to see all of them).
    pub fn keeping_all() -> Groups {
        Groups(BTreeMap::new(), true)
    }

    pub fn add(&mut self, url: &str, reason: &str) {
        let key = reason_group(reason);
        let g = self.0.entry(key.clone()).or_insert_with(|| ReasonGroup {
            reason: key,
            count: 0,
            pages: Vec::new(),
        });
        g.count += 1;
        if self.1 || g.pages.len() < PAGES_PER_GROUP {
            g.pages.push(PageRef {
                url: url.to_string(),
                detail: reason.to_string(),
                shown: None,
            });
        }
    }

    /// Largest groups first.
    pub fn into_vec(self) -> Vec<ReasonGroup> {
        let mut v: Vec<ReasonGroup> = self.0.into_values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
        v
    }
}

fn top(map: HashMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(value, count)| Count { value, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    v.truncate(TOP);
    v
}

fn sort_tree(nodes: &mut Vec<CategoryNode>) {
    nodes.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    for n in nodes {
        sort_tree(&mut n.children);
    }
}

/// A page with replacement characters: how many, and how its bytes were decoded, in `lang`.
fn replacements_detail(lang: Lang, e: &Decoding) -> String {
    let declared = match &e.declared {
        Some(label) => label.clone(),
        None => i18n::tr_in(lang, "report-js-nothing", &[]),
    };
    i18n::tr_in(
        lang,
        "report-replacements",
        &[
            ("n", e.replacements.into()),
            ("declared", declared.into()),
            ("used", e.used.clone().into()),
            (
                "by",
                i18n::word_in(lang, "decoded-by", e.by.as_str()).into(),
            ),
        ],
    )
}

/// The `href`s of a sanitized body (ammonia writes `href="…"` with `&amp;` for `&`).
pub fn hrefs(html: &str) -> impl Iterator<Item = String> + '_ {
    html.split("<a href=\"").skip(1).filter_map(|rest| {
        rest.split('"')
            .next()
            .map(|h| h.replace("&amp;", "&").replace("&quot;", "\""))
    })
}

impl Tally {
    /// Count one record; `targets` classifies its body's links.
    pub fn add(&mut self, r: &Record, targets: &Targets) {
        self.records += 1;
        let page = r
            .url
            .clone()
            .or_else(|| r.source_path.clone())
            .unwrap_or_else(|| r.id.clone());
        for f in FILLABLE_FIELDS {
            if r.is_filled(f) {
                *self.filled.entry(f).or_default() += 1;
            }
        }
        for (field, rule) in &r.provenance {
            let family = rule.family.clone();
            *self
                .rules
                .entry(field.clone())
                .or_default()
                .entry(family)
                .or_default() += 1;
        }
        let year = r
            .published
            .as_deref()
            .and_then(|p| p.get(0..4))
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or("undated");
        *self.years.entry(year.to_string()).or_default() += 1;
        for (value, map) in [
            (&r.source, &mut self.sources),
            (&r.author, &mut self.authors),
            (&r.editor, &mut self.editors),
        ] {
            if let Some(v) = value {
                *map.entry(v.clone()).or_default() += 1;
            }
        }
        let mut level = &mut self.categories.children;
        for name in r.category.iter().flatten() {
            let i = match level.iter().position(|n| &n.name == name) {
                Some(i) => i,
                None => {
                    level.push(CategoryNode {
                        name: name.clone(),
                        ..CategoryNode::default()
                    });
                    level.len() - 1
                }
            };
            level[i].count += 1;
            level = &mut level[i].children;
        }
        for w in &r.warnings {
            self.warnings.add(&page, w);
        }
        let e = &r.encoding;
        *self
            .combos
            .entry((e.declared.clone(), e.used.clone(), e.by))
            .or_default() += 1;
        if e.replacements > 0 {
            self.replacement_chars += e.replacements;
            self.replacements.push((
                e.replacements,
                PageRef {
                    url: page.clone(),
                    detail: replacements_detail(Lang::En, e),
                    shown: Some(replacements_detail(i18n::lang(), e)),
                },
            ));
        }
        for href in r.body_html.as_deref().map(hrefs).into_iter().flatten() {
            if targets.resolve(&href) == Target::Unresolved {
                let link = href.split('#').next().unwrap_or(&href).to_string();
                self.links
                    .entry(link)
                    .or_insert_with(|| (0, page.clone()))
                    .0 += 1;
            }
        }
    }

    /// The figures; `reason` explains an unresolved link.
    pub fn finish(self, mut reason: impl FnMut(&str) -> Result<Why>) -> Result<Figures> {
        let n = self.records.max(1) as f64;
        let fields = FILLABLE_FIELDS
            .iter()
            .map(|f| {
                let filled = self.filled.get(f).copied().unwrap_or(0);
                FieldFill {
                    field: f.to_string(),
                    filled,
                    rate: (filled as f64 / n * 1000.0).round() / 1000.0,
                    rules: self.rules.get(*f).cloned().unwrap_or_default(),
                }
            })
            .collect();
        let mut categories = self.categories.children;
        sort_tree(&mut categories);
        let mut encoding = EncodingAudit {
            replacement_chars: self.replacement_chars,
            with_replacements_count: self.replacements.len(),
            ..EncodingAudit::default()
        };
        for ((declared, used, by), count) in self.combos {
            let mismatch = declared
                .as_deref()
                .and_then(|d| encoding_rs::Encoding::for_label(d.as_bytes()))
                .is_some_and(|d| d.name() != used);
            if mismatch {
                encoding.mismatched += count;
            }
            encoding.combos.push(EncodingCombo {
                declared,
                used,
                by,
                count,
                mismatch,
            });
        }
        encoding.combos.sort_by_key(|c| std::cmp::Reverse(c.count));
        let mut replacements = self.replacements;
        replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
        encoding.with_replacements = replacements
            .into_iter()
            .take(PAGES_PER_GROUP)
            .map(|(_, p)| p)
            .collect();
        let unresolved_links_total = self.links.values().map(|(c, _)| c).sum();
        let mut links: Vec<(String, (usize, String))> = self.links.into_iter().collect();
        links.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
        let unresolved_links = links
            .into_iter()
            .take(LINKS_LISTED)
            .map(|(link, (count, example_page))| {
                Ok(UnresolvedLink {
                    reason: reason(&link)?,
                    link,
                    count,
                    example_page,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Figures {
            records: self.records,
            fields,
            years: self.years,
            top_sources: top(self.sources),
            top_authors: top(self.authors),
            top_editors: top(self.editors),
            categories,
            warnings: self.warnings.into_vec(),
            encoding,
            unresolved_links,
            unresolved_links_total,
            ..Figures::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generation_time_as_a_date_and_as_http_does() {
        // 2026-12-06 20:26:11 UTC; a leap day; the epoch.
        for (secs, date) in [
            (1_796_588_771, "2026-12-06 20:26:11"),
            (951_782_400, "2000-02-29 00:00:00"),
            (0, "1970-01-01 00:00:00"),
        ] {
            let when = Generated(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs));
            assert_eq!(when.say(Lang::Zh), format!("{date}（UTC）"));
            assert_eq!(
                when.say(Lang::En),
                when.http(),
                "English shows the HTTP date"
            );
        }
    }
}
