//! Shared test helpers: the fictional fixture directory, and the built program run on a data
//! folder.
#![allow(dead_code)]

use signpost::directory::{self, Files};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

pub fn fixture_files() -> Files {
    directory::read_folder(&fixture_dir()).expect("fixture directory reads")
}

pub fn fixture() -> signpost::model::Directory {
    directory::parse(&fixture_files()).expect("fixture directory parses")
}

/// The built program on `data`, not yet started. SIGNPOST_DATA_DIR is cleared so that a value
/// in the developer's environment cannot point a test at their real store.
pub fn command(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_signpost"));
    c.arg("--data-dir")
        .arg(data)
        .env_remove("SIGNPOST_DATA_DIR");
    c
}

/// Run the built program on `data` to the end.
pub fn signpost(data: &Path, args: &[&str]) -> Output {
    command(data).args(args).output().expect("signpost runs")
}

/// Standard output then standard error, as one text.
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The exit code (-1 when a signal ended it).
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Run to the end: the exit code and everything printed.
pub fn run(data: &Path, args: &[&str]) -> (i32, String) {
    let o = signpost(data, args);
    (code(&o), text(&o))
}

/// Run to the end: the exit code, standard output and standard error apart.
pub fn run_split(data: &Path, args: &[&str]) -> (i32, String, String) {
    let o = signpost(data, args);
    (
        code(&o),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A tiny seeded generator (xorshift64) for random kill moments and window sizes: no crate is
/// needed for that little randomness.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Open a store's sled database from a test, as another Signpost would. sled may still hold the
/// file lock for a moment after the program's own handle is dropped (its I/O threads keep the
/// last reference), so retry for a while rather than fail on a race the test is not about. No
/// background flusher: a flusher thread outliving the handle would keep the lock after it.
pub fn open_db(path: &Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::Config::new().path(path).flush_every_ms(None).open() {
            Ok(db) => return db,
            Err(e) if started.elapsed() < std::time::Duration::from_secs(5) => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(e) => panic!("could not open {}: {e}", path.display()),
        }
    }
}
