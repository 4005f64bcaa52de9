//! `signpost search`: the search screen's engine on the command line, text or JSON.

use super::{notices, Ctx, Format};
use crate::hours::{self, london};
use crate::model::place::Candidate;
use crate::model::{Category, ContactKind};
use crate::places::OUTSIDE;
use crate::search::{Hit, PlaceInput, PlaceScope, Query, Results, Searcher};
use serde_json::{json, Value};
use std::sync::Arc;

/// Printed when risk phrases were typed: the results still follow.
pub fn risk_note(r: &crate::search::RiskWords) -> String {
    let draft = if r.draft {
        " (risk phrases DRAFT — not clinically approved)"
    } else {
        ""
    };
    format!(
        "Risk words ({}): ask about danger now — in immediate danger call 999; `signpost triage` asks the risk questions{draft}.",
        r.quoted()
    )
}

/// Said whenever a search finds nothing: the caller always leaves with a next step.
pub const SAFETY_NET: &str = "Safety net: in immediate danger call 999; NHS 111, option 2 (mental health, 24/7); Samaritans 116 123 (24/7); text SHOUT to 85258 (24/7).";

#[derive(Debug, Clone, Default)]
pub struct SearchArgs {
    pub query: Vec<String>,
    pub place: Option<String>,
    pub age: Option<u8>,
    pub categories: Vec<String>,
    pub open_now: bool,
    pub self_referral: bool,
    pub at: Option<String>,
    pub format: Format,
}

fn categories(ids: &[String]) -> Result<Vec<Category>, String> {
    ids.iter()
        .map(|id| {
            Category::from_id(id.trim()).ok_or_else(|| {
                let all: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                format!("unknown category '{id}' (one of: {})", all.join(", "))
            })
        })
        .collect()
}

pub fn run(ctx: &Ctx, a: &SearchArgs) -> Result<i32, String> {
    let at = match &a.at {
        Some(t) => hours::parse_local(t)?,
        None => ctx.now,
    };
    let cats = categories(&a.categories)?;
    if let Some(age) = a.age.filter(|n| *n > 130) {
        return Err(format!("age {age} is out of range 0-130"));
    }
    let s = ctx.open()?;
    notices(&s);
    let mut searcher = Searcher::new(Arc::new(s.directory));
    let place = a.place.as_ref().map(|t| match t.trim() {
        "outside" => PlaceInput::OutsideArea,
        _ => PlaceInput::Text(t.clone()),
    });
    let scope = PlaceScope::resolve(
        &searcher.directory().places,
        searcher.place_index(),
        place.as_ref(),
    );
    // The handler must choose: never search a place picked on their behalf.
    match &scope {
        PlaceScope::Unclear {
            candidates,
            names,
            why,
            ..
        } => {
            eprintln!("signpost: the place is unclear: {why}.");
            for (c, n) in candidates.iter().zip(names) {
                match c {
                    Candidate::Place(id) => eprintln!("  --where {id:<24} {n}"),
                    Candidate::OutsideArea => {
                        eprintln!("  --where outside               {OUTSIDE}")
                    }
                }
            }
            eprintln!("Ask the caller which, and search again with one of these.");
            return Ok(1);
        }
        PlaceScope::NotRecognised { text, suggestions } => {
            if suggestions.is_empty() {
                eprintln!("signpost: place '{text}' is not recognised (try a postcode district such as PO30, a town, or a place name).");
            } else {
                eprintln!(
                    "signpost: place '{text}' is not recognised. Did you mean: {}?",
                    suggestions.join(", ")
                );
            }
            return Ok(1);
        }
        _ => {}
    }
    let q = Query {
        text: a.query.join(" "),
        place,
        age: a.age,
        age_band: None,
        categories: cats,
        open_now: a.open_now,
        self_referral_only: a.self_referral,
        at,
        role: ctx.role,
        limit: None,
        within_minutes: None,
    };
    let results = searcher.search(&q);
    match a.format {
        Format::Text => print!(
            "{}",
            crate::model::clean::for_terminal(&with_status_notes(
                &text(&q, &results),
                searcher.directory(),
                q.at
            ))
        ),
        Format::Json => println!(
            "{}",
            crate::model::clean::for_terminal(
                &serde_json::to_string_pretty(&to_json(&q, &results)).unwrap_or_default()
            )
        ),
    }
    Ok(0)
}

fn number(h: &Hit) -> String {
    h.primary_contact()
        .map(|c| c.display_value())
        .unwrap_or_else(|| "number not confirmed".to_string())
}

