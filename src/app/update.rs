//! `update`: the one place the app's state changes, action by action, returning effects.

use super::action::{Action, Effect, Step, WrongRecord, WrongWhat};
use super::filters::{parse_age, PlaceChoice, PlaceOption};
use super::{outcome_screen, pickup, report_screen, summary, triage};
use super::{App, ClipboardRoute, Context, Detail, Filters};
use super::{Focus, Overlay, Screen};
use crate::model::place::{Candidate, Lookup};
use crate::model::Category;
use crate::search::PlaceInput;

/// Rows moved by PageUp/PageDown in lists, and lines in the detail and help.
const PAGE: usize = 8;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let before = app.screen;
    let effects = update_inner(app, action);
    if app.screen != before {
        app.page_scroll = 0;
    }
    effects
}

fn update_inner(app: &mut App, action: Action) -> Vec<Effect> {
    // A message answers the last thing done; the next thing done replaces it.
    if !matches!(
        action,
        Action::Tick(_) | Action::Notice(_) | Action::Problem(_)
    ) {
        app.message = None;
    }
    let Some(action) = super::confirm::filter(app, action) else {
        return Vec::new();
    };
    if let Some(effects) = report_screen::on_action(app, &action) {
        return effects;
    }
    if let Some(effects) = on_triage_screens(app, &action) {
        return effects;
    }
    match action {
        Action::Tick(now) => {
            app.now = now;
            refresh_keeping_selection(app);
            return pickup::on_tick(app);
        }
        Action::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Action::NewCall => {
            new_call(app);
            return pickup::install_if_idle(app);
        }
        Action::EditionFound(id) => return pickup::on_found(app, id),
        Action::EditionInstalled(new) => pickup::on_installed(app, new),
        Action::ShareNote(note) => {
            // A look's note comes before what it found; after an install attempt it means the
            // install did not happen: either way nothing is held any more.
            app.pickup.note = note;
            app.pickup.pending = None;
        }
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::FocusQuery => {
            close_all(app);
            app.focus = Focus::Query;
        }
        Action::FocusNext => cycle_focus(app, 1),
        Action::FocusPrev => cycle_focus(app, Focus::ORDER.len() - 1),
        Action::Type(c) => type_char(app, c),
        Action::DeleteBack => edit_field(app, |s| {
            s.pop();
        }),
        Action::ClearField => edit_field(app, String::clear),
        Action::Move(step) => move_cursor(app, step),
        Action::OpenDetail => open_detail(app),
        Action::Back => back(app),
        Action::EditPlace => {
            close_all(app);
            app.focus = Focus::Place;
        }
        Action::EditAge => {
            close_all(app);
            app.focus = Focus::Age;
        }
        Action::OpenCategories => {
            app.help = false;
            app.detail = None;
            app.overlay = Some(Overlay::Categories { cursor: 0 });
        }
        Action::ToggleOpenNow => {
            app.filters.open_now = !app.filters.open_now;
            let on = if app.filters.open_now { "on" } else { "off" };
            app.say(format!("Open now only: {on}"));
            refresh_from_top(app);
        }
        Action::ToggleSelfReferral => {
            app.filters.self_referral = !app.filters.self_referral;
            let on = if app.filters.self_referral {
                "on"
            } else {
                "off"
            };
            app.say(format!("Self-referral only: {on}"));
            refresh_from_top(app);
        }
        Action::ToggleChecked => toggle_category(app),
        Action::Confirm => return confirm(app, None),
        Action::Choose(n) => {
            if n >= 1 {
                return confirm(app, Some(n as usize - 1));
            }
        }
        Action::ReportWrong => report_wrong(app),
        Action::Notice(text) => app.say(text),
        Action::Problem(text) => app.warn(text),
        Action::StartTriage => triage::start(app),
        Action::Emergency => triage::emergency(app),
        Action::ContinueForRecord
        | Action::ShowSummary
        | Action::Override
        | Action::CopySummary
        | Action::MarkGiven
        | Action::SaveSummary
        | Action::OpenReport
        | Action::TalliesLoaded(_) => {}
    }
    Vec::new()
}

