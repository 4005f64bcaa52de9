//! A call handler's one-key report that a directory record is wrong, for the maintainers.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongRecord {
    pub service: String,
    /// A fixed choice: "number", "hours", "closed" or "other". No free text.
    pub what: String,
    /// Europe/London local time to the minute, "YYYY-MM-DD HH:MM".
    pub at: String,
}

pub const WHAT_CHOICES: [&str; 4] = ["number", "hours", "closed", "other"];

impl WrongRecord {
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
    pub fn decode(bytes: &[u8]) -> Result<WrongRecord, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("unreadable report: {e}"))
    }
}
