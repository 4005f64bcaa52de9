//! Filters at every place level, age boundaries, the three groups, role filtering, determinism
//! and the empty-result explanation, on the default directory.

use chrono::{DateTime, Utc};
use signpost::hours::{self, Calendar};
use signpost::model::{Access, AgeFit, Audience, Category, Directory, Role, Status};
use signpost::places::{serves, Serves};
use signpost::search::{Filter, Group, Hit, PlaceInput, PlaceScope, Query, Results, Searcher};
use std::collections::BTreeSet;
use std::sync::Arc;

fn directory() -> Arc<Directory> {
    Arc::new(signpost::directory::parse(&signpost::directory::embedded()).expect("default edition"))
}

fn searcher() -> Searcher {
    Searcher::new(directory())
}

fn at(s: &str) -> DateTime<Utc> {
    hours::parse_local(s).unwrap()
}

fn wed() -> DateTime<Utc> {
    at("2026-07-01 14:00")
}

fn hit<'a>(r: &'a Results, id: &str) -> Option<&'a Hit> {
    r.hits().find(|h| h.id == id)
}

/// Place levels from a district up to outside the area, as a handler would enter them.
fn place_levels() -> Vec<(&'static str, Option<PlaceInput>)> {
    vec![
        ("anywhere", None),
        ("district (Havant)", Some(PlaceInput::Id("havant".into()))),
        ("town alias (Ryde)", Some(PlaceInput::Text("Ryde".into()))),
        (
            "place (Portsmouth)",
            Some(PlaceInput::Id("portsmouth".into())),
        ),
        (
            "postcode (SO16, straddles)",
            Some(PlaceInput::Text("SO16".into())),
        ),
        (
            "county (Hampshire)",
            Some(PlaceInput::Id("hampshire".into())),
        ),
        ("area (HIOW)", Some(PlaceInput::Id("hiow".into()))),
        ("outside the area", Some(PlaceInput::OutsideArea)),
    ]
}

/// Whether a service is in scope, worked out here from the places rules, not by the searcher.
fn in_scope(dir: &Directory, scope: &PlaceScope, s: &signpost::model::Service) -> bool {
    use signpost::model::place::Candidate;
    let yes_or_part = |id: &str| !matches!(serves(&dir.places, s, id), Serves::No { .. });
    let national = || matches!(serves(&dir.places, s, "national"), Serves::Yes { .. });
    match scope {
        PlaceScope::Anywhere => true,
        PlaceScope::Place { id, .. } => yes_or_part(id),
        PlaceScope::Unclear { candidates, .. } => candidates.iter().all(|c| match c {
            Candidate::Place(id) => yes_or_part(id),
            Candidate::OutsideArea => national(),
        }),
        PlaceScope::OutsideArea { .. } | PlaceScope::NotRecognised { .. } => national(),
    }
}

#[derive(Debug, Clone)]
enum F {
    None,
    Age(u8),
    Cat(Category),
    OpenNow,
    SelfReferral,
}

fn filters() -> Vec<F> {
    let mut v = vec![F::None, F::OpenNow, F::SelfReferral];
    v.extend([0, 9, 15, 16, 17, 18, 19, 25, 40, 80].map(F::Age));
    v.extend(
        [
            Category::Bereavement,
            Category::Crisis,
            Category::Alcohol,
            Category::Gambling,
        ]
        .map(F::Cat),
    );
    v
}

#[test]
fn each_filter_at_every_place_level_keeps_exactly_the_services_that_fit() {
    let dir = directory();
    let cal = Calendar::with_changes(&dir.bank_holidays);
    let mut s = Searcher::new(Arc::clone(&dir));
    for (level, place) in place_levels() {
        for f in filters() {
            let mut q = Query::new("", wed());
            q.place = place.clone();
            match f {
                F::None => {}
                F::Age(a) => q.age = Some(a),
                F::Cat(c) => q.categories = vec![c],
                F::OpenNow => q.open_now = true,
                F::SelfReferral => q.self_referral_only = true,
            }
            let r = s.search(&q);
            let expected: BTreeSet<&str> = dir
                .services
                .iter()
                .filter(|svc| svc.status != Status::Closed)
                .filter(|svc| in_scope(&dir, &r.place, svc))
                .filter(|svc| match &f {
                    F::None => true,
                    F::Age(a) => svc.age.fit(*a) != AgeFit::Outside,
                    F::Cat(c) => svc.categories.contains(c),
                    F::OpenNow => hours::status(&svc.hours, &cal, wed()).is_open(),
                    F::SelfReferral => svc
                        .access
                        .iter()
                        .any(|a| matches!(a, Access::SelfReferral | Access::WalkIn)),
                })
                .map(|svc| svc.id.as_str())
                .collect();
            let got: BTreeSet<&str> = r.hits().map(|h| h.id.as_str()).collect();
            assert_eq!(got, expected, "{level}, {f:?}");
            assert_eq!(
                r.total(),
                got.len(),
                "{level}, {f:?}: counts match the hits"
            );
            if got.is_empty() {
                assert!(
                    r.empty.is_some(),
                    "{level}, {f:?}: an empty result explains itself"
                );
            }
        }
    }
}

