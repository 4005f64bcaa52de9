//! Reading feed JSON leniently: every value is fetched with its path, and every misfit reported.

use super::report::{FindingKind, Findings};
use crate::model::clean;
use serde_json::Value;

/// A value in the feed and where it sits (`contents[0].phones[1]`); paths grow as the reader
/// descends, so every finding can name its place.
#[derive(Debug, Clone)]
pub struct At<'a> {
    pub v: &'a Value,
    pub path: String,
}

impl<'a> At<'a> {
    pub fn root(v: &'a Value, path: &str) -> Self {
        At {
            v,
            path: path.to_string(),
        }
    }

    /// The path of a key under this value.
    pub fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() || self.path.ends_with('#') {
            format!("{}{key}", self.path)
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A present, non-null child value.
    pub fn get(&self, key: &str) -> Option<At<'a>> {
        match self.v.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(At {
                v,
                path: self.key_path(key),
            }),
        }
    }

    /// The first of several spellings that is present (`minimum_age`, `min_age`).
    pub fn get_any(&self, keys: &[&str]) -> Option<At<'a>> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// The items of an array child; anything else is reported and gives no items.
    pub fn items(&self, key: &str, r: &mut Findings) -> Vec<At<'a>> {
        match self.get(key) {
            None => Vec::new(),
            Some(At {
                v: Value::Array(a),
                path,
            }) => a
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_null())
                .map(|(i, v)| At {
                    v,
                    path: format!("{path}[{i}]"),
                })
                .collect(),
            Some(other) => {
                r.push(
                    FindingKind::Value,
                    &other.path,
                    format!("expected a list, found {}", kind_of(other.v)),
                );
                Vec::new()
            }
        }
    }

    /// One line of clean text (markup, entities, controls and escape sequences removed),
    /// non-empty. A number or boolean where text belongs is reported.
    pub fn text(&self, key: &str, r: &mut Findings) -> Option<String> {
        self.cleaned(key, r, clean::line_html)
    }

    /// Long text (a description): HTML to plain text with its line breaks, otherwise as `text`.
    pub fn long_text(&self, key: &str, r: &mut Findings) -> Option<String> {
        self.cleaned(key, r, clean::long_html)
    }

    fn cleaned(&self, key: &str, r: &mut Findings, f: fn(&str) -> String) -> Option<String> {
        let at = self.get(key)?;
        match at.v {
            Value::String(s) => Some(f(s)).filter(|t| !t.is_empty()),
            other => {
                r.push(
                    FindingKind::Value,
                    &at.path,
                    format!("expected text, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// An identifier: text or a whole number (older feeds use numeric ids).
    pub fn id(&self, key: &str) -> Option<String> {
        match self.get(key)?.v {
            Value::String(s) => Some(clean::line(s)).filter(|t| !t.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// A number, or text holding one ("12"); anything else is reported.
    pub fn number(&self, key: &str, r: &mut Findings) -> Option<f64> {
        let at = self.get(key)?;
        let n = match at.v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        if n.is_none() {
            r.push(
                FindingKind::Value,
                &at.path,
                format!("expected a number, found {}", shown(at.v)),
            );
        }
        n
    }

    /// A boolean, or the text "true"/"false".
    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)?.v {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(true),
                "false" | "no" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value as a reader would want to see it quoted in a message.
pub fn shown(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_follow_the_descent_and_misfits_are_reported() {
        let v = json!({"phones": [{"number": 5}, null, {"number": " 0800 1111 "}], "min": "x"});
        let root = At::root(&v, "contents[0]");
        let mut r = Findings::default();
        let phones = root.items("phones", &mut r);
        assert_eq!(phones.len(), 2);
        assert_eq!(phones[1].path, "contents[0].phones[2]");
        assert_eq!(phones[0].text("number", &mut r), None);
        assert_eq!(
            phones[1].text("number", &mut r).as_deref(),
            Some("0800 1111")
        );
        assert_eq!(root.number("min", &mut r), None);
        let paths: Vec<&str> = r.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["contents[0].phones[0].number", "contents[0].min"]);
    }
}
