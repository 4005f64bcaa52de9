//! The app driven by action sequences, no terminal: what the handler does, and what follows.

mod tui_support;

use signpost::app::{
    update, Action, BadgeState, Context, Effect, Focus, Overlay, PlaceChoice, Step, WrongRecord,
    WrongWhat,
};
use signpost::model::{Access, Category, Role};
use signpost::search::Group;
use tui_support::*;

fn ids(app: &signpost::app::App) -> Vec<String> {
    app.listing.rows().map(|r| r.id.clone()).collect()
}

#[test]
fn the_tui_fixture_is_clean_of_errors() {
    let ctx = signpost::model::validate::CheckContext {
        today: signpost::model::Date::parse("2026-11-04").unwrap(),
        stale_months: 6,
    };
    let (dir, problems) = signpost::directory::check(&fixture_files(), ctx);
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
    assert_eq!(dir.unwrap().services.len(), 6);
}

#[test]
fn the_app_opens_with_the_cursor_in_the_search_box() {
    let app = app();
    assert_eq!(app.context(), Context::Query);
    assert!(app.query.is_empty());
    assert_eq!(app.listing.len(), 6, "an empty query lists every service");
}

#[test]
fn typing_a_query_updates_the_results_on_every_keystroke() {
    let mut app = app();
    let mut seen = Vec::new();
    for a in typed("haven") {
        update(&mut app, a);
        seen.push(ids(&app));
    }
    assert_eq!(app.query, "haven");
    assert_eq!(
        seen.last().unwrap().first().map(String::as_str),
        Some("example-island-haven")
    );
    assert_ne!(
        seen[0],
        *seen.last().unwrap(),
        "results changed while typing"
    );
    let row = app.selected_row().unwrap();
    assert!(!row.name_hits.is_empty(), "matched characters are marked");
    // Letters that are commands elsewhere are text here.
    run(&mut app, typed(" q?t/"));
    assert_eq!(app.query, "haven q?t/");
    assert!(!app.quit);
    run(&mut app, vec![Action::DeleteBack; 5]);
    assert_eq!(app.query, "haven");
    run(&mut app, [Action::ClearField]);
    assert_eq!(app.query, "");
}

#[test]
fn moving_the_selection_stays_within_the_list() {
    let mut app = app();
    let n = app.listing.len();
    run(&mut app, [Action::Move(Step::Up)]);
    assert_eq!(app.selected, 0);
    run(
        &mut app,
        [Action::Move(Step::Down), Action::Move(Step::Down)],
    );
    assert_eq!(app.selected, 2);
    run(&mut app, [Action::Move(Step::PageDown)]);
    assert_eq!(app.selected, n - 1);
    run(&mut app, [Action::Move(Step::Down)]);
    assert_eq!(app.selected, n - 1);
    run(&mut app, [Action::Move(Step::First)]);
    assert_eq!(app.selected, 0);
}

#[test]
fn opening_the_detail_and_going_back() {
    let mut app = app();
    run(&mut app, typed("wellbeing hub"));
    run(&mut app, [Action::OpenDetail]);
    assert_eq!(app.context(), Context::Detail);
    assert_eq!(app.current_service_id(), Some("example-wellbeing-hub"));
    run(
        &mut app,
        [Action::Move(Step::Down), Action::Move(Step::Down)],
    );
    assert_eq!(app.detail.as_ref().unwrap().scroll, 2);
    run(&mut app, [Action::Back]);
    assert_eq!(
        app.context(),
        Context::Query,
        "Esc from the detail returns to the search box"
    );
    assert_eq!(app.query, "wellbeing hub", "going back keeps the search");
}

#[test]
fn esc_leaves_the_search_box_and_letters_become_commands() {
    let mut app = app();
    run(&mut app, [Action::Back]);
    assert_eq!(app.context(), Context::Results);
    run(&mut app, [Action::FocusQuery]);
    assert_eq!(app.context(), Context::Query);
    run(&mut app, [Action::FocusNext]);
    assert_eq!(app.focus, Focus::Place);
    run(&mut app, [Action::FocusPrev]);
    assert_eq!(app.focus, Focus::Query);
}

#[test]
fn the_place_filter_resolves_a_town() {
    let mut app = app();
    run(&mut app, [Action::EditPlace]);
    assert_eq!(app.context(), Context::Place);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm]);
    match &app.filters.place {
        Some(PlaceChoice::Place { id, .. }) => assert_eq!(id, "isle-of-wight"),
        other => panic!("not resolved: {other:?}"),
    }
    assert_eq!(app.context(), Context::Query, "back to the search box");
    let listed = ids(&app);
    assert!(listed.contains(&"example-island-haven".to_string()));
    assert!(
        !listed.contains(&"example-wellbeing-hub".to_string()),
        "Portsmouth only"
    );
    // An empty box clears the place.
    run(
        &mut app,
        [Action::EditPlace, Action::ClearField, Action::Confirm],
    );
    assert_eq!(app.filters.place, None);
    assert!(ids(&app).contains(&"example-wellbeing-hub".to_string()));
}

