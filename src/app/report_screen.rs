//! The report screen: this machine's tallies as charts (calls by need, no local service by place,
//! calls by week), suppressed like every report.
//!
//! `r` asks the shell for the stored rows (`Effect::LoadTallies`); the shell hands them back
//! as `Action::TalliesLoaded`, so `update` never touches the store and every state here can be
//! tested with fixture rows. Only this machine's rows are shown: merging other machines' exports
//! stays in `signpost report --merge`.

use super::{clock, Action, App, Effect, Screen};
use crate::model::Date;
use crate::report::chart::{self, ChartBar};
use crate::report::{self, Tally};

/// The weeks the screen covers, ending with this week.
pub const WEEKS: usize = 8;

/// What the shell found in this machine's tally store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyLoad {
    Read {
        tallies: Vec<Tally>,
        /// Stored rows that could not be decoded; left out, and said so.
        unreadable: usize,
    },
    /// The store could not be read (read-only, locked, damaged): why, in words.
    Failed(String),
}

/// Decode the stored rows, keeping every readable one: one damaged row must not hide the rest.
pub fn read_rows(rows: &[Vec<u8>]) -> TallyLoad {
    let mut tallies = Vec::with_capacity(rows.len());
    let mut unreadable = 0;
    for r in rows {
        match Tally::decode(r) {
            Ok(t) => tallies.push(t),
            Err(_) => unreadable += 1,
        }
    }
    TallyLoad::Read {
        tallies,
        unreadable,
    }
}

/// What the report screen shows, decided here so the view only draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportView {
    /// Asked the shell; nothing back yet.
    Loading,
    Failed(String),
    /// Not one tally row on this machine.
    NoCalls {
        unreadable: usize,
    },
    Charts(Charts),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charts {
    pub first_day: Date,
    pub last_day: Date,
    /// Calls in these weeks, as every report shows a total: a count of all stored rows would
    /// equal it whenever every row is recent, and give away a withheld week.
    pub calls: String,
    pub unreadable: usize,
    /// Calls by need in these weeks, largest first, suppressed ones after.
    pub needs: Vec<ChartBar>,
    /// Calls where no local service fitted, by the caller's place, in these weeks.
    pub gaps_by_place: Vec<ChartBar>,
    /// Calls in each week, oldest first.
    pub weeks: Vec<ChartBar>,
}

/// `r` from the search screen: show the screen at once, and ask the shell for the rows.
fn open(app: &mut App) -> Vec<Effect> {
    app.help = false;
    app.screen = Screen::Report;
    app.report = None;
    vec![Effect::LoadTallies]
}

/// The report screen's own handling; None leaves the action to the other screens' handling
/// (quit, new call, help, the clock, the emergency key).
pub fn on_action(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    match action {
        Action::OpenReport if app.screen == Screen::Search => return Some(open(app)),
        Action::TalliesLoaded(load) => {
            // Rows that arrive after the handler has left are not kept.
            if app.screen == Screen::Report {
                app.report = Some(load.clone());
            }
            return Some(Vec::new());
        }
        _ => {}
    }
    if app.screen != Screen::Report || app.help {
        return None;
    }
    match action {
        Action::Back => {
            app.screen = Screen::Search;
            app.report = None;
            Some(Vec::new())
        }
        Action::Quit
        | Action::NewCall
        | Action::ToggleHelp
        | Action::Tick(_)
        | Action::Notice(_)
        | Action::Problem(_)
        | Action::Emergency => None,
        // Nothing else acts here: the search behind the screen stays as the handler left it.
        _ => Some(Vec::new()),
    }
}

/// The screen's content for the loaded rows and the app's clock.
pub fn view(app: &App) -> ReportView {
    match &app.report {
        None => ReportView::Loading,
        Some(TallyLoad::Failed(why)) => ReportView::Failed(why.clone()),
        Some(TallyLoad::Read {
            tallies,
            unreadable,
        }) if tallies.is_empty() => ReportView::NoCalls {
            unreadable: *unreadable,
        },
        Some(TallyLoad::Read {
            tallies,
            unreadable,
        }) => ReportView::Charts(charts(app, tallies, *unreadable)),
    }
}

fn charts(app: &App, tallies: &[Tally], unreadable: usize) -> Charts {
    let today = Date(clock::london_date(app.now));
    let mondays = chart::last_weeks(today, WEEKS);
    let first_day = mondays[0];
    let r = report::build(tallies, Some(first_day), Some(today));
    Charts {
        first_day,
        last_day: today,
        calls: r.total_calls_shown(),
        unreadable,
        needs: needs(app, &r),
        gaps_by_place: gaps_by_place(app, &r),
        weeks: chart::weekly_calls(&r, &mondays),
    }
}

/// Needs in the questionnaire's order (needs it no longer asks after, by id), then largest
/// first: the order suppressed bars keep never depends on their counts.
fn needs(app: &App, r: &report::Report) -> Vec<ChartBar> {
    let listed = &app.directory.triage.needs;
    let mut rows: Vec<&report::Row> = r.dimension("need").collect();
    rows.sort_by_key(|row| {
        let at = listed.iter().position(|n| n.id == row.key);
        (at.unwrap_or(usize::MAX), row.key.clone())
    });
    let bars = rows
        .into_iter()
        .map(|row| {
            let label = listed
                .iter()
                .find(|n| n.id == row.key)
                .map_or(row.key.clone(), |n| n.label.clone());
            chart::bar(label, row.calls, row.calls_withheld)
        })
        .collect();
    chart::largest_first(bars)
}

/// Every place with a call in these weeks, by name; a place whose calls all found a local
/// service shows "<5" like any other small count.
fn gaps_by_place(app: &App, r: &report::Report) -> Vec<ChartBar> {
    let mut bars: Vec<ChartBar> = r
        .dimension("place")
        .map(|row| chart::bar(place_name(app, &row.key), row.gaps, row.gaps_withheld))
        .collect();
    bars.sort_by(|a, b| a.label.cmp(&b.label));
    chart::largest_first(bars)
}

fn place_name(app: &App, id: &str) -> String {
    match id {
        "outside-area" => "Outside the area".to_string(),
        "unknown" => "Place not known".to_string(),
        _ => app.searcher.place_index().name(id).to_string(),
    }
}
