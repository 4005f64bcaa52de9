//! Instants and windows as a call handler reads them aloud: "22:00", "Mon 09:00", "midnight".

use super::london::local;
use chrono::{DateTime, Timelike, Utc};

/// `t` relative to `now`, in London time: the time alone on the same day, "midnight" for the
/// end of today, the weekday within the next six days, and the date beyond that.
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let (lt, ln) = (local(t), local(now));
    let days = (lt.date_naive() - ln.date_naive()).num_days();
    let at_midnight = lt.hour() == 0 && lt.minute() == 0;
    if days == 0 {
        lt.format("%H:%M").to_string()
    } else if days == 1 && at_midnight {
        "midnight".to_string()
    } else if (1..=6).contains(&days) {
        lt.format("%a %H:%M").to_string()
    } else {
        lt.format("%a %-d %b %H:%M").to_string()
    }
}

/// A response window in words: "30 minutes", "4 hours", "3 days".
pub fn window(minutes: u32) -> String {
    let plural = |n: u32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if minutes % 1440 == 0 && minutes > 72 * 60 {
        plural(minutes / 1440, "day")
    } else if minutes % 60 == 0 && minutes > 0 {
        plural(minutes / 60, "hour")
    } else {
        plural(minutes, "minute")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn when_reads_naturally() {
        let now = utc("2026-07-01T18:00:00Z"); // Wed 19:00 BST
        assert_eq!(when(utc("2026-07-01T21:00:00Z"), now), "22:00");
        assert_eq!(when(utc("2026-07-01T23:00:00Z"), now), "midnight");
        assert_eq!(when(utc("2026-07-02T01:00:00Z"), now), "Thu 02:00");
        assert_eq!(when(utc("2026-07-06T08:00:00Z"), now), "Mon 09:00");
        assert_eq!(when(utc("2026-07-08T08:00:00Z"), now), "Wed 8 Jul 09:00");
    }

    #[test]
    fn windows_in_words() {
        assert_eq!(window(30), "30 minutes");
        assert_eq!(window(240), "4 hours");
        assert_eq!(window(1440), "24 hours");
        assert_eq!(window(72 * 60), "72 hours");
        assert_eq!(window(28 * 1440), "28 days");
        assert_eq!(window(1), "1 minute");
    }
}
