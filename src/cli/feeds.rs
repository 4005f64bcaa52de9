//! `signpost import FILE --feed NAME` and `signpost export --format hsds-json|csv TARGET`.

use super::editions::{confirm, print_diff};
use super::{notices, Ctx};
use crate::directory::feed::{
    self, csv_out, hsds_out, terms, FeedDefaults, FeedFormat, FeedOptions, FindingKind,
};
use crate::directory::{self, files::MAX_FILE_BYTES};
use crate::model::clean;
use crate::model::place::Lookup;
use crate::model::validate::CheckContext;
use crate::model::Category;
use crate::model::Date;
use crate::session::{make_edition, SessionMode};
use crate::store::{Origin, SledStore, Store};
use std::io::Write;
use std::path::Path;

pub struct FeedArgs<'a> {
    pub path: &'a Path,
    pub name: &'a str,
    pub format: Option<FeedFormat>,
    pub feed_url: Option<&'a str>,
    pub area: Option<&'a str>,
    pub categories: &'a [String],
    pub report: Option<&'a Path>,
    pub verbose: bool,
    pub dry_run: bool,
    pub yes: bool,
}

/// Findings of each kind printed in full before "… and N more": the rest go to --report.
const FIRST_OF_EACH_KIND: usize = 5;

fn today(ctx: &Ctx) -> Date {
    Date(
        ctx.now
            .with_timezone(&chrono_tz::Europe::London)
            .date_naive(),
    )
}

fn read_text(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{shown} is {} bytes; the limit is {MAX_FILE_BYTES}",
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))
}

/// Every .json, .jsonl and .ndjson file of a folder (not its subfolders), by name.
fn read_folder(path: &Path) -> Result<Vec<(String, String)>, String> {
    let mut names: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| matches!(x, "json" | "jsonl" | "ndjson"))
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!(
            "{} holds no .json or .jsonl file; a feed folder holds one file per service",
            path.display()
        ));
    }
    names
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_text(p).map(|t| (name, t))
        })
        .collect()
}

/// `--area` and `--category` as a maintainer writes them, checked against the edition in use.
fn defaults(a: &FeedArgs, dir: &crate::model::Directory) -> Result<FeedDefaults, String> {
    let mut out = FeedDefaults::default();
    if let Some(text) = a.area {
        let id = match dir.places.get(text) {
            Some(p) => p.id.clone(),
            None => {
                let index = crate::places::PlaceIndex::new(&dir.places);
                match terms::area_lookup(text, &index, &dir.places) {
                    Lookup::Found { place, .. } => place,
                    _ => {
                        return Err(format!(
                        "--area '{text}' is not one place of places.toml (give a place id such as southampton, a council's name or its GSS code)"
                    ))
                    }
                }
            }
        };
        out.areas.push(id);
    }
    for c in a.categories {
        let cat = Category::from_id(c).ok_or_else(|| {
            let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
            format!(
                "--category '{c}' is not a category (one of {})",
                known.join(", ")
            )
        })?;
        if !out.categories.contains(&cat) {
            out.categories.push(cat);
        }
    }
    Ok(out)
}

