//! The run summary: pages read, records written, skips and failures grouped by reason, per-field fill rates and
//! warnings. It is data (serializable for `--json` and the job store) with a human rendering for the terminal.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use crate::error::Result;
use crate::export::{Sink, WriteOutcome};
use crate::outcome::{group_heading, localized};
use crate::pipeline::PageOutcome;
use crate::record::{FILLABLE_FIELDS, Record};

/// How the closing summary lists skips and failures: five example pages per reason (the JSON summary lists them
/// all).
const GROUPS: GroupLayout = GroupLayout {
    examples: 5,
    count_width: 5,
    more: "summary-more",
};

/// How reason groups are printed as text ([`group_lines`]): the closing summary's and `sitelift status`'s.
#[derive(Debug, Clone, Copy)]
pub struct GroupLayout {
    /// Example pages printed per group.
    pub examples: usize,
    /// Width of the count column (the examples are indented past it).
    pub count_width: usize,
    /// The message that says how many pages more the group has (argument `n`).
    pub more: &'static str,
}

/// Pages sharing one reason.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReasonGroup {
    pub count: usize,
    /// Every (page, full reason) of the group, in run order.
    pub pages: Vec<(String, String)>,
}

/// Counts for one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub pages: usize,
    pub records: usize,
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: BTreeMap<String, ReasonGroup>,
    pub failed: BTreeMap<String, ReasonGroup>,
    /// Field → number of records with a value.
    pub filled: BTreeMap<String, usize>,
    /// Field → rule family (`mapping`, `pattern`, `generic`) → records whose value came from it.
    pub provenance: BTreeMap<String, BTreeMap<String, usize>>,
    /// Warning kind → count.
    pub warnings: BTreeMap<String, usize>,
    pub elapsed_secs: f64,
    /// A crawl job's URLs that could not be fetched (among `failed`, not among `pages`).
    pub fetch_failed: usize,
    /// A crawl job's links not followed: scope, robots.txt, trap limits (among `skipped`, not among `pages`).
    pub not_fetched: usize,
    /// The site model's templates and anomalies, when the run learned one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_model: Option<crate::site::SiteReport>,
    /// Pages skipped as not articles (among `skipped`; merged continuations and empty files are not).
    #[serde(skip)]
    not_articles: usize,
}

/// The part of a reason that names its kind: the text before the first `:` or `(`.
pub fn reason_group(reason: &str) -> String {
    reason
        .split([':', '(', ';'])
        .next()
        .unwrap_or(reason)
        .trim()
        .to_string()
}

impl Summary {
    /// Write the page's record, if it has one, to `sink`, and count the page with what the write did.
    pub fn write_and_add(
        &mut self,
        sink: &mut dyn Sink,
        page: &str,
        outcome: &PageOutcome,
    ) -> Result<()> {
        let written = match outcome {
            PageOutcome::Extracted(record) => Some(sink.write(record)?),
            _ => None,
        };
        self.add(page, outcome, written);
        Ok(())
    }

    /// Count one page's outcome (and what writing its record did).
    pub fn add(&mut self, page: &str, outcome: &PageOutcome, written: Option<WriteOutcome>) {
        self.pages += 1;
        match outcome {
            PageOutcome::Extracted(record) => self.add_record(record, written),
            PageOutcome::Skipped(reason) => {
                self.not_articles += usize::from(reason.is_not_article());
                add_reason(&mut self.skipped, page, &reason.to_string());
            }
            PageOutcome::Failed(reason) => add_reason(&mut self.failed, page, &reason.to_string()),
        }
    }

    fn add_record(&mut self, record: &Record, written: Option<WriteOutcome>) {
        self.records += 1;
        match written {
            Some(WriteOutcome::Inserted) => self.inserted += 1,
            Some(WriteOutcome::Updated) => self.updated += 1,
            Some(WriteOutcome::Unchanged) => self.unchanged += 1,
            None => {}
        }
        for field in FILLABLE_FIELDS {
            if record.is_filled(field) {
                *self.filled.entry(field.to_string()).or_default() += 1;
            }
        }
        for (field, rule) in &record.provenance {
            let family = rule.family.clone();
            *self
                .provenance
                .entry(field.clone())
                .or_default()
                .entry(family)
                .or_default() += 1;
        }
        for w in &record.warnings {
            *self.warnings.entry(reason_group(w)).or_default() += 1;
        }
    }

