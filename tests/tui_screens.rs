//! Screens drawn to a test terminal from the fixture directory: one snapshot per state (read
//! before accepting), style assertions where style carries meaning, and no size can panic.

mod tui_support;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use signpost::app::{Action, App, Step};
use signpost::config::Theme;
use signpost::model::{Category, Role};
use tui_support::*;

fn snap(app: &App, w: u16, h: u16) -> String {
    screen_text(app, w, h)
}

fn with(mut app: App, actions: impl IntoIterator<Item = Action>) -> App {
    run(&mut app, actions);
    app
}

fn hits() -> App {
    with(app(), typed("line"))
}

// ---- snapshots at 80x24 ----

#[test]
fn empty_query() {
    insta::assert_snapshot!(snap(&app(), 80, 24));
}

#[test]
fn hits_for_a_query() {
    insta::assert_snapshot!(snap(&hits(), 80, 24));
}

#[test]
fn no_hits() {
    insta::assert_snapshot!(snap(&with(app(), typed("zebra crossing")), 80, 24));
}

#[test]
fn detail_with_every_contact_kind() {
    let mut app = with(clinician(), typed("wellbeing hub"));
    run(&mut app, [Action::OpenDetail]);
    insta::assert_snapshot!("detail_every_contact_kind_top", snap(&app, 80, 24));
    run(&mut app, [Action::Move(Step::PageDown)]);
    insta::assert_snapshot!("detail_every_contact_kind_scrolled", snap(&app, 80, 24));
    run(&mut app, [Action::Move(Step::Last)]);
    insta::assert_snapshot!("detail_every_contact_kind_end", snap(&app, 80, 24));
}

