//! The place lookup and serves-this-place on the default directory, checked against geography.md.

mod common;

use common::signpost;
use signpost::model::place::{Candidate, Lookup};
use signpost::model::{Directory, PlacesFile};
use signpost::places::{serves, PlaceIndex, Reach, Serves};
use std::collections::BTreeSet;

fn directory() -> Directory {
    signpost::directory::parse(&signpost::directory::embedded()).expect("default directory parses")
}

fn places() -> PlacesFile {
    directory().places
}

/// Every place id the answer offers (outside-area as "outside").
fn offered(answer: &Lookup) -> BTreeSet<String> {
    match answer {
        Lookup::Found { place, .. } => [place.clone()].into(),
        Lookup::Candidates { candidates, .. } => candidates
            .iter()
            .map(|c| match c {
                Candidate::Place(id) => id.clone(),
                Candidate::OutsideArea => "outside".to_string(),
            })
            .collect(),
        Lookup::OutsideArea { .. } => ["outside".to_string()].into(),
        _ => BTreeSet::new(),
    }
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// geography.md's postcode table with its corrections applied (areas as place ids).
const GEOGRAPHY_DISTRICTS: &[(&str, &[&str])] = &[
    (
        "isle-of-wight",
        &[
            "PO30", "PO31", "PO32", "PO33", "PO34", "PO35", "PO36", "PO37", "PO38", "PO39", "PO40",
            "PO41",
        ],
    ),
    (
        "southampton",
        &["SO14", "SO15", "SO16", "SO17", "SO18", "SO19"],
    ),
    ("portsmouth", &["PO1", "PO2", "PO3", "PO4", "PO5", "PO6"]),
    ("havant", &["PO6", "PO7", "PO8", "PO9", "PO10", "PO11"]),
    ("fareham", &["PO13", "PO14", "PO15", "PO16", "PO17", "SO31"]),
    ("gosport", &["PO12", "PO13"]),
    (
        "east-hampshire",
        &[
            "GU10", "GU26", "GU27", "GU30", "GU31", "GU32", "GU33", "GU34", "GU35", "PO7", "PO8",
            "PO9", "SO24",
        ],
    ),
    (
        "eastleigh",
        &["SO18", "SO19", "SO30", "SO31", "SO32", "SO50", "SO53"],
    ),
    (
        "winchester",
        &["PO7", "PO17", "SO21", "SO22", "SO23", "SO24", "SO32"],
    ),
    (
        "test-valley",
        &[
            "SO16", "SO20", "SO21", "SO51", "SO52", "SO53", "SP4", "SP5", "SP9", "SP10", "SP11",
        ],
    ),
    (
        "new-forest",
        &[
            "BH23", "BH24", "BH25", "SO40", "SO41", "SO42", "SO43", "SO45", "SO51", "SP5", "SP6",
        ],
    ),
    (
        "basingstoke-and-deane",
        &[
            "RG7", "RG14", "RG19", "RG20", "RG21", "RG22", "RG23", "RG24", "RG25", "RG26", "RG27",
            "RG28", "RG29", "GU34", "SO21", "SO24", "SP11",
        ],
    ),
    (
        "hart",
        &[
            "GU14", "GU17", "GU46", "GU51", "GU52", "RG7", "RG27", "RG28", "RG29",
        ],
    ),
    ("rushmoor", &["GU11", "GU12", "GU14", "GU16"]),
];

/// geography.md: "Shared districts include …".
const SHARED: &[&str] = &[
    "PO6", "PO7", "PO8", "PO9", "PO13", "PO17", "SO16", "SO18", "SO19", "SO21", "SO24", "SO31",
    "SO32", "SO51", "SO53", "SP5", "SP11", "GU14", "GU34", "RG7", "RG27", "RG28", "RG29",
];

/// geography.md: border districts that also reach outside the area.
const BORDER: &[&str] = &[
    "RG7", "RG14", "RG19", "RG20", "SP4", "SP5", "SP9", "SP11", "GU10", "GU12", "GU16", "GU26",
    "GU27", "PO10", "BH23", "BH24",
];

/// Towns whose postcode district geography.md names: (town, district, place).
const TOWNS_WITH_DISTRICTS: &[(&str, &str, &str)] = &[
    ("Hook", "RG27", "hart"),
    ("Hook", "SO31", "fareham"),
    ("Rownhams", "SO16", "test-valley"),
    ("Nursling", "SO16", "test-valley"),
    ("Cowplain", "PO8", "havant"),
    ("Wickham", "PO17", "winchester"),
    ("Bishop's Waltham", "SO32", "winchester"),
    ("Valley Park", "SO53", "test-valley"),
    ("Yateley", "GU46", "hart"),
    ("Odiham", "RG29", "hart"),
];

#[test]
fn every_alias_name_and_id_resolves_to_its_place() {
    let places = places();
    let ix = PlaceIndex::new(&places);
    let fold = signpost::places::normalise::key;
    for p in &places.places {
        for text in p.aliases.iter().chain([&p.name, &p.id]) {
            let answer = ix.lookup(text);
            // The places that list this same name: one means Found, several means Candidates.
            let owners: BTreeSet<String> = places
                .places
                .iter()
                .filter(|q| {
                    fold(&q.name) == fold(text)
                        || fold(&q.id) == fold(text)
                        || q.aliases.iter().any(|a| fold(a) == fold(text))
                })
                .map(|q| q.id.clone())
                .collect();
            match &answer {
                Lookup::Found { place, .. } => {
                    assert_eq!(place, &p.id, "{text:?}");
                    assert_eq!(
                        owners.len(),
                        1,
                        "{text:?} is in {owners:?} but one was picked"
                    );
                }
                Lookup::Candidates { .. } => {
                    assert!(owners.len() > 1, "{text:?}: {answer:?}");
                    assert_eq!(offered(&answer), owners, "{text:?}");
                }
                other => panic!("{text:?} ({}) gave {other:?}", p.id),
            }
        }
    }
}

#[test]
fn geography_towns_are_among_their_districts_candidates() {
    let ix = PlaceIndex::new(&places());
    for (town, district, place) in TOWNS_WITH_DISTRICTS {
        let by_town = offered(&ix.lookup(town));
        assert!(by_town.contains(*place), "{town}: {by_town:?}");
        let by_district = offered(&ix.lookup(district));
        assert!(
            by_district.contains(*place),
            "{district} ({town}): {by_district:?}"
        );
    }
}

#[test]
fn every_geography_district_offers_its_places() {
    let ix = PlaceIndex::new(&places());
    for (place, districts) in GEOGRAPHY_DISTRICTS {
        for d in *districts {
            let got = offered(&ix.lookup(d));
            assert!(
                got.contains(*place),
                "{d} should offer {place}, got {got:?}"
            );
        }
    }
}

#[test]
fn every_straddling_district_returns_all_its_candidates() {
    let places = places();
    let ix = PlaceIndex::new(&places);
    for d in SHARED {
        let answer = ix.lookup(d);
        assert!(
            matches!(answer, Lookup::Candidates { .. }),
            "{d}: {answer:?}"
        );
        let in_area = offered(&answer)
            .into_iter()
            .filter(|c| c != "outside")
            .count();
        assert!(in_area >= 2, "{d} straddles a boundary: {answer:?}");
    }
    // And in general: exactly the places listing it, plus outside-area for a border district.
    for d in ix.districts() {
        let mut want: BTreeSet<String> = ix.district_places(d).iter().cloned().collect();
        if places.outside_area.postcodes.iter().any(|o| o == d) {
            want.insert("outside".into());
        }
        let answer = ix.lookup(d);
        assert_eq!(offered(&answer), want, "{d}");
        assert_eq!(
            matches!(answer, Lookup::Found { .. }),
            want.len() == 1,
            "{d}: {answer:?}"
        );
    }
    assert_eq!(offered(&ix.lookup("PO6")), set(&["portsmouth", "havant"]));
}

#[test]
fn every_border_district_includes_outside_the_area() {
    let ix = PlaceIndex::new(&places());
    for d in BORDER {
        let answer = ix.lookup(d);
        let Lookup::Candidates { candidates, why } = &answer else {
            panic!("{d}: {answer:?}");
        };
        assert!(candidates.contains(&Candidate::OutsideArea), "{d}");
        assert!(
            candidates.iter().any(|c| matches!(c, Candidate::Place(_))),
            "{d}: a border district is partly in the area"
        );
        assert!(
            why.contains("outside Hampshire and the Isle of Wight"),
            "{d}: {why}"
        );
    }
    assert!(offered(&ix.lookup("RG14")).contains("outside"));
}

#[test]
fn full_postcodes_districts_and_town_spellings() {
    let ix = PlaceIndex::new(&places());
    for (text, want) in [
        ("po30 1jw", &["isle-of-wight"][..]),
        ("PO301JW", &["isle-of-wight"]),
        ("SO16", &["southampton", "test-valley"]),
        ("Ryde", &["isle-of-wight"]),
        ("RYDE", &["isle-of-wight"]),
        ("chandlers ford", &["eastleigh"]),
        ("Chandler's Ford", &["eastleigh"]),
        ("Lee on the Solent", &["gosport"]),
        ("lee-on-the-solent", &["gosport"]),
        ("bishops waltham", &["winchester"]),
        ("Isle of Wight", &["isle-of-wight"]),
        ("new-forest", &["new-forest"]),
    ] {
        assert_eq!(offered(&ix.lookup(text)), set(want), "{text}");
    }
}

#[test]
fn milton_new_milton_and_the_two_hooks() {
    let ix = PlaceIndex::new(&places());
    match ix.lookup("Milton") {
        Lookup::Found { place, why } => {
            assert_eq!(place, "portsmouth");
            assert!(why.contains("New Milton"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(offered(&ix.lookup("New Milton")), set(&["new-forest"]));
    match ix.lookup("hook") {
        Lookup::Candidates { candidates, why } => {
            assert_eq!(candidates.len(), 2);
            assert_eq!(offered(&ix.lookup("hook")), set(&["hart", "fareham"]));
            assert!(why.contains("more than one place"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_second_name_narrows_without_guessing() {
    let ix = PlaceIndex::new(&places());
    assert_eq!(offered(&ix.lookup("Hook, Hart")), set(&["hart"]));
    assert_eq!(offered(&ix.lookup("Hook, Fareham")), set(&["fareham"]));
    assert_eq!(offered(&ix.lookup("Newport IOW")), set(&["isle-of-wight"]));
    assert_eq!(offered(&ix.lookup("PO6 3LX, Cosham")), set(&["portsmouth"]));
    // Names that disagree are all offered; an unknown part is not built on.
    assert_eq!(
        offered(&ix.lookup("Milton, New Forest")),
        set(&["portsmouth", "new-forest"])
    );
    assert!(matches!(
        ix.lookup("Hook, Hampshire"),
        Lookup::Candidates { .. }
    ));
    assert_eq!(ix.lookup("Milton Keynes"), Lookup::NotRecognised);
}

#[test]
fn outside_unrecognised_and_did_you_mean_are_distinct_answers() {
    let ix = PlaceIndex::new(&places());
    match ix.lookup("SW1A 1AA") {
        Lookup::OutsideArea { why } => {
            assert!(
                why.contains("outside Hampshire and the Isle of Wight"),
                "{why}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(ix.lookup("Zanzibar"), Lookup::NotRecognised);
    assert_eq!(ix.lookup(""), Lookup::NotRecognised);
    assert_eq!(
        ix.lookup("Rydee"),
        Lookup::DidYouMean {
            suggestions: vec!["Ryde".into()]
        }
    );
    // A zero typed for the letter O is a misreading to confirm, never "outside the area".
    assert_eq!(
        ix.lookup("P06"),
        Lookup::DidYouMean {
            suggestions: vec!["PO6".into()]
        }
    );
    match ix.lookup("Portsmuth") {
        Lookup::DidYouMean { suggestions } => assert_eq!(suggestions[0], "Portsmouth"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_misspelling_one_typo_from_a_name_resolves_silently() {
    // Drop the last letter of every alias: the answer is never Found unless the shorter
    // spelling is itself a listed name.
    let places = places();
    let ix = PlaceIndex::new(&places);
    let fold = signpost::places::normalise::key;
    let all: BTreeSet<String> = places
        .places
        .iter()
        .flat_map(|p| p.aliases.iter().chain([&p.name, &p.id]).map(|a| fold(a)))
        .collect();
    for p in &places.places {
        for a in &p.aliases {
            let short: String = a.chars().take(a.chars().count() - 1).collect();
            if all.contains(&fold(&short)) {
                continue;
            }
            let answer = ix.lookup(&short);
            assert!(
                !matches!(answer, Lookup::Found { .. } | Lookup::Candidates { .. }),
                "{short:?} resolved: {answer:?}"
            );
        }
    }
}

// ---- serves-this-place on the real records ----

fn service_serves(id: &str, place: &str) -> Serves {
    let dir = directory();
    let s = dir.service(id).unwrap_or_else(|| panic!("no service {id}"));
    serves(&dir.places, s, place)
}

#[test]
fn serves_at_every_level_on_real_records() {
    let dir = directory();
    let first = |areas: &[&str]| {
        dir.services
            .iter()
            .find(|s| s.areas == areas && s.areas_except.is_empty())
            .unwrap_or_else(|| panic!("a service with areas {areas:?}"))
            .id
            .clone()
    };
    let national = first(&["national"]);
    let area = first(&["hiow"]);
    let county = first(&["hampshire"]);
    let island = first(&["isle-of-wight"]);
    let district = first(&["havant"]);
    for place in ["hart", "portsmouth", "isle-of-wight", "hampshire", "hiow"] {
        let s = service_serves(&national, place);
        assert_eq!(s.reach(), Some(Reach::National), "{national} at {place}");
        assert_eq!(s.reason(), "national service");
    }
    for place in ["hart", "portsmouth", "isle-of-wight", "hampshire"] {
        let s = service_serves(&area, place);
        assert!(s.is_yes(), "{area} at {place}: {s:?}");
        assert_eq!(s.reach(), Some(Reach::AreaWide));
    }
    assert!(service_serves(&county, "gosport").is_yes());
    assert_eq!(
        service_serves(&county, "gosport").reach(),
        Some(Reach::AreaWide)
    );
    assert!(matches!(
        service_serves(&county, "southampton"),
        Serves::No { .. }
    ));
    let s = service_serves(&island, "isle-of-wight");
    assert_eq!(s.reach(), Some(Reach::Local));
    assert_eq!(s.reason(), "serves Isle of Wight");
    assert!(matches!(
        service_serves(&island, "portsmouth"),
        Serves::No { .. }
    ));
    assert_eq!(
        service_serves(&district, "havant").reach(),
        Some(Reach::Local)
    );
    assert!(matches!(
        service_serves(&district, "hart"),
        Serves::No { .. }
    ));
    // A county or area search finds the district and place services, marked as parts.
    let s = service_serves(&district, "hampshire");
    assert!(s.is_part(), "{s:?}");
    assert!(
        s.reason().starts_with("parts of Hampshire"),
        "{}",
        s.reason()
    );
    assert!(service_serves(&island, "hiow").is_part());
}

#[test]
fn areas_except_on_a_real_record() {
    // Hampshire CAMHS: Hampshire except Rushmoor (Surrey and Borders takes those referrals).
    assert!(matches!(
        service_serves("hampshire-camhs", "rushmoor"),
        Serves::No { .. }
    ));
    let s = service_serves("hampshire-camhs", "hart");
    assert!(s.is_yes());
    assert!(s.reason().contains("except Rushmoor"), "{}", s.reason());
    let whole = service_serves("hampshire-camhs", "hampshire");
    assert!(whole.is_part(), "{whole:?}");
    assert!(
        whole.reason().contains("not Rushmoor"),
        "{}",
        whole.reason()
    );
}

#[test]
fn every_service_area_is_a_known_place_and_serves_it() {
    let dir = directory();
    for s in &dir.services {
        for a in &s.areas {
            assert!(dir.places.get(a).is_some(), "{}: unknown area {a}", s.id);
            let answer = serves(&dir.places, s, a);
            // With an exception inside the area (Hampshire except Rushmoor) it is only part.
            let hole_inside = s
                .areas_except
                .iter()
                .any(|e| e != a && signpost::places::is_within(&dir.places, e, a));
            if hole_inside {
                assert!(answer.is_part(), "{} at {a}: {answer:?}", s.id);
            } else {
                assert!(answer.is_yes(), "{} does not serve {a}: {answer:?}", s.id);
            }
        }
    }
}

// ---- the `where` command ----

#[test]
fn where_command_answers_in_plain_words_with_exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let run = |text: &str| {
        let o = signpost(&data, &["where", text]);
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).to_string(),
        )
    };
    let (code, out) = run("PO6");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("Portsmouth") && out.contains("Havant"),
        "{out}"
    );
    let (code, out) = run("ryde");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Isle of Wight"), "{out}");
    let (code, out) = run("RG14");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("outside Hampshire and the Isle of Wight"),
        "{out}"
    );
    let (code, out) = run("SW1A 1AA");
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("outside Hampshire and the Isle of Wight"),
        "{out}"
    );
    let (code, out) = run("Rydee");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("Did you mean") && out.contains("Ryde"),
        "{out}"
    );
    let (code, out) = run("Zanzibar");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("not recognised"), "{out}");

    let o = signpost(&data, &["where", "hook", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["result"], "candidates");
    assert_eq!(v["input"], "hook");
    assert_eq!(v["candidates"].as_array().map(|a| a.len()), Some(2));
    assert!(v["places"]["hart"].is_string());
}
