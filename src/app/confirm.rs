//! Asking once before an action that ends or clears a call, while the call holds anything.
//!
//! A stray `q` or Ctrl-C (copy, on a Windows office PC) must never lose a caller's search,
//! filters or triage answers (HAZ-071): the first press asks, Enter or the same key again does
//! it, Esc or any other key stays on the call.

use super::action::Action;
use super::{App, Filters};

/// The action waiting for the handler's yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Quit,
    NewCall,
}

impl Pending {
    fn of(action: &Action) -> Option<Pending> {
        match action {
            Action::Quit => Some(Pending::Quit),
            Action::NewCall => Some(Pending::NewCall),
            _ => None,
        }
    }
    pub fn action(self) -> Action {
        match self {
            Pending::Quit => Action::Quit,
            Pending::NewCall => Action::NewCall,
        }
    }
    /// The question, naming what would be lost.
    pub fn question(self, holds: &[&str]) -> String {
        let what = holds.join(", ");
        match self {
            Pending::Quit => format!("Quit Signpost? This call's {what} will be lost."),
            Pending::NewCall => format!("Start a new call? This call's {what} will be cleared."),
        }
    }
}

impl App {
    /// What the call holds that quitting or a new call would lose, in words; empty when nothing.
    pub fn call_holds(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !self.query.trim().is_empty() {
            out.push("search");
        }
        if self.filters != Filters::default() {
            out.push("filters");
        }
        if self.triage.is_some() {
            out.push("triage answers");
        }
        if !self.given.is_empty() {
            out.push("services marked as given");
        }
        out
    }
}

/// What becomes of an action while a confirmation may be asked or is open. `Some(action)`: carry
/// on with it (the confirmed action itself, or an action that needs no asking); `None`: it was
/// consumed here (asked, or the question was answered "stay").
pub fn filter(app: &mut App, action: Action) -> Option<Action> {
    if matches!(
        action,
        Action::Tick(_) | Action::Notice(_) | Action::Problem(_) | Action::TalliesLoaded(_)
    ) {
        return Some(action);
    }
    if let Some(pending) = app.confirm.take() {
        return match action {
            // Danger disclosed while the question is open: never swallowed.
            Action::Emergency => Some(action),
            Action::Confirm => Some(pending.action()),
            a if Pending::of(&a) == Some(pending) => Some(a),
            a if Pending::of(&a).is_some() => ask(app, a),
            _ => {
                app.say("Still on the call: nothing was cleared.");
                None
            }
        };
    }
    ask(app, action)
}

fn ask(app: &mut App, action: Action) -> Option<Action> {
    let Some(pending) = Pending::of(&action) else {
        return Some(action);
    };
    let holds = app.call_holds();
    if holds.is_empty() {
        return Some(action);
    }
    // The question is drawn over the screen, with its keys in the footer.
    app.confirm = Some(pending);
    None
}
