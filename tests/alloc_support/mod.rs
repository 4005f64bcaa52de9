//! A counting allocator for tests that bound parsing memory, and a way to run such a test alone
//! in its own process so that tests running beside it do not add to its counts.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Install in a test binary with `#[global_allocator] static A: Counting = Counting;`.
/// Counts are process-wide, so a parser's helper threads are counted too.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    // realloc is left to the default (allocate, copy, free), so a growing buffer counts its old
    // and new copies at once, as the peak really holds them when it moves.
}

/// Run `f` and return its result with the most heap held at once beyond what was live when it
/// started (its result included). Meaningful only in a test running alone (see [`alone`]).
pub fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = f();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (r, peak)
}

const ALONE: &str = "SIGNPOST_TEST_ALONE";

/// True inside a child process started to run the test `name` alone: the caller then measures.
/// Otherwise starts that child (this test binary, `--exact name`), passes its output on, fails
/// if it failed, and returns false: the caller returns at once.
pub fn alone(name: &str) -> bool {
    if std::env::var(ALONE).as_deref() == Ok(name) {
        return true;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(ALONE, name)
        .output()
        .expect("the test binary runs again");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{text}");
    assert!(out.status.success(), "{name} failed when run alone");
    assert!(
        text.contains("1 passed"),
        "{name} did not run alone: {text}"
    );
    false
}