/// The triage screens' own handling; None leaves the action to the search screen's.
fn on_triage_screens(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let none = Some(Vec::new());
    if app.help || app.screen == Screen::Search {
        return None;
    }
    match (app.context(), action) {
        (_, Action::Emergency) => triage::emergency(app),
        (_, Action::StartTriage) => triage::start(app),
        (Context::Question | Context::TypedAnswer, Action::Move(s)) => triage::move_cursor(app, *s),
        (Context::Question | Context::TypedAnswer, Action::Back) => triage::back(app),
        (Context::Question | Context::TypedAnswer, Action::Confirm) => {
            return Some(triage::confirm(app, None))
        }
        (Context::Question, Action::Choose(n)) if *n >= 1 => {
            return Some(triage::confirm(app, Some(*n as usize - 1)))
        }
        (Context::Question, Action::ToggleChecked) => triage::toggle(app),
        (Context::TypedAnswer, Action::Type(c)) if !c.is_control() => triage::type_char(app, *c),
        (Context::TypedAnswer, Action::DeleteBack) => triage::delete_back(app),
        (Context::TypedAnswer, Action::ClearField) => {
            if let Some(t) = app.triage.as_mut() {
                t.input.clear();
            }
        }
        (Context::Emergency, Action::ContinueForRecord) => triage::continue_for_record(app),
        (
            Context::Emergency | Context::Outcome | Context::OutcomeClinician,
            Action::ShowSummary,
        ) => {
            if app.outcome.is_none() {
                // From the emergency screen before any outcome: the emergency outcome.
                let effects = outcome_screen::show(app);
                app.screen = Screen::Summary;
                return Some(effects);
            }
            app.screen = Screen::Summary;
        }
        (Context::Emergency, Action::Back) => {
            // Esc: to the emergency outcome (what to do now stays on it).
            return Some(outcome_screen::show(app));
        }
        (Context::OutcomeClinician, Action::Override) => outcome_screen::open_override(app),
        (Context::Outcome | Context::OutcomeClinician, Action::MarkGiven) => {
            outcome_screen::toggle_given(app)
        }
        (
            Context::Outcome | Context::OutcomeClinician,
            Action::Move(s @ (Step::Up | Step::Down | Step::First | Step::Last)),
        ) => outcome_screen::move_selection(app, *s),
        (Context::Outcome | Context::OutcomeClinician, Action::Move(s)) => {
            app.page_scroll = page_scroll(app, *s);
            app.page_follow = false;
        }
        (Context::Outcome | Context::OutcomeClinician, Action::Back) => triage::back(app),
        (Context::Emergency | Context::Summary, Action::Move(s)) => {
            app.page_scroll = page_scroll(app, *s)
        }
        (Context::Override, Action::Move(s)) => outcome_screen::move_pick(app, *s),
        (Context::Override, Action::Confirm) => return Some(outcome_screen::choose(app, None)),
        (Context::Override, Action::Choose(n)) if *n >= 1 => {
            return Some(outcome_screen::choose(app, Some(*n as usize - 1)))
        }
        (Context::Override, Action::Back) => outcome_screen::back_pick(app),
        (Context::Summary, Action::Back) => app.screen = Screen::Outcome,
        (Context::Summary, Action::CopySummary) => return Some(copy_summary(app)),
        (Context::Summary, Action::SaveSummary) => return Some(save_summary(app)),
        (_, Action::Quit | Action::NewCall | Action::ToggleHelp | Action::Tick(_)) => return None,
        (_, Action::Notice(_) | Action::Problem(_)) => return None,
        _ => {}
    }
    none
}

fn copy_summary(app: &mut App) -> Vec<Effect> {
    let Some(text) = summary::text(app) else {
        return Vec::new();
    };
    match app.settings.clipboard {
        ClipboardRoute::Osc52 => {
            app.say("Summary copied via the terminal (OSC 52). If nothing pastes, your terminal does not allow it: copy the text from the screen.");
            vec![Effect::Copy {
                route: ClipboardRoute::Osc52,
                text,
            }]
        }
        ClipboardRoute::Unavailable => {
            app.warn("Copying is not available here: copy the summary text from the screen.");
            Vec::new()
        }
    }
}

