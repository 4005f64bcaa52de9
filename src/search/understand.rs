//! What the handler typed, understood: vocabulary phrases first (longest first), then the
//! remaining words without stop words. Each phrase or word is one *unit* a service is scored on.

use super::normalise::query_terms;
use super::stem::{is_stop, Stems};
use super::vocabulary::Vocabulary;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The typed words of the unit that are not stop words, folded.
    pub words: Vec<String>,
    /// Their stems, in the same order.
    pub stems: Vec<String>,
    /// The vocabulary term the unit is a phrase of, and the phrase as typed (folded).
    pub meaning: Option<(usize, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Understood {
    pub units: Vec<Unit>,
}

impl Understood {
    /// Every typed word that is not a stop word, in order.
    pub fn words(&self) -> Vec<String> {
        self.units.iter().flat_map(|u| u.words.clone()).collect()
    }
}

pub fn understand(text: &str, vocab: &Vocabulary, stems: &Stems) -> Understood {
    let words = query_terms(text);
    let stemmed: Vec<String> = words.iter().map(|w| stems.of(w)).collect();
    let mut units = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (len, meaning) = match vocab.longest_at(&stemmed, i) {
            Some((len, t)) => (len, Some((t, words[i..i + len].join(" ")))),
            None => (1, None),
        };
        let keep: Vec<usize> = (i..i + len).filter(|&j| !is_stop(&words[j])).collect();
        if meaning.is_some() || !keep.is_empty() {
            units.push(Unit {
                words: keep.iter().map(|&j| words[j].clone()).collect(),
                stems: keep.iter().map(|&j| stemmed[j].clone()).collect(),
                meaning,
            });
        }
        i += len;
    }
    Understood { units }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let f: crate::model::VocabularyFile = toml::from_str(
            "[[terms]]\nlabel = \"overdose\"\ncategories = [\"crisis\"]\nphrases = [\"pills\", \"too many pills\"]\n\
             [[terms]]\nlabel = \"bereavement\"\ncategories = [\"bereavement\"]\nphrases = [\"died\"]\n",
        )
        .unwrap();
        Vocabulary::new(&f, &Stems::default())
    }

    #[test]
    fn phrases_then_words_without_stop_words() {
        let u = understand("Took too many PILLS", &vocab(), &Stems::default());
        assert_eq!(u.units.len(), 2);
        assert_eq!(u.units[0].words, ["took"]);
        assert_eq!(u.units[1].words, ["many", "pills"]);
        assert_eq!(u.units[1].meaning, Some((0, "too many pills".to_string())));
        let u = understand("my husband dies", &vocab(), &Stems::default());
        assert_eq!(u.words(), ["husband", "dies"]);
        assert_eq!(u.units[1].meaning.as_ref().map(|m| m.0), Some(1));
        assert!(understand("my to the", &vocab(), &Stems::default())
            .units
            .is_empty());
    }
}
