//! The engine's rules one at a time: answer kinds, the place lookup's four answers, back,
//! override by role, and that a refused answer changes nothing.

use signpost::model::place::{Candidate, Lookup};
use signpost::model::{Directory, Role};
use signpost::triage::{Age, PlaceAnswer, Questionnaire, Refusal, Step, Walk};

fn default_directory() -> &'static Directory {
    static DIR: std::sync::OnceLock<Directory> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        signpost::directory::parse(&signpost::directory::embedded())
            .expect("the built-in directory parses")
    })
}

/// A walk answered up to (not including) `stop`, with quiet answers.
fn walk_to(stop: &str) -> Walk {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    let quiet = [
        ("danger-now", "no"),
        ("harm-self", "no"),
        ("harm-others", "no"),
        ("injury", "no"),
        ("who", "self"),
        ("age", "30"),
        ("place", "Portsmouth"),
        ("needs", "low-mood-anxiety"),
        ("behaviour", "no"),
        ("known-to-services", "no"),
        ("perinatal", "no"),
        ("intoxicated", "no"),
        ("children", "no"),
        ("abuse", "no"),
    ];
    for (id, v) in quiet {
        if id == stop {
            break;
        }
        assert_eq!(w.prompt(q).unwrap().id, id);
        w.answer(q, v).unwrap();
    }
    w
}

fn straddle(_: &str) -> Lookup {
    Lookup::Candidates {
        candidates: vec![
            Candidate::Place("havant".into()),
            Candidate::Place("east-hampshire".into()),
            Candidate::OutsideArea,
        ],
        why: "postcode district PO8 straddles a boundary".into(),
    }
}

#[test]
fn candidates_ask_which_place_and_accept_an_id_outside_or_not_sure() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let at_place = walk_to("place");
    let mut w = at_place.clone();
    w.answer_with(q, "PO8", straddle).unwrap();
    let p = w.prompt(q).unwrap();
    assert_eq!(p.id, "place.which");
    let keys: Vec<&str> = p.options.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["havant", "east-hampshire", "outside", "not-sure"]);
    assert_eq!(p.options[0].label, "Havant");
    assert!(p.text.contains("'PO8' could be in more than one place"));
    assert_eq!(
        w.progress(q).remaining,
        8,
        "the choice, needs, behaviour and five circumstances"
    );
    // A place that is not a candidate is refused, and nothing changes.
    let before = w.clone();
    let e = w.answer(q, "portsmouth").unwrap_err();
    assert!(matches!(e, Refusal::NotAnOption { .. }), "{e}");
    assert_eq!(w, before);
    // One of the candidates.
    w.answer(q, "east-hampshire").unwrap();
    assert!(
        matches!(&w.state().place, Some(PlaceAnswer::Place { id, .. }) if id == "east-hampshire")
    );
    assert_eq!(w.prompt(q).unwrap().id, "needs");
    // Outside.
    let mut o = before.clone();
    o.answer(q, "outside").unwrap();
    assert!(matches!(
        o.state().place,
        Some(PlaceAnswer::OutsideArea { .. })
    ));
    // Not sure: every candidate is kept for the outcome.
    let mut n = before.clone();
    n.answer(q, "not-sure").unwrap();
    assert!(
        matches!(&n.state().place, Some(PlaceAnswer::Candidates { candidates, .. }) if candidates.len() == 3)
    );
    // Back from the choice returns to the place question itself, then further.
    assert!(n.back());
    assert_eq!(n, before);
    assert!(n.back());
    assert_eq!(n, at_place);
}

#[test]
fn outside_the_area_says_so_and_carries_on() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = walk_to("place");
    w.answer_with(q, "SO99 9ZZ", |_| Lookup::OutsideArea {
        why: "Dorset postcode".into(),
    })
    .unwrap();
    assert!(matches!(
        w.state().place,
        Some(PlaceAnswer::OutsideArea { .. })
    ));
    assert_eq!(w.prompt(q).unwrap().id, "needs");
    assert!(
        w.state().notices[0].contains("outside Hampshire and the Isle of Wight (Dorset postcode)")
    );
}

