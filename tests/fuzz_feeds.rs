//! Arbitrary input to the HSDS / Open Referral UK feed reader: no panic on random bytes, cut or
//! mutated real feeds, huge strings or deep nesting; oversized files refused before reading;
//! reading memory bounded by a multiple of the input.

mod alloc_support;
mod common;

use alloc_support::{peak_during, Counting};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use signpost::directory::feed::{self, read_feed, FeedFormat, FeedOptions};
use signpost::directory::{self, Files};
use signpost::model::validate::CheckContext;
use signpost::model::{Date, Directory};
use std::sync::OnceLock;

#[global_allocator]
static ALLOC: Counting = Counting;

const FIXTURES: [&str; 5] = [
    "hsds-3.0/service_full.json",
    "hsds-3.0/service_list.json",
    "uk-profile-3.0/service_full.json",
    "uk-profile-3.0/service_list.json",
    "oruk-v1-list.json",
];

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/oruk/{rel}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The default edition, parsed once: feeds resolve their areas and terms against it.
fn edition() -> &'static (Files, Directory) {
    static E: OnceLock<(Files, Directory)> = OnceLock::new();
    E.get_or_init(|| {
        let files = directory::embedded();
        let dir = directory::parse(&files).unwrap();
        (files, dir)
    })
}

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn opts(format: Option<FeedFormat>) -> FeedOptions {
    FeedOptions {
        name: "fuzz".into(),
        format,
        feed_url: None,
        today: today(),
        defaults: Default::default(),
    }
}

const FORMATS: [Option<FeedFormat>; 3] = [None, Some(FeedFormat::Hsds), Some(FeedFormat::OrukV1)];

/// Read the text as each format; when it reads, plan the import too (the planner must refuse
/// or accept, never panic, whatever the reader let through).
fn read_and_plan(text: &str, mut plan: bool) {
    let (files, dir) = edition();
    for f in FORMATS {
        if let Ok(read) = read_feed(text, &opts(f), dir) {
            assert!(
                read.services.len() <= read.read,
                "more records than services read"
            );
            // Planning checks the whole edition: once per case is enough.
            if std::mem::take(&mut plan) {
                let ctx = CheckContext {
                    today: today(),
                    stale_months: 6,
                };
                let _ = feed::plan(files, &read, ctx);
            }
        }
    }
}

/// Every key the mapping reads, so generated services reach the mapping code, not just the
/// "unknown key" path.
const KEYS: &[&str] = &[
    "id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "fees_description",
    "assured_date",
    "organization",
    "contacts",
    "phones",
    "number",
    "type",
    "extension",
    "language",
    "languages",
    "eligibility",
    "eligibilitys",
    "minimum_age",
    "maximum_age",
    "min_age",
    "max_age",
    "eligibility_description",
    "regular_schedules",
    "holiday_schedules",
    "schedules",
    "weekday",
    "byday",
    "opens_at",
    "closes_at",
    "freq",
    "interval",
    "valid_from",
    "valid_to",
    "dtstart",
    "until",
    "count",
    "closed",
    "start_date",
    "end_date",
    "service_areas",
    "service_area",
    "service_taxonomys",
    "taxonomy",
    "taxonomy_term",
    "term",
    "code",
    "vocabulary",
    "service_at_locations",
    "location",
    "locations",
    "addresses",
    "physical_addresses",
    "postal_code",
    "city",
    "country",
    "latitude",
    "longitude",
    "content",
    "contents",
    "total_items",
    "total_pages",
    "page_number",
    "last_page",
    "totalElements",
    "totalPages",
    "last",
    "attributes",
    "taxonomy_detail",
    "text",
    "title",
];

/// Values chosen to hit edge cases: empty and blank text, safety-net numbers, bad times and
/// dates, numbers at the limits, long text.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            "",
            " ",
            "999",
            "116 123",
            "0800 1111",
            "+44 1234 234567",
            "Monday",
            "mon",
            "TU,WE",
            "09:00",
            "24:00",
            "25:61",
            "9",
            "2026-02-30",
            "2026-11-23",
            "0",
            "-1",
            "1e400",
            "WEEKLY",
            "MONTHLY",
            "active",
            "inactive",
            "Isle of Wight",
            "Portsmouth",
            "GB",
            "US",
            "https://example.org/x",
            "not a url",
            "é\u{301}",
            "\u{0}",
            "🙂",
        ])
        .prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// A feed-shaped file around generated services: each list envelope, a bare list, or one.
