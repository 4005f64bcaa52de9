//! The coverage proof `check` runs: for every local place × age band × urgency level with a
//! response window (B–E) × need, is there — at every hour of a reference week and of a bank
//! holiday — a service other than the catch-all that the outcome offers firmly: active, a
//! confirmed public number, the whole place and age band, the need, the level, reachable within
//! the window? Pure, and built on the outcome's own rules (`outcome::fit`).
//!
//! What "holds" means: a combination holds only if it holds at EVERY hour checked. A crisis can
//! happen at 3 a.m. or on Boxing Day, and for D and E the long windows make every hour hold
//! whenever anything opens within them — so one rule serves all levels: a gap is a combination
//! for which some hour has nothing but the catch-all within the window.

mod accept;
mod cause;
mod suggest;

pub use accept::{GapStatus, ACCEPTED, PENDING};
pub use cause::Cause;
pub use suggest::{regenerate, suggest};

use crate::hours::{london, Calendar};
use crate::model::urgency::{response_for, ResponseKind, Window};
use crate::model::{AgeFit, Category, Directory, Problem, Role, Service, Status};
use crate::places::AGE_BANDS;
use crate::search::PlaceScope;
use crate::triage::outcome::fit::{self, AgeAsk};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

/// The reference week and bank holiday the proof checks every hour of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// A Monday: its week is checked hour by hour, London time.
    pub week_from: NaiveDate,
    pub bank_holiday: NaiveDate,
}

impl Default for Reference {
    /// An ordinary week with no clock change or holiday (Mon 16 to Sun 22 November 2026), and
    /// the Boxing Day substitute bank holiday, Mon 28 December 2026.
    fn default() -> Self {
        Reference {
            week_from: NaiveDate::from_ymd_opt(2026, 11, 16).expect("a date"),
            bank_holiday: NaiveDate::from_ymd_opt(2026, 12, 28).expect("a date"),
        }
    }
}

impl Reference {
    /// Every hour checked: 168 of the week, then 24 of the bank holiday.
    pub fn instants(&self) -> Vec<DateTime<Utc>> {
        let mut out = Vec::with_capacity(192);
        for day in 0..7 {
            let start = london::start_of_day(self.week_from + Duration::days(day));
            out.extend((0..24).map(|h| start + Duration::hours(h)));
        }
        let start = london::start_of_day(self.bank_holiday);
        out.extend((0..24).map(|h| start + Duration::hours(h)));
        out
    }
}

