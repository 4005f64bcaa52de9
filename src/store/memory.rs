//! An in-memory store for tests and for read-only fallback: same contract, nothing on disk.

use super::{parsed_cache, EditionMeta, LocalKind, Store, StoreError, StoredEdition};
use crate::model::Directory;

#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    /// Newest first.
    editions: Vec<StoredEdition>,
    tallies: Vec<Vec<u8>>,
    wrong: Vec<Vec<u8>>,
    /// Encoded like the sled store's copy, so tests of the session see the same decoding rules.
    parsed: Option<Vec<u8>>,
    /// Refuse writes, as a read-only session must.
    pub read_only: bool,
}

impl MemoryStore {
    pub fn read_only_with(edition: StoredEdition) -> Self {
        MemoryStore {
            editions: vec![edition],
            read_only: true,
            ..Default::default()
        }
    }

    fn refuse(&self) -> Result<(), StoreError> {
        if self.read_only {
            Err(StoreError::Write {
                path: "(read-only session)".into(),
                reason: "the directory store is read-only in this session".into(),
            })
        } else {
            Ok(())
        }
    }
}

impl Store for MemoryStore {
    fn current(&self) -> Result<Option<StoredEdition>, StoreError> {
        Ok(self.editions.first().cloned())
    }
    fn history(&self) -> Result<Vec<EditionMeta>, StoreError> {
        Ok(self.editions.iter().map(|e| e.meta.clone()).collect())
    }
    fn install(&mut self, edition: &StoredEdition) -> Result<(), StoreError> {
        self.refuse()?;
        self.parsed = None;
        self.editions.retain(|e| e.meta.id != edition.meta.id);
        self.editions.insert(0, edition.clone());
        Ok(())
    }
    fn rollback(&mut self) -> Result<EditionMeta, StoreError> {
        self.refuse()?;
        if self.editions.len() < 2 {
            return Err(StoreError::NoPrevious);
        }
        self.parsed = None;
        self.editions.remove(0);
        Ok(self.editions[0].meta.clone())
    }
    fn append_local(&mut self, kind: LocalKind, record: &[u8]) -> Result<(), StoreError> {
        match kind {
            LocalKind::Tallies => self.tallies.push(record.to_vec()),
            LocalKind::WrongRecords => self.wrong.push(record.to_vec()),
        }
        Ok(())
    }
    fn read_local(&self, kind: LocalKind) -> Result<Vec<Vec<u8>>, StoreError> {
        Ok(match kind {
            LocalKind::Tallies => self.tallies.clone(),
            LocalKind::WrongRecords => self.wrong.clone(),
        })
    }
    fn current_parsed(&self) -> Result<Option<(EditionMeta, Directory)>, StoreError> {
        let (Some(cur), Some(bytes)) = (self.editions.first(), &self.parsed) else {
            return Ok(None);
        };
        Ok(parsed_cache::decode(
            parsed_cache::BUILD,
            &cur.meta.id,
            bytes,
        ))
    }
    fn save_parsed(&mut self, meta: &EditionMeta, directory: &Directory) -> Result<(), StoreError> {
        self.refuse()?;
        self.parsed = parsed_cache::encode(parsed_cache::BUILD, meta, directory);
        Ok(())
    }
}
