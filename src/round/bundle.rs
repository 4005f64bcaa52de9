//! An edition bundle: one file holding a whole edition, its content hash, and the publisher's
//! Ed25519 signature over that hash, the publisher's name and the time of publishing.
//!
//! Layout: one line of JSON (the header, everything the signature covers), then the edition's
//! files as JSON. A desk reads the header alone to choose among bundles, then reads the rest and
//! checks the hash, so a half-copied file can never be installed.

use super::keys::{self, SecretKey};
use crate::directory::Files;
use chrono::{DateTime, Utc};
use ed25519_dalek::Signature;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read};
use thiserror::Error;

pub const FORMAT: &str = "signpost-edition-bundle/1";
/// Bundles in a share folder end with this; anything else there (a `.part` file) is not one.
pub const EXTENSION: &str = "signpost-edition";
/// No real header comes near this; a longer first line is not a bundle.
const MAX_HEADER_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    pub edition_id: String,
    /// The edition's own date (`edition.toml`), so a desk never swaps a newer edition for an
    /// older one.
    pub edition_date: String,
    /// SHA-256 of the edition's files, hashed the way the edition id is.
    pub content_sha256: String,
    pub publisher: String,
    /// UTC, RFC 3339.
    pub published_at: String,
    /// The public key that made the signature, `ed25519:<hex>`.
    pub key: String,
    pub signature: String,
}

impl Header {
    /// Exactly what the signature covers, so no field can change without breaking it.
    fn message(&self) -> Vec<u8> {
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
            self.format,
            self.edition_id,
            self.edition_date,
            self.content_sha256,
            self.publisher,
            self.published_at,
            self.key
        )
        .into_bytes()
    }

    pub fn published(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.published_at)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("not an edition bundle")]
    NotABundle,
    #[error("incomplete or damaged (a copy still in progress?): the edition does not read")]
    Incomplete,
    #[error("the edition inside does not match its hash: it was changed after publishing")]
    HashMismatch,
    #[error("the signature does not match: the bundle was changed after publishing")]
    BadSignature,
    #[error("signed by {0}, which this desk's trusted_keys does not list")]
    Untrusted(String),
    #[error("this desk's config lists no trusted_keys, so no bundle can be trusted")]
    NoTrustedKeys,
}

/// A bundle whose hash and signature checked out against a trusted key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub header: Header,
    pub files: Files,
}

/// The full content hash (the edition id is its first 12 hex digits).
pub fn content_hash(files: &Files) -> String {
    crate::directory::files::content_hash(files)
}

/// Sign `files` as `key`'s publisher at `now`: the bundle's bytes.
pub fn seal(files: &Files, edition_date: &str, key: &SecretKey, now: DateTime<Utc>) -> Vec<u8> {
    let hash = content_hash(files);
    let mut header = Header {
        format: FORMAT.to_string(),
        edition_id: hash[..12].to_string(),
        edition_date: edition_date.to_string(),
        content_sha256: hash,
        publisher: key.publisher.clone(),
        published_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        key: key.public(),
        signature: String::new(),
    };
    header.signature = key.sign(&header.message());
    let mut out = serde_json::to_vec(&header).unwrap_or_default();
    out.push(b'\n');
    out.extend(serde_json::to_vec(files).unwrap_or_default());
    out.push(b'\n');
    out
}

/// Read the header alone (cheap: a desk looks at every bundle in the share this way).
pub fn read_header(reader: &mut impl BufRead) -> Result<Header, BundleError> {
    let mut line = Vec::new();
    let mut limited = reader.by_ref().take(MAX_HEADER_BYTES as u64);
    limited
        .read_until(b'\n', &mut line)
        .map_err(|_| BundleError::NotABundle)?;
    let header: Header = serde_json::from_slice(&line).map_err(|_| BundleError::NotABundle)?;
    if header.format != FORMAT {
        return Err(BundleError::NotABundle);
    }
    Ok(header)
}

/// Check a whole bundle: it reads, its files match the hash, and a trusted key signed it.
pub fn open(bytes: &[u8], trusted: &[String]) -> Result<Opened, BundleError> {
    let mut reader = bytes;
    let header = read_header(&mut reader)?;
    let files: Files = serde_json::from_slice(reader).map_err(|_| BundleError::Incomplete)?;
    check(&header, &files, trusted)?;
    Ok(Opened { header, files })
}

fn check(h: &Header, files: &Files, trusted: &[String]) -> Result<(), BundleError> {
    let hash = content_hash(files);
    if hash != h.content_sha256 || !hash.starts_with(&h.edition_id) || h.edition_id.len() != 12 {
        return Err(BundleError::HashMismatch);
    }
    let key = keys::parse_public(&h.key).ok_or(BundleError::BadSignature)?;
    let sig = keys::unhex::<64>(&h.signature)
        .map(|b| Signature::from_bytes(&b))
        .ok_or(BundleError::BadSignature)?;
    key.verify_strict(&h.message(), &sig)
        .map_err(|_| BundleError::BadSignature)?;
    if trusted.is_empty() {
        return Err(BundleError::NoTrustedKeys);
    }
    let trusted_here = trusted
        .iter()
        .filter_map(|t| keys::parse_public(t))
        .any(|t| t == key);
    if !trusted_here {
        return Err(BundleError::Untrusted(keys::fingerprint(&h.key)));
    }
    Ok(())
}
