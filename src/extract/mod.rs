//! Extract: parse the decoded page once and find every field on that one DOM — the site's mapping first
//! ([`mapped`]), the generic heuristics ([`generic`]) for anything the mapping omits or misses — recording which
//! rule produced each value ([`Found::rule`], a typed [`Rule`]), then render the chosen body ([`render`]). A
//! page whose tree would outgrow its memory budget is not parsed to the end ([`parse`]): it comes back
//! [`PageKind::Refused`].

pub mod dom;
pub mod generic;
pub mod labels;
pub mod mapped;
pub mod name_words;
pub mod outlinks;
pub mod parse;
pub mod render;
pub mod rule;

use rustc_hash::FxHashSet as HashSet;

use ego_tree::NodeId;
use url::Url;

use crate::mapping::Mapping;
use crate::mapping::kinds::Declared;
use crate::normalize::date::PublishedAt;
use crate::record::{Attachment, Image};
use crate::site::apply as site;
use generic::analysis::Analysis;
pub use generic::classify::NotArticleKind;
use generic::meta::Layout;
pub use rule::Rule;

/// A value and the rule that produced it (`mapping:title`, `generic:label 发布时间`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub rule: Rule,
}

impl<T> Found<T> {
    pub fn new(value: T, rule: Rule) -> Found<T> {
        Found { value, rule }
    }
}

/// The rendered body: cleaned HTML (sanitized later) and paragraph text.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub html: String,
    pub text: String,
}

/// What a page is, as far as export is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PageKind {
    #[default]
    Article,
    /// Not an article: what it looks like (for the site model) and why, in words (for the job store).
    NotArticle {
        kind: NotArticleKind,
        reason: String,
    },
    /// The page cannot be extracted within its budget (the reason says why and what to do): a failed page.
    Refused(String),
}

/// A page after extraction, before normalization.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub title: Option<Found<String>>,
    pub published: Option<Found<PublishedAt>>,
    pub author: Option<Found<String>>,
    pub editor: Option<Found<String>>,
    pub source: Option<Found<String>>,
    pub category: Option<Found<Vec<String>>>,
    pub body: Option<Found<Body>>,
    pub attachments: Vec<Attachment>,
    pub images: Vec<Image>,
    /// Which rule found the attachments and images (`mapping:attachments`, `generic:attachments`, …).
    pub attachments_rule: Option<Rule>,
    pub images_rule: Option<Rule>,
    /// Hrefs (as written) of the later parts of a multi-page article, in order.
    pub later_parts: Vec<String>,
    /// When this page is part N of a multi-page article: the first part's file name.
    pub continuation_of: Option<String>,
    /// `<link rel=canonical>` resolved, when the page names one.
    pub canonical: Option<String>,
    pub kind: PageKind,
    pub warnings: Vec<String>,
    /// What the page tells the site model (first pass, and the second pass's final state).
    pub observation: Option<Box<crate::site::Observation>>,
    /// Lines of the repeated blocks the site model left out of the body.
    pub stripped: Vec<String>,
    /// The page's links for a crawler ([`outlinks`]), when the context asked for them.
    pub links: Vec<outlinks::Link>,
}

/// What extraction needs to know about the page besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub mapping: Option<&'a Mapping>,
    /// The page's URL (or a stand-in built from the base URL) to resolve links against.
    pub base: Option<&'a Url>,
    /// The page's file name (`t20170927_1234.html`), for multi-page detection.
    pub page_name: Option<&'a str>,
    /// The site model's part: none, observing the page (first pass), or its template (second pass).
    pub site: crate::site::SitePass<'a>,
    /// Collect the page's links ([`Extracted::links`]): a crawl follows them.
    pub links: bool,
}

