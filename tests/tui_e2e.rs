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

/// A whole call as a handler makes it: place and age in the search, a search, triage that
/// reuses the place and age, a risk question that will not take Enter alone, the outcome with a
/// service marked as given, the summary copied, and a new call that asks first.
#[test]
fn a_full_call_in_a_real_terminal() {
    tmux_support::require("the end-to-end call");
    let bin = env!("CARGO_BIN_EXE_signpost");
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::shell("signpost-e2e-call", 100, 40);
    tmux.send_text(&format!("{bin} --data-dir '{}'", data.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the search screen", |s| {
        s.contains("Search ›") && s.contains("F1 help")
    });
    // Place and age, then a search.
    tmux.send(&["F3"]);
    tmux.send_text("Southampton");
    tmux.send(&["Enter"]);
    tmux.wait_for("the place applied", |s| s.contains("Place: Southampton"));
    tmux.send(&["F4"]);
    tmux.send_text("34");
    tmux.send(&["Enter"]);
    tmux.wait_for("the age applied", |s| s.contains("Age: 34"));
    tmux.send_text("crisis");
    tmux.wait_for("the search", |s| s.contains("Search › crisis"));
    // Triage from the search box; Enter alone on a risk question records nothing.
    tmux.send(&["C-t"]);
    tmux.wait_for("the first question", |s| s.contains("life in danger"));
    tmux.send(&["Enter"]);
    tmux.wait_for("no default answer", |s| s.contains("Choose an answer"));
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
    // The age and the place come from the search: Enter accepts each.
    let s = tmux.wait_for("the age offered", |s| s.contains("from the search filters"));
    assert!(s.contains("Age in years › 34"), "{s}");
    tmux.send(&["Enter"]);
    let s = tmux.wait_for("the place offered", |s| {
        s.contains("Where are they now") && s.contains("from the search filters")
    });
    assert!(s.contains("› Southampton"), "{s}");
    tmux.send(&["Enter"]);
    tmux.wait_for("the needs question", |s| s.contains("What would help most"));
    tmux.send_text("3");
    tmux.send(&["Enter"]);
    let mut s = String::new();
    for _ in 0..10 {
        s = tmux.screen();
        if s.contains("URGENCY:") {
            break;
        }
        tmux.send_text("2");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    if !s.contains("URGENCY:") {
        s = tmux.wait_for("the outcome", |s| s.contains("URGENCY:"));
    }
    // Top-down: the level, the next step, what to say.
    let at = |s: &str, w: &str| s.lines().position(|l| l.contains(w));
    assert!(at(&s, "URGENCY:") < at(&s, "Next step:"), "{s}");
    assert!(at(&s, "Next step:") < at(&s, "── What to say"), "{s}");
    // Select a service and mark it as given.
    tmux.send(&["Down"]);
    tmux.send(&["Down"]);
    tmux.send_text("g");
    let s = tmux.wait_for("a service marked", |s| s.contains("marked as given"));
    let marked = s
        .lines()
        .find(|l| l.contains("marked as given"))
        .and_then(|l| l.trim().split(':').next())
        .unwrap()
        .to_string();
    // The summary records it; copying says so.
    tmux.send_text("s");
    let s = tmux.wait_for("the summary", |s| s.contains("Services given:"));
    assert!(s.contains("Place: Southampton"), "{s}");
    assert!(s.contains("Risk answers:"), "{s}");
    // The risk answers come first; the services given are further down the summary.
    let want = format!("- {marked}");
    for _ in 0..6 {
        if tmux.screen().contains(&want) {
            break;
        }
        tmux.send(&["NPage"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let s = tmux.wait_for("the service given", |s| s.contains(&want));
    assert!(s.contains(&want), "{marked} given:\n{s}");
    tmux.send_text("c");
    tmux.wait_for("the copy", |s| s.contains("Summary copied"));
    // A new call asks first, then clears everything.
    tmux.send(&["F2"]);
    tmux.wait_for("the question", |s| s.contains("Start a new call?"));
    tmux.send(&["Enter"]);
    let s = tmux.wait_for("a new call", |s| s.contains("New call:"));
    assert!(s.contains("Place: any") && s.contains("Age: any"), "{s}");
    assert!(!s.contains("Search › crisis"), "{s}");
    // Nothing held now: Ctrl-Q quits at once.
    tmux.send(&["C-q"]);
    let s = tmux.wait_for("the shell again", |s| {
        s.lines().filter(|l| l.starts_with("READY$")).count() >= 2
    });
    assert!(!s.contains("F1 help"), "{s}");
    tmux_support::assert_cooked(&tmux.stty_modes());
}
