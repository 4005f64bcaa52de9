//! Triage outcomes for realistic calls on the default directory, at fixed instants: urgency,
//! named services present (in their group) or absent, how far the outcome had to widen, the
//! catch-all, what to say. Expectations are for the DRAFT questionnaire and today's sources:
//! when a record is confirmed, a gap closes and its row here should change with it.

use signpost::directory::{self, safety_net::safety_net};
use signpost::model::{Directory, Role};
use signpost::places::Reach;
use signpost::search::Group;
use signpost::triage::outcome::{LeftOutWhy, Outcome, PlaceView, SayKind};
use signpost::triage::{outcome, Questionnaire, TriageResult, Walk};

/// What a handler answers when the caller says nothing of note (as in tests/triage_walks.rs).
const QUIET: &[(&str, &str)] = &[
    ("danger-now", "no"),
    ("harm-self", "no"),
    ("acted", "no"),
    ("means", "no"),
    ("harm-others", "no"),
    ("weapon", "no"),
    ("injury", "no"),
    ("who", "self"),
    ("behaviour", "no"),
    ("known-to-services", "no"),
    ("perinatal", "no"),
    ("intoxicated", "no"),
    ("children", "no"),
    ("abuse", "no"),
];

use Group::{CheckFirst as Check, ClosedNow as Closed, Reachable as Now};

/// How far the outcome reaches for its nearest firm (nothing to check) non-catch-all option.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cov {
    /// A local service is firm: nothing said about widening.
    Local,
    /// Only area-wide or national services are firm, and the outcome says nothing local fits.
    Wider,
    /// Nothing but the catch-all is firm, and the outcome says so plainly.
    CatchAllOnly,
    /// The emergency outcome: the script, then the safety net.
    Emergency,
}

struct Case {
    what: &'static str,
    answers: &'static [(&'static str, &'static str)],
    /// Press the emergency key at this question.
    emergency_at: Option<&'static str>,
    /// London local time.
    at: &'static str,
    role: Role,
    urgency: &'static str,
    /// Services that must be offered, in this group.
    groups: &'static [(&'static str, Group)],
    /// Services that must not be offered at all.
    absent: &'static [&'static str],
    cov: Cov,
    /// Words that must be in what to say.
    say: &'static [&'static str],
}

const WED_3PM: &str = "2026-11-18 15:00";
const THU_2AM: &str = "2026-11-19 02:00";
const TUE_11AM: &str = "2026-11-17 11:00";
const SAT_8PM: &str = "2026-11-21 20:00";
const BANK_HOLIDAY_NOON: &str = "2026-12-28 12:00";

const H: Role = Role::Handler;
const C: Role = Role::Clinician;

