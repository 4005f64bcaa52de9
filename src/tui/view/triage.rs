//! The triage screens: a question (text wrapped, never cut), the emergency screen, the outcome,
//! the call summary and the clinician's override picker, each under the F9 danger banner.

use super::bars;
use super::pager::{self, Want};
use crate::app::{outcome_screen, summary, App, Screen};
use crate::model::questionnaire::QuestionKind;
use crate::search::Group;
use crate::triage::outcome::{Outcome, OutcomeService};
use crate::tui::theme::{Theme, MARKER, NO_MARKER};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

/// Always shown on the triage screens: danger is often disclosed late.
pub const DANGER_BANNER: &str = "Immediate danger to life: call 999 — press F9";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let banners = bars::banners(app, theme, area.width);
    let message = bars::message_lines(app, theme, area.width);
    let [title, danger, banner, body, msg, edition, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Min(1),
        Constraint::Length(message.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::title(frame, title, app, theme);
    let pad = (area.width as usize).saturating_sub(DANGER_BANNER.chars().count() + 1);
    frame.render_widget(
        Paragraph::new(format!(" {DANGER_BANNER}{}", " ".repeat(pad))).style(theme.banner()),
        danger,
    );
    frame.render_widget(Paragraph::new(banners), banner);
    // Each page marks the logical lines to keep in view (a highlighted option or service).
    let (lines, keep) = match app.screen {
        Screen::Question => question(app, theme),
        Screen::Emergency => (emergency(app, theme), None),
        Screen::Outcome => app
            .outcome
            .as_ref()
            .map(|o| outcome(app, o, theme))
            .unwrap_or_default(),
        Screen::Summary => (summary_lines(app, theme), None),
        Screen::Search | Screen::Report => (Vec::new(), None),
    };
    let (wrapped, starts) = pager::wrap(lines, body.width);
    let at = |i: usize| starts.get(i).copied().unwrap_or(wrapped.len());
    let want = match keep {
        Some((a, b)) if app.screen == Screen::Question || app.page_follow => Want::Keep {
            first: at(a),
            end: at(b),
        },
        _ => Want::From(app.page_scroll as usize),
    };
    let drawn = pager::render(frame, body, &wrapped, want, theme);
    app.page_drawn
        .set(Some((drawn.max_offset, drawn.room, drawn.offset)));
    frame.render_widget(Paragraph::new(message), msg);
    bars::edition(frame, edition, app, theme);
    bars::footer(frame, footer, app, theme);
    if app.override_pick.is_some() && app.screen == Screen::Outcome {
        override_picker(frame, body, app, theme);
    }
}

fn draft(app: &App, theme: Theme) -> Option<Line<'static>> {
    app.status.draft.then(|| {
        Line::styled(
            "DRAFT questionnaire: not yet clinically approved. Use your own judgement.",
            theme.warning(),
        )
    })
}

/// The option's key on screen: 1-9, then a-z.
pub fn option_key(i: usize) -> String {
    match i {
        0..=8 => (i + 1).to_string(),
        9..=34 => ((b'a' + (i - 9) as u8) as char).to_string(),
        _ => " ".to_string(),
    }
}

