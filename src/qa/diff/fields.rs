//! Field-by-field comparison of two records. Objects (`encoding`, `provenance`) differ key by key
//! (`encoding.used`), arrays of objects (`attachments`, `images`) element by element (`attachments[1]`), and
//! long or multi-line text (`body_text`, `body_html`) gets a unified line diff; everything else is shown side by
//! side. With whitespace normalization every run of whitespace (U+3000 and U+00A0 included) counts as one space
//! and ends are trimmed, for the comparison only: the output shows the values as they are.

use serde::Serialize;
use serde_json::{Map, Value};

/// Strings longer than this (in characters) are diffed as text rather than shown side by side.
const LONG_TEXT: usize = 100;

/// One difference in one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDiff {
    /// `title`, `encoding.used`, `attachments[2]`.
    pub field: String,
    /// `null` when the field is absent (see `expected_present`).
    pub expected: Value,
    pub actual: Value,
    /// A unified diff, expected → actual, for long and multi-line text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_diff: Option<String>,
}

impl FieldDiff {
    /// The record field this difference belongs to (`encoding` for `encoding.used`).
    pub fn top_field(&self) -> &str {
        self.field.split(['.', '[']).next().unwrap_or(&self.field)
    }
}

/// What to compare and how.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Fields (`title`) and sub-fields (`encoding.replacements`) left out.
    pub ignore: Vec<String>,
    pub normalize_whitespace: bool,
}

impl Rules {
    fn ignored(&self, path: &str) -> bool {
        self.ignore.iter().any(|i| i == path)
    }

    fn same(&self, a: &Value, b: &Value) -> bool {
        if !self.normalize_whitespace {
            return a == b;
        }
        match (a, b) {
            (Value::String(x), Value::String(y)) => fold(x) == fold(y),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| self.same(p, q))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .all(|(k, v)| y.get(k).is_some_and(|w| self.same(v, w)))
            }
            _ => a == b,
        }
    }
}

/// Whitespace runs as one space, ends trimmed.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The differences between `expected` and `actual`. A subset record is compared on its own fields (directives
/// excluded); a full record on every field either side has.
pub fn compare(
    expected: &Map<String, Value>,
    subset: bool,
    actual: &Map<String, Value>,
    rules: &Rules,
) -> Vec<FieldDiff> {
    let mut keys: Vec<&String> = expected.keys().filter(|k| !k.starts_with('_')).collect();
    if !subset {
        keys.extend(actual.keys().filter(|k| !expected.contains_key(*k)));
    }
    let mut out = Vec::new();
    for key in keys {
        if rules.ignored(key) {
            continue;
        }
        let want = expected.get(key).unwrap_or(&Value::Null);
        let got = actual.get(key).unwrap_or(&Value::Null);
        if rules.same(want, got) {
            continue;
        }
        value_diffs(key, want, got, rules, &mut out);
    }
    out
}

fn value_diffs(path: &str, want: &Value, got: &Value, rules: &Rules, out: &mut Vec<FieldDiff>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            let mut keys: Vec<&String> = w.keys().collect();
            keys.extend(g.keys().filter(|k| !w.contains_key(*k)));
            for k in keys {
                let sub = format!("{path}.{k}");
                let (a, b) = (
                    w.get(k).unwrap_or(&Value::Null),
                    g.get(k).unwrap_or(&Value::Null),
                );
                if !rules.ignored(&sub) && !rules.same(a, b) {
                    out.push(side_by_side(sub, a, b));
                }
            }
        }
        (Value::Array(w), Value::Array(g))
            if w.iter().chain(g).any(Value::is_object) && (w.len() > 1 || g.len() > 1) =>
        {
            for i in 0..w.len().max(g.len()) {
                let (a, b) = (
                    w.get(i).unwrap_or(&Value::Null),
                    g.get(i).unwrap_or(&Value::Null),
                );
                if !rules.same(a, b) {
                    out.push(side_by_side(format!("{path}[{i}]"), a, b));
                }
            }
        }
        (Value::String(w), Value::String(g)) if is_long(w) || is_long(g) => {
            let (a, b) = if path == "body_html" {
                (html_lines(w), html_lines(g))
            } else {
                (w.clone(), g.clone())
            };
            out.push(FieldDiff {
                field: path.to_string(),
                expected: want.clone(),
                actual: got.clone(),
                text_diff: Some(text_diff(&a, &b)),
            });
        }
        _ => out.push(side_by_side(path.to_string(), want, got)),
    }
}

