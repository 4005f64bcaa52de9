//! A service record: every fact with its source, and honest about what is not confirmed.

use super::age::AgeRange;
use super::category::Category;
use super::contact::{Contact, ContactKind};
use super::hours::Hours;
use super::time::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    SelfReferral,
    GpReferral,
    ProfessionalReferral,
    WalkIn,
}

impl Access {
    pub fn label(self) -> &'static str {
        match self {
            Access::SelfReferral => "self-referral",
            Access::GpReferral => "GP referral",
            Access::ProfessionalReferral => "professional referral",
            Access::WalkIn => "walk-in",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    /// Kept and shown, but always under "check before giving" with its reason.
    Unconfirmed,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen_on: Option<Date>,
}

/// Confirmation with the provider by a maintainer: the only thing that makes a record "verified".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    pub on: Date,
    pub by: String,
    pub method: String,
    /// What was confirmed or changed on the call, in the maintainer's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A per-service override of the urgency policy table, always with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyOverride {
    pub levels: Vec<String>,
    pub reason: String,
}

/// A per-service override of the policy table's response kind, always with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseOverride {
    pub kind: super::urgency::ResponseKind,
    pub reason: String,
}

/// An eligibility exclusion the source states, honoured against the call's answers: the
/// service is left out when the flag is set, or when the age is over `age_over`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_over: Option<u8>,
    /// What the source says, as shown when it is left out.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_except: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access: Vec<Access>,
    /// How staff refer (may name professional routes).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referral: String,
    /// What a caller may be told.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub public_info: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligibility: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gp_registered_in: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cost: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_reason: String,
    /// The open-data feed a record came from; empty for curated records.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feed: String,
    /// The feed's own assurance date: kept, but it never makes a record "verified".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_assured_on: Option<Date>,
    #[serde(default)]
    pub age: AgeRange,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub hours: Hours,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<UrgencyOverride>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseOverride>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_if: Vec<Exclusion>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Verified>,
}

impl Service {
    pub fn has(&self, c: Category) -> bool {
        self.categories.contains(&c)
    }

    /// Contacts a role may be shown: call handlers never see professional-only lines.
    pub fn contacts_for(&self, show_professional: bool) -> impl Iterator<Item = &Contact> {
        self.contacts
            .iter()
            .filter(move |c| show_professional || c.is_public())
    }

    /// The number a handler would give first: a public phone, else a public text line.
    pub fn primary_public(&self) -> Option<&Contact> {
        let public = || self.contacts.iter().filter(|c| c.is_public());
        public()
            .find(|c| c.kind == ContactKind::Phone)
            .or_else(|| public().find(|c| c.kind == ContactKind::Text))
            .or_else(|| public().find(|c| c.kind.is_direct()))
    }

    pub fn has_confirmed_public_contact(&self) -> bool {
        self.primary_public().is_some()
    }

    /// The latest date any source was seen, for "sourced, not verified — seen <date>".
    pub fn last_seen(&self) -> Option<Date> {
        self.sources.iter().filter_map(|s| s.seen_on).max()
    }
}
