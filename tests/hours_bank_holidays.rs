//! Bank holidays in the hours engine: every rule on a weekday and a weekend Christmas.

mod hours_support;

use chrono::NaiveDate;
use hours_support::*;
use signpost::hours::{self, next_change, next_opening, reach, status, Calendar, State};
use signpost::model::{BankHolidayRule, Day, Hours};

/// One rule's expected state at each asked instant.
fn check_rule(rule: BankHolidayRule, sessions: &[(&[Day], &str, &str)], cases: &[(&str, State)]) {
    let mut h = weekly(sessions, rule);
    if rule == BankHolidayRule::Sessions {
        h.bank_holiday_sessions = vec![span("10:00", "14:00")];
    }
    for (when, want) in cases {
        assert_eq!(state(&h, at(when)), *want, "{rule:?} at {when}");
    }
}

#[test]
fn christmas_on_a_weekday_for_each_rule() {
    // 2025: Christmas Thursday, Boxing Day Friday, both bank holidays.
    let s: &[(&[Day], &str, &str)] = &[(WEEKDAYS, "09:00", "17:00")];
    check_rule(
        BankHolidayRule::AsWeekly,
        s,
        &[("2025-12-25 12:00", open_until(at("2025-12-25 17:00")))],
    );
    check_rule(
        BankHolidayRule::Closed,
        s,
        &[
            ("2025-12-25 12:00", closed_until(at("2025-12-29 09:00"))),
            ("2025-12-26 12:00", closed_until(at("2025-12-29 09:00"))),
            ("2025-12-24 12:00", open_until(at("2025-12-24 17:00"))),
        ],
    );
    check_rule(
        BankHolidayRule::Sessions,
        s,
        &[
            ("2025-12-25 09:30", closed_until(at("2025-12-25 10:00"))),
            ("2025-12-25 12:00", open_until(at("2025-12-25 14:00"))),
            ("2025-12-25 15:00", closed_until(at("2025-12-26 10:00"))),
        ],
    );
    check_rule(
        BankHolidayRule::NotConfirmed,
        s,
        &[
            ("2025-12-25 12:00", State::MayBeClosedBankHoliday),
            ("2025-12-26 16:59", State::MayBeClosedBankHoliday),
            // Outside the usual sessions it is shut either way.
            ("2025-12-25 08:00", closed_until(at("2025-12-29 09:00"))),
            ("2025-12-24 12:00", open_until(at("2025-12-24 17:00"))),
        ],
    );
    let h = weekly(s, BankHolidayRule::NotConfirmed);
    let s = status(&h, &cal(), at("2025-12-25 12:00"));
    assert_eq!(s.text(), "may be closed (bank holiday)");
    assert!(!s.is_open());
    assert_eq!(s.next_change, Some(at("2025-12-25 17:00")));
    assert_eq!(
        next_opening(&h, &cal(), at("2025-12-25 12:00")),
        Some(at("2025-12-29 09:00"))
    );
    // Christmas Eve's close flips to "may be closed" the next morning, not to plain open.
    assert_eq!(
        next_change(&h, &cal(), at("2025-12-24 17:00")),
        Some(at("2025-12-25 09:00"))
    );
}

#[test]
fn christmas_at_a_weekend_moves_to_substitute_days_for_each_rule() {
    // 2027: Christmas Saturday, Boxing Day Sunday; bank holidays Mon 27 and Tue 28 Dec.
    let s: &[(&[Day], &str, &str)] = &[(&Day::ALL, "09:00", "17:00")];
    for rule in [
        BankHolidayRule::AsWeekly,
        BankHolidayRule::Closed,
        BankHolidayRule::Sessions,
        BankHolidayRule::NotConfirmed,
    ] {
        // The weekend days themselves are not bank holidays: the weekly hours stand.
        check_rule(
            rule,
            s,
            &[
                ("2027-12-25 12:00", open_until(at("2027-12-25 17:00"))),
                ("2027-12-26 12:00", open_until(at("2027-12-26 17:00"))),
                ("2027-12-29 12:00", open_until(at("2027-12-29 17:00"))),
            ],
        );
    }
    check_rule(
        BankHolidayRule::AsWeekly,
        s,
        &[("2027-12-27 12:00", open_until(at("2027-12-27 17:00")))],
    );
    check_rule(
        BankHolidayRule::Closed,
        s,
        &[
            ("2027-12-26 18:00", closed_until(at("2027-12-29 09:00"))),
            ("2027-12-27 12:00", closed_until(at("2027-12-29 09:00"))),
            ("2027-12-28 12:00", closed_until(at("2027-12-29 09:00"))),
        ],
    );
    check_rule(
        BankHolidayRule::Sessions,
        s,
        &[
            ("2027-12-27 12:00", open_until(at("2027-12-27 14:00"))),
            ("2027-12-27 15:00", closed_until(at("2027-12-28 10:00"))),
            ("2027-12-28 13:59", open_until(at("2027-12-28 14:00"))),
        ],
    );
    check_rule(
        BankHolidayRule::NotConfirmed,
        s,
        &[
            ("2027-12-27 12:00", State::MayBeClosedBankHoliday),
            ("2027-12-28 12:00", State::MayBeClosedBankHoliday),
            ("2027-12-26 18:00", closed_until(at("2027-12-29 09:00"))),
        ],
    );
}

