//! Semantic checks on a whole directory: every problem named by file and field, nothing fixed silently.

use super::age::AgeBound;
use super::contact::ContactKind;
use super::directory::Directory;
use super::hours::{BankHolidayRule, Hours, HoursKind};
use super::phone::{check_relay, check_text_number, classify_phone, NumberClass};
use super::place::PlaceKind;
use super::problem::Problem;
use super::service::{Service, Status};
use super::time::Date;
use std::collections::{BTreeSet, HashSet};

/// What validation needs from outside the data: today, for staleness.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext {
    pub today: Date,
    pub stale_months: u32,
}

pub fn service_file(id: &str) -> String {
    format!("services/{id}.toml")
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

pub fn check_url(u: &str) -> Result<(), String> {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .ok_or_else(|| format!("'{u}' is not a web address (expected https://...)"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.contains('.') && !host.contains(' ') && !u.contains(' ') && !host.starts_with('.') {
        Ok(())
    } else {
        Err(format!("'{u}' is not a web address"))
    }
}

pub fn check_email(e: &str) -> Result<(), String> {
    match e.split_once('@') {
        Some((user, dom))
            if !user.is_empty()
                && dom.contains('.')
                && !dom.starts_with('.')
                && !dom.ends_with('.')
                && !e.contains(char::is_whitespace)
                && !dom.contains('@') =>
        {
            Ok(())
        }
        _ => Err(format!("'{e}' is not an email address")),
    }
}

/// Whole calendar months from `from` to `to`: how staleness is counted.
pub fn months_between(from: Date, to: Date) -> i64 {
    use chrono::Datelike;
    let (a, b) = (from.0, to.0);
    let mut m = (b.year() - a.year()) as i64 * 12 + b.month() as i64 - a.month() as i64;
    if b.day() < a.day() {
        m -= 1;
    }
    m
}

pub fn validate(dir: &Directory, ctx: CheckContext) -> Vec<Problem> {
    let mut out = Vec::new();
    validate_places(dir, &mut out);
    validate_triage_refs(dir, &mut out);
    super::status_note::validate_notes(dir, &mut out);
    let mut seen = HashSet::new();
    for s in &dir.services {
        let file = service_file(&s.id);
        if !seen.insert(s.id.as_str()) {
            out.push(Problem::error(
                &file,
                "id",
                format!("duplicate id '{}'", s.id),
            ));
        }
        validate_service(dir, s, &file, ctx, &mut out);
    }
    if dir.services.is_empty() {
        out.push(Problem::error(
            "services/",
            "",
            "the directory holds no services",
        ));
    }
    out
}

/// The checks one service can fail on its own, against the places and triage of `dir` (which
/// are not checked themselves): what a feed import asks of each record it maps.
pub fn validate_one(dir: &Directory, s: &Service, ctx: CheckContext) -> Vec<Problem> {
    let mut out = Vec::new();
    validate_service(dir, s, &service_file(&s.id), ctx, &mut out);
    out
}

fn validate_places(dir: &Directory, out: &mut Vec<Problem>) {
    let f = "places.toml";
    let mut ids = HashSet::new();
    for (i, p) in dir.places.places.iter().enumerate() {
        let field = |k: &str| format!("places[{i}].{k}");
        if !ids.insert(p.id.as_str()) {
            out.push(Problem::error(
                f,
                &field("id"),
                format!("duplicate place id '{}'", p.id),
            ));
        }
        if !is_slug(&p.id) {
            out.push(Problem::error(
                f,
                &field("id"),
                format!("'{}' is not a lower-case id", p.id),
            ));
        }
        match (&p.parent, p.kind) {
            (None, PlaceKind::Country) => {}
            (None, _) => out.push(Problem::error(f, &field("parent"), "a parent is required")),
            (Some(par), _) if dir.places.get(par).is_none() => out.push(Problem::error(
                f,
                &field("parent"),
                format!("unknown place '{par}'"),
            )),
            _ => {}
        }
        if dir.places.lineage(&p.id).last().map(|r| r.kind) != Some(PlaceKind::Country) {
            out.push(Problem::error(
                f,
                &field("parent"),
                "the parent chain does not reach the country",
            ));
        }
        for (j, pc) in p.postcodes.iter().enumerate() {
            if !is_postcode_district(pc) {
                out.push(Problem::error(
                    f,
                    &field(&format!("postcodes[{j}]")),
                    format!("'{pc}' is not a postcode district such as PO30"),
                ));
            }
        }
    }
}

pub fn is_postcode_district(s: &str) -> bool {
    let letters = s.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &s[letters..];
    (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest.len() <= 2
        && rest.chars().all(|c| c.is_ascii_digit())
}

fn validate_triage_refs(dir: &Directory, out: &mut Vec<Problem>) {
    let f = "triage.toml";
    let t = &dir.triage;
    let mut codes = HashSet::new();
    for (i, l) in t.urgency.iter().enumerate() {
        if !codes.insert(l.code.as_str()) {
            out.push(Problem::error(
                f,
                &format!("urgency[{i}].code"),
                format!("duplicate level '{}'", l.code),
            ));
        }
    }
    let mut needs = HashSet::new();
    for (i, n) in t.needs.iter().enumerate() {
        if !needs.insert(n.id.as_str()) {
            out.push(Problem::error(
                f,
                &format!("needs[{i}].id"),
                format!("duplicate need '{}'", n.id),
            ));
        }
        if n.categories.is_empty() {
            out.push(Problem::error(
                f,
                &format!("needs[{i}].categories"),
                "a need must map to at least one category",
            ));
        }
    }
    for (i, r) in t.policy.iter().enumerate() {
        for (j, c) in r.levels.iter().enumerate() {
            if t.level(c).is_none() {
                out.push(Problem::error(
                    f,
                    &format!("policy[{i}].levels[{j}]"),
                    format!("unknown urgency level '{c}'"),
                ));
            }
        }
    }
}

fn validate_service(
    dir: &Directory,
    s: &Service,
    f: &str,
    ctx: CheckContext,
    out: &mut Vec<Problem>,
) {
    let err =
        |out: &mut Vec<Problem>, field: &str, m: String| out.push(Problem::error(f, field, m));
    if !is_slug(&s.id) {
        err(
            out,
            "id",
            format!(
                "'{}' is not a lower-case id of letters, digits and '-'",
                s.id
            ),
        );
    }
    if s.name.trim().is_empty() {
        err(out, "name", "a name is required".into());
    }
    if s.categories.is_empty() {
        err(
            out,
            "categories",
            "at least one category is required".into(),
        );
    }
    if s.areas.is_empty() {
        err(out, "areas", "at least one area is required".into());
    }
    for (key, list) in [
        ("areas", &s.areas),
        ("areas_except", &s.areas_except),
        ("gp_registered_in", &s.gp_registered_in),
    ] {
        for (i, a) in list.iter().enumerate() {
            if dir.places.get(a).is_none() {
                err(out, &format!("{key}[{i}]"), format!("unknown place '{a}'"));
            }
        }
    }
    if let (AgeBound::Years(a), AgeBound::Years(b)) = (s.age.min, s.age.max) {
        if a > b {
            err(
                out,
                "age.min",
                format!("minimum age {a} is above maximum age {b}"),
            );
        }
    }
    if !s.age.source.is_empty() && !s.sources.iter().any(|src| src.url == s.age.source) {
        err(
            out,
            "age.source",
            format!("'{}' is not one of this record's [[sources]]", s.age.source),
        );
    }
    // Named on `status`, the line a reviewer must look at, since the reason is what is missing.
    if s.status != Status::Active && s.status_reason.trim().is_empty() {
        err(
            out,
            "status",
            "an unconfirmed or closed record must say why (status_reason)".into(),
        );
    }
    for (i, c) in s.contacts.iter().enumerate() {
        let field = format!("contacts[{i}].value");
        let checked = match c.kind {
            ContactKind::Phone | ContactKind::Whatsapp => classify_phone(&c.value).map(Some),
            ContactKind::Relay => check_relay(&c.value).map(|_| None),
            ContactKind::Text => check_text_number(&c.value).map(|_| None),
            ContactKind::Web | ContactKind::Chat => check_url(&c.value).map(|_| None),
            ContactKind::Email => check_email(&c.value).map(|_| None),
            ContactKind::Address if c.value.trim().is_empty() => Err("the address is empty".into()),
            ContactKind::Address => Ok(None),
        };
        match checked {
            Err(m) => err(out, &field, m),
            Ok(Some(NumberClass::Chargeable)) => out.push(Problem::warning(
                f,
                &field,
                format!(
                    "{} is chargeable (084/087): tell the caller it may cost",
                    c.value
                ),
            )),
            Ok(_) => {}
        }
        if c.value != super::phone::normalise_spacing(&c.value) {
            err(out, &field, format!("'{}' has stray spaces", c.value));
        }
        if c.kind == ContactKind::Text && c.keyword.trim().is_empty() {
            out.push(Problem::warning(
                f,
                &format!("contacts[{i}].keyword"),
                "keyword not confirmed",
            ));
        }
        if let Some(h) = &c.hours {
            validate_hours(h, &format!("contacts[{i}].hours"), f, out);
        }
    }
    validate_hours(&s.hours, "hours", f, out);
    if let Some(o) = &s.urgency {
        for (i, l) in o.levels.iter().enumerate() {
            if dir.triage.level(l).is_none() {
                err(
                    out,
                    &format!("urgency.levels[{i}]"),
                    format!("unknown urgency level '{l}'"),
                );
            }
        }
        if o.reason.trim().is_empty() {
            err(
                out,
                "urgency.reason",
                "an override of the urgency policy needs a reason".into(),
            );
        }
    }
    if s.sources.is_empty() {
        // An unconfirmed record may lack a source only to stay visible as a known unknown;
        // it then carries no contact to give, so nothing unsourced can reach a caller.
        if s.status == Status::Unconfirmed && s.contacts.is_empty() {
            out.push(Problem::warning(
                f,
                "sources",
                "no source: kept as unconfirmed, with no contact to give",
            ));
        } else {
            err(
                out,
                "sources",
                "every record needs at least one source".into(),
            );
        }
    }
    for (i, src) in s.sources.iter().enumerate() {
        if let Err(m) = check_url(&src.url) {
            err(out, &format!("sources[{i}].url"), m);
        }
    }
    match &s.verified {
        None => {
            let seen = s
                .last_seen()
                .map(|d| d.to_string())
                .unwrap_or_else(|| "date not shown".into());
            out.push(Problem::warning(
                f,
                "verified",
                format!("sourced, not verified — seen {seen}"),
            ));
        }
        Some(v) => {
            for (key, value) in [("by", &v.by), ("method", &v.method)] {
                if value.trim().is_empty() {
                    err(
                        out,
                        &format!("verified.{key}"),
                        "a verification needs who confirmed it and how".into(),
                    );
                }
            }
            let age = months_between(v.on, ctx.today);
            if age >= ctx.stale_months as i64 {
                out.push(Problem::warning(
                    f,
                    "verified.on",
                    format!("stale: verified {} ({age} months ago)", v.on),
                ));
            }
        }
    }
}

fn validate_hours(h: &Hours, at: &str, f: &str, out: &mut Vec<Problem>) {
    let mut err = |field: String, m: &str| out.push(Problem::error(f, &field, m.to_string()));
    if h.kind == HoursKind::Weekly && h.sessions.is_empty() {
        err(
            format!("{at}.sessions"),
            "weekly hours need at least one session",
        );
    }
    if h.kind != HoursKind::Weekly && !h.sessions.is_empty() {
        err(
            format!("{at}.kind"),
            "sessions are given but kind is not \"weekly\"",
        );
    }
    for (i, s) in h.sessions.iter().enumerate() {
        if s.open == s.close {
            err(
                format!("{at}.sessions[{i}].close"),
                "session of zero length",
            );
        }
        if s.days.is_empty() {
            err(
                format!("{at}.sessions[{i}].days"),
                "a session needs at least one day",
            );
        }
        let distinct: BTreeSet<_> = s.days.iter().collect();
        if distinct.len() != s.days.len() {
            err(format!("{at}.sessions[{i}].days"), "a day is listed twice");
        }
    }
    if h.bank_holidays == BankHolidayRule::Sessions && h.bank_holiday_sessions.is_empty() {
        err(
            format!("{at}.bank_holiday_sessions"),
            "bank_holidays = \"sessions\" needs sessions",
        );
    }
    for (i, s) in h.bank_holiday_sessions.iter().enumerate() {
        if s.open == s.close {
            err(
                format!("{at}.bank_holiday_sessions[{i}].close"),
                "session of zero length",
            );
        }
    }
    for (i, e) in h.exceptions.iter().enumerate() {
        if e.from > e.to {
            err(
                format!("{at}.exceptions[{i}].to"),
                "the exception ends before it starts",
            );
        }
        if e.closed != e.sessions.is_empty() {
            err(
                format!("{at}.exceptions[{i}]"),
                "an exception is either closed = true or has sessions",
            );
        }
        for (j, s) in e.sessions.iter().enumerate() {
            if s.open == s.close {
                err(
                    format!("{at}.exceptions[{i}].sessions[{j}].close"),
                    "session of zero length",
                );
            }
        }
    }
}
