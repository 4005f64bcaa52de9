//! The catch-all numbers (999, 111, Samaritans, Shout) and "adds nothing beyond them", for triage and checks.

use super::age::AgeRange;
use super::contact::ContactKind;
use super::service::Service;
use std::borrow::Cow;

/// Safety-net numbers, digits only. A record whose public direct contacts are all among these
/// (a Samaritans branch, the 111 triage team) adds nothing beyond the catch-all.
pub const SAFETY_NET_NUMBERS: [&str; 7] =
    ["999", "112", "111", "18001111", "18000", "116123", "85258"];

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a contact value (as written) is one of the safety-net numbers.
pub fn is_safety_net_value(value: &str) -> bool {
    SAFETY_NET_NUMBERS.contains(&digits(value).as_str())
}

/// True when a record's every public phone, text or relay contact is a safety-net number.
pub fn only_safety_net_numbers(s: &Service) -> bool {
    let mut direct = s
        .contacts
        .iter()
        .filter(|c| c.is_public() && c.kind.is_direct())
        .peekable();
    direct.peek().is_some()
        && direct.all(|c| {
            matches!(
                c.kind,
                ContactKind::Phone | ContactKind::Text | ContactKind::Relay
            ) && is_safety_net_value(&c.value)
        })
}

/// Carries a safety-net number anywhere (used to refuse feeds that claim one).
pub fn carries_safety_net_number(s: &Service) -> bool {
    s.contacts
        .iter()
        .any(|c| c.kind.is_direct() && is_safety_net_value(&c.value))
}

/// The age range a caller is matched against. A record that is part of the safety net (only
/// safety-net numbers) is never demoted for an age limit the data does not give — its lines
/// take whoever calls — while a limit it does state still counts.
pub fn matching_age(s: &Service) -> Cow<'_, AgeRange> {
    if only_safety_net_numbers(s) && !s.age.is_fully_known() {
        Cow::Owned(s.age.unknown_bounds_open())
    } else {
        Cow::Borrowed(&s.age)
    }
}
