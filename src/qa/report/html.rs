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
use crate::job::attachments::AttachmentState;
use crate::outcome::{group_heading, localized};
use crate::t;

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
        return format!("<p class=\"muted\">{}</p>", esc(&t!("report-no-records")));
    }
    let max = years.values().copied().max().unwrap_or(1).max(1) as f64;
    let (w, gap, h) = (34.0, 8.0, 140.0);
    let width = years.len() as f64 * (w + gap) + gap;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\">",
        esc(&t!("report-per-year-label")),
        h + 40.0,
        h + 40.0
    );
    let undated = t!("report-undated");
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
            y = esc(if year == "undated" { &undated } else { year }),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn top_table(title: &str, items: &[Count], records: usize) -> String {
    let mut s = format!("<div class=\"top\"><h3>{}</h3>", esc(title));
    if items.is_empty() {
        let _ = write!(
            s,
            "<p class=\"muted\">{}</p></div>",
            esc(&t!("report-none"))
        );
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
            esc(&p.shown.clone().unwrap_or_else(|| localized(&p.detail)))
        );
    }
    if total > pages.len() {
        let _ = write!(
            s,
            "<li class=\"muted\">{}</li>",
            esc(&t!("report-more", n = total - pages.len()))
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
            esc(&group_heading(&g.reason)),
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
        "<section id=\"templates\"><h2>{}</h2><p>{}</p>",
        esc(&t!("report-h-templates")),
        esc(&m.coverage("report-templates-intro"))
    );
    if m.templates.is_empty() {
        s.push_str("</section>");
        return s;
    }
    s.push_str(&thead(&[
        ("report-th-template", false),
        ("report-th-pages", true),
        ("report-th-kind", false),
        ("report-th-records", true),
        ("report-th-fill-rate", false),
        ("report-th-examples", false),
        ("report-th-anomalies", true),
    ]));
    for t in &m.templates {
        let fills: Vec<String> = t
            .fill_rates
            .iter()
            .map(|(f, r)| format!("{} {}", crate::i18n::field(f), pct(*r)))
            .collect();
        let samples: Vec<String> = t.samples.iter().map(|p| link(p)).collect();
        let a = &t.anomalies;
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"muted\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&t.id),
            t.pages,
            esc(&t.kind_name()),
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
            (t!("report-anomaly-missing-field"), &a.missing_field),
            (t!("report-anomaly-repeated-in-body"), &a.repeated_in_body),
            (t!("report-anomaly-kind-differs"), &a.kind_differs),
        ];
        if t.stripped.is_empty() && anomalies.iter().all(|(_, x)| x.count == 0) {
            continue;
        }
        let _ = write!(
            s,
            "<h3>{} <span class=\"muted\">{}</span></h3>",
            esc(&t.id),
            esc(&t!("report-n-pages", n = t.pages))
        );
        if !t.stripped.is_empty() {
            let _ = write!(
                s,
                "<details><summary>{} <span class=\"num\">{}</span></summary><ul>",
                esc(&t!("report-stripped-blocks")),
                t.stripped_pages
            );
            for (line, n) in &t.stripped {
                let _ = write!(
                    s,
                    "<li>{} <span class=\"muted\">{}</span></li>",
                    esc(line),
                    esc(&t!("report-n-pages-of", n = *n))
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
                    shown: None,
                })
                .collect();
            let _ = write!(
                s,
                "<details><summary>{} <span class=\"num\">{}</span></summary>{}</details>",
                esc(&title),
                x.count,
                pages_list(&pages, x.count as usize)
            );
        }
    }
    s.push_str("</section>");
    s
}

