//! A finished walk as one plain value: what the outcome (services, advice, summary) is built from.

use super::state::{Age, Answer, Emergency, Override, PlaceAnswer, State};
use crate::model::{Category, TriageFile};
use serde::Serialize;

/// A modifier that raised the level: "raised to B: pregnant or recently had a baby, with
/// psychosis".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Raised {
    pub level: String,
    pub modifier: String,
    pub why: String,
}

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
    /// Modifiers that raised the level, in the order they applied.
    pub raised: Vec<Raised>,
    /// "Ask again / if in doubt" lines for every risk or caution question answered unknown.
    pub prompts: Vec<String>,
    /// Service categories an answer ruled out ("not pregnant": perinatal).
    pub excluded: Vec<Category>,
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

/// The level the answers alone reached. If no answer raised any level (only possible in a
/// questionnaire `check` refuses), the level after the emergency one: a broken questionnaire
/// over-triages rather than under-triages.
fn answered_urgency(t: &TriageFile, st: &State) -> String {
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

/// The modifiers of the triage file, applied in order to the level the answers reached: each
/// that holds raises it (never lowers it). None apply to the emergency outcome.
pub fn modified(t: &TriageFile, st: &State) -> (String, Vec<Raised>) {
    let mut level = answered_urgency(t, st);
    let mut raised = Vec::new();
    if st.emergency.is_some() {
        return (level, raised);
    }
    for m in &t.modifiers {
        let flag = m.flags_any.is_empty() || m.flags_any.iter().any(|f| st.flags.contains(f));
        let need = m.needs_any.is_empty() || m.needs_any.iter().any(|n| st.needs.contains(n));
        if !(flag && need) || (m.flags_any.is_empty() && m.needs_any.is_empty()) {
            continue;
        }
        let Some(cur) = t.rank(&level) else { continue };
        let mut to = cur;
        if let Some(r) = m.at_least.as_deref().and_then(|c| t.rank(c)) {
            to = to.min(r);
        }
        if m.up > 0 {
            let cap = m.up_to_most.as_deref().and_then(|c| t.rank(c)).unwrap_or(0);
            to = to.min(cur.saturating_sub(m.up as usize).max(cap).min(cur));
        }
        if to < cur {
            level = t.urgency[to].code.clone();
            raised.push(Raised {
                level: level.clone(),
                modifier: m.id.clone(),
                why: m.why.clone(),
            });
        }
    }
    (level, raised)
}

/// The computed urgency of a state: the answers' level raised by the modifiers.
pub fn computed_urgency(t: &TriageFile, st: &State) -> String {
    modified(t, st).0
}

/// The "if in doubt" line of every risk or caution question answered unknown, in call order.
fn prompts(t: &TriageFile, st: &State) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &st.answers {
        let Some(q) = t.question(&a.question) else {
            continue;
        };
        let unknown = a.value.split(',').any(crate::triage::graph::is_unknown_key);
        if q.reads_unknown_as_worse() && unknown && !q.if_unknown.trim().is_empty() {
            let line = q.if_unknown.trim().to_string();
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

fn in_table_order(ids: &[String], table: impl Iterator<Item = String>) -> Vec<String> {
    let order: Vec<String> = table.collect();
    let mut out = ids.to_vec();
    out.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
    out
}

impl TriageResult {
    pub fn from_state(t: &TriageFile, st: &State) -> TriageResult {
        let (computed, raised) = modified(t, st);
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
            raised,
            prompts: prompts(t, st),
            excluded: st.excluded.clone(),
            age: st.age.clone(),
            place: st.place.clone(),
            answers: st.answers.clone(),
            notices: st.notices.clone(),
            approved: t.is_approved(),
            version: t.approval.version.clone(),
        }
    }

    pub fn is_emergency(&self) -> bool {
        self.emergency.is_some()
    }
}
