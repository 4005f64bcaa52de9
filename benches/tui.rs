//! Terminal-app speed: a full keystroke cycle (update + search + render to a 120x40 test
//! terminal) on a 10k-service synthetic directory, and start-up to the first frame on the
//! default and 10k directories. Targets: worst keystroke ≤ 12 ms, first frame ≤ 200 ms.
//! Prints the measurements and a PASS/FAIL line per target.

use chrono::{DateTime, TimeZone, Utc};
use criterion::Criterion;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use signpost::app::{self, Action, App, Edition, Settings, StatusInfo};
use signpost::directory::{self, Files};
use signpost::model::service::Source;
use signpost::model::{
    Access, AgeBound, AgeRange, Audience, BankHolidayRule, Category, Clock, Contact, ContactKind,
    Day, Directory, Hours, HoursKind, Service, Session,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUERIES: [&str; 6] = ["c", "cr", "cris", "bereave", "alc sup", "talkng"];
const SIZE: usize = 10_000;
const SEED: u64 = 0x5167_9057_7e21;
const KEYSTROKE_TARGET: Duration = Duration::from_millis(12);
const FIRST_FRAME_TARGET: Duration = Duration::from_millis(200);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 13, 0, 0).unwrap()
}

/// A small seeded generator (splitmix64): the same directory every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "crisis",
    "support",
    "line",
    "mental",
    "health",
    "wellbeing",
    "recovery",
    "bereavement",
    "alcohol",
    "drugs",
    "gambling",
    "talking",
    "therapies",
    "young",
    "people",
    "carers",
    "family",
    "community",
    "haven",
    "safe",
    "listening",
    "helpline",
    "peer",
    "group",
    "hub",
    "advice",
    "counselling",
    "outreach",
    "service",
    "team",
    "night",
    "day",
    "women",
    "men",
    "veterans",
    "students",
    "parents",
    "perinatal",
    "eating",
    "disorders",
    "psychosis",
    "loneliness",
    "suicide",
    "prevention",
    "self",
    "harm",
    "anxiety",
    "depression",
    "trauma",
    "hampshire",
    "portsmouth",
    "southampton",
    "island",
    "wight",
    "basingstoke",
    "winchester",
];
const ORGS: &[&str] = &[
    "Trust",
    "Mind",
    "Foundation",
    "Network",
    "Partnership",
    "Society",
    "Council",
    "Charity",
];

fn sentence(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = lo + rng.below(hi - lo + 1);
    (0..n)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn hours(rng: &mut Rng) -> Hours {
    match rng.below(4) {
        0 => Hours::all_hours(),
        1 => Hours::not_confirmed("times vary"),
        _ => {
            let open = 7 + rng.below(4) as u16;
            let close = 16 + rng.below(7) as u16;
            let days = if rng.below(2) == 0 {
                Day::ALL[..5].to_vec()
            } else {
                Day::ALL.to_vec()
            };
            Hours {
                kind: HoursKind::Weekly,
                wording: format!("{open}:00 to {close}:00"),
                bank_holidays: BankHolidayRule::Closed,
                sessions: vec![Session {
                    days,
                    open: Clock::hm(open, 0),
                    close: Clock::hm(close, 0),
                }],
                ..Default::default()
            }
        }
    }
}

fn service(rng: &mut Rng, i: usize, places: &[String]) -> Service {
    let cats: Vec<Category> = (0..1 + rng.below(3))
        .map(|_| Category::ALL[rng.below(Category::ALL.len())])
        .collect();
    let age = match rng.below(4) {
        0 => AgeRange::everyone(),
        1 => AgeRange::years(11, 17),
        2 => AgeRange {
            min: AgeBound::Years(18),
            max: AgeBound::NoLimit,
            ..Default::default()
        },
        _ => AgeRange::default(),
    };
    let phone = Contact {
        kind: ContactKind::Phone,
        label: "Helpline".into(),
        value: format!("01632 960{:03}", i % 1000),
        keyword: String::new(),
        audience: Audience::Public,
        hours: None,
    };
    Service {
        id: format!("synthetic-{i:05}"),
        name: title(&sentence(rng, 3, 6)),
        organisation: format!("{} {}", title(rng.pick(WORDS)), rng.pick(ORGS)),
        description: sentence(rng, 20, 40),
        keywords: (0..3).map(|_| rng.pick(WORDS).to_string()).collect(),
        categories: cats,
        areas: vec![places[rng.below(places.len())].clone()],
        access: vec![Access::SelfReferral],
        age,
        contacts: vec![phone],
        hours: hours(rng),
        sources: vec![Source {
            url: format!("https://example.org/s/{i}"),
            seen_on: None,
        }],
        ..Default::default()
    }
}

/// The default edition's files with its services replaced by `n` synthetic ones.
fn synthetic_files(n: usize) -> Files {
    let mut files = directory::embedded();
    let dir = directory::parse(&files).expect("the embedded edition parses");
    let places: Vec<String> = dir.places.places.iter().map(|p| p.id.clone()).collect();
    files.retain(|k, _| !k.starts_with("services/"));
    let mut rng = Rng(SEED);
    for i in 0..n {
        let s = service(&mut rng, i, &places);
        files.insert(
            format!("services/{}.toml", s.id),
            toml::to_string(&s).expect("serialises"),
        );
    }
    files
}

fn app_for(dir: Directory) -> App {
    let status = StatusInfo::new(&dir, Edition::default(), None);
    App::new(dir, Vec::new(), status, Settings::default(), now())
}

fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    t.draw(|f| signpost::tui::view::render(f, app)).unwrap();
}

