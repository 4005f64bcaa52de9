//! The call summary as plain text: what the screen shows, copy puts on the clipboard, save writes.
//!
//! It holds the resolved place name (never what was typed), the age band (never a name, NHS
//! number or postcode), and when and from which edition it was made, so a stale paste shows.

use super::{outcome_screen, triage, App};
use crate::model::Status;
use crate::search::Group;
use crate::triage::outcome::{Outcome, OutcomeService};

/// The program's version, recorded in every summary.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The summary of the outcome on screen, or None before an outcome exists.
pub fn text(app: &App) -> Option<String> {
    app.outcome.as_ref().map(|o| build(app, o))
}

fn build(app: &App, o: &Outcome) -> String {
    let mut out = Vec::new();
    let made = crate::hours::london::local(o.at).format("%a %-d %b %Y %H:%M");
    out.push(format!("Signpost call summary, made {made} (UK time)"));
    if let Some(d) = &o.draft {
        out.push(d.clone());
    }
    out.push(format!("Place: {}", o.place.text()));
    out.push(format!(
        "Age band: {}",
        o.age.report_band.as_deref().unwrap_or("unknown")
    ));
    out.push(format!("Urgency: {}", o.urgency.shown));
    if let Some(ov) = &o.urgency.override_ {
        out.push(format!(
            "Override: {} (computed {}), reason: {}",
            ov.level, ov.computed, ov.reason_label
        ));
    }
    if let Some(e) = &o.emergency {
        out.push(format!("Emergency: {}", e.title));
    }
    let needs: Vec<&str> = o.needs.iter().map(|n| n.label.as_str()).collect();
    out.push(format!(
        "Needs: {}",
        if needs.is_empty() {
            "none recorded".to_string()
        } else {
            needs.join(", ")
        }
    ));
    out.push("Risk answers:".to_string());
    let risk = risk_answers(app);
    if risk.is_empty() {
        out.push("- none recorded".to_string());
    }
    out.extend(risk.into_iter().map(|r| format!("- {r}")));
    // Advice before the services: its "the services below" then points the right way.
    out.push("Advice given:".to_string());
    for text in outcome_screen::what_to_say(o) {
        out.push(format!("- {text}"));
    }
    // Only what the handler gave (the next step unless unmarked), each with its caveats.
    out.push("Services given:".to_string());
    let listed = outcome_screen::listed(o);
    let given: Vec<&OutcomeService> = app
        .given
        .iter()
        .filter_map(|id| listed.iter().find(|s| s.id == *id).copied())
        .collect();
    if given.is_empty() {
        out.push("- none marked as given".to_string());
    }
    for s in given {
        out.push(given_line(app, s));
    }
    let e = &app.status.edition;
    let date = e
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    out.push(format!(
        "Edition {} ({date}) · questionnaire {} · Signpost {APP_VERSION}",
        e.id, o.questionnaire_version
    ));
    out.join("\n")
}

/// A file name for a saved summary: the minute it was made, no caller details.
pub fn file_name(o: &Outcome) -> String {
    let t = crate::hours::london::local(o.at).format("%Y-%m-%d-%H%M");
    format!(
        "signpost-summary-{t}-{}.txt",
        crate::report::tally::random_id()
    )
}

/// "Service — number (caveats)": what a later reader must know about the number given.
fn given_line(app: &App, s: &OutcomeService) -> String {
    let number = s.primary.as_deref().unwrap_or("no direct number");
    let tag = if s.catch_all { " [catch-all]" } else { "" };
    let mut caveats = Vec::new();
    let record = app.directory.service(&s.id);
    if record.is_some_and(|r| r.status == Status::Unconfirmed) {
        caveats.push("record unconfirmed".to_string());
    }
    if s.group == Group::ClosedNow {
        caveats.push(format!("closed now: {}", s.hours));
    } else if s.hours.contains("closes in") {
        caveats.push(s.hours.clone());
    }
    if s.primary.is_none() {
        caveats.push("no number confirmed".to_string());
    } else if !s.catch_all && record.is_some_and(|r| r.verified.is_none()) {
        caveats.push("number to verify: not yet confirmed with the provider".to_string());
    }
    for c in &s.checks {
        if !c.starts_with("record unconfirmed") {
            caveats.push(format!("check: {c}"));
        }
    }
    if caveats.is_empty() {
        format!("- {}{tag}: {number}", s.name)
    } else {
        format!("- {}{tag}: {number} ({})", s.name, caveats.join("; "))
    }
}

/// Each answered risk or safeguarding question, as its option label: never free text.
fn risk_answers(app: &App) -> Vec<String> {
    let Some(t) = app.triage.as_ref() else {
        return Vec::new();
    };
    let file = &app.directory.triage;
    t.walk
        .state()
        .answers
        .iter()
        .filter(|a| triage::carries_risk(app, &a.question))
        .filter_map(|a| {
            let q = file.question(&a.question)?;
            let labels: Vec<&str> = a
                .value
                .split(',')
                .filter_map(|k| q.options.iter().find(|o| o.key == k))
                .map(|o| o.label.as_str())
                .collect();
            if labels.is_empty() {
                return None;
            }
            let asked = q.text.split_inclusive('?').next().unwrap_or(&q.text).trim();
            Some(format!("{asked} {}", labels.join(", ")))
        })
        .collect()
}
