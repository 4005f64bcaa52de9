//! Plain-text and JSON views of a service for the command line; empty facts read "not confirmed".

use crate::hours::{self, london, Calendar, State};
use crate::model::{Directory, Hours, HoursKind, Role, Service, Status};
use chrono::{DateTime, Utc};
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

/// The week (Monday to Sunday) around `at` with its day marked "> ", the state at `at`, the next
/// opening, and any contact's own hours. Marked with text, not colour: output may be a file.
pub fn hours_at_text(dir: &Directory, s: &Service, role: Role, at: DateTime<Utc>) -> String {
    let cal = Calendar::from(&dir.bank_holidays);
    let today = london::local_date(at);
    let mut out = vec![format!(
        "Opening hours, week of {} (London time):",
        hours::monday_of(today).format("%a %-d %b %Y")
    )];
    for d in hours::week(&s.hours, &cal, hours::monday_of(today)) {
        let mark = if d.date == today { ">" } else { " " };
        let mut text = d.text();
        if d.bank_holiday && !text.contains("bank holiday") {
            text.push_str(" [bank holiday]");
        }
        out.push(format!("{mark} {}  {text}", d.date.format("%a %d %b")));
    }
    let now = hours::status(&s.hours, &cal, at);
    out.push(format!("At {}: {}", london::describe(at), now.text()));
    out.push(format!(
        "Next opening: {}",
        next_opening_text(&s.hours, &cal, at)
    ));
    let own: Vec<_> = s
        .contacts_for(role.shows_professional())
        .filter(|c| c.hours.is_some())
        .collect();
    if !own.is_empty() {
        out.push("Contacts with their own hours:".into());
    }
    for c in own {
        let st = hours::contact_status(s, c, &cal, at);
        out.push(format!("  {} {}: {}", c.kind.label(), c.value, st.text()));
    }
    out.join("\n")
}

fn next_opening_text(h: &Hours, cal: &Calendar, at: DateTime<Utc>) -> String {
    let st = hours::status(h, cal, at);
    match st.state {
        State::Open { .. } => "open now".to_string(),
        State::NotConfirmed => NOT_CONFIRMED.to_string(),
        _ => match hours::next_opening(h, cal, at) {
            Some(t) => london::describe(t),
            None => format!("none in the next {} days", hours::SEARCH_DAYS),
        },
    }
}

pub fn hours_at_json(dir: &Directory, s: &Service, role: Role, at: DateTime<Utc>) -> Value {
    let cal = Calendar::from(&dir.bank_holidays);
    let today = london::local_date(at);
    let st = hours::status(&s.hours, &cal, at);
    let week: Vec<Value> = hours::week(&s.hours, &cal, hours::monday_of(today))
        .iter()
        .map(|d| json!({ "date": d.date.to_string(), "text": d.text(), "bank_holiday": d.bank_holiday, "today": d.date == today }))
        .collect();
    let contacts: Vec<Value> = s
        .contacts_for(role.shows_professional())
        .filter(|c| c.hours.is_some())
        .map(|c| json!({ "value": c.display_value(), "text": hours::contact_status(s, c, &cal, at).text() }))
        .collect();
    json!({
        "at": at.to_rfc3339(), "at_local": london::describe(at),
        "open": st.is_open(), "text": st.text(),
        "closes_at": st.closes_at().map(|t| t.to_rfc3339()),
        "next_opening": hours::next_opening(&s.hours, &cal, at).map(|t| t.to_rfc3339()),
        "next_change": st.next_change.map(|t| t.to_rfc3339()),
        "week": week, "contacts": contacts,
    })
}
