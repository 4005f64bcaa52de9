//! The sled store on temporary folders: seeding, upgrades, locks, corruption, atomic installs.

mod common;

use signpost::directory::{self, Files};
use signpost::session::{self, make_edition, SessionMode};
use signpost::store::sled_store::{Fault, EDITIONS_DB};
use signpost::store::{LocalKind, Origin, SledStore, Store, StoreError};

const NOW: &str = "2026-11-23T09:00:00+00:00";

fn edited(files: &Files, label: &str) -> Files {
    let mut f = files.clone();
    f.insert(
        "edition.toml".into(),
        format!("label = \"{label}\"\ndate = \"2026-11-20\"\n"),
    );
    f
}

#[test]
fn first_run_seeds_and_reopen_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    let s = session::open(tmp.path(), &files, NOW).unwrap();
    assert_eq!(s.mode, SessionMode::ReadWrite);
    assert!(s.notices[0].starts_with("First run"), "{:?}", s.notices);
    assert_eq!(s.directory.services.len(), 5);
    assert_eq!(s.meta.id, directory::edition_id(&files));
    let again = session::open(tmp.path(), &files, NOW).unwrap();
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert_eq!(again.meta, s.meta);
    assert!(tmp.path().join("edition-snapshot.json").is_file());
}

#[test]
fn round_trip_directory_store_export_load() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    session::open(tmp.path(), &files, NOW).unwrap();
    let stored = SledStore::new(tmp.path()).current().unwrap().unwrap();
    let out = tmp.path().join("export");
    directory::write_folder(&stored.files, &out).unwrap();
    let back = directory::read_folder(&out).unwrap();
    assert_eq!(back, files);
    assert_eq!(directory::parse(&back).unwrap(), common::fixture());
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    session::open(tmp.path(), &common::fixture_files(), NOW).unwrap();
    {
        let db = common::open_db(&tmp.path().join(EDITIONS_DB));
        db.insert("meta/schema", "99").unwrap();
        db.flush().unwrap();
    }
    let err = session::open(tmp.path(), &common::fixture_files(), NOW).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer Signpost"), "{err}");
}

#[test]
fn a_locked_store_runs_read_only_from_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    let first = session::open(tmp.path(), &files, NOW).unwrap();
    let _held = common::open_db(&tmp.path().join(EDITIONS_DB));
    // A newer embedded edition must not be installed while locked: the snapshot is used.
    let s = session::open(tmp.path(), &edited(&files, "newer"), NOW).unwrap();
    match &s.mode {
        SessionMode::ReadOnly { reason } => {
            assert!(reason.contains("in use by another Signpost"), "{reason}");
            assert!(reason.contains("snapshot"), "{reason}");
        }
        m => panic!("expected read-only, got {m:?}"),
    }
    assert_eq!(s.meta.id, first.meta.id);
    assert_eq!(s.directory.services.len(), 5);
}

#[test]
fn a_corrupt_store_is_reported_and_reset_moves_it_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    session::open(tmp.path(), &files, NOW).unwrap();
    let mut local = SledStore::new(tmp.path());
    local.append_local(LocalKind::Tallies, b"tally-1").unwrap();
    let db_dir = tmp.path().join(EDITIONS_DB);
    for entry in std::fs::read_dir(&db_dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::write(&p, b"\x00garbage\xffnot a database").unwrap();
        }
    }
    let s = session::open(tmp.path(), &files, NOW).unwrap();
    let SessionMode::ReadOnly { reason } = &s.mode else {
        panic!("expected read-only: {:?}", s.mode)
    };
    assert!(reason.contains("signpost reset"), "{reason}");
    assert_eq!(s.directory.services.len(), 5, "runs from the snapshot");

    let moved = SledStore::new(tmp.path())
        .move_aside("20261123T090000Z")
        .unwrap()
        .unwrap();
    assert!(moved.exists(), "the broken store is kept, not deleted");
    assert!(!db_dir.exists());
    let s = session::open(tmp.path(), &files, NOW).unwrap();
    assert_eq!(s.mode, SessionMode::ReadWrite);
    assert_eq!(
        local.read_local(LocalKind::Tallies).unwrap(),
        vec![b"tally-1".to_vec()]
    );
}

#[test]
fn upgrade_replaces_an_embedded_edition_but_keeps_an_imported_one() {
    let tmp = tempfile::tempdir().unwrap();
    let v1 = common::fixture_files();
    let v2 = edited(&v1, "second");
    let first = session::open(tmp.path(), &v1, NOW).unwrap();
    let s = session::open(tmp.path(), &v2, NOW).unwrap();
    assert_eq!(s.meta.id, directory::edition_id(&v2));
    assert!(s.notices[0].contains("was updated"), "{:?}", s.notices);
    let history = SledStore::new(tmp.path()).history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[1].id, first.meta.id,
        "old edition kept for rollback"
    );

    // A maintainer imports an edition; a newer binary must then keep it and warn.
    let imported = make_edition(
        edited(&v1, "imported"),
        Origin::Imported { path: "/x".into() },
        &directory::edition_id(&v2),
        NOW,
    );
    SledStore::new(tmp.path()).install(&imported).unwrap();
    let v3 = edited(&v1, "third");
    let s = session::open(tmp.path(), &v3, NOW).unwrap();
    assert_eq!(s.meta.id, imported.meta.id, "imported edition kept");
    assert!(
        s.notices
            .iter()
            .any(|n| n.contains("carries directory edition")),
        "{:?}",
        s.notices
    );
}

#[test]
fn a_failed_install_leaves_the_old_edition_whole_and_rollback_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let v1 = common::fixture_files();
    let first = session::open(tmp.path(), &v1, NOW).unwrap();
    let mut store = SledStore::new(tmp.path());
    store
        .append_local(LocalKind::WrongRecords, b"report")
        .unwrap();

    let mut v2 = v1.clone();
    v2.remove("services/example-island-haven.toml");
    let e2 = make_edition(
        v2.clone(),
        Origin::Imported {
            path: "/new".into(),
        },
        "",
        NOW,
    );
    for fault in [Fault::BeforeFlip, Fault::DiskFull] {
        store.fault = Some(fault);
        let err = store.install(&e2).unwrap_err();
        if fault == Fault::DiskFull {
            assert!(err.to_string().contains("No space left"), "{err}");
        }
        store.fault = None;
        let cur = store.current().unwrap().unwrap();
        assert_eq!(
            cur.meta.id, first.meta.id,
            "{fault:?} left the old edition current"
        );
        assert_eq!(cur.files, v1, "{fault:?} left the old edition whole");
    }

    store.install(&e2).unwrap();
    assert_eq!(store.current().unwrap().unwrap().files, v2);
    let back = store.rollback().unwrap();
    assert_eq!(back.id, first.meta.id);
    assert_eq!(store.current().unwrap().unwrap().files, v1);
    let snap = signpost::store::snapshot::read(tmp.path()).unwrap();
    assert_eq!(snap.meta.id, first.meta.id, "snapshot follows the rollback");
    assert_eq!(
        store.read_local(LocalKind::WrongRecords).unwrap(),
        vec![b"report".to_vec()]
    );
}

#[test]
fn rollback_without_a_previous_edition_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    session::open(tmp.path(), &common::fixture_files(), NOW).unwrap();
    let err = SledStore::new(tmp.path()).rollback().unwrap_err();
    assert!(matches!(err, StoreError::NoPrevious), "{err}");
}
