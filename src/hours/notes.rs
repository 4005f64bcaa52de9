//! Which status notes are in force at an instant, and when the next one starts or ends.

use super::london::naive_to_utc;
use crate::model::{Directory, StatusNote};
use chrono::{DateTime, Utc};

/// A note is in force from its start up to, not including, its end (London times).
pub fn in_force(n: &StatusNote, at: DateTime<Utc>) -> bool {
    naive_to_utc(n.from.0) <= at && at < naive_to_utc(n.until.0)
}

/// The notes in force for one service at `at`, in the order the file gives them.
pub fn active<'a>(dir: &'a Directory, id: &'a str, at: DateTime<Utc>) -> Vec<&'a StatusNote> {
    dir.notes_for(id).filter(|n| in_force(n, at)).collect()
}

/// The next instant after `at` any note starts or ends: when a screen must redraw by itself.
pub fn next_change(dir: &Directory, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    dir.status_notes
        .notes
        .iter()
        .flat_map(|n| [naive_to_utc(n.from.0), naive_to_utc(n.until.0)])
        .filter(|t| *t > at)
        .min()
}
