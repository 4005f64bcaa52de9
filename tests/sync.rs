//! Desks pick editions up from one share folder: both desks end on the same edition; a
//! half-written bundle and an older bundle are passed over; nothing older replaces newer.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{fixture_files, run};
use signpost::directory::{self, Files};
use signpost::round::bundle;
use signpost::round::keys::SecretKey;
use signpost::round::share;
use signpost::store::{EditionMeta, Origin};
use std::path::Path;

/// The fixture, dated after the embedded edition so a desk takes it, with one number changed so
/// each version is a different edition.
fn edition(date: &str, number: &str) -> Files {
    let mut files = fixture_files();
    files.insert(
        "edition.toml".into(),
        format!("label = \"Test fixture\"\ndate = \"{date}\"\n"),
    );
    let f = files
        .get_mut("services/example-national-line.toml")
        .unwrap();
    *f = f.replace("0808 157 0000", number);
    files
}

fn current_id(data: &Path) -> String {
    let (code, out) = run(data, &["editions"]);
    assert_eq!(code, 0, "{out}");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("* "), "{out}");
    first[2..].split_whitespace().next().unwrap().to_string()
}

struct Area {
    _tmp: tempfile::TempDir,
    share: std::path::PathBuf,
    key_file: std::path::PathBuf,
    key: SecretKey,
    desks: [std::path::PathBuf; 2],
}

fn area() -> Area {
    let tmp = tempfile::tempdir().unwrap();
    let share = tmp.path().join("share");
    std::fs::create_dir_all(&share).unwrap();
    let key_file = tmp.path().join("team.key");
    let (code, out) = run(
        tmp.path(),
        &[
            "keygen",
            "--name",
            "Area team",
            "--out",
            key_file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let key = SecretKey::from_file("k", &std::fs::read_to_string(&key_file).unwrap()).unwrap();
    let desks = [tmp.path().join("desk-a"), tmp.path().join("desk-b")];
    for d in &desks {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(
            d.join("config.toml"),
            format!(
                "require_signed = true\ntrusted_keys = [\"{}\"]\nedition_source = {:?}\n",
                key.public(),
                share.display().to_string()
            ),
        )
        .unwrap();
    }
    Area {
        share,
        key_file,
        key,
        desks,
        _tmp: tmp,
    }
}

#[test]
fn two_desks_install_the_same_edition_and_pass_over_half_written_and_older_bundles() {
    let a = area();
    let folder = a.share.parent().unwrap().join("directory");
    let v1 = edition("2026-12-01", "0808 157 0001");
    directory::write_folder(&v1, &folder).unwrap();
    let (code, out) = run(
        &a.desks[0],
        &[
            "publish",
            folder.to_str().unwrap(),
            "--key",
            a.key_file.to_str().unwrap(),
            "--out",
            a.share.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    // Publishing leaves one finished bundle and no partial file behind.
    let names: Vec<String> = std::fs::read_dir(&a.share)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".signpost-edition"), "{names:?}");

    for d in &a.desks {
        let (code, out) = run(d, &["sync"]);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("Installed edition"), "{out}");
    }
    let v1_id = directory::edition_id(&v1);
    assert_eq!(current_id(&a.desks[0]), v1_id);
    assert_eq!(current_id(&a.desks[1]), v1_id);

    // A newer edition, still being copied in: the first half of it under a bundle's name.
    let v2 = edition("2026-12-02", "0808 157 0002");
    let later = Utc::now() + Duration::hours(1);
    let whole = bundle::seal(&v2, "2026-12-02", &a.key, later);
    std::fs::write(
        a.share.join("copying.signpost-edition"),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    // An older publication of a different edition, left on the share.
    let v0 = edition("2026-12-01", "0808 157 0009");
    let earlier = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    std::fs::write(
        a.share.join("old.signpost-edition"),
        bundle::seal(&v0, "2026-12-01", &a.key, earlier),
    )
    .unwrap();
    let (code, out) = run(&a.desks[0], &["sync"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Up to date"), "{out}");
    assert!(
        out.contains("passed over copying.signpost-edition: incomplete"),
        "{out}"
    );
    assert_eq!(current_id(&a.desks[0]), v1_id);

    // The copy finishes: now the desk takes it.
    std::fs::write(a.share.join("copying.signpost-edition"), &whole).unwrap();
    let (code, out) = run(&a.desks[0], &["sync"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(current_id(&a.desks[0]), directory::edition_id(&v2));
    // Rollback is a maintainer's choice on one desk, and it still works after a pick-up.
    let (code, out) = run(&a.desks[0], &["rollback"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(current_id(&a.desks[0]), v1_id);
}

#[test]
fn an_older_or_the_same_publication_never_replaces_the_edition_in_use() {
    let at = Utc.with_ymd_and_hms(2026, 12, 4, 14, 2, 0).unwrap();
    let key = SecretKey::generate("Area team").unwrap();
    let header = |files: &Files, when| {
        let b = bundle::seal(files, "2026-12-01", &key, when);
        bundle::read_header(&mut b.as_slice()).unwrap()
    };
    let current = EditionMeta {
        id: directory::edition_id(&edition("2026-12-01", "0808 157 0001")),
        label: "Test fixture".into(),
        date: "2026-12-01".into(),
        origin: Origin::Signed {
            publisher: "Area team".into(),
            published_at: "2026-12-04T14:02:00Z".into(),
        },
        installed_at: "2026-12-04T14:05:00Z".into(),
        embedded_at_install: String::new(),
    };
    let other = edition("2026-12-01", "0808 157 0002");
    assert!(!share::is_newer(
        &current,
        &header(&other, at - Duration::minutes(1))
    ));
    assert!(!share::is_newer(&current, &header(&other, at)));
    assert!(share::is_newer(
        &current,
        &header(&other, at + Duration::minutes(1))
    ));
    // The same edition published again is not a change to install.
    let same = edition("2026-12-01", "0808 157 0001");
    assert!(!share::is_newer(
        &current,
        &header(&same, at + Duration::hours(1))
    ));
    // Over an unsigned edition, only one dated the same day or later is taken.
    let embedded = EditionMeta {
        origin: Origin::Embedded,
        date: "2026-11-23".into(),
        id: "000000000000".into(),
        ..current.clone()
    };
    let b = bundle::seal(&other, "2026-11-01", &key, at);
    assert!(!share::is_newer(
        &embedded,
        &bundle::read_header(&mut b.as_slice()).unwrap()
    ));
    assert!(share::is_newer(&embedded, &header(&other, at)));
}

#[test]
fn an_unreadable_share_is_a_message_not_a_failure_of_the_edition_in_use() {
    let a = area();
    std::fs::remove_dir_all(&a.share).unwrap();
    let (code, out) = run(&a.desks[0], &["sync"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("edition share"), "{out}");
    assert!(out.contains("cannot be read"), "{out}");
    let (code, _) = run(&a.desks[0], &["search", "listening"]);
    assert_eq!(code, 0);
}