/// The plain-text listing: a heading line, then each group with its hits and reasons.
pub fn text(q: &Query, r: &Results) -> String {
    let mut out = String::new();
    let mut head = vec![if q.text.trim().is_empty() {
        "Everything".to_string()
    } else {
        format!("Search '{}'", q.text.trim())
    }];
    match &r.place {
        PlaceScope::Place { name, why, .. } => head.push(format!("in {name} ({why})")),
        PlaceScope::Anywhere => head.push("any place".into()),
        other => head.push(other.phrase()),
    }
    if let Some(age) = q.age {
        head.push(format!("age {age}"));
    }
    for c in &q.categories {
        head.push(format!("category {}", c.label()));
    }
    if q.open_now {
        head.push("open now".into());
    }
    if q.self_referral_only {
        head.push("self-referral only".into());
    }
    head.push(format!("at {}", london::describe(q.at)));
    head.push(q.role.label().to_string());
    out.push_str(&head.join(" · "));
    out.push('\n');
    if let Some(risk) = &r.risk {
        out.push_str(&format!("Note: {}\n", risk_note(risk)));
    }
    for n in &r.notes {
        out.push_str(&format!("Note: {n}\n"));
    }
    let mut i = 0;
    for g in &r.groups {
        if g.total == 0 {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", g.group.title(), g.total));
        for h in &g.hits {
            i += 1;
            let title = if h.organisation.is_empty() || h.organisation == h.name {
                h.name.clone()
            } else {
                format!("{} — {}", h.name, h.organisation)
            };
            out.push_str(&format!("{i:>3}. {title}  [{}]\n", h.id));
            out.push_str(&format!("     {}  ·  {}\n", number(h), h.hours));
            let why: Vec<&str> = h.reasons.iter().map(|r| r.text.as_str()).collect();
            out.push_str(&format!("     why: {}\n", why.join("; ")));
            if !h.checks.is_empty() {
                out.push_str(&format!("     check: {}\n", h.checks.join("; ")));
            }
        }
    }
    match &r.empty {
        Some(e) => {
            out.push_str(&format!("\nNothing found: {}.\n", e.message));
            out.push_str(SAFETY_NET);
            out.push('\n');
        }
        None => out.push_str(&format!("\n{} service(s).\n", r.total())),
    }
    out
}

/// The JSON listing. Contacts are the role's own: handlers never get professional-only lines.
pub fn to_json(q: &Query, r: &Results) -> Value {
    let results: Vec<Value> = r
        .hits()
        .map(|h| {
            let contacts: Vec<Value> = h
                .contacts
                .iter()
                .map(|c| {
                    json!({
                        "kind": c.kind, "label": c.label, "value": c.value,
                        "keyword": if c.kind == ContactKind::Text { json!(c.keyword) } else { Value::Null },
                        "audience": c.audience, "display": c.display_value(),
                    })
                })
                .collect();
            json!({
                "id": h.id, "name": h.name, "organisation": h.organisation,
                "group": h.group.id(),
                "reasons": h.reasons.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
                "checks": h.checks,
                "hours": h.hours,
                "next_opening": h.next_opening.map(|t| t.to_rfc3339()),
                "reach": h.reach,
                "number": number(h),
                "contacts": contacts,
                "matches": h.matches,
            })
        })
        .collect();
    let groups: Vec<Value> = r
        .groups
        .iter()
        .map(|g| json!({ "group": g.group.id(), "title": g.group.title(), "total": g.total }))
        .collect();
    json!({
        "query": {
            "text": q.text, "terms": r.terms, "age": q.age,
            "categories": q.categories, "open_now": q.open_now,
            "self_referral": q.self_referral_only, "at": q.at.to_rfc3339(), "role": q.role,
        },
        "place": r.place,
        "notes": r.notes,
        "meanings": r.meanings,
        "risk": r.risk.as_ref().map(|x| json!({
            "phrases": x.phrases, "draft": x.draft, "note": risk_note(x),
        })),
        "groups": groups,
        "results": results,
        "empty": r.empty.as_ref().map(|e| json!({
            "message": e.message,
            "without": e.without.iter().map(|(f, n)| json!({ "filter": f, "would_match": n })).collect::<Vec<_>>(),
            "safety_net": SAFETY_NET,
        })),
    })
}

/// Each listed service's status notes in force, under its title line ("  1. Name  [id]").
fn with_status_notes(
    listing: &str,
    dir: &crate::model::Directory,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut out = String::with_capacity(listing.len());
    for line in listing.lines() {
        out.push_str(line);
        out.push('\n');
        let id = line
            .strip_suffix(']')
            .and_then(|l| l.rsplit_once("  ["))
            .map(|(_, id)| id);
        for n in id
            .map(|id| crate::hours::notes::active(dir, id, at))
            .unwrap_or_default()
        {
            out.push_str(&format!("     STATUS NOTE: {}\n", n.text()));
        }
    }
    out
}
