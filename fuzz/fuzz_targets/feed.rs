//! The HSDS / Open Referral UK feed reader on arbitrary bytes, in each format, against the
//! default edition's places and taxonomy. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signpost::directory::feed::{read_feed, FeedFormat, FeedOptions};
use signpost::directory;
use signpost::model::{Date, Directory};
use std::sync::OnceLock;

fn edition() -> &'static Directory {
    static DIR: OnceLock<Directory> = OnceLock::new();
    DIR.get_or_init(|| {
        directory::parse(&directory::embedded()).expect("the default edition parses")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [None, Some(FeedFormat::Hsds), Some(FeedFormat::OrukV1)] {
        let opts = FeedOptions {
            name: "fuzz".into(),
            format,
            feed_url: None,
            today: Date::parse("2026-11-23").unwrap(),
            defaults: Default::default(),
        };
        let _ = read_feed(&text, &opts, edition());
    }
});
