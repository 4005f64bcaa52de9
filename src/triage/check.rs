//! Proves a questionnaire well formed: every question reachable, every path ends and asks every
//! risk question, every effect names something real, the needs question offers the needs table.

use super::graph::{self, edges, Target};
use super::{UNKNOWN_KEYS, UNKNOWN_RISK_FLOOR};
use crate::model::questionnaire::{Question, QuestionKind};
use crate::model::validate::is_slug;
use crate::model::{Problem, TriageFile};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::Hash;

const FILE: &str = "triage.toml";
pub const DRAFT: &str = "DRAFT — not clinically approved";

fn err(out: &mut Vec<Problem>, field: &str, m: impl Into<String>) {
    out.push(Problem::error(FILE, field, m));
}

/// Every problem with the questionnaire; errors fail `signpost check`.
pub fn check(t: &TriageFile) -> Vec<Problem> {
    let mut out = Vec::new();
    if !t.is_approved() {
        out.push(Problem::warning(FILE, "approval", DRAFT));
    }
    tables(t, &mut out);
    if t.questions.is_empty() {
        err(&mut out, "questions", "the questionnaire has no questions");
        return out;
    }
    questions(t, &mut out);
    modifiers(t, &mut out);
    first_is_immediate_danger(t, &mut out);
    needs_list(t, &mut out);
    let reached = structure(t, &mut out);
    paths(t, &reached, &mut out);
    out
}

