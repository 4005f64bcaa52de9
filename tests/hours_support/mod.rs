//! Shared builders for the hours tests: London times, weekly hours, expected states.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use signpost::hours::{self, status, Calendar, State};
use signpost::model::{BankHolidayRule, Clock, Date, Day, Hours, HoursKind, Session, Span};

pub const WEEKDAYS: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

/// London local time "YYYY-MM-DD HH:MM" as an instant.
pub fn at(s: &str) -> DateTime<Utc> {
    hours::parse_local(s).unwrap()
}

pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub fn clock(s: &str) -> Clock {
    Clock::parse(s).unwrap()
}

pub fn span(open: &str, close: &str) -> Span {
    Span {
        open: clock(open),
        close: clock(close),
    }
}

pub fn weekly(sessions: &[(&[Day], &str, &str)], bank_holidays: BankHolidayRule) -> Hours {
    Hours {
        kind: HoursKind::Weekly,
        bank_holidays,
        sessions: sessions
            .iter()
            .map(|(days, open, close)| Session {
                days: days.to_vec(),
                open: clock(open),
                close: clock(close),
            })
            .collect(),
        ..Default::default()
    }
}

pub fn nine_to_five() -> Hours {
    weekly(&[(WEEKDAYS, "09:00", "17:00")], BankHolidayRule::AsWeekly)
}

pub fn cal() -> Calendar {
    Calendar::england_and_wales()
}

pub fn state(h: &Hours, when: DateTime<Utc>) -> State {
    status(h, &cal(), when).state
}

pub fn open_until(u: DateTime<Utc>) -> State {
    State::Open { until: Some(u) }
}

pub fn closed_until(n: DateTime<Utc>) -> State {
    State::Closed { next_open: Some(n) }
}

pub fn date(y: i32, m: u32, d: u32) -> Date {
    Date::ymd(y, m, d).unwrap()
}
