//! A second guard for the call-handler role: any professional-only contact value that a
//! record's free text repeats (public info, wording) is blanked out of the outcome.

use super::Outcome;
use crate::model::{ContactKind, Directory, Service};

const BLANK: &str = "[professional line: clinician role only]";

/// A professional-only value: the digits of a number (5 or more), or the exact text otherwise.
enum Secret {
    Digits(String),
    Text(String),
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn secrets(dir: &Directory, net: &[Service]) -> Vec<Secret> {
    let all = || {
        dir.services
            .iter()
            .chain(net)
            .flat_map(|s| s.contacts.iter())
    };
    let public_values: Vec<String> = all()
        .filter(|c| c.is_public())
        .map(|c| digits(&c.value))
        .collect();
    let mut out = Vec::new();
    for c in all().filter(|c| !c.is_public()) {
        let d = digits(&c.value);
        let numeric = matches!(
            c.kind,
            ContactKind::Phone | ContactKind::Text | ContactKind::Relay | ContactKind::Whatsapp
        );
        if numeric && d.len() >= 5 {
            if !public_values.contains(&d) {
                out.push(Secret::Digits(d));
            }
        } else if !c.value.trim().is_empty() && !all().any(|p| p.is_public() && p.value == c.value)
        {
            out.push(Secret::Text(c.value.trim().to_string()));
        }
    }
    out
}

/// Runs of a phone number as written: digits with spaces, hyphens, brackets or a plus sign.
fn blank_numbers(text: &str, numbers: &[&str]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || c == '+' || c == '(' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || " -+()".contains(chars[j])) {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let d = digits(&run);
            if numbers.iter().any(|n| d.contains(n)) {
                out.push_str(BLANK);
                if run.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push_str(&run);
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn clean(text: &mut String, secrets: &[Secret]) {
    let numbers: Vec<&str> = secrets
        .iter()
        .filter_map(|s| match s {
            Secret::Digits(d) => Some(d.as_str()),
            Secret::Text(_) => None,
        })
        .collect();
    if !numbers.is_empty() && text.chars().any(|c| c.is_ascii_digit()) {
        *text = blank_numbers(text, &numbers);
    }
    for s in secrets {
        if let Secret::Text(t) = s {
            if text.contains(t.as_str()) {
                *text = text.replace(t.as_str(), BLANK);
            }
        }
    }
}

pub fn professional_values(o: &mut Outcome, dir: &Directory, net: &[Service]) {
    let secrets = secrets(dir, net);
    if secrets.is_empty() {
        return;
    }
    let services = o
        .groups
        .iter_mut()
        .flat_map(|g| g.services.iter_mut())
        .chain(o.safety_net.iter_mut());
    for s in services {
        s.contacts.retain(|c| c.is_public());
        for t in [
            &mut s.name,
            &mut s.public_info,
            &mut s.how,
            &mut s.respond,
            &mut s.hours,
        ] {
            clean(t, &secrets);
        }
        for r in &mut s.reasons {
            clean(&mut r.text, &secrets);
        }
        for c in &mut s.checks {
            clean(c, &secrets);
        }
        if let Some(p) = &mut s.primary {
            clean(p, &secrets);
        }
        s.referral = None;
    }
    for l in &mut o.say {
        clean(&mut l.text, &secrets);
    }
    for n in &mut o.notes {
        clean(n, &secrets);
    }
    for f in &mut o.flags {
        clean(&mut f.advice, &secrets);
    }
    for l in &mut o.left_out {
        clean(&mut l.name, &secrets);
        clean(&mut l.text, &secrets);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_professional_number_is_blanked_however_it_is_written() {
        let n = ["01632960999"];
        assert_eq!(
            blank_numbers("Staff: call 01632 960999 first.", &n),
            format!("Staff: call {BLANK} first.")
        );
        assert_eq!(
            blank_numbers("(01632) 960-999 or 0808 157 0000", &n),
            format!("{BLANK} or 0808 157 0000")
        );
        assert_eq!(blank_numbers("open 9 to 5", &n), "open 9 to 5");
    }
}
