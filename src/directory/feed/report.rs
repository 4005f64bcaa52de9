//! The import report: every value left out or not held, with its JSON path and the reason.

use crate::model::clean;
use serde::Serialize;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};

/// A message longer than this (in characters) is shortened in the middle: a feed can hold a
/// value of megabytes, and a report line that quotes it whole floods the terminal.
pub const LONGEST_MESSAGE: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// About the whole file (a partial page, an envelope that does not match `--format`).
    Feed,
    /// A whole service was not imported.
    Record,
    /// A malformed value: left out, the rest of the record still imports.
    Value,
    /// A service area the place lookup could not resolve.
    Area,
    /// A taxonomy term that is not in `feed-taxonomy.toml`.
    Term,
    /// Something the model cannot hold (an unusual schedule...): kept as a note on the record.
    Note,
    /// A field the directory has no place for (cost_options, accessibility...): left out.
    NotHeld,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Feed => "feed",
            FindingKind::Record => "not imported",
            FindingKind::Value => "value left out",
            FindingKind::Area => "area unresolved",
            FindingKind::Term => "term unmapped",
            FindingKind::Note => "kept as a note",
            FindingKind::NotHeld => "field not held",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// JSON path in the feed file: `contents[0].phones[1].number`.
    pub path: String,
    pub message: String,
    /// Other paths where the same value drew the same finding (feeds repeat one phone at
    /// service, location and contact level); listed once, not six times.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(top level)"
        } else {
            &self.path
        };
        write!(f, "{}: {path}: {}", self.kind.label(), self.message)?;
        if !self.also.is_empty() {
            write!(f, " (also at {})", self.also.join(", "))?;
        }
        Ok(())
    }
}

/// Findings in the order found, repeats folded into the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Findings {
    list: Vec<Finding>,
    /// Hash of (kind, message) to the findings that have it, so folding a repeat stays quick
    /// when a large feed has tens of thousands of findings (a scan of the list each time made
    /// reading such a feed quadratic: minutes for a few megabytes).
    #[serde(skip)]
    seen: HashMap<u64, Vec<usize>>,
    /// (finding, hash of a path) for every path a finding holds, for the same reason: one bad
    /// value repeated in every service of a large feed gathers thousands of paths.
    #[serde(skip)]
    paths: HashSet<(usize, u64)>,
}

fn hash_of(v: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// The message, or its start and end around a note of how much was left out.
fn shortened(message: String) -> String {
    let n = message.chars().count();
    if n <= LONGEST_MESSAGE {
        return message;
    }
    let (head, tail) = (LONGEST_MESSAGE * 3 / 5, LONGEST_MESSAGE / 5);
    let start: String = message.chars().take(head).collect();
    let end: String = message.chars().skip(n - tail).collect();
    format!("{start}… [{} characters left out] …{end}", n - head - tail)
}

impl Findings {
    pub fn push(&mut self, kind: FindingKind, path: &str, message: impl Into<String>) {
        // Messages quote the feed's own values and paths its own keys: never raw to a terminal.
        let message = shortened(clean::line(&message.into()));
        let path = clean::line(path);
        let path = path.as_str();
        let k = hash_of((kind, &message));
        let same = self.seen.get(&k).and_then(|at| {
            at.iter()
                .copied()
                .find(|&i| self.list[i].kind == kind && self.list[i].message == message)
        });
        if let Some(i) = same {
            let f = &mut self.list[i];
            // A new hash is a new path; only a hash seen before needs the exact look.
            let held = !self.paths.insert((i, hash_of(path)))
                && (f.path == path || f.also.iter().any(|p| p == path));
            if !held {
                f.also.push(path.to_string());
            }
            return;
        }
        self.seen.entry(k).or_default().push(self.list.len());
        self.paths.insert((self.list.len(), hash_of(path)));
        self.list.push(Finding {
            kind,
            path: path.to_string(),
            message,
            also: Vec::new(),
        });
    }

    /// The report a person reads: findings grouped by kind (whole-feed ones first), each kind
    /// with its count and its first `first` findings; a finding's extra paths shortened too.
    pub fn grouped(&self, first: usize) -> Vec<String> {
        let mut kinds: Vec<FindingKind> = self.list.iter().map(|f| f.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut out = Vec::new();
        for kind in kinds {
            let of_kind: Vec<&Finding> = self.list.iter().filter(|f| f.kind == kind).collect();
            let places: usize = of_kind.iter().map(|f| 1 + f.also.len()).sum();
            out.push(if places == of_kind.len() {
                format!("  {} ({}):", kind.label(), of_kind.len())
            } else {
                format!(
                    "  {} ({} finding(s) at {places} places):",
                    kind.label(),
                    of_kind.len()
                )
            });
            for f in of_kind.iter().take(first) {
                let path = if f.path.is_empty() {
                    "(whole feed)"
                } else {
                    &f.path
                };
                let mut line = format!("    {path}: {}", f.message);
                if !f.also.is_empty() {
                    let shown: Vec<&str> = f.also.iter().take(3).map(String::as_str).collect();
                    line.push_str(&format!(" (also at {}", shown.join(", ")));
                    if f.also.len() > 3 {
                        line.push_str(&format!(" and {} more", f.also.len() - 3));
                    }
                    line.push(')');
                }
                out.push(line);
            }
            if of_kind.len() > first {
                out.push(format!(
                    "    … and {} more of this kind",
                    of_kind.len() - first
                ));
            }
        }
        out
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_value_is_reported_once_with_every_path() {
        let mut f = Findings::default();
        f.push(FindingKind::Value, "phones[0].number", "bad");
        f.push(FindingKind::Value, "contacts[0].phones[0].number", "bad");
        f.push(FindingKind::Value, "phones[0].number", "bad");
        f.push(FindingKind::Note, "phones[0].number", "bad");
        assert_eq!(f.len(), 2);
        assert_eq!(
            f.iter().next().unwrap().to_string(),
            "value left out: phones[0].number: bad (also at contacts[0].phones[0].number)"
        );
    }

    #[test]
    fn a_huge_value_is_quoted_by_its_ends_only() {
        let mut f = Findings::default();
        let huge = format!("weekday '{}' is not a day", "é".repeat(1_000_000));
        f.push(FindingKind::Value, "x", huge.clone());
        let m = &f.iter().next().unwrap().message;
        assert!(m.chars().count() < LONGEST_MESSAGE + 50, "{}", m.len());
        assert!(
            m.starts_with("weekday 'éé") && m.ends_with("éé' is not a day"),
            "{m}"
        );
        assert!(m.contains("characters left out"), "{m}");
        // The same huge value found again is folded into the first finding.
        f.push(FindingKind::Value, "y", huge);
        assert_eq!(f.len(), 1);
        assert_eq!(f.iter().next().unwrap().also, ["y"]);
    }
}
