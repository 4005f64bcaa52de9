//! Open Referral UK / HSDS feeds: a lenient import that reports every misfit with its JSON path
//! and only ever replaces its own feed's records; HSDS JSON and CSV exports of public facts.
//!
//! Reading (`read_feed`) is pure: it maps the file into records and findings. Planning
//! (`plan::plan`) builds the next edition's files and refuses anything that would touch the
//! safety net, curated records or another feed.

pub mod contacts;
pub mod csv_out;
pub mod docs;
pub mod hsds_out;
pub mod json;
pub mod plan;
pub mod report;
pub mod safety;
pub mod schedule;
pub mod service;
pub mod shape;
pub mod tabular;
pub mod terms;

pub use plan::{plan, Plan};
pub use report::{Finding, FindingKind, Findings};
pub use safety::is_safety_net;

use crate::model::clean;
use crate::model::validate::{check_url, is_slug, validate_one, CheckContext};
use crate::model::{Category, Date, Directory, Service};
use crate::places::PlaceIndex;
use json::At;
use serde_json::Value;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// HSDS 3.0 and its Open Referral UK profile (a service, or a `contents` list).
    Hsds,
    /// The older Open Referral UK v1 API (a `content` list).
    OrukV1,
}

#[derive(Debug, Clone)]
pub struct FeedOptions {
    /// The feed's name: a slug that prefixes its records' ids and scopes what it may replace.
    pub name: String,
    /// None: detect the shape.
    pub format: Option<FeedFormat>,
    /// Where the feed is published, recorded as each record's source.
    pub feed_url: Option<String>,
    /// The date the feed was read (Europe/London), recorded with each source.
    pub today: Date,
    /// What a single-council feed's records take when they name none of their own.
    pub defaults: FeedDefaults,
}

#[derive(Debug, Clone, Default)]
pub struct FeedDefaults {
    /// Place ids.
    pub areas: Vec<String>,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone)]
pub struct FeedRead {
    pub name: String,
    pub shape: String,
    /// Services in the file, imported or not.
    pub read: usize,
    /// Records that passed every check a record can have on its own.
    pub services: Vec<Service>,
    pub findings: Findings,
    /// The file is one page of a longer list.
    pub partial: Option<String>,
}

/// Map a feed file (one JSON document, or JSON Lines) into records and a report. Fails only
/// when the file is not a feed at all.
pub fn read_feed(text: &str, opts: &FeedOptions, dir: &Directory) -> Result<FeedRead, String> {
    check_options(opts)?;
    let mut findings = Findings::default();
    let docs = docs::parse_text("", text, &mut findings)?;
    let single = docs.len() == 1 && docs[0].label.is_empty();
    read_docs(&docs, findings, single, opts, dir)
}

/// Map a folder's files (name, text), each a service document, a list or JSON Lines, into one
/// feed. A file that is not a feed is reported and the others read.
pub fn read_feed_folder(
    files: &[(String, String)],
    opts: &FeedOptions,
    dir: &Directory,
) -> Result<FeedRead, String> {
    check_options(opts)?;
    let mut findings = Findings::default();
    let mut all = Vec::new();
    for (name, text) in files {
        match docs::parse_text(name, text, &mut findings) {
            Ok(mut d) => all.append(&mut d),
            Err(m) => findings.push(FindingKind::Feed, name, format!("{m} (this file only)")),
        }
    }
    if all.is_empty() {
        return Err("the folder holds no JSON feed document".into());
    }
    read_docs(&all, findings, false, opts, dir)
}

fn check_options(opts: &FeedOptions) -> Result<(), String> {
    if !is_slug(&opts.name) {
        return Err(format!(
            "feed name '{}' must be a lower-case slug of letters, digits and '-' (it prefixes the records' ids)",
            opts.name
        ));
    }
    if let Some(u) = &opts.feed_url {
        check_url(u).map_err(|m| format!("--feed-url: {m}"))?;
    }
    Ok(())
}

/// Keys only a full service record has: a record with none of them is a list's summary.
const DETAIL_KEYS: [&str; 13] = [
    "service_areas",
    "attributes",
    "service_taxonomys",
    "taxonomy_terms",
    "phones",
    "contacts",
    "schedules",
    "regular_schedules",
    "service_at_locations",
    "locations",
    "eligibilitys",
    "email",
    "languages",
];

fn is_summary(s: &At) -> bool {
    s.v.is_object()
        && DETAIL_KEYS.iter().all(|k| match s.v.get(*k) {
            None | Some(Value::Null) => true,
            Some(Value::Array(a)) => a.is_empty(),
            Some(Value::String(t)) => t.trim().is_empty(),
            Some(_) => false,
        })
}

const SUMMARY: &str = "a summary only (an id and a name, no areas, categories, phones or hours), as a list endpoint such as /services gives: fetch each service's full record (/services/{id}) into one folder and import the folder (README, open data)";

