//! Per-service facts the filters read on every keystroke, packed small (8 bytes) so a scan of
//! 100k services stays in cache instead of walking every full record.

use super::query::Query;
use crate::model::catch_all::matching_age;
use crate::model::{Access, AgeFit, AgeRange, Category, Role, Service, Status};

#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// Bit per `Category` (by declaration order).
    pub categories: u32,
    /// Self-referral or walk-in: the caller can go without anyone referring them.
    pub self_referral: bool,
    pub status: Status,
    /// A public phone, text, chat, WhatsApp or relay contact exists.
    pub direct_public: bool,
    /// Any direct contact, professional ones included.
    pub direct_any: bool,
}

pub fn category_bit(c: Category) -> u32 {
    1 << (c as u32)
}

impl Facts {
    pub fn of(s: &Service) -> Facts {
        Facts {
            categories: s.categories.iter().fold(0, |m, c| m | category_bit(*c)),
            self_referral: s
                .access
                .iter()
                .any(|a| matches!(a, Access::SelfReferral | Access::WalkIn)),
            status: s.status,
            direct_public: s
                .contacts
                .iter()
                .any(|c| c.is_public() && c.kind.is_direct()),
            direct_any: s.contacts.iter().any(|c| c.kind.is_direct()),
        }
    }

    /// The age range the filters read, without its conversion note and source (kept apart from
    /// the facts: only a query with an age reads it).
    pub fn age_of(s: &Service) -> AgeRange {
        // The safety net is never demoted for an age limit the data does not give.
        let age = matching_age(s);
        AgeRange {
            min: age.min,
            max: age.max,
            uncertain: age.uncertain.clone(),
            conversion: String::new(),
            source: String::new(),
        }
    }

    /// Whether the role has a number or line to give: handlers only ever see public ones.
    pub fn contact_confirmed(&self, role: Role) -> bool {
        if role.shows_professional() {
            self.direct_any
        } else {
            self.direct_public
        }
    }
}

/// How well the caller's age fits, for ranking: 0 within a stated range, 1 all ages, 2 may not
/// fit, `None` outside (excluded). No age given: 0.
pub fn age_rank(range: &AgeRange, q: &Query) -> Option<u8> {
    use crate::model::AgeBound::*;
    match q.age_fit(range) {
        None => Some(0),
        Some(AgeFit::Outside) => None,
        Some(AgeFit::Uncertain(_)) => Some(2),
        Some(AgeFit::Fits) => match (range.min, range.max) {
            (NoLimit | Years(0), NoLimit) => Some(1),
            _ => Some(0),
        },
    }
}

/// "age 15 within 11–25", "age 15: all ages", "ages 11–15 within 11–25"; with a bound not
/// confirmed, the range as the record states it.
pub fn age_reason(range: &AgeRange, who: &str) -> String {
    use crate::model::AgeBound::*;
    match (range.min, range.max) {
        (NoLimit | Years(0), NoLimit) => format!("{who}: all ages"),
        (Years(a), Years(b)) => format!("{who} within {a}–{b}"),
        (Years(a), NoLimit) => format!("{who} within {a}+"),
        (NoLimit, Years(b)) => format!("{who} within up to {b}"),
        _ => format!("{who}: {range}"),
    }
}
