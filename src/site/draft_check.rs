//! Checking a mapping draft against the site-model run it stands for. A selector found on two sample pages can
//! still take, on the other pages of the site, a place the site model does not: a headline place of one
//! template that other templates' pages also have, a metadata line whose first match is elsewhere on some pages,
//! a list container that an article page also holds. So the draft is run like the mapping it will be — over
//! every page, with the site model — and compared with the site-model run, field by field; each field a mapping
//! selector filled is charged to the comma alternative that matched, per template of the page. An alternative
//! that gives another value than the site-model run on more than one in [`MAX_DIFFER_SHARE_DEN`] of the pages it
//! fills in a template is banned ([`judge`]): wrong on a template it was chosen for, that template's field is
//! left to the generic rules; wrong on pages of another template (or of none), the next draft takes the
//! template's next candidate that matches nothing on those pages. A `not_article_selector` that drops a page the
//! run exports, or a `remove` selector on a page whose body differs, is banned outright. A page that differs
//! alone inside a template the selector serves well stays a difference (the generic rules and the template's
//! place disagree there: the reviewer's call).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use scraper::{Html, Selector};

use crate::mapping::MAPPED_FIELDS;
use crate::mapping::kinds::is_selector_declaration;
use crate::outcome::{PageOutcome, SkipReason};
use crate::record::Record;

/// An alternative that differs from the site-model run on more than one in this many of a template's pages it
/// fills is banned (a template's pages follow its place; a selector that leaks into other templates does not).
pub const MAX_DIFFER_SHARE_DEN: usize = 10;

/// Drafts made at most: the first and each after a round of bans.
pub const MAX_ROUNDS: usize = 6;

/// The `[kinds]` key of a ban on a `not_article_selector` alternative.
pub const KINDS: &str = "kinds";

/// Selector alternatives a draft must not use, by mapping key (`title`, `meta`, `body`, `breadcrumb`,
/// [`REMOVE`], [`KINDS`]), and templates whose field a draft must leave to the generic rules (no selector of
/// their place gives the model's values on their own pages).
#[derive(Debug, Default, Clone)]
pub struct Bans {
    set: HashSet<(String, String)>,
    templates: HashSet<(String, usize)>,
    /// Pages of other templates where a key's selector gave a value the model did not: a later candidate must
    /// match nothing there.
    pages: Vec<(String, String)>,
}

/// A ban: an alternative of a key, or a key on a template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ban {
    Selector(String, String),
    Template(String, usize),
    /// A key and a page's label.
    Page(String, String),
}

impl Bans {
    pub fn has(&self, key: &str, css: &str) -> bool {
        self.set.contains(&(key.to_string(), css.to_string()))
    }

    /// Whether the template's field is left to the generic rules.
    pub fn has_template(&self, key: &str, template: usize) -> bool {
        self.templates.contains(&(key.to_string(), template))
    }

    /// The pages (labels) where a selector of `key` must match nothing.
    pub fn pages<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pages
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, p)| p.as_str())
    }

    pub fn len(&self) -> usize {
        self.set.len() + self.templates.len() + self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Add `more`; whether any was new.
    pub fn extend(&mut self, more: Vec<Ban>) -> bool {
        let before = self.len();
        for ban in more {
            match ban {
                Ban::Selector(key, css) => self.set.insert((key, css)),
                Ban::Template(key, t) => self.templates.insert((key, t)),
                Ban::Page(key, page) => {
                    let new = !self.pages.contains(&(key.clone(), page.clone()));
                    if new {
                        self.pages.push((key, page));
                    }
                    new
                }
            };
        }
        self.len() > before
    }
}

/// The key of a ban on a `remove` selector.
pub const REMOVE: &str = "remove";

/// Record fields compared, with the provenance entry that says which mapping key filled each.
const COMPARED: [(&str, &str); 9] = [
    ("title", "title"),
    ("published", "published"),
    ("author", "author"),
    ("editor", "editor"),
    ("source", "source"),
    ("category", "category"),
    ("body", "body"),
    // Attachments and images follow the body container.
    ("attachments", "body"),
    ("images", "body"),
];

/// The mapping keys a provenance detail can start with (`mapping:meta 编辑` → `meta`; `mapping:breadcrumb`): the
/// mapped fields up to the body's (attachments and images follow the body container).
fn mapping_key(word: &str) -> Option<&'static str> {
    MAPPED_FIELDS
        .into_iter()
        .take_while(|k| *k != "attachments")
        .find(|k| *k == word)
}