fn tables(t: &TriageFile, out: &mut Vec<Problem>) {
    if t.urgency.is_empty() {
        err(out, "urgency", "the urgency scale has no levels");
    } else if t.level(UNKNOWN_RISK_FLOOR).is_none() {
        err(out, "urgency", format!("the urgency scale has no level '{UNKNOWN_RISK_FLOOR}', the least an unknown answer to a risk question is raised to"));
    }
    let mut seen = HashSet::new();
    for (i, f) in t.flags.iter().enumerate() {
        if !seen.insert(f.id.as_str()) {
            err(
                out,
                &format!("flags[{i}].id"),
                format!("duplicate flag '{}'", f.id),
            );
        }
        if f.advice.trim().is_empty() {
            err(
                out,
                &format!("flags[{i}].advice"),
                "a flag needs advice to give",
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, r) in t.override_reasons.iter().enumerate() {
        if !seen.insert(r.key.as_str()) {
            err(
                out,
                &format!("override_reasons[{i}].key"),
                format!("duplicate override reason '{}'", r.key),
            );
        }
    }
    if t.override_reasons.is_empty() {
        out.push(Problem::warning(
            FILE,
            "override_reasons",
            "no override reasons: a clinician cannot override the urgency",
        ));
    }
}

/// Every modifier names real flags, needs and levels, holds on something, and raises.
fn modifiers(t: &TriageFile, out: &mut Vec<Problem>) {
    for (i, m) in t.modifiers.iter().enumerate() {
        let at = |k: &str| format!("modifiers[{i}].{k}");
        for f in m.flags_any.iter().filter(|f| t.flag(f).is_none()) {
            err(out, &at("flags_any"), format!("unknown flag '{f}'"));
        }
        for n in m.needs_any.iter().filter(|n| t.need(n).is_none()) {
            err(out, &at("needs_any"), format!("unknown need '{n}'"));
        }
        for (k, v) in [("at_least", &m.at_least), ("up_to_most", &m.up_to_most)] {
            if let Some(code) = v.as_deref().filter(|c| t.level(c).is_none()) {
                err(out, &at(k), format!("unknown urgency level '{code}'"));
            }
        }
        if m.flags_any.is_empty() && m.needs_any.is_empty() {
            err(
                out,
                &at("flags_any"),
                "a modifier must hold on a flag or a need",
            );
        }
        if m.at_least.is_none() && m.up == 0 {
            err(
                out,
                &at("at_least"),
                "a modifier must raise: give at_least or up",
            );
        }
        if m.why.trim().is_empty() {
            err(
                out,
                &at("why"),
                "a modifier must say why it raises the level",
            );
        }
    }
}

fn questions(t: &TriageFile, out: &mut Vec<Problem>) {
    let mut ids = HashSet::new();
    for (i, q) in t.questions.iter().enumerate() {
        let at = |k: &str| format!("questions[{i}].{k}");
        if !ids.insert(q.id.as_str()) {
            err(out, &at("id"), format!("duplicate question id '{}'", q.id));
        }
        if !is_slug(&q.id) || q.id == crate::model::questionnaire::END {
            err(
                out,
                &at("id"),
                format!(
                    "'{}' is not a question id (lower-case letters, digits and '-'; not \"end\")",
                    q.id
                ),
            );
        }
        if matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple) && q.options.is_empty() {
            err(out, &at("options"), "a choice question needs options");
        }
        if q.needs_list && q.kind != QuestionKind::Multiple {
            err(
                out,
                &at("needs_list"),
                "the needs question must be kind = \"multiple\"",
            );
        }
        if q.risk && !q.options.iter().any(|o| graph::is_unknown_key(&o.key)) {
            err(out, &at("options"), format!("a risk question must offer {}: a caller who cannot answer must never be made to say no", UNKNOWN_KEYS.map(|k| format!("\"{k}\"")).join(" or ")));
        }
        let mut keys = HashSet::new();
        for (j, o) in q.options.iter().enumerate() {
            let at = |k: &str| format!("questions[{i}].options[{j}].{k}");
            if !keys.insert(o.key.as_str()) {
                err(out, &at("key"), format!("duplicate option key '{}'", o.key));
            }
            if !is_slug(&o.key) {
                err(
                    out,
                    &at("key"),
                    format!(
                        "'{}' is not an option key (lower-case letters, digits and '-')",
                        o.key
                    ),
                );
            }
            if q.kind == QuestionKind::Multiple && o.next.is_some() {
                err(out, &at("next"), "a multiple-choice option cannot choose where to go next (several may be chosen): set the question's next");
            }
            effects(t, q, i, j, out);
        }
    }
}

fn effects(t: &TriageFile, q: &Question, i: usize, j: usize, out: &mut Vec<Problem>) {
    let o = &q.options[j];
    let at = |k: &str| format!("questions[{i}].options[{j}].effects.{k}");
    let e = &o.effects;
    if let Some(u) = &e.urgency {
        if t.level(u).is_none() {
            err(out, &at("urgency"), format!("unknown urgency level '{u}'"));
        }
    }
    for (k, n) in e.needs.iter().enumerate() {
        if t.need(n).is_none() {
            err(
                out,
                &at(&format!("needs[{k}]")),
                format!("unknown need '{n}'"),
            );
        }
    }
    for (k, f) in e.flags.iter().enumerate() {
        if t.flag(f).is_none() {
            err(
                out,
                &at(&format!("flags[{k}]")),
                format!("unknown flag '{f}'"),
            );
        }
    }
    match (q.kind, e.age_band) {
        (QuestionKind::Age, None) => err(
            out,
            &format!("questions[{i}].options[{j}]"),
            "an age question's option needs an age band: effects = { age_band = [min, max] }",
        ),
        (QuestionKind::Age, Some([a, b])) if a > b || b > 130 => err(
            out,
            &at("age_band"),
            format!("age band [{a}, {b}] is not a range within 0 to 130"),
        ),
        (QuestionKind::Age, _) | (_, None) => {}
        (_, Some(_)) => err(
            out,
            &at("age_band"),
            "only an age question's options can carry an age band",
        ),
    }
    if q.risk && graph::is_unknown_key(&o.key) {
        let floor = t.rank(UNKNOWN_RISK_FLOOR);
        let raised = e.urgency.as_deref().and_then(|u| t.rank(u));
        let enough = e.emergency || matches!((raised, floor), (Some(r), Some(f)) if r <= f);
        if !enough {
            err(
                out,
                &at("urgency"),
                format!(
                    "on a risk question, \"{}\" must raise urgency to at least {UNKNOWN_RISK_FLOOR}",
                    o.key
                ),
            );
        }
    }
}

fn first_is_immediate_danger(t: &TriageFile, out: &mut Vec<Problem>) {
    let q = &t.questions[0];
    if !(q.risk && q.options.iter().any(|o| o.effects.emergency)) {
        err(out, "questions[0]", format!("the first question ('{}') must be the immediate-danger question: a risk question with an option that goes to the emergency outcome", q.id));
    }
}

fn needs_list(t: &TriageFile, out: &mut Vec<Problem>) {
    let lists: Vec<usize> = (0..t.questions.len())
        .filter(|&i| t.questions[i].needs_list)
        .collect();
    let Some(&i) = lists.first() else {
        err(
            out,
            "questions",
            "no question offers the needs list (needs_list = true)",
        );
        return;
    };
    for &other in &lists[1..] {
        err(
            out,
            &format!("questions[{other}].needs_list"),
            "only one question may offer the needs list",
        );
    }
    let q = &t.questions[i];
    for n in &t.needs {
        if !q.options.iter().any(|o| o.key == n.id) {
            err(
                out,
                &format!("questions[{i}].options"),
                format!("the needs question does not offer need '{}'", n.id),
            );
        }
    }
    for (j, o) in q.options.iter().enumerate() {
        if t.need(&o.key).is_none() {
            err(
                out,
                &format!("questions[{i}].options[{j}].key"),
                format!("'{}' is not a need in the needs table", o.key),
            );
        } else if o.effects.needs != [o.key.clone()] {
            err(
                out,
                &format!("questions[{i}].options[{j}].effects.needs"),
                format!("the option for need '{}' must add exactly that need", o.key),
            );
        }
    }
}

/// Dangling `next`s, cycles and unreachable questions; returns which questions are reached.
fn structure(t: &TriageFile, out: &mut Vec<Problem>) -> Vec<bool> {
    let n = t.questions.len();
    let mut reported = BTreeSet::new();
    for qi in 0..n {
        for e in edges(t, qi) {
            if let Target::Dangling(id) = &e.target {
                if reported.insert(e.field.clone()) {
                    err(
                        out,
                        &e.field,
                        format!("unknown question '{id}' (expected a question id or \"end\")"),
                    );
                }
            }
        }
    }
    // Cycles: depth-first from every question; an edge back onto the current path closes one.
    let mut done = vec![false; n];
    let mut cycles = BTreeSet::new();
    for s in 0..n {
        let mut path = Vec::new();
        find_cycles(t, s, &mut path, &mut done, &mut cycles, out);
    }
    // Reachability from the first question.
    let mut seen = vec![false; n];
    let mut queue = VecDeque::from([0]);
    seen[0] = true;
    while let Some(qi) = queue.pop_front() {
        for e in edges(t, qi) {
            if let Target::Question(m) = graph::runtime(t, qi, e.target) {
                if !seen[m] {
                    seen[m] = true;
                    queue.push_back(m);
                }
            }
        }
    }
    for (i, q) in t.questions.iter().enumerate() {
        if !seen[i] {
            err(
                out,
                &format!("questions[{i}].id"),
                format!("question '{}' is never reached", q.id),
            );
        }
    }
    seen
}

fn find_cycles(
    t: &TriageFile,
    qi: usize,
    path: &mut Vec<usize>,
    done: &mut [bool],
    reported: &mut BTreeSet<String>,
    out: &mut Vec<Problem>,
) {
    if done[qi] {
        return;
    }
    path.push(qi);
    for e in edges(t, qi) {
        let Target::Question(m) = graph::runtime(t, qi, e.target) else {
            continue;
        };
        if let Some(pos) = path.iter().position(|&p| p == m) {
            if reported.insert(e.field.clone()) {
                let ring: Vec<&str> = path[pos..]
                    .iter()
                    .chain([&m])
                    .map(|&p| t.questions[p].id.as_str())
                    .collect();
                err(
                    out,
                    &e.field,
                    format!("cycle: {} (a path must end)", ring.join(" → ")),
                );
            }
        } else {
            find_cycles(t, m, path, done, reported, out);
        }
    }
    path.pop();
    done[qi] = true;
}

/// Breadth-first search for a way to the end; returns the labels of one shortest such path.
fn path_to_end<S: Copy + Eq + Hash>(
    start: S,
    succ: impl Fn(S) -> Vec<(Option<S>, String)>,
) -> Option<Vec<String>> {
    let mut parent: HashMap<S, Option<(S, String)>> = HashMap::from([(start, None)]);
    let mut queue = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        for (next, label) in succ(s) {
            match next {
                None => {
                    let mut labels = vec![label];
                    let mut cur = s;
                    while let Some(Some((p, l))) = parent.get(&cur) {
                        labels.push(l.clone());
                        cur = *p;
                    }
                    labels.reverse();
                    return Some(labels);
                }
                Some(m) if !parent.contains_key(&m) => {
                    parent.insert(m, Some((s, label)));
                    queue.push_back(m);
                }
                Some(_) => {}
            }
        }
    }
    None
}

