//! The triage wizard's state and steps: one question at a time, the emergency jump, the outcome.

use super::action::{Effect, Step};
use super::{App, Screen};
use crate::model::questionnaire::QuestionKind;
use crate::triage::{Prompt, Questionnaire, Walk};

/// One call's walk through the questionnaire, with what the wizard screen needs around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    pub walk: Walk,
    /// The highlighted option (for a typed question, 0 is the text box, then the options).
    /// None: nothing highlighted yet, as on a question that carries risk or safeguarding, so
    /// Enter alone can never record an answer nobody chose.
    pub cursor: Option<usize>,
    /// Options ticked with Space on a multiple-choice question.
    pub ticked: Vec<usize>,
    /// The age or place being typed.
    pub input: String,
    /// `input` holds the age or place from the search filters, not yet edited.
    pub prefilled: bool,
    /// Why the last answer was not taken, shown under the question.
    pub problem: Option<String>,
    /// The emergency screen was shown (by F9 or an answer): where from. It stays on the record
    /// while the questionnaire is continued, and the outcome is the emergency one.
    pub emergency_from: Option<String>,
    /// The tally for this call's outcome has been asked for (exactly once per call).
    pub tallied: bool,
}

impl Triage {
    fn new(walk: Walk) -> Triage {
        Triage {
            walk,
            cursor: None,
            ticked: Vec::new(),
            input: String::new(),
            prefilled: false,
            problem: None,
            emergency_from: None,
            tallied: false,
        }
    }
    fn reset_inputs(&mut self) {
        self.cursor = None;
        self.ticked.clear();
        self.input.clear();
        self.problem = None;
    }
}

/// What Enter says on a question with nothing highlighted or ticked.
pub const CHOOSE_AN_ANSWER: &str =
    "Choose an answer: press its number, or move with ↑↓ and press Enter. Nothing was recorded.";

/// A risk question, or one whose answer declares an emergency or records a safeguarding flag:
/// no option is highlighted until the handler picks one (HAZ-070).
pub fn carries_risk(app: &App, question_id: &str) -> bool {
    let Some(q) = app.directory.triage.question(question_id) else {
        // The "which place?" step and anything unknown: no default either.
        return true;
    };
    q.risk
        || q.options
            .iter()
            .any(|o| o.effects.emergency || !o.effects.flags.is_empty())
}

/// Put the cursor where the question on screen starts: the text box of a typed question,
/// nothing on a question that carries risk, else the first option.
fn place_cursor(app: &mut App) {
    let Some(p) = app.prompt() else { return };
    let start = if is_typed(p.kind) {
        Some(0)
    } else if carries_risk(app, &p.id) {
        None
    } else {
        Some(0)
    };
    let offered = from_search(app, p.kind);
    if let Some(t) = app.triage.as_mut() {
        t.cursor = start;
        t.prefilled = false;
        if let Some(text) = offered.filter(|_| t.input.is_empty()) {
            t.input = text;
            t.prefilled = true;
        }
    }
}

