//! Properties of the walk over the default questionnaire, on every path: urgency never falls,
//! back restores the exact earlier state, the emergency jump works from every question, and
//! every path to the end asks every risk question.

use proptest::prelude::*;
use signpost::model::place::{Candidate, Lookup};
use signpost::model::questionnaire::QuestionKind;
use signpost::model::{Directory, TriageFile};
use signpost::triage::graph::{self, Target};
use signpost::triage::{Questionnaire, Step, Walk, UNKNOWN_KEYS, UNKNOWN_RISK_FLOOR};

fn default_directory() -> &'static Directory {
    static DIR: std::sync::OnceLock<Directory> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        signpost::directory::parse(&signpost::directory::embedded())
            .expect("the built-in directory parses")
    })
}

const PLACES: &[&str] = &[
    "Portsmouth",
    "Isle of Wight",
    "Southampton",
    "Havant",
    "Test Valley",
    "PO-STRADDLE",
    "FAR-AWAY",
];

/// The real lookup, plus two made-up answers the walk must handle: a straddling postcode
/// district (candidates) and a place outside the area.
fn lookup(dir: &Directory, text: &str) -> Lookup {
    match text {
        "PO-STRADDLE" => Lookup::Candidates {
            candidates: vec![
                Candidate::Place("havant".into()),
                Candidate::Place("east-hampshire".into()),
                Candidate::OutsideArea,
            ],
            why: "postcode district straddles a boundary".into(),
        },
        "FAR-AWAY" => Lookup::OutsideArea {
            why: "postcode district outside the area".into(),
        },
        t => signpost::places::lookup(&dir.places, t),
    }
}

/// A valid answer to the current prompt, chosen by `pick`.
fn choose(dir: &Directory, w: &Walk, pick: u32) -> String {
    let q = Questionnaire::of(dir);
    let p = w.prompt(q).expect("a prompt");
    let keys: Vec<String> = p.options.iter().map(|o| o.key.clone()).collect();
    let n = keys.len() as u32;
    match p.kind {
        QuestionKind::Single => keys[(pick % n) as usize].clone(),
        QuestionKind::Multiple => {
            let chosen: Vec<String> = keys
                .iter()
                .enumerate()
                .filter(|(i, _)| pick >> (i % 32) & 1 == 1)
                .map(|(_, k)| k.clone())
                .collect();
            if chosen.is_empty() {
                keys[(pick % n) as usize].clone()
            } else {
                chosen.join(",")
            }
        }
        QuestionKind::Age if pick % 3 == 0 => keys[(pick / 3 % n) as usize].clone(),
        QuestionKind::Age => (pick % 131).to_string(),
        QuestionKind::Place if pick % 4 == 0 => keys[(pick / 4 % n) as usize].clone(),
        QuestionKind::Place => PLACES[(pick as usize) % PLACES.len()].to_string(),
    }
}

fn rank(t: &TriageFile, w: &Walk) -> Option<usize> {
    w.urgency().and_then(|c| t.rank(c))
}

/// Walk with the given picks, checking every property at every step. Returns the finished walk.
fn walk_checking(dir: &Directory, picks: &[u32], jump_at: Option<usize>) -> Walk {
    let q = Questionnaire::of(dir);
    let t = &dir.triage;
    let mut w = Walk::start(q).unwrap();
    for (step, &pick) in picks.iter().enumerate() {
        let Some(p) = w.prompt(q) else { break };
        // The emergency jump works from here, and back undoes it exactly.
        let mut e = w.clone();
        e.emergency(q);
        let r = e.result(q).expect("the emergency outcome is finished");
        assert_eq!(r.urgency, t.urgency[0].code, "emergency from {}", p.id);
        assert!(r.is_emergency());
        assert!(e.back());
        assert_eq!(e, w, "back after the emergency jump from {}", p.id);
        if jump_at == Some(step) {
            w.emergency(q);
            break;
        }
        let before = w.clone();
        let value = choose(dir, &w, pick);
        w.answer_with(q, &value, |text| lookup(dir, text))
            .unwrap_or_else(|e| panic!("{}={value} refused: {e}", p.id));
        // Urgency never falls.
        if let Some(b) = rank(t, &before) {
            let a = rank(t, &w).expect("urgency stays set");
            assert!(a <= b, "{}={value} lowered urgency", p.id);
        }
        // Don't know / won't say on a risk question: at least the floor.
        if p.risk && UNKNOWN_KEYS.contains(&value.as_str()) {
            assert!(rank(t, &w).unwrap() <= t.rank(UNKNOWN_RISK_FLOOR).unwrap());
        }
        // Back restores the exact previous state, history included.
        let mut b = w.clone();
        assert!(b.back());
        assert_eq!(b, before, "back after {}={value}", p.id);
    }
    w
}

