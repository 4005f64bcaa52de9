//! Reading a UK postcode (full, partial or district only) down to its postcode district.

/// The UK postcode areas, with the Crown dependencies. A district in an unknown area is a
/// misreading ("P06" for PO6), never "outside the area": the caller may well be local.
const AREAS: [&str; 124] = [
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH",
    "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
    "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS",
    "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL",
    "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
    "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM",
    "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
    "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// Only central London districts carry a letter after the number (SW1A, EC1A, W1T).
const LETTER_SUFFIX_AREAS: [&str; 8] = ["E", "EC", "N", "NW", "SE", "SW", "W", "WC"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Postcode {
    /// A real-looking postcode district, read from a district, a full or a partial postcode.
    District {
        district: String,
        /// What was read, tidied ("PO30 1JW"), for saying how the district was found.
        read: String,
    },
    /// Shaped like a postcode but not one; these readings would be ("P06" → "PO6").
    Misread { suggestions: Vec<String> },
}

/// Read text as a postcode, or `None` when it does not look like one at all.
pub fn read(text: &str) -> Option<Postcode> {
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return None; // no place name has a digit; only postcodes do
    }
    if let Some(p) = read_exact(text) {
        return Some(p);
    }
    let mut suggestions: Vec<String> = misreadings(text)
        .iter()
        .filter_map(|t| match read_exact(t) {
            Some(Postcode::District { read, .. }) => Some(read),
            _ => None,
        })
        .collect();
    suggestions.dedup();
    (!suggestions.is_empty()).then_some(Postcode::Misread { suggestions })
}

/// Read without guessing at misread characters.
fn read_exact(text: &str) -> Option<Postcode> {
    let tokens: Vec<String> = text
        .split_whitespace()
        .map(|t| {
            t.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .map(|t| t.to_ascii_uppercase())
        .collect();
    if tokens.is_empty() || tokens.iter().any(|t| !t.is_ascii()) {
        return None;
    }
    // "PO3 1" is PO3 (sector 1), not PO31: a typed space is respected.
    if tokens.len() >= 2 {
        let (last, first) = tokens.split_last()?;
        let outward = first.concat();
        if is_inward_prefix(last) && is_district(&outward) {
            return Some(district(&outward, &format!("{outward} {last}")));
        }
    }
    let squashed = tokens.concat();
    if is_district(&squashed) {
        return Some(district(&squashed, &squashed));
    }
    // Without a space, the inward code is the last digit and up to two letters after it.
    let letters = squashed
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters <= 2 && squashed.len() > letters + 1 {
        let split = squashed.len() - letters - 1;
        let (outward, inward) = squashed.split_at(split);
        if is_inward_prefix(inward) && is_district(outward) {
            return Some(district(outward, &format!("{outward} {inward}")));
        }
    }
    None
}

fn district(d: &str, read: &str) -> Postcode {
    Postcode::District {
        district: d.to_string(),
        read: read.to_string(),
    }
}

/// The start of an inward code: a digit, then up to two letters ("1", "1J", "1JW").
fn is_inward_prefix(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_digit())
        && s.len() <= 3
        && cs.all(|c| c.is_ascii_alphabetic())
}

/// A valid outward code: a known area, a number without a leading zero, and a letter only
/// where the area uses them.
pub fn is_district(s: &str) -> bool {
    let area: String = s.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    if !AREAS.contains(&area.as_str()) {
        return false;
    }
    let rest = &s[area.len()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let suffix = &rest[digits.len()..];
    let number_ok = match digits.len() {
        1 => true,
        2 => !digits.starts_with('0'),
        _ => false,
    };
    let suffix_ok = suffix.is_empty()
        || (suffix.len() == 1
            && digits.len() == 1
            && suffix.chars().all(|c| c.is_ascii_uppercase())
            && LETTER_SUFFIX_AREAS.contains(&area.as_str()));
    number_ok && suffix_ok
}

/// Readings of a mistyped postcode: a zero typed for the letter O in the area ("P06", "S016"),
/// or the letter O or I typed for a digit ("PO1O").
fn misreadings(text: &str) -> Vec<String> {
    let upper = text.trim().to_ascii_uppercase();
    let mut out = Vec::new();
    let chars: Vec<char> = upper.chars().collect();
    if chars.len() >= 2 && chars[1] == '0' && chars[0].is_ascii_alphabetic() {
        let mut c = chars.clone();
        c[1] = 'O';
        out.push(c.iter().collect());
    }
    let digits_for_letters: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            'O' if i >= 2 => '0',
            'I' | 'L' if i >= 2 => '1',
            _ => c,
        })
        .collect();
    if digits_for_letters != upper {
        out.push(digits_for_letters);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Option<String> {
        match read(text) {
            Some(Postcode::District { district, .. }) => Some(district),
            _ => None,
        }
    }

    #[test]
    fn full_postcodes_reduce_to_their_district() {
        assert_eq!(d("po30 1jw").as_deref(), Some("PO30"));
        assert_eq!(d("PO301JW").as_deref(), Some("PO30"));
        assert_eq!(d(" PO30   1JW ").as_deref(), Some("PO30"));
        assert_eq!(d("SW1A 1AA").as_deref(), Some("SW1A"));
        assert_eq!(d("SW1A1AA").as_deref(), Some("SW1A"));
        assert_eq!(d("so16 7jx").as_deref(), Some("SO16"));
    }

    #[test]
    fn districts_and_partial_postcodes() {
        assert_eq!(d("SO16").as_deref(), Some("SO16"));
        assert_eq!(d("po6").as_deref(), Some("PO6"));
        // A typed space is respected: PO3 sector 1, not PO31.
        assert_eq!(d("PO3 1").as_deref(), Some("PO3"));
        assert_eq!(d("PO31").as_deref(), Some("PO31"));
        assert_eq!(d("PO30 1J").as_deref(), Some("PO30"));
        assert_eq!(d("PO31A").as_deref(), Some("PO3"));
        // Typed without a space, the inward code starts at the last digit.
        assert_eq!(d("PO123").as_deref(), Some("PO12"));
    }

    #[test]
    fn names_and_nonsense_are_not_postcodes() {
        assert_eq!(read("Ryde"), None);
        assert_eq!(read("123"), None);
        assert_eq!(read("XY1"), None);
        assert_eq!(read("PO1234"), None);
        // Letter-suffixed districts exist only in central London.
        assert_eq!(read("PO6A"), None);
    }

    #[test]
    fn zero_for_o_is_a_misreading_not_a_place() {
        for (typed, want) in [
            ("P06", "PO6"),
            ("S016", "SO16"),
            ("s016 4gu", "SO16 4GU"),
            ("PO1O", "PO10"),
        ] {
            match read(typed) {
                Some(Postcode::Misread { suggestions }) => {
                    assert_eq!(suggestions, vec![want.to_string()], "{typed}")
                }
                other => panic!("{typed}: {other:?}"),
            }
        }
    }

    #[test]
    fn area_list_is_whole() {
        assert_eq!(AREAS.len(), 124);
        let mut sorted = AREAS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), AREAS.len());
    }
}
