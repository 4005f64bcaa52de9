//! The token index: a sorted vocabulary of folded words, each with the services and fields it
//! occurs in, so a keystroke looks words up instead of scanning every record.

use super::normalise::{for_each_word, Scratch};
use super::stem::{is_stop, Stems};
use crate::model::{Category, Service};
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
    #[cfg(test)]
    pub fn field(self) -> Field {
        Field::ALL[self.field_code()]
    }
    /// The field as its number (`Field as usize`), always below 8.
    pub fn field_code(self) -> usize {
        (self.0 & 7) as usize
    }
}

/// Sorted vocabulary with compressed occurrence lists, plus per-record word sequences used for
/// "the name is exactly the query" and a name order for deterministic ties.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// Every record's name (and organisation) as word ids, one after another, read for every
    /// candidate on a keystroke: one flat run instead of a list per record.
    name_words: Words,
    org_words: Words,
    /// Stem → the words with that stem that differ from it ("suicid" → suicide, suicidal), so
    /// a typed word meets the directory's words whatever their endings.
    by_stem: HashMap<Box<str>, Vec<u32>, FxBuild>,
    /// Position of each record in name order (then id), for ties.
    pub name_rank: Vec<u32>,
    /// The record at each position in name order.
    by_name: Vec<u32>,
}

/// Above this many records the index is built in two halves on two threads.
const PARALLEL_BUILD: usize = 2048;

/// Little words left out of name sequences, so "mix" is the whole of "The Mix": the same stop
/// words a query drops, so a name typed in full meets its record word for word.
fn little(w: &str) -> bool {
    is_stop(w)
}

/// The index of a run of records, with words numbered in order of first sight.
#[derive(Default)]
struct Part {
    ids: HashMap<Box<str>, u32, FxBuild>,
    lists: Vec<Vec<Posting>>,
    short: Vec<bool>,
    /// Per word id: a little word (looked up once per distinct word, not per occurrence).
    little: Vec<bool>,
    /// Per record: its name's and organisation's words (provisional ids), in order.
    names: Vec<Vec<u32>>,
    orgs: Vec<Vec<u32>>,
}

impl Part {
    fn of(services: &[Service], first_doc: usize) -> Part {
        let mut part = Part::default();
        let mut sc = Scratch::default();
        // Category labels are a fixed set: each one's words are looked up when first met, not
        // per record (and only then, so a category no record has adds no words).
        let mut cat_words: Vec<Option<Vec<u32>>> = vec![None; Category::ALL.len()];
        for (i, s) in services.iter().enumerate() {
            let doc = first_doc + i;
            let name = part.add(&s.name, doc, Field::Name, &mut sc);
            part.names.push(name);
            let org = part.add(&s.organisation, doc, Field::Organisation, &mut sc);
            part.orgs.push(org);
            for k in &s.keywords {
                part.add(k, doc, Field::Keyword, &mut sc);
            }
            for &c in &s.categories {
                let ids = cat_words[c as usize].get_or_insert_with(|| {
                    let mut ids = Vec::new();
                    for_each_word(&format!("{} {}", c.label(), c.id()), &mut sc, |w, _| {
                        ids.push(part.id(w));
                    });
                    ids
                });
                for &id in ids.iter() {
                    part.post(id, doc, Field::Category);
                }
            }
            part.add(&s.description, doc, Field::Description, &mut sc);
        }
        part
    }

    fn id(&mut self, w: &str) -> u32 {
        match self.ids.get(w) {
            Some(&id) => id,
            None => {
                let id = self.lists.len() as u32;
                self.ids.insert(w.into(), id);
                self.lists.push(Vec::new());
                self.short.push(false);
                self.little.push(little(w));
                id
            }
        }
    }

    /// Index one field's text; returns its words (hyphen-joined forms and little words left
    /// out), which the name and organisation sequences keep.
    fn add(&mut self, text: &str, doc: usize, field: Field, sc: &mut Scratch) -> Vec<u32> {
        let mut seq = Vec::new();
        for_each_word(text, sc, |w, joined| {
            let id = self.id(w);
            self.post(id, doc, field);
            if field <= Field::Organisation && !joined && !self.little[id as usize] {
                seq.push(id);
            }
        });
        seq
    }

    /// Record that word `id` occurs in this field of this record.
    fn post(&mut self, id: u32, doc: usize, field: Field) {
        let p = Posting::new(doc, field);
        let list = &mut self.lists[id as usize];
        // Repeats within one field come together; any others go when the list is sorted.
        if list.last() != Some(&p) {
            list.push(p);
        }
        if field.is_short() {
            self.short[id as usize] = true;
        }
    }

    /// Take in the part that follows this one (its records come after every record here, so
    /// appending keeps each occurrence list in record order).
    fn absorb(&mut self, mut next: Part) {
        let mut map = vec![0u32; next.lists.len()];
        for (w, old) in std::mem::take(&mut next.ids) {
            let id = self.id(&w);
            self.lists[id as usize].append(&mut next.lists[old as usize]);
            self.short[id as usize] |= next.short[old as usize];
            map[old as usize] = id;
        }
        let remap = |v: Vec<u32>| v.into_iter().map(|o| map[o as usize]).collect::<Vec<_>>();
        self.names.extend(next.names.into_iter().map(remap));
        self.orgs.extend(next.orgs.into_iter().map(remap));
    }
}

