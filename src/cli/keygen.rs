//! `signpost keygen`: a publishing key pair. The private key goes to a file and nowhere else.

use super::Ctx;
use crate::round::keys::SecretKey;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct KeygenArgs {
    /// The publisher's name, shown on every desk that installs an edition signed with this key.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Where to write the private key (a new file); the public key goes beside it as FILE.pub.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(_ctx: &Ctx, a: &KeygenArgs) -> Result<i32, String> {
    if a.name.trim().is_empty() || a.name.chars().any(char::is_control) {
        return Err("--name must be a plain name on one line".into());
    }
    let public_path = PathBuf::from(format!("{}.pub", a.out.display()));
    for p in [&a.out, &public_path] {
        if p.exists() {
            return Err(format!(
                "{} already exists; a key is never overwritten",
                p.display()
            ));
        }
    }
    let key = SecretKey::generate(&a.name)?;
    write_new(&a.out, &key.to_file())?;
    let public = key.public();
    write_new(
        &public_path,
        &format!(
            "# Public key of {}: add it to each desk's config.toml as\n# trusted_keys = [\"{public}\"]\n{public}\n",
            key.publisher
        ),
    )?;
    println!(
        "Private key for {} written to {}: keep it private (it is not shown here).",
        key.publisher,
        a.out.display()
    );
    println!(
        "Public key written to {}. Desks trust it with this line in config.toml:",
        public_path.display()
    );
    println!("trusted_keys = [\"{public}\"]");
    Ok(0)
}

/// Create a file that must not exist yet, readable by its owner alone where the system allows.
fn write_new(path: &std::path::Path, text: &str) -> Result<(), String> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}
