//! Open-now states, worked out once per distinct set of opening hours and instant: most
//! services share a handful of patterns ("Mon–Fri 9–5", "24/7"), so a 100k directory needs a
//! few hundred hours calculations per minute, not 100k.

use crate::hours::{self, Calendar, Reach, ReachKind, State, Status};
use crate::model::{Hours, Service};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

pub const OPEN: u8 = 1;
pub const CLOSED: u8 = 2;
/// Hours not confirmed, or a bank holiday whose rule is not confirmed: never "open".
pub const UNSURE: u8 = 3;

/// Above this many patterns still to work out, use both cores.
const PARALLEL: usize = 512;

/// Everything the hours engine reads (the source's wording is not).
fn fingerprint(h: &Hours) -> u64 {
    let mut s = DefaultHasher::new();
    std::mem::discriminant(&h.kind).hash(&mut s);
    std::mem::discriminant(&h.bank_holidays).hash(&mut s);
    for x in &h.sessions {
        (&x.days, x.open, x.close).hash(&mut s);
    }
    for x in &h.bank_holiday_sessions {
        (x.open, x.close).hash(&mut s);
    }
    for e in &h.exceptions {
        (e.from, e.to, e.closed).hash(&mut s);
        for x in &e.sessions {
            (x.open, x.close).hash(&mut s);
        }
    }
    s.finish()
}

fn same(a: &Hours, b: &Hours) -> bool {
    a.kind == b.kind
        && a.bank_holidays == b.bank_holidays
        && a.sessions == b.sessions
        && a.bank_holiday_sessions == b.bank_holiday_sessions
        && a.exceptions.len() == b.exceptions.len()
        && a.exceptions.iter().zip(&b.exceptions).all(|(x, y)| {
            (x.from, x.to, x.closed, &x.sessions) == (y.from, y.to, y.closed, &y.sessions)
        })
}

#[derive(Debug, Clone)]
pub struct OpenStates {
    /// Per service: its hours pattern.
    class_of: Vec<u32>,
    /// Per pattern: a service that has it.
    example: Vec<u32>,
    /// The instant and response window (minutes; `None`: open now) the answers are for.
    at: Option<(DateTime<Utc>, Option<u32>)>,
    /// Per pattern: its answer for `at`, once worked out.
    status: Vec<Option<Judged>>,
    /// Per pattern: its answer's code (0 until worked out), read for every candidate on every
    /// keystroke, so worked out once with the answer.
    codes: Vec<u8>,
    /// How many patterns have their answer for `at`: when all do, there is nothing to prepare.
    known: usize,
}

/// One pattern's answer: its status now and, with a response window, whether it can be reached
/// within it (open now and not closing within 30 minutes, or opening within the window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub status: Status,
    pub reach: Option<Reach>,
}

impl Judged {
    /// What a handler reads: "open until 22:00", or with a window "opens Mon 09:00, within 3 days".
    pub fn text(&self) -> String {
        if hours::soon::closing_soon(&self.status).is_some() {
            return self.status.text();
        }
        match &self.reach {
            Some(r) => r.reason(),
            None => self.status.text(),
        }
    }

    /// The next certain opening when it is not reachable now.
    pub fn next_opening(&self) -> Option<DateTime<Utc>> {
        match self.reach.map(|r| r.kind) {
            Some(ReachKind::OpensWithin { opens }) => Some(opens),
            Some(ReachKind::ClosingSoon { next_open, .. })
            | Some(ReachKind::NotWithin { next_open })
            | Some(ReachKind::Unsure { next_open, .. }) => next_open,
            Some(ReachKind::OpenNow { .. }) => None,
            None => match self.status.state {
                State::Closed { next_open } => next_open,
                _ => None,
            },
        }
    }

    pub fn code(&self) -> u8 {
        // Closing soon: open, but check before giving — as the triage outcome has it.
        if hours::soon::closing_soon(&self.status).is_some() {
            return UNSURE;
        }
        match (self.reach.map(|r| r.kind), self.status.state) {
            (Some(ReachKind::OpenNow { .. } | ReachKind::OpensWithin { .. }), _) => OPEN,
            (Some(ReachKind::Unsure { .. }), _) => UNSURE,
            (Some(_), _) => CLOSED,
            (None, State::Open { .. }) => OPEN,
            (None, State::Closed { .. }) => CLOSED,
            (None, _) => UNSURE,
        }
    }
}

impl OpenStates {
    pub fn new(services: &[Service]) -> Self {
        let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut example: Vec<u32> = Vec::new();
        let class_of = services
            .iter()
            .enumerate()
            .map(|(doc, s)| {
                let same_hash = by_hash.entry(fingerprint(&s.hours)).or_default();
                match same_hash
                    .iter()
                    .find(|&&c| same(&services[example[c as usize] as usize].hours, &s.hours))
                {
                    Some(&c) => c,
                    None => {
                        let c = example.len() as u32;
                        example.push(doc as u32);
                        same_hash.push(c);
                        c
                    }
                }
            })
            .collect();
        let n = example.len();
        OpenStates {
            class_of,
            example,
            at: None,
            status: vec![None; n],
            codes: vec![0; n],
            known: 0,
        }
    }

