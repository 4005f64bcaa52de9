//! Opening-hours data as the directory states it; the `hours` module answers questions about it.

use super::status_note::ClosedPeriod;
use super::time::{Clock, Date};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];
    /// 0 = Monday, as chrono's `num_days_from_monday`.
    pub fn from_index(i: u32) -> Day {
        Day::ALL[(i % 7) as usize]
    }
    pub fn index(self) -> u32 {
        self as u32
    }
    pub fn label(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HoursKind {
    AllHours,
    Weekly,
    /// The source gives no usable hours: never shown as open or closed.
    #[default]
    NotConfirmed,
}

/// What happens on an England and Wales bank holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BankHolidayRule {
    AsWeekly,
    Closed,
    Sessions,
    /// Default: on a bank holiday the service "may be closed", never plainly open.
    #[default]
    NotConfirmed,
}

/// A time range within one day; a close at or before the open runs past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub open: Clock,
    pub close: Clock,
}

impl Span {
    /// Length in minutes of wall-clock time, ignoring clock changes.
    pub fn nominal_minutes(&self) -> u32 {
        let (o, c) = (self.open.0 as u32, self.close.0 as u32);
        if c > o {
            c - o
        } else {
            c + 1440 - o
        }
    }
    pub fn crosses_midnight(&self) -> bool {
        self.close.0 <= self.open.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub days: Vec<Day>,
    pub open: Clock,
    pub close: Clock,
}

impl Session {
    pub fn span(&self) -> Span {
        Span {
            open: self.open,
            close: self.close,
        }
    }
}

/// A dated closure or special opening; it beats every other rule on its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub from: Date,
    pub to: Date,
    #[serde(default)]
    pub closed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Span>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    #[serde(default)]
    pub kind: HoursKind,
    /// The source's own wording, always kept so a reader can judge the structure.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wording: String,
    #[serde(default)]
    pub bank_holidays: BankHolidayRule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bank_holiday_sessions: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Exception>,
    /// Closed periods from status notes, put here by `Directory::apply_status_notes`; a service
    /// file cannot set them.
    #[serde(skip)]
    pub closures: Vec<ClosedPeriod>,
}

impl Hours {
    pub fn all_hours() -> Self {
        Hours {
            kind: HoursKind::AllHours,
            bank_holidays: BankHolidayRule::AsWeekly,
            ..Default::default()
        }
    }
    pub fn not_confirmed(wording: &str) -> Self {
        Hours {
            wording: wording.to_string(),
            ..Default::default()
        }
    }
    pub fn is_confirmed(&self) -> bool {
        self.kind != HoursKind::NotConfirmed
    }
}