/// What one page gave in a run, as the check compares it.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Exported as a record.
    pub exported: bool,
    /// Skipped by the mapping's `not_article_selector`.
    pub not_article_by_mapping: bool,
    /// A hash of each [`COMPARED`] field's value.
    values: [u64; COMPARED.len()],
    /// Per [`COMPARED`] field: the mapping key whose selector or pattern gave it.
    mapped: [Option<&'static str>; COMPARED.len()],
}

impl Seen {
    pub fn of(outcome: &PageOutcome) -> Seen {
        match outcome {
            PageOutcome::Extracted(r) => Seen::record(r),
            PageOutcome::Skipped(why) => Seen {
                not_article_by_mapping: matches!(
                    why,
                    SkipReason::NotArticle(reason) if is_selector_declaration(reason)
                ),
                ..Seen::default()
            },
            PageOutcome::Failed(_) => Seen::default(),
        }
    }

    fn record(r: &Record) -> Seen {
        let hash =
            |v: serde_json::Result<String>| super::signature::text_hash(&v.unwrap_or_default());
        let values = COMPARED.map(|(field, _)| match field {
            "title" => hash(serde_json::to_string(&r.title)),
            "published" => hash(serde_json::to_string(&r.published)),
            "author" => hash(serde_json::to_string(&r.author)),
            "editor" => hash(serde_json::to_string(&r.editor)),
            "source" => hash(serde_json::to_string(&r.source)),
            "category" => hash(serde_json::to_string(&r.category)),
            "body" => hash(serde_json::to_string(&r.body_text)),
            "attachments" => hash(serde_json::to_string(&r.attachments)),
            _ => hash(serde_json::to_string(&r.images)),
        });
        let mapped = COMPARED.map(|(_, entry)| {
            let rule = r.provenance.get(entry)?;
            if !matches!(rule.family.as_str(), "mapping" | "pattern") {
                return None;
            }
            let detail = rule.detail.as_deref().unwrap_or_default();
            let word = detail.split(' ').next().unwrap_or_default();
            mapping_key(word)
        });
        Seen {
            exported: true,
            not_article_by_mapping: false,
            values,
            mapped,
        }
    }
}

/// A draft's selector lists, by mapping key, split into their alternatives, each with the templates (indices)
/// it was chosen for.
#[derive(Debug, Default)]
pub struct Lists {
    pub lists: Vec<(String, Vec<Alternative>)>,
}

/// One alternative of a selector list and the templates (indices) it was chosen for.
#[derive(Debug, Clone)]
pub struct Alternative {
    pub css: String,
    pub templates: Vec<usize>,
}

impl Alternative {
    /// An alternative chosen for no template in particular (`remove`, `[kinds]`).
    pub fn new(css: &str) -> Alternative {
        Alternative {
            css: css.to_string(),
            templates: Vec::new(),
        }
    }
}

/// A list parsed: its key, the whole list and each alternative.
struct Parsed {
    key: String,
    all: Selector,
    each: Vec<(String, Selector)>,
}

/// A selector alternative charged on a page: its key, its text and whether the page differs.
type Charge = (String, String, bool);

/// Per (key, alternative, template of the page): pages filled, and the pages among them that differ.
type Counts = HashMap<(String, String, Option<usize>), (usize, Vec<usize>)>;

