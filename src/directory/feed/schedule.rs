//! Feed schedules (RFC 5545-style rules) to opening hours: plain weekly rules become sessions,
//! dated ones become exceptions, and anything else is kept as a note and reported.

use super::json::At;
use super::report::{FindingKind, Findings};
use crate::model::hours::Exception;
use crate::model::{BankHolidayRule, Clock, Date, Day, Hours, HoursKind, Session, Span};

/// Dated schedules up to this many days long with only some weekdays are expanded into one
/// exception per matching date; longer ones are seasonal timetables the model cannot hold.
const MAX_EXPANDED_DAYS: i64 = 31;

/// Hours of a service, and notes on whatever could not be held.
pub struct Mapped {
    pub hours: Hours,
    pub notes: Vec<String>,
}

/// The service's own schedules; failing those, its only service-at-location's, then that
/// location's (a building's hours stand in only when the service gives none).
pub fn hours(svc: &At, today: Date, r: &mut Findings) -> Mapped {
    let mut levels = vec![svc.clone()];
    let sals = svc.items("service_at_locations", r);
    if sals.len() == 1 {
        levels.push(sals[0].clone());
        if let Some(loc) = sals[0].get("location") {
            levels.push(loc);
        }
    }
    for at in &levels {
        let rules: Vec<(At, Kind)> = [
            ("schedules", Kind::Rule),
            ("regular_schedules", Kind::Rule),
            ("holiday_schedules", Kind::Holiday),
        ]
        .iter()
        .flat_map(|(key, kind)| at.items(key, r).into_iter().map(move |a| (a, *kind)))
        .collect();
        if !rules.is_empty() {
            return build(&rules, today, r);
        }
    }
    // Several locations with their own hours: which applies to a caller is not the service's
    // to say, so none is picked, and that is said.
    let at_locations: Vec<String> = sals
        .iter()
        .flat_map(|sal| {
            let loc = sal.get("location");
            [Some(sal.clone()), loc]
        })
        .flatten()
        .filter(|at| {
            ["schedules", "regular_schedules"].iter().any(|k| {
                at.v.get(*k)
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| !a.is_empty())
            })
        })
        .map(|at| at.path)
        .collect();
    if let Some(first) = at_locations.first() {
        r.push(
            FindingKind::Value,
            first,
            format!(
                "hours are given only on the service's {} locations (at {} places), not for the service itself: left out, the hours are not confirmed",
                sals.len(),
                at_locations.len()
            ),
        );
    }
    Mapped {
        hours: Hours::default(),
        notes: Vec::new(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rule,
    /// ORUK v1 `holiday_schedules`: closed flag, start and end dates.
    Holiday,
}

fn build(rules: &[(At, Kind)], today: Date, r: &mut Findings) -> Mapped {
    let mut sessions: Vec<Session> = Vec::new();
    let mut exceptions: Vec<Exception> = Vec::new();
    let mut wording: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (s, kind) in rules {
        if let Some(d) = s.text("description", r) {
            if !wording.contains(&d) {
                wording.push(d);
            }
        }
        let result = match kind {
            Kind::Rule => rule(s, today, r),
            Kind::Holiday => holiday(s, r),
        };
        match result {
            Ok(Mapping::Sessions(mut x)) => sessions.append(&mut x),
            Ok(Mapping::Exceptions(mut x)) => exceptions.append(&mut x),
            Ok(Mapping::Nothing) => {}
            Err(why) => {
                let text = format!("Feed schedule not held ({why}): {}", rule_text(s));
                r.push(
                    FindingKind::Note,
                    &s.path,
                    format!("{why}; the schedule is kept as a note and the hours are not confirmed from it"),
                );
                notes.push(text);
            }
        }
        if let Some(n) = s.text("notes", r) {
            notes.push(format!("Schedule note (from the feed): {n}"));
        }
    }
    let all_day = |d: Day| {
        sessions.iter().any(|s| {
            s.days.contains(&d) && s.open == Clock::MIDNIGHT && s.close == Clock::END_OF_DAY
        })
    };
    let mut hours = if !sessions.is_empty() && Day::ALL.iter().all(|d| all_day(*d)) {
        // Every day from midnight to midnight is the feeds' way of saying 24/7.
        Hours::all_hours()
    } else if sessions.is_empty() {
        Hours::default()
    } else {
        Hours {
            kind: HoursKind::Weekly,
            bank_holidays: BankHolidayRule::NotConfirmed,
            sessions,
            ..Default::default()
        }
    };
    hours.exceptions = exceptions;
    hours.wording = wording.join(" / ");
    Mapped { hours, notes }
}

enum Mapping {
    Sessions(Vec<Session>),
    Exceptions(Vec<Exception>),
    /// An expired or not-yet-valid rule: nothing to hold, and said so.
    Nothing,
}

/// Rule parts the model cannot hold; their presence makes a rule "not plain weekly".
const RESTRICTIONS: [&str; 7] = [
    "byweekno",
    "bymonthday",
    "byyearday",
    "bymonth",
    "bysetpos",
    "count",
    "until",
];

/// Keys that make a schedule a rule rather than a description of the hours in words.
const RULE_KEYS: [&str; 8] = [
    "freq",
    "byday",
    "weekday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "dtstart",
];

fn rule(s: &At, today: Date, r: &mut Findings) -> Result<Mapping, String> {
    if RULE_KEYS.iter().all(|k| s.get(k).is_none()) {
        // Only words ("Ring for times"): they are the hours' wording, and nothing is claimed.
        return Ok(Mapping::Nothing);
    }
    // ORUK v1 feeds write "week" and "day"; RFC 5545 writes WEEKLY and DAILY.
    let freq = s
        .text("freq", r)
        .map(|f| match f.to_ascii_uppercase().as_str() {
            "WEEK" | "WEEKS" => "WEEKLY".to_string(),
            "DAY" | "DAYS" => "DAILY".to_string(),
            other => other.to_string(),
        })
        .or_else(|| s.get("weekday").map(|_| "WEEKLY".to_string()));
    let restricted: Vec<&str> = RESTRICTIONS
        .iter()
        .copied()
        .filter(|k| {
            s.get(k)
                .is_some_and(|v| !matches!(v.v.as_str(), Some(t) if t.trim().is_empty()))
        })
        .collect();
    if !restricted.is_empty() {
        return Err(format!(
            "{} {} the rule in a way the model cannot hold",
            restricted.join(", "),
            if restricted.len() == 1 {
                "narrows"
            } else {
                "narrow"
            }
        ));
    }
    if let Some(i) = s.number("interval", r) {
        if i != 1.0 {
            return Err(format!("interval {i}: only every-week rules are held"));
        }
    }
    let days = match freq.as_deref() {
        Some("WEEKLY") => days(s, r)?,
        Some("DAILY") => Day::ALL.to_vec(),
        Some(other) => {
            return Err(format!(
                "freq {other}: only WEEKLY and DAILY rules are held"
            ))
        }
        None => return Err("no freq: the rule does not say how it repeats".into()),
    };
    let from = date(s, &["valid_from"], r);
    let to = date(s, &["valid_to"], r);
    let span = times(s, from.unwrap_or(today), r)?;
    match (from, to) {
        (None, None) => Ok(Mapping::Sessions(vec![session(days, span)])),
        (Some(f), Some(t)) => dated(f, t, &days, span),
        // A start date alone: the usual weekly timetable once it has begun.
        (Some(f), None) if f <= today => Ok(Mapping::Sessions(vec![session(days, span)])),
        (Some(f), None) => Err(format!("valid from {f} (not yet in force)")),
        (None, Some(t)) if t < today => {
            r.push(
                FindingKind::Note,
                &s.key_path("valid_to"),
                format!("the schedule ended on {t}; not used"),
            );
            Ok(Mapping::Nothing)
        }
        (None, Some(t)) => Err(format!(
            "valid until {t}: an end date the model cannot hold"
        )),
    }
}

fn session(days: Vec<Day>, span: Span) -> Session {
    Session {
        days,
        open: span.open,
        close: span.close,
    }
}

/// A schedule for a date range: the range as one exception when every weekday is open, else
/// one exception per matching date of a short range.
fn dated(from: Date, to: Date, days: &[Day], span: Span) -> Result<Mapping, String> {
    use chrono::Datelike;
    if from > to {
        return Err(format!("valid_from {from} is after valid_to {to}"));
    }
    let ex = |f: Date, t: Date| Exception {
        from: f,
        to: t,
        closed: false,
        sessions: vec![span],
        note: String::new(),
    };
    if days.len() == 7 {
        return Ok(Mapping::Exceptions(vec![ex(from, to)]));
    }
    let len = (to.0 - from.0).num_days() + 1;
    if len > MAX_EXPANDED_DAYS {
        return Err(format!(
            "some weekdays only, from {from} to {to}: a seasonal timetable"
        ));
    }
    let out: Vec<Exception> = from
        .0
        .iter_days()
        .take(len as usize)
        .filter(|d| days.contains(&Day::from_index(d.weekday().num_days_from_monday())))
        .map(|d| ex(Date(d), Date(d)))
        .collect();
    Ok(Mapping::Exceptions(out))
}

/// ORUK v1 holiday schedule: `closed` with start and end dates, or special opening times.
fn holiday(s: &At, r: &mut Findings) -> Result<Mapping, String> {
    let from = date(s, &["start_date", "valid_from"], r);
    let to = date(s, &["end_date", "valid_to"], r).or(from);
    let (Some(from), Some(to)) = (from, to) else {
        return Err("a holiday schedule without dates".into());
    };
    if from > to {
        return Err(format!("start {from} is after end {to}"));
    }
    if s.flag("closed") == Some(true) {
        return Ok(Mapping::Exceptions(vec![Exception {
            from,
            to,
            closed: true,
            sessions: Vec::new(),
            note: s.text("description", r).unwrap_or_default(),
        }]));
    }
    let span = times(s, from, r)?;
    dated(from, to, &Day::ALL, span)
}

fn days(s: &At, r: &mut Findings) -> Result<Vec<Day>, String> {
    let text = s
        .text("byday", r)
        .or_else(|| s.text("weekday", r))
        .ok_or("a weekly rule without byday")?;
    let mut out = Vec::new();
    for part in text.split(',').map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let d = day(part).ok_or_else(|| format!("byday '{part}' is not a plain weekday"))?;
        if !out.contains(&d) {
            out.push(d);
        }
    }
    if out.is_empty() {
        return Err("byday names no day".into());
    }
    out.sort();
    Ok(out)
}