fn shown(path: &[String]) -> String {
    format!("{} → end", path.join(" → "))
}

/// A path from the first question to the end that never asks any question in `avoid`
/// (paths to the emergency outcome do not count: they need nothing more).
fn avoiding(t: &TriageFile, avoid: &[usize]) -> Option<Vec<String>> {
    if avoid.contains(&0) {
        return None;
    }
    path_to_end(0usize, |qi| {
        let q = &t.questions[qi];
        edges(t, qi)
            .into_iter()
            .filter_map(|e| match graph::runtime(t, qi, e.target.clone()) {
                Target::Question(m) if avoid.contains(&m) => None,
                Target::Question(m) => Some((Some(m), e.label(q))),
                Target::End | Target::Dangling(_) => Some((None, e.label(q))),
                Target::Emergency => None,
            })
            .collect()
    })
}

fn paths(t: &TriageFile, reached: &[bool], out: &mut Vec<Problem>) {
    // An unreachable risk question is reported as never reached, not once more here.
    let risk = (0..t.questions.len()).filter(|&i| t.questions[i].risk && reached[i]);
    for ri in risk {
        if let Some(p) = avoiding(t, &[ri]) {
            err(
                out,
                &format!("questions[{ri}].id"),
                format!(
                    "a path reaches the end without asking risk question '{}': {}",
                    t.questions[ri].id,
                    shown(&p)
                ),
            );
        }
    }
    let of_kind = |k: QuestionKind| -> Vec<usize> {
        (0..t.questions.len())
            .filter(|&i| t.questions[i].kind == k)
            .collect()
    };
    let needs: Vec<usize> = (0..t.questions.len())
        .filter(|&i| t.questions[i].needs_list)
        .collect();
    for (what, set) in [
        ("the age", of_kind(QuestionKind::Age)),
        ("the place", of_kind(QuestionKind::Place)),
        ("the needs", needs),
    ] {
        if let Some(p) = avoiding(t, &set) {
            err(
                out,
                "questions",
                format!(
                    "a path reaches the end without asking {what}: {}",
                    shown(&p)
                ),
            );
        }
    }
    // Every path to the end raises some urgency: (question, raised yet?) states.
    let unraised = path_to_end((0usize, false), |(qi, raised)| {
        let q = &t.questions[qi];
        edges(t, qi)
            .into_iter()
            .filter_map(|e| {
                let r = raised || e.raises;
                match graph::runtime(t, qi, e.target.clone()) {
                    Target::Question(m) => Some((Some((m, r)), e.label(q))),
                    Target::End | Target::Dangling(_) if !r => Some((None, e.label(q))),
                    _ => None,
                }
            })
            .collect()
    });
    if let Some(p) = unraised {
        err(
            out,
            "questions",
            format!(
                "a path reaches the end without setting an urgency: {}",
                shown(&p)
            ),
        );
    }
}
