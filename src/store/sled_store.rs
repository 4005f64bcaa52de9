//! The sled store, used the careful way: small cache, open only while reading or writing, flush
//! after every write that matters, and a plain snapshot file after every edition change.

use super::{
    parsed_cache, snapshot, EditionMeta, LocalKind, Store, StoreError, StoredEdition,
    SCHEMA_VERSION,
};
use crate::model::Directory;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const CACHE_BYTES: u64 = 32 * 1024 * 1024;
const KEEP_EDITIONS: usize = 10;
pub const EDITIONS_DB: &str = "editions.sled";
pub const LOCAL_DB: &str = "local.sled";
/// One parsed copy, of the current edition only: it is dropped before the current pointer moves.
const PARSED_KEY: &str = "parsed/current";

/// Where a test asks the store to fail, to prove a failed write leaves the old edition whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// After the new edition's text is written, before the current pointer flips.
    BeforeFlip,
    /// Any write fails as a full disk would.
    DiskFull,
}

#[derive(Debug, Clone)]
pub struct SledStore {
    dir: PathBuf,
    pub fault: Option<Fault>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// Edition ids, newest first; the first is current.
    history: Vec<String>,
}

/// How long to keep retrying a lock held by another Signpost: each holds it only for one write.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(750);

fn open_at(path: &Path) -> Result<sled::Db, StoreError> {
    let started = std::time::Instant::now();
    loop {
        // No background flusher: every write that matters is flushed explicitly, and a flusher
        // thread outliving the handle would keep the file locked after we close it.
        let opened = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(None)
            .open();
        match opened {
            Ok(db) => return Ok(db),
            Err(e) if e.to_string().contains("could not acquire lock") => {
                if started.elapsed() >= LOCK_PATIENCE {
                    return Err(StoreError::Locked {
                        path: path.to_path_buf(),
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(e) => {
                return Err(StoreError::Broken {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                })
            }
        }
    }
}

impl SledStore {
    pub fn new(dir: &Path) -> Self {
        SledStore {
            dir: dir.to_path_buf(),
            fault: None,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn editions_path(&self) -> PathBuf {
        self.dir.join(EDITIONS_DB)
    }

    fn broken(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Broken {
            path: self.editions_path(),
            reason: e.to_string(),
        }
    }

    fn write_err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Write {
            path: self.editions_path(),
            reason: e.to_string(),
        }
    }

    /// Open the editions database and check its schema; stamps a new database.
    fn open(&self) -> Result<sled::Db, StoreError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| self.write_err(e))?;
        let db = open_at(&self.editions_path())?;
        match db.get("meta/schema").map_err(|e| self.broken(e))? {
            Some(v) => {
                let found = std::str::from_utf8(&v)
                    .ok()
                    .and_then(|s| s.parse::<u32>().ok())
                    .ok_or_else(|| self.broken("unreadable schema version"))?;
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerSchema {
                        path: self.editions_path(),
                        found,
                    });
                }
            }
            None => {
                self.check_fault()?;
                db.insert("meta/schema", SCHEMA_VERSION.to_string().as_bytes())
                    .map_err(|e| self.write_err(e))?;
                db.flush().map_err(|e| self.write_err(e))?;
            }
        }
        Ok(db)
    }

    fn check_fault(&self) -> Result<(), StoreError> {
        if self.fault == Some(Fault::DiskFull) {
            return Err(self.write_err("No space left on device (os error 28)"));
        }
        Ok(())
    }

    fn state(&self, db: &sled::Db) -> Result<State, StoreError> {
        match db.get("state").map_err(|e| self.broken(e))? {
            Some(v) => serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string())),
            None => Ok(State::default()),
        }
    }

    fn edition(&self, db: &sled::Db, id: &str) -> Result<StoredEdition, StoreError> {
        let v = db
            .get(format!("edition/{id}"))
            .map_err(|e| self.broken(e))?
            .ok_or_else(|| StoreError::Corrupt(format!("edition {id} is listed but missing")))?;
        serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// Flip the current pointer in one single-key write, then prune and snapshot.
    fn set_state(&self, db: &sled::Db, state: &State) -> Result<(), StoreError> {
        self.check_fault()?;
        db.remove(PARSED_KEY).map_err(|e| self.write_err(e))?;
        let bytes = serde_json::to_vec(state).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        db.insert("state", bytes).map_err(|e| self.write_err(e))?;
        db.flush().map_err(|e| self.write_err(e))?;
        if let Some(cur) = state.history.first() {
            snapshot::write(&self.dir, &self.edition(db, cur)?)?;
        }
        Ok(())
    }

    /// Move the editions database aside (never delete it) so a fresh one can be seeded.
    pub fn move_aside(&self, stamp: &str) -> std::io::Result<Option<PathBuf>> {
        let from = self.editions_path();
        if !from.exists() {
            return Ok(None);
        }
        let to = self.dir.join(format!("{EDITIONS_DB}.broken-{stamp}"));
        std::fs::rename(&from, &to)?;
        Ok(Some(to))
    }

    fn local(&self) -> Result<sled::Db, StoreError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| self.write_err(e))?;
        open_at(&self.dir.join(LOCAL_DB))
    }
}

