//! What an import would change: services added, removed and changed, field by field, numbers first.

use super::directory::Directory;
use super::service::Service;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceChange {
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Diff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ServiceChange>,
    /// Places, triage, bank holidays, accepted gaps or the feed taxonomy table differ.
    pub other_files: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.other_files.is_empty()
    }
}

/// Fields a caller acts on come first, so a reviewer sees a changed number before a changed word.
const FIELD_ORDER: [&str; 8] = [
    "contacts",
    "hours",
    "status",
    "age",
    "areas",
    "areas_except",
    "access",
    "urgency",
];

fn fields(s: &Service) -> BTreeMap<String, serde_json::Value> {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::Object(m)) => m.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}

fn show(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "(none)".into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

pub fn service_changes(old: &Service, new: &Service) -> Vec<FieldChange> {
    let (a, b) = (fields(old), fields(new));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort_by_key(|k| {
        (
            FIELD_ORDER
                .iter()
                .position(|f| f == k)
                .unwrap_or(FIELD_ORDER.len()),
            k.to_string(),
        )
    });
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| FieldChange {
            field: k.clone(),
            before: show(a.get(k)),
            after: show(b.get(k)),
        })
        .collect()
}

pub fn diff(old: &Directory, new: &Directory) -> Diff {
    let mut d = Diff::default();
    for s in &new.services {
        match old.service(&s.id) {
            None => d.added.push(s.id.clone()),
            Some(o) => {
                let fields = service_changes(o, s);
                if !fields.is_empty() {
                    d.changed.push(ServiceChange {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for s in &old.services {
        if new.service(&s.id).is_none() {
            d.removed.push(s.id.clone());
        }
    }
    if old.places != new.places {
        d.other_files.push("places.toml".into());
    }
    if old.triage != new.triage {
        d.other_files.push("triage.toml".into());
    }
    if old.bank_holidays != new.bank_holidays {
        d.other_files.push("bank-holidays.toml".into());
    }
    if old.accepted_gaps != new.accepted_gaps {
        d.other_files.push("accepted-gaps.toml".into());
    }
    if old.feed_taxonomy != new.feed_taxonomy {
        d.other_files.push("feed-taxonomy.toml".into());
    }
    if old.vocabulary != new.vocabulary {
        d.other_files.push("vocabulary.toml".into());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, ContactKind};

    #[test]
    fn numbers_come_first() {
        let old = Service {
            id: "a".into(),
            name: "A".into(),
            ..Default::default()
        };
        let mut new = old.clone();
        new.name = "A2".into();
        new.contacts.push(Contact {
            kind: ContactKind::Phone,
            label: String::new(),
            value: "111".into(),
            keyword: String::new(),
            audience: Default::default(),
            hours: None,
        });
        let ch = service_changes(&old, &new);
        assert_eq!(
            ch.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
            ["contacts", "name"]
        );
    }
}
