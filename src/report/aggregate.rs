//! Demand and gaps by week, place, age band, urgency and need, with small numbers suppressed.

use super::tally::Tally;
use crate::model::Date;
use chrono::{Datelike, Duration};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Any count under this shows as "<5", so no caller can be singled out from a report.
pub const SUPPRESS_BELOW: u64 = 5;

pub fn suppressed(n: u64) -> String {
    if n < SUPPRESS_BELOW {
        format!("<{SUPPRESS_BELOW}")
    } else {
        n.to_string()
    }
}

/// Shown for a count of 5 or more that is withheld so a small one cannot be worked out.
pub const WITHHELD: &str = "*";

/// A count as every report shows it: "<5" when small, "*" when withheld, else the number.
pub fn shown(n: u64, withheld: bool) -> String {
    if n >= SUPPRESS_BELOW && withheld {
        WITHHELD.to_string()
    } else {
        suppressed(n)
    }
}

/// The dimensions that count every call exactly once, so their cells add up to the total.
const PARTITIONS: [&str; 4] = ["week", "place", "age band", "urgency"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub dimension: &'static str,
    pub key: String,
    pub calls: u64,
    /// Calls where no local service fitted (the "gap results").
    pub gaps: u64,
    /// Withheld although not small: see `withhold`.
    pub calls_withheld: bool,
    pub gaps_withheld: bool,
}