/// Hours as bits, one per instant checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn or(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }
    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// One combination that fails, and how it stands against accepted-gaps.toml.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub place: String,
    pub place_name: String,
    pub age_band: String,
    pub urgency: String,
    pub need: String,
    pub need_label: String,
    /// Of the hours checked, how many have nothing but the catch-all.
    pub failing_hours: usize,
    /// The first such hour, London time ("Mon 16 Nov 2026 00:00 GMT").
    pub first_failing: String,
    /// Why: the furthest any service got towards being a firm option.
    pub cause: Cause,
    pub status: GapStatus,
    /// The accepted-gaps.toml entry that lists it (index), if any.
    pub entry: Option<usize>,
    /// What the caller is given instead (the outcome's crisis route or the safety net).
    pub fallback: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelCount {
    pub urgency: String,
    pub window: String,
    /// B and C (windows of 24 hours or less): an unaccepted gap is an error.
    pub urgent: bool,
    pub combinations: usize,
    pub gaps: usize,
    pub accepted: usize,
    pub pending: usize,
    pub unaccepted: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proof {
    pub week_from: String,
    pub bank_holiday: String,
    pub hours_checked: usize,
    pub places: Vec<String>,
    pub age_bands: Vec<String>,
    pub levels: Vec<String>,
    pub needs: Vec<String>,
    pub combinations: usize,
    pub counts: Vec<LevelCount>,
    pub gaps: Vec<Gap>,
    /// Errors (unaccepted gaps at B/C, bad entries) and warnings (pending, D–E, stale entries).
    pub problems: Vec<Problem>,
    #[serde(skip)]
    holds: Vec<Bits>,
}

impl Proof {
    /// B and C (windows of a day or less): gaps there are errors unless listed one by one.
    pub fn is_urgent(&self, level: &str) -> bool {
        self.counts.iter().any(|c| c.urgency == level && c.urgent)
    }

    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    fn index(&self, place: &str, band: &str, level: &str, need: &str) -> Option<usize> {
        let p = self.places.iter().position(|x| x == place)?;
        let b = self.age_bands.iter().position(|x| x == band)?;
        let l = self.levels.iter().position(|x| x == level)?;
        let n = self.needs.iter().position(|x| x == need)?;
        Some(((p * self.age_bands.len() + b) * self.levels.len() + l) * self.needs.len() + n)
    }

    /// Whether the combination holds at the `hour`-th instant of `Reference::instants`.
    pub fn holds_at(
        &self,
        place: &str,
        band: &str,
        level: &str,
        need: &str,
        hour: usize,
    ) -> Option<bool> {
        let i = self.index(place, band, level, need)?;
        (hour < self.hours_checked).then(|| self.holds[i].get(hour))
    }
}

/// The levels the proof walks: those with a response window in minutes (B–E by default).
pub fn proof_levels(dir: &Directory) -> Vec<(String, u32)> {
    dir.triage
        .urgency
        .iter()
        .filter_map(|l| match l.window {
            Window::Minutes(m) => Some((l.code.clone(), m)),
            _ => None,
        })
        .collect()
}

/// A and B: the outcome's next step must be a crisis route there, so listening lines are
/// support while waiting and close no gap.
pub fn is_crisis_level(dir: &Directory, code: &str) -> bool {
    dir.triage.rank(code).is_some_and(|r| r <= 1)
}

/// What the caller is given instead when a combination at this level is a gap: the crisis
/// route the outcome adds at A and B, or the safety net's 111 mental health option.
pub fn fallback(
    dir: &Directory,
    safety_net: &[Service],
    own_services: &[String],
    level: &str,
) -> String {
    let has_111 = safety_net.iter().any(|s| {
        !own_services.contains(&s.id)
            && response_for(s, &dir.triage.policy).0 == ResponseKind::CrisisAssessment
    });
    let aande = if dir.triage.routes.urgent_care_name.trim().is_empty() {
        "A&E at the nearest hospital".to_string()
    } else {
        dir.triage.routes.urgent_care_name.clone()
    };
    match (is_crisis_level(dir, level), has_111) {
        (true, true) => {
            format!("NHS 111 mental health option (111, option 2) as the crisis step, then {aande}")
        }
        (true, false) => format!("{aande} as the crisis step"),
        (false, true) => {
            "NHS 111 mental health option (111, option 2) from the safety net, any hour".to_string()
        }
        (false, false) => {
            format!("the safety net (999, Samaritans, Shout); {aande} if it cannot wait")
        }
    }
}

/// Windows of a day or less (B, C): an unaccepted gap there is an error, not a warning.
pub const URGENT_WINDOW_MINUTES: u32 = 24 * 60;

/// What the proof knows about one service, worked out once.
struct Facts {
    /// Per local place: serves it wholly (not only part of it).
    serves: Vec<bool>,
    /// Per age band: the whole band certainly fits.
    age: Vec<AgeFit>,
    /// Per need: carries one of its categories.
    need: Vec<bool>,
    /// Per proof level: takes it by the policy (at A and B, as a response that can be the
    /// next step: a listening line there is support while waiting, not a crisis response).
    level: Vec<bool>,
    /// Per proof level: takes it by the policy, listening lines included (for the cause).
    level_any: Vec<bool>,
    /// A firm option by everything but place, age, need, level and time.
    firm_record: bool,
    catch_all: bool,
    /// Per proof level (only for firm records): the hours it is reachable within the window.
    reach: Vec<Bits>,
    /// Per proof level: hours not confirmed at some checked hour.
    unsure: Vec<bool>,
}

pub fn prove(
    dir: &Directory,
    safety_net: &[Service],
    own_services: &[String],
    reference: Reference,
) -> Proof {
    let cal = Calendar::with_changes(&dir.bank_holidays);
    let instants = reference.instants();
    let places: Vec<&str> = dir.places.local().map(|p| p.id.as_str()).collect();
    let levels = proof_levels(dir);
    let needs: Vec<(&str, &[Category])> = dir
        .triage
        .needs
        .iter()
        .map(|n| (n.id.as_str(), n.categories.as_slice()))
        .collect();
    let net_ids: Vec<&str> = safety_net.iter().map(|s| s.id.as_str()).collect();
    let scopes: Vec<PlaceScope> = places
        .iter()
        .map(|id| PlaceScope::Place {
            id: id.to_string(),
            name: String::new(),
            why: String::new(),
        })
        .collect();

    let facts: Vec<Facts> = dir
        .services
        .iter()
        .filter(|s| s.status != Status::Closed && !own_services.contains(&s.id))
        .filter(|s| !net_ids.contains(&s.id.as_str()))
        .map(|s| {
            // The proof's calls carry no flags: a perinatal service then needs a check.
            let firm_record = fit::firm_record(s, Role::Handler, false);
            let catch_all = fit::is_catch_all(s, &net_ids);
            let listening = response_for(s, &dir.triage.policy).0 == ResponseKind::ListeningSupport;
            let level_any: Vec<bool> = levels
                .iter()
                .map(|(code, _)| fit::takes_level(s, &dir.triage.policy, code).is_ok())
                .collect();
            let level: Vec<bool> = levels
                .iter()
                .zip(&level_any)
                .map(|((code, _), takes)| *takes && !(listening && is_crisis_level(dir, code)))
                .collect();
            let mut reach = vec![Bits::new(instants.len()); levels.len()];
            let mut unsure = vec![false; levels.len()];
            if firm_record && !catch_all {
                for (li, (_, window)) in levels.iter().enumerate() {
                    if !level[li] {
                        continue;
                    }
                    for (h, at) in instants.iter().enumerate() {
                        let r = fit::reach(s, Role::Handler, &cal, *at, *window);
                        if r.reachable() {
                            reach[li].set(h);
                        } else if matches!(r.kind, crate::hours::ReachKind::Unsure { .. }) {
                            unsure[li] = true;
                        }
                    }
                }
            }
            Facts {
                serves: scopes
                    .iter()
                    .map(|sc| sc.placement(&dir.places, s).is_some_and(|p| !p.part))
                    .collect(),
                age: AGE_BANDS
                    .iter()
                    .map(|b| AgeAsk::Band { lo: b.lo, hi: b.hi }.fit(&s.age))
                    .collect(),
                need: needs.iter().map(|(_, c)| fit::has_any(s, c)).collect(),
                level,
                level_any,
                firm_record,
                catch_all,
                reach,
                unsure,
            }
        })
        .collect();

    let mut holds = Vec::new();
    let mut gaps = Vec::new();
    let total = instants.len();
    for (pi, place) in places.iter().enumerate() {
        for (bi, band) in AGE_BANDS.iter().enumerate() {
            for (li, (level, _)) in levels.iter().enumerate() {
                for (ni, (need, _)) in needs.iter().enumerate() {
                    let mut bits = Bits::new(total);
                    for f in &facts {
                        if f.firm_record
                            && !f.catch_all
                            && f.serves[pi]
                            && f.age[bi] == AgeFit::Fits
                            && f.need[ni]
                            && f.level[li]
                        {
                            bits.or(&f.reach[li]);
                        }
                    }
                    let held = bits.count();
                    if held < total {
                        let first = (0..total).find(|h| !bits.get(*h)).unwrap_or(0);
                        gaps.push(Gap {
                            place: place.to_string(),
                            place_name: dir
                                .places
                                .get(place)
                                .map(|p| p.name.clone())
                                .unwrap_or_default(),
                            age_band: band.label.to_string(),
                            urgency: level.clone(),
                            need: need.to_string(),
                            need_label: dir
                                .triage
                                .need(need)
                                .map(|n| n.label.clone())
                                .unwrap_or_default(),
                            failing_hours: total - held,
                            first_failing: london::describe(instants[first]),
                            cause: cause::of(&facts, pi, bi, li, ni),
                            status: GapStatus::Unaccepted,
                            entry: None,
                            fallback: fallback(dir, safety_net, own_services, level),
                        });
                    }
                    holds.push(bits);
                }
            }
        }
    }

    let mut proof = Proof {
        week_from: reference.week_from.to_string(),
        bank_holiday: reference.bank_holiday.to_string(),
        hours_checked: total,
        places: places.iter().map(|p| p.to_string()).collect(),
        age_bands: AGE_BANDS.iter().map(|b| b.label.to_string()).collect(),
        levels: levels.iter().map(|(c, _)| c.clone()).collect(),
        needs: needs.iter().map(|(n, _)| n.to_string()).collect(),
        combinations: holds.len(),
        counts: Vec::new(),
        gaps,
        problems: Vec::new(),
        holds,
    };
    accept::judge(&mut proof, dir, &levels);
    proof
}
