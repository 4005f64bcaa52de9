//! The directory's text formats: reading, checking and writing editions, and the embedded one.

pub mod feed;
pub mod files;
pub mod parse;
pub mod safety_net;
pub mod spans;

pub use files::{edition_id, embedded, read_folder, write_folder, Files};
pub use parse::{check, parse};
