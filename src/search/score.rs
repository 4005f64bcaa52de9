//! Scoring what was typed: each phrase or word of the query against every service — its own
//! words found directly, its meaning reached through the vocabulary — combined so adding a word
//! narrows, and the service the words name.

use super::bits::Bits;
use super::facts::category_bit;
use super::index::Field;
use super::results::Meaning;
use super::searcher::Searcher;
use super::terms::{Kind, TermMatch};
use super::understand::Understood;
use super::vocabulary::Vocabulary;
use crate::model::Category;
use std::sync::Arc;

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

/// How a query's units are combined: every unit must match (narrowing, as a handler expects when
/// adding a word), or — when that finds nothing — any unit, ranked by how much matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combine {
    All,
    Any,
}

impl Searcher {
    /// The services carrying any of these category bits, found once per set.
    fn meaning_docs(&mut self, mask: u32) -> Arc<Bits> {
        if let Some(d) = self.meaning_docs.get(&mask) {
            return Arc::clone(d);
        }
        let docs = Bits::of(
            self.facts.len(),
            (0..self.facts.len() as u32).filter(|&d| self.facts[d as usize].categories & mask != 0),
        );
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
    pub(super) fn units(&mut self, u: &Understood) -> Vec<UnitMatch> {
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

    /// The services a unit can reach (exactly those it scores above 0 for): those matching all
    /// its words, and its meaning's.
    fn unit_docs(&mut self, u: &UnitMatch) -> Bits {
        let mut set = match u.words.split_first() {
            Some((first, rest)) => {
                let mut set = first.set.clone();
                for m in rest {
                    set.and_with(&m.set);
                }
                set
            }
            None => Bits::new(self.dir.services.len()),
        };
        if u.mask != 0 {
            set.or_with(&self.meaning_docs(u.mask));
        }
        set
    }

    /// Text relevance of every service the units reach, with the whole-name bonuses, in
    /// directory order.
    pub(super) fn text_candidates(
        &mut self,
        units: &[UnitMatch],
        words: &[Arc<TermMatch>],
    ) -> Vec<(u32, u16)> {
        let n = self.dir.services.len();
        if units.is_empty() {
            return (0..n as u32).map(|d| (d, 0)).collect();
        }
        let sets: Vec<Bits> = units.iter().map(|u| self.unit_docs(u)).collect();
        let any_meaning = units.iter().any(|u| u.meaning.is_some());
        let mut out = Vec::new();
        for combine in [Combine::All, Combine::Any] {
            let mut from = sets[0].clone();
            for s in &sets[1..] {
                match combine {
                    Combine::All => from.and_with(s),
                    Combine::Any => from.or_with(s),
                }
            }
            for d in from.iter() {
                let mut rel = 0u32;
                let mut all = true;
                let mut meant = false;
                for u in units {
                    let s = self.unit_score(u, d as usize);
                    all &= s > 0;
                    meant |= s > 0 && u.meaning.is_some();
                    rel += s;
                }
                if rel == 0 || (combine == Combine::All && !all) {
                    continue;
                }
                // When not every unit can match, a phrase the vocabulary understands says what
                // the call is about: a leftover word ("last week") must not bring in services.
                if combine == Combine::Any && any_meaning && !meant {
                    continue;
                }
                rel += u32::from(self.bonus(d as usize, words));
                out.push((d, rel.min(u32::from(u16::MAX)) as u16));
            }
            if !out.is_empty() || units.len() == 1 {
                break;
            }
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
    pub(super) fn named(
        &self,
        docs: &[(u32, u16)],
        words: &[Arc<TermMatch>],
        any_meaning: bool,
    ) -> Vec<u32> {
        if words.is_empty() || !words.iter().all(|w| w.complete) {
            return Vec::new();
        }
        let in_name = 1u8 << (Field::Name as u8);
        let complete = |t: &TermMatch, w: u32| t.kind_of(w).is_some_and(|k| k != Kind::Prefix);
        let run_at =
            |name: &[u32], at: usize| words.iter().zip(&name[at..]).all(|(t, w)| complete(t, *w));
        let mut equal = Vec::new();
        let mut within = Vec::new();
        for &(d, _) in docs {
            if words.iter().any(|w| w.fields[d as usize] & in_name == 0) {
                continue;
            }
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
}

/// The vocabulary phrases the query holds, as results report them.
pub(super) fn meanings(vocab: &Vocabulary, units: &[UnitMatch]) -> Vec<Meaning> {
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
    let Some(driver) = words.iter().min_by_key(|m| m.count) else {
        return false;
    };
    driver.set.iter().any(|d| {
        words
            .iter()
            .all(|m| m.fields[d as usize] & SHORT != 0 && m.best[d as usize] > 0)
    })
}
