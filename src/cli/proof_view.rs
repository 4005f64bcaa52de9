//! The coverage proof as text: what was checked, counts per urgency level, then every gap,
//! grouped by need and level (places and age bands folded) so hundreds of gaps stay readable.

use crate::triage::proof::{Gap, GapStatus, Proof};

fn status_text(g: &Gap, urgent: bool) -> &'static str {
    match (g.status, urgent) {
        (GapStatus::Accepted, _) => "accepted",
        (GapStatus::Pending, _) => "pending clinical review",
        (GapStatus::Unaccepted, true) => "NOT ACCEPTED: error",
        (GapStatus::Unaccepted, false) => "not listed: warning",
    }
}

/// "ages 18-25, 26-64~ in Southampton, Portsmouth; all ages in every other place".
fn where_text(p: &Proof, gaps: &[&Gap]) -> String {
    // Per place (in the proof's order): its failing bands, "~" where only some hours fail.
    let mut per_place: Vec<(String, String)> = Vec::new();
    for place in &p.places {
        let bands: Vec<String> = gaps
            .iter()
            .filter(|g| &g.place == place)
            .map(|g| {
                let some = if g.failing_hours < p.hours_checked {
                    "~"
                } else {
                    ""
                };
                format!("{}{some}", g.age_band)
            })
            .collect();
        if bands.is_empty() {
            continue;
        }
        let name = gaps
            .iter()
            .find(|g| &g.place == place)
            .map(|g| g.place_name.clone())
            .unwrap_or_default();
        let ages = if bands.len() == p.age_bands.len() && !bands.iter().any(|b| b.ends_with('~')) {
            "all ages".to_string()
        } else {
            format!("ages {}", bands.join(", "))
        };
        per_place.push((ages, name));
    }
    let mut by_ages: Vec<(String, Vec<String>)> = Vec::new();
    for (ages, name) in per_place {
        match by_ages.iter_mut().find(|(a, _)| *a == ages) {
            Some((_, names)) => names.push(name),
            None => by_ages.push((ages, vec![name])),
        }
    }
    let all_names: Vec<String> = p
        .places
        .iter()
        .map(|id| {
            gaps.iter()
                .find(|g| &g.place == id)
                .map(|g| g.place_name.clone())
                .unwrap_or_else(|| id.clone())
        })
        .collect();
    by_ages
        .into_iter()
        .map(|(ages, names)| {
            let but: Vec<&String> = all_names.iter().filter(|n| !names.contains(n)).collect();
            if but.is_empty() {
                format!("{ages} in every place")
            } else if names.len() > p.places.len() / 2 && but.len() <= 3 {
                let but: Vec<&str> = but.iter().map(|s| s.as_str()).collect();
                format!("{ages} in every place but {}", but.join(", "))
            } else {
                format!("{ages} in {}", names.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn text(p: &Proof) -> String {
    let mut out = Vec::new();
    out.push(format!(
        "Coverage proof: {} places x {} age bands x {} levels ({}) x {} needs = {} combinations, each at {} hours (the week from {} and bank holiday {}, London time).",
        p.places.len(), p.age_bands.len(), p.levels.len(), p.levels.join(", "), p.needs.len(),
        p.combinations, p.hours_checked, p.week_from, p.bank_holiday
    ));
    out.push("A combination holds when at EVERY hour checked the outcome offers a service other than the catch-all with nothing to check first: an active record with a public phone, text or chat, serving the whole place and the whole age band, meeting the need, taking the level, and reachable within the window.".to_string());
    for c in &p.counts {
        let kind = if c.urgent {
            "unaccepted = errors"
        } else {
            "gaps are warnings"
        };
        out.push(format!(
            "  {} (within {}): {} combinations, {} hold, {} gaps — {} accepted, {} pending clinical review, {} unaccepted ({kind})",
            c.urgency, c.window, c.combinations, c.combinations - c.gaps, c.gaps, c.accepted, c.pending, c.unaccepted
        ));
    }
    out.push("At B a listening line closes no gap: it is support while waiting. Each B and C gap names its fallback, the crisis route the outcome gives instead.".to_string());
    if p.gaps.is_empty() {
        out.push("No gaps.".to_string());
        return out.join("\n");
    }
    out.push(
        "Gaps by need and level (~ fails at some hours only), with why and their standing:"
            .to_string(),
    );
    let urgent = |level: &str| p.counts.iter().any(|c| c.urgency == level && c.urgent);
    for need in &p.needs {
        let of_need: Vec<&Gap> = p.gaps.iter().filter(|g| &g.need == need).collect();
        let Some(first) = of_need.first() else {
            continue;
        };
        out.push(format!("  {}", first.need_label));
        for level in &p.levels {
            let gaps: Vec<&Gap> = of_need
                .iter()
                .copied()
                .filter(|g| &g.urgency == level)
                .collect();
            if gaps.is_empty() {
                continue;
            }
            let mut causes: Vec<_> = gaps.iter().map(|g| g.cause).collect();
            causes.sort();
            causes.dedup();
            let mut standing: Vec<&str> =
                gaps.iter().map(|g| status_text(g, urgent(level))).collect();
            standing.sort();
            standing.dedup();
            let mut fallbacks: Vec<&str> = gaps.iter().map(|g| g.fallback.as_str()).collect();
            fallbacks.sort();
            fallbacks.dedup();
            let fallback = if urgent(level) {
                format!(" — fallback: {}", fallbacks.join("; "))
            } else {
                String::new()
            };
            out.push(format!(
                "    {level}: {} — {} [{}]{fallback}",
                where_text(p, &gaps),
                causes
                    .iter()
                    .map(|c| c.text())
                    .collect::<Vec<_>>()
                    .join("; "),
                standing.join(", ")
            ));
        }
    }
    out.join("\n")
}
