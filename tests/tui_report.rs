//! The report screen: opened with `r`, fed this machine's tally rows by the shell, drawn as bar
//! charts on fixture tallies (80x24, 120x40, monochrome); small counts never show, on screen or
//! in a bar's length; no size can panic.

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::style::Color;
use signpost::app::{report_screen, Action, App, Context, Effect, ReportView, Screen, TallyLoad};
use signpost::model::Date;
use signpost::report::Tally;
use signpost::store::{LocalKind, MemoryStore, Store, StoreError};
use signpost::tui::keymap::action_for;
use signpost::tui::runner::{dispatch, Shell};
use signpost::tui::view::report::SUPPRESSION_NOTE;
use tui_support::*;

// ---- fixture tallies (never live data) ----

/// A tally on `day`; ids are numbered so rows are distinct.
fn tally(n: usize, day: &str, place: &str, local: bool, needs: &[&str]) -> Tally {
    Tally {
        id: format!("t{n:03}"),
        machine: "m1".into(),
        day: Date::parse(day).unwrap(),
        place: place.into(),
        age_band: "26-64".into(),
        urgency: "E".into(),
        needs: needs.iter().map(|s| s.to_string()).collect(),
        local_found: local,
        edition: "e".into(),
    }
}

/// A Tuesday in each of the eight weeks up to Wednesday 4 November 2026, and how many calls
/// each had: 0, 3, 6, 2, 5, 1, 7, 0.
const WEEK_DAYS: [(&str, usize); 8] = [
    ("2026-09-15", 0),
    ("2026-09-22", 3),
    ("2026-09-29", 6),
    ("2026-10-06", 2),
    ("2026-10-13", 5),
    ("2026-10-20", 1),
    ("2026-10-27", 7),
    ("2026-11-03", 0),
];

/// Place, whether a local service was found, needs — 24 calls in the eight weeks:
/// Isle of Wight 12 calls (8 gaps), Havant 6 (5), Portsmouth 4 (2), outside the area 2 (1);
/// needs: low mood 14, suicidal thoughts 7, bereavement 3, and 1 "gambling" (a need the
/// fixture questionnaire no longer asks).
fn calls() -> Vec<(&'static str, bool, Vec<&'static str>)> {
    let mut out = Vec::new();
    let mut add = |n: usize, place, local, needs: &[&'static str]| {
        for _ in 0..n {
            out.push((place, local, needs.to_vec()));
        }
    };
    add(8, "isle-of-wight", false, &["low-mood-anxiety"]);
    add(1, "isle-of-wight", true, &["low-mood-anxiety"]);
    add(3, "isle-of-wight", true, &["suicidal-thoughts"]);
    add(3, "havant", false, &["low-mood-anxiety"]);
    add(2, "havant", false, &["suicidal-thoughts"]);
    add(1, "havant", true, &["bereavement"]);
    add(2, "portsmouth", false, &["low-mood-anxiety"]);
    add(2, "portsmouth", true, &["bereavement"]);
    add(1, "outside-area", false, &["suicidal-thoughts", "gambling"]);
    add(1, "outside-area", true, &["suicidal-thoughts"]);
    out
}

/// The 24 calls spread over the weeks, plus 5 older rows outside the eight weeks.
fn fixture_tallies() -> Vec<Tally> {
    let days: Vec<&str> = WEEK_DAYS
        .iter()
        .flat_map(|(d, n)| std::iter::repeat(*d).take(*n))
        .collect();
    let mut out: Vec<Tally> = calls()
        .into_iter()
        .zip(days)
        .enumerate()
        .map(|(i, ((place, local, needs), day))| tally(i, day, place, local, &needs))
        .collect();
    for i in 0..5 {
        out.push(tally(
            100 + i,
            "2026-08-04",
            "havant",
            false,
            &["bereavement"],
        ));
    }
    out
}

fn loaded(tallies: Vec<Tally>) -> TallyLoad {
    TallyLoad::Read {
        tallies,
        unreadable: 0,
    }
}

/// The app on the report screen with these rows, as the shell would hand them over.
fn report_with(mut app: App, load: TallyLoad) -> App {
    let effects = run(&mut app, [Action::Back, Action::OpenReport]);
    assert_eq!(effects, vec![Effect::LoadTallies]);
    run(&mut app, [Action::TalliesLoaded(load)]);
    app
}

fn charts(app: &App) -> report_screen::Charts {
    match report_screen::view(app) {
        ReportView::Charts(c) => c,
        other => panic!("no charts: {other:?}"),
    }
}

