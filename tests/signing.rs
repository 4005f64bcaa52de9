//! Signed editions: a bundle verifies; one changed byte in the edition, the signature or the
//! publisher fails; an untrusted key fails; require_signed refuses unsigned folders; the private
//! key never appears in any output or log.

mod common;

use chrono::{TimeZone, Utc};
use common::{fixture_dir, fixture_files, run};
use signpost::round::bundle::{self, BundleError};
use signpost::round::keys::SecretKey;
use std::path::Path;

fn sealed() -> (SecretKey, Vec<u8>) {
    let key = SecretKey::generate("Area directory team").unwrap();
    let at = Utc.with_ymd_and_hms(2026, 12, 4, 14, 2, 0).unwrap();
    let bytes = bundle::seal(&fixture_files(), "2026-11-01", &key, at);
    (key, bytes)
}

/// `bytes` with the first `from` replaced by `to` (same length: one changed byte or field).
fn changed(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from} is in the bundle");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn a_bundle_signed_by_a_trusted_key_opens_to_the_same_edition() {
    let (key, bytes) = sealed();
    let opened = bundle::open(&bytes, &[key.public()]).unwrap();
    assert_eq!(opened.files, fixture_files());
    assert_eq!(opened.header.publisher, "Area directory team");
    assert_eq!(opened.header.published_at, "2026-12-04T14:02:00Z");
    assert_eq!(
        opened.header.edition_id,
        signpost::directory::edition_id(&fixture_files())
    );
}

#[test]
fn one_changed_byte_in_the_edition_the_signature_or_the_publisher_fails() {
    let (key, bytes) = sealed();
    let trusted = [key.public()];
    // A phone number in the edition, one digit changed.
    let edition = changed(&bytes, "0808 157 0000", "0808 157 0001");
    assert_eq!(
        bundle::open(&edition, &trusted),
        Err(BundleError::HashMismatch)
    );
    // The signature, one hex digit changed.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let sig_at = text.find("\"signature\":\"").unwrap() + 13;
    let mut sig = bytes.clone();
    sig[sig_at] = if sig[sig_at] == b'0' { b'1' } else { b'0' };
    assert_eq!(bundle::open(&sig, &trusted), Err(BundleError::BadSignature));
    // The publisher's name, one letter changed: someone else claiming the edition.
    let publisher = changed(&bytes, "Area directory team", "Area directory teem");
    assert_eq!(
        bundle::open(&publisher, &trusted),
        Err(BundleError::BadSignature)
    );
    // The publication time moved forward, to beat a genuine newer edition.
    let later = changed(&bytes, "2026-12-04T14:02:00Z", "2026-12-05T14:02:00Z");
    assert_eq!(
        bundle::open(&later, &trusted),
        Err(BundleError::BadSignature)
    );
    // Cut short, as a copy still in progress.
    assert_eq!(
        bundle::open(&bytes[..bytes.len() / 2], &trusted),
        Err(BundleError::Incomplete)
    );
}

#[test]
fn a_key_the_desk_does_not_trust_fails_and_so_does_an_empty_trust_list() {
    let (_key, bytes) = sealed();
    let other = SecretKey::generate("Someone else").unwrap();
    match bundle::open(&bytes, &[other.public()]) {
        Err(BundleError::Untrusted(fp)) => assert!(fp.starts_with("ed25519:"), "{fp}"),
        other => panic!("expected untrusted, got {other:?}"),
    }
    assert_eq!(bundle::open(&bytes, &[]), Err(BundleError::NoTrustedKeys));
    // Re-signing the same edition with an untrusted key does not make it trusted either.
    let at = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
    let forged = bundle::seal(&fixture_files(), "2026-11-01", &other, at);
    let (key, _) = sealed();
    assert!(matches!(
        bundle::open(&forged, &[key.public()]),
        Err(BundleError::Untrusted(_))
    ));
}