fn feed_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(value(), 0..5), 0u8..4).prop_map(|(services, envelope)| {
        let list = Value::Array(services.clone());
        let v = match envelope {
            0 => json!({ "contents": list, "total_items": services.len() }),
            1 => json!({ "content": list, "totalElements": services.len() }),
            2 => list,
            _ => services.into_iter().next().unwrap_or(json!({"id": 1})),
        };
        v.to_string()
    })
}

/// Every JSON pointer in a value, to pick one to replace.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            pointers(
                x,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn feed_reader_never_panics_on_arbitrary_bytes(bytes in any::<Vec<u8>>()) {
        read_and_plan(&String::from_utf8_lossy(&bytes), false);
    }

    #[test]
    fn feed_reader_never_panics_on_json_like_text(s in "[\\[\\]{}\",:0-9a-z .eE+-]{0,300}") {
        read_and_plan(&s, false);
    }

    #[test]
    fn feed_reader_never_panics_on_truncated_real_feeds(i in 0usize..FIXTURES.len(), cut in any::<prop::sample::Index>()) {
        let text = fixture(FIXTURES[i]);
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) { at -= 1; }
        read_and_plan(&text[..at], false);
    }

    #[test]
    fn feed_reader_never_panics_on_generated_services(text in feed_text()) {
        read_and_plan(&text, false);
    }
}

proptest! {
    // Planning checks the whole default edition: about 0.15 s a case in a debug build.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn feed_reader_and_planner_never_panic_on_mutated_real_feeds(
        i in 0usize..FIXTURES.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..4),
    ) {
        let mut v: Value = serde_json::from_str(&fixture(FIXTURES[i])).unwrap();
        for (at, new) in edits {
            let mut all = Vec::new();
            pointers(&v, String::new(), &mut all);
            let p = &all[at.index(all.len())];
            *v.pointer_mut(p).expect("a listed pointer") = new;
        }
        read_and_plan(&v.to_string(), true);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let (_, dir) = edition();
    let depth = 100_000;
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let e = read_feed(&deep, &opts(None), dir).unwrap_err();
        assert!(e.contains("recursion limit"), "{e}");
        // The same depth inside a service's field.
        let inside =
            format!("{{\"content\": [{{\"id\": 1, \"name\": \"x\", \"description\": {deep}}}]}}");
        let e = read_feed(&inside, &opts(None), dir).unwrap_err();
        assert!(
            e.contains("recursion limit") && e.contains("nothing was imported"),
            "{e}"
        );
    }
    // Just under serde_json's limit (128) the file parses, and every part of the reader that
    // walks the whole value (the safety-net scan) copes.
    let nested = format!("{}\"999\"{}", "[".repeat(120), "]".repeat(120));
    let text = format!(
        "{{\"content\": [{{\"id\": 1, \"name\": \"Deep\", \"phones\": {nested}, \"contacts\": [{{\"phones\": [{{\"number\": {nested}}}]}}]}}]}}"
    );
    let r = read_feed(&text, &opts(None), dir).unwrap();
    assert_eq!(r.read, 1);
}

#[test]
fn huge_strings_are_read_and_never_echoed_whole() {
    let (_, dir) = edition();
    // 2 MiB each, ten of them: big enough that quoting one whole would show, small enough to
    // keep this test quick in a debug build (every step of the reader is linear in them).
    let huge = "n".repeat(2 * 1024 * 1024);
    let digits = "0".repeat(1024 * 1024);
    let text = json!({
        "content": [
            { "id": huge.clone(), "name": huge.clone(), "description": huge.clone(),
              "url": huge.clone(), "email": huge.clone(),
              "phones": [{ "number": digits.clone() }],
              "regular_schedules": [{ "weekday": huge.clone(), "opens_at": digits.clone() }],
              "service_areas": [{ "service_area": huge.clone() }],
              "eligibilitys": [{ "minimum_age": digits.clone() }] },
            { "id": 2, "name": huge.clone(), "latitude": huge.clone() },
        ]
    })
    .to_string();
    let r = read_feed(&text, &opts(None), dir).unwrap();
    assert_eq!(r.read, 2);
    assert!(!r.findings.is_empty(), "a huge value is a finding");
    // A report that quoted the value whole would be megabytes per line.
    for f in r.findings.iter() {
        let line = f.to_string();
        assert!(
            line.len() < 64 * 1024,
            "a finding of {} bytes: {}…",
            line.len(),
            &line[..200.min(line.len())]
        );
    }
}

