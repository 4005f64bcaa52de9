//! One service judged for one call — offered in a group with its reasons and checks, or left
//! out and why — and the safety net as given; by the shared rules in `fit`.

use super::build::Inputs;
use super::fit::{self, AgeAsk};
use super::{shows_codes, LeftOut, LeftOutWhy, OutcomeService, Reason, Why};
use crate::hours::{self, Calendar, ReachKind, State};
use crate::model::urgency::{levels_for, response_for, LevelsFrom, UrgencyLevel, Window};
use crate::model::{Access, AgeBound, AgeFit, AgeRange, Category, Role, Service, Status};
use crate::places::Reach;
use crate::search::{Group, PlaceScope, Placement};

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
        (
            format!(
                "Referral only ({}): see the referral notes.",
                routes.join(", ")
            ),
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
pub(super) enum Judged {
    Offered(Box<(OutcomeService, RankKey)>),
    LeftOut(LeftOut),
}

/// Catch-all records after the others in their group; otherwise as search ranks: open now,
/// local before area-wide before national, age fit, then name.
pub(super) type RankKey = (bool, bool, u8, u8, u8, String, String);

pub(super) struct Call<'a> {
    pub i: &'a Inputs<'a>,
    pub cal: &'a Calendar,
    pub scope: PlaceScope,
    pub whole_area_only: bool,
    pub age: AgeAsk,
    pub needs: Vec<(String, &'a [Category])>,
    pub level: UrgencyLevel,
    pub window: u32,
    pub net_ids: Vec<&'a str>,
    /// The pregnant-or-postnatal flag is set: perinatal services fit without a check.
    pub perinatal: bool,
    /// The call's flags, for the services' own eligibility exclusions.
    pub flags: &'a [String],
    /// Categories an answer ruled out.
    pub excluded: &'a [Category],
}

/// Whether a service's stated eligibility rules this call out, and why.
fn excluded_by(
    s: &Service,
    flags: &[String],
    excluded: &[Category],
    age: AgeAsk,
) -> Option<String> {
    if let Some(c) = excluded.iter().find(|c| s.has(**c)) {
        return Some(format!(
            "ruled out by an answer: the {} need does not apply",
            c.label()
        ));
    }
    s.exclude_if.iter().find_map(|e| {
        let by_flag = !e.flag.is_empty() && flags.contains(&e.flag);
        let by_age = e.age_over.is_some_and(|n| match age {
            AgeAsk::Years(y) => y > n,
            AgeAsk::Band { lo, .. } => lo > n,
            AgeAsk::NotAsked => false,
        });
        (by_flag || by_age).then(|| format!("not eligible: {}", e.reason))
    })
}

impl Call<'_> {
    fn placement(&self, s: &Service) -> Option<Placement> {
        let p = self.scope.placement(&self.i.dir.places, s)?;
        (!(self.whole_area_only && p.part)).then_some(p)
    }

    pub fn judge(&self, s: &Service) -> Option<Judged> {
        let (dir, role) = (self.i.dir, self.i.role);
        if s.status == Status::Closed {
            return None;
        }
        let placement = self.placement(s)?;
        let age_fit = self.age.fit(&crate::model::catch_all::matching_age(s));
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
        if let Some(why) = excluded_by(s, self.flags, self.excluded, self.age) {
            return left(LeftOutWhy::Excluded, why);
        }
        let t = &dir.triage;
        let (from, not_crisis) = match fit::takes_level(s, &t.policy, &self.level.code) {
            Ok(from) => (from, false),
            // Slower than this call needs: kept for the caller's needs (never narrowed away),
            // marked, and never the next step. Faster-only services (a crisis team for an
            // advice call) are left out.
            Err(levels)
                if !self.needs.is_empty() && fit::slower_than(t, levels, &self.level.code) =>
            {
                (levels_for(s, &t.policy).1, true)
            }
            Err(levels) => return left(LeftOutWhy::OtherUrgency, levels_text(levels)),
        };
        let (response, _) = response_for(s, &t.policy);
        let reach = fit::reach(s, role, self.cal, self.i.at, self.window);
        let catch_all = fit::is_catch_all(s, &self.net_ids);

        let mut checks = Vec::new();
        if not_crisis {
            checks.push(if t.routes.not_crisis.trim().is_empty() {
                "not a crisis response".to_string()
            } else {
                t.routes.not_crisis.clone()
            });
        }
        if s.status == Status::Unconfirmed {
            checks.push(format!("record unconfirmed: {}", s.status_reason));
        }
        if s.has(Category::Perinatal) && !self.perinatal {
            checks.push(
                "for pregnancy and the year after birth: check they are pregnant or had a baby in the last year".into(),
            );
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
        // Closing soon is open, never "closed now", and never firm: as the search has it.
        let soon = hours::soon::closing_soon(&hours::status(&s.hours, self.cal, self.i.at));
        if let Some((_, mins)) = soon {
            checks.push(hours::soon::check(mins));
        }
        let group = match reach.kind {
            _ if not_crisis => Group::CheckFirst,
            _ if soon.is_some() => Group::CheckFirst,
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
        let group = if not_crisis { Group::CheckFirst } else { group };
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
            text: if not_crisis {
                format!(
                    "kept for their needs, but {}",
                    levels_text(levels_for(s, &t.policy).0)
                )
            } else {
                self.urgency_reason(&from)
            },
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
        let contacts: Vec<_> = s.contacts_for(role.shows_professional()).cloned().collect();
        let now_rank = match reach.kind {
            ReachKind::OpenNow { .. } => 0,
            ReachKind::Unsure { .. } => 1,
            _ => 2,
        };
        let key = (
            !(self.crisis_first() && response.is_crisis_route()),
            catch_all,
            now_rank,
            placement.reach as u8,
            self.age.rank(&s.age),
            s.name.to_lowercase(),
            s.id.clone(),
        );
        Some(Judged::Offered(Box::new((
            OutcomeService {
                id: s.id.clone(),
                name: s.name.clone(),
                organisation: s.organisation.clone(),
                group,
                reach: placement.reach,
                response,
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
        ))))
    }

    /// A, B and C: crisis routes rank first in their group.
    pub fn crisis_first(&self) -> bool {
        self.i
            .dir
            .triage
            .rank(&self.level.code)
            .is_some_and(|r| r <= 2)
    }

    fn urgency_reason(&self, from: &LevelsFrom) -> String {
        let l = &self.level;
        if shows_codes(self.i.role) {
            match from {
                LevelsFrom::Policy(rule) => {
                    format!("takes {} ({}) — policy rule {rule}", l.code, l.label)
                }
                LevelsFrom::Override(why) => {
                    format!(
                        "takes {} ({}) — the record's own levels: {why}",
                        l.code, l.label
                    )
                }
                LevelsFrom::NoRule => format!("takes {}", l.code),
            }
        } else if matches!(l.window, Window::Minutes(_)) {
            format!("takes calls this urgent ({})", l.window)
        } else {
            format!("suits this call ({})", l.plain.to_lowercase())
        }
    }

    /// A safety-net record as offered: always given, whatever the place, age or need.
    pub fn net_service(&self, s: &Service, reach: Reach) -> OutcomeService {
        let role = self.i.role;
        let status = hours::status(&s.hours, self.cal, self.i.at);
        let (how, _) = how(s, role);
        OutcomeService {
            id: s.id.clone(),
            name: s.name.clone(),
            organisation: s.organisation.clone(),
            group: Group::Reachable,
            reach,
            response: response_for(s, &self.i.dir.triage.policy).0,
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
            contacts: s.contacts_for(role.shows_professional()).cloned().collect(),
            public_info: s.public_info.clone(),
            referral: (shows_codes(role) && !s.referral.is_empty()).then(|| s.referral.clone()),
        }
    }

    /// The safety net in reading order. Records sharing a number (Shout's national and local
    /// keywords) give way to the nearest one that serves the place: HANTS in the area.
    pub fn safety_net(&self) -> Vec<OutcomeService> {
        let digits = |s: &Service| {
            s.primary_public()
                .map(|c| {
                    c.value
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                })
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
