//! The redirect map, so old URLs keep working after the switch: `redirects.csv` (old_url,new_path), nginx
//! `map`s and Apache mod_rewrite rules. Legacy sites are full of `show.asp?id=12`, which nginx's `location =`
//! cannot match, so every rule here can see the query string; how each server is addressed is on [`nginx`]
//! and [`apache`].

use std::fmt::Write;

use url::Url;

use super::csv;

/// One old URL and where it now lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub old_url: String,
    pub new_path: String,
}

/// How a redirect is matched.
enum Match {
    /// Host, and the decoded path (valid UTF-8, no query).
    Path { host: String, path: String },
    /// Host, and the raw path with its query.
    Raw {
        host: String,
        path: String,
        query: Option<String>,
    },
}

fn classify(old: &str) -> Option<Match> {
    let u = Url::parse(old).ok()?;
    let host = u.host_str()?.to_ascii_lowercase();
    let decoded = crate::normalize::url::percent_decode(u.path());
    let utf8 = !decoded.contains('\u{fffd}');
    match u.query().filter(|q| !q.is_empty()) {
        None if utf8 => Some(Match::Path {
            host,
            path: decoded,
        }),
        q => Some(Match::Raw {
            host,
            path: u.path().to_string(),
            query: q.map(str::to_string),
        }),
    }
}

/// `redirects.csv`.
pub fn csv(redirects: &[Redirect]) -> String {
    let mut table = csv::Table::new(&["old_url", "new_path"]);
    for r in redirects {
        table.row(&[&r.old_url, &r.new_path]);
    }
    table.finish()
}

fn nginx_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `redirects.nginx.conf`, for the `http {}` context: every redirect is an entry of a `map`, and two lines in the
/// old host's `server {}` (given in the file's header) send the 301. A URL without a query is matched on
/// `$host$uri` — the path as nginx decodes and normalizes it, so `/新闻/a.html` matches however the browser
/// percent-encodes it; a URL with a query (or a path that does not decode to UTF-8, such as GBK escapes) on
/// `$host$request_uri`, the raw request target. Keys are quoted with `\` and `"` escaped; new paths are
/// percent-encoded, so they hold no `$` for nginx to expand.
pub fn nginx(redirects: &[Redirect]) -> String {
    let (mut by_path, mut by_request) = (Vec::new(), Vec::new());
    for r in redirects {
        match classify(&r.old_url) {
            Some(Match::Path { host, path }) => by_path.push((format!("{host}{path}"), r)),
            Some(Match::Raw { host, path, query }) => {
                let q = query.map(|q| format!("?{q}")).unwrap_or_default();
                by_request.push((format!("{host}{path}{q}"), r));
            }
            None => {}
        }
    }
    let longest = by_path
        .iter()
        .chain(&by_request)
        .map(|(k, r)| nginx_quote(k).len().max(r.new_path.len()))
        .max()
        .unwrap_or(0);
    let bucket = (longest + 64).div_ceil(64) * 64;
    let max_size = (by_path.len().max(by_request.len()) * 2)
        .next_power_of_two()
        .max(2048);
    let mut out = String::new();
    let _ = write!(
        out,
        "# Redirects written by sitelift: old URLs of the migrated site -> new paths (301).\n\
         # Include this file in the http {{}} context (for example in /etc/nginx/conf.d/), and add to the\n\
         # server {{}} that answers for the old host(s):\n\
         #     if ($sitelift_redirect_path)  {{ return 301 $sitelift_redirect_path; }}\n\
         #     if ($sitelift_redirect_query) {{ return 301 $sitelift_redirect_query; }}\n\
         # Pages without a query string are matched on $host$uri (decoded and normalized by nginx); pages with\n\
         # one on $host$request_uri (the request as sent), because `location =` cannot match query strings.\n\
         # The two hash sizes fit these maps; remove them if your configuration sets them already.\n\
         map_hash_max_size {max_size};\n\
         map_hash_bucket_size {bucket};\n\n"
    );
    for (name, source, entries) in [
        ("$sitelift_redirect_path", "$host$uri", &by_path),
        ("$sitelift_redirect_query", "$host$request_uri", &by_request),
    ] {
        let _ = writeln!(out, "map {source} {name} {{");
        out.push_str("    default \"\";\n");
        for (key, r) in entries.iter() {
            let _ = writeln!(
                out,
                "    {} {};",
                nginx_quote(key),
                nginx_quote(&r.new_path)
            );
        }
        out.push_str("}\n\n");
    }
    out
}

