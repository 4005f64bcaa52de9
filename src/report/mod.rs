//! Anonymous demand and gap reporting: tallies of completed triage outcomes, never caller data.

pub mod aggregate;
pub mod chart;
pub mod tally;
pub mod tally_file;
pub mod wrong;

pub use aggregate::{build, Report, Row, SUPPRESS_BELOW};
pub use tally::Tally;
pub use wrong::WrongRecord;
