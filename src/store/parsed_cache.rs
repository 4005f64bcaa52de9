//! The current edition already parsed, so a start-up reads it in one step instead of parsing text.
//!
//! The text files stay the record; this is only a copy for speed. It is trusted only when it was
//! written by this very build (the fingerprint of its source, stamped by `build.rs`) for this very
//! edition id (a hash of the text), and a cache that fails to decode in any way is a miss: the
//! caller parses the text as if there were no cache.

use super::EditionMeta;
use crate::model::{Directory, Service};

/// This build's fingerprint: a cache from any other build is ignored, because a changed model or
/// parser could read the same text differently.
pub const BUILD: &str = env!("SIGNPOST_BUILD_FINGERPRINT");

const MAGIC: &[u8] = b"signpost-parsed-edition\n";
/// Services are cut into this many parts so decoding runs on every core.
const PARTS: usize = 4;

fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Encode under `build`; `encode(BUILD, ..)` everywhere but tests that prove another build's cache
/// is refused.
pub fn encode(build: &str, meta: &EditionMeta, directory: &Directory) -> Option<Vec<u8>> {
    // Everything but the services, which go in parts; named field by field so a new field of
    // `Directory` cannot be left out of the copy unnoticed.
    let rest = Directory {
        edition: directory.edition.clone(),
        services: Vec::new(),
        places: directory.places.clone(),
        triage: directory.triage.clone(),
        bank_holidays: directory.bank_holidays.clone(),
        accepted_gaps: directory.accepted_gaps.clone(),
        feed_taxonomy: directory.feed_taxonomy.clone(),
        vocabulary: directory.vocabulary.clone(),
        status_notes: directory.status_notes.clone(),
    };
    let services = &directory.services;
    let mut out = Vec::with_capacity(MAGIC.len() + 64);
    out.extend_from_slice(MAGIC);
    put(&mut out, build.as_bytes());
    put(&mut out, &rmp_serde::to_vec_named(meta).ok()?);
    put(&mut out, &rmp_serde::to_vec_named(&rest).ok()?);
    let chunk = services.len().div_ceil(PARTS).max(1);
    let parts: Vec<&[Service]> = services.chunks(chunk).collect();
    out.extend_from_slice(&(parts.len() as u64).to_le_bytes());
    for part in parts {
        put(&mut out, &rmp_serde::to_vec_named(part).ok()?);
    }
    Some(out)
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
    fn len(&mut self) -> Option<usize> {
        let b: [u8; 8] = self.take(8)?.try_into().ok()?;
        usize::try_from(u64::from_le_bytes(b)).ok()
    }
    fn field(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
}

/// Decode a cache written by `build` for edition `id`; anything else (another build, another
/// edition, truncated or damaged bytes) is `None`.
pub fn decode(build: &str, id: &str, bytes: &[u8]) -> Option<(EditionMeta, Directory)> {
    let mut r = Reader(bytes);
    (r.take(MAGIC.len())? == MAGIC).then_some(())?;
    (r.field()? == build.as_bytes()).then_some(())?;
    let meta: EditionMeta = rmp_serde::from_slice(r.field()?).ok()?;
    if meta.id != id {
        return None;
    }
    let mut directory: Directory = rmp_serde::from_slice(r.field()?).ok()?;
    let count = r.len()?;
    // One thread per part: a damaged count must not become thousands of threads.
    if count > PARTS {
        return None;
    }
    let parts: Vec<&[u8]> = (0..count).map(|_| r.field()).collect::<Option<_>>()?;
    if !r.0.is_empty() {
        return None;
    }
    let decoded: Vec<Option<Vec<Service>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .iter()
            .map(|p| scope.spawn(move || rmp_serde::from_slice::<Vec<Service>>(p).ok()))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().ok().flatten())
            .collect()
    });
    for part in decoded {
        directory.services.extend(part?);
    }
    // Closed periods from status notes are not kept in the copy; they come from its notes.
    directory.apply_status_notes();
    Some((meta, directory))
}
