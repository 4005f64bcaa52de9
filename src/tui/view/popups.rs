//! Boxes drawn over the screen: help (from the keymap), categories, place choices, and
//! "report a wrong record", and "quit / new call: are you sure?". Each says its keys.

use crate::app::{App, Overlay, Pending, WrongWhat};
use crate::model::Category;
use crate::tui::keymap;
use crate::tui::theme::{Theme, MARKER, NO_MARKER};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn render(frame: &mut Frame, body: Rect, app: &App, theme: Theme) {
    if let Some(p) = app.confirm {
        let why = format!(
            "{} Enter: yes. Esc or any other key: stay on the call.",
            p.question(&app.call_holds())
        );
        let title = match p {
            Pending::Quit => " Quit? ",
            Pending::NewCall => " New call? ",
        };
        choices(frame, body, title, &why, &[], 0, false, theme);
        return;
    }
    if app.help {
        help(frame, frame.area(), app, theme);
        return;
    }
    match &app.overlay {
        Some(Overlay::Categories { cursor }) => categories(frame, body, app, *cursor, theme),
        Some(Overlay::PlaceChoices {
            why,
            options,
            cursor,
        }) => {
            let items: Vec<String> = options.iter().map(|o| o.label()).collect();
            let title = format!(" Where is the caller? '{}' ", app.filters.place_text.trim());
            choices(frame, body, &title, why, &items, *cursor, true, theme);
        }
        Some(Overlay::ReportWrong { name, cursor, .. }) => {
            let items: Vec<String> = WrongWhat::ALL
                .iter()
                .map(|w| w.label().to_string())
                .collect();
            let why = format!(
                "{name}: what is wrong? Only the service, your choice and the time are saved."
            );
            choices(
                frame,
                body,
                " Report a wrong record ",
                &why,
                &items,
                *cursor,
                true,
                theme,
            );
        }
        None => {}
    }
}

/// A centred box of at most `w` x `h` inside `area`, cleared.
fn boxed(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(r);
    frame.render_widget(Clear, r);
    r
}

fn row(text: String, selected: bool, theme: Theme, w: u16) -> Line<'static> {
    let marker = if selected { MARKER } else { NO_MARKER };
    let line = format!("{marker}{text}");
    let pad = (w as usize).saturating_sub(line.chars().count());
    let line = format!("{line}{}", " ".repeat(pad));
    if selected {
        Line::styled(line, theme.selected())
    } else {
        Line::raw(line)
    }
}

/// Scroll a list so the cursor stays visible.
fn window(len: usize, cursor: usize, h: usize) -> usize {
    if h == 0 || cursor < h {
        0
    } else {
        (cursor + 1 - h).min(len.saturating_sub(h))
    }
}

fn categories(frame: &mut Frame, body: Rect, app: &App, cursor: usize, theme: Theme) {
    let r = boxed(frame, body, 44, Category::ALL.len() as u16 + 2);
    let block = Block::bordered().title(" Categories (results follow) ");
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let h = inner.height as usize;
    let top = window(Category::ALL.len(), cursor, h);
    let lines: Vec<Line> = Category::ALL
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, c)| {
            let tick = if app.filters.categories.contains(c) {
                "[x]"
            } else {
                "[ ]"
            };
            row(
                format!("{tick} {}", c.label()),
                i == cursor,
                theme,
                inner.width,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[allow(clippy::too_many_arguments)]
fn choices(
    frame: &mut Frame,
    body: Rect,
    title: &str,
    why: &str,
    items: &[String],
    cursor: usize,
    numbered: bool,
    theme: Theme,
) {
    let width = 60u16;
    let mut f = super::flow::Flow::new(" ", theme.base());
    f.push_words(why, theme.base());
    let why_lines = f.lines(width.saturating_sub(2), (" ", theme.base()), 1);
    let h = (why_lines.len() + 1 + items.len() + 2) as u16;
    let r = boxed(frame, body, width, h);
    let block = Block::bordered().title(title.to_string());
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut lines = why_lines;
    lines.push(Line::raw(""));
    let room = (inner.height as usize).saturating_sub(lines.len());
    let top = window(items.len(), cursor, room);
    for (i, item) in items.iter().enumerate().skip(top).take(room) {
        let text = if numbered {
            format!("{}  {item}", i + 1)
        } else {
            item.clone()
        };
        lines.push(row(text, i == cursor, theme, inner.width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn help(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let under = app.context_under_help();
    let r = boxed(frame, area, area.width, area.height.saturating_sub(2));
    let block = Block::bordered().title(format!(" Keys — {} ", under.label()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut lines: Vec<Line> = vec![Line::styled(
        format!("Here ({}):", under.label()),
        theme.heading(),
    )];
    let key_col = 18usize;
    let w = inner.width;
    // Each key's description wraps under itself: nothing is cut at narrow widths.
    let item = |b: &keymap::Binding| {
        let k = keymap::keys_label(b);
        let pad = key_col.saturating_sub(k.chars().count() + 1);
        let mut f = super::flow::Flow::new(" ", theme.base());
        f.push_parts(&[
            (&format!(" {k}"), theme.key()),
            (&" ".repeat(pad), theme.base()),
        ]);
        f.push_words(b.help, theme.base());
        f.lines(w, ("", theme.base()), key_col as u16 + 1)
    };
    let (everywhere, here): (Vec<_>, Vec<_>) =
        keymap::for_context(under).partition(|b| b.scope == keymap::Scope::Everywhere);
    lines.extend(here.into_iter().flat_map(item));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Everywhere:", theme.heading()));
    lines.extend(everywhere.into_iter().flat_map(item));
    let max = lines.len().saturating_sub(inner.height as usize);
    let scroll = (app.help_scroll as usize).min(max) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