#[test]
fn bank_holiday_rule_applies_to_sessions_starting_that_day() {
    // Mon 31 Aug 2026 is a bank holiday; a nightly 22:00-02:00 session.
    let night: &[(&[Day], &str, &str)] = &[(&Day::ALL, "22:00", "02:00")];
    for rule in [BankHolidayRule::Closed, BankHolidayRule::NotConfirmed] {
        let h = weekly(night, rule);
        // Sunday's session runs into the bank holiday as usual.
        assert_eq!(
            state(&h, at("2026-08-31 01:00")),
            open_until(at("2026-08-31 02:00")),
            "{rule:?}"
        );
    }
    // The bank holiday's own session, into Tuesday, follows the rule.
    let closed = weekly(night, BankHolidayRule::Closed);
    assert_eq!(
        state(&closed, at("2026-09-01 01:00")),
        closed_until(at("2026-09-01 22:00"))
    );
    let unsure = weekly(night, BankHolidayRule::NotConfirmed);
    assert_eq!(
        state(&unsure, at("2026-09-01 01:00")),
        State::MayBeClosedBankHoliday
    );
    assert_eq!(
        state(&unsure, at("2026-08-31 23:00")),
        State::MayBeClosedBankHoliday
    );
    assert_eq!(
        state(
            &weekly(night, BankHolidayRule::AsWeekly),
            at("2026-09-01 01:00")
        ),
        open_until(at("2026-09-01 02:00"))
    );
}

#[test]
fn directory_added_bank_holiday_is_honoured() {
    let file = signpost::model::directory::BankHolidayFile {
        add: vec![date(2026, 7, 1)],
        remove: vec![date(2026, 12, 25)],
    };
    let cal = Calendar::from(&file);
    let h = weekly(&[(WEEKDAYS, "09:00", "17:00")], BankHolidayRule::Closed);
    assert_eq!(
        status(&h, &cal, at("2026-07-01 12:00")).state,
        closed_until(at("2026-07-02 09:00"))
    );
    assert_eq!(
        status(&h, &cal, at("2026-12-25 12:00")).state,
        open_until(at("2026-12-25 17:00"))
    );
}

#[test]
fn bank_holiday_doubt_is_not_reachable_until_a_certain_opening() {
    let h = weekly(
        &[(WEEKDAYS, "09:00", "17:00")],
        BankHolidayRule::NotConfirmed,
    );
    // Mon 31 Aug 2026 bank holiday.
    let r = reach(&h, &cal(), at("2026-08-31 12:00"), 4 * 60);
    assert!(!r.reachable());
    assert_eq!(
        r.reason(),
        "may be closed (bank holiday) — check before giving"
    );
    let r = reach(&h, &cal(), at("2026-08-31 12:00"), 24 * 60);
    assert!(r.reachable());
    assert_eq!(r.reason(), "opens Tue 09:00, within 24 hours");
}

#[test]
fn week_view_shows_bank_holidays_and_the_monday() {
    let h = weekly(
        &[(WEEKDAYS, "09:00", "17:00")],
        BankHolidayRule::NotConfirmed,
    );
    let christmas = NaiveDate::from_ymd_opt(2025, 12, 25).unwrap();
    let monday = hours::monday_of(christmas);
    assert_eq!(monday, NaiveDate::from_ymd_opt(2025, 12, 22).unwrap());
    let week = hours::week(&h, &cal(), monday);
    let lines: Vec<String> = week.iter().map(|d| d.text()).collect();
    assert_eq!(
        lines,
        [
            "09:00–17:00",
            "09:00–17:00",
            "09:00–17:00",
            "may be closed (bank holiday); usually 09:00–17:00",
            "may be closed (bank holiday); usually 09:00–17:00",
            "closed",
            "closed",
        ]
    );
    assert!(week[3].bank_holiday && week[4].bank_holiday && !week[5].bank_holiday);
    assert_eq!(week[3].day, Day::Thu);
    let closed = weekly(&[(WEEKDAYS, "09:00", "17:00")], BankHolidayRule::Closed);
    assert_eq!(
        hours::week(&closed, &cal(), monday)[3].text(),
        "closed (bank holiday)"
    );
    let all = hours::week(&Hours::all_hours(), &cal(), monday);
    assert_eq!(all[3].text(), "open 24 hours");
}
