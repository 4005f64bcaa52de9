//! The questionnaire as a graph: where each answer leads, shared by the walk, progress and `check`.

use super::UNKNOWN_KEYS;
use crate::model::questionnaire::{Question, QuestionKind, TriageFile, END};
use std::collections::HashMap;

/// Where an answer leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Question(usize),
    End,
    Emergency,
    /// A `next` naming no question: `check` reports it; the walk goes on to the next question.
    Dangling(String),
}

/// One way out of a question: an option (by index), or a typed answer (an age, a place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub option: Option<usize>,
    pub target: Target,
    /// The field that decides the target, for problems: `questions[3].options[1].next`.
    pub field: String,
    /// Taking this edge raises the urgency (or reaches the emergency outcome).
    pub raises: bool,
}

impl Edge {
    /// How this edge reads in an example path: `harm-self=plan` or `age=(typed)`.
    pub fn label(&self, q: &Question) -> String {
        match self.option {
            Some(j) => format!("{}={}", q.id, q.options[j].key),
            None => format!("{}=(typed answer)", q.id),
        }
    }
}

/// Where `next` leads from question `qi`; with no `next`, the following question in the file.
pub fn resolve(file: &TriageFile, qi: usize, next: Option<&str>) -> Target {
    match next.map(str::trim) {
        Some(END) => Target::End,
        Some(id) => file
            .question_index(id)
            .map(Target::Question)
            .unwrap_or_else(|| Target::Dangling(id.to_string())),
        None if qi + 1 < file.questions.len() => Target::Question(qi + 1),
        None => Target::End,
    }
}

/// What the walk does with a target: a dangling `next` falls through to the following question,
/// so a broken file keeps asking rather than ending early.
pub fn runtime(file: &TriageFile, qi: usize, t: Target) -> Target {
    match t {
        Target::Dangling(_) => resolve(file, qi, None),
        t => t,
    }
}

/// Where choosing option `oi` of question `qi` leads (a multiple-choice option uses the
/// question's own `next`).
pub fn option_target(file: &TriageFile, qi: usize, oi: usize) -> Target {
    let q = &file.questions[qi];
    let o = &q.options[oi];
    if o.effects.emergency {
        return Target::Emergency;
    }
    let next = match q.kind {
        QuestionKind::Multiple => q.next.as_deref(),
        _ => o.next.as_deref().or(q.next.as_deref()),
    };
    resolve(file, qi, next)
}

/// Where a typed answer (an age in years, a place) or a multiple choice leads.
pub fn free_target(file: &TriageFile, qi: usize) -> Target {
    resolve(file, qi, file.questions[qi].next.as_deref())
}

fn next_field(q: &Question, qi: usize, oi: Option<usize>) -> String {
    match oi {
        Some(j) if q.kind != QuestionKind::Multiple && q.options[j].next.is_some() => {
            format!("questions[{qi}].options[{j}].next")
        }
        _ if q.next.is_some() => format!("questions[{qi}].next"),
        _ => format!("questions[{qi}]"),
    }
}

/// Is `key` a "don't know" or "won't say" answer?
pub fn is_unknown_key(key: &str) -> bool {
    UNKNOWN_KEYS.contains(&key)
}

/// Every way out of question `qi`.
pub fn edges(file: &TriageFile, qi: usize) -> Vec<Edge> {
    let q = &file.questions[qi];
    let mut out: Vec<Edge> = q
        .options
        .iter()
        .enumerate()
        .map(|(j, o)| Edge {
            option: Some(j),
            target: option_target(file, qi, j),
            field: next_field(q, qi, Some(j)),
            raises: o.effects.urgency.is_some()
                || o.effects.emergency
                || (q.risk && is_unknown_key(&o.key)),
        })
        .collect();
    if matches!(q.kind, QuestionKind::Age | QuestionKind::Place) {
        out.push(Edge {
            option: None,
            target: free_target(file, qi),
            field: next_field(q, qi, None),
            raises: false,
        });
    }
    out
}

/// The most questions still to ask from question `qi` (itself included) on any path that does
/// not reach the emergency outcome. A cycle counts once; `check` reports it.
pub fn longest_from(file: &TriageFile, qi: usize) -> usize {
    fn go(
        file: &TriageFile,
        qi: usize,
        memo: &mut HashMap<usize, usize>,
        on_path: &mut Vec<usize>,
    ) -> usize {
        if let Some(n) = memo.get(&qi) {
            return *n;
        }
        if on_path.contains(&qi) {
            return 0;
        }
        on_path.push(qi);
        let mut best = 0;
        for e in edges(file, qi) {
            if let Target::Question(n) = runtime(file, qi, e.target) {
                best = best.max(go(file, n, memo, on_path));
            }
        }
        on_path.pop();
        memo.insert(qi, best + 1);
        best + 1
    }
    go(file, qi, &mut HashMap::new(), &mut Vec::new())
}

/// Questions left after a target is reached.
pub fn remaining_after(file: &TriageFile, qi: usize, t: Target) -> usize {
    match runtime(file, qi, t) {
        Target::Question(n) => longest_from(file, n),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::questionnaire::{AnswerOption, Effects};

    fn q(id: &str, next: Option<&str>, options: &[(&str, Option<&str>)]) -> Question {
        Question {
            id: id.into(),
            text: String::new(),
            help: String::new(),
            kind: QuestionKind::Single,
            risk: false,
            caution: false,
            if_unknown: String::new(),
            needs_list: false,
            options: options
                .iter()
                .map(|(k, n)| AnswerOption {
                    key: k.to_string(),
                    label: String::new(),
                    effects: Effects::default(),
                    next: n.map(str::to_string),
                })
                .collect(),
            next: next.map(str::to_string),
        }
    }

    #[test]
    fn next_falls_back_from_option_to_question_to_file_order() {
        let t = TriageFile {
            questions: vec![
                q("a", Some("c"), &[("x", Some("b")), ("y", None)]),
                q("b", None, &[("x", Some("end")), ("y", Some("gone"))]),
                q("c", None, &[("x", None)]),
            ],
            ..TriageFile::default()
        };
        assert_eq!(option_target(&t, 0, 0), Target::Question(1));
        assert_eq!(option_target(&t, 0, 1), Target::Question(2));
        assert_eq!(option_target(&t, 1, 0), Target::End);
        assert_eq!(option_target(&t, 1, 1), Target::Dangling("gone".into()));
        // A dangling next keeps asking (the following question), never ends early.
        assert_eq!(runtime(&t, 1, option_target(&t, 1, 1)), Target::Question(2));
        assert_eq!(option_target(&t, 2, 0), Target::End);
        assert_eq!(longest_from(&t, 0), 3);
        assert_eq!(edges(&t, 1)[1].field, "questions[1].options[1].next");
        assert_eq!(edges(&t, 0)[1].field, "questions[0].next");
        assert_eq!(edges(&t, 2)[0].field, "questions[2]");
    }
}
