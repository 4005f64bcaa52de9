//! Opening the directory at start-up: seed, upgrade, or fall back to read-only — never a backtrace.

use crate::directory::{self, Files};
use crate::model::Directory;
use crate::store::{snapshot, EditionMeta, Origin, SledStore, Store, StoreError, StoredEdition};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionMode {
    ReadWrite,
    /// The store could not be used; the reason is shown as a banner for the whole session.
    ReadOnly {
        reason: String,
    },
}

#[derive(Debug, Clone)]
pub struct Session {
    pub meta: EditionMeta,
    pub directory: Directory,
    pub mode: SessionMode,
    /// Things the user should know about this start (seeded, upgraded, binary differs...).
    pub notices: Vec<String>,
}

/// The embedded edition as a storable edition, labelled from its own edition.toml.
pub fn make_edition(
    files: Files,
    origin: Origin,
    embedded_id: &str,
    installed_at: &str,
) -> StoredEdition {
    let id = directory::edition_id(&files);
    let info = directory::parse(&files)
        .map(|d| d.edition)
        .unwrap_or_default();
    StoredEdition {
        meta: EditionMeta {
            id,
            label: info.label,
            date: info.date.map(|d| d.to_string()).unwrap_or_default(),
            origin,
            installed_at: installed_at.to_string(),
            embedded_at_install: embedded_id.to_string(),
        },
        files,
    }
}

/// Open the store in `data_dir`, seeding or upgrading from `embedded` as the rules say.
pub fn open(data_dir: &Path, embedded: &Files, now_utc: &str) -> Result<Session, StoreError> {
    let mut store = SledStore::new(data_dir);
    open_with(&mut store, data_dir, embedded, now_utc)
}

pub fn open_with(
    store: &mut dyn Store,
    data_dir: &Path,
    embedded: &Files,
    now_utc: &str,
) -> Result<Session, StoreError> {
    let emb_id = directory::edition_id(embedded);
    let emb = || make_edition(embedded.clone(), Origin::Embedded, &emb_id, now_utc);
    let mut notices = Vec::new();
    // The usual start: the current edition as this build parsed it last time. A 10k-service
    // edition reads this way in a fraction of the time its text takes to parse.
    match store.current_parsed() {
        Ok(Some((meta, directory))) if !replaced_by_embedded(&meta, &emb_id) => {
            kept_notice(&meta, &emb_id, &mut notices);
            return Ok(Session {
                meta,
                directory,
                mode: SessionMode::ReadWrite,
                notices,
            });
        }
        Ok(_) => {}
        Err(err @ StoreError::NewerSchema { .. }) => return Err(err),
        Err(err) => return Ok(read_only(data_dir, embedded, now_utc, &err, notices)),
    }
    let (edition, mode) = match store.current() {
        Ok(None) => {
            let e = emb();
            match store.install(&e) {
                Ok(()) => notices.push(format!(
                    "First run: the directory was set up from edition {} ({}).",
                    e.meta.id, e.meta.date
                )),
                Err(err) => return Ok(read_only(data_dir, embedded, now_utc, &err, notices)),
            }
            (e, SessionMode::ReadWrite)
        }
        Ok(Some(cur)) if replaced_by_embedded(&cur.meta, &emb_id) => {
            let e = emb();
            match store.install(&e) {
                Ok(()) => notices.push(format!(
                    "The directory was updated to edition {} ({}) carried by this program; edition {} is kept for rollback.",
                    e.meta.id, e.meta.date, cur.meta.id
                )),
                Err(err) => return Ok(read_only(data_dir, embedded, now_utc, &err, notices)),
            }
            (e, SessionMode::ReadWrite)
        }
        Ok(Some(cur)) => {
            kept_notice(&cur.meta, &emb_id, &mut notices);
            (cur, SessionMode::ReadWrite)
        }
        Err(err @ StoreError::NewerSchema { .. }) => return Err(err),
        Err(err) => return Ok(read_only(data_dir, embedded, now_utc, &err, notices)),
    };
    match directory::parse(&edition.files) {
        Ok(directory) => {
            // Only a speed-up: if it cannot be written, the next start parses the text again.
            let _ = store.save_parsed(&edition.meta, &directory);
            Ok(Session {
                meta: edition.meta,
                directory,
                mode,
                notices,
            })
        }
        Err(problems) => {
            let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
            notices.push(format!(
                "The stored edition {} cannot be read by this program ({first}); using the edition carried by this program.",
                edition.meta.id
            ));
            let e = emb();
            let directory = directory::parse(&e.files)
                .map_err(|p| StoreError::Corrupt(format!("{:?}", p.first())))?;
            Ok(Session {
                meta: e.meta,
                directory,
                mode,
                notices,
            })
        }
    }
}

/// An embedded edition is replaced by the one a newer program carries; an imported one is not.
fn replaced_by_embedded(meta: &EditionMeta, emb_id: &str) -> bool {
    meta.origin == Origin::Embedded && meta.id != emb_id
}

fn kept_notice(meta: &EditionMeta, emb_id: &str, notices: &mut Vec<String>) {
    if meta.origin != Origin::Embedded && meta.embedded_at_install != emb_id {
        notices.push(format!(
            "This program carries directory edition {emb_id}, but edition {} ({}) is in use; it was kept because a maintainer installed it.",
            meta.id, meta.origin
        ));
    }
}

/// Run from the snapshot file (or the embedded edition) without writing anything.
fn read_only(
    data_dir: &Path,
    embedded: &Files,
    now_utc: &str,
    err: &StoreError,
    mut notices: Vec<String>,
) -> Session {
    let emb_id = directory::edition_id(embedded);
    let (edition, from) = match snapshot::read(data_dir) {
        Some(s) if directory::parse(&s.files).is_ok() => (s, "the last saved snapshot"),
        _ => (
            make_edition(embedded.clone(), Origin::Embedded, &emb_id, now_utc),
            "the edition carried by this program",
        ),
    };
    let reason = format!(
        "READ-ONLY: {err}. Using {from} (edition {}).",
        edition.meta.id
    );
    notices.push(reason.clone());
    let directory = directory::parse(&edition.files).unwrap_or_default();
    Session {
        meta: edition.meta,
        directory,
        mode: SessionMode::ReadOnly { reason },
        notices,
    }
}
