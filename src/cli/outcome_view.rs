//! The triage outcome as text: what to say first, then the services by group with why and what
//! to check, what was left out, and the safety net marked as the catch-all.

use crate::hours::london;
use crate::search::Group;
use crate::triage::outcome::{LeftOutWhy, Outcome, OutcomeService, SayKind};

fn service_lines(out: &mut Vec<String>, n: usize, s: &OutcomeService, clinician: bool) {
    let number = s
        .primary
        .as_ref()
        .map(|p| format!(" — {p}"))
        .unwrap_or_else(|| " — no number to give".to_string());
    let catch_all = if s.catch_all { "  [catch-all]" } else { "" };
    out.push(format!("  {n}. {}{number}{catch_all}", s.name));
    let why: Vec<&str> = s.reasons.iter().map(|r| r.text.as_str()).collect();
    out.push(format!("     why: {}", why.join("; ")));
    for c in &s.checks {
        out.push(format!("     check: {c}"));
    }
    out.push(format!("     how: {}", s.how));
    let others: Vec<String> = s
        .contacts
        .iter()
        .filter(|c| c.kind.is_direct() || clinician)
        .map(|c| {
            let label = if c.label.is_empty() {
                c.kind.label().to_string()
            } else {
                c.label.clone()
            };
            let audience = if c.is_public() { "" } else { " (professional)" };
            format!("{label}: {}{audience}", c.display_value())
        })
        .collect();
    if others.len() > 1 || (clinician && !others.is_empty()) {
        out.push(format!("     contacts: {}", others.join("; ")));
    }
    if let Some(r) = &s.referral {
        out.push(format!("     referral (staff): {r}"));
    }
}

/// The outcome's own lines (the CLI prints the walk's details above them).
pub fn text(o: &Outcome) -> String {
    let clinician = o.role.shows_professional();
    let mut out = Vec::new();
    out.push(format!(
        "Judged at {} for the {} role (a display mode, not access control).",
        london::describe(o.at),
        o.role.label()
    ));
    out.push(String::new());
    out.push("What to say".to_string());
    for l in &o.say {
        let mark = match l.kind {
            SayKind::Emergency => "!!",
            SayKind::NothingLocal => "**",
            _ => " -",
        };
        out.push(format!("{mark} {}", l.text));
    }
    for n in &o.notes {
        out.push(format!("Note: {n}"));
    }
    let mut n = 0;
    for g in &o.groups {
        if o.is_emergency() && g.services.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push(format!("{} ({})", g.title, g.services.len()));
        if g.services.is_empty() {
            out.push("  none".to_string());
        }
        for s in &g.services {
            n += 1;
            service_lines(&mut out, n, s, clinician);
        }
        if g.group == Group::ClosedNow && !g.services.is_empty() {
            out.push("  (closed now, but opening within the response window)".to_string());
        }
    }
    let not_in_time: Vec<String> = o
        .left_out
        .iter()
        .filter(|l| l.why == LeftOutWhy::NotInWindow)
        .map(|l| format!("{} ({})", l.name, l.text))
        .collect();
    if !not_in_time.is_empty() && !o.is_emergency() {
        out.push(String::new());
        out.push(format!(
            "Not offered — cannot respond {}: {}",
            o.urgency.window_text,
            not_in_time.join("; ")
        ));
    }
    let other = o
        .left_out
        .iter()
        .filter(|l| l.why == LeftOutWhy::OtherUrgency)
        .count();
    if other > 0 && !o.is_emergency() {
        out.push(format!(
            "Not offered — {other} more fit the place, age and need but do not take calls this urgent."
        ));
    }
    out.push(String::new());
    out.push("Safety net — the catch-all, always give:".to_string());
    for s in &o.safety_net {
        let number = s.primary.clone().unwrap_or_default();
        out.push(format!("  {number:<22} {} ({})", s.name, s.hours));
    }
    out.join("\n")
}
