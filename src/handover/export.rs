//! `sitelift export --job DIR --link-map … --out OUT`: the hand-over folder. A first pass over the job's
//! records (bodies dropped as soon as read) gives every migrated page its new path, checks no two pages share
//! one, and adds the job's aliases — URLs that redirected to a migrated page, continuation pages merged into
//! one — and the downloaded attachments with theirs. A second pass streams the records again, rewrites the
//! links of each body (see [`super::rewrite`]) and writes `records.sqlite` and `records.jsonl`. Then the
//! redirect maps (`redirects.csv`, `redirects.nginx.conf`, `redirects.apache.conf`), `unresolved-links.csv`
//! (links kept because their target did not come along, with the reason from the job), `attachments-map.csv`,
//! and the attachment files themselves under `OUT/attachments/`. The folder is built beside OUT and swapped in
//! whole with `handover.json` written last ([`super::folder`]), so a kill never leaves a mix of two exports; a
//! job that a crawl is still writing is refused (its lock is taken for the export).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::folder::Staging;
use super::linkmap::{AttachmentMap, PageMap};
use super::redirects::{self, Redirect};
use super::rewrite::{LinkKind, rewrite_links};
use super::targets::{Target, Targets};
use super::why::Why;
use super::{canonical, csv};
use crate::assemble::web_links_only;
use crate::error::{Error, Result};
use crate::export::{JsonlSink, Sink, SqliteSink, Tee};
use crate::job::Job;
use crate::outcome::{OutcomeKind, SkipReason};
use crate::record::Record;

/// A link left pointing at the old site.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub page_url: String,
    pub link: String,
    pub why: Why,
}

/// What an export did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Handover {
    pub records: usize,
    /// Records the link map gives no new path (CSV maps only): exported, but not reachable by a new path.
    pub not_in_map: Vec<String>,
    pub page_links_rewritten: usize,
    pub attachment_links_rewritten: usize,
    /// Links kept, by kind.
    pub unresolved: BTreeMap<String, usize>,
    pub external_links: usize,
    pub redirects: usize,
    /// Redirects whose old URL has a query string.
    pub query_redirects: usize,
    pub attachment_files: usize,
}

fn job_error(job: &Job) -> impl Fn(rusqlite::Error) -> Error + '_ {
    job.sql_error()
}

fn output_error(path: &Path, e: impl Into<crate::error::Detail>) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.into(),
    }
}

/// The job's records in URL order, a batch at a time, each passed to `f`.
pub(crate) fn each_record(job: &Job, mut f: impl FnMut(Record) -> Result<()>) -> Result<()> {
    job.paged(
        "SELECT url, json FROM records WHERE url > ?1 ORDER BY url LIMIT ?2",
        (String::new(), 256),
        |r| Ok((r.get(0)?, r.get(1)?)),
        |(url, _): &(String, String)| url.clone(),
        |(url, json)| {
            let record: Record = serde_json::from_str(&json).map_err(|e| Error::Job {
                dir: job.dir().to_path_buf(),
                message: super::linkmap::STORED_UNREADABLE.text(&[&url, &e]),
            })?;
            f(record)
        },
    )
}

/// Build the hand-over folder `out` from the job at `job_dir`.
pub fn export_job(
    job_dir: &Path,
    out: &Path,
    pages: &PageMap,
    attachments: &AttachmentMap,
) -> Result<Handover> {
    let job = Job::open_idle(job_dir)?;
    let staging = Staging::new(out)?;
    let built = staging.path().to_path_buf();
    let summary = build(&job, job_dir, &built, pages, attachments)?;
    let manifest = serde_json::json!({
        "sitelift": env!("CARGO_PKG_VERSION"),
        "job": job_dir.display().to_string(),
        "link_map": pages.describe(),
        "summary": &summary,
        "files": files_of(&built),
    });
    staging.publish(&format!("{manifest:#}\n"))?;
    Ok(summary)
}

/// Every file of the built folder with its size, for the manifest.
fn files_of(dir: &Path) -> Vec<serde_json::Value> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || name.starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let bytes = entry.metadata().map_or(0, |m| m.len());
        files.push(
            serde_json::json!({ "path": crate::source::files::path_text(rel), "bytes": bytes }),
        );
    }
    files
}

