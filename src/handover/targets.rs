//! What a link in a body points at once the site has moved: a migrated page (its new path), a downloaded
//! attachment (its new path), something else on the migrated site that did not come along (kept and listed as
//! unresolved), or the outside world (kept as is). Links are compared by [`canonical::key`].

use std::collections::{HashMap, HashSet};

use super::canonical;

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A migrated page, at this new path (fragment kept).
    Page(String),
    /// A downloaded attachment, at this new path.
    Attachment(String),
    /// On a migrated host, but neither a migrated page nor a downloaded attachment.
    Unresolved,
    /// Another site, `mailto:`, a relative link: left alone.
    External,
}

/// The migrated pages and attachments, by canonical key.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    pub pages: HashMap<String, String>,
    pub attachments: HashMap<String, String>,
    /// Hosts the migrated pages came from (`host` or `host:port`).
    pub hosts: HashSet<String>,
}

impl Targets {
    /// Classify an absolute link.
    pub fn resolve(&self, href: &str) -> Target {
        let (base, fragment) = match href.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (href, None),
        };
        let Some(key) = canonical::key(base) else {
            return Target::External;
        };
        if let Some(new) = self.pages.get(&key) {
            return Target::Page(match fragment.filter(|f| !f.is_empty()) {
                Some(f) => format!("{new}#{f}"),
                None => new.clone(),
            });
        }
        if let Some(new) = self.attachments.get(&key) {
            return Target::Attachment(new.clone());
        }
        match canonical::host(base) {
            Some(h) if self.hosts.contains(&h) => Target::Unresolved,
            _ => Target::External,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_by_kind() {
        let mut t = Targets::default();
        t.pages
            .insert("www.a.cn/xwzx/t1.html".into(), "/articles/1".into());
        t.attachments
            .insert("www.a.cn/fj/a.doc".into(), "/files/x-a.doc".into());
        t.hosts.insert("www.a.cn".into());
        assert_eq!(
            t.resolve("https://www.a.cn/xwzx/t1.html#p2"),
            Target::Page("/articles/1#p2".into())
        );
        assert_eq!(
            t.resolve("http://www.a.cn/fj/a.doc"),
            Target::Attachment("/files/x-a.doc".into())
        );
        assert_eq!(t.resolve("http://www.a.cn/xwzx/"), Target::Unresolved);
        assert_eq!(t.resolve("http://www.gov.cn/"), Target::External);
        assert_eq!(t.resolve("mailto:x@a.cn"), Target::External);
    }
}
