//! Opening-hours edge cases: midnight, clock changes, bank holidays, exceptions, contacts, reach.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use signpost::hours::{
    self, closes_at, contact_status, next_change, next_opening, reach, status, Calendar, DayPlan,
    DayRule, ReachKind, State, Uncertainty,
};
use signpost::model::hours::Exception;
use signpost::model::{
    BankHolidayRule, Clock, Contact, ContactKind, Date, Day, Hours, HoursKind, Service, Session,
    Span,
};

const WEEKDAYS: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

/// London local time "YYYY-MM-DD HH:MM" as an instant.
fn at(s: &str) -> DateTime<Utc> {
    hours::parse_local(s).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn clock(s: &str) -> Clock {
    Clock::parse(s).unwrap()
}

fn span(open: &str, close: &str) -> Span {
    Span {
        open: clock(open),
        close: clock(close),
    }
}

fn weekly(sessions: &[(&[Day], &str, &str)], bank_holidays: BankHolidayRule) -> Hours {
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

fn nine_to_five() -> Hours {
    weekly(&[(WEEKDAYS, "09:00", "17:00")], BankHolidayRule::AsWeekly)
}

fn cal() -> Calendar {
    Calendar::england_and_wales()
}

fn state(h: &Hours, when: DateTime<Utc>) -> State {
    status(h, &cal(), when).state
}

fn open_until(u: DateTime<Utc>) -> State {
    State::Open { until: Some(u) }
}

fn closed_until(n: DateTime<Utc>) -> State {
    State::Closed { next_open: Some(n) }
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::ymd(y, m, d).unwrap()
}

#[test]
fn ordinary_weekday_session() {
    let h = nine_to_five();
    // Wed 1 Jul 2026, BST.
    let s = status(&h, &cal(), at("2026-07-01 10:00"));
    assert_eq!(s.state, open_until(at("2026-07-01 17:00")));
    assert_eq!(s.text(), "open until 17:00");
    assert_eq!(s.next_change, Some(at("2026-07-01 17:00")));
    assert_eq!(
        state(&h, at("2026-07-01 09:00")),
        open_until(at("2026-07-01 17:00"))
    );
    let early = status(&h, &cal(), at("2026-07-01 08:59"));
    assert_eq!(early.state, closed_until(at("2026-07-01 09:00")));
    assert_eq!(early.text(), "closed — opens 09:00");
    // Closing time itself is closed.
    assert_eq!(
        state(&h, at("2026-07-01 17:00")),
        closed_until(at("2026-07-02 09:00"))
    );
    let friday = status(&h, &cal(), at("2026-07-03 18:00"));
    assert_eq!(friday.text(), "closed — opens Mon 09:00");
    assert_eq!(
        closes_at(&h, &cal(), at("2026-07-01 16:59")),
        Some(at("2026-07-01 17:00"))
    );
    assert_eq!(closes_at(&h, &cal(), at("2026-07-01 18:00")), None);
}

#[test]
fn across_midnight_asked_at_0030() {
    let h = weekly(
        &[(&[Day::Mon], "23:00", "01:00")],
        BankHolidayRule::AsWeekly,
    );
    // Mon 6 Jul 2026 23:00 to Tue 7 Jul 01:00: Tuesday 00:30 is Monday's session.
    let s = status(&h, &cal(), at("2026-07-07 00:30"));
    assert_eq!(s.state, open_until(at("2026-07-07 01:00")));
    assert_eq!(s.text(), "open until 01:00");
    assert_eq!(
        state(&h, at("2026-07-06 22:59")),
        closed_until(at("2026-07-06 23:00"))
    );
    assert_eq!(
        status(&h, &cal(), at("2026-07-06 23:30")).text(),
        "open until Tue 01:00"
    );
    assert_eq!(
        state(&h, at("2026-07-07 01:00")),
        closed_until(at("2026-07-13 23:00"))
    );
    // Monday 00:30 is not covered: there is no Sunday session to run into it.
    assert_eq!(
        state(&h, at("2026-07-06 00:30")),
        closed_until(at("2026-07-06 23:00"))
    );
}

#[test]
fn session_to_24_00_ends_at_midnight() {
    let h = weekly(&[(&Day::ALL, "17:00", "24:00")], BankHolidayRule::AsWeekly);
    let s = status(&h, &cal(), at("2026-07-01 19:00"));
    assert_eq!(s.state, open_until(at("2026-07-02 00:00")));
    assert_eq!(s.text(), "open until midnight");
    assert_eq!(
        state(&h, at("2026-07-02 00:00")),
        closed_until(at("2026-07-02 17:00"))
    );
}

#[test]
fn spring_forward_night_session_lasts_three_hours() {
    // Sat 28 Mar 2026 22:00 GMT to Sun 29 Mar 02:00 BST: the clocks skip 01:00-02:00.
    let h = weekly(&[(&Day::ALL, "22:00", "02:00")], BankHolidayRule::AsWeekly);
    let opens = utc("2026-03-28T22:00:00Z");
    let closes = utc("2026-03-29T01:00:00Z");
    assert_eq!(at("2026-03-28 22:00"), opens);
    assert_eq!(closes - opens, Duration::hours(3));
    let (start, end) = hours::timeline::span_instants(
        NaiveDate::from_ymd_opt(2026, 3, 28).unwrap(),
        span("22:00", "02:00"),
    );
    assert_eq!((start, end), (opens, closes));
    assert_eq!(end - start, Duration::hours(3));
    assert_eq!(state(&h, opens), open_until(closes));
    assert_eq!(state(&h, closes - Duration::seconds(1)), open_until(closes));
    // 02:00 BST is the end, not 03:00 BST as nominal minutes would give.
    let sunday_night = utc("2026-03-29T21:00:00Z"); // Sun 22:00 BST
    assert_eq!(state(&h, closes), closed_until(sunday_night));
    assert_eq!(next_change(&h, &cal(), opens), Some(closes));
    assert_eq!(next_change(&h, &cal(), closes), Some(sunday_night));
    // The following night is ordinary again: four hours.
    assert_eq!(
        state(&h, sunday_night),
        open_until(utc("2026-03-30T01:00:00Z"))
    );
}

#[test]
fn fall_back_night_session_lasts_five_hours() {
    // Sat 24 Oct 2026 22:00 BST to Sun 25 Oct 02:00 GMT: the clocks repeat 01:00-02:00.
    let h = weekly(&[(&Day::ALL, "22:00", "02:00")], BankHolidayRule::AsWeekly);
    let opens = utc("2026-10-24T21:00:00Z");
    let closes = utc("2026-10-25T02:00:00Z");
    assert_eq!(at("2026-10-24 22:00"), opens);
    let (start, end) = hours::timeline::span_instants(
        NaiveDate::from_ymd_opt(2026, 10, 24).unwrap(),
        span("22:00", "02:00"),
    );
    assert_eq!((start, end), (opens, closes));
    assert_eq!(end - start, Duration::hours(5));
    assert_eq!(state(&h, opens), open_until(closes));
    // Both 01:30s are inside the session: 00:30Z (BST) and 01:30Z (GMT).
    assert_eq!(state(&h, utc("2026-10-25T00:30:00Z")), open_until(closes));
    assert_eq!(state(&h, utc("2026-10-25T01:30:00Z")), open_until(closes));
    assert_eq!(state(&h, closes - Duration::seconds(1)), open_until(closes));
    let sunday_night = utc("2026-10-25T22:00:00Z"); // Sun 22:00 GMT
    assert_eq!(state(&h, closes), closed_until(sunday_night));
    assert_eq!(next_change(&h, &cal(), opens), Some(closes));
}

#[test]
fn session_starting_inside_the_spring_gap_opens_when_the_clocks_change() {
    let h = weekly(
        &[(&[Day::Sun], "01:30", "03:00")],
        BankHolidayRule::AsWeekly,
    );
    let change = utc("2026-03-29T01:00:00Z");
    assert_eq!(state(&h, utc("2026-03-29T00:45:00Z")), closed_until(change));
    assert_eq!(state(&h, change), open_until(utc("2026-03-29T02:00:00Z")));
}

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
fn dated_closure_over_a_weekly_session() {
    let mut h = nine_to_five();
    h.exceptions.push(Exception {
        from: date(2026, 7, 1),
        to: date(2026, 7, 2),
        closed: true,
        sessions: vec![],
        note: "Staff training".into(),
    });
    assert_eq!(
        state(&h, at("2026-06-30 16:00")),
        open_until(at("2026-06-30 17:00"))
    );
    assert_eq!(
        state(&h, at("2026-07-01 10:00")),
        closed_until(at("2026-07-03 09:00"))
    );
    assert_eq!(
        state(&h, at("2026-07-02 16:59")),
        closed_until(at("2026-07-03 09:00"))
    );
    let week = hours::week(&h, &cal(), NaiveDate::from_ymd_opt(2026, 6, 29).unwrap());
    assert_eq!(week[2].rule, DayRule::Exception);
    assert_eq!(week[2].text(), "closed (Staff training)");
    assert_eq!(week[4].text(), "09:00–17:00");
}

#[test]
fn dated_opening_beats_bank_holiday_and_all_hours_closure() {
    // A special Christmas opening on a service closed on bank holidays.
    let mut h = weekly(&[(WEEKDAYS, "09:00", "17:00")], BankHolidayRule::Closed);
    h.exceptions.push(Exception {
        from: date(2026, 12, 25),
        to: date(2026, 12, 25),
        closed: false,
        sessions: vec![span("10:00", "12:00")],
        note: "Christmas Day opening".into(),
    });
    assert_eq!(
        state(&h, at("2026-12-25 11:00")),
        open_until(at("2026-12-25 12:00"))
    );
    assert_eq!(
        state(&h, at("2026-12-25 13:00")),
        closed_until(at("2026-12-29 09:00"))
    );
    // A 24/7 service with a dated closure is shut for it and says when it is back.
    let mut all = Hours::all_hours();
    all.exceptions.push(Exception {
        from: date(2026, 7, 1),
        to: date(2026, 7, 1),
        closed: true,
        sessions: vec![],
        note: "Phone system upgrade".into(),
    });
    assert_eq!(
        state(&all, at("2026-06-30 12:00")),
        open_until(at("2026-07-01 00:00"))
    );
    assert_eq!(
        state(&all, at("2026-07-01 12:00")),
        closed_until(at("2026-07-02 00:00"))
    );
}

#[test]
fn open_all_hours() {
    let mut h = Hours::all_hours();
    // Precedence: all hours beats any bank-holiday rule.
    h.bank_holidays = BankHolidayRule::NotConfirmed;
    for when in [
        "2026-07-01 03:00",
        "2026-12-25 12:00",
        "2026-03-29 01:00",
        "2026-10-25 01:30",
    ] {
        let s = status(&h, &cal(), at(when));
        assert_eq!(s.state, State::Open { until: None }, "{when}");
        assert_eq!(s.text(), "open all hours");
        assert_eq!(s.next_change, None);
        assert!(reach(&h, &cal(), at(when), 240).reachable());
    }
    // Weekly sessions covering every hour with as-weekly bank holidays say the same.
    let round = weekly(&[(&Day::ALL, "00:00", "24:00")], BankHolidayRule::AsWeekly);
    assert_eq!(
        state(&round, at("2026-07-01 03:00")),
        State::Open { until: None }
    );
    // ...but not when a bank holiday's hours are in doubt: open until that day begins.
    let doubt = weekly(
        &[(&Day::ALL, "00:00", "24:00")],
        BankHolidayRule::NotConfirmed,
    );
    assert_eq!(
        state(&doubt, at("2026-08-30 12:00")),
        open_until(at("2026-08-31 00:00"))
    );
}

#[test]
fn adjoining_sessions_read_as_one_opening() {
    let h = weekly(
        &[(WEEKDAYS, "09:00", "13:00"), (WEEKDAYS, "13:00", "17:00")],
        BankHolidayRule::AsWeekly,
    );
    assert_eq!(
        state(&h, at("2026-07-01 10:00")),
        open_until(at("2026-07-01 17:00"))
    );
}

fn contact(kind: ContactKind, hours: Option<Hours>) -> Contact {
    Contact {
        kind,
        label: String::new(),
        value: "0000".into(),
        keyword: String::new(),
        audience: Default::default(),
        hours,
    }
}

#[test]
fn per_contact_hours() {
    let svc = Service {
        id: "x".into(),
        name: "X".into(),
        hours: nine_to_five(),
        contacts: vec![
            contact(ContactKind::Phone, None),
            contact(ContactKind::Text, Some(Hours::all_hours())),
            contact(
                ContactKind::Chat,
                Some(Hours::not_confirmed("chat times vary")),
            ),
            contact(
                ContactKind::Whatsapp,
                Some(weekly(
                    &[(WEEKDAYS, "15:00", "20:00")],
                    BankHolidayRule::AsWeekly,
                )),
            ),
        ],
        ..Default::default()
    };
    let evening = at("2026-07-01 19:00");
    let c = &svc.contacts;
    assert_eq!(
        contact_status(&svc, &c[0], &cal(), evening).state,
        closed_until(at("2026-07-02 09:00"))
    );
    assert_eq!(
        contact_status(&svc, &c[1], &cal(), evening).state,
        State::Open { until: None }
    );
    assert_eq!(
        contact_status(&svc, &c[2], &cal(), evening).state,
        State::NotConfirmed
    );
    assert_eq!(
        contact_status(&svc, &c[3], &cal(), evening).state,
        open_until(at("2026-07-01 20:00"))
    );
    assert!(std::ptr::eq(hours::hours_of(&svc, &c[0]), &svc.hours));
}

#[test]
fn next_change_across_a_week_boundary() {
    let h = nine_to_five();
    // Friday evening to Monday morning, through Sunday-to-Monday.
    assert_eq!(
        next_change(&h, &cal(), at("2026-07-03 17:30")),
        Some(at("2026-07-06 09:00"))
    );
    assert_eq!(
        next_change(&h, &cal(), at("2026-07-05 23:59")),
        Some(at("2026-07-06 09:00"))
    );
    // A weekly-only session: from Tuesday to the next Monday, seven days on.
    let monday = weekly(
        &[(&[Day::Mon], "09:00", "10:00")],
        BankHolidayRule::AsWeekly,
    );
    assert_eq!(
        next_change(&monday, &cal(), at("2026-07-07 12:00")),
        Some(at("2026-07-13 09:00"))
    );
    assert_eq!(
        status(&monday, &cal(), at("2026-07-07 12:00")).text(),
        "closed — opens Mon 09:00"
    );
    // A Sunday-night session that runs into Monday.
    let sunday = weekly(
        &[(&[Day::Sun], "20:00", "02:00")],
        BankHolidayRule::AsWeekly,
    );
    assert_eq!(
        next_change(&sunday, &cal(), at("2026-07-05 21:00")),
        Some(at("2026-07-06 02:00"))
    );
    // Across the clock change week: Friday 27 Mar GMT to Monday 30 Mar BST.
    assert_eq!(
        next_change(&h, &cal(), at("2026-03-27 17:00")),
        Some(utc("2026-03-30T08:00:00Z"))
    );
}

#[test]
fn not_confirmed_is_never_open_and_never_closed() {
    let h = Hours::not_confirmed("phone to check");
    for when in ["2026-07-01 12:00", "2026-07-01 03:00", "2026-12-25 12:00"] {
        let s = status(&h, &cal(), at(when));
        assert_eq!(s.state, State::NotConfirmed, "{when}");
        assert_eq!(s.text(), "hours not confirmed");
        assert!(!s.is_open());
        assert_eq!(s.next_change, None);
        assert_eq!(closes_at(&h, &cal(), at(when)), None);
        assert_eq!(next_opening(&h, &cal(), at(when)), None);
        let r = reach(&h, &cal(), at(when), 24 * 60);
        assert!(!r.reachable());
        assert_eq!(r.reason(), "hours not confirmed — check before giving");
        assert!(matches!(
            r.kind,
            ReachKind::Unsure {
                why: Uncertainty::NotConfirmed,
                ..
            }
        ));
    }
    let week = hours::week(&h, &cal(), NaiveDate::from_ymd_opt(2026, 6, 29).unwrap());
    assert!(week.iter().all(|d| d.plan == DayPlan::NotConfirmed));
    assert!(week.iter().all(|d| d.text() == "hours not confirmed"));
}

#[test]
fn reachable_within_a_window() {
    let h = nine_to_five();
    let r = reach(&h, &cal(), at("2026-07-01 16:15"), 60);
    assert!(r.reachable());
    assert_eq!(r.reason(), "open until 17:00");
    // Closing in exactly 30 minutes, or fewer, is not enough.
    let r = reach(&h, &cal(), at("2026-07-01 16:30"), 60);
    assert!(!r.reachable());
    assert_eq!(
        r.kind,
        ReachKind::ClosingSoon {
            closes: at("2026-07-01 17:00"),
            next_open: Some(at("2026-07-02 09:00"))
        }
    );
    assert_eq!(
        r.reason(),
        "closes at 17:00, within 30 minutes; opens Thu 09:00"
    );
    // ...unless it opens again within the window.
    let r = reach(&h, &cal(), at("2026-07-01 16:45"), 24 * 60);
    assert!(r.reachable());
    assert_eq!(r.reason(), "opens Thu 09:00, within 24 hours");
    // Closed, opening within the window or not.
    let r = reach(&h, &cal(), at("2026-07-01 06:00"), 4 * 60);
    assert_eq!(
        r.kind,
        ReachKind::OpensWithin {
            opens: at("2026-07-01 09:00")
        }
    );
    let r = reach(&h, &cal(), at("2026-07-01 06:00"), 2 * 60);
    assert!(!r.reachable());
    assert_eq!(r.reason(), "closed — opens 09:00, not within 2 hours");
    // A routine window of four weeks looks beyond the usual search horizon.
    let mut closed_month = nine_to_five();
    closed_month.exceptions.push(Exception {
        from: date(2026, 7, 1),
        to: date(2026, 7, 20),
        closed: true,
        sessions: vec![],
        note: String::new(),
    });
    assert_eq!(
        status(&closed_month, &cal(), at("2026-07-01 12:00")).text(),
        "closed — no opening in the next 14 days"
    );
    let r = reach(&closed_month, &cal(), at("2026-07-01 12:00"), 28 * 1440);
    assert_eq!(
        r.kind,
        ReachKind::OpensWithin {
            opens: at("2026-07-21 09:00")
        }
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

mod invariants {
    use super::*;
    use proptest::prelude::*;
    use std::mem::discriminant;

    fn rule(i: u8) -> BankHolidayRule {
        [
            BankHolidayRule::AsWeekly,
            BankHolidayRule::Closed,
            BankHolidayRule::Sessions,
            BankHolidayRule::NotConfirmed,
        ][i as usize % 4]
    }

    fn hours_from(sessions: Vec<(u8, u16, u16)>, r: u8) -> Hours {
        let mut h = Hours {
            kind: HoursKind::Weekly,
            bank_holidays: rule(r),
            bank_holiday_sessions: vec![span("10:00", "14:00")],
            ..Default::default()
        };
        for (days, open, len) in sessions {
            let open = open % 96 * 15;
            let close = (open + 15 + len % 95 * 15) % 1440;
            h.sessions.push(Session {
                days: Day::ALL
                    .iter()
                    .copied()
                    .filter(|d| days & (1 << d.index()) != 0)
                    .collect(),
                open: Clock(open),
                close: Clock(if close == 0 { 1440 } else { close }),
            });
        }
        h
    }

    proptest! {
        // Around every answer, the instants the engine names are where the state really flips.
        #[test]
        fn named_instants_are_real_flips(
            sessions in prop::collection::vec((1u8..128, 0u16..96, 0u16..95), 1..4),
            r in 0u8..4,
            minute in 0i64..(4 * 365 * 1440),
        ) {
            let h = hours_from(sessions, r);
            let t = utc("2025-01-01T00:00:00Z") + Duration::minutes(minute);
            let s = status(&h, &cal(), t);
            let second = Duration::seconds(1);
            if let Some(c) = s.next_change {
                prop_assert!(c > t);
                let before = status(&h, &cal(), c - second).state;
                prop_assert_eq!(discriminant(&before), discriminant(&s.state));
                let after = status(&h, &cal(), c).state;
                prop_assert_ne!(discriminant(&after), discriminant(&s.state));
            }
            match s.state {
                State::Open { until: Some(u) } => {
                    prop_assert_eq!(Some(u), s.next_change);
                    prop_assert!(!status(&h, &cal(), u).is_open());
                }
                State::Closed { next_open: Some(n) } => {
                    prop_assert!(status(&h, &cal(), n).is_open());
                    prop_assert!(!status(&h, &cal(), n - second).is_open());
                }
                _ => {}
            }
            // A doubtful bank holiday is never shown open on its own sessions.
            if s.state == State::MayBeClosedBankHoliday {
                prop_assert_eq!(h.bank_holidays, BankHolidayRule::NotConfirmed);
            }
        }
    }
}

/// Identifiers in code, leaving out comments and string literals (which may name anything).
fn code_tokens(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .map(|l| l.split('"').step_by(2).collect::<String>())
        .flat_map(|l| {
            l.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_code_uses_the_machine_time_zone_and_hours_reads_no_clock() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.iter().any(|f| f.ends_with("hours/london.rs")));
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let tokens = code_tokens(&text);
        assert!(
            !tokens.iter().any(|t| t == "Local" || t == "iana_time_zone"),
            "{} uses the machine's time zone",
            f.display()
        );
        if f.components().any(|c| c.as_os_str() == "hours") {
            let code: String = text
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect();
            for banned in ["::now(", "SystemTime", "Instant::", ".today("] {
                assert!(
                    !code.contains(banned),
                    "{} reads a clock ({banned})",
                    f.display()
                );
            }
        }
    }
}