#[test]
fn an_ambiguous_postcode_offers_candidates_and_one_is_picked() {
    let mut app = app();
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("PO10"));
    run(&mut app, [Action::Confirm]);
    let Some(Overlay::PlaceChoices { options, .. }) = &app.overlay else {
        panic!("no choices: {:?}", app.overlay);
    };
    assert_eq!(options.len(), 2, "{options:?}");
    assert_eq!(app.filters.place, None, "nothing is picked silently");
    assert_eq!(app.context(), Context::PlaceChoices);
    run(&mut app, [Action::Choose(1)]);
    match &app.filters.place {
        Some(PlaceChoice::Place { id, .. }) => assert_eq!(id, "havant"),
        other => panic!("not picked: {other:?}"),
    }
    assert!(ids(&app).contains(&"example-unconfirmed-group".to_string()));
    // The other candidate: outside the area, national services only.
    run(&mut app, [Action::EditPlace, Action::ClearField]);
    run(&mut app, typed("PO10"));
    run(
        &mut app,
        [Action::Confirm, Action::Move(Step::Down), Action::Confirm],
    );
    assert!(matches!(
        app.filters.place,
        Some(PlaceChoice::OutsideArea { .. })
    ));
    assert_eq!(ids(&app), vec!["example-national-line".to_string()]);
}

#[test]
fn a_misspelt_place_offers_did_you_mean() {
    let mut app = app();
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("Portsmuth"));
    run(&mut app, [Action::Confirm]);
    assert!(
        matches!(app.overlay, Some(Overlay::PlaceChoices { .. })),
        "{:?} {:?}",
        app.overlay,
        app.message
    );
    run(&mut app, [Action::Confirm]);
    match &app.filters.place {
        Some(PlaceChoice::Place { id, .. }) => assert_eq!(id, "portsmouth"),
        other => panic!("not picked: {other:?}"),
    }
}

#[test]
fn cancelling_place_choices_changes_nothing() {
    let mut app = app();
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("PO10"));
    run(&mut app, [Action::Confirm, Action::Back, Action::Back]);
    assert_eq!(app.filters.place, None);
    assert_eq!(app.filters.place_text, "", "Esc restores the box");
    assert_eq!(app.context(), Context::Query);
}

#[test]
fn the_age_filter_takes_whole_years() {
    let mut app = app();
    run(&mut app, [Action::EditAge]);
    run(&mut app, typed("1x"));
    assert!(
        app.message.as_ref().unwrap().warning,
        "letters are refused, with a word"
    );
    run(&mut app, typed("5"));
    assert_eq!(app.filters.age_text, "15");
    run(&mut app, [Action::Confirm]);
    assert_eq!(app.filters.age, Some(15));
    let listed = ids(&app);
    assert!(listed.contains(&"example-young-people".to_string()));
    assert!(
        !listed.contains(&"example-island-haven".to_string()),
        "18 and over"
    );
    run(
        &mut app,
        [Action::EditAge, Action::ClearField, Action::Confirm],
    );
    assert_eq!(app.filters.age, None);
}

#[test]
fn the_categories_picker_ticks_and_results_follow() {
    let mut app = app();
    run(&mut app, [Action::OpenCategories]);
    assert_eq!(app.context(), Context::Categories);
    let pos = Category::ALL
        .iter()
        .position(|c| *c == Category::Bereavement)
        .unwrap();
    run(&mut app, vec![Action::Move(Step::Down); pos]);
    run(&mut app, [Action::ToggleChecked]);
    assert!(app.filters.categories.contains(&Category::Bereavement));
    assert_eq!(ids(&app), vec!["example-unconfirmed-group".to_string()]);
    run(&mut app, [Action::ToggleChecked]);
    assert!(app.filters.categories.is_empty());
    run(&mut app, [Action::Confirm]);
    assert_eq!(app.overlay, None);
}

#[test]
fn open_now_and_self_referral_filters() {
    let mut app = app();
    run(&mut app, [Action::ToggleOpenNow]);
    assert!(app.filters.open_now);
    let open = ids(&app);
    assert!(
        open.contains(&"example-island-haven".to_string()),
        "open until 22:00"
    );
    assert!(
        !open.contains(&"example-young-people".to_string()),
        "shut in the evening"
    );
    run(
        &mut app,
        [Action::ToggleOpenNow, Action::ToggleSelfReferral],
    );
    assert!(app.filters.self_referral);
    for id in ids(&app) {
        let s = app.directory.service(&id).unwrap();
        assert!(s.access.contains(&Access::SelfReferral), "{id}");
    }
    assert!(!ids(&app).contains(&"example-unconfirmed-group".to_string()));
}

