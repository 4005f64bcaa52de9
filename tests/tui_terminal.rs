//! The real terminal (tmux): a panic in the middle of drawing a frame leaves the terminal
//! restored with a readable message, and the real program survives a resize storm.

mod common;
mod tmux_support;
mod tui_support;

use signpost::app::Action;
use signpost::tui::terminal::TerminalGuard;
use std::io::Read;
use tmux_support::Tmux;

/// Set only in the child that `a_panic_mid_frame_restores_the_terminal` starts inside tmux.
const PANIC_CHILD: &str = "SIGNPOST_TEST_PANIC_CHILD";
const PANIC_MESSAGE: &str = "injected: a panic in the middle of drawing a frame";

/// The child: enters the terminal exactly as `signpost::tui::run` does, draws the app, waits for
/// a key, then panics inside the next draw with half a frame rendered. Never run on its own:
/// ignored, and it does nothing without the variable (it would take over the terminal).
#[test]
#[ignore = "run inside tmux by a_panic_mid_frame_restores_the_terminal"]
fn panicking_frame_child() {
    if std::env::var_os(PANIC_CHILD).is_none() {
        return;
    }
    let mut app = tui_support::app();
    tui_support::run(&mut app, tui_support::typed("samaritans"));
    let mut guard = TerminalGuard::enter().expect("a terminal");
    guard
        .terminal
        .draw(|f| signpost::tui::view::render(f, &app))
        .unwrap();
    // Raw mode: one key press arrives as one byte, no Enter needed.
    let _ = std::io::stdin().read(&mut [0u8; 1]);
    tui_support::run(&mut app, [Action::Back, Action::StartTriage]);
    let _ = guard.terminal.draw(|f| {
        signpost::tui::view::render(f, &app);
        panic!("{PANIC_MESSAGE}");
    });
    unreachable!("the draw panicked");
}

#[test]
fn a_panic_mid_frame_restores_the_terminal() {
    tmux_support::require("the panic test");
    let tmux = Tmux::shell("signpost-panic", 100, 30);
    let exe = std::env::current_exe().unwrap();
    tmux.run_line(&format!(
        "env {PANIC_CHILD}=1 '{}' panicking_frame_child --exact --ignored --nocapture --test-threads=1 -q; echo \"EX\"\"IT=$?\"",
        exe.display()
    ));
    // The app's screen, in the alternate screen, in raw mode.
    tmux.wait_for("the app's screen", |s| {
        s.contains("Search › samaritans") && s.contains("116 123")
    });
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );

    tmux.send_text("x");
    let s = tmux.wait_for("the child to end", exited);
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "the alternate screen was left:\n{s}"
    );
    assert!(
        s.lines().any(|l| l.starts_with("EXIT=101")),
        "the panic ended the child (libtest's exit code for a failed test):\n{s}"
    );
    // Nothing of either frame is left: the shell's own screen is back.
    for app_text in ["Search ›", "116 123", "F1 help", "life in danger"] {
        assert!(!s.contains(app_text), "{app_text:?} left on screen:\n{s}");
    }
    // The message is one plain line starting at the left margin: printed after the terminal
    // was restored (in raw mode a new line does not return to the margin, so lines drift).
    let line = s
        .lines()
        .find(|l| l.contains("signpost: an internal error stopped the program"))
        .unwrap_or_else(|| panic!("no panic message:\n{s}"));
    assert!(
        line.starts_with("signpost: an internal error stopped the program ("),
        "{line:?}"
    );
    let joined: String = s.lines().map(str::trim_end).collect();
    assert!(joined.contains(PANIC_MESSAGE), "{s}");
    assert!(
        joined.contains("The terminal has been restored; please report this."),
        "{s}"
    );
    assert!(
        !s.contains("stack backtrace"),
        "no backtrace for the handler:\n{s}"
    );
    // What is printed next starts at the margin too: the message's own new line was written
    // with raw mode already off (in raw mode it moves down without returning to the margin).
    let lines: Vec<&str> = s.lines().collect();
    let end = lines
        .iter()
        .position(|l| l.contains("please report this."))
        .unwrap();
    let next = lines.get(end + 1).copied().unwrap_or("");
    assert!(
        !next.is_empty() && !next.starts_with(' '),
        "the line after the message: {next:?}\n{s}"
    );

    let modes = tmux.stty_modes();
    tmux_support::assert_cooked(&modes);
    println!("terminal after the panic: {modes}\nscreen after the panic:\n{s}");
}

/// The shell has printed the exit code: `EXIT=n` at the start of a line (the typed command
/// spells it `"EX""IT=`, so it cannot match itself).
fn exited(screen: &str) -> bool {
    screen.lines().any(|l| l.starts_with("EXIT="))
}

#[test]
fn the_real_program_survives_a_resize_storm() {
    tmux_support::require("the resize storm");
    let bin = env!("CARGO_BIN_EXE_signpost");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::shell("signpost-storm", 80, 24);
    tmux.run_line(&format!(
        "'{bin}' --data-dir '{}'; echo \"EX\"\"IT=$?\"",
        data.display()
    ));
    tmux.wait_for("the search screen", |s| {
        s.contains("Search ›") && s.contains("F1 help")
    });
    tmux.send_text("samar");
    tmux.wait_for("results", |s| s.contains("116 123"));

    // As fast as tmux takes them: tiny, narrow, flat, huge and ordinary sizes.
    let mut rng = common::XorShift(0xC0FFEE ^ std::process::id() as u64);
    let fixed = [
        (1, 1),
        (2, 2),
        (1, 50),
        (250, 1),
        (10, 3),
        (59, 15),
        (60, 16),
        (300, 100),
    ];
    let mut sizes: Vec<(u64, u64)> = fixed.to_vec();
    sizes.extend((0..72).map(|_| (1 + rng.next() % 250, 1 + rng.next() % 80)));
    for (w, h) in &sizes {
        let out = tmux.cmd(&[
            "resize-window",
            "-t",
            "e2e",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Back to a normal size: the program redraws there and still answers keys.
    tmux.cmd(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    assert_eq!(tmux.format("#{window_width}x#{window_height}"), "80x24");
    tmux.wait_for("a redraw at 80x24", |s| {
        s.contains("Search › samar") && s.contains("F1 help") && s.contains("116 123")
    });
    tmux.send_text("itans");
    let s = tmux.wait_for("the search to go on", |s| {
        s.contains("Search › samaritans") && s.contains("> Samaritans")
    });
    assert!(s.contains("116 123 · OPEN all hours"), "{s}");
    // Every line of the screen fits the window: nothing drawn for an earlier size is left.
    assert!(s.lines().all(|l| l.chars().count() <= 80), "{s}");
    tmux.send(&["Escape"]);
    tmux.wait_for("the results list", |s| s.contains("Ctrl-Q quit"));
    // The call holds a search: Ctrl-Q asks first, Enter quits.
    tmux.send(&["C-q"]);
    tmux.wait_for("the question", |s| s.contains("Quit Signpost?"));
    tmux.send(&["Enter"]);
    let s = tmux.wait_for("the program to quit", exited);
    assert!(
        s.lines().any(|l| l.starts_with("EXIT=0")),
        "a clean exit:\n{s}"
    );
    tmux_support::assert_cooked(&tmux.stty_modes());
    eprintln!(
        "{} resizes, then the program answered and quit",
        sizes.len()
    );
}