fn save_summary(app: &mut App) -> Vec<Effect> {
    let (Some(text), Some(o)) = (summary::text(app), app.outcome.as_ref()) else {
        return Vec::new();
    };
    let Some(dir) = app.settings.summary_dir.clone() else {
        app.warn(
            "No summary folder is configured (summary_dir in the settings): nothing was written.",
        );
        return Vec::new();
    };
    let file = summary::file_name(o);
    app.say(format!("Saving the summary as {file}…"));
    vec![Effect::SaveSummary { dir, file, text }]
}

/// Forget everything about the last caller: query, filters, selection, detail, pickers.
fn new_call(app: &mut App) {
    app.given.clear();
    app.outcome_cursor = 0;
    app.triage = None;
    app.outcome = None;
    app.override_pick = None;
    app.screen = Screen::Search;
    app.query.clear();
    app.filters = Filters::default();
    app.selected = 0;
    close_all(app);
    app.focus = Focus::Query;
    app.refresh();
    app.say("New call: the last caller's search, filters, triage and summary are cleared.");
}

fn close_all(app: &mut App) {
    app.help = false;
    app.overlay = None;
    app.detail = None;
}

fn refresh_keeping_selection(app: &mut App) {
    let keep = app.selected_row().map(|r| r.id.clone());
    app.refresh();
    if let Some(i) = keep.and_then(|id| app.listing.position(&id)) {
        app.selected = i;
    }
}

/// After a filter changes, the best match for the new filters is at the top: start there.
fn refresh_from_top(app: &mut App) {
    app.selected = 0;
    app.refresh();
}

fn cycle_focus(app: &mut App, by: usize) {
    if app.overlay.is_some() || app.help {
        return;
    }
    app.detail = None;
    let leaving = app.focus;
    let i = Focus::ORDER.iter().position(|f| *f == leaving).unwrap_or(0);
    app.focus = Focus::ORDER[(i + by) % Focus::ORDER.len()];
    match leaving {
        Focus::Place => apply_place(app, false),
        Focus::Age => apply_age(app, false),
        _ => {}
    }
}

fn type_char(app: &mut App, c: char) {
    if c.is_control() {
        return;
    }
    match app.context() {
        // Typing in the list or the detail is typing a search: back into the box (HAZ-071).
        Context::Results | Context::Detail => {
            app.detail = None;
            app.focus = Focus::Query;
            app.query.push(c);
            app.selected = 0;
            app.refresh();
        }
        Context::Query => {
            app.query.push(c);
            app.selected = 0;
            app.refresh();
        }
        Context::Place => app.filters.place_text.push(c),
        Context::Age if c.is_ascii_digit() && app.filters.age_text.len() < 3 => {
            app.filters.age_text.push(c)
        }
        Context::Age if c.is_ascii_digit() => {}
        Context::Age => app.warn("Age: type whole years (digits only)."),
        _ => {}
    }
}

fn edit_field(app: &mut App, f: impl FnOnce(&mut String)) {
    match app.context() {
        Context::Query => {
            f(&mut app.query);
            app.selected = 0;
            app.refresh();
        }
        Context::Place => f(&mut app.filters.place_text),
        Context::Age => f(&mut app.filters.age_text),
        _ => {}
    }
}

fn step(cur: usize, len: usize, s: Step) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match s {
        Step::Up => cur.saturating_sub(1),
        Step::Down => (cur + 1).min(last),
        Step::PageUp => cur.saturating_sub(PAGE),
        Step::PageDown => (cur + PAGE).min(last),
        Step::First => 0,
        Step::Last => last,
    }
}

fn scroll(cur: u16, s: Step) -> u16 {
    match s {
        Step::Up => cur.saturating_sub(1),
        Step::Down => cur.saturating_add(1),
        Step::PageUp => cur.saturating_sub(PAGE as u16),
        Step::PageDown => cur.saturating_add(PAGE as u16),
        Step::First => 0,
        // The view clamps an offset past the end.
        Step::Last => u16::MAX,
    }
}

