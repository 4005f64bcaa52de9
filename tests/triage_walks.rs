//! Realistic calls walked through the default questionnaire (the built-in triage.toml and
//! places.toml): each asserts the urgency, needs, flags, age and place it must reach.

use signpost::model::Directory;
use signpost::triage::{Age, PlaceAnswer, Questionnaire, TriageResult, Walk};

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

struct Call {
    what: &'static str,
    answers: &'static [(&'static str, &'static str)],
    /// Press the emergency key when this question comes up.
    emergency_at: Option<&'static str>,
    urgency: &'static str,
    needs: &'static [&'static str],
    flags: &'static [&'static str],
    age: Option<Age>,
    /// A place id, "outside", "not-given", or "" when the walk never asks (emergency).
    place: &'static str,
}

fn years(n: u8) -> Option<Age> {
    Some(Age::Years { years: n })
}

fn band(key: &str, min: u8, max: u8) -> Option<Age> {
    Some(Age::Band {
        key: key.into(),
        min,
        max,
    })
}

/// Walk one call; every question asked is answered from the call, else from `QUIET`.
fn walk(dir: &Directory, call: &Call) -> (TriageResult, Vec<String>) {
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    let mut asked = Vec::new();
    while let Some(p) = w.prompt(q) {
        if call.emergency_at == Some(p.id.as_str()) {
            w.emergency(q);
            break;
        }
        let value = call
            .answers
            .iter()
            .chain(QUIET)
            .find(|(id, _)| *id == p.id)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("{}: no answer for '{}'", call.what, p.id));
        w.answer(q, value)
            .unwrap_or_else(|e| panic!("{}: {}={value} refused: {e}", call.what, p.id));
        asked.push(p.id);
    }
    (w.result(q).expect("finished"), asked)
}

