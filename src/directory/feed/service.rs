//! One feed service to one record: each field mapped leniently, nothing invented.

use super::json::At;
use super::report::{FindingKind, Findings};
use super::{contacts, schedule, terms};
use crate::model::service::Source;
use crate::model::validate::check_url;
use crate::model::{AgeBound, AgeRange, Date, FeedTaxonomy, Service, Status};
use crate::places::PlaceIndex;
use serde_json::Value;

/// What mapping needs besides the service itself.
pub struct Context<'a> {
    pub feed: &'a str,
    pub feed_url: Option<&'a str>,
    pub today: Date,
    /// The place lookup, built once per feed (building it per record made large feeds slow).
    pub places: &'a PlaceIndex,
    pub places_file: &'a crate::model::PlacesFile,
    pub taxonomy: &'a FeedTaxonomy,
}

/// A slug of the feed's own id, so the same service gets the same record id on every import.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

pub fn record_id(feed: &str, feed_id: &str) -> String {
    format!("{feed}-{}", slug(feed_id))
}

/// The record for one service, or None (reported) when it cannot or must not be imported.
pub fn map(svc: &At, cx: &Context, r: &mut Findings) -> Option<Service> {
    let here = svc.path.clone();
    if !svc.v.is_object() {
        r.push(FindingKind::Record, &here, "expected a service object");
        return None;
    }
    let Some(raw_id) = svc.id("id").filter(|i| !slug(i).is_empty()) else {
        r.push(
            FindingKind::Record,
            &here,
            "no usable id: a feed record needs the feed's own id so the next import can match it",
        );
        return None;
    };
    let Some(name) = svc.text("name", r) else {
        r.push(
            FindingKind::Record,
            &here,
            format!("service '{raw_id}' has no name"),
        );
        return None;
    };
    let (status, status_reason) = match status(svc, r) {
        Ok(s) => s,
        Err(why) => {
            r.push(FindingKind::Record, &here, format!("'{name}': {why}"));
            return None;
        }
    };
    let mut notes: Vec<String> = Vec::new();
    if let Some(a) = svc.text("alert", r) {
        notes.push(format!("Alert (from the feed): {a}"));
    }
    if let Some(i) = svc.text("interpretation_services", r) {
        notes.push(format!("Interpretation (from the feed): {i}"));
    }
    let hours = schedule::hours(svc, cx.today, r);
    notes.extend(hours.notes);
    not_held(svc, r);
    let mut keywords = Vec::new();
    if let Some(alt) = svc.text("alternate_name", r) {
        keywords.push(alt);
    }
    for k in terms::own_terms(svc, super::hsds_out::KEYWORD_VOCABULARY, r) {
        if !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    let access = terms::own_terms(svc, super::hsds_out::ACCESS_VOCABULARY, r)
        .iter()
        .filter_map(|code| serde_json::from_value(Value::String(code.clone())).ok())
        .collect();
    let source_url = cx
        .feed_url
        .map(str::to_string)
        .or_else(|| contacts::web_address(svc, "url", r).filter(|u| check_url(u).is_ok()));
    Some(Service {
        id: record_id(cx.feed, &raw_id),
        name,
        organisation: svc
            .get("organization")
            .and_then(|o| o.text("name", r))
            .unwrap_or_default(),
        description: svc.long_text("description", r).unwrap_or_default(),
        keywords,
        access,
        categories: terms::categories(svc, cx.taxonomy, r),
        areas: terms::areas(svc, cx.places, cx.places_file, r),
        public_info: svc.long_text("application_process", r).unwrap_or_default(),
        eligibility: eligibility(svc, r),
        languages: languages(svc, r),
        cost: svc
            .text("fees_description", r)
            .or_else(|| svc.text("fees", r))
            .unwrap_or_default(),
        notes: notes.join("\n"),
        status,
        status_reason,
        feed: cx.feed.to_string(),
        feed_assured_on: assured(svc, r),
        age: age(svc, cx.feed, r),
        contacts: contacts::gather(svc, r),
        hours: hours.hours,
        sources: source_url
            .map(|url| {
                vec![Source {
                    url,
                    seen_on: Some(cx.today),
                }]
            })
            .unwrap_or_default(),
        ..Default::default()
    })
}

/// Service fields HSDS and ORUK define that the directory has no place for: each one a feed
/// gives is named, so nothing is dropped unsaid.
const NOT_HELD: [(&str, &str); 14] = [
    (
        "cost_options",
        "costs as structured options (fees_description is held)",
    ),
    ("accessibility", "accessibility details"),
    ("accessibility_for_disabilities", "accessibility details"),
    ("transportation", "transport details"),
    ("wait_time", "waiting time"),
    ("additional_urls", "further web addresses"),
    ("funding", "funding"),
    ("fundings", "funding"),
    ("required_documents", "required documents"),
    ("program", "the programme it belongs to"),
    ("capacities", "capacity"),
    ("service_capacities", "capacity"),
    ("reviews", "reviews"),
    ("accreditations", "accreditations"),
];

fn not_held(svc: &At, r: &mut Findings) {
    for (key, what) in NOT_HELD {
        let given = match svc.v.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
            Some(_) => true,
        };
        if given {
            r.push(
                FindingKind::NotHeld,
                &svc.key_path(key),
                format!("'{key}' ({what}) is not held by the directory; left out"),
            );
        }
    }
    for sal in svc.items("service_at_locations", r) {
        if let Some(loc) = sal.get("location") {
            for key in [
                "accessibility",
                "accessibility_for_disabilities",
                "transportation",
            ] {
                if loc
                    .v
                    .get(key)
                    .is_some_and(|v| !v.is_null() && v != &Value::Array(vec![]))
                {
                    r.push(
                        FindingKind::NotHeld,
                        &loc.key_path(key),
                        format!("a location's '{key}' is not held by the directory; left out"),
                    );
                }
            }
        }
    }
}

