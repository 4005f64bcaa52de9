//! One broken fixture per validation rule: each message names its file, line and field.

mod common;

use signpost::directory;
use signpost::model::validate::CheckContext;
use signpost::model::{Date, Problem, Severity};

const HAVEN: &str = "services/example-island-haven.toml";

fn ctx() -> CheckContext {
    CheckContext {
        today: Date::parse("2026-11-23").unwrap(),
        stale_months: 6,
    }
}

/// Apply one edit to the haven record and return every problem `check` reports.
fn problems_after(find: &str, replace: &str) -> Vec<Problem> {
    let mut files = common::fixture_files();
    let text = files.get(HAVEN).unwrap().clone();
    assert!(text.contains(find), "fixture lacks {find:?}");
    files.insert(HAVEN.to_string(), text.replacen(find, replace, 1));
    directory::check(&files, ctx()).1
}

fn line_of(find: &str) -> usize {
    let text = common::fixture_files().get(HAVEN).unwrap().clone();
    text[..text.find(find).unwrap()].matches('\n').count() + 1
}

fn assert_error(problems: &[Problem], field: &str, line: usize, needle: &str) {
    let hit = problems
        .iter()
        .find(|p| p.severity == Severity::Error && p.field == field);
    let p = hit.unwrap_or_else(|| panic!("no error on {field}: {problems:#?}"));
    assert_eq!(p.file, HAVEN);
    assert_eq!(p.line, Some(line), "{p}");
    assert!(p.message.contains(needle), "{p} lacks {needle:?}");
}

#[test]
fn the_fixture_is_clean_of_errors() {
    let (dir, problems) = directory::check(&common::fixture_files(), ctx());
    assert!(dir.is_some());
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
}

#[test]
fn unparseable_toml() {
    let p = problems_after("open = \"18:00\"", "open = \"18:00");
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(
        (p[0].file.as_str(), p[0].line),
        (HAVEN, Some(line_of("open = \"18:00\"")))
    );
}

#[test]
fn unknown_field() {
    let p = problems_after("keywords = ", "colour = \"red\"\nkeywords = ");
    assert_error(&p, "colour", line_of("keywords = "), "unknown field");
}

#[test]
fn unknown_category() {
    let p = problems_after(
        "\"crisis\", \"mental-health\"",
        "\"crisis\", \"young-people\"",
    );
    assert_error(&p, "categories[1]", line_of("categories"), "young-people");
}

#[test]
fn unknown_place() {
    let p = problems_after("areas = [\"isle-of-wight\"]", "areas = [\"isle-of-man\"]");
    assert_error(
        &p,
        "areas[0]",
        line_of("areas = "),
        "unknown place 'isle-of-man'",
    );
}

#[test]
fn id_must_match_file_name() {
    let p = problems_after(
        "id = \"example-island-haven\"",
        "id = \"example-national-line\"",
    );
    assert_error(&p, "id", 1, "does not match the file name");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut d = common::fixture();
    let dup = d.services[0].clone();
    d.services.push(dup);
    let p = signpost::model::validate::validate(&d, ctx());
    assert!(
        p.iter()
            .any(|p| p.is_error() && p.field == "id" && p.message.contains("duplicate id")),
        "{p:#?}"
    );
}

#[test]
fn age_min_above_max() {
    let p = problems_after("min = 18", "min = 18\nmax = 16");
    assert_error(&p, "age.min", line_of("min = 18"), "above maximum");
}

#[test]
fn malformed_url() {
    let p = problems_after(
        "https://example.org/island-haven",
        "example.org/island-haven",
    );
    assert_error(&p, "sources[0].url", line_of("url = "), "not a web address");
}

#[test]
fn malformed_email() {
    let p = problems_after(
        "[hours]",
        "[[contacts]]\nkind = \"email\"\nvalue = \"help.example.org\"\n\n[hours]",
    );
    assert_error(
        &p,
        "contacts[2].value",
        line_of("[hours]") + 2,
        "not an email address",
    );
}

#[test]
fn session_of_zero_length() {
    let p = problems_after("close = \"22:00\"", "close = \"18:00\"");
    assert_error(
        &p,
        "hours.sessions[0].close",
        line_of("close = \"22:00\""),
        "zero length",
    );
}

#[test]
fn exception_with_a_bad_date() {
    let p = problems_after(
        "[[sources]]",
        "[[hours.exceptions]]\nfrom = \"2026-12-25\"\nto = \"2026-12-32\"\nclosed = true\n\n[[sources]]",
    );
    let e = p.iter().find(|p| p.is_error()).expect("an error");
    assert_eq!(e.field, "hours.exceptions[0].to", "{e}");
    assert_eq!(e.line, Some(line_of("[[sources]]") + 2), "{e}");
    assert!(e.message.contains("2026-12-32"), "{e}");
}

