//! The safety net never looks doubtful because of age: its records state "all ages" with the page
//! that says so, and a catch-all record is never demoted for an age limit the data lacks —
//! while an ordinary service still is, and a limit a record does state still counts.

use signpost::directory::{self, safety_net::SAFETY_NET_IDS};
use signpost::model::{AgeBound, Directory, Role};
use signpost::search::{Group, Query, Searcher};
use signpost::triage::{outcome, Age, PlaceAnswer, TriageResult};
use std::sync::Arc;

fn default_dir() -> Directory {
    directory::parse(&directory::embedded()).expect("the built-in directory parses")
}

fn at() -> chrono::DateTime<chrono::Utc> {
    signpost::hours::parse_local("2026-11-17 23:30").unwrap()
}

#[test]
fn every_safety_net_record_says_all_ages_and_names_the_page() {
    // Shout's FAQ: "Anyone of any age"; Samaritans: children (under-13s included) and "anyone
    // struggling to cope"; 111 option 2: "all ages incl. children"; 999: no age for anyone.
    let d = default_dir();
    for id in SAFETY_NET_IDS {
        let s = d.service(id).unwrap_or_else(|| panic!("{id}"));
        assert!(
            matches!(s.age.min, AgeBound::Years(0) | AgeBound::NoLimit),
            "{id}: min {:?}",
            s.age.min
        );
        assert_eq!(s.age.max, AgeBound::NoLimit, "{id}");
        assert!(
            !s.age.source.is_empty(),
            "{id}: the age range names no page"
        );
        assert!(
            s.sources.iter().any(|src| src.url == s.age.source),
            "{id}: {} is not among its sources",
            s.age.source
        );
    }
}

fn search(dir: Directory, q: Query) -> signpost::search::Results {
    Searcher::new(Arc::new(dir)).search(&q)
}

fn age_checks(r: &signpost::search::Results, id: &str) -> Option<(Group, Vec<String>)> {
    r.hits().find(|h| h.id == id).map(|h| {
        (
            h.group,
            h.checks
                .iter()
                .filter(|c| c.starts_with("age may not fit"))
                .cloned()
                .collect(),
        )
    })
}

#[test]
fn search_with_a_caller_age_keeps_the_safety_net_reachable() {
    for q in [
        Query::new("", at()).age(34),
        Query::new("", at()).age(9),
        Query::new("", at()).age(90),
        Query::new("", at()).age_band(11, 15),
    ] {
        let r = search(default_dir(), q.clone());
        for id in SAFETY_NET_IDS {
            let (group, checks) =
                age_checks(&r, id).unwrap_or_else(|| panic!("{id} missing for {q:?}"));
            assert_eq!(group, Group::Reachable, "{id} for {q:?}");
            assert!(checks.is_empty(), "{id}: {checks:?}");
        }
    }
}

#[test]
fn only_a_catch_all_record_is_spared_the_unknown_age_check() {
    let mut d = default_dir();
    // A Samaritans branch gives only 116 123 (the catch-all); CALM gives its own number.
    for id in ["samaritans-isle-of-wight", "calm"] {
        let i = d.services.iter().position(|s| s.id == id).unwrap();
        d.services[i].age = Default::default();
    }
    let r = search(d.clone(), Query::new("", at()).age(34));
    let (group, checks) = age_checks(&r, "samaritans-isle-of-wight").unwrap();
    assert!(checks.is_empty(), "{checks:?}");
    assert_ne!(group, Group::CheckFirst);
    let (group, checks) = age_checks(&r, "calm").unwrap();
    assert_eq!(
        group,
        Group::CheckFirst,
        "an ordinary service is still demoted"
    );
    assert!(!checks.is_empty());

    // A limit the record states still counts, even on a catch-all record.
    let i = d
        .services
        .iter()
        .position(|s| s.id == "samaritans-isle-of-wight")
        .unwrap();
    d.services[i].age.min = AgeBound::Years(13);
    let r = search(d.clone(), Query::new("", at()).age(9));
    assert!(age_checks(&r, "samaritans-isle-of-wight").is_none());
    let r = search(d, Query::new("", at()).age_band(11, 15));
    let (_, checks) = age_checks(&r, "samaritans-isle-of-wight").unwrap();
    assert!(
        !checks.is_empty(),
        "a band across a stated limit is checked"
    );
}

