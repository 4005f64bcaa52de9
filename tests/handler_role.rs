//! The call-handler role never sees a professional-only contact: exhaustively over every path
//! through the fixture questionnaire (every answer, typed ages and places, every set of needs,
//! the emergency key at every question), at several instants — the outcome as text and as
//! JSON, the search for the same call, and `show` of every record. The role is a display
//! mode, not access control: this proves what the handler's screens and outputs hold.

mod common;

use signpost::cli::{outcome_view, render, search_cmd};
use signpost::directory::safety_net::safety_net;
use signpost::model::{Directory, Role};
use signpost::search::{Query, Searcher};
use signpost::triage::{outcome, Outcome, PlaceAnswer, Questionnaire, TriageResult, Walk};
use std::sync::Arc;

/// Typed answers tried at the age and place questions, besides their options.
const AGES: &[&str] = &["5", "11", "15", "17", "18", "40", "70"];
const PLACES: &[&str] = &["Ryde", "Havant", "Southsea", "PO33", "PO10", "Emsworth"];
/// A weekday evening (the island drop-in open, the young people's line closed) and a bank
/// holiday night (everything with sessions closed or unsure): the groups and words differ.
const AT: &[&str] = &["2026-11-18 19:00", "2026-12-28 03:00"];

/// Every finished walk through the questionnaire: each option, the typed answers above, every
/// non-empty set of options on a multiple-choice question, and the emergency key at every step.
fn all_paths(dir: &Directory) -> Vec<TriageResult> {
    let q = Questionnaire::of(dir);
    let mut done = Vec::new();
    let mut todo = vec![Walk::start(q).unwrap()];
    while let Some(w) = todo.pop() {
        let Some(p) = w.prompt(q) else {
            done.push(w.result(q).unwrap());
            continue;
        };
        let mut jump = w.clone();
        jump.emergency(q);
        done.push(jump.result(q).unwrap());
        let keys: Vec<String> = p.options.iter().map(|o| o.key.clone()).collect();
        let mut answers: Vec<String> = keys.clone();
        if p.id == "age" {
            answers.extend(AGES.iter().map(|s| s.to_string()));
        }
        if p.id == "place" {
            answers.extend(PLACES.iter().map(|s| s.to_string()));
        }
        if p.id == "needs" {
            answers = (1u32..(1 << keys.len()))
                .map(|m| {
                    keys.iter()
                        .enumerate()
                        .filter(|(i, _)| m & (1 << i) != 0)
                        .map(|(_, k)| k.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect();
        }
        for a in answers {
            let mut next = w.clone();
            if next.answer(q, &a).is_ok() {
                todo.push(next);
            }
        }
    }
    done
}

/// Professional-only contact values, as written and with the spaces taken out.
fn secrets(dir: &Directory) -> Vec<String> {
    let public: Vec<&str> = dir
        .services
        .iter()
        .flat_map(|s| &s.contacts)
        .filter(|c| c.is_public())
        .map(|c| c.value.as_str())
        .collect();
    let mut out = Vec::new();
    for c in dir.services.iter().flat_map(|s| &s.contacts) {
        if !c.is_public() && !public.contains(&c.value.as_str()) {
            out.push(c.value.clone());
            out.push(c.value.replace(' ', ""));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn leaks<'a>(text: &str, secrets: &'a [String]) -> Vec<&'a str> {
    let compact = text.replace(' ', "");
    secrets
        .iter()
        .filter(|s| text.contains(s.as_str()) || compact.contains(s.as_str()))
        .map(String::as_str)
        .collect()
}

fn search_for(r: &TriageResult, dir: &Directory, at: chrono::DateTime<chrono::Utc>) -> Query {
    let mut q = Query::new("", at).role(Role::Handler);
    if let Some(PlaceAnswer::Place { id, .. }) = &r.place {
        q = q.place_id(id);
    }
    if let Some(signpost::triage::Age::Years { years }) = r.age {
        q = q.age(years);
    }
    for n in &r.needs {
        if let Some(need) = dir.triage.need(n) {
            q.categories.extend(need.categories.iter().copied());
        }
    }
    q
}

#[test]
fn handler_outputs_never_contain_a_professional_only_contact() {
    let dir = common::fixture();
    let secrets = secrets(&dir);
    assert!(
        secrets.iter().any(|s| s == "01632 960777")
            && secrets.iter().any(|s| s == "referrals@example.org"),
        "the fixture has professional-only lines to leak: {secrets:?}"
    );
    let paths = all_paths(&dir);
    assert!(paths.len() > 1000, "only {} paths", paths.len());
    // Paths that reach the same result give the same outputs: check each result once.
    let mut results: Vec<TriageResult> = Vec::new();
    for r in paths {
        let same = |x: &TriageResult| {
            (
                &x.urgency,
                &x.needs,
                &x.flags,
                &x.age,
                &x.place,
                x.emergency.is_some(),
            ) == (
                &r.urgency,
                &r.needs,
                &r.flags,
                &r.age,
                &r.place,
                r.emergency.is_some(),
            )
        };
        if !results.iter().any(same) {
            results.push(r);
        }
    }
    let net = safety_net();
    let mut searcher = Searcher::new(Arc::new(dir.clone()));
    let mut checked = 0;
    for at in AT {
        let at = signpost::hours::parse_local(at).unwrap();
        for r in &results {
            let o: Outcome = outcome(r, &dir, &net, &[], Role::Handler, at);
            let text = outcome_view::text(&o);
            let json = serde_json::to_string(&o).unwrap();
            for (what, out) in [("outcome text", &text), ("outcome JSON", &json)] {
                let found = leaks(out, &secrets);
                assert!(
                    found.is_empty(),
                    "{what} leaks {found:?} for {:?}\n{out}",
                    r.answers
                );
            }
            let q = search_for(r, &dir, at);
            let res = searcher.search(&q);
            let found = leaks(&search_cmd::text(&q, &res), &secrets);
            assert!(found.is_empty(), "search text leaks {found:?}");
            let found = leaks(&search_cmd::to_json(&q, &res).to_string(), &secrets);
            assert!(found.is_empty(), "search JSON leaks {found:?}");
            checked += 1;
        }
    }
    for s in &dir.services {
        let at = signpost::hours::parse_local(AT[0]).unwrap();
        for out in [
            render::service_text(&dir, s, Role::Handler),
            render::service_json(&dir, s, Role::Handler).to_string(),
            render::hours_at_text(&dir, s, Role::Handler, at),
            render::hours_at_json(&dir, s, Role::Handler, at).to_string(),
        ] {
            let found = leaks(&out, &secrets);
            assert!(found.is_empty(), "show {} leaks {found:?}\n{out}", s.id);
        }
    }
    assert!(checked > 2000, "{checked}");
}

#[test]
fn the_clinician_role_does_see_the_professional_lines() {
    // The same outputs in the clinician role hold the lines the handler test looks for, so
    // that test is looking for something real.
    let dir = common::fixture();
    let at = signpost::hours::parse_local(AT[0]).unwrap();
    let r = all_paths(&dir)
        .into_iter()
        .find(|r| {
            matches!(&r.place, Some(PlaceAnswer::Place { id, .. }) if id == "portsmouth")
                && r.age == Some(signpost::triage::Age::Years { years: 40 })
                && r.needs == ["low-mood-anxiety"]
                && r.urgency == "E"
        })
        .expect("a routine call from Portsmouth, 40, low mood");
    let clinician = outcome(&r, &dir, &safety_net(), &[], Role::Clinician, at);
    let text = outcome_view::text(&clinician);
    assert!(text.contains("01632 960777"), "{text}");
    assert!(text.contains("referrals@example.org"), "{text}");
    let handler = outcome(&r, &dir, &safety_net(), &[], Role::Handler, at);
    let team = handler
        .services()
        .find(|s| s.id == "example-community-team")
        .expect("the team is offered to the handler too");
    assert_eq!(
        team.how,
        "Takes referrals only: ask their GP or 111 to refer."
    );
    assert!(team.contacts.iter().all(|c| c.is_public()));
    assert_eq!(team.referral, None);
}

#[test]
fn a_professional_number_in_a_records_free_text_is_blanked_for_handlers() {
    // A maintainer's slip: the professionals' line typed into the public text. The outcome
    // blanks it for handlers (a second guard behind the role filter).
    let mut dir = common::fixture();
    let team = dir
        .services
        .iter_mut()
        .find(|s| s.id == "example-community-team")
        .unwrap();
    team.public_info = "Ask your GP to refer you, or call 01632 960777.".into();
    let at = signpost::hours::parse_local(AT[0]).unwrap();
    let r = all_paths(&dir)
        .into_iter()
        .find(|r| {
            matches!(&r.place, Some(PlaceAnswer::Place { id, .. }) if id == "portsmouth")
                && r.age == Some(signpost::triage::Age::Years { years: 40 })
                && r.needs == ["low-mood-anxiety"]
                && r.urgency == "E"
        })
        .unwrap();
    let o = outcome(&r, &dir, &safety_net(), &[], Role::Handler, at);
    let json = serde_json::to_string(&o).unwrap();
    assert!(!json.contains("960777"), "{json}");
    assert!(
        json.contains("[professional line: clinician role only]"),
        "{json}"
    );
}
