//! The keymap, as data: one table drives dispatch, the footer hints, the help popup and the
//! README's key table, so they cannot drift apart.
//!
//! In a text box (search, place, age) printable characters are typed; commands there use keys
//! that cannot be typed text (Esc, Tab, arrows, Enter, F-keys, Ctrl chords). The results list and
//! the detail take typed text into the search box too: a handler who thinks the cursor is in the
//! box must never trigger a command. Single letters work only on screens with no text box.
//! Ctrl-Q (never "copy" anywhere) and Ctrl-C quit from anywhere, asking first during a call.

use crate::app::{Action, Context, Step};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key pattern: one key with modifiers, any typed character, or a digit choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    Key(KeyCode, KeyModifiers),
    /// Any printable character, typed into the focused box.
    Text,
    /// Digits 1..=max, choosing the numbered option.
    Digits(u8),
    /// Letters a.. (count of them), choosing options 10 onwards after the digits.
    Letters(u8),
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn k(code: KeyCode) -> Pat {
    Pat::Key(code, NONE)
}
const fn ch(c: char) -> Pat {
    Pat::Key(KeyCode::Char(c), NONE)
}
const fn ctrl(c: char) -> Pat {
    Pat::Key(KeyCode::Char(c), CTRL)
}
const fn f(n: u8) -> Pat {
    Pat::Key(KeyCode::F(n), NONE)
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    In(&'static [Context]),
}

impl Scope {
    pub fn includes(self, c: Context) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::In(list) => list.contains(&c),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Pat],
    pub action: Action,
    /// What it does, for the help popup and the README.
    pub help: &'static str,
    /// A short word for the footer, or None to leave it to the help popup.
    pub hint: Option<&'static str>,
}

use Context as C;
const TEXT: &[Context] = &[C::Query, C::Place, C::Age];
const FIELDS: &[Context] = &[C::Place, C::Age];
const LISTS: &[Context] = &[C::Query, C::Results];
const BROWSE: &[Context] = &[C::Results, C::Detail];
const SCROLLS: &[Context] = &[
    C::Query,
    C::Results,
    C::Detail,
    C::Categories,
    C::PlaceChoices,
    C::ReportWrong,
    C::Help,
];
const FOCUSABLE: &[Context] = &[C::Query, C::Place, C::Age, C::Results];
const WITH_SERVICE: &[Context] = &[C::Query, C::Results, C::Detail];
/// The search screen's contexts: its filter keys work only there.
const SEARCHING: &[Context] = &[
    C::Query,
    C::Place,
    C::Age,
    C::Results,
    C::Detail,
    C::Categories,
    C::PlaceChoices,
    C::ReportWrong,
];
const ASKING: &[Context] = &[C::Question, C::TypedAnswer];
const OUTCOMES: &[Context] = &[C::Outcome, C::OutcomeClinician];
const PAGES: &[Context] = &[C::Outcome, C::OutcomeClinician, C::Summary, C::Emergency];

macro_rules! b {
    ($scope:expr, [$($k:expr),+], $action:expr, $help:expr, $hint:expr) => {
        Binding { scope: $scope, keys: const { &[$($k),+] }, action: $action, help: $help, hint: $hint }
    };
}

