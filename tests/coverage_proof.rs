//! The coverage proof `signpost check` runs: it fails on an unaccepted gap at B or C and
//! passes once the gap is listed; the rules for accepted-gaps.toml follow the questionnaire's
//! approval; a D–E gap is only a warning; and the proof agrees with the outcome hour by hour.

mod common;

use signpost::triage::outcome::URGENT_CARE_ID;
use common::{signpost, text};
use signpost::directory::{self, safety_net::safety_net};
use signpost::model::{Directory, Role};
use signpost::places::AGE_BANDS;
use signpost::triage::proof::{prove, GapStatus, Reference};
use signpost::triage::{outcome, Age, PlaceAnswer, TriageResult};
use std::path::Path;

fn gap(place: &str, band: &str, level: &str, need: &str, status: &str, extra: &str) -> String {
    format!(
        "[[gaps]]\nplace = \"{place}\"\nage_band = \"{band}\"\nurgency = \"{level}\"\nneed = \"{need}\"\nstatus = \"{status}\"\n{extra}\n"
    )
}

const PENDING: &str = "pending clinical review";

/// The fixture folder copied, with this accepted-gaps.toml (or none).
fn fixture_with(dir: &Path, gaps: Option<&str>) {
    let _ = std::fs::remove_dir_all(dir);
    directory::write_folder(&common::fixture_files(), dir).unwrap();
    let file = dir.join("accepted-gaps.toml");
    match gaps {
        Some(g) => std::fs::write(file, g).unwrap(),
        None => std::fs::remove_file(file).unwrap(),
    }
}

fn check(tmp: &Path, gaps: Option<&str>) -> (i32, String) {
    let ed = tmp.join("edition");
    fixture_with(&ed, gaps);
    let o = signpost(&tmp.join("data"), &["check", ed.to_str().unwrap()]);
    (o.status.code().unwrap_or(-1), text(&o))
}

#[test]
fn the_proof_fails_on_an_unaccepted_b_level_gap_and_passes_once_it_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    // No bereavement service in the fixture takes very urgent calls: B is a gap everywhere.
    let mut owned: String = ["C", "D", "E"]
        .iter()
        .map(|l| gap("*", "*", l, "bereavement", PENDING, ""))
        .collect();
    let (code, out) = check(tmp.path(), Some(&owned));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: ")
            && out.contains(
                "coverage gap not accepted: in Portsmouth for bereavement, B for every age"
            ),
        "{out}"
    );
    assert!(out.contains("B (within 4 hours): 72 combinations, 48 hold, 24 gaps — 0 accepted, 0 pending clinical review, 24 unaccepted"), "{out}");
    assert!(out.contains("B: all ages in every place — no service here for this need; no service for this need takes this urgency [NOT ACCEPTED: error]"), "{out}");

    owned.push_str(&gap(
        "*",
        "*",
        "B",
        "bereavement",
        PENDING,
        "reason = \"fixture\"",
    ));
    let (code, out) = check(tmp.path(), Some(&owned));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("accepted-gaps.toml: gaps[3].status: pending clinical review: 24 gap(s)"),
        "{out}"
    );
    assert!(out.contains("0 error(s)"), "{out}");
}

#[test]
fn a_c_level_gap_is_an_error_too_and_d_to_e_gaps_only_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = check(tmp.path(), None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("B for every age; C for every age"), "{out}");
    // Only B and C listed: the D and E gaps are warnings and check passes.
    let owned = gap("*", "*", "B", "bereavement", PENDING, "")
        + &gap("*", "*", "C", "bereavement", PENDING, "");
    let (code, out) = check(tmp.path(), Some(&owned));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("accepted-gaps.toml: urgency D: 24 combination(s) at D (within 72 hours)"),
        "{out}"
    );
}

#[test]
fn once_the_questionnaire_is_approved_a_gap_needs_acceptance_with_a_reason_and_who() {
    let tmp = tempfile::tempdir().unwrap();
    let approve = |ed: &Path| {
        let f = ed.join("triage.toml");
        let t = std::fs::read_to_string(&f).unwrap().replace(
            "approved_by = \"\"",
            "approved_by = \"Dr Example Reviewer\"\napproved_on = \"2026-11-01\"",
        );
        std::fs::write(f, t).unwrap();
    };
    let run = |gaps: &str| {
        let ed = tmp.path().join("edition");
        fixture_with(&ed, Some(gaps));
        approve(&ed);
        let o = signpost(&tmp.path().join("data"), &["check", ed.to_str().unwrap()]);
        (o.status.code().unwrap_or(-1), text(&o))
    };
    let (code, out) = run(&gap("*", "*", "*", "bereavement", PENDING, ""));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("gaps[0].status: the questionnaire is clinically approved: a gap can no longer be pending"), "{out}");
    let (code, out) = run(&gap("*", "*", "*", "bereavement", "accepted", ""));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("gaps[0].reason: an accepted gap needs the reason"),
        "{out}"
    );
    assert!(
        out.contains("gaps[0].accepted_by: an accepted gap needs who accepted it"),
        "{out}"
    );
    let (code, out) = run(&gap(
        "*", "*", "*", "bereavement", "accepted",
        "reason = \"Bereavement is not an urgent response; 111 takes urgent calls\"\naccepted_by = \"Dr Example Reviewer\"",
    ));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("24 gaps — 24 accepted, 0 pending clinical review, 0 unaccepted"),
        "{out}"
    );
}

