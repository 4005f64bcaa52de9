//! One tally: the day, place id, age band, urgency, needs and whether a local service fitted.

use crate::model::Date;
use serde::{Deserialize, Serialize};

/// The only facts kept about a call. No time of day, no typed text, no postcode, no free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Random per-row id: merging the same export twice counts each row once.
    pub id: String,
    /// Random id of the machine that recorded it.
    pub machine: String,
    pub day: Date,
    /// A place id from the directory, "outside-area" or "unknown" — never what was typed.
    pub place: String,
    /// "0-10", "11-15", "16-17", "18-25", "26-64", "65+" or "unknown".
    pub age_band: String,
    pub urgency: String,
    pub needs: Vec<String>,
    /// A local (not catch-all, not national) service fitted.
    pub local_found: bool,
    pub edition: String,
}

/// The report age bands, shared with the coverage proof.
pub const AGE_BANDS: [(&str, u8, u8); 6] = [
    ("0-10", 0, 10),
    ("11-15", 11, 15),
    ("16-17", 16, 17),
    ("18-25", 18, 25),
    ("26-64", 26, 64),
    ("65+", 65, 130),
];

pub fn age_band(age: u8) -> &'static str {
    AGE_BANDS
        .iter()
        .find(|(_, lo, hi)| (*lo..=*hi).contains(&age))
        .map(|(name, _, _)| *name)
        .unwrap_or("unknown")
}

impl Tally {
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Tally, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("unreadable tally: {e}"))
    }
}

/// A random hex id from the standard library's OS-seeded hasher keys: no extra dependency,
/// and nothing derived from the machine or the user.
pub fn random_id() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_every_age_once() {
        assert_eq!(age_band(0), "0-10");
        assert_eq!(age_band(10), "0-10");
        assert_eq!(age_band(11), "11-15");
        assert_eq!(age_band(17), "16-17");
        assert_eq!(age_band(18), "18-25");
        assert_eq!(age_band(64), "26-64");
        assert_eq!(age_band(65), "65+");
        assert_eq!(age_band(130), "65+");
    }

    #[test]
    fn random_ids_differ() {
        assert_ne!(random_id(), random_id());
        assert_eq!(random_id().len(), 16);
    }
}
