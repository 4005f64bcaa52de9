//! What a feed may never carry, change or remove: the national safety net.

use crate::directory::safety_net::{self, SAFETY_NET_NUMBERS};
use crate::model::{ContactKind, Service};

pub use crate::directory::safety_net::SAFETY_NET_IDS;

/// Is this record part of the safety net, as far as feeds are concerned? One function on
/// purpose: the ids and numbers are issue 7's compiled-in safety net (`directory::safety_net`);
/// a record also counts when it carries one of its numbers, so a branch record giving 116 123
/// is protected too.
pub fn is_safety_net(s: &Service) -> bool {
    safety_net::is_safety_net(s)
        || s.contacts.iter().any(|c| {
            matches!(
                c.kind,
                ContactKind::Phone | ContactKind::Text | ContactKind::Relay | ContactKind::Whatsapp
            ) && is_safety_net_number(&c.value)
        })
}

/// Whether a number, however a feed wrote it ("\"999\"", "+44 111", "18001 116 123"), is one
/// of the safety-net numbers or a relay form of one. Only digits count, so quoting or
/// punctuation cannot smuggle one past.
pub fn is_safety_net_number(raw: &str) -> bool {
    let mut digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
    if raw.trim_start().trim_start_matches('"').starts_with("+44") {
        digits = format!("0{}", &digits[2..]);
    }
    let bare = digits
        .strip_prefix("18001")
        .or_else(|| digits.strip_prefix("18000"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(&digits);
    SAFETY_NET_NUMBERS.contains(&digits.as_str()) || SAFETY_NET_NUMBERS.contains(&bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;

    #[test]
    fn numbers_are_recognised_however_written() {
        for n in [
            "999",
            "\"999\"",
            "116 123",
            "116-123",
            "85258",
            "18001 111",
            "111",
            "18000",
            "18001 116 123",
        ] {
            assert!(is_safety_net_number(n), "{n}");
        }
        for n in [
            "0800 1111",
            "01632 960001",
            "85000",
            "1111",
            "+44 1234 234567",
        ] {
            assert!(!is_safety_net_number(n), "{n}");
        }
    }

    #[test]
    fn by_id_or_by_number_but_not_by_web_address() {
        let mut s = Service {
            id: "samaritans".into(),
            ..Default::default()
        };
        assert!(is_safety_net(&s));
        s.id = "example".into();
        s.contacts.push(Contact {
            kind: ContactKind::Web,
            label: String::new(),
            value: "https://111.nhs.uk".into(),
            keyword: String::new(),
            audience: Default::default(),
            hours: None,
        });
        assert!(!is_safety_net(&s));
        s.contacts[0].kind = ContactKind::Phone;
        s.contacts[0].value = "116 123".into();
        assert!(is_safety_net(&s));
    }
}
