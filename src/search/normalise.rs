//! Folding text into search tokens (case, accents and punctuation), remembering where each came from.

/// One token of a field: its folded text and, per folded character, the index of the original
/// character it came from (so a match can be highlighted in the text as written).
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

/// Split text into folded tokens. Hyphenated words also yield their joined form ("self-harm"
/// gives "self", "harm" and "selfharm") because callers and handlers write both.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = Token {
        text: String::new(),
        origin: Vec::new(),
    };
    // The hyphen-joined form being built, and whether it has more than one part yet.
    let mut joined = cur.clone();
    let mut joined_parts = 0;
    let mut prev_hyphen = false;
    let flush_joined = |joined: &mut Token, parts: &mut usize, out: &mut Vec<Token>| {
        if *parts > 1 {
            out.push(std::mem::replace(
                joined,
                Token {
                    text: String::new(),
                    origin: Vec::new(),
                },
            ));
        } else {
            joined.text.clear();
            joined.origin.clear();
        }
        *parts = 0;
    };
    for (i, c) in text.chars().enumerate() {
        match fold(c) {
            Some('\0') => {}
            Some(f) => {
                cur.text.push(f);
                cur.origin.push(i);
            }
            None => {
                if !cur.text.is_empty() {
                    joined.text.push_str(&cur.text);
                    joined.origin.extend_from_slice(&cur.origin);
                    joined_parts += 1;
                    out.push(std::mem::replace(
                        &mut cur,
                        Token {
                            text: String::new(),
                            origin: Vec::new(),
                        },
                    ));
                }
                let hyphen = c == '-' && !prev_hyphen;
                if !hyphen {
                    flush_joined(&mut joined, &mut joined_parts, &mut out);
                }
                prev_hyphen = c == '-';
                continue;
            }
        }
        prev_hyphen = false;
    }
    if !cur.text.is_empty() {
        joined.text.push_str(&cur.text);
        joined.origin.extend_from_slice(&cur.origin);
        joined_parts += 1;
        out.push(cur);
    }
    flush_joined(&mut joined, &mut joined_parts, &mut out);
    out
}

/// Just the folded words, for building the index and reading a query.
pub fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

/// The query's terms: folded words, without the hyphen-joined extras (each part must match).
pub fn query_terms(text: &str) -> Vec<String> {
    let mut seen_origin_end = None;
    let mut out = Vec::new();
    for t in tokens(text) {
        // A joined form repeats characters of the parts already taken; skip it.
        let start = t.origin.first().copied();
        if let (Some(s), Some(end)) = (start, seen_origin_end) {
            if s < end {
                continue;
            }
        }
        seen_origin_end = t.origin.last().map(|e| e + 1);
        out.push(t.text);
    }
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
        assert_eq!(words("self-harm support"), ["self", "harm", "selfharm", "support"]);
        assert_eq!(words("Lee-on-the-Solent"), ["lee", "on", "the", "solent", "leeonthesolent"]);
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
