//! `signpost search` run as a handler would run it: exit codes, text and JSON.

mod common;

use common::signpost;
use serde_json::Value;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

const AT: [&str; 2] = ["--at", "2026-07-01 14:00"];

#[test]
fn samartians_puts_the_national_samaritans_first() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["search", "samartians", AT[0], AT[1]]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = stdout(&o)
        .lines()
        .find(|l| l.trim_start().starts_with("1. "))
        .unwrap_or_default()
        .to_string();
    assert!(first.contains("Samaritans  [samaritans]"), "{}", stdout(&o));
    let v = json(&signpost(
        tmp.path(),
        &["search", "samartians", "--format", "json", AT[0], AT[1]],
    ));
    assert_eq!(v["results"][0]["id"], "samaritans");
    assert_eq!(v["results"][0]["group"], "reachable");
}

#[test]
fn isle_of_wight_15_year_old_bereavement_is_grouped_with_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let args = [
        "search",
        "--where",
        "PO30",
        "--age",
        "15",
        "--category",
        "bereavement",
        "--format",
        "json",
        AT[0],
        AT[1],
    ];
    let o = signpost(tmp.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let dir = signpost::directory::parse(&signpost::directory::embedded()).unwrap();
    let results = v["results"].as_array().unwrap();
    assert!(results.len() >= 5, "{v}");
    for r in results {
        let svc = dir.service(r["id"].as_str().unwrap()).unwrap();
        let everyone = svc.areas.iter().any(|a| a == "national" || a == "hiow");
        assert!(
            everyone || svc.areas.iter().any(|a| a == "isle-of-wight"),
            "{} does not serve the Isle of Wight",
            svc.id
        );
        assert_ne!(
            svc.age.fit(15),
            signpost::model::AgeFit::Outside,
            "{}",
            svc.id
        );
        assert!(svc
            .categories
            .contains(&signpost::model::Category::Bereavement));
        let reasons: Vec<&str> = r["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(reasons.contains(&"category: bereavement"), "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|x| x.starts_with("serves") || *x == "national service"),
            "{reasons:?}"
        );
        let group = r["group"].as_str().unwrap();
        assert!(["reachable", "check-before-giving", "closed-now"].contains(&group));
        if group == "check-before-giving" {
            assert!(!r["checks"].as_array().unwrap().is_empty(), "{r}");
        }
    }
    let ids: Vec<&str> = results.iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(
        ids.contains(&"mountbatten-iow-bereavement"),
        "the island's own: {ids:?}"
    );
    assert!(
        !ids.contains(&"mountbatten-hampshire-bereavement"),
        "not the island: {ids:?}"
    );
    assert!(!ids.contains(&"sobs"), "18 and over: {ids:?}");
    let totals: usize = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["total"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(totals, results.len());

    let text = stdout(&signpost(
        tmp.path(),
        &args[..args.len() - 4]
            .iter()
            .chain(&AT)
            .copied()
            .collect::<Vec<_>>(),
    ));
    assert!(
        text.contains("in Isle of Wight (postcode district PO30)"),
        "{text}"
    );
    assert!(text.contains("Fits — check before giving ("), "{text}");
    assert!(
        text.contains("why: serves Isle of Wight; age 15: all ages; category: bereavement"),
        "{text}"
    );
}

#[test]
fn an_ambiguous_place_lists_the_candidates_and_stops() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["search", "crisis", "--where", "Hook"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("the place is unclear"), "{e}");
    assert!(
        e.contains("--where fareham") && e.contains("--where hart"),
        "{e}"
    );
    assert!(
        stdout(&o).is_empty(),
        "no results for a place not yet chosen"
    );

    let o = signpost(tmp.path(), &["search", "--where", "portsmoth"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Did you mean: Portsmouth?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn outside_the_area_gives_national_services_and_a_line_saying_so() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(
        tmp.path(),
        &["search", "crisis", "--where", "SW1A 1AA", AT[0], AT[1]],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    assert!(t.contains("Note: Outside the area"), "{t}");
    assert!(
        t.contains("[samaritans]") && !t.contains("[samaritans-isle-of-wight]"),
        "{t}"
    );
}

#[test]
fn an_empty_search_says_why_and_gives_the_safety_net() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(
        tmp.path(),
        &["search", "childline", "--age", "30", AT[0], AT[1]],
    );
    assert_eq!(o.status.code(), Some(0));
    let t = stdout(&o);
    assert!(t.contains("Nothing found: no service for age 30 matches 'childline'; 94 would fit without the search words; 1 would match without the age filter."), "{t}");
    assert!(t.contains("Samaritans 116 123"), "{t}");
    let v = json(&signpost(
        tmp.path(),
        &["search", "childline", "--age", "30", "--format", "json"],
    ));
    assert_eq!(v["empty"]["without"][1]["filter"], "age");
    assert_eq!(v["empty"]["without"][1]["would_match"], 1);
}

#[test]
fn json_contacts_are_filtered_by_role() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    signpost::directory::write_folder(&common::fixture_files(), &ed).unwrap();
    assert!(signpost(&data, &["import", ed.to_str().unwrap(), "--yes"])
        .status
        .success());
    let args = ["search", "haven", "--format", "json"];
    let handler = signpost(&data, &args);
    assert_eq!(handler.status.code(), Some(0), "{}", stderr(&handler));
    let v = json(&handler);
    assert_eq!(v["results"][0]["id"], "example-island-haven");
    let contacts = v["results"][0]["contacts"].as_array().unwrap();
    assert!(!contacts.is_empty());
    assert!(
        contacts.iter().all(|c| c["audience"] == "public"),
        "{contacts:?}"
    );
    assert!(!stdout(&handler).contains("01632 960999"));

    let clinician = signpost(
        &data,
        &["--role", "clinician", "search", "haven", "--format", "json"],
    );
    assert!(stdout(&clinician).contains("01632 960999"));
    assert_eq!(json(&clinician)["query"]["role"], "clinician");
}

#[test]
fn bad_arguments_are_plain_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["search", "--category", "children"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown category 'children'"),
        "{}",
        stderr(&o)
    );
    let o = signpost(tmp.path(), &["search", "--at", "tomorrow"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is not a local date and time"),
        "{}",
        stderr(&o)
    );
}