/// A table's opening and header row: each column's message id (empty for a column without a heading) and
/// whether it holds numbers.
fn thead(columns: &[(&str, bool)]) -> String {
    let mut s = String::from("<table><thead><tr>");
    for (id, num) in columns {
        let class = if *num { " class=\"num\"" } else { "" };
        let label = if id.is_empty() {
            String::new()
        } else {
            esc(&t!(id))
        };
        let _ = write!(s, "<th{class}>{label}</th>");
    }
    s.push_str("</tr></thead><tbody>");
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
                    crate::job::status::attachments_in(&f.attachments, AttachmentState::Done),
                    f.attachments.values().sum::<u64>()
                ),
            ));
        }
        if let Some(secs) = f.elapsed_secs {
            s.push_str(&card(
                &crate::t!("report-card-crawl-time"),
                &t!("report-seconds", secs = format!("{secs:.1}")),
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
    s.push_str(&thead(&[
        ("report-th-field", false),
        ("report-th-fill-rate", false),
        ("", false),
        ("report-th-records", true),
        ("report-th-produced-by", false),
    ]));
    for field in &f.fields {
        let rules: Vec<String> = field
            .rules
            .iter()
            .map(|(k, v)| format!("{} {v}", crate::i18n::rule_family(k)))
            .collect();
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>",
            esc(&crate::i18n::field(&field.field)),
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
    let _ = write!(s, "<h3>{}</h3>", esc(&t!("report-h-per-year")));
    s.push_str(&years_chart(&f.years));
    s.push_str("<div class=\"tops\">");
    s.push_str(&top_table(
        &t!("report-top-sources"),
        &f.top_sources,
        f.records,
    ));
    s.push_str(&top_table(
        &t!("report-top-authors"),
        &f.top_authors,
        f.records,
    ));
    s.push_str(&top_table(
        &t!("report-top-editors"),
        &f.top_editors,
        f.records,
    ));
    let _ = write!(s, "</div><h3>{}</h3>", esc(&t!("report-h-categories")));
    if f.categories.is_empty() {
        let _ = write!(
            s,
            "<p class=\"muted\">{}</p>",
            esc(&t!("report-no-category"))
        );
    } else {
        tree(&f.categories, &mut s);
    }
    s.push_str("</section>");

    heading(&mut s, "pages", "report-h-pages");
    let none = if from_job {
        t!("report-none")
    } else {
        t!("report-export-only")
    };
    s.push_str(&groups(&t!("report-h-failed"), &f.failed, &none));
    s.push_str(&groups(&t!("report-h-skipped"), &f.skipped, &none));
    s.push_str(&groups(
        &t!("report-h-warnings"),
        &f.warnings,
        &t!("report-none"),
    ));
    s.push_str("</section>");

    heading(&mut s, "encoding", "report-h-encoding");
    s.push_str(&thead(&[
        ("report-th-declared", false),
        ("report-th-used", false),
        ("report-th-chosen-by", false),
        ("report-th-records", true),
    ]));
    let mismatch = format!(
        " class=\"mismatch\" title=\"{}\"",
        esc(&t!("report-mismatch"))
    );
    for c in &f.encoding.combos {
        let _ = write!(
            s,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            if c.mismatch { mismatch.as_str() } else { "" },
            esc(c.declared.as_deref().unwrap_or("—")),
            esc(&c.used),
            esc(&c.by.shown()),
            c.count
        );
    }
    let _ = write!(
        s,
        "</tbody></table><p>{}</p>",
        esc(&t!(
            "report-encoding-totals",
            mismatched = f.encoding.mismatched,
            records = f.encoding.with_replacements_count,
            chars = f.encoding.replacement_chars
        ))
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
        let _ = write!(
            s,
            "<p class=\"muted\">{}</p>",
            esc(&t!("report-links-all-resolved"))
        );
    } else {
        let _ = write!(
            s,
            "<p>{}</p>{}",
            esc(&t!(
                "report-links-intro",
                links = f.unresolved_links_total,
                targets = f.unresolved_links.len()
            )),
            thead(&[
                ("report-th-link", false),
                ("report-th-links", true),
                ("report-th-example-on", false),
                ("report-th-why", false),
            ])
        );
        for l in &f.unresolved_links {
            let _ = write!(
                s,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
                link(&l.link),
                l.count,
                link(&l.example_page),
                esc(&l.reason.line(crate::i18n::lang()))
            );
        }
        s.push_str("</tbody></table>");
    }
    s.push_str("</section>");
    s
}

fn output_error(path: &Path, e: impl Into<crate::error::Detail>) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.into(),
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
         <title>{title} — {source}</title>\n<style>{CSS}</style></head>\n<body>\n\
         <header><h1>{title}</h1><p class=\"muted\">{subtitle}</p>\n<nav>{nav}</nav></header>\n<main>\n",
        title = esc(&crate::t!("report-title")),
        subtitle = esc(&crate::t!(
            "report-subtitle",
            source = figures.source.shown(),
            records = figures.records,
            when = figures.generated_at.shown()
        )),
        nav = nav(),
        source = esc(&figures.source.shown()),
    );
    let w = |out: &mut BufWriter<tempfile::NamedTempFile>, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| output_error(path, e))
    };
    w(&mut out, &head)?;
    w(&mut out, &body_figures(&figures, from_job))?;
    w(&mut out, &records_section())?;
    let figures_json =
        serde_json::to_value(&figures).map_err(|e| output_error(path, e.to_string()))?;
    w(
        &mut out,
        &format!(
            "<script type=\"application/json\" id=\"words\">{}</script>\n\
             <script type=\"application/json\" id=\"figures\">{}</script>\n<script type=\"application/json\" id=\"rows\">[",
            super::script_safe_json(&script_words()),
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
    crate::export::publish(tmp, path)
}

/// The words page.js shows, in the interface language; `{name}` marks a value it fills in.
fn script_words() -> serde_json::Value {
    // Every record field (page.js labels the expanded record's fields and its provenance keys).
    let fields: serde_json::Map<String, serde_json::Value> = crate::qa::diff::record_fields()
        .into_iter()
        .map(|f| {
            let label = crate::i18n::field(&f);
            (f, label.into())
        })
        .collect();
    serde_json::json!({
        "fields": fields,
        "shown": t!("report-js-shown", matching = "{matching}", total = "{total}"),
        "showing": t!("report-js-showing", from = "{from}", to = "{to}"),
        "page": t!("report-js-page", page = "{page}", pages = "{pages}"),
        "encoding": t!(
            "report-js-encoding",
            declared = "{declared}",
            used = "{used}",
            by = "{by}",
            replacements = "{replacements}"
        ),
        "nothing": t!("report-js-nothing"),
        "decodedBy": crate::record::DecodedBy::ALL
            .iter()
            .map(|by| (by.as_str().to_string(), by.shown().into()))
            .collect::<serde_json::Map<String, serde_json::Value>>(),
        "noAlt": t!("report-js-no-alt"),
        "image": t!("report-js-image"),
        "body": t!("report-js-body"),
    })
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
    .map(|c| format!("<th>{}</th>", esc(&crate::i18n::field(c))))
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
        esc(&crate::i18n::field("warnings")),
        t("report-prev"),
        t("report-next"),
        t("report-noscript"),
    )
}
