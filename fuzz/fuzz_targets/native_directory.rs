//! The native directory parser on arbitrary text: each input is the one service file of the
//! default edition's places, triage and taxonomy, and the whole edition is parsed and checked.
//! Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signpost::directory::{self, Files};
use std::sync::OnceLock;

fn base() -> &'static Files {
    static BASE: OnceLock<Files> = OnceLock::new();
    // Without the default services: each run then parses and checks only the input's service,
    // about four times more runs a second.
    BASE.get_or_init(|| {
        directory::embedded()
            .into_iter()
            .filter(|(k, _)| !k.starts_with("services/"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files = base().clone();
    files.insert("services/fuzz.toml".into(), text.to_string());
    let _ = directory::parse(&files);
});
