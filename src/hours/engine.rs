//! Open now, closes at, next opening, next change and reachable-within-a-window for one set of hours.

use super::calendar::Calendar;
use super::text::{when, window};
use super::timeline::{Kind, Timeline, Uncertainty};
use crate::model::{Contact, Hours, Service};
use chrono::{DateTime, Duration, Utc};

/// How far ahead openings and changes are looked for.
pub const SEARCH_DAYS: u32 = 14;

/// A service that closes within this many minutes is not offered as reachable on that session.
pub const CLOSING_SOON_MINUTES: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// `until: None` means no closing within the search horizon: open all hours.
    Open { until: Option<DateTime<Utc>> },
    /// `next_open: None` means no certain opening within the search horizon.
    Closed { next_open: Option<DateTime<Utc>> },
    /// A bank holiday whose rule is not confirmed: never shown as plainly open.
    MayBeClosedBankHoliday,
    /// Hours not confirmed: never shown as open, never as closed.
    NotConfirmed,
}

/// The answer for one instant, with the human line a handler reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub at: DateTime<Utc>,
    pub state: State,
    /// The next instant the state flips, for redrawing on time; None: none within the horizon.
    pub next_change: Option<DateTime<Utc>>,
}

impl Status {
    pub fn is_open(&self) -> bool {
        matches!(self.state, State::Open { .. })
    }

    pub fn closes_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            State::Open { until } => until,
            _ => None,
        }
    }

    /// "open until 22:00", "closed — opens Mon 09:00", "may be closed (bank holiday)"...
    pub fn text(&self) -> String {
        match self.state {
            State::Open { until: None } => "open all hours".to_string(),
            State::Open { until: Some(u) } => match super::soon::closing_soon(self) {
                Some((closes, mins)) => super::soon::text(closes, mins, self.at),
                None => format!("open until {}", when(u, self.at)),
            },
            State::Closed { next_open: Some(n) } => format!("closed — opens {}", when(n, self.at)),
            State::Closed { next_open: None } => {
                format!("closed — no opening in the next {SEARCH_DAYS} days")
            }
            State::MayBeClosedBankHoliday => "may be closed (bank holiday)".to_string(),
            State::NotConfirmed => "hours not confirmed".to_string(),
        }
    }
}

/// The hours that govern a contact: its own when the record gives them, else the service's.
pub fn hours_of<'a>(service: &'a Service, contact: &'a Contact) -> &'a Hours {
    contact.hours.as_ref().unwrap_or(&service.hours)
}

pub fn status(hours: &Hours, cal: &Calendar, at: DateTime<Utc>) -> Status {
    let mut tl = Timeline::new(hours, cal, at, SEARCH_DAYS);
    let kind = tl.kind_at(at);
    let next_change = tl.next_change(at).map(|(t, _)| t);
    let state = match kind {
        Kind::Open => State::Open { until: next_change },
        Kind::Closed => State::Closed {
            next_open: tl.next_opening(at),
        },
        Kind::Unsure(Uncertainty::BankHoliday) => State::MayBeClosedBankHoliday,
        Kind::Unsure(Uncertainty::NotConfirmed) => State::NotConfirmed,
    };
    Status {
        at,
        state,
        next_change,
    }
}

/// A contact's status, by its own hours when it has them.
pub fn contact_status(
    service: &Service,
    contact: &Contact,
    cal: &Calendar,
    at: DateTime<Utc>,
) -> Status {
    status(hours_of(service, contact), cal, at)
}

/// When an open service closes; None when it is not open or stays open past the horizon.
pub fn closes_at(hours: &Hours, cal: &Calendar, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    status(hours, cal, at).closes_at()
}

/// The next instant it becomes certainly open (after the current session, when open now).
pub fn next_opening(hours: &Hours, cal: &Calendar, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    Timeline::new(hours, cal, at, SEARCH_DAYS).next_opening(at)
}

