//! Open-data feeds: the example files' reports, every list envelope, the round trip through
//! HSDS JSON, scoping per feed, the safety net, and what exports may never carry.

mod common;

use serde_json::json;
use signpost::directory::feed::{
    self, hsds_out, is_safety_net, read_feed, FeedFormat, FeedOptions, FeedRead, FindingKind,
};
use signpost::directory::{self, Files};
use signpost::model::validate::{service_file, CheckContext};
use signpost::model::{
    AgeBound, Category, ContactKind, Date, Day, Directory, HoursKind, PlacesFile, Service, Status,
};
use std::collections::BTreeSet;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn ctx() -> CheckContext {
    CheckContext {
        today: today(),
        stale_months: 6,
    }
}

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/oruk/{rel}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn opts(name: &str) -> FeedOptions {
    FeedOptions {
        name: name.into(),
        format: None,
        feed_url: None,
        today: today(),
        defaults: Default::default(),
    }
}

fn embedded() -> (Files, Directory) {
    let files = directory::embedded();
    let dir = directory::parse(&files).unwrap();
    (files, dir)
}

fn read(text: &str, name: &str, dir: &Directory) -> FeedRead {
    read_feed(text, &opts(name), dir).unwrap()
}

/// The finding at `path` (first or repeated) whose message says `needle`.
fn finding(r: &FeedRead, kind: FindingKind, path: &str, needle: &str) {
    assert!(
        r.findings.iter().any(|f| f.kind == kind
            && (f.path == path || f.also.iter().any(|p| p == path))
            && f.message.contains(needle)),
        "no {kind:?} finding at {path} saying {needle:?} in:\n{}",
        r.findings
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn hsds_service_full_reports_the_quoted_number_the_latitude_and_the_country() {
    let (files, dir) = embedded();
    let r = read(&fixture("hsds-3.0/service_full.json"), "example", &dir);
    assert_eq!(r.read, 1);
    finding(
        &r,
        FindingKind::Value,
        "phones[0].number",
        "'\"+44 1234 234567\"' contains '\"'",
    );
    finding(
        &r,
        FindingKind::Value,
        "service_at_locations[0].location.contacts[0].phones[0].number",
        "contains '\"'",
    );
    finding(
        &r,
        FindingKind::Value,
        "service_at_locations[0].location.latitude",
        "latitude 100 is out of range",
    );
    finding(
        &r,
        FindingKind::Value,
        "service_at_locations[0].location.addresses[0].country",
        "country 'US' is not GB",
    );
    finding(&r, FindingKind::Note, "schedules[0]", "byweekno");
    finding(
        &r,
        FindingKind::Term,
        "attributes[0].taxonomy_term",
        "term 'name'",
    );
    finding(&r, FindingKind::Area, "service_areas[0]", "not a place");
    finding(
        &r,
        FindingKind::Record,
        "",
        "at least one category is required",
    );
    assert!(r.services.is_empty());
    // Reported, not crashed, and nothing would be installed.
    let plan = feed::plan(&files, &r, ctx()).unwrap();
    assert!(plan.diff.is_empty());
    assert!(!plan.blocked.is_empty());
}

#[test]
fn uk_profile_service_full_is_read_without_service_phones() {
    let (_, dir) = embedded();
    let r = read(
        &fixture("uk-profile-3.0/service_full.json"),
        "example",
        &dir,
    );
    assert_eq!(r.read, 1);
    assert!(!r.findings.iter().any(|f| f.path.contains("phones")));
    finding(
        &r,
        FindingKind::Value,
        "service_at_locations[0].location.latitude",
        "out of range",
    );
    finding(
        &r,
        FindingKind::Value,
        "service_at_locations[0].location.addresses[0].country",
        "'US'",
    );
    finding(&r, FindingKind::Value, "languages[0]", "no name");
    finding(&r, FindingKind::Note, "schedules[0]", "bymonthday");
}

#[test]
fn every_list_envelope_is_read_and_a_partial_page_is_blocked() {
    let (files, dir) = embedded();
    for (file, shape) in [
        ("hsds-3.0/service_list.json", "`contents`"),
        ("uk-profile-3.0/service_list.json", "`contents`"),
    ] {
        let r = read(&fixture(file), "example", &dir);
        assert!(r.shape.contains(shape), "{file}: {}", r.shape);
        assert_eq!(r.read, 1, "{file}");
        finding(
            &r,
            FindingKind::Feed,
            "total_items",
            "page 1 of 10 (1 of 10 services)",
        );
        finding(
            &r,
            FindingKind::Record,
            "contents[0]",
            "at least one area is required",
        );
        let plan = feed::plan(&files, &r, ctx()).unwrap();
        assert!(
            plan.blocked.iter().any(|b| b.contains("page 1 of 10")),
            "{file}"
        );
    }
    let r = read(&fixture("oruk-v1-list.json"), "iow", &dir);
    assert!(r.shape.contains("`content`"), "{}", r.shape);
    assert_eq!(
        (r.read, r.services.len(), r.partial.as_deref()),
        (4, 2, None)
    );
    finding(&r, FindingKind::Record, "content[2]", "status 'inactive'");
    finding(
        &r,
        FindingKind::Area,
        "content[3].service_areas[0]",
        "'Kent'",
    );
    finding(
        &r,
        FindingKind::Note,
        "content[1].regular_schedules[0]",
        "freq MONTHLY",
    );
    finding(
        &r,
        FindingKind::Term,
        "content[1].service_taxonomys[1].taxonomy",
        "'Knitting'",
    );
    let mut page =
        serde_json::from_str::<serde_json::Value>(&fixture("oruk-v1-list.json")).unwrap();
    page["totalPages"] = json!(2);
    page["last"] = json!(false);
    let r = read(&page.to_string(), "iow", &dir);
    finding(&r, FindingKind::Feed, "totalElements", "page 1 of 2");
    assert!(!feed::plan(&files, &r, ctx()).unwrap().blocked.is_empty());
    // A bare list is read too.
    let bare = json!([page["content"][0]]).to_string();
    assert_eq!(read(&bare, "iow", &dir).services.len(), 1);
}

#[test]
fn format_flag_must_match_the_envelope() {
    let (_, dir) = embedded();
    let mut o = opts("x");
    o.format = Some(FeedFormat::OrukV1);
    let e = read_feed(&fixture("hsds-3.0/service_list.json"), &o, &dir).unwrap_err();
    assert!(e.contains("`contents`"), "{e}");
    o.format = Some(FeedFormat::Hsds);
    assert!(read_feed(&fixture("oruk-v1-list.json"), &o, &dir).is_err());
    assert!(read_feed("{\"contents\": [", &opts("x"), &dir)
        .unwrap_err()
        .contains("not JSON"));
    assert!(read_feed("{}", &opts("Not A Slug"), &dir)
        .unwrap_err()
        .contains("slug"));
}

#[test]
fn oruk_v1_fixture_maps_every_field_and_stays_sourced_not_verified() {
    let (_, dir) = embedded();
    let r = read(&fixture("oruk-v1-list.json"), "iow", &dir);
    let s = r.services.iter().find(|s| s.id == "iow-101").unwrap();
    assert_eq!(s.name, "Example Island Wellbeing Cafe");
    assert_eq!(s.organisation, "Example Island Mind");
    assert_eq!(s.feed, "iow");
    assert_eq!(s.categories, [Category::MentalHealth]);
    assert_eq!(s.areas, ["isle-of-wight"]);
    assert_eq!(
        (s.age.min, s.age.max),
        (AgeBound::Years(18), AgeBound::Unknown)
    );
    assert_eq!(s.eligibility, ["Adults living on the island"]);
    assert_eq!(s.languages, ["English"]);
    assert_eq!(s.cost, "Free");
    assert_eq!(s.feed_assured_on, Date::parse("2026-09-30").ok());
    assert!(
        s.verified.is_none(),
        "a feed's assurance never makes a record verified"
    );
    assert_eq!(
        s.sources[0].url,
        "https://example.org/island-wellbeing-cafe"
    );
    assert_eq!(s.sources[0].seen_on, Some(today()));
    let contacts: Vec<(ContactKind, &str)> = s
        .contacts
        .iter()
        .map(|c| (c.kind, c.value.as_str()))
        .collect();
    assert_eq!(
        contacts,
        [
            (
                ContactKind::Web,
                "https://example.org/island-wellbeing-cafe"
            ),
            (ContactKind::Email, "cafe@example.org"),
            (ContactKind::Phone, "01632 960101"),
            (ContactKind::Address, "1 Example Street, Newport, PO30 1AA"),
        ]
    );
    assert!(s.contacts.iter().all(|c| c.is_public()));
    assert_eq!(s.hours.kind, HoursKind::Weekly);
    let days: Vec<Vec<Day>> = s.hours.sessions.iter().map(|x| x.days.clone()).collect();
    assert_eq!(days, [vec![Day::Tue], vec![Day::Thu]]);
    assert!(s.hours.exceptions[0].closed);
    let g = r.services.iter().find(|s| s.id == "iow-hav-7").unwrap();
    assert_eq!(g.areas, ["havant"]);
    assert_eq!(g.categories, [Category::Carers]);
    assert_eq!(g.hours.kind, HoursKind::NotConfirmed);
    assert_eq!(g.hours.wording, "First Wednesday of the month, 6pm to 8pm");
    assert!(g.notes.contains("freq=MONTHLY"), "{}", g.notes);
    // A hyphenated number is a common UK spelling: kept, in the plain spaced form.
    let phones: Vec<&str> = g
        .contacts
        .iter()
        .filter(|c| c.kind == ContactKind::Phone)
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(phones, ["01632 960 102", "07700 900102"]);
}

/// Whether a record serves a local place, areas_except included.
fn serves(places: &PlacesFile, s: &Service, place: &str) -> bool {
    let line: Vec<&str> = places
        .lineage(place)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    s.areas.iter().any(|a| line.contains(&a.as_str()))
        && !s.areas_except.iter().any(|a| line.contains(&a.as_str()))
}

/// The facts HSDS carries, as a caller would be given them. `original` applies the documented
/// conversions: "no limit" below is age 0, "no limit" above and a bound flagged uncertain read
/// back as unknown, and only the first web address and email travel.
///
/// What cannot survive a round trip through HSDS 3.0, and why: the bank-holiday rule and
/// bank-holiday sessions (HSDS schedules know no bank holidays), hours of one contact (HSDS
/// phones carry no schedule), a text line's keyword (HSDS phones have no keyword), the reason
/// a closed record gives (it travels as the alert, and comes back prefixed with "the feed says"),
/// `areas_except` of a whole country, and the sources (an imported record's source is the feed).
/// Professional-only contacts and staff referral notes never leave (see tests/exports.rs), and
/// `verified` is never set by an import.
fn public_facts(places: &PlacesFile, s: &Service, original: bool) -> serde_json::Value {
    let bound = |b: AgeBound, is_min: bool| match b {
        AgeBound::Years(n) if original && s.age.uncertain.contains(&n) => AgeBound::Unknown,
        AgeBound::NoLimit if original && is_min => AgeBound::Years(0),
        AgeBound::NoLimit if original => AgeBound::Unknown,
        b => b,
    };
    let public = || s.contacts.iter().filter(|c| c.is_public());
    let mut numbers: Vec<(ContactKind, String, String)> = public()
        .filter(|c| {
            matches!(
                c.kind,
                ContactKind::Phone | ContactKind::Text | ContactKind::Relay | ContactKind::Whatsapp
            )
        })
        .map(|c| (c.kind, c.value.clone(), c.label.clone()))
        .collect();
    numbers.sort();
    let mut addresses: Vec<(String, String)> = public()
        .filter(|c| c.kind == ContactKind::Address)
        .map(|c| (c.label.clone(), c.value.clone()))
        .collect();
    addresses.sort();
    let first = |k: ContactKind| public().find(|c| c.kind == k).map(|c| c.value.clone());
    // Leaf places (districts and unitary places), where a located caller is: a county with an
    // excepted district is exported as its other districts.
    let leaf = |id: &str| {
        !places
            .places
            .iter()
            .any(|q| q.parent.as_deref() == Some(id))
    };
    let served: BTreeSet<&str> = places
        .local()
        .filter(|p| leaf(&p.id) && serves(places, s, &p.id))
        .map(|p| p.id.as_str())
        .collect();
    json!({
        "name": s.name, "organisation": s.organisation, "description": s.description,
        "categories": s.categories, "serves": served,
        "age": [bound(s.age.min, true), bound(s.age.max, false)],
        "numbers": numbers, "addresses": addresses,
        "web": first(ContactKind::Web), "email": first(ContactKind::Email),
        "hours": [&s.hours.kind, &s.hours.sessions, &s.hours.wording, &s.hours.exceptions],
        "public_info": s.public_info, "cost": s.cost, "eligibility": s.eligibility,
        "languages": s.languages, "status": s.status, "keywords": s.keywords, "access": s.access,
    })
}

/// The directory's files with only the services `keep` accepts.
fn only(files: &Files, dir: &Directory, keep: impl Fn(&Service) -> bool) -> Files {
    let kept: BTreeSet<String> = dir
        .services
        .iter()
        .filter(|s| keep(s))
        .map(|s| service_file(&s.id))
        .collect();
    files
        .iter()
        .filter(|(k, _)| !k.starts_with("services/") || kept.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn round_trip_hsds_export_imports_back_with_equal_public_fields() {
    let (files, dir) = embedded();
    let local = only(&files, &dir, |s| !is_safety_net(s));
    let net_only = only(&files, &dir, is_safety_net);
    let exported_dir = directory::parse(&local).unwrap();
    let export = hsds_out::export(&exported_dir);
    let text = serde_json::to_string_pretty(&export.json).unwrap();

    let net_dir = directory::parse(&net_only).unwrap();
    assert!(net_dir.services.len() >= 5);
    let mut o = opts("rt");
    o.feed_url = Some("https://example.org/hiow-feed.json".into());
    let r = read_feed(&text, &o, &net_dir).unwrap();
    assert!(
        !r.findings.iter().any(|f| f.message.contains("safety net")),
        "{:?}",
        r.findings
    );
    let plan = feed::plan(&net_only, &r, ctx()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(plan.blocked.is_empty(), "{:?}", plan.blocked);
    let new = &plan.directory;

    let mut compared = 0;
    for s in &exported_dir.services {
        // Ids travel as UUIDv5 of our own ids, so the record comes back under the feed's id.
        let back = new.service(&format!("rt-{}", hsds_out::uuid("service", &s.id)));
        if s.status == Status::Unconfirmed {
            // Unconfirmed records are not exported: HSDS cannot say "check before giving".
            assert!(back.is_none(), "{}", s.id);
            continue;
        }
        let back = back.unwrap_or_else(|| panic!("{} did not come back: {:#?}", s.id, r.findings));
        assert_eq!(
            public_facts(&new.places, back, false),
            public_facts(&exported_dir.places, s, true),
            "{}",
            s.id
        );
        assert_eq!(back.feed, "rt");
        assert!(back.verified.is_none());
        compared += 1;
    }
    assert!(compared >= 50, "{compared} records compared");
    // The safety net is still there, untouched.
    for s in &net_dir.services {
        assert_eq!(new.service(&s.id), Some(s));
    }
}

fn hsds_list(services: serde_json::Value) -> String {
    json!({ "total_items": services.as_array().unwrap().len(), "total_pages": 1, "contents": services }).to_string()
}

fn feed_service(id: &str, name: &str, phone: &str) -> serde_json::Value {
    json!({
        "id": id, "name": name, "status": "active", "url": format!("https://example.org/{id}"),
        "description": "A fictional service.",
        "phones": [{ "number": phone }],
        "service_areas": [{ "name": "Portsmouth" }],
        "attributes": [{ "taxonomy_term": { "name": "Mental health" } }]
    })
}

fn install(files: &Files, text: &str, name: &str) -> feed::Plan {
    let dir = directory::parse(files).unwrap();
    feed::plan(files, &read(text, name, &dir), ctx()).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn a_feed_replaces_only_its_own_records() {
    let (base, _) = embedded();
    let with_y = install(&base, &fixture("oruk-v1-list.json"), "feed-y").files;
    assert!(with_y.contains_key("services/feed-y-101.toml"));

    let x1 = hsds_list(json!([
        feed_service("1", "Example X One", "01632 960201"),
        feed_service("2", "Example X Two", "01632 960202"),
    ]));
    let after_x1 = install(&with_y, &x1, "feed-x");
    let x2 = hsds_list(json!([feed_service("1", "Example X One", "01632 960299")]));
    let after_x2 = install(&after_x1.files, &x2, "feed-x");

    for (path, text) in &with_y {
        assert_eq!(
            after_x1.files.get(path),
            Some(text),
            "{path} changed on the first import of feed-x"
        );
        assert_eq!(
            after_x2.files.get(path),
            Some(text),
            "{path} changed on the second import of feed-x"
        );
    }
    assert_eq!(after_x1.diff.added, ["feed-x-1", "feed-x-2"]);
    assert_eq!(after_x2.diff.removed, ["feed-x-2"]);
    assert!(after_x2.diff.added.is_empty());
    let ch = &after_x2.diff.changed;
    assert_eq!(ch.len(), 1);
    assert_eq!(ch[0].id, "feed-x-1");
    assert_eq!(ch[0].fields[0].field, "contacts", "numbers first");
    assert!(ch[0].fields[0].after.contains("01632 960299"));
    let (_, problems) = directory::check(&after_x2.files, ctx());
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
}

#[test]
fn a_feed_cannot_overwrite_a_curated_or_another_feeds_record() {
    let (base, _) = embedded();
    let with_y = install(&base, &fixture("oruk-v1-list.json"), "iow-council").files;
    let dir = directory::parse(&with_y).unwrap();
    for (feed_name, id, owner) in [
        ("andover", "mind", "a curated record"),
        ("iow", "council-101", "a record of feed iow-council"),
    ] {
        let text = hsds_list(json!([feed_service(id, "Example", "01632 960201")]));
        let r = read(&text, feed_name, &dir);
        assert_eq!(r.services.len(), 1);
        let refused = feed::plan(&with_y, &r, ctx()).unwrap_err();
        assert!(refused.iter().any(|m| m.contains(owner)), "{refused:?}");
    }
}

/// Every council feed lists Samaritans or Shout: one such record must not stop the council's
/// own services importing. The record is left out (the safety net is given only from the
/// directory's own records) and the rest of the feed imports.
#[test]
fn a_feed_record_carrying_a_safety_net_id_or_number_is_left_out_and_the_rest_imports() {
    let (base, dir) = embedded();
    let fine = feed_service("1", "Example fine", "01632 960201");
    let cases = [
        (
            json!({"id": "samaritans", "name": "Samaritans Basingstoke"}),
            "id 'samaritans'",
        ),
        (
            feed_service("2", "Example", "116 123"),
            "116 123 is a safety-net number",
        ),
        (
            feed_service("3", "Example", "\"999\""),
            "\"999\" is a safety-net number",
        ),
        (feed_service("4", "Example", "85258"), "85258"),
        (
            json!({"id": "5", "name": "Example", "contacts": [{"phones": [{"number": "18001 111"}]}]}),
            "contents[1].contacts[0].phones[0].number",
        ),
    ];
    for (bad, says) in cases {
        let text = hsds_list(json!([fine.clone(), bad]));
        let r = read(&text, "shouty", &dir);
        finding(&r, FindingKind::Record, "contents[1]", says);
        finding(&r, FindingKind::Record, "contents[1]", "left out");
        let ids: Vec<&str> = r.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["shouty-1"], "{says}");
        let plan = feed::plan(&base, &r, ctx()).unwrap_or_else(|e| panic!("{says}: {e:?}"));
        assert_eq!(plan.diff.added, ["shouty-1"], "{says}");
        assert!(plan.blocked.is_empty(), "{:?}", plan.blocked);
    }
    // A feed id whose record id lands on a safety-net record's id.
    let text = hsds_list(json!([
        fine.clone(),
        feed_service("hampshire-iow", "Example", "01632 960201")
    ]));
    let r = read(&text, "shout", &dir);
    finding(
        &r,
        FindingKind::Record,
        "contents[1]",
        "id 'shout-hampshire-iow' is the id of a safety-net record",
    );
    assert_eq!(r.services.len(), 1);
    // A local branch the directory already holds is matched to the directory's own record.
    let held = dir.service("samaritans").unwrap().name.clone();
    let text = hsds_list(json!([fine, feed_service("9", &held, "116 123")]));
    let r = read(&text, "shouty", &dir);
    finding(
        &r,
        FindingKind::Record,
        "contents[1]",
        "matched to the directory's own record samaritans",
    );
}

#[test]
fn a_feed_never_removes_the_safety_net_even_when_a_record_claims_to_be_its_own() {
    // A hand edit (or an old bug) has tagged Samaritans with the feed's name.
    let (mut files, _) = embedded();
    let f = files.get_mut("services/samaritans.toml").unwrap();
    *f = f.replacen(
        "status = \"active\"",
        "status = \"active\"\nfeed = \"local\"",
        1,
    );
    let dir = directory::parse(&files).unwrap();
    assert_eq!(dir.service("samaritans").unwrap().feed, "local");
    let text = hsds_list(json!([feed_service("1", "Example", "01632 960201")]));
    let refused = feed::plan(&files, &read(&text, "local", &dir), ctx()).unwrap_err();
    assert!(
        refused
            .iter()
            .any(|m| m.contains("remove or change safety-net record samaritans")),
        "{refused:?}"
    );
}