#[test]
fn did_you_mean_and_not_recognised_refuse_the_answer() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = walk_to("place");
    let before = w.clone();
    let e = w
        .answer_with(q, "Portsmuth", |_| Lookup::DidYouMean {
            suggestions: vec!["Portsmouth".into()],
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "'Portsmuth' was not recognised exactly. Did you mean: Portsmouth? Type the one you mean, or answer one of: not-known, outside");
    assert_eq!(w, before);
    let e = w
        .answer_with(q, "Narnia", |_| Lookup::NotRecognised)
        .unwrap_err();
    assert!(matches!(e, Refusal::PlaceNotRecognised { .. }));
    assert_eq!(w, before);
    // The real lookup is used by `answer`.
    w.answer(q, "Isle of Wight").unwrap();
    assert!(
        matches!(&w.state().place, Some(PlaceAnswer::Place { id, .. }) if id == "isle-of-wight")
    );
}

#[test]
fn answers_are_validated_against_their_kind() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    assert!(matches!(w.answer(q, " "), Err(Refusal::Empty { .. })));
    assert!(matches!(
        w.answer(q, "no,yes"),
        Err(Refusal::OneOnly { .. })
    ));
    assert!(matches!(
        w.answer(q, "nope"),
        Err(Refusal::NotAnOption { .. })
    ));
    w.answer(q, " NO ")
        .expect("keys are trimmed and case-insensitive");
    let mut w = walk_to("age");
    for bad in ["-1", "131", "16.5", "sixteen"] {
        assert!(
            matches!(w.answer(q, bad), Err(Refusal::NotAnAge { .. })),
            "{bad}"
        );
    }
    let mut a = w.clone();
    a.answer(q, "0").unwrap();
    assert_eq!(a.state().age, Some(Age::Years { years: 0 }));
    let mut a = w.clone();
    a.answer(q, "130").unwrap();
    assert_eq!(a.state().age, Some(Age::Years { years: 130 }));
    w.answer(q, "teenager").unwrap();
    assert_eq!(
        w.state().age,
        Some(Age::Band {
            key: "teenager".into(),
            min: 13,
            max: 17
        })
    );
    let mut w = walk_to("needs");
    assert!(matches!(w.answer(q, ",,"), Err(Refusal::Empty { .. })));
    assert!(matches!(
        w.answer(q, "alcohol,nope"),
        Err(Refusal::NotAnOption { .. })
    ));
    w.answer(q, "alcohol, gambling,alcohol").unwrap();
    assert_eq!(w.state().needs, ["alcohol", "gambling"]);
    assert_eq!(w.state().answers.last().unwrap().value, "alcohol,gambling");
}

#[test]
fn an_answer_after_the_end_is_refused() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = walk_to("nothing");
    assert!(w.is_complete());
    assert_eq!(w.answer(q, "no"), Err(Refusal::Finished));
    assert_eq!(w.progress(q).remaining, 0);
    assert_eq!(w.progress(q).answered, 14);
}

#[test]
fn progress_counts_answered_and_remaining() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let w = Walk::start(q).unwrap();
    // At most 17 on the longest path: harm-self other than "no" asks when they acted and
    // about means; harm-others other than "no" asks about a weapon.
    assert_eq!((w.progress(q).answered, w.progress(q).remaining), (0, 17));
    let w = walk_to("who");
    assert_eq!((w.progress(q).answered, w.progress(q).remaining), (4, 10));
}

#[test]
fn back_at_the_start_does_nothing() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    let start = w.clone();
    assert!(!w.back());
    assert_eq!(w, start);
}

