//! The searcher: owns the index and keeps work between keystrokes (matched words, place answers,
//! open-now states), so each keystroke only does what changed.

use super::explain::explain;
use super::facts::{age_rank, category_bit, Facts};
use super::hits::build_hit;
use super::index::{Field, Index};
use super::open_now::{self, Judged, OpenStates};
use super::place::{PlaceScope, Placement};
use super::query::Query;
use super::rank::{rank_key, reach_rank, Standing};
use super::results::{Group, GroupResults, Meaning, Results, RiskWords};
use super::stem::Stems;
use super::terms::{Kind, TermMatch};
use super::understand::{understand, Understood};
use super::vocabulary::Vocabulary;
use crate::hours::{self, Calendar};
use crate::model::{Category, Directory, Status};
use crate::places::PlaceIndex;
use chrono::{DateTime, Utc};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;
use std::sync::Arc;

/// How many recent typed words keep their matches (a query is rarely more than a few words,
/// and backspacing returns to one just seen).
const TERM_CACHE: usize = 24;

pub struct Searcher {
    dir: Arc<Directory>,
    index: Index,
    facts: Vec<Facts>,
    places: PlaceIndex,
    calendar: Calendar,
    skim: SkimMatcherV2,
    terms: Vec<Arc<TermMatch>>,
    placements: HashMap<String, Arc<Vec<Option<Placement>>>>,
    /// Services listing the same areas (and exceptions) serve the same places: one answer each.
    area_class: Vec<u32>,
    area_examples: Vec<u32>,
    open: OpenStates,
    stems: Stems,
    vocabulary: Vocabulary,
    /// Per set of category bits: the services carrying one of them, found once.
    meaning_docs: HashMap<u32, Arc<Vec<u32>>>,
}

/// What a service reached through the vocabulary scores for that phrase: above a description
/// match (30), below a keyword (70) or name (100) match; a little more when it carries the
/// term's first category, the one most to the point.
pub(crate) const MEANING_WEIGHT: u16 = 40;
pub(crate) const PRIMARY_WEIGHT: u16 = 50;
const FOCUS_WEIGHT: u32 = 5;

/// One unit of the query with its word matches: a vocabulary phrase or a single word.
pub(crate) struct UnitMatch {
    pub words: Vec<Arc<TermMatch>>,
    /// The vocabulary term and the phrase as typed.
    pub meaning: Option<(usize, String)>,
    /// Category bits of the term (0 for a plain word).
    pub mask: u32,
    pub primary: u32,
}

/// One service that passed every filter, with what ranking and grouping need.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub doc: u32,
    pub key: u64,
    pub relevance: u16,
    pub group: Group,
    pub placement: Placement,
}

/// How a query's units are combined: every unit must match (narrowing, as a handler expects when
/// adding a word), or — when that finds nothing — any unit, ranked by how much matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combine {
    All,
    Any,
}

