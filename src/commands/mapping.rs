//! `sitelift mapping draft`: learn the site model of a job's stored pages or of files (the first pass only) and
//! write the mapping it suggests ([`sitelift::site::draft`]), then check that the file loads as a mapping.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use sitelift::batch::FilePages;
use sitelift::pipeline::{DEFAULT_MAX_PAGE_BYTES, Options, decode_page};
use sitelift::source::files::{DiskParts, UrlPolicy, collect, read};
use sitelift::{Mapping, t};

use super::parse_base_url;
use crate::cli::{DraftArgs, MappingArgs, MappingCommand};
use crate::progress::Progress;

pub fn run(args: MappingArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    match args.command {
        MappingCommand::Draft(args) => draft(args, quiet, verbose),
    }
}

fn draft(args: DraftArgs, quiet: bool, verbose: u8) -> Result<ExitCode> {
    let opts = Options {
        base_url: args.base_url.as_deref().map(parse_base_url).transpose()?,
        encoding: args
            .encoding
            .as_deref()
            .map(sitelift::decode::encoding_for_label)
            .transpose()?,
        max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
        site_model: true,
        ..Options::default()
    };
    let (model, pages, text) = if let Some(dir) = &args.job {
        let mut job = sitelift::job::Job::open_existing(dir)?;
        let settings =
            sitelift::crawl::CrawlSettings::resolve(&sitelift::crawl::CrawlFlags::default(), None)?;
        let stored: i64 = job
            .conn
            .query_row("SELECT count(*) FROM pages", [], |r| r.get(0))
            .map_err(job.sql_error())?;
        let progress = Progress::new(0, quiet, verbose);
        let model = sitelift::site::job::learn(&mut job, &opts, &settings.scope, &progress)?;
        progress.finish();
        let model = model.ok_or_else(|| {
            too_few(t!(
                "mapping-job-holds",
                job = dir.display().to_string(),
                n = stored
            ))
        })?;
        let load = |url: &str| -> Option<String> {
            let page = sitelift::job::pages::load(&job.conn, url).ok().flatten()?;
            Some(decode_page(&page.raw(), &opts).text)
        };
        let (text, _) = sitelift::site::draft::draft(
            &model,
            &load,
            stored as u64,
            &sitelift::site::draft_check::Bans::default(),
        );
        (model, stored as u64, text)
    } else {
        let files = collect(&args.inputs)?;
        let urls = UrlPolicy::for_options(&opts);
        let parts = DiskParts::new(&files, &args.inputs, urls.clone());
        let pages = FilePages {
            files: &files,
            opts: &opts,
            urls: &urls,
            parts: &parts,
        };
        let progress = Progress::new(files.len(), quiet, verbose);
        let learned = sitelift::site::run::learn(&pages, &progress)?;
        progress.finish();
        let (model, template) =
            learned.ok_or_else(|| too_few(t!("mapping-pages-found", n = files.len())))?;
        let load = |label: &str| -> Option<String> {
            let input = files.iter().find(|f| f.rel == label)?;
            let page = read(input, &urls).ok()?;
            Some(decode_page(&page, &opts).text)
        };
        let text = checked_draft(&model, &template, &pages, &args.out, &load)?;
        (model, files.len() as u64, text)
    };
    write(&args.out, &text)?;
    // The draft must load as it is written.
    Mapping::load(&args.out)
        .with_context(|| t!("draft-does-not-load", path = args.out.display().to_string()))?;
    if !quiet {
        eprintln!(
            "{}",
            t!(
                "mapping-drafted",
                templates = model.templates.len(),
                pages = pages,
                out = args.out.display().to_string()
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Draft, run the draft over the files with the site model, compare with the site-model run, ban the selector
/// alternatives that differ ([`draft_check::judge`]) and draft again, at most [`draft_check::MAX_ROUNDS`] times.
fn checked_draft(
    model: &sitelift::site::SiteModel,
    template: &[Option<usize>],
    pages: &FilePages<'_>,
    out: &Path,
    load: &(dyn Fn(&str) -> Option<String> + Sync),
) -> Result<String> {
    use sitelift::site::draft_check::{self, Bans};
    let n = pages.files.len();
    let want = draft_check::run(pages)?;
    let load_page = |i: usize| load(&pages.files[i].rel);
    let labels: Vec<String> = pages.files.iter().map(|f| f.rel.clone()).collect();
    let mut bans = Bans::default();
    let mut round = 0;
    loop {
        round += 1;
        let (text, lists) = sitelift::site::draft::draft(model, load, n as u64, &bans);
        let opts = Options {
            mapping: Some(Mapping::parse(out, &text)?),
            base_url: pages.opts.base_url.clone(),
            encoding: pages.opts.encoding,
            max_page_bytes: pages.opts.max_page_bytes,
            site_model: true,
            ..Options::default()
        };
        let drafted = FilePages {
            opts: &opts,
            ..*pages
        };
        let got = draft_check::run(&drafted)?;
        let more = draft_check::judge(&lists, &want, &got, template, &labels, &load_page);
        if round == draft_check::MAX_ROUNDS || !bans.extend(more) {
            let note = draft_check::note(n, &bans, round, draft_check::differences(&want, &got));
            return Ok(sitelift::site::draft::with_note(&text, &note));
        }
    }
}

/// Why no draft: too few pages for any template.
fn too_few(what: String) -> anyhow::Error {
    anyhow!(t!(
        "mapping-too-few",
        what = what,
        min = sitelift::site::templates::MIN_TEMPLATE_PAGES
    ))
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| t!("cannot-create-folder", path = parent.display().to_string()))?;
    }
    sitelift::export::write_atomically(path, text.as_bytes())
        .with_context(|| t!("cannot-write", path = path.display().to_string()))
}