#[test]
fn entries_that_name_nothing_real_are_errors_and_stale_ones_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let gaps = gap("*", "*", "*", "bereavement", PENDING, "")
        + &gap("atlantis", "18-30", "Z", "grief", "maybe", "")
        + &gap("portsmouth", "*", "B", "low-mood-anxiety", PENDING, "");
    let (code, out) = check(tmp.path(), Some(&gaps));
    assert_eq!(code, 1, "{out}");
    for want in [
        "gaps[1].place: 'atlantis' is not one of: *, hampshire",
        "gaps[1].age_band: '18-30' is not one of: *, 0-10",
        "gaps[1].urgency: 'Z' is not one of: *, B, C, D, E",
        "gaps[1].need: 'grief' is not one of: *, low-mood-anxiety",
        "gaps[1].status: 'maybe' is not a status",
        "accepted-gaps.toml: gaps[2]: lists no current gap (place portsmouth, age *, urgency B, need low-mood-anxiety)",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
}

#[test]
fn suggested_entries_own_every_gap_and_claim_none_that_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = tmp.path().join("edition");
    fixture_with(&ed, None);
    let o = signpost(
        &tmp.path().join("data"),
        &["check", ed.to_str().unwrap(), "--suggest-gaps"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let suggested = String::from_utf8(o.stdout).unwrap();
    assert!(
        suggested.contains("status = \"pending clinical review\""),
        "{suggested}"
    );
    std::fs::write(ed.join("accepted-gaps.toml"), &suggested).unwrap();
    let o = signpost(&tmp.path().join("data"), &["check", ed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!text(&o).contains("lists no current gap"), "{}", text(&o));
    // The default directory's own file is what --suggest-gaps proposes: every gap owned.
    let d = directory::parse(&directory::embedded()).unwrap();
    let p = prove(&d, &safety_net(), &[], Reference::default());
    assert_eq!(
        p.errors(),
        0,
        "{:?}",
        p.problems
            .iter()
            .filter(|x| x.is_error())
            .collect::<Vec<_>>()
    );
    assert!(p.gaps.iter().all(|g| g.status == GapStatus::Pending));
}

#[test]
fn the_default_directory_passes_check_with_its_gaps_pending_clinical_review() {
    let tmp = tempfile::tempdir().unwrap();
    let o = signpost(tmp.path(), &["check"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("Coverage proof: 15 places x 6 age bands x 4 levels (B, C, D, E) x 14 needs = 5040 combinations, each at 192 hours"), "{out}");
    for level in ["B (within 4 hours)", "C (within 24 hours)"] {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(level))
            .unwrap();
        assert!(line.contains(" 0 unaccepted"), "{line}");
    }
    let o = signpost(tmp.path(), &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["proof"]["combinations"], 5040);
    assert_eq!(v["proof"]["hours_checked"], 192);
}

fn default_directory() -> Directory {
    directory::parse(&directory::embedded()).unwrap()
}

/// The proof's verdict for a combination at an hour is the outcome's: a firm option that is
/// not the catch-all. Checked on a spread of combinations and hours (a fixed pseudo-random
/// sample, plus every hour of a few chosen ones), in the call-handler role the proof assumes.
#[test]
fn the_proof_agrees_with_the_outcome_hour_by_hour() {
    let d = default_directory();
    let net = safety_net();
    let p = prove(&d, &net, &[], Reference::default());
    let instants = Reference::default().instants();
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut samples: Vec<(usize, usize, usize, usize, usize)> = (0..400)
        .map(|_| {
            (
                next(p.places.len()),
                next(AGE_BANDS.len()),
                next(p.levels.len()),
                next(p.needs.len()),
                next(instants.len()),
            )
        })
        .collect();
    // Children, self-harm in Portsmouth (Childline holds), and an adult one (a gap), every hour.
    let pl = p.places.iter().position(|x| x == "portsmouth").unwrap();
    let sh = p.needs.iter().position(|x| x == "self-harm").unwrap();
    for h in 0..instants.len() {
        samples.push((pl, 1, 0, sh, h));
        samples.push((pl, 4, 1, sh, h));
    }
    let (mut held, mut failed) = (0, 0);
    for (pi, bi, li, ni, h) in samples {
        let band = AGE_BANDS[bi];
        let r = TriageResult {
            urgency: p.levels[li].clone(),
            computed: p.levels[li].clone(),
            override_: None,
            emergency: None,
            needs: vec![p.needs[ni].clone()],
            flags: vec![],
            age: Some(Age::Band {
                key: "band".into(),
                min: band.lo,
                max: band.hi,
            }),
            place: Some(PlaceAnswer::Place {
                id: p.places[pi].clone(),
                why: String::new(),
            }),
            answers: vec![],
            raised: vec![],
            prompts: vec![],
            excluded: vec![],
            notices: vec![],
            approved: false,
            version: String::new(),
        };
        let o = outcome(&r, &d, &net, &[], Role::Handler, instants[h]);
        // The proof is about services for the need; the crisis routes an A/B outcome adds
        // (A&E, or a 111 record given as the crisis step) are the fallback it names, not
        // services that close a gap.
        let by_outcome = o.services().any(|s| {
            s.firm
                && s.id != URGENT_CARE_ID
                && !net.iter().any(|n| n.id == s.id)
                && d.service(&s.id)
                    .is_some_and(|x| !signpost::model::catch_all::only_safety_net_numbers(x))
        });
        let by_proof = p
            .holds_at(&p.places[pi], band.label, &p.levels[li], &p.needs[ni], h)
            .unwrap();
        assert_eq!(
            by_outcome,
            by_proof,
            "{} {} {} {} at {}: outcome {:?}",
            p.places[pi],
            band.label,
            p.levels[li],
            p.needs[ni],
            instants[h],
            o.ids()
        );
        if by_proof {
            held += 1;
        } else {
            failed += 1;
        }
    }
    assert!(held > 200 && failed > 200, "held {held}, failed {failed}");
}
