//! Where editions and local state live: a trait, a sled implementation and an in-memory one.
//!
//! Editions are kept as their canonical text files, so a schema change is a re-parse, never a
//! binary migration; the one parsed copy kept beside them (`parsed_cache`) is disposable and is
//! rebuilt from the text by any other build. Local state (tallies, wrong-record reports) lives
//! apart from editions and is never touched by rollback or reset.

pub mod memory;
pub mod parsed_cache;
pub mod sled_store;
pub mod snapshot;

use crate::directory::Files;
use crate::model::Directory;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use thiserror::Error;

pub use memory::MemoryStore;
pub use sled_store::SledStore;

/// The layout of stored data; a store written by a newer Signpost is refused, not misread.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// Compiled into the binary.
    Embedded,
    /// Imported by a maintainer from a folder.
    Imported { path: String },
    /// An open-data feed import.
    Feed { name: String },
    /// A bundle the area's maintainers signed, picked up from a share or installed by `sync`.
    Signed {
        publisher: String,
        /// UTC, RFC 3339: newer bundles replace it, older ones never do.
        published_at: String,
    },
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Embedded => write!(f, "embedded in this program"),
            Origin::Imported { path } => write!(f, "imported from {path}"),
            Origin::Feed { name } => write!(f, "feed {name}"),
            Origin::Signed {
                publisher,
                published_at,
            } => write!(f, "published by {publisher} at {published_at}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionMeta {
    pub id: String,
    pub label: String,
    pub date: String,
    pub origin: Origin,
    /// UTC time it was installed on this machine.
    pub installed_at: String,
    /// The binary's embedded edition when this one was installed, to notice an upgrade.
    pub embedded_at_install: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredEdition {
    pub meta: EditionMeta,
    pub files: Files,
}

/// The two kinds of local state, kept apart from editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalKind {
    Tallies,
    WrongRecords,
}

impl LocalKind {
    pub fn tree(self) -> &'static str {
        match self {
            LocalKind::Tallies => "tallies",
            LocalKind::WrongRecords => "wrong-records",
        }
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the directory store at {path} is in use by another Signpost (locked)")]
    Locked { path: PathBuf },
    #[error("the directory store at {path} was written by a newer Signpost (schema {found}, this one reads {SCHEMA_VERSION}); use the newer program")]
    NewerSchema { path: PathBuf, found: u32 },
    #[error("the directory store at {path} cannot be opened: {reason} (run `signpost reset` to move it aside and start again)")]
    Broken { path: PathBuf, reason: String },
    #[error("no space or no permission to write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("there is no previous edition to roll back to")]
    NoPrevious,
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
}

/// Everything the app needs from storage. Each call stands alone: implementations may open and
/// close their database per call, so a second Signpost is locked out for moments, not hours.
pub trait Store {
    fn current(&self) -> Result<Option<StoredEdition>, StoreError>;
    /// Installed editions, newest first; the first is current.
    fn history(&self) -> Result<Vec<EditionMeta>, StoreError>;
    /// Install an edition as current, atomically, keeping the previous one for rollback.
    fn install(&mut self, edition: &StoredEdition) -> Result<(), StoreError>;
    /// Make the previous edition current again.
    fn rollback(&mut self) -> Result<EditionMeta, StoreError>;
    fn append_local(&mut self, kind: LocalKind, record: &[u8]) -> Result<(), StoreError>;
    fn read_local(&self, kind: LocalKind) -> Result<Vec<Vec<u8>>, StoreError>;
    /// The current edition as this build parsed it before, read without the text: `None` means
    /// parse the text (no copy kept, kept by another build, or damaged). See `parsed_cache`.
    fn current_parsed(&self) -> Result<Option<(EditionMeta, Directory)>, StoreError>;
    /// Keep `directory`, parsed from the current edition `meta.id`, for the next start. Installing
    /// or rolling back drops it, so it can never outlive the edition it was parsed from.
    fn save_parsed(&mut self, meta: &EditionMeta, directory: &Directory) -> Result<(), StoreError>;
}