/// Extract every field from a decoded page.
pub fn extract(text: &str, ctx: &Context<'_>) -> Extracted {
    let doc = match parse::document(text) {
        Ok(doc) => doc,
        Err(why) => {
            return Extracted {
                kind: PageKind::Refused(why),
                ..Extracted::default()
            };
        }
    };
    let an = Analysis::new(&doc);
    let base_owned = effective_base(ctx.base, an.base_href.as_deref());
    let base = base_owned.as_ref().or(ctx.base);
    let mut out = Extracted {
        links: page_links(&an, ctx, base),
        ..Extracted::default()
    };
    let mapped = ctx.mapping.map(|m| mapped::extract(&an, m, base));
    if let Some(m) = &mapped {
        out.warnings.extend(m.warnings.iter().cloned());
    }

    let (hint, plan) = match ctx.site.hint() {
        Some((h, p)) => (Some(h), p),
        None => (None, site::Plan::default()),
    };
    let paths = site::Paths::new(&doc);
    let mapped_body = mapped.as_ref().is_some_and(|m| !m.body_roots.is_empty());
    // A mapped container taken whole, or with the text's edges found inside it as without a mapping.
    let whole_container = mapped_body
        && ctx
            .mapping
            .is_some_and(|m| m.body_edges == crate::mapping::BodyEdges::Container);

    // Body container(s).
    let (mut roots, mut body_rule) = match mapped.as_ref().filter(|m| !m.body_roots.is_empty()) {
        Some(m) => (m.body_roots.clone(), Some(Rule::mapping("body"))),
        None => match generic::body::choose(&an) {
            Some(choice) if !choice.rule.is_article_container() => {
                let sections = generic::body::sections(&an, choice.node);
                let card = generic::profile::body_with_card(&an, choice.node)
                    .filter(|_| sections.len() == 1);
                match (card, sections.len()) {
                    (Some(holder), _) => (
                        vec![holder],
                        Some(Rule::generic(
                            "densest block and the person's card beside it",
                        )),
                    ),
                    (None, 1) => (sections, Some(choice.rule)),
                    (None, n) => (
                        sections,
                        Some(Rule::generic(format!(
                            "densest block and {} sibling section(s)",
                            n - 1
                        ))),
                    ),
                }
            }
            Some(choice) => (vec![choice.node], Some(choice.rule)),
            None => (Vec::new(), None),
        },
    };
    // With the text's edges found as without a mapping (a drafted mapping), the generic rules' own container
    // inside the mapped one, holding most of its text, is the body: what the site model keeps too.
    if mapped_body
        && !whole_container
        && let [root] = roots.as_slice()
        && let Some(choice) = generic::body::choose(&an)
        && site::refines(&an, choice.node, *root)
    {
        roots = vec![choice.node];
    }
    // The site model: the template's body container where this page chose another.
    let mut relocated_body = false;
    if let Some(h) = hint
        && plan.body
        && !mapped_body
        && let Some((node, rule)) = site::body_root(&an, h, &roots, &paths)
    {
        roots = vec![node];
        body_rule = Some(rule);
        relocated_body = true;
    }
    // Where the article's text ends (a 相关文章 / 上一篇 heading after most of the prose): everything after it
    // is left out of the body, and metadata rules treat that point as the body's end.
    // Boxes of links inside the body's container (related stories, hot lists): found once, left out of the
    // text and of the search for its end.
    let boxes: Vec<NodeId> = roots
        .iter()
        .flat_map(|r| generic::lists::boxes_inside(&an, *r))
        .collect();
    let text_end = match roots.as_slice() {
        [root] if !whole_container => generic::body::text_end(&an, *root, &boxes),
        _ => None,
    };
    let cut = text_end.as_ref().map(generic::body::TextEnd::order);
    let full_range = span_of(&an, &roots);
    let body_range = match (full_range, cut) {
        (Some((start, _)), Some(c)) if c > start => Some((start, c - 1)),
        _ => full_range,
    };
    // Notes at the text's edges (责任编辑 lines, reprint notices, disclaimers) leave the body; the metadata rules
    // then read them as the lines after the body.
    let body_range = match body_range {
        Some((start, end)) if !whole_container => Some(generic::body::trim_edges(&an, start, end)),
        other => other,
    };
    if tracing::enabled!(tracing::Level::DEBUG)
        && let Some(body_rule) = &body_rule
    {
        for r in &roots {
            if let Some(el) = an.doc.tree.get(*r).and_then(scraper::ElementRef::wrap) {
                tracing::debug!(
                    "body container <{} class={:?} id={:?}> by {body_rule}, score {:?}",
                    el.value().name(),
                    el.value().attr("class"),
                    el.value().attr("id"),
                    an.stats.get(r).map(|s| s.score)
                );
            }
        }
    }
    // The body is a container that CMS families use only for the article: headings inside it are its own.
    let article_container = full_range
        .filter(|_| body_rule.as_ref().is_some_and(Rule::is_article_container) || relocated_body);
    let crumb = generic::breadcrumb::find(&an);
    let column = crumb
        .as_ref()
        .and_then(|c| c.items.last())
        .map(String::as_str);
    let mapped_title = mapped.as_ref().is_some_and(|m| m.title.is_some());
    let (mut title, mut title_node) = match mapped
        .as_ref()
        .and_then(|m| m.title.clone().map(|t| (t, m.title_node)))
    {
        Some((t, node)) => (Some(t), node),
        None => match generic::title::find(
            &an,
            body_range,
            crumb.as_ref().map_or(&[][..], |c| &c.items[..]),
            article_container,
        ) {
            Some(t) => (Some(Found::new(t.text, t.rule)), t.node),
            None => (None, None),
        },
    };
    if let Some(h) = hint
        && plan.title
        && !mapped_title
        && let Some((t, node)) = site::title(&an, h, title.as_ref(), title_node, column, &paths)
    {
        title = Some(t);
        title_node = Some(node);
    }
    let layout = Layout {
        title_order: title_node
            .and_then(|n| an.doc.tree.get(n))
            .and_then(|n| an.order_span(n))
            .map(|s| s.0),
        body: body_range,
        container_end: full_range.map(|(_, end)| end),
    };
    let mut meta = generic::meta::find(&an, layout, base.map(|b| b.as_str()));
    if let Some(generic::body::TextEnd::Line(end)) = &text_end {
        meta.take_closing_lines(&end.lines);
    }
    let meta_location = match ctx.site {
        site::SitePass::Off => 0,
        _ => site::meta_location(&an, &meta.info_nodes),
    };

    // Fields: mapping first, generic fallback.
    let m = mapped.as_ref();
    out.title = title;
    out.published = m.and_then(|m| m.published.clone()).or(meta.published);
    out.author = m.and_then(|m| m.author.clone()).or(meta.author);
    out.editor = m.and_then(|m| m.editor.clone()).or(meta.editor);
    out.source = m.and_then(|m| m.source.clone()).or(meta.source);
    let mut category_node = m
        .and_then(|m| m.category_node)
        .or(crumb.as_ref().map(|c| c.node));
    out.category = m
        .and_then(|m| m.category.clone())
        .or(crumb.map(|c| Found::new(c.items, c.rule)));
    // Credits (author, editor, source) from a mapping, and the line each of the others was read from.
    let mapped_credits = [
        m.is_some_and(|m| m.author.is_some()),
        m.is_some_and(|m| m.editor.is_some()),
        m.is_some_and(|m| m.source.is_some()),
    ];
    let mut credit_nodes = meta.credit_nodes;
    for (node, mapped) in credit_nodes.iter_mut().zip(mapped_credits) {
        if mapped {
            *node = None;
        }
    }
    // The site model: credits from the element where the template keeps them, missing or guessed metadata from
    // the template's metadata line, a missing breadcrumb from the template's.
    let mut model_meta_line = None;
    if let Some(h) = hint {
        if plan.credits {
            let own = credit_nodes.map(|n| site::location_of(&an, n));
            let taken = site::credits(&an, h, &own, mapped_credits, &paths, &mut out);
            for (node, taken) in credit_nodes.iter_mut().zip(taken) {
                if taken.is_some() {
                    *node = taken;
                }
            }
        }
        if plan.meta
            && site::meta_open(&out)
            && let Some(line) = site::meta_line(h, meta_location, &paths)
        {
            site::fill_meta(&an, h, line, &mut out);
            model_meta_line = Some(line);
        }
        if plan.breadcrumb
            && out.category.is_none()
            && let Some((crumb, node)) = site::breadcrumb(&an, h, &paths)
        {
            out.category = Some(crumb);
            category_node = Some(node);
        }
    }

    // What the body leaves out.
    let mut exclude: HashSet<NodeId> = HashSet::default();
    exclude.extend(title_node);
    // The headline repeated inside the body's container (an `<h1>` in the article header), whole or without its
    // bracketed parts, is not body text.
    if let (Some(t), Some((start, end))) = (out.title.as_ref(), full_range) {
        let shortened = generic::title::without_brackets(&t.value);
        exclude.extend(
            an.blocks_in(start, end)
                .iter()
                .filter(|b| {
                    b.line == t.value
                        || shortened
                            .as_deref()
                            .is_some_and(|s| generic::title::same_letters(&b.line, s))
                })
                .map(|b| b.node),
        );
    }
    exclude.extend(category_node);
    exclude.extend(model_meta_line);
    exclude.extend(meta.info_nodes.iter().copied());
    exclude.extend(m.and_then(|m| m.meta_node));
    if let Some(m) = m {
        exclude.extend(m.removed.iter().copied());
    }
    if let Some(generic::body::TextEnd::Line(end)) = &text_end {
        exclude.extend(end.nodes.iter().copied());
    }
    if let (Some(c), Some((_, end))) = (cut, full_range) {
        exclude.extend(an.blocks_in(c, end).iter().map(|b| b.node));
    }
    if let (Some((start, end)), Some((full_start, full_end))) = (body_range, full_range) {
        exclude.extend(an.blocks_in(end + 1, full_end).iter().map(|b| b.node));
        if start > full_start {
            exclude.extend(an.blocks_in(full_start, start - 1).iter().map(|b| b.node));
        }
    }
    exclude.extend(boxes.iter().copied());
    generic::body::prune(&an, &roots, &mut exclude);
    // The site model: the template's repeated blocks leave the body.
    // (Every page extracted again gets this and the kind rule: a relocated headline or body can bring chrome to
    // the body's edge, or leave a page with no text.)
    if let Some(h) = hint
        && !whole_container
    {
        out.stripped = site::strip(&an, h, plan, &roots, &mut exclude);
        if !out.stripped.is_empty()
            && !relocated_body
            && let Some(rule) = &body_rule
        {
            let detail = format!(
                "body: {} repeated block(s) left out of {rule}",
                out.stripped.len()
            );
            body_rule = Some(Rule::site_model(&h.id, detail));
        }
    }
    let rendered = render::render(&doc, &roots, &exclude, base);

    // Attachments and images.
    (out.attachments_rule, out.attachments) = match m.and_then(|m| m.attachments.clone()) {
        Some(list) => (Some(Rule::mapping("attachments")), list),
        None => {
            let list = match body_range {
                Some((start, end)) => {
                    let until = attachment_region_end(&an, end);
                    let mut list = generic::links::attachments_in(&an, start, until, base);
                    generic::links::embedded_documents(&an, &roots, base, &mut list);
                    list
                }
                None => Vec::new(),
            };
            (Some(Rule::generic("attachments")), list)
        }
    };
    (out.images_rule, out.images) = match m.and_then(|m| m.images.clone()) {
        Some(list) => (Some(Rule::mapping("images")), list),
        None => (Some(Rule::generic("images")), rendered.images),
    };

    if let Some(name) = ctx.page_name {
        out.continuation_of = generic::links::continuation_of(&an, name);
        let part = out
            .continuation_of
            .as_ref()
            .and_then(|_| generic::links::split_part_name(name).map(|(_, n, _)| n));
        out.later_parts = generic::links::later_parts(&an, name, part);
    }
    out.canonical = an
        .canonical
        .as_deref()
        .map(|c| crate::normalize::url::resolve(base, c))
        .filter(|c| c.starts_with("http"));

    let has_labelled_date = out.published.as_ref().is_some_and(|p| p.rule.is_labelled());
    // The page's own headline with a date shown as the page's (labelled, or in the info line by the headline),
    // not one guessed from a signature or the URL.
    let has_dated_header = title_node.is_some()
        && (has_labelled_date
            || out
                .published
                .as_ref()
                .is_some_and(|p| p.rule.is_info_line()));
    let evidence = generic::classify::Evidence {
        body_text: &rendered.text,
        body_node: roots.first().copied(),
        attachments: out.attachments.len(),
        images: out.images.len(),
        has_labelled_date,
        has_dated_header,
        has_headline: title_node.is_some(),
        article_container: body_rule.as_ref().is_some_and(Rule::is_article_container),
    };
    let declared = ctx.mapping.and_then(|m| {
        let url = ctx.base.map(Url::as_str).or(ctx.page_name);
        m.kinds.declare(url, &doc)
    });
    let is_declared = declared.is_some();
    // The list that made the page a list page: the template's place for the site model (a list's own
    // container, not the sidebar block that won the body's search on a page of links).
    let mut list_node = None;
    out.kind = match declared {
        Some(Declared::Article(_)) => PageKind::Article,
        Some(Declared::NotArticle(reason)) => PageKind::NotArticle {
            kind: NotArticleKind::Other,
            reason,
        },
        None => match generic::classify::not_article(&an, &evidence) {
            // A mapping's body must not lose a page the run without the mapping keeps: judge the page again
            // on the generic body before skipping it.
            Some(_) if mapped_body && generic_keeps(&an, &evidence) => PageKind::Article,
            Some(skip) => {
                list_node = skip.list;
                PageKind::NotArticle {
                    kind: skip.kind,
                    reason: skip.reason,
                }
            }
            // Nor keep one that run skips when the mapped body holds nothing (no text once the headline and
            // the metadata are out of it, no image, no document): a hub's 来源/发稿时间 line over its links.
            // That run's verdict then stands (the page is extracted again without the mapping: rare).
            None if mapped_body
                && rendered.text.trim().is_empty()
                && out.images.is_empty()
                && out.attachments.is_empty() =>
            {
                let plain = Context {
                    mapping: None,
                    site: site::SitePass::Off,
                    links: false,
                    ..*ctx
                };
                match extract(text, &plain).kind {
                    kind @ PageKind::NotArticle { .. } => kind,
                    _ => PageKind::Article,
                }
            }
            None => PageKind::Article,
        },
    };
    let observed_kind = site::observed_kind(&out.kind, has_dated_header, is_declared);
    if let Some(h) = hint {
        let body = match roots.as_slice() {
            [root] => site::location_of(&an, Some(*root)),
            _ => 0,
        };
        site::kind(h, observed_kind, body, &mut out);
    }
    if let Some(rule) = body_rule.filter(|_| !roots.is_empty()) {
        out.body = Some(Found::new(
            Body {
                html: rendered.html,
                text: rendered.text,
            },
            rule,
        ));
    }
    if !matches!(ctx.site, site::SitePass::Off) {
        let mut mapped_bits = 0u8;
        for (field, is) in [
            ("title", mapped_title),
            ("meta", m.is_some_and(|m| m.meta_node.is_some())),
            ("body", mapped_body),
            ("breadcrumb", m.is_some_and(|m| m.category.is_some())),
            ("author", mapped_credits[0]),
            ("editor", mapped_credits[1]),
            ("source", mapped_credits[2]),
        ] {
            if is {
                mapped_bits |= 1 << crate::site::signature::located(field);
            }
        }
        let decided = site::Decided {
            doc: &doc,
            roots: &roots,
            exclude: &exclude,
            title_node,
            meta_location,
            category_node,
            credit_nodes,
            list: list_node,
            mapped: mapped_bits,
            kind: observed_kind,
        };
        out.observation = Some(Box::new(site::observe(&an, &decided, &out)));
    }
    out
}

