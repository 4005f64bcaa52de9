//! A whole call on the default directory through `update`: the search's age and place carried
//! into triage, the outcome read top-down with its next step, services marked as given, and
//! the summary as a record. Snapshots at 80x24 (handler, clinician), the summary with given
//! services, and the long needs question with its "more below" marker.

mod tui_support;

use chrono::{DateTime, TimeZone, Utc};
use signpost::app::{Action, App, Screen, Step};
use signpost::config::Theme;
use signpost::model::Role;
use signpost::triage::{Age, PlaceAnswer};
use tui_support::*;

/// Wednesday 2 December 2026, 14:00 in London.
fn wednesday_afternoon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 14, 0, 0).unwrap()
}

fn default_app(role: Role) -> App {
    let dir = signpost::directory::parse(&signpost::directory::embedded()).unwrap();
    app_with(dir, role, Theme::Default, None, wednesday_afternoon())
}

fn qid(app: &App) -> String {
    app.prompt().map(|p| p.id).unwrap_or_default()
}

/// The search has place Southampton and age 34; triage: no danger, no harm, not hurt, the
/// caller themselves, then the age and place offered from the search, then low mood.
fn to_needs(app: &mut App) {
    run(app, [Action::EditPlace]);
    run(app, typed("Southampton"));
    run(app, [Action::Confirm, Action::EditAge]);
    run(app, typed("34"));
    run(app, [Action::Confirm, Action::StartTriage]);
    for (q, choice) in [
        ("danger-now", 2),
        ("harm-self", 1),
        ("harm-others", 1),
        ("injury", 1),
        ("who", 1),
    ] {
        assert_eq!(qid(app), q);
        run(app, [Action::Choose(choice)]);
    }
    assert_eq!(qid(app), "age");
    let t = app.triage.as_ref().unwrap();
    assert_eq!(
        (t.input.as_str(), t.prefilled),
        ("34", true),
        "offered from the search"
    );
    run(app, [Action::Confirm]);
    assert_eq!(qid(app), "place");
    assert_eq!(app.triage.as_ref().unwrap().input, "Southampton");
    run(app, [Action::Confirm]);
    assert_eq!(qid(app), "needs");
}

/// ... then thoughts of suicide (the third need), and "No" to the rest.
fn to_outcome(app: &mut App) {
    to_needs(app);
    run(app, [Action::Choose(3), Action::Confirm]);
    for _ in 0..10 {
        if app.screen == Screen::Outcome {
            break;
        }
        // The remaining questions: "No" is the second option of each.
        run(app, [Action::Choose(2)]);
    }
    assert_eq!(app.screen, Screen::Outcome, "{:?}", app.message);
}

/// The fixture call with a firm next step: thoughts of harming themselves, 34, Ryde,
/// suicidal thoughts — the national listening line is open all hours for all ages.
fn fixture_outcome(role: Role) -> App {
    let mut app = if role == Role::Clinician {
        clinician()
    } else {
        app()
    };
    run(
        &mut app,
        [Action::StartTriage, Action::Choose(2), Action::Choose(2)],
    );
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Ryde"));
    run(
        &mut app,
        [Action::Confirm, Action::Choose(2), Action::Confirm],
    );
    assert_eq!(app.screen, Screen::Outcome, "{:?}", app.message);
    app
}

fn line_of(screen: &str, needle: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("'{needle}' not on:\n{screen}"))
}

#[test]
fn triage_takes_the_age_and_place_from_the_search() {
    let mut app = default_app(Role::Handler);
    to_outcome(&mut app);
    let st = app.triage.as_ref().unwrap().walk.state();
    assert_eq!(st.age, Some(Age::Years { years: 34 }));
    assert!(
        matches!(&st.place, Some(PlaceAnswer::Place { id, .. }) if id == "southampton"),
        "{:?}",
        st.place
    );
}

#[test]
fn the_outcome_reads_top_down_at_80x24() {
    let app = fixture_outcome(Role::Handler);
    let o = app.outcome.as_ref().unwrap();
    let next = signpost::app::outcome_screen::next_step(o).expect("a firm next step");
    let number = next.primary.clone().expect("a number");
    let s = screen_text(&app, 80, 24);
    let level = line_of(&s, "URGENCY:");
    let step = line_of(&s, &format!("Next step: {} — {number}", next.name));
    let say = line_of(&s, "── What to say");
    assert!(level < step && step < say, "{s}");
    insta::assert_snapshot!("outcome_top_down_handler", s);
    // Further down: the other services, then the safety net last.
    let mut a = app;
    let mut pages = Vec::new();
    for _ in 0..60 {
        pages.push(screen_text(&a, 80, 24));
        run(&mut a, [Action::Move(Step::PageDown)]);
    }
    let joined = pages.join("\n");
    assert!(
        line_of(&joined, "── What to say") < line_of(&joined, "── Safety net: always available")
    );
    assert!(
        pages.last().unwrap().contains("Shout"),
        "the end is the safety net"
    );
    assert!(!pages.last().unwrap().contains("more lines below"));
}

