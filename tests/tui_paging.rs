//! Paging the results visits every row: from the top, PgDn shows each row exactly once across
//! the pages, and PgUp comes back to the top — at 80x24, 120x40 and random sizes, over random
//! lists with group headings, rows that wrap, and "more in this group" notes.

mod tui_support;

use proptest::prelude::*;
use signpost::app::{self, Action, App, Badge, BadgeState, Group, Listing, Row, Step};
use signpost::search::Group as Kind;
use std::collections::BTreeMap;
use tui_support::*;

fn row(n: usize, long: bool) -> Row {
    // Every row's name is unique and short enough never to wrap; the organisation may be long,
    // so some rows take more lines than others.
    let organisation = if long {
        "An Organisation With A Long Name That Wraps Onto Another Line At Narrow Widths".into()
    } else {
        "Org".into()
    };
    Row {
        id: format!("id{n}"),
        name: format!("ROW{n:03}#"),
        name_hits: Vec::new(),
        organisation,
        organisation_hits: Vec::new(),
        badge: Badge {
            state: BadgeState::Open,
            text: "OPEN all hours".into(),
        },
        age: "all ages".into(),
        number: Some("0800 000 0000".into()),
        unconfirmed: n % 5 == 0,
        not_verified: true,
        stale: false,
        reasons: Vec::new(),
        caution: String::new(),
        status_notes: Vec::new(),
    }
}

/// A listing with groups of the given sizes (empty groups are kept, as the search gives them).
fn listing(sizes: &[(usize, bool)], long_every: usize) -> Listing {
    let kinds = Kind::ALL;
    let mut n = 0;
    let groups = sizes
        .iter()
        .zip(kinds)
        .map(|(&(size, capped), kind)| Group {
            kind,
            total: size + if capped { 7 } else { 0 },
            rows: (0..size)
                .map(|_| {
                    n += 1;
                    row(n, long_every > 0 && n % long_every == 0)
                })
                .collect(),
        })
        .collect();
    Listing {
        groups,
        ..Listing::default()
    }
}

/// The row names on the screen, top to bottom.
fn names_on(screen: &str) -> Vec<String> {
    let mut out = Vec::new();
    for l in screen.lines() {
        let mut rest = l;
        while let Some(i) = rest.find("ROW") {
            let tail = &rest[i..];
            if let Some(end) = tail.find('#') {
                out.push(tail[..end].to_string());
                rest = &tail[end..];
            } else {
                break;
            }
        }
    }
    out
}

fn app_with_listing(l: Listing) -> App {
    let mut a = app();
    // The list has the keyboard; the listing stands as given (no clock tick rebuilds it).
    app::update(&mut a, Action::Back);
    a.listing = l;
    a.selected = 0;
    a
}

/// Page down from the top until the screen stops changing, then back up. Returns a failure
/// message, or None when every row was shown exactly once and PgUp came back to the top.
fn check(l: Listing, w: u16, h: u16) -> Option<String> {
    check_app(app_with_listing(l), w, h, |r| {
        r.name.trim_end_matches('#').to_string()
    })
}

fn check_app(mut a: App, w: u16, h: u16, label: impl Fn(&Row) -> String) -> Option<String> {
    let total = a.listing.len();
    let all: Vec<String> = a.listing.rows().map(label).collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    // A page is the rows it shows; the last PgDn only moves the selection onto the last row.
    let mut last_page = Vec::new();
    for _ in 0..=total + 1 {
        let page = names_on(&screen_text(&a, w, h));
        if page == last_page {
            break;
        }
        for n in &page {
            *seen.entry(n.clone()).or_default() += 1;
        }
        last_page = page;
        app::update(&mut a, Action::Move(Step::PageDown));
    }
    let missing: Vec<&String> = all.iter().filter(|n| !seen.contains_key(*n)).collect();
    if !missing.is_empty() {
        return Some(format!("{w}x{h}: never shown: {missing:?}"));
    }
    if let Some((n, c)) = seen.iter().find(|(_, c)| **c != 1) {
        return Some(format!("{w}x{h}: {n} shown on {c} pages"));
    }
    if a.selected + 1 != total {
        return Some(format!("{w}x{h}: paging down ends on row {}", a.selected));
    }
    let mut last_screen = String::new();
    for _ in 0..=total + 1 {
        app::update(&mut a, Action::Move(Step::PageUp));
        let s = screen_text(&a, w, h);
        if s == last_screen {
            break;
        }
        last_screen = s;
    }
    let top = names_on(&last_screen);
    if a.selected != 0 || top.first() != all.first() || last_screen.contains("more above") {
        return Some(format!(
            "{w}x{h}: paging up ends on row {} showing {top:?}:\n{last_screen}",
            a.selected
        ));
    }
    None
}

