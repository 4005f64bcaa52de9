//! Folding what a handler types into comparable keys: case, punctuation, apostrophes, spacing.

/// The comparison key for a name: lower case, letters and digits only, "&" read as "and".
///
/// Spacing is dropped entirely so "Chandler's Ford", "chandlers ford", "Chandlers-Ford" and
/// "chandlersford" meet; whole words still matter elsewhere (see [`words`]) so that "Milton"
/// never meets "New Milton".
pub fn key(text: &str) -> String {
    words(text).concat()
}

/// The words of a name, each folded like [`key`]: used to spot one name inside another.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in text.chars() {
        if ch == '&' {
            flush(&mut cur, &mut out);
            out.push("and".to_string());
        } else if is_apostrophe(ch) {
            // "Chandler's" is one word, never "chandler s".
        } else if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    if !cur.is_empty() {
        out.push(std::mem::take(cur));
    }
}

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '\u{2018}' | '\u{2019}' | '`' | '\u{00b4}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_apostrophes_hyphens_and_spacing_fold_together() {
        let k = key("Chandler's Ford");
        for typed in [
            "chandlers ford",
            "CHANDLERS FORD",
            "Chandler\u{2019}s Ford",
            "chandlers-ford",
            "  chandlers   ford ",
            "chandlersford",
            "Chandlers Ford.",
        ] {
            assert_eq!(key(typed), k, "{typed:?}");
        }
        assert_eq!(key("Lee-on-the-Solent"), key("Lee on the Solent"));
        assert_eq!(key("Basingstoke & Deane"), key("basingstoke and deane"));
        assert_eq!(key("new-forest"), key("New Forest"));
    }

    #[test]
    fn words_keep_word_boundaries() {
        assert_eq!(words("New Milton"), vec!["new", "milton"]);
        assert_eq!(words("Bishop's Waltham"), vec!["bishops", "waltham"]);
        assert_eq!(
            words("Lee-on-the-Solent"),
            vec!["lee", "on", "the", "solent"]
        );
        assert!(words(" ,. ").is_empty());
    }
}