impl Searcher {
    pub fn new(dir: Arc<Directory>) -> Searcher {
        let index = Index::build(&dir.services);
        let facts = dir.services.iter().map(Facts::of).collect();
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

    /// The services carrying any of these category bits, found once per set.
    fn meaning_docs(&mut self, mask: u32) -> Arc<Vec<u32>> {
        if let Some(d) = self.meaning_docs.get(&mask) {
            return Arc::clone(d);
        }
        let docs: Vec<u32> = (0..self.facts.len() as u32)
            .filter(|&d| self.facts[d as usize].categories & mask != 0)
            .collect();
        let docs = Arc::new(docs);
        self.meaning_docs.insert(mask, Arc::clone(&docs));
        docs
    }

    /// Each unit with its word matches and the categories its meaning reaches. When the words
    /// already find services by their own name, keyword or category ("perinatal", "suicide
    /// bereavement"), a term reaches only its first category: its wider ones would list
    /// services that merely share a broad category above the ones typed for. Crisis and
    /// emergency stay, and risk terms reach every category they name, so the safety net is
    /// always listed for a suicide, self-harm, overdose or crisis phrase.
    fn units(&mut self, u: &Understood) -> Vec<UnitMatch> {
        u.units
            .iter()
            .map(|unit| {
                let words: Vec<Arc<TermMatch>> = unit.words.iter().map(|w| self.term(w)).collect();
                let (mut mask, primary, risk) = match &unit.meaning {
                    Some((t, _)) => {
                        let m = &self.vocabulary.meanings[*t];
                        (m.mask, m.primary, m.risk)
                    }
                    None => (0, 0, false),
                };
                if !risk && mask != 0 && found_in_short_fields(&words) {
                    let urgent = category_bit(Category::Crisis) | category_bit(Category::Emergency);
                    mask = primary | (mask & urgent);
                }
                UnitMatch {
                    words,
                    mask,
                    primary,
                    meaning: unit.meaning.clone(),
                }
            })
            .collect()
    }

    /// A service's score for one unit: its words found directly (all of them, or none counts),
    /// plus the meaning's weight when it carries one of the term's categories.
    fn unit_score(&self, u: &UnitMatch, d: usize) -> u32 {
        let mut direct = 0u32;
        for m in &u.words {
            let b = m.best[d];
            if b == 0 {
                direct = 0;
                break;
            }
            direct += u32::from(b);
        }
        let cats = self.facts[d].categories;
        let meaning = if cats & u.primary != 0 {
            u32::from(PRIMARY_WEIGHT)
        } else if cats & u.mask != 0 {
            u32::from(MEANING_WEIGHT)
        } else {
            0
        };
        // A service wholly about the need ("bereavement" and nothing else) before one that
        // only also covers it.
        let focused = if meaning > 0 && cats & !u.mask == 0 {
            FOCUS_WEIGHT
        } else {
            0
        };
        direct + meaning + focused
    }

    /// The services a unit can reach: those matching all its words, and its meaning's.
    fn unit_docs(&mut self, u: &UnitMatch) -> Vec<u32> {
        let mut out: Vec<u32> = match u.words.iter().min_by_key(|m| m.docs.len()) {
            Some(driver) => driver
                .docs
                .iter()
                .copied()
                .filter(|&d| u.words.iter().all(|m| m.best[d as usize] > 0))
                .collect(),
            None => Vec::new(),
        };
        if u.mask != 0 {
            out.extend(self.meaning_docs(u.mask).iter().copied());
        }
        out
    }

    /// Text relevance of every service the units reach, with the whole-name bonuses.
    fn text_candidates(
        &mut self,
        units: &[UnitMatch],
        words: &[Arc<TermMatch>],
    ) -> Vec<(u32, u16)> {
        let n = self.dir.services.len();
        if units.is_empty() {
            return (0..n as u32).map(|d| (d, 0)).collect();
        }
        let lists: Vec<Vec<u32>> = units.iter().map(|u| self.unit_docs(u)).collect();
        let any_meaning = units.iter().any(|u| u.meaning.is_some());
        let mut seen = vec![false; n];
        let mut out = Vec::new();
        for combine in [Combine::All, Combine::Any] {
            let from: Vec<&Vec<u32>> = match combine {
                Combine::All => lists.iter().min_by_key(|l| l.len()).into_iter().collect(),
                Combine::Any => lists.iter().collect(),
            };
            for &d in from.into_iter().flatten() {
                if std::mem::replace(&mut seen[d as usize], true) {
                    continue;
                }
                let mut rel = 0u32;
                let mut all = true;
                for u in units {
                    let s = self.unit_score(u, d as usize);
                    all &= s > 0;
                    rel += s;
                }
                if rel == 0 || (combine == Combine::All && !all) {
                    continue;
                }
                // When not every unit can match, a phrase the vocabulary understands says what
                // the call is about: a leftover word ("last week") must not bring in services.
                if combine == Combine::Any
                    && any_meaning
                    && !units
                        .iter()
                        .any(|u| u.meaning.is_some() && self.unit_score(u, d as usize) > 0)
                {
                    continue;
                }
                rel += u32::from(self.bonus(d as usize, words));
                out.push((d, rel.min(u32::from(u16::MAX)) as u16));
            }
            if !out.is_empty() || units.len() == 1 {
                break;
            }
            seen.iter_mut().for_each(|s| *s = false);
        }
        out
    }

    /// The name (or organisation) is exactly what was typed — corrected or still being typed —
    /// rather than merely containing it: "Samaritans" above "Isle of Wight Samaritans".
    fn bonus(&self, doc: usize, terms: &[Arc<TermMatch>]) -> u16 {
        if terms.is_empty() {
            return 0;
        }
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

    /// Services the typed words name: whose name is the whole query (every word complete, or
    /// read as a misspelling), or failing that the one service whose name holds the query as a
    /// run of words. Such a service is listed first, whatever its group.
    fn named(&self, docs: &[(u32, u16)], words: &[Arc<TermMatch>], any_meaning: bool) -> Vec<u32> {
        if words.is_empty() {
            return Vec::new();
        }
        let complete = |t: &TermMatch, w: u32| t.kind_of(w).is_some_and(|k| k != Kind::Prefix);
        let run_at =
            |name: &[u32], at: usize| words.iter().zip(&name[at..]).all(|(t, w)| complete(t, *w));
        let mut equal = Vec::new();
        let mut within = Vec::new();
        for &(d, _) in docs {
            let name = self.index.name_words(d as usize);
            if name.len() < words.len() {
                continue;
            }
            if name.len() == words.len() && run_at(name, 0) {
                equal.push(d);
            } else if within.len() < 2 && (0..=name.len() - words.len()).any(|at| run_at(name, at))
            {
                within.push(d);
            }
        }
        // One word the vocabulary understands ("carers") is a need, not a name.
        if equal.is_empty() && within.len() == 1 && (words.len() >= 2 || !any_meaning) {
            return within;
        }
        equal
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
        // Cheap filters first; open-now states only for what survives them.
        let mut passed: Vec<(u32, u16, Placement, u8)> = Vec::with_capacity(text_hits.len());
        for &(d, rel) in &text_hits {
            let f = &self.facts[d as usize];
            if f.status == Status::Closed
                || (cat_mask != 0 && f.categories & cat_mask == 0)
                || (q.self_referral_only && !f.self_referral)
            {
                continue;
            }
            let Some(p) = placements[d as usize] else {
                continue;
            };
            let Some(age) = age_rank(&f.age, q) else {
                continue;
            };
            passed.push((d, rel, p, age));
        }
        let docs: Vec<u32> = passed.iter().map(|p| p.0).collect();
        self.ensure_open(q.at, q.within_minutes, &docs);
        let mut groups: [Vec<Candidate>; 4] = Default::default();
        for (d, rel, p, age) in passed {
            let f = &self.facts[d as usize];
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
            let shown_in = if named.contains(&d) {
                Group::Named
            } else {
                group
            };
            groups[shown_in as usize].push(Candidate {
                doc: d,
                key,
                relevance: rel,
                group,
                placement: p,
            });
        }
        let mut out = Vec::with_capacity(4);
        // A named service that already leads the list stays in its own group: the separate
        // heading is for bringing it up from further down.
        if let [only] = groups[Group::Named as usize][..] {
            let own = only.group as usize;
            let leads = groups[..own].iter().all(|l| l.is_empty())
                && groups[own].iter().all(|o| o.key > only.key);
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
                list.select_nth_unstable_by_key(keep - 1, |c| c.key);
            }
            list.truncate(keep);
            list.sort_unstable_by_key(|c| c.key);
            let hits = list
                .iter()
                .map(|c| build_hit(self, q, &scope, &units, c))
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

/// The vocabulary phrases the query holds, as results report them.
fn meanings(vocab: &Vocabulary, units: &[UnitMatch]) -> Vec<Meaning> {
    units
        .iter()
        .filter_map(|u| u.meaning.as_ref())
        .map(|(t, phrase)| {
            let m = &vocab.meanings[*t];
            Meaning {
                phrase: phrase.clone(),
                label: m.label.clone(),
                categories: m.categories.clone(),
                risk: m.risk,
            }
        })
        .collect()
}

/// Some service has every one of these words in its name, organisation, keywords or categories.
fn found_in_short_fields(words: &[Arc<TermMatch>]) -> bool {
    const SHORT: u8 = !(1 << (Field::Description as u8));
    let Some(driver) = words.iter().min_by_key(|m| m.docs.len()) else {
        return false;
    };
    driver.docs.iter().any(|&d| {
        words
            .iter()
            .all(|m| m.fields[d as usize] & SHORT != 0 && m.best[d as usize] > 0)
    })
}
