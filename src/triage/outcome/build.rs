//! Building the outcome: each service judged by the shared rules, grouped and ranked as search
//! ranks, the safety net added, then what to say.

use super::fit::AgeAsk;
use super::judge::{Call, Judged, RankKey};
use super::routes;
use super::{
    say, scrub, shows_codes, AgeView, Coverage, EmergencyView, FlagAdvice, Labelled, Outcome,
    OutcomeGroup, OutcomeService, OverrideView, PlaceView, UrgencyView,
};
use crate::hours::{Calendar, SEARCH_DAYS};
use crate::model::place::Candidate;
use crate::model::urgency::{UrgencyLevel, Window};
use crate::model::{Category, Directory, PlaceKind, PlacesFile, Role, Service};
use crate::places::{Reach, AGE_BANDS};
use crate::search::{Group, PlaceScope};
use crate::triage::check::DRAFT;
use crate::triage::{Age, PlaceAnswer, TriageResult};
use chrono::{DateTime, Utc};

/// Everything an outcome is built from. `safety_net` is the records compiled into the program
/// (the front ends pass `directory::safety_net::safety_net()`), so no edition can remove them.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub result: &'a TriageResult,
    pub dir: &'a Directory,
    pub safety_net: &'a [Service],
    /// The deploying service's own records (config `own_services`): never suggested.
    pub own_services: &'a [String],
    pub role: Role,
    pub at: DateTime<Utc>,
}

/// The flag for pregnancy or a baby in the last year: perinatal services then meet a need of
/// their own, and without it they are offered only with a check.
pub const PERINATAL_FLAG: &str = "pregnant_or_postnatal";

/// The outcome of a finished walk, for one role, with reachability judged at `at`.
pub fn outcome(
    result: &TriageResult,
    dir: &Directory,
    safety_net: &[Service],
    own_services: &[String],
    role: Role,
    at: DateTime<Utc>,
) -> Outcome {
    let cal = Calendar::with_changes(&dir.bank_holidays);
    outcome_with(
        &Inputs {
            result,
            dir,
            safety_net,
            own_services,
            role,
            at,
        },
        &cal,
    )
}

/// The response window in minutes a level's services are judged against. Levels with no
/// response window (F, G) look as far ahead as the hours engine does.
pub fn window_minutes(level: &UrgencyLevel) -> u32 {
    level
        .window
        .horizon_minutes()
        .unwrap_or(SEARCH_DAYS * 24 * 60)
}

/// The level in force, or — for a code the scale lacks, which `check` refuses — the level after
/// the emergency one: an unreadable urgency over-triages rather than under-triages.
fn level_of(dir: &Directory, code: &str) -> UrgencyLevel {
    let t = &dir.triage;
    t.level(code)
        .or_else(|| t.urgency.get(1))
        .or(t.urgency.first())
        .cloned()
        .unwrap_or(UrgencyLevel {
            code: code.to_string(),
            label: "Very urgent".into(),
            plain: "Needs mental health help within 4 hours".into(),
            window: Window::Minutes(240),
            description: String::new(),
            report_band: String::new(),
        })
}

fn age_ask(a: &Option<Age>) -> AgeAsk {
    match a {
        Some(Age::Years { years }) => AgeAsk::Years(*years),
        Some(Age::Band { min, max, .. }) => AgeAsk::Band { lo: *min, hi: *max },
        None => AgeAsk::NotAsked,
    }
}

fn age_view(a: &Option<Age>) -> AgeView {
    let band_of = |lo: u8, hi: u8| {
        AGE_BANDS
            .iter()
            .find(|b| b.lo <= lo && hi <= b.hi)
            .map(|b| b.label.to_string())
    };
    match a {
        Some(Age::Years { years }) => AgeView {
            text: years.to_string(),
            years: Some(*years),
            band: None,
            report_band: band_of(*years, *years),
        },
        Some(Age::Band { key, min, max }) => AgeView {
            text: format!("not known ({key}: {min} to {max})"),
            years: None,
            band: Some([*min, *max]),
            report_band: band_of(*min, *max),
        },
        None => AgeView {
            text: "not asked".into(),
            years: None,
            band: None,
            report_band: None,
        },
    }
}

