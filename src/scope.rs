//! Scope: which URLs a crawl may fetch, and in what canonical form. Every discovered link goes through
//! [`Scope::canonicalize`] (fragment dropped, `..` resolved, default port removed, session parameters
//! stripped) and [`Scope::classify`] (allowed host, exclude / article / follow patterns, file types that are
//! never pages), so one page has one URL in the job and out-of-scope links are decided before any request.
//! It sits below the crawler and the job store alike (the store keeps canonical URLs and re-decides scope when
//! pages are extracted again), so the store never reaches up into the crawler.

use regex::Regex;
use url::Url;

use crate::href::is_attachment_href;
use crate::outcome::Shape;

/// What a crawl does with a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Fetch it, as this kind of page.
    Fetch(PageKind),
    /// Do not fetch it, and record why (out of scope in a way worth reporting).
    Skip(Dropped),
    /// Do not fetch it and say nothing (links the patterns do not name, images, scripts…).
    Ignore,
}

/// The scope rule that dropped a URL: `status` counts dropped URLs by rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeRule {
    /// Its host is not a start URL's (nor in `crawl.allowed_hosts`).
    OtherHost,
    /// It matches an exclude pattern (`--exclude` or `crawl.exclude`).
    Exclude,
    /// Include patterns are set (`--include` or `crawl.include`) and it matches none.
    NotIncluded,
    /// It is above its start URL's folder (`--no-parent` or `crawl.no_parent`).
    Parent,
}

impl ScopeRule {
    pub const ALL: [ScopeRule; 4] = [
        ScopeRule::OtherHost,
        ScopeRule::Exclude,
        ScopeRule::NotIncluded,
        ScopeRule::Parent,
    ];

    /// The words the stored reason starts with (what `status` groups by), and the rule's name in `--json`.
    pub fn label(self) -> &'static str {
        match self {
            ScopeRule::OtherHost => "out of scope",
            ScopeRule::Exclude => "excluded",
            ScopeRule::NotIncluded => "not included",
            ScopeRule::Parent => "above the start folder",
        }
    }

    /// The message naming the rule for a person (`status`, the summary's and the report's group headings).
    pub fn message_id(self) -> &'static str {
        match self {
            ScopeRule::OtherHost => "scope-other-host",
            ScopeRule::Exclude => "scope-exclude",
            ScopeRule::NotIncluded => "scope-not-included",
            ScopeRule::Parent => "scope-parent",
        }
    }

    /// The rule's name in the interface language (`label` stays the stored and JSON text).
    pub fn localized(self) -> String {
        crate::t!(self.message_id())
    }

    /// The rule a stored skip reason names, if it is a scope rule.
    pub fn of_reason(reason: &str) -> Option<ScopeRule> {
        ScopeRule::ALL
            .into_iter()
            .find(|r| reason.starts_with(r.label()))
    }
}

/// A URL the scope dropped: the rule and the detail (`host other.cn is not …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub rule: ScopeRule,
    pub detail: String,
}

impl Dropped {
    /// The reason stored in the job: the rule's label, `: `, the detail.
    pub fn reason(&self) -> String {
        format!("{}: {}", self.rule.label(), self.detail)
    }
}

/// The reasons [`Scope::classify`] stores ([`Dropped::reason`]: the rule's label, then the detail), said in
/// the interface language by [`crate::outcome::localized`] (`status`, the summary, the report); a unit test
/// keeps them the words `classify` writes.
pub(crate) const SHAPES: &[Shape] = &[OTHER_HOST, EXCLUDED, NOT_INCLUDED, PARENT];
/// A host that is no start URL's (the host).
const OTHER_HOST: Shape = Shape {
    id: "reason-scope-other-host",
    pieces: &[
        "out of scope: host ",
        " is not a start URL's host (nor in crawl.allowed_hosts)",
    ],
    args: &["host"],
};
/// An exclude pattern matched (where it was given, the pattern).
const EXCLUDED: Shape = Shape {
    id: "reason-scope-excluded",
    pieces: &["excluded: matches ", " ", ""],
    args: &["from", "pattern"],
};
/// No include pattern matched (where the first was given).
const NOT_INCLUDED: Shape = Shape {
    id: "reason-scope-not-included",
    pieces: &["not included: matches no ", " pattern"],
    args: &["from"],
};
/// Above the start URLs' folders.
const PARENT: Shape = Shape {
    id: "reason-scope-parent",
    pieces: &["above the start folder: --no-parent keeps the crawl under the start URLs' folders"],
    args: &[],
};

