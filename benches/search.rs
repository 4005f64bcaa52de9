//! Search speed on synthetic directories of 1k, 10k and 100k services: typed queries one
//! keystroke at a time (reusing work as the TUI does), the naive full-scan baseline, and
//! opening a 10k edition. Prints a table and a PASS/FAIL line per target.

mod synthetic;

use chrono::{DateTime, Utc};
use criterion::{BenchmarkId, Criterion};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use signpost::search::{Query, Searcher};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Handler-style words and names, then what callers say (read through the needs vocabulary:
/// phrases, stems, stop words, and OR ranking when not every word can match).
const QUERIES: [&str; 12] = [
    "c",
    "cr",
    "cris",
    "bereave",
    "alc sup",
    "talkng",
    "took too many pills",
    "my husband died",
    "hearing voices",
    "suicidal",
    "caring for my mum",
    "drinking too much",
];
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 0x5167_9057;
/// Rows per group the TUI asks for (a screen never shows more); counts stay exact.
const LIMIT: usize = 50;

fn at() -> DateTime<Utc> {
    signpost::hours::parse_local("2026-07-01 14:00").expect("valid time")
}

fn keystrokes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

fn query(text: &str) -> Query {
    Query::new(text, at()).limit(LIMIT)
}

/// The TUI opens on the empty query (every service, open-now states worked out for this minute).
fn warm(s: &mut Searcher) {
    black_box(s.search(&query("")));
}

/// Type one query from an empty box; returns (worst keystroke, total).
fn type_query(s: &mut Searcher, q: &str) -> (Duration, Duration) {
    s.clear_word_cache();
    let (mut worst, mut total) = (Duration::ZERO, Duration::ZERO);
    for k in keystrokes(q) {
        let q = query(k);
        let t = Instant::now();
        black_box(s.search(&q));
        let d = t.elapsed();
        worst = worst.max(d);
        total += d;
    }
    (worst, total)
}

/// The naive baseline: skim over name + description + keywords of every record, then sort.
struct Naive {
    texts: Vec<String>,
    skim: SkimMatcherV2,
}

impl Naive {
    fn new(dir: &signpost::model::Directory) -> Self {
        Naive {
            texts: dir
                .services
                .iter()
                .map(|s| format!("{} {} {}", s.name, s.description, s.keywords.join(" ")))
                .collect(),
            skim: SkimMatcherV2::default(),
        }
    }
    fn search(&self, q: &str) -> usize {
        let mut hits: Vec<(i64, usize)> = self
            .texts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| self.skim.fuzzy_match(t, q).map(|s| (s, i)))
            .collect();
        hits.sort_unstable_by(|a, b| b.cmp(a));
        hits.len()
    }
    fn type_query(&self, q: &str) -> (Duration, Duration) {
        let (mut worst, mut total) = (Duration::ZERO, Duration::ZERO);
        for k in keystrokes(q) {
            let t = Instant::now();
            black_box(self.search(k));
            let d = t.elapsed();
            worst = worst.max(d);
            total += d;
        }
        (worst, total)
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Criterion's own median for a benchmark id, read from its estimates file.
fn criterion_median(group: &str, id: &str) -> Option<Duration> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let path = target
        .join("criterion")
        .join(group)
        .join(id.replace('/', "_"))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let ns = v["median"]["point_estimate"].as_f64()?;
    Some(Duration::from_nanos(ns as u64))
}

struct Size {
    n: usize,
    searcher: Searcher,
    naive: Option<Naive>,
}

fn sizes() -> Vec<Size> {
    SIZES
        .iter()
        .map(|&n| {
            let dir = synthetic::directory(n, SEED);
            let naive = (n <= 10_000).then(|| Naive::new(&dir));
            let mut searcher = Searcher::new(Arc::new(dir));
            warm(&mut searcher);
            Size { n, searcher, naive }
        })
        .collect()
}

fn label(n: usize) -> String {
    format!("{}k", n / 1000)
}

fn criterion_benches(c: &mut Criterion, sizes: &mut [Size], files10k: &signpost::directory::Files) {
    for size in sizes.iter_mut() {
        let mut g = c.benchmark_group(format!("typing-{}", label(size.n)));
        for q in QUERIES {
            g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| type_query(&mut size.searcher, q).1)
                        .sum()
                })
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("load-10k");
    g.sample_size(10);
    g.bench_function("parse+index", |b| {
        b.iter(|| {
            let dir = signpost::directory::parse(files10k).expect("parses");
            black_box(Searcher::new(Arc::new(dir)))
        })
    });
    g.finish();
}

