//! Building the outcome: each service judged by the shared rules, grouped and ranked as search
//! ranks, the safety net added, then what to say.

use super::fit::{self, AgeAsk};
use super::{
    say, scrub, shows_codes, AgeView, Coverage, EmergencyView, FlagAdvice, Labelled, LeftOut,
    LeftOutWhy, Outcome, OutcomeGroup, OutcomeService, OverrideView, PlaceView, Reason,
    UrgencyView, Why,
};
use crate::hours::{self, Calendar, ReachKind, State, SEARCH_DAYS};
use crate::model::place::Candidate;
use crate::model::urgency::{LevelsFrom, UrgencyLevel, Window};
use crate::model::{
    Access, AgeBound, AgeFit, AgeRange, Category, Directory, PlaceKind, PlacesFile, Role,
    Service, Status,
};
use crate::places::{Reach, AGE_BANDS};
use crate::search::{Group, PlaceScope, Placement};
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

/// "age 16 within 11-25", "ages 13-17: all ages".
fn age_reason(range: &AgeRange, ask: AgeAsk) -> Option<String> {
    let who = match ask {
        AgeAsk::Years(n) => format!("age {n}"),
        AgeAsk::Band { lo, hi } => format!("ages {lo}-{hi}"),
        AgeAsk::NotAsked => return None,
    };
    Some(match (range.min, range.max) {
        (AgeBound::NoLimit | AgeBound::Years(0), AgeBound::NoLimit) => format!("{who}: all ages"),
        _ => format!("{who} within {range}"),
    })
}

fn self_access(s: &Service) -> bool {
    s.access
        .iter()
        .any(|a| matches!(a, Access::SelfReferral | Access::WalkIn))
}

/// How the caller gets to the service, in this role's words.
fn how(s: &Service, role: Role) -> (String, Option<String>) {
    let walk_in = s.access.contains(&Access::WalkIn);
    if s.access.is_empty() {
        return (
            "How to get to it is not confirmed: check before giving.".into(),
            None,
        );
    }
    if self_access(s) {
        let text = if walk_in && !s.access.contains(&Access::SelfReferral) {
            "They can walk in themselves."
        } else if walk_in {
            "They can contact it or walk in themselves."
        } else {
            "They can contact it themselves."
        };
        return (text.into(), Some("self-referral".into()));
    }
    let routes: Vec<&str> = s.access.iter().map(|a| a.label()).collect();
    if shows_codes(role) {
        let notes = if s.referral.is_empty() {
            String::new()
        } else {
            format!(": {}", s.referral)
        };
        (
            format!("Referral only ({}){notes}", routes.join(", ")),
            Some("referral only".into()),
        )
    } else {
        (
            "Takes referrals only: ask their GP or 111 to refer.".into(),
            Some("referral only: ask their GP or 111 to refer".into()),
        )
    }
}

fn levels_text(levels: &[String]) -> String {
    if levels.is_empty() {
        "no urgency level (no policy rule matches)".into()
    } else {
        format!("responds to {} only", levels.join(", "))
    }
}

/// One service judged for this call: offered (with its group), or left out and why.
enum Judged {
    Offered(OutcomeService, RankKey),
    LeftOut(LeftOut),
}

type RankKey = (u8, u8, u8, String, String);

struct Call<'a> {
    i: &'a Inputs<'a>,
    cal: &'a Calendar,
    scope: PlaceScope,
    whole_area_only: bool,
    age: AgeAsk,
    needs: Vec<(String, &'a [Category])>,
    level: UrgencyLevel,
    window: u32,
    net_ids: Vec<&'a str>,
}

