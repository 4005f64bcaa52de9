//! Thirty-odd malformed editions, each imported through the real program: each is refused with
//! a message naming its file, line and field, and the stored edition is left untouched.

mod common;

use common::run;
use std::path::Path;

const HAVEN: &str = "services/example-island-haven.toml";
const YOUNG: &str = "services/example-young-people.toml";

/// (what is wrong, file, text to find, replacement, field named, words in the message, anchor).
/// The line named is the line of the anchor in the broken file (empty: where the replacement
/// starts); an empty field means the file could not be parsed far enough to name one.
const CASES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    ("wrong type", HAVEN, "name = \"Example Island Safe Haven\"", "name = 3", "name", "invalid type", ""),
    ("missing required field", HAVEN, "kind = \"phone\"\nlabel = \"Drop-in\"", "label = \"Drop-in\"", "contacts[0]", "missing field `kind`", "[[contacts]]"),
    ("bad date", HAVEN, "seen_on = \"2026-02-01\"", "seen_on = \"2026-13-01\"", "sources[0].seen_on", "not a date", ""),
    ("bad time", HAVEN, "open = \"18:00\"", "open = \"25:00\"", "hours.sessions[0].open", "not a time", ""),
    ("unknown place", HAVEN, "areas = [\"isle-of-wight\"]", "areas = [\"atlantis\"]", "areas[0]", "unknown place 'atlantis'", ""),
    ("unknown category", HAVEN, "categories = [\"crisis\", \"mental-health\"]", "categories = [\"crisis\", \"young-people\"]", "categories[1]", "young-people", ""),
    ("id not the file name", HAVEN, "id = \"example-island-haven\"", "id = \"example-young-people\"", "id", "does not match the file name", ""),
    ("min age above max", HAVEN, "min = 18", "min = 18\nmax = 16", "age.min", "above maximum", ""),
    ("negative age", HAVEN, "min = 18", "min = -1", "age.min", "out of range", ""),
    ("age as a word", HAVEN, "min = 18", "min = \"eighteen\"", "age.min", "is not an age", ""),
    ("unknown contact field", HAVEN, "label = \"Drop-in\"", "colour = \"red\"", "contacts[0].colour", "unknown field", ""),
    ("unknown contact kind", HAVEN, "kind = \"phone\"\nlabel = \"Drop-in\"", "kind = \"fax\"\nlabel = \"Drop-in\"", "contacts[0].kind", "unknown variant", ""),
    ("unknown audience", HAVEN, "audience = \"professional\"", "audience = \"staff\"", "contacts[1].audience", "unknown variant", ""),
    ("letters in a number", HAVEN, "value = \"01632 960001\"", "value = \"0800 CALL NOW\"", "contacts[0].value", "only digits and spaces", ""),
    ("number outside the plan", HAVEN, "value = \"01632 960001\"", "value = \"0900 123 4567\"", "contacts[0].value", "not a UK number", ""),
    ("short code too short", YOUNG, "value = \"85001\"", "value = \"850\"", "contacts[0].value", "not a text short code", ""),
    ("relay without prefix", HAVEN, "kind = \"phone\"\nlabel = \"Drop-in\"", "kind = \"relay\"\nlabel = \"Drop-in\"", "contacts[0].value", "not a relay number", "value = \"01632 960001\""),
    ("malformed web address", HAVEN, "url = \"https://example.org/island-haven\"", "url = \"example dot org\"", "sources[0].url", "not a web address", ""),
    ("session of zero length", HAVEN, "close = \"22:00\"", "close = \"18:00\"", "hours.sessions[0].close", "zero length", ""),
    ("session with no days", HAVEN, "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]", "days = []", "hours.sessions[0].days", "at least one day", ""),
    ("unknown day", HAVEN, "days = [\"mon\", \"tue\",", "days = [\"monday\", \"tue\",", "hours.sessions[0].days[0]", "unknown variant", ""),
    ("weekly hours without sessions", YOUNG, "[[hours.sessions]]\ndays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\nopen = \"09:00\"\nclose = \"17:00\"\n", "", "hours.sessions", "at least one session", "[hours]"),
    ("bank-holiday sessions missing", HAVEN, "bank_holidays = \"as-weekly\"", "bank_holidays = \"sessions\"", "hours.bank_holiday_sessions", "needs sessions", "[hours]"),
    ("exception ends before it starts", HAVEN, "[[sources]]", "[[hours.exceptions]]\nfrom = \"2026-12-26\"\nto = \"2026-12-24\"\nclosed = true\n\n[[sources]]", "hours.exceptions[0].to", "ends before it starts", "to = \"2026-12-24\""),
    ("unconfirmed without a reason", YOUNG, "[age]", "status = \"unconfirmed\"\n\n[age]", "status", "must say why", "status = \"unconfirmed\""),
    ("override with an unknown level", HAVEN, "[[sources]]", "[urgency]\nlevels = [\"Z\"]\nreason = \"test\"\n\n[[sources]]", "urgency.levels[0]", "unknown urgency level 'Z'", "levels = [\"Z\"]"),
    ("override without a reason", HAVEN, "[[sources]]", "[urgency]\nlevels = [\"C\"]\nreason = \"\"\n\n[[sources]]", "urgency.reason", "needs a reason", "reason = \"\""),
    ("verification without who", HAVEN, "by = \"Test maintainer\"", "by = \"\"", "verified.by", "who confirmed it", "by = \"\""),
    ("unparseable TOML", HAVEN, "name = \"Example Island Safe Haven\"", "name = \"Example Island Safe Haven", "", "invalid basic string", ""),
    ("unknown parent place", "places.toml", "parent = \"hampshire\"", "parent = \"wessex\"", "places[3].parent", "unknown place 'wessex'", ""),
    ("malformed postcode district", "places.toml", "postcodes = [\"PO30\", \"PO33\"]", "postcodes = [\"P O30\", \"PO33\"]", "places[5].postcodes[0]", "not a postcode district", ""),
    ("policy names an unknown level", "triage.toml", "levels = [\"E\", \"F\", \"G\"]", "levels = [\"E\", \"F\", \"Q\"]", "policy[2].levels[2]", "unknown urgency level 'Q'", ""),
    ("questionnaire with a cycle", "triage.toml", "id = \"needs\"\nkind = \"multiple\"", "id = \"needs\"\nnext = \"harm\"\nkind = \"multiple\"", "questions", "cycle", ""),
];

