//! HSDS 3.0 JSON export of public facts only: no professional-only contacts, no staff referral
//! notes, no maintainers' notes. It validates against the HSDS 3.0 and Open Referral UK
//! schemas, and its shape is what `read_feed` reads back.

use super::contacts::is_uk_postcode;
use super::safety::is_safety_net;
use crate::model::{
    AgeBound, Contact, ContactKind, Directory, Hours, HoursKind, PlaceKind, Service, Status,
};
use serde_json::{json, Map, Value};
use uuid::Uuid;

/// The vocabulary name our categories are exported under (mapped back by feed-taxonomy.toml).
pub const CATEGORY_VOCABULARY: &str = "signpost-category";
/// Keywords and access routes travel as terms of these vocabularies, read back by the importer.
pub const KEYWORD_VOCABULARY: &str = "signpost-keyword";
pub const ACCESS_VOCABULARY: &str = "signpost-access";

/// The namespace of every id the export makes: ids are UUIDv5 of our own ids, so the same
/// record has the same HSDS id in every export.
const NAMESPACE: Uuid = Uuid::from_u128(0x5e0c_9b1e_4a7f_5d2c_8e61_2f0b_7c3a_9d14);

/// The stable HSDS id of one of our things: `kind` ("service", "phone") and its key.
pub fn uuid(kind: &str, key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).to_string()
}

/// The ONS linked-data address of a GSS code, as service areas carry it.
pub const GSS_URI: &str = "http://statistics.data.gov.uk/id/statistical-geography/";

pub struct HsdsExport {
    /// The HSDS 3.0 paged list envelope, one page holding every exported service.
    pub json: Value,
    /// What HSDS could not say, one line each (records left out, facts lost).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    /// Leave out the safety net's records (for publishing local services only).
    pub without_safety_net: bool,
}

/// Unconfirmed records are left out: HSDS cannot mark a record "check before giving", and
/// publishing it as active would claim what we have not confirmed.
pub fn export(dir: &Directory) -> HsdsExport {
    export_with(dir, ExportOptions::default())
}

pub fn export_with(dir: &Directory, opts: ExportOptions) -> HsdsExport {
    let mut notes = Vec::new();
    let mut contents = Vec::new();
    for s in &dir.services {
        if s.status == Status::Unconfirmed {
            notes.push(format!(
                "{}: left out (unconfirmed: {})",
                s.id, s.status_reason
            ));
            continue;
        }
        if opts.without_safety_net && is_safety_net(s) {
            continue;
        }
        contents.push(service(dir, s, &mut notes));
    }
    let n = contents.len();
    HsdsExport {
        json: json!({
            "total_items": n, "total_pages": 1, "page_number": 1, "size": n,
            "first_page": true, "last_page": true, "empty": n == 0,
            "contents": contents,
        }),
        notes,
    }
}

