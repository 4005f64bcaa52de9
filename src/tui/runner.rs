//! The event loop: draw, wait for a key or the next clock change, map keys through the keymap,
//! update, apply effects. Time comes from one injected clock.

use super::{effects, keymap, view};
use crate::app::{self, Action, App, Effect};
use crate::store::{LocalKind, Store};
use chrono::{DateTime, Utc};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::Terminal;
use std::time::Duration;

/// The longest wait between redraws, whatever the schedule says.
const MAX_WAIT: Duration = Duration::from_secs(60);
/// Consecutive failed input reads after which the terminal is taken to be gone.
const MAX_INPUT_FAILURES: u32 = 100;

/// Where local state is written; None when the store is read-only.
pub struct Shell<'a> {
    pub store: Option<&'a mut dyn Store>,
    pub clock: &'a dyn Fn() -> DateTime<Utc>,
    /// This machine's random id (from `<data_dir>/machine-id`), put on each tally.
    pub machine: String,
    /// The terminal, for OSC 52 copying; None where there is none.
    pub terminal_out: Option<&'a mut dyn std::io::Write>,
    /// The edition share (`edition_source`); None when none is configured.
    pub editions: Option<super::pickup::Source>,
}

/// Run until the app asks to quit. Terminal errors end the loop; app errors never do.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    shell: &mut Shell<'_>,
) -> Result<(), B::Error> {
    terminal.draw(|f| view::render(f, app))?;
    let mut input_failures = 0;
    while !app.quit {
        let now = (shell.clock)();
        if now >= app.next_wakeup() {
            dispatch(app, Action::Tick(now), shell);
            terminal.draw(|f| view::render(f, app))?;
            continue;
        }
        let wait = (app.next_wakeup() - now)
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(MAX_WAIT);
        // A failing input read is a quiet moment, never a crash; if input stays broken (the
        // terminal has gone), stop rather than spin.
        let event = match event::poll(wait) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        };
        match event {
            Ok(Some(ev)) => {
                input_failures = 0;
                handle_event(app, ev, shell);
            }
            Ok(None) => input_failures = 0,
            Err(_) => {
                input_failures += 1;
                if input_failures >= MAX_INPUT_FAILURES {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        }
        if !app.quit {
            terminal.draw(|f| view::render(f, app))?;
        }
    }
    Ok(())
}

/// One terminal event: key presses through the keymap; a resize just redraws.
pub fn handle_event(app: &mut App, ev: Event, shell: &mut Shell<'_>) {
    if let Event::Key(key) = ev {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if let Some(action) = keymap::action_for(app.context(), &key) {
            dispatch(app, action, shell);
        }
    }
}

/// Update, then apply each effect; an effect's outcome comes back as an action.
pub fn dispatch(app: &mut App, action: Action, shell: &mut Shell<'_>) {
    let mut queue = vec![action];
    while let Some(a) = queue.pop() {
        for effect in app::update(app, a) {
            // Editions answer with several actions, in order: pushed last-first.
            let answers = match effect {
                Effect::LookForEdition(current) => shell
                    .editions
                    .as_mut()
                    .map(|s| s.look(&current))
                    .unwrap_or_default(),
                Effect::InstallEdition(id) => {
                    let now = (shell.clock)();
                    let store = shell.store.as_deref_mut();
                    shell
                        .editions
                        .as_mut()
                        .map(|s| vec![s.install(&id, store, now)])
                        .unwrap_or_default()
                }
                other => apply(other, shell).into_iter().collect(),
            };
            queue.extend(answers.into_iter().rev());
        }
    }
}

fn apply(effect: Effect, shell: &mut Shell<'_>) -> Option<Action> {
    match effect {
        Effect::Quit => None,
        Effect::LookForEdition(_) | Effect::InstallEdition(_) => None,
        Effect::RecordWrong(record) => match shell.store.as_deref_mut() {
            None => Some(Action::Problem(
                "The store is read-only: the report was not saved. Tell the maintainers directly."
                    .to_string(),
            )),
            Some(store) => match store.append_local(LocalKind::WrongRecords, &record.encode()) {
                Ok(()) => None,
                Err(e) => Some(Action::Problem(format!("The report was not saved: {e}"))),
            },
        },
        Effect::RecordTally(tally) => effects::record_tally(tally, shell),
        Effect::LoadTallies => Some(effects::load_tallies(shell)),
        Effect::Copy { text, .. } => effects::copy(&text, shell),
        Effect::SaveSummary { dir, file, text } => effects::save(&dir, &file, &text),
    }
}
