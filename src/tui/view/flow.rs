//! Flowing text into lines without ever cutting a critical piece: a chunk (a number, a name, a
//! badge) moves whole to the next line; only a chunk wider than the whole line is broken, and
//! then every character still appears. Nothing is ever truncated.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A piece of text that stays together if it can.
#[derive(Debug, Clone, Default)]
struct Chunk {
    cells: Vec<(char, Style)>,
    /// Start a new line before this chunk.
    break_before: bool,
}

/// Chunks separated by `sep`, laid out to a width with a continuation indent.
#[derive(Debug, Clone)]
pub struct Flow {
    chunks: Vec<Chunk>,
    sep: (String, Style),
}

impl Flow {
    pub fn new(sep: &str, sep_style: Style) -> Flow {
        Flow {
            chunks: Vec::new(),
            sep: (sep.to_string(), sep_style),
        }
    }

    /// A chunk in one style.
    pub fn push(&mut self, text: &str, style: Style) -> &mut Self {
        if !text.is_empty() {
            self.chunks.push(Chunk {
                cells: text.chars().map(|c| (c, style)).collect(),
                break_before: false,
            });
        }
        self
    }

    /// A chunk made of differently styled parts ("F3 " dim, then "Place: any").
    pub fn push_parts(&mut self, parts: &[(&str, Style)]) -> &mut Self {
        let cells: Vec<(char, Style)> = parts
            .iter()
            .flat_map(|(t, st)| t.chars().map(move |c| (c, *st)))
            .collect();
        if !cells.is_empty() {
            self.chunks.push(Chunk {
                cells,
                break_before: false,
            });
        }
        self
    }

    /// A chunk whose characters at `hits` take `hit` style (matched characters).
    pub fn push_hits(&mut self, text: &str, hits: &[usize], style: Style, hit: Style) -> &mut Self {
        if !text.is_empty() {
            let cells = text
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    (
                        c,
                        if hits.contains(&i) {
                            style.patch(hit)
                        } else {
                            style
                        },
                    )
                })
                .collect();
            self.chunks.push(Chunk {
                cells,
                break_before: false,
            });
        }
        self
    }

    /// Prose: each word its own chunk, joined by spaces rather than the separator.
    pub fn push_words(&mut self, text: &str, style: Style) -> &mut Self {
        let mut first = true;
        for w in text.split_whitespace() {
            let mut cells: Vec<(char, Style)> = Vec::new();
            if !first {
                // Glue marker: a word continues the previous chunk's sentence.
                cells.push(('\u{0}', style));
            }
            cells.extend(w.chars().map(|c| (c, style)));
            self.chunks.push(Chunk {
                cells,
                break_before: false,
            });
            first = false;
        }
        self
    }

    /// The next chunk starts a new line.
    pub fn line_break(&mut self) -> &mut Self {
        if let Some(last) = self.chunks.last_mut() {
            last.cells.push(('\u{1}', Style::default()));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Lay out to `width` columns. The first line starts with `first` (e.g. a marker), later
    /// lines with `indent` spaces.
    pub fn lines(&self, width: u16, first: (&str, Style), indent: u16) -> Vec<Line<'static>> {
        let width = width.max(1) as usize;
        let indent = (indent as usize).min(width.saturating_sub(1));
        let mut out: Vec<Vec<(char, Style)>> = Vec::new();
        let mut cur: Vec<(char, Style)> = first.0.chars().map(|c| (c, first.1)).collect();
        let mut at_start = true;
        let new_line = |out: &mut Vec<Vec<(char, Style)>>, cur: &mut Vec<(char, Style)>| {
            out.push(std::mem::take(cur));
            cur.extend(std::iter::repeat((' ', Style::default())).take(indent));
        };
        let mut force_break = false;
        for chunk in &self.chunks {
            let glued = chunk.cells.first().is_some_and(|c| c.0 == '\u{0}');
            let ends_line = chunk.cells.last().is_some_and(|c| c.0 == '\u{1}');
            let body: Vec<(char, Style)> = chunk
                .cells
                .iter()
                .copied()
                .filter(|c| c.0 != '\u{0}' && c.0 != '\u{1}')
                .collect();
            if force_break || chunk.break_before {
                new_line(&mut out, &mut cur);
                at_start = true;
            }
            force_break = ends_line;
            let sep: Vec<(char, Style)> = if at_start {
                Vec::new()
            } else if glued {
                vec![(' ', body.first().map(|c| c.1).unwrap_or_default())]
            } else {
                self.sep.0.chars().map(|c| (c, self.sep.1)).collect()
            };
            if !at_start && cur.len() + sep.len() + body.len() > width {
                new_line(&mut out, &mut cur);
                at_start = true;
            }
            if !at_start {
                cur.extend(sep);
            }
            // A chunk wider than a whole line is broken across lines, losing nothing.
            let mut rest: &[(char, Style)] = &body;
            loop {
                let room = width.saturating_sub(cur.len()).max(1);
                if rest.len() <= room {
                    break;
                }
                // Prefer a space within the room (the space itself is dropped).
                let space = rest[..=room]
                    .iter()
                    .rposition(|c| c.0 == ' ')
                    .filter(|i| *i > 0);
                let (head, tail) = match space {
                    Some(i) => (&rest[..i], &rest[i + 1..]),
                    None => rest.split_at(room),
                };
                cur.extend_from_slice(head);
                rest = tail;
                new_line(&mut out, &mut cur);
            }
            cur.extend_from_slice(rest);
            at_start = false;
        }
        out.push(cur);
        out.into_iter()
            .map(|cells| {
                let mut spans: Vec<Span<'static>> = Vec::new();
                let mut text = String::new();
                let mut style: Option<Style> = None;
                for (c, s) in cells {
                    if style != Some(s) && !text.is_empty() {
                        spans.push(Span::styled(
                            std::mem::take(&mut text),
                            style.unwrap_or_default(),
                        ));
                    }
                    style = Some(s);
                    text.push(c);
                }
                if !text.is_empty() {
                    spans.push(Span::styled(text, style.unwrap_or_default()));
                }
                Line::from(spans)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn chunks_move_whole_to_the_next_line() {
        let mut f = Flow::new(" · ", Style::default());
        f.push("01632 960001", Style::default())
            .push("OPEN until 22:00", Style::default())
            .push("ages 18+", Style::default());
        let lines = text(&f.lines(20, ("", Style::default()), 2));
        assert_eq!(
            lines,
            vec!["01632 960001", "  OPEN until 22:00", "  ages 18+"]
        );
    }

    #[test]
    fn a_chunk_wider_than_the_line_is_broken_but_complete() {
        let mut f = Flow::new(" · ", Style::default());
        f.push("Example Island Safe Haven", Style::default());
        let lines = text(&f.lines(10, ("> ", Style::default()), 2));
        assert_eq!(lines, vec!["> Example", "  Island", "  Safe", "  Haven"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 10), "{lines:?}");
    }

    #[test]
    fn prose_wraps_between_words() {
        let mut f = Flow::new(" · ", Style::default());
        f.push_words("Walk in during opening hours.", Style::default());
        let lines = text(&f.lines(12, ("", Style::default()), 0));
        assert_eq!(lines, vec!["Walk in", "during", "opening", "hours."]);
    }

    #[test]
    fn zero_and_tiny_widths_do_not_panic() {
        let mut f = Flow::new(" · ", Style::default());
        f.push("116 123", Style::default())
            .push_words("a b c", Style::default());
        for w in 0..4 {
            let _ = f.lines(w, ("> ", Style::default()), 4);
        }
    }
}
