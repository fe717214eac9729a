//! `sitelift status`: a job's accounting, as data (for `--json`) and as text — URLs by state, failures and
//! skips grouped by reason with example URLs (trap-limit hits among them), outcomes of stored pages, records
//! with per-field fill rates, attachments, and the job's elapsed crawl time and rate.

use std::collections::BTreeMap;

use rusqlite::types::FromSql;
use serde::Serialize;

use super::Job;
use super::attachments::AttachmentState;
use super::frontier::{self, State};
use super::skips::TrapLimit;
use crate::error::Result;
use crate::outcome::OutcomeKind;
use crate::record::{FILLABLE_FIELDS, Record};
use crate::scope::ScopeRule;
use crate::summary::{GroupLayout, ReasonGroup, add_reason, group_lines};

/// How `sitelift status` lists failures and skips: three example URLs per reason (`--json` lists them all).
const GROUPS: GroupLayout = GroupLayout {
    examples: 3,
    count_width: 6,
    more: "status-more",
};

/// The job's accounting.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    pub job: String,
    /// Frontier URLs by state: queued, fetched, failed, skipped.
    pub pages: BTreeMap<State, u64>,
    pub failures: BTreeMap<String, ReasonGroup>,
    pub skipped: BTreeMap<String, ReasonGroup>,
    /// Trap-limit hits (also among `skipped`).
    pub trap_hits: u64,
    /// URLs the crawl scope dropped, by rule (also among `skipped`).
    pub scope_dropped: BTreeMap<ScopeRule, u64>,
    /// Outcomes of stored pages: extracted, skipped, failed; pages waiting for later parts, and mirror pages
    /// not extracted yet.
    pub outcomes: BTreeMap<OutcomeKind, u64>,
    pub outcome_reasons: BTreeMap<String, ReasonGroup>,
    pub records: u64,
    /// Field → share of records with a value (0–1).
    pub fill_rates: BTreeMap<String, f64>,
    /// Attachments by state: queued, done, failed, skipped.
    pub attachments: BTreeMap<AttachmentState, u64>,
    pub attachment_failures: BTreeMap<String, ReasonGroup>,
    pub elapsed_secs: f64,
    /// Pages done (fetched or failed) per second of crawl time, over every run of the job.
    pub pages_per_sec: f64,
    /// The site model's templates and their anomalies, from the last run that learned one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_model: Option<crate::site::SiteReport>,
}

fn grouped(job: &Job, sql: &str) -> Result<BTreeMap<String, ReasonGroup>> {
    let mut out: BTreeMap<String, ReasonGroup> = BTreeMap::new();
    let mut stmt = job.conn.prepare(sql).map_err(job.sql_error())?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .map_err(job.sql_error())?;
    for row in rows {
        let (url, reason) = row.map_err(job.sql_error())?;
        add_reason(&mut out, &url, reason.as_deref().unwrap_or("unknown"));
    }
    Ok(out)
}

/// Rows counted by a column (`SELECT column, count(*) … GROUP BY column`), keyed by what the column reads back
/// as: a name as its enum (an unknown name is an error), or the text itself.
pub(crate) fn counts<K: FromSql + Ord>(job: &Job, sql: &str) -> Result<BTreeMap<K, u64>> {
    let mut stmt = job.conn.prepare(sql).map_err(job.sql_error())?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, K>(0)?, r.get::<_, i64>(1)? as u64)))
        .map_err(job.sql_error())?;
    rows.collect::<rusqlite::Result<BTreeMap<_, _>>>()
        .map_err(job.sql_error())
}

