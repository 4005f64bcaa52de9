//! A tmux server of a test's own (its own socket) with one pane running a plain shell: type,
//! read the screen, wait for it, and check the terminal modes the shell is left with.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The target of every command: the one session's one pane.
const PANE: &str = "e2e";

pub struct Tmux {
    socket: String,
}

pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Tests that need tmux fail, never skip, without it: a missing terminal test is a gap nobody
/// would notice.
pub fn require(what: &str) {
    assert!(
        available(),
        "tmux is not installed: {what} cannot run (install tmux; these tests never skip)"
    );
}

impl Tmux {
    /// A new server named `name` (with this process's id) running `sh -i` in a `w`x`h` pane,
    /// with a bare environment and the prompt `READY$ `.
    pub fn shell(name: &str, w: u16, h: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("{name}-{}", std::process::id()),
        };
        let (w, h) = (w.to_string(), h.to_string());
        let out = tmux.cmd(&[
            "new-session",
            "-d",
            "-s",
            PANE,
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "-i",
            "PATH=/usr/bin:/bin",
            "TERM=xterm-256color",
            "HOME=/tmp",
            "PS1=READY$ ",
            "sh",
            "-i",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux.wait_for("the shell prompt", |s| s.contains("READY$"));
        tmux
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", PANE];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success(), "send-keys {keys:?}");
    }

    pub fn send_text(&self, text: &str) {
        assert!(self
            .cmd(&["send-keys", "-t", PANE, "-l", text])
            .status
            .success());
    }

    /// Type a command line and press Enter.
    pub fn run_line(&self, line: &str) {
        self.send_text(line);
        self.send(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", PANE]).stdout).into_owned()
    }

    /// A tmux format for the pane, such as `#{alternate_on}` or `#{pane_width}`.
    pub fn format(&self, f: &str) -> String {
        let o = self.cmd(&["display-message", "-p", "-t", PANE, f]);
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    /// Wait until the screen satisfies `ok`, or fail with the last screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// Ask the shell for its terminal modes: `icanon` and `echo` as `stty -a` shows them, which
    /// a terminal left in raw mode shows as `-icanon -echo`. The answer's line starts with a
    /// marker the typed command does not contain, so a wrapped command line is never mistaken
    /// for it.
    pub fn stty_modes(&self) -> String {
        self.run_line(
            "echo \"MO\"\"DES: $(stty -a | tr ' ' '\\n' | grep -Ex -- '-?(icanon|echo)' | tr '\\n' ' ')\"",
        );
        let s = self.wait_for("stty's answer", |s| {
            s.lines().any(|l| l.starts_with("MODES:"))
        });
        s.lines()
            .find(|l| l.starts_with("MODES:"))
            .unwrap()
            .to_string()
    }
}

/// `stty_modes` shows canonical input and echo on: a shell can read a line as typed.
pub fn assert_cooked(modes: &str) {
    let words: Vec<&str> = modes.split_whitespace().collect();
    assert!(words.contains(&"icanon"), "raw mode left on: {modes}");
    assert!(words.contains(&"echo"), "echo left off: {modes}");
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}
