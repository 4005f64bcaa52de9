//! The app: one state, one `Action` enum, one `update` returning `Effect`s — no terminal types.
//!
//! `tui` maps keys to actions through its keymap, draws screens as functions of `App`, and
//! applies effects (store writes, quitting). Everything a screen shows is decided here, so it can
//! be tested by driving `update` with action sequences.

pub mod action;
pub mod clock;
pub mod confirm;
pub mod detail;
pub mod filters;
pub mod listing;
pub mod outcome_screen;
pub mod paging;
pub mod pickup;
pub mod report_screen;
pub mod status;
pub mod summary;
pub mod triage;
mod update;

pub use action::{Action, Effect, Step, WrongRecord, WrongWhat};
pub use confirm::Pending;
pub use filters::{Filters, PlaceChoice, PlaceOption};
pub use listing::{Badge, BadgeState, Group, Listing, Row};
pub use outcome_screen::OverridePick;
pub use report_screen::{ReportView, TallyLoad};
pub use status::{Edition, StatusInfo};
pub use triage::Triage;
pub use update::update;

use crate::config::Theme;
use crate::model::{Directory, Role, Service};
use crate::search::Searcher;
use crate::triage::outcome::Outcome;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// Settings fixed for the session (from the config file and the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub role: Role,
    pub theme: Theme,
    pub stale_months: u32,
    /// The deploying service's own record ids: never suggested to its own callers.
    pub own_services: Vec<String>,
    /// Where "save to file" writes call summaries (config `summary_dir`); None: not configured.
    pub summary_dir: Option<std::path::PathBuf>,
    /// How copying reaches a clipboard here (the shell decides at start).
    pub clipboard: ClipboardRoute,
}

/// How the summary is copied: through the terminal (OSC 52), or not at all here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipboardRoute {
    /// The OSC 52 escape sequence, written to the terminal.
    Osc52,
    /// No terminal to write to (output redirected): copying is not available.
    Unavailable,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            role: Role::Handler,
            theme: Theme::Default,
            stale_months: 6,
            own_services: Vec::new(),
            summary_dir: None,
            clipboard: ClipboardRoute::Osc52,
        }
    }
}

/// The screens of the app: search, then the triage wizard, emergency, outcome and summary;
/// apart from calls, the report charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Search,
    /// One triage question at a time.
    Question,
    /// What to do now: 999, stay on the line, A&E.
    Emergency,
    Outcome,
    /// The call summary, as text.
    Summary,
    /// Charts of this machine's anonymous tallies (from the search screen, not part of a call).
    Report,
}

/// Which field or list on the search screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Query,
    Place,
    Age,
    Results,
}

impl Focus {
    const ORDER: [Focus; 4] = [Focus::Query, Focus::Place, Focus::Age, Focus::Results];
}

/// A box drawn over the screen that takes the keyboard until it is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Tick categories on and off; results follow at once.
    Categories { cursor: usize },
    /// The typed place matched several places (or only near names): pick one.
    PlaceChoices {
        why: String,
        options: Vec<PlaceOption>,
        cursor: usize,
    },
    /// What is wrong with this record?
    ReportWrong {
        service: String,
        name: String,
        cursor: usize,
    },
}

/// The key context: which bindings apply. Text-field contexts take typed characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Context {
    Query,
    Place,
    Age,
    Results,
    Detail,
    Categories,
    PlaceChoices,
    ReportWrong,
    Help,
    /// A triage question answered by option keys.
    Question,
    /// A triage question answered by typing (age or place), or an option.
    TypedAnswer,
    Emergency,
    /// The outcome in the call-handler role: no override.
    Outcome,
    /// The outcome in the clinician role: override available.
    OutcomeClinician,
    /// The clinician's override picker: level, then reason.
    Override,
    Summary,
    /// The report charts.
    Report,
    /// "Quit (or start a new call) and lose this call?": Enter yes, anything else stays.
    Confirm,
}