/// HSDS statuses: inactive and defunct services are not imported; "temporarily closed" is
/// kept as closed, with the reason shown.
fn status(svc: &At, r: &mut Findings) -> Result<(Status, String), String> {
    let Some(raw) = svc.text("status", r) else {
        return Ok((Status::Active, String::new()));
    };
    match raw.to_ascii_lowercase().as_str() {
        "active" => Ok((Status::Active, String::new())),
        "inactive" | "defunct" => Err(format!(
            "status '{raw}' (inactive and defunct services are left out)"
        )),
        "temporarily closed" | "temporarily_closed" => Ok((
            Status::Closed,
            match svc.text("alert", r) {
                Some(why) => format!("the feed says the service is temporarily closed: {why}"),
                None => "the feed says the service is temporarily closed".into(),
            },
        )),
        _ => {
            r.push(
                FindingKind::Value,
                &svc.key_path("status"),
                format!("status '{raw}' is not an HSDS status; the record is kept as unconfirmed"),
            );
            Ok((
                Status::Unconfirmed,
                format!("the feed gives status '{raw}'"),
            ))
        }
    }
}

/// The feed's own assurance date: kept, but it never makes a record "verified".
fn assured(svc: &At, r: &mut Findings) -> Option<Date> {
    let text = svc.text("assured_date", r)?;
    match Date::parse(text.get(..10).unwrap_or(&text)) {
        Ok(d) => Some(d),
        Err(m) => {
            r.push(FindingKind::Value, &svc.key_path("assured_date"), m);
            None
        }
    }
}

