//! Open exports (HSDS JSON, CSV) carry public facts only, and CSV cells cannot run as formulas.

mod common;

use proptest::prelude::*;
use signpost::directory;
use signpost::directory::feed::{csv_out, hsds_out};
use signpost::model::{Audience, Contact, ContactKind, Directory, Service};

fn exports(dir: &Directory) -> [String; 2] {
    [
        serde_json::to_string(&hsds_out::export(dir).json).unwrap(),
        csv_out::export(dir),
    ]
}

/// Every professional-only contact value and label, and every staff referral note, of `dir`.
fn private_texts(dir: &Directory) -> Vec<String> {
    let mut out = Vec::new();
    for s in &dir.services {
        for c in s
            .contacts
            .iter()
            .filter(|c| c.audience == Audience::Professional)
        {
            // A value also given publicly by the same directory is public anyway.
            let public_too = dir
                .services
                .iter()
                .flat_map(|s| &s.contacts)
                .any(|p| p.is_public() && p.value == c.value);
            if !public_too {
                out.push(c.value.clone());
            }
        }
        if !s.referral.is_empty() {
            out.push(s.referral.clone());
        }
    }
    out
}

fn assert_private_absent(dir: &Directory) {
    let private = private_texts(dir);
    for text in exports(dir) {
        for p in &private {
            // As written in CSV (quotes doubled) and in JSON (escaped).
            let json = serde_json::to_string(p).unwrap();
            for probe in [p.replace('"', "\"\""), json.trim_matches('"').to_string()] {
                assert!(
                    !text.contains(&probe),
                    "an export carries private text {p:?}"
                );
            }
        }
    }
}

#[test]
fn exports_never_carry_a_professional_only_number_or_a_referral_note() {
    let fixture = common::fixture();
    assert!(private_texts(&fixture).iter().any(|p| p == "01632 960999"));
    assert_private_absent(&fixture);
    let embedded = directory::parse(&directory::embedded()).unwrap();
    assert!(private_texts(&embedded).len() >= 2);
    assert_private_absent(&embedded);
    // The public number of the same fixture record is exported: the filter is not "drop all".
    for text in exports(&fixture) {
        assert!(text.contains("01632 960001"));
    }
}

fn contact() -> impl Strategy<Value = Contact> {
    let kinds = prop::sample::select(vec![
        ContactKind::Phone,
        ContactKind::Text,
        ContactKind::Relay,
        ContactKind::Web,
        ContactKind::Email,
        ContactKind::Address,
        ContactKind::Whatsapp,
        ContactKind::Chat,
    ]);
    (kinds, any::<bool>(), 0u32..10_000).prop_map(|(kind, professional, n)| Contact {
        kind,
        // Professional values and labels are marked so a leak is easy to see.
        label: if professional {
            format!("PROLABEL{n}")
        } else {
            format!("Line {n}")
        },
        value: if professional {
            format!("01632 97{n:04}")
        } else {
            format!("01632 96{n:04}")
        },
        keyword: String::new(),
        audience: if professional {
            Audience::Professional
        } else {
            Audience::Public
        },
        hours: None,
    })
}

proptest! {
    /// The handler-role property over the open exports: whatever the contacts, no
    /// professional-only value, label or referral note reaches HSDS JSON or CSV.
    #[test]
    fn handler_property_holds_for_hsds_json_and_csv(
        contacts in prop::collection::vec(contact(), 0..8),
        referral in "[a-z ]{0,20}",
    ) {
        let dir = Directory {
            services: vec![Service {
                id: "p".into(),
                name: "P".into(),
                referral: format!("REFERRAL-SECRET {referral}"),
                contacts,
                ..Default::default()
            }],
            ..common::fixture()
        };
        for text in exports(&dir) {
            prop_assert!(!text.contains("01632 97"), "{}", text);
            prop_assert!(!text.contains("PROLABEL"), "{}", text);
            prop_assert!(!text.contains("REFERRAL-SECRET"), "{}", text);
        }
    }

    /// Any text in a cell comes back from a CSV reader as the same text, defused.
    #[test]
    fn any_cell_survives_csv_quoting(name in "\\PC*", organisation in "[=+@\\t\\r\\n,\"' a-z-]{0,12}") {
        let dir = Directory {
            services: vec![Service { id: "x".into(), name: name.clone(), organisation: organisation.clone(), ..Default::default() }],
            ..Default::default()
        };
        let rows = parse_csv(&csv_out::export(&dir));
        prop_assert_eq!(rows.len(), 2);
        prop_assert_eq!(&rows[1][1], &csv_out::defuse(&name));
        prop_assert_eq!(&rows[1][2], &csv_out::defuse(&organisation));
    }
}

/// A strict RFC 4180 reader: every cell must be quoted (the exporter quotes all of them).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark for Excel");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        assert_eq!(chars.next(), Some('"'), "every cell is quoted");
        let mut cell = String::new();
        loop {
            match chars.next().expect("a closing quote") {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => break,
                c => cell.push(c),
            }
        }
        row.push(cell);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "rows end with CRLF");
                rows.push(std::mem::take(&mut row));
            }
            other => panic!("unexpected {other:?} after a cell"),
        }
    }
    assert!(row.is_empty(), "the last row ends with CRLF");
    rows
}

