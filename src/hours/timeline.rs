//! Real open and uncertain intervals, built day by day only as far as a question needs.

use super::calendar::Calendar;
use super::day::{day_hours, DayPlan};
use super::london::{local_date, naive_to_utc, start_of_day, to_utc};
use crate::model::{Clock, Hours, Span};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Why a service can be neither shown open nor shown closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncertainty {
    /// A bank holiday, and the service's bank-holiday rule is not confirmed.
    BankHoliday,
    /// The service's hours are not confirmed at all.
    NotConfirmed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Open,
    Closed,
    Unsure(Uncertainty),
}

#[derive(Debug, Clone, Copy)]
struct Seg {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    kind: Kind,
}

impl Seg {
    fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

/// A span on `date` as real instants, via the tz data: a session across a clock change is as
/// long as the clocks make it, not its nominal length.
pub fn span_instants(date: NaiveDate, span: Span) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = to_utc(date, span.open);
    let close_date = if span.crosses_midnight() {
        date.succ_opt().unwrap_or(date)
    } else {
        date
    };
    (start, to_utc(close_date, span.close))
}

/// The intervals of a service's hours from the day before `at` to a horizon, loaded lazily.
pub(crate) struct Timeline<'a> {
    hours: &'a Hours,
    cal: &'a Calendar,
    /// The next local date whose segments are not loaded yet.
    next_day: NaiveDate,
    last_day: NaiveDate,
    /// Nothing is known at or after this instant (the local midnight after `last_day`).
    horizon: DateTime<Utc>,
    segs: Vec<Seg>,
}

impl<'a> Timeline<'a> {
    pub fn new(hours: &'a Hours, cal: &'a Calendar, at: DateTime<Utc>, days: u32) -> Self {
        let today = local_date(at);
        // Yesterday's sessions may still be running after midnight.
        let first = today.pred_opt().unwrap_or(today);
        let last_day = today
            .checked_add_signed(Duration::days(i64::from(days)))
            .unwrap_or(today);
        let horizon = start_of_day(last_day.succ_opt().unwrap_or(last_day));
        // A status note's closure beats every session it covers (see `kind_at`).
        let segs = hours
            .closures
            .iter()
            .map(|c| Seg {
                start: naive_to_utc(c.from.0),
                end: naive_to_utc(c.until.0),
                kind: Kind::Closed,
            })
            .filter(|s| s.start < s.end)
            .collect();
        Timeline {
            hours,
            cal,
            next_day: first,
            last_day,
            horizon,
            segs,
        }
    }

    fn load_through(&mut self, date: NaiveDate) {
        while self.next_day <= date.min(self.last_day) {
            let day = self.next_day;
            let plan = day_hours(self.hours, self.cal, day).plan;
            let mut push = |span: Span, kind| {
                let (start, end) = span_instants(day, span);
                // A session wholly inside the spring-forward gap never happens.
                if start < end {
                    self.segs.push(Seg { start, end, kind });
                }
            };
            let whole_day = Span {
                open: Clock::MIDNIGHT,
                close: Clock::END_OF_DAY,
            };
            match plan {
                DayPlan::AllDay => push(whole_day, Kind::Open),
                DayPlan::NotConfirmed => push(whole_day, Kind::Unsure(Uncertainty::NotConfirmed)),
                DayPlan::Sessions(spans) => spans.into_iter().for_each(|s| push(s, Kind::Open)),
                DayPlan::MayBeClosed(spans) => spans
                    .into_iter()
                    .for_each(|s| push(s, Kind::Unsure(Uncertainty::BankHoliday))),
            }
            match day.succ_opt() {
                Some(next) => self.next_day = next,
                None => break,
            }
        }
    }

    /// The state at `t`. An open session wins over a doubtful one from another day: a session
    /// belongs to the day it starts, so Sunday's late session runs into a bank-holiday Monday.
    pub fn kind_at(&mut self, t: DateTime<Utc>) -> Kind {
        self.load_through(local_date(t));
        let covering = || self.segs.iter().filter(|s| s.contains(t));
        // Only a status note's closure is a closed segment: it wins over any session.
        if covering().any(|s| s.kind == Kind::Closed) {
            return Kind::Closed;
        }
        if covering().any(|s| s.kind == Kind::Open) {
            return Kind::Open;
        }
        covering().map(|s| s.kind).next().unwrap_or(Kind::Closed)
    }

    /// The next instant after `t`, inside the horizon, where any interval starts or ends.
    fn next_boundary(&mut self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut day = local_date(t);
        loop {
            self.load_through(day);
            let candidate = self
                .segs
                .iter()
                .flat_map(|s| [s.start, s.end])
                .filter(|&b| b > t && b < self.horizon)
                .min();
            // Later days' intervals start no earlier than their own local midnight.
            let next_midnight = day.succ_opt().map(start_of_day);
            let settled = match (candidate, next_midnight) {
                (Some(c), Some(m)) => c <= m,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if settled || day >= self.last_day {
                return candidate;
            }
            day = day.succ_opt()?;
        }
    }

    /// The first instant after `t` where the state differs from the state at `t`, and the new one.
    pub fn next_change(&mut self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, Kind)> {
        let now = self.kind_at(t);
        let mut b = t;
        loop {
            b = self.next_boundary(b)?;
            let k = self.kind_at(b);
            if k != now {
                return Some((b, k));
            }
        }
    }

    /// The first instant after `t` where a closed or doubtful state becomes certainly open.
    pub fn next_opening(&mut self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut prev = self.kind_at(t);
        let mut b = t;
        loop {
            b = self.next_boundary(b)?;
            let k = self.kind_at(b);
            if k == Kind::Open && prev != Kind::Open {
                return Some(b);
            }
            prev = k;
        }
    }
}
