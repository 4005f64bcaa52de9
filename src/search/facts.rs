//! Per-service facts the filters read on every keystroke, packed small so a scan of 100k
//! services stays in cache instead of walking every full record.

use crate::model::{Access, AgeFit, AgeRange, Category, Role, Service, Status};

#[derive(Debug, Clone)]
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
    /// The age range without its conversion note, kept here so the age filter reads no record.
    pub age: AgeRange,
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
            age: AgeRange {
                min: s.age.min,
                max: s.age.max,
                uncertain: s.age.uncertain.clone(),
                conversion: String::new(),
            },
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

/// How well an age fits, for ranking: 0 within a stated range, 1 all ages, 2 uncertain,
/// `None` outside (excluded).
pub fn age_rank(range: &AgeRange, age: Option<u8>) -> Option<u8> {
    use crate::model::AgeBound::*;
    let Some(age) = age else { return Some(0) };
    match range.fit(age) {
        AgeFit::Outside => None,
        AgeFit::Uncertain(_) => Some(2),
        AgeFit::Fits => match (range.min, range.max) {
            (NoLimit | Years(0), NoLimit) => Some(1),
            _ => Some(0),
        },
    }
}

/// "age 15 within 11–25", "age 15: all ages", "age 40 within 18+"; with a bound not
/// confirmed, the range as the record states it.
pub fn age_reason(range: &AgeRange, age: u8) -> String {
    use crate::model::AgeBound::*;
    match (range.min, range.max) {
        (NoLimit | Years(0), NoLimit) => format!("age {age}: all ages"),
        (Years(a), Years(b)) => format!("age {age} within {a}–{b}"),
        (Years(a), NoLimit) => format!("age {age} within {a}+"),
        (NoLimit, Years(b)) => format!("age {age} within up to {b}"),
        _ => format!("age {age}: {range}"),
    }
}
