//! CSV export, one row per service, for spreadsheets: public facts only, every cell quoted,
//! and cells a spreadsheet would run as a formula defused.

use crate::model::{AgeBound, ContactKind, Directory, Service, Status};

pub const COLUMNS: [&str; 26] = [
    "id",
    "name",
    "organisation",
    "status",
    "status_reason",
    "categories",
    "areas",
    "areas_except",
    "age_min",
    "age_max",
    "ages",
    "phone",
    "text",
    "relay",
    "whatsapp",
    "web",
    "email",
    "address",
    "hours",
    "access",
    "public_info",
    "eligibility",
    "languages",
    "cost",
    "feed",
    "sources",
];

/// A cell as text a spreadsheet will not run: one starting with =, +, -, @, tab or carriage
/// return is a formula to Excel and LibreOffice, so it gets a leading single quote (OWASP's
/// CSV-injection advice). "+44 23..." therefore stays text too.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// RFC 4180 quoting, always: so commas, quotes and line breaks inside a cell stay in the cell,
/// and a number is never re-read as a number (leading zeros, spacing) by a careful importer.
pub fn quote(cell: &str) -> String {
    format!("\"{}\"", defuse(cell).replace('"', "\"\""))
}

fn bound(b: AgeBound) -> String {
    match b {
        AgeBound::Years(n) => n.to_string(),
        AgeBound::NoLimit => "no limit".into(),
        AgeBound::Unknown => "unknown".into(),
    }
}

fn contacts(s: &Service, kind: ContactKind) -> String {
    s.contacts
        .iter()
        .filter(|c| c.is_public() && c.kind == kind)
        .map(|c| {
            let v = if kind == ContactKind::Text {
                c.display_value()
            } else {
                c.value.clone()
            };
            if c.label.is_empty() {
                v
            } else {
                format!("{v} ({})", c.label)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn hours(s: &Service) -> String {
    use crate::model::HoursKind;
    let h = &s.hours;
    let base = match h.kind {
        HoursKind::AllHours => "open all hours".to_string(),
        HoursKind::NotConfirmed => "not confirmed".to_string(),
        HoursKind::Weekly => h
            .sessions
            .iter()
            .map(|x| {
                let days: Vec<&str> = x.days.iter().map(|d| d.label()).collect();
                format!("{} {}-{}", days.join(","), x.open, x.close)
            })
            .collect::<Vec<_>>()
            .join("; "),
    };
    if h.wording.is_empty() {
        base
    } else {
        format!("{base} (source: {})", h.wording)
    }
}

fn row(s: &Service) -> Vec<String> {
    let status = match s.status {
        Status::Active => "active",
        Status::Unconfirmed => "unconfirmed",
        Status::Closed => "closed",
    };
    vec![
        s.id.clone(),
        s.name.clone(),
        s.organisation.clone(),
        status.into(),
        s.status_reason.clone(),
        s.categories
            .iter()
            .map(|c| c.id())
            .collect::<Vec<_>>()
            .join("; "),
        s.areas.join("; "),
        s.areas_except.join("; "),
        bound(s.age.min),
        bound(s.age.max),
        s.age.to_string(),
        contacts(s, ContactKind::Phone),
        contacts(s, ContactKind::Text),
        contacts(s, ContactKind::Relay),
        contacts(s, ContactKind::Whatsapp),
        contacts(s, ContactKind::Web),
        contacts(s, ContactKind::Email),
        contacts(s, ContactKind::Address),
        hours(s),
        s.access
            .iter()
            .map(|a| a.label())
            .collect::<Vec<_>>()
            .join("; "),
        s.public_info.clone(),
        s.eligibility.join("; "),
        s.languages.join("; "),
        s.cost.clone(),
        s.feed.clone(),
        s.sources
            .iter()
            .map(|x| match x.seen_on {
                Some(d) => format!("{} (seen {d})", x.url),
                None => x.url.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// The whole table, with a UTF-8 byte-order mark so Excel on Windows reads accents right.
pub fn export(dir: &Directory) -> String {
    let mut out = String::from("\u{feff}");
    let line =
        |cells: Vec<String>| cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(COLUMNS.iter().map(|c| c.to_string()).collect()));
    for s in &dir.services {
        out.push_str(&line(row(s)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_formula_starts_and_quotes_everything() {
        assert_eq!(quote("=1+1"), "\"'=1+1\"");
        assert_eq!(quote("+44 23"), "\"'+44 23\"");
        assert_eq!(quote("-2"), "\"'-2\"");
        assert_eq!(quote("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(quote("\tx"), "\"'\tx\"");
        assert_eq!(quote("a \"b\", c\nd"), "\"a \"\"b\"\", c\nd\"");
        assert_eq!(quote("0800 1111"), "\"0800 1111\"");
        assert_eq!(row(&Service::default()).len(), COLUMNS.len());
    }
}
