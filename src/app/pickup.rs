//! Picking up new editions by itself: when to look at the share, and holding a found edition
//! until no call is on screen, so the directory never changes under a handler mid-call.

use super::{App, Edition, Effect, Screen, StatusInfo};
use crate::model::Directory;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;

/// How often the share is looked at.
pub const LOOK_EVERY_MINUTES: i64 = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pickup {
    /// An edition source is configured.
    pub enabled: bool,
    /// When to look next; None: at the next tick.
    pub next_look: Option<DateTime<Utc>>,
    /// An edition found and checked, waiting for the next new call.
    pub pending: Option<String>,
    /// What the status bar says about pick-ups: the last install, or why the share was unread.
    pub note: Option<String>,
}

/// A new edition, installed and parsed by the shell, to swap in.
#[derive(Debug, Clone)]
pub struct NewEdition {
    pub directory: Arc<Directory>,
    pub edition: Edition,
    pub installed_at: DateTime<Utc>,
}

impl PartialEq for NewEdition {
    fn eq(&self, other: &Self) -> bool {
        self.edition == other.edition && self.installed_at == other.installed_at
    }
}

impl Eq for NewEdition {}

/// A caller is being helped: anything typed, filtered, opened or triaged since the last new call.
pub fn call_on_screen(app: &App) -> bool {
    app.screen != Screen::Search
        || app.triage.is_some()
        || !app.query.is_empty()
        || app.filters != Default::default()
        || app.detail.is_some()
        || app.overlay.is_some()
}

/// On each tick: time to look at the share again?
pub fn on_tick(app: &mut App) -> Vec<Effect> {
    if !app.pickup.enabled {
        return Vec::new();
    }
    // A held edition goes in as soon as the screen is clear of any call (a new call clears it,
    // but so does a handler who empties the screen by hand).
    if app.pickup.pending.is_some() {
        return install_if_idle(app);
    }
    if app.pickup.next_look.is_some_and(|t| app.now < t) {
        return Vec::new();
    }
    app.pickup.next_look = Some(app.now + Duration::minutes(LOOK_EVERY_MINUTES));
    vec![Effect::LookForEdition(app.status.edition.clone())]
}

/// The shell found a newer edition: install it now if no call is on screen, else hold it.
pub fn on_found(app: &mut App, id: String) -> Vec<Effect> {
    app.pickup.pending = Some(id);
    install_if_idle(app)
}

/// After a new call has cleared the screen, a held edition goes in.
pub fn install_if_idle(app: &mut App) -> Vec<Effect> {
    match &app.pickup.pending {
        Some(id) if !call_on_screen(app) => vec![Effect::InstallEdition(id.clone())],
        _ => Vec::new(),
    }
}

/// Swap the new edition in: searcher, status bar and listing follow.
pub fn on_installed(app: &mut App, new: NewEdition) {
    let by = new.edition.publisher.clone().unwrap_or_default();
    let when = crate::hours::london::local(new.installed_at)
        .format("%H:%M")
        .to_string();
    app.status = StatusInfo::new(&new.directory, new.edition, app.status.read_only.clone());
    app.directory = Arc::clone(&new.directory);
    app.searcher = crate::search::Searcher::new(new.directory);
    app.pickup.pending = None;
    app.pickup.note = Some(if by.is_empty() {
        format!("new edition installed: {when}")
    } else {
        format!("new edition installed: {when}, by {by}")
    });
    app.refresh();
}
