//! Shared test helpers: the fictional fixture directory and a clock.
#![allow(dead_code)]

use signpost::directory::{self, Files};
use std::path::PathBuf;

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

pub fn fixture_files() -> Files {
    directory::read_folder(&fixture_dir()).expect("fixture directory reads")
}

pub fn fixture() -> signpost::model::Directory {
    directory::parse(&fixture_files()).expect("fixture directory parses")
}
