//! Risk words raise a prompt, not a wall: every risk phrase in the vocabulary shows it (the
//! results still follow), ordinary words never do; the search screen at 80x24 and the CLI note.

mod common;
mod tui_support;

use signpost::config::Theme;
use signpost::model::{Directory, Role};
use signpost::search::{Query, Searcher};
use std::sync::Arc;
use tui_support::*;

fn default_directory() -> Directory {
    signpost::directory::parse(&signpost::directory::embedded()).expect("default edition")
}

fn at() -> chrono::DateTime<chrono::Utc> {
    signpost::hours::parse_local("2026-07-01 14:00").unwrap()
}

#[test]
fn every_risk_phrase_raises_the_prompt_and_still_lists_services() {
    let dir = default_directory();
    let mut s = Searcher::new(Arc::new(dir.clone()));
    let mut n = 0;
    for t in dir.vocabulary.terms.iter().filter(|t| t.risk) {
        for p in &t.phrases {
            for typed in [p.clone(), format!("caller says {p} tonight")] {
                let r = s.search(&Query::new(&typed, at()));
                let risk = r
                    .risk
                    .as_ref()
                    .unwrap_or_else(|| panic!("no prompt for '{typed}'"));
                assert!(risk.draft, "the default vocabulary is a draft");
                assert!(!r.is_empty(), "'{typed}' lists nothing");
                n += 1;
            }
        }
    }
    assert!(n >= 100, "{n}");
}

#[test]
fn ordinary_words_and_need_phrases_never_raise_it() {
    let dir = default_directory();
    let mut s = Searcher::new(Arc::new(dir.clone()));
    let ordinary = [
        "",
        "samaritans",
        "mind",
        "crisis",
        "bereavement",
        "gambling",
        "alcohol",
        "drugs",
        "portsmouth",
        "talking therapies",
        "safe haven",
        "carers",
        "lonely",
        "my husband died",
        "suicide bereavement",
        "suicide prevention",
        "self harm",
        "eating",
        "camhs",
        "999",
        "died",
        "took his own life",
        "killed himself",
        "cutting down drinking",
    ];
    for text in ordinary {
        let r = s.search(&Query::new(text, at()));
        assert!(r.risk.is_none(), "'{text}' raised {:?}", r.risk);
    }
    for t in dir.vocabulary.terms.iter().filter(|t| !t.risk) {
        for p in &t.phrases {
            let r = s.search(&Query::new(p, at()));
            assert!(
                r.risk.is_none(),
                "need phrase '{p}' ({}) raised {:?}",
                t.label,
                r.risk
            );
        }
    }
}

fn default_app() -> signpost::app::App {
    app_with(
        default_directory(),
        Role::Handler,
        Theme::Default,
        None,
        at(),
    )
}

#[test]
fn the_search_screen_shows_the_prompt_above_the_results() {
    let mut app = default_app();
    run(&mut app, typed("took too many pills"));
    let text = screen_text(&app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let banner = lines
        .iter()
        .position(|l| l.contains("Risk words: ask about danger now — F9 for 999, t for triage"))
        .unwrap_or_else(|| panic!("no prompt:\n{text}"));
    let first_group = lines
        .iter()
        .position(|l| l.contains("── Fits"))
        .expect("results follow");
    assert!(banner < first_group);
    insta::assert_snapshot!(text);
    // Gone again once the words are.
    run(&mut app, [signpost::app::Action::ClearField]);
    assert!(!screen_text(&app, 80, 24).contains("Risk words"));
}

#[test]
fn the_cli_prints_the_prompt_as_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = common::run(
        tmp.path(),
        &["search", "kill", "myself", "--at", "2026-07-01 14:00"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "Note: Risk words ('kill myself'): ask about danger now — in immediate danger call 999"
        ),
        "{out}"
    );
    assert!(out.contains("DRAFT"), "{out}");
    assert!(out.contains("samaritans"), "results still follow: {out}");
    let (_, json) = common::run(
        tmp.path(),
        &[
            "search",
            "kill",
            "myself",
            "--at",
            "2026-07-01 14:00",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json[json.find('{').unwrap()..]).unwrap();
    assert_eq!(v["risk"]["phrases"][0], "kill myself");
    let (_, plain) = common::run(
        tmp.path(),
        &["search", "samaritans", "--at", "2026-07-01 14:00"],
    );
    assert!(!plain.contains("Risk words"), "{plain}");
}
