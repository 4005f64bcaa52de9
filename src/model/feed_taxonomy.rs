//! How open-data feeds' taxonomy terms become our categories: a reviewed table, never a guess.

use super::category::Category;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `feed-taxonomy.toml`. A term maps to a list of categories; an empty list means "known, and
/// deliberately no category" (audience words such as "older people" become ages, not categories),
/// so it is not reported as unmapped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedTaxonomy {
    /// Terms of any vocabulary, matched on the term's code or name, ignoring case.
    #[serde(default)]
    pub any: BTreeMap<String, Vec<Category>>,
    /// Terms of one named vocabulary (the feed's `taxonomy` or `vocabulary`), tried first.
    #[serde(default)]
    pub vocabulary: BTreeMap<String, BTreeMap<String, Vec<Category>>>,
}

fn find<'a>(table: &'a BTreeMap<String, Vec<Category>>, key: &str) -> Option<&'a Vec<Category>> {
    let key = key.trim().to_lowercase();
    table
        .iter()
        .find(|(k, _)| k.trim().to_lowercase() == key)
        .map(|(_, v)| v)
}

impl FeedTaxonomy {
    /// The categories for a term given by any of `keys` (code, name...), or None when the table
    /// does not know it.
    pub fn categories(&self, vocabulary: &str, keys: &[&str]) -> Option<Vec<Category>> {
        let keys: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| !k.trim().is_empty())
            .collect();
        let own = self
            .vocabulary
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(vocabulary.trim()))
            .map(|(_, t)| t);
        own.into_iter()
            .chain(std::iter::once(&self.any))
            .find_map(|table| keys.iter().find_map(|k| find(table, k)))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_vocabulary_first_then_any_and_case_is_ignored() {
        let t: FeedTaxonomy = toml::from_str(
            "[any]\n\"Mental Health\" = [\"mental-health\"]\n\"older people\" = []\n\
             [vocabulary.esd]\n\"mental health\" = [\"crisis\"]\n",
        )
        .unwrap();
        assert_eq!(
            t.categories("other", &["", "MENTAL health"]),
            Some(vec![Category::MentalHealth])
        );
        assert_eq!(
            t.categories("ESD", &["mental health"]),
            Some(vec![Category::Crisis])
        );
        assert_eq!(t.categories("", &["Older People"]), Some(vec![]));
        assert_eq!(t.categories("", &["name"]), None);
    }
}