// ---- opening and leaving ----

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[test]
fn ctrl_r_opens_the_report_and_r_is_always_typed() {
    let ctrl_r = KeyEvent {
        modifiers: KeyModifiers::CONTROL,
        ..press(KeyCode::Char('r'))
    };
    let r = press(KeyCode::Char('r'));
    for ctx in [Context::Query, Context::Results, Context::Detail] {
        assert_eq!(
            action_for(ctx, &ctrl_r),
            Some(Action::OpenReport),
            "{ctx:?}"
        );
        assert_eq!(action_for(ctx, &r), Some(Action::Type('r')), "{ctx:?}");
    }
    assert_eq!(
        action_for(Context::Report, &press(KeyCode::Esc)),
        Some(Action::Back)
    );
}

#[test]
fn esc_leaves_the_report_with_the_search_as_it_was() {
    let mut app = app();
    run(&mut app, typed("haven"));
    run(&mut app, [Action::Back, Action::OpenReport]);
    assert_eq!(
        (app.screen, app.context()),
        (Screen::Report, Context::Report)
    );
    assert_eq!(report_screen::view(&app), ReportView::Loading);
    // Keys that mean something on the search screen do nothing here.
    run(
        &mut app,
        [Action::Move(signpost::app::Step::Down), Action::Type('x')],
    );
    assert_eq!(app.query, "haven");
    run(&mut app, [Action::TalliesLoaded(loaded(fixture_tallies()))]);
    run(&mut app, [Action::Back]);
    assert_eq!(
        (app.screen, app.context()),
        (Screen::Search, Context::Results)
    );
    assert_eq!(app.query, "haven");
    assert!(app.report.is_none(), "the rows are read again next time");
}

#[test]
fn the_emergency_key_and_a_new_call_work_from_the_report() {
    let mut app = report_with(app(), loaded(fixture_tallies()));
    run(&mut app, [Action::Emergency]);
    assert_eq!(
        app.screen,
        Screen::Emergency,
        "danger can be disclosed at any moment"
    );
    let mut app = report_with(app_after_search(), loaded(fixture_tallies()));
    run(&mut app, [Action::NewCall, Action::Confirm]);
    assert_eq!((app.screen, app.query.as_str()), (Screen::Search, ""));
}

fn app_after_search() -> App {
    let mut app = app();
    run(&mut app, typed("haven"));
    app
}

#[test]
fn rows_that_arrive_after_leaving_are_not_kept() {
    let mut app = with_report_left();
    run(&mut app, [Action::TalliesLoaded(loaded(fixture_tallies()))]);
    assert!(app.report.is_none());
    assert_eq!(app.screen, Screen::Search);
}

fn with_report_left() -> App {
    let mut app = app();
    run(&mut app, [Action::Back, Action::OpenReport, Action::Back]);
    app
}

// ---- what the shell hands over ----

/// Open the report through the real shell, with `store` as the machine's store (or none, as in
/// a read-only session).
fn open_through_shell(store: Option<&mut dyn Store>) -> App {
    let mut app = app();
    let mut shell = Shell {
        store,
        clock: &wednesday_evening,
        machine: "m1".into(),
        terminal_out: None,
        editions: None,
    };
    dispatch(&mut app, Action::Back, &mut shell);
    dispatch(&mut app, Action::OpenReport, &mut shell);
    app
}

#[test]
fn the_shell_reads_this_machines_tallies_into_the_report() {
    let mut store = MemoryStore::default();
    for t in fixture_tallies() {
        store.append_local(LocalKind::Tallies, &t.encode()).unwrap();
    }
    store
        .append_local(LocalKind::Tallies, b"{\"not\":\"a tally\"}")
        .unwrap();
    let app = open_through_shell(Some(&mut store));
    let c = charts(&app);
    assert_eq!(c.calls, "24");
    assert_eq!(c.unreadable, 1, "a damaged row is left out and counted");
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("1 damaged rows left out"), "{s}");
}

#[test]
fn a_read_only_store_says_the_tallies_cannot_be_read() {
    let app = open_through_shell(None);
    assert!(matches!(report_screen::view(&app), ReportView::Failed(_)));
    let s = screen_text(&app, 80, 24);
    assert!(
        s.contains("cannot be read") && s.contains("read-only"),
        "{s}"
    );
    assert!(s.contains(SUPPRESSION_NOTE), "{s}");
}

/// A store whose local state cannot be read (damaged or locked).
struct Unreadable;

