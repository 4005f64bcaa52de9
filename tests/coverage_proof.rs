//! The coverage proof `signpost check` runs: it fails on an unaccepted gap at B or C and
//! passes once the gap is listed; the rules for accepted-gaps.toml follow the questionnaire's
//! approval; a D–E gap is only a warning; and the proof agrees with the outcome hour by hour.

mod common;

use common::{signpost, text};
use signpost::directory::{self, safety_net::safety_net};
use signpost::model::{Directory, Role};
use signpost::places::AGE_BANDS;
use signpost::triage::outcome::URGENT_CARE_ID;
use signpost::triage::proof::{prove, GapStatus, Reference};
use signpost::triage::{outcome, Age, PlaceAnswer, TriageResult};
use std::path::Path;

fn gap(place: &str, band: &str, level: &str, need: &str, status: &str, extra: &str) -> String {
    format!(
        "[[gaps]]\nplace = \"{place}\"\nage_band = \"{band}\"\nurgency = \"{level}\"\nneed = \"{need}\"\nstatus = \"{status}\"\n{extra}\n"
    )
}

const PENDING: &str = "pending clinical review";
const FALLBACK: &str = "fallback = \"NHS 111 mental health option, then A&E\"";

/// One explicit entry per place and age band of the fixture for this level and need: the only
/// way a B or C gap may be listed.
fn each(level: &str, need: &str, status: &str, extra: &str) -> String {
    let p = prove(&common::fixture(), &safety_net(), &[], Reference::default());
    let mut out = String::new();
    for place in &p.places {
        for band in &p.age_bands {
            out.push_str(&gap(place, band, level, need, status, extra));
        }
    }
    out
}

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
    let mut owned: String = each("C", "bereavement", PENDING, FALLBACK)
        + &gap("*", "*", "D", "bereavement", PENDING, "")
        + &gap("*", "*", "E", "bereavement", PENDING, "");
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

    // A wildcard at B lists nothing: each B gap is owned one by one, with its fallback.
    let (code, out) = check(
        tmp.path(),
        Some(&(owned.clone() + &gap("*", "*", "B", "bereavement", PENDING, FALLBACK))),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("place: a gap at B is listed explicitly: \"*\" is not allowed here"),
        "{out}"
    );
    let (code, out) = check(
        tmp.path(),
        Some(&(owned.clone() + &each("B", "bereavement", PENDING, ""))),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("fallback: a gap at B must name its fallback"),
        "{out}"
    );
    owned.push_str(&each("B", "bereavement", PENDING, FALLBACK));
    let (code, out) = check(tmp.path(), Some(&owned));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("accepted-gaps.toml: urgency B: pending clinical review: 24 entries listing 24 gap(s) at B"),
        "{out}"
    );
    assert!(
        out.contains("— fallback: NHS 111 mental health option"),
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
    let owned =
        each("B", "bereavement", PENDING, FALLBACK) + &each("C", "bereavement", PENDING, FALLBACK);
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
        let text = std::fs::read_to_string(&f).unwrap();
        let hash = toml::from_str::<signpost::model::TriageFile>(&text)
            .unwrap()
            .fingerprint();
        let t = text.replace(
            "approved_by = \"\"",
            &format!("approved_by = \"Dr Example Reviewer\"\napproved_on = \"2026-11-01\"\nhash = \"{hash}\""),
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
    let all = |status: &str, extra: &str| {
        each("B", "bereavement", status, &format!("{FALLBACK}\n{extra}"))
            + &each("C", "bereavement", status, &format!("{FALLBACK}\n{extra}"))
            + &gap("*", "*", "D", "bereavement", status, extra)
            + &gap("*", "*", "E", "bereavement", status, extra)
    };
    let (code, out) = run(&all(PENDING, ""));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("gaps[0].status: the questionnaire is clinically approved: a gap can no longer be pending"), "{out}");
    let (code, out) = run(&all("accepted", ""));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("gaps[0].reason: an accepted gap needs the reason"),
        "{out}"
    );
    assert!(
        out.contains("gaps[0].accepted_by: an accepted gap needs who accepted it"),
        "{out}"
    );
    let (code, out) = run(&all(
        "accepted",
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
        "gaps[0].urgency: \"*\" would take in the B and C gaps",
        "gaps[2].age_band: a gap at B is listed explicitly",
        "gaps[2].fallback: a gap at B must name its fallback",
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
    assert!(out.contains("Coverage proof: 15 places x 6 age bands x 4 levels (B, C, D, E) x 15 needs = 5400 combinations, each at 192 hours"), "{out}");
    for level in ["B (within 4 hours)", "C (within 24 hours)"] {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(level))
            .unwrap();
        assert!(line.contains(" 0 unaccepted"), "{line}");
    }
    let o = signpost(tmp.path(), &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["proof"]["combinations"], 5400);
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
    // At B only crisis-assessment services close a gap (listening lines are support while
    // waiting), so far fewer combinations hold than before; both verdicts are still sampled.
    assert!(held > 20 && failed > 200, "held {held}, failed {failed}");
}