#[test]
fn every_hit_says_where_and_why() {
    let mut s = searcher();
    for (level, place) in place_levels() {
        let mut q = Query::new("", wed()).age(15);
        q.place = place;
        for h in s.search(&q).hits() {
            use signpost::search::ReasonKind;
            let kinds: Vec<ReasonKind> = h.reasons.iter().map(|r| r.kind).collect();
            assert!(
                kinds.contains(&ReasonKind::Place),
                "{level} {}: {:?}",
                h.id,
                h.reasons
            );
            let age_said = kinds.contains(&ReasonKind::Age)
                || h.checks.iter().any(|c| c.starts_with("age may not fit"));
            assert!(age_said, "{level} {}: {:?} {:?}", h.id, h.reasons, h.checks);
            assert!(!h.hours.is_empty(), "{level} {}", h.id);
        }
    }
}

#[test]
fn a_county_search_marks_district_services_check_before_giving() {
    let mut s = searcher();
    let r = s.search(&Query::new("", wed()).place_id("hampshire"));
    let h = hit(&r, "andover-mind").expect("a Test Valley service is a part of Hampshire");
    assert_ne!(h.group, Group::Reachable);
    assert!(
        h.checks.iter().any(|c| c.contains("check it covers")),
        "{:?}",
        h.checks
    );
}

#[test]
fn age_boundaries() {
    let mut s = searcher();
    let q = |age: u8| Query::new("childline", wed()).age(age);
    assert!(
        hit(&s.search(&q(18)), "childline").is_some(),
        "Childline takes 18"
    );
    let r = s.search(&q(19));
    assert!(hit(&r, "childline").is_none(), "Childline is under 19 only");
    assert!(r
        .empty
        .as_ref()
        .unwrap()
        .message
        .contains("1 would match without the age filter"));

    let hub = |age: u8| Query::new("", wed()).place_id("portsmouth").age(age);
    let r = s.search(&hub(16));
    // "16 and over" with the upper limit not confirmed: check before giving, even at 16
    // (the stated bound is no longer taken as a sure fit).
    let h = hit(&r, "portsmouth-mental-health-hub").expect("the Hub may take 16");
    assert_eq!(h.group, Group::CheckFirst, "{:?}", h.checks);
    assert!(
        h.checks.iter().any(|c| c.starts_with("age may not fit")),
        "{:?}",
        h.checks
    );
    assert!(hit(&s.search(&hub(15)), "portsmouth-mental-health-hub").is_none());
    // Above its stated minimum with no upper limit given: unknown is not "no limit".
    let r = s.search(&hub(40));
    let h = hit(&r, "portsmouth-mental-health-hub").unwrap();
    assert_eq!(h.group, Group::CheckFirst);
    assert!(
        h.checks
            .contains(&"age may not fit: ages 16+ (upper limit not confirmed)".to_string()),
        "{:?}",
        h.checks
    );

    let camhs = |age: u8| Query::new("camhs", wed()).place_id("southampton").age(age);
    let r = s.search(&camhs(18));
    let h = hit(&r, "southampton-camhs").expect("18 is at CAMHS's unclear boundary");
    assert_eq!(h.group, Group::CheckFirst);
    assert!(
        h.checks.iter().any(|c| c.contains("unclear boundary")),
        "{:?}",
        h.checks
    );
    let r = s.search(&camhs(12));
    let h = hit(&r, "southampton-camhs").unwrap();
    assert_eq!(h.group, Group::Reachable, "12 fits plainly: {:?}", h.checks);
    assert!(hit(&s.search(&camhs(19)), "southampton-camhs").is_none());
}

