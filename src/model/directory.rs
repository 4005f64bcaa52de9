//! A whole directory edition in memory: services, places, triage data and calendar changes.

use super::feed_taxonomy::FeedTaxonomy;
use super::place::PlacesFile;
use super::questionnaire::TriageFile;
use super::service::Service;
use super::status_note::StatusNotesFile;
use super::time::Date;
use super::vocabulary::VocabularyFile;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionInfo {
    #[serde(default)]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// Changes to the computed England and Wales bank holidays (a declared extra day, a moved one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidayFile {
    #[serde(default)]
    pub add: Vec<Date>,
    #[serde(default)]
    pub remove: Vec<Date>,
}

/// A coverage gap that is known and owned, so `check` can tell it from a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedGap {
    pub place: String,
    /// Age band as "11-15", or "*" for every band.
    pub age_band: String,
    /// Urgency code, or "*".
    pub urgency: String,
    /// Need id, or "*".
    pub need: String,
    /// "pending clinical review" while the questionnaire is a draft, or "accepted".
    pub status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accepted_by: String,
    /// What the caller is given instead (B and C: required).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fallback: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedGapsFile {
    #[serde(default)]
    pub gaps: Vec<AcceptedGap>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Directory {
    pub edition: EditionInfo,
    pub services: Vec<Service>,
    pub places: PlacesFile,
    pub triage: TriageFile,
    pub bank_holidays: BankHolidayFile,
    pub accepted_gaps: AcceptedGapsFile,
    /// How feeds' taxonomy terms map to categories (`feed-taxonomy.toml`).
    pub feed_taxonomy: FeedTaxonomy,
    /// What callers say, mapped to categories and needs; risk phrases (`vocabulary.toml`).
    #[serde(default)]
    pub vocabulary: VocabularyFile,
    /// Short-lived notes (`status-notes.toml`): closed tonight, diverted, long waits.
    #[serde(default)]
    pub status_notes: StatusNotesFile,
}

impl Directory {
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
}
