//! Recording a maintainer's verification in a service's file, keeping its comments and layout.

use crate::model::{Date, Problem};
use toml_edit::{value, DocumentMut, Item, Table};

/// How the maintainer confirmed the record with the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Phone,
    Email,
    Website,
    InPerson,
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::Phone => "phone",
            Method::Email => "email",
            Method::Website => "website",
            Method::InPerson => "in-person",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub on: Date,
    pub by: String,
    pub method: Method,
    pub note: String,
}

/// Check the verification itself: a named person, and a date that has happened.
pub fn check(v: &Verification, file: &str, today: Date) -> Result<(), Problem> {
    if v.by.trim().is_empty() {
        return Err(Problem::error(
            file,
            "verified.by",
            "--by must name who confirmed it",
        ));
    }
    if v.on > today {
        return Err(Problem::error(
            file,
            "verified.on",
            format!("--on {} is in the future (today is {today})", v.on),
        ));
    }
    if v.by.chars().chain(v.note.chars()).any(char::is_control) {
        return Err(Problem::error(
            file,
            "verified",
            "--by and --note must be plain text on one line",
        ));
    }
    Ok(())
}

/// The file's text with its `[verified]` block written or replaced. Everything else (comments,
/// order, spacing) is kept as it was, so the diff a reviewer reads is the verification alone.
pub fn write(file: &str, text: &str, v: &Verification) -> Result<String, Problem> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        let mut p = Problem::error(file, "", e.message().to_string());
        p.line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        p
    })?;
    if !doc.contains_key("verified") {
        doc.insert("verified", Item::Table(Table::new()));
    }
    let Some(table) = doc.get_mut("verified").and_then(Item::as_table_mut) else {
        return Err(Problem::error(
            file,
            "verified",
            "is not a [verified] table; fix it by hand first",
        ));
    };
    table.insert("on", value(v.on.to_string()));
    table.insert("by", value(v.by.trim()));
    table.insert("method", value(v.method.label()));
    if v.note.trim().is_empty() {
        table.remove("note");
    } else {
        table.insert("note", value(v.note.trim()));
    }
    table.set_implicit(false);
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> Verification {
        Verification {
            on: Date::parse("2026-12-01").unwrap(),
            by: "A Maintainer".into(),
            method: Method::Phone,
            note: String::new(),
        }
    }

    #[test]
    fn a_second_verification_replaces_the_first_in_place() {
        let text = "# kept\nid = \"x\"\n\n[verified] # why\non = \"2025-01-01\"\nby = \"B\"\nmethod = \"email\"\n\n[[sources]]\nurl = \"https://example.org\"\n";
        let out = write("services/x.toml", text, &v()).unwrap();
        assert!(out.starts_with("# kept\nid = \"x\"\n"), "{out}");
        assert!(out.contains("on = \"2026-12-01\""), "{out}");
        assert!(!out.contains("2025-01-01"), "{out}");
        assert_eq!(out.matches("[verified]").count(), 1, "{out}");
    }

    #[test]
    fn a_future_date_is_refused_naming_the_field() {
        let mut f = v();
        f.on = Date::parse("2027-01-01").unwrap();
        let e = check(&f, "services/x.toml", Date::parse("2026-12-04").unwrap()).unwrap_err();
        assert_eq!(e.field, "verified.on");
    }
}
