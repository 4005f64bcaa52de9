//! `check` proves a questionnaire well formed: each broken fixture names its field and message.

use signpost::directory::parse::parse_toml;
use signpost::model::{Problem, Severity, TriageFile};
use signpost::triage::check;

/// A small questionnaire that passes: immediate danger, two risk questions, age, place, needs.
const MINI: &str = r#"
[approval]
version = "test"
approved_by = "Dr Test"
approved_on = "2026-01-01"

[[urgency]]
code = "A"
label = "Emergency"
plain = "Call 999"
window = "immediate"

[[urgency]]
code = "B"
label = "Very urgent"
plain = "Within 4 hours"
window = 240

[[urgency]]
code = "C"
label = "Urgent"
plain = "Today"
window = 1440

[[urgency]]
code = "E"
label = "Routine"
plain = "Routine"
window = 40320

[[needs]]
id = "low-mood"
label = "Low mood"
categories = ["mental-health"]

[[needs]]
id = "alcohol"
label = "Alcohol"
categories = ["alcohol"]

[[flags]]
id = "risk_to_others"
label = "Risk to others"
advice = "Call 101, or 999 in danger."

[[override_reasons]]
key = "judgement"
label = "Clinical judgement"

[[questions]]
id = "danger"
kind = "single"
risk = true
text = "Danger to life now?"
options = [
  { key = "yes", label = "Yes", effects = { emergency = true } },
  { key = "no", label = "No" },
  { key = "not-sure", label = "Not sure", effects = { urgency = "B" } },
]

[[questions]]
id = "harm"
kind = "single"
risk = true
text = "Thoughts of harm?"
options = [
  { key = "no", label = "No" },
  { key = "others", label = "To others", effects = { urgency = "C", flags = ["risk_to_others"] } },
  { key = "dont-know", label = "Don't know", effects = { urgency = "C" } },
]

[[questions]]
id = "age"
kind = "age"
text = "Age?"
options = [{ key = "not-known", label = "Not known", effects = { age_band = [0, 130] } }]

[[questions]]
id = "place"
kind = "place"
text = "Where?"

[[questions]]
id = "needs"
kind = "multiple"
needs_list = true
text = "Needs?"
options = [
  { key = "low-mood", label = "Low mood", effects = { urgency = "E", needs = ["low-mood"] } },
  { key = "alcohol", label = "Alcohol", effects = { urgency = "E", needs = ["alcohol"] } },
]
"#;

fn mini() -> TriageFile {
    let mut t: TriageFile = parse_toml("triage.toml", MINI).expect("the fixture parses");
    // Approved as it stands: the approval records the fingerprint of what was approved.
    t.approval.hash = t.fingerprint();
    t
}

fn errors(t: &TriageFile) -> Vec<Problem> {
    check(t).into_iter().filter(|p| p.is_error()).collect()
}

/// Exactly one error, with this field, whose message starts with `message`.
#[track_caller]
fn assert_one_error(t: &TriageFile, field: &str, message: &str) {
    let e = errors(t);
    assert!(
        e.iter()
            .any(|p| p.field == field && p.message.starts_with(message) && p.file == "triage.toml"),
        "expected {field}: {message}\ngot {e:#?}"
    );
}

#[test]
fn the_fixture_and_the_default_questionnaire_pass() {
    assert_eq!(check(&mini()), vec![]);
    let dir = signpost::directory::parse(&signpost::directory::embedded()).unwrap();
    assert_eq!(errors(&dir.triage), vec![]);
}

#[test]
fn unapproved_is_a_draft_warning() {
    let mut t = mini();
    t.approval.approved_by.clear();
    let p = check(&t);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].severity, Severity::Warning);
    assert_eq!(
        (p[0].field.as_str(), p[0].message.as_str()),
        ("approval", "DRAFT — not clinically approved")
    );
}

