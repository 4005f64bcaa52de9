//! The walk's plain state (everything `back` restores) and the reasons an answer is refused.

use crate::model::place::Candidate;
use crate::model::Category;
use serde::Serialize;
use thiserror::Error;

/// Where the walk is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Step {
    /// Waiting for the answer to this question.
    Question { id: String },
    /// The place answer matched several places: ask which (the prompt id is `<question>.which`).
    ChoosePlace {
        question: String,
        text: String,
        candidates: Vec<Candidate>,
        why: String,
    },
    /// Nothing left to ask: the end of the questions, or the emergency outcome.
    Finished,
}

/// How old the person is: a number of years, or the band of a "not known" option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Age {
    Years { years: u8 },
    Band { key: String, min: u8, max: u8 },
}

/// Where the person is, as far as the call could establish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PlaceAnswer {
    /// One place id.
    Place { id: String, why: String },
    /// Several possibilities the caller could not settle: the outcome covers every one.
    Candidates {
        candidates: Vec<Candidate>,
        why: String,
    },
    /// Outside Hampshire and the Isle of Wight: national services.
    OutsideArea { why: String },
    /// Not known or not given: area-wide and national services.
    NotGiven,
}

/// One answer as given, canonical (option keys joined by commas, ages as numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub question: String,
    pub value: String,
}

/// The emergency outcome was reached, and from where (a question id, or "outcome").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Emergency {
    pub from: String,
    /// True when the emergency key was used, false when an answer led there.
    pub jump: bool,
}

/// A clinician's override of the computed urgency, with a reason from the fixed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Override {
    pub level: String,
    pub reason: String,
    /// The computed urgency it replaced.
    pub computed: String,
}

/// Everything one walk has established. `back` restores an earlier value of this exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct State {
    pub step: Step,
    /// The most urgent level raised so far; `None` until an answer raises one.
    pub urgency: Option<String>,
    pub needs: Vec<String>,
    pub flags: Vec<String>,
    /// Service categories an answer ruled out ("not pregnant": perinatal).
    pub excluded: Vec<Category>,
    pub age: Option<Age>,
    pub place: Option<PlaceAnswer>,
    pub answers: Vec<Answer>,
    pub emergency: Option<Emergency>,
    #[serde(rename = "override")]
    pub override_: Option<Override>,
    /// Things to tell the handler on the way ("outside the area: national services").
    pub notices: Vec<String>,
}

/// How far through: answers given, and at most how many questions are left on this path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub remaining: usize,
}

/// Why an answer or action was not taken. The walk's state is unchanged after a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("the questionnaire has no questions")]
    NoQuestions,
    #[error(
        "the questionnaire changed during this call (no question '{id}' now): start a new call"
    )]
    QuestionnaireChanged { id: String },
    #[error("the questions are finished: nothing is waiting for an answer")]
    Finished,
    #[error("no answer was given to '{question}'")]
    Empty { question: String },
    #[error("'{given}' is not an answer to '{question}'; answer one of: {}", keys.join(", "))]
    NotAnOption {
        question: String,
        given: String,
        keys: Vec<String>,
    },
    #[error("'{question}' takes one answer only, not '{given}'")]
    OneOnly { question: String, given: String },
    #[error("'{given}' is not an age: give whole years from 0 to 130, or answer one of: {}", keys.join(", "))]
    NotAnAge { given: String, keys: Vec<String> },
    #[error("'{given}' was not recognised exactly. Did you mean: {}? Type the one you mean, or answer one of: {}", suggestions.join(", "), keys.join(", "))]
    PlaceDidYouMean {
        given: String,
        suggestions: Vec<String>,
        keys: Vec<String>,
    },
    #[error("'{given}' is not a postcode district, town or area we know. Try the first half of the postcode (such as PO30), or answer one of: {}", keys.join(", "))]
    PlaceNotRecognised { given: String, keys: Vec<String> },
    #[error("only the clinician role can override the urgency; the call-handler role keeps the computed urgency")]
    OverrideNeedsClinician,
    #[error(
        "finish the questions first: an override replaces the computed urgency of a finished walk"
    )]
    OverrideBeforeEnd,
    #[error("the emergency outcome cannot be overridden; use back if it was chosen in error")]
    OverrideOfEmergency,
    #[error("'{given}' is not an urgency level; use one of: {}", codes.join(", "))]
    UnknownLevel { given: String, codes: Vec<String> },
    #[error("'{given}' is not an override reason; use one of: {}", keys.join(", "))]
    UnknownReason { given: String, keys: Vec<String> },
}
