//! `signpost check [DIR]`: every problem with file, line and field; exit 1 on errors.

use super::{CheckFormat, Ctx};
use crate::directory::{self, Files};
use crate::model::validate::CheckContext;
use crate::model::{Date, Directory, Problem, Severity};
use std::path::Path;

/// What `check` prints besides the problems.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    /// The coverage matrix instead of the checks.
    pub coverage: bool,
    /// accepted-gaps.toml entries for unlisted gaps instead of the checks.
    pub suggest_gaps: bool,
    /// Regenerate DIR/accepted-gaps.toml in place instead of the checks.
    pub write_gaps: bool,
}

const GAPS_HEADER: &str = "# Coverage gaps that are known and owned, regenerated with `signpost check directory --write-gaps`
# after the directory changes (reviews already recorded are kept). `signpost check` proves, for
# every local place x age band x urgency level B-E x need, that at every hour of a reference week
# and a bank holiday the outcome offers a service other than the catch-all with nothing to check
# first (at B, a listening line does not count: it is support while waiting). A gap at B or C is
# an ERROR unless an entry below lists it EXPLICITLY (no \"*\") and names its `fallback`: what
# the caller is given instead. D and E gaps are warnings and may be folded with \"*\".
# status: \"pending clinical review\" while the questionnaire is a DRAFT; once it is approved, only
# \"accepted\" with `reason` and `accepted_by`. Closing a gap means confirming facts in services/.

";