/// Write the whole hand-over into `out` (the folder being built).
fn build(
    job: &Job,
    job_dir: &Path,
    out: &Path,
    pages: &PageMap,
    attachments: &AttachmentMap,
) -> Result<Handover> {
    let mut summary = Handover::default();
    let mut targets = Targets::default();
    let mut page_redirects: Vec<Redirect> = Vec::new();
    // Pass 1: new paths.
    let mut owner: HashMap<String, String> = HashMap::new();
    each_record(job, |record| {
        let Some(url) = record.url.clone() else {
            return Ok(());
        };
        if let Some(host) = canonical::host(&url) {
            targets.hosts.insert(host);
        }
        let Some(new) = pages.new_path(&record) else {
            summary.not_in_map.push(url);
            return Ok(());
        };
        if let Some(other) = owner.insert(new.clone(), url.clone()) {
            return Err(Error::LinkMap {
                source_name: pages.describe(),
                message: super::linkmap::BOTH_MOVE.text(&[&other, &url, &new]),
            });
        }
        if let Some(key) = canonical::key(&url) {
            targets.pages.insert(key, new.clone());
        }
        page_redirects.push(Redirect {
            old_url: url,
            new_path: new,
        });
        Ok(())
    })?;
    page_redirects.extend(aliases(job, &mut targets)?);
    let attachment_rows = downloaded_attachments(job, attachments)?;
    for a in &attachment_rows {
        if let Some(key) = canonical::key(&a.url) {
            targets.attachments.insert(key, a.new_path.clone());
        }
    }
    // Pass 2: rewrite and write.
    let mut sink: Box<dyn Sink> = Box::new(Tee(vec![
        Box::new(SqliteSink::open(&out.join("records.sqlite"))?),
        Box::new(JsonlSink::open(Some(&out.join("records.jsonl")))?),
    ]));
    let mut unresolved: Vec<Unresolved> = Vec::new();
    let mut reasons = Reasons::new(job);
    each_record(job, |mut record| {
        summary.records += 1;
        // A job extracted before links were checked may hold script URLs: they never reach the hand-over.
        let attachments = std::mem::take(&mut record.attachments);
        let images = std::mem::take(&mut record.images);
        (record.url, record.attachments, record.images) =
            web_links_only(record.url.take(), attachments, images, &mut record.warnings);
        let page_url = record.url.clone().unwrap_or_default();
        if let Some(html) = record.body_html.take() {
            let mut failure = None;
            let new = rewrite_links(&html, |kind, href| match targets.resolve(href) {
                Target::Page(p) if kind == LinkKind::Anchor => {
                    summary.page_links_rewritten += 1;
                    Some(p)
                }
                Target::Attachment(p) => {
                    summary.attachment_links_rewritten += 1;
                    Some(p)
                }
                Target::External | Target::Page(_) => {
                    summary.external_links += 1;
                    None
                }
                Target::Unresolved => {
                    match reasons.explain(kind, href) {
                        Ok(why) => {
                            *summary.unresolved.entry(why.kind().into()).or_default() += 1;
                            unresolved.push(Unresolved {
                                page_url: page_url.clone(),
                                link: href.to_string(),
                                why,
                            });
                        }
                        Err(e) => failure = Some(e),
                    }
                    None
                }
            });
            if let Some(e) = failure {
                return Err(e);
            }
            record.body_html = Some(new);
        }
        sink.write(&record)?;
        Ok(())
    })?;
    sink.finish()?;
    // The redirect maps: pages, then attachments.
    let mut all = page_redirects;
    all.extend(attachment_rows.iter().map(|a| Redirect {
        old_url: a.url.clone(),
        new_path: a.new_path.clone(),
    }));
    summary.redirects = all.len();
    summary.query_redirects = all
        .iter()
        .filter(|r| url::Url::parse(&r.old_url).is_ok_and(|u| u.query().is_some()))
        .count();
    write(out, "redirects.csv", &redirects::csv(&all))?;
    write(out, "redirects.nginx.conf", &redirects::nginx(&all))?;
    write(out, "redirects.apache.conf", &redirects::apache(&all))?;
    // `kind` is data (English); `reason` is for a person, in the run's language.
    let mut table = csv::Table::new(&["page_url", "link", "kind", "reason"]);
    for u in &unresolved {
        table.row(&[&u.page_url, &u.link, u.why.kind(), &u.why.text()]);
    }
    write(out, "unresolved-links.csv", &table.finish())?;
    let mut table = csv::Table::new(&["old_url", "new_path", "file", "sha256", "size", "mime"]);
    for a in &attachment_rows {
        let size = a.size.map(|s| s.to_string()).unwrap_or_default();
        table.row(&[
            &a.url,
            &a.new_path,
            &a.file,
            &a.sha256,
            &size,
            a.mime.as_deref().unwrap_or(""),
        ]);
    }
    write(out, "attachments-map.csv", &table.finish())?;
    summary.attachment_files = copy_files(job_dir, out, &attachment_rows)?;
    Ok(summary)
}

fn write(out: &Path, name: &str, text: &str) -> Result<()> {
    crate::export::write_atomically(&out.join(name), text.as_bytes())
}

/// Where an alias row leads: a merged continuation's first part (its stored skip reason, parsed as one), or the
/// URL a frontier row says it redirected to; empty for anything else.
fn alias_target(why: &str) -> String {
    match why.parse::<SkipReason>() {
        Ok(SkipReason::Continuation(head)) => head,
        _ => why
            .strip_prefix("redirected to ")
            .unwrap_or("")
            .trim_end_matches(" (already fetched)")
            .to_string(),
    }
}