#[test]
fn override_needs_a_clinician_a_finished_walk_a_real_level_and_a_listed_reason() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = walk_to("nothing");
    let done = w.clone();
    assert_eq!(
        w.override_urgency(q, Role::Handler, "B", "presentation"),
        Err(Refusal::OverrideNeedsClinician)
    );
    assert!(matches!(
        w.override_urgency(q, Role::Clinician, "Z", "presentation"),
        Err(Refusal::UnknownLevel { .. })
    ));
    assert!(matches!(
        w.override_urgency(q, Role::Clinician, "B", "because"),
        Err(Refusal::UnknownReason { .. })
    ));
    assert_eq!(w, done, "refusals change nothing");
    let mut early = walk_to("needs");
    assert_eq!(
        early.override_urgency(q, Role::Clinician, "B", "presentation"),
        Err(Refusal::OverrideBeforeEnd)
    );
    w.override_urgency(q, Role::Clinician, "B", "known-history")
        .unwrap();
    let r = w.result(q).unwrap();
    assert_eq!((r.urgency.as_str(), r.computed.as_str()), ("B", "E"));
    let o = r.override_.unwrap();
    assert_eq!(
        (o.level.as_str(), o.reason.as_str(), o.computed.as_str()),
        ("B", "known-history", "E")
    );
    // Back removes the override exactly.
    assert!(w.back());
    assert_eq!(w, done);
    // The emergency outcome cannot be overridden; the emergency jump clears an override.
    let mut e = done.clone();
    e.override_urgency(q, Role::Clinician, "D", "presentation")
        .unwrap();
    e.emergency(q);
    let r = e.result(q).unwrap();
    assert_eq!(r.urgency, "A");
    assert!(r.override_.is_none());
    assert_eq!(
        e.override_urgency(q, Role::Clinician, "D", "presentation"),
        Err(Refusal::OverrideOfEmergency)
    );
}

#[test]
fn the_emergency_jump_keeps_what_was_learned_and_happens_once() {
    let dir = default_directory();
    let q = Questionnaire::of(dir);
    let mut w = walk_to("needs");
    w.emergency(q);
    let once = w.clone();
    w.emergency(q);
    assert_eq!(w, once, "a second press changes nothing");
    let r = w.result(q).unwrap();
    assert_eq!(r.age, Some(Age::Years { years: 30 }));
    assert!(matches!(r.place, Some(PlaceAnswer::Place { .. })));
    assert_eq!(w.state().step, Step::Finished);
}

#[test]
fn unknown_on_a_risk_question_takes_the_worse_answer_even_if_the_data_forgets() {
    let mut dir = default_directory().clone();
    let harm = dir.triage.question_index("harm-self").unwrap();
    for o in &mut dir.triage.questions[harm].options {
        if o.key == "wont-say" {
            o.effects.urgency = None;
        }
    }
    let q = Questionnaire::of(&dir);
    let mut w = Walk::start(q).unwrap();
    w.answer(q, "no").unwrap();
    w.answer(q, "wont-say").unwrap();
    // The worse answer is "a plan, and the means or intention to act today": B (it was C).
    assert_eq!(w.urgency(), Some("B"));
    assert!(w.state().needs.contains(&"suicidal-thoughts".to_string()));
    // And where the worse answer is an emergency, "don't know" is the emergency outcome.
    let injury = dir.triage.question_index("injury").unwrap();
    for o in &mut dir.triage.questions[injury].options {
        if o.key == "dont-know" {
            o.effects = Default::default();
        }
    }
    let q = Questionnaire::of(&dir);
    let mut w = Walk::start(q).unwrap();
    for a in ["no", "no", "no", "dont-know"] {
        w.answer(q, a).unwrap();
    }
    assert!(w.is_complete());
    assert_eq!(w.state().emergency.as_ref().unwrap().from, "injury");
    assert_eq!(w.result(q).unwrap().urgency, "A");
}

#[test]
fn a_questionnaire_changed_mid_call_is_refused_not_a_crash() {
    let dir = default_directory();
    let mut w = walk_to("place");
    let mut newer = dir.clone();
    newer.triage.questions.retain(|q| q.id != "place");
    let q = Questionnaire::of(&newer);
    let before = w.clone();
    assert_eq!(
        w.answer(q, "Portsmouth"),
        Err(Refusal::QuestionnaireChanged { id: "place".into() })
    );
    assert_eq!(w, before);
    assert!(w.prompt(q).is_none());
    w.emergency(q);
    assert_eq!(
        w.result(q).unwrap().urgency,
        "A",
        "the emergency jump still works"
    );
}
