//! `signpost report` on recorded tallies: suppression, merging across machines, date ranges.

mod common;

use common::run;
use signpost::model::Date;
use signpost::report::{Tally, WrongRecord};
use signpost::store::{LocalKind, SledStore, Store};
use std::path::Path;

fn record(data: &Path, n: usize, place: &str, day: &str, local: bool) {
    let mut s = SledStore::new(data);
    for i in 0..n {
        let t = Tally {
            id: format!("{place}-{day}-{i}"),
            machine: data.display().to_string(),
            day: Date::parse(day).unwrap(),
            place: place.into(),
            age_band: "26-64".into(),
            urgency: "D".into(),
            needs: vec!["gambling".into()],
            local_found: local,
            edition: "test".into(),
        };
        s.append_local(LocalKind::Tallies, &t.encode()).unwrap();
    }
}

#[test]
fn small_numbers_are_suppressed_in_text_and_csv() {
    let tmp = tempfile::tempdir().unwrap();
    record(tmp.path(), 7, "havant", "2026-11-18", false);
    record(tmp.path(), 2, "gosport", "2026-11-18", true);
    let (code, out) = run(tmp.path(), &["report"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("9 calls, 7 with no local service"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("gosport") && l.contains("<5")),
        "{out}"
    );
    assert!(
        !out.lines()
            .any(|l| l.trim_start().starts_with("gosport") && l.contains(" 2")),
        "{out}"
    );
    // 9 − 7 would give Gosport's 2 away, so Havant's 7 is withheld as well.
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("havant") && l.contains(" * ")),
        "{out}"
    );
    let (_, csv) = run(tmp.path(), &["report", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("dimension,key,calls,gaps"));
    for l in lines {
        let cells: Vec<&str> = l.split(',').collect();
        assert_eq!(cells.len(), 4, "{l}");
        for c in &cells[2..] {
            assert!(
                *c == "<5" || *c == "*" || c.parse::<u64>().unwrap() >= 5,
                "unsuppressed cell in {l}"
            );
        }
    }
}

#[test]
fn merging_the_same_export_twice_counts_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    record(&a, 6, "portsmouth", "2026-11-18", true);
    record(&b, 5, "havant", "2026-11-19", false);
    let export = tmp.path().join("a.tallies");
    let (code, out) = run(
        &a,
        &["report", "--export-tallies", export.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    let e = export.to_str().unwrap();
    let (_, once) = run(&b, &["report", "--merge", e]);
    let (_, twice) = run(&b, &["report", "--merge", e, e]);
    assert!(once.contains("11 calls, 5 with no local service"), "{once}");
    assert_eq!(once, twice);
}

#[test]
fn date_range_filters_apply() {
    let tmp = tempfile::tempdir().unwrap();
    record(tmp.path(), 5, "havant", "2026-10-01", true);
    record(tmp.path(), 6, "havant", "2026-11-20", true);
    let (_, out) = run(tmp.path(), &["report", "--since", "2026-11-01"]);
    assert!(out.starts_with("6 calls"), "{out}");
    let (_, out) = run(tmp.path(), &["report", "--until", "2026-10-31"]);
    assert!(out.starts_with("5 calls"), "{out}");
}

#[test]
fn wrong_records_are_listed_for_maintainers() {
    let tmp = tempfile::tempdir().unwrap();
    let w = WrongRecord {
        service: "drinkline".into(),
        what: "number".into(),
        at: "2026-11-20 14:05".into(),
    };
    SledStore::new(tmp.path())
        .append_local(LocalKind::WrongRecords, &w.encode())
        .unwrap();
    let (code, out) = run(tmp.path(), &["report", "--wrong-records"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("2026-11-20 14:05  number   drinkline"),
        "{out}"
    );
}

const RYDE_CALL: &[&str] = &[
    "danger-now=no",
    "harm-self=no",
    "harm-others=no",
    "injury=no",
    "who=self",
    "age=70",
    "place=PO33 2AB",
    "needs=bereavement",
    "behaviour=no",
    "known-to-services=no",
    "perinatal=no",
    "intoxicated=no",
    "children=no",
    "abuse=no",
];

fn walk(data: &Path, record: bool) -> (i32, String) {
    let mut args = vec!["triage"];
    for a in RYDE_CALL {
        args.push("--answer");
        args.push(a);
    }
    if record {
        args.push("--record");
    }
    run(data, &args)
}

#[test]
fn only_an_explicit_record_counts_and_the_tally_holds_no_typed_text() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = walk(tmp.path(), false);
    assert_eq!(code, 0, "{out}");
    assert!(
        SledStore::new(tmp.path())
            .read_local(LocalKind::Tallies)
            .unwrap()
            .is_empty(),
        "a scripted walk never counts"
    );
    let (code, out) = walk(tmp.path(), true);
    assert_eq!(code, 0, "{out}");
    let rows = SledStore::new(tmp.path())
        .read_local(LocalKind::Tallies)
        .unwrap();
    assert_eq!(rows.len(), 1);
    let stored = String::from_utf8(rows[0].clone()).unwrap();
    for typed in ["PO33", "2AB", "po33"] {
        assert!(
            !stored.contains(typed),
            "the tally holds {typed:?}: {stored}"
        );
    }
    let t = Tally::decode(&rows[0]).unwrap();
    assert_eq!(
        (t.place.as_str(), t.age_band.as_str(), t.needs.clone()),
        ("isle-of-wight", "65+", vec!["bereavement".to_string()])
    );
    let (_, report) = run(tmp.path(), &["report"]);
    assert!(report.starts_with("<5 calls"), "{report}");
}
