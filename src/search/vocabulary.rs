//! The needs vocabulary made ready for matching: every phrase as a run of word stems, and the
//! checks `signpost check` runs on `vocabulary.toml` (unknown need, a phrase mapped twice, an
//! empty entry, a risk term that would not reach the safety net).

use super::normalise::query_terms;
use super::stem::{is_stop, Stems};
use crate::model::vocabulary::VocabularyFile;
use crate::model::{Category, Problem};
use std::collections::HashMap;

pub const FILE: &str = "vocabulary.toml";

/// One term as search uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    pub label: String,
    pub categories: Vec<Category>,
    /// Bit per category, as `facts::category_bit`.
    pub mask: u32,
    /// The first category's bit: the services most to the point ("overdose" → emergency).
    pub primary: u32,
    pub risk: bool,
}

/// Phrases keyed by their first stem, longest first.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub meanings: Vec<Meaning>,
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
    pub approved: bool,
}

/// A phrase's words as stems, or None when it has no words.
fn stems_of(stems: &Stems, phrase: &str) -> Option<Vec<String>> {
    let words = query_terms(phrase);
    (!words.is_empty()).then(|| words.iter().map(|w| stems.of(w)).collect())
}

impl Vocabulary {
    pub fn new(file: &VocabularyFile, stems: &Stems) -> Vocabulary {
        let mut v = Vocabulary {
            approved: file.is_approved(),
            ..Default::default()
        };
        for (i, t) in file.terms.iter().enumerate() {
            v.meanings.push(Meaning {
                // Shown on screens: no control characters or escape sequences get through.
                label: crate::model::clean::line(&t.label),
                categories: t.categories.clone(),
                mask: t
                    .categories
                    .iter()
                    .fold(0, |m, c| m | super::facts::category_bit(*c)),
                primary: t
                    .categories
                    .first()
                    .map_or(0, |c| super::facts::category_bit(*c)),
                risk: t.risk,
            });
            for p in &t.phrases {
                // A phrase of stop words only would fire on ordinary words: check refuses it.
                let Some(seq) = stems_of(stems, p).filter(|_| !only_stop(p)) else {
                    continue;
                };
                let list = v.by_first.entry(seq[0].clone()).or_default();
                if !list.iter().any(|(s, _)| *s == seq) {
                    list.push((seq, i));
                }
            }
        }
        for list in v.by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        v
    }

    /// The longest phrase starting at `at` in the typed stems: (its length, its term).
    pub fn longest_at(&self, stems: &[String], at: usize) -> Option<(usize, usize)> {
        let rest = &stems[at..];
        self.by_first
            .get(rest.first()?)?
            .iter()
            .find(|(seq, _)| rest.starts_with(seq))
            .map(|(seq, t)| (seq.len(), *t))
    }
}

fn only_stop(phrase: &str) -> bool {
    query_terms(phrase).iter().all(|w| is_stop(w))
}

