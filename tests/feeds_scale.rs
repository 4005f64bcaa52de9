//! A council-sized feed: 800 summaries of a list endpoint turned into 800 full per-service
//! documents (what the maintainer's fetch step gives), read as a folder and planned over the
//! default edition. Asserts what imports; prints how long it took and the peak heap, for the
//! record (figures are printed, never asserted).

mod alloc_support;
mod common;

use alloc_support::{peak_during, Counting};
use serde_json::{json, Value};
use signpost::directory::{self, feed};
use signpost::model::validate::CheckContext;
use signpost::model::Date;

#[global_allocator]
static ALLOC: Counting = Counting;

const SERVICES: usize = 800;
/// Every 40th record is a local Samaritans branch: it carries 116 123 and must be left out.
const BRANCH_EVERY: usize = 40;

/// Area names as councils write them, GSS codes among them.
const AREAS: [&str; 6] = [
    "Southampton City Council",
    "E06000044",
    "Isle of Wight Council",
    "Hampshire County Council",
    "Winchester City Council",
    "E07000093",
];
const TERMS: [&str; 5] = [
    "Mental health services",
    "Bereavement support",
    "Drug and alcohol services",
    "Support for carers",
    "Befriending",
];

/// The list endpoint's summary of service `i`.
fn summary(i: usize) -> Value {
    json!({ "id": format!("svc-{i}"), "name": format!("Example Service {i}"),
            "description": format!("<p>Fictional service number {i}.</p>") })
}

/// The full record `/services/{id}` returns for that summary: fictional, drama-range numbers.
fn full(i: usize) -> Value {
    let mut v = summary(i);
    let number = if i % BRANCH_EVERY == 0 {
        "116 123".to_string()
    } else {
        format!("(01632) 960 {:03}", i % 1000)
    };
    let extra = json!({
        "url": format!("www.example.org/services/{i}"),
        "status": "active",
        "organization": { "name": format!("Example Trust {}", i % 37) },
        "phones": [{ "number": number }, { "number": format!("07700 900{:03} ext 4", i % 1000) }],
        "service_areas": [{ "service_area": AREAS[i % AREAS.len()] }],
        "service_taxonomys": [{ "taxonomy": { "name": TERMS[i % TERMS.len()] } }],
        "regular_schedules": [
            { "weekday": "Monday", "freq": "week", "opens_at": "09:00:00", "closes_at": "17:00:00" },
            { "byday": "TH", "freq": "WEEKLY", "opens_at": "18:00Z", "closes_at": "20:00Z" }
        ],
        "eligibilitys": [{ "eligibility": "Adults", "minimum_age": 18 }],
        "cost_options": [{ "option": "Free" }]
    });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

#[test]
fn eight_hundred_full_records_from_a_summary_list_import_but_the_safety_net_branches() {
    if !alloc_support::alone(
        "eight_hundred_full_records_from_a_summary_list_import_but_the_safety_net_branches",
    ) {
        return;
    }
    let files = directory::embedded();
    let dir = directory::parse(&files).unwrap();
    let today = Date::parse("2026-11-23").unwrap();
    let opts = feed::FeedOptions {
        name: "council".into(),
        format: None,
        feed_url: Some("https://example.org/openreferral/services".into()),
        today,
        defaults: Default::default(),
    };
    // The list endpoint alone: every record is a summary, said once.
    let list = json!({ "totalElements": SERVICES, "content": (0..SERVICES).map(summary).collect::<Vec<_>>() });
    let r = feed::read_feed(&list.to_string(), &opts, &dir).unwrap();
    assert!(r.services.is_empty());
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.message.contains("a summary only"))
            .count(),
        1
    );

    // The maintainer's fetch: one document per id.
    let docs: Vec<(String, String)> = (0..SERVICES)
        .map(|i| (format!("svc-{i}.json"), full(i).to_string()))
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let started = std::time::Instant::now();
    let ((read, plan), peak) = peak_during(|| {
        let read = feed::read_feed_folder(&docs, &opts, &dir).unwrap();
        eprintln!("read in {:.2} s", started.elapsed().as_secs_f64());
        let ctx = CheckContext {
            today,
            stale_months: 6,
        };
        let plan = feed::plan(&files, &read, ctx).unwrap_or_else(|e| panic!("{e:?}"));
        (read, plan)
    });
    let took = started.elapsed();
    let branches = SERVICES.div_ceil(BRANCH_EVERY);
    assert_eq!(read.read, SERVICES);
    assert_eq!(read.services.len(), SERVICES - branches);
    assert_eq!(plan.diff.added.len(), SERVICES - branches);
    assert!(plan.blocked.is_empty(), "{:?}", plan.blocked);
    // Each branch is named, with its own name.
    let left_out = read
        .findings
        .iter()
        .filter(|f| f.message.contains("116 123 is a safety-net number"))
        .count();
    assert_eq!(left_out, branches);
    // The same folder through the command a maintainer runs, installed into a new store.
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("council");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in &docs {
        std::fs::write(folder.join(name), text).unwrap();
    }
    let cli_started = std::time::Instant::now();
    let o = common::signpost(
        &tmp.path().join("data"),
        &[
            "import",
            folder.to_str().unwrap(),
            "--feed",
            "council",
            "--feed-url",
            "https://example.org/openreferral/services",
            "--yes",
        ],
    );
    let cli_took = cli_started.elapsed();
    let out = common::text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains(&format!(
            "{SERVICES} service(s) read, {} can be imported",
            SERVICES - branches
        )),
        "{out}"
    );
    eprintln!(
        "signpost import of the {SERVICES}-file folder (install included): {:.2} s",
        cli_took.as_secs_f64()
    );
    eprintln!(
        "{SERVICES} full records ({bytes} bytes in {SERVICES} files): {} imported, {branches} left out (safety net); read and planned in {:.2} s, peak heap {:.1} MiB",
        read.services.len(),
        took.as_secs_f64(),
        peak as f64 / (1024.0 * 1024.0)
    );
}
