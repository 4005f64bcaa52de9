//! Names typed together ("Hook, Hart", "Newport IOW"): keep only places every part agrees on.

use super::index::PlaceIndex;
use crate::model::place::{Candidate, Lookup};

/// Longer text is not an address to take apart: a paste must not cost a keystroke's frame.
const MAX_WORDS: usize = 8;

/// The combined answer, or `None` when the text does not split into parts that are each
/// recognised (then the whole text's own answer stands).
pub fn lookup_parts(ix: &PlaceIndex, text: &str) -> Option<Lookup> {
    if text.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    let splits: Vec<Vec<String>> = if text.contains(',') {
        let parts: Vec<String> = text
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        vec![parts]
    } else {
        let words: Vec<&str> = text.split_whitespace().collect();
        (1..words.len())
            .map(|i| vec![words[..i].join(" "), words[i..].join(" ")])
            .collect()
    };
    let answers: Vec<Lookup> = splits
        .iter()
        .filter(|parts| parts.len() >= 2)
        .filter_map(|parts| combine(ix, parts))
        .collect();
    match answers.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        // Two readings of the words: offer everything either reading offers.
        many if many.iter().all(|a| a == &many[0]) => Some(many[0].clone()),
        many => {
            let mut all: Vec<Candidate> = Vec::new();
            for c in many.iter().flat_map(offered) {
                if !all.contains(&c) {
                    all.push(c);
                }
            }
            Some(Lookup::Candidates {
                candidates: all,
                why: format!("\"{}\" can be read more than one way", text.trim()),
            })
        }
    }
}

fn offered(answer: &Lookup) -> Vec<Candidate> {
    match answer {
        Lookup::Found { place, .. } => vec![Candidate::Place(place.clone())],
        Lookup::Candidates { candidates, .. } => candidates.clone(),
        Lookup::OutsideArea { .. } => vec![Candidate::OutsideArea],
        Lookup::DidYouMean { .. } | Lookup::NotRecognised => vec![],
    }
}

fn combine(ix: &PlaceIndex, parts: &[String]) -> Option<Lookup> {
    let sets: Vec<Vec<Candidate>> = parts
        .iter()
        .map(|p| offered(&ix.lookup_one(p)))
        .collect::<Vec<_>>();
    if sets.iter().any(Vec::is_empty) {
        return None; // a part nobody recognises: do not build on it
    }
    let mut union: Vec<Candidate> = Vec::new();
    for c in sets.iter().flatten() {
        if !union.contains(c) {
            union.push(c.clone());
        }
    }
    let related = |a: &Candidate, b: &Candidate| match (a, b) {
        (Candidate::Place(x), Candidate::Place(y)) => ix.is_within(x, y) || ix.is_within(y, x),
        (Candidate::OutsideArea, Candidate::OutsideArea) => true,
        _ => false,
    };
    let agreed: Vec<Candidate> = union
        .iter()
        .filter(|x| sets.iter().all(|s| s.iter().any(|y| related(x, y))))
        .cloned()
        .collect();
    // "Hook, Hampshire": keep Hart and Fareham, not the county around them.
    let specific: Vec<Candidate> = agreed
        .iter()
        .filter(|x| {
            !agreed.iter().any(|y| match (x, y) {
                (Candidate::Place(a), Candidate::Place(b)) => a != b && ix.is_within(b, a),
                _ => false,
            })
        })
        .cloned()
        .collect();
    let quoted: Vec<String> = parts.iter().map(|p| format!("\"{p}\"")).collect();
    let together = quoted.join(" with ");
    Some(match specific.as_slice() {
        [] => Lookup::Candidates {
            candidates: union,
            why: format!("{together}: the parts name different places"),
        },
        [Candidate::Place(p)] => Lookup::Found {
            place: p.clone(),
            why: format!("{together}: only {} fits every part", ix.name(p)),
        },
        [Candidate::OutsideArea] => Lookup::OutsideArea {
            why: format!("{together}: every part is outside the area"),
        },
        several => Lookup::Candidates {
            candidates: several.to_vec(),
            why: format!("{together}: still more than one place"),
        },
    })
}

#[cfg(test)]
mod tests {
    use crate::model::place::Lookup;
    use crate::places::fixture::lookups::{candidates, found, ix, place as p};

    #[test]
    fn a_second_name_narrows_an_ambiguous_one() {
        assert_eq!(found("Hook, Hart"), "hart");
        assert_eq!(found("hook fareham"), "fareham");
        assert_eq!(found("PO6, Cosham"), "portsmouth");
        assert_eq!(found("PO6 3LX Cosham"), "portsmouth");
        assert_eq!(found("Newport HIOW"), "isle-of-wight");
        assert_eq!(found("Ryde, Isle of Wight"), "isle-of-wight");
        match ix().lookup("Hook, Hart") {
            Lookup::Found { why, .. } => assert!(why.contains("\"Hook\" with \"Hart\""), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parts_that_disagree_or_stay_ambiguous_are_all_offered() {
        assert_eq!(
            candidates("Ryde, Portsmouth"),
            vec![p("isle-of-wight"), p("portsmouth")]
        );
        // Milton with New Forest: the caller may mean New Milton; ask, never pick.
        assert_eq!(
            candidates("Milton New Forest"),
            vec![p("portsmouth"), p("new-forest")]
        );
        assert_eq!(candidates("Hook, Hampshire"), vec![p("hart"), p("fareham")]);
        // The town settles a border district inside the area.
        assert_eq!(found("RG14, Basingstoke"), "basingstoke-and-deane");
    }

    #[test]
    fn a_long_paste_is_answered_at_once() {
        let paste = "Ryde Hook ".repeat(2000);
        let t = std::time::Instant::now();
        assert_eq!(ix().lookup(&paste), Lookup::NotRecognised);
        assert!(t.elapsed().as_secs() < 2, "{:?}", t.elapsed());
    }

    #[test]
    fn an_unrecognised_part_spoils_the_whole() {
        assert_eq!(ix().lookup("Milton Keynes"), Lookup::NotRecognised);
        assert_eq!(ix().lookup("Newport Pagnell"), Lookup::NotRecognised);
        assert_eq!(ix().lookup("Ryde, Atlantis"), Lookup::NotRecognised);
    }
}