/// `signpost publish FOLDER --key KEY --out OUT` on `data`: (exit code, all output).
fn publish(data: &Path, folder: &Path, key: &Path, out: &Path) -> (i32, String) {
    run(
        data,
        &[
            "publish",
            folder.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

fn write_config(data: &Path, text: &str) {
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(data.join("config.toml"), text).unwrap();
}

#[test]
fn require_signed_refuses_unsigned_folders_and_feeds_and_a_tampered_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("desk");
    let key = tmp.path().join("team.key");
    let (code, out) = run(
        &data,
        &[
            "keygen",
            "--name",
            "Area team",
            "--out",
            key.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let public = std::fs::read_to_string(tmp.path().join("team.key.pub")).unwrap();
    let public = public.lines().last().unwrap().to_string();
    write_config(
        &data,
        &format!("require_signed = true\ntrusted_keys = [\"{public}\"]\n"),
    );
    let fixture = fixture_dir();
    let (code, out) = run(&data, &["import", fixture.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("require_signed = true"), "{out}");
    assert!(out.contains("nothing was changed"), "{out}");
    let feed = tmp.path().join("feed.json");
    std::fs::write(&feed, "{\"contents\": []}").unwrap();
    let (code, out) = run(
        &data,
        &[
            "import",
            feed.to_str().unwrap(),
            "--feed",
            "county",
            "--yes",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("require_signed = true"), "{out}");
    let (_, editions) = run(&data, &["editions"]);
    assert!(editions.contains("embedded in this program"), "{editions}");
    assert!(!editions.contains("imported from"), "{editions}");

    // The same folder, signed and dated after the edition in use, installs; the same bundle
    // with one digit changed does not.
    let folder = tmp.path().join("directory");
    let mut files = fixture_files();
    files.insert(
        "edition.toml".into(),
        "label = \"Test fixture\"\ndate = \"2026-12-01\"\n".into(),
    );
    signpost::directory::write_folder(&files, &folder).unwrap();
    let out_file = tmp.path().join("mini.signpost-edition");
    let (code, out) = publish(&data, &folder, &key, &out_file);
    assert_eq!(code, 0, "{out}");
    let tampered = tmp.path().join("tampered.signpost-edition");
    let bytes = std::fs::read(&out_file).unwrap();
    std::fs::write(&tampered, changed(&bytes, "0808 157 0000", "0808 157 0001")).unwrap();
    let (code, out) = run(&data, &["sync", "--from", tampered.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("changed after publishing"), "{out}");
    let (code, out) = run(&data, &["sync", "--from", out_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let (_, editions) = run(&data, &["editions"]);
    assert!(
        editions
            .lines()
            .next()
            .unwrap()
            .contains("published by Area team"),
        "{editions}"
    );
}

#[test]
fn publish_refuses_a_folder_with_errors_naming_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("directory");
    signpost::directory::write_folder(&fixture_files(), &dir).unwrap();
    let file = dir.join("services/example-island-haven.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("areas = [", "areas = [\"atlantis\", ", 1);
    std::fs::write(&file, &broken).unwrap();
    let line = broken.lines().position(|l| l.starts_with("areas")).unwrap() + 1;
    let key = tmp.path().join("k");
    run(
        tmp.path(),
        &["keygen", "--name", "A", "--out", key.to_str().unwrap()],
    );
    let out_file = tmp.path().join("x.signpost-edition");
    let (code, out) = publish(tmp.path(), &dir, &key, &out_file);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("services/example-island-haven.toml:{line}: areas")),
        "{out}"
    );
    assert!(!out_file.exists());
    // Without an edition date desks could not tell it from an older edition: refused too.
    std::fs::write(&file, &text).unwrap();
    std::fs::write(dir.join("edition.toml"), "label = \"Undated\"\n").unwrap();
    let (code, out) = publish(tmp.path(), &dir, &key, &out_file);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("edition.toml: date:"), "{out}");
    assert!(!out_file.exists());
}

#[test]
fn the_private_key_never_appears_in_output_or_the_log() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("desk");
    let key = tmp.path().join("team.key");
    let share = tmp.path().join("share");
    std::fs::create_dir_all(&share).unwrap();
    let mut everything = String::new();
    let mut go = |args: &[&str]| {
        let o = common::command(&data)
            .env("SIGNPOST_LOG", "debug")
            .args(args)
            .output()
            .unwrap();
        everything.push_str(&common::text(&o));
        common::code(&o)
    };
    assert_eq!(
        go(&[
            "keygen",
            "--name",
            "Area team",
            "--out",
            key.to_str().unwrap()
        ]),
        0
    );
    let key_text = std::fs::read_to_string(&key).unwrap();
    let secret = key_text
        .lines()
        .find_map(|l| l.strip_prefix("secret = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    assert_eq!(secret.len(), 64);
    let public = std::fs::read_to_string(tmp.path().join("team.key.pub")).unwrap();
    assert!(!public.contains(&secret));
    write_config(
        &data,
        &format!(
            "trusted_keys = [\"{}\"]\nedition_source = {:?}\n",
            public.lines().last().unwrap(),
            share.display().to_string()
        ),
    );
    let fixture = fixture_dir();
    let args = [
        "publish",
        fixture.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--out",
        share.to_str().unwrap(),
    ];
    assert_eq!(go(&args), 0);
    assert_eq!(go(&["sync"]), 0);
    // A damaged key file: the refusal names the file and field, never its content.
    std::fs::write(&key, key_text.replace("secret = \"", "secret = \"zz")).unwrap();
    assert_eq!(go(&args), 1);
    assert!(everything.contains("team.key: secret:"), "{everything}");
    // The key in the file, written out again, never reached any output or file but the key file.
    assert!(!everything.contains(&secret), "{everything}");
    assert!(!everything.contains(&secret[..16]), "{everything}");
    for entry in walk(tmp.path()) {
        if entry == key {
            continue;
        }
        let bytes = std::fs::read(&entry).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(&secret[..16]),
            "{} holds the key",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
