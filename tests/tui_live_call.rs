//! The live call through the keymap and `update`: no risk answer is recorded by Enter alone,
//! going back restores the answer given, typing is never a command, and quitting or clearing a
//! call asks once while the call holds anything.

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use signpost::app::{self, App, Context, Effect, Screen};
use signpost::tui::keymap::action_for;
use tui_support::*;

/// Press one key the way the runner does: through the keymap for the context now.
fn key_event(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match action_for(app.context(), &k) {
        Some(a) => app::update(app, a),
        None => Vec::new(),
    }
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    key_event(app, press(code, KeyModifiers::NONE))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    key_event(app, press(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn type_keys(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| key(app, KeyCode::Char(c)))
        .collect()
}

fn qid(app: &App) -> String {
    app.prompt().map(|p| p.id).unwrap_or_default()
}

fn answers(app: &App) -> Vec<(String, String)> {
    app.triage
        .as_ref()
        .map(|t| {
            t.walk
                .state()
                .answers
                .iter()
                .map(|a| (a.question.clone(), a.value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn quits(fx: &[Effect]) -> bool {
    fx.contains(&Effect::Quit)
}

/// A call with a place, an age and a query set, the cursor then left in the results list.
fn call_in_progress() -> App {
    let mut app = app();
    key(&mut app, KeyCode::F(3));
    type_keys(&mut app, "Ryde");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::F(4));
    type_keys(&mut app, "34");
    key(&mut app, KeyCode::Enter);
    type_keys(&mut app, "crisis");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Results);
    assert!(app.filters.place.is_some() && app.filters.age == Some(34));
    app
}

#[test]
fn enter_on_a_fresh_risk_question_records_nothing() {
    let mut app = app();
    ctrl(&mut app, 't');
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(qid(&app), "danger-now");
    assert_eq!(
        app.triage.as_ref().unwrap().cursor,
        None,
        "nothing highlighted"
    );
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(qid(&app), "danger-now", "Enter alone never answers");
    assert!(answers(&app).is_empty());
    let problem = app
        .triage
        .as_ref()
        .unwrap()
        .problem
        .clone()
        .unwrap_or_default();
    assert!(problem.contains("Choose an answer"), "{problem}");
    assert!(screen_text(&app, 80, 24).contains("Choose an answer"));
    // "No" by its number; the next risk question starts with nothing highlighted too.
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(qid(&app), "harm");
    assert_eq!(app.triage.as_ref().unwrap().cursor, None);
    key(&mut app, KeyCode::Enter);
    assert_eq!(qid(&app), "harm");
    assert_eq!(answers(&app), vec![("danger-now".into(), "no".into())]);
    // Moving highlights the first option; only then does Enter take it.
    key(&mut app, KeyCode::Down);
    assert_eq!(app.triage.as_ref().unwrap().cursor, Some(0));
    key(&mut app, KeyCode::Enter);
    assert_eq!(qid(&app), "age");
}

#[test]
fn back_restores_the_answer_given_highlighted() {
    let mut app = app();
    ctrl(&mut app, 't');
    key(&mut app, KeyCode::Char('2')); // danger-now: No
    key(&mut app, KeyCode::Char('4')); // harm: Don't know
    assert_eq!(qid(&app), "age");
    key(&mut app, KeyCode::Esc);
    assert_eq!(qid(&app), "harm");
    assert_eq!(
        app.triage.as_ref().unwrap().cursor,
        Some(3),
        "Don't know again"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(qid(&app), "danger-now");
    assert_eq!(app.triage.as_ref().unwrap().cursor, Some(1), "No again");
    // Enter now records the answer that was given, never option 1.
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app), vec![("danger-now".into(), "no".into())]);
    assert_eq!(
        app.triage.as_ref().unwrap().cursor,
        None,
        "harm: fresh again"
    );
}

#[test]
fn back_from_the_outcome_restores_ticks_and_the_typed_age() {
    let mut app = app();
    ctrl(&mut app, 't');
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('1'));
    type_keys(&mut app, "34");
    key(&mut app, KeyCode::Enter);
    type_keys(&mut app, "Ryde");
    key(&mut app, KeyCode::Enter);
    assert_eq!(qid(&app), "needs");
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Outcome);
    key(&mut app, KeyCode::Esc);
    assert_eq!(qid(&app), "needs");
    assert_eq!(app.triage.as_ref().unwrap().ticked, vec![0, 2]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(qid(&app), "age");
    assert_eq!(app.triage.as_ref().unwrap().input, "34");
}

#[test]
fn letters_typed_after_esc_with_a_call_in_progress_never_quit_or_clear() {
    let mut app = call_in_progress();
    let mut fx = type_keys(&mut app, " nightmares");
    assert_eq!(app.query, "crisis nightmares");
    key(&mut app, KeyCode::Esc);
    fx.extend(type_keys(&mut app, "quiet"));
    fx.extend(type_keys(&mut app, "?/ptwr"));
    assert!(!quits(&fx) && !app.quit, "typing never quits");
    assert_eq!(app.query, "crisis nightmaresquiet?/ptwr");
    assert!(app.filters.place.is_some() && app.filters.age == Some(34));
    assert_eq!(app.screen, Screen::Search);
    assert!(app.confirm.is_none());
}

#[test]
fn ctrl_c_asks_first_and_esc_stays_on_the_call() {
    let mut app = call_in_progress();
    assert!(!quits(&ctrl(&mut app, 'c')));
    assert_eq!(app.context(), Context::Confirm);
    let shown = screen_text(&app, 80, 24);
    assert!(shown.contains("Quit Signpost?"), "{shown}");
    let footer = shown.lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("Enter yes"),
        "the footer says how: {footer}"
    );
    assert!(footer.contains("Esc stay on the call"), "{footer}");
    key(&mut app, KeyCode::Esc);
    assert!(!app.quit && app.confirm.is_none());
    assert_eq!(app.query, "crisis");
    // Any typed key also stays, and is not typed.
    ctrl(&mut app, 'c');
    type_keys(&mut app, "y");
    assert!(!app.quit);
    assert_eq!(app.query, "crisis");
    // Pressed twice, it quits (the terminal habit); Enter confirms too.
    ctrl(&mut app, 'c');
    assert!(quits(&ctrl(&mut app, 'c')));
    let mut app = call_in_progress();
    ctrl(&mut app, 'q');
    assert!(quits(&key(&mut app, KeyCode::Enter)));
}

#[test]
fn quitting_with_nothing_on_the_call_does_not_ask() {
    let mut app = app();
    assert!(quits(&ctrl(&mut app, 'q')));
}

#[test]
fn new_call_asks_first_then_clears_everything() {
    let mut app = call_in_progress();
    key(&mut app, KeyCode::F(2));
    assert_eq!(app.context(), Context::Confirm);
    assert_eq!(app.query, "crisis", "nothing cleared yet");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.query, "crisis");
    ctrl(&mut app, 'n');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query, "");
    assert!(app.filters.place.is_none() && app.filters.age.is_none());
    assert!(app.confirm.is_none());
}

#[test]
fn q_on_the_outcome_and_summary_asks_first() {
    let mut app = app();
    ctrl(&mut app, 't');
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter); // age: not known
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter); // place: not known
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Outcome, "{:?}", app.message);
    assert!(!quits(&key(&mut app, KeyCode::Char('q'))));
    assert_eq!(app.context(), Context::Confirm);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.screen, Screen::Outcome);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.screen, Screen::Summary);
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    assert!(quits(&key(&mut app, KeyCode::Char('q'))));
}

#[test]
fn f9_while_the_question_is_open_goes_to_the_emergency_screen() {
    let mut app = call_in_progress();
    ctrl(&mut app, 'c');
    key(&mut app, KeyCode::F(9));
    assert_eq!(app.screen, Screen::Emergency);
    assert!(app.confirm.is_none());
}
