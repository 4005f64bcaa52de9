//! The walk: start, answer, back, emergency jump, clinician override. Urgency only ever rises.

use super::answer::{option_keys, parse, Parsed};
use super::graph::{self, Target};
use super::prompt::{prompt, Prompt};
use super::result::TriageResult;
use super::state::{Age, Answer, Emergency, Override, PlaceAnswer, Progress, Refusal, State, Step};
use super::{NOT_SURE, OUTSIDE, UNKNOWN_RISK_FLOOR, WHICH_SUFFIX};
use crate::model::place::{Candidate, Lookup};
use crate::model::questionnaire::{AnswerOption, Question, QuestionKind};
use crate::model::{Directory, PlacesFile, Role, TriageFile};

/// What a walk reads: the triage file and the places its place answers resolve against.
#[derive(Debug, Clone, Copy)]
pub struct Questionnaire<'a> {
    pub triage: &'a TriageFile,
    pub places: &'a PlacesFile,
}

impl<'a> Questionnaire<'a> {
    pub fn new(triage: &'a TriageFile, places: &'a PlacesFile) -> Self {
        Questionnaire { triage, places }
    }
    pub fn of(dir: &'a Directory) -> Self {
        Questionnaire::new(&dir.triage, &dir.places)
    }
}

/// One call's walk through the questionnaire: the current state and every earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    state: State,
    /// The state before each action, so `back` undoes exactly one action.
    history: Vec<State>,
}

impl Walk {
    /// A new walk at the first question.
    pub fn start(q: Questionnaire<'_>) -> Result<Walk, Refusal> {
        let first = q.triage.questions.first().ok_or(Refusal::NoQuestions)?;
        Ok(Walk {
            state: State {
                step: Step::Question {
                    id: first.id.clone(),
                },
                urgency: None,
                needs: Vec::new(),
                flags: Vec::new(),
                excluded: Vec::new(),
                age: None,
                place: None,
                answers: Vec::new(),
                emergency: None,
                override_: None,
                notices: Vec::new(),
            },
            history: Vec::new(),
        })
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// The question waiting for an answer; `None` once finished.
    pub fn prompt(&self, q: Questionnaire<'_>) -> Option<Prompt> {
        prompt(q, &self.state.step)
    }

    pub fn is_complete(&self) -> bool {
        self.state.step == Step::Finished
    }

    /// The most urgent level raised so far (before any override).
    pub fn urgency(&self) -> Option<&str> {
        self.state.urgency.as_deref()
    }

    /// Answer the current question, resolving a place with the place lookup.
    pub fn answer(&mut self, q: Questionnaire<'_>, value: &str) -> Result<(), Refusal> {
        self.answer_with(q, value, |text| crate::places::lookup(q.places, text))
    }

    /// Answer the current question with a given place resolver (tests and callers that have
    /// already looked the place up). A refused answer changes nothing.
    pub fn answer_with(
        &mut self,
        q: Questionnaire<'_>,
        value: &str,
        lookup: impl FnOnce(&str) -> Lookup,
    ) -> Result<(), Refusal> {
        let mut next = self.state.clone();
        match &self.state.step {
            Step::Finished => return Err(Refusal::Finished),
            Step::Question { id } => {
                let qi = q.triage.question_index(id).ok_or_else(|| changed(id))?;
                answer_question(q, &mut next, qi, value, lookup)?;
            }
            Step::ChoosePlace {
                question,
                candidates,
                ..
            } => choose_place(q, &mut next, question, candidates, value)?,
        }
        self.commit(next);
        Ok(())
    }

    /// Undo the last action (answer, emergency jump or override) exactly. False at the start.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some(s) => {
                self.state = s;
                true
            }
            None => false,
        }
    }

    /// Go to the emergency outcome now, from wherever the walk is. Danger is often disclosed
    /// late: this works from every question, the candidate step and a finished walk.
    pub fn emergency(&mut self, q: Questionnaire<'_>) {
        if self.state.emergency.is_some() {
            return;
        }
        let from = match &self.state.step {
            Step::Question { id } => id.clone(),
            Step::ChoosePlace { question, .. } => format!("{question}{WHICH_SUFFIX}"),
            Step::Finished => "outcome".to_string(),
        };
        let mut next = self.state.clone();
        enter_emergency(q.triage, &mut next, from, true);
        self.commit(next);
    }

    /// A clinician replaces the computed urgency of a finished walk, with a listed reason.
    pub fn override_urgency(
        &mut self,
        q: Questionnaire<'_>,
        role: Role,
        level: &str,
        reason: &str,
    ) -> Result<(), Refusal> {
        if role != Role::Clinician {
            return Err(Refusal::OverrideNeedsClinician);
        }
        if self.state.emergency.is_some() {
            return Err(Refusal::OverrideOfEmergency);
        }
        if !self.is_complete() {
            return Err(Refusal::OverrideBeforeEnd);
        }
        let t = q.triage;
        let Some(level) = t.level(level.trim()) else {
            return Err(Refusal::UnknownLevel {
                given: level.to_string(),
                codes: t.urgency.iter().map(|l| l.code.clone()).collect(),
            });
        };
        let Some(reason) = t.override_reason(reason.trim()) else {
            return Err(Refusal::UnknownReason {
                given: reason.to_string(),
                keys: t.override_reasons.iter().map(|c| c.key.clone()).collect(),
            });
        };
        let mut next = self.state.clone();
        next.override_ = Some(Override {
            level: level.code.clone(),
            reason: reason.key.clone(),
            computed: super::result::computed_urgency(t, &self.state),
        });
        self.commit(next);
        Ok(())
    }

    /// Answers given, and at most how many questions are left on the current path.
    pub fn progress(&self, q: Questionnaire<'_>) -> Progress {
        let t = q.triage;
        let remaining = match &self.state.step {
            Step::Finished => 0,
            Step::Question { id } => t
                .question_index(id)
                .map(|i| graph::longest_from(t, i))
                .unwrap_or(0),
            Step::ChoosePlace { question, .. } => t
                .question_index(question)
                .map(|i| 1 + graph::remaining_after(t, i, graph::free_target(t, i)))
                .unwrap_or(1),
        };
        Progress {
            answered: self.state.answers.len(),
            remaining,
        }
    }

    /// The walk's result, once finished.
    pub fn result(&self, q: Questionnaire<'_>) -> Option<TriageResult> {
        self.is_complete()
            .then(|| TriageResult::from_state(q.triage, &self.state))
    }

    fn commit(&mut self, next: State) {
        let before = std::mem::replace(&mut self.state, next);
        self.history.push(before);
    }
}

