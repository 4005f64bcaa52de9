//! The triage outcome: what the caller leaves with — urgency, services that can respond in time,
//! what to say, and always the safety net. A plain value the CLI, the outcome screen and the
//! call summary render; the role decides what it holds (handlers never get professional lines).

mod build;
pub mod fit;
mod judge;
mod routes;
mod say;
mod scrub;

pub use build::{outcome, outcome_with, window_minutes, Inputs, PERINATAL_FLAG};
pub use routes::URGENT_CARE_ID;
pub use say::{EMERGENCY_LINES, EMERGENCY_TITLE};

use crate::model::urgency::{ResponseKind, Window};
use crate::model::{Contact, Role};
use crate::places::Reach;
use crate::search::Group;
use chrono::{DateTime, Utc};
use serde::Serialize;

fn rfc3339<S: serde::Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.to_rfc3339()),
        None => s.serialize_none(),
    }
}

fn rfc3339_one<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339())
}

/// Everything one finished call leads to. Built for one role: in the call-handler role no
/// professional-only contact is anywhere inside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The instant reachability was judged at.
    #[serde(serialize_with = "rfc3339_one")]
    pub at: DateTime<Utc>,
    /// The display mode it was built for (a display mode, not access control).
    pub role: Role,
    /// "DRAFT — not clinically approved (questionnaire 0.1-draft)" until approved.
    pub draft: Option<String>,
    pub questionnaire_version: String,
    pub urgency: UrgencyView,
    /// Set for the emergency outcome (urgency A, the emergency key, or an emergency answer).
    pub emergency: Option<EmergencyView>,
    pub needs: Vec<Labelled>,
    pub flags: Vec<FlagAdvice>,
    pub age: AgeView,
    pub place: PlaceView,
    /// Always the three search groups, in `Group::ALL` order (some may be empty).
    pub groups: Vec<OutcomeGroup>,
    /// How near the nearest firm option is, and the plain words when nothing local fits.
    pub coverage: Coverage,
    /// The safety net, always: 999, NHS 111 mental health option, Samaritans, Shout.
    pub safety_net: Vec<OutcomeService>,
    /// At A and B: listening lines that fit the call, as support while waiting for the crisis
    /// response — never the next step.
    pub support_while_waiting: Vec<OutcomeService>,
    /// "Raised to B: <why>", one per modifier that raised the level.
    pub raised: Vec<String>,
    /// What to say, in reading order: next steps, flag advice, safety-netting.
    pub say: Vec<Say>,
    /// Services that fit place, age and need but are not offered for this call, with why
    /// (no contacts: they are not to be given).
    pub left_out: Vec<LeftOut>,
    /// Lines for the handler about the call itself (place unclear, outside the area...).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labelled {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagAdvice {
    pub id: String,
    pub label: String,
    pub advice: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UrgencyView {
    /// "B". The summary records it; the handler's screen shows `plain` instead.
    pub code: String,
    /// Clinical label ("Very urgent"), for the clinician role.
    pub label: String,
    /// Plain words for call handlers ("Needs mental health help within 4 hours").
    pub plain: String,
    pub window: Window,
    /// "within 4 hours".
    pub window_text: String,
    /// The horizon services were judged against, in minutes (F and G: the 14-day look-ahead).
    pub window_minutes: u32,
    /// The level the answers reached, before any override.
    pub computed: String,
    #[serde(rename = "override")]
    pub override_: Option<OverrideView>,
    /// What this role is shown: "B Very urgent — within 4 hours" or the plain words.
    pub shown: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverrideView {
    pub level: String,
    pub computed: String,
    pub reason: String,
    pub reason_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmergencyView {
    pub title: String,
    /// What to do now, in order: 999, stay on the line, A&E.
    pub lines: Vec<String>,
    /// The question it was reached from ("outcome" after the end), if by the walk.
    pub from: Option<String>,
    /// True when the emergency key was used.
    pub jump: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeView {
    /// "16", "not known (teenager: 13 to 17)", "not asked".
    pub text: String,
    pub years: Option<u8>,
    /// The band matched on when the age is not known: [min, max].
    pub band: Option<[u8; 2]>,
    /// The report band ("16-17") when one band holds the age.
    pub report_band: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PlaceView {
    Place {
        id: String,
        name: String,
    },
    /// Several places it may be: services shown serve all of them. Confirm with the caller.
    Candidates {
        ids: Vec<String>,
        names: Vec<String>,
    },
    /// Outside Hampshire and the Isle of Wight: national services and "call 111".
    Outside,
    /// Not known or not given: area-wide and national services.
    NotGiven,
    /// The walk ended before the place question (the emergency outcome).
    NotAsked,
}

impl PlaceView {
    /// The place as a summary shows it (a name, never what was typed).
    pub fn text(&self) -> String {
        match self {
            PlaceView::Place { name, .. } => name.clone(),
            PlaceView::Candidates { names, .. } => {
                format!("not confirmed: one of {}", names.join(", "))
            }
            PlaceView::Outside => "outside Hampshire and the Isle of Wight".to_string(),
            PlaceView::NotGiven => "not given".to_string(),
            PlaceView::NotAsked => "not asked".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeGroup {
    pub group: Group,
    pub title: String,
    pub services: Vec<OutcomeService>,
}

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    Place,
    Age,
    Need,
    Urgency,
    Hours,
    Access,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub kind: Why,
    pub text: String,
}

/// One service offered (or one safety-net record), with why and how to reach it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeService {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub group: Group,
    pub reach: Reach,
    /// What kind of response it gives (policy table, or the record's override).
    pub response: ResponseKind,
    /// Part of the catch-all (the safety net, or a record with only safety-net numbers).
    pub catch_all: bool,
    /// Nothing to check first and reachable within the window.
    pub firm: bool,
    pub reasons: Vec<Reason>,
    /// What to check before giving it (always set in the check-before-giving group).
    pub checks: Vec<String>,
    /// Hours now: "open until 22:00", "closed — opens Mon 09:00".
    pub hours: String,
    /// Within the window: "open all hours", "opens Mon 09:00, within 72 hours".
    pub respond: String,
    #[serde(serialize_with = "rfc3339")]
    pub next_opening: Option<DateTime<Utc>>,
    /// How the caller gets to it: "they can contact it themselves", "ask their GP or 111 to refer".
    pub how: String,
    /// Only the contacts this role may see.
    pub contacts: Vec<Contact>,
    /// The one to read out first, among `contacts`: "0800 1111", "text HANTS to 85258".
    pub primary: Option<String>,
    /// What a caller may be told (the record's public text).
    pub public_info: String,
    /// Staff referral notes: clinician role only (they may name professional routes).
    pub referral: Option<String>,
}

/// How near the nearest firm, non-catch-all option is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// None: nothing but the catch-all is firm for this call.
    pub nearest: Option<Reach>,
    /// Firm options that are not the catch-all.
    pub firm: usize,
    /// Options to check before giving that are not the catch-all.
    pub to_check: usize,
    /// True when no local service is a firm option: the outcome says so plainly.
    pub nothing_local: bool,
    /// The plain sentence when nothing local fits.
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SayKind {
    Emergency,
    Urgency,
    NextStep,
    /// A modifier raised the level, and why.
    Raised,
    /// An unknown answer was read as the worse one: ask again / if in doubt.
    IfInDoubt,
    /// A child at A or B: supervision by a parent or carer.
    Supervision,
    /// Listening lines while they wait.
    SupportWhileWaiting,
    NothingLocal,
    Place,
    Flag,
    SafetyNet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Say {
    pub kind: SayKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeftOutWhy {
    /// Its policy does not take this urgency level.
    OtherUrgency,
    /// It cannot respond within the window (closed, or closing within 30 minutes).
    NotInWindow,
    /// The deploying service itself (config `own_services`).
    OwnService,
    /// An answer, or the service's own stated eligibility, rules this call out.
    Excluded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub id: String,
    pub name: String,
    pub why: LeftOutWhy,
    pub text: String,
}

impl Outcome {
    pub fn group(&self, g: Group) -> &OutcomeGroup {
        &self.groups[g as usize]
    }

    /// Every service offered, group by group, in display order (the safety net apart).
    pub fn services(&self) -> impl Iterator<Item = &OutcomeService> {
        self.groups.iter().flat_map(|g| g.services.iter())
    }

    pub fn ids(&self) -> Vec<&str> {
        self.services().map(|s| s.id.as_str()).collect()
    }

    pub fn safety_net_ids(&self) -> Vec<&str> {
        self.safety_net.iter().map(|s| s.id.as_str()).collect()
    }

    /// The first firm service in reading order: the next step. At A and B it is always a
    /// crisis route (emergency, crisis assessment or A&E).
    pub fn next_step(&self) -> Option<&OutcomeService> {
        self.services().find(|s| s.firm)
    }

    /// The caller has a next step beyond the catch-all, or the outcome says plainly that
    /// nothing local fits (and gives the safety net).
    pub fn has_next_step(&self) -> bool {
        self.coverage.firm > 0 || self.coverage.message.is_some() || self.emergency.is_some()
    }

    pub fn is_emergency(&self) -> bool {
        self.emergency.is_some()
    }
}

/// The role an outcome is built for, with what it may show.
pub(crate) fn shows_codes(role: Role) -> bool {
    role == Role::Clinician
}
