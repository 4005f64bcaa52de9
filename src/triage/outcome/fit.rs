//! One service against one call — place, age, needs, urgency policy, reach in the window — the
//! rules the outcome and the coverage proof share, so they can never disagree.

use crate::hours::{self, Calendar, ReachKind};
use crate::model::catch_all::only_safety_net_numbers;
use crate::model::urgency::{levels_for, LevelsFrom, PolicyRule};
use crate::model::{AgeBound, AgeFit, AgeRange, Category, Role, Service, Status};
use chrono::{DateTime, Utc};

/// The age the outcome matches on: exact years, a band of years, or not asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeAsk {
    Years(u8),
    Band { lo: u8, hi: u8 },
    NotAsked,
}

impl AgeAsk {
    /// How the service's range takes this age. A band that only partly overlaps the range, or
    /// an unknown bound, is `Uncertain`: "age may not fit — check before giving".
    pub fn fit(self, range: &AgeRange) -> AgeFit {
        match self {
            AgeAsk::Years(n) => range.fit(n),
            AgeAsk::Band { lo, hi } => range.fit_band(lo, hi),
            AgeAsk::NotAsked => AgeFit::Fits,
        }
    }

    /// Search's age rank: 0 a stated range that fits, 1 all ages, 2 uncertain.
    pub fn rank(self, range: &AgeRange) -> u8 {
        match self.fit(range) {
            AgeFit::Fits => match (range.min, range.max) {
                (AgeBound::NoLimit | AgeBound::Years(0), AgeBound::NoLimit) => 1,
                _ => 0,
            },
            _ => 2,
        }
    }
}

/// Whether the service carries any of these categories.
pub fn has_any(s: &Service, categories: &[Category]) -> bool {
    categories.iter().any(|c| s.has(*c))
}

/// The urgency levels a service takes by the policy table (or its own override), and why.
pub fn takes_level<'a>(
    s: &'a Service,
    policy: &'a [PolicyRule],
    level: &str,
) -> Result<LevelsFrom, &'a [String]> {
    let (levels, from) = levels_for(s, policy);
    if levels.iter().any(|l| l == level) {
        Ok(from)
    } else {
        Err(levels)
    }
}

/// The call's level is more urgent than every level the service takes: it is slower than this
/// call needs (kept as "not a crisis response"), not merely for calmer calls.
pub fn slower_than(t: &crate::model::TriageFile, levels: &[String], level: &str) -> bool {
    let Some(r) = t.rank(level) else { return false };
    !levels.is_empty() && levels.iter().filter_map(|l| t.rank(l)).all(|l| l > r)
}

/// Part of the catch-all: a safety-net record (by id) or a record that adds no number beyond
/// the safety net's (a Samaritans branch, the 111 triage team).
pub fn is_catch_all(s: &Service, safety_net_ids: &[&str]) -> bool {
    safety_net_ids.contains(&s.id.as_str()) || only_safety_net_numbers(s)
}

/// A direct contact (phone, text, chat, relay) this role may be given.
pub fn has_direct_contact(s: &Service, role: Role) -> bool {
    s.contacts_for(role.shows_professional())
        .any(|c| c.kind.is_direct())
}

fn reach_rank(r: &hours::Reach) -> (u8, i64) {
    match r.kind {
        ReachKind::OpenNow { .. } => (0, 0),
        ReachKind::OpensWithin { opens } => (1, opens.timestamp()),
        ReachKind::Unsure { .. } => (2, 0),
        ReachKind::ClosingSoon { .. } => (3, 0),
        ReachKind::NotWithin { .. } => (4, 0),
    }
}

/// Whether the caller can reach the service within the window, by the hours of the direct
/// contacts this role may be given (a contact's own hours where the record gives them): the
/// best of them. With no such contact, the service's own hours.
pub fn reach(
    s: &Service,
    role: Role,
    cal: &Calendar,
    at: DateTime<Utc>,
    window_minutes: u32,
) -> hours::Reach {
    s.contacts_for(role.shows_professional())
        .filter(|c| c.kind.is_direct())
        .map(|c| hours::reach(hours::hours_of(s, c), cal, at, window_minutes))
        .min_by_key(reach_rank)
        .unwrap_or_else(|| hours::reach(&s.hours, cal, at, window_minutes))
}

/// A record a handler can give with nothing to check first, whatever the place, age and time:
/// active, a direct contact for this role, and — for perinatal services — a caller known to be
/// pregnant or to have had a baby in the last year. (The outcome's checks say which fails.)
pub fn firm_record(s: &Service, role: Role, perinatal: bool) -> bool {
    s.status == Status::Active
        && has_direct_contact(s, role)
        && (perinatal || !s.has(Category::Perinatal))
}
