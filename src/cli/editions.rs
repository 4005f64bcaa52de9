//! Maintainers' commands: import, export, editions, rollback, reset and paths.

use super::{notices, Ctx};
use crate::directory;
use crate::model::diff::{diff, Diff};
use crate::model::validate::CheckContext;
use crate::model::Date;
use crate::session::{self, make_edition, SessionMode};
use crate::store::{Origin, SledStore, Store};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

pub fn print_diff(d: &Diff) {
    if d.is_empty() {
        println!("No changes: the edition is the same as the one in use.");
        return;
    }
    println!(
        "{} added, {} removed, {} changed",
        d.added.len(),
        d.removed.len(),
        d.changed.len()
    );
    for id in &d.added {
        println!("  + {id}");
    }
    for id in &d.removed {
        println!("  - {id}");
    }
    for c in &d.changed {
        println!("  ~ {} ({})", c.id, crate::model::clean::line(&c.name));
        for f in &c.fields {
            let line = format!("      {}: {} -> {}", f.field, f.before, f.after);
            println!("{}", crate::model::clean::for_terminal(&line));
        }
    }
    for f in &d.other_files {
        println!("  ~ {f}");
    }
}

pub fn confirm(question: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{question} [y/N] ");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    matches!(line.trim(), "y" | "Y" | "yes")
}

pub fn import(ctx: &Ctx, path: &Path, dry_run: bool, yes: bool) -> Result<i32, String> {
    let files = match directory::read_folder(path) {
        Ok(f) => f,
        Err(problems) => {
            for p in &problems {
                println!("{}", crate::model::clean::for_terminal(&p.to_string()));
            }
            return Err(format!("{}: refused, nothing was changed", path.display()));
        }
    };
    let cctx = CheckContext {
        today: Date(ctx.now.date_naive()),
        stale_months: ctx.config.stale_months,
    };
    let (new_dir, problems) = super::check::edition_problems(&files, cctx);
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    let Some(new_dir) = new_dir.filter(|_| errors.is_empty()) else {
        for p in problems.iter().filter(|p| p.is_error()) {
            println!("{}", {
                let mut q = p.clone();
                q.file = path.join(&p.file).display().to_string();
                q
            });
        }
        return Err(format!(
            "{}: the edition has errors and was refused whole; the stored edition is unchanged",
            path.display()
        ));
    };
    super::check::coverage_before_import(ctx, &new_dir, path)?;
    let current = ctx.open()?;
    notices(&current);
    print_diff(&diff(&current.directory, &new_dir));
    if dry_run {
        println!("Dry run: nothing was written.");
        return Ok(0);
    }
    if let SessionMode::ReadOnly { reason } = &current.mode {
        return Err(format!("cannot import: {reason}"));
    }
    if !yes && !confirm("Install this edition?") {
        println!("Not installed (use --yes to install without asking).");
        return Ok(1);
    }
    let emb_id = directory::edition_id(&directory::embedded());
    let origin = Origin::Imported {
        path: path.display().to_string(),
    };
    let edition = make_edition(files, origin, &emb_id, &ctx.now.to_rfc3339());
    let mut store = SledStore::new(&ctx.paths.data_dir);
    store.install(&edition).map_err(|e| e.to_string())?;
    println!(
        "Installed edition {} ({}); the previous edition {} is kept for `signpost rollback`.",
        edition.meta.id, edition.meta.date, current.meta.id
    );
    Ok(0)
}

pub fn export(ctx: &Ctx, path: &Path) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    if path.exists()
        && path
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(format!(
            "{} already exists and is not empty; choose a new folder",
            path.display()
        ));
    }
    let store = SledStore::new(&ctx.paths.data_dir);
    let edition = match (&s.mode, store.current()) {
        (SessionMode::ReadWrite, Ok(Some(e))) => e,
        _ => session::make_edition(directory::embedded(), Origin::Embedded, "", ""),
    };
    directory::write_folder(&edition.files, path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "Exported edition {} ({} files) to {}",
        edition.meta.id,
        edition.files.len(),
        path.display()
    );
    Ok(0)
}

pub fn list(ctx: &Ctx) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let history = SledStore::new(&ctx.paths.data_dir)
        .history()
        .map_err(|e| e.to_string())?;
    for (i, m) in history.iter().enumerate() {
        let mark = if i == 0 { "*" } else { " " };
        println!(
            "{mark} {}  {:<10}  {}  ({}; installed {})",
            m.id, m.date, m.label, m.origin, m.installed_at
        );
    }
    Ok(0)
}

pub fn rollback(ctx: &Ctx) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let mut store = SledStore::new(&ctx.paths.data_dir);
    let m = store.rollback().map_err(|e| e.to_string())?;
    println!(
        "Rolled back: edition {} ({}, {}) is now in use.",
        m.id, m.date, m.origin
    );
    Ok(0)
}

pub fn reset(ctx: &Ctx) -> Result<i32, String> {
    let store = SledStore::new(&ctx.paths.data_dir);
    let stamp = ctx.now.format("%Y%m%dT%H%M%SZ").to_string();
    match store.move_aside(&stamp) {
        Ok(Some(p)) => println!(
            "Moved the old directory store aside to {} (nothing was deleted).",
            p.display()
        ),
        Ok(None) => println!("There was no directory store to move aside."),
        Err(e) => return Err(format!("cannot move the store aside: {e}")),
    }
    let s = session::open(
        &ctx.paths.data_dir,
        &directory::embedded(),
        &ctx.now.to_rfc3339(),
    )
    .map_err(|e| e.to_string())?;
    notices(&s);
    println!("The directory is set up again from edition {} ({}). Local tallies and reports were not touched.", s.meta.id, s.meta.date);
    Ok(0)
}

pub fn paths(ctx: &Ctx) -> Result<i32, String> {
    let p = &ctx.paths;
    println!("data:   {} ({:?})", p.data_dir.display(), p.source);
    println!("config: {}", p.config_file.display());
    println!(
        "log:    {} (written only when SIGNPOST_LOG is set)",
        p.log_file.display()
    );
    println!(
        "role:   {}{}",
        ctx.role.label(),
        if ctx.config.role_locked {
            " (locked by config)"
        } else {
            ""
        }
    );
    Ok(0)
}
