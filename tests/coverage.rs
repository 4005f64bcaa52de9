//! The coverage matrix of the default directory, snapshot-tested so a data change that opens
//! (or closes) a gap shows in review.

use signpost::model::{Directory, Status};
use signpost::places::{coverage, AGE_BANDS};

fn directory() -> Directory {
    signpost::directory::parse(&signpost::directory::embedded()).expect("default directory parses")
}

#[test]
fn default_directory_coverage_matrix_and_gaps() {
    let m = coverage(&directory());
    // Review this snapshot like code: every "!" is a place, age band and need with no local
    // service a handler can give with confidence.
    insta::assert_snapshot!(
        "default_directory_coverage",
        signpost::cli::coverage::text(&m)
    );
}

#[test]
fn matrix_walks_fifteen_places_six_bands_and_every_need() {
    let dir = directory();
    let m = coverage(&dir);
    assert_eq!(m.places.len(), 15, "{:?}", m.places);
    let ids: Vec<&str> = m.places.iter().map(|(id, _)| id.as_str()).collect();
    for p in [
        "hampshire",
        "southampton",
        "portsmouth",
        "isle-of-wight",
        "hart",
        "test-valley",
    ] {
        assert!(ids.contains(&p), "{p}");
    }
    assert!(!ids.contains(&"hiow") && !ids.contains(&"national"));
    assert_eq!(m.needs.len(), dir.triage.needs.len());
    assert!(m.needs.len() >= 14);
    assert_eq!(m.cells.len(), 15 * AGE_BANDS.len() * m.needs.len());
}

#[test]
fn closed_services_never_count_and_national_lines_are_apart() {
    let dir = directory();
    let m = coverage(&dir);
    let closed: Vec<&str> = dir
        .services
        .iter()
        .filter(|s| s.status == Status::Closed)
        .map(|s| s.id.as_str())
        .collect();
    for c in &m.cells {
        for id in c
            .local
            .iter()
            .chain(&c.national)
            .chain(&c.unconfirmed_local)
            .chain(&c.unconfirmed_national)
        {
            assert!(!closed.contains(&id.as_str()), "{id} is closed");
        }
        // A national-only service is never counted as local.
        for id in &c.local {
            let s = dir.service(id).unwrap();
            assert!(
                s.areas.iter().any(|a| a != "national"),
                "{id} counted local"
            );
        }
    }
    // The Isle of Wight community team (18+, confirmed phone) is local for adults there.
    let iow = m
        .cell("isle-of-wight", "26-64", "low-mood-anxiety")
        .unwrap();
    assert!(
        iow.local
            .contains(&"iow-community-mental-health".to_string()),
        "{iow:?}"
    );
    assert!(!m
        .cell("portsmouth", "26-64", "low-mood-anxiety")
        .unwrap()
        .local
        .contains(&"iow-community-mental-health".to_string()));
}

#[test]
fn removing_a_local_service_opens_a_gap() {
    let mut dir = directory();
    let m = coverage(&dir);
    let before = m.gaps().count();
    let only = m
        .cells
        .iter()
        .find(|c| c.local.len() == 1)
        .expect("some combination rests on a single local service")
        .clone();
    dir.services.retain(|s| s.id != only.local[0]);
    let m = coverage(&dir);
    assert!(
        m.gaps().count() > before,
        "{} -> {}",
        before,
        m.gaps().count()
    );
    assert!(m.cell(&only.place, only.band, &only.need).unwrap().is_gap());
}

#[test]
fn csv_has_a_header_and_one_row_per_combination() {
    let m = coverage(&directory());
    let csv = signpost::cli::coverage::csv(&m);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("place,place_name,age_band,need,need_label,local,local_parts_only,national_only,unconfirmed_local,unconfirmed_national,gap")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), m.cells.len());
    let gaps = rows.iter().filter(|r| r.ends_with(",yes")).count();
    assert_eq!(gaps, m.gaps().count());
}

#[test]
fn text_table_fits_in_100_columns() {
    let m = coverage(&directory());
    for line in signpost::cli::coverage::text(&m).lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn check_coverage_command_prints_the_matrix_and_csv() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(args)
            .env_remove("SIGNPOST_DATA_DIR")
            .output()
            .expect("signpost runs")
    };
    let o = run(&["check", "--coverage"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Gaps: "), "{out}");
    let o = run(&["check", "--coverage", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("place,place_name,"));
    let o = run(&["check", "--format", "csv"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "csv without --coverage is refused"
    );
}
