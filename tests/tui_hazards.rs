//! The terminal app's hazard rows (docs/safety/hazards-tui.md, to be merged into the hazard log)
//! name only tests that exist, and each row names at least one.

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
fn every_test_named_in_the_tui_hazard_rows_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = std::fs::read_to_string(root.join("docs/safety/hazards-tui.md")).unwrap();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let sources: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let header: Vec<&str> = rows
        .lines()
        .find(|l| l.starts_with("| id |"))
        .unwrap()
        .split('|')
        .map(str::trim)
        .collect();
    let col = header.iter().position(|h| *h == "tests").unwrap();
    let mut n = 0;
    for line in rows.lines().filter(|l| l.starts_with("| HAZ-")) {
        n += 1;
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let names: Vec<&str> = cells[col].split('`').skip(1).step_by(2).collect();
        assert!(!names.is_empty(), "{} names no test", cells[1]);
        for name in names {
            assert!(
                sources.contains(&format!("fn {name}(")),
                "{}: no test {name}",
                cells[1]
            );
        }
    }
    assert!(
        n >= 3,
        "hidden text, colour-only meaning, last caller's details"
    );
}
