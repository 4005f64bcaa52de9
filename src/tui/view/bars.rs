//! The bars: title (where am I, role, DRAFT, time), banners (read-only, old edition), the
//! message line, the edition line and the footer of keys from the keymap.

use super::flow::Flow;
use crate::app::{clock, App, Screen};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// At most this many lines of banners, so results always keep room.
const MAX_BANNER_LINES: usize = 4;

fn width(s: &str) -> usize {
    s.chars().count()
}

/// The first variant that fits, else the last one (cut only as a last resort on tiny screens).
fn fit(w: u16, variants: &[String]) -> String {
    let w = w as usize;
    variants
        .iter()
        .find(|v| width(v) <= w)
        .or(variants.last())
        .cloned()
        .unwrap_or_default()
}

pub fn title(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let role = app.settings.role.label();
    let time = clock::london_hm(app.now);
    let draft = if app.status.draft { " │ DRAFT" } else { "" };
    let right = format!("{role}{draft} │ {time} ");
    let left = fit(
        area.width.saturating_sub(width(&right) as u16 + 1),
        &[
            format!(" Signpost › {}", screen_name(app)),
            format!(" {}", screen_name(app)),
        ],
    );
    let gap = (area.width as usize).saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(gap)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
}

fn screen_name(app: &App) -> &'static str {
    match app.screen {
        Screen::Search => "Search",
        Screen::Question => "Triage",
        Screen::Emergency => "EMERGENCY",
        Screen::Outcome => "Outcome",
        Screen::Summary => "Call summary",
        Screen::Report => "Report",
    }
}

pub fn banners(app: &App, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut add = |text: &str| {
        let mut f = Flow::new(" ", theme.banner());
        f.push_words(text, theme.banner());
        out.extend(f.lines(w, (" ", theme.banner()), 1));
    };
    if let Some(risk) = app
        .listing
        .risk
        .as_ref()
        .filter(|_| app.screen == crate::app::Screen::Search)
    {
        add(risk);
    }
    if let Some(reason) = &app.status.read_only {
        add(reason);
    }
    if app
        .status
        .edition_stale(clock::london_date(app.now), app.settings.stale_months)
    {
        let date = app
            .status
            .edition
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date not shown".into());
        add(&format!(
            "OLD EDITION: this directory is from {date}, older than {} months. Numbers and hours may have changed: check before giving, and ask for a newer edition.",
            app.settings.stale_months
        ));
    }
    out.truncate(MAX_BANNER_LINES);
    out.into_iter()
        .map(|l| {
            let pad = (w as usize).saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::styled(" ".repeat(pad), theme.banner()));
            Line::from(spans)
        })
        .collect()
}

pub fn message_lines(app: &App, theme: Theme, w: u16) -> Vec<Line<'static>> {
    match &app.message {
        None => vec![Line::raw("")],
        Some(m) => {
            let style = if m.warning {
                theme.warning()
            } else {
                theme.base()
            };
            let mut f = Flow::new(" ", style);
            f.push_words(&m.text, style);
            let mut lines = f.lines(w, (" ", style), 1);
            lines.truncate(2);
            lines
        }
    }
}

pub fn edition(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let s = &app.status;
    let date = s
        .edition
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "no date".into());
    let id = &s.edition.id;
    let label = &s.edition.label;
    let (n, u, v) = (s.services, s.unconfirmed, s.not_verified);
    let base = [
        format!(
            " Edition {id} ({label}) of {date} · {n} services · {u} unconfirmed · {v} not verified"
        ),
        format!(" Edition {id} of {date} · {n} services · {u} unconfirmed · {v} not verified"),
        format!(" Edition {id} {date} · {n} services · {u} unconfirmed · {v} unverified"),
        format!(" Ed. {id} {date} · {n} services · {u} unconf. · {v} unverified"),
        format!(" {id} {date} · {n} svcs · {u} unconf. · {v} unverif."),
    ];
    // Who published the edition in use, and the last pick-up (or why the share was unread).
    let by = s
        .edition
        .publisher
        .as_deref()
        .map(|p| format!(" · published by {p}"))
        .unwrap_or_default();
    let lead = app
        .pickup
        .note
        .as_deref()
        .map(|n| format!(" {n} ·"))
        .unwrap_or_default();
    let mut variants: Vec<String> = base.iter().map(|b| format!("{lead}{b}{by}")).collect();
    variants.extend(base.iter().map(|b| format!("{lead}{b}")));
    variants.extend(base);
    let clean: Vec<String> = variants
        .iter()
        .map(|v| v.chars().filter(|c| !c.is_control()).collect())
        .collect();
    let text = fit(area.width, &clean);
    frame.render_widget(Paragraph::new(text).style(theme.dim()), area);
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let hints = keymap::hints(app.context());
    let w = area.width as usize;
    let piece = |(k, h): &(String, &str)| width(k) + 1 + width(h);
    // "new call", "999", "help" and a question's answers always show; other hints drop from the end until the line fits.
    let pinned = |h: &str| matches!(h, "new call" | "help" | "999" | "yes" | "stay on the call");
    let mut keep: Vec<&(String, &str)> = hints.iter().collect();
    let total = |v: &Vec<&(String, &str)>| {
        1 + v.iter().map(|x| piece(x)).sum::<usize>() + v.len().saturating_sub(1) * 2
    };
    while total(&keep) > w {
        match keep.iter().rposition(|x| !pinned(x.1)) {
            Some(i) => {
                keep.remove(i);
            }
            None => break,
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (k, h)) in keep.iter().map(|x| (&x.0, x.1)).enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(k.clone(), theme.key()));
        spans.push(Span::styled(format!(" {h}"), Style::default()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
