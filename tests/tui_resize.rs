//! Resize storms on every screen and overlay: one terminal is resized through many random and
//! degenerate sizes (0x0, 1x1, one row, one column, odd sizes) and redrawn each time; nothing
//! panics and every frame equals a fresh draw at that size, so no cell of an earlier size is
//! left behind.

mod common;
mod tui_support;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use signpost::app::{Action, App, Context, TallyLoad};
use signpost::config::Theme;
use signpost::model::{Date, Role};
use signpost::report::Tally;
use tui_support::*;

fn with(mut app: App, actions: impl IntoIterator<Item = Action>) -> App {
    run(&mut app, actions);
    app
}

fn triage(app: App) -> App {
    with(app, [Action::Back, Action::StartTriage])
}

/// Through the risk questions to the age question.
fn at_age(app: App) -> App {
    with(triage(app), [Action::Choose(2), Action::Choose(1)])
}

fn outcome(app: App) -> App {
    let mut app = at_age(app);
    run(&mut app, typed("34"));
    run(&mut app, [Action::Confirm]);
    run(&mut app, typed("Ryde"));
    run(
        &mut app,
        [Action::Confirm, Action::Choose(1), Action::Confirm],
    );
    app
}

/// One state per screen and overlay, named; between them they reach every key context.
/// The report screen with some calls charted: long bars, short ones and "<5" rows.
fn report(app: App) -> App {
    let tallies = (0..30)
        .map(|i| Tally {
            id: format!("t{i}"),
            machine: "m1".into(),
            day: Date::parse(["2026-10-27", "2026-11-03"][i % 2]).unwrap(),
            place: ["havant", "isle-of-wight", "portsmouth"][i % 3].into(),
            age_band: "26-64".into(),
            urgency: "E".into(),
            needs: vec![["low-mood-anxiety", "bereavement"][i % 2].into()],
            local_found: i % 4 == 0,
            edition: "e".into(),
        })
        .collect();
    with(
        app,
        [
            Action::Back,
            Action::OpenReport,
            Action::TalliesLoaded(TallyLoad::Read {
                tallies,
                unreadable: 0,
            }),
        ],
    )
}

fn every_screen() -> Vec<(&'static str, App)> {
    let mut place_choices = with(app(), [Action::EditPlace]);
    run(&mut place_choices, typed("PO10"));
    run(&mut place_choices, [Action::Confirm]);
    let mut triage_place = at_age(app());
    run(&mut triage_place, typed("34"));
    run(&mut triage_place, [Action::Confirm]);
    run(&mut triage_place, typed("PO10"));
    run(&mut triage_place, [Action::Confirm]);
    vec![
        ("search, empty", app()),
        ("search, hits", with(app(), typed("line"))),
        ("search, no hits", with(app(), typed("zebra crossing"))),
        ("results list", with(app(), [Action::Back])),
        (
            "detail",
            with(
                with(clinician(), typed("wellbeing hub")),
                [Action::OpenDetail],
            ),
        ),
        ("place typed", with(app(), [Action::EditPlace])),
        ("age typed", with(app(), [Action::EditAge])),
        ("categories picker", with(app(), [Action::OpenCategories])),
        ("place choices", place_choices),
        (
            "report wrong",
            with(with(app(), typed("haven")), [Action::ReportWrong]),
        ),
        ("help", with(app(), [Action::ToggleHelp])),
        (
            "help in the results",
            with(app(), [Action::Back, Action::ToggleHelp]),
        ),
        ("triage question", triage(app())),
        ("triage age", at_age(app())),
        ("triage place choices", triage_place),
        (
            "emergency",
            with(triage(app()), [Action::Choose(2), Action::Emergency]),
        ),
        ("outcome, handler", outcome(app())),
        ("outcome, clinician", outcome(clinician())),
        (
            "override picker",
            with(outcome(clinician()), [Action::Override]),
        ),
        ("summary", with(outcome(app()), [Action::ShowSummary])),
        ("quit: are you sure?", with(outcome(app()), [Action::Quit])),
        ("report charts", report(app())),
        ("report, no calls", {
            let mut a = with(app(), [Action::Back, Action::OpenReport]);
            run(
                &mut a,
                [Action::TalliesLoaded(TallyLoad::Read {
                    tallies: Vec::new(),
                    unreadable: 0,
                })],
            );
            a
        }),
        (
            "read-only, monochrome",
            app_with(
                fixture(),
                Role::Clinician,
                Theme::Monochrome,
                Some("READ-ONLY: the store is locked"),
                wednesday_evening(),
            ),
        ),
    ]
}

/// Resizes per screen: each is drawn twice (storm and fresh), so this sets the test's time.
const RESIZES: usize = 40;

/// The degenerate sizes, each visited more than once, between random ones: mostly around the
/// app's minimum (60x16), some up to 300x120.
fn storm(seed: u64, len: usize) -> Vec<(u16, u16)> {
    const EDGES: [(u16, u16); 14] = [
        (0, 0),
        (1, 1),
        (0, 24),
        (80, 0),
        (1, 40),
        (200, 1),
        (2, 3),
        (59, 15),
        (60, 16),
        (61, 17),
        (79, 23),
        (81, 25),
        (33, 7),
        (300, 120),
    ];
    let mut rng = common::XorShift(seed);
    (0..len)
        .map(|i| {
            if i % 3 == 0 {
                EDGES[(rng.next() % EDGES.len() as u64) as usize]
            } else if i % 3 == 1 {
                (40 + (rng.next() % 60) as u16, 10 + (rng.next() % 20) as u16)
            } else {
                ((rng.next() % 301) as u16, (rng.next() % 121) as u16)
            }
        })
        .collect()
}

#[test]
fn every_screen_survives_a_resize_storm_and_redraws_exactly() {
    let screens = every_screen();
    // Every key context is reached, so no screen or overlay is left out of the storm.
    let reached: Vec<Context> = screens.iter().map(|(_, a)| a.context()).collect();
    let missing: Vec<&Context> = Context::ALL
        .iter()
        .filter(|c| !reached.contains(c))
        .collect();
    assert!(missing.is_empty(), "no state reaches {missing:?}");

    let mut sizes_tried = std::collections::BTreeSet::new();
    for (i, (name, app)) in screens.iter().enumerate() {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| signpost::tui::view::render(f, app)).unwrap();
        for (step, (w, h)) in storm(0x5EED + i as u64, RESIZES).into_iter().enumerate() {
            sizes_tried.insert((w, h));
            t.backend_mut().resize(w, h);
            t.draw(|f| signpost::tui::view::render(f, app))
                .unwrap_or_else(|e| panic!("{name}, step {step}, {w}x{h}: {e}"));
            let fresh = buffer(app, w, h);
            assert_eq!(
                t.backend().buffer(),
                &fresh,
                "{name}, step {step}: the frame at {w}x{h} differs from a fresh draw"
            );
        }
    }
    eprintln!(
        "{} screens through {RESIZES} resizes each; {} distinct sizes",
        screens.len(),
        sizes_tried.len()
    );
    assert!(sizes_tried.contains(&(0, 0)) && sizes_tried.contains(&(1, 1)));
}
