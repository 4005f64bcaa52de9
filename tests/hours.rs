//! Opening-hours edge cases: weekdays, midnight, clock changes, exceptions, contacts, reach.

mod hours_support;

use chrono::{Duration, NaiveDate};
use hours_support::*;
use signpost::hours::{
    self, closes_at, contact_status, next_change, next_opening, reach, status, DayPlan, DayRule,
    ReachKind, State, Uncertainty,
};
use signpost::model::hours::Exception;
use signpost::model::{BankHolidayRule, Contact, ContactKind, Day, Hours, Service};

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
    // Thirty minutes before closing: the closing-soon margin.
    assert_eq!(s.text(), "open — closes in 30 min (01:00)");
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
