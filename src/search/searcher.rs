//! The searcher: owns the index and keeps work between keystrokes (matched words, place answers,
//! open-now states), so each keystroke only does what changed.

use super::bits::Bits;
use super::explain::explain;
use super::facts::{age_rank, category_bit, Facts};
use super::hits::{build_hit, HitContext};
use super::index::Index;
use super::normalise::Scratch;
use super::open_now::{self, Judged, OpenStates};
use super::place::{PlaceScope, Placement};
use super::query::Query;
use super::rank::{rank_key, reach_rank, relevance_of, Standing};
use super::results::{Group, GroupResults, Results, RiskWords};
use super::score::meanings;
use super::stem::Stems;
use super::terms::TermMatch;
use super::understand::understand;
use super::vocabulary::Vocabulary;
use crate::hours::{self, Calendar};
use crate::model::{AgeRange, Directory, Status};
use crate::places::PlaceIndex;
use chrono::{DateTime, Utc};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;
use std::sync::Arc;

/// How many recent typed words keep their matches (a query is rarely more than a few words,
/// and backspacing returns to one just seen).
const TERM_CACHE: usize = 24;

pub struct Searcher {
    pub(super) dir: Arc<Directory>,
    pub(super) index: Index,
    pub(super) facts: Vec<Facts>,
    /// Per service: the age range the filters read (apart from `facts`, which every keystroke
    /// scans: only a query with an age reads these).
    ages: Vec<AgeRange>,
    places: PlaceIndex,
    calendar: Calendar,
    skim: SkimMatcherV2,
    terms: Vec<Arc<TermMatch>>,
    placements: HashMap<String, Arc<Vec<Option<Placement>>>>,
    /// Services listing the same areas (and exceptions) serve the same places: one answer each.
    area_class: Vec<u32>,
    area_examples: Vec<u32>,
    open: OpenStates,
    pub(super) stems: Stems,
    pub(super) vocabulary: Vocabulary,
    /// Per set of category bits: the services carrying one of them, found once.
    pub(super) meaning_docs: HashMap<u32, Arc<Bits>>,
}

/// One service being shown, with what its hit needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub doc: u32,
    pub relevance: u16,
    pub group: Group,
    pub placement: Placement,
}

impl Searcher {
    pub fn new(dir: Arc<Directory>) -> Searcher {
        let index = Index::build(&dir.services);
        let facts = dir.services.iter().map(Facts::of).collect();
        let ages = dir.services.iter().map(Facts::age_of).collect();
        let places = PlaceIndex::new(&dir.places);
        let calendar = Calendar::with_changes(&dir.bank_holidays);
        let open = OpenStates::new(&dir.services);
        let mut classes: HashMap<(&[String], &[String]), u32> = HashMap::new();
        let mut area_examples = Vec::new();
        let area_class = dir
            .services
            .iter()
            .enumerate()
            .map(|(d, s)| {
                *classes
                    .entry((s.areas.as_slice(), s.areas_except.as_slice()))
                    .or_insert_with(|| {
                        area_examples.push(d as u32);
                        area_examples.len() as u32 - 1
                    })
            })
            .collect();
        let stems = Stems::default();
        let vocabulary = Vocabulary::new(&dir.vocabulary, &stems);
        Searcher {
            dir,
            index,
            facts,
            ages,
            places,
            calendar,
            skim: SkimMatcherV2::default(),
            terms: Vec::new(),
            placements: HashMap::new(),
            area_class,
            area_examples,
            open,
            stems,
            vocabulary,
            meaning_docs: HashMap::new(),
        }
    }

    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
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

