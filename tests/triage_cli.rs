//! `signpost triage` run as a script runs it: --describe, walking by exit code, refusals,
//! override by role, the emergency jump, and `check` reporting a broken questionnaire.

mod common;

use common::signpost;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn all(o: &Output) -> String {
    format!("{}{}", stdout(o), String::from_utf8_lossy(&o.stderr))
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", all(o)))
}

/// `triage` with `--answer` for each pair, then any extra arguments.
fn triage(data: &Path, answers: &[(&str, &str)], extra: &[&str]) -> Output {
    let mut args = vec!["triage".to_string()];
    for (id, v) in answers {
        args.push("--answer".into());
        args.push(format!("{id}={v}"));
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    signpost(data, &refs)
}

const SIXTEEN_IN_PORTSMOUTH: &[(&str, &str)] = &[
    ("danger-now", "no"),
    ("harm-self", "self-harm"),
    ("acted", "earlier"),
    ("means", "no"),
    ("harm-others", "no"),
    ("injury", "no"),
    ("who", "self"),
    ("age", "16"),
    ("place", "Portsmouth"),
    ("needs", "self-harm"),
    ("behaviour", "no"),
    ("known-to-services", "no"),
    ("perinatal", "no"),
    ("intoxicated", "no"),
    ("children", "no"),
    ("abuse", "no"),
];

/// Replace the answer to one question in a script.
fn set<'a>(a: &mut [(&'a str, &'a str)], id: &str, v: &'a str) {
    a.iter_mut()
        .find(|(q, _)| *q == id)
        .expect("a scripted question")
        .1 = v;
}

#[test]
fn describe_lists_the_scale_the_needs_and_every_question() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["triage", "--describe", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    let v = json(&o);
    assert_eq!(v["draft"], true);
    assert_eq!(v["urgency"].as_array().unwrap().len(), 7);
    let needs: Vec<&str> = v["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(needs.len(), 15);
    let qs = v["questions"].as_array().unwrap();
    let ids: Vec<&str> = qs.iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "danger-now",
            "harm-self",
            "acted",
            "means",
            "harm-others",
            "weapon",
            "injury",
            "who",
            "age",
            "place",
            "needs",
            "behaviour",
            "known-to-services",
            "perinatal",
            "intoxicated",
            "children",
            "abuse"
        ]
    );
    let first = &qs[0];
    assert_eq!(
        (first["kind"].as_str(), first["risk"].as_bool()),
        (Some("single"), Some(true))
    );
    assert_eq!(first["options"][0]["key"], "yes");
    assert_eq!(first["options"][0]["effects"]["emergency"], true);
    assert_eq!(first["options"][0]["next"], "emergency");
    assert_eq!(first["options"][1]["next"], "harm-self");
    let offered: Vec<&str> = qs[10]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        offered, needs,
        "the needs question offers exactly the needs table"
    );
    assert_eq!(qs[16]["options"][0]["next"], "end");
}

#[test]
fn a_script_can_walk_the_questionnaire_by_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let mut answers: Vec<(String, String)> = Vec::new();
    for _ in 0..20 {
        let pairs: Vec<(&str, &str)> = answers
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let o = triage(tmp.path(), &pairs, &["--format", "json"]);
        let v = json(&o);
        match o.status.code() {
            Some(3) => {
                assert_eq!(v["status"], "incomplete");
                let next = &v["next"];
                let id = next["id"].as_str().unwrap().to_string();
                let value = match (id.as_str(), next["kind"].as_str().unwrap()) {
                    ("danger-now", _) => "no".to_string(),
                    (_, "age") => "34".into(),
                    (_, "place") => "Southampton".into(),
                    _ => next["options"][0]["key"].as_str().unwrap().to_string(),
                };
                assert!(v["progress"]["remaining"].as_u64().unwrap() >= 1);
                answers.push((id, value));
            }
            Some(0) => {
                assert_eq!(v["status"], "complete");
                // The first option of every question: "yes" to children at risk raises the
                // level to C (a same-day safeguarding action; it stayed E before).
                assert_eq!(v["urgency"]["code"], "C");
                assert_eq!(v["needs"][0]["id"], "low-mood-anxiety");
                assert_eq!(v["place"]["id"], "southampton");
                assert_eq!(answers.len(), 14);
                return;
            }
            other => panic!("exit {other:?}: {}", all(&o)),
        }
    }
    panic!("the walk never finished");
}

