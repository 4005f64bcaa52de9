//! Arbitrary input to every parser: no panic on random bytes, truncated files, deep nesting or
//! huge strings; oversized files refused before parsing; parsing memory bounded by input size.

mod alloc_support;
mod common;

use alloc_support::{peak_during, Counting};
use proptest::prelude::*;
use signpost::config::Config;
use signpost::directory::{self, Files};
use signpost::report::tally_file;

#[global_allocator]
static ALLOC: Counting = Counting;

fn with_service(text: &str) -> Files {
    let mut f = common::fixture_files();
    f.insert("services/x.toml".into(), text.to_string());
    f
}

fn seeds() -> Vec<String> {
    common::fixture_files().into_values().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn native_parser_never_panics_on_arbitrary_text(s in any::<String>()) {
        let _ = directory::parse(&with_service(&s));
    }

    #[test]
    fn native_parser_never_panics_on_truncated_real_files(i in 0usize..16, cut in any::<prop::sample::Index>()) {
        let seeds = seeds();
        let text = &seeds[i % seeds.len()];
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) { at -= 1; }
        let _ = directory::parse(&with_service(&text[..at]));
        let mut f = common::fixture_files();
        f.insert("places.toml".into(), text[..at].to_string());
        f.insert("triage.toml".into(), text[..at].to_string());
        let _ = directory::parse(&f);
    }

    #[test]
    fn config_parser_never_panics(s in any::<String>()) {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("config.toml");
        std::fs::write(&p, &s).unwrap();
        let _ = Config::load(&p);
    }

    #[test]
    fn tally_files_never_panic(s in any::<String>()) {
        let _ = tally_file::read("f", &s);
        let _ = tally_file::read("f", &format!("{{\"format\":\"signpost-tallies\",\"version\":1,\"machine\":\"m\"}}\n{s}"));
    }
}

#[test]
fn deep_nesting_and_huge_strings_are_problems_not_crashes() {
    let deep = format!("id = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(directory::parse(&with_service(&deep)).is_err());
    let tables = "[a]\n".to_string() + &"[a.b.c.d.e.f.g.h]\n".repeat(10_000);
    assert!(directory::parse(&with_service(&tables)).is_err());
    let huge = format!("id = \"x\"\nname = \"{}\"\n", "n".repeat(8 * 1024 * 1024));
    let r = directory::parse(&with_service(&huge));
    assert!(r.is_ok() || r.is_err());
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let tmp = tempfile::tempdir().unwrap();
    directory::write_folder(&common::fixture_files(), tmp.path()).unwrap();
    let big = std::fs::File::create(tmp.path().join("services/big.toml")).unwrap();
    big.set_len(directory::files::MAX_FILE_BYTES + 1).unwrap();
    let e = directory::read_folder(tmp.path()).unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.file == "services/big.toml" && p.message.contains("the limit is")),
        "{e:#?}"
    );
}

/// Parsing holds the text and the records: measured at 2.4x the input (alone in its process,
/// the parser's helper threads counted), bounded here at 6x.
#[test]
fn parsing_memory_stays_under_a_multiple_of_the_input() {
    // Alone in a process of its own: tests running beside it would add to the counts.
    if !alloc_support::alone("parsing_memory_stays_under_a_multiple_of_the_input") {
        return;
    }
    let one = common::fixture_files()["services/example-island-haven.toml"].clone();
    let mut files = common::fixture_files();
    for i in 0..2000 {
        files.insert(
            format!("services/s{i:04}.toml"),
            one.replace("example-island-haven", &format!("s{i:04}")),
        );
    }
    let input: usize = files.values().map(|v| v.len()).sum();
    let (d, peak) = peak_during(|| directory::parse(&files).unwrap());
    drop(d);
    let ratio = peak as f64 / input as f64;
    eprintln!("parsed {input} bytes with a peak of {peak} bytes ({ratio:.1}x)");
    assert!(
        ratio < 6.0,
        "peak {peak} bytes is {ratio:.1}x the {input}-byte input"
    );
}