fn installed(data: &Path, tmp: &Path) -> (String, String) {
    let ok = tmp.join("ok");
    if !ok.exists() {
        signpost::directory::write_folder(&common::fixture_files(), &ok).unwrap();
    }
    assert_eq!(run(data, &["import", ok.to_str().unwrap(), "--yes"]).0, 0);
    (run(data, &["list"]).1, run(data, &["editions"]).1)
}

#[test]
fn each_malformed_edition_is_refused_naming_file_line_and_field() {
    assert!(CASES.len() >= 30);
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (list_before, editions_before) = installed(&data, tmp.path());
    let mut failures = Vec::new();
    for (i, (what, file, find, replace, field, words, anchor)) in CASES.iter().enumerate() {
        let mut files = common::fixture_files();
        let text = files
            .get(*file)
            .unwrap_or_else(|| panic!("{what}: no {file}"))
            .clone();
        let at = text
            .find(find)
            .unwrap_or_else(|| panic!("{what}: {file} lacks {find:?}"));
        let broken = text.replacen(find, replace, 1);
        let at = if anchor.is_empty() {
            at
        } else {
            broken
                .find(anchor)
                .unwrap_or_else(|| panic!("{what}: no {anchor:?}"))
        };
        let line = broken[..at].matches('\n').count() + 1;
        files.insert(file.to_string(), broken);
        let dir = tmp.path().join(format!("case{i}"));
        signpost::directory::write_folder(&files, &dir).unwrap();
        let (code, out) = run(&data, &["import", dir.to_str().unwrap(), "--yes"]);
        let shown = dir.join(file).display().to_string();
        let located = if field.is_empty() {
            format!("{shown}:{line}: ")
        } else {
            format!("{shown}:{line}: {field}")
        };
        let named = if *field == "questions" {
            out.contains(&shown)
        } else {
            out.contains(&located)
        };
        if code != 1 || !named || !out.contains(words) {
            failures.push(format!(
                "{what}: exit {code}, expected {located:?} and {words:?} in:\n{out}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(
        run(&data, &["list"]).1,
        list_before,
        "the stored edition is untouched"
    );
    assert_eq!(run(&data, &["editions"]).1, editions_before);
}

#[test]
fn unreadable_and_empty_editions_are_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (list_before, _) = installed(&data, tmp.path());
    type Breakage = Box<dyn Fn(&Path)>;
    let cases: [(&str, Breakage, &str); 4] = [
        (
            "non-UTF-8",
            Box::new(|d: &Path| std::fs::write(d.join(HAVEN), [0x69, 0x64, 0xff]).unwrap()),
            "not UTF-8",
        ),
        (
            "empty file",
            Box::new(|d: &Path| std::fs::write(d.join(HAVEN), "").unwrap()),
            "file is empty",
        ),
        (
            "no services",
            Box::new(|d: &Path| {
                for e in std::fs::read_dir(d.join("services")).unwrap() {
                    std::fs::remove_file(e.unwrap().path()).unwrap();
                }
            }),
            "holds no services",
        ),
        (
            "no places file",
            Box::new(|d: &Path| std::fs::remove_file(d.join("places.toml")).unwrap()),
            "places.toml: file is missing",
        ),
    ];
    for (i, (what, break_it, words)) in cases.iter().enumerate() {
        let dir = tmp.path().join(format!("b{i}"));
        signpost::directory::write_folder(&common::fixture_files(), &dir).unwrap();
        break_it(&dir);
        let (code, out) = run(&data, &["import", dir.to_str().unwrap(), "--yes"]);
        assert_eq!(code, 1, "{what}: {out}");
        assert!(out.contains(words), "{what}: {out}");
    }
    assert_eq!(run(&data, &["list"]).1, list_before);
}

#[test]
fn a_config_with_an_unknown_role_names_its_line_and_key() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.toml"),
        "stale_months = 6\n\nrole = \"supervisor\"\n",
    )
    .unwrap();
    let (code, out) = run(tmp.path(), &["list"]);
    assert_eq!(code, 1);
    assert!(out.contains("config.toml:3: role:"), "{out}");
    assert!(out.contains("supervisor"), "{out}");
}