pub fn import(ctx: &Ctx, a: FeedArgs) -> Result<i32, String> {
    let folder = a.path.is_dir();
    let input = if folder {
        Err(read_folder(a.path)?)
    } else {
        Ok(read_text(a.path)?)
    };
    let session = ctx.open()?;
    notices(&session);
    let current = match (&session.mode, SledStore::new(&ctx.paths.data_dir).current()) {
        (SessionMode::ReadWrite, Ok(Some(e))) => e,
        (SessionMode::ReadOnly { reason }, _) => return Err(format!("cannot import: {reason}")),
        (_, Err(e)) => return Err(e.to_string()),
        (_, Ok(None)) => return Err("the directory store holds no edition".into()),
    };
    let opts = FeedOptions {
        name: a.name.to_string(),
        format: a.format,
        feed_url: a.feed_url.map(str::to_string),
        today: today(ctx),
        defaults: defaults(&a, &session.directory)?,
    };
    let read = match &input {
        Ok(text) => feed::read_feed(text, &opts, &session.directory),
        Err(files) => feed::read_feed_folder(files, &opts, &session.directory),
    }
    .map_err(|e| format!("{}: {e}", a.path.display()))?;
    println!(
        "Feed {}: {} in {}; {} service(s) read, {} can be imported.",
        read.name,
        clean::line(&read.shape),
        a.path.display(),
        read.read,
        read.services.len()
    );
    match a.feed_url {
        Some(u) => println!("Each record's source: {u} (read {}).", opts.today),
        None => println!(
            "No --feed-url: each record's source is its own web address from the feed (read {}); a record without one is not imported.",
            opts.today
        ),
    }
    if read.findings.is_empty() {
        println!("Findings: none.");
    } else {
        println!(
            "Findings ({}), by kind{}:",
            read.findings.len(),
            if a.report.is_some() {
                ""
            } else {
                "; every one with every path: --report FILE.json"
            }
        );
        for line in read.findings.grouped(FIRST_OF_EACH_KIND) {
            println!("{}", clean::for_terminal(&line));
        }
    }
    if let Some(path) = a.report {
        write_report(path, &read)?;
        println!("Every finding written to {}.", path.display());
    }
    let cctx = CheckContext {
        today: opts.today,
        stale_months: ctx.config.stale_months,
    };
    let plan = match feed::plan(&current.files, &read, cctx) {
        Ok(p) => p,
        Err(reasons) => {
            for r in &reasons {
                println!("Refused: {}", clean::for_terminal(r));
            }
            return Err(format!(
                "feed {} was refused whole; the edition in use ({}) is unchanged",
                read.name, current.meta.id
            ));
        }
    };
    println!("Changes to the directory:");
    if a.verbose {
        print_diff(&plan.diff);
    } else if plan.diff.is_empty() {
        println!("No changes: the edition is the same as the one in use.");
    } else {
        println!(
            "{} added, {} removed, {} changed (each one listed with --verbose)",
            plan.diff.added.len(),
            plan.diff.removed.len(),
            plan.diff.changed.len()
        );
    }
    for b in &plan.blocked {
        println!("Refused: {}", clean::for_terminal(b));
    }
    if a.dry_run {
        println!(
            "Dry run: nothing was written{}.",
            if plan.blocked.is_empty() {
                ""
            } else {
                " (and this import would be refused)"
            }
        );
        return Ok(if plan.blocked.is_empty() { 0 } else { 1 });
    }
    if !plan.blocked.is_empty() {
        return Err(format!(
            "feed {} was refused; the edition in use ({}) is unchanged",
            read.name, current.meta.id
        ));
    }
    if plan.diff.is_empty() {
        println!("Nothing to install.");
        return Ok(0);
    }
    if !a.yes && !confirm(&format!("Install this edition with feed {}?", read.name)) {
        println!("Not installed (use --yes to install without asking).");
        return Ok(1);
    }
    let emb_id = directory::edition_id(&directory::embedded());
    let origin = Origin::Feed {
        name: read.name.clone(),
    };
    let edition = make_edition(plan.files, origin, &emb_id, &ctx.now.to_rfc3339());
    SledStore::new(&ctx.paths.data_dir)
        .install(&edition)
        .map_err(|e| e.to_string())?;
    let left_out = read
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Record)
        .count();
    println!(
        "Installed edition {} from feed {} ({} record(s) of the feed; {left_out} service(s) left out, see above); the previous edition {} is kept for `signpost rollback`.",
        edition.meta.id,
        read.name,
        read.services.len(),
        current.meta.id
    );
    Ok(0)
}

/// The full report, for a maintainer to sort, count or keep beside the feed.
fn write_report(path: &Path, read: &feed::FeedRead) -> Result<(), String> {
    let imported: Vec<&str> = read.services.iter().map(|s| s.id.as_str()).collect();
    let v = serde_json::json!({
        "feed": read.name,
        "shape": read.shape,
        "read": read.read,
        "importable": imported.len(),
        "imported_ids": imported,
        "partial": read.partial,
        "findings": read.findings,
    });
    let text = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())? + "\n";
    write_target(path, &text)
}

/// Write a one-file export to `target`, or to standard output for "-"; never over a file.
fn write_target(target: &Path, text: &str) -> Result<(), String> {
    if target == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(text.as_bytes())
            .map_err(|e| format!("standard output: {e}"));
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists; choose a new file name",
                target.display()
            ),
            _ => format!("{}: {e}", target.display()),
        })?;
    f.write_all(text.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| format!("{}: {e}", target.display()))
}

pub fn export_hsds(ctx: &Ctx, target: &Path, without_safety_net: bool) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let out = hsds_out::export_with(&s.directory, hsds_out::ExportOptions { without_safety_net });
    let text = serde_json::to_string_pretty(&out.json).map_err(|e| e.to_string())? + "\n";
    write_target(target, &text)?;
    for n in &out.notes {
        eprintln!("signpost: {n}");
    }
    eprintln!(
        "Exported {} service(s) of edition {} as HSDS 3.0 JSON (public facts only) to {}",
        out.json["total_items"],
        s.meta.id,
        target.display()
    );
    Ok(0)
}

/// `-`: the one-table spreadsheet view to standard output. A path: a new folder holding the
/// HSDS tabular data package (one CSV file per HSDS table, and `datapackage.json`).
pub fn export_csv(ctx: &Ctx, target: &Path, without_safety_net: bool) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    if target == Path::new("-") {
        write_target(target, &csv_out::export(&s.directory))?;
        eprintln!(
            "Exported {} service(s) of edition {} as one CSV table (public facts only)",
            s.directory.services.len(),
            s.meta.id
        );
        return Ok(0);
    }
    let out = hsds_out::export_with(&s.directory, hsds_out::ExportOptions { without_safety_net });
    std::fs::create_dir(target).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "{} already exists; choose a new folder name",
            target.display()
        ),
        _ => format!("{}: {e}", target.display()),
    })?;
    for (name, text) in feed::tabular::package(&out.json) {
        write_target(&target.join(&name), &text)?;
    }
    for n in &out.notes {
        eprintln!("signpost: {n}");
    }
    eprintln!(
        "Exported {} service(s) of edition {} as the HSDS tabular data package (public facts only) to {}",
        out.json["total_items"],
        s.meta.id,
        target.display()
    );
    Ok(0)
}
