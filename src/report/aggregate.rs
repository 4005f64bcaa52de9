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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub dimension: &'static str,
    pub key: String,
    pub calls: u64,
    /// Calls where no local service fitted (the "gap results").
    pub gaps: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    pub total_calls: u64,
    pub total_gaps: u64,
    pub rows: Vec<Row>,
}

impl Report {
    pub fn dimension(&self, d: &str) -> impl Iterator<Item = &Row> {
        let d = d.to_string();
        self.rows.iter().filter(move |r| r.dimension == d)
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
        })
        .collect();
    report
}

/// The text table, every count suppressed below the threshold.
pub fn to_text(r: &Report) -> String {
    let mut out = format!(
        "{} calls, {} with no local service (counts under {SUPPRESS_BELOW} show as <{SUPPRESS_BELOW})\n",
        suppressed(r.total_calls),
        suppressed(r.total_gaps)
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
                suppressed(row.calls),
                suppressed(row.gaps)
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
        suppressed(r.total_calls),
        suppressed(r.total_gaps)
    ));
    for row in &r.rows {
        out.push_str(&format!(
            "{},{},{},{}\n",
            q(row.dimension),
            q(&row.key),
            suppressed(row.calls),
            suppressed(row.gaps)
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
        assert!(
            text.contains("havant                             6      <5"),
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
}