fn sizes() -> impl Strategy<Value = Vec<(usize, bool)>> {
    prop::collection::vec((0usize..40, any::<bool>()), 1..=3)
        .prop_filter("at least one row", |v| v.iter().any(|(n, _)| *n > 0))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn paging_visits_every_row_at_80x24(g in sizes(), long in 0usize..4) {
        if let Some(e) = check(listing(&g, long), 80, 24) { prop_assert!(false, "{}", e); }
    }

    #[test]
    fn paging_visits_every_row_at_120x40(g in sizes(), long in 0usize..4) {
        if let Some(e) = check(listing(&g, long), 120, 40) { prop_assert!(false, "{}", e); }
    }

    #[test]
    fn paging_visits_every_row_at_random_sizes(
        g in sizes(), long in 0usize..4, w in 60u16..200, h in 16u16..60,
    ) {
        if let Some(e) = check(listing(&g, long), w, h) { prop_assert!(false, "{}", e); }
    }
}

#[test]
fn the_list_says_what_is_above_and_below() {
    let mut a = app_with_listing(listing(&[(30, false), (10, true)], 0));
    let s = screen_text(&a, 80, 24);
    assert!(
        s.contains("more below (↓, PgDn)") && !s.contains("more above"),
        "{s}"
    );
    let shown = names_on(&s).len();
    assert!(s.contains(&format!("… {} more below", 40 - shown)), "{s}");
    app::update(&mut a, Action::Move(Step::PageDown));
    let s = screen_text(&a, 80, 24);
    assert!(
        s.contains(&format!("… {shown} more above (↑, PgUp)")),
        "{s}"
    );
    assert!(s.contains("Fits and reachable now (30, continued)"), "{s}");
}

#[test]
fn arrow_keys_scroll_one_row_and_keep_the_view_still_otherwise() {
    let mut a = app_with_listing(listing(&[(30, false)], 0));
    let first = names_on(&screen_text(&a, 80, 24));
    app::update(&mut a, Action::Move(Step::Down));
    assert_eq!(
        names_on(&screen_text(&a, 80, 24)),
        first,
        "still on the page"
    );
    for _ in 0..first.len() {
        app::update(&mut a, Action::Move(Step::Down));
        let _ = screen_text(&a, 80, 24);
    }
    let now = names_on(&screen_text(&a, 80, 24));
    // One Down, then as many as the first page held: the selection is on row len + 2 (1-based),
    // at the bottom of the view, which moved by whole rows only.
    assert_eq!(
        now.last(),
        Some(&format!("ROW{:03}", first.len() + 2)),
        "{now:?}"
    );
    assert!(now.len() >= first.len() - 1, "{now:?}");
}

/// The call that lost services: the default directory, "crisis", age 34, a Tuesday at 23:30,
/// 80x24. Every row is seen once paging down (the names are the directory's own, so each page's
/// rows are found by the selection: the first row of each page is selected after PgDn).
#[test]
fn paging_the_default_directory_for_crisis_at_80x24_shows_every_service() {
    let dir = signpost::directory::parse(&signpost::directory::embedded()).unwrap();
    let mut a = app_with(
        dir,
        signpost::model::Role::Handler,
        signpost::config::Theme::Default,
        None,
        at(2026, 12, 1, 23, 30),
    );
    run(&mut a, [Action::EditAge]);
    run(&mut a, typed("34"));
    run(&mut a, [Action::Confirm]);
    run(&mut a, typed("crisis"));
    run(&mut a, [Action::Back]);
    let total = a.listing.len();
    assert!(total > 10, "a list longer than a page: {total}");
    // Each row's place in the list is read off the screen by its selection: walk with PgDn,
    // noting the rows each page shows by index (from what the view reported it drew).
    let mut covered = vec![0usize; total];
    let mut last = None;
    for _ in 0..=total {
        let _ = screen_text(&a, 80, 24);
        let shown = a.paging.shown.get().expect("drawn");
        if Some(shown) == last {
            break;
        }
        for c in &mut covered[shown.first..=shown.last] {
            *c += 1;
        }
        // And the screen carries each shown row's number line.
        let s = screen_text(&a, 80, 24);
        for r in shown.first..=shown.last {
            let row = a.listing.row(r).unwrap();
            assert!(
                s.contains(row.name.as_str()) || row.name.len() > 60,
                "{} not on:\n{s}",
                row.name
            );
        }
        last = Some(shown);
        run(&mut a, [Action::Move(Step::PageDown)]);
    }
    assert!(covered.iter().all(|&c| c == 1), "{covered:?}");
}
