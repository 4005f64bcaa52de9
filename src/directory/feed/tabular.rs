//! The HSDS tabular data package: the HSDS JSON export laid out as its CSV tables (services,
//! phones, schedules...) joined by ids, with the `datapackage.json` that describes them.

use super::csv_out::quote;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// One table: its file stem, its columns (a column read as a number is marked), its rows.
struct Table {
    name: &'static str,
    columns: &'static [&'static str],
    numbers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    /// Ids already written: organisations and terms are shared between services.
    seen: BTreeSet<String>,
}

impl Table {
    fn new(
        name: &'static str,
        columns: &'static [&'static str],
        numbers: &'static [&'static str],
    ) -> Self {
        Table {
            name,
            columns,
            numbers,
            rows: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    /// A row from a JSON object's fields, `extra` (foreign keys) taking precedence.
    fn add(&mut self, v: &Value, extra: &[(&str, &str)]) {
        let id = cell(v.get("id"));
        if !id.is_empty() && !self.seen.insert(id) {
            return;
        }
        let row = self
            .columns
            .iter()
            .map(|c| match extra.iter().find(|(k, _)| k == c) {
                Some((_, x)) => x.to_string(),
                None => cell(v.get(*c)),
            })
            .collect();
        self.rows.push(row);
    }

    fn csv(&self) -> String {
        let line = |cells: Vec<String>| {
            cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",") + "\r\n"
        };
        let mut out = line(self.columns.iter().map(|c| c.to_string()).collect());
        for r in &self.rows {
            out.push_str(&line(r.clone()));
        }
        out
    }

    fn resource(&self) -> Value {
        let fields: Vec<Value> = self
            .columns
            .iter()
            .map(|c| {
                let t = if self.numbers.contains(c) {
                    "number"
                } else {
                    "string"
                };
                json!({ "name": c, "type": t })
            })
            .collect();
        json!({
            "name": self.name, "path": format!("{}.csv", self.name),
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": { "fields": fields, "primaryKey": "id" },
        })
    }
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The package's files, name and text, from an HSDS JSON export (its `contents` list).
pub fn package(export: &Value) -> Vec<(String, String)> {
    let mut services = Table::new(
        "services",
        &[
            "id",
            "organization_id",
            "name",
            "description",
            "url",
            "email",
            "status",
            "alert",
            "application_process",
            "fees_description",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
        ],
        &["minimum_age", "maximum_age"],
    );
    let mut organizations = Table::new("organizations", &["id", "name", "description"], &[]);
    let mut phones = Table::new(
        "phones",
        &[
            "id",
            "service_id",
            "number",
            "extension",
            "type",
            "description",
        ],
        &["extension"],
    );
    let mut schedules = Table::new(
        "schedules",
        &[
            "id",
            "service_id",
            "freq",
            "byday",
            "opens_at",
            "closes_at",
            "valid_from",
            "valid_to",
            "description",
        ],
        &[],
    );
    let mut areas = Table::new("service_areas", &["id", "service_id", "name", "uri"], &[]);
    let mut sals = Table::new(
        "service_at_locations",
        &["id", "service_id", "location_id"],
        &[],
    );
    let mut locations = Table::new("locations", &["id", "name", "location_type"], &[]);
    let mut addresses = Table::new(
        "addresses",
        &[
            "id",
            "location_id",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
        &[],
    );
    let mut languages = Table::new("languages", &["id", "service_id", "name"], &[]);
    let mut attributes = Table::new(
        "attributes",
        &[
            "id",
            "link_id",
            "link_type",
            "link_entity",
            "taxonomy_term_id",
        ],
        &[],
    );
    let mut terms = Table::new(
        "taxonomy_terms",
        &["id", "code", "name", "description", "taxonomy"],
        &[],
    );
    for s in items(export, "contents") {
        let sid = cell(s.get("id"));
        let of = [("service_id", sid.as_str())];
        services.add(s, &[]);
        if let Some(o) = s.get("organization") {
            organizations.add(o, &[]);
        }
        items(s, "phones").for_each(|p| phones.add(p, &of));
        items(s, "schedules").for_each(|p| schedules.add(p, &of));
        items(s, "service_areas").for_each(|p| areas.add(p, &of));
        items(s, "languages").for_each(|p| languages.add(p, &of));
        for sal in items(s, "service_at_locations") {
            let Some(loc) = sal.get("location") else {
                continue;
            };
            let lid = cell(loc.get("id"));
            sals.add(sal, &[("service_id", &sid), ("location_id", &lid)]);
            locations.add(loc, &[]);
            items(loc, "addresses").for_each(|a| addresses.add(a, &[("location_id", &lid)]));
        }
        for a in items(s, "attributes") {
            let Some(t) = a.get("taxonomy_term") else {
                continue;
            };
            let tid = cell(t.get("id"));
            attributes.add(
                a,
                &[
                    ("link_id", &sid),
                    ("link_type", "service"),
                    ("link_entity", "service"),
                    ("taxonomy_term_id", &tid),
                ],
            );
            terms.add(t, &[]);
        }
    }
    let tables = [
        services,
        organizations,
        phones,
        schedules,
        areas,
        sals,
        locations,
        addresses,
        languages,
        attributes,
        terms,
    ];
    let datapackage = json!({
        "name": "signpost-hsds",
        "title": "Signpost directory: public facts as HSDS 3.0 tables",
        "profile": "tabular-data-package",
        "resources": tables.iter().map(Table::resource).collect::<Vec<_>>(),
    });
    let mut out: Vec<(String, String)> = tables
        .iter()
        .map(|t| (format!("{}.csv", t.name), t.csv()))
        .collect();
    out.push((
        "datapackage.json".into(),
        serde_json::to_string_pretty(&datapackage).unwrap_or_default() + "\n",
    ));
    out
}