/// Whether the generic rules keep the page as an article when they choose its body themselves (the mapped
/// body's evidence said "not an article").
fn generic_keeps(an: &Analysis<'_>, mapped: &generic::classify::Evidence<'_>) -> bool {
    let Some(choice) = generic::body::choose(an) else {
        return false;
    };
    let text = an
        .doc
        .tree
        .get(choice.node)
        .map(crate::extract::dom::spaced_text)
        .unwrap_or_default();
    let evidence = generic::classify::Evidence {
        body_text: &text,
        body_node: Some(choice.node),
        article_container: choice.rule.is_article_container(),
        ..*mapped
    };
    generic::classify::not_article(an, &evidence).is_none()
}

/// Only the links of a decoded page (a crawl's list page, which is followed but not extracted): one parse.
pub fn links(text: &str, page: &Url) -> Vec<outlinks::Link> {
    let Ok(doc) = parse::document(text) else {
        return Vec::new();
    };
    let an = Analysis::new(&doc);
    let base = effective_base(Some(page), an.base_href.as_deref());
    outlinks::page_links(&an, page, base.as_ref().unwrap_or(page))
}

/// The page's links when the context asks for them and the page has a URL.
fn page_links(an: &Analysis<'_>, ctx: &Context<'_>, base: Option<&Url>) -> Vec<outlinks::Link> {
    match (ctx.links, ctx.base, base) {
        (true, Some(page), Some(base)) => outlinks::page_links(an, page, base),
        _ => Vec::new(),
    }
}