impl Store for Unreadable {
    fn current(&self) -> Result<Option<signpost::store::StoredEdition>, StoreError> {
        Ok(None)
    }
    fn history(&self) -> Result<Vec<signpost::store::EditionMeta>, StoreError> {
        Ok(Vec::new())
    }
    fn install(&mut self, _: &signpost::store::StoredEdition) -> Result<(), StoreError> {
        Err(StoreError::Corrupt("test".into()))
    }
    fn rollback(&mut self) -> Result<signpost::store::EditionMeta, StoreError> {
        Err(StoreError::NoPrevious)
    }
    fn append_local(&mut self, _: LocalKind, _: &[u8]) -> Result<(), StoreError> {
        Err(StoreError::Corrupt("test".into()))
    }
    fn read_local(&self, _: LocalKind) -> Result<Vec<Vec<u8>>, StoreError> {
        Err(StoreError::Corrupt("tallies tree damaged".into()))
    }
    fn current_parsed(
        &self,
    ) -> Result<Option<(signpost::store::EditionMeta, signpost::model::Directory)>, StoreError>
    {
        Ok(None)
    }
    fn save_parsed(
        &mut self,
        _: &signpost::store::EditionMeta,
        _: &signpost::model::Directory,
    ) -> Result<(), StoreError> {
        Err(StoreError::Corrupt("test".into()))
    }
}

#[test]
fn an_unreadable_store_is_said_so_on_the_report() {
    let mut store = Unreadable;
    let app = open_through_shell(Some(&mut store));
    match report_screen::view(&app) {
        ReportView::Failed(why) => assert!(why.contains("tallies tree damaged"), "{why}"),
        other => panic!("{other:?}"),
    }
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("the tallies cannot be read"), "{s}");
}

#[test]
fn no_tallies_says_no_calls_recorded_yet() {
    let app = report_with(app(), loaded(Vec::new()));
    assert_eq!(
        report_screen::view(&app),
        ReportView::NoCalls { unreadable: 0 }
    );
    let s = screen_text(&app, 80, 24);
    assert!(s.contains("No calls recorded on this machine yet."), "{s}");
}

#[test]
fn only_the_last_eight_weeks_are_charted() {
    let app = report_with(app(), loaded(fixture_tallies()));
    let c = charts(&app);
    assert_eq!(
        (c.first_day.to_string(), c.last_day.to_string()),
        ("2026-09-14".to_string(), "2026-11-04".to_string())
    );
    let weeks: Vec<(&str, &str)> = c
        .weeks
        .iter()
        .map(|b| (b.label.as_str(), b.shown.as_str()))
        .collect();
    assert_eq!(
        weeks,
        [
            ("14 Sep", "<5"),
            ("21 Sep", "<5"),
            ("28 Sep", "6"),
            ("5 Oct", "<5"),
            ("12 Oct", "*"),
            ("19 Oct", "<5"),
            ("26 Oct", "7"),
            ("2 Nov", "<5"),
        ]
    );
    // The five August rows are stored but neither charted nor counted.
    assert_eq!(c.calls, "24");
    let bereavement = c.needs.iter().find(|b| b.label == "Bereavement").unwrap();
    assert_eq!(bereavement.shown, "<5", "3 in these weeks, 8 with August's");
}

#[test]
fn needs_and_places_are_named_and_largest_first() {
    let c = charts(&report_with(app(), loaded(fixture_tallies())));
    let needs: Vec<(&str, &str)> = c
        .needs
        .iter()
        .map(|b| (b.label.as_str(), b.shown.as_str()))
        .collect();
    assert_eq!(
        needs,
        [
            ("Low mood or anxiety", "14"),
            ("Suicidal thoughts", "7"),
            ("Bereavement", "<5"),
            ("gambling", "<5"),
        ]
    );
    let places: Vec<(&str, &str)> = c
        .gaps_by_place
        .iter()
        .map(|b| (b.label.as_str(), b.shown.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            ("Isle of Wight", "8"),
            // Withheld: the total of gaps less the shown bars would give the small ones away.
            ("Havant", "*"),
            ("Outside the area", "<5"),
            ("Portsmouth", "<5"),
        ]
    );
}

// ---- snapshots on fixture tallies ----

