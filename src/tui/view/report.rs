//! The report screen: this machine's calls as bar charts, every count under 5 shown "<5".
//!
//! ```text
//! ┌──────────────────────────────────────────────────────────────────────────────┐
//! │ Signpost › Report                             call handler │ DRAFT │ Wed 20:00 │ title bar
//! │ This machine's calls from 14 Sep 2026 to 4 Nov 2026 (8 weeks) · 37 tally ... │ what, when,
//! │ counts under 5 show as <5, with no bar                                       │ suppression
//! │┌Calls by need────────────────────┐┌No local service found, by place────────┐│ horizontal
//! ││Low mood or anx… 12██████████████││Isle of Wight 7████████████████████████ ││ bar charts,
//! ││Bereavement      <5              ││Havant        <5                        ││ largest first
//! │└─────────────────────────────────┘└────────────────────────────────────────┘│
//! │┌Calls by week (week commencing Monday)──────────────────────────────────────┐│ vertical bar
//! ││  ████                                                                      ││ chart, oldest
//! ││   12     <5                                                                ││ week first
//! ││ 14 Sep  21 Sep                                                             ││
//! │└────────────────────────────────────────────────────────────────────────────┘│
//! │ message line                                                                 │
//! │ Edition line                                                                 │
//! │ Esc back  F9 999  F2 new call  F1 help                                       │ footer (keymap)
//! └──────────────────────────────────────────────────────────────────────────────┘
//! ```
//! A suppressed count is drawn with no bar at all (see `report::chart`): the screen shows no
//! more than `signpost report` prints.

use super::bars;
use super::flow::Flow;
use crate::app::report_screen::{Charts, ReportView, WEEKS};
use crate::app::{report_screen, App};
use crate::report::chart::ChartBar;
use crate::report::SUPPRESS_BELOW;
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};
use ratatui::Frame;

