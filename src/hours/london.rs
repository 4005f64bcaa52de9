//! Europe/London wall-clock time from the tz data compiled into the binary, never the machine's.

use crate::model::Clock;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use chrono_tz::Tz;

/// The only time zone the directory's times are written in.
pub const ZONE: Tz = London;

/// Longest stretch of local time that can be skipped by a clock change; London's is one hour.
const MAX_GAP_MINUTES: i64 = 3 * 60;

pub fn local(at: DateTime<Utc>) -> DateTime<Tz> {
    at.with_timezone(&ZONE)
}

pub fn local_naive(at: DateTime<Utc>) -> NaiveDateTime {
    local(at).naive_local()
}

pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    local(at).date_naive()
}

/// A local wall-clock reading as a real instant. A reading the spring-forward skips becomes the
/// first instant after the gap (the clocks' new 02:00); one the fall-back repeats becomes the
/// earlier of its two instants, so a session never starts late or ends late because of it.
pub fn naive_to_utc(t: NaiveDateTime) -> DateTime<Utc> {
    match ZONE.from_local_datetime(&t) {
        LocalResult::Single(x) => x.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => {
            // Walk forward by the minute: London's changes fall on the hour, so the first
            // valid reading is exactly the instant the clocks change.
            for m in 1..=MAX_GAP_MINUTES {
                let later = t + Duration::minutes(m);
                match ZONE.from_local_datetime(&later) {
                    LocalResult::Single(x) => return x.with_timezone(&Utc),
                    LocalResult::Ambiguous(a, b) => return a.min(b).with_timezone(&Utc),
                    LocalResult::None => {}
                }
            }
            // Unreachable with real tz data; reading it as GMT keeps the answer defined.
            Utc.from_utc_datetime(&t)
        }
    }
}

/// `clock` on local `date` as an instant; "24:00" is the next day's midnight.
pub fn to_utc(date: NaiveDate, clock: Clock) -> DateTime<Utc> {
    let minutes = i64::from(clock.minutes());
    naive_to_utc(date.and_time(NaiveTime::MIN) + Duration::minutes(minutes))
}

/// Local midnight at the start of `date`.
pub fn start_of_day(date: NaiveDate) -> DateTime<Utc> {
    to_utc(date, Clock::MIDNIGHT)
}

/// Parse the CLI's `--at "YYYY-MM-DD HH:MM"`, read as Europe/London local time.
pub fn parse_local(s: &str) -> Result<DateTime<Utc>, String> {
    let text = s.trim();
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(naive_to_utc)
        .ok_or_else(|| {
            format!(
                "'{s}' is not a local date and time (expected \"YYYY-MM-DD HH:MM\", London time)"
            )
        })
}

/// "Tue 24 Mar 2026 19:00 GMT": an instant as a reader in London sees it, zone named.
pub fn describe(at: DateTime<Utc>) -> String {
    local(at).format("%a %-d %b %Y %H:%M %Z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(
            to_utc(ymd(2026, 1, 12), Clock::hm(9, 0)),
            utc("2026-01-12T09:00:00Z")
        );
        assert_eq!(
            to_utc(ymd(2026, 7, 1), Clock::hm(9, 0)),
            utc("2026-07-01T08:00:00Z")
        );
        assert_eq!(
            local_naive(utc("2026-07-01T23:30:00Z")).to_string(),
            "2026-07-02 00:30:00"
        );
        assert_eq!(local_date(utc("2026-07-01T23:30:00Z")), ymd(2026, 7, 2));
    }

    #[test]
    fn spring_forward_gap_goes_to_the_change() {
        // 29 Mar 2026: 01:00 GMT becomes 02:00 BST; 01:30 local never happens.
        let change = utc("2026-03-29T01:00:00Z");
        assert_eq!(to_utc(ymd(2026, 3, 29), Clock::hm(1, 0)), change);
        assert_eq!(to_utc(ymd(2026, 3, 29), Clock::hm(1, 30)), change);
        assert_eq!(to_utc(ymd(2026, 3, 29), Clock::hm(2, 0)), change);
        assert_eq!(
            to_utc(ymd(2026, 3, 29), Clock::hm(0, 59)),
            utc("2026-03-29T00:59:00Z")
        );
    }

    #[test]
    fn fall_back_overlap_takes_the_earlier() {
        // 25 Oct 2026: 02:00 BST becomes 01:00 GMT; 01:30 local happens twice.
        assert_eq!(
            to_utc(ymd(2026, 10, 25), Clock::hm(1, 30)),
            utc("2026-10-25T00:30:00Z")
        );
        assert_eq!(
            to_utc(ymd(2026, 10, 25), Clock::hm(2, 0)),
            utc("2026-10-25T02:00:00Z")
        );
    }

    #[test]
    fn end_of_day_is_next_midnight() {
        assert_eq!(
            to_utc(ymd(2026, 7, 1), Clock::END_OF_DAY),
            utc("2026-07-01T23:00:00Z")
        );
        assert_eq!(start_of_day(ymd(2026, 7, 2)), utc("2026-07-01T23:00:00Z"));
    }

    #[test]
    fn parse_local_reads_london_time() {
        assert_eq!(
            parse_local("2026-07-01 19:00"),
            Ok(utc("2026-07-01T18:00:00Z"))
        );
        assert_eq!(
            parse_local("2026-12-25T19:00"),
            Ok(utc("2026-12-25T19:00:00Z"))
        );
        assert_eq!(
            parse_local("2026-03-29 01:30"),
            Ok(utc("2026-03-29T01:00:00Z"))
        );
        assert!(parse_local("2026-07-01").is_err());
        assert!(parse_local("01/07/2026 19:00").is_err());
        assert!(parse_local("2026-07-01 25:00").is_err());
    }

    #[test]
    fn describe_names_the_zone() {
        assert_eq!(
            describe(utc("2026-07-01T18:00:00Z")),
            "Wed 1 Jul 2026 19:00 BST"
        );
        assert_eq!(
            describe(utc("2026-12-25T19:00:00Z")),
            "Fri 25 Dec 2026 19:00 GMT"
        );
    }
}
