//! The results list: group headings, then two-or-more-line rows. Names and numbers wrap and are
//! never cut; the selected row is reverse video with a marker.

use super::flow::Flow;
use crate::app::paging::{Anchor, Shown};
use crate::app::{App, BadgeState, Row};
use crate::tui::theme::{Theme, MARKER, NO_MARKER};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Continuation lines of a row start under the name.
const INDENT: u16 = 4;

pub fn row_lines(row: &Row, selected: bool, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let mut f = Flow::new(" · ", theme.dim());
    f.push_hits(&row.name, &row.name_hits, theme.heading(), theme.hit());
    if !row.organisation.is_empty() && row.organisation != row.name {
        f.push_hits(
            &row.organisation,
            &row.organisation_hits,
            theme.base(),
            theme.hit(),
        );
    }
    f.line_break();
    match &row.number {
        Some(n) => f.push(n, theme.heading()),
        None => f.push("number not confirmed", theme.caution()),
    };
    let badge_style = match row.badge.state {
        BadgeState::Open => theme.open(),
        BadgeState::Closed => theme.closed(),
        BadgeState::Unknown => theme.caution(),
    };
    f.push(&row.badge.text, badge_style);
    f.push(&row.age, theme.base());
    if row.unconfirmed {
        f.push("UNCONFIRMED", theme.caution());
    }
    for n in &row.status_notes {
        f.push(&format!("NOTE: {n}"), theme.caution());
    }
    if row.not_verified {
        f.push("not verified", theme.dim());
    }
    if row.stale {
        f.push("STALE", theme.stale());
    }
    let marker = if selected { MARKER } else { NO_MARKER };
    let mut lines = f.lines(w, (marker, theme.heading()), INDENT);
    if selected {
        for l in &mut lines {
            let pad = (w as usize).saturating_sub(l.width());
            l.spans.push(Span::raw(" ".repeat(pad)));
            *l = std::mem::take(l).patch_style(theme.selected());
        }
    }
    lines
}

fn heading(title: &str, count: usize, cont: bool, theme: Theme, w: u16) -> Line<'static> {
    let more = if cont { ", continued" } else { "" };
    let text = format!("── {title} ({count}{more}) ");
    let pad = (w as usize).saturating_sub(text.chars().count());
    Line::styled(format!("{text}{}", "─".repeat(pad)), theme.heading())
}

/// One row as the list draws it: an optional group heading, the row, and the group's "more in
/// this group" note after its last row. `first` is true when the row opens the window, where a
/// group heading is repeated (", continued") so every row is seen under its group's name.
struct Block<'a> {
    app: &'a App,
    flat: Vec<(usize, usize)>,
    sel: usize,
    theme: Theme,
    w: u16,
}

impl Block<'_> {
    fn lines(&self, i: usize, first: bool) -> Vec<Line<'static>> {
        let (g, r) = self.flat[i];
        let group = &self.app.listing.groups[g];
        let mut out = Vec::new();
        if first || r == 0 {
            out.push(heading(
                group.kind.title(),
                group.rows.len(),
                r != 0,
                self.theme,
                self.w,
            ));
        }
        out.extend(row_lines(&group.rows[r], i == self.sel, self.theme, self.w));
        if r + 1 == group.rows.len() && group.total > group.rows.len() {
            out.push(Line::styled(
                format!(
                    "    … {} more in this group: add a word or a filter to narrow it",
                    group.total - group.rows.len()
                ),
                self.theme.dim(),
            ));
        }
        out
    }
    fn height(&self, i: usize, first: bool) -> usize {
        self.lines(i, first).len()
    }
    /// Lines the window `first..=last` takes, with its "more above" and "more below" lines.
    fn window_height(&self, first: usize, last: usize) -> usize {
        let rows: usize = (first..=last).map(|i| self.height(i, i == first)).sum();
        rows + usize::from(first > 0) + usize::from(last + 1 < self.flat.len())
    }
    /// The rows that fit from `first` on (at least `first` itself).
    fn down_from(&self, first: usize, h: usize) -> usize {
        let mut last = first;
        while last + 1 < self.flat.len() && self.window_height(first, last + 1) <= h {
            last += 1;
        }
        last
    }
    /// The rows that fit ending at `last` (at least `last` itself).
    fn up_from(&self, last: usize, h: usize) -> usize {
        let mut first = last;
        while first > 0 && self.window_height(first - 1, last) <= h {
            first -= 1;
        }
        first
    }
}