fn day(s: &str) -> Option<Day> {
    let l = s.to_ascii_lowercase();
    let i = [
        ["mo", "mon", "monday"],
        ["tu", "tue", "tuesday"],
        ["we", "wed", "wednesday"],
        ["th", "thu", "thursday"],
        ["fr", "fri", "friday"],
        ["sa", "sat", "saturday"],
        ["su", "sun", "sunday"],
    ]
    .iter()
    .position(|names| names.contains(&l.as_str()))?;
    Some(Day::from_index(i as u32))
}

fn times(s: &At, on: Date, r: &mut Findings) -> Result<Span, String> {
    let opens = s.text("opens_at", r).ok_or("no opening time")?;
    let closes = s.text("closes_at", r).ok_or("no closing time")?;
    let open = time(&opens, false, on, &s.key_path("opens_at"), r)
        .ok_or_else(|| format!("opens_at '{opens}' is not a time"))?;
    let close = time(&closes, true, on, &s.key_path("closes_at"), r)
        .ok_or_else(|| format!("closes_at '{closes}' is not a time"))?;
    if open == close {
        return Err(format!("opens and closes at {open}"));
    }
    Ok(Span { open, close })
}

/// "HH:MM", "HH:MM:SS" (seconds zero, fractions allowed), with "Z" or an offset ("+01:00") as
/// HSDS 3.0 recommends. An offset time is the clock time in Europe/London on `on`; when that
/// differs between winter and summer the feed's fixed offset cannot be one London time all
/// year, and that is reported. A close at 23:59 or 23:59:59 is the end of the day.
fn time(s: &str, closing: bool, on: Date, path: &str, r: &mut Findings) -> Option<Clock> {
    use chrono::Datelike;
    let (clock, offset) = split_offset(s.trim())?;
    let (hm, secs) = match clock.len() {
        5 => (clock, "00"),
        n if n >= 8 && clock.as_bytes()[5] == b':' => {
            let secs = &clock[6..];
            let whole = secs.split('.').next().unwrap_or("");
            if whole.len() != 2 || !secs.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return None;
            }
            (&clock[..5], whole)
        }
        _ => return None,
    };
    let c = Clock::parse(hm).ok()?;
    let end_of_day = closing && c == Clock::hm(23, 59);
    if secs != "00" && !(end_of_day && secs == "59") {
        return None;
    }
    let Some(offset) = offset else {
        return Some(if end_of_day { Clock::END_OF_DAY } else { c });
    };
    if end_of_day {
        return Some(Clock::END_OF_DAY);
    }
    let local = |d: Date| london(d, c, offset);
    let here = local(on)?;
    let (winter, summer) = (
        Date::ymd(on.0.year(), 1, 15).and_then(local),
        Date::ymd(on.0.year(), 7, 15).and_then(local),
    );
    if winter != summer {
        r.push(
            FindingKind::Note,
            path,
            format!(
                "'{s}' is {} in London in winter and {} in summer: held as {here}, the London time on {on}",
                winter.map(|c| c.to_string()).unwrap_or_default(),
                summer.map(|c| c.to_string()).unwrap_or_default()
            ),
        );
    }
    Some(here)
}