/// The suppression rule in words, on every state of the screen.
pub const SUPPRESSION_NOTE: &str =
    "counts under 5 show as <5 and counts withheld to protect them as *, with no bar";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let view = report_screen::view(app);
    let info = info_lines(&view, theme, area.width);
    let message = bars::message_lines(app, theme, area.width);
    // The read-only and stale-edition banners stay on every screen of the session.
    let banners = bars::banners(app, theme, area.width);
    let [title, banner, head, body, msg, edition, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Length(info.len() as u16),
        Constraint::Min(1),
        Constraint::Length(message.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::title(frame, title, app, theme);
    frame.render_widget(Paragraph::new(banners), banner);
    frame.render_widget(Paragraph::new(info), head);
    match &view {
        ReportView::Charts(c) => charts(frame, body, c, theme),
        other => frame.render_widget(Paragraph::new(words(other, theme, body.width)), body),
    }
    frame.render_widget(Paragraph::new(message), msg);
    bars::edition(frame, edition, app, theme);
    bars::footer(frame, footer, app, theme);
}

fn date(d: crate::model::Date) -> String {
    d.0.format("%-d %b %Y").to_string()
}

/// What the charts cover, how many rows there are, and the suppression rule.
fn info_lines(view: &ReportView, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let mut f = Flow::new(" · ", theme.dim());
    if let ReportView::Charts(c) = view {
        f.push(
            &format!(
                "This machine's calls from {} to {} ({WEEKS} weeks)",
                date(c.first_day),
                date(c.last_day)
            ),
            theme.heading(),
        );
        f.push(&format!("{} calls", c.calls), theme.base());
        if c.unreadable > 0 {
            f.push(
                &format!("{} damaged rows left out", c.unreadable),
                theme.warning(),
            );
        }
    } else {
        f.push("This machine's calls", theme.heading());
    }
    f.push(SUPPRESSION_NOTE, theme.base());
    f.lines(w, (" ", theme.base()), 1)
}

/// The screen when there is nothing to chart: loading, unreadable, or no calls yet.
fn words(view: &ReportView, theme: Theme, w: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut para = |text: &str, style| {
        let mut f = Flow::new(" ", style);
        f.push_words(text, style);
        out.extend(f.lines(w, (" ", style), 1));
        out.push(Line::raw(""));
    };
    match view {
        ReportView::Loading => para("Reading this machine's tallies…", theme.base()),
        ReportView::Failed(why) => {
            para("No report: the tallies cannot be read.", theme.heading());
            para(why, theme.warning());
        }
        ReportView::NoCalls { unreadable } => {
            para("No calls recorded on this machine yet.", theme.heading());
            para("Each triage outcome completed here adds one anonymous tally: the day, the place, the age band, the urgency, the needs and whether a local service was found. Nothing about the caller.", theme.base());
            para("`signpost report` prints the same counts as tables, and merges other machines' exports.", theme.base());
            if *unreadable > 0 {
                para(
                    &format!("{unreadable} stored rows are damaged and cannot be read."),
                    theme.warning(),
                );
            }
        }
        ReportView::Charts(_) => {}
    }
    out
}

fn charts(frame: &mut Frame, area: Rect, c: &Charts, theme: Theme) {
    let weekly = (area.height * 2 / 5).clamp(7, 14);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(weekly)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    let none = "No calls in these weeks.";
    ranked(frame, left, " Calls by need ", &c.needs, none, theme);
    let title = " No local service found, by place ";
    ranked(frame, right, title, &c.gaps_by_place, none, theme);
    weeks(frame, bottom, &c.weeks, theme);
}

/// Cut a label to `w` columns, marking the cut.
fn clip(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A bar as ratatui draws it: the drawn length (0 when suppressed) and the shown text.
fn bar(b: &ChartBar, label: String, theme: Theme) -> Bar<'static> {
    Bar::default()
        .label(Line::raw(label))
        .value(b.drawn)
        .text_value(b.shown.clone())
        .style(theme.chart())
}

/// A horizontal bar chart, one row per bar; rows that do not fit are counted on the last line.
fn ranked(frame: &mut Frame, area: Rect, title: &str, list: &[ChartBar], none: &str, theme: Theme) {
    let block = Block::bordered().title(title.to_string());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if list.is_empty() {
        frame.render_widget(Paragraph::new(none.to_string()), inner);
        return;
    }
    let rows = inner.height as usize;
    let (shown, hidden) = if list.len() > rows {
        list.split_at(rows.saturating_sub(1))
    } else {
        (list, &list[list.len()..])
    };
    // Labels take at most half the width, so the bars keep room to be compared.
    let longest = shown
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_w = longest.min(inner.width as usize / 2).max(1);
    let chart = BarChart::horizontal(
        shown
            .iter()
            .map(|b| bar(b, clip(&b.label, label_w), theme))
            .collect::<Vec<_>>(),
    )
    .bar_width(1)
    .bar_gap(0)
    .value_style(theme.heading());
    let [bars_area, more] = Layout::vertical([
        Constraint::Length(shown.len() as u16),
        Constraint::Length(u16::from(!hidden.is_empty())),
    ])
    .areas(inner);
    frame.render_widget(chart, bars_area);
    if !hidden.is_empty() {
        let n = hidden.len();
        let text = if hidden.iter().all(|b| b.suppressed) {
            format!("… and {n} more, each under {SUPPRESS_BELOW}")
        } else {
            format!("… and {n} more: `signpost report` lists them all")
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim()), more);
    }
}

/// Calls per week as upright bars, the count (or "<5") under each bar and the week under that.
fn weeks(frame: &mut Frame, area: Rect, list: &[ChartBar], theme: Theme) {
    let block = Block::bordered().title(" Calls by week (week commencing Monday) ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let n = list.len().max(1) as u16;
    let gap = 2;
    let width = (inner.width.saturating_sub(gap * (n - 1)) / n).clamp(1, 9);
    let groups: Vec<BarGroup<'static>> = list
        .iter()
        .map(|b| {
            // The count goes on the label row rather than inside the bar, so a suppressed
            // bar (drawn with no length) still says "<5".
            let upright = Bar::default()
                .value(b.drawn)
                .text_value(String::new())
                .label(Line::raw(b.shown.clone()).centered())
                .style(theme.chart());
            BarGroup::new([upright]).label(Line::raw(clip(&b.label, width as usize)).centered())
        })
        .collect();
    let chart = BarChart::grouped(groups)
        .direction(Direction::Vertical)
        .bar_width(width)
        .bar_gap(0)
        .group_gap(gap)
        .label_style(theme.base());
    frame.render_widget(chart, inner);
}
