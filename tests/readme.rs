//! The README's promises, checked: the two commands, and the full category taxonomy.

use signpost::model::Category;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_gives_the_two_commands_and_ci_runs_the_test_one() {
    let r = readme();
    assert!(r.contains("cargo run --release"));
    assert!(r.contains("cargo test "));
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        "CI must run the README's test command"
    );
}

#[test]
fn readme_lists_every_category_id() {
    let r = readme();
    for c in Category::ALL {
        assert!(
            r.contains(&format!("| `{}` |", c.id())),
            "README lacks category {}",
            c.id()
        );
    }
}
