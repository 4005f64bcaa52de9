//! The outcome screen's state: building the outcome, the call's one tally, the clinician override.

use super::action::{Effect, Step};
use super::{App, Screen};
use crate::model::Role;
use crate::places::Reach;
use crate::report::{tally, Tally};
use crate::search::Group;
use crate::triage::outcome::{self, Outcome, OutcomeService, PlaceView, SayKind};
use crate::triage::Questionnaire;

/// The clinician's override picker: a level first, then a reason from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverridePick {
    /// None while choosing the level; then the chosen level's code.
    pub level: Option<String>,
    pub cursor: usize,
}

/// Build the outcome of the finished walk, show it, and ask for the call's tally once.
pub fn show(app: &mut App) -> Vec<Effect> {
    let Some(t) = app.triage.as_ref() else {
        return Vec::new();
    };
    let Some(result) = t.walk.result(Questionnaire::of(&app.directory)) else {
        return Vec::new();
    };
    let o = outcome::outcome(
        &result,
        &app.directory,
        &app.safety_net,
        &app.settings.own_services,
        app.settings.role,
        app.now,
    );
    let mut effects = Vec::new();
    if let Some(t) = app.triage.as_mut() {
        if !t.tallied {
            t.tallied = true;
            effects.push(Effect::RecordTally(tally_of(&o, &app.status.edition.id)));
        }
    }
    // The next step is given unless the handler says otherwise: marked by default, once.
    if app.given.is_empty() {
        if let Some(s) = next_step(&o) {
            app.given.push(s.id.clone());
        }
    }
    app.outcome = Some(o);
    app.override_pick = None;
    app.screen = Screen::Outcome;
    // The outcome opens at its top (the level first); the first ↑↓ brings the selection in.
    app.outcome_cursor = 0;
    app.page_follow = false;
    effects
}

/// The service the outcome names as the next step: the firm one its "Next step" line gives
/// (the triage decides which), or None when nothing is firm or it is the emergency outcome.
pub fn next_step(o: &Outcome) -> Option<&OutcomeService> {
    if o.is_emergency() {
        return None;
    }
    let said = o.say.iter().find(|l| l.kind == SayKind::NextStep)?;
    let firm = || o.services().filter(|s| s.firm && !s.catch_all);
    firm()
        .filter(|s| said.text.contains(&s.name))
        .max_by_key(|s| s.name.len())
        .or_else(|| firm().next())
}

/// Every service on the outcome in the order it is shown: the next step, the other services
/// group by group, then the safety net. The handler's selection and "given" marks index this.
pub fn listed(o: &Outcome) -> Vec<&OutcomeService> {
    let next = next_step(o);
    let mut out: Vec<&OutcomeService> = next.into_iter().collect();
    out.extend(o.services().filter(|s| next.map_or(true, |n| n.id != s.id)));
    out.extend(o.safety_net.iter());
    out
}

/// ↑↓ on the outcome: select the previous or next service; the page follows it.
pub fn move_selection(app: &mut App, s: Step) {
    let Some(o) = app.outcome.as_ref() else {
        return;
    };
    let last = listed(o).len().saturating_sub(1);
    if !app.page_follow && matches!(s, Step::Up | Step::Down) {
        // The page was scrolled away from the selection: show it before moving it.
        app.page_follow = true;
        return;
    }
    app.outcome_cursor = match s {
        Step::Up => app.outcome_cursor.saturating_sub(1),
        Step::Down => (app.outcome_cursor + 1).min(last),
        Step::First => 0,
        Step::Last => last,
        Step::PageUp | Step::PageDown => app.outcome_cursor,
    };
    app.page_follow = true;
}

/// `g`: mark the selected service as given to the caller, or unmark it.
pub fn toggle_given(app: &mut App) {
    let Some(o) = app.outcome.as_ref() else {
        return;
    };
    let Some(s) = listed(o).get(app.outcome_cursor).copied() else {
        return;
    };
    let (id, name) = (s.id.clone(), s.name.clone());
    match app.given.iter().position(|g| *g == id) {
        Some(i) => {
            app.given.remove(i);
            app.say(format!("{name}: no longer marked as given."));
        }
        None => {
            app.given.push(id);
            app.say(format!(
                "{name}: marked as given (it goes in the call summary)."
            ));
        }
    }
}

