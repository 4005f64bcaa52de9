//! The searcher: owns the index and keeps work between keystrokes (matched words, place answers,
//! open-now states), so each keystroke only does what changed.

use super::explain::explain;
use super::facts::{age_rank, category_bit, Facts};
use super::hits::build_hit;
use super::index::Index;
use super::normalise::query_terms;
use super::place::{PlaceScope, Placement};
use super::query::Query;
use super::results::{Group, GroupResults, Results};
use super::terms::TermMatch;
use crate::hours::{self, Calendar, State};
use crate::model::{Directory, Status};
use crate::places::{PlaceIndex, Reach};
use chrono::{DateTime, Utc};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;
use std::sync::Arc;

/// How many recent typed words keep their matches (a query is rarely more than a few words,
/// and backspacing returns to one just seen).
const TERM_CACHE: usize = 24;

/// Open-now state codes kept per service for one instant.
pub(crate) mod open {
    pub const UNKNOWN: u8 = 0;
    pub const OPEN: u8 = 1;
    pub const CLOSED: u8 = 2;
    /// Bank holiday with an unconfirmed rule, or hours not confirmed: never "open".
    pub const UNSURE: u8 = 3;
}

/// Above this many services still to judge, open-now states are worked out on two threads.
const PARALLEL_HOURS: usize = 4096;

pub struct Searcher {
    dir: Arc<Directory>,
    index: Index,
    facts: Vec<Facts>,
    places: PlaceIndex,
    calendar: Calendar,
    skim: SkimMatcherV2,
    terms: Vec<Arc<TermMatch>>,
    placements: HashMap<String, Arc<Vec<u8>>>,
    open_at: Option<DateTime<Utc>>,
    open: Vec<u8>,
}

/// One service that passed every filter, with what ranking and grouping need.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub doc: u32,
    pub key: u64,
    pub relevance: u16,
    pub group: Group,
}

/// Ranking as one number, smallest first: text relevance, then reachable now, then local over
/// national, then age fit, then name order (unique, so the order is total and deterministic).
fn rank_key(relevance: u16, now: u8, reach_rank: u8, age: u8, name_rank: u32) -> u64 {
    (u64::from(u16::MAX - relevance) << 48)
        | (u64::from(now & 3) << 46)
        | (u64::from(reach_rank & 3) << 44)
        | (u64::from(age & 3) << 42)
        | u64::from(name_rank)
}

impl Searcher {
    pub fn new(dir: Arc<Directory>) -> Searcher {
        let index = Index::build(&dir.services);
        let facts = dir.services.iter().map(Facts::of).collect();
        let places = PlaceIndex::new(&dir.places);
        let calendar = Calendar::with_changes(&dir.bank_holidays);
        let n = dir.services.len();
        Searcher {
            dir,
            index,
            facts,
            places,
            calendar,
            skim: SkimMatcherV2::default(),
            terms: Vec::new(),
            placements: HashMap::new(),
            open_at: None,
            open: vec![open::UNKNOWN; n],
        }
    }

    pub fn directory(&self) -> &Directory {
        &self.dir
    }

    pub fn shared_directory(&self) -> Arc<Directory> {
        Arc::clone(&self.dir)
    }

