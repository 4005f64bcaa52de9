//! Matching one typed word against the index: exact, word prefix, skim fuzzy, then edit distance,
//! each weighted by the field it was found in.

use super::bits::Bits;
use super::edit::{allowed_edits, within};
use super::index::{Field, Index};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// How a typed word met a directory word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Exact,
    /// The same word with another ending: "suicidal" for "suicide", "died" for "dies".
    Stem,
    Prefix,
    /// Letters in order with gaps (skim): "talkng" in "talking".
    Fuzzy,
    /// A misspelling within the allowed edits: "samartians" for "samaritans".
    Edit,
}

impl Kind {
    fn code(self) -> u8 {
        self as u8 + 1
    }
    fn from_code(c: u8) -> Option<Kind> {
        [
            Kind::Exact,
            Kind::Stem,
            Kind::Prefix,
            Kind::Fuzzy,
            Kind::Edit,
        ]
        .get((c as usize).wrapping_sub(1))
        .copied()
    }
}

/// The relevance of one typed word found in one field. Coarse steps on purpose, so services that
/// match equally well tie and the next ranking keys (reachable, local, age) decide.
pub fn weight(field: Field, kind: Kind) -> u16 {
    let base: u16 = match field {
        Field::Name => 100,
        Field::Organisation => 80,
        Field::Keyword | Field::Category => 70,
        Field::Description => 30,
    };
    // Exact, prefix, fuzzy, edit: misspellings rank below what was typed correctly.
    let pct: u16 = match kind {
        Kind::Exact => 10,
        Kind::Stem | Kind::Prefix => 9,
        Kind::Fuzzy => 6,
        Kind::Edit => 5,
    };
    base * pct / 10
}

/// Fuzzy matches need at least this many letters: one or two letters in order match almost
/// every word, which is noise, and slow.
const FUZZY_MIN_CHARS: usize = 3;

/// Everything one typed word matched: which directory words, and the best weight per service.
#[derive(Debug, Clone)]
pub struct TermMatch {
    pub term: String,
    /// Per word id: 0 = no match, else `Kind::code`. Dense: looked up for every candidate name.
    kinds: Vec<u8>,
    /// Short-field words that contain the term's letters in order from its first letter: a
    /// superset of this term's fuzzy and prefix matches, and of any longer term's, so the next
    /// keystroke only re-checks these.
    subsequence: Vec<u32>,
    /// The directory words matched by stem or misspelling (fuzzy or edit), sorted: few, and all
    /// a hit's highlighting needs besides "starts with the term".
    typo_words: Vec<(Box<str>, Kind)>,
    /// Per service: best weight, 0 = no match.
    pub best: Vec<u16>,
    /// Per service: a bit per `Field` it matched in, so highlighting reads only those fields.
    pub fields: Vec<u8>,
    /// Services with a match.
    pub set: Bits,
    /// How many services have a match.
    pub count: usize,
    /// Some directory word is matched whole (exactly, by stem or as a misspelling), not only as
    /// the start of a longer word: a name can only be "typed in full" then.
    pub complete: bool,
}

/// Skim finds the letters in order; accept only a near-contiguous run (a missed or doubled
/// letter), not letters scattered across the word: "talkng" in "talking", not "cmss" in
/// "circumstances". Gaps allowed: one up to 6 letters, one more per 6 letters after.
pub fn fuzzy_ok(skim: &SkimMatcherV2, word: &str, term: &str, term_chars: usize) -> bool {
    match skim.fuzzy_indices(word, term) {
        Some((score, idx)) if score > 0 => {
            let gaps = idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
            gaps <= 1 + (term_chars.saturating_sub(1)) / 6
        }
        _ => false,
    }
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut h = hay.chars();
    needle.chars().all(|c| h.any(|x| x == c))
}

