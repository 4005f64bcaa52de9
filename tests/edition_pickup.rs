//! The app picks editions up by itself, between calls only: a desk with a call on screen holds
//! the new edition until the next new call; status notes show while in force and go on a tick.
//! The clock is injected throughout.

mod tui_support;

use chrono::{DateTime, Duration, Utc};
use signpost::app::{update, Action, Effect};
use signpost::directory::{self, Files};
use signpost::round::bundle;
use signpost::round::keys::SecretKey;
use signpost::store::{MemoryStore, Origin, Store};
use signpost::tui::pickup::Source;
use signpost::tui::runner::{dispatch, Shell};
use std::cell::Cell;
use tui_support::*;

fn newer_edition() -> Files {
    let mut files = fixture_files();
    files.insert(
        "edition.toml".into(),
        "label = \"Test fixture\"\ndate = \"2026-11-04\"\n".into(),
    );
    files
}

#[test]
fn a_desk_with_a_call_on_screen_installs_only_after_the_next_new_call() {
    let tmp = tempfile::tempdir().unwrap();
    let key = SecretKey::generate("Area directory team").unwrap();
    let files = newer_edition();
    let new_id = directory::edition_id(&files);
    std::fs::write(
        tmp.path().join("e.signpost-edition"),
        bundle::seal(&files, "2026-11-04", &key, at(2026, 11, 4, 19, 30)),
    )
    .unwrap();
    let now = Cell::new(wednesday_evening());
    let clock = || now.get();
    let mut store = MemoryStore::default();
    let mut app = app();
    app.pickup.enabled = true;
    let old_id = app.status.edition.id.clone();
    {
        let mut shell = Shell {
            store: Some(&mut store),
            clock: &clock,
            machine: "m1".into(),
            terminal_out: None,
            editions: Some(Source::new(
                tmp.path().to_path_buf(),
                vec![key.public()],
                String::new(),
            )),
        };
        // A call is under way: the handler has typed a search.
        for a in typed("haven") {
            dispatch(&mut app, a, &mut shell);
        }
        let step = |app: &mut signpost::app::App, shell: &mut Shell, mins: i64| {
            now.set(wednesday_evening() + Duration::minutes(mins));
            dispatch(app, Action::Tick(now.get()), shell);
        };
        step(&mut app, &mut shell, 1);
        assert_eq!(app.pickup.pending.as_deref(), Some(new_id.as_str()));
        assert_eq!(
            app.status.edition.id, old_id,
            "not while a call is on screen"
        );
        assert_eq!(app.query, "haven", "the call's search is untouched");
        step(&mut app, &mut shell, 7);
        step(&mut app, &mut shell, 13);
        assert_eq!(app.status.edition.id, old_id);
        // The next new call: the edition goes in before the next caller is searched for.
        now.set(wednesday_evening() + Duration::minutes(14));
        // A new call with a search on screen asks first (HAZ-071); the edition waits for the yes.
        dispatch(&mut app, Action::NewCall, &mut shell);
        assert_eq!(
            app.status.edition.id, old_id,
            "not before the handler's yes"
        );
        dispatch(&mut app, Action::Confirm, &mut shell);
    }
    assert_eq!(app.status.edition.id, new_id);
    assert_eq!(
        app.status.edition.publisher.as_deref(),
        Some("Area directory team")
    );
    assert_eq!(app.pickup.pending, None);
    let cur = store.current().unwrap().unwrap();
    assert_eq!(cur.meta.id, new_id);
    assert!(matches!(cur.meta.origin, Origin::Signed { .. }));
    let text = screen_text(&app, 160, 30);
    assert!(
        text.contains("new edition installed: 20:14, by Area directory team"),
        "{text}"
    );
    assert!(text.contains("published by Area directory team"), "{text}");
}

#[test]
fn the_share_is_looked_at_every_few_minutes_and_an_unreadable_one_is_a_status_note() {
    let mut app = app();
    app.pickup.enabled = true;
    let t0 = wednesday_evening();
    let looks = |effects: Vec<Effect>| {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::LookForEdition(_)))
            .count()
    };
    assert_eq!(looks(update(&mut app, Action::Tick(t0))), 1);
    assert_eq!(
        looks(update(&mut app, Action::Tick(t0 + Duration::minutes(1)))),
        0
    );
    assert_eq!(
        looks(update(&mut app, Action::Tick(t0 + Duration::minutes(5)))),
        1
    );
    let now: DateTime<Utc> = t0;
    let clock = move || now;
    let mut shell = Shell {
        store: None,
        clock: &clock,
        machine: "m1".into(),
        terminal_out: None,
        editions: Some(Source::new(
            "/no/such/share".into(),
            Vec::new(),
            String::new(),
        )),
    };
    dispatch(
        &mut app,
        Action::Tick(t0 + Duration::minutes(10)),
        &mut shell,
    );
    let note = app.pickup.note.clone().unwrap();
    assert!(note.contains("cannot be read"), "{note}");
    assert!(
        app.message.is_none(),
        "a note, not an error: {:?}",
        app.message
    );
    assert!(screen_text(&app, 200, 30).contains("edition share /no/such/share cannot be read"));
    // An install that cannot happen (nothing held, or a read-only store) is a note, and the
    // app looks again later instead of asking for the same install on every tick.
    app.pickup.pending = Some("abc".into());
    dispatch(&mut app, Action::NewCall, &mut shell);
    assert_eq!(app.pickup.pending, None);
    assert!(app.pickup.note.is_some());
}

#[test]
fn a_status_note_shows_on_the_row_and_detail_while_in_force_and_goes_on_a_tick() {
    let mut files = fixture_files();
    // The island haven opens 18:00-22:00; tonight it is shut until 20:30.
    files.insert(
        "status-notes.toml".into(),
        "[[notes]]\nservice = \"example-island-haven\"\nkind = \"closed\"\nmessage = \"Closed until 20:30: flooding\"\nfrom = \"2026-11-04 17:00\"\nuntil = \"2026-11-04 20:30\"\n".into(),
    );
    let dir = directory::parse(&files).unwrap();
    let mut app = app_with(
        dir,
        signpost::model::Role::Handler,
        signpost::config::Theme::Default,
        None,
        wednesday_evening(),
    );
    let row = |app: &signpost::app::App| {
        app.listing
            .rows()
            .find(|r| r.id == "example-island-haven")
            .cloned()
            .unwrap()
    };
    let r = row(&app);
    assert_eq!(
        r.status_notes,
        vec!["CLOSED until 2026-11-04 20:30: Closed until 20:30: flooding"]
    );
    assert_eq!(r.badge.state, signpost::app::BadgeState::Closed);
    let shown = screen_text(&app, 160, 40);
    assert!(
        shown.contains("NOTE: CLOSED until 2026-11-04 20:30"),
        "{shown}"
    );
    for a in typed("island haven") {
        update(&mut app, a);
    }
    update(&mut app, Action::OpenDetail);
    let detail = screen_text(&app, 160, 40);
    assert!(detail.contains("STATUS NOTE: CLOSED until"), "{detail}");
    // 20:30 passes with no key pressed: the tick alone removes the note and opens the haven.
    update(&mut app, Action::Tick(at(2026, 11, 4, 20, 31)));
    let after = screen_text(&app, 160, 40);
    assert!(!after.contains("STATUS NOTE"), "{after}");
    update(&mut app, Action::Back);
    let r = row(&app);
    assert!(r.status_notes.is_empty());
    assert_eq!(r.badge.state, signpost::app::BadgeState::Open);
}
