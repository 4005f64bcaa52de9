//! Where things live (data, config, log) and the deploying organisation's settings.

use crate::directory::parse::parse_toml;
use crate::model::{Problem, Role};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A folder with this name beside the program makes Signpost portable (no install rights needed).
pub const PORTABLE_DIR: &str = "signpost-data";
pub const CONFIG_FILE: &str = "config.toml";
pub const LOG_FILE: &str = "signpost.log";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataDirSource {
    Flag,
    Env,
    Portable,
    Platform,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
    pub log_file: PathBuf,
    pub source: DataDirSource,
}

/// `--data-dir`, else `SIGNPOST_DATA_DIR`, else `signpost-data/` beside the program if it exists,
/// else the platform's local (not roaming) data folder. The config file sits in the data folder
/// whenever one was chosen explicitly or portably, so a USB stick carries its own settings.
pub fn resolve_paths(flag: Option<PathBuf>, env: Option<PathBuf>, exe: Option<PathBuf>) -> Paths {
    let portable = exe
        .as_deref()
        .and_then(Path::parent)
        .map(|p| p.join(PORTABLE_DIR))
        .filter(|p| p.is_dir());
    let (data_dir, source) = if let Some(d) = flag {
        (d, DataDirSource::Flag)
    } else if let Some(d) = env.filter(|d| !d.as_os_str().is_empty()) {
        (d, DataDirSource::Env)
    } else if let Some(d) = portable {
        (d, DataDirSource::Portable)
    } else {
        let dirs = directories::ProjectDirs::from("uk.nhs", "HIOW", "Signpost");
        let d = dirs
            .as_ref()
            .map(|d| d.data_local_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(PORTABLE_DIR));
        (d, DataDirSource::Platform)
    };
    let config_file = match source {
        DataDirSource::Platform => directories::ProjectDirs::from("uk.nhs", "HIOW", "Signpost")
            .map(|d| d.config_local_dir().join(CONFIG_FILE))
            .unwrap_or_else(|| data_dir.join(CONFIG_FILE)),
        _ => data_dir.join(CONFIG_FILE),
    };
    Paths {
        log_file: data_dir.join(LOG_FILE),
        config_file,
        data_dir,
        source,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Default,
    /// No colour: meaning carried by reverse video, markers and words.
    Monochrome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub role: Role,
    /// When true, `--role` on the command line cannot change the role.
    pub role_locked: bool,
    /// Verified records older than this many months are marked stale.
    pub stale_months: u32,
    /// Where "save summary" writes; nothing is written unless the handler asks.
    pub summary_dir: Option<PathBuf>,
    pub theme: Theme,
    /// The deploying service's own record ids (e.g. 111 itself), left out of suggestions.
    pub own_services: Vec<String>,
    /// Public keys (`ed25519:<hex>`, from `signpost keygen`) whose signed editions this desk
    /// installs.
    pub trusted_keys: Vec<String>,
    /// When true, only signed bundles may change the directory: folder and feed imports are
    /// refused.
    pub require_signed: bool,
    /// A folder many desks can read (a shared drive, a USB stick) where signed editions appear.
    pub edition_source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            role: Role::Handler,
            role_locked: false,
            stale_months: 6,
            summary_dir: None,
            theme: Theme::Default,
            own_services: Vec::new(),
            trusted_keys: Vec::new(),
            require_signed: false,
            edition_source: None,
        }
    }
}