fn calls() -> Vec<Call> {
    let c = |what, answers, urgency, needs, flags, age: Option<Age>, place: &'static str| Call {
        what,
        answers,
        emergency_at: None,
        urgency,
        needs,
        flags,
        age,
        place,
    };
    vec![
        c(
            "16-year-old in Portsmouth who self-harms, no plan",
            &[
                ("harm-self", "self-harm"),
                ("age", "16"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            "D",
            &["self-harm"],
            &[],
            years(16),
            "portsmouth",
        ),
        c(
            "widowed 70-year-old in Ryde, lonely since her husband died",
            &[
                ("age", "70"),
                ("place", "Isle of Wight"),
                ("needs", "bereavement,loneliness"),
            ],
            "F",
            &["bereavement", "loneliness"],
            &[],
            years(70),
            "isle-of-wight",
        ),
        c(
            "40-year-old in Basingstoke drinking every day",
            &[
                ("age", "40"),
                ("place", "Basingstoke and Deane"),
                ("needs", "alcohol"),
            ],
            "F",
            &["alcohol"],
            &[],
            years(40),
            "basingstoke-and-deane",
        ),
        c(
            "parent in Southampton whose child died",
            &[
                ("age", "44"),
                ("place", "Southampton"),
                ("needs", "death-of-a-child"),
            ],
            "E",
            &["death-of-a-child"],
            &[],
            years(44),
            "southampton",
        ),
        c(
            "gambling debts in Havant at 2 a.m., low and worried",
            &[
                ("age", "35"),
                ("place", "Havant"),
                ("needs", "gambling,low-mood-anxiety"),
            ],
            "E",
            &["low-mood-anxiety", "gambling"],
            &[],
            years(35),
            "havant",
        ),
        c(
            "a plan and the means tonight in Andover",
            &[
                ("harm-self", "plan-soon"),
                ("age", "29"),
                ("place", "Test Valley"),
                ("needs", "suicidal-thoughts"),
            ],
            "B",
            &["suicidal-thoughts"],
            &[],
            years(29),
            "test-valley",
        ),
        c(
            "domestic abuse disclosed by a woman feeling low",
            &[
                ("age", "31"),
                ("place", "Gosport"),
                ("needs", "low-mood-anxiety"),
                ("abuse", "yes"),
            ],
            "E",
            &["low-mood-anxiety"],
            &["domestic_abuse"],
            years(31),
            "gosport",
        ),
        c(
            "risk to others: he has threatened his partner",
            &[
                ("harm-others", "threat"),
                ("age", "38"),
                ("place", "Fareham"),
                ("needs", "low-mood-anxiety"),
            ],
            "B",
            &["low-mood-anxiety"],
            &["risk_to_others"],
            years(38),
            "fareham",
        ),
        c(
            "thoughts of hurting a neighbour, no plan or threat",
            &[
                ("harm-others", "thoughts"),
                ("age", "52"),
                ("place", "Eastleigh"),
                ("needs", "low-mood-anxiety"),
            ],
            "C",
            &["low-mood-anxiety"],
            &["risk_to_others"],
            years(52),
            "eastleigh",
        ),
        c(
            "caller will not say whether they are suicidal",
            &[
                ("harm-self", "wont-say"),
                ("age", "27"),
                ("place", "Winchester"),
                ("needs", "low-mood-anxiety"),
            ],
            "C",
            &["low-mood-anxiety"],
            &[],
            years(27),
            "winchester",
        ),
        c(
            "mother does not know whether her son has hurt himself",
            &[
                ("who", "someone-else"),
                ("injury", "dont-know"),
                ("age", "teenager"),
                ("place", "Hart"),
                ("needs", "self-harm"),
            ],
            "C",
            &["self-harm"],
            &["third_party"],
            band("teenager", 13, 17),
            "hart",
        ),
        c(
            "cut her arm tonight and it needs stitches",
            &[
                ("harm-self", "self-harm"),
                ("injury", "needs-care"),
                ("age", "22"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            "B",
            &["self-harm"],
            &["physical_harm"],
            years(22),
            "portsmouth",
        ),
        c(
            "new mum on the Isle of Wight, low and anxious",
            &[
                ("age", "30"),
                ("place", "Isle of Wight"),
                ("needs", "low-mood-anxiety"),
                ("perinatal", "yes"),
            ],
            "E",
            &["low-mood-anxiety"],
            &["pregnant_or_postnatal"],
            years(30),
            "isle-of-wight",
        ),
        c(
            "pregnant, thoughts of ending her life but no plan",
            &[
                ("harm-self", "thoughts"),
                ("age", "26"),
                ("place", "Southampton"),
                ("needs", "suicidal-thoughts"),
                ("perinatal", "yes"),
            ],
            "D",
            &["suicidal-thoughts"],
            &["pregnant_or_postnatal"],
            years(26),
            "southampton",
        ),
        c(
            "under the community mental health team, a plan but not for today",
            &[
                ("harm-self", "plan"),
                ("age", "47"),
                ("place", "New Forest"),
                ("needs", "suicidal-thoughts"),
                ("known-to-services", "yes"),
            ],
            "C",
            &["suicidal-thoughts"],
            &["known_to_services"],
            years(47),
            "new-forest",
        ),
        c(
            "mother calling about her 19-year-old son hearing voices",
            &[
                ("who", "someone-else"),
                ("age", "19"),
                ("place", "Southampton"),
                ("needs", "psychosis"),
            ],
            "C",
            &["psychosis"],
            &["third_party"],
            years(19),
            "southampton",
        ),
        c(
            "a teenager of unknown age with eating problems in Winchester",
            &[
                ("age", "teenager"),
                ("place", "Winchester"),
                ("needs", "eating"),
            ],
            "D",
            &["eating"],
            &[],
            band("teenager", 13, 17),
            "winchester",
        ),
        c(
            "his brother died by suicide last month",
            &[
                ("age", "33"),
                ("place", "Gosport"),
                ("needs", "bereaved-by-suicide"),
            ],
            "E",
            &["bereaved-by-suicide"],
            &["bereaved_by_suicide"],
            years(33),
            "gosport",
        ),
        c(
            "drunk now, thoughts of ending his life but no plan",
            &[
                ("harm-self", "thoughts"),
                ("age", "45"),
                ("place", "Rushmoor"),
                ("needs", "alcohol,suicidal-thoughts"),
                ("intoxicated", "yes"),
            ],
            "D",
            &["suicidal-thoughts", "alcohol"],
            &["intoxicated_now"],
            years(45),
            "rushmoor",
        ),
        c(
            "exhausted carer of a husband with dementia in Fareham",
            &[
                ("age", "68"),
                ("place", "Fareham"),
                ("needs", "carer-strain"),
            ],
            "F",
            &["carer-strain"],
            &[],
            years(68),
            "fareham",
        ),
        c(
            "a friend wants information about services in the New Forest",
            &[
                ("who", "someone-else"),
                ("age", "adult"),
                ("place", "New Forest"),
                ("needs", "information-only"),
            ],
            "G",
            &["information-only"],
            &["third_party"],
            band("adult", 18, 64),
            "new-forest",
        ),
        c(
            "lonely older man, age not known, in Eastleigh",
            &[
                ("age", "older"),
                ("place", "Eastleigh"),
                ("needs", "loneliness"),
            ],
            "F",
            &["loneliness"],
            &[],
            band("older", 65, 130),
            "eastleigh",
        ),
        c(
            "parent using drugs with children at home in Rushmoor",
            &[
                ("age", "29"),
                ("place", "Rushmoor"),
                ("needs", "drugs"),
                ("children", "yes"),
            ],
            "F",
            &["drugs"],
            &["children_at_risk"],
            years(29),
            "rushmoor",
        ),
        c(
            "caller not sure whether her friend is in danger now",
            &[
                ("danger-now", "not-sure"),
                ("who", "someone-else"),
                ("age", "adult"),
                ("place", "Havant"),
                ("needs", "low-mood-anxiety"),
            ],
            "B",
            &["low-mood-anxiety"],
            &["third_party"],
            band("adult", 18, 64),
            "havant",
        ),
        c(
            "GP calling about a patient with psychosis who has threatened staff",
            &[
                ("who", "professional"),
                ("harm-others", "threat"),
                ("age", "41"),
                ("place", "Basingstoke and Deane"),
                ("needs", "psychosis"),
            ],
            "B",
            &["psychosis"],
            &["third_party", "risk_to_others"],
            years(41),
            "basingstoke-and-deane",
        ),
        c(
            "visitor from outside the area, anxious",
            &[
                ("age", "36"),
                ("place", "outside"),
                ("needs", "low-mood-anxiety"),
            ],
            "E",
            &["low-mood-anxiety"],
            &[],
            years(36),
            "outside",
        ),
        c(
            "caller will not say where they are",
            &[
                ("age", "50"),
                ("place", "not-known"),
                ("needs", "low-mood-anxiety"),
            ],
            "E",
            &["low-mood-anxiety"],
            &[],
            years(50),
            "not-given",
        ),
        c(
            "student in Portsmouth anxious about exams",
            &[
                ("age", "20"),
                ("place", "Portsmouth"),
                ("needs", "low-mood-anxiety"),
            ],
            "E",
            &["low-mood-anxiety"],
            &[],
            years(20),
            "portsmouth",
        ),
        c(
            "self-harm, and will not say about harming others",
            &[
                ("harm-self", "self-harm"),
                ("harm-others", "wont-say"),
                ("age", "24"),
                ("place", "Test Valley"),
                ("needs", "self-harm"),
            ],
            "C",
            &["self-harm"],
            &[],
            years(24),
            "test-valley",
        ),
        c(
            "domestic abuse with children at risk in Havant",
            &[
                ("age", "34"),
                ("place", "Havant"),
                ("needs", "low-mood-anxiety"),
                ("children", "yes"),
                ("abuse", "yes"),
            ],
            "E",
            &["low-mood-anxiety"],
            &["children_at_risk", "domestic_abuse"],
            years(34),
            "havant",
        ),
        c(
            "took some tablets, not sure why, now feeling unwell",
            &[
                ("harm-self", "dont-know"),
                ("injury", "needs-care"),
                ("age", "18"),
                ("place", "Southampton"),
                ("needs", "self-harm"),
            ],
            "B",
            &["self-harm"],
            &["physical_harm"],
            years(18),
            "southampton",
        ),
        c(
            "17-year-old in Hart, worried all the time",
            &[
                ("age", "17"),
                ("place", "Hart"),
                ("needs", "low-mood-anxiety"),
            ],
            "E",
            &["low-mood-anxiety"],
            &[],
            years(17),
            "hart",
        ),
        c(
            "a young child of unknown age who hurts themselves",
            &[
                ("who", "someone-else"),
                ("harm-self", "self-harm"),
                ("age", "child"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            "D",
            &["self-harm"],
            &["third_party"],
            band("child", 0, 12),
            "portsmouth",
        ),
        c(
            "14-year-old on the Isle of Wight gambling online",
            &[
                ("age", "14"),
                ("place", "Isle of Wight"),
                ("needs", "gambling"),
            ],
            "F",
            &["gambling"],
            &[],
            years(14),
            "isle-of-wight",
        ),
        c(
            "drug use and seeing things others cannot",
            &[
                ("age", "23"),
                ("place", "Southampton"),
                ("needs", "drugs,psychosis"),
            ],
            "C",
            &["psychosis", "drugs"],
            &[],
            years(23),
            "southampton",
        ),
        c(
            "minor self-injury already cleaned up",
            &[
                ("harm-self", "self-harm"),
                ("injury", "minor"),
                ("age", "15"),
                ("place", "Gosport"),
                ("needs", "self-harm"),
            ],
            "D",
            &["self-harm"],
            &[],
            years(15),
            "gosport",
        ),
    ]
}

fn emergency_calls() -> Vec<Call> {
    vec![
        Call {
            what: "a friend who has taken an overdose",
            answers: &[("danger-now", "yes")],
            emergency_at: None,
            urgency: "A",
            needs: &[],
            flags: &[],
            age: None,
            place: "",
        },
        Call {
            what: "danger disclosed late: he has the tablets in his hand (key pressed at needs)",
            answers: &[
                ("harm-self", "plan"),
                ("age", "58"),
                ("place", "Winchester"),
            ],
            emergency_at: Some("needs"),
            urgency: "A",
            needs: &["suicidal-thoughts"],
            flags: &[],
            age: years(58),
            place: "winchester",
        },
        Call {
            what: "a caller says someone is attacking her as she answers the age question",
            answers: &[("who", "self")],
            emergency_at: Some("age"),
            urgency: "A",
            needs: &[],
            flags: &[],
            age: None,
            place: "",
        },
    ]
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

fn assert_call(dir: &Directory, call: &Call) -> TriageResult {
    let (r, _) = walk(dir, call);
    assert_eq!(r.urgency, call.urgency, "{}: urgency", call.what);
    assert_eq!(r.needs, call.needs, "{}: needs", call.what);
    assert_eq!(r.flags, call.flags, "{}: flags", call.what);
    assert_eq!(r.age, call.age, "{}: age", call.what);
    assert_eq!(place_of(&r), call.place, "{}: place", call.what);
    r
}

#[test]
fn realistic_calls_reach_the_right_urgency_needs_and_flags() {
    let dir = default_directory();
    let calls = calls();
    assert!(calls.len() >= 30, "{} calls", calls.len());
    let t = &dir.triage;
    for call in &calls {
        let r = assert_call(&dir, call);
        assert!(r.emergency.is_none(), "{}", call.what);
        // Every risk question was asked on the way.
        let (_, asked) = walk(&dir, call);
        for q in t.questions.iter().filter(|q| q.risk) {
            assert!(asked.contains(&q.id), "{}: {} not asked", call.what, q.id);
        }
    }
}

#[test]
fn emergency_calls_reach_the_emergency_outcome() {
    let dir = default_directory();
    for call in &emergency_calls() {
        let r = assert_call(&dir, call);
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
