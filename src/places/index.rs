//! The place index: built once per directory, then answers every keystroke's lookup.

use super::normalise;
use super::postcode::{self, Postcode};
use super::suggest::{self, Spelling};
use crate::model::place::{Candidate, Lookup};
use crate::model::PlacesFile;
use std::collections::{HashMap, HashSet};

/// The label of [`Candidate::OutsideArea`] in every answer.
pub const OUTSIDE: &str = "outside Hampshire and the Isle of Wight";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Id,
    Name,
    Alias,
}

#[derive(Debug, Clone)]
struct NameHit {
    place: String,
    shown: String,
    how: How,
}

/// Everything `lookup` needs, folded ahead of time.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    /// Folded name → every place that name belongs to, in the file's order.
    names: HashMap<String, Vec<NameHit>>,
    /// One spelling per folded name, for "did you mean".
    spellings: Vec<Spelling>,
    /// Postcode district → the places listing it, in the file's order.
    districts: HashMap<String, Vec<String>>,
    /// Border districts that also reach outside the area.
    outside: HashSet<String>,
    /// Postcode areas (PO, SO…) some listed district uses: an unlisted district there is
    /// probably outside, but may be a mistyped local one, so the answer says to check.
    local_areas: HashSet<String>,
    place_names: HashMap<String, String>,
    parents: HashMap<String, String>,
}

impl PlaceIndex {
    pub fn new(places: &PlacesFile) -> Self {
        let mut ix = PlaceIndex::default();
        for p in &places.places {
            ix.place_names.insert(p.id.clone(), p.name.clone());
            if let Some(par) = &p.parent {
                ix.parents.insert(p.id.clone(), par.clone());
            }
            // Names first, so "why" quotes the name a handler knows rather than an id.
            ix.add_name(&p.id, &p.name, How::Name);
            for a in &p.aliases {
                ix.add_name(&p.id, a, How::Alias);
            }
            ix.add_name(&p.id, &p.id, How::Id);
            for pc in &p.postcodes {
                let d = pc.trim().to_ascii_uppercase();
                let list = ix.districts.entry(d.clone()).or_default();
                if !list.contains(&p.id) {
                    list.push(p.id.clone());
                }
                ix.local_areas.insert(area_of(&d));
            }
        }
        for pc in &places.outside_area.postcodes {
            ix.outside.insert(pc.trim().to_ascii_uppercase());
        }
        // Ids are for maintainers; the handler is offered names and aliases.
        let mut seen = HashSet::new();
        for p in &places.places {
            for (text, how) in std::iter::once((&p.name, How::Name))
                .chain(p.aliases.iter().map(|a| (a, How::Alias)))
            {
                let key = normalise::key(text);
                if how != How::Id && !key.is_empty() && seen.insert(key.clone()) {
                    ix.spellings.push(Spelling {
                        key,
                        words: normalise::words(text),
                        shown: text.trim().to_string(),
                    });
                }
            }
        }
        ix
    }

    fn add_name(&mut self, place: &str, text: &str, how: How) {
        let key = normalise::key(text);
        if key.is_empty() {
            return;
        }
        let hits = self.names.entry(key).or_default();
        if !hits.iter().any(|h| h.place == place) {
            hits.push(NameHit {
                place: place.to_string(),
                shown: text.trim().to_string(),
                how,
            });
        }
    }

