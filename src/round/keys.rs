//! Publishing keys: an Ed25519 key pair per publisher, kept in plain files, never printed whole.

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use std::fmt;

/// How a public key is written in a config file and in a bundle: `ed25519:` and 64 hex digits.
pub const PUBLIC_PREFIX: &str = "ed25519:";
const SECRET_KIND: &str = "signpost-publishing-key";

/// A publisher's private key with the name its bundles carry. `Debug` never shows the key.
pub struct SecretKey {
    pub publisher: String,
    key: SigningKey,
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({}, [private])", self.publisher)
    }
}

impl SecretKey {
    /// A new key from the operating system's random source.
    pub fn generate(publisher: &str) -> Result<SecretKey, String> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| format!("no random source: {e}"))?;
        Ok(SecretKey {
            publisher: publisher.trim().to_string(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    pub fn public(&self) -> String {
        public_text(&self.key.verifying_key())
    }

    pub fn sign(&self, message: &[u8]) -> String {
        hex(&self.key.sign(message).to_bytes())
    }

    /// The key file's text: the private key and the publisher's name, with a warning.
    pub fn to_file(&self) -> String {
        format!(
            "# Signpost publishing key for {name}. PRIVATE: whoever holds this file can publish\n\
             # directory editions that desks trusting {public} will install. Never share it.\n\
             kind = \"{SECRET_KIND}\"\npublisher = {quoted}\nsecret = \"{secret}\"\n",
            name = self.publisher,
            public = self.public(),
            quoted = toml_edit::value(self.publisher.as_str()),
            secret = hex(self.key.as_bytes()),
        )
    }

    /// Read a key file. Messages name the file and field only: never any of its content.
    pub fn from_file(shown: &str, text: &str) -> Result<SecretKey, String> {
        let bad = |field: &str, why: &str| format!("{shown}: {field}: {why}");
        let doc: toml_edit::DocumentMut = text
            .parse()
            .map_err(|_| format!("{shown}: not a Signpost publishing key file"))?;
        if doc.get("kind").and_then(|v| v.as_str()) != Some(SECRET_KIND) {
            return Err(bad("kind", "not a Signpost publishing key file"));
        }
        let publisher = doc
            .get("publisher")
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| bad("publisher", "missing"))?
            .to_string();
        let secret = doc
            .get("secret")
            .and_then(|v| v.as_str())
            .and_then(unhex::<32>)
            .ok_or_else(|| bad("secret", "missing or not 64 hex digits"))?;
        Ok(SecretKey {
            publisher,
            key: SigningKey::from_bytes(&secret),
        })
    }
}

pub fn public_text(k: &VerifyingKey) -> String {
    format!("{PUBLIC_PREFIX}{}", hex(k.as_bytes()))
}

/// Parse `ed25519:<hex>` as a config or a bundle writes it.
pub fn parse_public(text: &str) -> Option<VerifyingKey> {
    let bytes = unhex::<32>(text.trim().strip_prefix(PUBLIC_PREFIX)?)?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A short form of a public key for messages: enough to tell keys apart on a phone call.
pub fn fingerprint(public: &str) -> String {
    let hexpart = public.strip_prefix(PUBLIC_PREFIX).unwrap_or(public);
    format!(
        "{PUBLIC_PREFIX}{}…",
        hexpart.chars().take(12).collect::<String>()
    )
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let s = s.trim();
    if s.len() != N * 2 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_reads_back_to_the_same_key() {
        let k = SecretKey::generate("Area \"directory\" team").unwrap();
        let back = SecretKey::from_file("k", &k.to_file()).unwrap();
        assert_eq!(back.public(), k.public());
        assert_eq!(back.publisher, "Area \"directory\" team");
        assert!(!format!("{back:?}").contains(&hex(k.key.as_bytes())));
    }

    #[test]
    fn a_damaged_key_file_is_refused_without_echoing_it() {
        let k = SecretKey::generate("A").unwrap();
        let text = k.to_file().replace("secret = \"", "secret = \"zz");
        let e = SecretKey::from_file("k.key", &text).unwrap_err();
        assert!(e.starts_with("k.key: secret:"), "{e}");
        assert!(!e.contains(&hex(k.key.as_bytes())[..16]), "{e}");
    }
}
