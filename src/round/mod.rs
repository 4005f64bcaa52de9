//! The maintainers' round: the review worklist, recording a verification, signed edition bundles.
//!
//! Pure: every function takes the time and the files it needs; reading a share folder is the
//! only input from outside, and it is a plain folder path (a network drive or a USB stick).

pub mod review;
pub mod verify;
