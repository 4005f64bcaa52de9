//! The urgency scale (data, from triage.toml) and the policy table saying who takes which level.

use super::category::Category;
use super::hours::HoursKind;
use super::service::{Access, Service};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// How soon a level needs a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Emergency services now: nothing to wait for.
    Immediate,
    Minutes(u32),
    /// Another kind of service; no mental health face-to-face response.
    Referral,
    /// Advice or information only.
    NoAppointment,
}

impl Window {
    /// The horizon a service must be reachable within, in minutes.
    pub fn horizon_minutes(self) -> Option<u32> {
        match self {
            Window::Immediate => Some(0),
            Window::Minutes(m) => Some(m),
            Window::Referral | Window::NoAppointment => None,
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Immediate => write!(f, "immediately"),
            Window::Minutes(m) if m % (7 * 24 * 60) == 0 => write!(f, "within {} weeks", m / 10080),
            Window::Minutes(m) if m % 60 == 0 => write!(f, "within {} hours", m / 60),
            Window::Minutes(m) => write!(f, "within {m} minutes"),
            Window::Referral => write!(f, "referral to another service"),
            Window::NoAppointment => write!(f, "no appointment needed"),
        }
    }
}

impl Serialize for Window {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Window::Immediate => s.serialize_str("immediate"),
            Window::Minutes(m) => s.serialize_u32(*m),
            Window::Referral => s.serialize_str("referral"),
            Window::NoAppointment => s.serialize_str("no-appointment"),
        }
    }
}

impl<'de> Deserialize<'de> for Window {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Window;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("minutes, \"immediate\", \"referral\" or \"no-appointment\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Window, E> {
                u32::try_from(v)
                    .ok()
                    .filter(|m| *m > 0)
                    .map(Window::Minutes)
                    .ok_or_else(|| E::custom(format!("{v} is not a window in minutes")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Window, E> {
                self.visit_i64(v.min(i64::MAX as u64) as i64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Window, E> {
                match v {
                    "immediate" => Ok(Window::Immediate),
                    "referral" => Ok(Window::Referral),
                    "no-appointment" => Ok(Window::NoAppointment),
                    o => Err(E::custom(format!("'{o}' is not a response window"))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyLevel {
    /// "A" (most urgent) to "G".
    pub code: String,
    /// Clinical label, shown in the clinician role.
    pub label: String,
    /// Plain words for call handlers.
    pub plain: String,
    pub window: Window,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// NHS England clinical response priority band, for reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub report_band: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyHours {
    #[default]
    Any,
    AllHours,
    NotAllHours,
}

/// What kind of response a service gives: at A and B the next step is always a crisis route
/// (emergency, crisis assessment, urgent care), never a listening line.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ResponseKind {
    /// 999: ambulance or police.
    Emergency,
    /// Assesses a mental health crisis and arranges the response: the 111 mental health
    /// option, a crisis team, a single point of access.
    CrisisAssessment,
    /// A&E and its mental health liaison team.
    UrgentCare,
    /// Face-to-face crisis support that is not an assessment: safe havens, crisis cafés.
    CrisisSupport,
    /// Assessment and treatment by referral or appointment.
    #[default]
    Treatment,
    /// Someone to talk to: Samaritans, Shout, Childline. Support while waiting at A and B.
    ListeningSupport,
    /// Information, advice and peer support.
    Information,
}

impl ResponseKind {
    /// A route that can be the next step at A or B.
    pub fn is_crisis_route(self) -> bool {
        matches!(
            self,
            ResponseKind::Emergency | ResponseKind::CrisisAssessment | ResponseKind::UrgentCare
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            ResponseKind::Emergency => "emergency services",
            ResponseKind::CrisisAssessment => "crisis assessment",
            ResponseKind::UrgentCare => "urgent care (A&E)",
            ResponseKind::CrisisSupport => "crisis support",
            ResponseKind::Treatment => "assessment and treatment",
            ResponseKind::ListeningSupport => "listening support",
            ResponseKind::Information => "information and advice",
        }
    }
}

/// One row of the reviewed routing policy: first matching rule wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyRule {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories_any: Vec<Category>,
    #[serde(default)]
    pub hours: PolicyHours,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_any: Vec<Access>,
    pub levels: Vec<String>,
    /// The response kind of the services this rule matches (a record may override it).
    /// Missing: information — never taken for a crisis route.
    #[serde(default = "information")]
    pub response: ResponseKind,
}

fn information() -> ResponseKind {
    ResponseKind::Information
}

impl PolicyRule {
    pub fn matches(&self, s: &Service) -> bool {
        let cats = self.categories_any.is_empty()
            || self.categories_any.iter().any(|c| s.categories.contains(c));
        let hours = match self.hours {
            PolicyHours::Any => true,
            PolicyHours::AllHours => s.hours.kind == HoursKind::AllHours,
            PolicyHours::NotAllHours => s.hours.kind != HoursKind::AllHours,
        };
        let access =
            self.access_any.is_empty() || self.access_any.iter().any(|a| s.access.contains(a));
        cats && hours && access
    }
}

/// Where a service's urgency levels came from, so a reviewer can trace every routing decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum LevelsFrom {
    Policy(String),
    Override(String),
    NoRule,
}

/// The urgency levels a service can respond to, by its override or the first matching rule.
pub fn levels_for<'a>(s: &'a Service, policy: &'a [PolicyRule]) -> (&'a [String], LevelsFrom) {
    if let Some(o) = &s.urgency {
        return (&o.levels, LevelsFrom::Override(o.reason.clone()));
    }
    match policy.iter().find(|r| r.matches(s)) {
        Some(r) => (&r.levels, LevelsFrom::Policy(r.id.clone())),
        None => (&[], LevelsFrom::NoRule),
    }
}

/// A service's response kind, by its own override or the first matching rule, and where from.
pub fn response_for(s: &Service, policy: &[PolicyRule]) -> (ResponseKind, LevelsFrom) {
    if let Some(o) = &s.response {
        return (o.kind, LevelsFrom::Override(o.reason.clone()));
    }
    match policy.iter().find(|r| r.matches(s)) {
        Some(r) => (r.response, LevelsFrom::Policy(r.id.clone())),
        // No rule: never a crisis route, so the outcome adds one.
        None => (ResponseKind::Information, LevelsFrom::NoRule),
    }
}