impl Row {
    pub fn calls_shown(&self) -> String {
        shown(self.calls, self.calls_withheld)
    }
    pub fn gaps_shown(&self) -> String {
        shown(self.gaps, self.gaps_withheld)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    pub total_calls: u64,
    pub total_gaps: u64,
    pub total_calls_withheld: bool,
    pub total_gaps_withheld: bool,
    pub rows: Vec<Row>,
}

impl Report {
    pub fn dimension(&self, d: &str) -> impl Iterator<Item = &Row> {
        let d = d.to_string();
        self.rows.iter().filter(move |r| r.dimension == d)
    }
    pub fn total_calls_shown(&self) -> String {
        shown(self.total_calls, self.total_calls_withheld)
    }
    pub fn total_gaps_shown(&self) -> String {
        shown(self.total_gaps, self.total_gaps_withheld)
    }
}

#[derive(Clone, Copy)]
enum Column {
    Calls,
    Gaps,
}

impl Column {
    fn of(self, r: &Row) -> u64 {
        match self {
            Column::Calls => r.calls,
            Column::Gaps => r.gaps,
        }
    }
    fn withhold(self, r: &mut Row) -> &mut bool {
        match self {
            Column::Calls => &mut r.calls_withheld,
            Column::Gaps => &mut r.gaps_withheld,
        }
    }
    fn total(self, rep: &mut Report) -> (u64, &mut bool) {
        match self {
            Column::Calls => (rep.total_calls, &mut rep.total_calls_withheld),
            Column::Gaps => (rep.total_gaps, &mut rep.total_gaps_withheld),
        }
    }
}

/// Secondary suppression. Where a dimension's cells add up to a shown total, the total minus the
/// shown cells is the sum of the "<5" ones: with one small cell that is its exact count, and two
/// small cells summing to 8 are both 4. So whenever a small cell is hidden, at least one cell of
/// 5 or more is hidden with it (the smallest, so the least is lost); where there is none, the
/// total is withheld instead.
fn withhold(report: &mut Report) {
    for col in [Column::Calls, Column::Gaps] {
        for d in PARTITIONS {
            let (total, total_withheld) = col.total(report);
            if total < SUPPRESS_BELOW || *total_withheld {
                continue;
            }
            let cells: Vec<usize> = (0..report.rows.len())
                .filter(|&i| report.rows[i].dimension == d)
                .collect();
            let rows = &mut report.rows;
            if !cells.iter().any(|&i| col.of(&rows[i]) < SUPPRESS_BELOW) {
                continue;
            }
            let smallest_large = cells
                .iter()
                .copied()
                .filter(|&i| col.of(&rows[i]) >= SUPPRESS_BELOW)
                .min_by_key(|&i| (col.of(&rows[i]), rows[i].key.clone()));
            match smallest_large {
                Some(i) => *col.withhold(&mut rows[i]) = true,
                None => *col.total(report).1 = true,
            }
        }
    }
}

/// Monday of the tally's week, so weeks read "w/c 2026-11-16".
pub fn week_of(day: Date) -> Date {
    Date(day.0 - Duration::days(day.0.weekday().num_days_from_monday() as i64))
}

pub const DIMENSIONS: [&str; 5] = ["week", "place", "age band", "urgency", "need"];

/// Count rows once each (by machine and id), inside the date range.
pub fn build(tallies: &[Tally], since: Option<Date>, until: Option<Date>) -> Report {
    let mut seen = HashSet::new();
    let mut counts: BTreeMap<(usize, String), (u64, u64)> = BTreeMap::new();
    let mut report = Report::default();
    for t in tallies {
        if since.is_some_and(|s| t.day < s) || until.is_some_and(|u| t.day > u) {
            continue;
        }
        if !seen.insert((t.machine.as_str(), t.id.as_str())) {
            continue;
        }
        let gap = u64::from(!t.local_found);
        report.total_calls += 1;
        report.total_gaps += gap;
        let mut add = |dim: usize, key: String| {
            let c = counts.entry((dim, key)).or_default();
            c.0 += 1;
            c.1 += gap;
        };
        add(0, format!("w/c {}", week_of(t.day)));
        add(1, t.place.clone());
        add(2, t.age_band.clone());
        add(3, t.urgency.clone());
        for n in &t.needs {
            add(4, n.clone());
        }
    }
    report.rows = counts
        .into_iter()
        .map(|((d, key), (calls, gaps))| Row {
            dimension: DIMENSIONS[d],
            key,
            calls,
            gaps,
            calls_withheld: false,
            gaps_withheld: false,
        })
        .collect();
    withhold(&mut report);
    report
}

/// The text table, every count suppressed below the threshold.
pub fn to_text(r: &Report) -> String {
    let mut out = format!(
        "{} calls, {} with no local service (counts under {SUPPRESS_BELOW} show as <{SUPPRESS_BELOW}; {WITHHELD} is withheld so a small count cannot be worked out from the total)\n",
        r.total_calls_shown(),
        r.total_gaps_shown()
    );
    for d in DIMENSIONS {
        out.push_str(&format!(
            "\nBy {d}\n  {:<28} {:>7} {:>7}\n",
            d, "calls", "gaps"
        ));
        for row in r.dimension(d) {
            out.push_str(&format!(
                "  {:<28} {:>7} {:>7}\n",
                row.key,
                row.calls_shown(),
                row.gaps_shown()
            ));
        }
    }
    out
}

/// CSV with a header; keys are ids and dates, quoted only where needed.
pub fn to_csv(r: &Report) -> String {
    let mut out = String::from("dimension,key,calls,gaps\n");
    let q = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    out.push_str(&format!(
        "total,all,{},{}\n",
        r.total_calls_shown(),
        r.total_gaps_shown()
    ));
    for row in &r.rows {
        out.push_str(&format!(
            "{},{},{},{}\n",
            q(row.dimension),
            q(&row.key),
            row.calls_shown(),
            row.gaps_shown()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn tally(id: &str, day: &str, place: &str, local: bool) -> Tally {
        Tally {
            id: id.into(),
            machine: "m1".into(),
            day: Date::parse(day).unwrap(),
            place: place.into(),
            age_band: "18-25".into(),
            urgency: "C".into(),
            needs: vec!["alcohol".into()],
            local_found: local,
            edition: "e".into(),
        }
    }

    #[test]
    fn counts_suppress_and_dedupe() {
        let mut ts: Vec<Tally> = (0..6)
            .map(|i| tally(&format!("a{i}"), "2026-11-18", "havant", i % 2 == 0))
            .collect();
        ts.push(tally("b", "2026-11-18", "gosport", false));
        ts.push(ts[0].clone()); // the same row merged twice counts once
        let r = build(&ts, None, None);
        assert_eq!((r.total_calls, r.total_gaps), (7, 4));
        let havant = r.dimension("place").find(|x| x.key == "havant").unwrap();
        assert_eq!((havant.calls, havant.gaps), (6, 3));
        let text = to_text(&r);
        // Havant's 6 would give Gosport's 1 away (7 − 6), so it is withheld too.
        assert!(
            text.contains("havant                             *      <5"),
            "{text}"
        );
        assert!(
            text.contains("gosport                           <5      <5"),
            "{text}"
        );
        assert!(text.contains("w/c 2026-11-16"), "{text}");
        let csv = to_csv(&r);
        assert!(
            csv.starts_with("dimension,key,calls,gaps\ntotal,all,7,<5\n"),
            "{csv}"
        );
        assert!(!csv.contains(",1,") && !csv.contains(",3\n"), "{csv}");
    }

    #[test]
    fn date_range_filters() {
        let ts = vec![
            tally("a", "2026-11-01", "havant", true),
            tally("b", "2026-11-20", "havant", true),
        ];
        let since = Date::parse("2026-11-10").ok();
        assert_eq!(build(&ts, since, None).total_calls, 1);
        let until = Date::parse("2026-11-10").ok();
        assert_eq!(build(&ts, None, until).total_calls, 1);
        assert_eq!(build(&ts, since, until).total_calls, 0);
    }

    /// What a reader can work out: for a dimension whose cells add up to a shown total, the
    /// hidden cells' sum. It must never pin a small cell, so the hidden cells must include one
    /// of 5 or more whenever they include a small one.
    fn pinned_small_cells(r: &Report, dim: &str, col: Column) -> bool {
        let (total, total_withheld) = match col {
            Column::Calls => (r.total_calls, r.total_calls_withheld),
            Column::Gaps => (r.total_gaps, r.total_gaps_withheld),
        };
        if total < SUPPRESS_BELOW || total_withheld {
            return false;
        }
        let hidden: Vec<u64> = r
            .dimension(dim)
            .filter(|row| {
                let shown = match col {
                    Column::Calls => row.calls_shown(),
                    Column::Gaps => row.gaps_shown(),
                };
                shown.parse::<u64>().is_err()
            })
            .map(|row| col.of(row))
            .collect();
        hidden.iter().any(|&n| n > 0 && n < SUPPRESS_BELOW)
            && hidden.iter().all(|&n| n < SUPPRESS_BELOW)
    }

    #[test]
    fn all_small_cells_withhold_the_total() {
        // Two places with 4 calls each: a shown total of 8 would prove both are exactly 4.
        let ts: Vec<Tally> = (0..8)
            .map(|i| {
                let place = if i < 4 { "havant" } else { "gosport" };
                tally(&format!("a{i}"), "2026-11-18", place, true)
            })
            .collect();
        let r = build(&ts, None, None);
        assert_eq!(r.total_calls_shown(), WITHHELD);
        assert!(to_text(&r).starts_with("* calls"), "{}", to_text(&r));
        assert!(to_csv(&r).contains("total,all,*,"), "{}", to_csv(&r));
    }

    proptest::proptest! {
        #[test]
        fn no_small_count_can_be_worked_out_from_a_total(
            calls in proptest::collection::vec((0usize..4, 0usize..3, 0usize..3, proptest::bool::ANY), 0..60)
        ) {
            let places = ["havant", "gosport", "fareham", "ryde"];
            let days = ["2026-11-02", "2026-11-10", "2026-11-18"];
            let bands = ["0-10", "11-17", "18-25"];
            let ts: Vec<Tally> = calls
                .iter()
                .enumerate()
                .map(|(i, &(p, d, b, local))| {
                    let mut t = tally(&format!("c{i}"), days[d], places[p], local);
                    t.age_band = bands[b].into();
                    t
                })
                .collect();
            let r = build(&ts, None, None);
            for dim in PARTITIONS {
                for col in [Column::Calls, Column::Gaps] {
                    proptest::prop_assert!(!pinned_small_cells(&r, dim, col), "{dim}: {}", to_text(&r));
                }
            }
        }
    }
}
