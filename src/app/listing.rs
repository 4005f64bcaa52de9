//! The results as the screen lists them: three groups of rows, each row with what a handler
//! needs at a glance (badge, age range, number, markers, matched characters, reasons).

use super::status::is_older_than;
use super::{App, Settings};
use crate::hours::{self, Calendar, State};
use crate::model::{Directory, Service, Status};
use crate::search::{Field, Group as SearchGroup, Query, Results};
use chrono::{DateTime, NaiveDate, Utc};

/// Whether a service can be reached now, as a word that carries the meaning without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeState {
    Open,
    Closed,
    /// Hours not confirmed, or a bank holiday the source does not cover.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub state: BadgeState,
    /// "OPEN until 22:00", "OPEN 24/7", "CLOSED opens 18:00", "HOURS NOT CONFIRMED".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    /// Character positions in `name` that matched the query, for highlighting.
    pub name_hits: Vec<usize>,
    pub organisation: String,
    pub organisation_hits: Vec<usize>,
    pub badge: Badge,
    pub age: String,
    /// The primary public number as read out, or None: "number not confirmed".
    pub number: Option<String>,
    pub unconfirmed: bool,
    pub not_verified: bool,
    pub stale: bool,
    /// Why it is listed ("serves Isle of Wight", "open until 22:00", "name matches 'samar'").
    pub reasons: Vec<String>,
    /// Why it is under "check before giving" or closed (empty in the first group).
    pub caution: String,
    /// Status notes in force now ("CLOSED until …: …"), gone by themselves when they end.
    pub status_notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: SearchGroup,
    /// How many services are in the group (rows may stop at `ROW_LIMIT`).
    pub total: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    pub groups: Vec<Group>,
    /// Lines about the search itself (place unclear, outside the area...).
    pub notes: Vec<String>,
    /// When nothing is listed: what excluded everything, in plain words.
    pub empty_reason: Option<String>,
    /// The next instant a listed service opens or closes.
    pub next_change: Option<DateTime<Utc>>,
    /// Risk phrases were typed: the prompt above the results (the results still follow).
    pub risk: Option<String>,
}

impl Listing {
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn row(&self, mut i: usize) -> Option<&Row> {
        for g in &self.groups {
            if i < g.rows.len() {
                return g.rows.get(i);
            }
            i -= g.rows.len();
        }
        None
    }
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
    pub fn position(&self, id: &str) -> Option<usize> {
        self.rows().position(|r| r.id == id)
    }
}

/// Most rows fetched per group: the counts stay exact, and nobody scrolls past this on a call.
pub const ROW_LIMIT: usize = 50;

/// The search as the app's state asks for it.
pub fn query(app: &App) -> Query {
    Query {
        text: app.query.clone(),
        place: app.filters.place_input(),
        age: app.filters.age,
        age_band: None,
        categories: app.filters.categories.iter().copied().collect(),
        open_now: app.filters.open_now,
        self_referral_only: app.filters.self_referral,
        at: app.now,
        role: app.settings.role,
        limit: Some(ROW_LIMIT),
        within_minutes: None,
    }
}

/// The badge for a service's hours at an instant: a word first, so no colour is needed.
pub fn badge(status: &hours::Status) -> Badge {
    let text = status.text();
    let (state, text) = match status.state {
        State::Open { until: None } => (BadgeState::Open, "OPEN all hours".to_string()),
        State::Open { .. } => (BadgeState::Open, upper_first_word(&text)),
        State::Closed { .. } => (BadgeState::Closed, upper_first_word(&text)),
        State::MayBeClosedBankHoliday | State::NotConfirmed => {
            (BadgeState::Unknown, text.to_uppercase())
        }
    };
    Badge { state, text }
}

fn upper_first_word(s: &str) -> String {
    match s.split_once(' ') {
        Some((w, rest)) => format!("{} {rest}", w.to_uppercase()),
        None => s.to_uppercase(),
    }
}

/// A record is stale when its verification is older than the threshold (HAZ-003). Records
/// never verified say "not verified" instead.
pub fn is_stale(s: &Service, today: NaiveDate, months: u32) -> bool {
    s.verified
        .as_ref()
        .is_some_and(|v| is_older_than(Some(v.on), today, months))
}

/// Turn search results into rows, with badges worked out at `now`.
pub fn build(
    results: &Results,
    dir: &Directory,
    cal: &Calendar,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Listing {
    let stale_months = settings.stale_months;
    let today = crate::hours::london::local_date(now);
    let mut groups = Vec::new();
    for g in &results.groups {
        let kind = g.group;
        let mut rows = Vec::with_capacity(g.hits.len());
        let mut hidden = 0;
        for hit in &g.hits {
            if settings.own_services.contains(&hit.id) {
                hidden += 1;
                continue;
            }
            let Some(s) = dir.services.get(hit.doc) else {
                continue;
            };
            let status = hours::status(&s.hours, cal, now);
            rows.push(Row {
                id: hit.id.clone(),
                name: hit.name.clone(),
                name_hits: hit.positions(Field::Name, 0).to_vec(),
                organisation: hit.organisation.clone(),
                organisation_hits: hit.positions(Field::Organisation, 0).to_vec(),
                badge: badge(&status),
                age: s.age.to_string(),
                number: s.primary_public().map(|c| c.display_value()),
                unconfirmed: s.status == Status::Unconfirmed,
                not_verified: s.verified.is_none(),
                stale: is_stale(s, today, stale_months),
                reasons: hit.reasons.iter().map(|r| r.text.clone()).collect(),
                caution: hit.checks.join("; "),
                status_notes: hours::notes::active(dir, &s.id, now)
                    .iter()
                    .map(|n| n.text())
                    .collect(),
            });
        }
        groups.push(Group {
            kind,
            total: g.total - hidden,
            rows,
        });
    }
    Listing {
        groups,
        notes: results.notes.clone(),
        empty_reason: results.empty.as_ref().map(|e| e.message.clone()),
        // The search says when a returned service next opens or closes: redraw then.
        next_change: results.next_change,
        risk: results.risk.as_ref().map(|r| {
            let draft = if r.draft { " (DRAFT list)" } else { "" };
            format!("Risk words: ask about danger now — F9 for 999, t for triage{draft}")
        }),
    }
}
