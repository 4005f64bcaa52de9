//! The safety net — 999, NHS 111 mental health option, Samaritans, Shout — as compiled into the
//! program, so no edition, import or feed can remove it from an outcome.

use super::files::embedded;
use crate::model::Service;

/// The records every outcome ends with, in the order they are read out.
pub const SAFETY_NET_IDS: [&str; 5] = [
    "emergency-services-999",
    "nhs-111-mental-health-option",
    "samaritans",
    "shout-hampshire-iow",
    "shout",
];

pub use crate::model::catch_all::{
    carries_safety_net_number, only_safety_net_numbers, SAFETY_NET_NUMBERS,
};

pub fn is_safety_net(s: &Service) -> bool {
    SAFETY_NET_IDS.contains(&s.id.as_str())
}

/// The safety-net records from the edition built into this program, in reading order.
pub fn safety_net() -> Vec<Service> {
    let files = embedded();
    SAFETY_NET_IDS
        .iter()
        .filter_map(|id| files.get(&format!("services/{id}.toml")))
        .filter_map(|text| toml::from_str::<Service>(text).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_safety_net_is_whole() {
        let net = safety_net();
        let ids: Vec<&str> = net.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, SAFETY_NET_IDS);
        let numbers: Vec<String> = net
            .iter()
            .filter_map(|s| s.primary_public())
            .map(|c| c.display_value())
            .collect();
        assert_eq!(
            numbers,
            [
                "999",
                "111",
                "116 123",
                "text HANTS to 85258",
                "text SHOUT to 85258"
            ]
        );
        assert!(net.iter().all(only_safety_net_numbers));
    }

    #[test]
    fn branches_with_only_safety_net_numbers_are_catch_all() {
        let d = crate::directory::parse(&embedded()).unwrap();
        for id in [
            "samaritans-isle-of-wight",
            "samaritans-portsmouth-east-hampshire",
            "nhs-111-mental-health-triage-hiow",
        ] {
            assert!(only_safety_net_numbers(d.service(id).unwrap()), "{id}");
        }
        for id in ["childline", "portsmouth-mental-health-hub", "calm"] {
            assert!(!only_safety_net_numbers(d.service(id).unwrap()), "{id}");
        }
    }
}
