//! The terminal front end: a thin shell over `app` — terminal guard, event loop, keymap, theme
//! and screens. The only module that touches ratatui or crossterm.

mod effects;
pub mod keymap;
pub mod pickup;
pub mod runner;
pub mod startup;
pub mod terminal;
pub mod theme;
pub mod view;

use crate::store::{SledStore, Store};
use chrono::Utc;

pub use startup::Options;

/// Open the app on the data folder and run it until the handler quits; returns the exit code.
pub fn run(opts: Options) -> i32 {
    let clock = Utc::now;
    let embedded = crate::directory::embedded();
    let mut app = startup::open(&opts, &embedded, clock());
    let mut sled = SledStore::new(&opts.paths.data_dir);
    let store: Option<&mut dyn Store> = if app.status.read_only.is_some() {
        None
    } else {
        Some(&mut sled)
    };
    let machine = effects::machine_id(&opts.paths.data_dir);
    let mut stdout = std::io::stdout();
    let terminal_out: Option<&mut dyn std::io::Write> =
        if app.settings.clipboard == crate::app::ClipboardRoute::Osc52 {
            Some(&mut stdout)
        } else {
            None
        };
    let mut shell = runner::Shell {
        store,
        clock: &clock,
        machine,
        terminal_out,
        editions: pickup_source(&opts),
    };
    // At start, before the first call: a newer edition on the share goes in straight away.
    if shell.editions.is_some() {
        runner::dispatch(&mut app, crate::app::Action::Tick(clock()), &mut shell);
    }
    let mut guard = match terminal::TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => {
            eprintln!(
                "signpost: the app needs an interactive terminal ({e}). Run `signpost --help` for the commands."
            );
            return 1;
        }
    };
    let result = runner::run(&mut guard.terminal, &mut app, &mut shell);
    drop(guard);
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("signpost: the terminal stopped working ({e}).");
            1
        }
    }
}

/// The edition share from the config, when one is set.
fn pickup_source(opts: &Options) -> Option<pickup::Source> {
    let config = opts.config.as_ref().ok()?;
    let share = config.edition_source.clone()?;
    let embedded_id = crate::directory::edition_id(&crate::directory::embedded());
    Some(pickup::Source::new(
        share,
        config.trusted_keys.clone(),
        embedded_id,
    ))
}
