//! Opening the app: config, theme, role and the directory store — every failure becomes a
//! message or a read-only banner inside the app, never a crash.

use crate::app::ClipboardRoute;
use crate::app::{App, Edition, Settings, StatusInfo};
use crate::config::{Config, Paths, Theme};
use crate::directory::{self, Files};
use crate::model::{Date, Directory, Role};
use crate::session::{self, Session, SessionMode};
use crate::store::Origin;
use chrono::{DateTime, Utc};

/// What the command line decided before the app opens.
pub struct Options {
    pub paths: Paths,
    /// The config file, or why it could not be read (the defaults are used then).
    pub config: Result<Config, String>,
    pub role_flag: Option<Role>,
    pub no_color: bool,
    /// NO_COLOR as found in the environment.
    pub no_color_env: Option<String>,
}

/// Monochrome when asked by flag, by NO_COLOR (set and not empty) or by the config file.
pub fn theme(no_color: bool, no_color_env: Option<&str>, config: &Config) -> Theme {
    let env = no_color_env.is_some_and(|v| !v.is_empty());
    if no_color || env || config.theme == Theme::Monochrome {
        Theme::Monochrome
    } else {
        Theme::Default
    }
}

/// Build the app from a session (or from the embedded edition when even that failed).
pub fn open(opts: &Options, embedded: &Files, now: DateTime<Utc>) -> App {
    let mut problems = Vec::new();
    let config = match &opts.config {
        Ok(c) => c.clone(),
        Err(e) => {
            problems.push(format!("Settings not read ({e}); using the defaults."));
            Config::default()
        }
    };
    let settings = Settings {
        role: config.effective_role(opts.role_flag),
        theme: theme(opts.no_color, opts.no_color_env.as_deref(), &config),
        stale_months: config.stale_months,
        own_services: config.own_services.clone(),
        summary_dir: config.summary_dir.clone(),
        clipboard: if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            ClipboardRoute::Osc52
        } else {
            ClipboardRoute::Unavailable
        },
    };
    let (directory, edition, read_only, notices) =
        match session::open(&opts.paths.data_dir, embedded, &now.to_rfc3339()) {
            Ok(s) => from_session(s),
            Err(e) => {
                let directory = directory::parse(embedded).unwrap_or_default();
                let edition = Edition {
                    id: directory::edition_id(embedded),
                    label: directory.edition.label.clone(),
                    date: directory.edition.date,
                    publisher: None,
                    published_at: None,
                };
                let reason = format!("READ-ONLY: {e}. Using the edition carried by this program.");
                (directory, edition, Some(reason), Vec::new())
            }
        };
    let status = StatusInfo::new(&directory, edition, read_only);
    let net = directory::safety_net::safety_net();
    let mut app = App::new(directory, net, status, settings, now);
    app.pickup.enabled = config.edition_source.is_some() && app.status.read_only.is_none();
    let mut lines = problems;
    lines.extend(notices);
    if !lines.is_empty() {
        app.warn(lines.join(" "));
    }
    app
}

type Opened = (Directory, Edition, Option<String>, Vec<String>);

fn from_session(s: Session) -> Opened {
    let read_only = match &s.mode {
        SessionMode::ReadOnly { reason } => Some(reason.clone()),
        SessionMode::ReadWrite => None,
    };
    let (publisher, published_at) = match &s.meta.origin {
        Origin::Signed {
            publisher,
            published_at,
        } => (Some(publisher.clone()), Some(published_at.clone())),
        _ => (None, None),
    };
    let edition = Edition {
        id: s.meta.id.clone(),
        label: s.meta.label.clone(),
        date: Date::parse(&s.meta.date).ok().or(s.directory.edition.date),
        publisher,
        published_at,
    };
    // The read-only reason is a banner already; other notices go to the message line.
    let notices = s
        .notices
        .into_iter()
        .filter(|n| Some(n) != read_only.as_ref())
        .collect();
    (s.directory, edition, read_only, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_flag_env_or_config_choose_monochrome() {
        let plain = Config::default();
        let mono = Config {
            theme: Theme::Monochrome,
            ..Config::default()
        };
        assert_eq!(theme(false, None, &plain), Theme::Default);
        assert_eq!(theme(true, None, &plain), Theme::Monochrome);
        assert_eq!(theme(false, Some("1"), &plain), Theme::Monochrome);
        // NO_COLOR counts only when set to something (no-color.org).
        assert_eq!(theme(false, Some(""), &plain), Theme::Default);
        assert_eq!(theme(false, None, &mono), Theme::Monochrome);
    }
}