#[test]
fn missing_answers_print_the_next_question_and_exit_3() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(tmp.path(), &[("danger-now", "no")], &[]);
    assert_eq!(o.status.code(), Some(3), "{}", all(&o));
    let out = stdout(&o);
    assert!(out.contains("DRAFT — not clinically approved"), "{out}");
    assert!(
        out.contains("Next question (1 answered, up to 16 to go): harm-self  [risk question]"),
        "{out}"
    );
    assert!(out.contains("plan-soon"), "{out}");
    let v = json(&triage(
        tmp.path(),
        &[("danger-now", "no")],
        &["--format", "json"],
    ));
    assert_eq!(v["status"], "incomplete");
    assert_eq!(v["next"]["id"], "harm-self");
    assert_eq!(v["next"]["risk"], true);
    assert_eq!(v["next"]["options"][4]["key"], "plan-soon");
}

#[test]
fn a_complete_walk_prints_urgency_needs_flags_place_and_age() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(tmp.path(), SIXTEEN_IN_PORTSMOUTH, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    let out = stdout(&o);
    for want in [
        "DRAFT — not clinically approved",
        "How urgent: Needs mental health help within 3 days",
        "Needs: Self-harm",
        "Flags: none",
        "Age: 16",
        "Place: Portsmouth (portsmouth",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // The handler role shows plain words; the clinician role the code and clinical label.
    assert!(!out.contains("Semi-urgent"), "{out}");
    let clinician = stdout(&triage(
        tmp.path(),
        SIXTEEN_IN_PORTSMOUTH,
        &["--role", "clinician"],
    ));
    let want = "Urgency: D Semi-urgent — Needs mental health help within 3 days (within 72 hours)";
    assert!(clinician.contains(want), "missing {want:?} in\n{clinician}");
    let v = json(&triage(
        tmp.path(),
        SIXTEEN_IN_PORTSMOUTH,
        &["--format", "json"],
    ));
    assert_eq!(v["status"], "complete");
    assert_eq!(v["draft"], true);
    assert_eq!(v["urgency"]["code"], "D");
    assert_eq!(v["urgency"]["window"], 4320);
    assert_eq!(v["age"]["years"], 16);
    assert_eq!(v["answers"].as_array().unwrap().len(), 16);
}

#[test]
fn flags_print_with_their_advice() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = SIXTEEN_IN_PORTSMOUTH.to_vec();
    set(&mut a, "harm-others", "threat");
    a.push(("weapon", "no"));
    let o = triage(tmp.path(), &a, &[]);
    let out = stdout(&o);
    assert!(
        out.contains("How urgent: Needs mental health help within 4 hours"),
        "{out}"
    );
    assert!(out.contains("Flags: Risk to other people"), "{out}");
    assert!(out.contains("police on 101"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        vec!["triage", "--answer", "danger-now"],
        vec!["triage", "--override", "B"],
        vec!["triage", "--answer", "nosuch=1"],
        vec!["triage", "--answer", "age=3", "--answer", "age=4"],
        vec!["triage", "--at", "yesterday"],
        vec!["triage", "--at", "2026-03-29T01:30"],
        vec!["triage", "--describe", "--answer", "danger-now=no"],
    ] {
        let o = signpost(tmp.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", all(&o));
    }
}

#[test]
fn a_refused_answer_exits_1_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(tmp.path(), &[("danger-now", "maybe")], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        all(&o)
            .contains("'maybe' is not an answer to 'danger-now'; answer one of: yes, no, not-sure"),
        "{}",
        all(&o)
    );
    let mut a = SIXTEEN_IN_PORTSMOUTH.to_vec();
    set(&mut a, "place", "Atlantis");
    let v = json(&triage(tmp.path(), &a, &["--format", "json"]));
    assert_eq!(v["status"], "refused");
    assert_eq!(v["question"], "place");
    assert!(
        v["reason"].as_str().unwrap().contains("not-known, outside"),
        "{v}"
    );
    set(&mut a, "place", "Portsmouth");
    set(&mut a, "age", "131");
    let o = triage(tmp.path(), &a, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(all(&o).contains("'131' is not an age"), "{}", all(&o));
}

#[test]
fn override_is_refused_for_handlers_and_kept_with_its_reason_for_clinicians() {
    let tmp = tempfile::tempdir().unwrap();
    let ov = [
        "--override",
        "C",
        "--reason",
        "presentation",
        "--format",
        "json",
    ];
    let o = triage(tmp.path(), SIXTEEN_IN_PORTSMOUTH, &ov);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        all(&o).contains("--override is refused in the call-handler role"),
        "{}",
        all(&o)
    );
    assert!(o.stdout.is_empty(), "nothing is printed as if overridden");

    let mut args = vec!["--role", "clinician"];
    args.extend(ov);
    let o = triage(tmp.path(), SIXTEEN_IN_PORTSMOUTH, &args);
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    let v = json(&o);
    assert_eq!(v["urgency"]["code"], "C");
    assert_eq!(v["computed_urgency"], "D");
    assert_eq!(v["override"]["reason"], "presentation");
    assert_eq!(v["override"]["computed"], "D");

    let o = triage(
        tmp.path(),
        SIXTEEN_IN_PORTSMOUTH,
        &[
            "--role",
            "clinician",
            "--override",
            "C",
            "--reason",
            "felt-like-it",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        all(&o).contains("'felt-like-it' is not an override reason"),
        "{}",
        all(&o)
    );
}

#[test]
fn the_emergency_flag_jumps_to_999_after_the_answers_given() {
    let tmp = tempfile::tempdir().unwrap();
    let o = triage(tmp.path(), &[("danger-now", "no")], &["--emergency"]);
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    let out = stdout(&o);
    assert!(
        out.contains("EMERGENCY — call 999 now and stay on the line"),
        "{out}"
    );
    assert!(
        out.contains("How urgent: Emergency — call 999 now"),
        "{out}"
    );
    assert!(
        out.contains("reached at harm-self by the emergency key"),
        "{out}"
    );
}

#[test]
fn at_is_read_as_uk_local_time() {
    let tmp = tempfile::tempdir().unwrap();
    let v = json(&triage(
        tmp.path(),
        SIXTEEN_IN_PORTSMOUTH,
        &["--at", "2026-07-01T02:00", "--format", "json"],
    ));
    assert_eq!(v["at"], "2026-07-01T01:00:00+00:00");
}

#[test]
fn check_fails_a_broken_questionnaire_naming_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("dir");
    let mut files = signpost::directory::embedded();
    let t = files.get_mut("triage.toml").unwrap();
    assert!(t.contains("next = \"end\""));
    *t = t.replace("next = \"end\"", "next = \"nowhere\"");
    signpost::directory::write_folder(&files, &folder).unwrap();
    let o = signpost(
        &tmp.path().join("data"),
        &["check", folder.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("questions[16].next"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with("error: "), "{line}");
    assert!(line.contains("triage.toml:"), "{line}");
    assert!(
        line.ends_with(
            "questions[16].next: unknown question 'nowhere' (expected a question id or \"end\")"
        ),
        "{line}"
    );
    assert!(out.contains("DRAFT — not clinically approved"), "{out}");
}

#[test]
fn import_refuses_an_edition_whose_questionnaire_skips_a_risk_question() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut files = signpost::directory::embedded();
    let t = files.get_mut("triage.toml").unwrap();
    let no = "key = \"no\"\nlabel = \"No thoughts of ending their life or of hurting themselves\"\nnext = \"harm-others\"\n";
    assert!(t.contains(no));
    *t = t.replace(no, &no.replace("harm-others", "injury"));
    let broken = tmp.path().join("broken");
    signpost::directory::write_folder(&files, &broken).unwrap();
    let o = signpost(&data, &["import", broken.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    assert!(
        all(&o).contains("a path reaches the end without asking risk question 'harm-others'"),
        "{}",
        all(&o)
    );
    assert!(all(&o).contains("refused whole"), "{}", all(&o));
}

#[test]
fn an_ambiguous_place_asks_which_and_a_near_miss_suggests() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = SIXTEEN_IN_PORTSMOUTH.to_vec();
    set(&mut a, "place", "Hook");
    let o = triage(tmp.path(), &a, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(3), "{}", all(&o));
    let v = json(&o);
    assert_eq!(v["next"]["id"], "place.which");
    let keys: Vec<&str> = v["next"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["fareham", "hart", "outside", "not-sure"]);
    a.push(("place.which", "hart"));
    let v = json(&triage(tmp.path(), &a, &["--format", "json"]));
    assert_eq!(v["status"], "complete");
    assert_eq!(v["place"]["id"], "hart");

    a.pop();
    set(&mut a, "place", "Portsmuth");
    let o = triage(tmp.path(), &a, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(all(&o).contains("Did you mean: Portsmouth?"), "{}", all(&o));
}
