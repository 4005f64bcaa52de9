//! Hazard rows kept beside the log (`docs/safety/hazards-*.md`) cannot drift from the code
//! either: every test they name must exist in the suite.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_test_named_in_the_triage_hazard_rows_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("docs/safety/hazards-triage.md")).unwrap();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let sources: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let tests_col = text
        .lines()
        .find(|l| l.starts_with("| id |"))
        .expect("a table")
        .split('|')
        .map(str::trim)
        .position(|h| h == "tests")
        .expect("a tests column");
    let mut rows = 0;
    for line in text.lines().filter(|l| l.starts_with("| HAZ-")) {
        rows += 1;
        let cell = line.split('|').map(str::trim).nth(tests_col).unwrap_or("");
        let names: Vec<&str> = cell.split('`').skip(1).step_by(2).collect();
        assert!(names.len() >= 3, "{line}");
        for n in names {
            assert!(sources.contains(&format!("fn {n}(")), "no test {n}");
        }
    }
    assert_eq!(
        rows, 3,
        "under-triage, skipped risk question, late-disclosed danger"
    );
}