#[test]
fn three_groups_with_reasons() {
    let mut s = searcher();
    let r = s.search(&Query::new("", wed()));
    let sam = hit(&r, "samaritans").unwrap();
    assert_eq!(sam.group, Group::Reachable);
    assert!(sam.checks.is_empty());
    assert_eq!(sam.hours, "open all hours");

    let calm = hit(&r, "calm").unwrap();
    assert_eq!(calm.group, Group::ClosedNow);
    assert_eq!(calm.hours, "closed — opens 17:00");
    assert_eq!(calm.next_opening, Some(at("2026-07-01 17:00")));

    let haven = hit(&r, "iow-safe-haven").unwrap();
    assert_eq!(haven.group, Group::CheckFirst);
    assert!(
        haven
            .checks
            .iter()
            .any(|c| c.starts_with("record unconfirmed")),
        "{:?}",
        haven.checks
    );
    assert!(
        haven
            .checks
            .iter()
            .any(|c| c.starts_with("hours not confirmed")),
        "{:?}",
        haven.checks
    );

    // No number a handler may give: never "reachable", however open it is.
    let spa = hit(&r, "iow-single-point-of-access").unwrap();
    assert_eq!(spa.hours, "open all hours");
    assert_eq!(spa.group, Group::CheckFirst);
    assert!(spa
        .checks
        .contains(&"no phone, text or chat contact confirmed".to_string()));
    assert!(spa.primary_contact().is_none());

    // Groups come in order, each ranked; every hit is in the group it says.
    assert_eq!(
        r.groups.iter().map(|g| g.group).collect::<Vec<_>>(),
        Group::ALL
    );
    for g in &r.groups {
        assert!(g.hits.iter().all(|h| h.group == g.group));
        assert_eq!(g.total, g.hits.len());
    }

    // At night the day-time line is closed, with its next opening; the 24/7 line is not.
    let night = s.search(&Query::new("mind infoline", at("2026-07-05 02:00")));
    let h = hit(&night, "mind-infoline").unwrap();
    assert_eq!(h.group, Group::ClosedNow);
    assert_eq!(h.hours, "closed — opens Mon 09:00");
}

#[test]
fn open_now_keeps_only_what_is_open() {
    let mut s = searcher();
    let r = s.search(&Query::new("crisis", at("2026-07-01 14:00")).open_now());
    assert!(hit(&r, "samaritans").is_some());
    assert!(hit(&r, "calm").is_none(), "CALM opens at 17:00");
    let r = s.search(&Query::new("crisis", at("2026-07-01 19:00")).open_now());
    assert!(hit(&r, "calm").is_some());
    assert!(r.hits().all(|h| h.group != Group::ClosedNow));
}

#[test]
fn handlers_never_get_professional_contacts() {
    let mut s = searcher();
    let id = "talking-therapies-hampshire";
    let q = Query::new("talking", wed());
    let handler = s.search(&q);
    let h = hit(&handler, id).unwrap();
    assert!(
        h.contacts.iter().all(|c| c.audience == Audience::Public),
        "{:?}",
        h.contacts
    );
    for h in handler.hits() {
        assert!(
            h.contacts.iter().all(|c| c.audience == Audience::Public),
            "{}",
            h.id
        );
    }
    let clinician = s.search(&q.clone().role(Role::Clinician));
    let h = hit(&clinician, id).unwrap();
    assert!(h
        .contacts
        .iter()
        .any(|c| c.audience == Audience::Professional));
}

#[test]
fn results_are_deterministic() {
    let queries = [
        Query::new("", wed()),
        Query::new("mental", wed()).age(30),
        Query::new("b", wed()).place_text("Fareham"),
        Query::new("crisis support", wed()).place_text("PO30"),
    ];
    let mut a = searcher();
    let mut b = searcher();
    // b has seen other searches first: caches must not change answers.
    for q in &queries {
        b.search(&Query::new("sam", q.at));
        b.search(&Query::new("alcohol", at("2026-12-25 03:00")));
    }
    for q in &queries {
        let first = a.search(q);
        assert_eq!(
            first,
            a.search(q),
            "same searcher, same answer: {:?}",
            q.text
        );
        assert_eq!(
            first,
            b.search(q),
            "other searcher, same answer: {:?}",
            q.text
        );
    }
    // Ties are broken by name: with an empty query every hit ties on relevance, so within a
    // group hits of equal reach and open-now state come in name order.
    let r = a.search(&Query::new("", wed()));
    let dir = directory();
    let national_checks: Vec<String> = r
        .group(Group::CheckFirst)
        .hits
        .iter()
        .filter(|h| {
            let svc = dir.service(&h.id).unwrap();
            svc.areas == ["national"] && svc.hours.kind == signpost::model::HoursKind::NotConfirmed
        })
        .map(|h| h.name.to_lowercase())
        .collect();
    assert!(national_checks.len() > 3);
    assert!(
        national_checks.windows(2).all(|w| w[0] <= w[1]),
        "{national_checks:?}"
    );
}

