//! The maintainers' round: the review worklist, recording a verification, signed edition bundles
//! and picking them up from a shared folder.
//!
//! Pure apart from reading files: every function takes the time it needs; the share is a plain
//! folder path (a network drive or a USB stick), never a network address.

pub mod bundle;
pub mod keys;
pub mod review;
pub mod share;
pub mod verify;