fn eligibility(svc: &At, r: &mut Findings) -> Vec<String> {
    let mut out: Vec<String> = svc
        .long_text("eligibility_description", r)
        .map(|e| {
            e.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    for e in eligibility_items(svc, r) {
        if let Some(t) = e.text("eligibility", r) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// ORUK v1 `eligibilitys`, or an `eligibility` list; an `eligibility` text is HSDS 2's field.
fn eligibility_items<'a>(svc: &At<'a>, r: &mut Findings) -> Vec<At<'a>> {
    let mut out = svc.items("eligibilitys", r);
    if matches!(svc.v.get("eligibility"), Some(Value::Array(_))) {
        out.extend(svc.items("eligibility", r));
    }
    out
}

fn languages(svc: &At, r: &mut Findings) -> Vec<String> {
    let mut out = Vec::new();
    for l in svc.items("languages", r) {
        let name = match l.v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => l.text("name", r).or_else(|| l.text("language", r)),
        };
        match name {
            Some(n) if !out.contains(&n) => out.push(n),
            Some(_) => {}
            None => r.push(
                FindingKind::Value,
                &l.path,
                "a language with no name; left out",
            ),
        }
    }
    out
}

fn bound(at: &At, r: &mut Findings) -> Option<u8> {
    let n = at_number(at, r)?;
    if n.fract() == 0.0 && (0.0..=130.0).contains(&n) {
        Some(n as u8)
    } else {
        r.push(
            FindingKind::Value,
            &at.path,
            format!("age {n} is not a whole number of years from 0 to 130; left unknown"),
        );
        None
    }
}

fn at_number(at: &At, r: &mut Findings) -> Option<f64> {
    let n = match at.v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    if n.is_none() {
        r.push(
            FindingKind::Value,
            &at.path,
            format!(
                "expected an age in years, found {}",
                super::json::shown(at.v)
            ),
        );
    }
    n
}

/// Ages as the feed states them (HSDS bounds are inclusive). A missing bound stays unknown,
/// which is not "no limit".
fn age(svc: &At, feed: &str, r: &mut Findings) -> AgeRange {
    let mut min_at = svc.get_any(&["minimum_age", "min_age"]);
    let mut max_at = svc.get_any(&["maximum_age", "max_age"]);
    if min_at.is_none() && max_at.is_none() {
        let with_ages: Vec<At> = eligibility_items(svc, r)
            .into_iter()
            .filter(|e| {
                e.get_any(&["minimum_age", "maximum_age", "min_age", "max_age"])
                    .is_some()
            })
            .collect();
        match with_ages.len() {
            0 => {}
            1 => {
                min_at = with_ages[0].get_any(&["minimum_age", "min_age"]);
                max_at = with_ages[0].get_any(&["maximum_age", "max_age"]);
            }
            _ => r.push(
                FindingKind::Note,
                &svc.key_path("eligibilitys"),
                "several eligibility age ranges: the ages are left unknown rather than merged",
            ),
        }
    }
    let min = min_at.as_ref().and_then(|a| bound(a, r));
    let max = max_at.as_ref().and_then(|a| bound(a, r));
    let (min, max) = match (min, max) {
        (Some(a), Some(b)) if a > b => {
            r.push(
                FindingKind::Value,
                &svc.path,
                format!("minimum age {a} is above maximum age {b}; both left unknown"),
            );
            (None, None)
        }
        other => other,
    };
    let said = |b: Option<u8>, what: &str| match b {
        Some(n) => format!("{what} {n} -> {n}"),
        None => format!("no {what} -> unknown"),
    };
    AgeRange {
        min: min.map_or(AgeBound::Unknown, AgeBound::Years),
        max: max.map_or(AgeBound::Unknown, AgeBound::Years),
        uncertain: Vec::new(),
        conversion: format!(
            "feed {feed}: {}; {} (inclusive, as HSDS defines them)",
            said(min, "minimum_age"),
            said(max, "maximum_age")
        ),
        source: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn slugs_are_stable_and_plain() {
        assert_eq!(slug("ac148810-D857_441c 9679"), "ac148810-d857-441c-9679");
        assert_eq!(slug("--42--"), "42");
        assert_eq!(slug("ééé"), "");
        assert_eq!(record_id("hants", "Svc/12"), "hants-svc-12");
    }

    #[test]
    fn ages_from_the_service_or_a_single_eligibility() {
        let mut r = Findings::default();
        let a = age(
            &At::root(&json!({"minimum_age": 12, "maximum_age": "17"}), ""),
            "f",
            &mut r,
        );
        assert_eq!((a.min, a.max), (AgeBound::Years(12), AgeBound::Years(17)));
        let a = age(
            &At::root(&json!({"eligibilitys": [{"minimum_age": 18}]}), ""),
            "f",
            &mut r,
        );
        assert_eq!((a.min, a.max), (AgeBound::Years(18), AgeBound::Unknown));
        assert!(r.is_empty(), "{r:?}");
        let a = age(
            &At::root(&json!({"min_age": 12.5, "max_age": 200}), ""),
            "f",
            &mut r,
        );
        assert_eq!((a.min, a.max), (AgeBound::Unknown, AgeBound::Unknown));
        assert_eq!(r.len(), 2);
    }
}
