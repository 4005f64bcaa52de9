//! Gaps against `accepted-gaps.toml`: a gap at B or C is an error unless an entry lists it —
//! "pending clinical review" while the questionnaire is a draft (a warning), "accepted" with a
//! reason and who accepted it once approved. A gap at D or E is a warning either way.

use super::{Gap, LevelCount, Proof, URGENT_WINDOW_MINUTES};
use crate::model::directory::AcceptedGap;
use crate::model::{Directory, Problem};
use serde::Serialize;
use std::collections::BTreeMap;

const FILE: &str = "accepted-gaps.toml";
pub const PENDING: &str = "pending clinical review";
pub const ACCEPTED: &str = "accepted";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapStatus {
    /// Listed as accepted, with a reason and who accepted it.
    Accepted,
    /// Listed, pending clinical review (the questionnaire is a draft).
    Pending,
    /// Not listed: an error at B or C, a warning at D or E.
    Unaccepted,
}

fn matches(e: &AcceptedGap, g: &Gap) -> bool {
    let m = |pattern: &str, value: &str| pattern == "*" || pattern == value;
    m(&e.place, &g.place)
        && m(&e.age_band, &g.age_band)
        && m(&e.urgency, &g.urgency)
        && m(&e.need, &g.need)
}

fn field(i: usize, name: &str) -> String {
    format!("gaps[{i}].{name}")
}

/// Problems with the entries themselves: unknown values, a bad status, a missing reason, and
/// at B and C a wildcard or a missing fallback (each urgent gap is owned one by one).
fn entries(proof: &Proof, dir: &Directory, urgent: &dyn Fn(&str) -> bool, out: &mut Vec<Problem>) {
    let approved = dir.triage.is_approved();
    for (i, e) in dir.accepted_gaps.gaps.iter().enumerate() {
        if e.urgency == "*" {
            out.push(Problem::error(
                FILE,
                &field(i, "urgency"),
                "\"*\" would take in the B and C gaps: give the level (B and C gaps are listed one by one)",
            ));
        } else if urgent(&e.urgency) {
            for (name, value) in [
                ("place", &e.place),
                ("age_band", &e.age_band),
                ("need", &e.need),
            ] {
                if value == "*" {
                    out.push(Problem::error(
                        FILE,
                        &field(i, name),
                        format!("a gap at {} is listed explicitly: \"*\" is not allowed here (`signpost check --suggest-gaps` writes one entry per gap)", e.urgency),
                    ));
                }
            }
            if e.fallback.trim().is_empty() {
                out.push(Problem::error(
                    FILE,
                    &field(i, "fallback"),
                    format!(
                        "a gap at {} must name its fallback: what the caller is given instead",
                        e.urgency
                    ),
                ));
            }
        }
        let known = |v: &str, list: &[String]| v == "*" || list.iter().any(|x| x == v);
        for (name, value, list) in [
            ("place", &e.place, &proof.places),
            ("age_band", &e.age_band, &proof.age_bands),
            ("urgency", &e.urgency, &proof.levels),
            ("need", &e.need, &proof.needs),
        ] {
            if !known(value, list) {
                out.push(Problem::error(
                    FILE,
                    &field(i, name),
                    format!("'{value}' is not one of: *, {}", list.join(", ")),
                ));
            }
        }
        match e.status.as_str() {
            PENDING if approved => out.push(Problem::error(
                FILE,
                &field(i, "status"),
                "the questionnaire is clinically approved: a gap can no longer be pending — review it, then mark it accepted with a reason and who accepted it, or close it",
            )),
            PENDING => {}
            ACCEPTED => {
                if e.reason.trim().is_empty() {
                    out.push(Problem::error(FILE, &field(i, "reason"), "an accepted gap needs the reason it is accepted"));
                }
                if e.accepted_by.trim().is_empty() {
                    out.push(Problem::error(FILE, &field(i, "accepted_by"), "an accepted gap needs who accepted it"));
                }
            }
            other => out.push(Problem::error(
                FILE,
                &field(i, "status"),
                format!("'{other}' is not a status: use \"{PENDING}\" (draft questionnaire) or \"{ACCEPTED}\""),
            )),
        }
    }
}

fn status_of(e: &AcceptedGap) -> GapStatus {
    match e.status.as_str() {
        ACCEPTED if !e.reason.trim().is_empty() && !e.accepted_by.trim().is_empty() => {
            GapStatus::Accepted
        }
        PENDING => GapStatus::Pending,
        _ => GapStatus::Unaccepted, // an invalid entry accepts nothing (and is an error itself)
    }
}

