//! `signpost where TEXT`: what the place lookup makes of a postcode, town or place, in plain words.

use super::{notices, Ctx, Format};
use crate::model::place::{Candidate, Lookup};
use crate::model::{PlaceKind, PlacesFile};
use crate::places::{PlaceIndex, OUTSIDE};
use serde_json::{json, Value};

pub fn run(ctx: &Ctx, text: &str, format: Format) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let index = PlaceIndex::new(&s.directory.places);
    let answer = index.lookup(text);
    match format {
        Format::Text => println!(
            "{}",
            text_answer(&s.directory.places, &index, text, &answer)
        ),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&json_answer(&s.directory.places, text, &answer))
                .unwrap_or_default()
        ),
    }
    Ok(exit_code(&answer))
}

/// Found, candidates and outside are answers a handler can act on; the rest need asking again.
pub fn exit_code(answer: &Lookup) -> i32 {
    match answer {
        Lookup::Found { .. } | Lookup::Candidates { .. } | Lookup::OutsideArea { .. } => 0,
        Lookup::DidYouMean { .. } | Lookup::NotRecognised => 1,
    }
}

/// A place as a handler would say it: districts with their county ("Havant, Hampshire").
pub fn place_label(places: &PlacesFile, id: &str) -> String {
    let Some(p) = places.get(id) else {
        return id.to_string();
    };
    let parent = p.parent.as_deref().and_then(|x| places.get(x));
    match (p.kind, parent) {
        (PlaceKind::District, Some(par)) => format!("{}, {}", p.name, par.name),
        _ => p.name.clone(),
    }
}

fn candidate_line(places: &PlacesFile, c: &Candidate) -> String {
    match c {
        Candidate::Place(id) => format!("  - {} [{id}]", place_label(places, id)),
        Candidate::OutsideArea => {
            format!("  - {OUTSIDE}: national services, and the caller can call 111")
        }
    }
}

pub fn text_answer(places: &PlacesFile, index: &PlaceIndex, text: &str, answer: &Lookup) -> String {
    let typed = text.trim();
    match answer {
        Lookup::Found { place, why } => format!(
            "{typed}: {} [{place}]\nWhy: {why}",
            place_label(places, place)
        ),
        Lookup::Candidates { candidates, why } => {
            let mut out = vec![format!(
                "{typed}: could be more than one place. Ask the caller which (or for their town):"
            )];
            out.extend(candidates.iter().map(|c| candidate_line(places, c)));
            out.push(format!("Why: {why}"));
            out.join("\n")
        }
        Lookup::OutsideArea { why } => format!(
            "{typed}: {OUTSIDE}.\nWhy: {why}\nNext step: national services, and the caller can call 111."
        ),
        Lookup::DidYouMean { suggestions } => {
            let mut out = vec![format!("{typed}: not recognised exactly. Did you mean:")];
            for s in suggestions {
                out.push(format!("  - {s}{}", where_is(places, index, s)));
            }
            out.push("Nothing was chosen: confirm with the caller and look up again.".into());
            out.join("\n")
        }
        Lookup::NotRecognised => format!(
            "{typed}: not recognised as a postcode, town or place in Hampshire and the Isle of \
             Wight.\nTry the full postcode, or the nearest town."
        ),
    }
}

/// Where a suggestion would lead, so the handler can tell suggestions apart.
fn where_is(places: &PlacesFile, index: &PlaceIndex, suggestion: &str) -> String {
    match index.lookup(suggestion) {
        Lookup::Found { place, .. } => {
            let label = place_label(places, &place);
            if label.eq_ignore_ascii_case(suggestion) {
                String::new() // "Southampton (Southampton)" says nothing twice
            } else {
                format!(" ({label})")
            }
        }
        Lookup::Candidates { candidates, .. } => {
            let names: Vec<String> = candidates
                .iter()
                .map(|c| match c {
                    Candidate::Place(id) => place_label(places, id),
                    Candidate::OutsideArea => OUTSIDE.to_string(),
                })
                .collect();
            format!(" ({})", names.join("; or "))
        }
        Lookup::OutsideArea { .. } => format!(" ({OUTSIDE})"),
        Lookup::DidYouMean { .. } | Lookup::NotRecognised => String::new(),
    }
}

pub fn json_answer(places: &PlacesFile, text: &str, answer: &Lookup) -> Value {
    let mut v = serde_json::to_value(answer).unwrap_or(Value::Null);
    let ids: Vec<&str> = match answer {
        Lookup::Found { place, .. } => vec![place.as_str()],
        Lookup::Candidates { candidates, .. } => candidates
            .iter()
            .filter_map(|c| match c {
                Candidate::Place(id) => Some(id.as_str()),
                Candidate::OutsideArea => None,
            })
            .collect(),
        _ => vec![],
    };
    let names: serde_json::Map<String, Value> = ids
        .iter()
        .map(|id| (id.to_string(), json!(place_label(places, id))))
        .collect();
    if let Value::Object(m) = &mut v {
        m.insert("input".into(), json!(text));
        m.insert("places".into(), Value::Object(names));
    }
    v
}
