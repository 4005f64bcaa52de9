//! Text from outside made safe to store and to print: no control characters, no terminal escape
//! sequences, no bidi overrides, and HTML turned into plain text.
//!
//! A feed or directory file is written by someone else. Printed raw, an ESC sequence can clear
//! the handler's screen, rewrite what a line says, or (OSC 52) write to the clipboard; a
//! right-to-left override can make a number read backwards. So text is cleaned when it comes in
//! and again on its way out to a terminal.

use super::Service;

/// Bidi embedding, override and isolate controls, and the invisible direction marks: each can
/// reorder what a reader sees (a phone number shown reversed).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Remove escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte ESC forms and their C1
/// equivalents), control characters and bidi controls. `keep_newlines`: a newline stays (long
/// text); otherwise line breaks and tabs become one space.
fn strip(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\u{1b}' => match it.next() {
                // CSI: parameters and intermediates up to a final byte.
                Some('[') => skip_csi(&mut it),
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut it),
                // Any other escape is ESC and one character (ESC c resets the terminal).
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut it),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut it),
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {
                // CR LF and a lone CR are both one line break.
                if it.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\r' | '\t' => out.push(' '),
            // Non-breaking and other odd spaces read as spaces.
            '\u{a0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            // Zero-width characters and the byte-order mark carry nothing a reader sees.
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}' => {}
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_csi(it: &mut std::iter::Peekable<std::str::Chars>) {
    for c in it.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        // Anything outside the CSI alphabet ends it too, so a broken sequence cannot swallow
        // the rest of the text.
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

fn skip_string(it: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(c) = it.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if it.peek() == Some(&'\\') {
                    it.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Spaces collapsed in each line, blank lines at most one in a row, ends trimmed.
fn tidy(s: &str, keep_newlines: bool) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if !keep_newlines {
        return lines.join(" ").trim().to_string();
    }
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        if l.is_empty() && out.last().map_or(true, |p| p.is_empty()) {
            continue;
        }
        out.push(l);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// One line of text (a name, a label, a number): no line breaks, spaces collapsed.
pub fn line(s: &str) -> String {
    tidy(&strip(s, false), false)
}

/// Long text (a description): line breaks kept, at most one blank line in a row.
pub fn long_text(s: &str) -> String {
    tidy(&strip(s, true), true)
}

/// Whether the text holds HTML markup or character references (`<p>`, `&nbsp;`, `&#39;`).
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || s.match_indices('&').any(|(i, _)| {
            let rest = &s[i + 1..];
            let end = rest.find(';').filter(|&e| (1..=10).contains(&e));
            end.is_some_and(|e| {
                let name = &rest[..e];
                name.chars().all(|c| c.is_ascii_alphanumeric())
                    || (name.starts_with('#')
                        && name[1..].chars().all(|c| c.is_ascii_alphanumeric()))
            })
        })
}

/// HTML to plain text: tags dropped, paragraphs and line breaks as new lines, list items as
/// lines, character references decoded. Text with no markup is left as it is.
pub fn html_to_text(s: &str) -> String {
    if !looks_like_html(s) {
        return s.to_string();
    }
    // Strip controls first: the parser would keep them inside text nodes.
    let pre = strip(s, true);
    html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
        .allow_width_overflow()
        .no_link_wrapping()
        .string_from_read(pre.as_bytes(), usize::MAX / 4)
        .unwrap_or(pre)
}

/// Long text from outside, perhaps HTML: plain text with its line breaks.
pub fn long_html(s: &str) -> String {
    long_text(&html_to_text(s))
}

/// One line from outside, perhaps with HTML (`Mind &amp; Co`).
pub fn line_html(s: &str) -> String {
    line(&html_to_text(s))
}

/// For output to a terminal: escape sequences, control characters (other than newline) and
/// bidi controls removed, everything else (spacing, alignment) left alone.
pub fn for_terminal(s: &str) -> String {
    if s.chars()
        .all(|c| (c == '\n' || !c.is_control()) && !is_bidi_control(c))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for part in s.split('\n') {
        out.push_str(&strip(part, false));
        out.push('\n');
    }
    out.pop();
    out
}

/// Whether `strip` would change the text: most text is clean, and is then left untouched.
fn needs_strip(s: &str, keep_newlines: bool) -> bool {
    s.chars().any(|c| {
        (c.is_control() && !(keep_newlines && c == '\n'))
            || is_bidi_control(c)
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}'
            )
    })
}