/// The next instant the state flips (open, closed, may be closed, not confirmed).
pub fn next_change(hours: &Hours, cal: &Calendar, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    Timeline::new(hours, cal, at, SEARCH_DAYS)
        .next_change(at)
        .map(|(t, _)| t)
}

/// Whether a caller can reach the service within a response window, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReachKind {
    /// Open and not closing within 30 minutes.
    OpenNow { until: Option<DateTime<Utc>> },
    /// Opens (again) within the window.
    OpensWithin { opens: DateTime<Utc> },
    /// Open, but closing within 30 minutes and not opening again within the window.
    ClosingSoon {
        closes: DateTime<Utc>,
        next_open: Option<DateTime<Utc>>,
    },
    /// Closed, and not opening within the window.
    NotWithin { next_open: Option<DateTime<Utc>> },
    /// Not confirmed now (bank holiday or hours), and no certain opening within the window.
    Unsure {
        why: Uncertainty,
        next_open: Option<DateTime<Utc>>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub at: DateTime<Utc>,
    pub window_minutes: u32,
    pub kind: ReachKind,
}

impl Reach {
    pub fn reachable(&self) -> bool {
        matches!(
            self.kind,
            ReachKind::OpenNow { .. } | ReachKind::OpensWithin { .. }
        )
    }

    /// The reason, either way: "open until 22:00", "opens Mon 09:00, within 72 hours"...
    pub fn reason(&self) -> String {
        let w = window(self.window_minutes);
        let next = |n: Option<DateTime<Utc>>| match n {
            Some(n) => format!("opens {}", when(n, self.at)),
            None => format!("no opening in the next {SEARCH_DAYS} days"),
        };
        match self.kind {
            ReachKind::OpenNow { until: None } => "open all hours".to_string(),
            ReachKind::OpenNow { until: Some(u) } => format!("open until {}", when(u, self.at)),
            ReachKind::OpensWithin { opens } => {
                format!("opens {}, within {w}", when(opens, self.at))
            }
            ReachKind::ClosingSoon { closes, next_open } => format!(
                "closes at {}, within {CLOSING_SOON_MINUTES} minutes; {}",
                when(closes, self.at),
                next(next_open)
            ),
            ReachKind::NotWithin { next_open } => {
                format!("closed — {}, not within {w}", next(next_open))
            }
            ReachKind::Unsure {
                why: Uncertainty::BankHoliday,
                ..
            } => "may be closed (bank holiday) — check before giving".to_string(),
            ReachKind::Unsure {
                why: Uncertainty::NotConfirmed,
                ..
            } => "hours not confirmed — check before giving".to_string(),
        }
    }
}

/// Reachable within `window_minutes`: open now and not closing within 30 minutes, or opening
/// within the window. Doubtful hours are never reachable on their own doubtful time.
pub fn reach(hours: &Hours, cal: &Calendar, at: DateTime<Utc>, window_minutes: u32) -> Reach {
    let days = SEARCH_DAYS.max(window_minutes / 1440 + 1);
    let mut tl = Timeline::new(hours, cal, at, days);
    let kind = tl.kind_at(at);
    let until = match kind {
        Kind::Open => tl.next_change(at).map(|(t, _)| t),
        _ => None,
    };
    let soon = at + Duration::minutes(CLOSING_SOON_MINUTES);
    let deadline = at + Duration::minutes(i64::from(window_minutes));
    let result = |kind| Reach {
        at,
        window_minutes,
        kind,
    };
    if kind == Kind::Open && until.map_or(true, |u| u > soon) {
        return result(ReachKind::OpenNow { until });
    }
    let next_open = tl.next_opening(at);
    if let Some(opens) = next_open.filter(|n| *n <= deadline) {
        return result(ReachKind::OpensWithin { opens });
    }
    result(match (kind, until) {
        (Kind::Open, Some(closes)) => ReachKind::ClosingSoon { closes, next_open },
        (Kind::Unsure(why), _) => ReachKind::Unsure { why, next_open },
        _ => ReachKind::NotWithin { next_open },
    })
}
