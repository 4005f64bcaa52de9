//! HSDS 3.0 JSON export of public facts only: no professional-only contacts, no staff referral
//! notes, no maintainers' notes. Its shape is what `read_feed` reads back.

use super::service::slug;
use crate::model::{
    AgeBound, Contact, ContactKind, Directory, Hours, HoursKind, PlaceKind, Service, Status,
};
use serde_json::{json, Map, Value};

/// The vocabulary name our categories are exported under (mapped back by feed-taxonomy.toml).
pub const CATEGORY_VOCABULARY: &str = "signpost-category";

pub struct HsdsExport {
    /// The HSDS 3.0 paged list envelope, one page holding every exported service.
    pub json: Value,
    /// What HSDS could not say, one line each (records left out, facts lost).
    pub notes: Vec<String>,
}

/// Unconfirmed records are left out: HSDS cannot mark a record "check before giving", and
/// publishing it as active would claim what we have not confirmed.
pub fn export(dir: &Directory) -> HsdsExport {
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
            v["freq"] = json!("DAILY");
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
fn areas(dir: &Directory, s: &Service, notes: &mut Vec<String>) -> Vec<String> {
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
            dir.places
                .get(id)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| id.clone())
        })
        .collect()
}

fn phone(c: &Contact) -> Option<Value> {
    let kind = match c.kind {
        ContactKind::Phone => "voice",
        ContactKind::Text => "text",
        ContactKind::Relay => "textphone",
        _ => return None,
    };
    let mut v = json!({ "number": c.value, "type": kind });
    if !c.label.is_empty() {
        v["description"] = json!(c.label);
    }
    Some(v)
}

fn service(dir: &Directory, s: &Service, notes: &mut Vec<String>) -> Value {
    // The one filter that matters: only public contacts ever leave the program.
    let public: Vec<&Contact> = s.contacts.iter().filter(|c| c.is_public()).collect();
    let first = |k: ContactKind| public.iter().find(|c| c.kind == k).map(|c| c.value.clone());
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
    put("id", json!(s.id));
    put("name", json!(s.name));
    put("description", json!(s.description));
    put("url", json!(first(ContactKind::Web)));
    put("email", json!(first(ContactKind::Email)));
    put(
        "status",
        json!(if s.status == Status::Closed {
            "inactive"
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
        put(
            "organization",
            json!({ "id": slug(&s.organisation), "name": s.organisation }),
        );
    }
    put(
        "phones",
        Value::Array(public.iter().filter_map(|c| phone(c)).collect()),
    );
    put("schedules", Value::Array(schedules(&s.hours)));
    put(
        "service_areas",
        Value::Array(
            areas(dir, s, notes)
                .into_iter()
                .map(|n| json!({ "name": n }))
                .collect(),
        ),
    );
    put(
        "service_at_locations",
        Value::Array(
            public
                .iter()
                .filter(|c| c.kind == ContactKind::Address)
                .map(|c| {
                    let name = if c.label.is_empty() { "Address" } else { &c.label };
                    json!({ "location": { "name": name, "location_type": "physical",
                        "addresses": [{ "address_1": c.value, "country": "GB", "address_type": "physical" }] } })
                })
                .collect(),
        ),
    );
    put(
        "languages",
        Value::Array(s.languages.iter().map(|l| json!({ "name": l })).collect()),
    );
    put(
        "attributes",
        Value::Array(
            s.categories
                .iter()
                .map(|c| {
                    json!({ "taxonomy_term": {
                        "id": format!("{CATEGORY_VOCABULARY}:{}", c.id()),
                        "code": c.id(), "name": c.label(), "taxonomy": CATEGORY_VOCABULARY } })
                })
                .collect(),
        ),
    );
    Value::Object(o)
}