/// The rows to draw: pinned as the app says, moved only as far as needed to show the selection.
fn window(b: &Block, anchor: Anchor, h: usize) -> (usize, usize) {
    let n = b.flat.len();
    let (first, last) = match anchor {
        Anchor::Top(t) => {
            let t = t.min(n - 1);
            (t, b.down_from(t, h))
        }
        Anchor::Bottom(l) => {
            let l = l.min(n - 1);
            let f = b.up_from(l, h);
            // A short list pinned to its end still starts at its top.
            if f == 0 {
                (0, b.down_from(0, h))
            } else {
                (f, l)
            }
        }
    };
    if b.sel < first {
        (b.sel, b.down_from(b.sel, h))
    } else if b.sel > last {
        (b.up_from(b.sel, h), b.sel)
    } else {
        (first, last)
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let w = area.width;
    let h = area.height as usize;
    if app.listing.is_empty() {
        app.paging.shown.set(None);
        frame.render_widget(Paragraph::new(empty_lines(app, theme, w)), area);
        return;
    }
    // (group, row) for each listed row, in order.
    let flat: Vec<(usize, usize)> = app
        .listing
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| (0..grp.rows.len()).map(move |r| (g, r)))
        .collect();
    let sel = app.selected.min(flat.len() - 1);
    let b = Block {
        app,
        flat,
        sel,
        theme,
        w,
    };
    let (first, last) = window(&b, app.paging.anchor, h);
    app.paging.shown.set(Some(Shown { first, last }));
    // Whole rows only: a row is never shown without its number line; what is off the screen
    // is counted above and below, so no row is ever hidden without a word (HAZ-072).
    let mut out: Vec<Line<'static>> = Vec::new();
    if first > 0 {
        out.push(Line::styled(
            format!("   … {first} more above (↑, PgUp)"),
            theme.dim(),
        ));
    }
    for i in first..=last {
        out.extend(b.lines(i, i == first));
    }
    let below = b.flat.len() - 1 - last;
    if below > 0 {
        while out.len() < h.saturating_sub(1) {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            format!("   … {below} more below (↓, PgDn)"),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(out), area);
}

fn empty_lines(app: &App, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let mut f = Flow::new(" ", theme.base());
    // The search says what excluded everything and what would match without it.
    match &app.listing.empty_reason {
        Some(reason) => f.push_words(&sentence(reason), theme.heading()),
        None => f.push_words("No service fits this search.", theme.heading()),
    };
    f.line_break();
    f.push_words(
        "Try fewer letters or another word (Ctrl-U empties the box), or clear the filters with a new call (F2).",
        theme.base(),
    );
    let mut lines = vec![Line::raw("")];
    lines.extend(f.lines(w, (" ", Style::default()), 1));
    if !app.safety_net.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(" Safety net, always:", theme.heading()));
        for s in &app.safety_net {
            let mut f = Flow::new(" · ", theme.dim());
            f.push(&s.name, theme.base());
            match s.primary_public() {
                Some(c) => f.push(&c.display_value(), theme.heading()),
                None => f.push("number not confirmed", theme.caution()),
            };
            lines.extend(f.lines(w, ("   ", Style::default()), 5));
        }
    }
    lines
}

/// Capitalised and full-stopped, as a sentence on screen.
fn sentence(s: &str) -> String {
    let mut c = s.trim().chars();
    let mut out: String = match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
