//! Terminal-app speed: a full keystroke cycle (update + search + render to a 120x40 test
//! terminal) on a 10k-service synthetic directory, and start-up to the first frame on the
//! default and 10k directories. Targets: worst keystroke ≤ 12 ms, first frame ≤ 200 ms.
//! Prints the measurements and a PASS/FAIL line per target. The directory comes from the search
//! bench's seeded generator (`benches/synthetic`), so both benches measure the same data.

mod synthetic;

use chrono::{DateTime, TimeZone, Utc};
use criterion::Criterion;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use signpost::app::{self, Action, App, Edition, Settings, StatusInfo};
use signpost::directory::{self, Files};
use signpost::model::Directory;
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUERIES: [&str; 6] = ["c", "cr", "cris", "bereave", "alc sup", "talkng"];
const SIZE: usize = 10_000;
const SEED: u64 = 0x5167_9057;
const KEYSTROKE_TARGET: Duration = Duration::from_millis(12);
const FIRST_FRAME_TARGET: Duration = Duration::from_millis(200);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 13, 0, 0).unwrap()
}

fn app_for(dir: Directory) -> App {
    let status = StatusInfo::new(&dir, Edition::default(), None);
    App::new(dir, Vec::new(), status, Settings::default(), now())
}

fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    t.draw(|f| signpost::tui::view::render(f, app)).unwrap();
}