    /// Count a failure that is not tied to an extracted page (an unreadable file, a write error).
    pub fn add_failure(&mut self, page: &str, reason: &str) {
        self.pages += 1;
        add_reason(&mut self.failed, page, reason);
    }

    /// A URL a crawl could not fetch: a failure, but not a page read.
    pub fn add_fetch_failure(&mut self, url: &str, reason: &str) {
        self.fetch_failed += 1;
        add_reason(&mut self.failed, url, reason);
    }

    /// A link a crawl did not follow (scope, robots.txt, trap limits): listed, but not a page read.
    pub fn add_not_fetched(&mut self, url: &str, reason: &str) {
        self.not_fetched += 1;
        add_reason(&mut self.skipped, url, reason);
    }

    pub fn failed_count(&self) -> usize {
        self.failed.values().map(|g| g.count).sum()
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.values().map(|g| g.count).sum()
    }

    pub fn set_elapsed(&mut self, elapsed: Duration) {
        self.elapsed_secs = elapsed.as_secs_f64();
    }

    /// Pages skipped as not articles (continuations merged into their first part and empty files aside).
    pub fn not_articles(&self) -> usize {
        self.not_articles
    }

    /// Write the summary as JSON (every skipped and failed page with its reason), atomically: a temporary
    /// sibling renamed into place.
    pub fn write_json(&self, path: &std::path::Path) -> crate::error::Result<()> {
        let fail = |message: String| crate::error::Error::Output {
            path: path.to_path_buf(),
            message: message.into(),
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let mut tmp = tempfile::Builder::new()
            .prefix(".summary")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| fail(format!("cannot create a temporary file beside it: {e}")))?;
        let text = serde_json::to_string_pretty(self).map_err(|e| fail(e.to_string()))?;
        std::io::Write::write_all(&mut tmp, (text + "\n").as_bytes())
            .map_err(|e| fail(e.to_string()))?;
        crate::export::publish(tmp, path).map_err(|e| fail(e.to_string()))
    }

    /// The closing summary printed on stderr.
    pub fn render(&self) -> String {
        let mut s = String::new();
        // The time and rate only when this summary measured them (a job's export covers every run).
        let time = if self.elapsed_secs > 0.0 {
            crate::t!(
                "summary-time",
                secs = format!("{:.1}", self.elapsed_secs),
                rate = format!("{:.1}", self.pages as f64 / self.elapsed_secs)
            )
        } else {
            String::new()
        };
        let line = crate::t!(
            "summary-pages",
            pages = self.pages,
            time = time,
            records = self.records,
            new = self.inserted,
            updated = self.updated,
            unchanged = self.unchanged,
            skipped = self.skipped_count() - self.not_fetched,
            failed = self.failed_count() - self.fetch_failed
        );
        s.push_str(&format!("{line}\n"));
        if self.fetch_failed + self.not_fetched > 0 {
            let line = crate::t!(
                "summary-crawl",
                fetch_failed = self.fetch_failed,
                not_fetched = self.not_fetched
            );
            s.push_str(&format!("{line}\n"));
        }
        for (title, groups) in [
            ("summary-skipped", &self.skipped),
            ("summary-failed", &self.failed),
        ] {
            if groups.is_empty() {
                continue;
            }
            s.push_str(&format!("{}\n", crate::t!(title)));
            for line in group_lines(groups, GROUPS) {
                s.push_str(&format!("{line}\n"));
            }
        }
        let not_articles = self.not_articles();
        if not_articles > 0 {
            let line = crate::t!("summary-not-articles", n = not_articles);
            s.push_str(&format!("{line}\n"));
        }
        if self.records > 0 {
            s.push_str(&crate::t!("summary-fill-rate", records = self.records));
            for field in FILLABLE_FIELDS {
                let n = self.filled.get(field).copied().unwrap_or(0);
                s.push_str(&format!(
                    " {} {:.0}%",
                    crate::i18n::field(field),
                    100.0 * n as f64 / self.records as f64
                ));
            }
            s.push('\n');
        }
        let mapped: Vec<String> = self
            .provenance
            .iter()
            .filter(|(_, families)| families.keys().any(|f| f != "generic"))
            .map(|(field, families)| {
                let parts: Vec<String> = families
                    .iter()
                    .map(|(f, n)| format!("{} {n}", crate::i18n::rule_family(f)))
                    .collect();
                format!("{} ({})", crate::i18n::field(field), parts.join(", "))
            })
            .collect();
        if !mapped.is_empty() {
            let line = crate::t!("summary-rules", rules = mapped.join("; "));
            s.push_str(&format!("{line}\n"));
        }
        if let Some(model) = &self.site_model {
            s.push_str(&model.render());
        }
        if !self.warnings.is_empty() {
            let total: usize = self.warnings.values().sum();
            let line = crate::t!("summary-warnings", total = total);
            s.push_str(&format!("{line}\n"));
            for (kind, n) in &self.warnings {
                s.push_str(&format!("  {n:>5}  {}\n", group_heading(kind)));
            }
        }
        s
    }
}

