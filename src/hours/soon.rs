//! "Closing soon": one notion, shared by the search and the triage outcome.
//!
//! A service open now that closes within `CLOSING_SOON_MINUTES` is still open — never listed
//! as "closed now" — but it is not a firm number to give: both screens show "open — closes in
//! 12 min" and put it under "check before giving" (HAZ-073).

use super::engine::{State, Status, CLOSING_SOON_MINUTES};
use super::text::when;
use chrono::{DateTime, Utc};

/// When an open service closes within the margin: the closing instant and whole minutes left
/// (rounded up, so the last seconds still read "1 min"). None when it is not open, or open
/// past the margin.
pub fn closing_soon(status: &Status) -> Option<(DateTime<Utc>, i64)> {
    match status.state {
        State::Open { until: Some(u) } => {
            let secs = (u - status.at).num_seconds();
            let mins = (secs + 59) / 60;
            (secs > 0 && mins <= CLOSING_SOON_MINUTES).then_some((u, mins))
        }
        _ => None,
    }
}

/// "open — closes in 12 min (23:59)", the hours line of a service closing soon.
pub fn text(closes: DateTime<Utc>, minutes: i64, at: DateTime<Utc>) -> String {
    format!("open — closes in {minutes} min ({})", when(closes, at))
}

/// What to check before giving a service that closes soon.
pub fn check(minutes: i64) -> String {
    format!("closes in {minutes} min: give another number too, in case they call after it closes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn open_until(at: DateTime<Utc>, until: DateTime<Utc>) -> Status {
        Status {
            at,
            state: State::Open { until: Some(until) },
            next_change: Some(until),
        }
    }

    #[test]
    fn the_margin_is_thirty_minutes_and_the_last_seconds_count_as_a_minute() {
        let midnight = Utc.with_ymd_and_hms(2026, 12, 2, 0, 0, 0).unwrap();
        let at = |h, m, s| Utc.with_ymd_and_hms(2026, 12, 1, h, m, s).unwrap();
        assert_eq!(closing_soon(&open_until(at(23, 29, 0), midnight)), None);
        assert_eq!(
            closing_soon(&open_until(at(23, 30, 0), midnight)),
            Some((midnight, 30))
        );
        assert_eq!(
            closing_soon(&open_until(at(23, 59, 40), midnight)),
            Some((midnight, 1))
        );
        assert_eq!(
            text(midnight, 12, at(23, 48, 0)),
            "open — closes in 12 min (midnight)"
        );
    }
}
