//! Picking up editions from a shared folder: the newest trusted bundle, never an older one, never
//! a half-copied one, installed through the store's ordinary atomic install.

use super::bundle::{self, BundleError, Header, Opened, EXTENSION};
use crate::directory;
use crate::model::Directory;
use crate::store::{EditionMeta, Origin, Store, StoredEdition};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// A bundle that checked out, with its edition parsed (parsed once: install reuses it).
#[derive(Debug, Clone)]
pub struct Checked {
    pub opened: Opened,
    pub directory: Directory,
}

/// What a look at the share found.
#[derive(Debug, Default)]
pub struct Found {
    /// The newest bundle that is newer than the edition in use and checked out.
    pub newer: Option<(PathBuf, Checked)>,
    /// Bundles passed over, each with why ("incomplete", "not trusted"...), for the status line.
    pub passed_over: Vec<String>,
}

/// Whether a bundle may replace the edition in use: a signed edition only by a later
/// publication, any other only by an edition dated the same day or later.
pub fn is_newer(current: &EditionMeta, h: &Header) -> bool {
    if h.edition_id == current.id {
        return false;
    }
    match &current.origin {
        Origin::Signed { published_at, .. } => {
            let cur = DateTime::parse_from_rfc3339(published_at).map(|t| t.with_timezone(&Utc));
            match (cur, h.published()) {
                (Ok(cur), Some(new)) => new > cur,
                (Err(_), Some(_)) => true,
                (_, None) => false,
            }
        }
        _ => h.published().is_some() && h.edition_date.as_str() >= current.date.as_str(),
    }
}

/// Look in `share` for a bundle newer than `current`. An unreadable share is an `Err` message
/// for the status line; every bundle that is damaged, untrusted or unreadable is passed over.
pub fn find_newer(
    share: &Path,
    trusted: &[String],
    current: &EditionMeta,
) -> Result<Found, String> {
    let entries = std::fs::read_dir(share)
        .map_err(|e| format!("edition share {} cannot be read: {e}", share.display()))?;
    let mut found = Found::default();
    let mut candidates: Vec<(DateTime<Utc>, PathBuf)> = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().and_then(|x| x.to_str()) != Some(EXTENSION) {
            continue;
        }
        let header = std::fs::File::open(&path)
            .map_err(|_| BundleError::NotABundle)
            .and_then(|f| bundle::read_header(&mut std::io::BufReader::new(f)));
        match header {
            Ok(h) if is_newer(current, &h) => {
                if let Some(t) = h.published() {
                    candidates.push((t, path));
                }
            }
            Ok(_) => {}
            Err(e) => found.passed_over.push(format!("{}: {e}", name(&path))),
        }
    }
    candidates.sort_by(|a, b| b.cmp(a));
    for (_, path) in candidates {
        match read_and_open(&path, trusted) {
            Ok(opened) => {
                found.newer = Some((path, opened));
                break;
            }
            Err(e) => found.passed_over.push(format!("{}: {e}", name(&path))),
        }
    }
    Ok(found)
}

/// Read a whole bundle file and check it, including that its edition reads.
pub fn read_and_open(path: &Path, trusted: &[String]) -> Result<Checked, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let opened = bundle::open(&bytes, trusted).map_err(|e| e.to_string())?;
    match directory::parse(&opened.files) {
        Ok(directory) => Ok(Checked { opened, directory }),
        Err(problems) => {
            let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
            Err(format!("the edition inside does not read ({first})"))
        }
    }
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Install a checked bundle as the current edition; the previous one is kept for rollback.
pub fn install(
    store: &mut (dyn Store + '_),
    checked: &Checked,
    embedded_id: &str,
    now: DateTime<Utc>,
) -> Result<EditionMeta, String> {
    let opened = &checked.opened;
    let info = checked.directory.edition.clone();
    let meta = EditionMeta {
        id: directory::edition_id(&opened.files),
        label: info.label,
        date: info.date.map(|d| d.to_string()).unwrap_or_default(),
        origin: Origin::Signed {
            publisher: opened.header.publisher.clone(),
            published_at: opened.header.published_at.clone(),
        },
        installed_at: now.to_rfc3339(),
        embedded_at_install: embedded_id.to_string(),
    };
    let edition = StoredEdition {
        meta: meta.clone(),
        files: opened.files.clone(),
    };
    store.install(&edition).map_err(|e| e.to_string())?;
    // Only a speed-up for the next start: if it cannot be written, that start parses the text.
    let _ = store.save_parsed(&meta, &checked.directory);
    Ok(meta)
}
