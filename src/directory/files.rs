//! An edition as a set of text files: read from and written to a folder, identified by a hash.

use crate::model::Problem;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// Relative path (always with '/') → file content. The canonical stored form of an edition.
pub type Files = BTreeMap<String, String>;

/// Files larger than this are refused before parsing: no directory file is anywhere near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub const KNOWN_FILES: [&str; 8] = [
    "edition.toml",
    "places.toml",
    "triage.toml",
    "bank-holidays.toml",
    "accepted-gaps.toml",
    "feed-taxonomy.toml",
    "vocabulary.toml",
    "status-notes.toml",
];

/// The full content hash of an edition (SHA-256 over every file's name and text, in hex): what
/// a signed bundle's signature covers.
pub fn content_hash(files: &Files) -> String {
    let mut h = Sha256::new();
    for (k, v) in files {
        h.update(k.as_bytes());
        h.update([0]);
        h.update(v.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Content hash of the whole edition, short enough to read out on a call: the first 12 hex
/// digits of `content_hash`.
pub fn edition_id(files: &Files) -> String {
    content_hash(files)[..12].to_string()
}

pub fn embedded() -> Files {
    mod generated {
        include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
    }
    generated::FILES
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Read a directory folder. Unreadable, oversized or non-UTF-8 files are problems, not panics.
pub fn read_folder(dir: &Path) -> Result<Files, Vec<Problem>> {
    let mut files = Files::new();
    let mut problems = Vec::new();
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        return Err(vec![Problem::error(&shown, "", "not a folder (expected a directory folder with places.toml, triage.toml and services/)")]);
    }
    let mut read = |rel: String, path: &Path| match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => problems.push(Problem::error(
            &rel,
            "",
            format!("file is {} bytes; the limit is {MAX_FILE_BYTES}", m.len()),
        )),
        Ok(_) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => {
                    files.insert(rel, s);
                }
                Err(e) => problems.push(Problem::error(
                    &rel,
                    "",
                    format!(
                        "not UTF-8 text (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )),
            },
            Err(e) => problems.push(Problem::error(&rel, "", format!("cannot read: {e}"))),
        },
        Err(e) => problems.push(Problem::error(&rel, "", format!("cannot read: {e}"))),
    };
    for name in KNOWN_FILES {
        let p = dir.join(name);
        if p.exists() {
            read(name.to_string(), &p);
        }
    }
    let services = dir.join("services");
    match std::fs::read_dir(&services) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                let Some(name) = p.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
                    continue;
                };
                if p.is_file() && name.ends_with(".toml") {
                    read(format!("services/{name}"), &p);
                }
            }
        }
        Err(e) => problems.push(Problem::error(
            "services/",
            "",
            format!("cannot read the services folder: {e}"),
        )),
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Write an edition into an empty or new folder (the native export).
pub fn write_folder(files: &Files, dir: &Path) -> std::io::Result<()> {
    for (rel, content) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, content)?;
    }
    Ok(())
}
