//! The results list: group headings, then two-or-more-line rows. Names and numbers wrap and are
//! never cut; the selected row is reverse video with a marker.

use super::flow::Flow;
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

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let w = area.width;
    let h = area.height as usize;
    if app.listing.is_empty() {
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
    let lines_of = |i: usize| {
        let (g, r) = flat[i];
        row_lines(&app.listing.groups[g].rows[r], i == sel, theme, w)
    };
    let first_of_group = |i: usize| flat[i].1 == 0;
    // Keep the selection about a third of the way down, so the rows after it show.
    let mut start = sel;
    let mut used = lines_of(sel).len() + 1;
    while start > 0 {
        let add = lines_of(start - 1).len() + usize::from(first_of_group(start - 1));
        if used + add > h / 3 {
            break;
        }
        used += add;
        start -= 1;
    }
    // Whole rows only: a row is never shown without its number line.
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut i = start;
    while i < flat.len() {
        let (g, r) = flat[i];
        let group = &app.listing.groups[g];
        let mut block = Vec::new();
        if i == start || r == 0 {
            block.push(heading(
                group.kind.title(),
                group.rows.len(),
                r != 0,
                theme,
                w,
            ));
        }
        block.extend(lines_of(i));
        if r + 1 == group.rows.len() && group.total > group.rows.len() {
            block.push(Line::styled(
                format!(
                    "    … {} more in this group: add a word or a filter to narrow it",
                    group.total - group.rows.len()
                ),
                theme.dim(),
            ));
        }
        let budget = if i + 1 == flat.len() {
            h
        } else {
            h.saturating_sub(1)
        };
        if i != start && out.len() + block.len() > budget {
            break;
        }
        out.extend(block);
        i += 1;
    }
    if i < flat.len() {
        while out.len() < h.saturating_sub(1) {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            format!("   … {} more below (↓, PgDn)", flat.len() - i),
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
