//! Status notes: short-lived facts a maintainer publishes ("closed tonight", "diverted to …",
//! "long waits"), each for one service and one period, gone by themselves when it ends.

use super::problem::Problem;
use super::Directory;
use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub const NOTES_FILE: &str = "status-notes.toml";

/// A Europe/London wall-clock time to the minute, written "YYYY-MM-DD HH:MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(pub NaiveDateTime);

impl LocalTime {
    pub fn parse(s: &str) -> Result<LocalTime, String> {
        NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M")
            .map(LocalTime)
            .map_err(|_| format!("'{s}' is not a London time (expected \"YYYY-MM-DD HH:MM\")"))
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M"))
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LocalTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// The service is shut for the period: it is "closed now" in search and triage.
    Closed,
    /// Calls go elsewhere for the period; the message says where.
    Diverted,
    LongWaits,
    Other,
}

impl NoteKind {
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Closed => "closed",
            NoteKind::Diverted => "diverted",
            NoteKind::LongWaits => "long waits",
            NoteKind::Other => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusNote {
    pub service: String,
    pub kind: NoteKind,
    pub message: String,
    pub from: LocalTime,
    pub until: LocalTime,
}

impl StatusNote {
    /// "CLOSED until 2026-12-05 08:00: staff shortage tonight". Text from a file never
    /// reaches a terminal raw: control characters and escape sequences are dropped.
    pub fn text(&self) -> String {
        let message = super::clean::line(&self.message);
        format!(
            "{} until {}: {message}",
            self.kind.label().to_uppercase(),
            self.until,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusNotesFile {
    #[serde(default)]
    pub notes: Vec<StatusNote>,
}

/// A period a closed note shuts a service, as London wall-clock times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosedPeriod {
    pub from: LocalTime,
    pub until: LocalTime,
}

impl Directory {
    /// Put every closed note's period into its service's hours (and each contact's own hours),
    /// so the one open/closed judgement every screen uses sees it. Safe to run again.
    pub fn apply_status_notes(&mut self) {
        for s in &mut self.services {
            let periods: Vec<ClosedPeriod> = self
                .status_notes
                .notes
                .iter()
                .filter(|n| n.service == s.id && n.kind == NoteKind::Closed)
                .map(|n| ClosedPeriod {
                    from: n.from,
                    until: n.until,
                })
                .collect();
            s.hours.closures.clone_from(&periods);
            for c in &mut s.contacts {
                if let Some(h) = &mut c.hours {
                    h.closures.clone_from(&periods);
                }
            }
        }
    }

    /// The notes for one service, whatever their period (the caller asks which are in force).
    pub fn notes_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a StatusNote> + 'a {
        self.status_notes
            .notes
            .iter()
            .filter(move |n| n.service == id)
    }
}

/// Every note names a service in this edition, says something, and ends after it starts.
pub fn validate_notes(dir: &Directory, out: &mut Vec<Problem>) {
    for (i, n) in dir.status_notes.notes.iter().enumerate() {
        let field = |k: &str| format!("notes[{i}].{k}");
        if dir.service(&n.service).is_none() {
            out.push(Problem::error(
                NOTES_FILE,
                &field("service"),
                format!("no service with id '{}'", n.service),
            ));
        }
        if n.until <= n.from {
            out.push(Problem::error(
                NOTES_FILE,
                &field("until"),
                format!("ends ({}) before it starts ({})", n.until, n.from),
            ));
        }
        if n.message.trim().is_empty() {
            out.push(Problem::error(
                NOTES_FILE,
                &field("message"),
                "a note must say what is happening",
            ));
        }
        if n.message.chars().any(char::is_control) {
            out.push(Problem::error(
                NOTES_FILE,
                &field("message"),
                "one line of plain text, no control characters",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_never_carries_an_escape_sequence_to_the_screen() {
        let note = StatusNote {
            service: "haven".into(),
            kind: NoteKind::Diverted,
            message: "calls go to \u{1b}[31m111\u{1b}[0m tonight".into(),
            from: LocalTime::parse("2026-12-04 17:00").unwrap(),
            until: LocalTime::parse("2026-12-05 08:00").unwrap(),
        };
        assert_eq!(
            note.text(),
            "DIVERTED until 2026-12-05 08:00: calls go to 111 tonight"
        );
    }
}