    pub fn place_index(&self) -> &PlaceIndex {
        &self.places
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    pub(crate) fn skim(&self) -> &SkimMatcherV2 {
        &self.skim
    }

    /// The matches for one folded word, reusing the last keystroke's work when this word
    /// extends a word already matched ("cri" → "cris").
    fn term(&mut self, t: &str) -> Arc<TermMatch> {
        if let Some(pos) = self.terms.iter().position(|m| m.term == t) {
            let m = self.terms.remove(pos);
            self.terms.push(Arc::clone(&m));
            return m;
        }
        let previous = self
            .terms
            .iter()
            .filter(|m| t.starts_with(m.term.as_str()))
            .max_by_key(|m| m.term.len())
            .cloned();
        let m = Arc::new(TermMatch::compute(
            &self.index,
            self.dir.services.len(),
            t,
            previous.as_deref(),
            &self.skim,
        ));
        if self.terms.len() >= TERM_CACHE {
            self.terms.remove(0);
        }
        self.terms.push(Arc::clone(&m));
        m
    }

    /// Per service: how it serves the scope (`Placement::code`), worked out once per place.
    pub(crate) fn placements(&mut self, scope: &PlaceScope) -> Arc<Vec<u8>> {
        let key = scope.cache_key();
        if let Some(p) = self.placements.get(&key) {
            return Arc::clone(p);
        }
        let codes: Vec<u8> = self
            .dir
            .services
            .iter()
            .map(|s| Placement::code(scope.placement(&self.dir.places, s)))
            .collect();
        let codes = Arc::new(codes);
        if self.placements.len() > 32 {
            self.placements.clear();
        }
        self.placements.insert(key, Arc::clone(&codes));
        codes
    }

    /// Make sure the open-now state of these services is known for `at`.
    fn ensure_open(&mut self, at: DateTime<Utc>, docs: &[u32]) {
        if self.open_at != Some(at) {
            self.open.iter_mut().for_each(|c| *c = open::UNKNOWN);
            self.open_at = Some(at);
        }
        let todo: Vec<u32> = docs
            .iter()
            .copied()
            .filter(|&d| self.open[d as usize] == open::UNKNOWN)
            .collect();
        if todo.is_empty() {
            return;
        }
        let (dir, cal, facts) = (&self.dir, &self.calendar, &self.facts);
        let judge = |d: u32| -> u8 {
            if !facts[d as usize].hours_confirmed {
                return open::UNSURE;
            }
            match hours::status(&dir.services[d as usize].hours, cal, at).state {
                State::Open { .. } => open::OPEN,
                State::Closed { .. } => open::CLOSED,
                _ => open::UNSURE,
            }
        };
        let codes: Vec<u8> = if todo.len() >= PARALLEL_HOURS {
            let (a, b) = todo.split_at(todo.len() / 2);
            std::thread::scope(|sc| {
                let h = sc.spawn(|| a.iter().map(|&d| judge(d)).collect::<Vec<u8>>());
                let mut second: Vec<u8> = b.iter().map(|&d| judge(d)).collect();
                let mut first = h.join().unwrap_or_else(|_| a.iter().map(|&d| judge(d)).collect());
                first.append(&mut second);
                first
            })
        } else {
            todo.iter().map(|&d| judge(d)).collect()
        };
        for (d, c) in todo.into_iter().zip(codes) {
            self.open[d as usize] = c;
        }
    }

    /// Text relevance of every service matching every word, with the whole-name bonuses.
    fn text_candidates(&mut self, terms: &[String]) -> (Vec<Arc<TermMatch>>, Vec<(u32, u16)>) {
        if terms.is_empty() {
            let all = (0..self.dir.services.len() as u32).map(|d| (d, 0)).collect();
            return (Vec::new(), all);
        }
        let matches: Vec<Arc<TermMatch>> = terms.iter().map(|t| self.term(t)).collect();
        let driver = matches
            .iter()
            .min_by_key(|m| m.docs.len())
            .expect("at least one term");
        let mut out = Vec::with_capacity(driver.docs.len());
        'docs: for &d in &driver.docs {
            let mut rel: u32 = 0;
            for m in &matches {
                let b = m.best[d as usize];
                if b == 0 {
                    continue 'docs;
                }
                rel += u32::from(b);
            }
            rel += u32::from(self.bonus(d as usize, &matches));
            out.push((d, rel.min(u32::from(u16::MAX)) as u16));
        }
        (matches, out)
    }

    /// The name (or organisation) is exactly what was typed — corrected or still being typed —
    /// rather than merely containing it: "Samaritans" above "Isle of Wight Samaritans".
    fn bonus(&self, doc: usize, terms: &[Arc<TermMatch>]) -> u16 {
        let covers = |words: &[u32]| {
            words.len() >= terms.len()
                && terms
                    .iter()
                    .zip(words)
                    .all(|(t, w)| t.kind_of(*w).is_some())
        };
        let name = self.index.name_words(doc);
        let mut b = 0;
        if covers(name) {
            b += if name.len() == terms.len() { 200 } else { 40 };
        }
        let org = self.index.org_words(doc);
        if org.len() == terms.len() && covers(org) {
            b += 100;
        }
        b
    }