fn time(c: crate::model::Clock) -> String {
    // HSDS times are HH:MM:SS and have no 24:00; the end of the day is written 23:59:59.
    if c == crate::model::Clock::END_OF_DAY {
        "23:59:59".into()
    } else {
        format!("{c}:00")
    }
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn schedules(h: &Hours) -> Vec<Value> {
    let with_wording = |mut v: Value| {
        if !h.wording.is_empty() {
            v["description"] = json!(h.wording);
        }
        v
    };
    let mut out: Vec<Value> = match h.kind {
        HoursKind::AllHours => vec![with_wording(json!({
            "freq": "WEEKLY", "byday": BYDAY.join(","), "opens_at": "00:00:00", "closes_at": "23:59:59",
        }))],
        HoursKind::Weekly => h
            .sessions
            .iter()
            .map(|s| {
                let days: Vec<&str> = s.days.iter().map(|d| BYDAY[d.index() as usize]).collect();
                with_wording(json!({
                    "freq": "WEEKLY", "byday": days.join(","),
                    "opens_at": time(s.open), "closes_at": time(s.close),
                }))
            })
            .collect(),
        HoursKind::NotConfirmed if !h.wording.is_empty() => {
            vec![json!({ "description": h.wording })]
        }
        HoursKind::NotConfirmed => Vec::new(),
    };
    for e in &h.exceptions {
        let mut base = json!({ "valid_from": e.from.to_string(), "valid_to": e.to.to_string() });
        if !e.note.is_empty() {
            base["description"] = json!(e.note);
        }
        if e.closed {
            base["description"] = json!(format!("Closed. {}", e.note).trim().to_string());
            out.push(base.clone());
        }
        for s in &e.sessions {
            let mut v = base.clone();
            // HSDS 3.0 allows only WEEKLY and MONTHLY: every day of the week is "daily".
            v["freq"] = json!("WEEKLY");
            v["byday"] = json!(BYDAY.join(","));
            v["opens_at"] = json!(time(s.open));
            v["closes_at"] = json!(time(s.close));
            out.push(v);
        }
    }
    out
}

/// Place ids to name, with `areas_except` written out: a place with an excepted part is replaced
/// by its parts (a county by its districts). A country cannot be written out that way; its
/// exception is then lost, and said so.
fn areas(dir: &Directory, s: &Service, notes: &mut Vec<String>) -> Vec<Value> {
    fn expand(
        dir: &Directory,
        id: &str,
        except: &[String],
        lost: &mut bool,
        out: &mut Vec<String>,
    ) {
        if except.iter().any(|e| e == id) {
            return;
        }
        let has_excepted_part = except
            .iter()
            .any(|e| dir.places.lineage(e).iter().skip(1).any(|p| p.id == id));
        let kind = dir.places.get(id).map(|p| p.kind);
        if !has_excepted_part || kind == Some(PlaceKind::Country) {
            *lost |= has_excepted_part;
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
            return;
        }
        for child in dir
            .places
            .places
            .iter()
            .filter(|p| p.parent.as_deref() == Some(id))
        {
            expand(dir, &child.id, except, lost, out);
        }
    }
    let mut ids = Vec::new();
    let mut lost = false;
    for a in &s.areas {
        expand(dir, a, &s.areas_except, &mut lost, &mut ids);
    }
    if lost {
        notes.push(format!(
            "{}: areas_except {:?} cannot be written in HSDS; the export shows the wider area",
            s.id, s.areas_except
        ));
    }
    ids.iter()
        .map(|id| {
            let place = dir.places.get(id);
            let mut v = json!({
                "id": uuid("service_area", &format!("{}:{id}", s.id)),
                "name": place.map(|p| p.name.clone()).unwrap_or_else(|| id.clone()),
            });
            if let Some(code) = place.and_then(|p| p.gss.as_deref()) {
                v["uri"] = json!(format!("{GSS_URI}{code}"));
            }
            v
        })
        .collect()
}

fn phone(sid: &str, i: usize, c: &Contact) -> Option<Value> {
    let kind = match c.kind {
        ContactKind::Phone => "voice",
        ContactKind::Text => "text",
        ContactKind::Relay => "textphone",
        ContactKind::Whatsapp => "whatsapp",
        _ => return None,
    };
    let mut v =
        json!({ "id": uuid("phone", &format!("{sid}:{i}")), "number": c.value, "type": kind });
    // An extension we hold in the label ("Bookings (extension 2)") is HSDS's number field.
    let (label, ext) = match c.label.rsplit_once(" (extension ") {
        Some((l, e)) => match e.trim_end_matches(')').parse::<u64>() {
            Ok(n) => (l.to_string(), Some(n)),
            Err(_) => (c.label.clone(), None),
        },
        None => match c.label.strip_prefix("(extension ") {
            Some(e) => match e.trim_end_matches(')').parse::<u64>() {
                Ok(n) => (String::new(), Some(n)),
                Err(_) => (c.label.clone(), None),
            },
            None => (c.label.clone(), None),
        },
    };
    if let Some(n) = ext {
        v["extension"] = json!(n);
    }
    if !label.is_empty() {
        v["description"] = json!(label);
    }
    Some(v)
}

/// Our one-line address ("1 Example Street, Newport, PO30 1AA") as HSDS's structured address:
/// the postcode last, the town before it, the rest as the first line.
fn address(sid: &str, i: usize, c: &Contact) -> Value {
    let mut parts: Vec<&str> = c.value.split(", ").collect();
    let postcode = match parts.last() {
        Some(p) if is_uk_postcode(p) => parts.pop().unwrap_or_default(),
        _ => "",
    };
    let city = if parts.len() > 1 {
        parts.pop().unwrap_or_default()
    } else {
        ""
    };
    let name = if c.label.is_empty() {
        "Address"
    } else {
        &c.label
    };
    let key = format!("{sid}:{i}");
    json!({ "id": uuid("service_at_location", &key), "location": {
        "id": uuid("location", &key), "name": name, "location_type": "physical",
        "addresses": [{ "id": uuid("address", &key), "address_1": parts.join(", "), "city": city,
            "state_province": "", "postal_code": postcode, "country": "GB", "address_type": "physical" }] } })
}

/// A term of one of our vocabularies, with the ids and description HSDS requires.
fn term(sid: &str, vocabulary: &str, code: &str, name: &str, description: &str) -> Value {
    json!({ "id": uuid("attribute", &format!("{sid}:{vocabulary}:{code}")),
        "taxonomy_term": {
            "id": uuid("taxonomy_term", &format!("{vocabulary}:{code}")),
            "code": code, "name": name, "description": description, "taxonomy": vocabulary } })
}

fn service(dir: &Directory, s: &Service, notes: &mut Vec<String>) -> Value {
    // The one filter that matters: only public contacts ever leave the program.
    let public: Vec<&Contact> = s.contacts.iter().filter(|c| c.is_public()).collect();
    let first = |k: ContactKind| public.iter().find(|c| c.kind == k).map(|c| c.value.clone());
    let sid = &s.id;
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        let empty = match &v {
            Value::Null => true,
            Value::String(t) => t.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        if !empty {
            o.insert(k.to_string(), v);
        }
    };
    put("id", json!(uuid("service", sid)));
    put("name", json!(s.name));
    put("description", json!(s.description));
    put("url", json!(first(ContactKind::Web)));
    put("email", json!(first(ContactKind::Email)));
    // Closed services are shut for now, not gone: HSDS's "temporarily closed", with the reason.
    put(
        "status",
        json!(if s.status == Status::Closed {
            "temporarily closed"
        } else {
            "active"
        }),
    );
    if s.status == Status::Closed {
        put("alert", json!(s.status_reason));
    }
    put("application_process", json!(s.public_info));
    put("fees_description", json!(s.cost));
    put("eligibility_description", json!(s.eligibility.join("\n")));
    // HSDS has no "no upper limit" and no "unclear boundary": a bound flagged uncertain is
    // left out rather than published as certain, and a missing bound reads as unknown.
    let certain = |n: &u8| !s.age.uncertain.contains(n);
    match s.age.min {
        AgeBound::Years(n) if certain(&n) => put("minimum_age", json!(n)),
        AgeBound::NoLimit => put("minimum_age", json!(0)),
        _ => {}
    }
    if let AgeBound::Years(n) = s.age.max {
        if certain(&n) {
            put("maximum_age", json!(n));
        }
    }
    if let Some(v) = &s.verified {
        put("assured_date", json!(v.on.to_string()));
    }
    if !s.organisation.is_empty() {
        let org = uuid("organization", &s.organisation);
        put("organization_id", json!(org));
        // HSDS requires a description; the directory holds none of its own for organisations.
        put(
            "organization",
            json!({ "id": org, "name": s.organisation, "description": "" }),
        );
    }
    put(
        "phones",
        Value::Array(
            public
                .iter()
                .enumerate()
                .filter_map(|(i, c)| phone(sid, i, c))
                .collect(),
        ),
    );
    let mut schedules = schedules(&s.hours);
    for (i, v) in schedules.iter_mut().enumerate() {
        v["id"] = json!(uuid("schedule", &format!("{sid}:{i}")));
    }
    put("schedules", Value::Array(schedules));
    put("service_areas", Value::Array(areas(dir, s, notes)));
    put(
        "service_at_locations",
        Value::Array(
            public
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == ContactKind::Address)
                .map(|(i, c)| address(sid, i, c))
                .collect(),
        ),
    );
    put(
        "languages",
        Value::Array(
            s.languages
                .iter()
                .map(|l| json!({ "id": uuid("language", &format!("{sid}:{l}")), "name": l }))
                .collect(),
        ),
    );
    let mut attributes: Vec<Value> = s
        .categories
        .iter()
        .map(|c| term(sid, CATEGORY_VOCABULARY, c.id(), c.label(), c.label()))
        .collect();
    attributes.extend(s.access.iter().map(|a| {
        let code = serde_json::to_value(a)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        term(sid, ACCESS_VOCABULARY, &code, a.label(), a.label())
    }));
    attributes.extend(s.keywords.iter().map(|k| {
        term(
            sid,
            KEYWORD_VOCABULARY,
            k,
            k,
            "A search word for the service",
        )
    }));
    put("attributes", Value::Array(attributes));
    Value::Object(o)
}
