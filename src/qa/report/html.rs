//! The report page: one HTML file with its CSS and script inline and nothing fetched from anywhere (a
//! Content-Security-Policy allows only that one script, by hash, and no remote loads at all). Figures are
//! rendered here as static HTML — every value escaped, links only for http(s) URLs; the records travel as JSON
//! inside `<script type="application/json">` (with `<`, `>`, `&` escaped) and `page.js` renders them a page
//! at a time, with a filter box, expandable rows and each body re-checked against the allowlist before it is
//! shown (images are shown as links, so an offline report never tries to load them).

use std::fmt::Write as _;
use std::io::{BufWriter, Read, Seek, Write};
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::Report;
use super::figures::{CategoryNode, Count, Figures, PageRef, ReasonGroup};
use crate::error::{Error, Result};

const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::normalize::html::push_escaped(&mut out, s);
    out
}

/// A link to an original URL (http and https only; anything else is shown as text).
fn link(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        format!(
            "<a href=\"{0}\" target=\"_blank\" rel=\"noopener noreferrer\">{0}</a>",
            esc(url.trim())
        )
    } else {
        esc(url)
    }
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

/// A horizontal bar of `share` (0–1).
fn bar(share: f64) -> String {
    format!(
        "<span class=\"bar\"><span style=\"width:{:.1}%\"></span></span>",
        (share * 100.0).clamp(0.0, 100.0)
    )
}

/// Dates per year as an inline SVG bar chart.
fn years_chart(years: &std::collections::BTreeMap<String, usize>) -> String {
    if years.is_empty() {
        return "<p class=\"muted\">no records</p>".into();
    }
    let max = years.values().copied().max().unwrap_or(1).max(1) as f64;
    let (w, gap, h) = (34.0, 8.0, 140.0);
    let width = years.len() as f64 * (w + gap) + gap;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"records per year\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\">",
        h + 40.0,
        h + 40.0
    );
    for (i, (year, n)) in years.iter().enumerate() {
        let x = gap + i as f64 * (w + gap);
        let bh = (*n as f64 / max * h).max(1.0);
        let _ = write!(
            svg,
            "<g><title>{y}: {n}</title><rect x=\"{x}\" y=\"{:.1}\" width=\"{w}\" height=\"{bh:.1}\" class=\"{}\"></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"count\">{n}</text><text x=\"{:.1}\" y=\"{:.1}\" class=\"year\">{y}</text></g>",
            18.0 + h - bh,
            if year == "undated" {
                "undated"
            } else {
                "dated"
            },
            x + w / 2.0,
            14.0 + h - bh,
            x + w / 2.0,
            h + 34.0,
            y = esc(if year == "undated" { "无日期" } else { year }),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn top_table(title: &str, items: &[Count], records: usize) -> String {
    let mut s = format!("<div class=\"top\"><h3>{}</h3>", esc(title));
    if items.is_empty() {
        s.push_str("<p class=\"muted\">none</p></div>");
        return s;
    }
    s.push_str("<table><tbody>");
    for c in items {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&c.value),
            c.count,
            bar(c.count as f64 / records.max(1) as f64)
        );
    }
    s.push_str("</tbody></table></div>");
    s
}

fn tree(nodes: &[CategoryNode], out: &mut String) {
    out.push_str("<ul class=\"tree\">");
    for n in nodes {
        if n.children.is_empty() {
            let _ = write!(
                out,
                "<li><span>{}</span> <span class=\"num\">{}</span></li>",
                esc(&n.name),
                n.count
            );
        } else {
            let _ = write!(
                out,
                "<li><details open><summary>{} <span class=\"num\">{}</span></summary>",
                esc(&n.name),
                n.count
            );
            tree(&n.children, out);
            out.push_str("</details></li>");
        }
    }
    out.push_str("</ul>");
}

fn pages_list(pages: &[PageRef], total: usize) -> String {
    let mut s = String::from("<ul class=\"pages\">");
    for p in pages {
        let _ = write!(
            s,
            "<li>{} <span class=\"muted\">{}</span></li>",
            link(&p.url),
            esc(&p.detail)
        );
    }
    if total > pages.len() {
        let _ = write!(
            s,
            "<li class=\"muted\">… and {} more</li>",
            total - pages.len()
        );
    }
    s.push_str("</ul>");
    s
}

