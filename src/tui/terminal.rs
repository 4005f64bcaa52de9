//! The terminal guard: raw mode and the alternate screen on the way in, and always restored on
//! the way out — normal exit, early return (Drop), error, or panic (hook).

use ratatui::DefaultTerminal;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal is in raw mode and the alternate screen, and not yet restored. Restoring twice
/// is not harmless: leaving the alternate screen also moves the cursor back to where it was on
/// entry, so a second leave after the panic message (the guard dropped while unwinding) put
/// the cursor above the message, and the shell's prompt was then printed over it.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Owns the terminal while the app runs; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Install our panic hook first, then ratatui's (which restores the terminal and then calls
    /// ours), so a panic message is printed on a working terminal, not into the alternate screen.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        match ratatui::try_init() {
            Ok(terminal) => {
                ENTERED.store(true, Ordering::SeqCst);
                Ok(TerminalGuard { terminal })
            }
            Err(e) => {
                // Raw mode may be on even though the alternate screen failed; only a terminal
                // is sent the escape sequence to leave it (not a redirected stdout).
                let _ = crossterm::terminal::disable_raw_mode();
                if io::stdout().is_terminal() {
                    let _ = crossterm::execute!(
                        io::stdout(),
                        crossterm::terminal::LeaveAlternateScreen
                    );
                }
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leave raw mode and the alternate screen, and show the cursor; only the first call after
/// entering does anything, so it is safe to call from the panic hook and the guard both.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = ratatui::try_restore();
    let mut out = io::stdout();
    let _ = crossterm::execute!(out, crossterm::cursor::Show);
    let _ = out.flush();
}

/// One plain line instead of a backtrace; runs after ratatui's hook has restored the terminal.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "signpost: an internal error stopped the program ({msg}{at}). The terminal has been restored; please report this."
        );
    }));
}
