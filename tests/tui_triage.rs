//! The triage path in the terminal app, driven through `App::update`: the wizard, the F9 jump,
//! the outcome, the clinician override, the summary (copy, save) and the call's one tally.

mod tui_support;

use signpost::app::{Action, App, ClipboardRoute, Context, Effect, Screen, Step};
use signpost::report::Tally;
use tui_support::*;

/// Start triage from the results list (letters are commands there).
fn start(app: &mut App) {
    run(app, [Action::Back, Action::StartTriage]);
    assert_eq!(app.screen, Screen::Question);
}

fn qid(app: &App) -> String {
    app.prompt().map(|p| p.id).unwrap_or_default()
}

/// No danger, no harm, 34, Ryde, low mood: to the outcome. Returns every effect.
fn short_path(app: &mut App) -> Vec<Effect> {
    start(app);
    let mut fx = run(app, [Action::Choose(2), Action::Choose(1)]);
    assert_eq!(qid(app), "age");
    assert_eq!(app.context(), Context::TypedAnswer);
    fx.extend(run(app, typed("34")));
    fx.extend(run(app, [Action::Confirm]));
    assert_eq!(qid(app), "place");
    fx.extend(run(app, typed("Ryde")));
    fx.extend(run(app, [Action::Confirm]));
    assert_eq!(qid(app), "needs");
    fx.extend(run(app, [Action::Choose(1), Action::Confirm]));
    fx
}

fn tallies(fx: &[Effect]) -> Vec<&Tally> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::RecordTally(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn a_whole_triage_to_an_outcome_and_back() {
    let mut app = app();
    let fx = short_path(&mut app);
    assert_eq!(app.screen, Screen::Outcome, "{:?}", app.message);
    let o = app.outcome.as_ref().expect("an outcome");
    assert_eq!(o.urgency.code, "E");
    assert!(o.needs.iter().any(|n| n.id == "low-mood-anxiety"));
    assert_eq!(o.place.text(), "Isle of Wight");
    assert_eq!(tallies(&fx).len(), 1);
    // Esc: back to the last question, its answer undone; then forward again.
    run(&mut app, [Action::Back]);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(qid(&app), "needs");
    run(&mut app, [Action::Back]);
    assert_eq!(qid(&app), "place");
    // Back from a typed answer drops the text typed there and restores the age given.
    run(&mut app, typed("Portsm"));
    run(&mut app, [Action::Back]);
    assert_eq!(qid(&app), "age");
    assert_eq!(app.triage.as_ref().unwrap().input, "34");
    run(&mut app, [Action::Back, Action::Back, Action::Back]);
    assert_eq!(app.screen, Screen::Search, "back past the first question");
}

#[test]
fn f9_jumps_to_the_emergency_screen_from_the_first_a_middle_and_the_last_question() {
    for answers in [0usize, 2, 4] {
        let mut app = app();
        start(&mut app);
        let steps: Vec<Vec<Action>> = vec![
            vec![Action::Choose(2)],
            vec![Action::Choose(1)],
            [typed("34"), vec![Action::Confirm]].concat(),
            [typed("Ryde"), vec![Action::Confirm]].concat(),
        ];
        for s in steps.into_iter().take(answers) {
            run(&mut app, s);
        }
        let at = qid(&app);
        run(&mut app, [Action::Emergency]);
        assert_eq!(app.screen, Screen::Emergency, "from {at}");
        assert_eq!(app.context(), Context::Emergency);
        let t = app.triage.as_ref().unwrap();
        assert_eq!(t.emergency_from.as_deref(), Some(at.as_str()));
        // Continue for the record: back on the same question, the emergency kept.
        run(&mut app, [Action::ContinueForRecord]);
        assert_eq!(app.screen, Screen::Question);
        assert_eq!(qid(&app), at);
    }
}

#[test]
fn the_emergency_stays_when_the_questions_are_finished_for_the_record() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(2), Action::Emergency]);
    let mut fx = run(&mut app, [Action::ContinueForRecord, Action::Choose(1)]);
    fx.extend(run(&mut app, typed("34")));
    fx.extend(run(&mut app, [Action::Confirm]));
    fx.extend(run(&mut app, typed("Ryde")));
    fx.extend(run(
        &mut app,
        [Action::Confirm, Action::Choose(1), Action::Confirm],
    ));
    assert_eq!(app.screen, Screen::Outcome);
    let o = app.outcome.as_ref().unwrap();
    assert!(o.is_emergency(), "the emergency outcome");
    assert_eq!(o.place.text(), "Isle of Wight", "the record was finished");
    assert_eq!(tallies(&fx).len(), 1);
}

