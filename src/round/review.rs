//! The review worklist: which records a maintainer should ring first, and what to check on each.

use crate::model::validate::{months_between, CheckContext};
use crate::model::{Category, Directory, Service, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// How much a wrong record here could hurt a caller: crisis lines first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Crisis,
    Urgent,
    Other,
}

impl Tier {
    pub fn of(s: &Service) -> Tier {
        if s.has(Category::Crisis) || s.has(Category::Emergency) {
            Tier::Crisis
        } else if [
            Category::SuicidalThoughts,
            Category::SuicidePrevention,
            Category::SelfHarm,
            Category::Psychosis,
        ]
        .iter()
        .any(|c| s.has(*c))
        {
            Tier::Urgent
        } else {
            Tier::Other
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Crisis => "crisis",
            Tier::Urgent => "urgent",
            Tier::Other => "other",
        }
    }
}

/// One line of the worklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewItem {
    pub id: String,
    pub name: String,
    pub file: String,
    pub tier: Tier,
    /// Why it is on the list, most pressing first ("2 desk reports: number", "never verified").
    pub reasons: Vec<String>,
    /// What to confirm with the provider.
    pub check: String,
    /// The number to ring, or empty with `source` to read instead.
    pub ring: String,
    pub source: String,
    #[serde(skip)]
    rank: (Tier, u8, usize),
}

/// Wrong-record reports from desks, counted per service and per kind ("number", "hours"...).
pub type Reports = BTreeMap<String, BTreeMap<String, usize>>;

/// Add one report line as `signpost report --wrong-records` prints it: "DATE TIME  WHAT  ID".
pub fn add_report_line(reports: &mut Reports, line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [_date, _time, what, id] = words.as_slice() else {
        return false;
    };
    *reports
        .entry(id.to_string())
        .or_default()
        .entry(what.to_string())
        .or_default() += 1;
    true
}

/// The worklist: crisis, then urgent, then other services; within each, desk reports, then never
/// verified, then stale, then unconfirmed. Records with nothing to check are left out.
pub fn worklist(dir: &Directory, ctx: CheckContext, reports: &Reports) -> Vec<ReviewItem> {
    let mut items: Vec<ReviewItem> = dir
        .services
        .iter()
        .filter_map(|s| item(s, ctx, reports.get(&s.id)))
        .collect();
    items.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.name.cmp(&b.name)));
    items
}

fn item(
    s: &Service,
    ctx: CheckContext,
    reports: Option<&BTreeMap<String, usize>>,
) -> Option<ReviewItem> {
    let mut reasons = Vec::new();
    let mut checks: Vec<&str> = Vec::new();
    let mut first = u8::MAX;
    if let Some(r) = reports.filter(|r| !r.is_empty()) {
        first = 0;
        let total: usize = r.values().sum();
        let kinds: Vec<String> = r.iter().map(|(k, n)| format!("{k} x{n}")).collect();
        reasons.push(format!(
            "{total} desk report{} of a wrong record: {}",
            if total == 1 { "" } else { "s" },
            kinds.join(", ")
        ));
        for k in r.keys() {
            checks.push(match k.as_str() {
                "number" => "the phone number",
                "hours" => "the opening hours",
                "closed" => "whether it is still running",
                _ => "what desks found wrong",
            });
        }
    }
    match &s.verified {
        None => {
            first = first.min(1);
            let seen = s
                .last_seen()
                .map(|d| format!("sourced, seen {d}"))
                .unwrap_or_else(|| "source date not shown".into());
            reasons.push(format!("never verified ({seen})"));
        }
        Some(v) => {
            let age = months_between(v.on, ctx.today);
            if age >= i64::from(ctx.stale_months) {
                first = first.min(2);
                reasons.push(format!("stale: verified {} ({age} months ago)", v.on));
            }
        }
    }
    if s.status == Status::Unconfirmed {
        first = first.min(3);
        let why = if s.status_reason.is_empty() {
            "no reason given".to_string()
        } else {
            s.status_reason.clone()
        };
        reasons.push(format!("unconfirmed: {why}"));
    }
    if reasons.is_empty() {
        return None;
    }
    if s.verified.is_none() || checks.is_empty() {
        checks.push("number, hours, ages and areas served");
    }
    if !s.hours.is_confirmed() {
        checks.push("opening hours (not confirmed)");
    }
    if s.status == Status::Unconfirmed {
        checks.push("that the service is still running");
    }
    checks.dedup();
    let tier = Tier::of(s);
    let ring = s
        .primary_public()
        .or_else(|| s.contacts.iter().find(|c| c.kind.is_direct()))
        .map(|c| c.value.clone())
        .unwrap_or_default();
    Some(ReviewItem {
        id: s.id.clone(),
        name: s.name.clone(),
        file: format!("services/{}.toml", s.id),
        tier,
        reasons,
        check: format!("confirm {}", checks.join("; ")),
        ring,
        source: s.sources.first().map(|x| x.url.clone()).unwrap_or_default(),
        rank: (tier, first, 0),
    })
}
