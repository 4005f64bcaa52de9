//! `signpost verify`: record a maintainer's confirmation in the service's own file.

use super::Ctx;
use crate::directory;
use crate::model::validate::CheckContext;
use crate::model::{Date, Problem};
use crate::round::verify::{self, Method, Verification};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum MethodArg {
    Phone,
    Email,
    Website,
    InPerson,
}

impl From<MethodArg> for Method {
    fn from(m: MethodArg) -> Method {
        match m {
            MethodArg::Phone => Method::Phone,
            MethodArg::Email => Method::Email,
            MethodArg::Website => Method::Website,
            MethodArg::InPerson => Method::InPerson,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The service id (its file name without .toml).
    pub id: String,
    /// Who confirmed it with the provider.
    #[arg(long, value_name = "NAME")]
    pub by: String,
    #[arg(long, value_enum)]
    pub method: MethodArg,
    /// The day it was confirmed (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = Date::parse)]
    pub on: Option<Date>,
    /// What was confirmed or changed.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The directory folder (the text files are the source of truth).
    #[arg(default_value = "directory")]
    pub dir: PathBuf,
}

pub fn run(ctx: &Ctx, a: &VerifyArgs) -> Result<i32, String> {
    let today = Date(ctx.now.date_naive());
    let rel = format!("services/{}.toml", a.id);
    let shown = |p: &Problem| {
        let mut q = p.clone();
        q.file = a.dir.join(&p.file).display().to_string();
        q.to_string()
    };
    let files = directory::read_folder(&a.dir).map_err(|ps| {
        let lines: Vec<String> = ps.iter().map(shown).collect();
        lines.join("\n")
    })?;
    let Some(text) = files.get(&rel) else {
        return Err(shown(&Problem::error(
            "services/",
            "id",
            format!("no service with id '{}' in this folder", a.id),
        )));
    };
    let v = Verification {
        on: a.on.unwrap_or(today),
        by: a.by.clone(),
        method: a.method.into(),
        note: a.note.clone().unwrap_or_default(),
    };
    verify::check(&v, &rel, today).map_err(|p| shown(&p))?;
    // A record with errors is fixed first: a verification must not vouch for a broken record.
    let cctx = CheckContext {
        today,
        stale_months: ctx.config.stale_months,
    };
    let (_, problems) = directory::check(&files, cctx);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error() && p.file == rel)
        .map(shown)
        .collect();
    if !errors.is_empty() {
        return Err(format!(
            "{}\n{}: has errors; fix them before recording a verification (nothing was written)",
            errors.join("\n"),
            a.dir.join(&rel).display()
        ));
    }
    let new_text = verify::write(&rel, text, &v).map_err(|p| shown(&p))?;
    let mut after = files.clone();
    after.insert(rel.clone(), new_text.clone());
    if let Err(ps) = directory::parse(&after) {
        let lines: Vec<String> = ps.iter().map(shown).collect();
        return Err(format!("{}\nnothing was written", lines.join("\n")));
    }
    write_atomically(&a.dir.join(&rel), &new_text)?;
    println!(
        "Recorded: {} verified {} by {} ({}) in {}",
        a.id,
        v.on,
        v.by.trim(),
        v.method.label(),
        a.dir.join(&rel).display()
    );
    Ok(0)
}

/// Write beside the file and rename over it, so a crash leaves the old file or the new one.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("toml.part");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: {e}", path.display())
    })
}
