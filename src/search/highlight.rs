//! Where each typed word matched in a record (characters to highlight) and the sentence saying so.
//! Only run for hits being shown, so it may re-read the record's text.

use super::index::{Field, Index};
use super::normalise::tokens;
use super::results::{FieldMatch, Reason, ReasonKind};
use super::terms::{weight, Kind, TermMatch};
use crate::model::Service;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The best place one typed word was found, for its reason.
struct Best {
    weight: u16,
    field: Field,
    item: usize,
    kind: Kind,
    word: String,
}

fn fields(s: &Service) -> Vec<(Field, usize, String)> {
    let mut v = vec![
        (Field::Name, 0, s.name.clone()),
        (Field::Organisation, 0, s.organisation.clone()),
    ];
    v.extend(
        s.keywords
            .iter()
            .enumerate()
            .map(|(i, k)| (Field::Keyword, i, k.clone())),
    );
    v.extend(
        s.categories
            .iter()
            .enumerate()
            .map(|(i, c)| (Field::Category, i, c.label().to_string())),
    );
    v.push((Field::Description, 0, s.description.clone()));
    v
}

pub(crate) fn text_matches(
    index: &Index,
    skim: &SkimMatcherV2,
    terms: &[Arc<TermMatch>],
    s: &Service,
) -> (Vec<FieldMatch>, Vec<Reason>) {
    let mut out = Vec::new();
    let mut best: Vec<Option<Best>> = terms.iter().map(|_| None).collect();
    if terms.is_empty() {
        return (out, Vec::new());
    }
    for (field, item, text) in fields(s) {
        let mut positions = BTreeSet::new();
        for tok in tokens(&text) {
            let Some(id) = index.word_id(&tok.text) else {
                continue;
            };
            for (ti, t) in terms.iter().enumerate() {
                let Some(kind) = t.kind_of(id) else { continue };
                if kind >= Kind::Fuzzy && !field.is_short() {
                    continue; // descriptions only match whole words and prefixes
                }
                let n = t.term.chars().count();
                match kind {
                    Kind::Exact | Kind::Prefix => {
                        positions.extend(tok.origin.iter().take(n).copied());
                    }
                    Kind::Fuzzy => {
                        if let Some((_, idx)) = skim.fuzzy_indices(&tok.text, &t.term) {
                            positions.extend(idx.iter().filter_map(|i| tok.origin.get(*i)));
                        }
                    }
                    Kind::Edit => positions.extend(tok.origin.iter().copied()),
                }
                let w = weight(field, kind);
                if best[ti].as_ref().map_or(true, |b| w > b.weight) {
                    best[ti] = Some(Best {
                        weight: w,
                        field,
                        item,
                        kind,
                        word: tok.text.clone(),
                    });
                }
            }
        }
        if !positions.is_empty() {
            out.push(FieldMatch {
                field,
                item,
                positions: positions.into_iter().collect(),
            });
        }
    }
    let reasons = best
        .into_iter()
        .zip(terms)
        .filter_map(|(b, t)| b.map(|b| reason(s, &t.term, &b)))
        .collect();
    (out, reasons)
}

fn reason(s: &Service, term: &str, b: &Best) -> Reason {
    let place = match b.field {
        Field::Name => "name".to_string(),
        Field::Organisation => "organisation".to_string(),
        Field::Keyword => format!(
            "keyword '{}'",
            s.keywords.get(b.item).map(String::as_str).unwrap_or("")
        ),
        Field::Category => format!(
            "category {}",
            s.categories.get(b.item).map(|c| c.label()).unwrap_or("")
        ),
        Field::Description => "description".to_string(),
    };
    let text = match b.kind {
        Kind::Exact | Kind::Prefix => format!("{place} matches '{term}'"),
        Kind::Fuzzy | Kind::Edit => format!("{place} matches '{term}' (read as '{}')", b.word),
    };
    Reason {
        kind: ReasonKind::Text,
        text,
    }
}
