//! A finished walk as one plain value: what the outcome (services, advice, summary) is built from.

use super::state::{Age, Answer, Emergency, Override, PlaceAnswer, State};
use crate::model::TriageFile;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TriageResult {
    /// The urgency level in force: the clinician's override if there is one, else `computed`.
    pub urgency: String,
    /// The most urgent level the answers raised.
    pub computed: String,
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub override_: Option<Override>,
    /// The emergency outcome (999, stay on the line), and where it was reached from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emergency: Option<Emergency>,
    /// Need ids, in the order of the needs table.
    pub needs: Vec<String>,
    /// Flag ids, in the order of the flags table.
    pub flags: Vec<String>,
    /// `None` when the walk ended before the age question (the emergency outcome).
    pub age: Option<Age>,
    /// `None` when the walk ended before the place question (the emergency outcome).
    pub place: Option<PlaceAnswer>,
    pub answers: Vec<Answer>,
    pub notices: Vec<String>,
    /// False while the questionnaire is a draft: every output then says so.
    pub approved: bool,
    pub version: String,
}

/// The computed urgency of a state. If no answer raised any level (only possible in a
/// questionnaire `check` refuses), the level after the emergency one: a broken questionnaire
/// over-triages rather than under-triages.
pub fn computed_urgency(t: &TriageFile, st: &State) -> String {
    st.urgency
        .clone()
        .or_else(|| {
            t.urgency
                .get(1)
                .or(t.urgency.first())
                .map(|l| l.code.clone())
        })
        .unwrap_or_default()
}

fn in_table_order(ids: &[String], table: impl Iterator<Item = String>) -> Vec<String> {
    let order: Vec<String> = table.collect();
    let mut out = ids.to_vec();
    out.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
    out
}

impl TriageResult {
    pub fn from_state(t: &TriageFile, st: &State) -> TriageResult {
        let computed = computed_urgency(t, st);
        TriageResult {
            urgency: st
                .override_
                .as_ref()
                .map(|o| o.level.clone())
                .unwrap_or_else(|| computed.clone()),
            computed,
            override_: st.override_.clone(),
            emergency: st.emergency.clone(),
            needs: in_table_order(&st.needs, t.needs.iter().map(|n| n.id.clone())),
            flags: in_table_order(&st.flags, t.flags.iter().map(|f| f.id.clone())),
            age: st.age.clone(),
            place: st.place.clone(),
            answers: st.answers.clone(),
            notices: st.notices.clone(),
            approved: t.approval.is_approved(),
            version: t.approval.version.clone(),
        }
    }

    pub fn is_emergency(&self) -> bool {
        self.emergency.is_some()
    }
}