#[test]
fn f9_from_the_outcome_and_from_the_search_screen() {
    let mut app = app();
    short_path(&mut app);
    run(&mut app, [Action::Emergency]);
    assert_eq!(app.screen, Screen::Emergency);
    let mut fresh = tui_support::app();
    run(&mut fresh, [Action::Emergency]);
    assert_eq!(
        fresh.screen,
        Screen::Emergency,
        "F9 works before triage too"
    );
    run(&mut fresh, [Action::Back]);
    assert_eq!(fresh.screen, Screen::Outcome);
    assert!(fresh.outcome.as_ref().unwrap().is_emergency());
}

#[test]
fn an_answer_of_danger_goes_to_the_emergency_screen() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(1)]);
    assert_eq!(app.screen, Screen::Emergency);
}

#[test]
fn multi_select_needs() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm]);
    assert_eq!(app.context(), Context::Question);
    // Keys tick; Space on the highlighted one ticks; ticking twice unticks.
    run(
        &mut app,
        [Action::Choose(1), Action::Choose(3), Action::Choose(3)],
    );
    run(
        &mut app,
        [
            Action::Move(Step::First),
            Action::Move(Step::Down),
            Action::ToggleChecked,
        ],
    );
    assert_eq!(app.triage.as_ref().unwrap().ticked, vec![0, 1]);
    run(&mut app, [Action::Confirm]);
    let o = app.outcome.as_ref().expect("outcome");
    let needs: Vec<&str> = o.needs.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(needs, ["low-mood-anxiety", "suicidal-thoughts"]);
    assert_eq!(o.urgency.code, "D", "the most urgent of the two");
}

#[test]
fn place_candidates_are_offered_and_one_is_picked() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("PO10"));
    run(&mut app, [Action::Confirm]);
    let p = app.prompt().expect("a candidate step");
    assert_eq!(p.id, "place.which");
    assert_eq!(app.context(), Context::Question, "pick by number");
    let labels: Vec<&str> = p.options.iter().map(|o| o.label.as_str()).collect();
    assert!(labels.contains(&"Havant"), "{labels:?}");
    let i = labels.iter().position(|l| *l == "Havant").unwrap();
    run(&mut app, [Action::Choose(i as u8 + 1)]);
    assert_eq!(qid(&app), "needs");
    run(&mut app, [Action::Choose(1), Action::Confirm]);
    assert_eq!(app.outcome.as_ref().unwrap().place.text(), "Havant");
}

#[test]
fn an_unknown_place_is_not_taken_and_says_why() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Qwxzzy"));
    run(&mut app, [Action::Confirm]);
    assert_eq!(qid(&app), "place");
    assert!(app.triage.as_ref().unwrap().problem.is_some());
}

#[test]
fn override_is_for_clinicians_only() {
    let mut app = clinician();
    short_path(&mut app);
    assert_eq!(app.context(), Context::OutcomeClinician);
    run(&mut app, [Action::Override]);
    assert_eq!(app.context(), Context::Override);
    run(&mut app, [Action::Choose(3)]);
    let fx = run(&mut app, [Action::Choose(1)]);
    assert!(tallies(&fx).is_empty(), "still one tally per call");
    let o = app.outcome.as_ref().unwrap();
    assert_eq!(o.urgency.code, "C");
    let ov = o.urgency.override_.as_ref().expect("override recorded");
    assert_eq!(ov.computed, "E");
    let summary = signpost::app::summary::text(&app).unwrap();
    assert!(
        summary.contains("Override: C (computed E), reason:"),
        "{summary}"
    );

    // The handler role has no such action: no binding, and the action does nothing.
    let mut h = tui_support::app();
    short_path(&mut h);
    assert_eq!(h.context(), Context::Outcome);
    assert!(
        signpost::tui::keymap::for_context(Context::Outcome).all(|b| b.action != Action::Override)
    );
    run(&mut h, [Action::Override]);
    assert!(h.override_pick.is_none());
    assert_eq!(h.context(), Context::Outcome);
}