#[test]
fn csv_defuses_hostile_values_and_keeps_numbers_as_text() {
    let hostile = Service {
        id: "hostile".into(),
        name: "=HYPERLINK(\"http://evil.example\",\"Click\")".into(),
        organisation: "+44 23 8000 0000".into(),
        description: "not exported".into(),
        public_info: "@SUM(A1:A9)".into(),
        cost: "-2+3".into(),
        eligibility: vec!["\tTabbed".into(), "\rReturned".into()],
        status_reason: "say \"hello\", then\nleave".into(),
        contacts: vec![Contact {
            kind: ContactKind::Phone,
            label: "Main, \"out of hours\"".into(),
            value: "0800 1111".into(),
            keyword: String::new(),
            audience: Audience::Public,
            hours: None,
        }],
        ..Default::default()
    };
    let dir = Directory {
        services: vec![hostile],
        ..Default::default()
    };
    let rows = parse_csv(&csv_out::export(&dir));
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == csv_out::COLUMNS.len()));
    let col = |name: &str| {
        let i = csv_out::COLUMNS.iter().position(|c| *c == name).unwrap();
        rows[1][i].clone()
    };
    assert_eq!(
        col("name"),
        "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    );
    assert_eq!(col("organisation"), "'+44 23 8000 0000");
    assert_eq!(col("public_info"), "'@SUM(A1:A9)");
    assert_eq!(col("cost"), "'-2+3");
    assert_eq!(col("eligibility"), "'\tTabbed; \rReturned");
    assert_eq!(col("status_reason"), "say \"hello\", then\nleave");
    assert_eq!(col("phone"), "0800 1111 (Main, \"out of hours\")");
    // No cell of any row starts with a character a spreadsheet would run.
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
}

fn validator(schema_file: &str) -> jsonschema::Validator {
    let path = format!(
        "{}/tests/fixtures/oruk/{schema_file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{schema_file}: {e}"))
}

/// Every schema error of `instance`, as "path: message".
fn schema_errors(v: &jsonschema::Validator, instance: &serde_json::Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

/// The export of the default directory, every service, validated against the HSDS 3.0 schema
/// and the Open Referral UK profile's service and list-item schemas (copies of the upstream
/// compiled schemas in tests/fixtures/oruk, with their licence): no error at all.
#[test]
fn the_hsds_export_validates_against_hsds_3_and_the_uk_profile_with_no_error() {
    let dir = directory::parse(&directory::embedded()).unwrap();
    let export = hsds_out::export(&dir).json;
    let services = export["contents"].as_array().unwrap();
    assert!(services.len() >= 50, "{}", services.len());
    for schema in [
        "hsds-3.0/compiled-service.json",
        "uk-profile-3.0/compiled-service.json",
        "uk-profile-3.0/compiled-service_list.json",
    ] {
        let v = validator(schema);
        let mut errors = Vec::new();
        for s in services {
            errors.extend(
                schema_errors(&v, s)
                    .into_iter()
                    .map(|e| format!("{}: {e}", s["name"])),
            );
        }
        assert!(
            errors.is_empty(),
            "{schema}: {} errors, the first:\n{}",
            errors.len(),
            errors[..errors.len().min(20)].join("\n")
        );
    }
    // The validator does look: an export with a non-uuid id fails.
    let mut bad = services[0].clone();
    bad["id"] = serde_json::json!("samaritans");
    assert!(!schema_errors(&validator("hsds-3.0/compiled-service.json"), &bad).is_empty());
}

/// The CSV export is the HSDS tabular data package: one table per HSDS object joined by ids,
/// and a `datapackage.json` naming every file with its columns.
#[test]
fn the_csv_export_is_the_hsds_tabular_package_with_every_table_described() {
    let dir = directory::parse(&directory::embedded()).unwrap();
    let export = hsds_out::export(&dir).json;
    let files = signpost::directory::feed::tabular::package(&export);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "services.csv",
        "phones.csv",
        "schedules.csv",
        "service_areas.csv",
        "organizations.csv",
        "taxonomy_terms.csv",
        "datapackage.json",
    ] {
        assert!(names.contains(&want), "{want} missing: {names:?}");
    }
    let text = |n: &str| files.iter().find(|(f, _)| f == n).unwrap().1.clone();
    let package: serde_json::Value = serde_json::from_str(&text("datapackage.json")).unwrap();
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), names.len() - 1);
    for r in resources {
        let path = r["path"].as_str().unwrap();
        let header = text(path).lines().next().unwrap().to_string();
        let columns: Vec<String> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("\"{}\"", f["name"].as_str().unwrap()))
            .collect();
        assert_eq!(header, columns.join(","), "{path}");
    }
    // One services row per exported service, and each phone row names its service's id.
    let services = export["contents"].as_array().unwrap();
    // Rows end in CR LF; a description may hold a bare line break inside its quoted cell.
    assert_eq!(
        text("services.csv").matches("\r\n").count(),
        services.len() + 1
    );
    let s = &services[0];
    let number = s["phones"][0]["number"].as_str().unwrap();
    let sid = s["id"].as_str().unwrap();
    assert!(
        text("phones.csv")
            .lines()
            .any(|l| l.contains(sid) && l.contains(number)),
        "{number} of {sid}"
    );
}
