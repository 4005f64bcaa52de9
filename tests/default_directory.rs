//! The built-in Hampshire and Isle of Wight directory: complete, valid, sourced, and its age
//! conversions right at the boundaries.

use signpost::directory;
use signpost::model::validate::CheckContext;
use signpost::model::{AgeFit, Date, Directory, Status};

fn default_dir() -> Directory {
    directory::parse(&directory::embedded()).expect("the built-in directory parses")
}

#[test]
fn every_record_validates_and_every_csv_row_is_there() {
    let ctx = CheckContext {
        today: Date::parse("2026-11-23").unwrap(),
        stale_months: 6,
    };
    let (dir, problems) = directory::check(&directory::embedded(), ctx);
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(dir.unwrap().services.len() >= 78);
}

#[test]
fn every_record_has_a_source_unless_it_is_an_unconfirmed_reminder_with_no_contact() {
    for s in default_dir().services {
        if s.sources.is_empty() {
            assert_eq!(s.status, Status::Unconfirmed, "{}", s.id);
            assert!(
                s.contacts.is_empty(),
                "{} gives contacts without a source",
                s.id
            );
        }
        assert!(
            s.verified.is_none(),
            "{}: nothing has been verified with providers yet",
            s.id
        );
    }
}

#[test]
fn every_number_is_well_formed_and_spaced_normally() {
    use signpost::model::phone::{classify_phone, normalise_spacing};
    use signpost::model::ContactKind;
    let mut phones = 0;
    for s in default_dir().services {
        for c in &s.contacts {
            assert_eq!(c.value, normalise_spacing(&c.value), "{}", s.id);
            if c.kind == ContactKind::Phone {
                phones += 1;
                assert!(classify_phone(&c.value).is_ok(), "{}: {}", s.id, c.value);
            }
        }
    }
    assert!(phones >= 30, "{phones} phone numbers");
}

#[test]
fn age_boundaries_on_real_records() {
    let d = default_dir();
    let age = |id: &str, a: u8| d.service(id).unwrap_or_else(|| panic!("{id}")).age.fit(a);
    assert_eq!(age("childline", 18), AgeFit::Fits);
    assert_eq!(age("childline", 19), AgeFit::Outside);
    assert_eq!(age("childline", 11), AgeFit::Fits);
    // "16 and over" with no confirmed upper limit: check before giving even at 16 (the old
    // "a stated bound fits" shortcut made such records firm on the bound only).
    assert!(matches!(
        age("portsmouth-mental-health-hub", 16),
        AgeFit::Uncertain(_)
    ));
    assert_eq!(age("portsmouth-mental-health-hub", 15), AgeFit::Outside);
    assert_eq!(age("southampton-camhs", 12), AgeFit::Fits);
    assert_eq!(age("southampton-camhs", 19), AgeFit::Outside);
    assert!(matches!(age("southampton-camhs", 18), AgeFit::Uncertain(_)));
}

/// The records added in round 2 (`shared/data/services-round2-new.csv` and two found by search).
const ROUND_TWO: [&str; 32] = [
    "national-domestic-abuse-helpline",
    "mens-advice-line",
    "hampshire-domestic-abuse-advice-line",
    "hampton-trust-advice-line",
    "stop-domestic-abuse-portsmouth",
    "pippa-southampton",
    "paragon-iow-domestic-abuse",
    "nspcc-helpline",
    "the-silver-line",
    "combat-stress-helpline",
    "military-mental-health-helpline",
    "gordon-moody",
    "breakout-youth",
    "no-limits-southampton",
    "sands-helpline",
    "marie-curie-support-line",
    "galop-lgbt-domestic-abuse-helpline",
    "victim-support-supportline",
    "nacoa-helpline",
    "pandas-text-support",
    "hampshire-childrens-services-safeguarding",
    "hampshire-adults-safeguarding",
    "portsmouth-mash-children",
    "southampton-childrens-resource-service",
    "southampton-adult-social-care-safeguarding",
    "iow-childrens-reception-team",
    "police-101-hampshire-iow",
    "mankind-initiative",
    "mermaids-helpline",
    "anxiety-uk-helpline",
    "age-uk-isle-of-wight",
    "southampton-early-intervention-psychosis",
];

#[test]
fn every_round_two_record_passes_check_with_a_source_and_a_date() {
    let ctx = CheckContext {
        today: Date::parse("2026-12-04").unwrap(),
        stale_months: 6,
    };
    let (dir, problems) = directory::check(&directory::embedded(), ctx);
    let dir = dir.expect("the built-in directory parses");
    for id in ROUND_TWO {
        let s = dir.service(id).unwrap_or_else(|| panic!("{id} is missing"));
        let file = format!("services/{id}.toml");
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.is_error() && p.file.ends_with(&file))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(!s.sources.is_empty(), "{id} has no source");
        // A page that shows no date keeps what it does show in the notes, never a made-up day.
        assert!(
            s.sources.iter().any(|src| src.seen_on.is_some())
                || s.notes.contains("Source dates as shown")
                || s.notes.contains("undated"),
            "{id}: no date seen and none explained"
        );
        assert!(s.verified.is_none(), "{id}");
        if !s.age.source.is_empty() {
            assert!(s.sources.iter().any(|src| src.url == s.age.source), "{id}");
        }
    }
}