#[test]
fn new_call_clears_everything_from_the_last_caller() {
    let fresh = app();
    let mut app = app();
    run(&mut app, typed("haven"));
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm, Action::EditAge]);
    run(&mut app, typed("19"));
    run(
        &mut app,
        [
            Action::Confirm,
            Action::ToggleOpenNow,
            Action::ToggleSelfReferral,
        ],
    );
    run(
        &mut app,
        [
            Action::OpenCategories,
            Action::ToggleChecked,
            Action::Confirm,
        ],
    );
    run(&mut app, [Action::OpenDetail, Action::ReportWrong]);
    assert!(app.overlay.is_some() && app.detail.is_some());
    // A call in progress: the new call asks first, then clears on Enter.
    run(&mut app, [Action::NewCall, Action::Confirm]);
    assert_eq!(app.query, "");
    assert!(app.filters.is_empty(), "{:?}", app.filters);
    assert_eq!(app.filters.place_text, "");
    assert_eq!(app.filters.age_text, "");
    assert_eq!(
        (app.selected, app.detail.clone(), app.overlay.clone()),
        (0, None, None)
    );
    assert!(!app.help);
    assert_eq!(app.context(), Context::Query);
    assert_eq!(app.listing, fresh.listing);
}

#[test]
fn reporting_a_wrong_record_returns_an_effect_with_no_caller_data() {
    let mut app = app();
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("haven"));
    assert!(run(&mut app, [Action::ReportWrong]).is_empty());
    assert_eq!(app.context(), Context::ReportWrong);
    let effects = run(&mut app, [Action::Choose(2)]);
    let expected = WrongRecord {
        service: "example-island-haven".into(),
        what: "hours".into(),
        at: "2026-11-04 20:00".into(),
    };
    assert_eq!(effects, vec![Effect::RecordWrong(expected.clone())]);
    assert_eq!(app.overlay, None);
    let stored = String::from_utf8(expected.encode()).unwrap();
    assert_eq!(
        stored,
        r#"{"service":"example-island-haven","what":"hours","at":"2026-11-04 20:00"}"#
    );
    let v: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "service, what and when only: {keys:?}");
    assert!(
        !stored.contains("Ryde") && !stored.contains("isle-of-wight"),
        "no caller data"
    );
    // Arrows and Enter choose too; Esc cancels with no effect.
    assert!(run(&mut app, [Action::ReportWrong, Action::Back]).is_empty());
    let e = run(
        &mut app,
        [
            Action::ReportWrong,
            Action::Move(Step::Last),
            Action::Confirm,
        ],
    );
    assert!(matches!(&e[..], [Effect::RecordWrong(r)] if r.what == WrongWhat::Other.id()));
}

#[test]
fn reporting_with_nothing_selected_says_so() {
    let mut app = app();
    run(&mut app, typed("zzzzqqq"));
    assert!(app.listing.is_empty());
    assert!(run(&mut app, [Action::ReportWrong]).is_empty());
    assert_eq!(app.overlay, None);
    assert!(app.message.as_ref().unwrap().warning);
}

#[test]
fn a_tick_past_closing_time_flips_the_badge() {
    let mut app = app_with(
        fixture(),
        Role::Handler,
        signpost::config::Theme::Default,
        None,
        at(2026, 11, 4, 21, 59),
    );
    run(&mut app, typed("island haven"));
    let row = app.selected_row().unwrap().clone();
    assert_eq!(row.id, "example-island-haven");
    // A minute before closing it is still open, but closing soon: check before giving.
    assert_eq!(row.badge.state, BadgeState::Open);
    assert_eq!(row.badge.text, "OPEN — closes in 1 min (22:00)");
    let group = app
        .listing
        .groups
        .iter()
        .find(|g| g.rows.iter().any(|r| r.id == row.id))
        .unwrap();
    assert_eq!(group.kind, Group::CheckFirst);
    // The loop wakes at the closing time, not a minute late.
    assert_eq!(app.next_wakeup(), at(2026, 11, 4, 22, 0));
    run(&mut app, [Action::Tick(at(2026, 11, 4, 22, 0))]);
    let row = app.selected_row().unwrap();
    assert_eq!(
        row.id, "example-island-haven",
        "the selection stays on the service"
    );
    assert_eq!(row.badge.state, BadgeState::Closed);
    assert!(row.badge.text.starts_with("CLOSED"), "{}", row.badge.text);
    let closed = app
        .listing
        .groups
        .iter()
        .find(|g| g.kind == Group::ClosedNow)
        .unwrap();
    assert!(closed.rows.iter().any(|r| r.id == "example-island-haven"));
}

