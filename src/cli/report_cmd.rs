//! `signpost report`: demand and gaps (suppressed), tally export and merge, wrong-record reports.

use super::Ctx;
use crate::model::Date;
use crate::report::{self, tally_file, Tally, WrongRecord};
use crate::store::{LocalKind, SledStore, Store};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// First day to include (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<Date>,
    /// Last day to include (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<Date>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// List the records call handlers flagged as wrong, for maintainers.
    #[arg(long)]
    pub wrong_records: bool,
    /// Write this machine's raw tally rows to FILE, for merging elsewhere.
    #[arg(long, value_name = "FILE")]
    pub export_tallies: Option<PathBuf>,
    /// Report over other machines' tally exports as well as this machine's rows.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub merge: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    #[default]
    Text,
    Csv,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

/// This machine's random id, created once; it says nothing about the machine or its user.
pub fn machine_id(data_dir: &Path) -> Result<String, String> {
    let p = data_dir.join("machine-id");
    if let Ok(s) = std::fs::read_to_string(&p) {
        let s = s.trim().to_string();
        if !s.is_empty() {
            return Ok(s);
        }
    }
    let id = report::tally::random_id();
    std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
    std::fs::write(&p, &id).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(id)
}

pub fn local_tallies(store: &dyn Store) -> Result<Vec<Tally>, String> {
    let rows = store
        .read_local(LocalKind::Tallies)
        .map_err(|e| e.to_string())?;
    rows.iter().map(|r| Tally::decode(r)).collect()
}

pub fn run(ctx: &Ctx, a: &ReportArgs) -> Result<i32, String> {
    let store = SledStore::new(&ctx.paths.data_dir);
    if a.wrong_records {
        let rows = store
            .read_local(LocalKind::WrongRecords)
            .map_err(|e| e.to_string())?;
        if rows.is_empty() {
            println!("No records have been flagged as wrong on this machine.");
        }
        for r in rows {
            let w = WrongRecord::decode(&r)?;
            println!("{}  {:<8} {}", w.at, w.what, w.service);
        }
        return Ok(0);
    }
    let mut tallies = local_tallies(&store)?;
    if let Some(path) = &a.export_tallies {
        let machine = machine_id(&ctx.paths.data_dir)?;
        std::fs::write(path, tally_file::write(&machine, &tallies))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        println!("Wrote {} tally rows to {}", tallies.len(), path.display());
        return Ok(0);
    }
    for f in &a.merge {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        tallies.extend(tally_file::read(&f.display().to_string(), &text)?);
    }
    let r = report::build(&tallies, a.since, a.until);
    match a.format {
        ReportFormat::Text => print!("{}", report::aggregate::to_text(&r)),
        ReportFormat::Csv => print!("{}", report::aggregate::to_csv(&r)),
    }
    Ok(0)
}
