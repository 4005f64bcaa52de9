//! Where each typed word matched in a record (characters to highlight) and the sentence saying so.
//! Only run for hits being shown, so it may re-read the record's text.

use super::index::Field;
use super::normalise::{for_each_token, Scratch};
use super::results::{FieldMatch, Reason, ReasonKind};
use super::terms::{weight, Kind, TermMatch};
use crate::model::Service;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::sync::Arc;

/// The best place one typed word was found, for its reason.
struct Best {
    weight: u16,
    field: Field,
    item: usize,
    kind: Kind,
    word: String,
}

fn fields(s: &Service) -> impl Iterator<Item = (Field, usize, &str)> {
    [
        (Field::Name, 0, s.name.as_str()),
        (Field::Organisation, 0, s.organisation.as_str()),
    ]
    .into_iter()
    .chain(
        s.keywords
            .iter()
            .enumerate()
            .map(|(i, k)| (Field::Keyword, i, k.as_str())),
    )
    .chain(
        s.categories
            .iter()
            .enumerate()
            .map(|(i, c)| (Field::Category, i, c.label())),
    )
    .chain(std::iter::once((
        Field::Description,
        0,
        s.description.as_str(),
    )))
}

/// `sc` is scratch space, reused across the hits of one search.
pub(crate) fn text_matches(
    skim: &SkimMatcherV2,
    terms: &[Arc<TermMatch>],
    doc: usize,
    s: &Service,
    sc: &mut Scratch,
) -> (Vec<FieldMatch>, Vec<Reason>) {
    let mut out = Vec::new();
    let mut best: Vec<Option<Best>> = terms.iter().map(|_| None).collect();
    if terms.is_empty() {
        return (out, Vec::new());
    }
    let lengths: Vec<usize> = terms.iter().map(|t| t.term.chars().count()).collect();
    let mut positions: Vec<usize> = Vec::new();
    // Only the fields the index says some word matched in: most hits match in the name and
    // never need their description read.
    let matched = terms
        .iter()
        .fold(0u8, |m, t| m | t.fields.get(doc).copied().unwrap_or(0xff));
    for (field, item, text) in fields(s) {
        if matched & (1 << (field as u8)) == 0 {
            continue;
        }
        positions.clear();
        for_each_token(text, sc, |tok, origin| {
            for (ti, t) in terms.iter().enumerate() {
                let Some(kind) = t.kind_of_text(tok) else {
                    continue;
                };
                if kind >= Kind::Fuzzy && !field.is_short() {
                    continue; // descriptions only match whole words and prefixes
                }
                let n = lengths[ti];
                match kind {
                    Kind::Exact | Kind::Prefix => {
                        positions.extend(origin.iter().take(n).copied());
                    }
                    Kind::Fuzzy => {
                        if let Some((_, idx)) = skim.fuzzy_indices(tok, &t.term) {
                            positions.extend(idx.iter().filter_map(|i| origin.get(*i)));
                        }
                    }
                    Kind::Stem | Kind::Edit => positions.extend(origin.iter().copied()),
                }
                let w = weight(field, kind);
                if best[ti].as_ref().map_or(true, |b| w > b.weight) {
                    best[ti] = Some(Best {
                        weight: w,
                        field,
                        item,
                        kind,
                        // Only a word read another way is named in the reason.
                        word: match kind {
                            Kind::Exact | Kind::Prefix => String::new(),
                            _ => tok.to_string(),
                        },
                    });
                }
            }
        });
        if !positions.is_empty() {
            positions.sort_unstable();
            positions.dedup();
            out.push(FieldMatch {
                field,
                item,
                positions: positions.clone(),
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
        Kind::Stem | Kind::Fuzzy | Kind::Edit => {
            format!("{place} matches '{term}' (read as '{}')", b.word)
        }
    };
    Reason {
        kind: ReasonKind::Text,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::Index;

    fn run(s: &Service, typed: &[&str]) -> (Vec<FieldMatch>, Vec<Reason>) {
        let idx = Index::build(std::slice::from_ref(s));
        let skim = SkimMatcherV2::default();
        let terms: Vec<Arc<TermMatch>> = typed
            .iter()
            .map(|t| Arc::new(TermMatch::compute(&idx, 1, t, t, None, &skim)))
            .collect();
        text_matches(&skim, &terms, 0, s, &mut Scratch::default())
    }

    #[test]
    fn positions_are_characters_of_the_text_as_written() {
        let s = Service {
            name: "Talking Change (Portsmouth)".into(),
            keywords: vec!["self-harm".into()],
            description: "Talk to someone.".into(),
            ..Default::default()
        };
        let (m, reasons) = run(&s, &["port", "talkng", "selfharm"]);
        let name = m.iter().find(|m| m.field == Field::Name).unwrap();
        // "talkng" read as "Talking" (fuzzy: t,a,l,k,n,g) and "port" as the start of Portsmouth.
        assert_eq!(name.positions, vec![0, 1, 2, 3, 5, 6, 16, 17, 18, 19]);
        let kw = m.iter().find(|m| m.field == Field::Keyword).unwrap();
        assert_eq!(
            kw.positions,
            vec![0, 1, 2, 3, 5, 6, 7, 8],
            "the hyphen is not highlighted"
        );
        // A misspelling never matches the description ("talk" is there, but not typed).
        assert!(m.iter().all(|m| m.field != Field::Description));
        let texts: Vec<&str> = reasons.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "name matches 'port'",
                "name matches 'talkng' (read as 'talking')",
                "keyword 'self-harm' matches 'selfharm'"
            ]
        );
    }
}