fn guard(s: &mut String, keep_newlines: bool) {
    if needs_strip(s, keep_newlines) {
        *s = strip(s, keep_newlines).trim().to_string();
    }
}

/// A place's name and aliases, as places.toml gave them (shown in every area list).
pub fn place(p: &mut super::Place) {
    guard(&mut p.name, false);
    p.aliases.iter_mut().for_each(|a| guard(a, false));
}

/// Every text field of a record, as a directory file gave it, with controls and escape
/// sequences removed; clean text is left exactly as written.
pub fn service(s: &mut Service) {
    for f in [
        &mut s.name,
        &mut s.organisation,
        &mut s.status_reason,
        &mut s.cost,
        &mut s.age.conversion,
        &mut s.hours.wording,
    ] {
        guard(f, false);
    }
    for f in [
        &mut s.description,
        &mut s.referral,
        &mut s.public_info,
        &mut s.notes,
    ] {
        guard(f, true);
    }
    for list in [
        &mut s.keywords,
        &mut s.eligibility,
        &mut s.languages,
        &mut s.areas,
        &mut s.areas_except,
        &mut s.gp_registered_in,
    ] {
        list.iter_mut().for_each(|f| guard(f, false));
    }
    for c in &mut s.contacts {
        for f in [&mut c.label, &mut c.value, &mut c.keyword] {
            guard(f, false);
        }
        if let Some(h) = &mut c.hours {
            guard(&mut h.wording, false);
        }
    }
    for e in &mut s.hours.exceptions {
        guard(&mut e.note, false);
    }
    for src in &mut s.sources {
        guard(&mut src.url, false);
    }
    if let Some(u) = &mut s.urgency {
        guard(&mut u.reason, false);
    }
    if let Some(v) = &mut s.verified {
        guard(&mut v.by, false);
        guard(&mut v.method, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let hostile = "Call\u{1b}[2J\u{1b}[H us\u{1b}]52;c;ZXZpbA==\u{7} now\u{1b}]8;;http://x\u{1b}\\!\u{0}\u{8}\u{7f}\u{9b}31m";
        assert_eq!(line(hostile), "Call us now!");
        assert_eq!(line("0800\u{202E}1111\u{202C}"), "08001111");
        assert_eq!(line("a\nb\tc\r\nd"), "a b c d");
        assert_eq!(long_text("a\r\nb\r\n\r\n\r\nc  d\u{1b}c"), "a\nb\n\nc d");
        assert_eq!(line("\u{feff}Mind\u{a0}Hampshire"), "Mind Hampshire");
    }

    #[test]
    fn html_becomes_plain_text() {
        let html = "<p>Support for&nbsp;adults.</p><p>Call <a href=\"https://example.org\">us</a> &amp; talk.<br>Free.</p><ul><li>One</li><li>Two</li></ul>";
        let t = long_html(html);
        assert!(
            !t.contains('<') && !t.contains("&nbsp;") && !t.contains("&amp;"),
            "{t}"
        );
        assert!(t.contains("Support for adults."), "{t}");
        assert!(t.contains("Call us & talk."), "{t}");
        assert!(t.contains("\nFree."), "{t}");
        assert!(t.contains("One") && t.contains("Two"), "{t}");
        assert_eq!(line_html("Mind &amp; Co"), "Mind & Co");
        assert_eq!(line_html("a < b and c > d"), "a < b and c > d");
        assert_eq!(line_html("<b>\u{1b}[31mRed</b>"), "Red");
    }

    #[test]
    fn terminal_output_keeps_layout_but_no_controls() {
        assert_eq!(for_terminal("a  b\nc"), "a  b\nc");
        assert_eq!(for_terminal("a\u{1b}[2Jb\nc\u{7}"), "ab\nc");
    }
}