/// Start as the app does on a machine whose current edition is the imported 10k one: open the
/// store (sled), read the current edition, build the index.
fn store_open_times(files: &signpost::directory::Files, reps: usize) -> (Duration, Duration) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let now = "2026-07-01T13:00:00Z";
    synthetic::seed_imported(tmp.path(), files, now);
    let embedded = signpost::directory::embedded();
    let (whole, open): (Vec<Duration>, Vec<Duration>) = (0..reps)
        .map(|_| {
            let t = Instant::now();
            let s = signpost::session::open(tmp.path(), &embedded, now).expect("opens");
            let opened = t.elapsed();
            black_box(Searcher::new(Arc::new(s.directory)));
            (t.elapsed(), opened)
        })
        .unzip();
    (median(whole), median(open))
}

fn report(sizes: &mut [Size], files10k: &signpost::directory::Files) {
    let mut lines = Vec::new();
    let mut verdicts = Vec::new();
    let verdict = |ok: bool| if ok { "PASS" } else { "FAIL" };
    lines.push(
        "| services | typed set total (criterion medians) | worst keystroke (median of 21 runs; 9 at 100k) | worst at | naive total (median of 5) | naive worst | ratio total | ratio worst | new-minute refresh |"
            .to_string(),
    );
    lines.push("|---|---|---|---|---|---|---|---|---|".into());
    for size in sizes.iter_mut() {
        let reps = if size.n >= 100_000 { 9 } else { 21 };
        let l = label(size.n);
        let crit_total: Option<Duration> = QUERIES
            .iter()
            .map(|q| criterion_median(&format!("typing-{l}"), q))
            .sum();
        let mut worsts = Vec::new();
        let mut totals = Vec::new();
        let mut worst_key = String::new();
        for _ in 0..reps {
            let (mut w, mut t, mut wk) = (Duration::ZERO, Duration::ZERO, "");
            for q in QUERIES {
                size.searcher.clear_word_cache();
                for k in keystrokes(q) {
                    let qq = query(k);
                    let s = Instant::now();
                    black_box(size.searcher.search(&qq));
                    let d = s.elapsed();
                    if d > w {
                        w = d;
                        wk = k;
                    }
                    t += d;
                }
            }
            worsts.push(w);
            totals.push(t);
            worst_key = wk.to_string();
        }
        let worst = median(worsts);
        let own_total = median(totals);
        let total = crit_total.unwrap_or(own_total);
        // The TUI re-runs the query on each minute's tick: every open-now state is worked out again.
        let refresh = median(
            (0..5)
                .map(|i| {
                    let q = Query::new("", at() + chrono::Duration::minutes(i + 1)).limit(LIMIT);
                    let s = Instant::now();
                    black_box(size.searcher.search(&q));
                    s.elapsed()
                })
                .collect(),
        );
        size.searcher.search(&query("")); // back to the benchmark's minute
        let (naive_total, naive_worst) = match &size.naive {
            Some(nv) => {
                // Seconds per run at 10k: timed here (median of 5), not by criterion, to keep
                // the whole bench within a few minutes.
                let runs: Vec<(Duration, Duration)> = (0..5)
                    .map(|_| {
                        QUERIES
                            .iter()
                            .fold((Duration::ZERO, Duration::ZERO), |acc, q| {
                                let (w, t) = nv.type_query(q);
                                (acc.0.max(w), acc.1 + t)
                            })
                    })
                    .collect();
                let t = median(runs.iter().map(|r| r.1).collect());
                (Some(t), Some(median(runs.iter().map(|r| r.0).collect())))
            }
            None => (None, None),
        };
        let ratio = |a: Option<Duration>, b: Duration| {
            a.map(|a| format!("{:.0}×", a.as_secs_f64() / b.as_secs_f64()))
                .unwrap_or_else(|| "—".into())
        };
        lines.push(format!(
            "| {} | {} | {} | '{}' | {} | {} | {} | {} | {} |",
            size.n,
            ms(total),
            ms(worst),
            worst_key,
            naive_total.map(ms).unwrap_or_else(|| "not run".into()),
            naive_worst.map(ms).unwrap_or_else(|| "not run".into()),
            ratio(naive_total, total),
            ratio(naive_worst, worst),
            ms(refresh),
        ));
        match size.n {
            10_000 => {
                verdicts.push(format!(
                    "{}: worst keystroke at 10k {} ≤ 5 ms (at '{}')",
                    verdict(worst <= Duration::from_millis(5)),
                    ms(worst),
                    worst_key
                ));
                if let Some(nt) = naive_total {
                    let r = nt.as_secs_f64() / total.as_secs_f64();
                    verdicts.push(format!(
                        "{}: naive/indexed typing total at 10k {r:.0}× ≥ 20×",
                        verdict(r >= 20.0)
                    ));
                }
            }
            100_000 => verdicts.push(format!(
                "{}: worst keystroke at 100k {} ≤ 30 ms (at '{}')",
                verdict(worst <= Duration::from_millis(30)),
                ms(worst),
                worst_key
            )),
            _ => {}
        }
    }
    let parse_index = criterion_median("load-10k", "parse+index");
    let (store, store_read) = store_open_times(files10k, 7);
    // Where the time goes: reading the edition and building the index; and, for the first start
    // after an import (no parsed copy yet), parsing the TOML.
    let parse_only = median(
        (0..7)
            .map(|_| {
                let t = Instant::now();
                black_box(signpost::directory::parse(files10k).expect("parses"));
                t.elapsed()
            })
            .collect(),
    );
    let parsed = Arc::new(signpost::directory::parse(files10k).expect("parses"));
    let index_only = median(
        (0..7)
            .map(|_| {
                let t = Instant::now();
                black_box(Searcher::new(Arc::clone(&parsed)));
                t.elapsed()
            })
            .collect(),
    );
    // The machine is shared: wall-clock figures grow with other work. Processor time (user +
    // system, from /proc on Linux) for the same builds is what the build itself costs.
    let index_cpu = process_cpu().map(|before| {
        let reps = 21u32;
        for _ in 0..reps {
            black_box(Searcher::new(Arc::clone(&parsed)));
        }
        (process_cpu().unwrap_or(before) - before) / reps
    });
    lines.push(String::new());
    lines.push(format!(
        "10k searcher build, processor time (user + system over 21 builds, both threads): {}",
        index_cpu
            .map(ms)
            .unwrap_or_else(|| "not measured (no /proc)".into())
    ));
    lines.push(format!(
        "10k edition (imported): open sled store + read the current edition + build index {} (median of 7), of which store open and read {} and searcher build (index, facts, hours patterns) {} (medians of 7). First start after an import, parsing the text instead: parse {} (median of 7); parse + index {} (criterion median)",
        ms(store),
        ms(store_read),
        ms(index_only),
        ms(parse_only),
        parse_index.map(ms).unwrap_or_else(|| "not measured".into()),
    ));
    verdicts.push(format!(
        "{}: index build (searcher: index with stems, facts, vocabulary, hours patterns) at 10k {} ≤ 60 ms (processor time {})",
        verdict(index_only <= Duration::from_millis(60)),
        ms(index_only),
        index_cpu.map(ms).unwrap_or_else(|| "not measured".into())
    ));
    verdicts.push(format!(
        "{}: open store + load + build index for 10k {} ≤ 150 ms (open and read {}, index {})",
        verdict(store <= Duration::from_millis(150)),
        ms(store),
        ms(store_read),
        ms(index_only)
    ));
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "\n== Signpost search benchmark (limit {LIMIT} per group; queries {QUERIES:?}; cores {}; load average at end {}) ==",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    for l in lines {
        println!("{l}");
    }
    println!();
    for v in verdicts {
        println!("{v}");
    }
}

/// This process's processor time so far (user + system), where /proc says it.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) — utime and stime are 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux this runs on.
    Some(Duration::from_millis(ticks * 10))
}

fn main() {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    // `cargo test --benches` runs this in test mode: check it works on a small directory only.
    if !args.iter().any(|a| a == "--bench") {
        let mut s = Searcher::new(Arc::new(synthetic::directory(500, SEED)));
        for q in QUERIES {
            type_query(&mut s, q);
        }
        println!("search bench: test mode ok");
        return;
    }
    let mut sizes = sizes();
    let files10k = synthetic::files(10_000, SEED);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    criterion_benches(&mut c, &mut sizes, &files10k);
    c.final_summary();
    report(&mut sizes, &files10k);
    println!("(whole run {:.0} s)", started.elapsed().as_secs_f64());
}