/// Bands of one place, need and level as a short list: "*" when every band.
fn bands(proof: &Proof, list: &[&Gap]) -> String {
    if list.len() == proof.age_bands.len() {
        "every age".to_string()
    } else {
        list.iter()
            .map(|g| g.age_band.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub(super) fn judge(proof: &mut Proof, dir: &Directory, levels: &[(String, u32)]) {
    let mut problems = Vec::new();
    let is_urgent = |code: &str| {
        levels
            .iter()
            .any(|(c, m)| c == code && *m <= URGENT_WINDOW_MINUTES)
    };
    entries(proof, dir, &is_urgent, &mut problems);
    let list = &dir.accepted_gaps.gaps;
    let mut used = vec![0usize; list.len()];
    for g in &mut proof.gaps {
        // The first entry that lists a gap decides its standing; any entry that lists one
        // is in use (entries may overlap where "*" folds a whole band or place).
        for (i, e) in list.iter().enumerate() {
            if matches(e, g) {
                if g.entry.is_none() {
                    g.entry = Some(i);
                    g.status = status_of(e);
                }
                used[i] += 1;
            }
        }
    }
    let urgent = |code: &str| {
        levels
            .iter()
            .any(|(c, m)| c == code && *m <= URGENT_WINDOW_MINUTES)
    };
    let per_level = proof.combinations / levels.len().max(1);
    proof.counts = levels
        .iter()
        .map(|(code, minutes)| {
            let of = |s: GapStatus| {
                proof
                    .gaps
                    .iter()
                    .filter(|g| &g.urgency == code && g.status == s)
                    .count()
            };
            LevelCount {
                urgency: code.clone(),
                window: crate::hours::text::window(*minutes),
                urgent: *minutes <= URGENT_WINDOW_MINUTES,
                combinations: per_level,
                gaps: proof.gaps.iter().filter(|g| &g.urgency == code).count(),
                accepted: of(GapStatus::Accepted),
                pending: of(GapStatus::Pending),
                unaccepted: of(GapStatus::Unaccepted),
            }
        })
        .collect();

    // Unaccepted gaps at B or C: one error per place and need, naming levels and bands.
    let mut unaccepted: BTreeMap<(usize, usize), BTreeMap<String, Vec<&Gap>>> = BTreeMap::new();
    let pos = |v: &[String], x: &str| v.iter().position(|y| y == x).unwrap_or(usize::MAX);
    for g in proof
        .gaps
        .iter()
        .filter(|g| g.status == GapStatus::Unaccepted && urgent(&g.urgency))
    {
        unaccepted
            .entry((pos(&proof.places, &g.place), pos(&proof.needs, &g.need)))
            .or_default()
            .entry(g.urgency.clone())
            .or_default()
            .push(g);
    }
    for by_level in unaccepted.values() {
        let first = by_level.values().next().and_then(|v| v.first());
        let Some(first) = first else { continue };
        let what: Vec<String> = by_level
            .iter()
            .map(|(level, gs)| format!("{level} for {}", bands(proof, gs)))
            .collect();
        problems.push(Problem::error(
            FILE,
            &format!("{}/{}", first.place, first.need),
            format!(
                "coverage gap not accepted: in {} for {}, {} — nothing but the catch-all at some hour ({}); fallback: {}. Find or confirm a service, or list it as a gap.",
                first.place_name,
                first.need_label.to_lowercase(),
                what.join("; "),
                first.cause.text(),
                first.fallback
            ),
        ));
    }
    // Pending entries: one warning per level (B and C list hundreds of gaps one by one).
    let mut pending: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, e) in list.iter().enumerate() {
        if e.status == PENDING && used[i] > 0 && !dir.triage.is_approved() {
            let p = pending.entry(e.urgency.clone()).or_default();
            p.0 += 1;
            p.1 += used[i];
        }
    }
    for (level, (entries, gaps)) in &pending {
        problems.push(Problem::warning(
            FILE,
            &format!("urgency {level}"),
            format!(
                "{PENDING}: {entries} entr{} listing {gaps} gap(s) at {level}",
                if *entries == 1 { "y" } else { "ies" }
            ),
        ));
    }
    for (i, e) in list.iter().enumerate() {
        if used[i] == 0 {
            problems.push(Problem::warning(
                FILE,
                &format!("gaps[{i}]"),
                format!(
                    "lists no current gap (place {}, age {}, urgency {}, need {}): remove it if the gap is closed",
                    e.place, e.age_band, e.urgency, e.need
                ),
            ));
        }
    }
    for c in proof
        .counts
        .iter()
        .filter(|c| !c.urgent && c.unaccepted > 0)
    {
        problems.push(Problem::warning(
            FILE,
            &format!("urgency {}", c.urgency),
            format!(
                "{} combination(s) at {} (within {}) have nothing but the catch-all at some hour and are not listed (listed in the proof above)",
                c.unaccepted, c.urgency, c.window
            ),
        ));
    }
    proof.problems = problems;
}
