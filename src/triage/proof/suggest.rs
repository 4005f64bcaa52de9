//! accepted-gaps.toml entries for the gaps no entry lists yet, folded with "*" only where every
//! level, place or band it stands for really is a gap — so a maintainer can own them in one step.

use super::accept::PENDING;
use super::{Gap, GapStatus, Proof};
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
            .filter(|g| &g.need == need && g.status == GapStatus::Unaccepted && g.entry.is_none())
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