impl Call<'_> {
    fn placement(&self, s: &Service) -> Option<Placement> {
        let p = self.scope.placement(&self.i.dir.places, s)?;
        (!(self.whole_area_only && p.part)).then_some(p)
    }

    fn judge(&self, s: &Service) -> Option<Judged> {
        let (dir, role) = (self.i.dir, self.i.role);
        if s.status == Status::Closed {
            return None;
        }
        let placement = self.placement(s)?;
        let age_fit = self.age.fit(&s.age);
        if age_fit == AgeFit::Outside {
            return None;
        }
        let met: Vec<&String> = self
            .needs
            .iter()
            .filter(|(_, cats)| fit::has_any(s, cats))
            .map(|(label, _)| label)
            .collect();
        if !self.needs.is_empty() && met.is_empty() {
            return None;
        }
        let left = |why: LeftOutWhy, text: String| {
            Some(Judged::LeftOut(LeftOut {
                id: s.id.clone(),
                name: s.name.clone(),
                why,
                text,
            }))
        };
        if self.i.own_services.contains(&s.id) {
            return left(
                LeftOutWhy::OwnService,
                "this service itself (own_services)".into(),
            );
        }
        let from = match fit::takes_level(s, &dir.triage.policy, &self.level.code) {
            Ok(from) => from,
            Err(levels) => return left(LeftOutWhy::OtherUrgency, levels_text(levels)),
        };
        let reach = fit::reach(s, role, self.cal, self.i.at, self.window);
        let catch_all = fit::is_catch_all(s, &self.net_ids);

        let mut checks = Vec::new();
        if s.status == Status::Unconfirmed {
            checks.push(format!("record unconfirmed: {}", s.status_reason));
        }
        if let AgeFit::Uncertain(why) = &age_fit {
            checks.push(format!("age may not fit: {why}"));
        }
        let place_reason = self.scope.reason(&dir.places, s);
        if placement.part {
            checks.push(format!(
                "{place_reason} — check it covers where the caller lives"
            ));
        }
        if !fit::has_direct_contact(s, role) {
            checks.push("no phone, text or chat contact confirmed".into());
        }
        let group = match reach.kind {
            ReachKind::OpenNow { .. } if checks.is_empty() => Group::Reachable,
            ReachKind::OpenNow { .. } => Group::CheckFirst,
            ReachKind::OpensWithin { .. } => Group::ClosedNow,
            ReachKind::Unsure { .. } => {
                checks.push(if s.hours.wording.is_empty() {
                    reach.reason()
                } else {
                    format!("{} (source says \"{}\")", reach.reason(), s.hours.wording)
                });
                Group::CheckFirst
            }
            ReachKind::ClosingSoon { .. } | ReachKind::NotWithin { .. } => {
                return left(LeftOutWhy::NotInWindow, reach.reason())
            }
        };
        let firm = checks.is_empty()
            && matches!(
                reach.kind,
                ReachKind::OpenNow { .. } | ReachKind::OpensWithin { .. }
            );

        let mut reasons = vec![Reason {
            kind: Why::Place,
            text: place_reason,
        }];
        if age_fit == AgeFit::Fits {
            if let Some(t) = age_reason(&s.age, self.age) {
                reasons.push(Reason {
                    kind: Why::Age,
                    text: t,
                });
            }
        }
        for label in met {
            reasons.push(Reason {
                kind: Why::Need,
                text: format!("need: {label}"),
            });
        }
        reasons.push(Reason {
            kind: Why::Urgency,
            text: self.urgency_reason(&from),
        });
        reasons.push(Reason {
            kind: Why::Hours,
            text: reach.reason(),
        });
        let (how, access) = how(s, role);
        if let Some(a) = access {
            reasons.push(Reason {
                kind: Why::Access,
                text: a,
            });
        }

        let status = hours::status(&s.hours, self.cal, self.i.at);
        let next_opening = match reach.kind {
            ReachKind::OpensWithin { opens } => Some(opens),
            ReachKind::Unsure { next_open, .. } => next_open,
            _ => match status.state {
                State::Closed { next_open } => next_open,
                _ => None,
            },
        };
        let contacts: Vec<_> = s
            .contacts_for(role.shows_professional())
            .cloned()
            .collect();
        let now_rank = match reach.kind {
            ReachKind::OpenNow { .. } => 0,
            ReachKind::Unsure { .. } => 1,
            _ => 2,
        };
        let key = (
            now_rank,
            placement.reach as u8,
            self.age.rank(&s.age),
            s.name.to_lowercase(),
            s.id.clone(),
        );
        Some(Judged::Offered(
            OutcomeService {
                id: s.id.clone(),
                name: s.name.clone(),
                organisation: s.organisation.clone(),
                group,
                reach: placement.reach,
                catch_all,
                firm,
                reasons,
                checks,
                hours: status.text(),
                respond: reach.reason(),
                next_opening,
                how,
                primary: primary(s, role),
                contacts,
                public_info: s.public_info.clone(),
                referral: (shows_codes(self.i.role) && !s.referral.is_empty())
                    .then(|| s.referral.clone()),
            },
            key,
        ))
    }

    fn urgency_reason(&self, from: &LevelsFrom) -> String {
        let l = &self.level;
        if shows_codes(self.i.role) {
            match from {
                LevelsFrom::Policy(rule) => {
                    format!("takes {} ({}) — policy rule {rule}", l.code, l.label)
                }
                LevelsFrom::Override(why) => {
                    format!("takes {} ({}) — the record's own levels: {why}", l.code, l.label)
                }
                LevelsFrom::NoRule => format!("takes {}", l.code),
            }
        } else {
            format!("takes calls this urgent ({})", l.window)
        }
    }

    /// A safety-net record as offered: always given, whatever the place, age or need.
    fn net_service(&self, s: &Service, reach: Reach) -> OutcomeService {
        let role = self.i.role;
        let status = hours::status(&s.hours, self.cal, self.i.at);
        let (how, _) = how(s, role);
        OutcomeService {
            id: s.id.clone(),
            name: s.name.clone(),
            organisation: s.organisation.clone(),
            group: Group::Reachable,
            reach,
            catch_all: true,
            firm: true,
            reasons: vec![Reason {
                kind: Why::Place,
                text: "safety net: given on every call".into(),
            }],
            checks: Vec::new(),
            hours: status.text(),
            respond: status.text(),
            next_opening: None,
            how,
            primary: primary(s, role),
            contacts: s
                .contacts_for(role.shows_professional())
                .cloned()
                .collect(),
            public_info: s.public_info.clone(),
            referral: (shows_codes(role) && !s.referral.is_empty()).then(|| s.referral.clone()),
        }
    }

    /// The safety net in reading order. Records sharing a number (Shout's national and local
    /// keywords) give way to the nearest one that serves the place: HANTS in the area.
    fn safety_net(&self) -> Vec<OutcomeService> {
        let digits = |s: &Service| {
            s.primary_public()
                .map(|c| c.value.chars().filter(char::is_ascii_digit).collect::<String>())
                .unwrap_or_default()
        };
        let placed: Vec<(&Service, Option<Reach>)> = self
            .i
            .safety_net
            .iter()
            .filter(|s| !self.i.own_services.contains(&s.id))
            .map(|s| {
                let reach = self
                    .scope
                    .placement(&self.i.dir.places, s)
                    .filter(|p| !p.part)
                    .map(|p| p.reach);
                (s, reach)
            })
            .collect();
        let mut out = Vec::new();
        for (s, reach) in &placed {
            let Some(reach) = reach else { continue };
            let d = digits(s);
            let nearer = placed.iter().any(|(o, r)| {
                o.id != s.id && !d.is_empty() && digits(o) == d && r.is_some_and(|r| r < *reach)
            });
            if !nearer {
                out.push(self.net_service(s, *reach));
            }
        }
        if out.is_empty() {
            // A place none of them serves (a broken places file): give them all, never none.
            out = placed
                .iter()
                .map(|(s, _)| self.net_service(s, Reach::National))
                .collect();
        }
        out
    }
}

