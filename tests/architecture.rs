//! The layers of ARCHITECTURE.md, enforced: a module may only use the modules beneath it, and
//! only one module each may touch the terminal, sled or the fuzzy matcher.

use std::path::{Path, PathBuf};

/// Module → the crate modules it may use. Anything not listed is forbidden.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("hours", &["model"]),
    ("places", &["model"]),
    ("search", &["model", "hours", "places"]),
    ("triage", &["model", "hours", "places", "search"]),
    ("directory", &["model", "places"]),
    ("store", &["model", "directory"]),
    ("session", &["model", "directory", "store"]),
    ("config", &["model", "directory"]),
    ("report", &["model", "store"]),
    ("round", &["model", "directory", "store"]),
    (
        "app",
        &[
            "model", "hours", "places", "search", "triage", "config", "report",
        ],
    ),
    (
        "tui",
        &[
            "model",
            "hours",
            "places",
            "search",
            "triage",
            "config",
            "report",
            "app",
            "store",
            "session",
            "directory",
            "round",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "hours",
            "places",
            "search",
            "triage",
            "config",
            "report",
            "directory",
            "store",
            "session",
            "app",
            "tui",
            "round",
        ],
    ),
];

/// External crates only one module may import.
const EXCLUSIVE: &[(&str, &str)] = &[
    ("ratatui", "tui"),
    ("crossterm", "tui"),
    ("sled", "store"),
    ("fuzzy_matcher", "search"),
];

const FORBIDDEN_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "tokio",
    "std::net",
    "std::process::Command",
];

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

fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let m = first.trim_end_matches(".rs");
    (m != "lib" && m != "main").then(|| m.to_string())
}

/// Code lines only: doc comments and comments may name anything.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn modules_use_only_the_layers_beneath_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    for f in &files {
        let Some(m) = module_of(&src, f) else {
            continue;
        };
        let allowed = ALLOWED
            .iter()
            .find(|(name, _)| *name == m)
            .unwrap_or_else(|| {
                panic!("module {m} is not in the layer table of tests/architecture.rs")
            })
            .1;
        let text = code(&std::fs::read_to_string(f).unwrap());
        for (other, _) in ALLOWED {
            if *other == m || allowed.contains(other) {
                continue;
            }
            for pat in [
                format!("crate::{other}::"),
                format!("crate::{other};"),
                format!("crate::{{{other}"),
            ] {
                if text.contains(&pat) {
                    broken.push(format!("{} uses {other}", f.display()));
                }
            }
        }
        for (krate, owner) in EXCLUSIVE {
            if m != *owner
                && (text.contains(&format!("{krate}::")) || text.contains(&format!("use {krate}")))
            {
                broken.push(format!(
                    "{} imports {krate} (only {owner} may)",
                    f.display()
                ));
            }
        }
        for krate in FORBIDDEN_CRATES {
            if text.contains(krate) {
                broken.push(format!(
                    "{} uses {krate}: no network, no shelling out",
                    f.display()
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer violations:\n{}",
        broken.join("\n")
    );
}

#[test]
fn no_networking_crate_in_the_dependency_graph() {
    let lock =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"sled"), "the lock file was read");
    // mio is crossterm's event poller (terminal input), not a network client.
    for banned in [
        "hyper",
        "reqwest",
        "ureq",
        "curl",
        "curl-sys",
        "tokio",
        "native-tls",
        "rustls",
        "h2",
        "isahc",
        "surf",
    ] {
        assert!(
            !names.contains(&banned),
            "{banned} entered the dependency graph"
        );
    }
}

#[test]
fn source_files_stay_small() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for f in files {
        let n = std::fs::read_to_string(&f).unwrap().lines().count();
        assert!(
            n <= 700,
            "{} has {n} lines; split it by responsibility",
            f.display()
        );
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            text.trim_start().starts_with("//!"),
            "{} lacks its one-line //! doc",
            f.display()
        );
    }
}
