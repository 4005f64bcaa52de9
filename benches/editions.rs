//! One signed edition of a 10k-service directory, as 500 desks receive it: the bundle's size,
//! and the time a desk takes to check it (read, hash, signature, parse) and install it.
//!
//! Run: `cargo bench --bench editions`. Prints the size and the medians it measured.

mod synthetic;

use chrono::{TimeZone, Utc};
use criterion::Criterion;
use signpost::round::bundle;
use signpost::round::keys::SecretKey;
use signpost::round::share;
use signpost::store::SledStore;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: u64 = 0x5167_9057;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = if args.iter().any(|a| a == "--bench") {
        10_000
    } else {
        // `cargo test --benches`: check the bench works on a small directory only.
        200
    };
    let files = synthetic::files(n, SEED);
    let key = SecretKey::generate("Bench publisher").expect("random source");
    let trusted = vec![key.public()];
    let at = Utc.with_ymd_and_hms(2026, 12, 4, 14, 2, 0).unwrap();
    let t = Instant::now();
    let bytes = bundle::seal(&files, "2026-12-04", &key, at);
    let seal_time = t.elapsed();
    let text_bytes: usize = files.values().map(String::len).sum();
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join(format!("bench.{}", bundle::EXTENSION));
    std::fs::write(&path, &bytes).expect("writes the bundle");

    // What a desk does on a pick-up: read the file, check hash and signature, parse the
    // edition, install it into its store (the previous edition kept).
    let data = tmp.path().join("desk");
    let mut store = SledStore::new(&data);
    let mut pick_up = || {
        let opened = share::read_and_open(&path, &trusted).expect("the bundle checks out");
        share::install(&mut store, &opened, "", at).expect("installs")
    };
    let reps = if n == 10_000 { 7 } else { 1 };
    let whole: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(pick_up());
            t.elapsed()
        })
        .collect();
    if n != 10_000 {
        println!("editions bench: test mode ok");
        return;
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut g = c.benchmark_group("edition-10k");
    g.sample_size(10);
    g.bench_function("check (hash+signature+JSON)", |b| {
        b.iter(|| black_box(bundle::open(&bytes, &trusted).expect("checks")))
    });
    g.bench_function("read+check+parse+install", |b| {
        b.iter(|| black_box(pick_up()))
    });
    g.finish();
    c.final_summary();
    println!(
        "10k-service edition: {} services, edition text {:.1} MB, bundle {:.1} MB ({} bytes); sealed in {:.0} ms",
        n,
        text_bytes as f64 / 1e6,
        bytes.len() as f64 / 1e6,
        bytes.len(),
        seal_time.as_secs_f64() * 1e3
    );
    println!(
        "desk pick-up (read, check hash and signature, parse, install into sled): median {:.0} ms over {reps} runs",
        median(whole).as_secs_f64() * 1e3
    );
}
