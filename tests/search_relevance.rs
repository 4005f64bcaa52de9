//! The relevance table: what call handlers really type, against the default directory, with
//! the results they must see first. Judged on a Wednesday afternoon (1 July 2026, 14:00 BST).

use signpost::search::{Group, PlaceInput, Query, Results, Searcher};
use std::sync::Arc;

fn searcher() -> Searcher {
    let dir =
        signpost::directory::parse(&signpost::directory::embedded()).expect("default edition");
    Searcher::new(Arc::new(dir))
}

fn at() -> chrono::DateTime<chrono::Utc> {
    signpost::hours::parse_local("2026-07-01 14:00").unwrap()
}

/// What a row expects of the results, in display order (group by group).
enum Expect {
    /// This service is the very first result.
    First(&'static str),
    /// This service leads its group.
    Leads(Group, &'static str),
    /// All of these are within the first `n` results.
    Top(usize, &'static [&'static str]),
    /// Exactly these services, in any order.
    Only(&'static [&'static str]),
    /// Not in the results at all.
    Absent(&'static str),
}

struct Row {
    text: &'static str,
    place: Option<&'static str>,
    expect: &'static [Expect],
}

use Expect::*;

const TABLE: &[Row] = &[
    // Names and misspellings.
    Row {
        text: "samaritans",
        place: None,
        expect: &[First("samaritans")],
    },
    Row {
        text: "samartians",
        place: None,
        expect: &[First("samaritans")],
    },
    Row {
        text: "samaratins",
        place: None,
        expect: &[First("samaritans")],
    },
    Row {
        text: "samar",
        place: None,
        expect: &[
            First("samaritans"),
            Top(
                3,
                &[
                    "samaritans-isle-of-wight",
                    "samaritans-portsmouth-east-hampshire",
                ],
            ),
        ],
    },
    Row {
        text: "childline",
        place: None,
        expect: &[First("childline")],
    },
    Row {
        text: "chidline",
        place: None,
        expect: &[First("childline")],
    },
    Row {
        text: "shout",
        place: None,
        expect: &[First("shout"), Top(2, &["shout-hampshire-iow"])],
    },
    Row {
        text: "hopeline",
        place: None,
        expect: &[First("papyrus-hopeline247"), Only(&["papyrus-hopeline247"])],
    },
    Row {
        text: "calm",
        place: None,
        expect: &[First("calm")],
    },
    Row {
        text: "beat",
        place: None,
        expect: &[First("beat")],
    },
    Row {
        text: "drinkline",
        place: None,
        expect: &[Only(&["drinkline"])],
    },
    Row {
        text: "alcoholics anonymous",
        place: None,
        expect: &[First("alcoholics-anonymous")],
    },
    Row {
        text: "mix",
        place: None,
        expect: &[First("the-mix")],
    },
    Row {
        text: "999",
        place: None,
        expect: &[First("emergency-services-999")],
    },
    Row {
        text: "italk",
        place: None,
        expect: &[First("talking-therapies-hampshire")],
    },
    Row {
        text: "winstons wish",
        place: None,
        expect: &[First("winstons-wish")],
    },
    Row {
        text: "andys man club",
        place: None,
        expect: &[First("andys-man-club-alton")],
    },
    Row {
        text: "kooth",
        place: None,
        expect: &[First("kooth")],
    },
    // Needs.
    Row {
        text: "gambling",
        place: None,
        expect: &[
            First("national-gambling-helpline"),
            Only(&[
                "national-gambling-helpline",
                "southern-gambling-service",
                "gordon-moody",
            ]),
        ],
    },
    Row {
        text: "gamblng",
        place: None,
        expect: &[First("national-gambling-helpline")],
    },
    Row {
        text: "bereavement child",
        place: None,
        expect: &[
            First("child-bereavement-uk"),
            Top(
                8,
                &[
                    "winstons-wish",
                    "child-death-helpline",
                    "mountbatten-iow-bereavement",
                ],
            ),
        ],
    },
    Row {
        text: "child bereavement",
        place: None,
        expect: &[First("child-bereavement-uk")],
    },
    Row {
        text: "bereavment",
        place: None,
        // A general bereavement need: services wholly about bereavement before the specialist
        // suicide-bereavement one, which still follows.
        expect: &[
            First("child-bereavement-uk"),
            Top(8, &["cruse-national-helpline"]),
            Top(10, &["sobs"]),
        ],
    },
    Row {
        text: "eating",
        place: None,
        expect: &[
            Leads(
                Group::CheckFirst,
                "hampshire-eating-disorder-service-adults",
            ),
            Top(4, &["beat", "leigh-house-eating-disorder-day-programme"]),
        ],
    },
    Row {
        text: "suicide bereavement",
        place: None,
        expect: &[Top(
            4,
            &[
                "amparo-suicide-bereavement",
                "sobs",
                "cruse-support-after-suicide-hiow",
                "winstons-wish",
            ],
        )],
    },
    Row {
        text: "perinatal",
        place: None,
        // The 24/7 PANDAS text line (reachable now) may come before the specialist team, which
        // must still be in the first two.
        expect: &[Top(
            2,
            &["hampshire-perinatal-mental-health", "pandas-text-support"],
        )],
    },
    Row {
        text: "detox",
        place: None,
        expect: &[First("dame-carol-black-detox")],
    },
    Row {
        text: "talkng",
        place: None,
        expect: &[
            Leads(Group::CheckFirst, "talking-change-portsmouth"),
            Top(5, &["talking-therapies-hampshire", "iow-talking-therapies"]),
        ],
    },
    // Kinds of place.
    Row {
        text: "safe haven",
        place: None,
        expect: &[Top(
            6,
            &[
                "havant-adult-safe-haven",
                "aldershot-safe-haven",
                "basingstoke-safe-haven",
                "iow-safe-haven",
            ],
        )],
    },
    Row {
        text: "safe haven",
        place: Some("Havant"),
        expect: &[
            Top(
                3,
                &["havant-adult-safe-haven", "havant-young-persons-safe-haven"],
            ),
            Absent("aldershot-safe-haven"),
        ],
    },
    Row {
        text: "hospice",
        place: None,
        expect: &[Top(
            5,
            &[
                "naomi-house-jacksplace",
                "oakhaven-hospice-bereavement",
                "rowans-hospice-bereavement",
                "st-michaels-hospice-bereavement",
                "mountbatten-hampshire-bereavement",
            ],
        )],
    },
    // Organisations.
    Row {
        text: "mind",
        place: None,
        expect: &[
            First("mind-infoline"),
            Top(
                6,
                &["andover-mind", "solent-mind", "havant-east-hants-mind"],
            ),
        ],
    },
    Row {
        text: "cruse",
        place: None,
        expect: &[Only(&[
            "cruse-national-helpline",
            "cruse-support-after-suicide-hiow",
        ])],
    },
    Row {
        text: "hive",
        place: None,
        expect: &[First("portsmouth-mental-health-hub")],
    },
    // Place + need.
    Row {
        text: "talking",
        place: Some("portsmouth"),
        expect: &[
            Top(
                3,
                &["talking-change-portsmouth", "portsmouth-mental-health-hub"],
            ),
            Absent("talking-therapies-hampshire"),
            Absent("iow-talking-therapies"),
        ],
    },
    Row {
        text: "portsmouth talking",
        place: None,
        expect: &[Top(
            3,
            &["talking-change-portsmouth", "portsmouth-mental-health-hub"],
        )],
    },
    Row {
        text: "camhs",
        place: Some("SO15"),
        expect: &[
            First("southampton-camhs"),
            Absent("hampshire-camhs"),
            Absent("iow-camhs"),
        ],
    },
    Row {
        text: "camhs",
        place: Some("Ryde"),
        expect: &[Top(2, &["iow-camhs"]), Absent("hampshire-camhs")],
    },
    // Local before area-wide before national when relevance ties.
    Row {
        text: "crisis",
        place: Some("PO30"),
        expect: &[
            First("samaritans-isle-of-wight"),
            Leads(Group::CheckFirst, "hiow-cyp-crisis-line"),
            Absent("lighthouse-southampton"),
        ],
    },
];

fn check(r: &Results, row: &Row) -> Result<(), String> {
    let ids = r.ids();
    for e in row.expect {
        let ok = match e {
            First(id) => ids.first() == Some(id),
            Leads(g, id) => r.group(*g).hits.first().map(|h| h.id.as_str()) == Some(*id),
            Top(n, want) => want.iter().all(|w| ids.iter().take(*n).any(|i| i == w)),
            Only(want) => {
                let mut a: Vec<&str> = ids.clone();
                let mut b: Vec<&str> = want.to_vec();
                a.sort();
                b.sort();
                a == b
            }
            Absent(id) => !ids.contains(id),
        };
        if !ok {
            let what = match e {
                First(id) => format!("first {id}"),
                Leads(g, id) => format!("{id} leads {g:?}"),
                Top(n, w) => format!("top {n} has {w:?}"),
                Only(w) => format!("only {w:?}"),
                Absent(id) => format!("no {id}"),
            };
            return Err(format!(
                "'{}' (where {:?}): expected {what}; got {:?}",
                row.text,
                row.place,
                ids.iter().take(10).collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

#[test]
fn relevance_table_holds_on_the_default_directory() {
    assert!(TABLE.len() >= 25, "the table has at least 25 queries");
    let mut s = searcher();
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|row| {
            let mut q = Query::new(row.text, at());
            q.place = row.place.map(|p| PlaceInput::Text(p.to_string()));
            check(&s.search(&q), row).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} row(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_holds_when_typed_one_keystroke_at_a_time() {
    // The TUI reuses work between keystrokes; the answer must be the one a fresh search gives.
    let mut typed = searcher();
    let mut fresh = searcher();
    for row in TABLE {
        let mut last = None;
        for (i, c) in row.text.char_indices() {
            let mut q = Query::new(&row.text[..i + c.len_utf8()], at());
            q.place = row.place.map(|p| PlaceInput::Text(p.to_string()));
            last = Some((typed.search(&q), q));
        }
        let (r, q) = last.expect("non-empty text");
        fresh.clear_word_cache();
        assert_eq!(
            r,
            fresh.search(&q),
            "'{}' typed differs from fresh",
            row.text
        );
    }
}

#[test]
fn samaritans_misspelt_finds_the_national_line_before_its_branches() {
    let mut s = searcher();
    let r = s.search(&Query::new("samartians", at()));
    let first = r.hits().next().expect("a result");
    assert_eq!(first.id, "samaritans");
    assert!(
        first
            .reasons
            .iter()
            .any(|x| x.text.contains("read as 'samaritans'")),
        "{:?}",
        first.reasons
    );
    // The name is highlighted where the correction matched.
    assert_eq!(
        first.positions(signpost::search::Field::Name, 0),
        (0..10).collect::<Vec<_>>()
    );
}
