//! Applying the app's effects: the call's tally, reading the tallies for the report screen,
//! OSC 52 copy and saving the summary file.

use super::runner::Shell;
use crate::app::{report_screen, Action, TallyLoad};
use crate::report::Tally;
use crate::store::LocalKind;
use std::path::Path;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding, for the OSC 52 payload.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 escape sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// This machine's random id from `<data_dir>/machine-id` (as `signpost report` reads it),
/// created when missing; empty when the folder cannot be written.
pub fn machine_id(data_dir: &Path) -> String {
    let p = data_dir.join("machine-id");
    if let Ok(s) = std::fs::read_to_string(&p) {
        if !s.trim().is_empty() {
            return s.trim().to_string();
        }
    }
    let id = crate::report::tally::random_id();
    match std::fs::create_dir_all(data_dir).and_then(|()| std::fs::write(&p, &id)) {
        Ok(()) => id,
        Err(_) => String::new(),
    }
}

pub fn record_tally(mut tally: Tally, shell: &mut Shell<'_>) -> Option<Action> {
    tally.machine = shell.machine.clone();
    match shell.store.as_deref_mut() {
        None => Some(Action::Problem(
            "The store is read-only: this call was not counted in the local tally.".to_string(),
        )),
        Some(store) => match store.append_local(LocalKind::Tallies, &tally.encode()) {
            Ok(()) => None,
            Err(e) => Some(Action::Problem(format!("The call was not counted: {e}"))),
        },
    }
}

/// This machine's stored tally rows, for the report screen; a store that cannot be read is
/// said so on the screen, never a crash.
pub fn load_tallies(shell: &Shell<'_>) -> Action {
    let load = match shell.store.as_deref() {
        None => TallyLoad::Failed(
            "The store is read-only (another Signpost may have it open, or it is damaged), so this machine's tallies cannot be read now. `signpost report` reads them once the store is free.".to_string(),
        ),
        Some(store) => match store.read_local(LocalKind::Tallies) {
            Ok(rows) => report_screen::read_rows(&rows),
            Err(e) => TallyLoad::Failed(format!("This machine's tallies cannot be read: {e}.")),
        },
    };
    Action::TalliesLoaded(load)
}

pub fn copy(text: &str, shell: &mut Shell<'_>) -> Option<Action> {
    let Some(out) = shell.terminal_out.as_deref_mut() else {
        return Some(Action::Problem(
            "Copying is not available here: copy the summary text from the screen.".to_string(),
        ));
    };
    match out
        .write_all(osc52(text).as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => None,
        Err(e) => Some(Action::Problem(format!(
            "Copying through the terminal (OSC 52) failed ({e}): copy the text from the screen."
        ))),
    }
}

pub fn save(dir: &Path, file: &str, text: &str) -> Option<Action> {
    let path = dir.join(file);
    let result = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, text));
    Some(match result {
        Ok(()) => Action::Notice(format!("Summary saved to {}", path.display())),
        Err(e) => Action::Problem(format!(
            "The summary was not saved to {}: {e}",
            path.display()
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
