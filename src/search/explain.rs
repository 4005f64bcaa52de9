//! Never a dead end: when nothing fits, say which filter excluded everything and what would
//! match without it.

use super::facts::{age_rank, category_bit};
use super::open_now;
use super::place::{PlaceScope, Placement};
use super::query::Query;
use super::results::{Empty, Filter};
use super::searcher::Searcher;
use super::terms::TermMatch;
use crate::model::Status;
use std::sync::Arc;

/// The filters in force, as words: "for age 9", "in Isle of Wight", "about gambling".
fn phrases(q: &Query, scope: &PlaceScope) -> Vec<String> {
    let mut p = Vec::new();
    if let Some(a) = q.age_words() {
        p.push(format!("for {a}"));
    }
    if scope.is_filter() {
        p.push(scope.phrase());
    }
    if !q.categories.is_empty() {
        let labels: Vec<&str> = q.categories.iter().map(|c| c.label()).collect();
        p.push(format!("in category {}", labels.join(" or ")));
    }
    match (q.open_now, q.within_minutes) {
        (true, None) => p.push("open now".to_string()),
        (true, Some(w)) => p.push(format!(
            "reachable within {}",
            crate::hours::text::window(w)
        )),
        _ => {}
    }
    if q.self_referral_only {
        p.push("taking self-referrals".to_string());
    }
    p
}

pub(crate) fn explain(
    searcher: &mut Searcher,
    q: &Query,
    scope: &PlaceScope,
    terms: &[Arc<TermMatch>],
    text_ok: &[bool],
    placements: &[Option<Placement>],
) -> Empty {
    let open_states = if q.open_now {
        searcher.all_open(q.at, q.within_minutes)
    } else {
        Vec::new()
    };
    let cat_mask = q.categories.iter().fold(0, |m, c| m | category_bit(*c));
    let dir = searcher.directory();
    let mut active: Vec<Filter> = Vec::new();
    for (on, f) in [
        (!terms.is_empty(), Filter::Text),
        (scope.is_filter(), Filter::Place),
        (q.age_words().is_some(), Filter::Age),
        (cat_mask != 0, Filter::Category),
        (q.open_now, Filter::OpenNow),
        (q.self_referral_only, Filter::SelfReferral),
    ] {
        if on {
            active.push(f);
        }
    }
    let mut only: [usize; 6] = [0; 6];
    // The packed facts, not the records: this reads every service.
    for d in 0..dir.services.len() {
        let facts = searcher.facts(d);
        if facts.status == Status::Closed {
            continue;
        }
        let mut mask = 0u8;
        if !text_ok[d] {
            mask |= Filter::Text.bit();
        }
        if placements[d].is_none() {
            mask |= Filter::Place.bit();
        }
        if age_rank(searcher.age(d), q).is_none() {
            mask |= Filter::Age.bit();
        }
        if cat_mask != 0 && facts.categories & cat_mask == 0 {
            mask |= Filter::Category.bit();
        }
        if q.open_now && open_states[d] != open_now::OPEN {
            mask |= Filter::OpenNow.bit();
        }
        if q.self_referral_only && !facts.self_referral {
            mask |= Filter::SelfReferral.bit();
        }
        if mask.count_ones() == 1 {
            only[mask.trailing_zeros() as usize] += 1;
        }
    }
    let without: Vec<(Filter, usize)> = active.iter().map(|f| (*f, only[*f as usize])).collect();

    let words: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    let text = words.join(" ");
    let filters = phrases(q, scope);
    let mut message = String::from("no service");
    if !filters.is_empty() {
        message.push(' ');
        message.push_str(&filters.join(" "));
    }
    if !terms.is_empty() {
        message.push_str(&format!(" matches '{text}'"));
    } else if filters.is_empty() {
        message.push_str(" is in the directory");
    } else {
        message.push_str(" fits");
    }
    // With the words as the only filter, "would fit without the search words" says nothing.
    let helps: Vec<String> = without
        .iter()
        .filter(|(_, n)| *n > 0)
        .filter(|(f, _)| *f != Filter::Text || active.len() > 1)
        .map(|(f, n)| match f {
            Filter::Text => format!("{n} would fit without the search words"),
            _ => format!("{n} would match without the {}", f.label()),
        })
        .collect();
    if !helps.is_empty() {
        message.push_str("; ");
        message.push_str(&helps.join("; "));
    } else if !terms.is_empty() && terms.iter().any(|t| t.count == 0) {
        let missing: Vec<&str> = terms
            .iter()
            .filter(|t| t.count == 0)
            .map(|t| t.term.as_str())
            .collect();
        message.push_str(&format!(
            "; nothing in the directory matches '{}' — try other words, or search by category",
            missing.join("', '")
        ));
    } else {
        message.push_str("; removing any one filter would still find nothing — clear filters to widen the search");
    }
    Empty { message, without }
}