#[test]
fn the_clock_wakes_each_minute_when_nothing_changes_sooner() {
    let app = app();
    assert_eq!(app.next_wakeup(), at(2026, 11, 4, 20, 1));
}

#[test]
fn quitting_is_an_effect() {
    let mut app = app();
    assert_eq!(run(&mut app, [Action::Quit]), vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn help_opens_over_anything_and_closes_with_back() {
    let mut app = app();
    run(&mut app, [Action::OpenCategories, Action::ToggleHelp]);
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.context_under_help(), Context::Categories);
    run(&mut app, [Action::Back]);
    assert_eq!(app.context(), Context::Categories);
}

#[test]
fn handlers_never_see_professional_lines_in_the_detail() {
    let mut handler = app();
    let s = handler
        .directory
        .service("example-wellbeing-hub")
        .unwrap()
        .clone();
    let facts = signpost::app::detail::facts(&handler, &s);
    assert!(facts.contacts.iter().all(|c| !c.professional));
    assert!(!facts.contacts.iter().any(|c| c.value.contains("960199")));
    assert!(!facts.notes.iter().any(|(l, _)| l.contains("staff")));
    let clin = clinician();
    let facts = signpost::app::detail::facts(&clin, &s);
    assert!(facts
        .contacts
        .iter()
        .any(|c| c.professional && c.value == "01632 960199"));
    // The list shows the public number in both roles.
    run(&mut handler, typed("wellbeing hub"));
    assert_eq!(
        handler.selected_row().unwrap().number.as_deref(),
        Some("01632 960100")
    );
}

#[test]
fn the_detail_shows_the_week_with_today_and_the_next_opening() {
    let app = app();
    let s = app
        .directory
        .service("example-young-people")
        .unwrap()
        .clone();
    let f = signpost::app::detail::facts(&app, &s);
    assert_eq!(f.week.len(), 7);
    let today: Vec<_> = f.week.iter().filter(|d| d.today).collect();
    assert_eq!(today.len(), 1);
    assert_eq!(today[0].day, "Wed");
    assert_eq!(f.badge.state, BadgeState::Closed);
    assert_eq!(f.next_opening.as_deref(), Some("Next opening: Thu 09:00."));
    let haven = app
        .directory
        .service("example-island-haven")
        .unwrap()
        .clone();
    let f = signpost::app::detail::facts(&app, &haven);
    assert!(f.stale, "verified 2026-03-01, over 6 months before");
    assert!(f.trust.starts_with("Verified 2026-03-01"), "{}", f.trust);
}

#[test]
fn the_shell_appends_a_reported_record_to_local_state_or_says_why_not() {
    use signpost::report::WrongRecord as Stored;
    use signpost::store::{LocalKind, MemoryStore, Store};
    use signpost::tui::runner::{dispatch, Shell};
    let clock = wednesday_evening;
    let mut store = MemoryStore::default();
    {
        let mut app = app();
        let mut shell = Shell {
            store: Some(&mut store),
            clock: &clock,
            machine: "m1".into(),
            terminal_out: None,
            editions: None,
        };
        run(&mut app, typed("haven"));
        dispatch(&mut app, Action::ReportWrong, &mut shell);
        dispatch(&mut app, Action::Choose(1), &mut shell);
        assert!(!app.message.as_ref().unwrap().warning, "{:?}", app.message);
    }
    let saved = store.read_local(LocalKind::WrongRecords).unwrap();
    assert_eq!(saved.len(), 1);
    let r = Stored::decode(&saved[0]).unwrap();
    assert_eq!(
        (r.service.as_str(), r.what.as_str(), r.at.as_str()),
        ("example-island-haven", "number", "2026-11-04 20:00")
    );
    // A read-only session saves nothing and says so.
    let mut app = app();
    let mut shell = Shell {
        store: None,
        clock: &clock,
        machine: "m1".into(),
        terminal_out: None,
        editions: None,
    };
    run(&mut app, typed("haven"));
    dispatch(&mut app, Action::ReportWrong, &mut shell);
    dispatch(&mut app, Action::Choose(1), &mut shell);
    let m = app.message.clone().unwrap();
    assert!(m.warning && m.text.contains("not saved"), "{m:?}");
}

#[test]
fn the_deploying_services_own_records_are_not_suggested() {
    let mut app = app();
    assert!(ids(&app).contains(&"example-national-line".to_string()));
    app.settings.own_services = vec!["example-national-line".into()];
    app.refresh();
    assert!(!ids(&app).contains(&"example-national-line".to_string()));
    assert_eq!(app.listing.len(), 5);
    let reachable = &app.listing.groups[0];
    assert_eq!(
        reachable.total,
        reachable.rows.len(),
        "counts leave it out too"
    );
}
