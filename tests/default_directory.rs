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