    /// The place's display name, or its id when the file has no such place.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.place_names.get(id).map(String::as_str).unwrap_or(id)
    }

    /// Resolve what a caller said about where they are. Never silently picks one of several.
    pub fn lookup(&self, text: &str) -> Lookup {
        let whole = self.lookup_one(text);
        match whole {
            Lookup::NotRecognised | Lookup::DidYouMean { .. } => {
                super::combine::lookup_parts(self, text).unwrap_or(whole)
            }
            _ => whole,
        }
    }

    /// The text as one postcode or one name.
    pub(crate) fn lookup_one(&self, text: &str) -> Lookup {
        if text.trim().is_empty() {
            return Lookup::NotRecognised;
        }
        match postcode::read(text) {
            Some(Postcode::District { district, read }) => self.by_district(&district, &read),
            Some(Postcode::Misread { suggestions }) => Lookup::DidYouMean { suggestions },
            None => self.by_name(text),
        }
    }

    fn by_district(&self, district: &str, read: &str) -> Lookup {
        let places = self.districts.get(district).cloned().unwrap_or_default();
        let outside = self.outside.contains(district);
        let source = if read == district {
            format!("postcode district {district}")
        } else {
            format!("{read} is in postcode district {district}")
        };
        match (places.as_slice(), outside) {
            ([], false) => {
                let area = area_of(district);
                let check = if self.local_areas.contains(&area) {
                    format!(
                        "; {area} postcodes are also used nearby, so check the postcode with the caller"
                    )
                } else {
                    String::new()
                };
                Lookup::OutsideArea {
                    why: format!("{source}, which is {OUTSIDE}{check}"),
                }
            }
            ([one], false) => Lookup::Found {
                place: one.clone(),
                why: source,
            },
            _ => {
                let mut reasons = Vec::new();
                if places.len() > 1 {
                    reasons.push(format!(
                        "is shared by {} (it straddles a boundary)",
                        self.names_list(&places)
                    ));
                }
                if outside {
                    reasons.push(format!("also reaches {OUTSIDE}"));
                }
                if places.is_empty() {
                    reasons.push("and no place in the directory lists it".to_string());
                }
                let mut candidates: Vec<Candidate> =
                    places.into_iter().map(Candidate::Place).collect();
                if outside {
                    candidates.push(Candidate::OutsideArea);
                }
                Lookup::Candidates {
                    candidates,
                    why: format!("{source}, which {}", reasons.join(" and ")),
                }
            }
        }
    }

    fn by_name(&self, text: &str) -> Lookup {
        let key = normalise::key(text);
        if key.is_empty() {
            return Lookup::NotRecognised;
        }
        let Some(hits) = self.names.get(&key) else {
            let suggestions = suggest::suggest(&key, &normalise::words(text), &self.spellings);
            return if suggestions.is_empty() {
                Lookup::NotRecognised
            } else {
                Lookup::DidYouMean { suggestions }
            };
        };
        match hits.as_slice() {
            [] => Lookup::NotRecognised,
            [one] => {
                let why = match one.how {
                    How::Id => format!("place id {}", one.shown),
                    How::Name => format!("place name {}", one.shown),
                    How::Alias => format!("{} is in {}", one.shown, self.name(&one.place)),
                };
                Lookup::Found {
                    place: one.place.clone(),
                    why: why + &self.not_to_be_confused(text, &one.place),
                }
            }
            many => {
                let ids: Vec<String> = many.iter().map(|h| h.place.clone()).collect();
                Lookup::Candidates {
                    why: format!(
                        "{} is a name in more than one place ({})",
                        many[0].shown,
                        self.names_list(&ids)
                    ),
                    candidates: ids.into_iter().map(Candidate::Place).collect(),
                }
            }
        }
    }

    /// Longer names of other, unrelated places that contain this one ("Milton" → "New Milton,
    /// in New Forest"), so a handler who half-heard the caller can tell them apart. A place
    /// inside or around this one ("East Hampshire" for "Hampshire") is not a confusion.
    fn not_to_be_confused(&self, text: &str, place: &str) -> String {
        let words = normalise::words(text);
        let others: Vec<String> = self
            .spellings
            .iter()
            .filter(|s| suggest::contains_run(&s.words, &words))
            .flat_map(|s| {
                self.names[&s.key]
                    .iter()
                    .filter(|h| !self.related(&h.place, place))
                    .map(move |h| format!("{}, in {}", s.shown, self.name(&h.place)))
            })
            .collect();
        if others.is_empty() {
            String::new()
        } else {
            format!(" (not {})", others.join("; not "))
        }
    }

    /// Whether one place is the other or lies inside it.
    fn related(&self, a: &str, b: &str) -> bool {
        self.is_within(a, b) || self.is_within(b, a)
    }

    pub(crate) fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let mut cur = Some(id);
        for _ in 0..=self.parents.len() {
            match cur {
                Some(c) if c == ancestor => return true,
                Some(c) => cur = self.parents.get(c).map(String::as_str),
                None => return false,
            }
        }
        false // a parent cycle: validation reports it; never loop here
    }

    fn names_list(&self, ids: &[String]) -> String {
        let names: Vec<&str> = ids.iter().map(|i| self.name(i)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// Every postcode district some place lists, sorted: for tests and the coverage proof.
    pub fn districts(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.districts.keys().map(String::as_str).collect();
        v.sort();
        v
    }

    /// The places a district is listed under, in the file's order.
    pub fn district_places(&self, district: &str) -> &[String] {
        self.districts
            .get(&district.to_ascii_uppercase())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

fn area_of(district: &str) -> String {
    district
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::fixture;
    use crate::places::fixture::lookups::{candidates, found, ix, place};

    #[test]
    fn full_postcode_and_district_resolve() {
        assert_eq!(found("po30 1jw"), "isle-of-wight");
        assert_eq!(found("PO301JW"), "isle-of-wight");
        assert_eq!(found("PO33"), "isle-of-wight");
        assert_eq!(found("so53"), "eastleigh");
        match ix().lookup("PO30 1JW") {
            Lookup::Found { why, .. } => assert_eq!(why, "PO30 1JW is in postcode district PO30"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn straddling_district_returns_every_place_and_says_why() {
        assert_eq!(
            candidates("PO6"),
            vec![place("portsmouth"), place("havant")]
        );
        assert_eq!(
            candidates("po6 3lx"),
            vec![place("portsmouth"), place("havant")]
        );
        match ix().lookup("PO6") {
            Lookup::Candidates { why, .. } => {
                assert!(why.contains("shared by Portsmouth and Havant"), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn border_district_carries_outside_area() {
        assert_eq!(
            candidates("RG14"),
            vec![place("basingstoke-and-deane"), Candidate::OutsideArea]
        );
        assert_eq!(
            candidates("PO10 7AA"),
            vec![place("havant"), Candidate::OutsideArea]
        );
        match ix().lookup("RG14") {
            Lookup::Candidates { why, .. } => assert!(why.contains(OUTSIDE), "{why}"),
            other => panic!("{other:?}"),
        }
        // A border district no place lists is still never "found" anywhere.
        assert_eq!(candidates("GU10"), vec![Candidate::OutsideArea]);
    }

    #[test]
    fn unlisted_postcode_is_outside_not_an_error() {
        match ix().lookup("SW1A 1AA") {
            Lookup::OutsideArea { why } => {
                assert!(why.contains("SW1A"), "{why}");
                assert!(!why.contains("check the postcode"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        // PO18 is West Sussex; PO is also a local area, so the answer asks to check.
        match ix().lookup("PO18 8AA") {
            Lookup::OutsideArea { why } => assert!(why.contains("check the postcode"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mistyped_postcode_is_offered_not_outside() {
        assert_eq!(
            ix().lookup("P06"),
            Lookup::DidYouMean {
                suggestions: vec!["PO6".into()]
            }
        );
        assert_eq!(ix().lookup("XY1 1AA"), Lookup::NotRecognised);
    }

    #[test]
    fn towns_ignore_case_punctuation_and_spacing() {
        assert_eq!(found("Ryde"), "isle-of-wight");
        assert_eq!(found("RYDE "), "isle-of-wight");
        assert_eq!(found("chandlers ford"), "eastleigh");
        assert_eq!(found("Chandler\u{2019}s-Ford"), "eastleigh");
        assert_eq!(found("Lee on the Solent"), "gosport");
        assert_eq!(found("bishops waltham"), "winchester");
    }

    #[test]
    fn place_names_and_ids_resolve() {
        assert_eq!(found("Isle of Wight"), "isle-of-wight");
        assert_eq!(found("isle-of-wight"), "isle-of-wight");
        assert_eq!(found("basingstoke and deane"), "basingstoke-and-deane");
        assert_eq!(found("Basingstoke & Deane"), "basingstoke-and-deane");
        assert_eq!(found("hampshire"), "hampshire");
        assert_eq!(found("HIOW"), "hiow");
        // A district whose name is also an alias of itself is one place, not two.
        assert_eq!(found("Havant"), "havant");
    }

    #[test]
    fn milton_is_portsmouth_and_new_milton_is_new_forest() {
        assert_eq!(found("Milton"), "portsmouth");
        assert_eq!(found("New Milton"), "new-forest");
        match ix().lookup("milton") {
            Lookup::Found { why, .. } => {
                assert!(why.contains("not New Milton, in New Forest"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        // A place inside or around this one is no confusion.
        match ix().lookup("hampshire") {
            Lookup::Found { why, .. } => assert_eq!(why, "place name Hampshire"),
            other => panic!("{other:?}"),
        }
        // Same place: no warning ("Cowes" and "East Cowes" are both Isle of Wight).
        match ix().lookup("Cowes") {
            Lookup::Found { why, .. } => assert!(!why.contains("not "), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn part_of_a_longer_name_is_offered_never_resolved() {
        // Without Portsmouth's Milton, "Milton" must not quietly become New Milton.
        let mut places = fixture::places();
        for p in &mut places.places {
            p.aliases.retain(|a| a != "Milton");
        }
        let ix = PlaceIndex::new(&places);
        assert_eq!(
            ix.lookup("Milton"),
            Lookup::DidYouMean {
                suggestions: vec!["New Milton".into()]
            }
        );
        match ix.lookup("Forest") {
            Lookup::DidYouMean { suggestions } => {
                assert!(
                    suggestions.contains(&"New Forest".to_string()),
                    "{suggestions:?}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_in_two_places_is_never_picked() {
        assert_eq!(candidates("Hook"), vec![place("hart"), place("fareham")]);
        assert_eq!(
            candidates("whiteley"),
            vec![place("fareham"), place("winchester")]
        );
        match ix().lookup("hook") {
            Lookup::Candidates { why, .. } => {
                assert!(
                    why.contains("more than one place (Hart and Fareham)"),
                    "{why}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn misspelt_names_are_offered_never_resolved() {
        assert_eq!(
            ix().lookup("Rydee"),
            Lookup::DidYouMean {
                suggestions: vec!["Ryde".into()]
            }
        );
        assert_eq!(
            ix().lookup("Portsmuth"),
            Lookup::DidYouMean {
                suggestions: vec!["Portsmouth".into()]
            }
        );
        match ix().lookup("Miltn") {
            Lookup::DidYouMean { suggestions } => assert_eq!(suggestions[0], "Milton"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nonsense_and_empty_are_not_recognised() {
        assert_eq!(ix().lookup(""), Lookup::NotRecognised);
        assert_eq!(ix().lookup("   "), Lookup::NotRecognised);
        assert_eq!(ix().lookup("--"), Lookup::NotRecognised);
        assert_eq!(ix().lookup("Zanzibar"), Lookup::NotRecognised);
        assert_eq!(ix().lookup("12345"), Lookup::NotRecognised);
    }

    #[test]
    fn districts_are_listed_with_their_places() {
        let ix = ix();
        assert!(ix.districts().contains(&"PO6"));
        assert_eq!(ix.district_places("po6"), ["portsmouth", "havant"]);
        assert!(ix.district_places("ZZ1").is_empty());
    }
}
