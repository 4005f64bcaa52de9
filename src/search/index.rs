//! The token index: a sorted vocabulary of folded words, each with the services and fields it
//! occurs in, so a keystroke looks words up instead of scanning every record.

use super::normalise::{for_each_word, Scratch};
use crate::model::Service;
use serde::Serialize;
use std::collections::HashMap;

/// Where in a record a word was found. Order is the order of trust in a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Name,
    Organisation,
    Keyword,
    Category,
    Description,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Name,
        Field::Organisation,
        Field::Keyword,
        Field::Category,
        Field::Description,
    ];
    fn bits(self) -> u32 {
        self as u32
    }
    fn from_bits(b: u32) -> Field {
        Field::ALL[(b & 7) as usize]
    }
    /// Short fields get fuzzy and edit-distance matching; the description only word prefixes.
    pub fn is_short(self) -> bool {
        self != Field::Description
    }
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Organisation => "organisation",
            Field::Keyword => "keyword",
            Field::Category => "category",
            Field::Description => "description",
        }
    }
}

/// FxHash (as in rustc): building the index hashes every word of every record, and SipHash's
/// protection against crafted keys buys nothing for a directory we ship ourselves.
#[derive(Default, Clone, Copy)]
pub struct FxBuild;

pub struct FxHasher(u64);

impl std::hash::BuildHasher for FxBuild {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// One occurrence list entry: a service (by position in the directory) and the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting(u32);

impl Posting {
    fn new(doc: usize, field: Field) -> Self {
        Posting(((doc as u32) << 3) | field.bits())
    }
    pub fn doc(self) -> usize {
        (self.0 >> 3) as usize
    }
    pub fn field(self) -> Field {
        Field::from_bits(self.0)
    }
}

/// Sorted vocabulary with compressed occurrence lists, plus per-record word sequences used for
/// "the name is exactly the query" and a name order for deterministic ties.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: Vec<Box<str>>,
    /// Per word id: whether it occurs in a short field (name, organisation, keyword, category).
    short: Vec<bool>,
    /// Word ids that occur in a short field, grouped by first character (fuzzy candidates).
    short_by_first: HashMap<char, Vec<u32>>,
    /// Word ids that occur in a short field, grouped by character length (edit candidates).
    short_by_len: Vec<Vec<u32>>,
    offsets: Vec<u32>,
    postings: Vec<Posting>,
    name_words: Vec<Vec<u32>>,
    org_words: Vec<Vec<u32>>,
    /// Position of each record in name order (then id), for ties.
    pub name_rank: Vec<u32>,
}

