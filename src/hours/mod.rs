//! Opening hours: open now, next change and reachable-within-a-window, in Europe/London time.
//!
//! Pure: every question takes the instant as an argument; nothing here reads a clock or the
//! machine's time zone. Precedence on a day: dated exception > open all hours > bank-holiday
//! rule > weekly sessions. A session belongs to the day it starts, even past midnight.

pub mod calendar;
pub mod day;
pub mod engine;
pub mod london;
pub mod notes;
pub mod soon;
pub mod text;
pub mod timeline;

pub use calendar::Calendar;
pub use day::{day_hours, monday_of, week, DayHours, DayPlan, DayRule};
pub use engine::{
    closes_at, contact_status, hours_of, next_change, next_opening, reach, status, Reach,
    ReachKind, State, Status, CLOSING_SOON_MINUTES, SEARCH_DAYS,
};
pub use london::parse_local;
pub use timeline::Uncertainty;