    pub fn patterns(&self) -> usize {
        self.example.len()
    }

    /// Work out the answer at `at` (within `window` minutes, if given) of every pattern these
    /// services use.
    pub fn prepare(
        &mut self,
        services: &[Service],
        cal: &Calendar,
        at: DateTime<Utc>,
        window: Option<u32>,
        docs: &[u32],
    ) {
        if self.at != Some((at, window)) {
            self.status.iter_mut().for_each(|s| *s = None);
            self.codes.iter_mut().for_each(|c| *c = 0);
            self.known = 0;
            self.at = Some((at, window));
        }
        if self.known == self.status.len() {
            return;
        }
        let unknown = self.status.len() - self.known;
        // Asked about more services than there are patterns left: work out every pattern left
        // (a few hundred hours calculations at most) rather than sort out which these use.
        let mut todo: Vec<u32> = if docs.len() >= unknown {
            (0..self.status.len() as u32)
                .filter(|&c| self.status[c as usize].is_none())
                .collect()
        } else {
            docs.iter()
                .map(|&d| self.class_of[d as usize])
                .filter(|&c| self.status[c as usize].is_none())
                .collect()
        };
        todo.sort_unstable();
        todo.dedup();
        let example = &self.example;
        let judge = |c: u32| {
            let h = &services[example[c as usize] as usize].hours;
            Judged {
                status: hours::status(h, cal, at),
                reach: window.map(|w| hours::reach(h, cal, at, w)),
            }
        };
        let done: Vec<Judged> = if todo.len() >= PARALLEL {
            let (a, b) = todo.split_at(todo.len() / 2);
            std::thread::scope(|sc| {
                let first = sc.spawn(|| a.iter().map(|&c| judge(c)).collect::<Vec<_>>());
                let second: Vec<Judged> = b.iter().map(|&c| judge(c)).collect();
                let mut all = first
                    .join()
                    .unwrap_or_else(|_| a.iter().map(|&c| judge(c)).collect());
                all.extend(second);
                all
            })
        } else {
            todo.iter().map(|&c| judge(c)).collect()
        };
        for (c, s) in todo.into_iter().zip(done) {
            self.codes[c as usize] = s.code();
            self.status[c as usize] = Some(s);
            self.known += 1;
        }
    }

    /// Every pattern has its answer for this instant and window: nothing to prepare.
    pub fn ready(&self, at: DateTime<Utc>, window: Option<u32>) -> bool {
        self.at == Some((at, window)) && self.known == self.status.len()
    }

    /// The answer for a service at the prepared instant and window, once prepared.
    pub fn judged(&self, doc: usize) -> Option<&Judged> {
        self.status[self.class_of[doc] as usize].as_ref()
    }

    pub fn code(&self, doc: usize) -> u8 {
        match self.codes[self.class_of[doc] as usize] {
            0 => UNSURE,
            c => c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Day, HoursKind, Session};

    fn weekly(open: u16, close: u16, wording: &str) -> Service {
        Service {
            hours: Hours {
                kind: HoursKind::Weekly,
                wording: wording.into(),
                sessions: vec![Session {
                    days: Day::ALL.to_vec(),
                    open: Clock::hm(open, 0),
                    close: Clock::hm(close, 0),
                }],
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn one_calculation_per_pattern_and_the_same_answer_as_the_engine() {
        let services = vec![
            weekly(9, 17, "9 to 5"),
            weekly(9, 17, "nine till five"),
            weekly(18, 23, "evenings"),
            Service::default(),
        ];
        let mut o = OpenStates::new(&services);
        assert_eq!(o.patterns(), 3, "wording does not make a new pattern");
        let cal = Calendar::england_and_wales();
        let at = crate::hours::parse_local("2026-07-01 14:00").unwrap();
        o.prepare(&services, &cal, at, None, &[0, 1, 2, 3]);
        for (d, s) in services.iter().enumerate() {
            assert_eq!(
                o.judged(d).map(|j| j.status),
                Some(hours::status(&s.hours, &cal, at))
            );
        }
        assert_eq!(
            [o.code(0), o.code(1), o.code(2), o.code(3)],
            [OPEN, OPEN, CLOSED, UNSURE]
        );
        // Within a 4-hour window the evening pattern (opens 18:00) is reachable too.
        o.prepare(&services, &cal, at, Some(240), &[0, 1, 2, 3]);
        assert_eq!(
            [o.code(0), o.code(1), o.code(2), o.code(3)],
            [OPEN, OPEN, OPEN, UNSURE]
        );
        assert!(o.judged(2).unwrap().text().starts_with("opens 18:00"));
    }
}