/// A literal string as a PCRE pattern that Apache's config parser leaves alone.
fn apache_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '.' | '^' | '$' | '|' | '?' | '*' | '+' | '(' | ')' | '[' | ']' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() || matches!(c, ' ' | '"' | '#' | '\'') => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `redirects.apache.conf`, for the old host's `<VirtualHost>` or a `.htaccess` at its document root: one
/// `RewriteRule` per URL on the decoded path (`^/?` so it works in both places), with `RewriteCond`s on
/// `%{HTTP_HOST}` and, when the URL has one, on the raw `%{QUERY_STRING}`; paths that do not decode to UTF-8 are
/// matched on the raw `%{THE_REQUEST}`. Patterns are regex-escaped, with space and `"` as `\x20` / `\x22`; the
/// target's `%` escapes are written `\%` (mod_rewrite would read `%2` as a back-reference) and
/// `[R=301,L,NE,QSD]` sends it as is, without the old query.
pub fn apache(redirects: &[Redirect]) -> String {
    let mut out = String::from(
        "# Redirects written by sitelift: old URLs of the migrated site -> new paths (301).\n\
         # Put these lines in the <VirtualHost> of the old host(s), or in a .htaccess at its document root\n\
         # (AllowOverride FileInfo). Needs mod_rewrite (a2enmod rewrite).\n\
         RewriteEngine On\n",
    );
    for r in redirects {
        let Some(m) = classify(&r.old_url) else {
            continue;
        };
        let target = r.new_path.replace('%', "\\%").replace('$', "\\$");
        let _ = writeln!(out, "\n# {}", r.old_url.replace('\n', " "));
        let host = match &m {
            Match::Path { host, .. } | Match::Raw { host, .. } => host,
        };
        let _ = writeln!(
            out,
            "RewriteCond %{{HTTP_HOST}} ^{}(:[0-9]+)?$ [NC]",
            apache_regex(host)
        );
        match m {
            Match::Path { path, .. } => {
                let _ = writeln!(
                    out,
                    "RewriteRule ^/?{}$ {target} [R=301,L,NE,QSD]",
                    apache_regex(path.trim_start_matches('/'))
                );
            }
            Match::Raw { path, query, .. } => {
                let decoded = crate::normalize::url::percent_decode(&path);
                let utf8 = !decoded.contains('\u{fffd}');
                if let Some(q) = &query {
                    let _ = writeln!(out, "RewriteCond %{{QUERY_STRING}} ^{}$", apache_regex(q));
                }
                if utf8 {
                    let _ = writeln!(
                        out,
                        "RewriteRule ^/?{}$ {target} [R=301,L,NE,QSD]",
                        apache_regex(decoded.trim_start_matches('/'))
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "RewriteCond %{{THE_REQUEST}} ^[A-Z]+\\x20{}[\\x20?]",
                        apache_regex(&path)
                    );
                    let _ = writeln!(out, "RewriteRule ^ {target} [R=301,L,NE,QSD]");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(old: &str, new: &str) -> Redirect {
        Redirect {
            old_url: old.into(),
            new_path: new.into(),
        }
    }

    #[test]
    fn nginx_maps_paths_and_queries_apart() {
        let conf = nginx(&[
            r("http://www.a.cn/%E6%96%B0%E9%97%BB/t1.html", "/articles/1"),
            r("http://www.a.cn:8080/show.asp?id=12", "/articles/%E6%96%B0"),
            r("http://www.a.cn/say%22hi%22.html", "/articles/3"),
            r("http://www.a.cn/gbk/%D6%D0.html", "/articles/4"),
        ]);
        assert!(
            conf.contains("    \"www.a.cn/新闻/t1.html\" \"/articles/1\";\n"),
            "{conf}"
        );
        assert!(conf.contains("    \"www.a.cn/show.asp?id=12\" \"/articles/%E6%96%B0\";\n"));
        assert!(
            conf.contains(r#"    "www.a.cn/say\"hi\".html" "/articles/3";"#),
            "{conf}"
        );
        assert!(conf.contains("    \"www.a.cn/gbk/%D6%D0.html\" \"/articles/4\";\n"));
        let query_map = conf.split("map $host$request_uri").nth(1).unwrap();
        assert!(query_map.contains("show.asp?id=12") && query_map.contains("%D6%D0"));
    }

    #[test]
    fn apache_rules_escape_and_condition_on_queries() {
        let conf = apache(&[
            r(
                "http://www.a.cn/%E6%96%B0%E9%97%BB/t1.html",
                "/articles/%E6%96%B0",
            ),
            r("http://www.a.cn/news/show.asp?id=12&t=a.b", "/articles/2"),
            r("http://www.a.cn/a%20b(1).html", "/articles/3"),
        ]);
        assert!(conf.contains("RewriteCond %{HTTP_HOST} ^www\\.a\\.cn(:[0-9]+)?$ [NC]\n"));
        assert!(
            conf.contains(
                "RewriteRule ^/?新闻/t1\\.html$ /articles/\\%E6\\%96\\%B0 [R=301,L,NE,QSD]"
            ),
            "{conf}"
        );
        assert!(conf.contains("RewriteCond %{QUERY_STRING} ^id=12&t=a\\.b$\nRewriteRule ^/?news/show\\.asp$ /articles/2 [R=301,L,NE,QSD]"), "{conf}");
        assert!(
            conf.contains("RewriteRule ^/?a\\x20b\\(1\\)\\.html$ /articles/3"),
            "{conf}"
        );
    }

    #[test]
    fn csv_has_a_header() {
        assert_eq!(
            csv(&[r("http://a.cn/x?a=1,2", "/n")]),
            "old_url,new_path\n\"http://a.cn/x?a=1,2\",/n\n"
        );
    }
}
