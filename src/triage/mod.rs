//! The "no wrong door" questionnaire: a pure state machine over triage.toml, and its proofs.
//!
//! `Walk` holds only plain state; every step takes the questionnaire (`Questionnaire`: the
//! triage file and the places) as an argument, so an app can own both side by side. No clock,
//! terminal or store here.

mod answer;
pub mod check;
mod engine;
pub mod graph;
pub mod outcome;
mod prompt;
pub mod proof;
mod result;
mod state;

pub use check::check;
pub use engine::{Questionnaire, Walk};
pub use outcome::{outcome, Outcome};
pub use prompt::{Prompt, PromptOption};
pub use result::{Raised, TriageResult};
pub use state::{Age, Answer, Emergency, Override, PlaceAnswer, Progress, Refusal, State, Step};

/// Answer keys meaning "don't know" or "won't say". On a risk question they raise the urgency
/// to at least `UNKNOWN_RISK_FLOOR`, whatever the data says: not knowing is not "no risk".
pub const UNKNOWN_KEYS: [&str; 3] = ["dont-know", "not-sure", "wont-say"];
pub const UNKNOWN_RISK_FLOOR: &str = "C";
/// The option key (on a place question, and at the candidate step) for outside the area.
pub const OUTSIDE: &str = "outside";
/// At the candidate step: the caller cannot say which place; every candidate is kept.
pub const NOT_SURE: &str = "not-sure";
/// The candidate step answers to `<place question id>.which` (ids are slugs, so it never clashes).
pub const WHICH_SUFFIX: &str = ".which";