#[test]
fn round_two_age_boundaries_on_real_records() {
    use signpost::model::AgeBound;
    let d = default_dir();
    let age = |id: &str, a: u8| d.service(id).unwrap_or_else(|| panic!("{id}")).age.fit(a);
    // Stop Domestic Abuse Portsmouth: victims 'aged 16+' (Portsmouth SAB).
    // No upper limit stated: check before giving at every age, never firm.
    assert!(matches!(
        age("stop-domestic-abuse-portsmouth", 16),
        AgeFit::Uncertain(_)
    ));
    assert_eq!(age("stop-domestic-abuse-portsmouth", 15), AgeFit::Outside);
    // Breakout Youth: 'aged 11-25' (June 2023).
    assert_eq!(age("breakout-youth", 11), AgeFit::Fits);
    assert_eq!(age("breakout-youth", 10), AgeFit::Outside);
    assert_eq!(age("breakout-youth", 25), AgeFit::Fits);
    assert_eq!(age("breakout-youth", 26), AgeFit::Outside);
    // No Limits: 'aged five to 25'.
    assert_eq!(age("no-limits-southampton", 5), AgeFit::Fits);
    assert_eq!(age("no-limits-southampton", 4), AgeFit::Outside);
    assert_eq!(age("no-limits-southampton", 25), AgeFit::Fits);
    assert_eq!(age("no-limits-southampton", 26), AgeFit::Outside);
    // Gordon Moody: residential treatment 18+; Steps 2 Wellbeing: 'anyone 18 and above'.
    for id in ["gordon-moody", "steps-2-wellbeing-southampton"] {
        // No upper limit stated: 18 is not refused, but is "check before giving".
        assert!(matches!(age(id, 18), AgeFit::Uncertain(_)), "{id}");
        assert_eq!(age(id, 17), AgeFit::Outside, "{id}");
    }
    // Surrey and Borders crisis line: children 'from the age of six', and adults.
    assert_eq!(age("surrey-borders-crisis-line", 6), AgeFit::Fits);
    assert_eq!(age("surrey-borders-crisis-line", 5), AgeFit::Outside);
    assert_eq!(age("surrey-borders-crisis-line", 80), AgeFit::Fits);
    // Nacoa 'open to people of all ages'; PANDAS runs on Shout ('Anyone of any age').
    for id in [
        "nacoa-helpline",
        "pandas-text-support",
        "shout",
        "samaritans",
    ] {
        assert_eq!(age(id, 0), AgeFit::Fits, "{id}");
        assert_eq!(age(id, 12), AgeFit::Fits, "{id}");
        assert_eq!(age(id, 95), AgeFit::Fits, "{id}");
    }
    // Sources that disagree leave the age unknown, never a guess.
    for id in ["the-silver-line", "mermaids-helpline"] {
        let s = d.service(id).unwrap();
        assert_eq!(
            (s.age.min, s.age.max),
            (AgeBound::Unknown, AgeBound::Unknown),
            "{id}"
        );
    }
}

#[test]
fn numbers_older_sources_contradict_are_never_given() {
    // Each was superseded by a newer source (round-2 notes): the old digits appear in no contact.
    let old = [
        "03003300630", // Switchboard LGBT+ before March 2023
        "01983522214", // IOW 'CMHT crisis line' (2018); the Trust now sends islanders to 111
        "02380835535", // Southampton Crisis Lounge route (2018), replaced by the Lighthouse
        "02380383920", // italk (c.2017)
        "02074365881", // Sands (2014)
        "08453030900", // Victim Supportline (older leaflet)
        "0800282986",  // Child Death Helpline landline before the 2024 relaunch
        "08444775774", // Anxiety UK before 03444 775 774
        "02380833004", // Southampton children's social care: sources conflict
        "02380833336", // (the other side of the same conflict)
        "02074030888", // Al-Anon: two numbers in conflict
        "02074070215",
    ];
    for s in default_dir().services {
        for c in &s.contacts {
            let digits: String = c.value.chars().filter(char::is_ascii_digit).collect();
            assert!(
                !old.contains(&digits.as_str()),
                "{} gives {}",
                s.id,
                c.value
            );
        }
    }
}

#[test]
fn every_kind_of_service_triage_asks_about_has_a_sourced_record() {
    use signpost::model::Category;
    let d = default_dir();
    for cat in [
        Category::Psychosis,
        Category::Loneliness,
        Category::DomesticAbuse,
        Category::Perinatal,
        Category::Safeguarding,
    ] {
        let with_number: Vec<&str> = d
            .services
            .iter()
            .filter(|s| s.has(cat) && !s.sources.is_empty() && s.primary_public().is_some())
            .map(|s| s.id.as_str())
            .collect();
        assert!(
            !with_number.is_empty(),
            "{cat:?}: no sourced record with a public number"
        );
    }
    // Domestic abuse: a local line for every HIOW council area, and the national line.
    for (area, id) in [
        ("hampshire", "hampshire-domestic-abuse-advice-line"),
        ("portsmouth", "stop-domestic-abuse-portsmouth"),
        ("southampton", "pippa-southampton"),
        ("isle-of-wight", "paragon-iow-domestic-abuse"),
        ("national", "national-domestic-abuse-helpline"),
    ] {
        let s = d.service(id).unwrap();
        assert!(
            s.has(Category::DomesticAbuse) && s.areas.iter().any(|a| a == area),
            "{id}"
        );
    }
}
