//! Age ranges in whole years: a bound is a number, "no limit", or unknown — never guessed.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgeBound {
    Years(u8),
    NoLimit,
    /// The source does not say. Unknown is not "no limit": matching must say so.
    #[default]
    Unknown,
}

impl AgeBound {
    pub fn is_unknown(&self) -> bool {
        matches!(self, AgeBound::Unknown)
    }
}

impl Serialize for AgeBound {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AgeBound::Years(n) => s.serialize_u8(*n),
            AgeBound::NoLimit => s.serialize_str("no limit"),
            AgeBound::Unknown => s.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for AgeBound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = AgeBound;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of years (0-130), \"no limit\" or \"unknown\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AgeBound, E> {
                if (0..=130).contains(&v) {
                    Ok(AgeBound::Years(v as u8))
                } else {
                    Err(E::custom(format!("age {v} is out of range 0-130")))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AgeBound, E> {
                self.visit_i64(v.min(i64::MAX as u64) as i64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AgeBound, E> {
                match v {
                    "no limit" => Ok(AgeBound::NoLimit),
                    "unknown" => Ok(AgeBound::Unknown),
                    other => Err(E::custom(format!(
                        "'{other}' is not an age (expected a number, \"no limit\" or \"unknown\")"
                    ))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Inclusive, exact bounds, converted explicitly from the source's wording.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    #[serde(default, skip_serializing_if = "AgeBound::is_unknown")]
    pub min: AgeBound,
    #[serde(default, skip_serializing_if = "AgeBound::is_unknown")]
    pub max: AgeBound,
    /// Boundary ages the source's wording leaves ambiguous ("up to 18").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<u8>,
    /// How the source's wording became these numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conversion: String,
    /// The page the range was read on (one of the record's `[[sources]]` URLs), so an explicit
    /// "all ages" on a safety-net line is a stated fact a reviewer can open, not a default.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// How one age fits a service's range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgeFit {
    Fits,
    Outside,
    /// The range cannot say: an unknown bound on the relevant side, or a flagged boundary age.
    Uncertain(String),
}

impl AgeRange {
    pub fn years(min: u8, max: u8) -> Self {
        AgeRange {
            min: AgeBound::Years(min),
            max: AgeBound::Years(max),
            ..Default::default()
        }
    }

    pub fn everyone() -> Self {
        AgeRange {
            min: AgeBound::NoLimit,
            max: AgeBound::NoLimit,
            ..Default::default()
        }
    }

    pub fn fit(&self, age: u8) -> AgeFit {
        if self.uncertain.contains(&age) {
            return AgeFit::Uncertain(format!("age {age} is at an unclear boundary of {self}"));
        }
        let below = match self.min {
            AgeBound::Years(m) => Some(age < m),
            AgeBound::NoLimit => Some(false),
            AgeBound::Unknown => None,
        };
        let above = match self.max {
            AgeBound::Years(m) => Some(age > m),
            AgeBound::NoLimit => Some(false),
            AgeBound::Unknown => None,
        };
        // With the other bound unknown, even an age on the stated bound is uncertain: "up to
        // 35" with no confirmed lower limit does not say it takes a 35-year-old rather than
        // only young people, so it is "check before giving" at every age it may take.
        match (below, above) {
            (Some(true), _) | (_, Some(true)) => AgeFit::Outside,
            (Some(false), Some(false)) => AgeFit::Fits,
            _ => AgeFit::Uncertain("age limits not confirmed".to_string()),
        }
    }

    /// How a band of ages (inclusive) fits: all fit, none fit, or some may not.
    pub fn fit_band(&self, lo: u8, hi: u8) -> AgeFit {
        let fits: Vec<AgeFit> = (lo..=hi).map(|a| self.fit(a)).collect();
        if fits.iter().all(|f| *f == AgeFit::Fits) {
            AgeFit::Fits
        } else if fits.iter().all(|f| *f == AgeFit::Outside) {
            AgeFit::Outside
        } else {
            AgeFit::Uncertain(format!("ages {lo}-{hi} may not all fit {self}"))
        }
    }

    pub fn is_fully_known(&self) -> bool {
        !self.min.is_unknown() && !self.max.is_unknown()
    }

    /// The range with each unknown bound read as "no limit", flagged boundaries kept. Only for
    /// the safety net: its lines take whoever calls, so an age limit missing from the data must
    /// not make them look doubtful; a stated bound or a flagged boundary still counts.
    pub fn unknown_bounds_open(&self) -> AgeRange {
        let open = |b: AgeBound| if b.is_unknown() { AgeBound::NoLimit } else { b };
        AgeRange {
            min: open(self.min),
            max: open(self.max),
            uncertain: self.uncertain.clone(),
            conversion: String::new(),
            source: String::new(),
        }
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (AgeBound::Unknown, AgeBound::Unknown) => write!(f, "age limits not confirmed"),
            (AgeBound::NoLimit | AgeBound::Years(0), AgeBound::NoLimit) => write!(f, "all ages"),
            (AgeBound::Years(a), AgeBound::Years(b)) => write!(f, "ages {a}-{b}"),
            (AgeBound::Years(a), AgeBound::NoLimit) => write!(f, "ages {a}+"),
            (AgeBound::Years(a), AgeBound::Unknown) => {
                write!(f, "ages {a}+ (upper limit not confirmed)")
            }
            (AgeBound::NoLimit, AgeBound::Years(b)) => write!(f, "ages up to {b}"),
            (AgeBound::Unknown, AgeBound::Years(b)) => {
                write!(f, "ages up to {b} (lower limit not confirmed)")
            }
            (AgeBound::NoLimit, AgeBound::Unknown) => write!(f, "upper age limit not confirmed"),
            (AgeBound::Unknown, AgeBound::NoLimit) => write!(f, "lower age limit not confirmed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inclusive_bounds() {
        let r = AgeRange::years(11, 17);
        assert_eq!(r.fit(10), AgeFit::Outside);
        assert_eq!(r.fit(11), AgeFit::Fits);
        assert_eq!(r.fit(17), AgeFit::Fits);
        assert_eq!(r.fit(18), AgeFit::Outside);
    }

    #[test]
    fn unknown_is_not_no_limit() {
        let open_top = AgeRange {
            min: AgeBound::Years(18),
            max: AgeBound::NoLimit,
            ..Default::default()
        };
        assert_eq!(open_top.fit(90), AgeFit::Fits);
        let unknown_top = AgeRange {
            min: AgeBound::Years(18),
            ..Default::default()
        };
        assert!(matches!(unknown_top.fit(90), AgeFit::Uncertain(_)));
        // The other bound unknown: uncertain at every age, the stated bound included
        // (it was once "fits" on the bound, which made PAPYRUS firm only at exactly 35).
        assert!(matches!(unknown_top.fit(18), AgeFit::Uncertain(_)));
        let unknown_bottom = AgeRange {
            max: AgeBound::Years(35),
            ..Default::default()
        };
        for age in [17, 18, 34, 35] {
            assert!(
                matches!(unknown_bottom.fit(age), AgeFit::Uncertain(_)),
                "{age}"
            );
        }
        assert_eq!(unknown_bottom.fit(36), AgeFit::Outside);
        // Below a known minimum is outside even when the maximum is unknown.
        assert_eq!(unknown_top.fit(17), AgeFit::Outside);
    }

    #[test]
    fn flagged_boundary_is_uncertain() {
        let r = AgeRange {
            uncertain: vec![18],
            ..AgeRange::years(5, 18)
        };
        assert!(matches!(r.fit(18), AgeFit::Uncertain(_)));
        assert_eq!(r.fit(17), AgeFit::Fits);
        assert_eq!(r.fit(19), AgeFit::Outside);
    }

    #[test]
    fn opening_unknown_bounds_keeps_what_the_source_states() {
        let unknown = AgeRange::default();
        assert!(matches!(unknown.fit(9), AgeFit::Uncertain(_)));
        assert_eq!(unknown.unknown_bounds_open().fit(9), AgeFit::Fits);
        assert_eq!(unknown.unknown_bounds_open().fit_band(0, 10), AgeFit::Fits);
        // A stated minimum still excludes, and still makes a straddling band uncertain.
        let from_13 = AgeRange {
            min: AgeBound::Years(13),
            ..Default::default()
        };
        assert_eq!(from_13.unknown_bounds_open().fit(12), AgeFit::Outside);
        assert!(matches!(
            from_13.unknown_bounds_open().fit_band(11, 15),
            AgeFit::Uncertain(_)
        ));
        // A boundary the source leaves ambiguous stays ambiguous.
        let flagged = AgeRange {
            uncertain: vec![18],
            max: AgeBound::Years(18),
            ..Default::default()
        };
        assert!(matches!(
            flagged.unknown_bounds_open().fit(18),
            AgeFit::Uncertain(_)
        ));
    }

    #[test]
    fn bands_partially_overlapping_are_uncertain() {
        let r = AgeRange::years(16, 64);
        assert!(matches!(r.fit_band(11, 17), AgeFit::Uncertain(_)));
        assert_eq!(r.fit_band(18, 25), AgeFit::Fits);
        assert_eq!(r.fit_band(0, 10), AgeFit::Outside);
    }
}