impl Config {
    /// A missing file is the defaults; a bad one is a problem naming file, line and key.
    pub fn load(path: &Path) -> Result<Config, Problem> {
        match std::fs::read(path) {
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(Config::default())
            }
            Err(e) => Err(Problem::error(
                &path.display().to_string(),
                "",
                format!("cannot read: {e}"),
            )),
            Ok(bytes) => {
                let shown = path.display().to_string();
                let text = String::from_utf8(bytes)
                    .map_err(|_| Problem::error(&shown, "", "not UTF-8 text"))?;
                let cfg: Config = parse_toml(&shown, &text)?;
                if cfg.stale_months == 0 {
                    let mut p = Problem::error(&shown, "stale_months", "must be at least 1 month");
                    crate::directory::parse::locate_one(&text, &mut p);
                    return Err(p);
                }
                if let Some(i) = cfg.trusted_keys.iter().position(|k| !is_public_key(k)) {
                    let mut p = Problem::error(
                        &shown,
                        &format!("trusted_keys[{i}]"),
                        "not a public key (expected \"ed25519:\" and 64 hex digits, as `signpost keygen` prints)",
                    );
                    crate::directory::parse::locate_one(&text, &mut p);
                    return Err(p);
                }
                Ok(cfg)
            }
        }
    }

    /// The role in force: a locked config beats the command line.
    pub fn effective_role(&self, cli: Option<Role>) -> Role {
        match cli {
            Some(r) if !self.role_locked => r,
            _ => self.role,
        }
    }
}

/// The shape of a public key as `signpost keygen` writes it; the bundle check does the rest.
fn is_public_key(k: &str) -> bool {
    k.strip_prefix("ed25519:")
        .is_some_and(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_locked_beats_the_command_line() {
        let locked = Config {
            role: Role::Handler,
            role_locked: true,
            ..Config::default()
        };
        assert_eq!(locked.effective_role(Some(Role::Clinician)), Role::Handler);
        let open = Config {
            role_locked: false,
            ..locked.clone()
        };
        assert_eq!(open.effective_role(Some(Role::Clinician)), Role::Clinician);
        assert_eq!(open.effective_role(None), Role::Handler);
    }

    #[test]
    fn bad_config_names_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "stale_months = 6\nrole = \"boss\"\n").unwrap();
        let e = Config::load(&p).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.field, "role");
        assert!(e.message.contains("boss"), "{e}");
        std::fs::write(&p, "colour = true\n").unwrap();
        let e = Config::load(&p).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (Some(1), "colour"));
    }

    #[test]
    fn a_trusted_key_that_is_not_a_key_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        let good = format!("ed25519:{}", "ab".repeat(32));
        std::fs::write(
            &p,
            format!(
                "require_signed = true\ntrusted_keys = [\n  \"{good}\",\n  \"ed25519:beef\",\n]\n"
            ),
        )
        .unwrap();
        let e = Config::load(&p).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (Some(4), "trusted_keys[1]"));
        std::fs::write(
            &p,
            format!("trusted_keys = [\"{good}\"]\nedition_source = \"/mnt/share\"\n"),
        )
        .unwrap();
        let c = Config::load(&p).unwrap();
        assert_eq!(c.trusted_keys, vec![good]);
        assert_eq!(c.edition_source, Some(PathBuf::from("/mnt/share")));
        assert!(!c.require_signed);
    }

    #[test]
    fn data_dir_precedence() {
        let tmp = tempfile::tempdir().unwrap();
        let exe = tmp.path().join("signpost.exe");
        let flag = resolve_paths(Some("/a".into()), Some("/b".into()), Some(exe.clone()));
        assert_eq!(
            (flag.data_dir, flag.source),
            (PathBuf::from("/a"), DataDirSource::Flag)
        );
        let env = resolve_paths(None, Some("/b".into()), Some(exe.clone()));
        assert_eq!(env.data_dir, PathBuf::from("/b"));
        assert_eq!(env.config_file, PathBuf::from("/b").join(CONFIG_FILE));
        assert_eq!(
            resolve_paths(None, None, Some(exe.clone())).source,
            DataDirSource::Platform
        );
        std::fs::create_dir(tmp.path().join(PORTABLE_DIR)).unwrap();
        let portable = resolve_paths(None, None, Some(exe));
        assert_eq!(portable.data_dir, tmp.path().join(PORTABLE_DIR));
        assert_eq!(portable.source, DataDirSource::Portable);
    }
}
