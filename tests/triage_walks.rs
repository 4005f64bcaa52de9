//! Calls written from the UK Mental Health Triage Scale's presentations, walked through the
//! default questionnaire and judged on the outcome a handler would see: the level the scale
//! gives, the kind of the next step, and what must (not) be offered. The table is
//! `tests/fixtures/triage-calls.toml`, readable by a clinical reviewer.

use serde::Deserialize;
use signpost::directory::safety_net::safety_net;
use signpost::model::urgency::ResponseKind;
use signpost::model::{Directory, Role};
use signpost::triage::{outcome, Age, Outcome, PlaceAnswer, Questionnaire, TriageResult, Walk};
use std::collections::BTreeMap;

fn default_directory() -> Directory {
    signpost::directory::parse(&signpost::directory::embedded())
        .expect("the built-in directory parses")
}

/// What a handler answers when the caller says nothing of note: no risk, about themselves,
/// no special circumstances. Age, place and needs must come from the call itself.
const QUIET: &[(&str, &str)] = &[
    ("danger-now", "no"),
    ("harm-self", "no"),
    ("acted", "no"),
    ("means", "no"),
    ("harm-others", "no"),
    ("weapon", "no"),
    ("injury", "no"),
    ("who", "self"),
    ("age", "not-known"),
    ("place", "not-known"),
    ("needs", "low-mood-anxiety"),
    ("behaviour", "no"),
    ("known-to-services", "no"),
    ("perinatal", "no"),
    ("intoxicated", "no"),
    ("children", "no"),
    ("abuse", "no"),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Call {
    what: String,
    answers: BTreeMap<String, String>,
    /// Press the emergency key when this question comes up ("outcome": after the last one).
    #[serde(default)]
    emergency_at: Option<String>,
    urgency: String,
    next: String,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    own_services: Vec<String>,
    #[serde(default)]
    offered: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    not_firm: Vec<String>,
    #[serde(default)]
    waiting: Vec<String>,
    #[serde(default)]
    say: Vec<String>,
    needs: Option<Vec<String>>,
    flags: Option<Vec<String>>,
    age: Option<String>,
    place: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Calls {
    call: Vec<Call>,
}

fn calls() -> Vec<Call> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/triage-calls.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str::<Calls>(&text)
        .expect("the call table parses")
        .call
}

/// Walk one call; every question asked is answered from the call, else from `QUIET`.
fn walk(dir: &Directory, call: &Call) -> (TriageResult, Vec<String>) {
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    let mut asked = Vec::new();
    while let Some(p) = w.prompt(q) {
        if call.emergency_at.as_deref() == Some(p.id.as_str()) {
            w.emergency(q);
            break;
        }
        let value = call
            .answers
            .get(&p.id)
            .map(String::as_str)
            .or_else(|| QUIET.iter().find(|(id, _)| *id == p.id).map(|(_, v)| *v))
            .unwrap_or_else(|| panic!("{}: no answer for '{}'", call.what, p.id));
        w.answer(q, value)
            .unwrap_or_else(|e| panic!("{}: {}={value} refused: {e}", call.what, p.id));
        asked.push(p.id);
    }
    if call.emergency_at.as_deref() == Some("outcome") {
        w.emergency(q);
    }
    (w.result(q).expect("finished"), asked)
}

fn outcome_of(dir: &Directory, call: &Call, r: &TriageResult) -> Outcome {
    let at = call.at.as_deref().unwrap_or("2026-11-18T14:00");
    let local = chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap();
    let at = chrono::TimeZone::from_local_datetime(&chrono_tz::Europe::London, &local)
        .earliest()
        .unwrap()
        .with_timezone(&chrono::Utc);
    outcome(r, dir, &safety_net(), &call.own_services, Role::Handler, at)
}

fn age_of(r: &TriageResult) -> String {
    match &r.age {
        None => String::new(),
        Some(Age::Years { years }) => years.to_string(),
        Some(Age::Band { key, .. }) => key.clone(),
    }
}

fn place_of(r: &TriageResult) -> String {
    match &r.place {
        None => String::new(),
        Some(PlaceAnswer::Place { id, .. }) => id.clone(),
        Some(PlaceAnswer::OutsideArea { .. }) => "outside".into(),
        Some(PlaceAnswer::NotGiven) => "not-given".into(),
        Some(PlaceAnswer::Candidates { .. }) => "candidates".into(),
    }
}

fn check_call(dir: &Directory, call: &Call) -> Vec<String> {
    let mut wrong = Vec::new();
    let (r, asked) = walk(dir, call);
    let mut expect = |ok: bool, what: String| {
        if !ok {
            wrong.push(format!("{}: {what}", call.what));
        }
    };
    expect(
        r.urgency == call.urgency,
        format!("level {} (the scale: {})", r.urgency, call.urgency),
    );
    if let Some(n) = &call.needs {
        expect(&r.needs == n, format!("needs {:?}", r.needs));
    }
    if let Some(f) = &call.flags {
        expect(&r.flags == f, format!("flags {:?}", r.flags));
    }
    if let Some(a) = &call.age {
        expect(&age_of(&r) == a, format!("age {}", age_of(&r)));
    }
    if let Some(p) = &call.place {
        expect(&place_of(&r) == p, format!("place {}", place_of(&r)));
    }
    // Every answer the call gives is a question the walk really asked (no silent typos).
    if r.emergency.is_none() {
        for id in call.answers.keys() {
            expect(asked.contains(id), format!("'{id}' was never asked"));
        }
    }
    let o = outcome_of(dir, call, &r);
    let next = o.next_step();
    let kind = next.map(|s| s.response);
    let ok = match call.next.as_str() {
        "emergency" => o.is_emergency() && kind == Some(ResponseKind::Emergency),
        "crisis-assessment" => kind == Some(ResponseKind::CrisisAssessment),
        "urgent-care" => kind == Some(ResponseKind::UrgentCare),
        "any" => true,
        other => panic!("{}: next '{other}' is not a kind", call.what),
    };
    expect(
        ok,
        format!(
            "next step {:?} (expected {})",
            next.map(|s| (&s.id, s.response)),
            call.next
        ),
    );
    if matches!(call.urgency.as_str(), "A" | "B") {
        expect(
            kind.is_some_and(|k| k.is_crisis_route()),
            format!(
                "at {} the next step must be a crisis route: {:?}",
                call.urgency,
                next.map(|s| &s.id)
            ),
        );
    }
    let ids = o.ids();
    for id in &call.offered {
        expect(
            ids.contains(&id.as_str()),
            format!("{id} not offered: {ids:?}"),
        );
    }
    for id in &call.absent {
        let anywhere =
            ids.contains(&id.as_str()) || o.support_while_waiting.iter().any(|s| &s.id == id);
        expect(!anywhere, format!("{id} offered, it must not be"));
    }
    for id in &call.waiting {
        expect(
            o.support_while_waiting.iter().any(|s| &s.id == id) && !ids.contains(&id.as_str()),
            format!("{id} must be support while waiting only"),
        );
    }
    for id in &call.not_firm {
        let s = o
            .services()
            .chain(o.support_while_waiting.iter())
            .find(|s| &s.id == id);
        expect(
            s.is_some_and(|s| !s.firm),
            format!(
                "{id} must be offered with a check, not firm: {:?}",
                s.map(|s| (s.firm, &s.checks))
            ),
        );
    }
    let said: Vec<&str> = o.say.iter().map(|s| s.text.as_str()).collect();
    for words in &call.say {
        expect(
            said.iter()
                .any(|t| t.to_lowercase().contains(&words.to_lowercase())),
            format!("never says {words:?}: {said:#?}"),
        );
    }
    wrong
}

#[test]
fn calls_written_from_the_scale_reach_its_level_and_a_next_step_of_the_right_kind() {
    let dir = default_directory();
    let calls = calls();
    assert!(calls.len() >= 40, "{} calls", calls.len());
    let wrong: Vec<String> = calls.iter().flat_map(|c| check_call(&dir, c)).collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_friend_who_has_taken_an_overdose_goes_to_999_at_the_first_question() {
    let dir = default_directory();
    let q = Questionnaire::of(&dir);
    let mut w = Walk::start(q).unwrap();
    assert_eq!(w.prompt(q).unwrap().id, "danger-now");
    w.answer(q, "yes").unwrap();
    assert!(w.is_complete());
    let r = w.result(q).unwrap();
    assert_eq!(r.urgency, "A");
    let e = r.emergency.unwrap();
    assert_eq!((e.from.as_str(), e.jump), ("danger-now", false));
    assert_eq!(r.answers.len(), 1);
}

#[test]
fn the_default_questionnaire_is_a_draft_until_approved_with_its_fingerprint() {
    let mut dir = default_directory();
    let call = &calls()[0];
    let (r, _) = walk(&dir, call);
    assert!(!r.approved);
    dir.triage.approval.approved_by = "Dr A Clinician".into();
    dir.triage.approval.approved_on = signpost::model::Date::ymd(2027, 1, 5);
    let (r, _) = walk(&dir, call);
    assert!(
        !r.approved,
        "signed, but not for this questionnaire: still a draft"
    );
    dir.triage.approval.hash = dir.triage.fingerprint();
    let (r, _) = walk(&dir, call);
    assert!(r.approved);
}