impl TermMatch {
    /// Match `term` (already folded; `stem` its stem). `previous`, if given, must be the match
    /// for a prefix of `term` from the same index: its candidate words are narrowed instead of
    /// the whole index.
    pub fn compute(
        index: &Index,
        n_docs: usize,
        term: &str,
        stem: &str,
        previous: Option<&TermMatch>,
        skim: &SkimMatcherV2,
    ) -> TermMatch {
        let n = term.chars().count();
        let mut kinds = vec![0u8; index.len()];
        let mut words: Vec<(u32, Kind)> = Vec::new();
        let mark = |kinds: &mut Vec<u8>, words: &mut Vec<(u32, Kind)>, id: u32, k: Kind| {
            let slot = &mut kinds[id as usize];
            if *slot == 0 || k.code() < *slot {
                if *slot == 0 {
                    words.push((id, k));
                }
                *slot = k.code();
            }
        };
        for id in index.prefix_range(term) {
            let k = if index.word(id).len() == term.len() {
                Kind::Exact
            } else {
                Kind::Prefix
            };
            mark(&mut kinds, &mut words, id, k);
        }
        for id in index.with_stem(stem) {
            mark(&mut kinds, &mut words, id, Kind::Stem);
        }
        let first = term.chars().next();
        let subsequence: Vec<u32> = match (previous, first) {
            (Some(p), _) if term.starts_with(p.term.as_str()) => p
                .subsequence
                .iter()
                .copied()
                .filter(|&id| is_subsequence(term, index.word(id)))
                .collect(),
            (_, Some(c)) => index
                .short_starting_with(c)
                .iter()
                .copied()
                .filter(|&id| is_subsequence(term, index.word(id)))
                .collect(),
            _ => Vec::new(),
        };
        if n >= FUZZY_MIN_CHARS {
            for &id in &subsequence {
                if kinds[id as usize] == 0 && fuzzy_ok(skim, index.word(id), term, n) {
                    mark(&mut kinds, &mut words, id, Kind::Fuzzy);
                }
            }
        }
        let edits = allowed_edits(n);
        if edits > 0 {
            for len in n.saturating_sub(edits)..=n + edits {
                for &id in index.short_of_len(len) {
                    if kinds[id as usize] == 0 && within(term, index.word(id), edits).is_some() {
                        mark(&mut kinds, &mut words, id, Kind::Edit);
                    }
                }
            }
        }
        // Typo tolerance is for when the word as typed finds nothing: "hive" must not also
        // bring every "live chat", nor "drinkline" every "drinking".
        if words
            .iter()
            .any(|&(id, k)| k <= Kind::Prefix && index.is_short(id))
        {
            words.retain(|&(id, k)| {
                let keep = k <= Kind::Prefix;
                if !keep {
                    kinds[id as usize] = 0;
                }
                keep
            });
        }
        words.sort_unstable_by_key(|w| w.0);
        for w in &mut words {
            w.1 = Kind::from_code(kinds[w.0 as usize]).unwrap_or(Kind::Edit);
        }
        let complete = words.iter().any(|w| w.1 != Kind::Prefix);
        let mut best = vec![0u16; n_docs];
        let mut fields = vec![0u8; n_docs];
        let mut set = Bits::new(n_docs);
        let mut count = 0;
        for &(id, kind) in &words {
            let typo = kind >= Kind::Fuzzy;
            // This word's weight per field, looked up once rather than worked out per occurrence
            // (a one-letter word has hundreds of thousands at 100k services); 0 = not counted.
            let mut by_field = [0u16; 8];
            for f in Field::ALL {
                // The description is only ever matched by whole words and word prefixes.
                if !typo || f.is_short() {
                    by_field[f as usize] = weight(f, kind);
                }
            }
            for p in index.postings(id) {
                let f = p.field_code();
                let w = by_field[f];
                if w == 0 {
                    continue;
                }
                let d = p.doc();
                fields[d] |= 1 << f;
                let slot = &mut best[d];
                if *slot == 0 {
                    set.insert(d as u32);
                    count += 1;
                }
                if w > *slot {
                    *slot = w;
                }
            }
        }
        let mut typo_words: Vec<(Box<str>, Kind)> = words
            .iter()
            .filter(|w| {
                w.1 >= Kind::Fuzzy || (w.1 == Kind::Stem && !index.word(w.0).starts_with(term))
            })
            .map(|&(id, k)| (index.word(id).into(), k))
            .collect();
        typo_words.sort_unstable();
        TermMatch {
            term: term.to_string(),
            kinds,
            subsequence,
            typo_words,
            best,
            fields,
            set,
            count,
            complete,
        }
    }

