//! End to end: the real binary in a real terminal (tmux) — type, see a number, start a new call,
//! quit, and find the terminal back out of raw mode with a working shell.

mod tmux_support;

use std::path::Path;
use tmux_support::Tmux;

#[test]
fn search_new_call_and_quit_in_a_real_terminal() {
    tmux_support::require("the end-to-end terminal test");
    let bin = env!("CARGO_BIN_EXE_signpost");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A plain shell with a known prompt, so we can see it come back.
    let tmux = Tmux::shell("signpost-e2e", 80, 24);
    assert!(Path::new(bin).exists());
    tmux.send_text(&format!("{bin} --data-dir '{}'", data.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the search screen", |s| {
        s.contains("Search ›") && s.contains("F1 help")
    });

    // The cursor starts in the search box: typing searches at once.
    tmux.send_text("samaritans");
    let s = tmux.wait_for("Samaritans' number", |s| {
        s.contains("Search › samaritans") && s.contains("> Samaritans") && s.contains("116 123")
    });
    assert!(s.contains("116 123 · OPEN all hours"), "{s}");

    // A new call (F2) asks first while the call holds a search, then clears it and says so.
    tmux.send(&["F2"]);
    tmux.wait_for("the question", |s| s.contains("Start a new call?"));
    tmux.send(&["Enter"]);
    let s = tmux.wait_for("a cleared screen", |s| s.contains("New call:"));
    assert!(
        !s.contains("Search › samaritans"),
        "the query is gone:\n{s}"
    );
    assert!(s.contains("type a service"), "{s}");

    // Ctrl-N starts a new call too, from the results list; then Esc and Ctrl-Q quit.
    tmux.send_text("samar");
    tmux.wait_for("typing again", |s| s.contains("Search › samar"));
    // (Esc then a letter within a few milliseconds reads as Alt+letter: wait for the footer.)
    tmux.send(&["Escape"]);
    tmux.wait_for("the results list", |s| s.contains("Ctrl-Q quit"));
    tmux.send(&["C-n"]);
    tmux.wait_for("the question before clearing", |s| {
        s.contains("Start a new call?")
    });
    tmux.send(&["Enter"]);
    tmux.wait_for("cleared by Ctrl-N", |s| s.contains("type a service"));
    tmux.send(&["Escape"]);
    tmux.wait_for("the results list", |s| s.contains("Ctrl-Q quit"));
    tmux.send(&["C-q"]);
    tmux.wait_for("the shell again", |s| {
        s.lines().filter(|l| l.starts_with("READY$")).count() >= 2
    });

    // Nothing of the app is left on the screen (the alternate screen was left).
    let s = tmux.screen();
    assert!(!s.contains("F1 help"), "{s}");
    // The terminal is back in cooked mode with echo: the shell reads a line as typed.
    let modes = tmux.stty_modes();
    tmux_support::assert_cooked(&modes);
    println!("terminal after quitting: {modes}");
}

#[test]
fn triage_to_an_outcome_and_the_summary_in_a_real_terminal() {
    tmux_support::require("the end-to-end triage test");
    let bin = env!("CARGO_BIN_EXE_signpost");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::shell("signpost-e2e-triage", 80, 70);
    tmux.send_text(&format!("{bin} --data-dir '{}'", data.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the search screen", |s| {
        s.contains("Search ›") && s.contains("F1 help")
    });
    tmux.send(&["C-t"]);
    tmux.wait_for("the first question", |s| {
        s.contains("Immediate danger to life: call 999") && s.contains("life in danger")
    });
    // No danger, no harm to self or others, not hurt, the caller themselves.
    for (key, next) in [
        ("2", "thoughts of ending"),
        ("1", "hurting someone else"),
        ("1", "physically hurt"),
        ("1", "Who is the call about"),
        ("1", "How old are they"),
    ] {
        tmux.send_text(key);
        tmux.wait_for(next, |s| s.contains(next));
    }
    tmux.send_text("34");
    tmux.send(&["Enter"]);
    tmux.wait_for("the place question", |s| s.contains("Where are they now"));
    tmux.send_text("Southampton");
    tmux.send(&["Enter"]);
    tmux.wait_for("the needs question", |s| s.contains("What would help most"));
    tmux.send_text("1");
    tmux.send(&["Enter"]);
    // The rest: "no" is the second option of each remaining question.
    let mut s = String::new();
    for _ in 0..8 {
        s = tmux.screen();
        if s.contains("URGENCY:") {
            break;
        }
        tmux.send_text("2");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let s = if s.contains("URGENCY:") {
        s
    } else {
        tmux.wait_for("the outcome", |s| s.contains("URGENCY:"))
    };
    assert!(s.contains("Signpost › Outcome"), "{s}");
    tmux.send_text("s");
    let s = tmux.wait_for("the summary", |s| s.contains("Signpost call summary"));
    assert!(s.contains("Place: Southampton"), "{s}");
    assert!(s.contains("Samaritans"), "a known service: {s}");
    tmux.send_text("q");
    tmux.wait_for("the question", |s| s.contains("Quit Signpost?"));
    tmux.send(&["Enter"]);
    let s = tmux.wait_for("the shell again", |s| {
        s.lines().filter(|l| l.starts_with("READY$")).count() >= 2
    });
    assert!(!s.contains("F1 help"), "{s}");
}