    /// Run a query. Results come in three groups, ranked, each hit with its reasons.
    pub fn search(&mut self, q: &Query) -> Results {
        let scope = PlaceScope::resolve(&self.dir.places, &self.places, q.place.as_ref());
        let terms = query_terms(&q.text);
        let placements = self.placements(&scope);
        let (matches, text_hits) = self.text_candidates(&terms);
        let cat_mask = q.categories.iter().fold(0, |m, c| m | category_bit(*c));
        let place_filtered = scope.is_filter();
        // Cheap filters first; open-now states only for what survives them.
        let mut passed: Vec<(u32, u16, Placement, u8)> = Vec::with_capacity(text_hits.len());
        for &(d, rel) in &text_hits {
            let (f, s) = (&self.facts[d as usize], &self.dir.services[d as usize]);
            if f.status == Status::Closed
                || (cat_mask != 0 && f.categories & cat_mask == 0)
                || (q.self_referral_only && !f.self_referral)
            {
                continue;
            }
            let Some(p) = Placement::from_code(placements[d as usize]) else {
                continue;
            };
            let Some(age) = age_rank(&s.age, q.age) else {
                continue;
            };
            passed.push((d, rel, p, age));
        }
        let docs: Vec<u32> = passed.iter().map(|p| p.0).collect();
        self.ensure_open(q.at, &docs);
        let mut groups: [Vec<Candidate>; 3] = Default::default();
        for (d, rel, p, age) in passed {
            let f = &self.facts[d as usize];
            let now = self.open[d as usize];
            if q.open_now && now != open::OPEN {
                continue;
            }
            let check = f.status == Status::Unconfirmed
                || age == 2
                || now == open::UNSURE
                || !f.contact_confirmed(q.role)
                || p.part;
            let group = if now == open::CLOSED {
                Group::ClosedNow
            } else if check {
                Group::CheckFirst
            } else {
                Group::Reachable
            };
            let reach_rank = match (place_filtered, p.reach) {
                (true, r) => r as u8,
                // With no place, area-wide and national services suit any caller best.
                (false, Reach::AreaWide) => 0,
                (false, Reach::National) => 1,
                (false, Reach::Local) => 2,
            };
            let now_rank = match now {
                open::OPEN => 0,
                open::UNSURE => 1,
                _ => 2,
            };
            let key = rank_key(
                rel,
                now_rank,
                reach_rank,
                age,
                self.index.name_rank[d as usize],
            );
            groups[group as usize].push(Candidate {
                doc: d,
                key,
                relevance: rel,
                group,
            });
        }
        let mut out = Vec::with_capacity(3);
        for (g, mut list) in Group::ALL.into_iter().zip(groups) {
            let total = list.len();
            let keep = q.limit.unwrap_or(usize::MAX).min(total);
            if keep < total && keep > 0 {
                list.select_nth_unstable_by_key(keep - 1, |c| c.key);
            }
            list.truncate(keep);
            list.sort_unstable_by_key(|c| c.key);
            let hits = list
                .iter()
                .map(|c| build_hit(self, q, &scope, &matches, c))
                .collect();
            out.push(GroupResults {
                group: g,
                total,
                hits,
            });
        }
        let mut results = Results {
            terms,
            place: scope,
            groups: out,
            notes: Vec::new(),
            empty: None,
        };
        if let Some(n) = results.place.note() {
            results.notes.push(n);
        }
        if results.is_empty() {
            results.empty = Some(explain(self, q, &results.place, &matches, &placements));
        }
        results
    }

    /// The hours status of one service now, for its hit.
    pub(crate) fn status_of(&self, doc: usize, at: DateTime<Utc>) -> hours::Status {
        hours::status(&self.dir.services[doc].hours, &self.calendar, at)
    }

    pub(crate) fn facts(&self, doc: usize) -> &Facts {
        &self.facts[doc]
    }

    /// Open-now states for every service at `at` (used when explaining an empty result).
    pub(crate) fn all_open(&mut self, at: DateTime<Utc>) -> Vec<u8> {
        let all: Vec<u32> = (0..self.dir.services.len() as u32).collect();
        self.ensure_open(at, &all);
        self.open.clone()
    }
}

/// Search once without keeping a searcher (the CLI; tests).
pub fn search(dir: Arc<Directory>, q: &Query) -> Results {
    Searcher::new(dir).search(q)
}