#[test]
fn each_advice_line_is_said_once() {
    let mut app = default_app(Role::Handler);
    to_outcome(&mut app);
    let o = app.outcome.as_ref().unwrap();
    let said = signpost::app::outcome_screen::what_to_say(o);
    for (i, l) in said.iter().enumerate() {
        assert!(!said[..i].contains(l), "said twice: {l}");
    }
    for f in &o.flags {
        assert_eq!(
            said.iter().filter(|l| l.contains(&f.advice)).count(),
            1,
            "{}",
            f.advice
        );
    }
}

#[test]
fn the_clinician_outcome_at_80x24() {
    let app = fixture_outcome(Role::Clinician);
    insta::assert_snapshot!("outcome_top_down_clinician", screen_text(&app, 80, 24));
}

#[test]
fn the_summary_lists_the_services_marked_as_given_and_the_risk_answers() {
    let mut app = fixture_outcome(Role::Handler);
    let o = app.outcome.clone().unwrap();
    let listed = signpost::app::outcome_screen::listed(&o);
    let next = signpost::app::outcome_screen::next_step(&o)
        .unwrap()
        .clone();
    assert_eq!(
        app.given,
        vec![next.id.clone()],
        "the next step is given by default"
    );
    // The first ↓ shows the selection (the next step); two more select the third service.
    run(
        &mut app,
        [
            Action::Move(Step::Down),
            Action::Move(Step::Down),
            Action::Move(Step::Down),
        ],
    );
    run(&mut app, [Action::MarkGiven]);
    let third = listed[2];
    assert_eq!(app.given, vec![next.id.clone(), third.id.clone()]);
    assert!(screen_text(&app, 80, 24).contains(&format!("[GIVEN] {}", third.name)));
    run(&mut app, [Action::ShowSummary]);
    let s = screen_text(&app, 80, 40);
    insta::assert_snapshot!("summary_with_services_given", s);
    let text = signpost::app::summary::text(&app).unwrap();
    let given: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Services given:")
        .skip(1)
        .take_while(|l| l.starts_with("- "))
        .collect();
    assert_eq!(given.len(), 2, "{text}");
    assert!(given[0].contains(&next.name) && given[0].contains(next.primary.as_deref().unwrap()));
    assert!(given[1].contains(&third.name));
    // Every other service offered is not in the record as given.
    for s in listed.iter().skip(3) {
        assert!(
            !given
                .iter()
                .any(|g| g.starts_with(&format!("- {}:", s.name))),
            "{}",
            s.name
        );
    }
    assert!(
        text.contains("Is anyone's life in danger now? No"),
        "{text}"
    );
    assert!(
        text.contains("Any thoughts of harming themselves or others? Themselves"),
        "{text}"
    );
    // No postcode or typed place text, no date of birth: the resolved place and the age band.
    assert!(
        text.contains("Place: Isle of Wight") && !text.contains("Ryde"),
        "{text}"
    );
    assert!(
        !text.contains(" 34"),
        "the age itself is not recorded, only its band:\n{text}"
    );
    // Unmarking takes it out again.
    run(&mut app, [Action::Back, Action::MarkGiven]);
    assert_eq!(app.given, vec![next.id.clone()]);
}

#[test]
fn the_needs_question_says_more_below_and_every_option_is_reachable() {
    let mut app = default_app(Role::Handler);
    to_needs(&mut app);
    let s = screen_text(&app, 80, 24);
    insta::assert_snapshot!("needs_question_more_below", s);
    assert!(s.contains("more lines below"), "{s}");
    let last = app.prompt().unwrap().options.last().unwrap().label.clone();
    assert!(!s.contains(&last));
    run(&mut app, [Action::Move(Step::Last)]);
    let s = screen_text(&app, 80, 24);
    assert!(s.contains(&last), "the last option comes into view:\n{s}");
    assert!(s.contains("more lines above"), "{s}");
}
