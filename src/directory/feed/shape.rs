//! Which shape a feed file has: one service, the HSDS 3.0 paged list, the ORUK v1 paged list,
//! or a bare list; and whether it is only one page of a longer list.

use super::json::At;
use super::FeedFormat;
use serde_json::Value;

pub struct Shape<'a> {
    pub label: &'static str,
    pub services: Vec<At<'a>>,
    /// (path, message) when the file is one page of a longer list.
    pub partial: Option<(String, String)>,
    /// (path, message): what the envelope says that does not match what it holds.
    pub notes: Vec<(String, String)>,
}

/// A count the envelope claims that is below what it holds: the feed is inconsistent, and the
/// reader should know which number to trust (the services themselves).
fn count_note(v: &Value, held: usize, total: &str) -> Vec<(String, String)> {
    match num(v, total) {
        Some(t) if t < held as u64 => vec![(
            total.to_string(),
            format!("{total} says {t} but the file holds {held} services; all {held} were read"),
        )],
        _ => Vec::new(),
    }
}

/// Documents that are not services, named so the maintainer knows what to fetch instead.
fn not_a_service(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    let has = |k: &str| o.get(k).is_some_and(|x| !x.is_null());
    if has("service") && (has("location") || has("location_id"))
        || has("service_id") && has("location_id")
    {
        return Some("a service-at-location document, not a service: fetch the service itself (/services/{id})".into());
    }
    let service_keys = [
        "status",
        "phones",
        "url",
        "organization",
        "service_areas",
        "schedules",
        "email",
    ];
    if (has("vocabulary") || has("taxonomy_terms") || has("parent_id") && has("code"))
        && !service_keys.iter().any(|k| has(k))
    {
        return Some("a taxonomy document, not a service: its terms are mapped in directory/feed-taxonomy.toml, and services are fetched from /services/{id}".into());
    }
    None
}

fn items<'a>(v: &'a Value, key: &str) -> Vec<At<'a>> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(i, s)| At::root(s, &format!("{key}[{i}]")))
                .collect()
        })
        .unwrap_or_default()
}

fn num(v: &Value, key: &str) -> Option<u64> {
    v.get(key).and_then(|n| {
        n.as_u64()
            .or_else(|| n.as_str().and_then(|s| s.trim().parse().ok()))
    })
}

/// One page of several: importing it alone would remove the feed's records on other pages.
fn paging(
    v: &Value,
    held: usize,
    total: &str,
    pages: &str,
    page: &str,
    last: &str,
    zero_based: bool,
) -> Option<(String, String)> {
    let total_n = num(v, total);
    let pages_n = num(v, pages);
    let last_page = v.get(last).and_then(Value::as_bool);
    let more = total_n.is_some_and(|t| t > held as u64)
        || pages_n.is_some_and(|p| p > 1)
        || last_page == Some(false);
    if !more {
        return None;
    }
    let page_no = num(v, page).map(|p| if zero_based { p + 1 } else { p });
    let of_pages = match (page_no, pages_n) {
        (Some(p), Some(n)) => format!("page {p} of {n}"),
        _ => "one page of a longer list".to_string(),
    };
    let of_items = match total_n {
        Some(t) => format!("{held} of {t} services"),
        None => format!("{held} services"),
    };
    Some((
        total.to_string(),
        format!("this file is {of_pages} ({of_items}): installing it alone would remove the feed's records that are on other pages; put every page's services in one file"),
    ))
}

pub fn detect(v: &Value, format: Option<FeedFormat>) -> Result<Shape<'_>, String> {
    let has_list = |k: &str| v.get(k).is_some_and(Value::is_array);
    if has_list("contents") {
        if format == Some(FeedFormat::OrukV1) {
            return Err("--format oruk-v1 was given, but the file is an HSDS 3.0 list (`contents`); ORUK v1 lists use `content`".into());
        }
        let services = items(v, "contents");
        let partial = paging(
            v,
            services.len(),
            "total_items",
            "total_pages",
            "page_number",
            "last_page",
            false,
        );
        let notes = count_note(v, services.len(), "total_items");
        return Ok(Shape {
            label: "HSDS 3.0 list of services (`contents`)",
            services,
            partial,
            notes,
        });
    }
    if has_list("content") {
        if format == Some(FeedFormat::Hsds) {
            return Err("--format hsds was given, but the file is an ORUK v1 list (`content`); HSDS 3.0 lists use `contents`".into());
        }
        let services = items(v, "content");
        let partial = paging(
            v,
            services.len(),
            "totalElements",
            "totalPages",
            "number",
            "last",
            true,
        );
        let notes = count_note(v, services.len(), "totalElements");
        return Ok(Shape {
            label: "ORUK v1 list of services (`content`)",
            services,
            partial,
            notes,
        });
    }
    if let Some(why) = not_a_service(v) {
        return Err(why);
    }
    // An organisation document carries its services: read them.
    if v.get("services").is_some_and(Value::is_array) && v.get("contents").is_none() {
        return Ok(Shape {
            label: "an organisation document with its `services`",
            services: items(v, "services"),
            partial: None,
            notes: Vec::new(),
        });
    }
    match v {
        Value::Array(a) => Ok(Shape {
            label: "a bare list of services",
            services: a
                .iter()
                .enumerate()
                .map(|(i, s)| At::root(s, &format!("[{i}]")))
                .collect(),
            partial: None,
            notes: Vec::new(),
        }),
        Value::Object(o) if o.contains_key("name") || o.contains_key("id") => Ok(Shape {
            label: "one service (HSDS `service_full`)",
            services: vec![At::root(v, "")],
            partial: None,
            notes: Vec::new(),
        }),
        _ => Err("not an HSDS or Open Referral UK feed: expected a service, or a list with `contents` (HSDS 3.0) or `content` (ORUK v1)".into()),
    }
}
