//! accepted-gaps.toml entries for the gaps no entry lists yet, folded with "*" only where every
//! level, place or band it stands for really is a gap — so a maintainer can own them in one step.

use super::accept::PENDING;
use super::{Gap, Proof};
use crate::model::directory::AcceptedGap;
use std::collections::BTreeSet;

/// (level, place, band) indexes into the proof's lists.
type Cell = (usize, usize, usize);

/// A pattern: `None` is "*".
type Pattern = (Option<usize>, Option<usize>, Option<usize>);

fn covers(p: &Pattern, c: &Cell) -> bool {
    let m = |pattern: Option<usize>, v: usize| pattern.map_or(true, |x| x == v);
    m(p.0, c.0) && m(p.1, c.1) && m(p.2, c.2)
}

/// Every pattern, most general first: all of everything, then whole bands across levels and
/// places, whole levels, whole places, and so down to single combinations.
fn patterns(levels: usize, places: usize, bands: usize) -> Vec<Pattern> {
    let opt = |n: usize| (0..n).map(Some).collect::<Vec<_>>();
    let mut out: Vec<Pattern> = vec![(None, None, None)];
    out.extend(opt(bands).into_iter().map(|b| (None, None, b)));
    out.extend(opt(levels).into_iter().map(|l| (l, None, None)));
    out.extend(opt(places).into_iter().map(|p| (None, p, None)));
    for l in opt(levels) {
        out.extend(opt(bands).into_iter().map(|b| (l, None, b)));
    }
    for l in opt(levels) {
        out.extend(opt(places).into_iter().map(|p| (l, p, None)));
    }
    for p in opt(places) {
        out.extend(opt(bands).into_iter().map(|b| (None, p, b)));
    }
    for l in opt(levels) {
        for p in opt(places) {
            out.extend(opt(bands).into_iter().map(|b| (l, p, b)));
        }
    }
    out
}

fn reason(gaps: &[&Gap]) -> String {
    let mut causes: Vec<_> = gaps.iter().map(|g| g.cause).collect();
    causes.sort();
    causes.dedup();
    causes
        .iter()
        .map(|c| c.text())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Entries for every gap not yet listed, pending clinical review. A greedy set cover: each step
/// takes the pattern that lists the most gaps not yet listed (the more general on a tie), among
/// patterns every combination of which is an unlisted gap — so a "*" never claims a
/// combination that holds.
pub fn suggest(p: &Proof) -> Vec<AcceptedGap> {
    regenerate(p, &[])
}

/// The whole accepted-gaps file for the directory as it is now: B and C gaps one by one, each
/// with its fallback; D and E entries still in use kept, and the D and E gaps no entry lists
/// folded. An entry of `existing` that lists a B or C gap exactly keeps its status, reason and
/// who accepted it, so regenerating after the directory changes loses no review.
pub fn regenerate(p: &Proof, existing: &[AcceptedGap]) -> Vec<AcceptedGap> {
    let mut out = explicit(p, existing);
    out.extend(
        existing
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                !p.is_urgent(&e.urgency)
                    && e.urgency != "*"
                    && p.gaps.iter().any(|g| g.entry == Some(*i))
            })
            .map(|(_, e)| e.clone()),
    );
    out.extend(folded(p, existing));
    out
}

/// B and C: one entry per gap, no "*", each naming its fallback. Entries already in the file
/// (matched exactly) keep their status, reason and who accepted them, so re-running after the
/// directory changes keeps every review already done.
fn explicit(p: &Proof, existing: &[AcceptedGap]) -> Vec<AcceptedGap> {
    p.gaps
        .iter()
        .filter(|g| p.is_urgent(&g.urgency))
        .map(|g| {
            let same = existing.iter().find(|e| {
                e.place == g.place
                    && e.age_band == g.age_band
                    && e.urgency == g.urgency
                    && e.need == g.need
            });
            match same {
                Some(e) => AcceptedGap {
                    fallback: if e.fallback.trim().is_empty() {
                        g.fallback.clone()
                    } else {
                        e.fallback.clone()
                    },
                    ..e.clone()
                },
                None => AcceptedGap {
                    place: g.place.clone(),
                    age_band: g.age_band.clone(),
                    urgency: g.urgency.clone(),
                    need: g.need.clone(),
                    status: PENDING.to_string(),
                    reason: g.cause.text().to_string(),
                    accepted_by: String::new(),
                    fallback: g.fallback.clone(),
                },
            }
        })
        .collect()
}

/// D and E: folded with "*" where every combination it stands for is an unlisted gap.
fn folded(p: &Proof, existing: &[AcceptedGap]) -> Vec<AcceptedGap> {
    let kept = |i: usize| {
        existing
            .get(i)
            .is_some_and(|e| e.urgency != "*" && !p.is_urgent(&e.urgency))
    };
    let pos = |v: &[String], x: &str| v.iter().position(|y| y == x).unwrap_or(0);
    let all = patterns(p.levels.len(), p.places.len(), p.age_bands.len());
    let size = |pat: &Pattern| {
        pat.0.map_or(p.levels.len(), |_| 1)
            * pat.1.map_or(p.places.len(), |_| 1)
            * pat.2.map_or(p.age_bands.len(), |_| 1)
    };
    let name = |v: &[String], i: Option<usize>| i.map_or("*".to_string(), |i| v[i].clone());
    let mut out = Vec::new();
    for need in &p.needs {
        let gaps: Vec<(&Gap, Cell)> = p
            .gaps
            .iter()
            .filter(|g| &g.need == need && !p.is_urgent(&g.urgency) && !g.entry.is_some_and(kept))
            .map(|g| {
                let c = (
                    pos(&p.levels, &g.urgency),
                    pos(&p.places, &g.place),
                    pos(&p.age_bands, &g.age_band),
                );
                (g, c)
            })
            .collect();
        let valid: Vec<&Pattern> = all
            .iter()
            .filter(|pat| gaps.iter().filter(|(_, c)| covers(pat, c)).count() == size(pat))
            .collect();
        let mut covered: BTreeSet<Cell> = BTreeSet::new();
        while covered.len() < gaps.len() {
            let new = |pat: &Pattern| {
                gaps.iter()
                    .filter(|(_, c)| covers(pat, c) && !covered.contains(c))
                    .count()
            };
            // max_by_key keeps the last of equals: walk from the specific end to prefer general.
            let Some(best) = valid.iter().rev().copied().max_by_key(|pat| new(pat)) else {
                break;
            };
            let mine: Vec<&Gap> = gaps
                .iter()
                .filter(|(_, c)| covers(best, c))
                .map(|(g, _)| *g)
                .collect();
            covered.extend(
                gaps.iter()
                    .filter(|(_, c)| covers(best, c))
                    .map(|(_, c)| *c),
            );
            out.push(AcceptedGap {
                place: name(&p.places, best.1),
                age_band: name(&p.age_bands, best.2),
                urgency: name(&p.levels, best.0),
                need: need.clone(),
                status: PENDING.to_string(),
                reason: reason(&mine),
                accepted_by: String::new(),
                fallback: String::new(),
            });
        }
    }
    out
}
