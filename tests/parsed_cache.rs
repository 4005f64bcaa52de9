//! The parsed copy of the current edition: used only when it is this build's copy of this edition,
//! and whatever is wrong with it, the text is parsed instead — never a wrong number on screen.

mod common;

use signpost::directory::{self, Files};
use signpost::model::Directory;
use signpost::session::{self, make_edition};
use signpost::store::parsed_cache::{self, BUILD};
use signpost::store::sled_store::EDITIONS_DB;
use signpost::store::{EditionMeta, MemoryStore, Origin, SledStore, Store};
use std::path::Path;

const NOW: &str = "2026-11-23T09:00:00+00:00";
const KEY: &str = "parsed/current";

fn meta_for(files: &Files) -> EditionMeta {
    make_edition(files.clone(), Origin::Embedded, "x", NOW).meta
}

/// The fixture with its first service's every contact value changed: what a stale or foreign
/// copy would show if it were trusted.
fn doctored(dir: &Directory) -> Directory {
    let mut d = dir.clone();
    for c in &mut d.services[0].contacts {
        c.value = "0000 000 0000".into();
    }
    d
}

/// Put `bytes` where the store keeps its parsed copy, as another build or a damaged disk would.
fn plant(data: &Path, bytes: &[u8]) {
    let db = common::open_db(&data.join(EDITIONS_DB));
    db.insert(KEY, bytes).unwrap();
    db.flush().unwrap();
}

#[test]
fn the_copy_decodes_to_exactly_the_text_parse_for_real_and_fixture_directories() {
    for files in [directory::embedded(), common::fixture_files()] {
        let parsed = directory::parse(&files).unwrap();
        let meta = meta_for(&files);
        let bytes = parsed_cache::encode(BUILD, &meta, &parsed).unwrap();
        let (m, d) = parsed_cache::decode(BUILD, &meta.id, &bytes).expect("decodes");
        assert_eq!(m, meta);
        assert_eq!(d, parsed, "services and their order survive the copy");
    }
}

#[test]
fn a_copy_from_another_build_or_for_another_edition_is_refused() {
    let files = common::fixture_files();
    let parsed = directory::parse(&files).unwrap();
    let meta = meta_for(&files);
    let other_build = parsed_cache::encode("0.0.0-another-build", &meta, &parsed).unwrap();
    assert!(parsed_cache::decode(BUILD, &meta.id, &other_build).is_none());
    let ours = parsed_cache::encode(BUILD, &meta, &parsed).unwrap();
    assert!(parsed_cache::decode(BUILD, "another-edition", &ours).is_none());
}

#[test]
fn every_truncation_and_trailing_byte_is_a_miss_not_a_panic() {
    let files = common::fixture_files();
    let parsed = directory::parse(&files).unwrap();
    let meta = meta_for(&files);
    let bytes = parsed_cache::encode(BUILD, &meta, &parsed).unwrap();
    for cut in 0..bytes.len() {
        assert!(
            parsed_cache::decode(BUILD, &meta.id, &bytes[..cut]).is_none(),
            "a copy cut at {cut} of {} bytes was accepted",
            bytes.len()
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(parsed_cache::decode(BUILD, &meta.id, &longer).is_none());
}

#[test]
fn the_second_start_reads_the_copy_and_gets_the_same_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    let first = session::open(tmp.path(), &files, NOW).unwrap();
    let (meta, dir) = SledStore::new(tmp.path())
        .current_parsed()
        .unwrap()
        .expect("the first start kept a parsed copy");
    assert_eq!(meta, first.meta);
    assert_eq!(dir, common::fixture());
    let second = session::open(tmp.path(), &files, NOW).unwrap();
    assert_eq!(second.directory, common::fixture());
    assert_eq!(second.meta, first.meta);
    assert!(second.notices.is_empty(), "{:?}", second.notices);
}

#[test]
fn a_planted_copy_from_another_build_is_ignored_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    let first = session::open(tmp.path(), &files, NOW).unwrap();
    let wrong = doctored(&first.directory);
    plant(
        tmp.path(),
        &parsed_cache::encode("0.0.0-another-build", &first.meta, &wrong).unwrap(),
    );
    let s = session::open(tmp.path(), &files, NOW).unwrap();
    assert_eq!(s.directory, common::fixture(), "the text, not the copy");
    let (_, kept) = SledStore::new(tmp.path())
        .current_parsed()
        .unwrap()
        .unwrap();
    assert_eq!(kept, common::fixture(), "the foreign copy was replaced");
}