/// The clock part and the offset in minutes east of UTC, if the time carries one.
fn split_offset(t: &str) -> Option<(&str, Option<i32>)> {
    if let Some(c) = t.strip_suffix(['Z', 'z']) {
        return Some((c, Some(0)));
    }
    let Some(i) = t.rfind(['+', '-']).filter(|&i| i >= 5) else {
        return Some((t, None));
    };
    let (c, off) = t.split_at(i);
    let sign = if off.starts_with('-') { -1 } else { 1 };
    let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits.get(2..).map_or(Some(0), |m| m.parse().ok())?;
    if h > 14 || m > 59 {
        return None;
    }
    Some((c, Some(sign * (h * 60 + m))))
}

/// The London clock time of `c` at `offset` minutes east of UTC on the date `d`.
fn london(d: Date, c: Clock, offset: i32) -> Option<Clock> {
    use chrono::{Duration, TimeZone, Timelike};
    let naive = d.0.and_hms_opt(0, 0, 0)? + Duration::minutes(c.minutes() as i64 - offset as i64);
    let t = chrono::Utc
        .from_utc_datetime(&naive)
        .with_timezone(&chrono_tz::Europe::London);
    Some(Clock::hm(t.hour() as u16, t.minute() as u16))
}

fn date(s: &At, keys: &[&str], r: &mut Findings) -> Option<Date> {
    let at = s.get_any(keys)?;
    let text = at.v.as_str()?.trim();
    if text.is_empty() {
        return None;
    }
    // Date-times ("2024-01-01T00:00:00Z") carry their date first.
    match Date::parse(text.get(..10).unwrap_or(text)) {
        Ok(d) => Some(d),
        Err(m) => {
            r.push(FindingKind::Value, &at.path, m);
            None
        }
    }
}