fn groups(title: &str, groups: &[ReasonGroup], empty: &str) -> String {
    let total: usize = groups.iter().map(|g| g.count).sum();
    let mut s = format!("<h3>{} <span class=\"num\">{total}</span></h3>", esc(title));
    if groups.is_empty() {
        let _ = write!(s, "<p class=\"muted\">{}</p>", esc(empty));
        return s;
    }
    for g in groups {
        let _ = write!(
            s,
            "<details><summary>{} <span class=\"num\">{}</span></summary>{}</details>",
            esc(&g.reason),
            g.count,
            pages_list(&g.pages, g.count)
        );
    }
    s
}

/// The site model: one row per template (pages, kind, fill rates, samples), then each template's stripped
/// blocks and anomalies with example pages.
fn templates(m: &crate::site::SiteReport) -> String {
    let mut s = format!(
        "<section id=\"templates\"><h2>Templates (site model)</h2><p>{} template(s) of at least {} pages \
         cover {} of {} pages; the model changed {} page(s) (repeated blocks left out of bodies, fields taken \
         from the template's place, kinds made the template's).</p>",
        m.templates.len(),
        m.min_template_pages,
        m.modelled_pages,
        m.pages,
        m.changed_pages
    );
    if m.templates.is_empty() {
        s.push_str("</section>");
        return s;
    }
    s.push_str(
        "<table><thead><tr><th>template</th><th class=\"num\">pages</th><th>kind</th>\
         <th class=\"num\">records</th><th>fill rate</th><th>e.g.</th><th class=\"num\">anomalies</th>\
         </tr></thead><tbody>",
    );
    for t in &m.templates {
        let fills: Vec<String> = t
            .fill_rates
            .iter()
            .map(|(f, r)| format!("{f} {}", pct(*r)))
            .collect();
        let samples: Vec<String> = t.samples.iter().map(|p| link(p)).collect();
        let a = &t.anomalies;
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"muted\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&t.id),
            t.pages,
            esc(t.kind.as_deref().unwrap_or("mixed")),
            t.records,
            esc(&fills.join(", ")),
            samples.join("<br>"),
            a.missing_field.count + a.repeated_in_body.count + a.kind_differs.count
        );
    }
    s.push_str("</tbody></table>");
    for t in &m.templates {
        let a = &t.anomalies;
        let anomalies = [
            (
                "records missing a field their siblings have",
                &a.missing_field,
            ),
            ("bodies still holding a repeated block", &a.repeated_in_body),
            (
                "pages whose kind differs from the template's",
                &a.kind_differs,
            ),
        ];
        if t.stripped.is_empty() && anomalies.iter().all(|(_, x)| x.count == 0) {
            continue;
        }
        let _ = write!(
            s,
            "<h3>{} <span class=\"muted\">{} pages</span></h3>",
            esc(&t.id),
            t.pages
        );
        if !t.stripped.is_empty() {
            let _ = write!(
                s,
                "<details><summary>repeated blocks left out of bodies <span class=\"num\">{}</span></summary><ul>",
                t.stripped_pages
            );
            for (line, n) in &t.stripped {
                let _ = write!(
                    s,
                    "<li>{} <span class=\"muted\">{n} page(s)</span></li>",
                    esc(line)
                );
            }
            s.push_str("</ul></details>");
        }
        for (title, x) in anomalies {
            if x.count == 0 {
                continue;
            }
            let pages: Vec<PageRef> = x
                .examples
                .iter()
                .map(|(url, detail)| PageRef {
                    url: url.clone(),
                    detail: detail.clone(),
                })
                .collect();
            let _ = write!(
                s,
                "<details><summary>{} <span class=\"num\">{}</span></summary>{}</details>",
                esc(title),
                x.count,
                pages_list(&pages, x.count as usize)
            );
        }
    }
    s.push_str("</section>");
    s
}

fn card(label: &str, value: &str) -> String {
    format!(
        "<div class=\"card\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>",
        esc(value),
        esc(label)
    )
}

