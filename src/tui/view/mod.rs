//! Screens as functions of the app's state. `render` lays out the search screen:
//!
//! ```text
//! ┌──────────────────────────────────────────────────────────────────────────────┐
//! │ Signpost › Search                        call handler │ DRAFT │ Mon 14:05    │ title bar
//! │ READ-ONLY: ... / the edition is older than 6 months ...  (only when true)    │ banners
//! │ Search › samar                                                               │ query box
//! │ Place: Isle of Wight │ Age: 15 │ Categories: any │ [x] open now │ [ ] self-ref│ filters (wraps)
//! │ ── Fits and reachable now (2) ───────────────────────────────────────────────│
//! │ > Samaritans · Samaritans                                   ┊ detail pane    │ results; the
//! │     116 123 · OPEN 24/7 · all ages · not verified           ┊ (side by side  │ detail replaces
//! │ ── Fits — check before giving (1) ──────────────────────────┊  from 110 cols)│ them below 110
//! │ Flagged X: the number is wrong — saved for the maintainers.                  │ message line
//! │ Edition 3f2a9c1b7d4e · 2026-11-23 · 78 services · 12 unconfirmed · ...       │ edition line
//! │ Esc leave box · ↑↓ move · Enter open · F2/Ctrl-N new call · ... · F1 help    │ footer (keymap)
//! └──────────────────────────────────────────────────────────────────────────────┘
//! ```
//! The triage screens are drawn by `triage`, the report charts by `report`. Pickers and the help
//! are drawn over the middle. Below `MIN_WIDTH` x `MIN_HEIGHT` only a "make the window larger"
//! screen is drawn; no size, 1x1 included, can panic.

mod bars;
mod detail;
pub mod flow;
mod pager;
mod popups;
pub mod report;
mod results;
mod search_box;
pub mod triage;

use super::theme::Theme;
use crate::app::App;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width the detail pane sits beside the results.
pub const SPLIT_WIDTH: u16 = 110;

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme::new(app.settings.theme);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    if app.screen == crate::app::Screen::Report {
        report::render(frame, area, app, theme);
        popups::render(frame, area, app, theme);
        return;
    }
    if app.screen != crate::app::Screen::Search {
        triage::render(frame, area, app, theme);
        popups::render(frame, area, app, theme);
        return;
    }
    let banners = bars::banners(app, theme, area.width);
    let filters = search_box::filter_lines(app, theme, area.width);
    let message = bars::message_lines(app, theme, area.width);
    let [title, banner, query, filter, body, msg, edition, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Length(1),
        Constraint::Length(filters.len() as u16),
        Constraint::Min(1),
        Constraint::Length(message.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::title(frame, title, app, theme);
    frame.render_widget(Paragraph::new(banners), banner);
    search_box::query(frame, query, app, theme);
    frame.render_widget(Paragraph::new(filters), filter);
    search_box::place_cursor(frame, filter, app);
    body_area(frame, body, app, theme);
    frame.render_widget(Paragraph::new(message), msg);
    bars::edition(frame, edition, app, theme);
    bars::footer(frame, footer, app, theme);
    popups::render(frame, body, app, theme);
}

/// Results, with the detail beside them (wide) or instead of them (narrow, when open).
fn body_area(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if area.width >= SPLIT_WIDTH {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        // A column of space keeps the rows off the detail's border.
        let left = Rect {
            width: left.width.saturating_sub(1),
            ..left
        };
        results::render(frame, left, app, theme);
        detail::render(frame, right, app, theme, true);
    } else if app.detail.is_some() {
        detail::render(frame, area, app, theme, false);
    } else {
        results::render(frame, area, app, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = vec![
        Line::styled("Make the window larger.", theme.heading()),
        Line::raw(format!(
            "Signpost needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this window is {}x{}.",
            area.width, area.height
        )),
        Line::raw("Ctrl-Q quits."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