/// Old URLs that lead to a migrated page: redirects the crawl followed, continuation pages merged into it.
pub(crate) fn aliases(job: &Job, targets: &mut Targets) -> Result<Vec<Redirect>> {
    let mut stmt = job
        .conn
        .prepare(
            "SELECT url, last_error FROM frontier WHERE last_error LIKE 'redirected to %'
             UNION ALL
             SELECT url, reason FROM outcomes WHERE reason LIKE 'continuation page: merged into %'
             ORDER BY 1",
        )
        .map_err(job_error(job))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(job_error(job))?;
    let mut out = Vec::new();
    for row in rows {
        let (old, why) = row.map_err(job_error(job))?;
        let to = alias_target(&why);
        let (Some(old_key), Some(to_key)) = (canonical::key(&old), canonical::key(&to)) else {
            continue;
        };
        let Some(new) = targets.pages.get(&to_key).cloned() else {
            continue;
        };
        if targets.pages.contains_key(&old_key) {
            continue;
        }
        targets.pages.insert(old_key, new.clone());
        out.push(Redirect {
            old_url: old,
            new_path: new,
        });
    }
    Ok(out)
}

/// A downloaded attachment and its new path.
struct AttachmentFile {
    url: String,
    file: String,
    sha256: String,
    size: Option<i64>,
    mime: Option<String>,
    new_path: String,
}

fn downloaded_attachments(job: &Job, map: &AttachmentMap) -> Result<Vec<AttachmentFile>> {
    let mut stmt = job
        .conn
        .prepare(
            "SELECT url, file, sha256, size, mime FROM attachments
             WHERE state = 'done' AND file IS NOT NULL ORDER BY url",
        )
        .map_err(job_error(job))?;
    let rows = stmt
        .query_map([], |r| {
            let file: String = r.get(1)?;
            let sha256: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
            Ok(AttachmentFile {
                url: r.get(0)?,
                new_path: map.new_path(&file, &sha256),
                file,
                sha256,
                size: r.get(3)?,
                mime: r.get(4)?,
            })
        })
        .map_err(job_error(job))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(job_error(job))
}

/// Hard-link (or copy) each stored file to `out/attachments/`. Returns how many files are there.
fn copy_files(job_dir: &Path, out: &Path, rows: &[AttachmentFile]) -> Result<usize> {
    let dir = out.join(crate::crawl::attachments::FOLDER);
    let mut done = std::collections::HashSet::new();
    for a in rows {
        let name = a.file.rsplit('/').next().unwrap_or(&a.file);
        if !done.insert(name.to_string()) {
            continue;
        }
        std::fs::create_dir_all(&dir).map_err(|e| output_error(&dir, e))?;
        let from: PathBuf = job_dir.join(&a.file);
        let to = dir.join(name);
        if to.exists() {
            continue;
        }
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).map_err(|e| output_error(&to, e))?;
        }
        // Files downloaded before attachments were stored 0644 are 0600: a web server could not serve them.
        let file = std::fs::File::open(&to).map_err(|e| output_error(&to, e))?;
        crate::crawl::attachments::make_public(&file).map_err(|e| output_error(&to, e))?;
    }
    Ok(done.len())
}

/// Why a link did not come along, from what the job knows about its URL.
pub(crate) struct Reasons<'a> {
    job: &'a Job,
}

impl<'a> Reasons<'a> {
    pub(crate) fn new(job: &'a Job) -> Self {
        Reasons { job }
    }

    /// Why an unresolved link did not come along.
    pub(crate) fn explain(&mut self, kind: LinkKind, href: &str) -> Result<Why> {
        let url = href.split('#').next().unwrap_or(href);
        if let Some((state, error)) = self.one(
            "SELECT state, last_error FROM attachments WHERE url = ?1",
            url,
        )? {
            return Ok(Why::AttachmentNotDownloaded { state, error });
        }
        if kind == LinkKind::Image {
            return Ok(Why::Image);
        }
        if let Some((outcome, reason)) =
            self.one("SELECT kind, reason FROM outcomes WHERE url = ?1", url)?
        {
            return Ok(match outcome {
                OutcomeKind::Extracted => Why::NoNewPath,
                _ => Why::NotMigrated { outcome, reason },
            });
        }
        if let Some((state, error)) =
            self.one("SELECT state, last_error FROM frontier WHERE url = ?1", url)?
        {
            return Ok(Why::NotFetched { state, error });
        }
        Ok(if crate::extract::generic::links::is_attachment_href(url) {
            Why::AttachmentNeverDownloaded
        } else {
            Why::NeverCrawled
        })
    }

    /// The row `sql` selects for `url` (`?1`): a state or kind, read as its enum, and the stored text.
    fn one<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        url: &str,
    ) -> Result<Option<(T, Option<String>)>> {
        self.job
            .conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(job_error(self.job))
    }
}

#[cfg(test)]
mod tests {
    use super::alias_target;
    use crate::outcome::SkipReason;

    #[test]
    fn an_alias_leads_to_the_redirect_target_or_the_first_part() {
        let first = "http://a.cn/x/t1.html";
        let merged = SkipReason::Continuation(first.into()).to_string();
        assert_eq!(alias_target(&merged), first);
        assert_eq!(
            alias_target("redirected to http://a.cn/y.html"),
            "http://a.cn/y.html"
        );
        assert_eq!(
            alias_target("redirected to http://a.cn/y.html (already fetched)"),
            "http://a.cn/y.html"
        );
        assert_eq!(alias_target("list page: 3 similar records"), "");
    }
}