/// The number to read out first among the contacts this role may see.
fn primary(s: &Service, role: Role) -> Option<String> {
    use crate::model::ContactKind;
    let visible: Vec<_> = s.contacts_for(role.shows_professional()).collect();
    visible
        .iter()
        .find(|c| c.kind == ContactKind::Phone && c.is_public())
        .or_else(|| visible.iter().find(|c| c.kind == ContactKind::Phone))
        .or_else(|| visible.iter().find(|c| c.kind == ContactKind::Text))
        .or_else(|| visible.iter().find(|c| c.kind.is_direct()))
        .map(|c| c.display_value())
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
    let needs: Vec<(String, &[Category])> = r
        .needs
        .iter()
        .filter_map(|n| t.need(n))
        .map(|n| (n.label.clone(), n.categories.as_slice()))
        .collect();
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
    };

    let mut groups: [Vec<(OutcomeService, RankKey)>; 3] = Default::default();
    let mut left_out = Vec::new();
    for s in &dir.services {
        if call.net_ids.contains(&s.id.as_str()) {
            continue; // given in the safety net, from the records built into the program
        }
        match call.judge(s) {
            Some(Judged::Offered(o, key)) => groups[o.group as usize].push((o, key)),
            Some(Judged::LeftOut(l)) => left_out.push(l),
            None => {}
        }
    }
    let groups: Vec<OutcomeGroup> = Group::ALL
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
        .filter_map(|id| dir.service(id).or(i.safety_net.iter().find(|s| &s.id == id)))
        .filter_map(|s| s.primary_public())
        .any(|c| c.value.trim() == "111");
    out.coverage.message = say::coverage_message(&out);
    out.say = say::lines(&out, own_is_111);
    if i.role == Role::Handler {
        scrub::professional_values(&mut out, dir, i.safety_net);
    }
    out
}
