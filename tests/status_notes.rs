//! Status notes with expiry: a closed note makes its service "closed now" in search and the
//! triage outcome for its period, and nowhere after it; a bad note is refused with file, line
//! and field.

mod common;

use common::run;
use signpost::directory::{self, Files};
use signpost::hours::{self, Calendar, State};
use signpost::model::Hours;
use std::path::Path;

const CAMHS_CLOSED: &str = r#"# Short-lived notes, published with the edition.
[[notes]]
service = "southampton-camhs"
kind = "closed"
message = "Closed this afternoon: staff training"
from = "2026-11-18 12:00"
until = "2026-11-18 17:00"
"#;

fn with_notes(notes: &str) -> Files {
    let mut files = directory::embedded();
    files.insert("status-notes.toml".into(), notes.into());
    files
}

/// A desk whose edition in use is the default directory with `notes`.
fn desk(tmp: &Path, notes: &str) -> std::path::PathBuf {
    let folder = tmp.join("directory");
    directory::write_folder(&with_notes(notes), &folder).unwrap();
    let data = tmp.join("desk");
    let (code, out) = run(&data, &["import", folder.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 0, "{out}");
    data
}

/// Fifteen, in Southampton, low mood: Southampton CAMHS (weekdays 09:00-17:00 on its page) is
/// the next step and reachable on a Wednesday afternoon.
fn triage(data: &Path, at: &str) -> String {
    let mut args = vec!["triage".to_string(), "--at".into(), at.into()];
    for a in [
        "danger-now=no",
        "harm-self=no",
        "harm-others=no",
        "injury=no",
        "who=self",
        "age=15",
        "place=Southampton",
        "needs=low-mood-anxiety",
        "behaviour=no",
        "known-to-services=no",
        "perinatal=no",
        "intoxicated=no",
        "children=no",
        "abuse=no",
    ] {
        args.push("--answer".into());
        args.push(a.into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out) = run(data, &args);
    assert_eq!(code, 0, "{out}");
    out
}

/// The lines of one outcome group, from its heading to the next blank line.
fn group<'a>(out: &'a str, heading: &str) -> Vec<&'a str> {
    out.lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn a_closed_note_makes_the_service_closed_now_in_triage_and_search_for_its_period_only() {
    let tmp = tempfile::tempdir().unwrap();
    let data = desk(tmp.path(), CAMHS_CLOSED);
    let during = triage(&data, "2026-11-18T15:00");
    let closed = group(&during, "Fits but closed now (");
    assert!(
        closed
            .iter()
            .any(|l| l.contains("Southampton CAMHS (CAMHS West)")),
        "{during}"
    );
    assert!(
        !group(&during, "Fits and reachable now (")
            .iter()
            .any(|l| l.contains("CAMHS West")),
        "{during}"
    );
    // The next day the note has ended by itself: reachable again, nothing pressed or removed.
    let after = triage(&data, "2026-11-19T15:00");
    assert!(
        group(&after, "Fits and reachable now (")
            .iter()
            .any(|l| l.contains("Southampton CAMHS (CAMHS West)")),
        "{after}"
    );

    let search = |at: &str| {
        run(
            &data,
            &[
                "search",
                "camhs",
                "--where",
                "Southampton",
                "--open-now",
                "--at",
                at,
            ],
        )
        .1
    };
    assert!(!search("2026-11-18 15:00").contains("[southampton-camhs]"));
    // Before the note's period it is open; within the last 30 minutes before the closure it
    // is "closing soon" (HAZ-073), so not listed as reachable now.
    let before = search("2026-11-18 11:29");
    assert!(before.contains("[southampton-camhs]"), "{before}");
    assert!(!search("2026-11-18 11:59").contains("[southampton-camhs]"));
    assert!(search("2026-11-18 16:59")
        .lines()
        .all(|l| !l.contains("[southampton-camhs]")));
    assert!(search("2026-11-19 15:00").contains("[southampton-camhs]"));
    // Without the open-now filter it is listed as closed, with the note saying why.
    let (_, all) = run(
        &data,
        &[
            "search",
            "camhs",
            "--where",
            "Southampton",
            "--at",
            "2026-11-18 15:00",
        ],
    );
    let at = all.find("[southampton-camhs]").expect("listed");
    assert!(
        all[at..].contains(
            "STATUS NOTE: CLOSED until 2026-11-18 17:00: Closed this afternoon: staff training"
        ),
        "{all}"
    );
    let (_, later) = run(
        &data,
        &[
            "search",
            "camhs",
            "--where",
            "Southampton",
            "--at",
            "2026-11-18 17:00",
        ],
    );
    assert!(!later.contains("STATUS NOTE"), "{later}");
}

#[test]
fn show_marks_the_note_while_it_is_in_force_and_drops_it_after() {
    let tmp = tempfile::tempdir().unwrap();
    let data = desk(tmp.path(), CAMHS_CLOSED);
    let (_, during) = run(
        &data,
        &["show", "southampton-camhs", "--at", "2026-11-18 15:00"],
    );
    assert!(
        during.starts_with(
            "! STATUS NOTE: CLOSED until 2026-11-18 17:00: Closed this afternoon: staff training\n"
        ),
        "{during}"
    );
    let (_, after) = run(
        &data,
        &["show", "southampton-camhs", "--at", "2026-11-18 17:00"],
    );
    assert!(!after.contains("STATUS NOTE"), "{after}");
}

#[test]
fn a_closed_note_shuts_even_an_all_hours_service_and_says_when_it_opens() {
    let from = signpost::model::status_note::LocalTime::parse("2026-12-04 18:00").unwrap();
    let until = signpost::model::status_note::LocalTime::parse("2026-12-05 08:00").unwrap();
    let mut h = Hours::all_hours();
    h.closures
        .push(signpost::model::status_note::ClosedPeriod { from, until });
    let cal = Calendar::england_and_wales();
    let at = hours::parse_local("2026-12-04 21:00").unwrap();
    let opens = hours::parse_local("2026-12-05 08:00").unwrap();
    assert_eq!(
        hours::status(&h, &cal, at).state,
        State::Closed {
            next_open: Some(opens)
        }
    );
    let before = hours::parse_local("2026-12-04 17:00").unwrap();
    let s = hours::status(&h, &cal, before);
    assert_eq!(
        s.state,
        State::Open {
            until: Some(hours::parse_local("2026-12-04 18:00").unwrap())
        }
    );
    assert!(!hours::reach(&h, &cal, at, 60).reachable());
    assert!(hours::reach(&h, &cal, at, 12 * 60).reachable());
}

#[test]
fn a_note_for_an_unknown_service_or_ending_before_it_starts_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("directory");
    let bad = "[[notes]]\nservice = \"no-such-service\"\nkind = \"closed\"\nmessage = \"x\"\nfrom = \"2026-12-04 18:00\"\nuntil = \"2026-12-04 17:00\"\n";
    directory::write_folder(&with_notes(bad), &folder).unwrap();
    let (code, out) = run(tmp.path(), &["check", folder.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("status-notes.toml:2: notes[0].service: no service with id 'no-such-service'"),
        "{out}"
    );
    assert!(out.contains("status-notes.toml:6: notes[0].until"), "{out}");
    let malformed = "[[notes]]\nservice = \"southampton-camhs\"\nkind = \"closed\"\nmessage = \"x\"\nfrom = \"tonight\"\nuntil = \"2026-12-04 17:00\"\n";
    directory::write_folder(&with_notes(malformed), &folder).unwrap();
    let (code, out) = run(tmp.path(), &["check", folder.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("status-notes.toml:5: notes[0].from"), "{out}");
}
