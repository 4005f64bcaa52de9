//! `signpost import FILE --feed NAME` and `signpost export --format hsds-json|csv TARGET`.

use super::editions::{confirm, print_diff};
use super::{notices, Ctx};
use crate::directory::feed::{self, csv_out, hsds_out, FeedFormat, FeedOptions, FindingKind};
use crate::directory::{self, files::MAX_FILE_BYTES};
use crate::model::validate::CheckContext;
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
    pub dry_run: bool,
    pub yes: bool,
}

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

pub fn import(ctx: &Ctx, a: FeedArgs) -> Result<i32, String> {
    let text = read_text(a.path)?;
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
    };
    let read = feed::read_feed(&text, &opts, &session.directory)
        .map_err(|e| format!("{}: {e}", a.path.display()))?;
    println!(
        "Feed {}: {} in {}; {} service(s) read, {} can be imported.",
        read.name,
        read.shape,
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
        println!("Findings ({}):", read.findings.len());
        for f in read.findings.iter() {
            println!("  {f}");
        }
    }
    let cctx = CheckContext {
        today: opts.today,
        stale_months: ctx.config.stale_months,
    };
    let plan = match feed::plan(&current.files, &read, cctx) {
        Ok(p) => p,
        Err(reasons) => {
            for r in &reasons {
                println!("Refused: {r}");
            }
            return Err(format!(
                "feed {} was refused whole; the edition in use ({}) is unchanged",
                read.name, current.meta.id
            ));
        }
    };
    println!("Changes to the directory:");
    print_diff(&plan.diff);
    for b in &plan.blocked {
        println!("Refused: {b}");
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

pub fn export_hsds(ctx: &Ctx, target: &Path) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let out = hsds_out::export(&s.directory);
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

pub fn export_csv(ctx: &Ctx, target: &Path) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    write_target(target, &csv_out::export(&s.directory))?;
    eprintln!(
        "Exported {} service(s) of edition {} as CSV (public facts only) to {}",
        s.directory.services.len(),
        s.meta.id,
        target.display()
    );
    Ok(0)
}
