//! `signpost import --feed` and `signpost export --format` run as a maintainer would.

mod common;

use common::{signpost, text};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oruk")
        .join(rel)
        .display()
        .to_string()
}

/// The editions list (stdout only: the first run's set-up notice goes to stderr).
fn editions(data: &Path) -> String {
    String::from_utf8_lossy(&signpost(data, &["editions"]).stdout).into_owned()
}

#[test]
fn feed_dry_run_of_each_example_prints_its_findings_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let report = tmp.path().join("report.json");
    let before = editions(&data);
    let o = signpost(
        &data,
        &[
            "import",
            &fixture("hsds-3.0/service_full.json"),
            "--feed",
            "example",
            "--dry-run",
            "--report",
            report.to_str().unwrap(),
        ],
    );
    // The terminal shows the first findings of each kind; the report file holds every one.
    let full: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let mut t = text(&o);
    for f in full["findings"].as_array().unwrap() {
        t.push_str(&format!(
            "\n{}: {}",
            f["path"].as_str().unwrap(),
            f["message"].as_str().unwrap()
        ));
    }
    assert_eq!(
        o.status.code(),
        Some(1),
        "a dry run that would be refused exits 1: {t}"
    );
    for needle in [
        "phones[0].number: '\"+44 1234 234567\"' contains '\"'",
        "service_at_locations[0].location.latitude: latitude 100 is out of range",
        "service_at_locations[0].location.addresses[0].country: country 'US' is not GB",
        "Dry run: nothing was written",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in:\n{t}");
    }
    for (file, needle) in [
        ("hsds-3.0/service_list.json", "page 1 of 10"),
        (
            "uk-profile-3.0/service_full.json",
            "latitude 100 is out of range",
        ),
        ("uk-profile-3.0/service_list.json", "page 1 of 10"),
        (
            "oruk-v1-list.json",
            "'Atlantis' is not a place in places.toml",
        ),
    ] {
        let o = signpost(
            &data,
            &["import", &fixture(file), "--feed", "example", "--dry-run"],
        );
        assert!(text(&o).contains(needle), "{file}: {}", text(&o));
    }
    assert_eq!(editions(&data), before, "a dry run wrote nothing");
}

#[test]
fn feed_import_lands_as_a_new_edition_and_rollback_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let v1 = fixture("oruk-v1-list.json");
    let o = signpost(
        &data,
        &[
            "import",
            &v1,
            "--feed",
            "iow-council",
            "--format",
            "oruk-v1",
            "--dry-run",
            "--verbose",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("+ iow-council-101"), "{}", text(&o));
    // The ids added are listed only with --verbose; the counts always.
    let o = signpost(
        &data,
        &["import", &v1, "--feed", "iow-council", "--dry-run"],
    );
    assert!(
        text(&o).contains("2 added, 0 removed, 0 changed"),
        "{}",
        text(&o)
    );
    assert!(!text(&o).contains("+ iow-council-101"), "{}", text(&o));
    // Without a terminal and without --yes, nothing is installed.
    let o = signpost(&data, &["import", &v1, "--feed", "iow-council"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!text(&signpost(&data, &["list"])).contains("iow-council-101"));

    let o = signpost(&data, &["import", &v1, "--feed", "iow-council", "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("Installed edition"), "{}", text(&o));
    assert!(text(&signpost(&data, &["list"])).contains("iow-council-101"));
    assert!(
        editions(&data).contains("feed iow-council"),
        "{}",
        editions(&data)
    );
    let shown = text(&signpost(&data, &["show", "iow-council-101"]));
    assert!(shown.contains("sourced, not verified"), "{shown}");
    assert!(
        shown.contains("From open-data feed iow-council; the feed says it was checked 2026-09-30 (not verified by us)"),
        "{shown}"
    );

    // The same feed again changes nothing; rollback brings back the edition before it.
    let o = signpost(&data, &["import", &v1, "--feed", "iow-council", "--yes"]);
    assert!(text(&o).contains("No changes"), "{}", text(&o));
    assert!(signpost(&data, &["rollback"]).status.success());
    assert!(!text(&signpost(&data, &["list"])).contains("iow-council-101"));
}

#[test]
fn feed_import_leaves_out_a_safety_net_record_and_imports_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let feed = tmp.path().join("feed.json");
    std::fs::write(
        &feed,
        r#"{"contents": [
            {"id": "1", "name": "Example", "url": "https://example.org/1", "phones": [{"number": "01632 960201"}],
             "service_areas": [{"name": "Portsmouth"}], "attributes": [{"taxonomy_term": {"name": "Mental health"}}]},
            {"id": "2", "name": "Listening line", "phones": [{"number": "116 123"}]}
        ]}"#,
    )
    .unwrap();
    let before = editions(&data);
    let o = signpost(
        &data,
        &["import", feed.to_str().unwrap(), "--feed", "local", "--yes"],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("contents[1].phones[0].number: 116 123 is a safety-net number"),
        "{t}"
    );
    assert!(t.contains("left out"), "{t}");
    assert_ne!(editions(&data), before);
    let listed = text(&signpost(&data, &["list"]));
    assert!(listed.contains("local-1"), "{listed}");
    assert!(!listed.contains("local-2"), "{listed}");
}

