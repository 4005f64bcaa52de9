//! Why a combination fails: how far the best service got towards being a firm option, so a
//! maintainer knows whether to find a service, confirm a number, or ask about hours.

use super::Facts;
use crate::model::AgeFit;
use serde::Serialize;

/// The stages in order; a gap's cause is the first stage no service passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    /// No service beyond the catch-all serves the whole place and meets the need.
    NoService,
    /// Some do, but none takes this urgency level by the policy.
    NoServiceAtLevel,
    /// Only listening lines take it: at B they are support while waiting, not a response.
    OnlyListening,
    /// None of those is an active record with a confirmed public phone, text or chat.
    NotConfirmed,
    /// None of those certainly takes the whole age band (limits unknown, or outside).
    AgeNotConfirmed,
    /// None of those has confirmed hours it can be reached in.
    HoursNotConfirmed,
    /// Some can be reached, but not within the window at every hour checked.
    NotEveryHour,
}

impl Cause {
    pub fn text(self) -> &'static str {
        match self {
            Cause::NoService => "no service here for this need",
            Cause::NoServiceAtLevel => "no service for this need takes this urgency",
            Cause::OnlyListening => "only listening lines take this urgency (support while waiting, not a crisis response)",
            Cause::NotConfirmed => "no confirmed public number",
            Cause::AgeNotConfirmed => "age limits not confirmed for this band",
            Cause::HoursNotConfirmed => "hours not confirmed",
            Cause::NotEveryHour => "not reachable in time at every hour",
        }
    }
}

/// A test a service must pass to get past one stage.
type Stage<'a> = dyn Fn(&Facts) -> bool + 'a;

pub(super) fn of(facts: &[Facts], pi: usize, bi: usize, li: usize, ni: usize) -> Cause {
    let mut left: Vec<&Facts> = facts
        .iter()
        .filter(|f| !f.catch_all && f.serves[pi] && f.need[ni])
        .collect();
    let stages: [(Cause, &Stage); 4] = [
        (Cause::NoServiceAtLevel, &|f| f.level_any[li]),
        (Cause::OnlyListening, &|f| f.level[li]),
        (Cause::NotConfirmed, &|f| f.firm_record),
        (Cause::AgeNotConfirmed, &|f| f.age[bi] == AgeFit::Fits),
    ];
    if left.is_empty() {
        return Cause::NoService;
    }
    for (cause, keep) in stages {
        left.retain(|f| keep(f));
        if left.is_empty() {
            return cause;
        }
    }
    if left
        .iter()
        .all(|f| f.reach[li].count() == 0 && f.unsure[li])
    {
        Cause::HoursNotConfirmed
    } else {
        Cause::NotEveryHour
    }
}