#[test]
fn detail_in_the_handler_role() {
    let mut app = with(app(), typed("wellbeing hub"));
    run(&mut app, [Action::OpenDetail]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn place_candidates() {
    let mut app = with(app(), [Action::EditPlace]);
    run(&mut app, typed("PO10"));
    run(&mut app, [Action::Confirm]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn place_did_you_mean() {
    let mut app = with(app(), [Action::EditPlace]);
    run(&mut app, typed("Portsmuth"));
    run(&mut app, [Action::Confirm]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn place_being_typed() {
    let mut app = with(app(), [Action::EditPlace]);
    run(&mut app, typed("Ryd"));
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn filters_applied() {
    let mut app = with(app(), [Action::EditPlace]);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm, Action::EditAge]);
    run(&mut app, typed("19"));
    run(&mut app, [Action::Confirm, Action::ToggleOpenNow]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn categories_picker() {
    let pos = Category::ALL
        .iter()
        .position(|c| *c == Category::Bereavement)
        .unwrap();
    let mut app = with(app(), [Action::OpenCategories]);
    run(&mut app, vec![Action::Move(Step::Down); pos]);
    run(&mut app, [Action::ToggleChecked]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn report_a_wrong_record() {
    let mut app = with(app(), typed("haven"));
    run(&mut app, [Action::ReportWrong]);
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn help() {
    insta::assert_snapshot!(snap(&with(app(), [Action::ToggleHelp]), 80, 24));
}

#[test]
fn help_in_the_results_list() {
    insta::assert_snapshot!(snap(
        &with(app(), [Action::Back, Action::ToggleHelp]),
        80,
        24
    ));
}

#[test]
fn too_small_window() {
    insta::assert_snapshot!(snap(&app(), 40, 10));
}

#[test]
fn read_only_banner() {
    let app = app_with(
        fixture(),
        Role::Handler,
        Theme::Default,
        Some("READ-ONLY: the directory store at /tmp/x is in use by another Signpost (locked). Using the last saved snapshot (edition a1b2c3d4e5f6)."),
        wednesday_evening(),
    );
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn old_edition_warning() {
    // The fixture edition is dated 2026-11-01; eight months later it is past the threshold.
    let app = app_with(
        fixture(),
        Role::Handler,
        Theme::Default,
        None,
        at(2027, 7, 5, 10, 0),
    );
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn monochrome() {
    let app = with(mono(), typed("example"));
    insta::assert_snapshot!(snap(&app, 80, 24));
}

#[test]
fn main_screen_wide() {
    let mut app = with(clinician(), typed("example"));
    run(&mut app, [Action::Move(Step::Down)]);
    insta::assert_snapshot!(snap(&app, 120, 40));
}

// ---- style carries meaning ----

fn row_of(buf: &Buffer, needle: &str) -> u16 {
    lines(buf)
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{}", lines(buf).join("\n"))) as u16
}

fn col_of(buf: &Buffer, y: u16, needle: &str) -> u16 {
    let line = &lines(buf)[y as usize];
    let byte = line.find(needle).unwrap();
    line[..byte].chars().count() as u16
}

#[test]
fn selection_is_reverse_video_and_a_marker_in_both_themes() {
    for app in [hits(), with(mono(), typed("example"))] {
        let sel = app.selected_row().unwrap().name.clone();
        let buf = buffer(&app, 80, 24);
        let y = row_of(&buf, &sel);
        assert!(lines(&buf)[y as usize].starts_with("> "), "marker");
        for x in 0..80 {
            assert!(
                buf[(x, y)].modifier.contains(Modifier::REVERSED),
                "cell {x} of the selected row"
            );
        }
        // The next row is not selected: no marker, no reverse video.
        let other = app.listing.row(app.selected + 1).unwrap().name.clone();
        let y2 = row_of(&buf, &other);
        assert!(lines(&buf)[y2 as usize].starts_with("  "));
        assert!(!buf[(2, y2)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn stale_is_a_word_and_amber_and_still_a_word_without_colour() {
    let app = with(app(), typed("island haven"));
    let buf = buffer(&app, 80, 24);
    let y = row_of(&buf, "STALE");
    let x = col_of(&buf, y, "STALE");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let app = with(mono(), typed("island haven"));
    let buf = buffer(&app, 80, 24);
    let y = row_of(&buf, "STALE");
    let x = col_of(&buf, y, "STALE");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn open_and_closed_are_words_as_well_as_colours() {
    let app = with(app(), typed("example"));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("OPEN until 22:00"), "{text}");
    assert!(text.contains("CLOSED — opens Thu 09:00"), "{text}");
    assert!(text.contains("HOURS NOT CONFIRMED"), "{text}");
    assert!(text.contains("UNCONFIRMED"), "{text}");
}

#[test]
fn matched_characters_are_underlined_bold() {
    let app = with(mono(), typed("haven"));
    let buf = buffer(&app, 80, 24);
    let y = row_of(&buf, "Example Island Safe Haven");
    let x = col_of(&buf, y, "Haven");
    for i in 0..5 {
        let m = buf[(x + i, y)].modifier;
        assert!(
            m.contains(Modifier::UNDERLINED | Modifier::BOLD),
            "char {i}: {m:?}"
        );
    }
    let before = buf[(x - 2, y)].modifier;
    assert!(
        !before.contains(Modifier::UNDERLINED),
        "only the matched characters"
    );
}

#[test]
fn today_is_reverse_video_and_marked_in_the_week() {
    let mut app = with(mono(), typed("young people"));
    run(&mut app, [Action::OpenDetail, Action::Move(Step::PageDown)]);
    let buf = buffer(&app, 80, 24);
    let y = row_of(&buf, "(today)");
    assert!(
        lines(&buf)[y as usize].starts_with("> Wed"),
        "{}",
        lines(&buf)[y as usize]
    );
    assert!(lines(&buf)[y as usize].contains("(today)"));
    assert!(buf[(4, y)].modifier.contains(Modifier::REVERSED));
    let tue = row_of(&buf, "Tue");
    assert!(!buf[(4, tue)].modifier.contains(Modifier::REVERSED));
}

fn assert_no_colour(buf: &Buffer, what: &str) {
    for (i, c) in buf.content.iter().enumerate() {
        assert!(
            c.fg == Color::Reset && c.bg == Color::Reset,
            "{what}: cell {i} has colour {:?}/{:?}",
            c.fg,
            c.bg
        );
    }
}

#[test]
fn monochrome_uses_no_colour_anywhere() {
    let read_only = app_with(
        fixture(),
        Role::Clinician,
        Theme::Monochrome,
        Some("READ-ONLY: locked."),
        at(2027, 7, 5, 10, 0),
    );
    let states: Vec<(&str, App)> = vec![
        ("hits", with(mono(), typed("example"))),
        ("stale row", with(mono(), typed("haven"))),
        ("detail", with(mono(), [Action::OpenDetail])),
        ("help", with(mono(), [Action::ToggleHelp])),
        ("categories", with(mono(), [Action::OpenCategories])),
        ("no hits", with(mono(), typed("zebra crossing"))),
        (
            "warning",
            with(mono(), [Action::EditAge, Action::Type('x')]),
        ),
        ("banners", read_only),
    ];
    for (what, app) in states {
        assert_no_colour(&buffer(&app, 80, 24), what);
        assert_no_colour(&buffer(&app, 120, 40), what);
    }
}

#[test]
fn the_default_theme_does_use_colour() {
    let buf = buffer(&hits(), 80, 24);
    assert!(
        buf.content.iter().any(|c| c.fg != Color::Reset),
        "a test that can fail"
    );
}

// ---- critical text is never hidden ----

#[test]
fn long_names_and_numbers_wrap_and_are_never_cut() {
    let mut dir = fixture();
    let s = dir
        .services
        .iter_mut()
        .find(|s| s.id == "example-national-line")
        .unwrap();
    s.name = "Example National Listening Line for Anyone Anywhere at Any Hour of the Day or Night"
        .into();
    s.organisation =
        "Example Trust for Very Long Organisation Names and Their Many Subsidiaries".into();
    let name = s.name.clone();
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let mut app = app_with(
            dir.clone(),
            Role::Handler,
            Theme::Default,
            None,
            wednesday_evening(),
        );
        run(&mut app, typed("listening"));
        let text = screen_text(&app, w, h);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in name.split_whitespace() {
            assert!(flat.contains(word), "{w}x{h}: '{word}' lost:\n{text}");
        }
        assert!(
            text.lines().any(|l| l.contains("0808 157 0000")),
            "{w}x{h}: the number is whole on one line:\n{text}"
        );
        // Detail too.
        run(&mut app, [Action::OpenDetail]);
        let text = screen_text(&app, w, h);
        assert!(
            text.lines().any(|l| l.contains("0808 157 0000")),
            "{w}x{h} detail:\n{text}"
        );
    }
}

#[test]
fn rows_are_shown_whole_or_not_at_all() {
    // Every listed row on screen shows its number line: no row is cut after its name.
    let app = with(app(), [Action::Move(Step::Down), Action::Move(Step::Down)]);
    for h in 16..30 {
        let text = screen_text(&app, 60, h);
        for r in app.listing.rows() {
            if text.contains(&r.name) {
                let number = r
                    .number
                    .clone()
                    .unwrap_or_else(|| "number not confirmed".into());
                assert!(
                    text.contains(&number),
                    "height {h}: {} without {number}:\n{text}",
                    r.name
                );
            }
        }
    }
}

#[test]
fn new_call_leaves_nothing_of_the_last_caller_on_screen() {
    let fresh = app();
    let mut app = app();
    run(&mut app, typed("island haven"));
    run(&mut app, [Action::EditPlace]);
    run(&mut app, typed("Ryde"));
    run(&mut app, [Action::Confirm, Action::EditAge]);
    run(&mut app, typed("19"));
    run(
        &mut app,
        [
            Action::Confirm,
            Action::OpenDetail,
            Action::NewCall,
            Action::Confirm,
        ],
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let after = lines(&buffer(&app, w, h));
        let before = lines(&buffer(&fresh, w, h));
        // Only the message line differs: it says a new call started.
        let diff: Vec<_> = after.iter().zip(&before).filter(|(a, b)| a != b).collect();
        assert_eq!(diff.len(), 1, "{w}x{h}: {diff:#?}");
        assert!(diff[0].0.contains("New call"), "{:?}", diff[0]);
        let text = after.join("\n");
        for trace in ["island haven", "Ryde", "Isle of Wight", "Age: 19"] {
            assert!(!text.contains(trace), "{trace} left on screen:\n{text}");
        }
    }
}

// ---- no size can panic ----

#[test]
fn every_screen_draws_at_tiny_sizes() {
    let read_only = app_with(
        fixture(),
        Role::Clinician,
        Theme::Default,
        Some("READ-ONLY: x"),
        at(2027, 7, 5, 10, 0),
    );
    let mut place = with(app(), [Action::EditPlace]);
    run(&mut place, typed("PO10"));
    run(&mut place, [Action::Confirm]);
    let states: Vec<App> = vec![
        app(),
        hits(),
        with(app(), typed("zebra crossing")),
        with(clinician(), [Action::OpenDetail]),
        with(app(), [Action::ToggleHelp]),
        with(app(), [Action::OpenCategories]),
        with(app(), [Action::ReportWrong]),
        with(app(), [Action::EditAge]),
        place,
        read_only,
    ];
    for app in &states {
        draw_at_odd_sizes(app);
    }
}

// ---- the README's screen capture is this snapshot ----

#[test]
fn the_readme_screen_capture_is_the_main_screen() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let begin = "<!-- screen:begin (80x24, from tests/tui_screens.rs) -->\n```text\n";
    let start = doc.find(begin).expect("begin marker") + begin.len();
    let end = start
        + doc[start..]
            .find("```\n<!-- screen:end -->")
            .expect("end marker");
    let shown: Vec<&str> = doc[start..end].lines().collect();
    let screen = snap(&app(), 80, 24);
    let expected: Vec<&str> = screen.lines().map(str::trim_end).collect();
    assert_eq!(
        shown,
        expected,
        "paste the screen:\n{}",
        expected.join("\n")
    );
}