/// The outcome, emergency and summary pages move by what the view showed: PgDn starts at the
/// first line not shown, so no line is skipped.
fn page_scroll(app: &App, s: Step) -> u16 {
    let Some((max, room, shown)) = app.page_drawn.get() else {
        return scroll(app.page_scroll, s);
    };
    // From where the page is on screen (it may have followed the selection).
    let cur = shown.min(max);
    let room = room.max(1);
    let to = match s {
        Step::Up => cur.saturating_sub(1),
        Step::Down => (cur + 1).min(max),
        Step::PageUp => cur.saturating_sub(room),
        Step::PageDown => (cur + room).min(max),
        Step::First => 0,
        Step::Last => max,
    };
    to.min(u16::MAX as usize) as u16
}

fn move_cursor(app: &mut App, s: Step) {
    if app.help {
        app.help_scroll = scroll(app.help_scroll, s);
        return;
    }
    match &mut app.overlay {
        Some(Overlay::Categories { cursor }) => *cursor = step(*cursor, Category::ALL.len(), s),
        Some(Overlay::PlaceChoices {
            cursor, options, ..
        }) => *cursor = step(*cursor, options.len(), s),
        Some(Overlay::ReportWrong { cursor, .. }) => {
            *cursor = step(*cursor, WrongWhat::ALL.len(), s)
        }
        None => match &mut app.detail {
            Some(d) => d.scroll = scroll(d.scroll, s),
            None => app.selected = app.paging.step(app.selected, app.listing.len(), s),
        },
    }
}

fn open_detail(app: &mut App) {
    match app.selected_row() {
        Some(r) => {
            app.detail = Some(Detail {
                service: r.id.clone(),
                scroll: 0,
            })
        }
        None => app.warn("Nothing to open: no service is listed."),
    }
}

fn back(app: &mut App) {
    if app.help {
        app.help = false;
    } else if app.overlay.is_some() {
        app.overlay = None;
    } else if app.detail.is_some() {
        app.detail = None;
    } else {
        match app.focus {
            Focus::Query => app.focus = Focus::Results,
            Focus::Place => {
                // Leave without applying: the box shows the place in force again.
                app.filters.place_text = placed_text(&app.filters);
                app.focus = Focus::Query;
            }
            Focus::Age => {
                app.filters.age_text = app.filters.age.map(|a| a.to_string()).unwrap_or_default();
                app.focus = Focus::Query;
            }
            Focus::Results => app.focus = Focus::Query,
        }
    }
}

fn placed_text(f: &Filters) -> String {
    match &f.place {
        Some(p) => p.label().to_string(),
        None => String::new(),
    }
}

fn toggle_category(app: &mut App) {
    if let Some(Overlay::Categories { cursor }) = app.overlay {
        if let Some(c) = Category::ALL.get(cursor) {
            if !app.filters.categories.remove(c) {
                app.filters.categories.insert(*c);
            }
            refresh_from_top(app);
        }
    }
}