fn read_docs(
    docs: &[docs::Doc],
    mut findings: Findings,
    single: bool,
    opts: &FeedOptions,
    dir: &Directory,
) -> Result<FeedRead, String> {
    let mut all: Vec<At> = Vec::new();
    let mut label = None;
    let mut partial = None;
    for d in docs {
        let shape = match shape::detect(&d.value, opts.format) {
            Ok(s) => s,
            Err(m) if single => return Err(m),
            Err(m) => {
                findings.push(FindingKind::Feed, &d.label, format!("{m}; not read"));
                continue;
            }
        };
        label = Some(if single {
            shape.label.to_string()
        } else {
            format!("{} document(s), each {}", docs.len(), shape.label)
        });
        if let Some((path, m)) = &shape.partial {
            findings.push(
                FindingKind::Feed,
                &docs::prefixed(&d.label, path),
                m.clone(),
            );
            partial.get_or_insert_with(|| m.clone());
        }
        for (path, m) in &shape.notes {
            findings.push(
                FindingKind::Feed,
                &docs::prefixed(&d.label, path),
                m.clone(),
            );
        }
        all.extend(shape.services.into_iter().map(|mut s| {
            s.path = docs::prefixed(&d.label, &s.path);
            s
        }));
    }
    let places = PlaceIndex::new(&dir.places);
    let cx = service::Context {
        feed: &opts.name,
        feed_url: opts.feed_url.as_deref(),
        today: opts.today,
        places: &places,
        places_file: &dir.places,
        taxonomy: &dir.feed_taxonomy,
    };
    let check = CheckContext {
        today: opts.today,
        stale_months: 6,
    };
    let mut services: Vec<Service> = Vec::new();
    // Ids taken so far: a set, not a scan of `services`, so a large feed reads in linear time.
    let mut taken: HashSet<String> = HashSet::new();
    let (mut summaries, mut area_default, mut category_default) = (0, 0, 0);
    for s in &all {
        // The safety net is protected per record: a record carrying it is left out, the rest
        // of the feed imports.
        let mut safety = Vec::new();
        safety_scan(s, &opts.name, &mut safety);
        if !safety.is_empty() {
            findings.push(
                FindingKind::Record,
                &s.path,
                safety_message(s, &safety, dir),
            );
            continue;
        }
        // Said once for them all (the paths gather on one finding), not once per record.
        if is_summary(s) {
            summaries += 1;
            findings.push(FindingKind::Feed, &s.path, SUMMARY);
            continue;
        }
        let Some(mut rec) = service::map(s, &cx, &mut findings) else {
            continue;
        };
        if rec.areas.is_empty() && !opts.defaults.areas.is_empty() {
            rec.areas = opts.defaults.areas.clone();
            area_default += 1;
        }
        if rec.categories.is_empty() && !opts.defaults.categories.is_empty() {
            rec.categories = opts.defaults.categories.clone();
            category_default += 1;
        }
        if taken.contains(&rec.id) {
            findings.push(
                FindingKind::Record,
                &s.path,
                format!("'{}': its id gives record id '{}', already taken by an earlier service in this feed (duplicate id)", rec.name, rec.id),
            );
            continue;
        }
        // Each record is checked alone, so one bad record is left out and the rest import.
        // (Only the record's own checks: the edition's places and triage are checked when it
        // is installed, not once per record.)
        let errors: Vec<String> = validate_one(dir, &rec, check)
            .into_iter()
            .filter(|p| p.is_error())
            .map(|p| format!("{}: {}", p.field, p.message))
            .collect();
        if errors.is_empty() {
            taken.insert(rec.id.clone());
            services.push(rec);
        } else {
            findings.push(
                FindingKind::Record,
                &s.path,
                format!("'{}': {}", rec.name, errors.join("; ")),
            );
        }
    }
    if summaries > 0 {
        findings.push(
            FindingKind::Feed,
            "",
            format!(
                "{summaries} of {} services are summaries and were not imported",
                all.len()
            ),
        );
    }
    for (n, what, given) in [
        (area_default, "area", opts.defaults.areas.join(", ")),
        (
            category_default,
            "category",
            opts.defaults
                .categories
                .iter()
                .map(|c| c.id())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ] {
        if n > 0 {
            findings.push(
                FindingKind::Feed,
                "",
                format!("{n} service(s) named no {what} this directory knows: given the feed's default ({given})"),
            );
        }
    }
    Ok(FeedRead {
        name: opts.name.clone(),
        shape: label.unwrap_or_else(|| "no service document".into()),
        read: all.len(),
        services,
        findings,
        partial,
    })
}

/// Why a record was left out for carrying the safety net, and the directory's own record of the
/// same name when there is one (a local Samaritans branch the directory already holds).
fn safety_message(s: &At, hits: &[String], dir: &Directory) -> String {
    let name =
        s.v.get("name")
            .and_then(Value::as_str)
            .map(clean::line)
            .unwrap_or_default();
    let held = dir
        .services
        .iter()
        .find(|d| !name.is_empty() && d.name.eq_ignore_ascii_case(&name));
    let tail = match held {
        Some(d) => format!(
            "matched to the directory's own record {} ({}), which is kept as it is",
            d.id, d.name
        ),
        None => "left out: safety-net numbers are given only from the directory's own records, and the rest of the feed imports".to_string(),
    };
    format!(
        "'{name}' carries the safety net ({}); {tail}",
        hits.join("; ")
    )
}

/// Look through the raw service for safety-net ids and numbers, including values the mapping
/// would reject (a quoted "999" is still 999).
fn safety_scan(s: &At, feed: &str, out: &mut Vec<String>) {
    if let Some(id) = s.id("id") {
        let own = service::record_id(feed, &id);
        for taken in [service::slug(&id), own] {
            if safety::SAFETY_NET_IDS.contains(&taken.as_str()) {
                out.push(format!("id '{taken}' is the id of a safety-net record"));
            }
        }
    }
    fn walk(v: &Value, path: &str, in_phones: bool, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    let p = if path.is_empty() || path.ends_with('#') {
                        format!("{path}{k}")
                    } else {
                        format!("{path}.{k}")
                    };
                    if in_phones && k == "number" {
                        if let Some(n) = x.as_str().filter(|n| safety::is_safety_net_number(n)) {
                            out.push(format!("{p}: {} is a safety-net number", clean::line(n)));
                        }
                    }
                    walk(x, &p, k == "phones", out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), in_phones, out);
                }
            }
            _ => {}
        }
    }
    walk(s.v, &s.path, false, out);
}
