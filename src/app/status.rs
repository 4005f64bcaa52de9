//! The facts the status bar shows: which edition, how trustworthy, which role, read-only or not.

use crate::model::{Date, Directory, Status};
use chrono::{Months, NaiveDate};

/// The edition in use, as the shell found it when it opened the store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edition {
    pub id: String,
    pub label: String,
    pub date: Option<Date>,
    /// Who signed it, when it came as a signed bundle.
    pub publisher: Option<String>,
    /// When it was published (UTC, RFC 3339), when it came as a signed bundle.
    pub published_at: Option<String>,
}

/// Everything the status bar needs that does not change during a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusInfo {
    pub edition: Edition,
    pub services: usize,
    pub unconfirmed: usize,
    pub not_verified: usize,
    /// The triage questionnaire is not clinically approved: every screen says DRAFT.
    pub draft: bool,
    /// Why the store is read-only, shown as a banner for the whole session.
    pub read_only: Option<String>,
}

impl StatusInfo {
    pub fn new(directory: &Directory, edition: Edition, read_only: Option<String>) -> Self {
        let s = &directory.services;
        StatusInfo {
            edition,
            services: s.len(),
            unconfirmed: s.iter().filter(|x| x.status == Status::Unconfirmed).count(),
            not_verified: s.iter().filter(|x| x.verified.is_none()).count(),
            draft: !directory.triage.is_approved(),
            read_only,
        }
    }

    /// The edition is older than the stale threshold (or has no date at all).
    pub fn edition_stale(&self, today: NaiveDate, months: u32) -> bool {
        is_older_than(self.edition.date, today, months)
    }
}

/// A date more than `months` before `today`; no date counts as old.
pub fn is_older_than(date: Option<Date>, today: NaiveDate, months: u32) -> bool {
    match date.and_then(|d| d.0.checked_add_months(Months::new(months))) {
        Some(limit) => limit < today,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_than_counts_whole_months() {
        let d = Date::ymd(2026, 1, 31);
        let today = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
        assert!(!is_older_than(d, today(7, 31), 6));
        assert!(is_older_than(d, today(8, 1), 6));
        assert!(is_older_than(None, today(1, 1), 6));
    }
}
