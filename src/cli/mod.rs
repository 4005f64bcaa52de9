//! The command line: clap definitions and dispatch to one small module per command.

mod check;
pub mod coverage;
mod editions;
mod feeds;
mod keygen;
pub mod outcome_view;
mod proof_view;
mod publish;
pub mod render;
mod report_cmd;
mod review;
pub mod search_cmd;
mod show;
mod sync;
mod triage_cmd;
mod triage_view;
mod verify;
pub mod where_cmd;

use crate::config::{resolve_paths, Config, Paths};
use crate::model::Role;
use crate::session::{self, Session};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "signpost", version, about = "Mental health directory and triage aid for Hampshire and the Isle of Wight", long_about = None)]
pub struct Cli {
    /// Folder for the directory store and local state (also SIGNPOST_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Display mode; a config file with role_locked = true overrides this.
    #[arg(long, global = true, value_enum)]
    pub role: Option<RoleArg>,
    /// Monochrome display (also NO_COLOR).
    #[arg(long, global = true)]
    pub no_color: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Handler,
    Clinician,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Handler => Role::Handler,
            RoleArg::Clinician => Role::Clinician,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FeedFormatArg {
    /// HSDS 3.0 or its Open Referral UK profile: a service, or a list with `contents`.
    Hsds,
    /// The older Open Referral UK v1 API: a list with `content`.
    OrukV1,
}

impl From<FeedFormatArg> for crate::directory::feed::FeedFormat {
    fn from(f: FeedFormatArg) -> Self {
        match f {
            FeedFormatArg::Hsds => Self::Hsds,
            FeedFormatArg::OrukV1 => Self::OrukV1,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// The edition's own folder: everything, professional lines included (the backup).
    #[default]
    Native,
    /// HSDS 3.0 JSON list of services: public facts only.
    HsdsJson,
    /// One row per service for spreadsheets: public facts only.
    Csv,
}

#[derive(Debug, Clone, Copy, Default, ValueEnum, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// `check` also writes CSV, for the coverage matrix.
#[derive(Debug, Clone, Copy, Default, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    #[default]
    Text,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a directory folder (default: the one built into this program).
    Check {
        dir: Option<PathBuf>,
        /// Print the coverage matrix (place x age band x need) and its gaps instead.
        #[arg(long)]
        coverage: bool,
        /// Print accepted-gaps.toml entries (pending clinical review) for every coverage gap no
        /// entry lists yet, folded with "*" where honest, instead of checking.
        #[arg(long, conflicts_with = "coverage")]
        suggest_gaps: bool,
        /// Regenerate DIR/accepted-gaps.toml in place: every B/C gap listed one by one with its
        /// fallback, D/E gaps folded; reviews already recorded are kept.
        #[arg(long, requires = "dir", conflicts_with_all = ["coverage", "suggest_gaps"])]
        write_gaps: bool,
        /// text or json; csv only with --coverage.
        #[arg(long, value_enum, default_value_t)]
        format: CheckFormat,
    },
    /// Search services: words, place, age, categories; results grouped, each with its reasons.
    Search {
        /// Words to search for (name, organisation, keywords, categories, description).
        query: Vec<String>,
        /// Where the caller is: postcode district, town or place name ("outside": outside the area).
        #[arg(long = "where", value_name = "TEXT")]
        place: Option<String>,
        /// The caller's age in years.
        #[arg(long, value_name = "N")]
        age: Option<u8>,
        /// A category id (repeat for several; any of them matches).
        #[arg(long = "category", value_name = "ID")]
        categories: Vec<String>,
        /// Only services open now.
        #[arg(long)]
        open_now: bool,
        /// Only services a caller can contact without a referral.
        #[arg(long)]
        self_referral: bool,
        /// Judge opening hours at this London local time instead of now.
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// List every service in the directory in use.
    List,
    /// Show one service in full, with its week's hours and whether it is open.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// London local time to answer for, "YYYY-MM-DD HH:MM" (default: now).
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        at: Option<String>,
    },
    /// Import a directory folder as a new edition (strict: an invalid edition is refused whole),
    /// or with --feed an Open Referral UK / HSDS JSON feed (lenient: each bad value reported).
    Import {
        /// A directory folder, or with --feed a JSON file.
        path: PathBuf,
        /// Import PATH as this open-data feed: it replaces only this feed's records.
        #[arg(long, value_name = "NAME")]
        feed: Option<String>,
        /// The feed's shape (default: detected).
        #[arg(long, value_enum, requires = "feed")]
        format: Option<FeedFormatArg>,
        /// Where the feed is published: recorded as each record's source.
        #[arg(long, value_name = "URL", requires = "feed")]
        feed_url: Option<String>,
        /// For a single-council feed: the area (place id, name, council name or GSS code) of
        /// records that name none this directory knows.
        #[arg(long, value_name = "PLACE", requires = "feed")]
        area: Option<String>,
        /// The category (e.g. mental-health) of records whose terms map to none; repeatable.
        #[arg(long, value_name = "CATEGORY", requires = "feed")]
        category: Vec<String>,
        /// Write every finding, with every path, to this new JSON file.
        #[arg(long, value_name = "FILE.json", requires = "feed")]
        report: Option<PathBuf>,
        /// List every record added, removed and changed, not only the counts.
        #[arg(long, requires = "feed")]
        verbose: bool,
        /// Show what would change and stop.
        #[arg(long)]
        dry_run: bool,
        /// Do not ask before installing.
        #[arg(long)]
        yes: bool,
    },
    /// Export the edition in use: native (a folder, everything: the backup), or hsds-json / csv
    /// (one file of public facts only; "-" writes to standard output).
    Export {
        #[arg(long, value_enum, default_value_t)]
        format: ExportFormat,
        /// A new folder (native, csv) or a new file (hsds-json).
        path: PathBuf,
        /// hsds-json and csv: leave out the national safety net's records (local services only).
        #[arg(long)]
        without_safety_net: bool,
    },
    /// List the editions on this machine, current first.
    Editions,
    /// Make the previous edition current again.
    Rollback,
    /// Move a broken directory store aside (never deleted) and set it up again.
    Reset,
    /// Print where data, config and log live.
    Paths,
    /// Walk the triage questionnaire with scripted answers (exit 3: more answers needed), or
    /// describe it.
    Triage(triage_cmd::TriageArgs),
    /// Say which place a postcode, town or place name is (or every place it may be).
    Where {
        text: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Demand and gaps from anonymous tallies (small numbers suppressed), and wrong-record reports.
    Report(report_cmd::ReportArgs),
    /// The maintainers' worklist: crisis and urgent records first, with what to check and the
    /// number to ring.
    Review(review::ReviewArgs),
    /// Record that a maintainer confirmed a service with its provider, in the service's file.
    Verify(verify::VerifyArgs),
    /// Make a publishing key pair (private key file, and FILE.pub for desks' trusted_keys).
    Keygen(keygen::KeygenArgs),
    /// Check a directory folder and write it as one signed edition bundle.
    Publish(publish::PublishArgs),
    /// Install the newest trusted edition from the share (edition_source), if newer.
    Sync(sync::SyncArgs),
}

/// Everything a command needs from outside: paths, settings, role and the time.
pub struct Ctx {
    pub paths: Paths,
    pub config: Config,
    pub role: Role,
    pub now: DateTime<Utc>,
}

impl Ctx {
    pub fn open(&self) -> Result<Session, String> {
        let files = crate::directory::embedded();
        session::open(&self.paths.data_dir, &files, &self.now.to_rfc3339())
            .map_err(|e| e.to_string())
    }
}

pub fn context(cli: &Cli, now: DateTime<Utc>) -> Result<Ctx, String> {
    let env = std::env::var_os("SIGNPOST_DATA_DIR").map(PathBuf::from);
    let exe = std::env::current_exe().ok();
    let paths = resolve_paths(cli.data_dir.clone(), env, exe);
    let config = Config::load(&paths.config_file).map_err(|p| p.to_string())?;
    let role = config.effective_role(cli.role.map(Role::from));
    Ok(Ctx {
        paths,
        config,
        role,
        now,
    })
}

/// Run a subcommand; returns the process exit code. Errors are one plain message, never a trace.
pub fn run(cli: Cli, now: DateTime<Utc>) -> i32 {
    let Some(command) = cli.command.as_ref() else {
        return open_app(&cli);
    };
    let ctx = match context(&cli, now) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("signpost: {e}");
            return 1;
        }
    };
    let result = match command {
        Command::Import { path, .. } if ctx.config.require_signed => Err(format!(
            "{}: refused: this desk's config sets require_signed = true, so only signed edition bundles may change the directory (`signpost sync --from BUNDLE`); nothing was changed",
            path.display()
        )),
        Command::Check {
            dir,
            coverage,
            suggest_gaps,
            write_gaps,
            format,
        } => check::run(
            &ctx,
            dir.as_deref(),
            check::Mode {
                coverage: *coverage,
                suggest_gaps: *suggest_gaps,
                write_gaps: *write_gaps,
            },
            *format,
        ),
        Command::Search {
            query,
            place,
            age,
            categories,
            open_now,
            self_referral,
            at,
            format,
        } => search_cmd::run(
            &ctx,
            &search_cmd::SearchArgs {
                query: query.clone(),
                place: place.clone(),
                age: *age,
                categories: categories.clone(),
                open_now: *open_now,
                self_referral: *self_referral,
                at: at.clone(),
                format: *format,
            },
        ),
        Command::List => show::list(&ctx),
        Command::Show { id, format, at } => show::show(&ctx, id, *format, at.as_deref()),
        Command::Import {
            path,
            feed: Some(name),
            format,
            feed_url,
            area,
            category,
            report,
            verbose,
            dry_run,
            yes,
        } => feeds::import(
            &ctx,
            feeds::FeedArgs {
                path,
                name,
                format: format.map(Into::into),
                feed_url: feed_url.as_deref(),
                area: area.as_deref(),
                categories: category,
                report: report.as_deref(),
                verbose: *verbose,
                dry_run: *dry_run,
                yes: *yes,
            },
        ),
        Command::Import {
            path,
            feed: None,
            dry_run,
            yes,
            ..
        } => editions::import(&ctx, path, *dry_run, *yes),
        Command::Export {
            format,
            path,
            without_safety_net,
        } => match format {
            ExportFormat::Native => editions::export(&ctx, path),
            ExportFormat::HsdsJson => feeds::export_hsds(&ctx, path, *without_safety_net),
            ExportFormat::Csv => feeds::export_csv(&ctx, path, *without_safety_net),
        },
        Command::Editions => editions::list(&ctx),
        Command::Rollback => editions::rollback(&ctx),
        Command::Reset => editions::reset(&ctx),
        Command::Paths => editions::paths(&ctx),
        Command::Triage(args) => triage_cmd::run(&ctx, args),
        Command::Where { text, format } => where_cmd::run(&ctx, text, *format),
        Command::Report(args) => report_cmd::run(&ctx, args),
        Command::Review(args) => review::run(&ctx, args),
        Command::Verify(args) => verify::run(&ctx, args),
        Command::Keygen(args) => keygen::run(&ctx, args),
        Command::Publish(args) => publish::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("signpost: {e}");
            1
        }
    }
}

/// No subcommand: open the terminal app. A bad config file becomes a message inside the app.
fn open_app(cli: &Cli) -> i32 {
    let env = std::env::var_os("SIGNPOST_DATA_DIR").map(PathBuf::from);
    let exe = std::env::current_exe().ok();
    let paths = resolve_paths(cli.data_dir.clone(), env, exe);
    let config = Config::load(&paths.config_file).map_err(|p| p.to_string());
    crate::tui::run(crate::tui::Options {
        paths,
        config,
        role_flag: cli.role.map(Role::from),
        no_color: cli.no_color,
        no_color_env: std::env::var("NO_COLOR").ok(),
    })
}

/// Print start-up notices (seeded, upgraded, read-only) to stderr so scripts keep clean stdout.
fn notices(s: &Session) {
    for n in &s.notices {
        eprintln!("signpost: {n}");
    }
}