#[test]
fn any_change_to_the_questions_or_policy_after_approval_makes_it_a_draft_again() {
    let approved = mini();
    assert!(approved.is_approved());
    let mut worded = approved.clone();
    worded.questions[0].text.push_str(" (reworded)");
    let mut policy = approved.clone();
    policy.policy.push(
        toml::from_str(
            r#"id = "default"
levels = ["E"]
response = "treatment""#,
        )
        .unwrap(),
    );
    let mut option = approved.clone();
    option.questions[1].options[0].effects.urgency = Some("G".into());
    for (what, t) in [
        ("question text", worded),
        ("policy levels", policy),
        ("option effect", option),
    ] {
        assert!(t.approval.is_signed(), "{what}");
        assert!(
            !t.is_approved(),
            "{what}: a changed questionnaire must say DRAFT"
        );
        assert!(
            check(&t).iter().any(|p| p.field == "approval"),
            "{what}: check must warn DRAFT"
        );
    }
}

#[test]
fn a_cycle_is_an_error_on_the_edge_that_closes_it() {
    let mut t = mini();
    t.questions[1].options[0].next = Some("danger".into());
    assert_one_error(
        &t,
        "questions[1].options[0].next",
        "cycle: danger → harm → danger",
    );
}

#[test]
fn a_dangling_next_is_an_error() {
    let mut t = mini();
    t.questions[2].next = Some("nowhere".into());
    assert_one_error(
        &t,
        "questions[2].next",
        "unknown question 'nowhere' (expected a question id or \"end\")",
    );
}

#[test]
fn an_unreachable_question_is_an_error() {
    let mut t = mini();
    let mut orphan = t.questions[1].clone();
    orphan.id = "orphan".into();
    orphan.risk = false;
    t.questions[4].next = Some("end".into());
    t.questions.push(orphan);
    assert_one_error(&t, "questions[5].id", "question 'orphan' is never reached");
}

#[test]
fn a_path_that_skips_a_risk_question_is_an_error() {
    let mut t = mini();
    t.questions[0].options[1].next = Some("age".into());
    assert_one_error(
        &t,
        "questions[1].id",
        "a path reaches the end without asking risk question 'harm': danger=no → age=",
    );
    // The "not sure" path still asks it; one path is enough to fail.
    assert_eq!(errors(&t).len(), 1);
}

#[test]
fn unknown_level_need_and_flag_in_effects_are_errors() {
    let mut t = mini();
    t.questions[1].options[1].effects.urgency = Some("Z".into());
    assert_one_error(
        &t,
        "questions[1].options[1].effects.urgency",
        "unknown urgency level 'Z'",
    );
    let mut t = mini();
    t.questions[1].options[1].effects.flags = vec!["risk_to_others".into(), "nope".into()];
    assert_one_error(
        &t,
        "questions[1].options[1].effects.flags[1]",
        "unknown flag 'nope'",
    );
    let mut t = mini();
    t.questions[1].options[1].effects.needs = vec!["gambling".into()];
    assert_one_error(
        &t,
        "questions[1].options[1].effects.needs[0]",
        "unknown need 'gambling'",
    );
}

#[test]
fn the_first_question_must_be_immediate_danger() {
    let mut t = mini();
    t.questions.swap(0, 1);
    assert_one_error(
        &t,
        "questions[0]",
        "the first question ('harm') must be the immediate-danger question",
    );
}

#[test]
fn the_needs_question_offers_exactly_the_needs_table() {
    let mut t = mini();
    t.questions[4].options.pop();
    assert_one_error(
        &t,
        "questions[4].options",
        "the needs question does not offer need 'alcohol'",
    );
    let mut t = mini();
    t.questions[4].options[1].key = "gambling".into();
    assert_one_error(
        &t,
        "questions[4].options[1].key",
        "'gambling' is not a need in the needs table",
    );
    let mut t = mini();
    t.questions[4].options[1].effects.needs = vec!["low-mood".into()];
    assert_one_error(
        &t,
        "questions[4].options[1].effects.needs",
        "the option for need 'alcohol' must add exactly that need",
    );
    let mut t = mini();
    t.questions[4].needs_list = false;
    assert_one_error(
        &t,
        "questions",
        "no question offers the needs list (needs_list = true)",
    );
}