/// The page URL adjusted by `<base href>`, if the page has one.
fn effective_base(page: Option<&Url>, base_href: Option<&str>) -> Option<Url> {
    let href = base_href?.trim();
    match page {
        Some(p) => p.join(href).ok(),
        None => Url::parse(href).ok(),
    }
}

/// First and last block order covered by the given roots.
fn span_of(an: &Analysis<'_>, roots: &[NodeId]) -> Option<(usize, usize)> {
    roots
        .iter()
        .filter_map(|r| an.stats.get(r))
        .fold(None, |acc: Option<(usize, usize)>, s| match acc {
            None => Some((s.first_order, s.last_order)),
            Some((a, b)) => Some((a.min(s.first_order), b.max(s.last_order))),
        })
}

/// Attachment lists often sit right after the body (`div.article-attach`): look up to a dozen blocks further,
/// stopping at page chrome (footer, navigation) or boilerplate.
fn attachment_region_end(an: &Analysis<'_>, body_end: usize) -> usize {
    let mut end = body_end;
    for block in an.blocks.iter().filter(|b| b.order > body_end).take(12) {
        if block.chrome || generic::analysis::is_boilerplate(&block.line) {
            break;
        }
        end = block.order;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labelled rule, for the classifier (a page's own dated header) and for the site model (which fields
    /// its metadata line may still fill, where its own values count as labelled too).
    #[test]
    fn labelled_rules_are_labels_mappings_and_patterns() {
        let found = |rule: &Rule| Some(Found::new(String::new(), rule.clone()));
        for (rule, labelled) in [
            (Rule::generic_label("发布时间"), true),
            (Rule::mapping("published"), true),
            (Rule::mapping_label("作者"), true),
            (Rule::pattern("published"), true),
            (Rule::generic("signature date"), false),
            (Rule::generic("meta article:published_time"), false),
            (Rule::generic("date in URL"), false),
            (Rule::info_line("date in info line"), false),
            // Words that only look like a label's are no label.
            (Rule::generic("meta labelled_date"), false),
            (Rule::site_model("t3", "title"), false),
            (Rule::site_model_label("t3", "时间"), false),
        ] {
            assert_eq!(rule.is_labelled(), labelled, "{rule}");
            let out = Extracted {
                author: found(&rule),
                editor: found(&rule),
                source: found(&rule),
                published: Some(Found::new(
                    crate::normalize::date::parse_date("2020-01-02").unwrap(),
                    rule.clone(),
                )),
                ..Extracted::default()
            };
            let model_labelled = labelled || matches!(rule.family, rule::Family::SiteModel { .. });
            assert_eq!(site::meta_open(&out), !model_labelled, "{rule}");
        }
        assert!(site::meta_open(&Extracted::default()));
    }
}