/// Read a job's status.
pub fn status(job: &Job) -> Result<Status> {
    let mut s = Status {
        job: job.dir().display().to_string(),
        ..Status::default()
    };
    s.pages = State::ALL.map(|state| (state, 0)).into();
    s.pages
        .extend(frontier::counts(&job.conn).map_err(job.sql_error())?);
    s.failures = grouped(
        job,
        "SELECT url, last_error FROM frontier WHERE state = 'failed' ORDER BY id",
    )?;
    s.skipped = grouped(
        job,
        "SELECT url, last_error FROM frontier WHERE state = 'skipped' ORDER BY id",
    )?;
    for g in s.skipped.values() {
        for (_, reason) in &g.pages {
            s.trap_hits += u64::from(TrapLimit::is_trap(reason));
            if let Some(rule) = ScopeRule::of_reason(reason) {
                *s.scope_dropped.entry(rule).or_default() += 1;
            }
        }
    }
    s.outcomes = counts(job, "SELECT kind, count(*) FROM outcomes GROUP BY kind")?;
    let pending: i64 = job
        .conn
        .query_row("SELECT count(*) FROM pages WHERE pending = 1", [], |r| {
            r.get(0)
        })
        .map_err(job.sql_error())?;
    if pending > 0 {
        s.outcomes
            .insert(OutcomeKind::WaitingForParts, pending as u64);
    }
    // Mirror pages imported but not extracted yet (a run stopped by --limit); older jobs lack the column.
    if super::schema::has_column(&job.conn, "pages", "unextracted").map_err(job.sql_error())? {
        let due: i64 = job
            .conn
            .query_row(
                "SELECT count(*) FROM pages WHERE unextracted = 1",
                [],
                |r| r.get(0),
            )
            .map_err(job.sql_error())?;
        if due > 0 {
            s.outcomes.insert(OutcomeKind::NotExtracted, due as u64);
        }
    }
    s.outcome_reasons = grouped(
        job,
        "SELECT url, reason FROM outcomes WHERE kind != 'extracted' ORDER BY url",
    )?;
    let mut filled: BTreeMap<&str, u64> = BTreeMap::new();
    {
        let mut stmt = job
            .conn
            .prepare("SELECT json FROM records")
            .map_err(job.sql_error())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(job.sql_error())?;
        for json in rows {
            let json = json.map_err(job.sql_error())?;
            let Ok(record) = serde_json::from_str::<Record>(&json) else {
                continue;
            };
            s.records += 1;
            for f in FILLABLE_FIELDS {
                if record.is_filled(f) {
                    *filled.entry(f).or_default() += 1;
                }
            }
        }
    }
    for f in FILLABLE_FIELDS {
        let n = filled.get(f).copied().unwrap_or(0);
        let rate = if s.records > 0 {
            n as f64 / s.records as f64
        } else {
            0.0
        };
        s.fill_rates
            .insert(f.to_string(), (rate * 1000.0).round() / 1000.0);
    }
    s.attachments = counts(
        job,
        "SELECT state, count(*) FROM attachments GROUP BY state",
    )?;
    s.attachment_failures = grouped(
        job,
        "SELECT url, last_error FROM attachments WHERE state IN ('failed', 'skipped') ORDER BY rowid",
    )?;
    s.elapsed_secs = job
        .meta("elapsed_secs")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    s.site_model = crate::site::job::stored_report(job)?;
    // The rate the progress display and the run summary show: pages done (fetched or failed) over crawl time.
    let done = s.pages_in(State::Fetched) + s.pages_in(State::Failed);
    s.pages_per_sec = if s.elapsed_secs > 0.0 {
        ((done as f64 / s.elapsed_secs) * 10.0).round() / 10.0
    } else {
        0.0
    };
    Ok(s)
}

impl Status {
    /// Frontier URLs in `state`.
    pub fn pages_in(&self, state: State) -> u64 {
        self.pages.get(&state).copied().unwrap_or(0)
    }

    /// Stored pages whose outcome is of `kind`.
    pub fn outcomes_in(&self, kind: OutcomeKind) -> u64 {
        self.outcomes.get(&kind).copied().unwrap_or(0)
    }

    /// Attachments in `state`.
    pub fn attachments_in(&self, state: AttachmentState) -> u64 {
        attachments_in(&self.attachments, state)
    }

