//! Later parts of multi-page articles, read from the pages stored in the job (its own read-only connection,
//! so extraction can run while the crawl writes). A part that is not stored yet is noted in `missing`: the
//! crawler fetches it and extracts the first part again once it is there. A continuation page is skipped when
//! its first part is in the job's frontier. A mirror page without a public URL finds its parts by its `file:`
//! key; a mirror run gives a fallback that reads a part not imported (next to a single file given) from disk.

use std::sync::Mutex;

use rusqlite::Connection;
use url::Url;

use super::{frontier, pages};
use crate::pipeline::PartSource;
use crate::scope::Scope;
use crate::source::RawPage;

/// A [`PartSource`] over a job's stored pages.
pub struct JobParts {
    conn: Mutex<Connection>,
    scope: Scope,
    /// Parts asked for but not stored, in the order asked.
    missing: Mutex<Vec<Url>>,
    /// Where parts not stored are read from instead (a mirror run: the files on disk).
    fallback: Option<Box<dyn PartSource + Send>>,
}

impl JobParts {
    pub fn new(conn: Connection, scope: Scope) -> JobParts {
        JobParts {
            conn: Mutex::new(conn),
            scope,
            missing: Mutex::new(Vec::new()),
            fallback: None,
        }
    }

    /// Read parts that are not stored from `fallback`.
    pub fn with_fallback(mut self, fallback: Option<Box<dyn PartSource + Send>>) -> JobParts {
        self.fallback = fallback;
        self
    }

    fn resolve(&self, page: &RawPage, href: &str) -> Option<Url> {
        let base = match &page.url {
            Some(u) => u.clone(),
            None => Url::from_file_path(page.path.as_ref()?).ok()?,
        };
        locate(&self.scope, &base, href)
    }

    /// Take the parts that were asked for but missing since the last call.
    pub fn take_missing(&self) -> Vec<Url> {
        std::mem::take(&mut *self.missing.lock().expect("missing lock"))
    }
}

/// The job's key for `href` as written on the page keyed `base`: the canonical URL, or for a mirror page without
/// a public URL the `file:` URL (fragment dropped).
pub fn locate(scope: &Scope, base: &Url, href: &str) -> Option<Url> {
    let mut url = base.join(href.trim()).ok()?;
    if url.scheme() == "file" {
        url.set_fragment(None);
        return Some(url);
    }
    scope.canonicalize(&url)
}

impl PartSource for JobParts {
    fn part(&self, page: &RawPage, href: &str) -> Option<RawPage> {
        let from_fallback = || self.fallback.as_ref()?.part(page, href);
        let Some(url) = self.resolve(page, href) else {
            return from_fallback();
        };
        let stored = {
            let conn = self.conn.lock().expect("parts connection");
            pages::load(&conn, url.as_str()).ok().flatten()
        };
        match stored {
            Some(p) => Some(p.raw()),
            None => from_fallback().or_else(|| {
                self.missing.lock().expect("missing lock").push(url);
                None
            }),
        }
    }

    fn has_head(&self, page: &RawPage, head_name: &str) -> bool {
        let Some(url) = self.resolve(page, head_name) else {
            return false;
        };
        let conn = self.conn.lock().expect("parts connection");
        frontier::state_of(&conn, url.as_str())
            .ok()
            .flatten()
            .is_some()
    }
}
