//! The rule that produced a value, as a type: its family (a mapping's selector, a mapping's pattern, the
//! generic heuristics, the site model with its template) and what the consumers of a value ask about it — was
//! it read after a label (and which), is it the date of the info line, is the body a CMS article container —
//! as data, with the rule's detail kept as text for people. [`Rule`]'s `Display` is the provenance text that
//! records, summaries, reports and debug lines show (`generic:label 发布时间`, `site-model:t3 title`); the
//! record keeps it as a [`crate::record::Rule`], converted from the type (`From<Rule>`), never parsed back.

use std::fmt;

/// Which family of rules produced a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Family {
    /// A mapping's selector (or the labels of its meta block).
    Mapping,
    /// A mapping's pattern.
    Pattern,
    /// The generic heuristics.
    Generic,
    /// The site model, from the template with this id (`t3`).
    SiteModel { template: String },
}

impl Family {
    fn site_model(template: &str) -> Family {
        Family::SiteModel {
            template: template.to_string(),
        }
    }

    /// The family as provenance names it (`mapping`, `pattern`, `generic`, `site-model`).
    pub fn name(&self) -> &'static str {
        match self {
            Family::Mapping => "mapping",
            Family::Pattern => "pattern",
            Family::Generic => "generic",
            Family::SiteModel { .. } => crate::site::PROVENANCE,
        }
    }
}

/// What the rule read, where a consumer needs more than the family.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Reading {
    /// A value written after a label (`发布时间：…`, `责任编辑：…`): the label as written.
    Label(String),
    /// A date shown, without a label, in the info line by the headline.
    InfoLine,
    /// A body container that CMS families use only for the article (`.TRS_Editor`).
    ArticleContainer,
    /// Anything else: a selector, a `<meta>` tag, a signature, the URL, the densest block, …
    #[default]
    Other,
}

/// The rule that produced a value ([`super::Found::rule`]): family, reading and detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub family: Family,
    pub reading: Reading,
    /// Which rule of the family, for people (`label 发布时间`, `headline <h1>`); for the site model without the
    /// template's id, which [`Family::SiteModel`] holds.
    pub detail: String,
}

impl Rule {
    fn new(family: Family, reading: Reading, detail: impl Into<String>) -> Rule {
        Rule {
            family,
            reading,
            detail: detail.into(),
        }
    }

    /// A value written after `label`, the detail `{word} {label}`.
    fn after_label(family: Family, word: &str, label: &str) -> Rule {
        let detail = format!("{word} {label}");
        Rule::new(family, Reading::Label(label.to_string()), detail)
    }

    /// A mapping's selector: `mapping:title`.
    pub fn mapping(detail: impl Into<String>) -> Rule {
        Rule::new(Family::Mapping, Reading::Other, detail)
    }

    /// A label of the mapping's meta block: `mapping:meta 作者`.
    pub fn mapping_label(label: &str) -> Rule {
        Rule::after_label(Family::Mapping, "meta", label)
    }

    /// A mapping's pattern: `pattern:published`.
    pub fn pattern(detail: impl Into<String>) -> Rule {
        Rule::new(Family::Pattern, Reading::Other, detail)
    }

    /// A generic heuristic that reads nothing the consumers ask about: `generic:densest block`.
    pub fn generic(detail: impl Into<String>) -> Rule {
        Rule::new(Family::Generic, Reading::Other, detail)
    }

    /// A generic value written after a label: `generic:label 发布时间`.
    pub fn generic_label(label: &str) -> Rule {
        Rule::after_label(Family::Generic, "label", label)
    }

    /// A generic date from the info line: `generic:date in info line`.
    pub fn info_line(detail: impl Into<String>) -> Rule {
        Rule::new(Family::Generic, Reading::InfoLine, detail)
    }

    /// A generic body from a CMS article container: `generic:container .TRS_Editor`.
    pub fn article_container(marker: &str) -> Rule {
        Rule::new(
            Family::Generic,
            Reading::ArticleContainer,
            format!("container .{marker}"),
        )
    }

