//! The hazard log cannot drift from the code: every test it names must exist in the suite.

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

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_test_named_in_the_hazard_log_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let log = std::fs::read_to_string(root.join("docs/safety/hazard-log.md")).unwrap();
    let mut sources = String::new();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    for f in files {
        sources.push_str(&std::fs::read_to_string(f).unwrap());
    }
    let header: Vec<&str> = log
        .lines()
        .find(|l| l.starts_with("| id |"))
        .expect("the log has a table")
        .split('|')
        .map(str::trim)
        .collect();
    let tests_col = header
        .iter()
        .position(|h| *h == "tests")
        .expect("a tests column");
    let mut rows = 0;
    let mut missing = Vec::new();
    for line in log.lines().filter(|l| l.starts_with("| HAZ-")) {
        rows += 1;
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let id = cells[1];
        let names = backticked(cells.get(tests_col).copied().unwrap_or(""));
        assert!(!names.is_empty(), "{id} names no test");
        for n in names {
            if !sources.contains(&format!("fn {n}(")) {
                missing.push(format!("{id}: {n}"));
            }
        }
    }
    assert!(rows >= 7, "the log has {rows} hazards");
    assert!(
        missing.is_empty(),
        "tests named in the hazard log but not found: {missing:#?}"
    );
}