#[test]
fn an_empty_result_says_which_filter_excluded_everything() {
    let mut s = searcher();
    let r = s.search(&Query::new("lighthouse", wed()).place_id("isle-of-wight"));
    assert!(r.is_empty());
    let e = r.empty.unwrap();
    assert_eq!(
        e.message,
        "no service in Isle of Wight matches 'lighthouse'; 65 would fit without the search words; 2 would match without the place filter"
    );
    assert_eq!(e.without, vec![(Filter::Text, 65), (Filter::Place, 2)]);

    let r = s.search(&Query::new("mix", wed()).place_text("PO30").age(9));
    let e = r.empty.expect("The Mix is for 11 to 25");
    assert!(
        e.message
            .starts_with("no service for age 9 in Isle of Wight matches 'mix'")
            && e.message
                .ends_with("; 1 would match without the age filter"),
        "{}",
        e.message
    );

    let r = s.search(&Query::new("xyzzy", wed()));
    let e = r.empty.unwrap();
    assert!(
        e.message
            .contains("nothing in the directory matches 'xyzzy'"),
        "{}",
        e.message
    );
}

#[test]
fn outside_the_area_gives_national_services_and_says_so() {
    let mut s = searcher();
    let r = s.search(&Query::new("", wed()).place_text("SW1A 1AA"));
    assert!(
        matches!(r.place, PlaceScope::OutsideArea { .. }),
        "{:?}",
        r.place
    );
    assert!(r.notes.iter().any(|n| n.starts_with("Outside the area")));
    assert!(r.total() > 0);
    let dir = directory();
    for h in r.hits() {
        let svc = dir.service(&h.id).unwrap();
        assert!(svc.areas.iter().any(|a| a == "national"), "{}", h.id);
    }
}

#[test]
fn an_unclear_place_shows_only_services_right_for_every_candidate() {
    let mut s = searcher();
    let r = s.search(&Query::new("", wed()).place_text("SO16"));
    let PlaceScope::Unclear { names, .. } = &r.place else {
        panic!("SO16 straddles Southampton and Test Valley: {:?}", r.place);
    };
    assert_eq!(names, &["Southampton", "Test Valley"]);
    assert!(hit(&r, "southampton-camhs").is_none(), "Southampton only");
    assert!(hit(&r, "andover-mind").is_none(), "Test Valley only");
    assert!(
        hit(&r, "mountbatten-hampshire-bereavement").is_some(),
        "serves both"
    );
    assert!(r.notes.iter().any(|n| n.starts_with("Place unclear")));
}

#[test]
fn a_response_window_counts_what_opens_within_it_as_reachable() {
    let mut s = searcher();
    let four_hours = s.search(&Query::new("calm", wed()).within(240));
    let h = hit(&four_hours, "calm").unwrap();
    assert_eq!(h.group, Group::Reachable);
    assert_eq!(h.hours, "opens 17:00, within 4 hours");
    let one_hour = s.search(&Query::new("calm", wed()).within(60));
    let h = hit(&one_hour, "calm").unwrap();
    assert_eq!(h.group, Group::ClosedNow);
    assert_eq!(h.next_opening, Some(at("2026-07-01 17:00")));
    let kept = s.search(&Query::new("calm", wed()).within(60).open_now());
    assert!(kept.is_empty());
    assert!(kept
        .empty
        .unwrap()
        .message
        .contains("reachable within 1 hour"));
}

#[test]
fn results_say_when_to_search_again() {
    let mut s = searcher();
    let r = s.search(&Query::new("", wed()));
    let next = r.next_change.expect("something opens or closes this week");
    assert!(next > wed());
    let later = s.search(&Query::new("", next));
    let changed = r
        .hits()
        .filter(|h| hit(&later, &h.id).map(|l| l.group) != Some(h.group))
        .count();
    assert!(changed > 0, "at {next} some hit changes group");
}

#[test]
fn an_age_band_that_a_service_only_partly_takes_reads_may_not_fit() {
    let mut s = searcher();
    let r = s.search(
        &Query::new("", wed())
            .place_id("portsmouth")
            .age_band(11, 17),
    );
    let hub = hit(&r, "portsmouth-mental-health-hub").expect("16 and 17 may be taken");
    assert_eq!(hub.group, Group::CheckFirst);
    assert!(
        hub.checks
            .iter()
            .any(|c| c.starts_with("age may not fit: ages 11-17 may not all fit")),
        "{:?}",
        hub.checks
    );
    let r = s.search(&Query::new("", wed()).age_band(11, 15));
    let kooth = hit(&r, "kooth").unwrap();
    assert!(
        kooth
            .reasons
            .iter()
            .any(|x| x.text == "ages 11–15 within 11–25"),
        "{:?}",
        kooth.reasons
    );
    assert!(hit(&r, "sobs").is_none(), "18 and over only");
    let e = s
        .search(&Query::new("sobs", wed()).age_band(11, 15))
        .empty
        .unwrap();
    assert!(
        e.message
            .starts_with("no service for ages 11–15 matches 'sobs'"),
        "{}",
        e.message
    );
}
