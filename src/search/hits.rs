//! Turning a ranked service into a hit a handler can trust: why it is here, what to check,
//! its hours now, what matched where, and only the contacts this role may see.

use super::facts::{age_reason, category_bit};
use super::highlight::text_matches;
use super::normalise::Scratch;
use super::open_now;
use super::place::PlaceScope;
use super::query::Query;
use super::results::{Group, Hit, Reason, ReasonKind};
use super::score::UnitMatch;
use super::searcher::{Candidate, Searcher};
use super::terms::TermMatch;
use crate::hours::State;
use crate::model::{AgeFit, Status};
use std::sync::Arc;

/// What every hit of one search shares: the query, where, what was typed, and scratch space.
pub(crate) struct HitContext<'a> {
    pub q: &'a Query,
    pub scope: &'a PlaceScope,
    pub units: &'a [UnitMatch],
    /// Every typed word's matches, in order (the units' words).
    pub terms: &'a [Arc<TermMatch>],
    pub scratch: Scratch,
}

pub(crate) fn build_hit(searcher: &Searcher, cx: &mut HitContext, c: &Candidate) -> Hit {
    let (q, scope, units) = (cx.q, cx.scope, cx.units);
    let dir = searcher.directory();
    let doc = c.doc as usize;
    let s = &dir.services[doc];
    let facts = searcher.facts(doc);
    let (matches, mut reasons) = text_matches(searcher.skim(), cx.terms, doc, s, &mut cx.scratch);
    reasons.extend(need_reasons(searcher, units, facts.categories));
    let mut checks = Vec::new();

    let placement = c.placement;
    reasons.push(Reason {
        kind: ReasonKind::Place,
        text: scope.reason(&dir.places, s),
    });
    if placement.part {
        checks.push(format!(
            "{} — check it covers where the caller lives",
            scope.reason(&dir.places, s)
        ));
    }

    if let (Some(fit), Some(who)) = (q.age_fit(searcher.age(doc)), q.age_words()) {
        match fit {
            AgeFit::Fits => reasons.push(Reason {
                kind: ReasonKind::Age,
                text: age_reason(&s.age, &who),
            }),
            // Not a reason it is here: something to check before giving it.
            AgeFit::Uncertain(why) => checks.push(match q.age {
                Some(a) if !s.age.uncertain.contains(&a) => format!("age may not fit: {}", s.age),
                _ => format!("age may not fit: {why}"),
            }),
            AgeFit::Outside => {} // never reaches here: filtered out
        }
    }

    for cat in &q.categories {
        if facts.categories & category_bit(*cat) != 0 {
            reasons.push(Reason {
                kind: ReasonKind::Category,
                text: format!("category: {}", cat.label()),
            });
        }
    }

    let judged = searcher.judged(doc, q.at, q.within_minutes);
    let hours = judged.text();
    let next_opening = judged.next_opening();
    match (judged.status.state, judged.code()) {
        (State::MayBeClosedBankHoliday, _) => checks.push(judged.status.text()),
        (State::NotConfirmed, _) => checks.push(if s.hours.wording.is_empty() {
            "hours not confirmed".to_string()
        } else {
            format!("hours not confirmed (source says \"{}\")", s.hours.wording)
        }),
        // With a window, "reachable" is about the window even when it is open now.
        (_, open_now::UNSURE) => checks.push(hours.clone()),
        _ => reasons.push(Reason {
            kind: ReasonKind::Hours,
            text: hours.clone(),
        }),
    }

    if q.self_referral_only {
        reasons.push(Reason {
            kind: ReasonKind::Access,
            text: "takes self-referrals".to_string(),
        });
    }

    if s.status == Status::Unconfirmed {
        checks.push(format!("record unconfirmed: {}", s.status_reason));
    }
    if !facts.contact_confirmed(q.role) {
        checks.push("no phone, text or chat contact confirmed".to_string());
    }
    debug_assert!(c.group != Group::CheckFirst || !checks.is_empty());

    Hit {
        doc,
        id: s.id.clone(),
        name: s.name.clone(),
        organisation: s.organisation.clone(),
        group: c.group,
        relevance: c.relevance,
        reasons,
        checks,
        hours,
        next_opening,
        reach: placement.reach,
        matches,
        contacts: s
            .contacts_for(q.role.shows_professional())
            .cloned()
            .collect(),
    }
}

/// "'pills' → overdose → emergency and crisis services": the vocabulary phrases that reached this
/// service, naming the term and the service's own categories among the term's.
fn need_reasons(searcher: &Searcher, units: &[UnitMatch], categories: u32) -> Vec<Reason> {
    let vocab = searcher.vocabulary();
    units
        .iter()
        .filter(|u| u.mask & categories != 0)
        .filter_map(|u| u.meaning.as_ref().map(|m| (m, u.mask)))
        .map(|((t, phrase), mask)| {
            let m = &vocab.meanings[*t];
            let labels: Vec<&str> = m
                .categories
                .iter()
                .filter(|c| categories & mask & category_bit(**c) != 0)
                .map(|c| c.label())
                .collect();
            let list = match labels.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            Reason {
                kind: ReasonKind::Need,
                text: format!("'{phrase}' → {} → {list} services", m.label),
            }
        })
        .collect()
}