/// How a page in the frontier is treated once fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A start URL or a page matching `crawl.follow`: links are followed, no record is exported.
    List,
    /// A page matching `crawl.article`: exported (and its links followed).
    Article,
    /// No patterns: links are followed and the generic extractor decides whether it is an article.
    Page,
    /// A later part of a multi-page article, fetched so the first part can merge it.
    Part,
}

impl PageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::List => "list",
            PageKind::Article => "article",
            PageKind::Page => "page",
            PageKind::Part => "part",
        }
    }

    pub fn parse(s: &str) -> PageKind {
        match s {
            "list" => PageKind::List,
            "article" => PageKind::Article,
            "part" => PageKind::Part,
            _ => PageKind::Page,
        }
    }
}

/// Extensions of files that are never HTML pages (attachments are handled by [`is_attachment_href`]).
const NOT_PAGES: [&str; 24] = [
    "jpg", "jpeg", "png", "gif", "bmp", "ico", "svg", "webp", "tif", "tiff", "css", "js", "swf",
    "flv", "mp3", "mp4", "avi", "wmv", "wav", "exe", "msi", "iso", "gz", "tgz",
];

/// The crawl's scope rules.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Lower-case host names (`host` or `host:port`), `*.suffix` for subdomains.
    pub allowed_hosts: Vec<String>,
    pub follow: Vec<Regex>,
    pub article: Vec<Regex>,
    /// URLs matching one of these are never fetched (the mapping's `crawl.exclude`, then `--exclude`).
    pub exclude: Vec<Pattern>,
    /// When not empty, only URLs matching one of these are fetched (start URLs always are).
    pub include: Vec<Pattern>,
    /// `--no-parent`: only URLs under a start URL's folder on its host ([`Scope::set_roots`]).
    pub no_parent: bool,
    /// Start URLs' folders (`http://host/news/`), filled by [`Scope::set_roots`] once the start URLs are known.
    pub roots: Vec<Url>,
    /// Lower-case names of parameters removed from URLs.
    pub session_params: Vec<String>,
}

/// A URL pattern with where it came from, so a skip names the flag or key that dropped the URL.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub regex: Regex,
    /// `--exclude`, `crawl.exclude`, …
    pub from: &'static str,
}

impl Pattern {
    pub fn new(regex: Regex, from: &'static str) -> Pattern {
        Pattern { regex, from }
    }
}

impl Scope {
    /// Remember the start URLs' folders for `--no-parent`.
    pub fn set_roots(&mut self, starts: &[Url]) {
        self.roots = starts
            .iter()
            .map(|u| {
                let mut root = u.clone();
                root.set_query(None);
                root.set_fragment(None);
                let path = root.path();
                let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
                let folder = if folder.is_empty() { "/" } else { folder }.to_string();
                root.set_path(&folder);
                root
            })
            .collect();
    }

    /// Whether `url` is under one of the start folders (same scheme-less host and port, path prefix).
    fn under_a_root(&self, url: &Url) -> bool {
        self.roots.is_empty()
            || self.roots.iter().any(|root| {
                root.host_str() == url.host_str()
                    && root.port_or_known_default() == url.port_or_known_default()
                    && url.path().starts_with(root.path())
            })
    }