impl Index {
    pub fn build(services: &[Service]) -> Index {
        // Words get provisional ids in order of first sight; the vocabulary is sorted after.
        let mut ids: HashMap<Box<str>, u32, FxBuild> = HashMap::default();
        let mut lists: Vec<Vec<Posting>> = Vec::new();
        let mut short: Vec<bool> = Vec::new();
        let mut sc = Scratch::default();
        let mut add_text = |text: &str, doc: usize, field: Field, sc: &mut Scratch| {
            for_each_word(text, sc, |w, _| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = lists.len() as u32;
                        ids.insert(w.into(), id);
                        lists.push(Vec::new());
                        short.push(false);
                        id
                    }
                };
                let p = Posting::new(doc, field);
                let list = &mut lists[id as usize];
                // Repeats within one field come together; any others go when the list is sorted.
                if list.last() != Some(&p) {
                    list.push(p);
                }
                if field.is_short() {
                    short[id as usize] = true;
                }
            });
        };
        let cat_text: HashMap<crate::model::Category, String> = crate::model::Category::ALL
            .iter()
            .map(|c| (*c, format!("{} {}", c.label(), c.id())))
            .collect();
        for (doc, s) in services.iter().enumerate() {
            add_text(&s.name, doc, Field::Name, &mut sc);
            add_text(&s.organisation, doc, Field::Organisation, &mut sc);
            for k in &s.keywords {
                add_text(k, doc, Field::Keyword, &mut sc);
            }
            for c in &s.categories {
                add_text(&cat_text[c], doc, Field::Category, &mut sc);
            }
            add_text(&s.description, doc, Field::Description, &mut sc);
        }
        let mut entries: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut idx = Index {
            vocab: Vec::with_capacity(entries.len()),
            offsets: Vec::with_capacity(entries.len() + 1),
            ..Default::default()
        };
        idx.offsets.push(0);
        for (id, (w, old)) in entries.into_iter().enumerate() {
            let mut list = std::mem::take(&mut lists[old as usize]);
            list.sort_unstable_by_key(|p| p.0);
            list.dedup();
            let n = w.chars().count();
            let is_short = short[old as usize];
            idx.short.push(is_short);
            if is_short {
                if let Some(first) = w.chars().next() {
                    idx.short_by_first.entry(first).or_default().push(id as u32);
                }
                if idx.short_by_len.len() <= n {
                    idx.short_by_len.resize(n + 1, Vec::new());
                }
                idx.short_by_len[n].push(id as u32);
            }
            idx.postings.extend(list);
            idx.offsets.push(idx.postings.len() as u32);
            idx.vocab.push(w);
        }
        // Little words are left out so "mix" is the whole of "The Mix". Hyphen-joined forms
        // are left out too: each part is a word of the name already.
        let seq = |text: &str, sc: &mut Scratch| -> Vec<u32> {
            let mut out = Vec::new();
            for_each_word(text, sc, |w, joined| {
                if !joined && !matches!(w, "the" | "and" | "of" | "a") {
                    if let Some(id) = idx.word_id(w) {
                        out.push(id);
                    }
                }
            });
            out
        };
        let names: Vec<Vec<u32>> = services.iter().map(|s| seq(&s.name, &mut sc)).collect();
        let orgs: Vec<Vec<u32>> = services
            .iter()
            .map(|s| seq(&s.organisation, &mut sc))
            .collect();
        idx.name_words = names;
        idx.org_words = orgs;
        let mut order: Vec<usize> = (0..services.len()).collect();
        order.sort_by_cached_key(|&i| (services[i].name.to_lowercase(), services[i].id.clone()));
        idx.name_rank = vec![0; services.len()];
        for (rank, i) in order.into_iter().enumerate() {
            idx.name_rank[i] = rank as u32;
        }
        idx
    }

    pub fn len(&self) -> usize {
        self.vocab.len()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.vocab[id as usize]
    }

    /// Whether the word occurs in a name, organisation, keyword or category label.
    pub fn is_short(&self, id: u32) -> bool {
        self.short[id as usize]
    }

    pub fn word_id(&self, w: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|v| v.as_ref().cmp(w))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of every word starting with `prefix` (a contiguous run of the sorted vocabulary).
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = self.vocab.partition_point(|v| v.as_ref() < prefix);
        let hi = lo + self.vocab[lo..].partition_point(|v| v.starts_with(prefix));
        lo as u32..hi as u32
    }

    pub fn postings(&self, id: u32) -> &[Posting] {
        let (a, b) = (
            self.offsets[id as usize] as usize,
            self.offsets[id as usize + 1] as usize,
        );
        &self.postings[a..b]
    }

    /// Short-field words beginning with this character.
    pub fn short_starting_with(&self, c: char) -> &[u32] {
        self.short_by_first
            .get(&c)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Short-field words of exactly this many characters.
    pub fn short_of_len(&self, n: usize) -> &[u32] {
        self.short_by_len.get(n).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A record's name as word ids, in order (hyphen-joined extras left out).
    pub fn name_words(&self, doc: usize) -> &[u32] {
        &self.name_words[doc]
    }

    pub fn org_words(&self, doc: usize) -> &[u32] {
        &self.org_words[doc]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svc(id: &str, name: &str, desc: &str) -> Service {
        Service {
            id: id.into(),
            name: name.into(),
            description: desc.into(),
            ..Default::default()
        }
    }

    #[test]
    fn words_point_to_records_and_fields() {
        let idx = Index::build(&[
            svc("a", "Crisis line", "Talk about a crisis"),
            svc("b", "Cruse", "Bereavement"),
        ]);
        let id = idx.word_id("crisis").unwrap();
        let hits: Vec<(usize, Field)> = idx
            .postings(id)
            .iter()
            .map(|p| (p.doc(), p.field()))
            .collect();
        assert_eq!(hits, vec![(0, Field::Name), (0, Field::Description)]);
        let r = idx.prefix_range("cr");
        let ws: Vec<&str> = r.map(|i| idx.word(i)).collect();
        assert_eq!(ws, ["crisis", "cruse"]);
        assert!(
            idx.short_starting_with('b').is_empty(),
            "description words are not short"
        );
        assert_eq!(idx.name_rank, vec![0, 1]);
    }
}