#[test]
fn an_oversized_feed_file_is_refused_before_it_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // The first run sets the store up (and says so); compare the list after that.
    common::run(&data, &["editions"]);
    let before = common::run(&data, &["editions"]).1;
    // A sparse file: over the limit on disk, costing nothing, and never read if refused first.
    let big = tmp.path().join("big.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(directory::files::MAX_FILE_BYTES + 1)
        .unwrap();
    let started = std::time::Instant::now();
    let (code, out) = common::run(
        &data,
        &["import", big.to_str().unwrap(), "--feed", "big", "--yes"],
    );
    assert_ne!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "is {} bytes; the limit is {}",
            directory::files::MAX_FILE_BYTES + 1,
            directory::files::MAX_FILE_BYTES
        )),
        "{out}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(common::run(&data, &["editions"]).1, before);
}

/// Reading a feed holds the text's JSON tree, the records and the findings at once. Measured
/// at 13.0x the input for compact JSON, of which serde_json's tree alone is 10.8x (records
/// 1.5x); bounded here at 16x, so the 64 MiB file limit keeps a read near 1 GiB at most.
#[test]
fn reading_memory_stays_under_a_multiple_of_the_input() {
    // Alone in a process of its own: tests running beside it would add to the counts.
    if !alloc_support::alone("reading_memory_stays_under_a_multiple_of_the_input") {
        return;
    }
    let (_, dir) = edition();
    let v: Value = serde_json::from_str(&fixture("oruk-v1-list.json")).unwrap();
    let one = v["content"].as_array().unwrap().clone();
    let mut content = Vec::new();
    for i in 0..500 {
        for s in &one {
            let mut s = s.clone();
            let id = format!("{}-{i}", s["id"]);
            s["id"] = Value::from(id);
            content.push(s);
        }
    }
    let mut top = Map::new();
    top.insert("content".into(), Value::Array(content));
    let text = Value::Object(top).to_string();
    let (r, peak) = peak_during(|| read_feed(&text, &opts(None), dir).unwrap());
    assert_eq!(r.read, 500 * one.len());
    let ratio = peak as f64 / text.len() as f64;
    eprintln!(
        "read a {}-byte feed ({} services) with a peak of {peak} bytes ({ratio:.1}x)",
        text.len(),
        r.read
    );
    assert!(
        ratio < 16.0,
        "peak {peak} bytes is {ratio:.1}x the {}-byte input",
        text.len()
    );
}

/// A finding per service (each one different) and one bad value repeated in every service:
/// reading must stay linear. Folding repeated findings and their paths by scanning lists,
/// checking ids by scanning the records and building the place lookup per record made 10,000
/// services take about 45 s in a debug build (20,000: over four minutes); now 1-3 s.
#[test]
fn a_large_feed_reads_in_linear_time() {
    let (_, dir) = edition();
    let n = 10_000;
    let content: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "id": i, "name": format!("Service {i}"), "url": "https://example.org/x",
                "phones": [{ "number": format!("0800 {i}x") }, { "number": "x" }],
                "service_areas": [{ "service_area": "Isle of Wight" }],
                "service_taxonomys": [{ "taxonomy": { "name": "Mental health", "vocabulary": "esdNeeds" } }],
            })
        })
        .collect();
    let text = json!({ "content": content }).to_string();
    let started = std::time::Instant::now();
    let r = read_feed(&text, &opts(None), dir).unwrap();
    let took = started.elapsed();
    eprintln!(
        "{n} services, {} findings, {} records in {took:?}",
        r.findings.len(),
        r.services.len()
    );
    assert_eq!(r.read, n);
    assert!(r.findings.len() >= n, "each service has its own finding");
    let repeated = r.findings.iter().map(|f| f.also.len()).max().unwrap();
    assert_eq!(
        repeated,
        n - 1,
        "the repeated value is one finding with every path"
    );
    assert_eq!(r.services.len(), n, "and imports without its bad number");
    assert!(took < std::time::Duration::from_secs(20), "{took:?}");
}
