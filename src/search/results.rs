//! What a search returns: three honest groups of hits, each hit with its reasons and highlights.

use super::index::Field;
use super::place::PlaceScope;
use crate::model::Contact;
use crate::places::Reach;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The three groups, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Serves the place, takes the age, open now (or all hours), record and number confirmed.
    Reachable,
    /// Fits, but something must be checked first (unconfirmed record, age limit, hours, number).
    CheckFirst,
    /// Fits, but closed now: shown with its next opening.
    ClosedNow,
    /// The service the typed words name ("mental health hub"): listed first, whatever group it
    /// is in, with its hours badge and checks (its hit keeps its own group).
    Named,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Reachable, Group::CheckFirst, Group::ClosedNow];

    pub fn title(self) -> &'static str {
        match self {
            Group::Reachable => "Fits and reachable now",
            Group::CheckFirst => "Fits — check before giving",
            Group::ClosedNow => "Fits but closed now",
            Group::Named => "The service you named",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Group::Reachable => "reachable",
            Group::CheckFirst => "check-before-giving",
            Group::ClosedNow => "closed-now",
            Group::Named => "named",
        }
    }
}

/// What a reason is about, so a screen can order or style them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonKind {
    Text,
    Place,
    Age,
    Category,
    Hours,
    Access,
    /// Reached through the needs vocabulary: "'pills' → overdose → crisis services".
    Need,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    pub text: String,
}

/// Matched characters in one field, as character indices into the field's text as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    pub field: Field,
    /// Which keyword or category (by position in the record); 0 for single fields.
    pub item: usize,
    pub positions: Vec<usize>,
}

/// One service in the results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Position of the service in the directory's list, for the detail pane.
    pub doc: usize,
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub group: Group,
    /// Text relevance (0 for an empty query); higher is better.
    pub relevance: u16,
    /// Why it is here: text, place, age, category, hours, access.
    pub reasons: Vec<Reason>,
    /// What to check before giving it (always set for `CheckFirst`, may be set for `ClosedNow`).
    pub checks: Vec<String>,
    /// "open until 22:00", "closed — opens Mon 09:00", "hours not confirmed".
    pub hours: String,
    #[serde(serialize_with = "rfc3339")]
    pub next_opening: Option<DateTime<Utc>>,
    /// How near the caller it is (local, area-wide, national).
    pub reach: Reach,
    pub matches: Vec<FieldMatch>,
    /// Contacts this role may see: call handlers never get professional-only lines.
    pub contacts: Vec<Contact>,
}

fn rfc3339<S: serde::Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.to_rfc3339()),
        None => s.serialize_none(),
    }
}

impl Hit {
    /// The number to read out first, among the contacts this role may see.
    pub fn primary_contact(&self) -> Option<&Contact> {
        use crate::model::ContactKind;
        let c = &self.contacts;
        c.iter()
            .find(|x| x.kind == ContactKind::Phone)
            .or_else(|| c.iter().find(|x| x.kind == ContactKind::Text))
            .or_else(|| c.iter().find(|x| x.kind.is_direct()))
    }

    pub fn positions(&self, field: Field, item: usize) -> &[usize] {
        self.matches
            .iter()
            .find(|m| m.field == field && m.item == item)
            .map(|m| m.positions.as_slice())
            .unwrap_or(&[])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResults {
    pub group: Group,
    /// How many services are in this group (may be more than `hits` when a limit was given).
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// A filter that can exclude services, for saying what excluded everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Filter {
    Text,
    Place,
    Age,
    Category,
    OpenNow,
    SelfReferral,
}

impl Filter {
    pub const ALL: [Filter; 6] = [
        Filter::Text,
        Filter::Place,
        Filter::Age,
        Filter::Category,
        Filter::OpenNow,
        Filter::SelfReferral,
    ];
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
    pub fn label(self) -> &'static str {
        match self {
            Filter::Text => "search words",
            Filter::Place => "place filter",
            Filter::Age => "age filter",
            Filter::Category => "category filter",
            Filter::OpenNow => "open-now filter",
            Filter::SelfReferral => "self-referral filter",
        }
    }
}

/// Why nothing was found, and what would find something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Empty {
    /// One plain sentence: "no service for age 9 in Isle of Wight matches 'gambling'; 3 would
    /// match without the age filter".
    pub message: String,
    /// For each active filter, how many services would match with only that filter removed.
    pub without: Vec<(Filter, usize)>,
}

/// A vocabulary phrase found in the query and what it was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meaning {
    /// As typed, folded: "took too many pills".
    pub phrase: String,
    /// "overdose".
    pub label: String,
    pub categories: Vec<crate::model::Category>,
    pub risk: bool,
}

/// Risk phrases were typed: ask about danger now (the results still follow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskWords {
    pub phrases: Vec<String>,
    /// The risk phrases are not yet clinically approved.
    pub draft: bool,
}

impl RiskWords {
    /// The risk phrases as a handler reads them: "'kill myself', 'pills'".
    pub fn quoted(&self) -> String {
        let q: Vec<String> = self.phrases.iter().map(|p| format!("'{p}'")).collect();
        q.join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The words searched for, as folded.
    pub terms: Vec<String>,
    pub place: PlaceScope,
    /// The three groups in `Group::ALL` order, after the named service's group when one is named.
    pub groups: Vec<GroupResults>,
    /// The vocabulary phrases found in what was typed, in order.
    pub meanings: Vec<Meaning>,
    /// Set when a phrase is a risk phrase: the screens ask the handler to ask about danger now.
    pub risk: Option<RiskWords>,
    /// Lines to show above the results (place unclear, outside the area...).
    pub notes: Vec<String>,
    /// Set when no service is in any group.
    pub empty: Option<Empty>,
    /// The next instant a returned hit opens or closes: search again then (the TUI's timer).
    #[serde(serialize_with = "rfc3339")]
    pub next_change: Option<DateTime<Utc>>,
}

impl Results {
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.total).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// Every returned hit in display order (group by group).
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }

    pub fn group(&self, g: Group) -> &GroupResults {
        static NONE: GroupResults = GroupResults {
            group: Group::Named,
            total: 0,
            hits: Vec::new(),
        };
        self.groups.iter().find(|x| x.group == g).unwrap_or(&NONE)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.hits().map(|h| h.id.as_str()).collect()
    }
}