/// The whole keymap. Order matters only for display: footer hints and help follow it.
#[rustfmt::skip]
pub fn bindings() -> &'static [Binding] {
    use std::sync::OnceLock;
    static MAP: OnceLock<Vec<Binding>> = OnceLock::new();
    MAP.get_or_init(|| {
        use Action as A;
        use KeyCode as K;
        use Scope::{Everywhere, In};
        vec![
            // Text boxes: typed characters go in; commands use keys that cannot be typed.
            b!(In(&[C::Query]), [Pat::Text], A::Type(' '), "type to search (results follow every key)", None),
            b!(In(&[C::Place]), [Pat::Text], A::Type(' '), "type a postcode, town or place", None),
            b!(In(&[C::Age]), [Pat::Text], A::Type(' '), "type the caller's age in years", None),
            b!(In(&[C::Place]), [k(K::Enter)], A::Confirm, "look up the place and apply it", Some("apply")),
            b!(In(&[C::Age]), [k(K::Enter)], A::Confirm, "apply the age", Some("apply")),
            b!(In(LISTS), [k(K::Enter)], A::OpenDetail, "open the selected service", Some("open")),
            b!(In(LISTS), [k(K::Up), k(K::Down)], A::Move(Step::Down), "move the selection up and down", Some("move")),
            b!(In(&[C::Query]), [k(K::Esc)], A::Back, "leave the search box for the list (typing still searches)", Some("leave box")),
            b!(In(FIELDS), [k(K::Esc)], A::Back, "leave the box without applying", Some("cancel")),
            b!(In(TEXT), [k(K::Backspace)], A::DeleteBack, "delete the last character", None),
            b!(In(TEXT), [ctrl('u')], A::ClearField, "empty the box", Some("clear")),
            b!(In(FOCUSABLE), [k(K::Tab)], A::FocusNext, "next box: search, place, age, results", None),
            b!(In(FOCUSABLE), [Pat::Key(K::BackTab, NONE)], A::FocusPrev, "previous box", None),
            // Lists and the detail.
            b!(In(SCROLLS), [k(K::PageUp), k(K::PageDown)], A::Move(Step::PageDown), "move a page up and down", None),
            b!(In(&[C::Results, C::Detail, C::Categories, C::PlaceChoices, C::ReportWrong, C::Help]), [k(K::Home), k(K::End)], A::Move(Step::Last), "go to the first or last", None),
            b!(In(&[C::Categories, C::PlaceChoices, C::ReportWrong]), [k(K::Up), k(K::Down)], A::Move(Step::Down), "move up and down", Some("move")),
            b!(In(&[C::Detail, C::Help]), [k(K::Up), k(K::Down)], A::Move(Step::Down), "scroll up and down", Some("scroll")),
            b!(In(&[C::Results]), [k(K::Esc)], A::Back, "back to the search box", None),
            b!(In(&[C::Detail]), [k(K::Esc)], A::Back, "close the detail, back to the results", Some("back")),
            // Letters are never commands where the handler may think the cursor is in the box.
            b!(In(BROWSE), [Pat::Text], A::Type(' '), "typed text goes into the search box", None),
            // Pickers.
            b!(In(&[C::Categories]), [ch(' ')], A::ToggleChecked, "tick or untick the category (results follow)", Some("tick")),
            b!(In(&[C::PlaceChoices]), [Pat::Digits(9)], A::Choose(1), "choose by number", Some("choose")),
            b!(In(&[C::ReportWrong]), [Pat::Digits(4)], A::Choose(1), "choose by number", Some("choose")),
            b!(In(&[C::PlaceChoices, C::ReportWrong]), [k(K::Enter)], A::Confirm, "choose the highlighted option", None),
            b!(In(&[C::Categories]), [k(K::Enter), k(K::Esc)], A::Back, "done: close the picker", Some("done")),
            b!(In(&[C::PlaceChoices, C::ReportWrong]), [k(K::Esc)], A::Back, "cancel", Some("cancel")),
            b!(In(&[C::Help]), [k(K::Esc), ch('?')], A::Back, "close the help", Some("close")),
            b!(In(WITH_SERVICE), [f(8)], A::ReportWrong, "report the selected record as wrong (for the maintainers)", None),
            b!(In(SEARCHING), [ctrl('t')], A::StartTriage, "start triage: the no-wrong-door questions", Some("triage")),
            b!(In(WITH_SERVICE), [ctrl('r')], A::OpenReport, "report charts: this machine's calls by need, no local service by place, calls by week", None),
            // Triage questions.
            b!(In(&[C::Question]), [Pat::Digits(9), Pat::Letters(26)], A::Choose(1), "choose an option by its number or letter", Some("choose")),
            b!(In(&[C::TypedAnswer]), [Pat::Text], A::Type(' '), "type the age or the place", None),
            b!(In(ASKING), [k(K::Up), k(K::Down)], A::Move(Step::Down), "move between the options", Some("move")),
            b!(In(ASKING), [k(K::Enter)], A::Confirm, "answer: the typed text, or the highlighted (or ticked) options", Some("answer")),
            b!(In(&[C::Question]), [ch(' ')], A::ToggleChecked, "tick or untick an option (questions with several answers)", Some("tick")),
            b!(In(&[C::TypedAnswer]), [k(K::Backspace)], A::DeleteBack, "delete the last character", None),
            b!(In(&[C::TypedAnswer]), [ctrl('u')], A::ClearField, "empty the box", None),
            b!(In(ASKING), [k(K::Esc)], A::Back, "back one question: the answer given there is highlighted (or typed) again", Some("back")),
            // The emergency screen, the outcome and the summary.
            b!(In(&[C::Emergency]), [k(K::Enter)], A::ContinueForRecord, "continue the questions for the record", Some("continue")),
            b!(In(&[C::Emergency]), [k(K::Esc)], A::Back, "to the emergency outcome", Some("outcome")),
            b!(In(&[C::Summary, C::Emergency]), [k(K::Up), k(K::Down)], A::Move(Step::Down), "scroll", Some("scroll")),
            b!(In(OUTCOMES), [k(K::Up), k(K::Down)], A::Move(Step::Down), "select a service (the page follows)", Some("select")),
            b!(In(OUTCOMES), [ch('g')], A::MarkGiven, "mark the selected service as given to the caller (again: unmark); the next step is marked already", Some("given")),
            b!(In(PAGES), [k(K::PageUp), k(K::PageDown)], A::Move(Step::PageDown), "scroll a page (by what is on screen)", None),
            b!(In(&[C::Emergency, C::Outcome, C::OutcomeClinician]), [ch('s')], A::ShowSummary, "show the call summary", Some("summary")),
            b!(In(&[C::OutcomeClinician]), [ch('o')], A::Override, "override the urgency (a level, then a reason)", Some("override")),
            b!(In(OUTCOMES), [k(K::Esc)], A::Back, "back to the last question", Some("back")),
            b!(In(&[C::Override]), [Pat::Digits(9)], A::Choose(1), "choose by number", Some("choose")),
            b!(In(&[C::Override]), [k(K::Up), k(K::Down)], A::Move(Step::Down), "move up and down", Some("move")),
            b!(In(&[C::Override]), [k(K::Enter)], A::Confirm, "choose the highlighted level or reason", None),
            b!(In(&[C::Override]), [k(K::Esc)], A::Back, "back a step: reason, level, closed", Some("cancel")),
            b!(In(&[C::Summary]), [ch('c')], A::CopySummary, "copy the summary (through the terminal, OSC 52)", Some("copy")),
            b!(In(&[C::Summary]), [ch('f')], A::SaveSummary, "save the summary to a file in the summary folder", Some("save")),
            b!(In(&[C::Summary]), [k(K::Esc)], A::Back, "back to the outcome", Some("back")),
            b!(In(&[C::Outcome, C::OutcomeClinician, C::Summary, C::Report]), [ch('q')], A::Quit, "quit Signpost (asks first while a call is in progress)", None),
            // The report charts.
            b!(In(&[C::Report]), [k(K::Esc)], A::Back, "back to the search", Some("back")),
            // Everywhere: keys no text box can take. The filter keys show on the filter line.
            // Quitting and a new call ask first while the call holds anything (HAZ-071).
            b!(In(&[C::Confirm]), [k(K::Enter)], A::Confirm, "yes: quit, or clear the call for a new one", Some("yes")),
            b!(In(&[C::Confirm]), [k(K::Esc)], A::Back, "no: stay on the call", Some("stay on the call")),
            b!(In(&[C::Confirm]), [ch('q')], A::Quit, "q again: quit (when q asked)", None),
            b!(In(&[C::Confirm]), [Pat::Text], A::Back, "any typed key: stay on the call", None),
            b!(Everywhere, [ctrl('q'), ctrl('c')], A::Quit, "quit Signpost (asks first while a call is in progress; press again or Enter to quit)", Some("quit")),
            b!(Everywhere, [f(9)], A::Emergency, "immediate danger to life: the emergency screen (999)", Some("999")),
            b!(Everywhere, [f(2), ctrl('n')], A::NewCall, "new call: clear everything from the last caller", Some("new call")),
            b!(In(SEARCHING), [f(3)], A::EditPlace, "set the place (postcode, town or place)", None),
            b!(In(SEARCHING), [f(4)], A::EditAge, "set the caller's age", None),
            b!(In(SEARCHING), [f(5)], A::OpenCategories, "choose categories", None),
            b!(In(SEARCHING), [f(6)], A::ToggleOpenNow, "open now only: on or off", None),
            b!(In(SEARCHING), [f(7)], A::ToggleSelfReferral, "self-referral only: on or off", None),
            b!(Everywhere, [f(1)], A::ToggleHelp, "show or hide the keys", Some("help")),
        ]
    })
}