/// The accepted-gaps file is regenerated with one command when the directory changes: every B
/// and C gap listed one by one with its fallback, and a review already recorded is kept.
#[test]
fn write_gaps_regenerates_the_file_in_one_command_and_keeps_reviews() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = tmp.path().join("edition");
    fixture_with(&ed, None);
    let data = tmp.path().join("data");
    let o = signpost(&data, &["check", ed.to_str().unwrap(), "--write-gaps"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let written = std::fs::read_to_string(ed.join("accepted-gaps.toml")).unwrap();
    let file: signpost::model::directory::AcceptedGapsFile = toml::from_str(&written).unwrap();
    let urgent: Vec<_> = file
        .gaps
        .iter()
        .filter(|g| g.urgency == "B" || g.urgency == "C")
        .collect();
    assert!(!urgent.is_empty());
    for g in &urgent {
        assert!(
            g.place != "*" && g.age_band != "*" && g.need != "*",
            "{g:?}"
        );
        assert!(
            g.fallback.contains("111") || g.fallback.contains("A&E"),
            "{g:?}"
        );
    }
    let o = signpost(&data, &["check", ed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // A reviewer records a reason on one entry; the directory changes; regenerate.
    let first = urgent[0];
    let reviewed = written.replacen(
        "status = \"pending clinical review\"",
        "status = \"pending clinical review\"\naccepted_by = \"Dr Keep Me\"",
        1,
    );
    assert!(reviewed.contains("Dr Keep Me"));
    std::fs::write(ed.join("accepted-gaps.toml"), reviewed).unwrap();
    let o = signpost(&data, &["check", ed.to_str().unwrap(), "--write-gaps"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let again = std::fs::read_to_string(ed.join("accepted-gaps.toml")).unwrap();
    let file: signpost::model::directory::AcceptedGapsFile = toml::from_str(&again).unwrap();
    let kept = file
        .gaps
        .iter()
        .find(|g| {
            g.place == first.place
                && g.age_band == first.age_band
                && g.urgency == first.urgency
                && g.need == first.need
        })
        .unwrap();
    assert_eq!(kept.accepted_by, "Dr Keep Me");
}

/// `import` re-runs the coverage proof before it writes: the B and C gaps are shown with their
/// fallbacks, and an edition with a B or C gap no entry lists is refused whole.
#[test]
fn import_shows_the_b_and_c_gaps_and_refuses_an_unlisted_one() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    fixture_with(&ed, None);
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("B (within 4 hours): 72 combinations"), "{out}");
    assert!(!out.contains("D (within 72 hours)"), "B and C only: {out}");
    assert!(out.contains("coverage gap not accepted"), "{out}");
    assert!(out.contains("refused whole"), "{out}");

    let o = signpost(&data, &["check", ed.to_str().unwrap(), "--write-gaps"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let proof = out.find("B (within 4 hours)").expect("the proof is shown");
    let installed = out.find("Installed edition").expect("then it installs");
    assert!(proof < installed, "{out}");
    assert!(
        out.contains("— fallback: NHS 111 mental health option"),
        "{out}"
    );
}
