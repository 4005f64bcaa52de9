//! Text from outside never reaches a terminal raw: escape sequences, control characters and
//! bidi overrides put in every text field of a feed, and of a directory file, come out of no
//! CLI command.

mod common;

use common::{run, signpost, text};
use serde_json::{json, Value};
use std::path::Path;

/// Clear screen, an OSC 52 clipboard write, an OSC 8 link, a C1 CSI, a right-to-left override,
/// a carriage return, a backspace and a NUL: each able to mislead or drive a terminal.
const HOSTILE: &str = "\u{1b}[2J\u{1b}[H\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]8;;https://x.invalid\u{1b}\\\u{9b}31m\u{202e}\r\u{8}\u{0}\u{1b}c";

/// Every string in `v` wrapped in the hostile payload (keys too, where a finding names them).
fn poison(v: &mut Value) {
    match v {
        Value::String(s) => *s = format!("{HOSTILE}{s}{HOSTILE}\n{HOSTILE}"),
        Value::Array(a) => a.iter_mut().for_each(poison),
        Value::Object(o) => o.values_mut().for_each(poison),
        _ => {}
    }
}

/// What a terminal must never be sent: bytes below 0x20 other than a newline, DEL, C1 controls
/// (including the one-character CSI and OSC), and bidi controls.
fn assert_clean(what: &str, out: &str) {
    for (i, c) in out.char_indices() {
        let bad = (c < ' ' && c != '\n')
            || c == '\u{7f}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(
            !bad,
            "{what}: {c:?} at byte {i} in:\n{}",
            &out[i.saturating_sub(80)..(i + 40).min(out.len())]
        );
    }
    for seq in ["[2J", "]52;", "]8;;", "ZXZpbA=="] {
        assert!(
            !out.contains(seq),
            "{what}: the remains of {seq:?} in:\n{out}"
        );
    }
}

fn full_service() -> Value {
    json!({
        "id": "1", "name": "Example Listening Cafe", "alternate_name": "Cafe",
        "status": "active", "url": "https://example.org/cafe", "email": "cafe@example.org",
        "description": "<p>A fictional drop-in cafe.</p><p>Tea &amp; talk.</p>",
        "application_process": "Just turn up.", "fees_description": "Free",
        "eligibility_description": "Adults", "interpretation_services": "On request",
        "alert": "Closed on the first Monday", "assured_date": "2026-10-01",
        "minimum_age": 18, "maximum_age": 99,
        "organization": { "name": "Example Trust" },
        "phones": [
            { "number": "01632 960201", "description": "Main line" },
            { "number": "not a number", "description": "Broken" }
        ],
        "contacts": [{ "title": "Coordinator", "email": "coord@example.org",
                       "phones": [{ "number": "07700 900201" }] }],
        "languages": [{ "name": "English" }, "Polish"],
        "service_areas": [{ "name": "Portsmouth" }, { "name": "Atlantis" }],
        "attributes": [
            { "taxonomy_term": { "name": "Mental health" } },
            { "taxonomy_term": { "name": "Knitting", "taxonomy": "hobbies" } }
        ],
        "schedules": [{ "freq": "WEEKLY", "byday": "MO,TU", "opens_at": "09:00", "closes_at": "17:00",
                        "description": "Weekdays", "notes": "Ring first" },
                      { "freq": "MONTHLY", "byday": "1MO", "opens_at": "09:00", "closes_at": "12:00" }],
        "service_at_locations": [{ "location": { "name": "Town hall",
            "addresses": [{ "address_1": "1 Example Street", "city": "Portsmouth",
                            "postal_code": "PO1 2AB", "country": "GB" }] } }]
    })
}

fn outputs_are_clean(data: &Path, id: &str, search: &str) {
    for args in [
        vec!["list"],
        vec!["show", id],
        vec!["show", id, "--format", "json"],
        vec!["search", search],
        vec!["search", search, "--format", "json"],
        vec!["export", "--format", "hsds-json", "-"],
    ] {
        let o = signpost(data, &args);
        assert!(o.status.success(), "{args:?}: {}", text(&o));
        assert_clean(&format!("{args:?}"), &text(&o));
    }
    // CSV ends its rows with CR LF, as RFC 4180 says; nothing else below 0x20 may appear.
    let o = signpost(data, &["export", "--format", "csv", "-"]);
    assert!(o.status.success(), "{}", text(&o));
    assert_clean("csv", &text(&o).replace("\r\n", "\n"));
}

#[test]
fn no_escape_sequence_or_control_character_in_a_feed_reaches_any_cli_output() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let feed = tmp.path().join("hostile.json");
    let mut svc = full_service();
    poison(&mut svc);
    std::fs::write(&feed, json!({ "contents": [svc] }).to_string()).unwrap();
    let o = signpost(
        &data,
        &[
            "import",
            feed.to_str().unwrap(),
            "--feed",
            "hostile",
            "--yes",
        ],
    );
    let report = text(&o);
    assert!(o.status.success(), "{report}");
    assert_clean("the import report", &report);
    // The record imported, its text cleaned rather than refused...
    assert!(report.contains("1 can be imported"), "{report}");
    // ...and the values the report names are quoted clean.
    assert!(report.contains("'Atlantis' is not a place"), "{report}");
    assert!(report.contains("'not a number'"), "{report}");
    outputs_are_clean(&data, "hostile-1", "listening");
    let (_, shown) = run(&data, &["show", "hostile-1"]);
    assert!(
        shown.contains("Example Listening Cafe  [hostile-1]"),
        "{shown}"
    );
    assert!(shown.contains("Tea & talk."), "{shown}");
    assert!(shown.contains("Main line: 01632 960201"), "{shown}");
}

#[test]
fn no_escape_sequence_or_control_character_in_a_directory_file_reaches_any_cli_output() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    let mut files = common::fixture_files();
    // TOML's own escapes put the raw bytes into the parsed text.
    let toml_hostile = "\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007\\u202e\\r\\u0008";
    let f = files
        .get_mut("services/example-island-haven.toml")
        .expect("fixture service");
    let mut edited = String::new();
    for line in f.lines() {
        let quoted = [
            "name = \"",
            "description = \"",
            "label = \"",
            "wording = \"",
        ]
        .iter()
        .any(|k| line.starts_with(k));
        if quoted && line.ends_with('"') && !line.contains("\"\"\"") {
            let (head, rest) = line.split_once('"').unwrap();
            let body = rest.strip_suffix('"').unwrap();
            edited.push_str(&format!("{head}\"{toml_hostile}{body}{toml_hostile}\"\n"));
        } else {
            edited.push_str(line);
            edited.push('\n');
        }
    }
    assert!(edited.contains("ZXZpbA=="), "the fixture was edited");
    *f = edited;
    // A place's name is shown in every area list.
    let places = files.get_mut("places.toml").expect("fixture places");
    *places = places.replacen(
        "name = \"Isle of Wight\"",
        &format!("name = \"{toml_hostile}Isle of Wight{toml_hostile}\""),
        1,
    );
    assert!(places.contains("ZXZpbA=="), "the places were edited");
    signpost::directory::write_folder(&files, &ed).unwrap();
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    assert!(o.status.success(), "{}", text(&o));
    assert_clean("the native import", &text(&o));
    outputs_are_clean(&data, "example-island-haven", "haven");
}
