//! Shared helpers for the terminal-app tests: the fixture directory as an app at a fixed time,
//! and drawing it to a test terminal.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use signpost::app::{self, Action, App, Edition, Effect, Settings, StatusInfo};
use signpost::config::Theme;
use signpost::directory::{self, Files};
use signpost::model::{Directory, Role};
use std::path::PathBuf;

/// The mini fixture plus the terminal app's own records (`tests/fixtures/tui`).
pub fn fixture_files() -> Files {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = directory::read_folder(&root.join("mini")).expect("fixture reads");
    let extra = directory::read_folder(&root.join("tui")).expect("tui fixture reads");
    files.extend(
        extra
            .into_iter()
            .filter(|(k, _)| k.starts_with("services/")),
    );
    files
}

pub fn fixture() -> Directory {
    directory::parse(&fixture_files()).expect("the fixture parses")
}

/// Wednesday 4 November 2026, 20:00 in London (GMT): the island haven is open until 22:00,
/// the young people's line closed until Thursday 09:00.
pub fn wednesday_evening() -> DateTime<Utc> {
    at(2026, 11, 4, 20, 0)
}

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

pub fn app_with(
    dir: Directory,
    role: Role,
    theme: Theme,
    read_only: Option<&str>,
    now: DateTime<Utc>,
) -> App {
    let edition = Edition {
        id: "a1b2c3d4e5f6".into(),
        label: dir.edition.label.clone(),
        date: dir.edition.date,
        ..Edition::default()
    };
    let status = StatusInfo::new(&dir, edition, read_only.map(str::to_string));
    let settings = Settings {
        role,
        theme,
        stale_months: 6,
        own_services: Vec::new(),
        ..Settings::default()
    };
    App::new(
        dir,
        directory::safety_net::safety_net(),
        status,
        settings,
        now,
    )
}

pub fn app() -> App {
    app_with(
        fixture(),
        Role::Handler,
        Theme::Default,
        None,
        wednesday_evening(),
    )
}

pub fn clinician() -> App {
    app_with(
        fixture(),
        Role::Clinician,
        Theme::Default,
        None,
        wednesday_evening(),
    )
}

pub fn mono() -> App {
    app_with(
        fixture(),
        Role::Handler,
        Theme::Monochrome,
        None,
        wednesday_evening(),
    )
}

/// Apply actions in order, collecting every effect.
pub fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions
        .into_iter()
        .flat_map(|a| app::update(app, a))
        .collect()
}

pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| signpost::tui::view::render(f, app)).unwrap();
    t
}

pub fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    draw(app, w, h).backend().buffer().clone()
}

/// Degenerate and boundary sizes: 1x1, one row, one column, the minimum layout and its
/// neighbours, and very large.
pub const ODD_SIZES: [(u16, u16); 9] = [
    (1, 1),
    (20, 5),
    (40, 10),
    (59, 15),
    (60, 16),
    (61, 17),
    (1, 40),
    (200, 1),
    (300, 100),
];

/// Draw `app` at every odd size: a panic at any of them fails the calling test.
pub fn draw_at_odd_sizes(app: &App) {
    for (w, h) in ODD_SIZES {
        let _ = buffer(app, w, h);
    }
}

/// The screen as plain lines.
pub fn lines(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            (0..a.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    lines(&buffer(app, w, h)).join("\n")
}

/// A key press as the terminal delivers it (the runner accepts presses only).
pub fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}