#[test]
fn report_screen_on_fixture_tallies() {
    let app = report_with(app(), loaded(fixture_tallies()));
    let s = screen_text(&app, 80, 24);
    for want in [
        "Calls by need",
        "No local service found, by place",
        "Calls by week",
        "14 Sep 2026 to 4 Nov 2026",
        "24 calls",
        SUPPRESSION_NOTE,
    ] {
        assert!(s.contains(want), "{want} missing:\n{s}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn report_screen_wide() {
    let app = report_with(app(), loaded(fixture_tallies()));
    insta::assert_snapshot!(screen_text(&app, 120, 40));
}

#[test]
fn report_screen_monochrome() {
    let app = report_with(mono(), loaded(fixture_tallies()));
    let mono_text = screen_text(&app, 80, 24);
    let coloured = screen_text(
        &report_with(tui_support::app(), loaded(fixture_tallies())),
        80,
        24,
    );
    assert_eq!(
        mono_text, coloured,
        "the same words and bars without colour"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        for c in buffer(&app, w, h).content.iter() {
            assert!(c.fg == Color::Reset && c.bg == Color::Reset, "{c:?}");
        }
    }
    insta::assert_snapshot!(mono_text);
}

#[test]
fn report_screen_with_no_calls() {
    let app = report_with(app(), loaded(Vec::new()));
    insta::assert_snapshot!(screen_text(&app, 80, 24));
}

// ---- small numbers never show ----

#[test]
fn every_suppressed_bar_is_drawn_at_no_length() {
    let c = charts(&report_with(app(), loaded(fixture_tallies())));
    for b in c.needs.iter().chain(&c.gaps_by_place).chain(&c.weeks) {
        if b.suppressed {
            assert!(
                b.drawn == 0 && ["<5", "*"].contains(&b.shown.as_str()),
                "{b:?}"
            );
        } else {
            assert!(b.drawn >= 5 && b.shown == b.drawn.to_string(), "{b:?}");
        }
    }
    // On screen: a suppressed row has "<5" and no bar beside it.
    let app = report_with(app(), loaded(fixture_tallies()));
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen_text(&app, w, h);
        for label in ["Bereavement", "gambling", "Portsmouth", "Outside the area"] {
            let line = text.lines().find(|l| l.contains(label)).unwrap();
            let cell = line.split('│').find(|c| c.contains(label)).unwrap();
            assert!(cell.contains("<5"), "{cell}");
            assert!(
                !cell.contains('█'),
                "a bar beside a suppressed count: {cell}"
            );
            assert!(!cell.chars().any(|c| ('1'..='4').contains(&c)), "{cell}");
        }
    }
}

/// Re-date, re-place or re-need rows so that two suppressed counts swap; the totals stay.
fn swapped(change: impl Fn(&mut Vec<Tally>)) -> Vec<Tally> {
    let mut t = fixture_tallies();
    change(&mut t);
    t
}

#[test]
fn screens_with_different_small_counts_are_identical() {
    let base = fixture_tallies();
    let variants = [
        // Needs: bereavement 3 → 1 and gambling 1 → 3.
        swapped(|t| {
            let mut moved = 0;
            for x in t.iter_mut().filter(|x| x.day.to_string() != "2026-08-04") {
                if moved < 2 && x.needs == ["bereavement"] {
                    x.needs = vec!["gambling".into()];
                    moved += 1;
                }
            }
        }),
        // Gaps: Portsmouth 2 → 1 and outside the area 1 → 2.
        swapped(|t| {
            let p = t
                .iter()
                .position(|x| x.place == "portsmouth" && !x.local_found)
                .unwrap();
            t[p].local_found = true;
            let o = t
                .iter()
                .position(|x| x.place == "outside-area" && x.local_found)
                .unwrap();
            t[o].local_found = false;
        }),
        // Weeks: w/c 21 Sep 3 → 1 and w/c 5 Oct 2 → 4.
        swapped(|t| {
            for x in t
                .iter_mut()
                .filter(|x| x.day.to_string() == "2026-09-22")
                .take(2)
            {
                x.day = Date::parse("2026-10-06").unwrap();
            }
        }),
    ];
    let draw = |t: &[Tally], w, h| screen_text(&report_with(app(), loaded(t.to_vec())), w, h);
    for (i, v) in variants.iter().enumerate() {
        assert_ne!(&base, v, "variant {i} changes the rows");
        for (w, h) in [(80, 24), (120, 40), (60, 16)] {
            assert_eq!(
                draw(&base, w, h),
                draw(v, w, h),
                "variant {i} at {w}x{h}: a small count shows"
            );
        }
    }
}

// ---- no size can panic ----

#[test]
fn the_report_screen_draws_at_tiny_sizes() {
    let states = [
        report_with(app(), loaded(fixture_tallies())),
        report_with(mono(), loaded(fixture_tallies())),
        report_with(app(), loaded(Vec::new())),
        report_with(app(), TallyLoad::Failed("The store is read-only.".into())),
        {
            let mut a = app();
            run(&mut a, [Action::Back, Action::OpenReport]);
            a
        },
        {
            let mut a = report_with(app(), loaded(fixture_tallies()));
            run(&mut a, [Action::ToggleHelp]);
            a
        },
    ];
    for app in &states {
        draw_at_odd_sizes(app);
    }
}

#[test]
fn the_read_only_banner_stays_on_the_report_screen() {
    let read_only = app_with(
        fixture(),
        signpost::model::Role::Handler,
        signpost::config::Theme::Default,
        Some("READ-ONLY: the store is locked"),
        wednesday_evening(),
    );
    let app = report_with(read_only, loaded(fixture_tallies()));
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_text(&app, w, h);
        assert!(s.contains("READ-ONLY: the store is locked"), "{s}");
        assert!(s.contains("Calls by need"), "{s}");
    }
}