impl Index {
    pub fn build(services: &[Service]) -> Index {
        Index::build_with(services, services.len() >= PARALLEL_BUILD)
    }

    fn build_with(services: &[Service], parallel: bool) -> Index {
        let mut part = if parallel {
            let (a, b) = services.split_at(services.len() / 2);
            let (mut first, second) = std::thread::scope(|sc| {
                let h = sc.spawn(|| Part::of(a, 0));
                let second = Part::of(b, a.len());
                (h.join().unwrap_or_else(|_| Part::of(a, 0)), second)
            });
            first.absorb(second);
            first
        } else {
            Part::of(services, 0)
        };
        let mut entries: Vec<(Box<str>, u32)> = std::mem::take(&mut part.ids).into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut idx = Index {
            vocab: Vec::with_capacity(entries.len()),
            offsets: Vec::with_capacity(entries.len() + 1),
            ..Default::default()
        };
        idx.offsets.push(0);
        let mut new_id = vec![0u32; part.lists.len()];
        for (id, (w, old)) in entries.into_iter().enumerate() {
            new_id[old as usize] = id as u32;
            let mut list = std::mem::take(&mut part.lists[old as usize]);
            list.sort_unstable_by_key(|p| p.0);
            list.dedup();
            let n = w.chars().count();
            let is_short = part.short[old as usize];
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
        let stems = Stems::default();
        for (id, w) in idx.vocab.iter().enumerate() {
            // A word that is its own stem is found by looking the stem up as a word.
            let stem = stems.of(w);
            if *stem != **w {
                idx.by_stem
                    .entry(stem.into_boxed_str())
                    .or_default()
                    .push(id as u32);
            }
        }
        idx.name_words = Words::renumbered(&part.names, &new_id);
        idx.org_words = Words::renumbered(&part.orgs, &new_id);
        // Names in lower case, one after another in one buffer (not a string per record).
        let mut folded = String::new();
        let mut spans = Vec::with_capacity(services.len());
        for s in services {
            let start = folded.len();
            if s.name.is_ascii() {
                folded.extend(s.name.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                folded.push_str(&s.name.to_lowercase());
            }
            spans.push(start..folded.len());
        }
        let mut order: Vec<usize> = (0..services.len()).collect();
        order.sort_by(|&a, &b| {
            folded[spans[a].clone()]
                .cmp(&folded[spans[b].clone()])
                .then_with(|| services[a].id.cmp(&services[b].id))
        });
        idx.name_rank = vec![0; services.len()];
        for (rank, &i) in order.iter().enumerate() {
            idx.name_rank[i] = rank as u32;
        }
        idx.by_name = order.into_iter().map(|i| i as u32).collect();
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

    #[cfg(test)]
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

    /// Words with this stem: those that change when stemmed, and the stem itself as a word.
    pub fn with_stem(&self, stem: &str) -> impl Iterator<Item = u32> + '_ {
        let own = self
            .vocab
            .binary_search_by(|v| v.as_ref().cmp(stem))
            .ok()
            .map(|i| i as u32);
        self.by_stem
            .get(stem)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .copied()
            .chain(own)
    }

    /// The record a rank key is for (its low 32 bits are the record's position in name order).
    pub fn by_name_rank(&self, key: u64) -> u32 {
        self.by_name[(key & 0xffff_ffff) as usize]
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
        self.name_words.of(doc)
    }

    pub fn org_words(&self, doc: usize) -> &[u32] {
        self.org_words.of(doc)
    }
}

/// A word sequence per record, stored flat: record `d`'s words are `ids[ends[d-1]..ends[d]]`.
#[derive(Debug, Clone, Default, PartialEq)]
struct Words {
    ids: Vec<u32>,
    ends: Vec<u32>,
}

impl Words {
    fn renumbered(seqs: &[Vec<u32>], new_id: &[u32]) -> Words {
        let mut w = Words {
            ids: Vec::with_capacity(seqs.iter().map(Vec::len).sum()),
            ends: Vec::with_capacity(seqs.len()),
        };
        for seq in seqs {
            w.ids.extend(seq.iter().map(|&o| new_id[o as usize]));
            w.ends.push(w.ids.len() as u32);
        }
        w
    }

    fn of(&self, doc: usize) -> &[u32] {
        let start = if doc == 0 { 0 } else { self.ends[doc - 1] };
        &self.ids[start as usize..self.ends[doc] as usize]
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

    #[test]
    fn two_threads_build_the_same_index_as_one() {
        let services: Vec<Service> = (0..300)
            .map(|i| {
                svc(
                    &format!("s{i}"),
                    &format!("The Service-{} Line {}", i % 7, i % 13),
                    &format!("word{} self-harm support w{}", i % 11, i),
                )
            })
            .collect();
        let one = Index::build_with(&services, false);
        let two = Index::build_with(&services, true);
        assert_eq!(one, two);
        assert_eq!(
            one.name_words(5),
            &[
                one.word_id("service").unwrap(),
                one.word_id("5").unwrap(),
                one.word_id("line").unwrap(),
                one.word_id("5").unwrap()
            ]
        );
    }
}
