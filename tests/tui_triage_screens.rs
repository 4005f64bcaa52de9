//! The triage screens drawn to a test terminal (80x24, the fixture directory): each question
//! kind, the emergency screen, the outcome in both roles, catch-all only, the summary, DRAFT and
//! monochrome; handlers never see a professional-only contact; no size can panic.

mod tui_support;

use ratatui::style::Color;
use signpost::app::{summary, Action, App, Screen};
use signpost::config::Theme;
use signpost::model::Role;
use signpost::tui::view::triage::DANGER_BANNER;
use tui_support::*;

fn with(mut app: App, actions: impl IntoIterator<Item = Action>) -> App {
    run(&mut app, actions);
    app
}

fn started(app: App) -> App {
    with(app, [Action::Back, Action::StartTriage])
}

/// Answer the path: danger no, harm no, age (typed), place (typed), needs by number.
fn path(app: App, age: &str, place: &str, needs: &[u8]) -> App {
    let mut app = started(app);
    run(&mut app, [Action::Choose(2), Action::Choose(1)]);
    run(&mut app, typed(age));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed(place));
    run(&mut app, [Action::Confirm]);
    run(&mut app, needs.iter().map(|n| Action::Choose(*n)));
    run(&mut app, [Action::Confirm]);
    app
}

fn at_age(app: App) -> App {
    with(started(app), [Action::Choose(2), Action::Choose(1)])
}

fn snap(app: &App) -> String {
    screen_text(app, 80, 24)
}

#[test]
fn question_single() {
    let app = started(app());
    let s = snap(&app);
    assert!(s.contains(DANGER_BANNER) && s.contains("DRAFT"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn question_age_typed() {
    let mut app = at_age(app());
    run(&mut app, typed("34"));
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn question_place_typed() {
    let mut app = at_age(app());
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Ryde"));
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn question_place_candidates() {
    let mut app = at_age(app());
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("PO10"));
    run(&mut app, [Action::Confirm]);
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn question_multiple_with_ticks() {
    let mut app = at_age(app());
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Ryde"));
    run(
        &mut app,
        [Action::Confirm, Action::Choose(1), Action::Choose(3)],
    );
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn emergency_screen() {
    let app = with(started(app()), [Action::Choose(2), Action::Emergency]);
    let s = snap(&app);
    assert!(s.contains("999") && s.contains("Stay on the line"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn outcome_handler() {
    let app = path(app(), "34", "Ryde", &[1]);
    assert_eq!(app.screen, Screen::Outcome);
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn outcome_clinician() {
    let app = path(clinician(), "34", "Ryde", &[1]);
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn outcome_with_only_the_catch_all() {
    let app = path(app(), "34", "not-known", &[3]);
    let o = app.outcome.as_ref().unwrap();
    assert!(o.ids().is_empty(), "{:?}", o.ids());
    assert!(!o.safety_net.is_empty());
    insta::assert_snapshot!(screen_text(&app, 80, 40));
}

#[test]
fn override_picker() {
    let app = with(path(clinician(), "34", "Ryde", &[1]), [Action::Override]);
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn call_summary() {
    let app = with(path(app(), "34", "Ryde", &[1]), [Action::ShowSummary]);
    insta::assert_snapshot!(screen_text(&app, 80, 40));
}

#[test]
fn monochrome_question() {
    let app = started(mono());
    let buf = buffer(&app, 80, 24);
    for c in buf.content() {
        assert!(
            matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset),
            "colour in monochrome: {c:?}"
        );
    }
    insta::assert_snapshot!(snap(&app));
}

#[test]
fn urgency_is_colour_and_text() {
    let app = path(app(), "34", "Ryde", &[2]);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("URGENCY:"), "{s}");
    let buf = buffer(&app, 80, 24);
    let y = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("URGENCY:")
        })
        .unwrap();
    assert!((10..80).any(|x| buf[(x, y)].fg != Color::Reset), "coloured");
}

#[test]
fn long_question_text_is_wrapped_never_cut() {
    let mut dir = fixture();
    let long = "Is anyone's life in danger now — for example have they taken something, are they hurt, or is someone with them at risk? Please ask this in full, word for word, and wait for the answer before moving on.";
    dir.triage.questions[0].text = long.to_string();
    let app = started(app_with(
        dir,
        Role::Handler,
        Theme::Default,
        None,
        wednesday_evening(),
    ));
    let s = screen_text(&app, 60, 24);
    let joined: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains(long), "{s}");
}

/// Every professional-only contact value in the directory.
fn professional_values(app: &App) -> Vec<String> {
    app.directory
        .services
        .iter()
        .flat_map(|s| s.contacts.iter())
        .filter(|c| !c.is_public())
        .map(|c| c.value.clone())
        .collect()
}

#[test]
fn handlers_never_see_a_professional_only_contact_in_the_outcome_or_summary() {
    let paths: [(&str, &str, &[u8]); 4] = [
        ("34", "Portsmouth", &[1, 2]),
        ("34", "Ryde", &[2]),
        ("70", "PO1", &[1, 2, 3]),
        ("20", "Havant", &[2]),
    ];
    for (age, place, needs) in paths {
        let base = app_with(
            fixture(),
            Role::Handler,
            Theme::Default,
            None,
            wednesday_evening(),
        );
        let pro = professional_values(&base);
        assert!(!pro.is_empty(), "the fixture has mixed audiences");
        let app = path(base, age, place, needs);
        assert!(app.outcome.is_some(), "{age} {place}");
        let screen = screen_text(&app, 80, 200);
        let summ = with(app, [Action::ShowSummary]);
        let text = summary::text(&summ).unwrap() + &screen_text(&summ, 80, 200);
        let all = format!("{screen}\n{text}");
        let found: Vec<&String> = pro.iter().filter(|v| all.contains(v.as_str())).collect();
        assert!(found.is_empty(), "{age} {place}: {found:?}\n{all}");
    }
}

#[test]
fn every_triage_screen_draws_at_tiny_sizes() {
    let states = vec![
        started(app()),
        at_age(app()),
        with(started(app()), [Action::Emergency]),
        path(app(), "34", "Ryde", &[1]),
        path(clinician(), "34", "Ryde", &[1]),
        with(path(clinician(), "34", "Ryde", &[1]), [Action::Override]),
        with(path(app(), "34", "Ryde", &[1]), [Action::ShowSummary]),
    ];
    for app in &states {
        draw_at_odd_sizes(app);
    }
}