#[test]
fn unknown_answers_to_risk_questions_must_raise_to_at_least_c() {
    let mut t = mini();
    t.questions[1].options[2].effects.urgency = Some("E".into());
    assert_one_error(
        &t,
        "questions[1].options[2].effects.urgency",
        "on a risk question, \"dont-know\" must raise urgency to at least C",
    );
    let mut t = mini();
    t.questions[1].options.remove(2);
    assert_one_error(
        &t,
        "questions[1].options",
        "a risk question must offer \"dont-know\" or \"not-sure\" or \"wont-say\"",
    );
}

#[test]
fn every_path_must_ask_age_place_and_needs_and_set_an_urgency() {
    let mut t = mini();
    t.questions[1].next = Some("needs".into());
    let e = errors(&t);
    assert!(
        e.iter().any(|p| p.field == "questions"
            && p.message
                .starts_with("a path reaches the end without asking the age: ")),
        "{e:#?}"
    );
    let mut t = mini();
    for o in &mut t.questions[4].options {
        o.effects.urgency = None;
    }
    assert_one_error(
        &t,
        "questions",
        "a path reaches the end without setting an urgency: danger=no → harm=no → age=",
    );
}

#[test]
fn option_shapes_are_checked() {
    let mut t = mini();
    t.questions[2].options[0].effects.age_band = None;
    assert_one_error(
        &t,
        "questions[2].options[0]",
        "an age question's option needs an age band",
    );
    let mut t = mini();
    t.questions[2].options[0].effects.age_band = Some([20, 10]);
    assert_one_error(
        &t,
        "questions[2].options[0].effects.age_band",
        "age band [20, 10] is not a range",
    );
    let mut t = mini();
    t.questions[4].options[0].next = Some("end".into());
    assert_one_error(
        &t,
        "questions[4].options[0].next",
        "a multiple-choice option cannot choose where to go next",
    );
    let mut t = mini();
    t.questions[1].options[1].key = "no".into();
    assert_one_error(
        &t,
        "questions[1].options[1].key",
        "duplicate option key 'no'",
    );
    let mut t = mini();
    t.questions[3].id = "age".into();
    assert_one_error(&t, "questions[3].id", "duplicate question id 'age'");
    let mut t = mini();
    t.flags[0].advice.clear();
    assert_one_error(&t, "flags[0].advice", "a flag needs advice to give");
}

#[test]
fn unknown_fields_in_a_question_are_refused_by_the_parser() {
    let broken = MINI.replace("needs_list = true", "needs_list = true\nneeds_lsit = true");
    let p = parse_toml::<TriageFile>("triage.toml", &broken).unwrap_err();
    assert!(p.message.contains("needs_lsit"), "{p}");
}

#[test]
fn a_modifier_naming_nothing_real_or_raising_nothing_is_an_error() {
    let mut t = mini();
    t.modifiers.push(
        toml::from_str(
            r#"id = "bad"
why = "because"
flags_any = ["no-such-flag"]
at_least = "Z""#,
        )
        .unwrap(),
    );
    t.modifiers
        .push(toml::from_str("id = \"idle\"\nwhy = \"\"").unwrap());
    assert_one_error(&t, "modifiers[0].flags_any", "unknown flag 'no-such-flag'");
    assert_one_error(&t, "modifiers[0].at_least", "unknown urgency level 'Z'");
    assert_one_error(
        &t,
        "modifiers[1].flags_any",
        "a modifier must hold on a flag or a need",
    );
    assert_one_error(&t, "modifiers[1].at_least", "a modifier must raise");
    assert_one_error(&t, "modifiers[1].why", "a modifier must say why");
}