    /// The text `sitelift status` prints.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(crate::t!("status-job", job = self.job.as_str()));
        line(crate::t!(
            "status-urls",
            queued = self.pages_in(State::Queued),
            fetched = self.pages_in(State::Fetched),
            failed = self.pages_in(State::Failed),
            skipped = self.pages_in(State::Skipped),
        ));
        line(crate::t!(
            "status-outcomes",
            extracted = self.outcomes_in(OutcomeKind::Extracted),
            skipped = self.outcomes_in(OutcomeKind::Skipped),
            failed = self.outcomes_in(OutcomeKind::Failed),
            waiting = match self.outcomes_in(OutcomeKind::WaitingForParts) {
                0 => String::new(),
                w => crate::t!("status-waiting", n = w),
            },
            not_extracted = match self.outcomes_in(OutcomeKind::NotExtracted) {
                0 => String::new(),
                w => crate::t!("status-not-extracted", n = w),
            }
        ));
        for (title, groups) in [
            ("status-failed", &self.failures),
            ("status-skipped", &self.skipped),
            ("status-not-exported", &self.outcome_reasons),
            ("status-attachments-failed", &self.attachment_failures),
        ] {
            if groups.is_empty() {
                continue;
            }
            line(crate::t!(title));
            group_lines(groups, GROUPS).into_iter().for_each(&mut line);
        }
        if self.outcomes_in(OutcomeKind::Skipped) > 0 {
            line(crate::t!("status-not-articles"));
        }
        if !self.scope_dropped.is_empty() {
            let parts: Vec<String> = self
                .scope_dropped
                .iter()
                .map(|(rule, n)| format!("{} {n}", rule.localized()))
                .collect();
            line(crate::t!(
                "status-scope",
                n = self.scope_dropped.values().sum::<u64>(),
                rules = parts.join(", ")
            ));
        }
        if self.trap_hits > 0 {
            line(crate::t!("status-traps", n = self.trap_hits));
        }
        line(crate::t!("status-records", n = self.records));
        if self.records > 0 {
            let mut rates = crate::t!("status-fill-rate");
            for (f, r) in &self.fill_rates {
                rates.push_str(&format!(" {} {:.0}%", crate::i18n::field(f), r * 100.0));
            }
            line(rates);
        }
        if !self.attachments.is_empty() {
            line(crate::t!(
                "status-attachments",
                done = self.attachments_in(AttachmentState::Done),
                failed = self.attachments_in(AttachmentState::Failed),
                skipped = self.attachments_in(AttachmentState::Skipped),
                queued = self.attachments_in(AttachmentState::Queued),
            ));
        }
        line(crate::t!(
            "status-time",
            secs = format!("{:.1}", self.elapsed_secs),
            rate = format!("{:.1}", self.pages_per_sec)
        ));
        if let Some(model) = &self.site_model {
            out.push_str(&model.render());
        }
        out
    }
}

/// How many of the attachments counted by state (`Status::attachments`) are in `state`.
pub fn attachments_in(counts: &BTreeMap<AttachmentState, u64>, state: AttachmentState) -> u64 {
    counts.get(&state).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--json` keys pages, outcomes and attachments by name, in the order of the names, as when the maps were keyed by text.
    #[test]
    fn json_keys_are_the_names_in_their_order() {
        let mut s = Status::default();
        for (n, state) in (1..).zip(State::ALL) {
            s.pages.insert(state, n);
        }
        for (n, kind) in (1..).zip(OutcomeKind::ALL.into_iter().rev()) {
            s.outcomes.insert(kind, n);
        }
        for (n, state) in (1..).zip(AttachmentState::ALL) {
            s.attachments.insert(state, n);
        }
        let json = serde_json::to_string(&s).unwrap();
        for state in AttachmentState::ALL {
            assert_eq!(serde_json::json!(state), state.as_str());
        }
        assert!(
            json.contains(r#""attachments":{"done":2,"failed":3,"queued":1,"skipped":4},"#),
            "{json}"
        );
        // Each key is the name the job store writes.
        for state in State::ALL {
            assert_eq!(serde_json::json!(state), state.as_str());
        }
        for kind in OutcomeKind::ALL {
            assert_eq!(serde_json::json!(kind), kind.as_str());
        }
        assert!(
            json.contains(r#""pages":{"failed":3,"fetched":2,"queued":1,"skipped":4},"#),
            "{json}"
        );
        assert!(
            json.contains(
                r#""outcomes":{"extracted":5,"failed":4,"not_extracted":3,"skipped":2,"waiting_for_parts":1},"#
            ),
            "{json}"
        );
    }

    /// A kind no sitelift writes is an error naming it, not a count under a made-up key.
    #[test]
    fn an_unknown_outcome_kind_is_an_error() {
        let (_dir, job) = crate::job::scratch_job();
        job.conn
            .execute(
                "INSERT INTO outcomes (url, kind, updated_at) VALUES ('http://a.cn/', 'merged', 'now')",
                [],
            )
            .unwrap();
        let e = status(&job).unwrap_err().to_string();
        assert!(e.contains(r#"unknown outcome kind "merged""#), "{e}");
    }
}