/// The walk's question is not in this questionnaire: a new edition arrived mid-call.
fn changed(id: &str) -> Refusal {
    Refusal::QuestionnaireChanged { id: id.to_string() }
}

/// Raise the urgency to at least `code`. Never lowers it: the most urgent level wins.
fn raise(t: &TriageFile, st: &mut State, code: &str) {
    let Some(new) = t.rank(code) else {
        return; // an unknown level is a `check` error; never guess a rank
    };
    let more_urgent = match st.urgency.as_deref().and_then(|c| t.rank(c)) {
        Some(cur) => new < cur,
        None => true,
    };
    if more_urgent {
        st.urgency = Some(t.urgency[new].code.clone());
    }
}

fn add(list: &mut Vec<String>, items: &[String]) {
    for i in items {
        if !list.contains(i) {
            list.push(i.clone());
        }
    }
}

/// The option a "don't know" stands for on a question that reads unknown as the worse
/// answer: the one that goes to the emergency outcome, else the most urgent, else the one
/// setting the most flags (children "yes"). `None` when nothing is worse than no answer.
pub(super) fn worse_reading(t: &TriageFile, question: &Question) -> Option<usize> {
    let weight = |o: &AnswerOption| {
        let rank = o
            .effects
            .urgency
            .as_deref()
            .and_then(|u| t.rank(u))
            .map_or(0, |r| t.urgency.len() - r);
        (o.effects.emergency, rank, o.effects.flags.len())
    };
    question
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| !graph::is_unknown_key(&o.key))
        .filter(|(_, o)| weight(o) > (false, 0, 0))
        // max_by_key keeps the last of equals: reverse so the first in the file wins a tie.
        .rev()
        .max_by_key(|(_, o)| weight(o))
        .map(|(i, _)| i)
}

fn apply_effects(t: &TriageFile, st: &mut State, question: &Question, o: &AnswerOption) {
    if let Some(code) = &o.effects.urgency {
        raise(t, st, code);
    }
    add(&mut st.needs, &o.effects.needs);
    add(&mut st.flags, &o.effects.flags);
    for c in &o.effects.excludes {
        if !st.excluded.contains(c) {
            st.excluded.push(*c);
        }
    }
    if let (QuestionKind::Age, Some([min, max])) = (question.kind, o.effects.age_band) {
        st.age = Some(Age::Band {
            key: o.key.clone(),
            min,
            max,
        });
    }
}

/// Apply an option; an unknown answer to a risk or caution question also takes the effects of
/// the worse answer it may stand for. Returns true when that worse answer is an emergency.
fn apply_option(t: &TriageFile, st: &mut State, qi: usize, oi: usize) -> bool {
    let question = &t.questions[qi];
    let o = &question.options[oi];
    apply_effects(t, st, question, o);
    if !(question.reads_unknown_as_worse() && graph::is_unknown_key(&o.key)) {
        return false;
    }
    if question.risk {
        raise(t, st, UNKNOWN_RISK_FLOOR);
    }
    match worse_reading(t, question) {
        Some(w) => {
            apply_effects(t, st, question, &question.options[w]);
            question.options[w].effects.emergency
        }
        None => false,
    }
}

fn enter_emergency(t: &TriageFile, st: &mut State, from: String, jump: bool) {
    if let Some(top) = t.urgency.first() {
        let code = top.code.clone();
        raise(t, st, &code);
    }
    st.emergency = Some(Emergency { from, jump });
    st.override_ = None;
    st.step = Step::Finished;
}

