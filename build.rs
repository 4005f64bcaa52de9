//! Compiles the `directory/` text files into the binary as the embedded edition, and stamps the
//! build with a fingerprint of its source so a parsed-directory cache from another build is never used.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// FNV-1a over every source file and the lock file: any change to how text becomes a `Directory`
/// (model, parser, dependency versions) gives a new fingerprint. Not a security hash: a cache is
/// only ever written by this program on this machine.
fn fingerprint(manifest: &Path) -> String {
    let mut files = Vec::new();
    collect_ext(&manifest.join("src"), "rs", &mut files);
    files.push(manifest.join("Cargo.lock"));
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let rel = f
            .strip_prefix(manifest)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // A missing lock file (a fresh clone always has one) just leaves it out of the hash.
        let body = std::fs::read(&f).unwrap_or_default();
        for b in rel.as_bytes().iter().chain([0u8].iter()).chain(body.iter()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!(
        "{}-{h:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    )
}

fn collect_ext(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_ext(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!(
        "cargo:rustc-env=SIGNPOST_BUILD_FINGERPRINT={}",
        fingerprint(&manifest)
    );
    let root = manifest.join("directory");
    println!("cargo:rerun-if-changed=directory");
    let mut files = Vec::new();
    collect_ext(&root, "toml", &mut files);
    let mut src = String::from("pub const FILES: &[(&str, &str)] = &[\n");
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            src,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, src).unwrap();
}