#[test]
fn copy_gives_the_summary_text_and_names_the_route() {
    let mut app = app();
    short_path(&mut app);
    run(&mut app, [Action::ShowSummary]);
    assert_eq!(app.context(), Context::Summary);
    let fx = run(&mut app, [Action::CopySummary]);
    let [Effect::Copy { route, text }] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(*route, ClipboardRoute::Osc52);
    assert_eq!(Some(text.clone()), signpost::app::summary::text(&app));
    assert!(text.starts_with("Signpost call summary, made Wed 4 Nov 2026 20:00"));
    for want in [
        "Place: Isle of Wight",
        "Age band: 26-64",
        "Needs: Low mood or anxiety",
        "Services given:",
        "Advice given:",
        "Edition a1b2c3d4e5f6",
        "Signpost ",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    assert!(app.message.as_ref().unwrap().text.contains("OSC 52"));

    let mut none = app_with_clipboard(ClipboardRoute::Unavailable);
    short_path(&mut none);
    run(&mut none, [Action::ShowSummary]);
    assert!(run(&mut none, [Action::CopySummary]).is_empty());
    assert!(none
        .message
        .as_ref()
        .unwrap()
        .text
        .contains("Copying is not available here"));
}

fn app_with_clipboard(route: ClipboardRoute) -> App {
    let mut a = tui_support::app();
    a.settings.clipboard = route;
    a
}

#[test]
fn save_writes_the_summary_without_the_typed_postcode() {
    let mut app = app();
    start(&mut app);
    run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("PO30"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, [Action::Choose(1), Action::Confirm]);
    assert_eq!(app.screen, Screen::Outcome, "{:?}", app.prompt());
    run(&mut app, [Action::ShowSummary]);
    // No folder configured: says so, writes nothing.
    assert!(run(&mut app, [Action::SaveSummary]).is_empty());
    assert!(app.message.as_ref().unwrap().warning);
    app.settings.summary_dir = Some("/tmp/summaries".into());
    let fx = run(&mut app, [Action::SaveSummary]);
    let [Effect::SaveSummary { dir, file, text }] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(dir.to_str(), Some("/tmp/summaries"));
    assert!(file.ends_with(".txt") && !file.contains("PO30"));
    assert!(!text.to_uppercase().contains("PO30"), "{text}");
    assert!(text.contains("Place: Isle of Wight"), "{text}");
}

#[test]
fn new_call_after_an_outcome_clears_it_all() {
    let mut app = app();
    short_path(&mut app);
    run(
        &mut app,
        [Action::ShowSummary, Action::NewCall, Action::Confirm],
    );
    assert_eq!(app.screen, Screen::Search);
    assert!(app.triage.is_none() && app.outcome.is_none() && app.override_pick.is_none());
    assert!(signpost::app::summary::text(&app).is_none());
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("Isle of Wight"), "{screen}");
}

#[test]
fn a_completed_outcome_emits_exactly_one_tally_with_no_typed_text() {
    let mut app = app();
    start(&mut app);
    let mut fx = run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    fx.extend(run(&mut app, typed("34")));
    fx.extend(run(&mut app, [Action::Confirm]));
    fx.extend(run(&mut app, typed("PO30 5")));
    fx.extend(run(
        &mut app,
        [Action::Confirm, Action::Choose(1), Action::Confirm],
    ));
    // Back and forward, summary and back: still one tally.
    fx.extend(run(&mut app, [Action::ShowSummary, Action::Back]));
    let t = tallies(&fx);
    assert_eq!(t.len(), 1, "{fx:?}");
    let bytes = String::from_utf8(t[0].encode()).unwrap();
    for banned in ["PO30", "po30", "PO30 5"] {
        assert!(!bytes.contains(banned), "{bytes}");
    }
    assert_eq!(t[0].place, "isle-of-wight");
    assert_eq!(t[0].age_band, "26-64");
    assert_eq!(t[0].urgency, "E");
    assert_eq!(t[0].edition, "a1b2c3d4e5f6");
    assert_eq!(t[0].day.to_string(), "2026-11-04");
}
