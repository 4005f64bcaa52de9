//! `signpost check --coverage`: the coverage matrix as a table with a gap list, CSV or JSON.

use crate::places::{Cell, Matrix, AGE_BANDS};
use serde_json::json;

const NEED_WIDTH: usize = 22;
const CELL_WIDTH: usize = 11;

/// One table per place (needs down, age bands across), then the gaps. Fits 100 columns.
pub fn text(m: &Matrix) -> String {
    let mut out = Vec::new();
    out.push(format!(
        "Coverage: {} places x {} age bands x {} needs = {} combinations.",
        m.places.len(),
        AGE_BANDS.len(),
        m.needs.len(),
        m.cells.len()
    ));
    out.push("Counted: services that serve the place, fit the whole age band, meet the need and are not closed.".into());
    out.push("Cell \"L/N ?U\": L local and confirmed (the place, a district of it, the county or the area);".into());
    out.push(
        "N national only, confirmed; U unconfirmed (contact, status or age not confirmed: check"
            .into(),
    );
    out.push("before giving). \"!\" marks a gap: no local confirmed service. Needs by id:".into());
    for (need, label) in &m.needs {
        out.push(format!("  {need:<NEED_WIDTH$}{label}"));
    }
    for (place, name) in &m.places {
        out.push(String::new());
        let cells: Vec<&Cell> = m.cells.iter().filter(|c| &c.place == place).collect();
        if cells.iter().any(|c| !c.local_parts_only.is_empty()) {
            out.push(format!(
                "{name} [{place}] (local counts include services for only part of {name})"
            ));
        } else {
            out.push(format!("{name} [{place}]"));
        }
        let mut header = format!("{:<NEED_WIDTH$}", "need");
        for b in AGE_BANDS {
            header.push_str(&format!("{:<CELL_WIDTH$}", b.label));
        }
        out.push(header.trim_end().to_string());
        for (need, _) in &m.needs {
            let mut line = format!("{:<NEED_WIDTH$}", clip(need, NEED_WIDTH - 1));
            for b in AGE_BANDS {
                let cell = cells.iter().find(|c| &c.need == need && c.band == b.label);
                line.push_str(&format!(
                    "{:<CELL_WIDTH$}",
                    cell.map(cell_text).unwrap_or_default()
                ));
            }
            out.push(line.trim_end().to_string());
        }
    }
    out.push(String::new());
    out.extend(gap_list(m));
    out.join("\n")
}

fn cell_text(c: &&Cell) -> String {
    let mark = if c.is_gap() { "!" } else { "" };
    let unconfirmed = match c.unconfirmed() {
        0 => String::new(),
        n => format!(" ?{n}"),
    };
    format!("{mark}{}/{}{unconfirmed}", c.local.len(), c.national.len())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('~');
        t
    }
}

/// Gaps grouped by place and need, with the bands affected ("all ages" when every band is);
/// "*" marks a band with nothing local at all, not even a record to check before giving.
pub fn gap_list(m: &Matrix) -> Vec<String> {
    let gaps = m.gaps().count();
    let bare = m.gaps().filter(|c| c.unconfirmed_local.is_empty()).count();
    let mut out = vec![
        format!(
            "Gaps: {gaps} of {} combinations have no local confirmed service;",
            m.cells.len()
        ),
        format!("{bare} of them have nothing local at all, not even unconfirmed (marked *)."),
    ];
    for (place, name) in &m.places {
        let mut lines = Vec::new();
        for (need, label) in &m.needs {
            let cells: Vec<&Cell> = m
                .gaps()
                .filter(|c| &c.place == place && &c.need == need)
                .collect();
            if cells.is_empty() {
                continue;
            }
            let star = |c: &&Cell| {
                if c.unconfirmed_local.is_empty() {
                    "*"
                } else {
                    ""
                }
            };
            let ages = if cells.len() == AGE_BANDS.len() && cells.iter().all(|c| star(c) == "*") {
                "all ages*".to_string()
            } else if cells.len() == AGE_BANDS.len() && cells.iter().all(|c| star(c).is_empty()) {
                "all ages".to_string()
            } else {
                let bands: Vec<String> = cells
                    .iter()
                    .map(|c| format!("{}{}", c.band, star(c)))
                    .collect();
                bands.join(", ")
            };
            lines.push(format!("  {label}: {ages}"));
        }
        if !lines.is_empty() {
            out.push(format!("{name} [{place}]"));
            out.extend(lines);
        }
    }
    out
}

pub fn csv(m: &Matrix) -> String {
    let mut out = vec![
        "place,place_name,age_band,need,need_label,local,local_parts_only,national_only,unconfirmed_local,unconfirmed_national,gap".to_string(),
    ];
    for c in &m.cells {
        let place_name = m
            .places
            .iter()
            .find(|(id, _)| id == &c.place)
            .map(|(_, n)| n.as_str())
            .unwrap_or("");
        let need_label = m
            .needs
            .iter()
            .find(|(id, _)| id == &c.need)
            .map(|(_, l)| l.as_str())
            .unwrap_or("");
        out.push(
            [
                field(&c.place),
                field(place_name),
                field(c.band),
                field(&c.need),
                field(need_label),
                c.local.len().to_string(),
                c.local_parts_only.len().to_string(),
                c.national.len().to_string(),
                c.unconfirmed_local.len().to_string(),
                c.unconfirmed_national.len().to_string(),
                if c.is_gap() { "yes" } else { "no" }.to_string(),
            ]
            .join(","),
        );
    }
    out.join("\n")
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn json(m: &Matrix) -> serde_json::Value {
    json!({
        "bands": AGE_BANDS,
        "places": m.places,
        "needs": m.needs,
        "gaps": m.gaps().count(),
        "cells": m.cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn long_need_labels_are_clipped_visibly() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("a very long need label", 10), "a very lo~");
    }
}
