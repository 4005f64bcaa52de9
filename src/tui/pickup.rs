//! The shell's side of picking up editions: look at the share, hold a checked bundle, install it
//! through the store when the app says no call is on screen.

use crate::app::pickup::NewEdition;
use crate::app::{Action, Edition};
use crate::model::Date;
use crate::round::share::{self, Checked};
use crate::store::{EditionMeta, Origin, Store};
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::Arc;

/// Where editions come from, and the one found but not yet installed.
pub struct Source {
    pub share: PathBuf,
    pub trusted: Vec<String>,
    pub embedded_id: String,
    held: Option<Checked>,
}

impl Source {
    pub fn new(share: PathBuf, trusted: Vec<String>, embedded_id: String) -> Source {
        Source {
            share,
            trusted,
            embedded_id,
            held: None,
        }
    }

    /// Look for an edition newer than `current`; an unreadable share is a status-bar note.
    pub fn look(&mut self, current: &Edition) -> Vec<Action> {
        let meta = EditionMeta {
            id: current.id.clone(),
            label: current.label.clone(),
            date: current.date.map(|d| d.to_string()).unwrap_or_default(),
            origin: match (&current.publisher, &current.published_at) {
                (Some(p), Some(t)) => Origin::Signed {
                    publisher: p.clone(),
                    published_at: t.clone(),
                },
                _ => Origin::Embedded,
            },
            installed_at: String::new(),
            embedded_at_install: String::new(),
        };
        match share::find_newer(&self.share, &self.trusted, &meta) {
            Err(why) => vec![Action::ShareNote(Some(why))],
            Ok(found) => {
                let note = (!found.passed_over.is_empty()).then(|| {
                    format!(
                        "edition share: passed over {}",
                        found.passed_over.join("; ")
                    )
                });
                let mut out = vec![Action::ShareNote(note)];
                if let Some((_, checked)) = found.newer {
                    out.push(Action::EditionFound(
                        checked.opened.header.edition_id.clone(),
                    ));
                    self.held = Some(checked);
                }
                out
            }
        }
    }

    /// Install the held edition as current (the previous one kept for rollback) and parse it.
    pub fn install(
        &mut self,
        id: &str,
        store: Option<&mut (dyn Store + '_)>,
        now: DateTime<Utc>,
    ) -> Action {
        let Some(checked) = self
            .held
            .take()
            .filter(|c| c.opened.header.edition_id == id)
        else {
            return Action::ShareNote(Some(
                "the edition found on the share was lost; looking again".into(),
            ));
        };
        let Some(store) = store else {
            return Action::ShareNote(Some(
                "a newer edition is on the share, but this store is read-only".into(),
            ));
        };
        let meta = match share::install(store, &checked, &self.embedded_id, now) {
            Ok(m) => m,
            Err(e) => return Action::ShareNote(Some(format!("new edition not installed: {e}"))),
        };
        let header = &checked.opened.header;
        Action::EditionInstalled(NewEdition {
            edition: Edition {
                id: meta.id,
                label: meta.label,
                date: Date::parse(&meta.date).ok(),
                publisher: Some(header.publisher.clone()),
                published_at: Some(header.published_at.clone()),
            },
            directory: Arc::new(checked.directory),
            installed_at: now,
        })
    }
}
