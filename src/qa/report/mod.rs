//! `sitelift report`: one self-contained HTML page that QA opens in a browser (and the same figures as JSON).
//! Records come from a crawl job (which also knows the skipped and failed pages, the attachments and why a
//! link did not come along) or from any export. One pass over the records feeds the [`figures`] and writes
//! each record's table row to a temporary file, so memory stays flat; [`html`] then writes the page around
//! them: figures as static HTML, the records as JSON in `<script type="application/json">` elements that the
//! page's script renders a page of rows at a time.

pub mod figures;
pub mod html;

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde_json::{Value, json};

pub use figures::Figures;
use figures::{Generated, Groups, Source, Tally};

use crate::error::{Error, Result};
use crate::export::read_records;
use crate::handover::canonical;
use crate::handover::export::{Reasons, aliases, each_record};
use crate::handover::rewrite::LinkKind;
use crate::handover::targets::Targets;
use crate::handover::why::Why;
use crate::job::Job;
use crate::job::status::counts;
use crate::outcome::localized;
use crate::record::Record;

/// The figures and the records' table rows (JSON, one array per record, comma-separated, in a temporary file).
pub struct Report {
    pub figures: Figures,
    rows: tempfile::NamedTempFile,
}

/// Writes table rows as JSON with `<`, `>` and `&` escaped, so no record text can close the script element.
struct Rows {
    out: BufWriter<tempfile::NamedTempFile>,
    first: bool,
}

impl Rows {
    fn new() -> Result<Rows> {
        let file = tempfile::NamedTempFile::new().map_err(report_error)?;
        Ok(Rows {
            out: BufWriter::with_capacity(256 * 1024, file),
            first: true,
        })
    }

    /// A record's row: the values page.js shows, its warnings as the summary shows them (in the interface
    /// language, [`localized`]; the record keeps the English text).
    fn add(&mut self, r: &Record) -> Result<()> {
        let warnings: Vec<String> = r.warnings.iter().map(|w| localized(w)).collect();
        let row = json!([
            r.id,
            r.url,
            r.title,
            r.published,
            r.author,
            r.editor,
            r.source,
            r.category.as_ref().map(|c| c.join(" > ")),
            r.body_html,
            r.provenance,
            r.attachments,
            r.images,
            warnings,
            r.encoding,
            r.source_path,
        ]);
        if !self.first {
            self.out.write_all(b",\n").map_err(report_error)?;
        }
        self.first = false;
        self.out
            .write_all(script_safe_json(&row).as_bytes())
            .map_err(report_error)
    }

    fn finish(self) -> Result<tempfile::NamedTempFile> {
        self.out.into_inner().map_err(|e| report_error(e.error()))
    }
}

/// JSON that can sit inside `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes.
pub fn script_safe_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn report_error(e: impl std::fmt::Display) -> Error {
    Error::Report(crate::qa::REPORT_TEMP_FILE.text(&[&e]))
}

/// The report of a crawl job.
pub fn from_job(dir: &Path) -> Result<Report> {
    let job = Job::open_read(dir)?;
    let sql = job.sql_error();
    let mut targets = Targets::default();
    for (sql_text, pages) in [
        ("SELECT url FROM records", true),
        ("SELECT url FROM attachments", false),
    ] {
        let mut stmt = job.conn.prepare(sql_text).map_err(&sql)?;
        let urls = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(&sql)?;
        for url in urls {
            let url = url.map_err(&sql)?;
            let Some(key) = canonical::key(&url) else {
                continue;
            };
            if pages {
                if let Some(h) = canonical::host(&url) {
                    targets.hosts.insert(h);
                }
                targets.pages.insert(key, String::new());
            } else {
                targets.attachments.insert(key, String::new());
            }
        }
    }
    // Old URLs that redirected to a record, and continuation pages merged into one, are not missing pages.
    aliases(&job, &mut targets)?;
    let mut tally = Tally::default();
    let mut rows = Rows::new()?;
    each_record(&job, |r| {
        tally.add(&r, &targets);
        rows.add(&r)
    })?;
    let mut reasons = Reasons::new(&job);
    let mut figures = tally.finish(|link| reasons.explain(LinkKind::Anchor, link))?;
    figures.outcomes = counts(&job, "SELECT kind, count(*) FROM outcomes GROUP BY kind")?;
    figures.attachments = counts(
        &job,
        "SELECT state, count(*) FROM attachments GROUP BY state",
    )?;
    figures.elapsed_secs = job.meta("elapsed_secs")?.and_then(|v| v.parse().ok());
    figures.site_model = crate::site::job::stored_report(&job)?;
    let (mut skipped, mut failed) = (Groups::keeping_all(), Groups::keeping_all());
    let mut stmt = job
        .conn
        .prepare(
            "SELECT url, kind = 'failed', coalesce(reason, kind) FROM outcomes WHERE kind != 'extracted'
             UNION ALL
             SELECT url, state = 'failed', coalesce(last_error, state) FROM frontier
                WHERE state IN ('failed', 'skipped')
                AND coalesce(last_error, '') NOT LIKE 'redirected to %'
             ORDER BY 1",
        )
        .map_err(&sql)?;
    let rows_iter = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(&sql)?;
    for row in rows_iter {
        let (url, is_failed, reason) = row.map_err(&sql)?;
        if is_failed {
            failed.add(&url, &reason);
        } else {
            skipped.add(&url, &reason);
        }
    }
    figures.skipped = skipped.into_vec();
    figures.failed = failed.into_vec();
    figures.source = Source::Job(dir.to_path_buf());
    figures.generated_at = Generated::now();
    Ok(Report {
        figures,
        rows: rows.finish()?,
    })
}

/// The report of an export (JSON, JSON Lines or SQLite): records only, so no skipped or failed pages.
pub fn from_export(path: &Path) -> Result<Report> {
    let mut targets = Targets::default();
    let mut seen_hosts = HashSet::new();
    for r in read_records(path)? {
        let r = r?;
        if let Some(url) = &r.url
            && let Some(key) = canonical::key(url)
        {
            if let Some(h) = canonical::host(url)
                && seen_hosts.insert(h.clone())
            {
                targets.hosts.insert(h);
            }
            targets.pages.insert(key, String::new());
        }
        for a in &r.attachments {
            if let Some(key) = canonical::key(&a.url) {
                targets.attachments.insert(key, String::new());
            }
        }
    }
    let mut tally = Tally::default();
    let mut rows = Rows::new()?;
    for r in read_records(path)? {
        let r = r?;
        tally.add(&r, &targets);
        rows.add(&r)?;
    }
    let mut figures = tally.finish(|_| Ok(Why::NotInExport))?;
    figures.source = Source::Export(path.to_path_buf());
    figures.generated_at = Generated::now();
    Ok(Report {
        figures,
        rows: rows.finish()?,
    })
}
