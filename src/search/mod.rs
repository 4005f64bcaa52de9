//! Search: a token index, typo-tolerant matching, filters, ranking with reasons, result groups.
//!
//! One query API for the TUI, the CLI and triage: a [`Query`] goes into a [`Searcher`] (which
//! keeps the index and the work of earlier keystrokes) and [`Results`] come back in three groups
//! — fits and reachable, check before giving, closed now — every hit saying why it is there.
//! What callers say is understood through the needs vocabulary (phrases, stems, stop words),
//! and risk phrases are reported for a prompt. Only this module imports fuzzy-matcher.

mod bits;
mod edit;
mod explain;
mod facts;
mod highlight;
mod hits;
mod index;
mod normalise;
mod open_now;
mod place;
mod query;
mod rank;
mod results;
mod score;
mod searcher;
mod stem;
mod terms;
mod understand;
pub mod vocabulary;

pub use index::Field;
pub use place::{PlaceScope, Placement};
pub use query::{PlaceInput, Query};
pub use results::{
    Empty, FieldMatch, Filter, Group, GroupResults, Hit, Meaning, Reason, ReasonKind, Results,
    RiskWords,
};
pub use searcher::{search, Searcher};
