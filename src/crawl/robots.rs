//! robots.txt (RFC 9309), parsed by a small parser of our own: the group for our product token (`sitelift`)
//! or else `*`; `Allow` / `Disallow` with `*` and `$` wildcards, the longest match winning and `Allow`
//! winning ties; `Crawl-delay` when given. A missing robots.txt (4xx) allows everything; an unreachable one
//! (5xx, network errors) disallows everything for this run, as the RFC asks.

/// One `User-agent` group as parsed: its agents, rules and crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<f64>);

/// The rules that apply to this crawler on one host.
#[derive(Debug, Clone, Default)]
pub struct Robots {
    /// (allow, pattern) pairs.
    rules: Vec<(bool, String)>,
    pub crawl_delay: Option<f64>,
    /// Everything disallowed (robots.txt unreachable), with the reason.
    pub unreachable: Option<String>,
}

impl Robots {
    /// Allow everything (no robots.txt, or `--ignore-robots`).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Disallow everything: robots.txt could not be read.
    pub fn unreachable(reason: String) -> Robots {
        Robots {
            unreachable: Some(reason),
            ..Robots::default()
        }
    }

    /// Parse a robots.txt body for the product token `agent` (lower case, e.g. `sitelift`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        // Groups: (user agents, rules, crawl delay).
        let mut groups: Vec<Group> = Vec::new();
        let mut last_was_agent = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !last_was_agent || groups.is_empty() {
                        groups.push((Vec::new(), Vec::new(), None));
                    }
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                    last_was_agent = true;
                }
                "allow" | "disallow" => {
                    last_was_agent = false;
                    if let Some(g) = groups.last_mut() {
                        // An empty Disallow allows everything: it adds no rule.
                        if !value.is_empty() {
                            g.1.push((key == "allow", value.to_string()));
                        }
                    }
                }
                "crawl-delay" => {
                    last_was_agent = false;
                    if let Some(g) = groups.last_mut() {
                        g.2 = value.parse::<f64>().ok().filter(|d| *d >= 0.0);
                    }
                }
                _ => {}
            }
        }
        let ours = |g: &&Group| {
            g.0.iter()
                .any(|a| a != "*" && agent.starts_with(a.as_str()))
        };
        let mine: Vec<_> = groups.iter().filter(ours).collect();
        let chosen: Vec<_> = if mine.is_empty() {
            groups
                .iter()
                .filter(|g| g.0.iter().any(|a| a == "*"))
                .collect()
        } else {
            mine
        };
        let mut robots = Robots::default();
        for g in chosen {
            robots.rules.extend(g.1.iter().cloned());
            robots.crawl_delay = robots.crawl_delay.or(g.2);
        }
        robots
    }

    /// Whether the path-and-query `target` (`/a/b.html?x=1`) may be fetched.
    pub fn allows(&self, target: &str) -> bool {
        if self.unreachable.is_some() {
            return false;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, target) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Match a robots pattern (`*` any run, `$` end) against the start of `target`.
fn matches(pattern: &str, target: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 {
            if !target.starts_with(piece) {
                return false;
            }
            pos = piece.len();
            continue;
        }
        let is_last = i == pieces.len() - 1;
        if is_last && anchored {
            return target.len() >= pos + piece.len() && target.ends_with(piece);
        }
        match target[pos..].find(piece) {
            Some(at) => pos += at + piece.len(),
            None => return false,
        }
    }
    !anchored || pos == target.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_precedence() {
        let txt = "User-agent: *\nDisallow: /private/\nAllow: /private/open.html\nCrawl-delay: 2\n\n\
                   User-agent: BadBot\nDisallow: /\n";
        let r = Robots::parse(txt, "sitelift");
        assert!(r.allows("/index.html"));
        assert!(!r.allows("/private/a.html"));
        assert!(r.allows("/private/open.html"));
        assert_eq!(r.crawl_delay, Some(2.0));
        let own = Robots::parse(
            "User-agent: sitelift\nDisallow: /x\nUser-agent: *\nDisallow: /",
            "sitelift",
        );
        assert!(own.allows("/a"));
        assert!(!own.allows("/x/y"));
    }

    #[test]
    fn wildcards() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /*.jsp$\nDisallow: /cgi-bin*/tmp\nDisallow:\n",
            "sitelift",
        );
        assert!(!r.allows("/list.jsp"));
        assert!(r.allows("/list.jsp?page=2"));
        assert!(!r.allows("/cgi-bin2/tmp/a"));
        assert!(r.allows("/cgi/tmp"));
        assert!(!Robots::unreachable("503".into()).allows("/"));
    }
}
