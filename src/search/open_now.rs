//! Open-now states, worked out once per distinct set of opening hours and instant: most
//! services share a handful of patterns ("Mon–Fri 9–5", "24/7"), so a 100k directory needs a
//! few hundred hours calculations per minute, not 100k.

use crate::hours::{self, Calendar, State, Status};
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
    at: Option<DateTime<Utc>>,
    /// Per pattern: its status at `at`, once worked out.
    status: Vec<Option<Status>>,
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
        }
    }

    pub fn patterns(&self) -> usize {
        self.example.len()
    }

    /// Work out the status at `at` of every pattern these services use.
    pub fn prepare(
        &mut self,
        services: &[Service],
        cal: &Calendar,
        at: DateTime<Utc>,
        docs: &[u32],
    ) {
        if self.at != Some(at) {
            self.status.iter_mut().for_each(|s| *s = None);
            self.at = Some(at);
        }
        let mut todo: Vec<u32> = docs
            .iter()
            .map(|&d| self.class_of[d as usize])
            .filter(|&c| self.status[c as usize].is_none())
            .collect();
        todo.sort_unstable();
        todo.dedup();
        let example = &self.example;
        let judge = |c: u32| hours::status(&services[example[c as usize] as usize].hours, cal, at);
        let done: Vec<Status> = if todo.len() >= PARALLEL {
            let (a, b) = todo.split_at(todo.len() / 2);
            std::thread::scope(|sc| {
                let first = sc.spawn(|| a.iter().map(|&c| judge(c)).collect::<Vec<_>>());
                let second: Vec<Status> = b.iter().map(|&c| judge(c)).collect();
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
            self.status[c as usize] = Some(s);
        }
    }

    /// The status of a service at the prepared instant (it must have been prepared).
    pub fn status(&self, doc: usize) -> Option<&Status> {
        self.status[self.class_of[doc] as usize].as_ref()
    }

    pub fn code(&self, doc: usize) -> u8 {
        match self.status(doc).map(|s| s.state) {
            Some(State::Open { .. }) => OPEN,
            Some(State::Closed { .. }) => CLOSED,
            _ => UNSURE,
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
        o.prepare(&services, &cal, at, &[0, 1, 2, 3]);
        for (d, s) in services.iter().enumerate() {
            assert_eq!(o.status(d), Some(&hours::status(&s.hours, &cal, at)));
        }
        assert_eq!(
            [o.code(0), o.code(1), o.code(2), o.code(3)],
            [OPEN, OPEN, CLOSED, UNSURE]
        );
    }
}
