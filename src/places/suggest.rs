//! "Did you mean …?": near spellings offered for a name that matched nothing exactly.

/// A name the lookup knows, folded for comparison and as it should be shown.
#[derive(Debug, Clone)]
pub struct Spelling {
    pub key: String,
    pub words: Vec<String>,
    pub shown: String,
}

/// At most this many suggestions: a handler reads them aloud or picks one, not a list to scroll.
pub const MAX_SUGGESTIONS: usize = 8;

/// Longer than any place name, with room for typos.
const MAX_KEY: usize = 48;

/// Near spellings for a folded key, best first. Never used to resolve: only to offer.
pub fn suggest(key: &str, words: &[String], spellings: &[Spelling]) -> Vec<String> {
    let len = key.chars().count();
    if !(3..=MAX_KEY).contains(&len) {
        // Two letters match too much to be worth reading out; a paste is no place name.
        return Vec::new();
    }
    // Few enough that short names stay apart ("Milton" is not "Alton").
    let max_typos = match len {
        0..=3 => 0,
        4..=7 => 1,
        8..=11 => 2,
        _ => 3,
    };
    let mut scored: Vec<(u8, usize, &Spelling)> = Vec::new();
    for s in spellings {
        let whole = distance(key, &s.key);
        let score = if whole <= max_typos {
            Some((0, whole)) // a typo: "Rydee"
        } else if s.key.starts_with(key) {
            Some((1, s.key.len() - key.len())) // still typing: "Chandl"
        } else if contains_run(&s.words, words) {
            Some((2, s.words.len())) // part of a longer name: "Waltham"
        } else if max_typos > 0 {
            let head: String = s.key.chars().take(len).collect();
            let d = distance(key, &head);
            (d <= max_typos).then_some((3, d)) // still typing, with a typo: "Chandlrs"
        } else {
            None
        };
        if let Some((tier, d)) = score {
            scored.push((tier, d, s));
        }
    }
    scored.sort_by(|a, b| (a.0, a.1, &a.2.shown).cmp(&(b.0, b.1, &b.2.shown)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, s) in scored {
        if !out
            .iter()
            .any(|o| crate::places::normalise::key(o) == s.key)
        {
            out.push(s.shown.clone());
        }
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    out
}

/// Whether `needle` appears as a run of whole words inside `hay` ("milton" in "new milton").
pub fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && needle.len() < hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Edit distance counting a swap of two neighbouring letters as one typo (optimal string
/// alignment), since "Rdye" is one slip, not two.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=m).collect();
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::normalise;

    fn sp(names: &[&str]) -> Vec<Spelling> {
        names
            .iter()
            .map(|n| Spelling {
                key: normalise::key(n),
                words: normalise::words(n),
                shown: n.to_string(),
            })
            .collect()
    }

    fn s(typed: &str, names: &[&str]) -> Vec<String> {
        suggest(&normalise::key(typed), &normalise::words(typed), &sp(names))
    }

    #[test]
    fn distances() {
        assert_eq!(distance("ryde", "ryde"), 0);
        assert_eq!(distance("rydee", "ryde"), 1);
        assert_eq!(distance("rdye", "ryde"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("portsmoth", "portsmouth"), 1);
    }

    #[test]
    fn typos_prefixes_and_parts_of_names_are_offered() {
        let names = [
            "Ryde",
            "Romsey",
            "Chandler's Ford",
            "Bishop's Waltham",
            "New Milton",
        ];
        assert_eq!(s("Rydee", &names), vec!["Ryde"]);
        assert_eq!(s("chandl", &names), vec!["Chandler's Ford"]);
        assert_eq!(s("chandlrs", &names), vec!["Chandler's Ford"]);
        assert_eq!(s("Waltham", &names), vec!["Bishop's Waltham"]);
        assert_eq!(s("Miltn", &names), Vec::<String>::new());
        assert_eq!(s("zzzz", &names), Vec::<String>::new());
    }

    #[test]
    fn too_short_to_suggest() {
        assert!(s("ry", &["Ryde"]).is_empty());
    }

    #[test]
    fn suggestions_are_capped_and_distinct() {
        let many: Vec<String> = (0..20).map(|i| format!("Testplace {i:02}")).collect();
        let refs: Vec<&str> = many.iter().map(|x| x.as_str()).collect();
        let got = s("testpl", &refs);
        assert_eq!(got.len(), MAX_SUGGESTIONS);
        let twice = suggest("hoo", &["hoo".into()], &sp(&["Hook", "Hook"]));
        assert_eq!(twice, vec!["Hook"]);
    }
}
