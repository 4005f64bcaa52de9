//! `signpost publish`: check a directory folder and write one signed edition bundle.

use super::Ctx;
use crate::directory;
use crate::model::validate::CheckContext;
use crate::model::Date;
use crate::round::bundle::{self, EXTENSION};
use crate::round::keys::SecretKey;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// The directory folder to publish.
    pub dir: PathBuf,
    /// The publisher's private key file (from `signpost keygen`).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The bundle to write, or a folder (the share) to write it into under a dated name.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(ctx: &Ctx, a: &PublishArgs) -> Result<i32, String> {
    let key_text = std::fs::read_to_string(&a.key).map_err(|e| {
        format!(
            "{}: cannot read the key file: {}",
            a.key.display(),
            e.kind()
        )
    })?;
    let key = SecretKey::from_file(&a.key.display().to_string(), &key_text)?;
    let files = directory::read_folder(&a.dir).map_err(|ps| listed(&a.dir, &ps))?;
    let cctx = CheckContext {
        today: Date(ctx.now.date_naive()),
        stale_months: ctx.config.stale_months,
    };
    let (dir, problems) = super::check::edition_problems(&files, cctx);
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).cloned().collect();
    let Some(dir) = dir.filter(|_| errors.is_empty()) else {
        return Err(format!(
            "{}\n{}: the folder has errors; nothing was published",
            listed(&a.dir, &errors),
            a.dir.display()
        ));
    };
    // Desks compare edition dates so that nothing older replaces newer: a date is required.
    let Some(date) = dir.edition.date.map(|d| d.to_string()) else {
        return Err(format!(
            "{}: date: an edition needs a date to be published (date = \"YYYY-MM-DD\"); nothing was published",
            a.dir.join("edition.toml").display()
        ));
    };
    let bytes = bundle::seal(&files, &date, &key, ctx.now);
    let id = directory::edition_id(&files);
    let out = if a.out.is_dir() {
        a.out.join(format!(
            "edition-{}-{id}.{EXTENSION}",
            ctx.now.format("%Y%m%dT%H%M%SZ")
        ))
    } else {
        a.out.clone()
    };
    write_then_rename(&out, &bytes)?;
    println!(
        "Published edition {id} ({} services, dated {date}) as {}, signed by {}: {} ({} bytes).",
        dir.services.len(),
        ctx.now.format("%Y-%m-%d %H:%M UTC"),
        key.publisher,
        out.display(),
        bytes.len()
    );
    Ok(0)
}

fn listed(folder: &Path, problems: &[crate::model::Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            let mut q = p.clone();
            q.file = folder.join(&p.file).display().to_string();
            q.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Desks only look at finished names: the bundle is written as `.part`, flushed, then renamed,
/// so a desk reading the share mid-copy never sees a partial bundle under a bundle's name.
fn write_then_rename(out: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let part = PathBuf::from(format!("{}.part", out.display()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&part)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&part, out)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&part);
        format!("{}: {e}", out.display())
    })
}
