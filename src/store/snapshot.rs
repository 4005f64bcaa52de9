//! The current edition as one plain file beside the database: the fallback when sled will not open.

use super::{StoreError, StoredEdition};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const SNAPSHOT_FILE: &str = "edition-snapshot.json";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(SNAPSHOT_FILE)
}

/// Write temp, fsync, rename: a reader sees the old snapshot or the new one, never half of one.
pub fn write(data_dir: &Path, edition: &StoredEdition) -> Result<(), StoreError> {
    let target = path(data_dir);
    let tmp = data_dir.join(format!("{SNAPSHOT_FILE}.tmp"));
    let fail = |e: std::io::Error| StoreError::Write {
        path: target.clone(),
        reason: e.to_string(),
    };
    let json = serde_json::to_vec(edition).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut f = std::fs::File::create(&tmp).map_err(fail)?;
    f.write_all(&json).map_err(fail)?;
    f.sync_all().map_err(fail)?;
    drop(f);
    std::fs::rename(&tmp, &target).map_err(fail)?;
    Ok(())
}

pub fn read(data_dir: &Path) -> Option<StoredEdition> {
    let bytes = std::fs::read(path(data_dir)).ok()?;
    serde_json::from_slice(&bytes).ok()
}