#[test]
fn a_damaged_copy_is_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    let first = session::open(tmp.path(), &files, NOW).unwrap();
    let good = parsed_cache::encode(BUILD, &first.meta, &first.directory).unwrap();
    for bad in [
        &good[..good.len() / 2],
        b"not a copy at all".as_slice(),
        &[],
    ] {
        plant(tmp.path(), bad);
        let s = session::open(tmp.path(), &files, NOW).unwrap();
        assert_eq!(s.directory, common::fixture());
    }
}

#[test]
fn installing_or_rolling_back_drops_the_copy_before_the_edition_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let v1 = common::fixture_files();
    let first = session::open(tmp.path(), &v1, NOW).unwrap();
    // A maintainer's import of different text: the old copy must not be read for it.
    let mut v2 = v1.clone();
    v2.insert(
        "edition.toml".into(),
        "label = \"second\"\ndate = \"2026-11-20\"\n".into(),
    );
    let mut store = SledStore::new(tmp.path());
    let imported = make_edition(
        v2.clone(),
        Origin::Imported { path: "/x".into() },
        &first.meta.id,
        NOW,
    );
    store.install(&imported).unwrap();
    assert!(store.current_parsed().unwrap().is_none());
    let s = session::open(tmp.path(), &v1, NOW).unwrap();
    assert_eq!(s.meta.id, imported.meta.id);
    assert_eq!(s.directory.edition.label, "second");
    assert!(store.current_parsed().unwrap().is_some());
    store.rollback().unwrap();
    assert!(store.current_parsed().unwrap().is_none());
    let back = session::open(tmp.path(), &v1, NOW).unwrap();
    assert_eq!(back.meta.id, first.meta.id);
    assert_eq!(back.directory, common::fixture());
}

#[test]
fn the_same_edition_reinstalled_gets_fresh_details_not_the_old_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let files = common::fixture_files();
    session::open(tmp.path(), &files, NOW).unwrap();
    // Same text, so the same id, now installed by a maintainer: the origin shown must follow.
    let again = make_edition(
        files.clone(),
        Origin::Imported { path: "/y".into() },
        "x",
        NOW,
    );
    SledStore::new(tmp.path()).install(&again).unwrap();
    let s = session::open(tmp.path(), &files, NOW).unwrap();
    assert_eq!(s.meta.origin, again.meta.origin);
}

#[test]
fn a_newer_embedded_edition_still_replaces_a_cached_embedded_one() {
    let tmp = tempfile::tempdir().unwrap();
    let v1 = common::fixture_files();
    session::open(tmp.path(), &v1, NOW).unwrap();
    assert!(SledStore::new(tmp.path())
        .current_parsed()
        .unwrap()
        .is_some());
    let mut v2 = v1.clone();
    v2.insert(
        "edition.toml".into(),
        "label = \"newer\"\ndate = \"2026-11-21\"\n".into(),
    );
    let s = session::open(tmp.path(), &v2, NOW).unwrap();
    assert_eq!(s.meta.id, directory::edition_id(&v2));
    assert_eq!(s.directory.edition.label, "newer");
}

#[test]
fn the_memory_store_follows_the_same_rules() {
    let files = common::fixture_files();
    let mut store = MemoryStore::default();
    let tmp = tempfile::tempdir().unwrap();
    let s = session::open_with(&mut store, tmp.path(), &files, NOW).unwrap();
    let (meta, dir) = store.current_parsed().unwrap().expect("kept");
    assert_eq!((meta, dir), (s.meta.clone(), s.directory.clone()));
    store
        .install(&make_edition(files, Origin::Embedded, "x", NOW))
        .unwrap();
    assert!(store.current_parsed().unwrap().is_none());
}
