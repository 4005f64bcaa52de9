//! Folding text into search tokens (case, accents and punctuation), remembering where each came from.

/// One token of a field: its folded text and, per folded character, the index of the original
/// character it came from (so a match can be highlighted in the text as written).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub origin: Vec<usize>,
}

/// Fold one character to its search form: lower case, common Latin accents dropped.
/// `None` means the character separates words; `Some('\0')` means drop it but stay in the word
/// (apostrophes: "Andy's" and "andys" must meet).
fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some('\0'),
        'à'..='å' | 'À'..='Å' => Some('a'),
        'ç' | 'Ç' => Some('c'),
        'è'..='ë' | 'È'..='Ë' => Some('e'),
        'ì'..='ï' | 'Ì'..='Ï' => Some('i'),
        'ñ' | 'Ñ' => Some('n'),
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' => Some('o'),
        'ù'..='ü' | 'Ù'..='Ü' => Some('u'),
        'ý' | 'ÿ' | 'Ý' => Some('y'),
        c if c.is_alphanumeric() => c.to_lowercase().next(),
        _ => None,
    }
}

/// Reusable buffers for [`for_each_token`], so indexing 100k records allocates almost nothing.
#[derive(Debug, Default)]
pub struct Scratch {
    text: String,
    origin: Vec<usize>,
    joined: String,
    joined_origin: Vec<usize>,
}

/// Call `emit(folded, origins)` for each token of `text`, in order. Hyphenated words also yield
/// their joined form after the last part ("self-harm" gives "self", "harm", "selfharm") because
/// callers and handlers write both.
pub fn for_each_token(text: &str, sc: &mut Scratch, emit: impl FnMut(&str, &[usize])) {
    let mut emit = emit;
    tokenise::<true>(text, sc, |w, o, _| emit(w, o))
}

/// As [`for_each_token`] without origins; `joined` is true for a hyphen-joined extra form.
/// Indexing needs no origins.
pub fn for_each_word(text: &str, sc: &mut Scratch, mut emit: impl FnMut(&str, bool)) {
    tokenise::<false>(text, sc, |w, _, joined| emit(w, joined))
}

fn tokenise<const ORIGINS: bool>(
    text: &str,
    sc: &mut Scratch,
    mut emit: impl FnMut(&str, &[usize], bool),
) {
    sc.text.clear();
    sc.origin.clear();
    sc.joined.clear();
    sc.joined_origin.clear();
    // Parts of the current hyphenated chain; only a chain is copied into the joined form.
    let mut parts = 0usize;
    let mut prev_hyphen = false;
    for (i, c) in text.chars().enumerate() {
        match fold(c) {
            Some('\0') => prev_hyphen = false,
            Some(f) => {
                sc.text.push(f);
                if ORIGINS {
                    sc.origin.push(i);
                }
                prev_hyphen = false;
            }
            None => {
                let hyphen = c == '-' && !prev_hyphen;
                if !sc.text.is_empty() {
                    emit(&sc.text, &sc.origin, false);
                    if hyphen || parts > 0 {
                        sc.joined.push_str(&sc.text);
                        sc.joined_origin.extend_from_slice(&sc.origin);
                        parts += 1;
                    }
                    sc.text.clear();
                    sc.origin.clear();
                }
                if !hyphen {
                    if parts > 1 {
                        emit(&sc.joined, &sc.joined_origin, true);
                    }
                    sc.joined.clear();
                    sc.joined_origin.clear();
                    parts = 0;
                }
                prev_hyphen = c == '-';
            }
        }
    }
    if !sc.text.is_empty() {
        emit(&sc.text, &sc.origin, false);
        if parts > 0 {
            sc.joined.push_str(&sc.text);
            sc.joined_origin.extend_from_slice(&sc.origin);
            parts += 1;
        }
    }
    if parts > 1 {
        emit(&sc.joined, &sc.joined_origin, true);
    }
}

/// Split text into folded tokens (allocating; for tests).
#[cfg(test)]
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, &mut Scratch::default(), |t, o| {
        out.push(Token {
            text: t.to_string(),
            origin: o.to_vec(),
        })
    });
    out
}

/// Just the folded words (for tests).
#[cfg(test)]
pub fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

/// The query's terms: folded words, without the hyphen-joined extras (each part must match).
pub fn query_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut Scratch::default(), |w, joined| {
        if !joined {
            out.push(w.to_string());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(words("Andy's Man Club"), ["andys", "man", "club"]);
        assert_eq!(words("St Michael’s Hospice"), ["st", "michaels", "hospice"]);
        assert_eq!(words("Café CRISIS"), ["cafe", "crisis"]);
        assert_eq!(words("24/7 (HIOW)"), ["24", "7", "hiow"]);
    }

    #[test]
    fn hyphenated_words_also_join() {
        assert_eq!(
            words("self-harm support"),
            ["self", "harm", "selfharm", "support"]
        );
        assert_eq!(
            words("Lee-on-the-Solent"),
            ["lee", "on", "the", "solent", "leeonthesolent"]
        );
        assert_eq!(words("Mind - Infoline"), ["mind", "infoline"]);
        assert_eq!(query_terms("self-harm"), ["self", "harm"]);
    }

    #[test]
    fn origins_point_at_the_written_characters() {
        let t = tokens("The Mix's line");
        assert_eq!(t[1].text, "mixs");
        assert_eq!(t[1].origin, vec![4, 5, 6, 8]);
    }
}