/// The area itself (Hampshire and the Isle of Wight), for callers whose place is not known:
/// only services serving all of it fit.
fn area_scope(places: &PlacesFile) -> PlaceScope {
    let area = places
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Area)
        .or_else(|| places.places.iter().find(|p| p.kind == PlaceKind::Country));
    match area {
        Some(p) => PlaceScope::Place {
            id: p.id.clone(),
            name: p.name.clone(),
            why: "place not given".into(),
        },
        None => PlaceScope::Anywhere,
    }
}

fn place_name(places: &PlacesFile, id: &str) -> String {
    places
        .get(id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The place scope services are judged against, the place as shown, and whether parts-only
/// services are out (place not given: the whole area must be served).
fn scope_of(places: &PlacesFile, p: &Option<PlaceAnswer>) -> (PlaceScope, PlaceView, bool) {
    match p {
        Some(PlaceAnswer::Place { id, why }) => (
            PlaceScope::Place {
                id: id.clone(),
                name: place_name(places, id),
                why: why.clone(),
            },
            PlaceView::Place {
                id: id.clone(),
                name: place_name(places, id),
            },
            false,
        ),
        Some(PlaceAnswer::Candidates { candidates, why }) => {
            let names: Vec<String> = candidates
                .iter()
                .map(|c| match c {
                    Candidate::Place(id) => place_name(places, id),
                    Candidate::OutsideArea => crate::places::OUTSIDE.to_string(),
                })
                .collect();
            let ids = candidates
                .iter()
                .map(|c| match c {
                    Candidate::Place(id) => id.clone(),
                    Candidate::OutsideArea => "outside".to_string(),
                })
                .collect();
            (
                PlaceScope::Unclear {
                    candidates: candidates.clone(),
                    names: names.clone(),
                    why: why.clone(),
                    // "Keep all of these": every candidate's services, each to check.
                    any: true,
                },
                PlaceView::Candidates { ids, names },
                false,
            )
        }
        Some(PlaceAnswer::OutsideArea { why }) => (
            PlaceScope::OutsideArea { why: why.clone() },
            PlaceView::Outside,
            false,
        ),
        Some(PlaceAnswer::NotGiven) => (area_scope(places), PlaceView::NotGiven, true),
        None => (area_scope(places), PlaceView::NotAsked, true),
    }
}

fn urgency_view(i: &Inputs<'_>, level: &UrgencyLevel, window: u32) -> UrgencyView {
    let t = &i.dir.triage;
    let r = i.result;
    let override_ = r.override_.as_ref().map(|o| OverrideView {
        level: o.level.clone(),
        computed: o.computed.clone(),
        reason: o.reason.clone(),
        reason_label: t
            .override_reason(&o.reason)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| o.reason.clone()),
    });
    let shown = if shows_codes(i.role) {
        format!("{} {} — {}", level.code, level.label, level.window)
    } else {
        level.plain.clone()
    };
    UrgencyView {
        code: level.code.clone(),
        label: level.label.clone(),
        plain: level.plain.clone(),
        window: level.window,
        window_text: level.window.to_string(),
        window_minutes: window,
        computed: r.computed.clone(),
        override_,
        shown,
    }
}

pub fn outcome_with(i: &Inputs<'_>, cal: &Calendar) -> Outcome {
    let (dir, r) = (i.dir, i.result);
    let t = &dir.triage;
    let level = level_of(dir, &r.urgency);
    let window = window_minutes(&level);
    let emergency = r.is_emergency() || t.rank(&level.code) == Some(0);
    let (scope, place, whole_area_only) = scope_of(&dir.places, &r.place);
    let mut needs: Vec<(String, &[Category])> = r
        .needs
        .iter()
        .filter_map(|n| t.need(n))
        .map(|n| (n.label.clone(), n.categories.as_slice()))
        .collect();
    let perinatal = r.flags.iter().any(|f| f == PERINATAL_FLAG);
    if perinatal && !needs.is_empty() {
        let label = t
            .flag(PERINATAL_FLAG)
            .map_or("Pregnant or had a baby in the last year".into(), |f| {
                f.label.clone()
            });
        needs.push((label, &[Category::Perinatal]));
    }
    let call = Call {
        i,
        cal,
        scope,
        whole_area_only,
        age: age_ask(&r.age),
        needs,
        level: level.clone(),
        window,
        net_ids: i.safety_net.iter().map(|s| s.id.as_str()).collect(),
        perinatal,
        flags: &r.flags,
        excluded: &r.excluded,
    };
    let urgent = t.rank(&level.code).is_some_and(|x| x <= 1);

    let mut groups: [Vec<(OutcomeService, RankKey)>; 3] = Default::default();
    let mut left_out = Vec::new();
    for s in &dir.services {
        if call.net_ids.contains(&s.id.as_str()) {
            continue; // given in the safety net, from the records built into the program
        }
        match call.judge(s) {
            Some(Judged::Offered(b)) => groups[b.0.group as usize].push(*b),
            Some(Judged::LeftOut(l)) => left_out.push(l),
            None => {}
        }
    }
    let mut groups: Vec<OutcomeGroup> = Group::ALL
        .into_iter()
        .zip(groups)
        .map(|(g, mut list)| {
            list.sort_by(|a, b| a.1.cmp(&b.1));
            OutcomeGroup {
                group: g,
                title: g.title().to_string(),
                services: list.into_iter().map(|(o, _)| o).collect(),
            }
        })
        .collect();

    let offered = || {
        groups
            .iter()
            .flat_map(|g| g.services.iter())
            .filter(|s| !s.catch_all)
    };
    let nearest = offered().filter(|s| s.firm).map(|s| s.reach).min();
    let coverage = Coverage {
        nearest,
        firm: offered().filter(|s| s.firm).count(),
        to_check: offered().filter(|s| !s.firm).count(),
        nothing_local: nearest != Some(Reach::Local),
        message: None,
    };
    let support_while_waiting = if urgent {
        routes::crisis_first(&call, &mut groups, emergency)
    } else {
        Vec::new()
    };

    let mut out = Outcome {
        at: i.at,
        role: i.role,
        draft: (!r.approved).then(|| format!("{DRAFT} (questionnaire {})", r.version)),
        questionnaire_version: r.version.clone(),
        urgency: urgency_view(i, &level, window),
        emergency: emergency.then(|| EmergencyView {
            title: say::EMERGENCY_TITLE.to_string(),
            lines: say::EMERGENCY_LINES.iter().map(|l| l.to_string()).collect(),
            from: r.emergency.as_ref().map(|e| e.from.clone()),
            jump: r.emergency.as_ref().is_some_and(|e| e.jump),
        }),
        needs: r
            .needs
            .iter()
            .map(|n| Labelled {
                id: n.clone(),
                label: t.need(n).map(|x| x.label.clone()).unwrap_or_default(),
            })
            .collect(),
        flags: r
            .flags
            .iter()
            .map(|f| FlagAdvice {
                id: f.clone(),
                label: t.flag(f).map(|x| x.label.clone()).unwrap_or_default(),
                advice: t.flag(f).map(|x| x.advice.clone()).unwrap_or_default(),
            })
            .collect(),
        age: age_view(&r.age),
        place,
        groups,
        coverage,
        safety_net: call.safety_net(),
        support_while_waiting,
        raised: r
            .raised
            .iter()
            .map(|x| format!("Raised to {}: {}.", x.level, x.why))
            .collect(),
        say: Vec::new(),
        left_out,
        notes: Vec::new(),
    };
    if let Some(n) = call.scope.note().filter(|_| !whole_area_only) {
        out.notes.push(n);
    }
    out.notes.extend(r.notices.iter().cloned());
    let own_is_111 = i
        .own_services
        .iter()
        .filter_map(|id| {
            dir.service(id)
                .or(i.safety_net.iter().find(|s| &s.id == id))
        })
        .filter_map(|s| s.primary_public())
        .any(|c| c.value.trim() == "111");
    out.coverage.message = say::coverage_message(&out);
    let child = match r.age {
        Some(Age::Years { years }) => years < 18,
        Some(Age::Band { max, .. }) => max < 18,
        None => false,
    };
    let extra = say::Extra {
        prompts: &r.prompts,
        supervision: (urgent && child && !t.routes.child_supervision.trim().is_empty())
            .then_some(t.routes.child_supervision.as_str()),
    };
    out.say = say::lines(&out, own_is_111, &extra);
    if i.role == Role::Handler {
        scrub::professional_values(&mut out, dir, i.safety_net);
    }
    out
}