impl Store for SledStore {
    fn current(&self) -> Result<Option<StoredEdition>, StoreError> {
        let db = self.open()?;
        match self.state(&db)?.history.first() {
            Some(id) => self.edition(&db, id).map(Some),
            None => Ok(None),
        }
    }

    fn history(&self) -> Result<Vec<EditionMeta>, StoreError> {
        let db = self.open()?;
        let state = self.state(&db)?;
        state
            .history
            .iter()
            .map(|id| self.edition(&db, id).map(|e| e.meta))
            .collect()
    }

    fn install(&mut self, edition: &StoredEdition) -> Result<(), StoreError> {
        let db = self.open()?;
        self.check_fault()?;
        let bytes = serde_json::to_vec(edition).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        db.insert(format!("edition/{}", edition.meta.id), bytes)
            .map_err(|e| self.write_err(e))?;
        db.flush().map_err(|e| self.write_err(e))?;
        if self.fault == Some(Fault::BeforeFlip) {
            return Err(self.write_err("injected failure before the edition became current"));
        }
        let mut state = self.state(&db)?;
        state.history.retain(|id| *id != edition.meta.id);
        state.history.insert(0, edition.meta.id.clone());
        let dropped: Vec<String> = state
            .history
            .split_off(state.history.len().min(KEEP_EDITIONS));
        self.set_state(&db, &state)?;
        for id in dropped {
            let _ = db.remove(format!("edition/{id}"));
        }
        db.flush().map_err(|e| self.write_err(e))?;
        Ok(())
    }

    fn rollback(&mut self) -> Result<EditionMeta, StoreError> {
        let db = self.open()?;
        let mut state = self.state(&db)?;
        if state.history.len() < 2 {
            return Err(StoreError::NoPrevious);
        }
        // The rolled-back edition goes to the end of the history rather than vanishing.
        let bad = state.history.remove(0);
        state.history.push(bad);
        self.set_state(&db, &state)?;
        Ok(self.edition(&db, &state.history[0])?.meta)
    }

    fn append_local(&mut self, kind: LocalKind, record: &[u8]) -> Result<(), StoreError> {
        self.check_fault()?;
        let db = self.local()?;
        let tree = db.open_tree(kind.tree()).map_err(|e| self.write_err(e))?;
        let id = db.generate_id().map_err(|e| self.write_err(e))?;
        tree.insert(id.to_be_bytes(), record)
            .map_err(|e| self.write_err(e))?;
        tree.flush().map_err(|e| self.write_err(e))?;
        Ok(())
    }

    fn read_local(&self, kind: LocalKind) -> Result<Vec<Vec<u8>>, StoreError> {
        let db = self.local()?;
        let tree = db.open_tree(kind.tree()).map_err(|e| self.broken(e))?;
        tree.iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.broken(e)))
            .collect()
    }

    fn current_parsed(&self) -> Result<Option<(EditionMeta, Directory)>, StoreError> {
        let db = self.open()?;
        let Some(id) = self.state(&db)?.history.into_iter().next() else {
            return Ok(None);
        };
        let Some(bytes) = db.get(PARSED_KEY).map_err(|e| self.broken(e))? else {
            return Ok(None);
        };
        Ok(parsed_cache::decode(parsed_cache::BUILD, &id, &bytes))
    }

    fn save_parsed(&mut self, meta: &EditionMeta, directory: &Directory) -> Result<(), StoreError> {
        let db = self.open()?;
        self.check_fault()?;
        if self.state(&db)?.history.first() != Some(&meta.id) {
            // Another Signpost changed the edition since this one read it: keep nothing.
            return Ok(());
        }
        let Some(bytes) = parsed_cache::encode(parsed_cache::BUILD, meta, directory) else {
            return Ok(());
        };
        db.insert(PARSED_KEY, bytes)
            .map_err(|e| self.write_err(e))?;
        db.flush().map_err(|e| self.write_err(e))?;
        Ok(())
    }
}
