//! `signpost triage`: describe the questionnaire, or walk it with scripted answers (exit 3 = more needed).

use super::triage_view as view;
use super::{notices, Ctx, Format};
use crate::model::Role;
use crate::store::Store as _;
use crate::triage::{Questionnaire, Walk, WHICH_SUFFIX};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use std::collections::BTreeMap;

/// Exit code when the answers given stop short of the end: the next question is printed.
pub const INCOMPLETE: i32 = 3;
/// Exit code for a usage error (as clap's own).
pub const USAGE: i32 = 2;

#[derive(Debug, clap::Args)]
pub struct TriageArgs {
    /// Print the questionnaire: the urgency scale, the needs table and every question.
    #[arg(long, conflicts_with_all = ["answers", "override_level", "emergency"])]
    pub describe: bool,
    /// An answer as QUESTION=VALUE; several options as ID=a,b. Repeat for each question.
    #[arg(long = "answer", value_name = "ID=VALUE", value_parser = parse_answer)]
    pub answers: Vec<(String, String)>,
    /// Clinician role only: replace the computed urgency with this level (needs --reason).
    #[arg(long = "override", value_name = "LEVEL", requires = "reason")]
    pub override_level: Option<String>,
    /// The override's reason, a key from the questionnaire's override reasons.
    #[arg(long, value_name = "KEY", requires = "override_level")]
    pub reason: Option<String>,
    /// Jump to the emergency outcome after the answers given (danger disclosed late).
    #[arg(long)]
    pub emergency: bool,
    /// Time of the call: RFC 3339, or YYYY-MM-DDTHH:MM in UK local time. Default: now.
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    pub at: Option<DateTime<Utc>>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Count this completed call in the anonymous tallies (scripted walks never count otherwise).
    #[arg(long)]
    pub record: bool,
}

fn parse_answer(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((id, v)) if !id.trim().is_empty() => Ok((id.trim().to_string(), v.to_string())),
        _ => Err(format!(
            "'{s}' is not an answer: expected QUESTION=VALUE, such as danger-now=no"
        )),
    }
}

/// RFC 3339, or a local Europe/London time (the earlier instant on the autumn clock change).
pub fn parse_at(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    let local = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s.trim(), f).ok())
        .ok_or_else(|| {
            format!("'{s}' is not a time: expected 2026-11-23T02:00 (UK time) or RFC 3339")
        })?;
    chrono_tz::Europe::London
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("'{s}' does not exist in UK time (the clocks go forward then)"))
}

pub fn run(ctx: &Ctx, args: &TriageArgs) -> Result<i32, String> {
    let session = ctx.open()?;
    notices(&session);
    let q = Questionnaire::of(&session.directory);
    if args.describe {
        view::describe(q, args.format);
        return Ok(0);
    }
    if args.override_level.is_some() && ctx.role != Role::Clinician {
        eprintln!("signpost: --override is refused in the call-handler role: only a clinician (--role clinician) can override the computed urgency");
        return Ok(1);
    }
    // Usage: each question answered once, and only questions that exist.
    let mut answers = BTreeMap::new();
    for (id, v) in &args.answers {
        let base = id.strip_suffix(WHICH_SUFFIX).unwrap_or(id);
        if q.triage.question(base).is_none() {
            eprintln!("signpost: --answer {id}: there is no question '{id}' (see `signpost triage --describe`)");
            return Ok(USAGE);
        }
        if answers.insert(id.as_str(), v.as_str()).is_some() {
            eprintln!("signpost: --answer {id} is given more than once");
            return Ok(USAGE);
        }
    }
    let at = args.at.unwrap_or(ctx.now);
    let mut walk = Walk::start(q).map_err(|e| e.to_string())?;
    let mut used = Vec::new();
    // Each step answers one question; a walk longer than this is a loop `check` would refuse.
    let limit = 2 * q.triage.questions.len() + 4;
    while let Some(p) = walk.prompt(q) {
        if used.len() > limit {
            return Err("the questionnaire loops: run `signpost check`".into());
        }
        let Some(value) = answers.get(p.id.as_str()) else {
            if args.emergency {
                walk.emergency(q);
                break;
            }
            view::incomplete(q, &walk, &p, args.format);
            return Ok(INCOMPLETE);
        };
        if let Err(r) = walk.answer(q, value) {
            view::refused(&p.id, value, &r, args.format);
            return Ok(1);
        }
        used.push(p.id.clone());
    }
    if args.emergency {
        walk.emergency(q);
    }
    if let (Some(level), Some(reason)) = (&args.override_level, &args.reason) {
        if let Err(r) = walk.override_urgency(q, ctx.role, level, reason) {
            eprintln!("signpost: --override {level} --reason {reason}: {r}");
            return Ok(1);
        }
    }
    let unused: Vec<String> = answers
        .keys()
        .filter(|id| !used.iter().any(|u| u == *id))
        .map(|id| id.to_string())
        .collect();
    let result = walk
        .result(q)
        .ok_or("the walk stopped before the end (this is a bug)")?;
    let net = crate::directory::safety_net::safety_net();
    let outcome = crate::triage::outcome(
        &result,
        &session.directory,
        &net,
        &ctx.config.own_services,
        ctx.role,
        at,
    );
    view::complete(q, &result, &outcome, &unused, args.format);
    if args.record {
        let mut tally = crate::app::outcome_screen::tally_of(&outcome, &session.meta.id);
        tally.machine = super::report_cmd::machine_id(&ctx.paths.data_dir)?;
        crate::store::SledStore::new(&ctx.paths.data_dir)
            .append_local(crate::store::LocalKind::Tallies, &tally.encode())
            .map_err(|e| format!("the tally was not recorded: {e}"))?;
        eprintln!(
            "signpost: recorded an anonymous tally (day, place id, age band, urgency, needs)."
        );
    }
    Ok(0)
}