/// Keys bound in pairs (up/down, page up/down, first/last) act in the direction of the key.
fn directed(action: &Action, code: KeyCode) -> Action {
    match (action, code) {
        (Action::Move(_), KeyCode::Up) => Action::Move(Step::Up),
        (Action::Move(_), KeyCode::Down) => Action::Move(Step::Down),
        (Action::Move(_), KeyCode::PageUp) => Action::Move(Step::PageUp),
        (Action::Move(_), KeyCode::PageDown) => Action::Move(Step::PageDown),
        (Action::Move(_), KeyCode::Home) => Action::Move(Step::First),
        (Action::Move(_), KeyCode::End) => Action::Move(Step::Last),
        _ => action.clone(),
    }
}

/// Shift is part of the character for typed keys ('?', 'A'), and of Shift-Tab.
fn normalise(key: &KeyEvent) -> (KeyCode, KeyModifiers) {
    match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => (key.code, key.modifiers - KeyModifiers::SHIFT),
        code => (code, key.modifiers),
    }
}

/// A printable character without a command modifier (AltGr arrives as Ctrl+Alt on Windows).
fn typed_char(code: KeyCode, mods: KeyModifiers) -> Option<char> {
    let altgr = mods.contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match code {
        KeyCode::Char(c)
            if !c.is_control() && (altgr || !mods.intersects(CTRL | KeyModifiers::ALT)) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn matches(pat: Pat, code: KeyCode, mods: KeyModifiers) -> Option<Option<char>> {
    match pat {
        Pat::Key(c, m) => (c == code && m == mods).then_some(None),
        Pat::Text => typed_char(code, mods).map(Some),
        Pat::Digits(max) => match code {
            KeyCode::Char(d @ '1'..='9') if mods.is_empty() && (d as u8 - b'0') <= max => {
                Some(Some(d))
            }
            _ => None,
        },
        Pat::Letters(n) => match code {
            KeyCode::Char(c @ 'a'..='z') if mods.is_empty() && (c as u8 - b'a') < n => {
                Some(Some(c))
            }
            _ => None,
        },
    }
}

/// The action a key press asks for in this context, if any. Releases and repeats never count.
pub fn action_for(ctx: Context, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let (code, mods) = normalise(key);
    for b in bindings().iter().filter(|b| b.scope.includes(ctx)) {
        for pat in b.keys {
            if let Some(c) = matches(*pat, code, mods) {
                return Some(match (pat, c) {
                    (Pat::Text, Some(c)) => Action::Type(c),
                    (Pat::Digits(_), Some(d)) => Action::Choose(d as u8 - b'0'),
                    (Pat::Letters(_), Some(c)) => Action::Choose(c as u8 - b'a' + 10),
                    _ => directed(&b.action, code),
                });
            }
        }
    }
    None
}

/// The bindings that apply in a context, in table order.
pub fn for_context(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    bindings().iter().filter(move |b| b.scope.includes(ctx))
}

pub fn key_name(p: Pat) -> String {
    match p {
        Pat::Text => "typed text".to_string(),
        Pat::Digits(max) => format!("1-{max}"),
        Pat::Letters(n) => format!("a-{}", (b'a' + n.saturating_sub(1)) as char),
        Pat::Key(code, mods) => {
            let base = match code {
                KeyCode::Char(' ') => "Space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                other => format!("{other:?}"),
            };
            if mods.contains(CTRL) {
                format!("Ctrl-{}", base.to_uppercase())
            } else {
                base
            }
        }
    }
}

/// "F2/Ctrl-N", "↑↓".
pub fn keys_label(b: &Binding) -> String {
    let names: Vec<String> = b.keys.iter().map(|p| key_name(*p)).collect();
    if names.iter().all(|n| n == "↑" || n == "↓") {
        names.concat()
    } else {
        names.join("/")
    }
}

/// Footer hints for a context: (keys, word), help last so it is never cut off. The footer
/// names a binding's first key (the help lists them all), arrows as a pair.
pub fn hints(ctx: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = for_context(ctx)
        .filter_map(|b| b.hint.map(|h| (footer_keys(b), h)))
        .collect();
    if let Some(i) = out.iter().position(|(_, h)| *h == "help") {
        let help = out.remove(i);
        out.push(help);
    }
    out
}

fn footer_keys(b: &Binding) -> String {
    let label = keys_label(b);
    if label == "↑↓" {
        label
    } else {
        b.keys.first().map(|p| key_name(*p)).unwrap_or_default()
    }
}

/// Where a binding applies, in words, for the help popup and the README.
pub fn scope_label(s: Scope) -> String {
    match s {
        Scope::Everywhere => "everywhere".to_string(),
        Scope::In(list) => list
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The README's key table, generated from the keymap (a test keeps the docs equal to it):
/// keys that work everywhere first, then each context's own.
pub fn markdown_table() -> String {
    let mut out = String::from("| Keys | What it does | Where |\n|---|---|---|\n");
    let everywhere = bindings().iter().filter(|b| b.scope == Scope::Everywhere);
    let local = bindings().iter().filter(|b| b.scope != Scope::Everywhere);
    for b in everywhere.chain(local) {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            keys_label(b),
            b.help,
            scope_label(b.scope)
        ));
    }
    out
}
