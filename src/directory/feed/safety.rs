//! The national safety net, which no feed may carry, change or remove.

use crate::model::{ContactKind, Service};

/// The safety-net records of the default directory (999; NHS 111 mental health option;
/// Samaritans; Shout and its Hampshire keyword).
pub const SAFETY_NET_IDS: [&str; 5] = [
    "emergency-services-999",
    "nhs-111-mental-health-option",
    "samaritans",
    "shout",
    "shout-hampshire-iow",
];

/// Digits of the safety-net numbers: 999 (and 112, its European twin), NHS 111, Samaritans
/// 116 123, Shout 85258.
const SAFETY_NET_NUMBERS: [&str; 5] = ["999", "112", "111", "116123", "85258"];

/// Is this record part of the safety net? One function on purpose: issue 7 compiles the safety
/// net into the binary, and this is the only place to swap for its definition. Until then a
/// record is safety net by its id, or by carrying one of the safety-net numbers (so a branch
/// record giving 116 123 is protected too).
pub fn is_safety_net(s: &Service) -> bool {
    SAFETY_NET_IDS.contains(&s.id.as_str())
        || s.contacts.iter().any(|c| {
            matches!(
                c.kind,
                ContactKind::Phone | ContactKind::Text | ContactKind::Relay | ContactKind::Whatsapp
            ) && is_safety_net_number(&c.value)
        })
}

/// Whether a number, however a feed wrote it ("\"999\"", "+44 111", "18001 111"), is one of
/// the safety-net numbers or its relay form. Only digits count, so quoting or punctuation
/// cannot smuggle one past.
pub fn is_safety_net_number(raw: &str) -> bool {
    let mut digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
    if raw.trim_start().trim_start_matches('"').starts_with("+44") {
        digits = format!("0{}", &digits[2..]);
    }
    if digits == "18000" {
        return true;
    }
    let bare = digits
        .strip_prefix("18001")
        .or_else(|| digits.strip_prefix("18000"))
        .unwrap_or(&digits);
    SAFETY_NET_NUMBERS.contains(&bare)
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
