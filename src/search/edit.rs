//! Small edit distances (Damerau–Levenshtein, adjacent swaps) for misspellings skim cannot see.

/// How many edits a typed word of this length may be from a directory word and still match:
/// none under 4 letters (too many short words are one edit apart), 1 up to 7, 2 above.
pub fn allowed_edits(term_chars: usize) -> usize {
    match term_chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`, else `None`.
/// Works on bytes when both are ASCII (the index folds to ASCII almost always), chars otherwise.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    // Three rolling rows: two back (for swaps), previous, current.
    let mut pp: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(pp[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None; // every path through this row already costs too much
        }
        std::mem::swap(&mut pp, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[n]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_count_as_one_edit() {
        assert_eq!(within("samartians", "samaritans", 2), Some(1));
        assert_eq!(within("talkng", "talking", 1), Some(1));
        assert_eq!(within("chidline", "childline", 2), Some(1));
        assert_eq!(within("samaratins", "samaritans", 2), Some(2));
        assert_eq!(within("gamblign", "gambling", 1), Some(1));
    }

    #[test]
    fn too_far_is_none() {
        assert_eq!(within("mind", "kind", 0), None);
        assert_eq!(within("crisis", "christmas", 2), None);
        assert_eq!(within("abc", "abcdef", 2), None);
    }

    #[test]
    fn allowance_by_length() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 1);
        assert_eq!(allowed_edits(7), 1);
        assert_eq!(allowed_edits(8), 2);
    }
}
