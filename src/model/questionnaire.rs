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
    /// The fingerprint of what was approved (`TriageFile::fingerprint`): the questions, flags,
    /// modifiers, routes and the policy table. Any later change to them makes it a DRAFT again.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
}

impl Approval {
    /// Signed by an approver on a date (whether it still matches is `TriageFile::is_approved`).
    pub fn is_signed(&self) -> bool {
        !self.approved_by.trim().is_empty() && self.approved_on.is_some()
    }
}

/// A rule that raises the level when circumstances make the call riskier than its answers
/// alone: "children may be at risk → at least C". Data, so clinical review can change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modifier {
    pub id: String,
    /// Shown on the outcome after "raised to X: ".
    pub why: String,
    /// Holds when any of these flags is set (and every other condition present holds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags_any: Vec<String>,
    /// Holds when any of these needs is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_any: Vec<String>,
    /// Raise to at least this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// Raise this many levels above the level reached so far...
    #[serde(default, skip_serializing_if = "is_zero")]
    pub up: u8,
    /// ...but never above this level by `up` alone (a modifier does not make an emergency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to_most: Option<String>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// The built-in routes and wording the outcome adds by level: A&E, a child's supervision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routes {
    /// The urgent-care route (A&E) given at A and B, and as the crisis step when no
    /// crisis-assessment service can respond in the window.
    #[serde(default)]
    pub urgent_care_name: String,
    #[serde(default)]
    pub urgent_care_how: String,
    #[serde(default)]
    pub urgent_care_info: String,
    /// Said at A and B when the person at risk is under 18.
    #[serde(default)]
    pub child_supervision: String,
    /// The check on a service kept for the caller's needs that is not a crisis response.
    #[serde(default)]
    pub not_crisis: String,
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
    /// Services carrying any of these categories are ruled out ("not pregnant": perinatal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<Category>,
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
    /// A safeguarding or follow-up risk question: like `risk`, a "don't know" here is read as
    /// the worse answer, but it need not be asked on every path.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub caution: bool,
    /// The "ask again / if in doubt" line the outcome says when this was not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub if_unknown: String,
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
    pub modifiers: Vec<Modifier>,
    #[serde(default)]
    pub routes: Routes,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub override_reasons: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

impl Question {
    /// An unknown answer here is read as the worse answer.
    pub fn reads_unknown_as_worse(&self) -> bool {
        self.risk || self.caution
    }
}

impl TriageFile {
    /// A fingerprint of everything that decides a triage: the scale, needs, policy table,
    /// modifiers, routes, flags and questions (not the approval block itself).
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let v = serde_json::json!({
            "urgency": self.urgency, "needs": self.needs, "policy": self.policy,
            "modifiers": self.modifiers, "routes": self.routes, "flags": self.flags,
            "questions": self.questions,
        });
        let digest = Sha256::digest(v.to_string().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Signed off, and nothing changed since: the approval's hash is this file's fingerprint.
    pub fn is_approved(&self) -> bool {
        self.approval.is_signed() && self.approval.hash == self.fingerprint()
    }

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
