//! Realistic calls walked through the default questionnaire (the built-in triage.toml and
//! places.toml). The calls and what each must reach (urgency, needs, flags, age and place) are
//! a table in `tests/fixtures/triage-calls.toml`, readable by a clinical reviewer.

use serde::Deserialize;
use signpost::model::Directory;
use signpost::triage::{Age, PlaceAnswer, Questionnaire, TriageResult, Walk};
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
    ("harm-others", "no"),
    ("injury", "no"),
    ("who", "self"),
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
    /// Press the emergency key when this question comes up.
    #[serde(default)]
    emergency_at: Option<String>,
    urgency: String,
    needs: Vec<String>,
    flags: Vec<String>,
    /// Years, the key of a "not known" band, or "" when never asked.
    age: String,
    /// A place id, "outside", "not-given", or "" when never asked.
    place: String,
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
    (w.result(q).expect("finished"), asked)
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

fn assert_call(dir: &Directory, call: &Call) -> (TriageResult, Vec<String>) {
    let (r, asked) = walk(dir, call);
    assert_eq!(r.urgency, call.urgency, "{}: urgency", call.what);
    assert_eq!(r.needs, call.needs, "{}: needs", call.what);
    assert_eq!(r.flags, call.flags, "{}: flags", call.what);
    assert_eq!(age_of(&r), call.age, "{}: age", call.what);
    assert_eq!(place_of(&r), call.place, "{}: place", call.what);
    // Every answer the call gives is a question the walk really asked (no silent typos).
    if call.emergency_at.is_none() && r.emergency.is_none() {
        for id in call.answers.keys() {
            assert!(asked.contains(id), "{}: '{id}' was never asked", call.what);
        }
    }
    (r, asked)
}

#[test]
fn realistic_calls_reach_the_right_urgency_needs_and_flags() {
    let dir = default_directory();
    let calls: Vec<Call> = calls().into_iter().filter(|c| c.urgency != "A").collect();
    assert!(calls.len() >= 30, "{} calls", calls.len());
    for call in &calls {
        let (r, asked) = assert_call(&dir, call);
        assert!(r.emergency.is_none(), "{}", call.what);
        for q in dir.triage.questions.iter().filter(|q| q.risk) {
            assert!(asked.contains(&q.id), "{}: {} not asked", call.what, q.id);
        }
    }
}

#[test]
fn emergency_calls_reach_the_emergency_outcome() {
    let dir = default_directory();
    let calls: Vec<Call> = calls().into_iter().filter(|c| c.urgency == "A").collect();
    assert!(calls.len() >= 3);
    for call in &calls {
        let (r, _) = assert_call(&dir, call);
        assert!(r.is_emergency(), "{}", call.what);
    }
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
fn the_default_questionnaire_is_a_draft_until_approved() {
    let mut dir = default_directory();
    let call = &calls()[0];
    let (r, _) = walk(&dir, call);
    assert!(!r.approved);
    dir.triage.approval.approved_by = "Dr A Clinician".into();
    dir.triage.approval.approved_on = signpost::model::Date::ymd(2027, 1, 5);
    let (r, _) = walk(&dir, call);
    assert!(r.approved);
}