impl Context {
    pub const ALL: [Context; 18] = [
        Context::Query,
        Context::Place,
        Context::Age,
        Context::Results,
        Context::Detail,
        Context::Categories,
        Context::PlaceChoices,
        Context::ReportWrong,
        Context::Help,
        Context::Question,
        Context::TypedAnswer,
        Context::Emergency,
        Context::Outcome,
        Context::OutcomeClinician,
        Context::Override,
        Context::Summary,
        Context::Report,
        Context::Confirm,
    ];
    /// Letters typed here go into a text box, so no command may use a plain letter. The results
    /// list and the detail count: a handler may think the cursor is still in the search box.
    pub fn is_text_field(self) -> bool {
        matches!(
            self,
            Context::Query
                | Context::Place
                | Context::Age
                | Context::TypedAnswer
                | Context::Results
                | Context::Detail
        )
    }
    pub fn label(self) -> &'static str {
        match self {
            Context::Query => "search box",
            Context::Place => "place box",
            Context::Age => "age box",
            Context::Results => "results list",
            Context::Detail => "service detail",
            Context::Categories => "categories picker",
            Context::PlaceChoices => "place choices",
            Context::ReportWrong => "report a wrong record",
            Context::Help => "help",
            Context::Question => "triage question",
            Context::TypedAnswer => "typed triage answer",
            Context::Emergency => "emergency screen",
            Context::Outcome => "outcome",
            Context::OutcomeClinician => "outcome (clinician)",
            Context::Override => "override picker",
            Context::Summary => "call summary",
            Context::Report => "report charts",
            Context::Confirm => "quit or new call: are you sure?",
        }
    }
}

/// The detail pane of one service, by id, with its scroll offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub service: String,
    pub scroll: u16,
}

/// A line for the handler about what just happened (or what went wrong), never a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    pub directory: Arc<Directory>,
    /// The search index and its per-keystroke caches, built once per session.
    pub searcher: Searcher,
    /// 999, NHS 111 mental health option, Samaritans, Shout — as built into the program (the
    /// shell passes them in), shown whenever nothing matches: never a dead end.
    pub safety_net: Vec<Service>,
    pub status: StatusInfo,
    pub settings: Settings,
    pub now: DateTime<Utc>,
    pub screen: Screen,
    pub focus: Focus,
    pub query: String,
    pub filters: Filters,
    pub listing: Listing,
    /// Index into the listing's rows (across groups).
    pub selected: usize,
    /// Where the results list is pinned, and which rows it last showed.
    pub paging: paging::Paging,
    pub detail: Option<Detail>,
    pub overlay: Option<Overlay>,
    pub help: bool,
    pub help_scroll: u16,
    pub message: Option<Message>,
    pub quit: bool,
    /// The triage of this call, from Ctrl-T until a new call.
    pub triage: Option<Triage>,
    /// The outcome of the finished triage, built for this role.
    pub outcome: Option<Outcome>,
    pub override_pick: Option<OverridePick>,
    /// Scroll offset of the outcome, emergency and summary pages.
    pub page_scroll: u16,
    /// As the view last drew the page: the largest useful offset, the lines in view and the
    /// offset drawn, so PgDn moves by what was on screen. None until drawn.
    pub page_drawn: std::cell::Cell<Option<(usize, usize, usize)>>,
    /// This machine's tally rows for the report screen, as the shell read them; None until
    /// they arrive.
    pub report: Option<TallyLoad>,
    /// Quit or new call, asked and waiting for the handler's yes.
    pub confirm: Option<Pending>,
    /// Services the handler marked as given on this call (ids), in the order marked.
    pub given: Vec<String>,
    /// The selected service on the outcome, an index into `outcome_screen::listed`.
    pub outcome_cursor: usize,
    /// The outcome page follows the selected service (after ↑↓), or stays where PgUp/PgDn put it.
    pub page_follow: bool,
    /// Picking up new editions from the share (`edition_source`), between calls only.
    pub pickup: pickup::Pickup,
}

