//! Who is looking: a display mode (not access control) that decides which contacts and codes show.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Voluntary-sector and 111 call handlers: plain urgency words, public numbers only.
    #[default]
    Handler,
    /// Clinicians: urgency codes, professional lines, urgency override.
    Clinician,
}

impl Role {
    pub fn shows_professional(self) -> bool {
        self == Role::Clinician
    }
    pub fn label(self) -> &'static str {
        match self {
            Role::Handler => "call handler",
            Role::Clinician => "clinician",
        }
    }
}