/// Type each query from an empty box, one keystroke at a time, rendering after each, then
/// delete twice (a handler correcting a typo). Returns each keystroke's label and time.
fn keystrokes(app: &mut App, t: &mut Terminal<TestBackend>) -> Vec<(String, Duration)> {
    let mut out = Vec::new();
    let timed = |app: &mut App, t: &mut Terminal<TestBackend>, a: Action| {
        let start = Instant::now();
        app::update(app, a);
        draw(t, app);
        start.elapsed()
    };
    for q in QUERIES {
        app::update(app, Action::NewCall);
        draw(t, app);
        for c in q.chars() {
            let d = timed(app, t, Action::Type(c));
            out.push((format!("'{}'", app.query), d));
        }
        for _ in 0..2 {
            let d = timed(app, t, Action::DeleteBack);
            out.push((format!("'{}' (backspace)", app.query), d));
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Open the store in `data` (already seeded; `embedded` is the edition the program carries), build
/// the app and draw the first frame.
fn first_frame(data: &std::path::Path, embedded: &Files) -> Duration {
    let start = Instant::now();
    let s = signpost::session::open(data, embedded, &now().to_rfc3339()).expect("opens");
    let status = StatusInfo::new(&s.directory, Edition::default(), None);
    let app = App::new(s.directory, Vec::new(), status, Settings::default(), now());
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    draw(&mut t, &app);
    start.elapsed()
}

fn verdict(name: &str, got: Duration, target: Duration) {
    let ok = if got <= target { "PASS" } else { "FAIL" };
    println!(
        "{ok}: {name}: {:.2} ms (target ≤ {} ms)",
        got.as_secs_f64() * 1e3,
        target.as_millis()
    );
}

/// Where a 10k start-up goes: opening the store (reading the current edition), building the
/// search index, the app's first search, and the first draw.
fn startup_breakdown(data: &std::path::Path, embedded: &Files) {
    let t = Instant::now();
    let s = signpost::session::open(data, embedded, &now().to_rfc3339()).expect("opens");
    let open = t.elapsed();
    let t = Instant::now();
    let searcher = signpost::search::Searcher::new(std::sync::Arc::new(s.directory.clone()));
    let index = t.elapsed();
    drop(searcher);
    let t = Instant::now();
    let app = app_for(s.directory);
    let app_new = t.elapsed();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let t = Instant::now();
    draw(&mut term, &app);
    let first_draw = t.elapsed();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "  10k start-up: open store and read the edition {:.0} ms; App::new {:.0} ms (of which search index {:.0} ms); first draw {:.1} ms",
        ms(open),
        ms(app_new),
        ms(index),
        ms(first_draw)
    );
}

fn main() {
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));

    let big = synthetic::files(SIZE, SEED);
    let big_dir = directory::parse(&big).expect("the synthetic edition parses");
    let mut app = app_for(big_dir);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    draw(&mut t, &app);

    c.bench_function("tui keystroke cycle, 10k services, 120x40", |b| {
        let mut i = 0usize;
        b.iter(|| {
            // Alternate typing and deleting so every iteration is a real keystroke.
            let action = if i % 2 == 0 {
                Action::Type('c')
            } else {
                Action::DeleteBack
            };
            i += 1;
            app::update(&mut app, action);
            draw(&mut t, &app);
            black_box(app.listing.len());
        })
    });

    let tmp = tempfile::tempdir().unwrap();
    let default_files = directory::embedded();
    let (default_data, big_data) = (tmp.path().join("default"), tmp.path().join("big"));
    // Seed each store once (the first run on a machine), then time ordinary starts.
    first_frame(&default_data, &default_files);
    synthetic::seed_imported(&big_data, &big, &now().to_rfc3339());
    c.bench_function("tui start-up to first frame, default directory", |b| {
        b.iter(|| first_frame(&default_data, &default_files))
    });
    c.bench_function("tui start-up to first frame, 10k services", |b| {
        b.iter(|| first_frame(&big_data, &default_files))
    });
    c.final_summary();

    // The targets. Each keystroke's time is the median of REPS runs (so one scheduler hiccup
    // on this shared machine is not "the worst keystroke"); the worst keystroke is the slowest
    // of those medians. The single slowest run is printed too.
    const REPS: usize = 7;
    let mut app = app_for(directory::parse(&big).unwrap());
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    draw(&mut t, &app);
    let runs: Vec<Vec<(String, Duration)>> =
        (0..REPS).map(|_| keystrokes(&mut app, &mut t)).collect();
    let n = runs[0].len();
    let per_key: Vec<(String, Duration)> = (0..n)
        .map(|i| {
            (
                runs[0][i].0.clone(),
                median(runs.iter().map(|r| r[i].1).collect()),
            )
        })
        .collect();
    let (worst_at, worst) = per_key.iter().max_by_key(|(_, d)| *d).cloned().unwrap();
    let mean = per_key.iter().map(|(_, d)| *d).sum::<Duration>() / n as u32;
    let spike = runs.iter().flatten().map(|(_, d)| *d).max().unwrap();
    let starts = |data: &std::path::Path, embedded: &Files| {
        let v: Vec<Duration> = (0..5).map(|_| first_frame(data, embedded)).collect();
        (median(v.clone()), v.into_iter().max().unwrap())
    };
    let (start_default, start_default_max) = starts(&default_data, &default_files);
    let (start_big, start_big_max) = starts(&big_data, &default_files);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!();
    println!(
        "TUI, {SIZE} services, 120x40: {n} keystrokes x {REPS} runs; mean {:.2} ms; worst {:.2} ms at {worst_at}; slowest single run {:.2} ms",
        ms(mean),
        ms(worst),
        ms(spike)
    );
    verdict(
        "worst keystroke (update + search + render), 10k",
        worst,
        KEYSTROKE_TARGET,
    );
    println!(
        "  start-up to first frame: default {:.1} ms (slowest of 5: {:.1} ms); 10k {:.1} ms (slowest of 5: {:.1} ms)",
        ms(start_default),
        ms(start_default_max),
        ms(start_big),
        ms(start_big_max)
    );
    verdict(
        "start-up to first frame, default directory (median of 5)",
        start_default,
        FIRST_FRAME_TARGET,
    );
    verdict(
        "start-up to first frame, 10k services (median of 5)",
        start_big,
        FIRST_FRAME_TARGET,
    );
    startup_breakdown(&big_data, &default_files);
}