#[test]
fn missing_source() {
    let p = problems_after(
        "[[sources]]\nurl = \"https://example.org/island-haven\"\nseen_on = \"2026-02-01\"\n",
        "",
    );
    let e = p
        .iter()
        .find(|p| p.is_error() && p.field == "sources")
        .expect("missing source error");
    assert_eq!(e.file, HAVEN);
    assert!(e.message.contains("at least one source"));
}

#[test]
fn phone_outside_the_numbering_plan() {
    let p = problems_after("01632 960001", "0900 123 4567");
    assert_error(
        &p,
        "contacts[0].value",
        line_of("01632 960001"),
        "not a UK number",
    );
    let p = problems_after("01632 960001", "01632 9600");
    assert_error(&p, "contacts[0].value", line_of("01632 960001"), "digits");
}

#[test]
fn chargeable_numbers_and_missing_keywords_warn() {
    let p = problems_after("01632 960001", "0845 459 9405");
    assert!(
        p.iter().any(|p| p.severity == Severity::Warning
            && p.field == "contacts[0].value"
            && p.message.contains("chargeable")),
        "{p:#?}"
    );
    let mut files = common::fixture_files();
    let f = "services/example-national-line.toml";
    let t = files[f].replace("keyword = \"TALK\"\n", "");
    files.insert(f.into(), t);
    let p = directory::check(&files, ctx()).1;
    assert!(
        p.iter().any(|p| p.file == f
            && p.field == "contacts[1].keyword"
            && p.message == "keyword not confirmed"),
        "{p:#?}"
    );
}

#[test]
fn sourced_and_stale_records_warn() {
    let (_, p) = directory::check(&common::fixture_files(), ctx());
    let sourced = p
        .iter()
        .find(|p| p.file == "services/example-national-line.toml" && p.field == "verified")
        .unwrap();
    assert_eq!(sourced.message, "sourced, not verified — seen 2026-01-10");
    // The haven was verified 2026-03-01: fresh at 6 months from 2026-08-31, stale by 2026-11-23.
    let stale = p
        .iter()
        .find(|p| p.file == HAVEN && p.field == "verified.on")
        .expect("stale warning");
    assert!(stale.message.contains("stale"), "{stale}");
    let fresh = CheckContext {
        today: Date::parse("2026-08-31").unwrap(),
        stale_months: 6,
    };
    let (_, p) = directory::check(&common::fixture_files(), fresh);
    assert!(
        !p.iter()
            .any(|p| p.file == HAVEN && p.field == "verified.on"),
        "{p:#?}"
    );
}

#[test]
fn non_utf8_and_empty_files_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    signpost::directory::write_folder(&common::fixture_files(), tmp.path()).unwrap();
    std::fs::write(
        tmp.path().join("services/bad.toml"),
        [0x69, 0x64, 0xff, 0xfe],
    )
    .unwrap();
    let e = directory::read_folder(tmp.path()).unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.file == "services/bad.toml" && p.message.contains("not UTF-8")),
        "{e:#?}"
    );
    std::fs::write(tmp.path().join("services/bad.toml"), "").unwrap();
    let files = directory::read_folder(tmp.path()).unwrap();
    let p = directory::check(&files, ctx()).1;
    assert!(
        p.iter()
            .any(|p| p.file == "services/bad.toml" && p.message == "file is empty"),
        "{p:#?}"
    );
}

#[test]
fn an_unconfirmed_record_without_contacts_may_lack_a_source_but_not_with_one() {
    let mut files = common::fixture_files();
    let f = "services/example-unconfirmed-group.toml";
    let no_source = files[f].replace(
        "[[sources]]\nurl = \"https://example.org/old-article\"\n",
        "",
    );
    files.insert(f.into(), no_source.clone());
    let p = directory::check(&files, ctx()).1;
    let w = p
        .iter()
        .find(|p| p.file == f && p.field == "sources")
        .expect("a sources problem");
    assert_eq!(w.severity, Severity::Warning, "{w}");
    files.insert(
        f.into(),
        format!("{no_source}\n[[contacts]]\nkind = \"phone\"\nvalue = \"01632 960002\"\n"),
    );
    let p = directory::check(&files, ctx()).1;
    assert!(
        p.iter()
            .any(|p| p.file == f && p.field == "sources" && p.is_error()),
        "{p:#?}"
    );
}
