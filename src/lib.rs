//! Signpost: an offline directory and "no wrong door" triage aid for mental health signposting.
//!
//! Layers, each depending only on those above it: `model` ← `hours`, `places` ← `search` ←
//! `triage` ← `app` ← `tui`. `directory` (text formats) and `store` sit beside the domain and
//! depend only on `model`. `cli` and `tui` are the two front ends over the same engine.

pub mod model;

pub mod hours;
pub mod places;
pub mod triage;

pub mod search;

pub mod directory;
pub mod store;

pub mod config;
pub mod report;
pub mod round;
pub mod session;

pub mod app;
pub mod tui;

pub mod cli;
