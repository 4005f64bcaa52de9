//! What can happen (Action: imperative verbs, no key events) and what the shell must do (Effect).

pub use crate::report::WrongRecord;
use chrono::{DateTime, Utc};

/// Everything the handler or the clock can ask of the app. Keys are mapped to these by the
/// keymap in `tui`; tests drive `update` with them directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The clock moved on: each minute, and at each opening or closing of a listed service.
    Tick(DateTime<Utc>),
    Quit,
    /// Start a new call: forget everything about the last caller.
    NewCall,
    ToggleHelp,
    /// Put the cursor in the search box (closing the detail and any picker).
    FocusQuery,
    /// Move focus along query → place → age → results, and back.
    FocusNext,
    FocusPrev,
    /// A character typed into the focused text field.
    Type(char),
    DeleteBack,
    /// Empty the focused text field.
    ClearField,
    /// Move the cursor of the list in focus (results, a picker, or the detail's scroll).
    Move(Step),
    OpenDetail,
    /// One step back: close the top overlay, then the detail, then leave a filter field.
    Back,
    EditPlace,
    EditAge,
    OpenCategories,
    ToggleOpenNow,
    ToggleSelfReferral,
    /// Toggle the item under a picker's cursor (a category).
    ToggleChecked,
    /// Accept: resolve the typed place, set the typed age, take the highlighted choice.
    Confirm,
    /// Take a numbered choice in a picker, as numbered on screen (1-based).
    Choose(u8),
    /// Flag the selected (or open) service as wrong, for the maintainers.
    ReportWrong,
    /// Start the triage questionnaire for this call.
    StartTriage,
    /// Immediate danger to life: the emergency screen now, from anywhere.
    Emergency,
    /// From the emergency screen: carry on with the questions for the record.
    ContinueForRecord,
    /// Show the call summary of the outcome.
    ShowSummary,
    /// Clinician role: override the urgency (a level, then a reason from the list).
    Override,
    /// Mark the selected service on the outcome as given to the caller (again: unmark).
    MarkGiven,
    /// Copy the call summary to the clipboard.
    CopySummary,
    /// Save the call summary into the configured summary folder.
    SaveSummary,
    /// Open the report charts of this machine's tallies.
    OpenReport,
    /// The shell's answer to `Effect::LoadTallies`.
    TalliesLoaded(super::TallyLoad),
    /// How applying an effect went, for the message line.
    Notice(String),
    Problem(String),
    /// The shell found a newer trusted edition (this id) on the share and holds it.
    EditionFound(String),
    /// The shell installed the held edition: swap it in.
    EditionInstalled(super::pickup::NewEdition),
    /// How the last look at the share went: None when it read, else why not (status bar only).
    ShareNote(Option<String>),
}

/// How far a list cursor moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

/// What `update` asks the shell to do; the app never touches the store or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Look at the edition share for an edition newer than this one.
    LookForEdition(super::Edition),
    /// Install the edition the shell found and holds (this id); answered by `EditionInstalled`.
    InstallEdition(String),
    /// Append to the wrong-record list in local state: service, what, minute. No caller data.
    RecordWrong(WrongRecord),
    /// Append the call's tally (no caller details) to local state; the shell fills the machine.
    RecordTally(crate::report::Tally),
    /// Read this machine's tally rows from local state and hand them back as
    /// `Action::TalliesLoaded`.
    LoadTallies,
    /// Put the summary on the clipboard by this route.
    Copy {
        route: super::ClipboardRoute,
        text: String,
    },
    /// Write the summary as `dir/file`.
    SaveSummary {
        dir: std::path::PathBuf,
        file: String,
        text: String,
    },
}

/// What a handler says is wrong with a record: a short choice, never free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrongWhat {
    Number,
    Hours,
    Closed,
    Other,
}

impl WrongWhat {
    pub const ALL: [WrongWhat; 4] = [
        WrongWhat::Number,
        WrongWhat::Hours,
        WrongWhat::Closed,
        WrongWhat::Other,
    ];
    /// The stored word, one of `report::wrong::WHAT_CHOICES`.
    pub fn id(self) -> &'static str {
        match self {
            WrongWhat::Number => "number",
            WrongWhat::Hours => "hours",
            WrongWhat::Closed => "closed",
            WrongWhat::Other => "other",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            WrongWhat::Number => "the number is wrong",
            WrongWhat::Hours => "the hours are wrong",
            WrongWhat::Closed => "the service has closed",
            WrongWhat::Other => "something else is wrong",
        }
    }
}
