//! The maintainers' round from the command line: `review` ordering and content, and `verify`
//! writing the `[verified]` block while keeping the file's comments, or refusing bad input.

mod common;

use common::{fixture, fixture_dir, run};
use signpost::directory;
use signpost::model::validate::CheckContext;
use signpost::model::Date;
use signpost::round::review::{add_report_line, worklist, Reports, Tier};
use std::path::Path;

fn today() -> CheckContext {
    CheckContext {
        today: Date::parse("2026-12-04").unwrap(),
        stale_months: 6,
    }
}

fn copy_fixture(to: &Path) {
    directory::write_folder(&common::fixture_files(), to).unwrap();
}

#[test]
fn review_puts_crisis_then_urgent_then_others_and_desk_reports_first_within_a_tier() {
    let mut reports = Reports::new();
    assert!(add_report_line(
        &mut reports,
        "2026-12-01 21:14  number   example-community-team"
    ));
    let items = worklist(&fixture(), today(), &reports);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    // Crisis lines first (the national line, never verified, before the island haven, verified
    // in March and so stale at 6 months); the self-harm line is urgent; then the others, the
    // one a desk reported wrong first.
    assert_eq!(
        ids,
        [
            "example-national-line",
            "example-island-haven",
            "example-young-people",
            "example-community-team",
            "example-unconfirmed-group",
        ]
    );
    assert_eq!(items[0].tier, Tier::Crisis);
    assert_eq!(items[2].tier, Tier::Urgent);
    // The number to ring is the public one the record gives, never the professionals' line.
    assert_eq!(items[0].ring, "0808 157 0000");
    assert_eq!(items[1].ring, "01632 960001");
    assert!(items[1].reasons[0].contains("stale: verified 2026-03-01"));
    assert!(
        items[3].reasons[0].contains("1 desk report"),
        "{:?}",
        items[3]
    );
    assert!(
        items[3].check.contains("the phone number"),
        "{:?}",
        items[3]
    );
    assert!(items[4]
        .reasons
        .iter()
        .any(|r| r.starts_with("unconfirmed")));
}

#[test]
fn review_merges_desk_report_files_and_writes_json_and_csv() {
    let data = tempfile::tempdir().unwrap();
    let reports = data.path().join("desk-3.txt");
    std::fs::write(
        &reports,
        "2026-11-30 02:10  hours    example-unconfirmed-group\n",
    )
    .unwrap();
    let dir = fixture_dir();
    let (code, out) = run(
        data.path(),
        &[
            "review",
            dir.to_str().unwrap(),
            "--reports",
            reports.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[3], "example-unconfirmed-group", "{ids:?}");
    let (code, out) = run(
        data.path(),
        &["review", dir.to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(code, 0, "{out}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("rank,tier,id,name,reasons,check,ring,source")
    );
    assert!(lines
        .next()
        .unwrap()
        .starts_with("1,crisis,example-national-line,"));
    std::fs::write(&reports, "not a report\n").unwrap();
    let (code, out) = run(
        data.path(),
        &[
            "review",
            dir.to_str().unwrap(),
            "--reports",
            reports.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(out.contains("desk-3.txt:1:"), "{out}");
}

#[test]
fn verify_writes_the_block_and_keeps_every_comment() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("directory");
    copy_fixture(&dir);
    let file = dir.join("services/example-national-line.toml");
    let before = format!(
        "# Source: a fixture page. Keep this comment.\n{}",
        std::fs::read_to_string(&file).unwrap().replace(
            "\n[[sources]]",
            "\n# the page the number came from\n[[sources]]"
        )
    );
    std::fs::write(&file, &before).unwrap();
    let (code, out) = run(
        tmp.path(),
        &[
            "verify",
            "example-national-line",
            "--by",
            "Jo Maintainer",
            "--method",
            "phone",
            "--on",
            "2026-12-01",
            "--note",
            "number and hours confirmed",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let after = std::fs::read_to_string(&file).unwrap();
    // Everything that was there is still there, in order: the change is an addition.
    assert!(
        after.starts_with(&before),
        "before:\n{before}\nafter:\n{after}"
    );
    let d = directory::parse(&directory::read_folder(&dir).unwrap()).unwrap();
    let v = d
        .service("example-national-line")
        .unwrap()
        .verified
        .clone()
        .unwrap();
    assert_eq!(v.on, Date::parse("2026-12-01").unwrap());
    assert_eq!(v.by, "Jo Maintainer");
    assert_eq!(v.method, "phone");
    assert_eq!(v.note, "number and hours confirmed");
    // A second verification replaces the first rather than adding a second block.
    let (code, out) = run(
        tmp.path(),
        &[
            "verify",
            "example-national-line",
            "--by",
            "Sam Maintainer",
            "--method",
            "website",
            "--on",
            "2026-12-02",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let again = std::fs::read_to_string(&file).unwrap();
    assert_eq!(again.matches("[verified]").count(), 1, "{again}");
    assert!(again.contains("by = \"Sam Maintainer\""));
    assert!(!again.contains("number and hours confirmed"), "{again}");
    assert!(
        again.starts_with("# Source: a fixture page. Keep this comment.\n"),
        "{again}"
    );
    assert!(
        again.contains("# the page the number came from\n[[sources]]"),
        "{again}"
    );
}

#[test]
fn verify_refuses_an_unknown_id_a_future_date_and_a_record_with_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("directory");
    copy_fixture(&dir);
    let d = dir.to_str().unwrap();
    let args = |id: &'static str, on: &'static str| {
        vec![
            "verify", id, "--by", "Jo", "--method", "phone", "--on", on, d,
        ]
    };
    let (code, out) = run(tmp.path(), &args("no-such-service", "2026-12-01"));
    assert_eq!(code, 1);
    assert!(
        out.contains("services/: id: no service with id 'no-such-service'"),
        "{out}"
    );

    let file = dir.join("services/example-young-people.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    let (code, out) = run(tmp.path(), &args("example-young-people", "2999-01-01"));
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "services/example-young-people.toml: verified.on: --on 2999-01-01 is in the future"
        ),
        "{out}"
    );

    // An unknown area is an error on its own line of the file: the refusal names file, line and
    // field, and the file is left exactly as it was.
    let broken = original.replacen("areas = [", "areas = [\"atlantis\", ", 1);
    assert_ne!(broken, original, "fixture has an areas line");
    std::fs::write(&file, &broken).unwrap();
    let line = broken.lines().position(|l| l.starts_with("areas")).unwrap() + 1;
    let (code, out) = run(tmp.path(), &args("example-young-people", "2026-12-01"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("services/example-young-people.toml:{line}: areas")),
        "{out}"
    );
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}