    /// The site model's template `template`: `site-model:t3 title`.
    pub fn site_model(template: &str, detail: impl Into<String>) -> Rule {
        Rule::new(Family::site_model(template), Reading::Other, detail)
    }

    /// A label of the template's metadata line: `site-model:t3 meta 时间`.
    pub fn site_model_label(template: &str, label: &str) -> Rule {
        Rule::after_label(Family::site_model(template), "meta", label)
    }

    /// A credit read from the element where the template keeps it: `site-model:t1 editor 编辑`.
    pub fn site_model_credit(template: &str, field: &str, label: &str) -> Rule {
        Rule::after_label(Family::site_model(template), field, label)
    }

    /// The label the value was read after, if any.
    pub fn label(&self) -> Option<&str> {
        match &self.reading {
            Reading::Label(label) => Some(label),
            _ => None,
        }
    }

    /// Whether the page states the value: read from a label, a mapping or a mapping's pattern, as opposed to a
    /// guess from a signature, a `<meta>` tag or the URL. The site model's values are not (they count as
    /// labelled for the model only: [`Rule::settled_for_model`]).
    pub fn is_labelled(&self) -> bool {
        match self.family {
            Family::Mapping | Family::Pattern => true,
            Family::Generic => matches!(self.reading, Reading::Label(_)),
            Family::SiteModel { .. } => false,
        }
    }

    /// Whether the site model leaves the value alone: labelled ([`Rule::is_labelled`]) or the model's own.
    pub fn settled_for_model(&self) -> bool {
        self.is_labelled() || matches!(self.family, Family::SiteModel { .. })
    }

    /// Whether the value is a date shown in the info line by the headline.
    pub fn is_info_line(&self) -> bool {
        self.reading == Reading::InfoLine
    }

    /// Whether the body is a container CMS families use only for the article.
    pub fn is_article_container(&self) -> bool {
        self.reading == Reading::ArticleContainer
    }
}

/// The record's form of the rule: the family's name and the detail (the template's id first for the site
/// model), which print as the rule does.
impl From<Rule> for crate::record::Rule {
    fn from(rule: Rule) -> crate::record::Rule {
        crate::record::Rule {
            family: rule.family.name().to_string(),
            detail: Some(rule.shown_detail().into_owned()),
        }
    }
}

impl Rule {
    /// The detail as provenance shows it: the site model's template id first (`t3 title`).
    fn shown_detail(&self) -> std::borrow::Cow<'_, str> {
        match &self.family {
            Family::SiteModel { template } => format!("{template} {}", self.detail).into(),
            _ => self.detail.as_str().into(),
        }
    }
}

/// The provenance text: `family:detail`, the site model's template id first in its detail.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.family.name(), self.shown_detail())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each constructor prints the provenance text the string rules had, and the record's form prints the same.
    #[test]
    fn rules_print_their_provenance_text() {
        for (rule, text) in [
            (Rule::mapping("title"), "mapping:title"),
            (Rule::mapping_label("作者"), "mapping:meta 作者"),
            (Rule::pattern("published"), "pattern:published"),
            (Rule::generic("densest block"), "generic:densest block"),
            (Rule::generic_label("发布时间"), "generic:label 发布时间"),
            (
                Rule::info_line("date in info line"),
                "generic:date in info line",
            ),
            (
                Rule::article_container("TRS_Editor"),
                "generic:container .TRS_Editor",
            ),
            (Rule::site_model("t3", "title"), "site-model:t3 title"),
            (
                Rule::site_model_label("t3", "时间"),
                "site-model:t3 meta 时间",
            ),
        ] {
            assert_eq!(rule.to_string(), text);
            let record = crate::record::Rule::from(rule.clone());
            assert_eq!(record.to_string(), text);
            assert_eq!(record, crate::record::Rule::from(text));
        }
    }
}