impl App {
    pub fn new(
        directory: Directory,
        safety_net: Vec<Service>,
        status: StatusInfo,
        settings: Settings,
        now: DateTime<Utc>,
    ) -> App {
        let directory = Arc::new(directory);
        let mut app = App {
            searcher: Searcher::new(Arc::clone(&directory)),
            safety_net,
            directory,
            status,
            settings,
            now,
            screen: Screen::Search,
            focus: Focus::Query,
            query: String::new(),
            filters: Filters::default(),
            listing: Listing::default(),
            selected: 0,
            paging: paging::Paging::default(),
            detail: None,
            overlay: None,
            help: false,
            help_scroll: 0,
            message: None,
            quit: false,
            triage: None,
            outcome: None,
            override_pick: None,
            page_scroll: 0,
            page_drawn: std::cell::Cell::new(None),
            report: None,
            confirm: None,
            given: Vec::new(),
            outcome_cursor: 0,
            page_follow: true,
            pickup: pickup::Pickup::default(),
        };
        app.refresh();
        app
    }

    /// Which bindings apply now: help, then an overlay, then the detail, then the focus.
    pub fn context(&self) -> Context {
        if self.confirm.is_some() {
            Context::Confirm
        } else if self.help {
            Context::Help
        } else {
            self.context_under_help()
        }
    }

    /// The context the help popup describes: what the keys do once it is closed.
    pub fn context_under_help(&self) -> Context {
        match self.screen {
            Screen::Search => {}
            Screen::Question => {
                return match self.prompt() {
                    Some(p) if triage::is_typed(p.kind) => Context::TypedAnswer,
                    _ => Context::Question,
                }
            }
            Screen::Emergency => return Context::Emergency,
            Screen::Outcome if self.override_pick.is_some() => return Context::Override,
            Screen::Outcome if self.settings.role == Role::Clinician => {
                return Context::OutcomeClinician
            }
            Screen::Outcome => return Context::Outcome,
            Screen::Summary => return Context::Summary,
            Screen::Report => return Context::Report,
        }
        match &self.overlay {
            Some(Overlay::Categories { .. }) => return Context::Categories,
            Some(Overlay::PlaceChoices { .. }) => return Context::PlaceChoices,
            Some(Overlay::ReportWrong { .. }) => return Context::ReportWrong,
            None => {}
        }
        if self.detail.is_some() {
            return Context::Detail;
        }
        match self.focus {
            Focus::Query => Context::Query,
            Focus::Place => Context::Place,
            Focus::Age => Context::Age,
            Focus::Results => Context::Results,
        }
    }

    /// The row under the selection, if any.
    pub fn selected_row(&self) -> Option<&Row> {
        self.listing.row(self.selected)
    }

    /// The service the handler is looking at: the open detail, else the selected row.
    pub fn current_service_id(&self) -> Option<&str> {
        match &self.detail {
            Some(d) => Some(d.service.as_str()),
            None => self.selected_row().map(|r| r.id.as_str()),
        }
    }

    /// When the screen next needs redrawing with no key pressed: the next minute, or sooner
    /// when a listed service opens or closes.
    pub fn next_wakeup(&self) -> DateTime<Utc> {
        let minute = clock::next_minute(self.now);
        match self.listing.next_change {
            Some(t) if t > self.now && t < minute => t,
            _ => minute,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: true,
        });
    }

    /// Run the search again for the current query, filters and time.
    pub fn refresh(&mut self) {
        let q = listing::query(self);
        let results = self.searcher.search(&q);
        self.listing = listing::build(
            &results,
            &self.directory,
            self.searcher.calendar(),
            self.now,
            &self.settings,
        );
        let n = self.listing.len();
        if self.selected >= n {
            self.selected = n.saturating_sub(1);
        }
    }
}
