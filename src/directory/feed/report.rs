//! The import report: every value left out or not held, with its JSON path and the reason.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
pub struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn push(&mut self, kind: FindingKind, path: &str, message: impl Into<String>) {
        let message = message.into();
        if let Some(f) = self
            .0
            .iter_mut()
            .find(|f| f.kind == kind && f.message == message)
        {
            if f.path != path && !f.also.iter().any(|p| p == path) {
                f.also.push(path.to_string());
            }
            return;
        }
        self.0.push(Finding {
            kind,
            path: path.to_string(),
            message,
            also: Vec::new(),
        });
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
            f.0[0].to_string(),
            "value left out: phones[0].number: bad (also at contacts[0].phones[0].number)"
        );
    }
}
