//! One local day's hours after precedence: dated exception > all hours > bank holiday > weekly.

use super::calendar::Calendar;
use crate::model::{BankHolidayRule, Day, Hours, HoursKind, Span};
use chrono::{Datelike, Duration, NaiveDate};

/// Which rule decided a day's hours, so a reader can see why a day differs from the usual week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRule {
    Exception,
    AllHours,
    BankHoliday,
    Weekly,
    NotConfirmed,
}

/// What a day holds. Sessions belong to the day they start, even when they run past midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayPlan {
    /// Open from local midnight to the next.
    AllDay,
    /// Open for these sessions, in start order; empty means closed all day.
    Sessions(Vec<Span>),
    /// A bank holiday whose rule is not confirmed: the usual sessions may or may not run.
    MayBeClosed(Vec<Span>),
    /// Hours not confirmed: neither open nor closed.
    NotConfirmed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayHours {
    pub date: NaiveDate,
    pub day: Day,
    pub bank_holiday: bool,
    pub rule: DayRule,
    pub plan: DayPlan,
    /// The exception's note, when an exception decided the day.
    pub note: String,
}

pub fn day_of(date: NaiveDate) -> Day {
    Day::from_index(date.weekday().num_days_from_monday())
}

fn sorted(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.open, s.close));
    spans
}

/// The weekly sessions that start on `day`.
pub fn weekly_spans(hours: &Hours, day: Day) -> Vec<Span> {
    sorted(
        hours
            .sessions
            .iter()
            .filter(|s| s.days.contains(&day))
            .map(|s| s.span())
            .collect(),
    )
}

/// The hours of one local date, with the rule that decided them.
pub fn day_hours(hours: &Hours, cal: &Calendar, date: NaiveDate) -> DayHours {
    let day = day_of(date);
    let bank_holiday = cal.is_bank_holiday(date);
    let make = |rule, plan, note: String| DayHours {
        date,
        day,
        bank_holiday,
        rule,
        plan,
        note,
    };
    let covering: Vec<_> = hours
        .exceptions
        .iter()
        .filter(|e| e.from.0 <= date && date <= e.to.0)
        .collect();
    if !covering.is_empty() {
        let note = covering
            .iter()
            .map(|e| e.note.trim())
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        // Overlapping exceptions: a closure wins, since showing a shut service as open is the
        // harm we guard against. An exception with neither closure nor sessions also means shut.
        let closed = covering.iter().any(|e| e.closed || e.sessions.is_empty());
        let spans = if closed {
            Vec::new()
        } else {
            sorted(covering.iter().flat_map(|e| e.sessions.clone()).collect())
        };
        return make(DayRule::Exception, DayPlan::Sessions(spans), note);
    }
    match hours.kind {
        HoursKind::NotConfirmed => {
            make(DayRule::NotConfirmed, DayPlan::NotConfirmed, String::new())
        }
        HoursKind::AllHours => make(DayRule::AllHours, DayPlan::AllDay, String::new()),
        HoursKind::Weekly => {
            let usual = weekly_spans(hours, day);
            let rule = if bank_holiday {
                hours.bank_holidays
            } else {
                BankHolidayRule::AsWeekly
            };
            match rule {
                BankHolidayRule::AsWeekly => {
                    make(DayRule::Weekly, DayPlan::Sessions(usual), String::new())
                }
                BankHolidayRule::Closed => make(
                    DayRule::BankHoliday,
                    DayPlan::Sessions(Vec::new()),
                    String::new(),
                ),
                BankHolidayRule::Sessions => make(
                    DayRule::BankHoliday,
                    DayPlan::Sessions(sorted(hours.bank_holiday_sessions.clone())),
                    String::new(),
                ),
                // A day the service is shut every week stays shut: the doubt is only whether
                // the usual sessions run.
                BankHolidayRule::NotConfirmed if usual.is_empty() => {
                    make(DayRule::Weekly, DayPlan::Sessions(usual), String::new())
                }
                BankHolidayRule::NotConfirmed => make(
                    DayRule::BankHoliday,
                    DayPlan::MayBeClosed(usual),
                    String::new(),
                ),
            }
        }
    }
}

/// The seven days from `from` (a local date), each after exceptions and bank holidays.
pub fn week(hours: &Hours, cal: &Calendar, from: NaiveDate) -> Vec<DayHours> {
    (0..7)
        .filter_map(|i| from.checked_add_signed(Duration::days(i)))
        .map(|date| day_hours(hours, cal, date))
        .collect()
}

/// The Monday on or before `date`, for showing a Monday-to-Sunday week.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn span_text(s: &Span) -> String {
    format!("{}–{}", s.open, s.close)
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(span_text).collect::<Vec<_>>().join(", ")
}

impl DayHours {
    /// One line for the week view: "09:00–18:00", "closed (bank holiday)", "open 24 hours"...
    pub fn text(&self) -> String {
        let why = match self.rule {
            DayRule::Exception if self.note.is_empty() => " (special hours)".to_string(),
            DayRule::Exception => format!(" ({})", self.note),
            DayRule::BankHoliday => " (bank holiday)".to_string(),
            _ => String::new(),
        };
        match &self.plan {
            DayPlan::AllDay => "open 24 hours".to_string(),
            DayPlan::NotConfirmed => "hours not confirmed".to_string(),
            DayPlan::Sessions(s) if s.is_empty() => format!("closed{why}"),
            DayPlan::Sessions(s) => format!("{}{why}", spans_text(s)),
            DayPlan::MayBeClosed(s) => {
                format!("may be closed (bank holiday); usually {}", spans_text(s))
            }
        }
    }
}
