//! The hours engine on the default directory's own records, as they are written today.

use chrono::{DateTime, Utc};
use signpost::hours::{self, contact_status, status, Calendar, State};
use signpost::model::{Directory, HoursKind, Service};

fn directory() -> Directory {
    signpost::directory::parse(&signpost::directory::embedded()).expect("default directory parses")
}

fn at(s: &str) -> DateTime<Utc> {
    hours::parse_local(s).unwrap()
}

fn service<'a>(dir: &'a Directory, id: &str) -> &'a Service {
    dir.service(id)
        .unwrap_or_else(|| panic!("the default directory has no '{id}'"))
}

fn state(dir: &Directory, id: &str, when: &str) -> (State, String) {
    let cal = Calendar::from(&dir.bank_holidays);
    let s = status(&service(dir, id).hours, &cal, at(when));
    (s.state, s.text())
}

#[test]
fn samaritans_open_at_three_in_the_morning() {
    let dir = directory();
    for when in [
        "2026-12-02 03:00",
        "2026-12-25 03:00",
        "2026-03-29 03:00",
        "2026-10-25 01:30",
    ] {
        let (s, text) = state(&dir, "samaritans", when);
        assert_eq!(s, State::Open { until: None }, "{when}");
        assert_eq!(text, "open all hours");
    }
}

#[test]
fn calm_open_at_seven_in_the_evening_and_shut_at_three() {
    let dir = directory();
    // 17:00 to 24:00 every day.
    let (s, text) = state(&dir, "calm", "2026-12-02 19:00");
    assert_eq!(
        s,
        State::Open {
            until: Some(at("2026-12-03 00:00"))
        }
    );
    assert_eq!(text, "open until midnight");
    let (s, text) = state(&dir, "calm", "2026-12-03 03:00");
    assert_eq!(
        s,
        State::Closed {
            next_open: Some(at("2026-12-03 17:00"))
        }
    );
    assert_eq!(text, "closed — opens 17:00");
    // Its bank-holiday rule is as-weekly: open on Christmas evening too.
    let (s, _) = state(&dir, "calm", "2026-12-25 19:00");
    assert!(matches!(s, State::Open { .. }));
}

#[test]
fn mind_infoline_shut_on_christmas_day_and_at_seven_in_the_evening() {
    let dir = directory();
    // Christmas Day 2026 is a Friday; Boxing Day's substitute is Monday 28th: back Tuesday.
    let (s, text) = state(&dir, "mind-infoline", "2026-12-25 12:00");
    assert_eq!(
        s,
        State::Closed {
            next_open: Some(at("2026-12-29 09:00"))
        }
    );
    assert_eq!(text, "closed — opens Tue 09:00");
    let (s, text) = state(&dir, "mind-infoline", "2026-12-02 19:00");
    assert_eq!(
        s,
        State::Closed {
            next_open: Some(at("2026-12-03 09:00"))
        }
    );
    assert_eq!(text, "closed — opens Thu 09:00");
    let (s, _) = state(&dir, "mind-infoline", "2026-12-02 12:00");
    assert!(matches!(s, State::Open { .. }));
}

#[test]
fn lighthouse_open_at_nine_in_the_evening_and_shut_at_ten_in_the_morning() {
    let dir = directory();
    // 16:30 to 24:00, every day.
    let (s, text) = state(&dir, "lighthouse-southampton", "2026-12-02 21:00");
    assert_eq!(
        s,
        State::Open {
            until: Some(at("2026-12-03 00:00"))
        }
    );
    assert_eq!(text, "open until midnight");
    let (s, text) = state(&dir, "lighthouse-southampton", "2026-12-02 10:00");
    assert_eq!(
        s,
        State::Closed {
            next_open: Some(at("2026-12-02 16:30"))
        }
    );
    assert_eq!(text, "closed — opens 16:30");
}

#[test]
fn kooth_website_open_when_its_counsellors_are_not() {
    let dir = directory();
    let cal = Calendar::from(&dir.bank_holidays);
    let kooth = service(&dir, "kooth");
    let web = kooth
        .contacts
        .iter()
        .find(|c| c.hours.is_some())
        .expect("Kooth's website has its own hours");
    let night = at("2026-12-02 03:00");
    assert_eq!(
        contact_status(kooth, web, &cal, night).state,
        State::Open { until: None }
    );
    assert_eq!(
        status(&kooth.hours, &cal, night).state,
        State::Closed {
            next_open: Some(at("2026-12-02 12:00"))
        }
    );
}

#[test]
fn every_record_answers_and_unconfirmed_hours_stay_unconfirmed() {
    let dir = directory();
    let cal = Calendar::from(&dir.bank_holidays);
    assert!(dir.services.len() >= 70, "the default directory is loaded");
    for svc in &dir.services {
        for when in ["2026-12-25 12:00", "2026-03-29 01:30", "2026-10-25 01:30"] {
            let s = status(&svc.hours, &cal, at(when));
            if svc.hours.kind == HoursKind::NotConfirmed && svc.hours.exceptions.is_empty() {
                assert_eq!(s.state, State::NotConfirmed, "{} at {when}", svc.id);
            }
            for c in &svc.contacts {
                contact_status(svc, c, &cal, at(when));
            }
        }
    }
}
