//! Reading one typed answer against its question's kind, before anything changes.

use super::state::Refusal;
use crate::model::questionnaire::{Question, QuestionKind};

/// A well-formed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Option indexes, in the order given, without repeats (one for a single question).
    Options(Vec<usize>),
    Years(u8),
    /// Free text for the place lookup.
    PlaceText(String),
}

fn keys(q: &Question) -> Vec<String> {
    q.options.iter().map(|o| o.key.clone()).collect()
}

fn find(q: &Question, key: &str) -> Option<usize> {
    q.options
        .iter()
        .position(|o| o.key.eq_ignore_ascii_case(key.trim()))
}

fn not_an_option(q: &Question, given: &str) -> Refusal {
    Refusal::NotAnOption {
        question: q.id.clone(),
        given: given.to_string(),
        keys: keys(q),
    }
}

pub fn parse(q: &Question, value: &str) -> Result<Parsed, Refusal> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Refusal::Empty {
            question: q.id.clone(),
        });
    }
    match q.kind {
        QuestionKind::Single => {
            if v.contains(',') {
                return Err(Refusal::OneOnly {
                    question: q.id.clone(),
                    given: v.to_string(),
                });
            }
            find(q, v)
                .map(|i| Parsed::Options(vec![i]))
                .ok_or_else(|| not_an_option(q, v))
        }
        QuestionKind::Multiple => {
            let mut chosen = Vec::new();
            for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let i = find(q, part).ok_or_else(|| not_an_option(q, part))?;
                if !chosen.contains(&i) {
                    chosen.push(i);
                }
            }
            if chosen.is_empty() {
                return Err(Refusal::Empty {
                    question: q.id.clone(),
                });
            }
            Ok(Parsed::Options(chosen))
        }
        QuestionKind::Age => {
            if let Some(i) = find(q, v) {
                return Ok(Parsed::Options(vec![i]));
            }
            match v.parse::<u32>() {
                Ok(n) if n <= 130 => Ok(Parsed::Years(n as u8)),
                _ => Err(Refusal::NotAnAge {
                    given: v.to_string(),
                    keys: keys(q),
                }),
            }
        }
        QuestionKind::Place => Ok(match find(q, v) {
            Some(i) => Parsed::Options(vec![i]),
            None => Parsed::PlaceText(v.to_string()),
        }),
    }
}

/// The option keys of a question, for messages.
pub fn option_keys(q: &Question) -> Vec<String> {
    keys(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::questionnaire::{AnswerOption, Effects};

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            text: String::new(),
            help: String::new(),
            kind,
            risk: false,
            caution: false,
            if_unknown: String::new(),
            needs_list: false,
            options: ["a", "b", "not-known"]
                .iter()
                .map(|k| AnswerOption {
                    key: k.to_string(),
                    label: String::new(),
                    effects: Effects::default(),
                    next: None,
                })
                .collect(),
            next: None,
        }
    }

    #[test]
    fn each_kind_reads_its_own_answers() {
        let single = question(QuestionKind::Single);
        assert_eq!(parse(&single, " B "), Ok(Parsed::Options(vec![1])));
        assert!(matches!(
            parse(&single, "a,b"),
            Err(Refusal::OneOnly { .. })
        ));
        let multiple = question(QuestionKind::Multiple);
        assert_eq!(parse(&multiple, "b, a,b"), Ok(Parsed::Options(vec![1, 0])));
        let age = question(QuestionKind::Age);
        assert_eq!(parse(&age, "130"), Ok(Parsed::Years(130)));
        assert_eq!(parse(&age, "not-known"), Ok(Parsed::Options(vec![2])));
        assert!(matches!(parse(&age, "131"), Err(Refusal::NotAnAge { .. })));
        let place = question(QuestionKind::Place);
        assert_eq!(
            parse(&place, " PO30 "),
            Ok(Parsed::PlaceText("PO30".into()))
        );
        assert_eq!(parse(&place, "not-known"), Ok(Parsed::Options(vec![2])));
        assert!(matches!(parse(&place, "  "), Err(Refusal::Empty { .. })));
    }
}
