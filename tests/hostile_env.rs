//! Hostile machines: unwritable, oddly named, locked or corrupt data folders and full disks each
//! give a clear message, run read-only where they can, and delete nothing.

mod common;

use common::run_split;
use signpost::session::{self, SessionMode};
use signpost::store::sled_store::{Fault, EDITIONS_DB};
use signpost::store::SledStore;

#[test]
fn an_unwritable_data_folder_runs_read_only_from_the_built_in_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let (code, out, err) = run_split(&file.join("data"), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("READ-ONLY"), "{err}");
    assert!(out.contains("services in edition"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "x",
        "nothing overwritten"
    );
}

#[cfg(unix)]
#[test]
fn a_permission_denied_data_folder_runs_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("ro");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(data.join("probe"), "x").is_ok() {
        eprintln!("skipped: running with privileges that ignore folder permissions");
        return;
    }
    let (code, out, err) = run_split(&data, &["list"]);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("READ-ONLY"), "{err}");
    assert!(out.contains("services in edition"), "{out}");
}

#[test]
fn spaces_and_non_ascii_letters_in_the_path_work() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("Données de l'équipe Ñ 2026");
    let ed = tmp.path().join("Édition à importer");
    signpost::directory::write_folder(&common::fixture_files(), &ed).unwrap();
    let (code, out, err) = run_split(&data, &["import", ed.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = run_split(&data, &["list"]);
    assert_eq!(code, 0);
    assert!(out.contains("5 services"), "{out}");
}

#[test]
fn a_store_locked_by_another_process_runs_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run_split(tmp.path(), &["list"]).0, 0);
    let _held = common::open_db(&tmp.path().join(EDITIONS_DB));
    let (code, out, err) = run_split(tmp.path(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("in use by another Signpost"), "{err}");
    assert!(out.contains("services in edition"), "{out}");
    let (code, _, err) = run_split(tmp.path(), &["import", "/nonexistent", "--yes"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn a_corrupt_database_is_reported_then_reset_keeps_it_aside() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run_split(tmp.path(), &["list"]).0, 0);
    let db = tmp.path().join(EDITIONS_DB);
    for e in std::fs::read_dir(&db).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::write(p, b"\x13\x37 not sled").unwrap();
        }
    }
    let (code, out, err) = run_split(tmp.path(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("signpost reset"), "{err}");
    assert!(out.contains("services in edition"), "{out}");
    let (code, out, _) = run_split(tmp.path(), &["reset"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("nothing was deleted"), "{out}");
    let kept = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("editions.sled.broken-")
        });
    assert!(kept, "the broken store is kept beside the new one");
    let (_, _, err) = run_split(tmp.path(), &["list"]);
    assert!(!err.contains("READ-ONLY"), "{err}");
}

#[test]
fn a_full_disk_on_first_run_is_a_clear_read_only_session() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = SledStore::new(tmp.path());
    store.fault = Some(Fault::DiskFull);
    let s = session::open_with(
        &mut store,
        tmp.path(),
        &common::fixture_files(),
        "2026-11-23T09:00:00Z",
    )
    .unwrap();
    let SessionMode::ReadOnly { reason } = &s.mode else {
        panic!("{:?}", s.mode)
    };
    assert!(reason.contains("No space left on device"), "{reason}");
    assert_eq!(s.directory.services.len(), 5);
}