pub fn run(ctx: &Ctx, dir: Option<&Path>, mode: Mode, format: CheckFormat) -> Result<i32, String> {
    let dir_path = dir;
    let coverage = mode.coverage;
    if format == CheckFormat::Csv && !coverage {
        return Err("--format csv is only for --coverage".into());
    }
    let (label, files): (String, Files) = match dir {
        Some(d) => match directory::read_folder(d) {
            Ok(f) => (d.display().to_string(), f),
            Err(problems) => {
                for p in &problems {
                    println!("{}", prefixed(&d.display().to_string(), p));
                }
                println!("{} error(s): the folder could not be read", problems.len());
                return Ok(1);
            }
        },
        None => ("(built-in directory)".to_string(), directory::embedded()),
    };
    if coverage {
        return Ok(print_coverage(&files, format));
    }
    let cctx = CheckContext {
        today: Date(ctx.now.date_naive()),
        stale_months: ctx.config.stale_months,
    };
    let (dir, mut problems) = edition_problems(&files, cctx);
    let proof = dir.as_ref().map(|d| {
        crate::triage::proof::prove(
            d,
            &directory::safety_net::safety_net(),
            &ctx.config.own_services,
            crate::triage::proof::Reference::default(),
        )
    });
    if mode.write_gaps {
        let (Some(p), Some(d), Some(folder)) = (&proof, &dir, dir_path) else {
            println!("--write-gaps needs a directory folder that checks without errors: signpost check DIR --write-gaps");
            return Ok(1);
        };
        let file = crate::model::directory::AcceptedGapsFile {
            gaps: crate::triage::proof::regenerate(p, &d.accepted_gaps.gaps),
        };
        let body = toml::to_string(&file).map_err(|e| e.to_string())?;
        let path = folder.join("accepted-gaps.toml");
        std::fs::write(&path, format!("{GAPS_HEADER}{body}"))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let urgent = file.gaps.iter().filter(|g| p.is_urgent(&g.urgency)).count();
        println!(
            "wrote {}: {} entries ({urgent} B/C gaps listed one by one with their fallback)",
            path.display(),
            file.gaps.len()
        );
        return Ok(0);
    }
    if mode.suggest_gaps {
        let Some(p) = &proof else {
            println!("the directory has errors: run `signpost check` first");
            return Ok(1);
        };
        let file = crate::model::directory::AcceptedGapsFile {
            gaps: crate::triage::proof::suggest(p),
        };
        print!("{}", toml::to_string(&file).map_err(|e| e.to_string())?);
        return Ok(0);
    }
    if let Some(p) = &proof {
        problems.extend(p.problems.iter().cloned());
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    match format {
        CheckFormat::Json => {
            let v = serde_json::json!({ "directory": label, "errors": errors, "warnings": warnings, "problems": problems, "proof": proof });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        CheckFormat::Text | CheckFormat::Csv => {
            if let Some(p) = &proof {
                println!("{}\n", super::proof_view::text(p));
            }
            for p in &problems {
                println!("{}", prefixed(&label, p));
            }
            let unverified = problems.iter().filter(|p| p.field == "verified").count();
            println!(
                "checked {label}: {errors} error(s), {warnings} warning(s); {unverified} record(s) sourced, not verified"
            );
        }
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

/// Every problem with an edition: the directory's own checks and the questionnaire's proofs
/// (every question reached, every path ends and asks every risk question). `import` uses this
/// too, so an edition whose questionnaire fails is refused whole.
pub fn edition_problems(files: &Files, cctx: CheckContext) -> (Option<Directory>, Vec<Problem>) {
    let (dir, mut problems) = directory::check(files, cctx);
    if let Some(dir) = &dir {
        let mut triage = crate::triage::check(&dir.triage);
        let needs: Vec<String> = dir.triage.needs.iter().map(|n| n.id.clone()).collect();
        triage.extend(crate::search::vocabulary::check(&dir.vocabulary, &needs));
        directory::parse::locate(files, &mut triage);
        problems.extend(triage);
        problems.sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    }
    (dir, problems)
}

/// `import` re-runs the coverage proof before it writes: the B and C counts and gaps (each with
/// its fallback) are shown, and an edition with a B or C gap no entry lists is refused whole.
pub fn coverage_before_import(ctx: &Ctx, dir: &Directory, path: &Path) -> Result<(), String> {
    let p = crate::triage::proof::prove(
        dir,
        &directory::safety_net::safety_net(),
        &ctx.config.own_services,
        crate::triage::proof::Reference::default(),
    );
    // The B and C lines only: D and E gaps are warnings and `check` shows them.
    let calm: Vec<String> = p
        .counts
        .iter()
        .filter(|c| !c.urgent)
        .flat_map(|c| [format!("{} (within", c.urgency), format!("{}:", c.urgency)])
        .collect();
    for line in super::proof_view::text(&p).lines() {
        if !calm
            .iter()
            .any(|c| line.trim_start().starts_with(c.as_str()))
        {
            println!("{line}");
        }
    }
    let errors: Vec<_> = p.problems.iter().filter(|x| x.is_error()).collect();
    if errors.is_empty() {
        return Ok(());
    }
    for e in errors {
        let mut q = e.clone();
        q.file = path.join(&e.file).display().to_string();
        println!("{q}");
    }
    Err(format!(
        "{}: the coverage proof has B or C gaps no entry lists; the edition was refused whole and the stored edition is unchanged (list them with `signpost check {} --write-gaps`)",
        path.display(),
        path.display()
    ))
}

fn prefixed(folder: &str, p: &crate::model::Problem) -> String {
    if folder.starts_with('(') {
        p.to_string()
    } else {
        let mut q = p.clone();
        q.file = Path::new(folder).join(&p.file).display().to_string();
        q.to_string()
    }
}

/// The coverage matrix of a directory that parses; parse problems otherwise (exit 1).
fn print_coverage(files: &Files, format: CheckFormat) -> i32 {
    match directory::parse(files) {
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            println!(
                "{} error(s): no coverage without a readable directory",
                problems.len()
            );
            1
        }
        Ok(dir) => {
            let m = crate::places::coverage(&dir);
            match format {
                CheckFormat::Text => println!("{}", super::coverage::text(&m)),
                CheckFormat::Csv => println!("{}", super::coverage::csv(&m)),
                CheckFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&super::coverage::json(&m)).unwrap_or_default()
                ),
            }
            0
        }
    }
}
