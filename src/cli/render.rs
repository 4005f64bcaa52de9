//! Plain-text and JSON views of a service for the command line; empty facts read "not confirmed".

use crate::model::{Directory, HoursKind, Role, Service, Status};
use serde_json::{json, Value};

pub const NOT_CONFIRMED: &str = "not confirmed";

fn or_nc(s: &str) -> String {
    if s.trim().is_empty() {
        NOT_CONFIRMED.to_string()
    } else {
        s.to_string()
    }
}

fn list_or_nc(items: &[String]) -> String {
    if items.is_empty() {
        NOT_CONFIRMED.to_string()
    } else {
        items.join("; ")
    }
}

pub fn status_line(s: &Service) -> String {
    let trust = match &s.verified {
        Some(v) => format!("verified {} by {} ({})", v.on, v.by, v.method),
        None => format!(
            "sourced, not verified — seen {}",
            s.last_seen()
                .map(|d| d.to_string())
                .unwrap_or_else(|| "date not shown".into())
        ),
    };
    match s.status {
        Status::Active => format!("active; {trust}"),
        Status::Unconfirmed => format!(
            "UNCONFIRMED — check before giving ({}); {trust}",
            s.status_reason
        ),
        Status::Closed => format!("CLOSED ({}); {trust}", s.status_reason),
    }
}

pub fn hours_summary(s: &Service) -> String {
    let h = &s.hours;
    let wording = if h.wording.is_empty() {
        String::new()
    } else {
        format!(" (source: \"{}\")", h.wording)
    };
    match h.kind {
        HoursKind::AllHours => format!("open all hours{wording}"),
        HoursKind::NotConfirmed => format!("hours not confirmed{wording}"),
        HoursKind::Weekly => {
            let sessions: Vec<String> = h
                .sessions
                .iter()
                .map(|x| {
                    let days: Vec<&str> = x.days.iter().map(|d| d.label()).collect();
                    format!("{} {}-{}", days.join(","), x.open, x.close)
                })
                .collect();
            format!("{}{wording}", sessions.join("; "))
        }
    }
}

pub fn service_text(dir: &Directory, s: &Service, role: Role) -> String {
    let mut out = Vec::new();
    out.push(format!("{}  [{}]", s.name, s.id));
    out.push(format!("Organisation: {}", or_nc(&s.organisation)));
    out.push(format!("Status: {}", status_line(s)));
    out.push(format!("About: {}", or_nc(&s.description)));
    let cats: Vec<&str> = s.categories.iter().map(|c| c.label()).collect();
    out.push(format!("Categories: {}", cats.join(", ")));
    let areas: Vec<String> = s
        .areas
        .iter()
        .map(|a| {
            dir.places
                .get(a)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| a.clone())
        })
        .collect();
    out.push(format!("Areas: {}", areas.join(", ")));
    if !s.areas_except.is_empty() {
        out.push(format!("Except: {}", s.areas_except.join(", ")));
    }
    out.push(format!("Ages: {}", s.age));
    if !s.age.conversion.is_empty() {
        out.push(format!("  (from the source: {})", s.age.conversion));
    }
    out.push("Contacts:".into());
    let shown: Vec<_> = s.contacts_for(role.shows_professional()).collect();
    if !shown.iter().any(|c| c.kind.is_direct()) {
        out.push("  number not confirmed — see website or check before giving".into());
    }
    for c in shown {
        let label = if c.label.is_empty() {
            String::new()
        } else {
            format!(" {}", c.label)
        };
        let audience = if c.is_public() {
            ""
        } else {
            "  [professionals only]"
        };
        out.push(format!(
            "  {}{label}: {}{audience}",
            c.kind.label(),
            c.display_value()
        ));
    }
    out.push(format!("Hours: {}", hours_summary(s)));
    let access: Vec<&str> = s.access.iter().map(|a| a.label()).collect();
    out.push(format!(
        "Access: {}",
        if access.is_empty() {
            NOT_CONFIRMED.into()
        } else {
            access.join(", ")
        }
    ));
    if role.shows_professional() {
        out.push(format!("Referral (staff): {}", or_nc(&s.referral)));
    }
    out.push(format!("For callers: {}", or_nc(&s.public_info)));
    out.push(format!("Eligibility: {}", list_or_nc(&s.eligibility)));
    out.push(format!("Languages: {}", list_or_nc(&s.languages)));
    out.push(format!("Cost: {}", or_nc(&s.cost)));
    let (levels, from) = crate::model::urgency::levels_for(s, &dir.triage.policy);
    out.push(format!(
        "Urgency levels: {} ({from:?})",
        if levels.is_empty() {
            NOT_CONFIRMED.into()
        } else {
            levels.join(", ")
        }
    ));
    out.push("Sources:".into());
    for src in &s.sources {
        let seen = src
            .seen_on
            .map(|d| format!(" (seen {d})"))
            .unwrap_or_default();
        out.push(format!("  {}{seen}", src.url));
    }
    if !s.feed.is_empty() {
        // The feed's own assurance is shown for what it is: the provider's claim, not ours.
        let assured = s
            .feed_assured_on
            .map(|d| format!("; the feed says it was checked {d}"))
            .unwrap_or_default();
        out.push(format!(
            "From open-data feed {}{assured} (not verified by us)",
            s.feed
        ));
    }
    if !s.notes.is_empty() {
        out.push(format!("Notes: {}", s.notes));
    }
    out.join("\n")
}

/// The JSON view: role-filtered contacts, and "not confirmed" in place of any empty fact.
pub fn service_json(dir: &Directory, s: &Service, role: Role) -> Value {
    let contacts: Vec<Value> = s
        .contacts_for(role.shows_professional())
        .map(|c| {
            json!({
                "kind": c.kind, "label": or_nc(&c.label), "value": c.value,
                "keyword": if c.kind == crate::model::ContactKind::Text { Value::String(or_nc(&c.keyword)) } else { Value::Null },
                "audience": c.audience, "hours": c.hours,
            })
        })
        .collect();
    let (levels, from) = crate::model::urgency::levels_for(s, &dir.triage.policy);
    let mut v = json!({
        "id": s.id, "name": s.name, "organisation": or_nc(&s.organisation),
        "description": or_nc(&s.description), "keywords": s.keywords,
        "categories": s.categories, "areas": s.areas, "areas_except": s.areas_except,
        "age": { "text": s.age.to_string(), "min": s.age.min, "max": s.age.max, "uncertain": s.age.uncertain, "conversion": or_nc(&s.age.conversion) },
        "contacts": contacts,
        "number": s.primary_public().map(|c| c.display_value()).unwrap_or_else(|| "number not confirmed".into()),
        "hours": { "summary": hours_summary(s), "detail": s.hours },
        "access": s.access, "public_info": or_nc(&s.public_info),
        "eligibility": if s.eligibility.is_empty() { json!(NOT_CONFIRMED) } else { json!(s.eligibility) },
        "languages": if s.languages.is_empty() { json!(NOT_CONFIRMED) } else { json!(s.languages) },
        "cost": or_nc(&s.cost), "status": s.status, "status_text": status_line(s),
        "urgency_levels": levels, "urgency_from": format!("{from:?}"),
        "sources": s.sources, "verified": s.verified, "notes": or_nc(&s.notes),
        "feed": s.feed, "feed_assured_on": s.feed_assured_on,
    });
    if role.shows_professional() {
        v["referral"] = json!(or_nc(&s.referral));
    }
    v
}
