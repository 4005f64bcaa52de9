//! England and Wales bank holidays: computed by rule, then corrected by the directory's own list.

use crate::model::directory::BankHolidayFile;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let next_month_first = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next_month_first.pred_opt()?;
    let back = last.weekday().num_days_from_monday();
    Some(last - Duration::days(back as i64))
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first weekday on or after `d` that is not already taken: how substitute days fall.
fn observed(d: NaiveDate, taken: &[NaiveDate]) -> NaiveDate {
    let mut day = d;
    while is_weekend(day) || taken.contains(&day) {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

/// The bank holidays of `year` by the standing rules, in date order, before any directory change.
pub fn rule_dates(year: i32) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(8);
    let Some(new_year) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return out;
    };
    out.push(observed(new_year, &[]));
    if let Some(easter) = easter_sunday(year) {
        out.push(easter - Duration::days(2));
        out.push(easter + Duration::days(1));
    }
    out.extend(first_monday(year, 5));
    out.extend(last_monday(year, 5));
    out.extend(last_monday(year, 8));
    // Christmas takes the first free weekday, then Boxing Day the next one, so a weekend
    // Christmas and Boxing Day become the following Monday and Tuesday.
    if let (Some(christmas), Some(boxing)) = (
        NaiveDate::from_ymd_opt(year, 12, 25),
        NaiveDate::from_ymd_opt(year, 12, 26),
    ) {
        let c = observed(christmas, &[]);
        let b = observed(boxing, &[c]);
        out.push(c);
        out.push(b);
    }
    out.sort();
    out
}

/// The bank-holiday calendar in force: the rules plus a directory edition's additions and removals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    add: BTreeSet<NaiveDate>,
    remove: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The standing England and Wales rules with no declared changes.
    pub fn england_and_wales() -> Self {
        Self::default()
    }

    /// The rules corrected by a directory's `bank-holidays.toml` (an addition beats a removal).
    pub fn with_changes(file: &BankHolidayFile) -> Self {
        Calendar {
            add: file.add.iter().map(|d| d.0).collect(),
            remove: file.remove.iter().map(|d| d.0).collect(),
        }
    }

    pub fn is_bank_holiday(&self, date: NaiveDate) -> bool {
        if self.add.contains(&date) {
            return true;
        }
        !self.remove.contains(&date) && rule_dates(date.year()).contains(&date)
    }

    /// Every bank holiday of `year` as this calendar has them, in date order.
    pub fn bank_holidays(&self, year: i32) -> Vec<NaiveDate> {
        let mut all: BTreeSet<NaiveDate> = rule_dates(year)
            .into_iter()
            .filter(|d| !self.remove.contains(d))
            .collect();
        all.extend(self.add.iter().filter(|d| d.year() == year));
        all.into_iter().collect()
    }
}

impl From<&BankHolidayFile> for Calendar {
    fn from(file: &BankHolidayFile) -> Self {
        Calendar::with_changes(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(y: i32, md: &[(u32, u32)]) -> Vec<NaiveDate> {
        md.iter().map(|&(m, day)| d(y, m, day)).collect()
    }

    // Every date in shared/data/bank-holidays.md, including each substitute day.
    #[test]
    fn rules_match_the_published_list_2025_to_2028() {
        let cases = [
            (
                2025,
                dates(
                    2025,
                    &[
                        (1, 1),
                        (4, 18),
                        (4, 21),
                        (5, 5),
                        (5, 26),
                        (8, 25),
                        (12, 25),
                        (12, 26),
                    ],
                ),
            ),
            (
                2026,
                dates(
                    2026,
                    &[
                        (1, 1),
                        (4, 3),
                        (4, 6),
                        (5, 4),
                        (5, 25),
                        (8, 31),
                        (12, 25),
                        (12, 28),
                    ],
                ),
            ),
            (
                2027,
                dates(
                    2027,
                    &[
                        (1, 1),
                        (3, 26),
                        (3, 29),
                        (5, 3),
                        (5, 31),
                        (8, 30),
                        (12, 27),
                        (12, 28),
                    ],
                ),
            ),
            (
                2028,
                dates(
                    2028,
                    &[
                        (1, 3),
                        (4, 14),
                        (4, 17),
                        (5, 1),
                        (5, 29),
                        (8, 28),
                        (12, 25),
                        (12, 26),
                    ],
                ),
            ),
        ];
        let cal = Calendar::england_and_wales();
        for (year, want) in cases {
            assert_eq!(rule_dates(year), want, "rule dates for {year}");
            assert_eq!(cal.bank_holidays(year), want, "calendar for {year}");
            for day in &want {
                assert!(cal.is_bank_holiday(*day), "{day} is a bank holiday");
            }
        }
    }

    #[test]
    fn weekend_christmas_is_not_itself_a_holiday() {
        let cal = Calendar::england_and_wales();
        // 2027: Christmas Saturday, Boxing Day Sunday.
        assert!(!cal.is_bank_holiday(d(2027, 12, 25)));
        assert!(!cal.is_bank_holiday(d(2027, 12, 26)));
        // 2026: Boxing Day Saturday; Christmas Friday stands.
        assert!(!cal.is_bank_holiday(d(2026, 12, 26)));
        assert!(cal.is_bank_holiday(d(2026, 12, 25)));
        // 2022: Christmas Sunday → Boxing Day Monday 26th and substitute Tuesday 27th.
        assert_eq!(rule_dates(2022)[6..], [d(2022, 12, 26), d(2022, 12, 27)]);
        // 2028: New Year Saturday → Monday 3rd only.
        assert!(!cal.is_bank_holiday(d(2028, 1, 1)));
        assert!(cal.is_bank_holiday(d(2028, 1, 3)));
    }

    #[test]
    fn easter_by_computus() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
    }

    #[test]
    fn directory_changes_add_and_remove_days() {
        // As in 2022: spring bank holiday moved from Mon 30 May to Thu 2 Jun, plus Fri 3 Jun.
        let file = BankHolidayFile {
            add: vec![
                Date::ymd(2022, 6, 2).unwrap(),
                Date::ymd(2022, 6, 3).unwrap(),
            ],
            remove: vec![Date::ymd(2022, 5, 30).unwrap()],
        };
        let cal = Calendar::from(&file);
        assert!(!cal.is_bank_holiday(d(2022, 5, 30)));
        assert!(cal.is_bank_holiday(d(2022, 6, 2)));
        assert!(cal.is_bank_holiday(d(2022, 6, 3)));
        assert!(Calendar::england_and_wales().is_bank_holiday(d(2022, 5, 30)));
        let year = cal.bank_holidays(2022);
        assert_eq!(year.len(), 9);
        assert!(year.windows(2).all(|w| w[0] < w[1]));
    }
}
