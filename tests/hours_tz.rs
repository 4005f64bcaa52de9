//! The real binary answers in London time whatever the machine's time zone or tz database says.

mod common;

use std::path::Path;

/// Wed 1 Jul 2026 19:00 BST is 18:00 UTC: London's summer offset decides the answer. Read as
/// UTC it would be 20:00 BST, and read as New York time 00:00 BST the next day.
const AT: &str = "2026-07-01 19:00";

/// Environment variables to set (Some) or remove (None) for one run.
type Env<'a> = Vec<(&'a str, Option<&'a str>)>;

fn show(data: &Path, env: &Env, format: &str) -> String {
    let mut cmd = common::command(data);
    cmd.args(["show", "calm", "--at", AT, "--format", format]);
    for (k, v) in env.iter() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let out = cmd.output().expect("run signpost");
    assert!(
        out.status.success(),
        "signpost failed under {env:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn assert_london(text: &str, json: &str, how: &str) {
    assert!(
        text.contains("At Wed 1 Jul 2026 19:00 BST: open until midnight"),
        "{how}: text answer is not London's:\n{text}"
    );
    assert!(
        text.contains("> Wed 01 Jul  17:00–24:00"),
        "{how}: the wrong day is marked:\n{text}"
    );
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    let h = &v["hours_at"];
    assert_eq!(h["at"], "2026-07-01T18:00:00+00:00", "{how}");
    assert_eq!(h["open"], true, "{how}");
    assert_eq!(h["closes_at"], "2026-07-01T23:00:00+00:00", "{how}");
}

#[test]
fn answers_in_london_time_without_a_tz_database_or_in_another_zone() {
    let empty_tzdir = tempfile::tempdir().unwrap();
    let tzdir = empty_tzdir.path().to_str().unwrap();
    let cases: [(&str, Env); 4] = [
        (
            "TZ unset, empty TZDIR",
            vec![("TZ", None), ("TZDIR", Some(tzdir))],
        ),
        // A machine set to London but with no database would silently run on UTC.
        (
            "TZ=Europe/London, empty TZDIR",
            vec![("TZ", Some("Europe/London")), ("TZDIR", Some(tzdir))],
        ),
        (
            "TZ=America/New_York",
            vec![("TZ", Some("America/New_York")), ("TZDIR", None)],
        ),
        // A POSIX rule needs no database, so this one certainly takes effect for local time.
        ("TZ=EST5EDT", vec![("TZ", Some("EST5EDT,M3.2.0,M11.1.0"))]),
    ];
    for (how, env) in cases {
        let data = tempfile::tempdir().unwrap();
        let text = show(data.path(), &env, "text");
        let json = show(data.path(), &env, "json");
        assert_london(&text, &json, how);
    }
}
