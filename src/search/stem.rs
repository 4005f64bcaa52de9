//! Word endings and little words: English stemming (Snowball) so "suicidal" meets "suicide", and
//! the stop words that never narrow a search ("my", "too", "want").

use rust_stemmers::{Algorithm, Stemmer};

/// Words a caller says that carry no need: dropped from the typed words, so "my husband died"
/// searches "husband died". Phrases in the vocabulary are matched before these are dropped
/// ("want to die" is still a phrase). Sorted, for a binary search.
const STOP: [&str; 115] = [
    "a",
    "about",
    "ago",
    "all",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "bit",
    "but",
    "by",
    "calling",
    "can",
    "cannot",
    "cant",
    "could",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "dont",
    "everyone",
    "everything",
    "feel",
    "feeling",
    "feels",
    "felt",
    "for",
    "from",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "has",
    "have",
    "he",
    "her",
    "hes",
    "him",
    "his",
    "how",
    "i",
    "id",
    "if",
    "im",
    "in",
    "is",
    "it",
    "its",
    "ive",
    "just",
    "keep",
    "keeps",
    "last",
    "like",
    "lot",
    "lots",
    "me",
    "much",
    "my",
    "myself",
    "need",
    "needs",
    "no",
    "not",
    "of",
    "on",
    "or",
    "our",
    "please",
    "really",
    "she",
    "shes",
    "should",
    "so",
    "some",
    "somebody",
    "someone",
    "something",
    "that",
    "the",
    "their",
    "them",
    "they",
    "theyre",
    "this",
    "to",
    "too",
    "very",
    "want",
    "wanted",
    "wanting",
    "wants",
    "was",
    "we",
    "week",
    "weeks",
    "were",
    "what",
    "who",
    "will",
    "with",
    "would",
    "yesterday",
    "you",
];

pub fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// The English Snowball stemmer, made once per searcher.
pub struct Stems(Stemmer);

impl Default for Stems {
    fn default() -> Self {
        Stems(Stemmer::create(Algorithm::English))
    }
}

impl std::fmt::Debug for Stems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stems(english)")
    }
}

impl Stems {
    /// The stem of a folded word. Numbers and very short words stay as they are: "111" and "od"
    /// must not change.
    pub fn of(&self, word: &str) -> String {
        if word.chars().count() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
            return word.to_string();
        }
        self.0.stem(word).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_unique() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "keep STOP sorted");
        assert!(is_stop("my") && is_stop("too") && is_stop("want") && is_stop("to"));
        assert!(!is_stop("died") && !is_stop("help") && !is_stop("mix"));
    }

    #[test]
    fn endings_meet() {
        let s = Stems::default();
        assert_eq!(s.of("suicidal"), s.of("suicide"));
        assert_eq!(s.of("died"), s.of("dies"));
        assert_eq!(s.of("bereaved"), s.of("bereavement"));
        assert_eq!(s.of("drinking"), s.of("drink"));
        assert_eq!(s.of("111"), "111");
        assert_ne!(s.of("hive"), s.of("live"));
    }
}
