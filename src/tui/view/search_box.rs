//! The query box and the filter line (place, age, categories, open now, self-referral).

use super::flow::Flow;
use crate::app::{App, Context, PlaceChoice};
use crate::tui::theme::Theme;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const PLACEHOLDER: &str = "type a service, need, organisation or place";

pub fn query(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let focused = app.context() == Context::Query;
    let label = " Search › ";
    let label_style = if focused {
        theme.selected()
    } else {
        theme.heading()
    };
    let room = (area.width as usize).saturating_sub(label.chars().count() + 1);
    let q: Vec<char> = app.query.chars().collect();
    // Show the end of a long query: the handler is typing there.
    let shown: String = q[q.len().saturating_sub(room)..].iter().collect();
    let mut spans = vec![Span::styled(label, label_style)];
    if shown.is_empty() {
        spans.push(Span::styled(PLACEHOLDER, theme.dim()));
    } else {
        spans.push(Span::styled(shown.clone(), theme.base()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if focused {
        let x = area.x + (label.chars().count() + shown.chars().count()) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

fn place_text(app: &App, editing: bool) -> String {
    if editing {
        return app.filters.place_text.clone();
    }
    match &app.filters.place {
        Some(PlaceChoice::Place { name, .. }) => name.clone(),
        Some(PlaceChoice::OutsideArea { .. }) => "outside the area".into(),
        None => "any".into(),
    }
}

/// The focused filter chunk's label, so the cursor can be put after it.
fn field_label(ctx: Context) -> Option<&'static str> {
    match ctx {
        Context::Place | Context::PlaceChoices => Some("Place › "),
        Context::Age => Some("Age › "),
        _ => None,
    }
}

pub fn filter_lines(app: &App, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let ctx = app.context();
    let f = &app.filters;
    let mut flow = Flow::new(" │ ", theme.dim());
    let editing_place = matches!(ctx, Context::Place | Context::PlaceChoices);
    let editing_age = ctx == Context::Age;
    // Each filter shows the key that changes it, so nobody has to remember.
    let chunk = |flow: &mut Flow, key: &str, label: &str, value: String, focused: bool| {
        if focused {
            flow.push_parts(&[
                (&format!("{key} "), theme.dim()),
                (&format!("{label} › {value}"), theme.field_focused()),
            ]);
        } else {
            flow.push_parts(&[
                (&format!("{key} "), theme.dim()),
                (&format!("{label}: {value}"), theme.field()),
            ]);
        }
    };
    chunk(
        &mut flow,
        "F3",
        "Place",
        place_text(app, editing_place),
        editing_place,
    );
    let age = if editing_age {
        f.age_text.clone()
    } else {
        f.age.map(|a| a.to_string()).unwrap_or_else(|| "any".into())
    };
    chunk(&mut flow, "F4", "Age", age, editing_age);
    let cats = if f.categories.is_empty() {
        "any".to_string()
    } else {
        f.categories
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let in_cats = ctx == Context::Categories;
    chunk(&mut flow, "F5", "Categories", cats, in_cats);
    let tick = |on: bool| if on { "[x]" } else { "[ ]" };
    flow.push_parts(&[
        ("F6 ", theme.dim()),
        (&format!("{} open now", tick(f.open_now)), theme.field()),
    ]);
    flow.push_parts(&[
        ("F7 ", theme.dim()),
        (
            &format!("{} self-referral", tick(f.self_referral)),
            theme.field(),
        ),
    ]);
    let mut lines = flow.lines(w, (" ", theme.base()), 1);
    lines.truncate(3);
    lines
}

/// Put the terminal cursor at the end of the place or age being typed.
pub fn place_cursor(frame: &mut Frame, area: Rect, app: &App) {
    let ctx = app.context();
    if !matches!(ctx, Context::Place | Context::Age) {
        return;
    }
    let Some(label) = field_label(ctx) else {
        return;
    };
    let typed = if ctx == Context::Age {
        &app.filters.age_text
    } else {
        &app.filters.place_text
    };
    let needle = format!("{label}{typed}");
    let lines = filter_lines(app, crate::tui::theme::Theme { mono: true }, area.width);
    for (i, l) in lines.iter().enumerate() {
        let text = l.to_string();
        if let Some(byte) = text.find(&needle) {
            let col = text[..byte].chars().count() + needle.chars().count();
            let x = (area.x + col as u16).min(area.right().saturating_sub(1));
            let y = (area.y + i as u16).min(area.bottom().saturating_sub(1));
            frame.set_cursor_position(Position::new(x, y));
            return;
        }
    }
}
