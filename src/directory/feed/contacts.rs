//! Phones, emails, web addresses and postal addresses from every level a feed may put them.
//!
//! Open data is public by definition, so every contact a feed gives is a public contact;
//! professional-only lines exist only in curated records.

use super::json::At;
use super::report::{FindingKind, Findings};
use crate::model::phone::{check_relay, check_text_number, classify_phone, normalise_spacing};
use crate::model::validate::{check_email, check_url};
use crate::model::{Audience, Contact, ContactKind};

/// Contacts gathered so far; the same value met again at another level is not repeated.
#[derive(Debug, Default)]
pub struct Gathered(pub Vec<Contact>);

impl Gathered {
    fn add(&mut self, kind: ContactKind, label: String, value: String) {
        if !self.0.iter().any(|c| c.kind == kind && c.value == value) {
            self.0.push(Contact {
                kind,
                label,
                value,
                keyword: String::new(),
                audience: Audience::Public,
                hours: None,
            });
        }
    }
}

/// Every contact of a service: its own phones, web address and email, its named contacts, and
/// those of each service-at-location and location, in that order.
pub fn gather(svc: &At, r: &mut Findings) -> Vec<Contact> {
    let mut g = Gathered::default();
    phones(svc, "", &mut g, r);
    if let Some(url) = web_address(svc, "url", r) {
        match check_url(&url) {
            Ok(()) => g.add(ContactKind::Web, "Website".into(), url),
            Err(m) => r.push(FindingKind::Value, &svc.key_path("url"), m),
        }
    }
    email(svc, "Email", &mut g, r);
    named_contacts(svc, &mut g, r);
    for sal in svc.items("service_at_locations", r) {
        phones(&sal, "", &mut g, r);
        email(&sal, "Email", &mut g, r);
        named_contacts(&sal, &mut g, r);
        if let Some(loc) = sal.get("location") {
            location(&loc, &mut g, r);
        }
    }
    // ORUK v1 and some 3.0 feeds list locations beside the service.
    for loc in svc.items("locations", r) {
        location(&loc, &mut g, r);
    }
    g.0
}

fn named_contacts(at: &At, g: &mut Gathered, r: &mut Findings) {
    for c in at.items("contacts", r) {
        let label = c
            .text("title", r)
            .or_else(|| c.text("department", r))
            .or_else(|| c.text("name", r))
            .unwrap_or_default();
        phones(&c, &label, g, r);
        email(&c, if label.is_empty() { "Email" } else { &label }, g, r);
    }
}

fn email(at: &At, label: &str, g: &mut Gathered, r: &mut Findings) {
    if let Some(e) = at.text("email", r) {
        match check_email(&e) {
            Ok(()) => g.add(ContactKind::Email, label.to_string(), e),
            Err(m) => r.push(
                FindingKind::Value,
                &at.key_path("email"),
                format!("{m}; not imported"),
            ),
        }
    }
}

fn phones(at: &At, default_label: &str, g: &mut Gathered, r: &mut Findings) {
    for p in at.items("phones", r) {
        phone(&p, default_label, g, r);
    }
}

fn phone(p: &At, default_label: &str, g: &mut Gathered, r: &mut Findings) {
    let Some(raw) = p.text("number", r) else {
        return;
    };
    let path = p.key_path("number");
    let kind = match p.text("type", r).map(|t| t.to_ascii_lowercase()).as_deref() {
        None | Some("voice" | "cell" | "mobile" | "phone" | "landline") => ContactKind::Phone,
        Some("text" | "sms") => ContactKind::Text,
        Some("textphone" | "tty" | "minicom") => ContactKind::Relay,
        Some("whatsapp") => ContactKind::Whatsapp,
        Some(other @ ("fax" | "pager" | "video")) => {
            r.push(
                FindingKind::Value,
                &p.key_path("type"),
                format!("a {other} number ({raw}) is not held: callers cannot use it"),
            );
            return;
        }
        Some(other) => {
            r.push(
                FindingKind::Value,
                &p.key_path("type"),
                format!(
                    "phone type '{other}' is not recognised; the number {raw} was not imported"
                ),
            );
            return;
        }
    };
    let (value, ext_in_text) = uk_spelling(&raw);
    let checked = match kind {
        ContactKind::Text => check_text_number(&value).map(|_| kind),
        ContactKind::Relay => check_relay(&value).map(|_| kind),
        _ => match classify_phone(&value) {
            Ok(_) => Ok(kind),
            // A voice number that is really a relay number ("18001 ...") is kept as relay.
            Err(_) if check_relay(&value).is_ok() => Ok(ContactKind::Relay),
            Err(m) => Err(m),
        },
    };
    let kind = match checked {
        Ok(k) => k,
        Err(m) => {
            r.push(
                FindingKind::Value,
                &path,
                format!("{m}; the number was not imported"),
            );
            return;
        }
    };
    let mut label = p
        .text("description", r)
        .unwrap_or_else(|| default_label.to_string());
    let ext_field = p.get("extension").map(|e| match e.v {
        serde_json::Value::String(s) => crate::model::clean::line(s),
        other => other.to_string(),
    });
    if let Some(ext) = ext_field.or(ext_in_text) {
        if !ext.is_empty() {
            label = format!("{label} (extension {ext})").trim().to_string();
        }
    }
    g.add(kind, label, value);
}