fn call(age: u8, place: &str) -> TriageResult {
    TriageResult {
        urgency: "C".into(),
        computed: "C".into(),
        override_: None,
        emergency: None,
        needs: vec!["suicidal-thoughts".into()],
        flags: vec![],
        age: Some(Age::Years { years: age }),
        place: Some(PlaceAnswer::Place {
            id: place.into(),
            why: String::new(),
        }),
        answers: vec![],
        notices: vec![],
        raised: vec![],
        prompts: vec![],
        excluded: vec![],
        approved: false,
        version: String::new(),
    }
}

#[test]
fn the_triage_outcome_spares_catch_all_records_but_not_others() {
    let mut d = default_dir();
    for id in ["samaritans-isle-of-wight", "calm"] {
        let i = d.services.iter().position(|s| s.id == id).unwrap();
        d.services[i].age = Default::default();
    }
    let net = directory::safety_net::safety_net();
    let o = outcome(
        &call(34, "isle-of-wight"),
        &d,
        &net,
        &[],
        Role::Handler,
        at(),
    );
    let find = |id: &str| {
        o.services()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} not offered"))
    };
    let branch = find("samaritans-isle-of-wight");
    assert!(
        !branch
            .checks
            .iter()
            .any(|c| c.starts_with("age may not fit")),
        "{:?}",
        branch.checks
    );
    let calm = find("calm");
    assert!(
        calm.checks.iter().any(|c| c.starts_with("age may not fit")),
        "{:?}",
        calm.checks
    );
    // The safety net itself is given on every call with nothing to check.
    assert!(o.safety_net.iter().all(|s| s.checks.is_empty()));
}

#[test]
fn an_age_source_must_be_one_of_the_records_sources() {
    use signpost::model::validate::CheckContext;
    use signpost::model::Date;
    let ctx = || CheckContext {
        today: Date::parse("2026-12-04").unwrap(),
        stale_months: 6,
    };
    let mut files = directory::embedded();
    let shout = files.get_mut("services/shout.toml").unwrap();
    *shout = shout.replace(
        "source = \"https://giveusashout.org/about-us/faq\"",
        "source = \"https://example.org/not-a-source-of-this-record\"",
    );
    let (_, problems) = directory::check(&files, ctx());
    let bad: Vec<_> = problems
        .iter()
        .filter(|p| p.is_error() && p.field == "age.source")
        .collect();
    assert_eq!(bad.len(), 1, "{problems:#?}");
    assert!(bad[0].file.ends_with("services/shout.toml"));
    // The real record passes.
    let (_, problems) = directory::check(&directory::embedded(), ctx());
    assert!(!problems.iter().any(|p| p.field == "age.source"));
}

#[test]
fn safeguarding_lines_are_never_an_emergency_route_and_say_999() {
    use signpost::model::Category;
    let d = default_dir();
    let lines: Vec<_> = d
        .services
        .iter()
        .filter(|s| s.has(Category::Safeguarding))
        .collect();
    assert!(lines.len() >= 8, "{}", lines.len());
    for s in lines {
        // A report line is not a crisis or emergency service, and never counts as carer support.
        for c in [Category::Emergency, Category::Crisis, Category::Carers] {
            assert!(!s.has(c), "{} carries {c:?}", s.id);
        }
        assert!(s.public_info.contains("999"), "{}: {}", s.id, s.public_info);
    }
    // 101 is the police non-emergency number, never filed as an emergency service.
    let police = d.service("police-101-hampshire-iow").unwrap();
    assert!(!police.has(Category::Emergency));
    // Southampton's professionals' line is not given to the public (its public number conflicts).
    let scrs = d.service("southampton-childrens-resource-service").unwrap();
    assert!(scrs.primary_public().is_none());
}
