//! The triage file's shapes: approval, urgency scale, needs, policy, flags and the questions.

use super::category::Category;
use super::time::Date;
use super::urgency::{PolicyRule, UrgencyLevel};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    #[serde(default)]
    pub version: String,
    /// Empty until a clinical approver signs it off: every triage screen then says DRAFT.
    #[serde(default)]
    pub approved_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<Date>,
}

impl Approval {
    pub fn is_approved(&self) -> bool {
        !self.approved_by.trim().is_empty() && self.approved_on.is_some()
    }
}

/// A caller need the questionnaire offers; the one list triage, coverage and search share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub id: String,
    pub label: String,
    pub categories: Vec<Category>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A routing flag set by an answer, with the advice it adds to the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: String,
    pub label: String,
    /// What to say or do when the flag is set.
    pub advice: String,
}

/// A fixed choice (override reasons): no free text is ever recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
    Age,
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Raise urgency to at least this level (the most urgent raise wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// Go straight to the emergency outcome.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
    /// Age questions: the age band this option stands for when the exact age is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_band: Option<[u8; 2]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub effects: Effects,
    /// A question id or "end"; falls back to the question's own `next`. Not allowed on a
    /// multiple-choice option (several may be chosen at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The words to read out, in full.
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    pub kind: QuestionKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub risk: bool,
    /// This is the needs question: it must offer exactly the needs table, one option per need.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_list: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// Where to go after this question when the chosen option does not say; with neither, the
    /// next question in the file (or the end after the last one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

pub const END: &str = "end";

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriageFile {
    #[serde(default)]
    pub approval: Approval,
    #[serde(default)]
    pub urgency: Vec<UrgencyLevel>,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub policy: Vec<PolicyRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub override_reasons: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

impl TriageFile {
    pub fn level(&self, code: &str) -> Option<&UrgencyLevel> {
        self.urgency.iter().find(|l| l.code == code)
    }
    pub fn need(&self, id: &str) -> Option<&Need> {
        self.needs.iter().find(|n| n.id == id)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
    pub fn flag(&self, id: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.id == id)
    }
    pub fn override_reason(&self, key: &str) -> Option<&Choice> {
        self.override_reasons.iter().find(|c| c.key == key)
    }
    /// Position on the scale: 0 is the most urgent level.
    pub fn rank(&self, code: &str) -> Option<usize> {
        self.urgency.iter().position(|l| l.code == code)
    }
}