/// A web address as feeds write it: "www.example.org" means https://www.example.org.
pub fn web_address(at: &At, key: &str, r: &mut Findings) -> Option<String> {
    let url = at.text(key, r)?;
    let bare = !url.contains("://")
        && !url.contains(' ')
        && url
            .split('/')
            .next()
            .is_some_and(|host| host.contains('.') && !host.contains('@'));
    Some(if bare { format!("https://{url}") } else { url })
}

/// A UK number as people write it, in the plain spaced form the directory holds, and an
/// extension written after it ("ext 2", "extension 2", "x2"): `(023) 8012 3457`,
/// `0800-123-4567`, `+44 (0)23 8012 3457`, `023.8012.3457`.
pub fn uk_spelling(raw: &str) -> (String, Option<String>) {
    let lower = raw.to_ascii_lowercase();
    let mut number = raw;
    let mut ext = None;
    for marker in ["extension", "ext.", "ext:", "ext", " x", "x"] {
        if let Some(i) = lower.rfind(marker) {
            let digits = lower[i + marker.len()..]
                .trim_start_matches([' ', '.', ':'])
                .trim();
            let before = raw[..i].trim_end_matches([' ', ',', ';', '-']);
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && before.chars().any(|c| c.is_ascii_digit())
            {
                number = before;
                ext = Some(digits.to_string());
                break;
            }
        }
    }
    let mut n = number.trim().to_string();
    if n.starts_with("+44") {
        n = n.replacen("(0)", "", 1);
    }
    let spaced: String = n
        .chars()
        .map(|c| {
            if matches!(c, '(' | ')' | '-' | '.' | '\u{2010}'..='\u{2013}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    (normalise_spacing(&spaced), ext)
}

const GB_NAMES: [&str; 8] = [
    "gb",
    "gbr",
    "uk",
    "united kingdom",
    "great britain",
    "england",
    "scotland",
    "wales",
];

fn location(loc: &At, g: &mut Gathered, r: &mut Findings) {
    coordinates(loc, r);
    phones(loc, "", g, r);
    named_contacts(loc, g, r);
    let name = loc.text("name", r);
    for key in ["addresses", "physical_addresses", "postal_addresses"] {
        for a in loc.items(key, r) {
            address(&a, key, name.as_deref(), g, r);
        }
    }
}

/// Coordinates are not held, but wrong ones say the location is wrong: report them.
fn coordinates(loc: &At, r: &mut Findings) {
    let lat = loc.number("latitude", r);
    let lon = loc.number("longitude", r);
    let mut in_range = true;
    if let Some(lat) = lat.filter(|l| !(-90.0..=90.0).contains(l)) {
        in_range = false;
        r.push(
            FindingKind::Value,
            &loc.key_path("latitude"),
            format!("latitude {lat} is out of range (-90 to 90): the location's coordinates are wrong (coordinates are not imported)"),
        );
    }
    if let Some(lon) = lon.filter(|l| !(-180.0..=180.0).contains(l)) {
        in_range = false;
        r.push(
            FindingKind::Value,
            &loc.key_path("longitude"),
            format!("longitude {lon} is out of range (-180 to 180): the location's coordinates are wrong (coordinates are not imported)"),
        );
    }
    if let (true, Some(lat), Some(lon)) = (in_range, lat, lon) {
        if !(49.8..=60.9).contains(&lat) || !(-8.7..=1.8).contains(&lon) {
            r.push(
                FindingKind::Value,
                &loc.key_path("latitude"),
                format!("coordinates {lat}, {lon} are outside Great Britain (coordinates are not imported)"),
            );
        }
    }
}

fn address(a: &At, key: &str, loc_name: Option<&str>, g: &mut Gathered, r: &mut Findings) {
    if let Some(country) = a.text("country", r) {
        if !GB_NAMES.contains(&country.to_lowercase().as_str()) {
            r.push(
                FindingKind::Value,
                &a.key_path("country"),
                format!("country '{country}' is not GB: this address was not imported"),
            );
            return;
        }
    }
    if let Some(pc) = a.text("postal_code", r) {
        if !is_uk_postcode(&pc) {
            r.push(
                FindingKind::Value,
                &a.key_path("postal_code"),
                format!("'{pc}' is not a UK postcode: this address was not imported"),
            );
            return;
        }
    }
    let parts: Vec<String> = ["address_1", "address_2", "city", "postal_code"]
        .iter()
        .filter_map(|k| a.text(k, r))
        .collect();
    if parts.is_empty() {
        return;
    }
    let postal =
        key == "postal_addresses" || a.text("address_type", r).as_deref() == Some("postal");
    let label = match (loc_name, postal) {
        (Some(n), _) => n.to_string(),
        (None, true) => "Postal address".to_string(),
        (None, false) => "Address".to_string(),
    };
    g.add(
        ContactKind::Address,
        label,
        normalise_spacing(&parts.join(", ")),
    );
}

/// The shape of a full UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward
/// code (9AA), with or without the space.
pub fn is_uk_postcode(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return false;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward: Vec<char> = inward.chars().collect();
    let out: Vec<char> = outward.chars().collect();
    let letters = out.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &out[letters..];
    inward[0].is_ascii_digit()
        && inward[1..].iter().all(|c| c.is_ascii_alphabetic())
        && (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest[1..].iter().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn postcodes() {
        for ok in ["PO30 1AA", "so14 7ll", "SW1A 1AA", "W1A0AX", "M1 1AE"] {
            assert!(is_uk_postcode(ok), "{ok}");
        }
        for bad in ["ABC 1234", "PO30", "12345", "PO30 1A"] {
            assert!(!is_uk_postcode(bad), "{bad}");
        }
    }

    #[test]
    fn a_malformed_number_is_reported_and_the_rest_kept() {
        let v = json!({
            "url": "www.example.org",
            "phones": [
                {"number": "\"+44 1234 234567\""},
                {"number": "01632  960001", "description": "Helpline"},
                {"number": "01632 960002", "type": "fax"},
                {"number": "18001 01632 960001"}
            ],
            "contacts": [{"title": "Duty worker", "phones": [{"number": "01632 960001"}]}]
        });
        let mut r = Findings::default();
        let c = gather(&At::root(&v, ""), &mut r);
        let got: Vec<(ContactKind, &str, &str)> = c
            .iter()
            .map(|c| (c.kind, c.label.as_str(), c.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (ContactKind::Phone, "Helpline", "01632 960001"),
                (ContactKind::Relay, "", "18001 01632 960001"),
                (ContactKind::Web, "Website", "https://www.example.org"),
            ]
        );
        assert!(c.iter().all(|c| c.is_public()));
        let paths: Vec<&str> = r.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["phones[0].number", "phones[2].type"]);
    }

    #[test]
    fn uk_spellings_of_numbers() {
        for (raw, number, ext) in [
            ("(023) 8012 3457", "023 8012 3457", None),
            ("0800-123-4567", "0800 123 4567", None),
            ("023 8012 3457 ext 2", "023 8012 3457", Some("2")),
            (
                "023 8012 3457, Extension: 214",
                "023 8012 3457",
                Some("214"),
            ),
            ("023 8012 3457 x12", "023 8012 3457", Some("12")),
            ("+44 (0)23 8012 3457", "+44 23 8012 3457", None),
            ("023.8012.3457", "023 8012 3457", None),
        ] {
            let (n, e) = uk_spelling(raw);
            assert_eq!((n.as_str(), e.as_deref()), (number, ext), "{raw}");
            assert!(classify_phone(&n).is_ok(), "{raw}");
        }
    }
}