fn confirm(app: &mut App, chosen: Option<usize>) -> Vec<Effect> {
    match app.context() {
        Context::Place if chosen.is_none() => apply_place(app, true),
        Context::Age if chosen.is_none() => apply_age(app, true),
        Context::Query | Context::Results if chosen.is_none() => open_detail(app),
        Context::Categories if chosen.is_none() => app.overlay = None,
        Context::PlaceChoices => {
            if let Some(Overlay::PlaceChoices {
                options, cursor, ..
            }) = &app.overlay
            {
                if let Some(opt) = options.get(chosen.unwrap_or(*cursor)).cloned() {
                    app.overlay = None;
                    match opt {
                        PlaceOption::Pick(choice) => set_place(app, choice),
                        PlaceOption::Retry(name) => {
                            app.filters.place_text = name;
                            apply_place(app, true);
                        }
                    }
                }
            }
        }
        Context::ReportWrong => {
            if let Some(Overlay::ReportWrong {
                service,
                name,
                cursor,
            }) = &app.overlay
            {
                if let Some(what) = WrongWhat::ALL.get(chosen.unwrap_or(*cursor)).copied() {
                    let record = WrongRecord {
                        service: service.clone(),
                        what: what.id().to_string(),
                        at: crate::hours::london::local(app.now)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                    };
                    let text = format!(
                        "Flagged {name}: {} — saved for the maintainers.",
                        what.label()
                    );
                    app.overlay = None;
                    app.say(text);
                    return vec![Effect::RecordWrong(record)];
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Resolve the typed place with the place lookup. `stay` keeps the focus in the box when the
/// text is not recognised (Enter); Tab moves on regardless.
fn apply_place(app: &mut App, stay: bool) {
    let text = app.filters.place_text.trim().to_string();
    if text.is_empty() {
        if app.filters.place.take().is_some() {
            app.say("Place filter cleared.");
            refresh_from_top(app);
        }
        if stay {
            app.focus = Focus::Query;
        }
        return;
    }
    if app.filters.place.as_ref().map(|p| p.label()) == Some(text.as_str()) {
        if stay {
            app.focus = Focus::Query;
        }
        return;
    }
    match app.searcher.place_index().lookup(&text) {
        Lookup::Found { place, why } => {
            let name = app.searcher.place_index().name(&place).to_string();
            set_place(
                app,
                PlaceChoice::Place {
                    id: place,
                    name,
                    why,
                },
            );
        }
        Lookup::OutsideArea { why } => set_place(
            app,
            PlaceChoice::OutsideArea {
                why,
                input: PlaceInput::Text(text.clone()),
            },
        ),
        Lookup::Candidates { candidates, why } => {
            let options = candidates
                .into_iter()
                .map(|c| PlaceOption::Pick(candidate_choice(app, c, &why)))
                .collect();
            app.focus = Focus::Place;
            app.overlay = Some(Overlay::PlaceChoices {
                why,
                options,
                cursor: 0,
            });
        }
        Lookup::DidYouMean { suggestions } if !suggestions.is_empty() => {
            app.focus = Focus::Place;
            app.overlay = Some(Overlay::PlaceChoices {
                why: format!("'{text}' is not a place we know."),
                options: suggestions.into_iter().map(PlaceOption::Retry).collect(),
                cursor: 0,
            });
        }
        Lookup::DidYouMean { .. } | Lookup::NotRecognised => {
            app.warn(format!(
                "'{text}' is not a postcode, town or place we know: check the spelling, or clear the box."
            ));
            if stay {
                app.focus = Focus::Place;
            }
        }
    }
}

fn candidate_choice(app: &App, c: Candidate, why: &str) -> PlaceChoice {
    match c {
        Candidate::Place(id) => PlaceChoice::Place {
            name: app.searcher.place_index().name(&id).to_string(),
            id,
            why: why.to_string(),
        },
        Candidate::OutsideArea => PlaceChoice::OutsideArea {
            why: why.to_string(),
            input: PlaceInput::OutsideArea,
        },
    }
}

fn set_place(app: &mut App, choice: PlaceChoice) {
    let msg = match &choice {
        PlaceChoice::Place { name, why, .. } => format!("Place: {name} ({why})."),
        PlaceChoice::OutsideArea { why, .. } => {
            format!("Outside Hampshire and the Isle of Wight ({why}): national services only.")
        }
    };
    app.filters.place_text = choice.label().to_string();
    app.filters.place = Some(choice);
    app.focus = Focus::Query;
    app.say(msg);
    refresh_from_top(app);
}

fn apply_age(app: &mut App, stay: bool) {
    match parse_age(&app.filters.age_text) {
        Ok(age) => {
            if age != app.filters.age {
                app.filters.age = age;
                match age {
                    Some(a) => app.say(format!("Age: {a}.")),
                    None => app.say("Age filter cleared."),
                }
                refresh_from_top(app);
            }
            if stay {
                app.focus = Focus::Query;
            }
        }
        Err(e) => {
            app.warn(e);
            app.filters.age_text = app.filters.age.map(|a| a.to_string()).unwrap_or_default();
            if stay {
                app.focus = Focus::Age;
            }
        }
    }
}

fn report_wrong(app: &mut App) {
    let Some(id) = app.current_service_id().map(str::to_string) else {
        app.warn("Select a service first, then report what is wrong with it.");
        return;
    };
    let name = app
        .directory
        .service(&id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| id.clone());
    app.help = false;
    app.overlay = Some(Overlay::ReportWrong {
        service: id,
        name,
        cursor: 0,
    });
}
