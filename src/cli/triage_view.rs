//! Text and JSON for `signpost triage`: the questionnaire, the next question, a finished walk.

use super::Format;
use crate::model::questionnaire::QuestionKind;
use crate::model::TriageFile;
use crate::triage::check::DRAFT;
use crate::triage::graph::{self, Target};
use crate::triage::{
    Age, Outcome, PlaceAnswer, Prompt, Questionnaire, Refusal, TriageResult, Walk,
};
use serde_json::{json, Value};

fn print_json(v: &Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

fn draft_line(t: &TriageFile) -> Option<String> {
    (!t.is_approved()).then(|| format!("{DRAFT} (questionnaire {})", t.approval.version))
}

fn target_name(t: &TriageFile, target: Target) -> String {
    match target {
        Target::Question(i) => t.questions[i].id.clone(),
        Target::End => "end".into(),
        Target::Emergency => "emergency".into(),
        Target::Dangling(id) => format!("{id} (unknown)"),
    }
}

fn kind_name(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::Age => "age",
        QuestionKind::Place => "place",
    }
}

/// `--describe`: every question with each option's effects and where it leads.
pub fn describe(q: Questionnaire<'_>, format: Format) {
    let t = q.triage;
    let questions: Vec<Value> = t
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let options: Vec<Value> = question
                .options
                .iter()
                .enumerate()
                .map(|(j, o)| json!({ "key": o.key, "label": o.label, "effects": o.effects, "next": target_name(t, graph::option_target(t, i, j)) }))
                .collect();
            json!({
                "id": question.id, "kind": question.kind, "risk": question.risk,
                "needs_list": question.needs_list, "text": question.text, "help": question.help,
                "options": options, "next": target_name(t, graph::free_target(t, i)),
            })
        })
        .collect();
    match format {
        Format::Json => print_json(&json!({
            "draft": !t.is_approved(), "approval": t.approval,
            "urgency": t.urgency, "needs": t.needs, "flags": t.flags,
            "override_reasons": t.override_reasons, "questions": questions,
        })),
        Format::Text => {
            if let Some(d) = draft_line(t) {
                println!("{d}\n");
            }
            for l in &t.urgency {
                println!("{}  {:<20} {} ({})", l.code, l.label, l.plain, l.window);
            }
            for (i, question) in t.questions.iter().enumerate() {
                let risk = if question.risk { "  [risk]" } else { "" };
                println!(
                    "\n{}. {} ({}){risk}\n   {}",
                    i + 1,
                    question.id,
                    kind_name(question.kind),
                    question.text
                );
                for (j, o) in question.options.iter().enumerate() {
                    let next = target_name(t, graph::option_target(t, i, j));
                    println!("     {:<20} {}  -> {next}", o.key, o.label);
                }
                if matches!(question.kind, QuestionKind::Age | QuestionKind::Place) {
                    let next = target_name(t, graph::free_target(t, i));
                    println!("     {:<20} (typed answer)  -> {next}", "");
                }
            }
        }
    }
}

/// Exit 3: print the next unanswered question with its options.
pub fn incomplete(q: Questionnaire<'_>, walk: &Walk, p: &Prompt, format: Format) {
    let t = q.triage;
    let progress = walk.progress(q);
    let s = walk.state();
    match format {
        Format::Json => print_json(&json!({
            "status": "incomplete", "draft": !t.is_approved(), "next": p,
            "progress": progress,
            "so_far": { "urgency": s.urgency, "needs": s.needs, "flags": s.flags, "notices": s.notices },
        })),
        Format::Text => {
            if let Some(d) = draft_line(t) {
                println!("{d}");
            }
            for n in &s.notices {
                println!("Note: {n}");
            }
            let risk = if p.risk { "  [risk question]" } else { "" };
            println!(
                "Next question ({} answered, up to {} to go): {}{risk}",
                progress.answered, progress.remaining, p.id
            );
            println!("  {}", p.text);
            if !p.help.is_empty() {
                println!("  ({})", p.help);
            }
            println!("  Answer with --answer {}=VALUE: {}", p.id, p.accepts);
            for o in &p.options {
                println!("    {:<20} {}", o.key, o.label);
            }
        }
    }
}

