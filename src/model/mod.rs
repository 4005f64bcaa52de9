//! The domain model: plain data with validation, no I/O, no clock.

pub mod age;
pub mod catch_all;
pub mod category;
pub mod clean;
pub mod contact;
pub mod diff;
pub mod directory;
pub mod feed_taxonomy;
pub mod hours;
pub mod phone;
pub mod place;
pub mod problem;
pub mod questionnaire;
pub mod role;
pub mod service;
pub mod status_note;
pub mod time;
pub mod urgency;
pub mod validate;
pub mod vocabulary;

pub use age::{AgeBound, AgeFit, AgeRange};
pub use category::Category;
pub use contact::{Audience, Contact, ContactKind};
pub use directory::Directory;
pub use feed_taxonomy::FeedTaxonomy;
pub use hours::{BankHolidayRule, Day, Hours, HoursKind, Session, Span};
pub use place::{Place, PlaceKind, PlacesFile};
pub use problem::{Problem, Severity};
pub use questionnaire::TriageFile;
pub use role::Role;
pub use service::{Access, Service, Status};
pub use status_note::{NoteKind, StatusNote};
pub use time::{Clock, Date};
pub use vocabulary::VocabularyFile;
