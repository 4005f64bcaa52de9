//! The documents a feed arrives as: one JSON file, JSON Lines (one document a line), or a folder
//! of per-service files (what fetching `/services/{id}` for every id of a list gives).

use super::report::{FindingKind, Findings};
use serde_json::Value;

/// One JSON document and where it came from: "" for a single file, else "svc-12.json" or
/// "feed.jsonl line 3". Paths in findings start with it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub label: String,
    pub value: Value,
}

fn not_json(e: &serde_json::Error) -> String {
    format!(
        "not JSON (line {}, column {}): {e}; nothing was imported",
        e.line(),
        e.column()
    )
}

/// The documents in one file's text. A whole-file JSON value is one document; otherwise, if
/// the text is JSON Lines, each line is one (a bad line is reported and the rest read).
pub fn parse_text(label: &str, text: &str, r: &mut Findings) -> Result<Vec<Doc>, String> {
    // A byte-order mark is how some Windows tools start a UTF-8 file; it is not part of JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let whole = match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            return Ok(vec![Doc {
                label: label.to_string(),
                value,
            }])
        }
        Err(e) => e,
    };
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    // JSON Lines: several lines, the first a whole document on its own.
    let first_is_doc = lines
        .first()
        .is_some_and(|(_, l)| serde_json::from_str::<Value>(l).is_ok());
    if lines.len() < 2 || !first_is_doc {
        return Err(not_json(&whole));
    }
    let mut docs = Vec::new();
    for (i, l) in lines {
        let at = if label.is_empty() {
            format!("line {}", i + 1)
        } else {
            format!("{label} line {}", i + 1)
        };
        match serde_json::from_str::<Value>(l) {
            Ok(value) => docs.push(Doc { label: at, value }),
            Err(e) => r.push(
                FindingKind::Feed,
                &at,
                format!(
                    "not JSON (column {}): {e}; this line was not read",
                    e.column()
                ),
            ),
        }
    }
    Ok(docs)
}

/// The path of a value inside a document, for findings: `svc-12.json#phones[0]`.
pub fn prefixed(label: &str, path: &str) -> String {
    match (label.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => format!("{label}#"),
        (false, false) => format!("{label}#{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_and_a_byte_order_mark() {
        let mut r = Findings::default();
        let d = parse_text("", "\u{feff}{\"id\": 1}", &mut r).unwrap();
        assert_eq!(d.len(), 1);
        let d = parse_text("f.jsonl", "{\"id\": 1}\n\n{\"id\": 2}\n{broken\n", &mut r).unwrap();
        let labels: Vec<&str> = d.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["f.jsonl line 1", "f.jsonl line 3"]);
        assert_eq!(r.iter().next().unwrap().path, "f.jsonl line 4");
        assert!(parse_text("", "{\"id\": 1", &mut r)
            .unwrap_err()
            .contains("line 1"));
    }
}
