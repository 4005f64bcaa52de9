//! The call summary as plain text: what the screen shows, copy puts on the clipboard, save writes.
//!
//! It holds the resolved place name (never what was typed), the age band (never a name, NHS
//! number or postcode), and when and from which edition it was made, so a stale paste shows.

use super::App;
use crate::triage::outcome::Outcome;

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
    out.push("Services given:".to_string());
    for s in o.services().chain(o.safety_net.iter()) {
        let number = s.primary.as_deref().unwrap_or("no direct number");
        let tag = if s.catch_all { " [catch-all]" } else { "" };
        out.push(format!("- {}{tag}: {number}", s.name));
    }
    out.push("Advice given:".to_string());
    for f in &o.flags {
        out.push(format!("- {}: {}", f.label, f.advice));
    }
    for s in &o.say {
        out.push(format!("- {}", s.text));
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
