//! Calendar dates and wall-clock times as the directory files write them ("YYYY-MM-DD", "HH:MM").

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, written as quoted text so every file reads the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Result<Self, String> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| format!("'{s}' is not a date (expected YYYY-MM-DD)"))
    }
    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(de::Error::custom)
    }
}

/// Minutes after local midnight, 0..=1440 ("24:00" is the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock(pub u16);

impl Clock {
    pub const MIDNIGHT: Clock = Clock(0);
    pub const END_OF_DAY: Clock = Clock(24 * 60);

    pub fn hm(h: u16, m: u16) -> Self {
        Clock(h * 60 + m)
    }
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("'{s}' is not a time (expected HH:MM, 00:00 to 24:00)");
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if m > 59 || h > 24 || (h == 24 && m != 0) {
            return Err(bad());
        }
        Ok(Clock(h * 60 + m))
    }
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Clock::parse(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_parses_and_refuses() {
        assert_eq!(Clock::parse("09:30"), Ok(Clock(570)));
        assert_eq!(Clock::parse("24:00"), Ok(Clock::END_OF_DAY));
        assert!(Clock::parse("24:01").is_err());
        assert!(Clock::parse("9:30").is_err());
        assert!(Clock::parse("12:60").is_err());
        assert_eq!(Clock(570).to_string(), "09:30");
    }

    #[test]
    fn date_parses_and_refuses() {
        assert_eq!(Date::parse("2026-12-25").unwrap().to_string(), "2026-12-25");
        assert!(Date::parse("2026-02-30").is_err());
        assert!(Date::parse("25/12/2026").is_err());
    }
}