fn base() -> Case {
    Case {
        what: "",
        answers: &[],
        emergency_at: None,
        at: WED_3PM,
        role: H,
        urgency: "",
        groups: &[],
        absent: &[],
        cov: Cov::CatchAllOnly,
        say: &[],
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            what: "16-year-old in Portsmouth who self-harms, no plan",
            answers: &[
                ("harm-self", "self-harm"),
                ("age", "16"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            urgency: "D",
            groups: &[
                ("childline", Now),
                ("hiow-cyp-crisis-line", Check),
                ("papyrus-hopeline247", Check),
                ("calm", Closed),
            ],
            // Kooth takes routine calls only: kept for the need, marked, never firm.
            absent: &[
                "lighthouse-southampton",
                "portsmouth-mental-health-hub",
                "samaritans",
            ],
            cov: Cov::Wider,
            say: &[
                "Next step: give them Childline on 0800 1111",
                "No local or area-wide service fits",
            ],
            ..base()
        },
        Case {
            what: "the same 16-year-old, seen by a clinician",
            answers: &[
                ("harm-self", "self-harm"),
                ("age", "16"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            role: C,
            urgency: "D",
            groups: &[("childline", Now), ("calm", Closed)],
            cov: Cov::Wider,
            say: &["Urgency: D Semi-urgent"],
            ..base()
        },
        Case {
            what: "the same 16-year-old on the bank holiday: Childline still open, CALM opens at 5",
            answers: &[
                ("harm-self", "self-harm"),
                ("age", "16"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            at: BANK_HOLIDAY_NOON,
            urgency: "D",
            groups: &[("childline", Now), ("calm", Closed)],
            cov: Cov::Wider,
            ..base()
        },
        Case {
            what: "widowed 70-year-old in Ryde, lonely since her husband died",
            answers: &[
                ("age", "70"),
                ("place", "Ryde"),
                ("needs", "bereavement,loneliness"),
            ],
            at: TUE_11AM,
            urgency: "F",
            groups: &[
                ("mountbatten-iow-bereavement", Check),
                ("cruse-national-helpline", Check),
                ("mind-infoline", Check),
            ],
            absent: &[
                "childline",
                "papyrus-hopeline247",
                "winstons-wish",
                "naomi-house-jacksplace",
                "rowans-hospice-bereavement",
                "samaritans-isle-of-wight",
            ],
            say: &["Nothing in the directory fits this call beyond the safety net"],
            ..base()
        },
        Case {
            what: "40-year-old in Basingstoke drinking every day",
            answers: &[
                ("age", "40"),
                ("place", "Basingstoke"),
                ("needs", "alcohol"),
            ],
            urgency: "F",
            groups: &[
                ("alcoholics-anonymous", Check),
                ("inclusion-recovery-hampshire", Check),
                ("drinkline", Check),
                ("frank", Check),
            ],
            absent: &[
                "catch22-hampshire",
                "dash-southampton",
                "portsmouth-substance-misuse-service",
            ],
            ..base()
        },
        Case {
            what: "parent in Southampton whose child died",
            answers: &[
                ("age", "44"),
                ("place", "Southampton"),
                ("needs", "death-of-a-child"),
            ],
            at: TUE_11AM,
            urgency: "E",
            groups: &[
                ("compassionate-friends", Check),
                ("child-bereavement-uk", Check),
                ("mountbatten-hampshire-bereavement", Check),
            ],
            // Pregnancy "no": perinatal and maternity services are ruled out.
            absent: &[
                "maternity-mental-health-hiow",
                "naomi-house-jacksplace",
                "winstons-wish",
                "mountbatten-iow-bereavement",
            ],
            ..base()
        },
        Case {
            what: "gambling debts in Havant at 2 a.m., low and worried",
            answers: &[
                ("age", "35"),
                ("place", "Havant"),
                ("needs", "gambling,low-mood-anxiety"),
            ],
            at: THU_2AM,
            urgency: "E",
            groups: &[
                ("national-gambling-helpline", Check),
                ("southern-gambling-service", Check),
                ("talking-therapies-hampshire", Check),
                ("havant-east-hants-mind", Check),
                ("mind-infoline", Closed),
            ],
            absent: &[
                "talking-change-portsmouth",
                "steps-2-wellbeing-southampton",
                "kooth",
            ],
            ..base()
        },
        Case {
            what: "a plan and the means tonight in Andover, at 2 a.m.",
            answers: &[
                ("harm-self", "plan-soon"),
                ("age", "29"),
                ("place", "Andover"),
                ("needs", "suicidal-thoughts"),
            ],
            at: THU_2AM,
            urgency: "B",
            // The crisis route leads; listening lines are support while waiting, not offered
            // as services (PAPYRUS was a service to check here before).
            groups: &[
                ("nhs-111-mental-health-triage-hiow", Now),
                ("urgent-care-a-and-e", Now),
            ],
            absent: &[
                "andover-mind",
                "calm",
                "childline",
                "saneline",
                "papyrus-hopeline247",
            ],
            say: &["Next step: give them NHS 111", "Support while waiting"],
            ..base()
        },
        Case {
            what: "a friend who has taken an overdose",
            answers: &[("danger-now", "yes")],
            urgency: "A",
            absent: &[
                "childline",
                "papyrus-hopeline247",
                "nhs-111-mental-health-triage-hiow",
            ],
            cov: Cov::Emergency,
            say: &["call 999 now", "Stay on the line", "A&E"],
            ..base()
        },
        Case {
            what: "danger disclosed late: tablets in his hand, emergency key at the needs question",
            answers: &[
                ("harm-self", "plan"),
                ("age", "58"),
                ("place", "Winchester"),
            ],
            emergency_at: Some("needs"),
            urgency: "A",
            cov: Cov::Emergency,
            say: &["Stay on the line"],
            ..base()
        },
        Case {
            what: "domestic abuse disclosed by a woman feeling low, in Gosport",
            answers: &[
                ("age", "31"),
                ("place", "Gosport"),
                ("needs", "low-mood-anxiety"),
                ("abuse", "yes"),
            ],
            urgency: "C", // abuse: a same-day safeguarding action (it was E)
            groups: &[
                ("talking-therapies-hampshire", Check),
                ("mind-infoline", Check),
            ],
            absent: &["talking-change-portsmouth", "iow-talking-therapies"],
            say: &["Check it is safe to talk", "safeguarding procedure"],
            ..base()
        },
        Case {
            what: "risk to others: he has threatened his partner, Fareham",
            answers: &[
                ("harm-others", "threat"),
                ("age", "38"),
                ("place", "Fareham"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "B",
            // Samaritans is support while waiting at B, not a service to give as the response;
            // talking therapies and the infoline stay for the need, marked not a crisis response.
            groups: &[
                ("nhs-111-mental-health-triage-hiow", Now),
                ("talking-therapies-hampshire", Check),
                ("mind-infoline", Check),
            ],
            absent: &[
                "surrey-borders-crisis-line",
                "samaritans-portsmouth-east-hampshire",
            ],
            say: &["police on 101"],
            ..base()
        },
        Case {
            what: "cut her arm tonight and it needs stitches, Portsmouth",
            answers: &[
                ("harm-self", "self-harm"),
                ("injury", "needs-care"),
                ("age", "22"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            at: SAT_8PM,
            // An injury needing medical care is an A presentation (it was B).
            urgency: "A",
            cov: Cov::Emergency,
            say: &["A&E"],
            ..base()
        },
        Case {
            what: "new mum on the Isle of Wight, low and anxious: perinatal services meet a need",
            answers: &[
                ("age", "30"),
                ("place", "PO30"),
                ("needs", "low-mood-anxiety"),
                ("perinatal", "yes"),
            ],
            urgency: "E",
            groups: &[
                ("hampshire-perinatal-mental-health", Check),
                ("maternity-mental-health-hiow", Check),
                ("iow-talking-therapies", Check),
            ],
            absent: &["talking-therapies-hampshire"],
            say: &["perinatal mental health services"],
            ..base()
        },
        Case {
            what: "pregnant, thoughts of ending her life, Southampton",
            answers: &[
                ("harm-self", "thoughts"),
                ("age", "26"),
                ("place", "Southampton"),
                ("needs", "suicidal-thoughts"),
                ("perinatal", "yes"),
            ],
            at: SAT_8PM,
            // Perinatal with suicidal thoughts: B (it was D, with the perinatal service left
            // out); listening lines are support while waiting.
            urgency: "B",
            groups: &[
                ("lighthouse-southampton", Check),
                ("hampshire-perinatal-mental-health", Check),
            ],
            absent: &["calm", "papyrus-hopeline247"],
            say: &["Raised to B: pregnant or recently had a baby"],
            ..base()
        },
        Case {
            what: "under the community mental health team, a plan but not for today, New Forest",
            answers: &[
                ("harm-self", "plan"),
                ("age", "47"),
                ("place", "New Forest"),
                ("needs", "suicidal-thoughts"),
                ("known-to-services", "yes"),
            ],
            at: SAT_8PM,
            // A plan is B on the scale (it was C).
            urgency: "B",
            groups: &[("southern-health-crisis-teams-existing-patients", Check)],
            absent: &["childline", "papyrus-hopeline247", "calm"],
            say: &["care plan or crisis plan"],
            ..base()
        },
        Case {
            what: "mother calling about her 19-year-old son hearing voices, Southampton",
            answers: &[
                ("who", "someone-else"),
                ("age", "19"),
                ("place", "Southampton"),
                ("needs", "psychosis"),
            ],
            urgency: "C",
            groups: &[("lighthouse-southampton", Closed)],
            absent: &["childline", "southampton-camhs"],
            say: &["The caller is not the person at risk"],
            ..base()
        },
        Case {
            what:
                "a teenager of unknown age with eating problems, Winchester: eating services take D",
            answers: &[
                ("age", "teenager"),
                ("place", "Winchester"),
                ("needs", "eating"),
            ],
            urgency: "D",
            // Eating services take the level their need's floor gives (they were all left out).
            groups: &[
                ("leigh-house-eating-disorder-day-programme", Check),
                ("beat", Check),
                ("hampshire-camhs", Check),
            ],
            say: &["Nothing in the directory fits this call beyond the safety net"],
            ..base()
        },
        Case {
            what: "his brother died by suicide last month, Gosport",
            answers: &[
                ("age", "33"),
                ("place", "Gosport"),
                ("needs", "bereaved-by-suicide"),
            ],
            urgency: "E",
            groups: &[
                ("amparo-suicide-bereavement", Check),
                ("cruse-support-after-suicide-hiow", Check),
                ("sobs", Check),
            ],
            absent: &["winstons-wish"],
            say: &["Losing someone to suicide"],
            ..base()
        },
        Case {
            what:
                "drunk now, thoughts of ending his life but no plan, Rushmoor on a Saturday night",
            answers: &[
                ("harm-self", "thoughts"),
                ("age", "45"),
                ("place", "Rushmoor"),
                ("needs", "alcohol,suicidal-thoughts"),
                ("intoxicated", "yes"),
            ],
            at: SAT_8PM,
            // Thoughts with no plan (C), raised one level by drink (it was D).
            urgency: "B",
            groups: &[
                // The Surrey and Borders crisis line (0800 915 4644, 24/7, adults) is sourced
                // for North East Hampshire: a firm local option, not "check first".
                ("surrey-borders-crisis-line", Now),
                ("aldershot-safe-haven", Check),
            ],
            absent: &["childline", "lighthouse-southampton", "calm", "saneline"],
            say: &["Do not let them drive", "Raised to B: alcohol or drugs"],
            cov: Cov::Local,
            ..base()
        },
        Case {
            what: "exhausted carer of a husband with dementia in Fareham",
            answers: &[
                ("age", "68"),
                ("place", "Fareham"),
                ("needs", "carer-strain"),
            ],
            urgency: "F",
            groups: &[("hampshire-carer-support", Check)],
            absent: &["portsmouth-mental-health-hub", "saneline"],
            ..base()
        },
        Case {
            what: "a friend wants information about services in the New Forest",
            answers: &[
                ("who", "someone-else"),
                ("age", "adult"),
                ("place", "New Forest"),
                ("needs", "information-only"),
            ],
            urgency: "G",
            groups: &[("mind-infoline", Check), ("frank", Check)],
            absent: &["childline"],
            ..base()
        },
        Case {
            what: "lonely older man, age not known, in Eastleigh",
            answers: &[
                ("age", "older"),
                ("place", "Eastleigh"),
                ("needs", "loneliness"),
            ],
            urgency: "F",
            groups: &[("mind-infoline", Check)],
            absent: &["childline", "papyrus-hopeline247", "kooth"],
            ..base()
        },
        Case {
            what: "parent using drugs with children at home in Rushmoor",
            answers: &[
                ("age", "29"),
                ("place", "Rushmoor"),
                ("needs", "drugs"),
                ("children", "yes"),
            ],
            // Children at risk: at least C, a same-day safeguarding action (it was F).
            urgency: "C",
            groups: &[("inclusion-recovery-hampshire", Check), ("frank", Check)],
            absent: &[
                "southampton-drug-alcohol-service",
                "inclusion-isle-of-wight",
            ],
            say: &["Safeguarding: a child may be at risk"],
            ..base()
        },
        Case {
            what:
                "visitor from outside the area, anxious: national services and 111 where they are",
            answers: &[
                ("age", "36"),
                ("place", "outside"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "E",
            groups: &[("mind-infoline", Check)],
            absent: &[
                "talking-therapies-hampshire",
                "nhs-111-mental-health-triage-hiow",
                "hampshire-perinatal-mental-health",
            ],
            say: &["call 111 where they are", "text SHOUT to 85258"],
            ..base()
        },
        Case {
            what: "caller will not say where they are: whole-area and national services only",
            answers: &[
                ("age", "50"),
                ("place", "not-known"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "E",
            groups: &[("mind-infoline", Check)],
            // Pregnancy "no" rules out the perinatal service.
            absent: &[
                "hampshire-perinatal-mental-health",
                "talking-therapies-hampshire",
                "talking-change-portsmouth",
                "iow-talking-therapies",
            ],
            say: &["Where they are is not known"],
            ..base()
        },
        Case {
            what: "student in Portsmouth (Cosham) anxious about exams",
            answers: &[
                ("age", "20"),
                ("place", "Cosham"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "E",
            groups: &[
                ("talking-change-portsmouth", Check),
                ("portsmouth-mental-health-hub", Check),
                ("kooth", Check),
            ],
            absent: &["talking-therapies-hampshire", "southampton-camhs"],
            ..base()
        },
        Case {
            what: "17-year-old in Fleet, worried all the time: routine, so not Childline",
            answers: &[
                ("age", "17"),
                ("place", "Fleet"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "E",
            groups: &[("kooth", Check), ("talking-therapies-hampshire", Check)],
            absent: &["childline", "surrey-borders-crisis-line"],
            ..base()
        },
        Case {
            what: "15-year-old in Southampton, low: Southampton CAMHS is a firm local option",
            answers: &[
                ("age", "15"),
                ("place", "Southampton"),
                ("needs", "low-mood-anxiety"),
            ],
            urgency: "E",
            groups: &[("southampton-camhs", Now)],
            absent: &["childline", "hampshire-camhs", "portsmouth-camhs"],
            cov: Cov::Local,
            say: &["Next step: give them Southampton"],
            ..base()
        },
        Case {
            what: "the same 15-year-old at 2 a.m.: Southampton CAMHS opens at 9, within 4 weeks",
            answers: &[
                ("age", "15"),
                ("place", "Southampton"),
                ("needs", "low-mood-anxiety"),
            ],
            at: THU_2AM,
            urgency: "E",
            groups: &[("southampton-camhs", Closed)],
            cov: Cov::Local,
            say: &["closed now; opens 09:00"],
            ..base()
        },
        Case {
            what: "14-year-old on the Isle of Wight gambling online",
            answers: &[
                ("age", "14"),
                ("place", "Isle of Wight"),
                ("needs", "gambling"),
            ],
            urgency: "F",
            groups: &[
                ("national-gambling-helpline", Check),
                ("southern-gambling-service", Check),
            ],
            ..base()
        },
        Case {
            what: "thoughts of suicide, PO7, cannot say which side of the boundary",
            answers: &[
                ("harm-self", "thoughts"),
                ("age", "44"),
                ("place", "PO7"),
                ("place.which", "not-sure"),
                ("needs", "suicidal-thoughts"),
            ],
            at: SAT_8PM,
            // Thoughts with no plan: C on the scale (it was D).
            urgency: "C",
            // "Not sure: keep all of these" keeps each candidate place's services, to check
            // that they cover where the caller is (it used to drop every local one).
            groups: &[
                ("southern-health-crisis-teams-existing-patients", Check),
                ("calm", Check),
                ("havant-east-hants-mind", Check),
                ("havant-adult-safe-haven", Check),
            ],
            say: &["Confirm where they are: it may be East Hampshire or Havant or Winchester"],
            ..base()
        },
        Case {
            what: "drinking heavily, calling from RG14 across the county border",
            answers: &[
                ("age", "39"),
                ("place", "RG14"),
                ("place.which", "outside"),
                ("needs", "alcohol"),
            ],
            urgency: "F",
            groups: &[("alcoholics-anonymous", Check)],
            absent: &["inclusion-recovery-hampshire", "catch22-hampshire"],
            say: &["call 111 where they are"],
            ..base()
        },
        Case {
            what: "exhausted carer in Hook, the one in Hart",
            answers: &[
                ("age", "61"),
                ("place", "Hook"),
                ("place.which", "hart"),
                ("needs", "carer-strain"),
            ],
            urgency: "F",
            groups: &[("hampshire-carer-support", Check)],
            ..base()
        },
        Case {
            what: "a young child of unknown age who hurts themselves, Portsmouth: Childline at D",
            answers: &[
                ("who", "someone-else"),
                ("harm-self", "self-harm"),
                ("age", "child"),
                ("place", "Portsmouth"),
                ("needs", "self-harm"),
            ],
            urgency: "D",
            groups: &[
                ("childline", Now),
                ("hiow-cyp-crisis-line", Check),
                ("the-mix", Check),
                ("papyrus-hopeline247", Check),
            ],
            absent: &["iow-youth-trust", "lighthouse-southampton"],
            cov: Cov::Wider,
            ..base()
        },
    ]
}

fn default_directory() -> Directory {
    directory::parse(&directory::embedded()).expect("the built-in directory parses")
}

fn walk(dir: &Directory, c: &Case) -> TriageResult {
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    while let Some(p) = w.prompt(q) {
        if c.emergency_at == Some(p.id.as_str()) {
            w.emergency(q);
            break;
        }
        let v = c
            .answers
            .iter()
            .chain(QUIET)
            .find(|(id, _)| *id == p.id)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("{}: no answer for {}", c.what, p.id));
        w.answer(q, v)
            .unwrap_or_else(|e| panic!("{}: {}={v}: {e}", c.what, p.id));
    }
    w.result(q).expect("finished")
}

fn run(dir: &Directory, c: &Case) -> Outcome {
    let r = walk(dir, c);
    let at = signpost::hours::parse_local(c.at).unwrap();
    outcome(&r, dir, &safety_net(), &[], c.role, at)
}

fn check(c: &Case, o: &Outcome) -> Vec<String> {
    let mut bad = Vec::new();
    if o.urgency.code != c.urgency {
        bad.push(format!("urgency {} not {}", o.urgency.code, c.urgency));
    }
    for (id, g) in c.groups {
        match o.services().find(|s| s.id == *id) {
            None => bad.push(format!("{id} missing")),
            Some(s) if s.group != *g => bad.push(format!("{id} in {:?}, not {g:?}", s.group)),
            Some(_) => {}
        }
    }
    for id in c.absent {
        if o.ids().contains(id) {
            bad.push(format!("{id} offered"));
        }
    }
    let c_ = &o.coverage;
    let ok = match c.cov {
        Cov::Local => c_.nearest == Some(Reach::Local) && c_.message.is_none(),
        Cov::Wider => {
            matches!(c_.nearest, Some(Reach::AreaWide | Reach::National)) && c_.message.is_some()
        }
        Cov::CatchAllOnly => c_.firm == 0 && c_.nearest.is_none() && o.emergency.is_none(),
        Cov::Emergency => o.emergency.is_some() && c_.message.is_none(),
    };
    if !ok {
        bad.push(format!("coverage {:?} is not {:?}", c_, c.cov));
    }
    if c.cov == Cov::CatchAllOnly && o.place != PlaceView::Outside && c_.message.is_none() {
        bad.push("catch-all only, but nothing said".into());
    }
    let said: String = o
        .say
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for w in c.say {
        if !said.contains(w) {
            bad.push(format!("what to say lacks {w:?}:\n{said}"));
        }
    }
    // Whatever the call: the safety net, marked as the catch-all, 999 first; one Shout.
    let net = o.safety_net_ids();
    if net.first() != Some(&"emergency-services-999")
        || !net.contains(&"nhs-111-mental-health-option")
        || !net.contains(&"samaritans")
        || net.iter().filter(|id| id.starts_with("shout")).count() != 1
        || !o.safety_net.iter().all(|s| s.catch_all)
    {
        bad.push(format!("safety net {net:?}"));
    }
    if o.say.last().map(|s| s.kind) != Some(SayKind::SafetyNet) {
        bad.push("what to say does not end with safety-netting".into());
    }
    if !o.has_next_step() {
        bad.push("no next step".into());
    }
    bad
}

#[test]
fn realistic_calls_reach_the_right_services() {
    let dir = default_directory();
    let cases = cases();
    assert!(cases.len() >= 30, "only {} scenarios", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let o = run(&dir, c);
        let bad = check(c, &o);
        if !bad.is_empty() {
            failures.push(format!("{}:\n  {}", c.what, bad.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_band_that_partly_overlaps_a_service_reads_age_may_not_fit() {
    let dir = default_directory();
    let c = Case {
        answers: &[
            ("who", "someone-else"),
            ("harm-self", "self-harm"),
            ("age", "child"),
            ("place", "Portsmouth"),
            ("needs", "self-harm"),
        ],
        ..base()
    };
    let o = run(&dir, &c);
    // 0-12 against 11-17 and 11-25: some of the band fits, some does not.
    for id in ["hiow-cyp-crisis-line", "the-mix"] {
        let s = o.services().find(|s| s.id == id).expect(id);
        assert_eq!(s.group, Group::CheckFirst, "{id}");
        assert!(
            s.checks.iter().any(|c| c.starts_with("age may not fit")),
            "{id}: {:?}",
            s.checks
        );
        assert!(!s.firm);
    }
    // Childline (up to 18) takes the whole band: no age check.
    let childline = o.services().find(|s| s.id == "childline").unwrap();
    assert!(childline.checks.is_empty() && childline.firm);
}

#[test]
fn a_perinatal_service_needs_the_flag_or_a_check() {
    let dir = default_directory();
    let perinatal = |flag: &'static str| {
        let answers: &'static [(&'static str, &'static str)] = if flag == "yes" {
            &[
                ("age", "30"),
                ("place", "PO30"),
                ("needs", "low-mood-anxiety"),
                ("perinatal", "yes"),
            ]
        } else {
            &[
                ("age", "30"),
                ("place", "PO30"),
                ("needs", "low-mood-anxiety"),
                ("perinatal", "dont-know"),
            ]
        };
        let o = run(&dir, &Case { answers, ..base() });
        let found = o
            .services()
            .find(|s| s.id == "hampshire-perinatal-mental-health")
            .cloned();
        found.expect("offered")
    };
    let with_flag = perinatal("yes");
    assert!(
        with_flag
            .reasons
            .iter()
            .any(|r| r.text == "need: Pregnant or had a baby in the last year"),
        "{:?}",
        with_flag.reasons
    );
    assert!(!with_flag.checks.iter().any(|c| c.contains("pregnancy")));
    let without = perinatal("no");
    assert!(
        without
            .checks
            .iter()
            .any(|c| c.starts_with("for pregnancy and the year after birth")),
        "{:?}",
        without.checks
    );
    assert!(!without.firm);
    // "No" to pregnancy rules perinatal services out (they were offered with a check before).
    let c = Case {
        answers: &[
            ("age", "70"),
            ("place", "PO30"),
            ("needs", "low-mood-anxiety"),
            ("perinatal", "no"),
        ],
        ..base()
    };
    let o = run(&dir, &c);
    for id in [
        "hampshire-perinatal-mental-health",
        "maternity-mental-health-hiow",
    ] {
        assert!(!o.ids().contains(&id), "{id}");
        assert!(
            o.left_out
                .iter()
                .any(|l| l.id == id && l.why == LeftOutWhy::Excluded),
            "{id}"
        );
    }
}

#[test]
fn groups_rank_as_search_ranks_with_the_catch_all_last() {
    // In the reachable and closed-now groups every service is in the same state (open now;
    // opening within the window), so the order is: catch-all last, then local before
    // area-wide before national, then age fit and name.
    let dir = default_directory();
    let mut seen_catch_all_after = 0;
    for c in cases() {
        let o = run(&dir, &c);
        // At A to C the crisis routes lead their group by design (the property in
        // outcome_properties.rs); the rest rank as search ranks.
        let urgent = matches!(o.urgency.code.as_str(), "A" | "B" | "C");
        for g in o.groups.iter().filter(|g| g.group != Group::CheckFirst) {
            let keys: Vec<(bool, Reach)> = g
                .services
                .iter()
                .filter(|s| !(urgent && s.response.is_crisis_route()))
                .map(|s| (s.catch_all, s.reach))
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{}: {:?} {:?}", c.what, g.group, o.ids());
            if keys.len() > 1 && keys.last().is_some_and(|k| k.0) {
                seen_catch_all_after += 1;
            }
        }
    }
    assert!(
        seen_catch_all_after > 0,
        "no case puts a catch-all after another service"
    );
}

#[test]
fn the_deploying_service_is_left_out_but_111_is_still_named() {
    let dir = default_directory();
    let c = Case {
        answers: &[
            ("harm-self", "plan-soon"),
            ("age", "29"),
            ("place", "Andover"),
            ("needs", "suicidal-thoughts"),
        ],
        ..base()
    };
    let r = walk(&dir, &c);
    let at = signpost::hours::parse_local(THU_2AM).unwrap();
    let own = vec![
        "nhs-111-mental-health-triage-hiow".to_string(),
        "nhs-111-mental-health-option".to_string(),
    ];
    let o = outcome(&r, &dir, &safety_net(), &own, Role::Handler, at);
    assert!(!o.ids().contains(&"nhs-111-mental-health-triage-hiow"));
    assert!(!o.safety_net_ids().contains(&"nhs-111-mental-health-option"));
    assert!(o
        .left_out
        .iter()
        .any(|l| l.id == "nhs-111-mental-health-triage-hiow" && l.why == LeftOutWhy::OwnService));
    let last = &o.say.last().unwrap().text;
    assert!(last.contains("call 111 again"), "{last}");
}

#[test]
fn a_clinician_override_changes_the_window_services_are_judged_against() {
    let dir = default_directory();
    let q = Questionnaire::of(&dir);
    let c = Case {
        answers: &[
            ("harm-self", "self-harm"),
            ("age", "22"),
            ("place", "Portsmouth"),
            ("needs", "self-harm"),
        ],
        ..base()
    };
    let mut w = Walk::start(q).unwrap();
    while let Some(p) = w.prompt(q) {
        let v = c
            .answers
            .iter()
            .chain(QUIET)
            .find(|(id, _)| *id == p.id)
            .unwrap()
            .1;
        w.answer(q, v).unwrap();
    }
    w.override_urgency(q, Role::Clinician, "B", "presentation")
        .unwrap();
    let r = w.result(q).unwrap();
    let at = signpost::hours::parse_local(WED_3PM).unwrap();
    let o = outcome(&r, &dir, &safety_net(), &[], Role::Clinician, at);
    assert_eq!(o.urgency.code, "B");
    assert_eq!(o.urgency.window_minutes, 240);
    let ov = o.urgency.override_.as_ref().expect("override kept");
    assert_eq!(
        (ov.computed.as_str(), ov.reason.as_str()),
        ("D", "presentation")
    );
    // CALM is a listening line: at B it is support while waiting, never a service offered as
    // the response (it was left out before; a listening line at B is no longer dropped).
    assert!(!o.ids().contains(&"calm"));
    assert!(o.support_while_waiting.iter().any(|s| s.id == "calm"));
    assert_eq!(
        o.next_step().map(|s| s.response.is_crisis_route()),
        Some(true)
    );
    assert!(o.say.iter().any(|s| s.text.contains("overridden from D")));
}