/// Add a page and its full reason to the group its reason names.
pub fn add_reason(groups: &mut BTreeMap<String, ReasonGroup>, page: &str, reason: &str) {
    let g = groups.entry(reason_group(reason)).or_default();
    g.count += 1;
    g.pages.push((page.to_string(), reason.to_string()));
}

/// Reason groups as text lines: per group its count and heading, then the first example pages with their reasons
/// in the interface language, and how many more there are.
pub fn group_lines(groups: &BTreeMap<String, ReasonGroup>, layout: GroupLayout) -> Vec<String> {
    let (width, indent) = (layout.count_width, " ".repeat(layout.count_width + 4));
    let mut lines = Vec::new();
    for (reason, g) in groups {
        lines.push(format!("  {:>width$}  {}", g.count, group_heading(reason)));
        for (page, full) in g.pages.iter().take(layout.examples) {
            lines.push(format!("{indent}{page}: {}", localized(full)));
        }
        if g.pages.len() > layout.examples {
            let more = crate::t!(layout.more, n = g.pages.len() - layout.examples);
            lines.push(format!("{indent}{more}"));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The closing summary and `sitelift status` print groups alike but for their numbers: the count column's
    /// width, the examples' indent past it, how many examples, and which "more" message.
    #[test]
    fn reason_groups_print_in_each_layout() {
        let mut groups = BTreeMap::new();
        for i in 1..=7 {
            add_reason(
                &mut groups,
                &format!("p{i}.html"),
                "no article text (3 characters in the best block)",
            );
        }
        add_reason(&mut groups, "q.html", "login page (password form)");
        let summary = group_lines(&groups, GROUPS);
        assert_eq!(summary[0], "      1  login page");
        assert_eq!(summary[1], "         q.html: login page (password form)");
        assert_eq!(summary[2], "      7  no article text");
        assert_eq!(
            summary[3],
            "         p1.html: no article text (3 characters in the best block)"
        );
        assert_eq!(
            summary[8],
            "         … and 2 more (every page is in the JSON summary)"
        );
        assert_eq!(summary.len(), 9);
        let status = GroupLayout {
            examples: 3,
            count_width: 6,
            more: "status-more",
        };
        let status = group_lines(&groups, status);
        assert_eq!(status[2], "       7  no article text");
        assert_eq!(
            status[3],
            "          p1.html: no article text (3 characters in the best block)"
        );
        assert_eq!(
            status[6],
            "          … and 4 more (`sitelift status --json` lists every page)"
        );
        assert_eq!(status.len(), 7);
    }
}
