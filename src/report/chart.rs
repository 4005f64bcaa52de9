//! Chart bars for the app's report screen, suppressed by the same rule as the tables.
//!
//! A bar's length would give away a small count that its "<5" label hides, so a suppressed
//! cell is drawn with no length at all: every count from 0 to 4 looks the same on screen, and
//! the chart says no more than `signpost report` does. Suppressed bars are also never ordered by
//! their hidden counts.

use super::aggregate::{shown, week_of, Report, SUPPRESS_BELOW};
use crate::model::Date;
use chrono::Duration;

/// One bar: what it counts, the text shown for the count, and the length it is drawn at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartBar {
    pub label: String,
    /// The count as every report shows it: the number, or "<5".
    pub shown: String,
    /// The value the bar is drawn at: the count, or 0 when suppressed.
    pub drawn: u64,
    pub suppressed: bool,
}

/// A count as a bar: its own length and number from the threshold up; below it, "<5" and no
/// length, whatever the true count; withheld (see `aggregate::withhold`), "*" and no length.
pub fn bar(label: impl Into<String>, count: u64, withheld: bool) -> ChartBar {
    let hidden = count < SUPPRESS_BELOW || withheld;
    ChartBar {
        label: label.into(),
        shown: shown(count, withheld),
        drawn: if hidden { 0 } else { count },
        suppressed: hidden,
    }
}

/// Largest first (ties by label); suppressed bars after them in the order given, so their
/// place in the list cannot hint at which of them is bigger.
pub fn largest_first(mut bars: Vec<ChartBar>) -> Vec<ChartBar> {
    // A stable sort on (suppressed, larger drawn first): suppressed bars all draw at 0, so they
    // keep the caller's order, which must not depend on their counts.
    bars.sort_by(|a, b| {
        (a.suppressed, std::cmp::Reverse(a.drawn))
            .cmp(&(b.suppressed, std::cmp::Reverse(b.drawn)))
            .then_with(|| {
                if a.suppressed {
                    std::cmp::Ordering::Equal
                } else {
                    a.label.cmp(&b.label)
                }
            })
    });
    bars
}

/// The Mondays of the `n` weeks ending with the week of `today`, oldest first.
pub fn last_weeks(today: Date, n: usize) -> Vec<Date> {
    let this_week = week_of(today).0;
    (0..n)
        .rev()
        .map(|i| Date(this_week - Duration::weeks(i as i64)))
        .collect()
}

/// Calls in each of those weeks, a week with no calls counted as 0 (and so shown "<5").
pub fn weekly_calls(report: &Report, mondays: &[Date]) -> Vec<ChartBar> {
    mondays
        .iter()
        .map(|m| {
            let key = format!("w/c {m}");
            let (calls, withheld) = report
                .dimension("week")
                .find(|r| r.key == key)
                .map_or((0, false), |r| (r.calls, r.calls_withheld));
            bar(m.0.format("%-d %b").to_string(), calls, withheld)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_draw_alike_and_say_under_five() {
        let drawn: Vec<ChartBar> = (0..5).map(|n| bar("x", n, false)).collect();
        assert!(drawn
            .iter()
            .all(|b| b.drawn == 0 && b.shown == "<5" && b.suppressed));
        assert_eq!(bar("x", 5, false).drawn, 5);
        assert_eq!(bar("x", 5, false).shown, "5");
        assert_eq!(bar("x", 5, true).drawn, 0);
        assert_eq!(bar("x", 5, true).shown, "*");
    }

    #[test]
    fn suppressed_bars_keep_the_given_order() {
        let bars = vec![
            bar("b", 4, false),
            bar("a", 1, false),
            bar("c", 9, false),
            bar("d", 12, false),
            bar("e", 9, false),
        ];
        let labels: Vec<String> = largest_first(bars).into_iter().map(|b| b.label).collect();
        assert_eq!(labels, ["d", "c", "e", "b", "a"]);
    }

    #[test]
    fn eight_weeks_end_with_this_one() {
        let today = Date::parse("2026-11-04").unwrap();
        let w = last_weeks(today, 8);
        assert_eq!(w.len(), 8);
        assert_eq!(w[7].to_string(), "2026-11-02");
        assert_eq!(w[0].to_string(), "2026-09-14");
    }
}