/// Everything above the record table.
fn body_figures(f: &Figures, from_job: bool) -> String {
    let mut s = String::new();
    let n = |m: &std::collections::BTreeMap<String, u64>, k: &str| m.get(k).copied().unwrap_or(0);
    heading(&mut s, "summary", "report-h-summary");
    s.push_str("<div class=\"cards\">");
    s.push_str(&card(
        &crate::t!("report-card-records"),
        &f.records.to_string(),
    ));
    if from_job {
        s.push_str(&card(
            &crate::t!("report-card-pages-skipped"),
            &f.skipped.iter().map(|g| g.count).sum::<usize>().to_string(),
        ));
        s.push_str(&card(
            &crate::t!("report-card-pages-failed"),
            &f.failed.iter().map(|g| g.count).sum::<usize>().to_string(),
        ));
        if !f.attachments.is_empty() {
            s.push_str(&card(
                &crate::t!("report-card-attachments-downloaded"),
                &format!(
                    "{} / {}",
                    n(&f.attachments, "done"),
                    f.attachments.values().sum::<u64>()
                ),
            ));
        }
        if let Some(secs) = f.elapsed_secs {
            s.push_str(&card(
                &crate::t!("report-card-crawl-time"),
                &format!("{secs:.1} s"),
            ));
        }
    }
    s.push_str(&card(
        &crate::t!("report-card-warnings"),
        &f.warnings
            .iter()
            .map(|g| g.count)
            .sum::<usize>()
            .to_string(),
    ));
    s.push_str(&card(
        &crate::t!("report-card-pages-with-u-fffd"),
        &f.encoding.with_replacements_count.to_string(),
    ));
    s.push_str(&card(
        &crate::t!("report-card-links-not-migrated"),
        &f.unresolved_links_total.to_string(),
    ));
    s.push_str("</div></section>");

    heading(&mut s, "fields", "report-h-fields");
    s.push_str("<table><thead><tr><th>field</th><th>fill rate</th><th></th><th class=\"num\">records</th><th>produced by</th></tr></thead><tbody>");
    for field in &f.fields {
        let rules: Vec<String> = field
            .rules
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>",
            esc(&field.field),
            pct(field.rate),
            bar(field.rate),
            field.filled,
            esc(&rules.join(", "))
        );
    }
    s.push_str("</tbody></table></section>");
    if let Some(model) = &f.site_model {
        s.push_str(&templates(model));
    }

    heading(&mut s, "values", "report-h-values");
    s.push_str("<h3>Published, per year</h3>");
    s.push_str(&years_chart(&f.years));
    s.push_str("<div class=\"tops\">");
    s.push_str(&top_table("Top sources (来源)", &f.top_sources, f.records));
    s.push_str(&top_table("Top authors (作者)", &f.top_authors, f.records));
    s.push_str(&top_table("Top editors (编辑)", &f.top_editors, f.records));
    s.push_str("</div><h3>Categories</h3>");
    if f.categories.is_empty() {
        s.push_str("<p class=\"muted\">no record has a category</p>");
    } else {
        tree(&f.categories, &mut s);
    }
    s.push_str("</section>");

    heading(&mut s, "pages", "report-h-pages");
    let none = if from_job {
        "none"
    } else {
        "an export holds records only: run the report on the job (--job DIR) to see skipped and failed pages"
    };
    s.push_str(&groups("Failed", &f.failed, none));
    s.push_str(&groups("Skipped", &f.skipped, none));
    s.push_str(&groups("Record warnings", &f.warnings, "none"));
    s.push_str("</section>");

    heading(&mut s, "encoding", "report-h-encoding");
    s.push_str("<table><thead><tr><th>declared</th><th>used</th><th>chosen by</th><th class=\"num\">records</th></tr></thead><tbody>");
    for c in &f.encoding.combos {
        let _ = write!(
            s,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            if c.mismatch {
                " class=\"mismatch\" title=\"the declaration names another encoding\""
            } else {
                ""
            },
            esc(c.declared.as_deref().unwrap_or("—")),
            esc(&c.used),
            esc(&c.by),
            c.count
        );
    }
    let _ = write!(
        s,
        "</tbody></table><p>{} record(s) declared another encoding than the one used; {} record(s) hold {} replacement character(s) (U+FFFD).</p>",
        f.encoding.mismatched, f.encoding.with_replacements_count, f.encoding.replacement_chars
    );
    if !f.encoding.with_replacements.is_empty() {
        s.push_str(&pages_list(
            &f.encoding.with_replacements,
            f.encoding.with_replacements_count,
        ));
    }
    s.push_str("</section>");

    heading(&mut s, "links", "report-h-links");
    if f.unresolved_links.is_empty() {
        s.push_str("<p class=\"muted\">every link on the migrated hosts points at a migrated page or attachment</p>");
    } else {
        let _ = write!(
            s,
            "<p>{} link(s) in record bodies point at {} page(s) or file(s) of the old site that are not among the records; they are kept as they are.</p><table><thead><tr><th>link</th><th class=\"num\">links</th><th>e.g. on</th><th>why</th></tr></thead><tbody>",
            f.unresolved_links_total,
            f.unresolved_links.len()
        );
        for l in &f.unresolved_links {
            let _ = write!(
                s,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
                link(&l.link),
                l.count,
                link(&l.example_page),
                esc(&l.reason)
            );
        }
        s.push_str("</tbody></table>");
    }
    s.push_str("</section>");
    s
}

