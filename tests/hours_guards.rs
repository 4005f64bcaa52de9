//! Guards on the hours engine: its named instants are real flips, and it never reads a clock.

mod hours_support;

mod invariants {
    use super::hours_support::*;
    use chrono::Duration;
    use proptest::prelude::*;
    use signpost::hours::{status, State};
    use signpost::model::{BankHolidayRule, Clock, Day, Hours, HoursKind, Session};
    use std::mem::discriminant;

    fn rule(i: u8) -> BankHolidayRule {
        [
            BankHolidayRule::AsWeekly,
            BankHolidayRule::Closed,
            BankHolidayRule::Sessions,
            BankHolidayRule::NotConfirmed,
        ][i as usize % 4]
    }

    fn hours_from(sessions: Vec<(u8, u16, u16)>, r: u8) -> Hours {
        let mut h = Hours {
            kind: HoursKind::Weekly,
            bank_holidays: rule(r),
            bank_holiday_sessions: vec![span("10:00", "14:00")],
            ..Default::default()
        };
        for (days, open, len) in sessions {
            let open = open % 96 * 15;
            let close = (open + 15 + len % 95 * 15) % 1440;
            h.sessions.push(Session {
                days: Day::ALL
                    .iter()
                    .copied()
                    .filter(|d| days & (1 << d.index()) != 0)
                    .collect(),
                open: Clock(open),
                close: Clock(if close == 0 { 1440 } else { close }),
            });
        }
        h
    }

    proptest! {
        // Around every answer, the instants the engine names are where the state really flips.
        #[test]
        fn named_instants_are_real_flips(
            sessions in prop::collection::vec((1u8..128, 0u16..96, 0u16..95), 1..4),
            r in 0u8..4,
            minute in 0i64..(4 * 365 * 1440),
        ) {
            let h = hours_from(sessions, r);
            let t = utc("2025-01-01T00:00:00Z") + Duration::minutes(minute);
            let s = status(&h, &cal(), t);
            let second = Duration::seconds(1);
            if let Some(c) = s.next_change {
                prop_assert!(c > t);
                let before = status(&h, &cal(), c - second).state;
                prop_assert_eq!(discriminant(&before), discriminant(&s.state));
                let after = status(&h, &cal(), c).state;
                prop_assert_ne!(discriminant(&after), discriminant(&s.state));
            }
            match s.state {
                State::Open { until: Some(u) } => {
                    prop_assert_eq!(Some(u), s.next_change);
                    prop_assert!(!status(&h, &cal(), u).is_open());
                }
                State::Closed { next_open: Some(n) } => {
                    prop_assert!(status(&h, &cal(), n).is_open());
                    prop_assert!(!status(&h, &cal(), n - second).is_open());
                }
                _ => {}
            }
            // A doubtful bank holiday is never shown open on its own sessions.
            if s.state == State::MayBeClosedBankHoliday {
                prop_assert_eq!(h.bank_holidays, BankHolidayRule::NotConfirmed);
            }
        }
    }
}

/// Identifiers in code, leaving out comments and string literals (which may name anything).
fn code_tokens(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .map(|l| l.split('"').step_by(2).collect::<String>())
        .flat_map(|l| {
            l.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_code_uses_the_machine_time_zone_and_hours_reads_no_clock() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.iter().any(|f| f.ends_with("hours/london.rs")));
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let tokens = code_tokens(&text);
        // chrono's `Local` (not any type that happens to be called Local): reached through a
        // path, a call, or a `use chrono::{..}` list.
        let code: String = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let chrono_use_local = code
            .split(';')
            .filter(|stmt| stmt.trim_start().starts_with("use chrono"))
            .any(|stmt| code_tokens(stmt).iter().any(|t| t == "Local"));
        let uses_local =
            code.contains("chrono::Local") || code.contains("Local::now") || chrono_use_local;
        assert!(
            !uses_local && !tokens.iter().any(|t| t == "iana_time_zone"),
            "{} uses the machine's time zone",
            f.display()
        );
        if f.components().any(|c| c.as_os_str() == "hours") {
            let code: String = text
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect();
            for banned in ["::now(", "SystemTime", "Instant::", ".today("] {
                assert!(
                    !code.contains(banned),
                    "{} reads a clock ({banned})",
                    f.display()
                );
            }
        }
    }
}
