//! At A and B the next step is always a crisis route — 999 at A; at B a crisis-assessment
//! service that can respond now, else the NHS 111 mental health option, else A&E — and A&E is
//! given beside it; listening lines become "support while waiting".

use super::judge::Call;
use super::{OutcomeGroup, OutcomeService, Reason, Why};
use crate::model::urgency::ResponseKind;
use crate::places::Reach;
use crate::search::Group;

/// The id of the built-in urgent-care route (A&E) on an outcome.
pub const URGENT_CARE_ID: &str = "urgent-care-a-and-e";

/// The urgent-care route (A&E): built in, from the triage file's wording, never a record.
fn urgent_care(call: &Call<'_>) -> OutcomeService {
    let r = &call.i.dir.triage.routes;
    let or = |v: &str, d: &str| {
        if v.trim().is_empty() {
            d.to_string()
        } else {
            v.to_string()
        }
    };
    OutcomeService {
        id: URGENT_CARE_ID.into(),
        name: or(&r.urgent_care_name, "A&E (emergency department) at the nearest hospital"),
        organisation: "NHS".into(),
        group: Group::Reachable,
        reach: Reach::Local,
        response: ResponseKind::UrgentCare,
        catch_all: false,
        firm: true,
        reasons: vec![Reason {
            kind: Why::Urgency,
            text: "the urgency scale names A&E at this level: medical care, or when the crisis response cannot come in time".into(),
        }],
        checks: Vec::new(),
        hours: "open 24 hours".into(),
        respond: "open all hours".into(),
        next_opening: None,
        how: or(&r.urgent_care_how, "They go to the nearest A&E; they must not drive themselves."),
        contacts: Vec::new(),
        primary: None,
        public_info: r.urgent_care_info.clone(),
        referral: None,
    }
}

/// A safety-net record of this kind, as a route (firm, not the catch-all), unless the deploying
/// service is that record itself.
fn net_route(call: &Call<'_>, kind: ResponseKind) -> Option<OutcomeService> {
    let policy = &call.i.dir.triage.policy;
    call.i
        .safety_net
        .iter()
        .filter(|s| !call.i.own_services.contains(&s.id))
        .find(|s| crate::model::urgency::response_for(s, policy).0 == kind)
        .map(|s| {
            let mut o = call.net_service(s, Reach::National);
            o.catch_all = false;
            o.reasons = vec![Reason {
                kind: Why::Urgency,
                text: format!("{}: the crisis route for this level", kind.label()),
            }];
            o
        })
}

/// Reorders the groups of an A or B outcome so the first firm service is a crisis route, and
/// returns the listening lines taken out as support while waiting.
pub(super) fn crisis_first(
    call: &Call<'_>,
    groups: &mut [OutcomeGroup],
    emergency: bool,
) -> Vec<OutcomeService> {
    let mut waiting = Vec::new();
    for g in groups.iter_mut() {
        let (keep, lines): (Vec<_>, Vec<_>) = g
            .services
            .drain(..)
            .partition(|s| s.response != ResponseKind::ListeningSupport);
        g.services = keep;
        waiting.extend(lines);
    }
    // A crisis-assessment record whose number is 111 is the crisis route here, not the
    // catch-all: it is the next step.
    for s in groups.iter_mut().flat_map(|g| g.services.iter_mut()) {
        if s.response.is_crisis_route() {
            s.catch_all = false;
        }
    }
    let Some(first) = groups.first_mut() else {
        return waiting;
    };
    let leads = |list: &[OutcomeService]| {
        list.first()
            .is_some_and(|s| s.firm && s.response.is_crisis_route())
    };
    let aande = urgent_care(call);
    let route: Vec<OutcomeService> = if emergency {
        net_route(call, ResponseKind::Emergency)
            .into_iter()
            .chain([aande])
            .collect()
    } else if leads(&first.services) {
        // The lead is a crisis service that can respond now: A&E right after it.
        first.services.insert(1, aande);
        Vec::new()
    } else {
        net_route(call, ResponseKind::CrisisAssessment)
            .into_iter()
            .chain([aande])
            .collect()
    };
    for (k, s) in route.into_iter().enumerate() {
        first.services.insert(k, s);
    }
    waiting
}
