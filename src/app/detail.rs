//! What the detail pane says about one service, decided here (role filtering, staleness, the
//! week's hours) so it is tested without a terminal.

use super::listing::{badge, is_stale, Badge};
use super::App;
use crate::hours::{self, london, text::when};
use crate::model::{Audience, HoursKind, Role, Service, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFact {
    pub kind: String,
    pub label: String,
    /// As read out: "01632 960001", "text TALK to 85000".
    pub value: String,
    pub audience: String,
    pub professional: bool,
    /// Its own hours' state when they differ from the service's; empty otherwise.
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayFact {
    pub day: String,
    pub text: String,
    pub today: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailFacts {
    pub badge: Badge,
    pub age: String,
    /// Unconfirmed or closed, with the reason.
    pub unconfirmed: Option<String>,
    pub contacts: Vec<ContactFact>,
    pub hours_wording: String,
    pub week: Vec<DayFact>,
    pub next_opening: Option<String>,
    pub access: String,
    /// (label, text) pairs: what to tell the caller; staff referral notes for clinicians.
    pub notes: Vec<(String, String)>,
    pub eligibility: String,
    pub languages: String,
    pub cost: String,
    /// "Verified ... by ..." or "Sourced, not verified — seen ...".
    pub trust: String,
    /// Status notes in force now, gone by themselves when they end.
    pub status_notes: Vec<String>,
    pub stale: bool,
    pub sources: Vec<String>,
    pub reasons: Vec<String>,
}

const NOT_CONFIRMED: &str = "not confirmed";

fn or_nc(s: &str) -> String {
    if s.trim().is_empty() {
        NOT_CONFIRMED.to_string()
    } else {
        s.to_string()
    }
}

pub fn facts(app: &App, s: &Service) -> DetailFacts {
    let cal = app.searcher.calendar();
    let now = app.now;
    let today = london::local_date(now);
    let status = hours::status(&s.hours, cal, now);
    let role = app.settings.role;
    let contacts = s
        .contacts_for(role.shows_professional())
        .map(|c| ContactFact {
            kind: c.kind.label().to_string(),
            label: c.label.clone(),
            value: c.display_value(),
            audience: match c.audience {
                Audience::Public => "public".to_string(),
                Audience::Professional => "PROFESSIONALS ONLY: not for callers".to_string(),
            },
            professional: c.audience == Audience::Professional,
            hours: match &c.hours {
                Some(h) => format!("own hours: {}", hours::status(h, cal, now).text()),
                None => String::new(),
            },
        })
        .collect();
    let week = hours::week(&s.hours, cal, hours::monday_of(today))
        .into_iter()
        .map(|d| DayFact {
            day: d.day.label().to_string(),
            text: d.text(),
            today: d.date == today,
        })
        .collect();
    let next_opening = match status.state {
        hours::State::Closed { next_open: Some(t) } => {
            let today_too = london::local_date(t) == today;
            let at = when(t, now);
            Some(if today_too {
                format!("Next opening: today {at}.")
            } else {
                format!("Next opening: {at}.")
            })
        }
        hours::State::Closed { next_open: None } => Some(format!(
            "No opening found in the next {} days.",
            hours::SEARCH_DAYS
        )),
        _ => None,
    };
    let hours_wording = match (s.hours.kind, s.hours.wording.trim()) {
        (HoursKind::AllHours, "") => "open all hours".to_string(),
        (HoursKind::NotConfirmed, "") => "hours not confirmed".to_string(),
        (_, "") => "no wording given".to_string(),
        (_, w) => format!("\"{w}\""),
    };
    let access = if s.access.is_empty() {
        NOT_CONFIRMED.to_string()
    } else {
        s.access
            .iter()
            .map(|a| a.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut notes = vec![("Tell the caller:".to_string(), or_nc(&s.public_info))];
    if role == Role::Clinician {
        notes.push(("Referral (staff notes):".to_string(), or_nc(&s.referral)));
    }
    let trust = match &s.verified {
        Some(v) => format!("Verified {} by {} ({})", v.on, v.by, v.method),
        None => format!(
            "Sourced, not verified — seen {}",
            s.last_seen()
                .map(|d| d.to_string())
                .unwrap_or_else(|| "(date not shown)".into())
        ),
    };
    let mut sources: Vec<String> = s
        .sources
        .iter()
        .map(|src| match src.seen_on {
            Some(d) => format!("{} (seen {d})", src.url),
            None => format!("{} (date seen not shown)", src.url),
        })
        .collect();
    if !s.feed.is_empty() {
        sources.push(format!("from the open-data feed {}", s.feed));
    }
    let unconfirmed = match s.status {
        Status::Active => None,
        Status::Unconfirmed => Some(or_nc(&s.status_reason)),
        Status::Closed => Some(format!("CLOSED — {}", or_nc(&s.status_reason))),
    };
    DetailFacts {
        status_notes: hours::notes::active(&app.directory, &s.id, now)
            .iter()
            .map(|n| n.text())
            .collect(),
        badge: badge(&status),
        age: s.age.to_string(),
        unconfirmed,
        contacts,
        hours_wording,
        week,
        next_opening,
        access,
        notes,
        eligibility: if s.eligibility.is_empty() {
            "none stated".to_string()
        } else {
            s.eligibility.join("; ")
        },
        languages: s.languages.join(", "),
        cost: s.cost.clone(),
        trust,
        stale: is_stale(s, today, app.settings.stale_months),
        sources,
        reasons: app
            .listing
            .rows()
            .find(|r| r.id == s.id)
            .map(|r| r.reasons.clone())
            .unwrap_or_default(),
    }
}
