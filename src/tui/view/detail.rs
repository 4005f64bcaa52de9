//! The detail pane: everything about one service a handler may need, role-filtered, with its
//! sources and dates, and why it was listed.

use super::flow::Flow;
use crate::app::{detail as facts, App, BadgeState, Context};
use crate::model::Service;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme, beside: bool) {
    let focused = app.context() == Context::Detail;
    let title = if focused {
        " Service detail — Esc back "
    } else {
        " Service detail (Enter opens) "
    };
    let block = if beside {
        Block::new().borders(Borders::LEFT).title(title)
    } else {
        Block::new().borders(Borders::TOP).title(title)
    };
    let title_style = if focused {
        theme.selected()
    } else {
        theme.heading()
    };
    let block = block.title_style(title_style);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let id = app.current_service_id();
    let Some(service) = id.and_then(|id| app.directory.service(id)) else {
        frame.render_widget(
            Paragraph::new(" Select a service to see its details."),
            inner,
        );
        return;
    };
    let lines = lines(app, service, theme, inner.width);
    let scroll = app.detail.as_ref().map(|d| d.scroll).unwrap_or(0) as usize;
    let max = lines.len().saturating_sub(inner.height as usize);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max) as u16, 0)),
        inner,
    );
}

fn section(out: &mut Vec<Line<'static>>, title: &str, theme: Theme) {
    out.push(Line::raw(""));
    out.push(Line::styled(format!(" {title}"), theme.heading()));
}

fn prose(out: &mut Vec<Line<'static>>, label: &str, text: &str, theme: Theme, w: u16) {
    let mut f = Flow::new(" ", theme.base());
    if !label.is_empty() {
        f.push(label, theme.heading());
    }
    f.push_words(text, theme.base());
    out.extend(f.lines(w, (" ", Style::default()), 3));
}

pub fn lines(app: &App, s: &Service, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let d = facts::facts(app, s);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut head = Flow::new(" · ", theme.dim());
    head.push(&s.name, theme.heading());
    if !s.organisation.is_empty() {
        head.push(&s.organisation, theme.base());
    }
    head.line_break();
    let badge_style = match d.badge.state {
        BadgeState::Open => theme.open(),
        BadgeState::Closed => theme.closed(),
        BadgeState::Unknown => theme.caution(),
    };
    head.push(&d.badge.text, badge_style);
    head.push(&d.age, theme.base());
    if let Some(u) = &d.unconfirmed {
        head.push(&format!("UNCONFIRMED: {u}"), theme.caution());
    }
    for n in &d.status_notes {
        head.push(&format!("STATUS NOTE: {n}"), theme.caution());
    }
    out.extend(head.lines(w, (" ", Style::default()), 3));

    section(&mut out, "Contacts", theme);
    if d.contacts.is_empty() {
        prose(
            &mut out,
            "",
            "No contact confirmed: check before giving.",
            theme,
            w,
        );
    }
    for c in &d.contacts {
        let mut f = Flow::new(" · ", theme.dim());
        f.push(&c.kind, theme.base());
        if !c.label.is_empty() {
            f.push(&c.label, theme.base());
        }
        f.push(&c.value, theme.heading());
        let aud_style = if c.professional {
            theme.caution()
        } else {
            theme.dim()
        };
        f.push(&c.audience, aud_style);
        f.push(&c.hours, theme.dim());
        out.extend(f.lines(w, ("   ", Style::default()), 5));
    }

    section(&mut out, "Hours this week", theme);
    prose(&mut out, "Source:", &d.hours_wording, theme, w);
    for day in &d.week {
        let marker = if day.today { "> " } else { "  " };
        let mut f = Flow::new(" ", theme.base());
        f.push(&format!("{:<3}", day.day), theme.heading());
        f.push_words(&day.text, theme.base());
        if day.today {
            f.push("(today)", theme.heading());
        }
        for mut l in f.lines(w, (marker, theme.heading()), 6) {
            if day.today {
                let pad = (w as usize).saturating_sub(l.width());
                l.spans.push(ratatui::text::Span::raw(" ".repeat(pad)));
                l = l.patch_style(theme.selected());
            }
            out.push(l);
        }
    }
    if let Some(next) = &d.next_opening {
        prose(&mut out, "", next, theme, w);
    }

    section(&mut out, "Access and referral", theme);
    prose(&mut out, "Access:", &d.access, theme, w);
    for (label, text) in &d.notes {
        prose(&mut out, label, text, theme, w);
    }
    prose(&mut out, "Eligibility:", &d.eligibility, theme, w);
    if !d.languages.is_empty() {
        prose(&mut out, "Languages:", &d.languages, theme, w);
    }
    if !d.cost.is_empty() {
        prose(&mut out, "Cost:", &d.cost, theme, w);
    }

    section(&mut out, "Sources and checks", theme);
    let mut f = Flow::new(" · ", theme.dim());
    f.push(&d.trust, if d.stale { theme.stale() } else { theme.base() });
    if d.stale {
        f.push("STALE", theme.stale());
    }
    out.extend(f.lines(w, (" ", Style::default()), 3));
    for src in &d.sources {
        prose(&mut out, "", src, theme, w);
    }

    if !d.reasons.is_empty() {
        section(&mut out, "Why it is listed", theme);
        for r in &d.reasons {
            prose(&mut out, "-", r, theme, w);
        }
    }
    out
}