pub fn refused(id: &str, value: &str, r: &Refusal, format: Format) {
    match format {
        Format::Json => print_json(&json!({
            "status": "refused", "question": id, "value": value, "reason": r.to_string(),
        })),
        Format::Text => eprintln!("signpost: answer {id}={value} refused: {r}"),
    }
}

fn level_json(t: &TriageFile, code: &str) -> Value {
    match t.level(code) {
        Some(l) => json!({ "code": l.code, "label": l.label, "plain": l.plain,
            "window": l.window, "window_text": l.window.to_string() }),
        None => json!({ "code": code }),
    }
}

fn level_text(t: &TriageFile, code: &str) -> String {
    match t.level(code) {
        Some(l) => format!("{} {} — {} ({})", l.code, l.label, l.plain, l.window),
        None => code.to_string(),
    }
}

fn age_text(a: &Option<Age>) -> String {
    match a {
        None => "not asked".into(),
        Some(Age::Years { years }) => format!("{years}"),
        Some(Age::Band { key, min, max }) => format!("not known ({key}: {min} to {max})"),
    }
}

fn place_text(q: Questionnaire<'_>, p: &Option<PlaceAnswer>) -> String {
    let name = |id: &str| q.places.get(id).map(|p| p.name.clone()).unwrap_or_default();
    match p {
        None => "not asked".into(),
        Some(PlaceAnswer::Place { id, why }) => format!("{} ({id}; {why})", name(id)),
        Some(PlaceAnswer::Candidates { candidates, why }) => {
            let list: Vec<String> = candidates
                .iter()
                .map(|c| match c {
                    crate::model::place::Candidate::Place(id) => id.clone(),
                    crate::model::place::Candidate::OutsideArea => "outside the area".into(),
                })
                .collect();
            format!("one of {} ({why})", list.join(", "))
        }
        Some(PlaceAnswer::OutsideArea { why }) => {
            format!("outside Hampshire and the Isle of Wight ({why}): national services")
        }
        Some(PlaceAnswer::NotGiven) => "not given: area-wide and national services".into(),
    }
}

/// A finished walk: urgency, needs, flags, age and place, then the full outcome.
pub fn complete(
    q: Questionnaire<'_>,
    r: &TriageResult,
    o: &Outcome,
    unused: &[String],
    format: Format,
) {
    let t = q.triage;
    let clinician = o.role.shows_professional();
    match format {
        Format::Json => print_json(&json!({
            "status": "complete", "draft": !r.approved, "questionnaire_version": r.version,
            "at": o.at.to_rfc3339(), "role": o.role,
            "urgency": level_json(t, &r.urgency), "computed_urgency": r.computed,
            "override": r.override_, "emergency": r.emergency,
            "emergency_script": o.emergency.as_ref().map(|e| e.title.clone()),
            "needs": o.needs, "flags": o.flags, "age": r.age, "place": r.place,
            "answers": r.answers, "notices": r.notices, "not_asked": unused,
            "outcome": o,
        })),
        Format::Text => {
            if let Some(d) = &o.draft {
                println!("{d}");
            }
            if let Some(e) = &o.emergency {
                println!("{}", e.title);
                if let Some(from) = &e.from {
                    let how = if e.jump {
                        "the emergency key"
                    } else {
                        "an answer"
                    };
                    println!("(reached at {from} by {how})");
                }
            }
            if clinician {
                println!("Urgency: {}", level_text(t, &r.urgency));
            } else {
                println!("How urgent: {}", o.urgency.plain);
            }
            if let Some(ov) = &o.urgency.override_ {
                println!(
                    "  overridden by a clinician from {} — {}",
                    ov.computed, ov.reason_label
                );
            }
            let labels = |v: Vec<&str>| {
                if v.is_empty() {
                    "none".to_string()
                } else {
                    v.join("; ")
                }
            };
            println!(
                "Needs: {}",
                labels(o.needs.iter().map(|n| n.label.as_str()).collect())
            );
            println!(
                "Flags: {}",
                labels(o.flags.iter().map(|f| f.label.as_str()).collect())
            );
            println!("Age: {}", age_text(&r.age));
            println!("Place: {}", place_text(q, &r.place));
            if !unused.is_empty() {
                println!("Not asked on this path: {}", unused.join(", "));
            }
            println!("{}", super::outcome_view::text(o));
        }
    }
}
