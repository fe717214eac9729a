//! Later parts of multi-page articles, read from the pages stored in the job (its own read-only connection,
//! so extraction can run while the crawl writes). A part that is not stored yet is noted in `missing`: the
//! crawler fetches it and extracts the first part again once it is there. A continuation page is skipped when
//! its first part is in the job's frontier.

use std::sync::Mutex;

use rusqlite::Connection;
use url::Url;

use super::{frontier, pages};
use crate::crawl::scope::Scope;
use crate::pipeline::PartSource;
use crate::source::RawPage;

/// A [`PartSource`] over a job's stored pages.
pub struct JobParts {
    conn: Mutex<Connection>,
    scope: Scope,
    /// Parts asked for but not stored, in the order asked.
    missing: Mutex<Vec<Url>>,
}

impl JobParts {
    pub fn new(conn: Connection, scope: Scope) -> JobParts {
        JobParts {
            conn: Mutex::new(conn),
            scope,
            missing: Mutex::new(Vec::new()),
        }
    }

    fn resolve(&self, page: &RawPage, href: &str) -> Option<Url> {
        let base = page.url.as_ref()?;
        self.scope.canonicalize(&base.join(href.trim()).ok()?)
    }

    /// Take the parts that were asked for but missing since the last call.
    pub fn take_missing(&self) -> Vec<Url> {
        std::mem::take(&mut *self.missing.lock().expect("missing lock"))
    }
}

impl PartSource for JobParts {
    fn part(&self, page: &RawPage, href: &str) -> Option<RawPage> {
        let url = self.resolve(page, href)?;
        let stored = {
            let conn = self.conn.lock().expect("parts connection");
            pages::load(&conn, url.as_str()).ok().flatten()
        };
        match stored {
            Some(p) => Some(p.raw()),
            None => {
                self.missing.lock().expect("missing lock").push(url);
                None
            }
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