/// The alternatives to ban after a run of the draft (`got`) against the site-model run (`want`); `template` is
/// each page's template index, `load` gives a page's text.
pub fn judge(
    lists: &Lists,
    want: &[Seen],
    got: &[Seen],
    template: &[Option<usize>],
    labels: &[String],
    load: &(dyn Fn(usize) -> Option<String> + Sync),
) -> Vec<Ban> {
    use rayon::prelude::*;
    let parsed: Vec<Parsed> = lists
        .lists
        .iter()
        .filter_map(|(key, alts)| {
            let css: Vec<&str> = alts.iter().map(|a| a.css.as_str()).collect();
            let all = Selector::parse(&css.join(", ")).ok()?;
            let each = css
                .iter()
                .filter_map(|a| Some((a.to_string(), Selector::parse(a).ok()?)))
                .collect();
            Some(Parsed {
                key: key.clone(),
                all,
                each,
            })
        })
        .collect();
    // Per page: (key, alternative, differs) for every key that acted on it.
    let charged: Vec<(usize, Vec<Charge>)> = (0..want.len().min(got.len()))
        .into_par_iter()
        .filter_map(|i| {
            let (w, g) = (&want[i], &got[i]);
            let acted: Vec<(&str, bool)> = if g.exported {
                let mut keys: Vec<(&str, bool)> = Vec::new();
                let mut unmapped_differs = false;
                for (f, key) in g.mapped.iter().enumerate() {
                    let differs = !w.exported || w.values[f] != g.values[f];
                    let Some(key) = key else {
                        unmapped_differs |= differs;
                        continue;
                    };
                    match keys.iter_mut().find(|(k, _)| k == key) {
                        Some(entry) => entry.1 |= differs,
                        None => keys.push((key, differs)),
                    }
                }
                // A selector that matched but filled nothing still acts: a metadata line or a headline is left
                // out of the body, `remove` takes blocks out of it. It answers for the fields no selector gave.
                let body_differs = keys.iter().any(|(k, differs)| *k == "body" && *differs);
                for Parsed { key, .. } in &parsed {
                    if key != KINDS && !keys.iter().any(|(k, _)| k == key) {
                        let differs = unmapped_differs || (key == REMOVE && body_differs);
                        keys.push((key.as_str(), differs));
                    }
                }
                keys
            } else if w.exported && g.not_article_by_mapping {
                vec![(KINDS, true)]
            } else if w.exported {
                // Lost some other way: every list that matches on the page is charged.
                parsed.iter().map(|p| (p.key.as_str(), true)).collect()
            } else {
                Vec::new()
            };
            if acted.is_empty() {
                return None;
            }
            let doc = Html::parse_document(&load(i)?);
            let mut out = Vec::new();
            for (key, differs) in acted {
                let Some(Parsed { all, each, .. }) = parsed.iter().find(|p| p.key == key) else {
                    continue;
                };
                if key == REMOVE {
                    // Every remove selector acts, wherever it matches.
                    for (css, sel) in each {
                        if doc.select(sel).next().is_some() {
                            out.push((key.to_string(), css.clone(), differs));
                        }
                    }
                    continue;
                }
                let Some(first) = doc.select(all).next() else {
                    continue;
                };
                for (css, sel) in each {
                    if sel.matches(&first) {
                        out.push((key.to_string(), css.clone(), differs));
                    }
                }
            }
            Some((i, out))
        })
        .collect();
    let mut counts: Counts = HashMap::default();
    for (i, list) in charged {
        for (key, css, differs) in list {
            let c = counts.entry((key, css, template[i])).or_default();
            c.0 += 1;
            if differs {
                c.1.push(i);
            }
        }
    }
    let served = |key: &str, css: &str| -> Vec<usize> {
        lists
            .lists
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, alts)| alts.iter().filter(|a| a.css == css))
            .flat_map(|a| a.templates.iter().copied())
            .collect()
    };
    let mut out: Vec<Ban> = Vec::new();
    for ((key, css, t), (filled, differ)) in counts {
        // A list container that takes an exported article from the run, or a remove selector that changes a
        // body, is never right.
        let wrong = if key == KINDS || key == REMOVE {
            !differ.is_empty()
        } else {
            differ.len() * MAX_DIFFER_SHARE_DEN > filled
        };
        if !wrong {
            continue;
        }
        let own = t.is_some_and(|t| served(&key, &css).contains(&t));
        if own && key != KINDS && key != REMOVE {
            // Wrong on a template it was chosen for: no other selector of that place does better there.
            out.push(Ban::Template(key.clone(), t.expect("own")));
        } else {
            // Wrong on other pages: the next candidate must leave them alone.
            out.extend(
                differ
                    .iter()
                    .map(|&i| Ban::Page(key.clone(), labels[i].clone())),
            );
        }
        out.push(Ban::Selector(key, css));
    }
    out.sort();
    out.dedup();
    out
}

/// The pages where the draft's run differs from the site-model run: (differing records, fields that differ).
pub fn differences(want: &[Seen], got: &[Seen]) -> (usize, usize) {
    let mut records = 0;
    let mut fields = 0;
    for (w, g) in want.iter().zip(got) {
        let n = if w.exported != g.exported {
            1
        } else if w.exported {
            (0..COMPARED.len())
                .filter(|&f| w.values[f] != g.values[f])
                .count()
        } else {
            0
        };
        records += usize::from(n > 0);
        fields += n;
    }
    (records, fields)
}

/// Every page of `pages` as the site-model run gives it (with the mapping of the pages' options, if any).
pub fn run(pages: &dyn super::run::Pages) -> crate::error::Result<Vec<Seen>> {
    let mut out = vec![Seen::default(); pages.len()];
    super::run::two_pass(pages, &crate::batch::Silent, &mut |i, outcome| {
        out[i] = Seen::of(&outcome);
        Ok(())
    })?;
    Ok(out)
}

/// The comment a checked draft carries: how its run compares with the site-model run.
pub fn note(pages: usize, bans: &Bans, rounds: usize, (records, fields): (usize, usize)) -> String {
    super::draft::comment(&crate::t!(
        "draft-checked",
        pages = pages,
        rounds = rounds,
        left_out = bans.len(),
        records = records,
        fields = fields
    ))
}