    /// The one form of `url` the job knows it by; `None` for anything but http(s).
    pub fn canonicalize(&self, url: &Url) -> Option<Url> {
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return None;
        }
        let mut u = url.clone();
        u.set_fragment(None);
        if u.username() != "" || u.password().is_some() {
            let _ = u.set_username("");
            let _ = u.set_password(None);
        }
        // `;jsessionid=…` path parameters (Java servers) come off the path.
        let path = u.path().to_string();
        if path.contains(';') {
            let cleaned: Vec<String> = path
                .split('/')
                .map(|seg| {
                    let mut parts = seg.split(';');
                    let head = parts.next().unwrap_or("").to_string();
                    let kept: Vec<&str> = parts.filter(|p| !self.is_session_param(p)).collect();
                    if kept.is_empty() {
                        head
                    } else {
                        format!("{head};{}", kept.join(";"))
                    }
                })
                .collect();
            u.set_path(&cleaned.join("/"));
        }
        if let Some(q) = u.query() {
            let kept: Vec<&str> = q
                .split('&')
                .filter(|kv| !kv.is_empty() && !self.is_session_param(kv))
                .collect();
            if kept.is_empty() {
                u.set_query(None);
            } else {
                let joined = kept.join("&");
                u.set_query(Some(&joined));
            }
        }
        Some(u)
    }

    fn is_session_param(&self, kv: &str) -> bool {
        let name = kv.split('=').next().unwrap_or("").to_ascii_lowercase();
        self.session_params.contains(&name)
    }

    /// Whether the URL's host is one the crawl may fetch from.
    pub fn host_allowed(&self, url: &Url) -> bool {
        let Some(host) = url.host_str() else {
            return false;
        };
        let host = host.to_ascii_lowercase();
        let with_port = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.clone(),
        };
        self.allowed_hosts.iter().any(|allowed| {
            if let Some(suffix) = allowed.strip_prefix("*.") {
                let bare = suffix.split(':').next().unwrap_or(suffix);
                host == bare || host.ends_with(&format!(".{bare}"))
            } else if allowed.contains(':') {
                *allowed == with_port
            } else {
                *allowed == host
            }
        })
    }

    /// Decide what to do with a canonical URL found on a page.
    pub fn classify(&self, url: &Url) -> Decision {
        let drop = |rule, detail: String| Decision::Skip(Dropped { rule, detail });
        if !self.host_allowed(url) {
            return drop(
                ScopeRule::OtherHost,
                format!(
                    "host {} is not a start URL's host (nor in crawl.allowed_hosts)",
                    url.host_str().unwrap_or("?")
                ),
            );
        }
        let s = url.as_str();
        if is_attachment_href(s) {
            return Decision::Ignore;
        }
        let path = url.path().to_ascii_lowercase();
        if path
            .rsplit_once('.')
            .is_some_and(|(_, ext)| NOT_PAGES.contains(&ext))
        {
            return Decision::Ignore;
        }
        if let Some(p) = self.exclude.iter().find(|p| p.regex.is_match(s)) {
            return drop(
                ScopeRule::Exclude,
                format!("matches {} {}", p.from, p.regex.as_str()),
            );
        }
        if !self.include.is_empty() && !self.include.iter().any(|p| p.regex.is_match(s)) {
            let froms: Vec<&str> = self.include.iter().map(|p| p.from).collect();
            return drop(
                ScopeRule::NotIncluded,
                format!(
                    "matches no {} pattern",
                    froms.first().copied().unwrap_or("include")
                ),
            );
        }
        if self.no_parent && !self.under_a_root(url) {
            return drop(
                ScopeRule::Parent,
                "--no-parent keeps the crawl under the start URLs' folders".to_string(),
            );
        }
        if self.follow.is_empty() && self.article.is_empty() {
            return Decision::Fetch(PageKind::Page);
        }
        if self.article.iter().any(|re| re.is_match(s)) {
            return Decision::Fetch(PageKind::Article);
        }
        if self.follow.iter().any(|re| re.is_match(s)) {
            return Decision::Fetch(PageKind::List);
        }
        Decision::Ignore
    }

    /// The kind a start URL gets: article if it matches `crawl.article`, else a list.
    pub fn start_kind(&self, url: &Url) -> PageKind {
        let s = url.as_str();
        if self.article.iter().any(|re| re.is_match(s)) {
            PageKind::Article
        } else if self.follow.is_empty() && self.article.is_empty() {
            PageKind::Page
        } else {
            PageKind::List
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> Scope {
        Scope {
            allowed_hosts: vec!["www.example.org.cn".into(), "*.gov.cn".into()],
            session_params: vec!["jsessionid".into(), "sid".into()],
            ..Scope::default()
        }
    }

    #[test]
    fn canonical_urls() {
        let s = scope();
        let cases = [
            (
                "http://WWW.Example.org.cn:80/a/../b/c.html#top",
                "http://www.example.org.cn/b/c.html",
            ),
            (
                "http://www.example.org.cn/list.jsp;jsessionid=ABC123?page=2&sid=9",
                "http://www.example.org.cn/list.jsp?page=2",
            ),
            (
                "https://www.example.org.cn:443/x?sid=1",
                "https://www.example.org.cn/x",
            ),
            (
                "http://www.example.org.cn/a?b=1&&c=2",
                "http://www.example.org.cn/a?b=1&c=2",
            ),
        ];
        for (input, want) in cases {
            let got = s.canonicalize(&Url::parse(input).unwrap()).unwrap();
            assert_eq!(got.as_str(), want, "{input}");
        }
        assert!(
            s.canonicalize(&Url::parse("mailto:a@b.cn").unwrap())
                .is_none()
        );
    }

    #[test]
    fn hosts_and_patterns() {
        let mut s = scope();
        let u = |x: &str| Url::parse(x).unwrap();
        assert!(s.host_allowed(&u("http://www.example.org.cn/")));
        assert!(s.host_allowed(&u("http://jyt.sc.gov.cn/")));
        assert!(!s.host_allowed(&u("http://evil.cn/")));
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/a.html")),
            Decision::Fetch(PageKind::Page)
        );
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/a.pdf")),
            Decision::Ignore
        );
        s.article = vec![Regex::new(r"/t\d+\.html$").unwrap()];
        s.follow = vec![Regex::new(r"/index(_\d+)?\.html$").unwrap()];
        s.exclude = vec![Pattern::new(
            Regex::new(r"/print/").unwrap(),
            "crawl.exclude",
        )];
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/t1.html")),
            Decision::Fetch(PageKind::Article)
        );
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/index_2.html")),
            Decision::Fetch(PageKind::List)
        );
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/about.html")),
            Decision::Ignore
        );
        assert!(matches!(
            s.classify(&u("http://www.example.org.cn/print/t1.html")),
            Decision::Skip(Dropped {
                rule: ScopeRule::Exclude,
                ..
            })
        ));
    }

    /// Each rule's stored reason, as `classify` writes it, is said in Chinese (`status`, the summary), and in
    /// English as it is stored.
    #[test]
    fn dropped_links_said_in_both_languages() {
        use crate::i18n::Lang;
        use crate::outcome::localized_in;
        let u = |x: &str| Url::parse(x).unwrap();
        let reason = |s: &Scope, url: &str| match s.classify(&u(url)) {
            Decision::Skip(d) => d.reason(),
            other => panic!("{url}: {other:?}"),
        };
        let mut s = scope();
        s.exclude = vec![Pattern::new(Regex::new(r"/print/").unwrap(), "--exclude")];
        s.include = vec![Pattern::new(Regex::new(r"/news/").unwrap(), "--include")];
        s.no_parent = true;
        s.set_roots(&[u("http://www.example.org.cn/news/a/index.html")]);
        let cases = [
            (
                reason(&s, "http://evil.cn/"),
                "超出范围：主机 evil.cn 不是起始网址的主机（也不在 crawl.allowed_hosts 中）；要一并抓取，请把它加入映射文件的 crawl.allowed_hosts",
            ),
            (
                reason(&s, "http://www.example.org.cn/news/print/1.html"),
                "已排除：匹配 --exclude 的模式 /print/",
            ),
            (
                reason(&s, "http://www.example.org.cn/about.html"),
                "不在包含范围内：不匹配任何 --include 模式",
            ),
            (
                reason(&s, "http://www.example.org.cn/news/b.html"),
                "在起始目录之外：--no-parent 使抓取只限于起始网址所在的文件夹之下",
            ),
        ];
        for (stored, zh) in cases {
            assert_eq!(localized_in(Lang::Zh, &stored), zh);
            assert_eq!(localized_in(Lang::En, &stored), stored);
        }
    }

    #[test]
    fn include_and_no_parent() {
        let mut s = scope();
        let u = |x: &str| Url::parse(x).unwrap();
        s.include = vec![Pattern::new(Regex::new(r"/news/").unwrap(), "--include")];
        s.no_parent = true;
        s.set_roots(&[u("http://www.example.org.cn/news/index.html")]);
        assert_eq!(
            s.classify(&u("http://www.example.org.cn/news/2017/t1.html")),
            Decision::Fetch(PageKind::Page)
        );
        let Decision::Skip(d) = s.classify(&u("http://www.example.org.cn/about.html")) else {
            panic!("not dropped")
        };
        assert_eq!(d.rule, ScopeRule::NotIncluded);
        assert_eq!(
            ScopeRule::of_reason(&d.reason()),
            Some(ScopeRule::NotIncluded)
        );
        s.include.clear();
        let Decision::Skip(d) = s.classify(&u("http://www.example.org.cn/about.html")) else {
            panic!("not dropped")
        };
        assert_eq!(d.rule, ScopeRule::Parent);
        let Decision::Skip(d) = s.classify(&u("http://evil.cn/news/x.html")) else {
            panic!("not dropped")
        };
        assert_eq!(
            ScopeRule::of_reason(&d.reason()),
            Some(ScopeRule::OtherHost)
        );
    }
}
