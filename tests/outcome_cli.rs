//! `signpost triage --answer ...` prints the full outcome, as text and JSON, judged at `--at`.

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn triage(data: &Path, answers: &[(&str, &str)], extra: &[&str]) -> Output {
    let mut cmd = common::command(data);
    cmd.arg("triage");
    for (id, v) in answers {
        cmd.arg("--answer").arg(format!("{id}={v}"));
    }
    cmd.args(extra).output().expect("signpost runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const FIFTEEN_IN_SOUTHAMPTON: &[(&str, &str)] = &[
    ("danger-now", "no"),
    ("harm-self", "no"),
    ("harm-others", "no"),
    ("injury", "no"),
    ("who", "self"),
    ("age", "15"),
    ("place", "Southampton"),
    ("needs", "low-mood-anxiety"),
    ("behaviour", "no"),
    ("known-to-services", "no"),
    ("perinatal", "no"),
    ("intoxicated", "no"),
    ("children", "no"),
    ("abuse", "no"),
];

#[test]
fn the_text_outcome_gives_what_to_say_services_by_group_and_the_safety_net() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(
        tmp.path(),
        FIFTEEN_IN_SOUTHAMPTON,
        &["--at", "2026-11-18T15:00"],
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for want in [
        "Judged at Wed 18 Nov 2026 15:00 GMT for the call handler role (a display mode, not access control).",
        "What to say",
        " - Next step: give them Southampton",
        "Fits and reachable now (",
        "Southampton CAMHS (CAMHS West) — 023 8103 0061",
        "Fits — check before giving (",
        "Fits but closed now (",
        "Safety net — the catch-all, always give:",
        "999 ",
        "text HANTS to 85258",
        "If things get worse, call NHS 111",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    assert!(
        !out.contains("policy rule"),
        "handlers see no policy codes:\n{out}"
    );
    let clinician = stdout(&triage(
        tmp.path(),
        FIFTEEN_IN_SOUTHAMPTON,
        &["--at", "2026-11-18T15:00", "--role", "clinician"],
    ));
    assert!(
        clinician.contains("takes E (Routine) — policy rule"),
        "{clinician}"
    );
}

#[test]
fn at_decides_what_is_reachable_now() {
    let tmp = tempfile::tempdir().unwrap();
    let group_of = |at: &str| -> String {
        let o = triage(
            tmp.path(),
            FIFTEEN_IN_SOUTHAMPTON,
            &["--at", at, "--format", "json"],
        );
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["status"], "complete");
        let groups = v["outcome"]["groups"].as_array().unwrap();
        groups
            .iter()
            .flat_map(|g| g["services"].as_array().unwrap())
            .find(|s| s["name"].as_str().unwrap().starts_with("Southampton CAMHS"))
            .map(|s| s["group"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(group_of("2026-11-18T15:00"), "reachable");
    assert_eq!(group_of("2026-11-19T02:00"), "closed-now");
}

#[test]
fn the_json_outcome_is_the_whole_outcome_for_the_screen_and_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(
        tmp.path(),
        &[
            ("danger-now", "no"),
            ("harm-self", "plan-soon"),
            ("acted", "no"),
            ("means", "yes"),
            ("harm-others", "no"),
            ("injury", "no"),
            ("who", "self"),
            ("age", "29"),
            ("place", "Andover"),
            ("needs", "suicidal-thoughts"),
            ("behaviour", "no"),
            ("known-to-services", "no"),
            ("perinatal", "no"),
            ("intoxicated", "no"),
            ("children", "no"),
            ("abuse", "no"),
        ],
        &["--at", "2026-11-19T02:00", "--format", "json"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let out = &v["outcome"];
    assert_eq!(out["urgency"]["code"], "B");
    assert_eq!(out["urgency"]["window_minutes"], 240);
    assert_eq!(
        out["draft"],
        "DRAFT — not clinically approved (questionnaire 0.1-draft)"
    );
    assert_eq!(out["place"]["kind"], "place");
    assert_eq!(out["place"]["name"], "Test Valley");
    assert_eq!(out["age"]["report_band"], "26-64");
    assert_eq!(out["coverage"]["firm"], 0);
    assert!(out["coverage"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Nothing in the directory fits"));
    let net: Vec<&str> = out["safety_net"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        net,
        [
            "emergency-services-999",
            "nhs-111-mental-health-option",
            "samaritans",
            "shout-hampshire-iow"
        ]
    );
    assert!(out["safety_net"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["catch_all"] == true));
    assert_eq!(out["groups"].as_array().unwrap().len(), 3);
    assert_eq!(
        out["say"].as_array().unwrap().last().unwrap()["kind"],
        "safety-net"
    );
}

#[test]
fn the_emergency_outcome_prints_the_script_first() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(
        tmp.path(),
        &[("danger-now", "yes")],
        &["--at", "2026-11-19T02:00"],
    );
    let out = stdout(&o);
    let first = out.find("!! Call 999 now").expect("script");
    let then = out.find("Stay on the line").unwrap();
    let net = out.find("Safety net — the catch-all").unwrap();
    assert!(first < then && then < net, "{out}");
}