fn go(t: &TriageFile, st: &mut State, qi: usize, target: Target) {
    match graph::runtime(t, qi, target) {
        Target::Question(n) => {
            st.step = Step::Question {
                id: t.questions[n].id.clone(),
            }
        }
        Target::Emergency => enter_emergency(t, st, t.questions[qi].id.clone(), false),
        Target::End | Target::Dangling(_) => st.step = Step::Finished,
    }
}

fn answer_question(
    q: Questionnaire<'_>,
    st: &mut State,
    qi: usize,
    value: &str,
    lookup: impl FnOnce(&str) -> Lookup,
) -> Result<(), Refusal> {
    let t = q.triage;
    let question = &t.questions[qi];
    let parsed = parse(question, value)?;
    let record = |st: &mut State, v: String| {
        st.answers.push(Answer {
            question: question.id.clone(),
            value: v,
        })
    };
    match parsed {
        Parsed::Options(chosen) => {
            let keys: Vec<&str> = chosen
                .iter()
                .map(|&i| question.options[i].key.as_str())
                .collect();
            record(st, keys.join(","));
            let mut worse_is_emergency = false;
            for &oi in &chosen {
                worse_is_emergency |= apply_option(t, st, qi, oi);
            }
            if question.kind == QuestionKind::Place {
                st.place = Some(if keys == [OUTSIDE] {
                    PlaceAnswer::OutsideArea {
                        why: "chosen: outside the area".to_string(),
                    }
                } else {
                    PlaceAnswer::NotGiven
                });
            }
            let target = match chosen.as_slice() {
                _ if worse_is_emergency => Target::Emergency,
                [one] => graph::option_target(t, qi, *one),
                many if many.iter().any(|&i| question.options[i].effects.emergency) => {
                    Target::Emergency
                }
                _ => graph::free_target(t, qi),
            };
            go(t, st, qi, target);
        }
        Parsed::Years(n) => {
            record(st, n.to_string());
            st.age = Some(Age::Years { years: n });
            go(t, st, qi, graph::free_target(t, qi));
        }
        Parsed::PlaceText(text) => match lookup(&text) {
            Lookup::Found { place, why } => {
                record(st, text);
                st.place = Some(PlaceAnswer::Place { id: place, why });
                go(t, st, qi, graph::free_target(t, qi));
            }
            Lookup::OutsideArea { why } => {
                record(st, text.clone());
                st.notices.push(format!(
                    "'{text}' is outside Hampshire and the Isle of Wight ({why}): carry on; the outcome gives national services."
                ));
                st.place = Some(PlaceAnswer::OutsideArea { why });
                go(t, st, qi, graph::free_target(t, qi));
            }
            Lookup::Candidates { candidates, why } => {
                record(st, text.clone());
                st.place = Some(PlaceAnswer::Candidates {
                    candidates: candidates.clone(),
                    why: why.clone(),
                });
                st.step = Step::ChoosePlace {
                    question: question.id.clone(),
                    text,
                    candidates,
                    why,
                };
            }
            Lookup::DidYouMean { suggestions } => {
                return Err(Refusal::PlaceDidYouMean {
                    given: text,
                    suggestions,
                    keys: option_keys(question),
                })
            }
            Lookup::NotRecognised => {
                return Err(Refusal::PlaceNotRecognised {
                    given: text,
                    keys: option_keys(question),
                })
            }
        },
    }
    Ok(())
}

fn choose_place(
    q: Questionnaire<'_>,
    st: &mut State,
    question: &str,
    candidates: &[Candidate],
    value: &str,
) -> Result<(), Refusal> {
    let t = q.triage;
    let id = format!("{question}{WHICH_SUFFIX}");
    let v = value.trim().to_lowercase();
    let place = if v == OUTSIDE {
        Some(PlaceAnswer::OutsideArea {
            why: "chosen from the possible places".to_string(),
        })
    } else if v == NOT_SURE {
        None // keep the candidates already recorded
    } else if candidates.contains(&Candidate::Place(v.clone())) {
        Some(PlaceAnswer::Place {
            id: v.clone(),
            why: "chosen from the possible places".to_string(),
        })
    } else {
        let mut keys: Vec<String> = candidates
            .iter()
            .filter_map(|c| match c {
                Candidate::Place(p) => Some(p.clone()),
                Candidate::OutsideArea => None,
            })
            .collect();
        keys.extend([OUTSIDE.to_string(), NOT_SURE.to_string()]);
        return Err(if v.is_empty() {
            Refusal::Empty { question: id }
        } else {
            Refusal::NotAnOption {
                question: id,
                given: value.trim().to_string(),
                keys,
            }
        });
    };
    if let Some(p) = place {
        st.place = Some(p);
    }
    st.answers.push(Answer {
        question: id,
        value: v,
    });
    let qi = t
        .question_index(question)
        .ok_or_else(|| changed(question))?;
    go(t, st, qi, graph::free_target(t, qi));
    Ok(())
}
