//! The needs vocabulary's shape: the words callers use, mapped to categories and triage needs.

use super::category::Category;
use super::questionnaire::Approval;
use serde::{Deserialize, Serialize};

/// `vocabulary.toml`. Reviewed like the questionnaire: until `[approval]` names an approver and a
/// date, the risk phrases are DRAFT and every risk prompt says so.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    #[serde(default)]
    pub approval: Approval,
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// One meaning callers express in many ways: "overdose" said as "took pills", "od", "overdosed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// What the phrases mean, in a handler's words; shown in a result's reasons.
    pub label: String,
    /// The services that help: any service carrying one of these is reached by the phrases.
    pub categories: Vec<Category>,
    /// Triage need ids (from `triage.toml`) the phrases point to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// The phrases suggest danger now: the search asks the handler to ask about it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub risk: bool,
    /// As callers say them: plain English, slang, common misspellings.
    pub phrases: Vec<String>,
}

impl VocabularyFile {
    /// What an approval signs: the terms. A later change to any phrase makes it a DRAFT again,
    /// as for the questionnaire.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let v = serde_json::json!({ "terms": self.terms });
        let digest = Sha256::digest(v.to_string().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Signed off, and nothing changed since.
    pub fn is_approved(&self) -> bool {
        self.approval.is_signed() && self.approval.hash == self.fingerprint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_terms_and_refuses_unknown_fields() {
        let v: VocabularyFile = toml::from_str(
            "[approval]\nversion = \"0.1\"\n[[terms]]\nlabel = \"overdose\"\n\
             categories = [\"crisis\"]\nrisk = true\nphrases = [\"took pills\"]\n",
        )
        .unwrap();
        assert!(v.terms[0].risk);
        assert!(!v.is_approved());
        assert!(toml::from_str::<VocabularyFile>(
            "[[terms]]\nlabel = \"x\"\ncategories = []\nphrases = []\nwords = []\n"
        )
        .is_err());
    }
}
