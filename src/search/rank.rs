//! Grouping and ranking: which of the three groups a fitting service goes in, and its place in
//! the order — text relevance, then reachable now, then local over national, then age fit, then
//! name.

use super::open_now::{CLOSED, OPEN, UNSURE};
use super::results::Group;
use crate::model::Status;
use crate::places::Reach;

/// What grouping needs to know about a service that fits every filter.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pub status: Status,
    /// `facts::age_rank`: 0 within a stated range, 1 all ages, 2 may not fit.
    pub age: u8,
    /// `open_now` code: open (or reachable within the window), closed, or unsure.
    pub now: u8,
    /// The role has a phone, text or chat contact to give.
    pub contact: bool,
    /// Covers only part of the place searched.
    pub part: bool,
}

impl Standing {
    /// Closed now wins (it cannot be given now whatever else holds); anything unconfirmed goes
    /// to "check before giving"; only what is wholly confirmed is "reachable".
    pub fn group(&self) -> Group {
        let check = self.status == Status::Unconfirmed
            || self.age == 2
            || self.now == UNSURE
            || !self.contact
            || self.part;
        if self.now == CLOSED {
            Group::ClosedNow
        } else if check {
            Group::CheckFirst
        } else {
            Group::Reachable
        }
    }
}

/// Nearer first. With a place, local before area-wide before national; with none, area-wide and
/// national services (which suit any caller in the area) before place-specific ones.
pub fn reach_rank(place_filtered: bool, reach: Reach) -> u8 {
    match (place_filtered, reach) {
        (true, r) => r as u8,
        (false, Reach::AreaWide) => 0,
        (false, Reach::National) => 1,
        (false, _) => 2,
    }
}

pub fn now_rank(now: u8) -> u8 {
    match now {
        OPEN => 0,
        UNSURE => 1,
        _ => 2,
    }
}

/// The text relevance a rank key was made with.
pub fn relevance_of(key: u64) -> u16 {
    u16::MAX - (key >> 48) as u16
}

/// Ranking as one number, smallest first; the name order (the low 32 bits) makes it total and
/// deterministic, and says which service the key is for.
pub fn rank_key(relevance: u16, now: u8, reach: u8, age: u8, name_rank: u32) -> u64 {
    (u64::from(u16::MAX - relevance) << 48)
        | (u64::from(now_rank(now)) << 46)
        | (u64::from(reach & 3) << 44)
        | (u64::from(age & 3) << 42)
        | u64::from(name_rank)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing() -> Standing {
        Standing {
            status: Status::Active,
            age: 0,
            now: OPEN,
            contact: true,
            part: false,
        }
    }

    #[test]
    fn groups() {
        assert_eq!(standing().group(), Group::Reachable);
        let s = standing();
        for checked in [
            Standing {
                status: Status::Unconfirmed,
                ..s
            },
            Standing { age: 2, ..s },
            Standing { now: UNSURE, ..s },
            Standing {
                contact: false,
                ..s
            },
            Standing { part: true, ..s },
        ] {
            assert_eq!(checked.group(), Group::CheckFirst, "{checked:?}");
        }
        let closed = Standing {
            now: CLOSED,
            status: Status::Unconfirmed,
            ..s
        };
        assert_eq!(closed.group(), Group::ClosedNow);
    }

    #[test]
    fn keys_order_by_relevance_then_now_then_reach_then_age_then_name() {
        let base = rank_key(100, OPEN, 1, 1, 5);
        assert!(rank_key(101, CLOSED, 2, 2, 9) < base, "relevance first");
        assert!(rank_key(100, OPEN, 2, 2, 9) > rank_key(100, OPEN, 1, 2, 9));
        assert!(
            rank_key(100, UNSURE, 0, 0, 0) > base,
            "open now before unsure"
        );
        assert!(rank_key(100, CLOSED, 0, 0, 0) > rank_key(100, UNSURE, 2, 2, 9));
        assert!(
            rank_key(100, OPEN, 0, 2, 9) < base,
            "nearer before better age fit"
        );
        assert!(rank_key(100, OPEN, 1, 0, 9) < base, "age before name");
        assert!(rank_key(100, OPEN, 1, 1, 4) < base, "then name");
    }

    #[test]
    fn a_key_gives_back_its_relevance_and_name_order() {
        let key = rank_key(437, UNSURE, 2, 1, 98_765);
        assert_eq!(relevance_of(key), 437);
        assert_eq!(key & 0xffff_ffff, 98_765);
    }

    #[test]
    fn reach_with_and_without_a_place() {
        assert!(reach_rank(true, Reach::Local) < reach_rank(true, Reach::AreaWide));
        assert!(reach_rank(true, Reach::AreaWide) < reach_rank(true, Reach::National));
        assert!(reach_rank(false, Reach::AreaWide) < reach_rank(false, Reach::National));
        assert!(reach_rank(false, Reach::National) < reach_rank(false, Reach::Local));
    }
}
