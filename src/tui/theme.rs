//! Styles by meaning, in two themes. Meaning never rests on colour alone: the monochrome theme
//! uses no colour at all, and every state also has a word or a marker on screen.

use crate::config::Theme as ThemeChoice;
use ratatui::style::{Color, Modifier, Style};

/// The marker beside the selected row (with reverse video), so selection survives any palette.
pub const MARKER: &str = "> ";
pub const NO_MARKER: &str = "  ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
}

impl Theme {
    pub fn new(choice: ThemeChoice) -> Theme {
        Theme {
            mono: choice == ThemeChoice::Monochrome,
        }
    }

    fn colour(self, c: Color) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    pub fn base(self) -> Style {
        Style::default()
    }
    /// The selected row or option: reverse video in both themes (plus the `MARKER`).
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn heading(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    /// Characters of a name that matched the query.
    pub fn hit(self) -> Style {
        self.colour(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn open(self) -> Style {
        self.colour(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn closed(self) -> Style {
        self.colour(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// Unconfirmed, not verified, hours not confirmed: needs checking before giving.
    pub fn caution(self) -> Style {
        self.colour(Color::Yellow)
    }
    /// Stale (amber) — with the word STALE beside it.
    pub fn stale(self) -> Style {
        self.colour(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        }
    }
    /// Bars across the top and bottom.
    pub fn bar(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    /// Read-only store, stale edition: must not be missed.
    pub fn banner(self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        }
    }
    pub fn warning(self) -> Style {
        self.colour(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// Chart bars: a solid block shape carries the length, colour only decorates it.
    pub fn chart(self) -> Style {
        self.colour(Color::Cyan)
    }
    /// The key names in the footer and help.
    pub fn key(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    /// A text box with the keyboard.
    pub fn field_focused(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn field(self) -> Style {
        Style::default()
    }
}