/// A page's lines and, where one is highlighted, the lines `a..b` to keep in view.
type Page = (Vec<Line<'static>>, Option<(usize, usize)>);

fn question(app: &App, theme: Theme) -> Page {
    let (Some(p), Some(t)) = (app.prompt(), app.triage.as_ref()) else {
        return (Vec::new(), None);
    };
    let mut out = Vec::new();
    out.extend(draft(app, theme));
    let prog = t.walk.progress(app.questionnaire());
    out.push(Line::styled(
        format!(
            "Question {} · {}{}",
            prog.answered + 1,
            match prog.remaining.saturating_sub(1) {
                0 => "the last question".to_string(),
                n => format!("at most {n} more to go"),
            },
            if t.emergency_from.is_some() {
                " · EMERGENCY RECORDED: finishing for the record"
            } else {
                ""
            }
        ),
        theme.dim(),
    ));
    out.push(Line::raw(""));
    out.push(Line::styled(p.text.clone(), theme.heading()));
    if !p.help.is_empty() {
        out.push(Line::styled(p.help.clone(), theme.dim()));
    }
    out.push(Line::raw(""));
    // Why the last Enter was not taken, above the options so it is never scrolled away.
    if let Some(problem) = &t.problem {
        out.push(Line::styled(
            format!("Not taken: {problem}"),
            theme.warning(),
        ));
        out.push(Line::raw(""));
    }
    let typed = crate::app::triage::is_typed(p.kind);
    let mut keep = None;
    if typed {
        let what = if p.kind == QuestionKind::Age {
            "Age in years"
        } else {
            "Postcode, town or place"
        };
        let style = if t.cursor == Some(0) {
            theme.field_focused()
        } else {
            theme.field()
        };
        if t.cursor == Some(0) {
            keep = Some((out.len(), out.len() + 1));
        }
        out.push(Line::from(vec![
            Span::raw(if t.cursor == Some(0) {
                MARKER
            } else {
                NO_MARKER
            }),
            Span::styled(format!("{what} › {}_", t.input), style),
        ]));
        if t.prefilled {
            out.push(Line::styled(
                "  from the search filters: Enter accepts it, typing replaces it",
                theme.open(),
            ));
        }
        out.push(Line::styled(
            "  or ↓ to an option, then Enter:",
            theme.dim(),
        ));
    } else if t.cursor.is_none() && p.kind == QuestionKind::Single {
        out.push(Line::styled(
            "No answer is chosen yet: press the number of the answer given.",
            theme.dim(),
        ));
    } else if p.kind == QuestionKind::Multiple {
        out.push(Line::styled(
            "More than one may apply: Space or the key ticks, Enter answers.",
            theme.dim(),
        ));
    }
    for (i, o) in p.options.iter().enumerate() {
        let row = i + usize::from(typed);
        let selected = t.cursor == Some(row);
        let marker = if selected { MARKER } else { NO_MARKER };
        let key = if typed {
            "  ".to_string()
        } else {
            format!("{}.", option_key(i))
        };
        let tick = if p.kind == QuestionKind::Multiple {
            if t.ticked.contains(&i) {
                "[x] "
            } else {
                "[ ] "
            }
        } else {
            ""
        };
        let text = format!("{marker}{key} {tick}{}", o.label);
        if selected {
            keep = Some((out.len(), out.len() + 1));
        }
        out.push(if selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    // The last option in view when none is highlighted, so every option is reachable and a
    // cut list says "more below".
    (out, keep)
}

fn big(text: &str, theme: Theme) -> Line<'static> {
    Line::styled(
        text.to_string(),
        theme.closed().add_modifier(Modifier::BOLD),
    )
}

fn emergency(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![big("EMERGENCY — DO THIS NOW", theme), Line::raw("")];
    for (i, l) in crate::triage::outcome::EMERGENCY_LINES.iter().enumerate() {
        out.push(Line::styled(format!("{}. {l}", i + 1), theme.heading()));
        out.push(Line::raw(""));
    }
    out.push(Line::raw(
        "When help is on its way: Enter continues the questions for the record; s shows the summary.",
    ));
    out.extend(draft(app, theme));
    out
}

fn urgency_style(code: &str, theme: Theme) -> Style {
    match code {
        "A" | "B" | "C" => theme.closed(),
        "D" | "E" => theme.caution(),
        _ => theme.open(),
    }
}

/// How one service shows on the outcome: selected (marker, reverse video) and given or not.
#[derive(Clone, Copy)]
struct Mark {
    selected: bool,
    given: bool,
}

fn service_lines(s: &OutcomeService, mark: Mark, out: &mut Vec<Line<'static>>, theme: Theme) {
    let number = s
        .primary
        .clone()
        .unwrap_or_else(|| "no direct number".into());
    let tag = if s.catch_all { " [CATCH-ALL]" } else { "" };
    let given = if mark.given { "[GIVEN] " } else { "" };
    let marker = if mark.selected { MARKER } else { NO_MARKER };
    let mut head = Line::from(vec![
        Span::styled(format!("{marker}{given}{}{tag}", s.name), theme.heading()),
        Span::raw(format!(" — {number}")),
    ]);
    if mark.selected {
        head = head.patch_style(theme.selected());
    }
    out.push(head);
    let mut info = vec![s.hours.clone()];
    if !s.respond.is_empty() && s.respond != s.hours {
        info.push(s.respond.clone());
    }
    if !s.how.is_empty() {
        info.push(s.how.clone());
    }
    out.push(Line::raw(format!("    {}", info.join(" · "))));
    if !s.reasons.is_empty() {
        let why: Vec<&str> = s.reasons.iter().map(|r| r.text.as_str()).collect();
        out.push(Line::styled(
            format!("    why: {}", why.join("; ")),
            theme.dim(),
        ));
    }
    if let Some(r) = &s.referral {
        out.push(Line::styled(
            format!("    referral (staff): {r}"),
            theme.dim(),
        ));
    }
    for c in &s.checks {
        out.push(Line::styled(format!("    check: {c}"), theme.caution()));
    }
}

/// The outcome, read top-down:
///
/// ```text
/// URGENCY: Urgent — within 24 hours            the level (and any override)
/// Next step: CALM — 0800 …                     the first firm service, or the emergency
/// ── What to say                               each line once; they refer to what is below
/// ── Fits and reachable now (3)                the other services, group by group
/// ── Safety net: always available (CATCH-ALL)  999, 111 option 2, Samaritans, Shout
/// ```
/// ↑↓ select a service (g marks it as given); returns the selected service's lines to keep.
fn outcome(app: &App, o: &Outcome, theme: Theme) -> Page {
    let mut out = Vec::new();
    out.extend(draft(app, theme));
    out.push(Line::from(vec![
        Span::styled("URGENCY: ", theme.heading()),
        Span::styled(
            o.urgency.shown.clone(),
            urgency_style(&o.urgency.code, theme),
        ),
    ]));
    if let Some(ov) = &o.urgency.override_ {
        out.push(Line::raw(format!(
            "Overridden by a clinician from {} to {}: {}",
            ov.computed, ov.level, ov.reason_label
        )));
    }
    let listed = outcome_screen::listed(o);
    let sel = app.outcome_cursor.min(listed.len().saturating_sub(1));
    let mark = |i: usize, s: &OutcomeService| Mark {
        selected: i == sel,
        given: app.given.contains(&s.id),
    };
    let mut keep = None;
    let mut push_service = |i: usize, s: &OutcomeService, out: &mut Vec<Line<'static>>| {
        let start = out.len();
        service_lines(s, mark(i, s), out, theme);
        if i == sel {
            keep = Some((start, out.len()));
        }
    };
    out.push(Line::raw(""));
    let next = outcome_screen::next_step(o);
    if let Some(e) = &o.emergency {
        out.push(big(&e.title, theme));
        for l in &e.lines {
            out.push(Line::raw(format!("  {l}")));
        }
    } else if let Some(s) = next {
        out.push(Line::styled(
            format!(
                "Next step: {} — {}",
                s.name,
                s.primary.as_deref().unwrap_or("no direct number")
            ),
            theme.heading().add_modifier(Modifier::BOLD),
        ));
        push_service(0, s, &mut out);
    } else {
        out.push(Line::styled(
            "Next step: nothing here is firm for this call — give the safety net (at the end), and check the services listed before giving one.",
            theme.warning(),
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("── What to say", theme.heading()));
    for text in outcome_screen::what_to_say(o) {
        out.push(Line::raw(format!("• {text}")));
    }
    let others = usize::from(next.is_some());
    let mut i = others;
    for g in Group::ALL {
        let group = o.group(g);
        let shown: Vec<&OutcomeService> = group
            .services
            .iter()
            .filter(|s| next.map_or(true, |n| n.id != s.id))
            .collect();
        if shown.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.push(Line::styled(
            format!("── {} ({})", group.title, shown.len()),
            theme.heading(),
        ));
        for s in shown {
            push_service(i, s, &mut out);
            i += 1;
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "── Safety net: always available (CATCH-ALL)",
        theme.heading(),
    ));
    for s in &o.safety_net {
        push_service(i, s, &mut out);
        i += 1;
    }
    (out, keep)
}

fn summary_lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        "Call summary — c copies it, f saves it to a file. No names, NHS numbers or postcodes.",
        theme.dim(),
    )];
    if let Some(text) = summary::text(app) {
        out.extend(text.lines().map(|l| Line::raw(l.to_string())));
    }
    out
}

fn override_picker(frame: &mut Frame, body: Rect, app: &App, theme: Theme) {
    let Some(p) = &app.override_pick else { return };
    let t = &app.directory.triage;
    let (title, items): (&str, Vec<String>) = match &p.level {
        None => (
            " Override: choose the urgency level ",
            t.urgency
                .iter()
                .map(|l| format!("{} {}", l.code, l.label))
                .collect(),
        ),
        Some(level) => (
            " Override: why? ",
            t.override_reasons
                .iter()
                .map(|r| format!("{} (to {level})", r.label))
                .collect(),
        ),
    };
    let [r] = Layout::horizontal([Constraint::Length(60.min(body.width))])
        .flex(Flex::Center)
        .areas(body);
    let [r] = Layout::vertical([Constraint::Length(
        (items.len() as u16 + 2).min(body.height),
    )])
    .flex(Flex::Center)
    .areas(r);
    frame.render_widget(Clear, r);
    let block = Block::bordered().title(title);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let lines: Vec<Line> = items
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let sel = i == p.cursor;
            let text = format!("{}{}. {s}", if sel { MARKER } else { NO_MARKER }, i + 1);
            if sel {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
