//! Consistent page kinds per template. A template whose pages are nearly all articles is an article template,
//! and it keeps the pages the generic classifier found too short on their own (a notice of two lines, a page
//! whose text is an attachment); a template whose pages are nearly all lists is a list template, and a page of
//! it that looked like an article only on weak evidence (no headline with a date of its own) while its main
//! block sits where its siblings' lists sit is a list too — a single-article column rendered in a list
//! template puts its text in another container and stays an article. A page the classifier found to be a list
//! (positive evidence: a run of similar linked items) stays a list in an article template (a topic hub laid out
//! as an article), and pages skipped for other reasons (login forms, framesets, a mapping's declarations) are
//! never changed.

use serde::Serialize;

use super::signature::ObservedKind;

/// A template's pages must agree on their kind this much before the odd ones are changed: four in five, so a
/// template with a handful of pages needs all but one of them.
pub const KIND_MAJORITY: f32 = 0.8;

/// How many of a template's pages the generic classifier put in each kind.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct KindCounts {
    pub articles: u32,
    pub dated_articles: u32,
    pub lists: u32,
    pub empty: u32,
    pub other: u32,
}

impl KindCounts {
    pub fn add(&mut self, kind: ObservedKind) {
        match kind {
            ObservedKind::DatedArticle => {
                self.articles += 1;
                self.dated_articles += 1;
            }
            ObservedKind::Article => self.articles += 1,
            ObservedKind::List => self.lists += 1,
            ObservedKind::Empty => self.empty += 1,
            ObservedKind::Other => self.other += 1,
        }
    }

    pub(super) fn total(&self) -> u32 {
        self.articles + self.lists + self.empty + self.other
    }

    /// The template's kind, when a clear majority of its pages share it.
    pub fn consensus(&self) -> Option<TemplateKind> {
        let total = self.total() as f32;
        if total == 0.0 {
            return None;
        }
        if self.articles as f32 >= KIND_MAJORITY * total {
            Some(TemplateKind::Article)
        } else if self.lists as f32 >= KIND_MAJORITY * total {
            Some(TemplateKind::List)
        } else {
            None
        }
    }
}

/// What a template's pages are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    Article,
    List,
}

impl TemplateKind {
    pub fn name(self) -> &'static str {
        match self {
            TemplateKind::Article => "article",
            TemplateKind::List => "list",
        }
    }
}

/// What the model does to a page's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindChange {
    /// Keep a page the classifier skipped (too short, list-like) as an article.
    ToArticle,
    /// Skip a page exported on weak evidence as a list.
    ToList,
}

/// The change the template's kind makes to a page the classifier judged `own`, if any; `at_list_place`: the
/// page's main block is where the template's pages have theirs.
pub fn change(
    template: Option<TemplateKind>,
    own: ObservedKind,
    at_list_place: bool,
) -> Option<KindChange> {
    match (template?, own) {
        (TemplateKind::Article, ObservedKind::Empty) => Some(KindChange::ToArticle),
        (TemplateKind::List, ObservedKind::Article) if at_list_place => Some(KindChange::ToList),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(kinds: &[ObservedKind]) -> KindCounts {
        let mut c = KindCounts::default();
        for k in kinds {
            c.add(*k);
        }
        c
    }

    #[test]
    fn a_clear_majority_decides_and_strong_evidence_is_kept() {
        use ObservedKind::*;
        let articles = counts(&[Article, DatedArticle, DatedArticle, Article, Empty]);
        assert_eq!(articles.consensus(), Some(TemplateKind::Article));
        assert_eq!(
            change(articles.consensus(), Empty, true),
            Some(KindChange::ToArticle)
        );
        assert_eq!(change(articles.consensus(), List, true), None);
        assert_eq!(change(articles.consensus(), Other, true), None);
        let lists = counts(&[List, List, List, List, DatedArticle, Article]);
        assert_eq!(lists.consensus(), None, "4 of 6 is no clear majority");
        let lists = counts(&[
            List,
            List,
            List,
            List,
            List,
            List,
            List,
            List,
            Article,
            DatedArticle,
        ]);
        assert_eq!(
            change(lists.consensus(), Article, true),
            Some(KindChange::ToList)
        );
        assert_eq!(change(lists.consensus(), Article, false), None);
        assert_eq!(change(lists.consensus(), DatedArticle, true), None);
    }
}
