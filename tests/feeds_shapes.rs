//! Feeds as councils publish them: a list of summaries, a folder of per-service documents, JSON
//! Lines; council area names and GSS codes; every time and phone spelling; per-feed defaults;
//! and a report a person can read, with the full list in a JSON file.

mod common;

use common::{run, signpost, text};
use signpost::directory::{self, feed};
use signpost::model::{Category, ContactKind, Date, Day, Directory, Service};
use std::path::PathBuf;

fn fixtures(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(rel)
}

fn opts(name: &str) -> feed::FeedOptions {
    feed::FeedOptions {
        name: name.into(),
        format: None,
        feed_url: None,
        // A winter date: London is on GMT.
        today: Date::parse("2026-11-23").unwrap(),
        defaults: Default::default(),
    }
}

fn embedded() -> Directory {
    directory::parse(&directory::embedded()).unwrap()
}

fn folder_files() -> Vec<(String, String)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures("council-folder"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

fn has(r: &feed::FeedRead, path: &str, needle: &str) -> bool {
    r.findings
        .iter()
        .any(|f| (f.path == path || f.also.iter().any(|p| p == path)) && f.message.contains(needle))
}

fn service<'a>(r: &'a feed::FeedRead, id: &str) -> &'a Service {
    r.services
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} not imported: {:#?}", r.findings))
}

#[test]
fn a_folder_of_per_service_documents_imports_each_service() {
    let dir = embedded();
    let r = feed::read_feed_folder(&folder_files(), &opts("soton"), &dir).unwrap();
    assert_eq!(r.read, 4);
    let mut ids: Vec<&str> = r.services.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["soton-201", "soton-202", "soton-204"]);

    // svc-201: a byte-order mark, an HTML description, a scheme-less web address, bracketed
    // and extension phone spellings, a council's name for its area, an esd term, v1 `week`.
    let s = service(&r, "soton-201");
    assert_eq!(
        s.description,
        "Free drop-in talking support.\n\nTea & biscuits.\nNo referral needed."
    );
    assert_eq!(s.areas, ["southampton"]);
    assert_eq!(s.categories, [Category::MentalHealth]);
    let contacts: Vec<(ContactKind, &str, &str)> = s
        .contacts
        .iter()
        .map(|c| (c.kind, c.label.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        contacts,
        [
            (ContactKind::Phone, "", "01632 960 201"),
            (ContactKind::Phone, "Bookings (extension 2)", "01632 960202"),
            (
                ContactKind::Web,
                "Website",
                "https://www.example.org/talking-space"
            ),
        ]
    );
    assert_eq!(s.sources[0].url, "https://www.example.org/talking-space");
    let sessions: Vec<(Vec<Day>, String, String)> = s
        .hours
        .sessions
        .iter()
        .map(|x| (x.days.clone(), x.open.to_string(), x.close.to_string()))
        .collect();
    assert_eq!(
        sessions,
        [
            (vec![Day::Mon], "09:00".into(), "17:00".into()),
            (vec![Day::Tue], "10:00".into(), "16:00".into()),
        ]
    );
    // 10:00Z is 10:00 in a London winter but 11:00 in summer: said.
    assert!(
        has(
            &r,
            "svc-201.json#regular_schedules[1].opens_at",
            "10:00 in London in winter and 11:00 in summer"
        ),
        "{:#?}",
        r.findings
    );
    assert!(has(&r, "svc-201.json#cost_options", "not held"));

    // svc-202: hyphens and brackets, a GSS code and a council name, an offset time.
    let s = service(&r, "soton-202");
    let phones: Vec<&str> = s
        .contacts
        .iter()
        .filter(|c| c.kind == ContactKind::Phone)
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(phones, ["0808 157 0123", "020 7946 0123"]);
    assert_eq!(s.areas, ["southampton", "isle-of-wight"]);
    assert_eq!(s.categories, [Category::Drugs, Category::Alcohol]);
    // 18:00+01:00 is 17:00 in London in November.
    assert_eq!(s.hours.sessions[0].days, [Day::Wed]);
    assert_eq!(s.hours.sessions[0].open.to_string(), "17:00");
    assert_eq!(s.hours.sessions[0].close.to_string(), "19:00");
    assert!(has(&r, "svc-202.json#wait_time", "not held"));

    // svc-203: a local Samaritans branch: left out, the rest imports.
    assert!(has(
        &r,
        "svc-203.json#",
        "(svc-203.json#phones[0].number: 116 123 is a safety-net number)"
    ));
    // svc-204: a GSS code from outside the area is named; the county council resolves.
    let s = service(&r, "soton-204");
    assert_eq!(s.areas, ["hampshire"]);
    assert!(has(
        &r,
        "svc-204.json#service_areas[1]",
        "GSS code E07000999 is not a council area"
    ));
}