/// The age or place the search filters already hold, offered as the answer (Enter accepts), so
/// the caller is not asked again for what they have already said.
fn from_search(app: &App, kind: QuestionKind) -> Option<String> {
    match kind {
        QuestionKind::Age => app.filters.age.map(|a| a.to_string()),
        QuestionKind::Place => match &app.filters.place {
            Some(super::PlaceChoice::Place { name, .. }) => Some(name.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// After going back: the answer given before is highlighted again (or ticked, or typed).
fn restore_answer(app: &mut App, undone: &crate::triage::Answer) {
    let Some(p) = app.prompt() else { return };
    if p.id != undone.question {
        return;
    }
    let index = |key: &str| p.options.iter().position(|o| o.key == key);
    let typed = is_typed(p.kind);
    let Some(t) = app.triage.as_mut() else { return };
    match p.kind {
        QuestionKind::Multiple => {
            t.ticked = undone.value.split(',').filter_map(index).collect();
            t.cursor = t.ticked.first().copied();
        }
        _ => match index(&undone.value) {
            Some(i) => t.cursor = Some(i + usize::from(typed)),
            None if typed => {
                t.input = undone.value.clone();
                t.cursor = Some(0);
            }
            None => {}
        },
    }
}

/// The question on screen takes typed text (age or place), not only option keys.
pub fn is_typed(kind: QuestionKind) -> bool {
    matches!(kind, QuestionKind::Age | QuestionKind::Place)
}

impl App {
    pub fn questionnaire(&self) -> Questionnaire<'_> {
        Questionnaire::of(&self.directory)
    }

    /// The question waiting for an answer, if the wizard is on one.
    pub fn prompt(&self) -> Option<Prompt> {
        let t = self.triage.as_ref()?;
        t.walk.prompt(self.questionnaire())
    }
}

/// Ctrl-T: start a new walk at the first question (any earlier walk of this call is replaced).
pub fn start(app: &mut App) {
    match Walk::start(app.questionnaire()) {
        Ok(walk) => {
            app.triage = Some(Triage::new(walk));
            app.outcome = None;
            app.override_pick = None;
            app.overlay = None;
            app.detail = None;
            app.screen = Screen::Question;
            place_cursor(app);
        }
        Err(e) => app.warn(format!("The questionnaire cannot start: {e}")),
    }
}

/// F9: the emergency screen now, from anywhere (a triage is started if none is running).
pub fn emergency(app: &mut App) {
    if app.triage.is_none() {
        start(app);
    }
    let q = Questionnaire::of(&app.directory);
    let Some(t) = app.triage.as_mut() else {
        return;
    };
    if t.walk.state().emergency.is_none() {
        t.walk.emergency(q);
    }
    if let Some(e) = &t.walk.state().emergency {
        t.emergency_from.get_or_insert_with(|| e.from.clone());
    }
    t.reset_inputs();
    app.override_pick = None;
    app.screen = Screen::Emergency;
}

/// From the emergency screen: go back to the question to finish it for the record. The
/// emergency stays: the outcome at the end is the emergency one.
pub fn continue_for_record(app: &mut App) {
    let Some(t) = app.triage.as_mut() else {
        return;
    };
    if t.walk.state().emergency.is_some() && !t.walk.back() {
        return;
    }
    t.reset_inputs();
    if t.walk.is_complete() {
        // The jump was made from the outcome: finishing again re-enters the emergency.
        return finish(app);
    }
    app.screen = Screen::Question;
    place_cursor(app);
    app.say("Emergency recorded. Carry on with the questions for the record.");
}

/// Esc on a question: back one question (a typed box is cleared); at the first, back to search.
pub fn back(app: &mut App) {
    let Some(t) = app.triage.as_mut() else {
        app.screen = Screen::Search;
        return;
    };
    let before = t.walk.state().answers.len();
    let last = t.walk.state().answers.last().cloned();
    if !t.walk.back() {
        app.screen = Screen::Search;
        app.say("Triage left; press Ctrl-T to start it again.");
        return;
    }
    t.reset_inputs();
    let undone = last.filter(|_| t.walk.state().answers.len() < before);
    if t.walk.is_complete() {
        finish(app);
    } else {
        app.screen = Screen::Question;
        place_cursor(app);
        if let Some(a) = undone {
            restore_answer(app, &a);
        }
    }
}

pub fn move_cursor(app: &mut App, s: Step) {
    let Some(p) = app.prompt() else { return };
    let len = p.options.len() + usize::from(is_typed(p.kind));
    if let Some(t) = app.triage.as_mut() {
        let last = len.saturating_sub(1);
        t.cursor = Some(match (s, t.cursor) {
            // The first move from nothing highlighted lands on the first option.
            (Step::Up | Step::Down, None) => 0,
            (Step::Up, Some(c)) => c.saturating_sub(1),
            (Step::Down, Some(c)) => (c + 1).min(last),
            (Step::PageUp | Step::First, _) => 0,
            (Step::PageDown | Step::Last, _) => last,
        });
    }
}

/// Space on a multiple-choice question: tick or untick the highlighted option.
pub fn toggle(app: &mut App) {
    let Some(p) = app.prompt() else { return };
    if p.kind != QuestionKind::Multiple {
        return;
    }
    if let Some(t) = app.triage.as_mut() {
        let Some(c) = t.cursor else { return };
        if c < p.options.len() {
            match t.ticked.iter().position(|&i| i == c) {
                Some(i) => {
                    t.ticked.remove(i);
                }
                None => t.ticked.push(c),
            }
        }
    }
}

pub fn type_char(app: &mut App, c: char) {
    if let Some(t) = app.triage.as_mut() {
        if t.input.chars().count() < 60 {
            if t.prefilled {
                // Typing replaces the offered answer rather than adding to it.
                t.input.clear();
                t.prefilled = false;
            }
            t.input.push(c);
            t.cursor = Some(0);
        }
    }
}

pub fn delete_back(app: &mut App) {
    if let Some(t) = app.triage.as_mut() {
        t.input.pop();
    }
}

/// Enter (chosen None) or a number/letter key (chosen Some(index)) on a question.
pub fn confirm(app: &mut App, chosen: Option<usize>) -> Vec<Effect> {
    let Some(p) = app.prompt() else {
        return Vec::new();
    };
    let Some(t) = app.triage.as_ref() else {
        return Vec::new();
    };
    let typed = is_typed(p.kind);
    let value = match (chosen, p.kind) {
        (Some(i), QuestionKind::Multiple) => {
            // A number key ticks on a multiple-choice question; Enter answers.
            if i < p.options.len() {
                if let Some(t) = app.triage.as_mut() {
                    t.cursor = Some(i);
                }
                toggle(app);
            }
            return Vec::new();
        }
        (Some(i), _) => match p.options.get(i) {
            Some(o) => o.key.clone(),
            None => return Vec::new(),
        },
        (None, QuestionKind::Multiple) => {
            let mut ticked = t.ticked.clone();
            ticked.sort_unstable();
            if ticked.is_empty() {
                // Nothing ticked: Enter takes the highlighted option alone, if there is one.
                match t.cursor {
                    Some(c) => ticked.push(c),
                    None => return nothing_chosen(app),
                }
            }
            let keys: Vec<&str> = ticked
                .iter()
                .filter_map(|&i| p.options.get(i).map(|o| o.key.as_str()))
                .collect();
            keys.join(",")
        }
        (None, _) if typed && t.cursor == Some(0) => t.input.trim().to_string(),
        (None, _) => {
            let Some(c) = t.cursor else {
                return nothing_chosen(app);
            };
            let i = c - usize::from(typed);
            match p.options.get(i) {
                Some(o) => o.key.clone(),
                None => return Vec::new(),
            }
        }
    };
    answer(app, &value)
}

fn nothing_chosen(app: &mut App) -> Vec<Effect> {
    if let Some(t) = app.triage.as_mut() {
        t.problem = Some(CHOOSE_AN_ANSWER.to_string());
    }
    Vec::new()
}

fn answer(app: &mut App, value: &str) -> Vec<Effect> {
    let q = Questionnaire::of(&app.directory);
    let Some(t) = app.triage.as_mut() else {
        return Vec::new();
    };
    match t.walk.answer(q, value) {
        Err(e) => {
            t.problem = Some(e.to_string());
            Vec::new()
        }
        Ok(()) => {
            t.reset_inputs();
            place_cursor(app);
            let Some(t) = app.triage.as_mut() else {
                return Vec::new();
            };
            if t.walk.is_complete() {
                if t.walk.state().emergency.is_some() && t.emergency_from.is_none() {
                    // An answer led to the emergency: say what to do now first.
                    t.emergency_from = t.walk.state().emergency.as_ref().map(|e| e.from.clone());
                    app.screen = Screen::Emergency;
                    return Vec::new();
                }
                return finish_effects(app);
            }
            Vec::new()
        }
    }
}

/// The walk is complete: keep the emergency if it was declared, then show the outcome.
fn finish(app: &mut App) {
    let _ = finish_effects(app);
}

fn finish_effects(app: &mut App) -> Vec<Effect> {
    let q = Questionnaire::of(&app.directory);
    if let Some(t) = app.triage.as_mut() {
        if t.emergency_from.is_some() && t.walk.state().emergency.is_none() {
            t.walk.emergency(q);
        }
    }
    super::outcome_screen::show(app)
}