/// The only facts kept about the call: place id (never typed text), age band, urgency, needs.
pub fn tally_of(o: &Outcome, edition: &str) -> Tally {
    let place = match &o.place {
        PlaceView::Place { id, .. } => id.clone(),
        PlaceView::Outside => "outside-area".to_string(),
        _ => "unknown".to_string(),
    };
    let local_found = o
        .group(Group::Reachable)
        .services
        .iter()
        .any(|s| !s.catch_all && s.reach != Reach::National);
    Tally {
        id: tally::random_id(),
        // The runner fills in the machine id from the data folder.
        machine: String::new(),
        day: crate::model::Date(crate::hours::london::local_date(o.at)),
        place,
        age_band: o
            .age
            .report_band
            .clone()
            .unwrap_or_else(|| "unknown".to_string()),
        urgency: o.urgency.code.clone(),
        needs: o.needs.iter().map(|n| n.id.clone()).collect(),
        local_found,
        edition: edition.to_string(),
    }
}

/// `o` on the outcome: open the override picker. Clinician role only; never in an emergency.
pub fn open_override(app: &mut App) {
    if app.settings.role != Role::Clinician || app.screen != Screen::Outcome {
        return;
    }
    if app.outcome.as_ref().is_some_and(Outcome::is_emergency) {
        app.warn("The emergency outcome cannot be overridden.");
        return;
    }
    app.override_pick = Some(OverridePick {
        level: None,
        cursor: 0,
    });
}

/// How many rows the picker has now: levels, then reasons.
pub fn pick_len(app: &App) -> usize {
    let t = &app.directory.triage;
    match app.override_pick.as_ref().and_then(|p| p.level.as_ref()) {
        None => t.urgency.len(),
        Some(_) => t.override_reasons.len(),
    }
}

pub fn move_pick(app: &mut App, s: Step) {
    let len = pick_len(app);
    if let Some(p) = app.override_pick.as_mut() {
        p.cursor = match s {
            Step::Up => p.cursor.saturating_sub(1),
            Step::Down => (p.cursor + 1).min(len.saturating_sub(1)),
            Step::PageUp | Step::First => 0,
            Step::PageDown | Step::Last => len.saturating_sub(1),
        };
    }
}

/// Take the level (first) or the reason (then, applying the override).
pub fn choose(app: &mut App, chosen: Option<usize>) -> Vec<Effect> {
    let Some(p) = app.override_pick.clone() else {
        return Vec::new();
    };
    let i = chosen.unwrap_or(p.cursor);
    let t = &app.directory.triage;
    match p.level {
        None => {
            if let Some(l) = t.urgency.get(i) {
                app.override_pick = Some(OverridePick {
                    level: Some(l.code.clone()),
                    cursor: 0,
                });
            }
        }
        Some(level) => {
            let Some(reason) = t.override_reasons.get(i).map(|r| r.key.clone()) else {
                return Vec::new();
            };
            let q = Questionnaire::of(&app.directory);
            let role = app.settings.role;
            if let Some(tr) = app.triage.as_mut() {
                match tr.walk.override_urgency(q, role, &level, &reason) {
                    Ok(()) => {
                        app.override_pick = None;
                        let effects = show(app);
                        app.say(format!("Urgency overridden to {level}."));
                        return effects;
                    }
                    Err(e) => app.warn(format!("Not overridden: {e}")),
                }
            }
            app.override_pick = None;
        }
    }
    Vec::new()
}

/// Esc in the picker: from the reasons back to the levels, then closed.
pub fn back_pick(app: &mut App) {
    if let Some(p) = app.override_pick.as_mut() {
        if p.level.take().is_none() {
            app.override_pick = None;
        } else {
            p.cursor = 0;
        }
    }
}

/// "What to say", each line once: the emergency lines are already above, and a flag's advice
/// is said once, under its label.
pub fn what_to_say(o: &Outcome) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in &o.say {
        if l.kind == SayKind::Emergency {
            continue;
        }
        let text = match o
            .flags
            .iter()
            .find(|f| l.kind == SayKind::Flag && f.advice == l.text)
        {
            Some(f) => format!("{}: {}", f.label, f.advice),
            None => l.text.clone(),
        };
        if !out
            .iter()
            .any(|t| *t == text || t.ends_with(&format!(": {}", l.text)))
        {
            out.push(text);
        }
    }
    for f in &o.flags {
        if !out.iter().any(|t| t.contains(&f.advice)) {
            out.push(format!("{}: {}", f.label, f.advice));
        }
    }
    out
}
