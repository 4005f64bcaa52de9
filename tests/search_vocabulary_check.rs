//! `signpost check` on a broken vocabulary file: each problem names the file, line and field.

mod common;

use std::path::Path;

/// The default directory in a folder, with `vocabulary.toml` replaced by `vocab`.
fn folder_with(vocab: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("dir");
    let mut files = signpost::directory::embedded();
    files.insert("vocabulary.toml".into(), vocab.to_string());
    signpost::directory::write_folder(&files, &root).unwrap();
    tmp
}

fn check(tmp: &Path) -> (i32, String) {
    let data = tmp.join("data");
    let dir = tmp.join("dir");
    common::run(&data, &["check", dir.to_str().unwrap()])
}

const BROKEN: &str = "[approval]\nversion = \"test\"\n\n\
[[terms]]\nlabel = \"overdose\"\ncategories = [\"mental-health\"]\nrisk = true\nneeds = [\"no-such-need\"]\n\
phrases = [\n  \"pills\",\n  \"\",\n  \"Pill\",\n  \"my to\",\n]\n\n\
[[terms]]\nlabel = \"nothing\"\ncategories = []\nphrases = []\n";

#[test]
fn a_broken_vocabulary_names_file_line_and_field() {
    let tmp = folder_with(BROKEN);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    let file = tmp.path().join("dir").join("vocabulary.toml");
    let f = file.display().to_string();
    for (line, field, needle) in [
        (6, "terms[0].categories", "must include crisis or emergency"),
        (8, "terms[0].needs[0]", "unknown need 'no-such-need'"),
        (11, "terms[0].phrases[1]", "empty phrase"),
        (12, "terms[0].phrases[2]", "mapped twice"),
        (13, "terms[0].phrases[3]", "only little words"),
        (18, "terms[1].categories", "no categories"),
        (19, "terms[1].phrases", "an empty entry"),
    ] {
        let want = format!("error: {f}:{line}: {field}: ");
        let hit = out.lines().find(|l| l.starts_with(&want));
        let hit = hit.unwrap_or_else(|| panic!("no {want:?} in:\n{out}"));
        assert!(hit.contains(needle), "{hit} lacks {needle:?}");
    }
    assert!(
        out.contains(&format!("warning: {f}:1: approval: DRAFT")),
        "{out}"
    );
}

#[test]
fn an_unknown_category_is_a_parse_error_with_its_line() {
    let tmp = folder_with(
        "[[terms]]\nlabel = \"x\"\ncategories = [\"crisis\", \"astrology\"]\nphrases = [\"y\"]\n",
    );
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    let f = tmp
        .path()
        .join("dir")
        .join("vocabulary.toml")
        .display()
        .to_string();
    let line = out
        .lines()
        .find(|l| l.starts_with(&format!("error: {f}:3: terms[0].categories[1]")))
        .unwrap_or_else(|| panic!("no located error in:\n{out}"));
    assert!(line.contains("astrology"), "{line}");
}

#[test]
fn the_default_vocabulary_has_no_errors_and_says_it_is_a_draft() {
    let problems = {
        let files = signpost::directory::embedded();
        let dir = signpost::directory::parse(&files).unwrap();
        let needs: Vec<String> = dir.triage.needs.iter().map(|n| n.id.clone()).collect();
        signpost::search::vocabulary::check(&dir.vocabulary, &needs)
    };
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
    assert!(problems
        .iter()
        .any(|p| p.field == "approval" && p.message.starts_with("DRAFT")));
    let dir = signpost::directory::parse(&signpost::directory::embedded()).unwrap();
    let phrases: usize = dir.vocabulary.terms.iter().map(|t| t.phrases.len()).sum();
    assert!(phrases >= 300, "several hundred phrases: {phrases}");
}

#[test]
fn import_carries_the_vocabulary_into_the_edition_in_use() {
    // An approved copy of the default vocabulary: once imported, the risk note loses "DRAFT".
    // The approval signs the terms' fingerprint, as the questionnaire's does.
    let text = &signpost::directory::embedded()["vocabulary.toml"];
    let hash = signpost::directory::parse(&signpost::directory::embedded())
        .unwrap()
        .vocabulary
        .fingerprint();
    let vocab = text.replacen(
        "approved_by = \"\"",
        &format!(
            "approved_by = \"Test Approver\"\napproved_on = \"2026-11-30\"\nhash = \"{hash}\""
        ),
        1,
    );
    let tmp = folder_with(&vocab);
    let data = tmp.path().join("data");
    let dir = tmp.path().join("dir");
    let at = ["--at", "2026-07-01 14:00"];
    let (_, before) = common::run(&data, &["search", "kill", "myself", at[0], at[1]]);
    assert!(before.contains("risk phrases DRAFT"), "{before}");
    let (code, out) = common::run(&data, &["import", dir.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("vocabulary.toml"),
        "the change names the file: {out}"
    );
    let (_, after) = common::run(&data, &["search", "kill", "myself", at[0], at[1]]);
    assert!(
        after.contains("Note: Risk words ('kill myself')"),
        "{after}"
    );
    assert!(
        !after.contains("DRAFT — not clinically approved)"),
        "{after}"
    );
}
