//! Ways to reach a service, each with its audience and, where they differ, its own hours.

use super::hours::Hours;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    Phone,
    Text,
    Web,
    Chat,
    Whatsapp,
    /// Textphone / Relay UK (18001, 18000 prefixes).
    Relay,
    Email,
    Address,
}

impl ContactKind {
    pub fn label(self) -> &'static str {
        match self {
            ContactKind::Phone => "phone",
            ContactKind::Text => "text",
            ContactKind::Web => "web",
            ContactKind::Chat => "chat",
            ContactKind::Whatsapp => "WhatsApp",
            ContactKind::Relay => "relay",
            ContactKind::Email => "email",
            ContactKind::Address => "address",
        }
    }
    /// Kinds a caller can use to talk to someone now (used for "confirmed contact" checks).
    pub fn is_direct(self) -> bool {
        matches!(
            self,
            ContactKind::Phone
                | ContactKind::Text
                | ContactKind::Chat
                | ContactKind::Whatsapp
                | ContactKind::Relay
        )
    }
}

/// Who may be given a contact. Professional lines are never shown in the call-handler role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Public,
    Professional,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub value: String,
    /// Text contacts only: the word to send; empty means "keyword not confirmed".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub keyword: String,
    #[serde(default)]
    pub audience: Audience,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
}

impl Contact {
    pub fn is_public(&self) -> bool {
        self.audience == Audience::Public
    }

    /// One line as a handler would read it out: "text SHOUT to 85258".
    pub fn display_value(&self) -> String {
        match self.kind {
            ContactKind::Text if self.keyword.is_empty() => {
                format!("text {} (keyword not confirmed)", self.value)
            }
            ContactKind::Text => format!("text {} to {}", self.keyword, self.value),
            _ => self.value.clone(),
        }
    }
}