fn side_by_side(field: String, want: &Value, got: &Value) -> FieldDiff {
    FieldDiff {
        field,
        expected: want.clone(),
        actual: got.clone(),
        text_diff: None,
    }
}

fn is_long(s: &str) -> bool {
    s.contains('\n') || s.chars().count() > LONG_TEXT
}

/// A unified line diff, expected → actual, with one line of context.
pub fn text_diff(expected: &str, actual: &str) -> String {
    let mut a = expected.to_string();
    let mut b = actual.to_string();
    for s in [&mut a, &mut b] {
        if !s.ends_with('\n') {
            s.push('\n');
        }
    }
    similar::TextDiff::from_lines(&a, &b)
        .unified_diff()
        .context_radius(1)
        .header("expected", "actual")
        .to_string()
}

/// Body HTML with a line break before every block tag, so its diff shows paragraphs rather than one long line.
fn html_lines(html: &str) -> String {
    const BLOCKS: [&str; 11] = [
        "<p",
        "<br",
        "<h",
        "<ul",
        "<ol",
        "<li",
        "<table",
        "<tr",
        "<blockquote",
        "<pre",
        "<img",
    ];
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if !out.is_empty()
            && !out.ends_with('\n')
            && BLOCKS.iter().any(|b| {
                rest.starts_with(b)
                    && rest[b.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c == '>' || c == ' ' || c == '/' || c.is_ascii_digit())
            })
        {
            out.push('\n');
        }
        out.push('<');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn objects_and_arrays_differ_by_part() {
        let e = obj(json!({"encoding": {"used": "GBK", "by": "meta"},
            "attachments": [{"name": "a", "url": "u1"}, {"name": "b", "url": "u2"}]}));
        let a = obj(json!({"encoding": {"used": "UTF-8", "by": "meta"},
            "attachments": [{"name": "a", "url": "u1"}, {"name": "c", "url": "u2"}, {"name": "d", "url": "u3"}]}));
        let d = compare(&e, true, &a, &Rules::default());
        let fields: Vec<&str> = d.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(
            fields,
            ["encoding.used", "attachments[1]", "attachments[2]"]
        );
        assert_eq!(d[0].top_field(), "encoding");
        assert_eq!(d[2].expected, Value::Null);
    }

    #[test]
    fn ignore_and_whitespace() {
        let e = obj(
            json!({"title": "关于\u{3000}召开 会议", "author": "甲", "encoding": {"replacements": 0}}),
        );
        let a = obj(
            json!({"title": "关于 召开  会议 ", "author": "乙", "encoding": {"replacements": 2}}),
        );
        let rules = Rules {
            ignore: vec!["author".into(), "encoding.replacements".into()],
            normalize_whitespace: true,
        };
        assert!(compare(&e, true, &a, &rules).is_empty());
        assert_eq!(compare(&e, true, &a, &Rules::default()).len(), 3);
    }

    #[test]
    fn long_text_gets_a_unified_diff() {
        let e = obj(json!({"body_text": "第一段\n\n第二段\n\n第三段"}));
        let a = obj(json!({"body_text": "第一段\n\n第二段改\n\n第三段"}));
        let d = compare(&e, true, &a, &Rules::default());
        let diff = d[0].text_diff.as_deref().unwrap();
        assert!(diff.contains("-第二段\n+第二段改"), "{diff}");
    }

    #[test]
    fn html_is_split_before_blocks() {
        assert_eq!(
            html_lines("<p>a<strong>b</strong></p><p>c<br>d</p>"),
            "<p>a<strong>b</strong></p>\n<p>c\n<br>d</p>"
        );
    }

    #[test]
    fn directives_are_not_fields() {
        let e = obj(json!({"_mapping": "m.toml", "title": "t"}));
        let a = obj(json!({"title": "t"}));
        assert!(compare(&e, true, &a, &Rules::default()).is_empty());
    }
}