    /// How many distinct sets of opening hours the directory has (open-now work per minute).
    pub fn hours_patterns(&self) -> usize {
        self.open.patterns()
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Forget the words matched so far (a new call; benchmarks start each typed query cold).
    /// Place answers and open-now states stay: they do not depend on what was typed.
    pub fn clear_word_cache(&mut self) {
        self.terms.clear();
    }

    pub(crate) fn skim(&self) -> &SkimMatcherV2 {
        &self.skim
    }

    /// The matches for one folded word, reusing the last keystroke's work when this word
    /// extends a word already matched ("cri" → "cris").
    pub(super) fn term(&mut self, t: &str) -> Arc<TermMatch> {
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
        let stem = self.stems.of(t);
        let m = Arc::new(TermMatch::compute(
            &self.index,
            self.dir.services.len(),
            t,
            &stem,
            previous.as_deref(),
            &self.skim,
        ));
        if self.terms.len() >= TERM_CACHE {
            self.terms.remove(0);
        }
        self.terms.push(Arc::clone(&m));
        m
    }

    /// Per service: how it serves the scope, worked out once per place.
    pub(crate) fn placements(&mut self, scope: &PlaceScope) -> Arc<Vec<Option<Placement>>> {
        let key = scope.cache_key();
        if let Some(p) = self.placements.get(&key) {
            return Arc::clone(p);
        }
        let by_class: Vec<Option<Placement>> = self
            .area_examples
            .iter()
            .map(|&d| scope.placement(&self.dir.places, &self.dir.services[d as usize]))
            .collect();
        let codes: Vec<Option<Placement>> = self
            .area_class
            .iter()
            .map(|&c| by_class[c as usize])
            .collect();
        let codes = Arc::new(codes);
        if self.placements.len() > 32 {
            self.placements.clear();
        }
        self.placements.insert(key, Arc::clone(&codes));
        codes
    }

    /// Make sure the open-now (or reachable-within) state of these services is known.
    fn ensure_open(&mut self, at: DateTime<Utc>, window: Option<u32>, docs: &[u32]) {
        self.open
            .prepare(&self.dir.services, &self.calendar, at, window, docs);
    }

    /// Run a query. Results come in three groups, ranked, each hit with its reasons.
    pub fn search(&mut self, q: &Query) -> Results {
        let scope = PlaceScope::resolve(&self.dir.places, &self.places, q.place.as_ref());
        let understood = understand(&q.text, &self.vocabulary, &self.stems);
        let units = self.units(&understood);
        let terms = understood.words();
        let matches: Vec<Arc<TermMatch>> = units.iter().flat_map(|u| u.words.clone()).collect();
        let placements = self.placements(&scope);
        let text_hits = self.text_candidates(&units, &matches);
        let any_meaning = units.iter().any(|u| u.meaning.is_some());
        let named = self.named(&text_hits, &matches, any_meaning);
        let cat_mask = q.categories.iter().fold(0, |m, c| m | category_bit(*c));
        let place_filtered = scope.is_filter();
        if !self.open.ready(q.at, q.within_minutes) {
            let docs: Vec<u32> = text_hits.iter().map(|h| h.0).collect();
            self.ensure_open(q.at, q.within_minutes, &docs);
        }
        // Each group keeps only rank keys (8 bytes a service, with the service's name order in
        // the low bits, so the key says which service it is): at 100k services a one-letter
        // query fills these lists, and the best few are picked from them.
        let mut groups: [Vec<u64>; 4] = Default::default();
        // The named services and the groups their hits keep.
        let mut named_in: Vec<(u32, Group)> = Vec::new();
        for &(d, rel) in &text_hits {
            let f = self.facts[d as usize];
            if f.status == Status::Closed
                || (cat_mask != 0 && f.categories & cat_mask == 0)
                || (q.self_referral_only && !f.self_referral)
            {
                continue;
            }
            let Some(p) = placements[d as usize] else {
                continue;
            };
            let Some(age) = age_rank(&self.ages[d as usize], q) else {
                continue;
            };
            let now = self.open.code(d as usize);
            if q.open_now && now != open_now::OPEN {
                continue;
            }
            let group = Standing {
                status: f.status,
                age,
                now,
                contact: f.contact_confirmed(q.role),
                part: p.part,
            }
            .group();
            let key = rank_key(
                rel,
                now,
                reach_rank(place_filtered, p.reach),
                age,
                self.index.name_rank[d as usize],
            );
            if named.contains(&d) {
                groups[Group::Named as usize].push(key);
                named_in.push((d, group));
            } else {
                groups[group as usize].push(key);
            }
        }
        let mut out = Vec::with_capacity(4);
        let mut cx = HitContext {
            q,
            scope: &scope,
            units: &units,
            terms: &matches,
            scratch: Scratch::default(),
        };
        // A named service that already leads the list stays in its own group: the separate
        // heading is for bringing it up from further down.
        if let ([only], [(_, own)]) = (&groups[Group::Named as usize][..], &named_in[..]) {
            let (only, own) = (*only, *own as usize);
            let leads =
                groups[..own].iter().all(|l| l.is_empty()) && groups[own].iter().all(|&k| k > only);
            if leads {
                groups[own].push(only);
                groups[Group::Named as usize].clear();
            }
        }
        let [reachable, check, closed, named_list] = groups;
        let lists = [
            (Group::Named, named_list),
            (Group::Reachable, reachable),
            (Group::CheckFirst, check),
            (Group::ClosedNow, closed),
        ];
        for (g, mut list) in lists {
            if g == Group::Named && list.is_empty() {
                continue;
            }
            let total = list.len();
            let keep = q.limit.unwrap_or(usize::MAX).min(total);
            if keep < total && keep > 0 {
                list.select_nth_unstable(keep - 1);
            }
            list.truncate(keep);
            list.sort_unstable();
            let hits = list
                .iter()
                .filter_map(|&key| {
                    let doc = self.index.by_name_rank(key);
                    let group = match g {
                        Group::Named => named_in.iter().find(|n| n.0 == doc)?.1,
                        _ => g,
                    };
                    let c = Candidate {
                        doc,
                        relevance: relevance_of(key),
                        group,
                        placement: placements[doc as usize]?,
                    };
                    Some(build_hit(self, &mut cx, &c))
                })
                .collect();
            out.push(GroupResults {
                group: g,
                total,
                hits,
            });
        }
        let next_change = out
            .iter()
            .flat_map(|g| g.hits.iter())
            .filter_map(|h| {
                self.judged(h.doc, q.at, q.within_minutes)
                    .status
                    .next_change
            })
            .min();
        let meanings = meanings(&self.vocabulary, &units);
        let risk = meanings.iter().any(|m| m.risk).then(|| RiskWords {
            phrases: meanings
                .iter()
                .filter(|m| m.risk)
                .map(|m| m.phrase.clone())
                .collect(),
            draft: !self.vocabulary.approved,
        });
        let mut results = Results {
            terms,
            meanings,
            risk,
            place: scope,
            groups: out,
            notes: Vec::new(),
            empty: None,
            next_change,
        };
        if let Some(n) = results.place.note() {
            results.notes.push(n);
        }
        if results.is_empty() {
            let mut text_ok = vec![units.is_empty(); self.dir.services.len()];
            for (d, _) in &text_hits {
                text_ok[*d as usize] = true;
            }
            results.empty = Some(explain(
                self,
                q,
                &results.place,
                &matches,
                &text_ok,
                &placements,
            ));
        }
        results
    }

    /// The hours answer for one service, as prepared for the current search.
    pub(crate) fn judged(&self, doc: usize, at: DateTime<Utc>, window: Option<u32>) -> Judged {
        match self.open.judged(doc) {
            Some(j) if j.status.at == at && j.reach.map(|r| r.window_minutes) == window => *j,
            _ => {
                let h = &self.dir.services[doc].hours;
                Judged {
                    status: hours::status(h, &self.calendar, at),
                    reach: window.map(|w| hours::reach(h, &self.calendar, at, w)),
                }
            }
        }
    }

    pub(crate) fn facts(&self, doc: usize) -> &Facts {
        &self.facts[doc]
    }

    /// The age range the filters read for a service.
    pub(crate) fn age(&self, doc: usize) -> &AgeRange {
        &self.ages[doc]
    }

    /// Open-now states for every service at `at` (used when explaining an empty result).
    pub(crate) fn all_open(&mut self, at: DateTime<Utc>, window: Option<u32>) -> Vec<u8> {
        let all: Vec<u32> = (0..self.dir.services.len() as u32).collect();
        self.ensure_open(at, window, &all);
        (0..self.dir.services.len())
            .map(|d| self.open.code(d))
            .collect()
    }
}

/// Search once without keeping a searcher (the CLI; tests).
pub fn search(dir: Arc<Directory>, q: &Query) -> Results {
    Searcher::new(dir).search(q)
}