fn assert_complete_path(dir: &Directory, w: &Walk) {
    let t = &dir.triage;
    let q = Questionnaire::of(dir);
    let r = w.result(q).expect("finished");
    if r.is_emergency() {
        assert_eq!(r.urgency, "A");
        return;
    }
    let asked: Vec<&str> = r.answers.iter().map(|a| a.question.as_str()).collect();
    for question in t.questions.iter().filter(|q| q.risk) {
        assert!(
            asked.contains(&question.id.as_str()),
            "{} skipped",
            question.id
        );
    }
    assert!(w.urgency().is_some(), "a finished walk has an urgency");
    assert!(r.age.is_some() && r.place.is_some() && !r.needs.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_walks_keep_every_property(picks in prop::collection::vec(any::<u32>(), 20)) {
        let dir = default_directory();
        let w = walk_checking(dir, &picks, None);
        prop_assert!(w.is_complete(), "20 answers finish the default questionnaire");
        assert_complete_path(dir, &w);
    }

    #[test]
    fn random_walks_with_a_late_emergency(picks in prop::collection::vec(any::<u32>(), 20), at in 0usize..16) {
        let dir = default_directory();
        let q = Questionnaire::of(dir);
        let mut w = walk_checking(dir, &picks, Some(at));
        // Past the last question the key still works, from the outcome.
        w.emergency(q);
        let r = w.result(q).unwrap();
        prop_assert_eq!(r.urgency.as_str(), "A");
    }
}

/// Answering a risk question never lowers urgency: every combination of answers to the risk
/// questions, from every earlier urgency the needs can leave behind, ends at exactly the most
/// urgent level any answer raised (an independent reference model of "the most urgent wins").
#[test]
fn every_combination_of_risk_answers_ends_at_the_most_urgent_raise() {
    let dir = default_directory();
    let t = &dir.triage;
    let q = Questionnaire::of(dir);
    let risk: Vec<usize> = (0..t.questions.len())
        .filter(|&i| t.questions[i].risk)
        .collect();
    let sizes: Vec<usize> = risk.iter().map(|&i| t.questions[i].options.len()).collect();
    let needs_q = t.questions.iter().position(|q| q.needs_list).unwrap();
    let mut combos = 0;
    let total: usize = sizes.iter().product();
    for n in 0..total {
        let mut idx = n;
        let choice: Vec<usize> = sizes
            .iter()
            .map(|s| {
                let c = idx % s;
                idx /= s;
                c
            })
            .collect();
        for need in &t.questions[needs_q].options {
            let mut w = Walk::start(q).unwrap();
            let mut expect: Option<usize> = None;
            let mut raise = |code: &str| {
                let r = t.rank(code).unwrap();
                expect = Some(expect.map_or(r, |e: usize| e.min(r)));
            };
            while let Some(p) = w.prompt(q) {
                let qi = t.question_index(&p.id).unwrap();
                let value = if let Some(k) = risk.iter().position(|&r| r == qi) {
                    let o = &t.questions[qi].options[choice[k]];
                    if o.effects.emergency {
                        raise("A");
                    }
                    if let Some(u) = &o.effects.urgency {
                        raise(u);
                    }
                    if UNKNOWN_KEYS.contains(&o.key.as_str()) {
                        raise(UNKNOWN_RISK_FLOOR);
                    }
                    o.key.clone()
                } else if qi == needs_q {
                    raise(need.effects.urgency.as_deref().unwrap());
                    need.key.clone()
                } else {
                    match p.kind {
                        QuestionKind::Age => "30".into(),
                        QuestionKind::Place => "Portsmouth".into(),
                        _ => p
                            .options
                            .iter()
                            .find(|o| o.key == "no" || o.key == "self")
                            .unwrap()
                            .key
                            .clone(),
                    }
                };
                w.answer(q, &value).unwrap();
            }
            let r = w.result(q).unwrap();
            assert_eq!(
                t.rank(&r.urgency),
                expect,
                "risk answers {choice:?} with need {}",
                need.key
            );
            combos += 1;
        }
    }
    assert!(combos > 1000, "{combos} combinations");
}

/// Every distinct path through the question graph (exhaustive, not sampled) that reaches the
/// end asks every risk question; paths that leave early reach the emergency outcome.
#[test]
fn every_path_to_the_end_passes_every_risk_question() {
    let dir = default_directory();
    let t = &dir.triage;
    fn paths(
        t: &TriageFile,
        qi: usize,
        path: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
        emergencies: &mut usize,
    ) {
        path.push(qi);
        let mut targets: Vec<Target> = graph::edges(t, qi)
            .into_iter()
            .map(|e| graph::runtime(t, qi, e.target))
            .collect();
        targets.dedup();
        for target in targets {
            match target {
                Target::Question(n) => {
                    assert!(!path.contains(&n), "a cycle at {}", t.questions[n].id);
                    paths(t, n, path, out, emergencies);
                }
                Target::End => out.push(path.clone()),
                Target::Emergency => *emergencies += 1,
                Target::Dangling(id) => panic!("dangling next {id}"),
            }
        }
        path.pop();
    }
    let mut all = Vec::new();
    let mut emergencies = 0;
    paths(t, 0, &mut Vec::new(), &mut all, &mut emergencies);
    assert!(!all.is_empty() && emergencies > 0);
    for p in &all {
        for (i, q) in t.questions.iter().enumerate().filter(|(_, q)| q.risk) {
            assert!(p.contains(&i), "a path skips {}", q.id);
        }
        assert_eq!(
            p[0], 0,
            "every path starts with the immediate-danger question"
        );
    }
}

/// The emergency key from every question of the default questionnaire, and from the
/// "which place?" step: 999 at once, and back returns to the very same question.
#[test]
fn the_emergency_jump_works_from_every_question() {
    let dir = default_directory();
    let t = &dir.triage;
    let q = Questionnaire::of(dir);
    let mut seen = Vec::new();
    let mut w = Walk::start(q).unwrap();
    while let Some(p) = w.prompt(q) {
        let mut e = w.clone();
        e.emergency(q);
        let r = e.result(q).unwrap();
        assert_eq!(r.urgency, "A", "from {}", p.id);
        let em = r.emergency.unwrap();
        assert_eq!((em.from.as_str(), em.jump), (p.id.as_str(), true));
        assert!(e.prompt(q).is_none());
        assert!(e.back());
        assert_eq!(e.prompt(q).unwrap().id, p.id);
        seen.push(p.id.clone());
        // The place question: a straddling postcode, so the "which place?" step is reached too.
        // An answer that goes on (not to the emergency outcome) and, where it can, opens the
        // follow-up questions (when they acted, means, a weapon).
        let value = match p.kind {
            QuestionKind::Place => "PO-STRADDLE".to_string(),
            QuestionKind::Single if t.question(&p.id).is_some() => p
                .options
                .iter()
                .find(|o| {
                    let qi = t.question_index(&p.id).unwrap();
                    let opt = t.questions[qi]
                        .options
                        .iter()
                        .find(|x| x.key == o.key)
                        .unwrap();
                    !opt.effects.emergency && o.key != "no"
                })
                .or_else(|| p.options.iter().find(|o| o.key == "no"))
                .unwrap()
                .key
                .clone(),
            _ => choose(dir, &w, 1),
        };
        w.answer_with(q, &value, |x| lookup(dir, x)).unwrap();
    }
    for question in &t.questions {
        assert!(seen.contains(&question.id), "never reached {}", question.id);
    }
    assert!(seen.contains(&"place.which".to_string()));
    // And from a finished walk: danger disclosed after the questions.
    assert!(w.is_complete());
    w.emergency(q);
    assert_eq!(w.result(q).unwrap().emergency.unwrap().from, "outcome");
    assert!(matches!(w.state().step, Step::Finished));
}

/// The answers of one call, by question id (so two walks that differ in one answer give the
/// same answers everywhere else, whatever path each takes).
fn answer_for(dir: &Directory, w: &Walk, picks: &[u32], fixed: Option<(&str, &str)>) -> String {
    let q = Questionnaire::of(dir);
    let p = w.prompt(q).expect("a prompt");
    if let Some((id, v)) = fixed {
        if p.id == id {
            return v.to_string();
        }
    }
    let qi = dir
        .triage
        .question_index(p.id.trim_end_matches(".which"))
        .unwrap_or(0);
    let pick = picks[(qi + if p.id.ends_with(".which") { 7 } else { 0 }) % picks.len()];
    choose(dir, w, pick)
}

fn finish(dir: &Directory, picks: &[u32], fixed: Option<(&str, &str)>) -> (Walk, Vec<String>) {
    let q = Questionnaire::of(dir);
    let mut w = Walk::start(q).unwrap();
    let mut asked = Vec::new();
    while w.prompt(q).is_some() {
        let id = w.prompt(q).unwrap().id;
        let v = answer_for(dir, &w, picks, fixed);
        w.answer_with(q, &v, |text| lookup(dir, text))
            .unwrap_or_else(|e| panic!("{id}={v} refused: {e}"));
        asked.push(id);
    }
    (w, asked)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// For any call, replacing any risk or safeguarding answer (every question that reads
    /// "don't know" as the worse answer) by its unknown option never lowers the level; and
    /// disclosing an A presentation at any question — by its answer or the emergency key,
    /// the outcome included — always ends in the emergency outcome.
    #[test]
    fn unknown_never_lowers_the_level_and_an_a_presentation_is_always_an_emergency(
        picks in prop::collection::vec(any::<u32>(), 24),
        which in any::<prop::sample::Index>(),
    ) {
        let dir = default_directory();
        let t = &dir.triage;
        let q = Questionnaire::of(dir);
        let (w, asked) = finish(dir, &picks, None);
        let r = w.result(q).unwrap();
        let level = t.rank(&r.urgency).unwrap();
        let cautious: Vec<&str> = asked
            .iter()
            .map(String::as_str)
            .filter(|id| {
                t.question(id).is_some_and(|qq| {
                    qq.reads_unknown_as_worse() && qq.options.iter().any(|o| UNKNOWN_KEYS.contains(&o.key.as_str()))
                })
            })
            .collect();
        if !cautious.is_empty() {
            let id = *which.get(&cautious);
            for o in t.question(id).unwrap().options.iter().filter(|o| UNKNOWN_KEYS.contains(&o.key.as_str())) {
                let (u, _) = finish(dir, &picks, Some((id, &o.key)));
                let ru = u.result(q).unwrap();
                prop_assert!(
                    t.rank(&ru.urgency).unwrap() <= level,
                    "{}={} gave {} where the answer given gave {}", id, o.key, ru.urgency, r.urgency
                );
            }
        }
        // An A presentation at each question of the path: its emergency option, and the key.
        let mut v = Walk::start(q).unwrap();
        while let Some(p) = v.prompt(q) {
            let mut key = v.clone();
            key.emergency(q);
            prop_assert!(key.result(q).unwrap().is_emergency());
            if let Some(qq) = t.question(&p.id) {
                for o in qq.options.iter().filter(|o| o.effects.emergency) {
                    let mut a = v.clone();
                    a.answer(q, &o.key).unwrap();
                    let ra = a.result(q).unwrap();
                    prop_assert!(ra.is_emergency() && ra.urgency == "A", "{}={}", p.id, o.key);
                }
            }
            let val = answer_for(dir, &v, &picks, None);
            v.answer_with(q, &val, |text| lookup(dir, text)).unwrap();
        }
        v.emergency(q);
        let rv = v.result(q).unwrap();
        prop_assert_eq!(rv.urgency.as_str(), "A");
    }
}
