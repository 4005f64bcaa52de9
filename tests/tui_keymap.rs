//! The keymap is data: no two bindings collide in a context, text boxes take typed letters,
//! only presses count, and the README's key table is the keymap's own.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use signpost::app::{Action, Context, Step};
use signpost::tui::keymap::{self, action_for, Pat};
use std::collections::BTreeMap;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn key(c: char) -> KeyEvent {
    press(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Every concrete key a pattern takes; "typed text" stands for every plain character.
fn concrete(p: Pat) -> Vec<String> {
    match p {
        Pat::Key(code, mods) => vec![format!("{code:?}+{mods:?}")],
        Pat::Text => vec!["<typed text>".to_string()],
        Pat::Digits(max) => (1..=max)
            .map(|d| {
                format!(
                    "{:?}+{:?}",
                    KeyCode::Char((b'0' + d) as char),
                    KeyModifiers::NONE
                )
            })
            .collect(),
        Pat::Letters(n) => (0..n)
            .map(|i| {
                format!(
                    "{:?}+{:?}",
                    KeyCode::Char((b'a' + i) as char),
                    KeyModifiers::NONE
                )
            })
            .collect(),
    }
}

#[test]
fn no_two_bindings_collide_within_a_context() {
    for ctx in Context::ALL {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        let mut clashes = Vec::new();
        for b in keymap::for_context(ctx) {
            for p in b.keys {
                for k in concrete(*p) {
                    if let Some(prev) = seen.insert(k.clone(), b.help) {
                        clashes.push(format!("{k}: '{prev}' and '{}'", b.help));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{ctx:?}: {clashes:#?}");
    }
}

#[test]
fn text_boxes_bind_no_key_that_types_text() {
    for ctx in Context::ALL.into_iter().filter(|c| c.is_text_field()) {
        for b in keymap::for_context(ctx) {
            for p in b.keys {
                if let Pat::Key(KeyCode::Char(c), mods) = p {
                    assert!(
                        mods.contains(KeyModifiers::CONTROL),
                        "{ctx:?}: '{c}' ({}) would steal a typed character",
                        b.help
                    );
                }
                assert!(
                    !matches!(p, Pat::Digits(_)),
                    "{ctx:?}: digits are text here"
                );
            }
        }
        assert!(
            keymap::for_context(ctx).any(|b| b.keys.contains(&Pat::Text)),
            "{ctx:?} takes typed text"
        );
    }
}

#[test]
fn letters_type_in_the_search_box_and_command_outside_it() {
    for c in ['q', 't', '?', '/', 'n', 'w', 'Q', '1', ' '] {
        assert_eq!(
            action_for(Context::Query, &key(c)),
            Some(Action::Type(c)),
            "{c}"
        );
    }
    // Shift is part of a typed character.
    assert_eq!(
        action_for(
            Context::Query,
            &press(KeyCode::Char('A'), KeyModifiers::SHIFT)
        ),
        Some(Action::Type('A'))
    );
    // Outside the box but on the search screen, letters still go into the search box: typing
    // "quiet" or "nightmares" after Esc never quits or clears the call.
    for ctx in [Context::Results, Context::Detail] {
        for c in ['q', 'n', 't', '?', '/', 'p', 'a', 'c', 'o', 's', 'w', 'r'] {
            assert_eq!(
                action_for(ctx, &key(c)),
                Some(Action::Type(c)),
                "{ctx:?} {c}"
            );
        }
    }
    assert_eq!(
        action_for(
            Context::Results,
            &press(KeyCode::Char('t'), KeyModifiers::CONTROL)
        ),
        Some(Action::StartTriage),
        "Ctrl-T starts triage from the search screen"
    );
    assert_eq!(
        action_for(Context::TypedAnswer, &key('t')),
        Some(Action::Type('t')),
        "and types in the triage answer box"
    );
    assert_eq!(
        action_for(Context::Question, &key('b')),
        Some(Action::Choose(11)),
        "letters after the digits choose options 10 onwards"
    );
    for ctx in Context::ALL {
        assert_eq!(
            action_for(ctx, &press(KeyCode::F(9), KeyModifiers::NONE)),
            Some(Action::Emergency),
            "F9 from {ctx:?}"
        );
    }
    assert_eq!(
        action_for(Context::Query, &press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Back)
    );
}

#[test]
fn ctrl_q_and_ctrl_c_quit_and_new_call_works_from_every_context() {
    for ctx in Context::ALL {
        for c in ['q', 'c'] {
            assert_eq!(
                action_for(ctx, &press(KeyCode::Char(c), KeyModifiers::CONTROL)),
                Some(Action::Quit),
                "Ctrl-{c} in {ctx:?}"
            );
        }
        for k in [
            press(KeyCode::F(2), KeyModifiers::NONE),
            press(KeyCode::Char('n'), KeyModifiers::CONTROL),
        ] {
            assert_eq!(action_for(ctx, &k), Some(Action::NewCall), "{ctx:?}");
        }
        assert_eq!(
            action_for(ctx, &press(KeyCode::F(1), KeyModifiers::NONE)),
            Some(Action::ToggleHelp),
            "{ctx:?}"
        );
    }
}

#[test]
fn only_key_presses_count() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let mut k = key('q');
        k.kind = kind;
        assert_eq!(action_for(Context::Outcome, &k), None);
        let mut c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        c.kind = kind;
        assert_eq!(action_for(Context::Query, &c), None);
    }
}

#[test]
fn paired_keys_move_in_their_own_direction() {
    let k = |c| press(c, KeyModifiers::NONE);
    assert_eq!(
        action_for(Context::Query, &k(KeyCode::Up)),
        Some(Action::Move(Step::Up))
    );
    assert_eq!(
        action_for(Context::Query, &k(KeyCode::Down)),
        Some(Action::Move(Step::Down))
    );
    assert_eq!(
        action_for(Context::Results, &k(KeyCode::PageUp)),
        Some(Action::Move(Step::PageUp))
    );
    assert_eq!(
        action_for(Context::Results, &k(KeyCode::Home)),
        Some(Action::Move(Step::First))
    );
    assert_eq!(
        action_for(Context::Results, &k(KeyCode::End)),
        Some(Action::Move(Step::Last))
    );
    assert_eq!(
        action_for(Context::PlaceChoices, &key('2')),
        Some(Action::Choose(2))
    );
    assert_eq!(
        action_for(Context::ReportWrong, &key('5')),
        None,
        "only 1-4 there"
    );
}

#[test]
fn every_context_has_a_way_back_and_footer_hints() {
    for ctx in Context::ALL {
        let hints = keymap::hints(ctx);
        assert_eq!(
            hints.last().map(|h| h.1),
            Some("help"),
            "{ctx:?}: help last"
        );
        assert!(hints.iter().any(|h| h.1 == "new call"), "{ctx:?}");
        assert!(
            keymap::for_context(ctx).any(|b| b.action == signpost::app::Action::Quit
                && b.keys
                    .contains(&Pat::Key(KeyCode::Char('q'), KeyModifiers::CONTROL))),
            "{ctx:?}: Ctrl-Q (never copy) quits"
        );
        let esc = action_for(ctx, &press(KeyCode::Esc, KeyModifiers::NONE));
        assert!(esc.is_some(), "{ctx:?}: Esc does something");
    }
}

/// The key table in the README section is generated from the keymap, between these markers.
const BEGIN: &str =
    "<!-- keys:begin (generated from src/tui/keymap.rs; tests/tui_keymap.rs checks it) -->";
const END: &str = "<!-- keys:end -->";

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find(BEGIN).expect("begin marker") + BEGIN.len();
    let end = doc.find(END).expect("end marker");
    let table = doc[start..end].trim();
    let expected = keymap::markdown_table();
    assert_eq!(
        table,
        expected.trim(),
        "README.md is out of date; paste this table:\n{expected}"
    );
}
