//! Long pages — a question with many options, the outcome, the summary — wrapped to the width
//! and scrolled, with "more above" and "more below" lines so nothing is cut without a word.

use super::flow::Flow;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The lines laid out to `width`, and where each given line starts among them. Words move
/// whole to the next line; a line's leading spaces indent its continuation lines too.
pub fn wrap(lines: Vec<Line<'static>>, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut out = Vec::new();
    let mut starts = Vec::with_capacity(lines.len());
    for line in lines {
        starts.push(out.len());
        if line.width() <= width as usize {
            out.push(line);
            continue;
        }
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let spaces = text.chars().take_while(|c| *c == ' ').count();
        // A bullet's continuation lines sit under its text.
        let bullet = ["• ", "- "].iter().any(|b| text[spaces..].starts_with(b));
        let lead = spaces + if bullet { 2 } else { 0 };
        let mut f = Flow::new(" ", line.style);
        for s in &line.spans {
            f.push_words(&s.content, line.style.patch(s.style));
        }
        let pad = " ".repeat(spaces);
        let mut wrapped = f.lines(width, (&pad, Style::default()), lead as u16);
        if line.style != Style::default() {
            for l in &mut wrapped {
                *l = std::mem::take(l).patch_style(line.style);
            }
        }
        out.extend(wrapped);
    }
    (out, starts)
}

/// Which part of the page to show.
#[derive(Debug, Clone, Copy)]
pub enum Want {
    /// From this line (clamped to the end).
    From(usize),
    /// Lines `first..end` in view (a highlighted option), the page otherwise from the top.
    Keep { first: usize, end: usize },
}

/// What the page looks like as drawn: the largest useful offset and the lines in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drawn {
    pub max_offset: usize,
    pub room: usize,
    pub offset: usize,
}

/// Lines of content in view from `offset` of `len` in `h` rows, after the marker lines.
fn room_at(offset: usize, len: usize, h: usize) -> usize {
    let mut room = h.saturating_sub(usize::from(offset > 0));
    if offset + room < len {
        room = room.saturating_sub(1);
    }
    room.max(1).min(h.max(1))
}

/// The smallest offset that shows the end of the page.
fn last_offset(len: usize, h: usize) -> usize {
    let mut off = 0;
    while off < len && off + room_at(off, len, h) < len {
        off += 1;
    }
    off
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    lines: &[Line<'static>],
    want: Want,
    theme: Theme,
) -> Drawn {
    let h = area.height as usize;
    let len = lines.len();
    let max_offset = last_offset(len, h);
    let offset = match want {
        Want::From(o) => o.min(max_offset),
        Want::Keep { first, end } => {
            let mut off = 0;
            while off < max_offset && end > off + room_at(off, len, h) {
                off += 1;
            }
            off.min(first)
        }
    };
    let room = room_at(offset, len, h);
    let mut out: Vec<Line<'static>> = Vec::with_capacity(h);
    if offset > 0 {
        out.push(Line::styled(
            format!("   … {offset} more lines above (↑, PgUp)"),
            theme.dim(),
        ));
    }
    let end = (offset + room).min(len);
    out.extend(lines[offset..end].iter().cloned());
    if end < len {
        while out.len() + 1 < h {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            format!("   … {} more lines below (↓, PgDn)", len - end),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(out), area);
    Drawn {
        max_offset,
        room,
        offset,
    }
}
