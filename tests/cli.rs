//! The real binary, run as a script would: exit codes and what it prints.

mod common;

use common::{signpost, text};
use std::path::Path;

fn copy_fixture(to: &Path) {
    signpost::directory::write_folder(&common::fixture_files(), to).unwrap();
}

#[test]
fn check_passes_a_good_folder_and_fails_a_broken_one_with_file_line_field() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good");
    copy_fixture(&good);
    let o = signpost(&tmp.path().join("data"), &["check", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("0 error(s)"), "{}", text(&o));

    let f = good.join("services/example-island-haven.toml");
    let broken = std::fs::read_to_string(&f)
        .unwrap()
        .replace("\"isle-of-wight\"", "\"atlantis\"");
    std::fs::write(&f, broken).unwrap();
    let o = signpost(&tmp.path().join("data"), &["check", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let expected = format!("{}:7: areas[0]: unknown place 'atlantis'", f.display());
    assert!(
        text(&o).contains(&expected),
        "{} lacks {expected}",
        text(&o)
    );
}

#[test]
fn import_is_strict_shows_changes_and_keeps_the_old_edition_on_refusal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    copy_fixture(&ed);
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let before = signpost(&data, &["list"]);
    assert!(text(&before).contains("5 services"), "{}", text(&before));

    // A dry run shows the change and writes nothing.
    std::fs::remove_file(ed.join("services/example-unconfirmed-group.toml")).unwrap();
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("- example-unconfirmed-group"),
        "{}",
        text(&o)
    );
    assert!(text(&signpost(&data, &["list"])).contains("5 services"));

    // A broken edition is refused whole.
    std::fs::write(ed.join("services/example-national-line.toml"), "id = 3").unwrap();
    let o = signpost(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("refused whole"), "{}", text(&o));
    assert_eq!(text(&signpost(&data, &["list"])), text(&before));
}

#[test]
fn show_says_not_confirmed_and_hides_professional_lines_from_handlers() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    copy_fixture(&ed);
    assert!(signpost(&data, &["import", ed.to_str().unwrap(), "--yes"])
        .status
        .success());
    let o = signpost(&data, &["show", "example-unconfirmed-group"]);
    assert_eq!(o.status.code(), Some(0));
    let t = text(&o);
    assert!(t.contains("number not confirmed"), "{t}");
    assert!(t.contains("Cost: not confirmed"), "{t}");
    assert!(t.contains("UNCONFIRMED"), "{t}");

    let handler = text(&signpost(&data, &["show", "example-island-haven"]));
    assert!(!handler.contains("01632 960999"), "{handler}");
    let clinician = text(&signpost(
        &data,
        &["--role", "clinician", "show", "example-island-haven"],
    ));
    assert!(clinician.contains("01632 960999"), "{clinician}");
    let json = text(&signpost(
        &data,
        &["show", "example-island-haven", "--format", "json"],
    ));
    assert!(!json.contains("01632 960999"), "{json}");
}

#[test]
fn a_locked_role_beats_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("config.toml"),
        "role = \"handler\"\nrole_locked = true\n",
    )
    .unwrap();
    let o = signpost(&data, &["--role", "clinician", "paths"]);
    assert!(
        text(&o).contains("role:   call handler (locked by config)"),
        "{}",
        text(&o)
    );
    std::fs::write(data.join("config.toml"), "role = \"doctor\"\n").unwrap();
    let o = signpost(&data, &["paths"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("config.toml:1: role:"), "{}", text(&o));
}

#[test]
fn export_and_rollback() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let ed = tmp.path().join("edition");
    copy_fixture(&ed);
    assert!(signpost(&data, &["import", ed.to_str().unwrap(), "--yes"])
        .status
        .success());
    let out = tmp.path().join("out");
    let o = signpost(&data, &["export", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        signpost::directory::read_folder(&out).unwrap(),
        common::fixture_files()
    );
    let o = signpost(&data, &["rollback"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("Rolled back"), "{}", text(&o));
}
