//! What to say, in plain words: the emergency script, the next step, "nothing local fits",
//! the place to confirm, advice per flag and the safety-netting every call ends with.
//! DRAFT wording for clinical review, like the questionnaire's.

use super::{Outcome, OutcomeService, PlaceView, Say, SayKind};
use crate::places::Reach;
use crate::search::Group;

pub const EMERGENCY_TITLE: &str = "EMERGENCY — call 999 now and stay on the line with the caller.";

/// The emergency script, in order: 999 first, stay on the line, A&E.
pub const EMERGENCY_LINES: [&str; 3] = [
    "Call 999 now: an ambulance, or the police if someone is being attacked. If the caller cannot call, call 999 for them.",
    "Stay on the line with the caller until help arrives. Keep them talking; do not end the call.",
    "If they are hurt or have taken something and 999 is not needed, they need A&E now — they must not drive themselves.",
];

fn line(kind: SayKind, text: impl Into<String>) -> Say {
    Say {
        kind,
        text: text.into(),
    }
}

/// "Nothing local fits", said plainly, with how far the outcome had to widen.
pub fn coverage_message(o: &Outcome) -> Option<String> {
    if o.is_emergency() {
        return None;
    }
    let c = &o.coverage;
    let checks = if c.to_check > 0 {
        format!(
            " {} more may fit but must be checked before giving.",
            c.to_check
        )
    } else {
        String::new()
    };
    let outside = o.place == PlaceView::Outside;
    match c.nearest {
        Some(Reach::Local) => None,
        Some(_) if outside => None, // the place line says national services are all there is
        Some(Reach::AreaWide) => Some(format!(
            "No local service fits this call: the services below cover the whole area.{checks}"
        )),
        Some(Reach::National) => Some(format!(
            "No local or area-wide service fits this call: the services below are national.{checks}"
        )),
        None => Some(format!(
            "Nothing in the directory fits this call beyond the safety net: give the safety net below.{checks}"
        )),
    }
}

/// What the outcome says beyond the outcome value itself.
pub struct Extra<'a> {
    /// "If in doubt" lines for questions answered unknown.
    pub prompts: &'a [String],
    /// A child at A or B: arrange supervision by a parent or carer.
    pub supervision: Option<&'a str>,
}

fn first_firm(o: &Outcome) -> Option<&OutcomeService> {
    o.services().find(|s| s.firm && !s.catch_all)
}

fn next_step(o: &Outcome) -> Option<String> {
    let s = first_firm(o)?;
    let number = s
        .primary
        .as_ref()
        .map(|p| format!(" on {p}"))
        .unwrap_or_default();
    let referral_only = s.how.starts_with("Takes referrals only") || s.how.starts_with("Referral");
    Some(match (s.group, referral_only) {
        (_, true) => format!(
            "Next step: {} ({}) takes referrals only — ask their GP or 111 to refer them.",
            s.name, s.respond
        ),
        (Group::Reachable, false) if s.primary.is_none() && !s.how.is_empty() => {
            format!("Next step: {} ({}). {}", s.name, s.respond, s.how)
        }
        (Group::Reachable, false) => {
            format!("Next step: give them {}{number} ({}).", s.name, s.respond)
        }
        _ => format!(
            "Next step: {}{number} — closed now; {}. Until then, the safety net below.",
            s.name, s.respond
        ),
    })
}

fn place_line(o: &Outcome) -> Option<String> {
    match &o.place {
        PlaceView::Candidates { names, .. } => Some(format!(
            "Confirm where they are: it may be {}. The services below serve all of them; once the place is confirmed, local services may be added.",
            names.join(" or ")
        )),
        PlaceView::Outside => Some(
            "They are outside Hampshire and the Isle of Wight, so local services here cannot take them. Give the national services below, and ask them to call 111 where they are: 111 puts them through to the mental health service for their own area.".into(),
        ),
        PlaceView::NotGiven => Some(
            "Where they are is not known: only services covering the whole area, and national ones, are shown. If they tell you, local services can be added.".into(),
        ),
        PlaceView::Place { .. } | PlaceView::NotAsked => None,
    }
}

/// Safety-netting in plain words: always names 111, whatever the deploying service.
fn safety_netting(o: &Outcome, own_is_111: bool) -> String {
    let call_111 = if own_is_111 {
        "call 111 again and choose option 2 for mental health, at any time"
    } else {
        "call NHS 111 and choose option 2 for mental health, at any time"
    };
    let shout = o
        .safety_net
        .iter()
        .filter_map(|s| s.primary.as_deref())
        .find(|p| p.contains("85258"))
        .unwrap_or("text SHOUT to 85258");
    format!(
        "If things get worse, {call_111}. If anyone's life is in danger, call 999. They can also call Samaritans free on 116 123, or {shout}, any time, day or night."
    )
}

fn waiting_line(o: &Outcome) -> Option<String> {
    let names: Vec<String> = o
        .support_while_waiting
        .iter()
        .map(|s| match &s.primary {
            Some(p) => format!("{} ({p})", s.name),
            None => s.name.clone(),
        })
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "Support while waiting (not instead of the crisis step): {}.",
            names.join("; ")
        )
    })
}

pub fn lines(o: &Outcome, own_is_111: bool, extra: &Extra<'_>) -> Vec<Say> {
    let mut out = Vec::new();
    if let Some(e) = &o.emergency {
        out.push(line(SayKind::Emergency, e.title.clone()));
        out.extend(e.lines.iter().map(|l| line(SayKind::Emergency, l.clone())));
    }
    let u = &o.urgency;
    let urgency = match (&u.override_, o.role.shows_professional()) {
        (Some(ov), true) => format!(
            "Urgency: {} (overridden from {}: {}).",
            u.shown, ov.computed, ov.reason_label
        ),
        (_, true) => format!("Urgency: {}.", u.shown),
        (_, false) => format!("How urgent: {}.", u.plain),
    };
    out.push(line(SayKind::Urgency, urgency));
    out.extend(o.raised.iter().map(|r| line(SayKind::Raised, r.clone())));
    out.extend(
        extra
            .prompts
            .iter()
            .map(|p| line(SayKind::IfInDoubt, p.clone())),
    );
    if !o.is_emergency() {
        match next_step(o) {
            Some(t) => out.push(line(SayKind::NextStep, t)),
            None if o.coverage.to_check > 0 => out.push(line(
                SayKind::NextStep,
                "The services below may fit but must be checked before giving (see what to check). Until one is confirmed, give the safety net.",
            )),
            None => {}
        }
        if let Some(m) = &o.coverage.message {
            out.push(line(SayKind::NothingLocal, m.clone()));
        }
    }
    if let Some(s) = extra.supervision {
        out.push(line(SayKind::Supervision, s));
    }
    if let Some(w) = waiting_line(o) {
        out.push(line(SayKind::SupportWhileWaiting, w));
    }
    if let Some(p) = place_line(o) {
        out.push(line(SayKind::Place, p));
    }
    for f in &o.flags {
        out.push(line(SayKind::Flag, f.advice.clone()));
    }
    out.push(line(SayKind::SafetyNet, safety_netting(o, own_is_111)));
    out
}