#[test]
fn exports_in_every_format_and_the_open_ones_hold_public_facts_only() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    signpost::directory::write_folder(&common::fixture_files(), &ed).unwrap();
    assert!(signpost(&data, &["import", ed.to_str().unwrap(), "--yes"])
        .status
        .success());

    let native = tmp.path().join("native");
    let o = signpost(
        &data,
        &["export", "--format", "native", native.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", text(&o));
    let all = std::fs::read_to_string(native.join("services/example-island-haven.toml")).unwrap();
    assert!(
        all.contains("01632 960999"),
        "the native backup keeps everything"
    );

    for role in ["handler", "clinician"] {
        for format in ["hsds-json", "csv"] {
            let out = tmp.path().join(format!("{role}.{format}"));
            let o = signpost(
                &data,
                &[
                    "--role",
                    role,
                    "export",
                    "--format",
                    format,
                    out.to_str().unwrap(),
                ],
            );
            assert!(o.status.success(), "{}", text(&o));
            // The CSV export is a folder: the HSDS tabular package; every file is checked.
            let written = if out.is_dir() {
                let mut all = String::new();
                for e in std::fs::read_dir(&out).unwrap() {
                    all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
                }
                all
            } else {
                std::fs::read_to_string(&out).unwrap()
            };
            assert!(
                written.contains("01632 960001"),
                "{format}: the public number is there"
            );
            assert!(
                !written.contains("01632 960999"),
                "{format} ({role}) carries a professional-only number"
            );
            assert!(
                !written.contains("Staff may call ahead"),
                "{format} ({role}) carries a referral note"
            );
            // Never over an existing file.
            let o = signpost(
                &data,
                &["export", "--format", format, out.to_str().unwrap()],
            );
            assert_eq!(o.status.code(), Some(1));
            assert!(text(&o).contains("already exists"), "{}", text(&o));
        }
    }
    let o = signpost(&data, &["export", "--format", "hsds-json", "-"]);
    let json: serde_json::Value =
        serde_json::from_slice(&o.stdout).expect("JSON on standard output");
    assert_eq!(json["total_items"], 4, "the unconfirmed record is left out");
}

#[test]
fn an_hsds_export_imports_back_as_a_feed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = tmp.path().join("hiow.json");
    assert!(signpost(
        &data,
        &["export", "--format", "hsds-json", out.to_str().unwrap()]
    )
    .status
    .success());
    // The built-in edition's export carries the safety net: those records are left out...
    let o = signpost(
        &data,
        &[
            "import",
            out.to_str().unwrap(),
            "--feed",
            "again",
            "--feed-url",
            "https://example.org/hiow.json",
            "--dry-run",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("carries the safety net"), "{}", text(&o));
    // ...and exported without the safety net's records it imports cleanly, with no findings.
    let out = tmp.path().join("local.json");
    assert!(signpost(
        &data,
        &[
            "export",
            "--format",
            "hsds-json",
            "--without-safety-net",
            out.to_str().unwrap()
        ]
    )
    .status
    .success());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let n = v["contents"].as_array().unwrap().len();
    assert!(v["contents"].as_array().unwrap().iter().all(|s| {
        !s["phones"].as_array().is_some_and(|p| {
            p.iter().any(|n| {
                signpost::directory::feed::safety::is_safety_net_number(
                    n["number"].as_str().unwrap(),
                )
            })
        })
    }));
    let o = signpost(
        &data,
        &[
            "import",
            out.to_str().unwrap(),
            "--feed",
            "again",
            "--feed-url",
            "https://example.org/hiow.json",
            "--dry-run",
        ],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains(&format!("{n} service(s) read, {n} can be imported")),
        "{t}"
    );
    assert!(t.contains("Findings: none."), "{t}");
}

#[test]
fn feed_options_need_a_feed() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["import", "x.json", "--format", "hsds"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--feed"), "{}", text(&o));
}
