//! What to ask next: the current question (or the "which place?" step) as plain values for a screen.

use super::engine::Questionnaire;
use super::state::Step;
use super::{NOT_SURE, OUTSIDE, WHICH_SUFFIX};
use crate::model::place::Candidate;
use crate::model::questionnaire::QuestionKind;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromptOption {
    pub key: String,
    pub label: String,
}

/// One question as the handler sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    /// The id to answer: a question id, or `<place question>.which` at the candidate step.
    pub id: String,
    pub kind: QuestionKind,
    pub risk: bool,
    pub text: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// What the answer may be, in plain words.
    pub accepts: &'static str,
    pub options: Vec<PromptOption>,
}

fn accepts(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "one option key",
        QuestionKind::Multiple => "one or more option keys, separated by commas",
        QuestionKind::Age => "an age in whole years (0 to 130), or an option key",
        QuestionKind::Place => "a postcode district, town or area, or an option key",
    }
}

fn candidate_label(q: Questionnaire<'_>, c: &Candidate) -> PromptOption {
    match c {
        Candidate::Place(id) => PromptOption {
            key: id.clone(),
            label: q
                .places
                .get(id)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| id.clone()),
        },
        Candidate::OutsideArea => PromptOption {
            key: OUTSIDE.to_string(),
            label: "Outside Hampshire and the Isle of Wight".to_string(),
        },
    }
}

pub fn prompt(q: Questionnaire<'_>, step: &Step) -> Option<Prompt> {
    match step {
        Step::Finished => None,
        Step::Question { id } => {
            let question = q.triage.question(id)?;
            Some(Prompt {
                id: question.id.clone(),
                kind: question.kind,
                risk: question.risk,
                text: question.text.clone(),
                help: question.help.clone(),
                accepts: accepts(question.kind),
                options: question
                    .options
                    .iter()
                    .map(|o| PromptOption {
                        key: o.key.clone(),
                        label: o.label.clone(),
                    })
                    .collect(),
            })
        }
        Step::ChoosePlace {
            question,
            text,
            candidates,
            why,
        } => {
            let mut options: Vec<PromptOption> =
                candidates.iter().map(|c| candidate_label(q, c)).collect();
            if !candidates.contains(&Candidate::OutsideArea) {
                options.push(candidate_label(q, &Candidate::OutsideArea));
            }
            options.push(PromptOption {
                key: NOT_SURE.to_string(),
                label: "Not sure: keep all of these".to_string(),
            });
            Some(Prompt {
                id: format!("{question}{WHICH_SUFFIX}"),
                kind: QuestionKind::Single,
                risk: false,
                text: format!("'{text}' could be in more than one place ({why}). Which is it?"),
                help: String::new(),
                accepts: accepts(QuestionKind::Single),
                options,
            })
        }
    }
}