#[test]
fn json_lines_read_line_by_line_and_defaults_fill_what_a_record_lacks() {
    let dir = embedded();
    let text = std::fs::read_to_string(fixtures("services.jsonl")).unwrap();
    let r = feed::read_feed(&text, &opts("pompey"), &dir).unwrap();
    assert!(has(&r, "line 3", "not JSON"), "{:#?}", r.findings);
    let s = service(&r, "pompey-301");
    assert_eq!(s.areas, ["portsmouth"]);
    assert_eq!(s.categories, [Category::Gambling]);
    // 302 names no category: not imported, unless the feed's default gives one.
    assert!(!r.services.iter().any(|s| s.id == "pompey-302"));
    assert!(has(&r, "line 2#", "at least one category is required"));
    let mut o = opts("pompey");
    o.defaults.categories = vec![Category::Carers];
    let r = feed::read_feed(&text, &o, &dir).unwrap();
    let s = service(&r, "pompey-302");
    assert_eq!(s.categories, [Category::Carers]);
    assert_eq!(s.areas, ["winchester"]);
    assert!(
        has(&r, "", "1 service(s) named no category"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_list_of_summaries_is_said_once_with_what_to_fetch_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let list = fixtures("summary-list.json");
    let (code, out) = run(
        &data,
        &[
            "import",
            list.to_str().unwrap(),
            "--feed",
            "council",
            "--dry-run",
        ],
    );
    assert_eq!(code, 1, "nothing can be imported: {out}");
    assert_eq!(out.matches("a summary only").count(), 1, "{out}");
    assert!(out.contains("3 of 3 services are summaries"), "{out}");
    assert!(out.contains("/services/{id}"), "{out}");
    assert!(!out.contains("at least one area is required"), "{out}");
}

#[test]
fn a_folder_imports_from_the_cli_with_defaults_a_grouped_report_and_a_full_json_report() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let report = tmp.path().join("findings.json");
    let folder = fixtures("council-folder");
    let o = signpost(
        &data,
        &[
            "import",
            folder.to_str().unwrap(),
            "--feed",
            "soton",
            "--area",
            "Southampton City Council",
            "--category",
            "mental-health",
            "--report",
            report.to_str().unwrap(),
            "--yes",
        ],
    );
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("4 service(s) read, 3 can be imported"),
        "{out}"
    );
    // Grouped by kind, with counts.
    assert!(out.contains("  not imported (1):"), "{out}");
    assert!(out.contains("  field not held (2):"), "{out}");
    assert!(out.contains("3 added, 0 removed, 0 changed"), "{out}");
    assert!(
        !out.contains("+ soton-201"),
        "ids only with --verbose: {out}"
    );
    let full: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(full["importable"], 3);
    let paths: Vec<&str> = full["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"svc-203.json#"), "{paths:?}");
    // The report file is never overwritten.
    let o = signpost(
        &data,
        &[
            "import",
            folder.to_str().unwrap(),
            "--feed",
            "soton",
            "--report",
            report.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(!o.status.success());
    assert!(text(&o).contains("already exists"), "{}", text(&o));
    let (_, shown) = run(&data, &["show", "soton-201"]);
    assert!(shown.contains("Tea & biscuits."), "{shown}");
    assert!(
        !shown.contains("&nbsp;") && !shown.contains("<p>"),
        "{shown}"
    );
    // A default that is not a place is refused before anything is read.
    let (code, out) = run(
        &data,
        &[
            "import",
            folder.to_str().unwrap(),
            "--feed",
            "soton",
            "--area",
            "Atlantis",
            "--dry-run",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.contains("--area 'Atlantis' is not one place"), "{out}");
}

/// Documents that are not services are named for what they are; an organisation's services are
/// read; an envelope whose count is below what it holds, and hours given only per location,
/// are named.
#[test]
fn other_documents_counts_and_location_hours_are_named() {
    let dir = embedded();
    let sal = r#"{"id": "s1", "service": {"id": "1", "name": "x"}, "location": {"id": "l1"}}"#;
    let e = feed::read_feed(sal, &opts("c"), &dir).unwrap_err();
    assert!(e.contains("service-at-location document"), "{e}");
    let taxonomy = r#"{"id": "t1", "name": "Mental health", "vocabulary": "esd", "code": "1"}"#;
    let e = feed::read_feed(taxonomy, &opts("c"), &dir).unwrap_err();
    assert!(e.contains("taxonomy document"), "{e}");

    let service = |id: &str| {
        serde_json::json!({ "id": id, "name": format!("Example {id}"),
            "url": format!("https://example.org/{id}"), "phones": [{ "number": "01632 960401" }],
            "service_areas": [{ "name": "Portsmouth" }],
            "attributes": [{ "taxonomy_term": { "name": "Mental health" } }],
            "service_at_locations": [
                { "location": { "name": "North", "schedules": [{ "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00" }] } },
                { "location": { "name": "South", "schedules": [{ "freq": "WEEKLY", "byday": "TU", "opens_at": "09:00", "closes_at": "12:00" }] } }
            ] })
    };
    let org =
        serde_json::json!({ "id": "o1", "name": "Example Trust", "services": [service("1")] });
    let r = feed::read_feed(&org.to_string(), &opts("c"), &dir).unwrap();
    assert_eq!(r.services.len(), 1, "{:#?}", r.findings);
    assert!(r.shape.contains("organisation"), "{}", r.shape);
    // Two locations with their own hours: neither is picked, and that is said.
    assert_eq!(
        r.services[0].hours.kind,
        signpost::model::HoursKind::NotConfirmed
    );
    assert!(has(
        &r,
        "services[0].service_at_locations[0].location",
        "hours are given only on the service's 2 locations"
    ));

    let list = serde_json::json!({ "total_items": 1, "contents": [service("1"), service("2"), service("1")] });
    let r = feed::read_feed(&list.to_string(), &opts("c"), &dir).unwrap();
    assert!(has(
        &r,
        "total_items",
        "total_items says 1 but the file holds 3"
    ));
    assert!(has(&r, "contents[2]", "duplicate id"));
    assert_eq!(r.services.len(), 2);
}