/// The rule as the feed gave it, for the note a maintainer reads.
fn rule_text(s: &At) -> String {
    let keys = [
        "freq",
        "interval",
        "byday",
        "weekday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "bymonth",
        "count",
        "until",
        "valid_from",
        "valid_to",
        "start_date",
        "end_date",
        "closed",
        "opens_at",
        "closes_at",
    ];
    keys.iter()
        .filter_map(|k| {
            let v = s.v.get(*k)?;
            let shown = match v {
                serde_json::Value::String(t) if t.trim().is_empty() => return None,
                serde_json::Value::String(t) => t.clone(),
                serde_json::Value::Null => return None,
                other => other.to_string(),
            };
            Some(format!("{k}={shown}"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    fn map(v: serde_json::Value) -> (Mapped, Findings) {
        let mut r = Findings::default();
        let m = hours(&At::root(&v, ""), today(), &mut r);
        (m, r)
    }

    #[test]
    fn plain_weekly_rules_become_sessions() {
        let (m, r) = map(json!({"schedules": [
            {"freq": "WEEKLY", "byday": "MO,TU,WE", "opens_at": "09:00:00", "closes_at": "17:00:00", "description": "9-5"},
            {"freq": "weekly", "byday": "SA", "opens_at": "10:00", "closes_at": "12:30"}
        ]}));
        assert!(r.is_empty(), "{r:?}");
        assert_eq!(m.hours.kind, HoursKind::Weekly);
        assert_eq!(m.hours.sessions.len(), 2);
        assert_eq!(m.hours.sessions[0].days, [Day::Mon, Day::Tue, Day::Wed]);
        assert_eq!(m.hours.sessions[1].close, Clock::hm(12, 30));
        assert_eq!(m.hours.wording, "9-5");
        assert_eq!(m.hours.bank_holidays, BankHolidayRule::NotConfirmed);
    }

    #[test]
    fn midnight_to_midnight_every_day_is_all_hours() {
        let (m, _) = map(json!({"schedules": [
            {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00:00", "closes_at": "23:59:59"}
        ]}));
        assert_eq!(m.hours.kind, HoursKind::AllHours);
    }

    #[test]
    fn restricted_rules_are_kept_as_notes_and_reported() {
        let (m, r) = map(json!({"schedules": [
            {"freq": "WEEKLY", "byday": "TH,FR", "byweekno": "41,42", "opens_at": "10:00:00", "closes_at": "18:00:00"},
            {"freq": "MONTHLY", "byday": "1MO", "opens_at": "10:00", "closes_at": "12:00"}
        ]}));
        assert_eq!(m.hours.kind, HoursKind::NotConfirmed);
        assert_eq!(m.notes.len(), 2);
        assert!(m.notes[0].contains("byweekno=41,42"), "{:?}", m.notes);
        let paths: Vec<&str> = r.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["schedules[0]", "schedules[1]"]);
    }

    #[test]
    fn dated_rules_become_exceptions() {
        let (m, r) = map(json!({"schedules": [
            {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "10:00", "closes_at": "14:00",
             "valid_from": "2026-12-24", "valid_to": "2026-12-26"},
            {"freq": "WEEKLY", "byday": "SA", "opens_at": "10:00", "closes_at": "14:00",
             "valid_from": "2026-12-01", "valid_to": "2026-12-14"}
        ]}));
        assert!(r.is_empty(), "{r:?}");
        let ex = &m.hours.exceptions;
        assert_eq!(ex.len(), 3);
        assert_eq!(
            (ex[0].from.to_string(), ex[0].to.to_string()),
            ("2026-12-24".into(), "2026-12-26".into())
        );
        assert_eq!(ex[1].from.to_string(), "2026-12-05");
        assert_eq!(ex[2].from.to_string(), "2026-12-12");
    }

    #[test]
    fn a_schedule_in_words_only_is_the_wording() {
        let (m, r) = map(json!({"schedules": [{"description": "Ring for times"}]}));
        assert!(r.is_empty(), "{r:?}");
        assert_eq!(m.hours.kind, HoursKind::NotConfirmed);
        assert_eq!(m.hours.wording, "Ring for times");
        assert!(m.notes.is_empty());
    }

    #[test]
    fn v1_regular_and_holiday_schedules() {
        let (m, r) = map(json!({
            "regular_schedules": [{"weekday": "Monday", "opens_at": "09:00", "closes_at": "17:00"}],
            "holiday_schedules": [{"closed": true, "start_date": "2026-12-25", "end_date": "2026-12-26"}]
        }));
        assert!(r.is_empty(), "{r:?}");
        assert_eq!(m.hours.sessions[0].days, [Day::Mon]);
        assert!(m.hours.exceptions[0].closed);
    }

    #[test]
    fn the_service_schedule_beats_the_location_one() {
        let (m, _) = map(json!({
            "schedules": [{"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}],
            "service_at_locations": [{"location": {"schedules": [{"freq": "WEEKLY", "byday": "TU", "opens_at": "09:00", "closes_at": "10:00"}]}}]
        }));
        assert_eq!(m.hours.sessions[0].days, [Day::Mon]);
        let (m, _) = map(json!({
            "service_at_locations": [{"location": {"schedules": [{"freq": "WEEKLY", "byday": "TU", "opens_at": "09:00", "closes_at": "10:00"}]}}]
        }));
        assert_eq!(m.hours.sessions[0].days, [Day::Tue]);
    }
}