/// Every problem with the vocabulary, each naming its field (`terms[2].phrases[5]`); lines are
/// filled in from the field by the caller. `needs` are the triage file's need ids.
pub fn check(file: &VocabularyFile, needs: &[String]) -> Vec<Problem> {
    let stems = Stems::default();
    let mut out = Vec::new();
    let err = |out: &mut Vec<Problem>, field: String, msg: String| {
        out.push(Problem::error(FILE, &field, msg))
    };
    if !file.is_approved() {
        out.push(Problem::warning(
            FILE,
            "approval",
            format!(
                "DRAFT — the risk phrases are not clinically approved (vocabulary {}); the risk prompt says so",
                file.approval.version
            ),
        ));
    }
    let mut seen: HashMap<Vec<String>, (String, String)> = HashMap::new();
    for (i, t) in file.terms.iter().enumerate() {
        let at = format!("terms[{i}]");
        if t.label.trim().is_empty() {
            err(
                &mut out,
                format!("{at}.label"),
                "empty label: say what the phrases mean".into(),
            );
        }
        if t.label.chars().any(char::is_control) {
            err(
                &mut out,
                format!("{at}.label"),
                "the label holds a control character (it is shown on screen)".into(),
            );
        }
        if t.categories.is_empty() {
            err(
                &mut out,
                format!("{at}.categories"),
                "no categories: the phrases would reach no service".into(),
            );
        }
        if t.phrases.is_empty() {
            err(
                &mut out,
                format!("{at}.phrases"),
                "no phrases: an empty entry".into(),
            );
        }
        if t.risk
            && !t
                .categories
                .iter()
                .any(|c| matches!(c, Category::Crisis | Category::Emergency))
        {
            err(&mut out, format!("{at}.categories"), "a risk term must include crisis or emergency, so the safety net is always among its results".into());
        }
        for (j, n) in t.needs.iter().enumerate() {
            if !needs.iter().any(|x| x == n) {
                err(
                    &mut out,
                    format!("{at}.needs[{j}]"),
                    format!("unknown need '{n}' (not in triage.toml)"),
                );
            }
        }
        for (j, p) in t.phrases.iter().enumerate() {
            let field = format!("{at}.phrases[{j}]");
            let Some(seq) = stems_of(&stems, p) else {
                err(
                    &mut out,
                    field,
                    format!("empty phrase '{p}': it has no words"),
                );
                continue;
            };
            if only_stop(p) {
                err(&mut out, field, format!("phrase '{p}' is only little words (\"my\", \"to\"...): it would match ordinary typing"));
                continue;
            }
            match seen.get(&seq) {
                Some((other, first)) => err(
                    &mut out,
                    field,
                    format!("phrase '{p}' is mapped twice: it reads the same as '{first}' at {other} once word endings are ignored"),
                ),
                None => {
                    seen.insert(seq, (format!("terms[{i}].phrases[{j}]"), p.clone()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(src: &str) -> VocabularyFile {
        toml::from_str(src).unwrap()
    }

    #[test]
    fn control_characters_never_reach_a_screen() {
        let f = file("[[terms]]\nlabel = \"over\\u001b[31mdose\"\ncategories = [\"crisis\"]\nphrases = [\"pills\"]\n");
        assert_eq!(
            Vocabulary::new(&f, &Stems::default()).meanings[0].label,
            "overdose"
        );
        let p = check(&f, &[]);
        assert!(
            p.iter()
                .any(|p| p.is_error() && p.field == "terms[0].label"),
            "{p:?}"
        );
    }

    #[test]
    fn longest_phrase_first() {
        let v = Vocabulary::new(
            &file("[[terms]]\nlabel = \"a\"\ncategories = [\"crisis\"]\nphrases = [\"pills\", \"too many pills\"]\n"),
            &Stems::default(),
        );
        let s = Stems::default();
        let typed: Vec<String> = ["took", "too", "many", "pills"]
            .iter()
            .map(|w| s.of(w))
            .collect();
        assert_eq!(v.longest_at(&typed, 1), Some((3, 0)));
        assert_eq!(v.longest_at(&typed, 3), Some((1, 0)));
        assert_eq!(v.longest_at(&typed, 0), None);
    }

    #[test]
    fn problems_name_their_fields() {
        let f = file(
            "[[terms]]\nlabel = \"\"\ncategories = [\"mental-health\"]\nrisk = true\nneeds = [\"nope\"]\n\
             phrases = [\"Died\", \"dies\", \"  \", \"my to\"]\n[[terms]]\nlabel = \"x\"\ncategories = []\nphrases = []\n",
        );
        let p = check(&f, &["bereavement".to_string()]);
        let fields: Vec<&str> = p
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.field.as_str())
            .collect();
        assert_eq!(
            fields,
            [
                "terms[0].label",
                "terms[0].categories",
                "terms[0].needs[0]",
                "terms[0].phrases[1]",
                "terms[0].phrases[2]",
                "terms[0].phrases[3]",
                "terms[1].categories",
                "terms[1].phrases",
            ]
        );
    }
}
