//! `signpost sync`: once, for scripts, what the app does by itself — install the newest trusted
//! edition from the share, if it is newer than the one in use.

use super::{notices, Ctx};
use crate::directory;
use crate::round::share;
use crate::session::SessionMode;
use crate::store::SledStore;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// A share folder or one bundle file (default: `edition_source` in the config).
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, a: &SyncArgs) -> Result<i32, String> {
    let Some(source) = a.from.clone().or_else(|| ctx.config.edition_source.clone()) else {
        return Err(format!(
            "no edition source: set edition_source in {} or give --from",
            ctx.paths.config_file.display()
        ));
    };
    let current = ctx.open()?;
    notices(&current);
    if let SessionMode::ReadOnly { reason } = &current.mode {
        return Err(format!("cannot install: {reason}"));
    }
    let trusted = &ctx.config.trusted_keys;
    let found = if source.is_file() {
        let checked = share::read_and_open(&source, trusted)
            .map_err(|e| format!("{}: refused: {e}", source.display()))?;
        if !share::is_newer(&current.meta, &checked.opened.header) {
            println!(
                "Edition {} in use is the same as or newer than {} (no downgrade; a maintainer can run `signpost rollback`).",
                current.meta.id,
                source.display()
            );
            return Ok(0);
        }
        Some((source.clone(), checked))
    } else {
        let found = share::find_newer(&source, trusted, &current.meta)?;
        for p in &found.passed_over {
            eprintln!("signpost: passed over {p}");
        }
        found.newer
    };
    let Some((path, checked)) = found else {
        println!(
            "Up to date: edition {} ({}) is in use; nothing newer in {}.",
            current.meta.id,
            current.meta.origin,
            source.display()
        );
        return Ok(0);
    };
    let emb_id = directory::edition_id(&directory::embedded());
    let mut store = SledStore::new(&ctx.paths.data_dir);
    let meta = share::install(&mut store, &checked, &emb_id, ctx.now)?;
    println!(
        "Installed edition {} ({}) from {}, {}; edition {} is kept for `signpost rollback`.",
        meta.id,
        meta.date,
        path.display(),
        meta.origin,
        current.meta.id
    );
    Ok(0)
}
