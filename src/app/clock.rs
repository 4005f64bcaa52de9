//! Wall-clock helpers for the app: Europe/London display and the next whole minute.

use crate::hours::london;
use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};

/// The instant as the handler reads it: "Mon 14:05" in Europe/London (BST or GMT as due).
pub fn london_hm(now: DateTime<Utc>) -> String {
    london::local(now).format("%a %H:%M").to_string()
}

/// Today's date in Europe/London.
pub fn london_date(now: DateTime<Utc>) -> NaiveDate {
    london::local_date(now)
}

/// The start of the next minute: the status-bar clock's next change.
pub fn next_minute(now: DateTime<Utc>) -> DateTime<Utc> {
    let floor = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    floor + Duration::minutes(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn london_time_follows_summer_time() {
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        assert_eq!(london_hm(summer), "Wed 13:00");
        let winter = Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap();
        assert_eq!(london_hm(winter), "Wed 12:00");
    }

    #[test]
    fn next_minute_is_the_next_whole_minute() {
        let t = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 59).unwrap();
        assert_eq!(
            next_minute(t),
            Utc.with_ymd_and_hms(2026, 7, 1, 12, 1, 0).unwrap()
        );
    }
}