    /// How this term matched a word of a record's text (which the index holds), without
    /// looking the word up: a word starting with the term is an exact or prefix match.
    pub fn kind_of_text(&self, word: &str) -> Option<Kind> {
        if word.starts_with(self.term.as_str()) {
            return Some(if word.len() == self.term.len() {
                Kind::Exact
            } else {
                Kind::Prefix
            });
        }
        self.typo_words
            .binary_search_by(|(w, _)| w.as_ref().cmp(word))
            .ok()
            .map(|i| self.typo_words[i].1)
    }

    /// How this term matched a directory word, if it did.
    pub fn kind_of(&self, word: u32) -> Option<Kind> {
        self.kinds
            .get(word as usize)
            .and_then(|c| Kind::from_code(*c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Service;

    fn svc(name: &str, desc: &str) -> Service {
        Service {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            description: desc.into(),
            ..Default::default()
        }
    }

    fn run(idx: &Index, n: usize, term: &str) -> TermMatch {
        let stem = crate::search::stem::Stems::default().of(term);
        TermMatch::compute(idx, n, term, &stem, None, &SkimMatcherV2::default())
    }

    #[test]
    fn kinds_by_how_the_word_was_typed() {
        let services = [
            svc("Samaritans", "Listening"),
            svc("Talking Change", "Therapy"),
            svc("Crisis", "Samaritans are mentioned here"),
        ];
        let idx = Index::build(&services);
        let m = run(&idx, 3, "samartians");
        assert_eq!(m.best[0], weight(Field::Name, Kind::Edit));
        assert_eq!(m.best[2], 0, "no edit-distance matching on descriptions");
        let m = run(&idx, 3, "talkng");
        assert_eq!(m.best[1], weight(Field::Name, Kind::Fuzzy));
        let m = run(&idx, 3, "sam");
        assert_eq!(m.best[0], weight(Field::Name, Kind::Prefix));
        assert_eq!(m.best[2], weight(Field::Description, Kind::Prefix));
        let m = run(&idx, 3, "crisis");
        assert_eq!(m.best[2], weight(Field::Name, Kind::Exact));
    }

    #[test]
    fn narrowing_from_a_previous_keystroke_gives_the_same_answer() {
        let services = [
            svc("Talking Change", "Talk to us"),
            svc("Tall Trees", "Talkative"),
            svc("Table tennis", "Talking"),
        ];
        let idx = Index::build(&services);
        let skim = SkimMatcherV2::default();
        let mut prev: Option<TermMatch> = None;
        for end in 1..="talkng".len() {
            let t = &"talkng"[..end];
            let narrowed = TermMatch::compute(&idx, 3, t, t, prev.as_ref(), &skim);
            let fresh = TermMatch::compute(&idx, 3, t, t, None, &skim);
            assert_eq!(narrowed.best, fresh.best, "{t}");
            assert_eq!(narrowed.kinds, fresh.kinds, "{t}");
            prev = Some(narrowed);
        }
    }

    #[test]
    fn typos_only_when_the_word_as_typed_finds_nothing() {
        let services = [svc("HIVE Portsmouth", ""), svc("Live chat line", "")];
        let idx = Index::build(&services);
        let m = run(&idx, 2, "hive");
        assert_eq!(
            m.set.iter().collect::<Vec<_>>(),
            vec![0],
            "'live' is one edit from 'hive' but 'hive' exists"
        );
        let m = run(&idx, 2, "hiev");
        assert_eq!(m.best[0], weight(Field::Name, Kind::Edit));
    }

    #[test]
    fn scattered_letters_do_not_match() {
        let idx = Index::build(&[svc("Circumstances", "")]);
        assert_eq!(run(&idx, 1, "cmss").count, 0);
    }
}