/// Type each query from an empty box, one keystroke at a time, rendering after each.
fn keystrokes(app: &mut App, t: &mut Terminal<TestBackend>) -> (Duration, Duration, usize) {
    let (mut worst, mut total, mut n) = (Duration::ZERO, Duration::ZERO, 0);
    for q in QUERIES {
        app::update(app, Action::NewCall);
        draw(t, app);
        for c in q.chars() {
            let start = Instant::now();
            app::update(app, Action::Type(c));
            draw(t, app);
            let d = start.elapsed();
            worst = worst.max(d);
            total += d;
            n += 1;
        }
        // And back out again, as a handler correcting a typo would.
        for _ in 0..2 {
            let start = Instant::now();
            app::update(app, Action::DeleteBack);
            draw(t, app);
            let d = start.elapsed();
            worst = worst.max(d);
            total += d;
            n += 1;
        }
    }
    (worst, total, n)
}

/// Open the store in `data` (already seeded), build the app and draw the first frame.
fn first_frame(data: &std::path::Path, files: &Files) -> Duration {
    let start = Instant::now();
    let s = signpost::session::open(data, files, &now().to_rfc3339()).expect("opens");
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

/// Where a 10k start-up goes: opening the store (parsing the edition), building the search
/// index, the app's first search, and the first draw.
fn startup_breakdown(data: &std::path::Path, files: &Files) {
    let t = Instant::now();
    let s = signpost::session::open(data, files, &now().to_rfc3339()).expect("opens");
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
        "  10k start-up: open store and parse {:.0} ms; App::new {:.0} ms (of which search index {:.0} ms); first draw {:.1} ms",
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

    let big = synthetic_files(SIZE);
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
    first_frame(&big_data, &big);
    c.bench_function("tui start-up to first frame, default directory", |b| {
        b.iter(|| first_frame(&default_data, &default_files))
    });
    c.bench_function("tui start-up to first frame, 10k services", |b| {
        b.iter(|| first_frame(&big_data, &big))
    });
    c.final_summary();

    // The targets: worst over every keystroke of several typed queries, and the slowest of
    // several starts.
    let mut app = app_for(directory::parse(&big).unwrap());
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    draw(&mut t, &app);
    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    let mut n = 0;
    for _ in 0..3 {
        let (w, tot, k) = keystrokes(&mut app, &mut t);
        worst = worst.max(w);
        total += tot;
        n += k;
    }
    let starts_default = (0..5)
        .map(|_| first_frame(&default_data, &default_files))
        .max()
        .unwrap();
    let starts_big = (0..5).map(|_| first_frame(&big_data, &big)).max().unwrap();
    println!();
    println!(
        "TUI, {SIZE} services, 120x40: {n} keystrokes, mean {:.2} ms, worst {:.2} ms",
        total.as_secs_f64() * 1e3 / n as f64,
        worst.as_secs_f64() * 1e3
    );
    verdict(
        "worst keystroke (update + search + render), 10k",
        worst,
        KEYSTROKE_TARGET,
    );
    verdict(
        "start-up to first frame, default directory (slowest of 5)",
        starts_default,
        FIRST_FRAME_TARGET,
    );
    verdict(
        "start-up to first frame, 10k services (slowest of 5)",
        starts_big,
        FIRST_FRAME_TARGET,
    );
    startup_breakdown(&big_data, &big);
}
