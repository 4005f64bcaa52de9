//! `signpost review`: the maintainers' worklist, most important first, with the number to ring.

use super::Ctx;
use crate::directory;
use crate::model::validate::CheckContext;
use crate::model::Date;
use crate::report::WrongRecord;
use crate::round::review::{add_report_line, worklist, Reports, ReviewItem};
use crate::store::{LocalKind, SledStore, Store};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum, PartialEq, Eq)]
pub enum ReviewFormat {
    #[default]
    Text,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The directory folder to review (default: the edition in use on this machine).
    pub dir: Option<PathBuf>,
    /// Wrong-record reports saved from desks (`signpost report --wrong-records > FILE`).
    #[arg(long = "reports", value_name = "FILE", num_args = 1..)]
    pub reports: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReviewFormat,
}

pub fn run(ctx: &Ctx, a: &ReviewArgs) -> Result<i32, String> {
    let cctx = CheckContext {
        today: Date(ctx.now.date_naive()),
        stale_months: ctx.config.stale_months,
    };
    let dir = match &a.dir {
        Some(path) => read(path)?,
        None => ctx.open()?.directory,
    };
    let mut reports = Reports::new();
    // This desk's own reports count too: a maintainer often works from a desk machine.
    if let Ok(rows) = SledStore::new(&ctx.paths.data_dir).read_local(LocalKind::WrongRecords) {
        for r in rows.iter().filter_map(|r| WrongRecord::decode(r).ok()) {
            add_report_line(&mut reports, &format!("{} {} {}", r.at, r.what, r.service));
        }
    }
    for f in &a.reports {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() && !add_report_line(&mut reports, line) {
                return Err(format!(
                    "{}:{}: not a wrong-record line (expected \"DATE TIME  WHAT  ID\" as `signpost report --wrong-records` prints)",
                    f.display(),
                    i + 1
                ));
            }
        }
    }
    let items = worklist(&dir, cctx, &reports);
    match a.format {
        ReviewFormat::Text => print_text(&items),
        ReviewFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&items).map_err(|e| e.to_string())?
        ),
        ReviewFormat::Csv => print_csv(&items),
    }
    Ok(0)
}

fn read(path: &Path) -> Result<crate::model::Directory, String> {
    let files = directory::read_folder(path).map_err(|p| join(path, &p))?;
    directory::parse(&files).map_err(|p| join(path, &p))
}

fn join(path: &Path, problems: &[crate::model::Problem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let mut q = p.clone();
            q.file = path.join(&p.file).display().to_string();
            q.to_string()
        })
        .collect();
    format!(
        "{} cannot be reviewed until it reads:\n{}",
        path.display(),
        lines.join("\n")
    )
}

fn print_text(items: &[ReviewItem]) {
    if items.is_empty() {
        println!("Nothing to review: every record is verified and in date.");
        return;
    }
    println!("{} records to review, most important first:", items.len());
    for (n, it) in items.iter().enumerate() {
        let ring = if it.ring.is_empty() {
            format!("no number on record; read {}", it.source)
        } else {
            format!("ring {}", it.ring)
        };
        println!(
            "{:>3}. [{}] {} ({})",
            n + 1,
            it.tier.label(),
            plain(&it.name),
            it.id
        );
        println!("     why:   {}", plain(&it.reasons.join("; ")));
        println!("     check: {}", it.check);
        println!("     {}", plain(&ring));
    }
}

fn print_csv(items: &[ReviewItem]) {
    println!("rank,tier,id,name,reasons,check,ring,source");
    for (n, it) in items.iter().enumerate() {
        let cells = [
            (n + 1).to_string(),
            it.tier.label().to_string(),
            it.id.clone(),
            it.name.clone(),
            it.reasons.join("; "),
            it.check.clone(),
            it.ring.clone(),
            it.source.clone(),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        println!("{}", row.join(","));
    }
}

fn csv_cell(s: &str) -> String {
    let s = plain(s);
    // A leading = + - @ would run as a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Text from a directory folder never reaches the terminal raw: no control characters or
/// escape sequences.
fn plain(s: &str) -> String {
    crate::model::clean::line(s)
}