fn output_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Write the page to `path` (atomically: a temporary sibling renamed into place).
pub fn write(report: Report, path: &Path, from_job: bool) -> Result<()> {
    let Report { figures, mut rows } = report;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".report-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| output_error(path, e))?;
    let mut out = BufWriter::with_capacity(256 * 1024, tmp);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(JS.as_bytes()));
    let head = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>sitelift report — {source}</title>\n<style>{CSS}</style></head>\n<body>\n\
         <header><h1>{title}</h1><p class=\"muted\">{subtitle}</p>\n<nav>{nav}</nav></header>\n<main>\n",
        title = esc(&crate::t!("report-title")),
        subtitle = esc(&crate::t!(
            "report-subtitle",
            source = figures.source.as_str(),
            records = figures.records,
            when = figures.generated_at.as_str()
        )),
        nav = nav(),
        source = esc(&figures.source),
    );
    let w = |out: &mut BufWriter<tempfile::NamedTempFile>, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| output_error(path, e))
    };
    w(&mut out, &head)?;
    w(&mut out, &body_figures(&figures, from_job))?;
    w(&mut out, &records_section())?;
    let figures_json = serde_json::to_value(&figures).map_err(|e| output_error(path, e))?;
    w(
        &mut out,
        &format!(
            "<script type=\"application/json\" id=\"figures\">{}</script>\n<script type=\"application/json\" id=\"rows\">[",
            super::script_safe_json(&figures_json)
        ),
    )?;
    rows.as_file_mut()
        .rewind()
        .map_err(|e| output_error(path, e))?;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = rows
            .as_file_mut()
            .read(&mut buf)
            .map_err(|e| output_error(path, e))?;
        if n == 0 {
            break;
        }
        out.write_all(&buf[..n])
            .map_err(|e| output_error(path, e))?;
    }
    w(
        &mut out,
        &format!("]</script>\n<script>{JS}</script>\n</body></html>\n"),
    )?;
    let tmp = out
        .into_inner()
        .map_err(|e| output_error(path, e.error()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path).map_err(|e| output_error(path, e.error))?;
    Ok(())
}

/// An `<h2>` section opening, its heading from the message files.
fn heading(s: &mut String, id: &str, message: &str) {
    let _ = write!(
        s,
        "<section id=\"{id}\"><h2>{}</h2>",
        esc(&crate::t!(message))
    );
}

/// The links to each section, in the interface language.
fn nav() -> String {
    [
        "summary", "fields", "values", "pages", "encoding", "links", "records",
    ]
    .iter()
    .map(|id| {
        let label = crate::i18n::tr(&format!("report-nav-{id}"), &[]);
        format!("<a href=\"#{id}\">{}</a>", esc(&label))
    })
    .collect::<Vec<_>>()
    .join(" ")
}

/// The record table's section (filled by page.js), in the interface language.
fn records_section() -> String {
    let t = |id: &str| esc(&crate::i18n::tr(id, &[]));
    let columns: String = [
        "title",
        "published",
        "source",
        "author",
        "editor",
        "category",
    ]
    .iter()
    .map(|c| format!("<th>{}</th>", t(&format!("report-col-{c}"))))
    .collect();
    format!(
        "\n<section id=\"records\"><h2>{}</h2>\
         <div class=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"{}\" autocomplete=\"off\">\
         <span id=\"shown\" class=\"muted\"></span></div>\
         <table id=\"records-table\" data-visible=\"0\" data-matching=\"0\"><thead><tr>{columns}<th class=\"num\">{}</th></tr></thead>\
         <tbody></tbody></table>\
         <div class=\"pager\"><button id=\"prev\" type=\"button\">{}</button> <span id=\"page\"></span> <button id=\"next\" type=\"button\">{}</button></div>\
         <noscript><p>{}</p></noscript></section>\n</main>\n",
        t("report-h-records"),
        t("report-filter"),
        t("report-col-warnings"),
        t("report-prev"),
        t("report-next"),
        t("report-noscript"),
    )
}
