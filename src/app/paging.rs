//! Paging through the results by what is on screen, so PgDn and PgUp visit every row.
//!
//! A page is as many whole rows as fit, across group headings; how many fit depends on the
//! terminal's size and how rows wrap, which only the view knows. The view reports the rows it
//! drew (`Shown`), and paging starts the next page from the first row not drawn (HAZ-072).

use super::action::Step;
use std::cell::Cell;

/// Which row the list is pinned to: the first drawn, or the last drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Top(usize),
    Bottom(usize),
}

/// The rows the last drawing showed whole: `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub first: usize,
    pub last: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub anchor: Anchor,
    /// Written by the view at each draw (it borrows the app immutably), read by the next move.
    pub shown: Cell<Option<Shown>>,
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            anchor: Anchor::Top(0),
            shown: Cell::new(None),
        }
    }
}

/// Rows a page moves before anything has been drawn (tests without a terminal).
const UNDRAWN_PAGE: usize = 8;

impl Paging {
    /// Move the selection `sel` among `len` rows; returns the new selection and pins the view.
    pub fn step(&mut self, sel: usize, len: usize, s: Step) -> usize {
        if len == 0 {
            self.anchor = Anchor::Top(0);
            return 0;
        }
        let last = len - 1;
        let shown = self
            .shown
            .get()
            .filter(|v| v.first <= v.last && v.last <= last);
        let to = match (s, shown) {
            (Step::First, _) => {
                self.anchor = Anchor::Top(0);
                0
            }
            (Step::Last, _) => {
                self.anchor = Anchor::Bottom(last);
                last
            }
            (Step::PageDown, Some(v)) if v.last < last => {
                // The next page starts with the first row this one did not show.
                self.anchor = Anchor::Top(v.last + 1);
                v.last + 1
            }
            (Step::PageDown, Some(_)) => last,
            (Step::PageUp, Some(v)) if v.first > 0 => {
                self.anchor = Anchor::Bottom(v.first - 1);
                v.first - 1
            }
            (Step::PageUp, Some(_)) => {
                self.anchor = Anchor::Top(0);
                0
            }
            (Step::PageDown, None) => (sel + UNDRAWN_PAGE).min(last),
            (Step::PageUp, None) => sel.saturating_sub(UNDRAWN_PAGE),
            (Step::Up, _) => sel.saturating_sub(1),
            (Step::Down, _) => (sel + 1).min(last),
        };
        if matches!(s, Step::Up | Step::Down) {
            // Keep the view still while the selection stays on it; scroll by one row past it.
            self.anchor = match shown {
                Some(v) if to < v.first => Anchor::Top(to),
                Some(v) if to > v.last => Anchor::Bottom(to),
                Some(v) => Anchor::Top(v.first),
                None => self.anchor,
            };
        }
        to
    }
}
