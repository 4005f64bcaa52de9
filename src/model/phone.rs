//! UK numbering-plan checks for phone, relay and text numbers, with spacing normalised.

/// What a well-formed number is, so callers can warn about charges or missing keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberClass {
    Emergency,
    /// 111, 116xxx: free helpline and NHS numbers.
    Special,
    Geographic,
    NonGeographic,
    Mobile,
    Freephone,
    /// 084 and 087 numbers cost the caller more.
    Chargeable,
}

/// Collapse runs of spaces and trim, keeping the provider's grouping.
pub fn normalise_spacing(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digits(s: &str) -> Result<String, String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let national = if let Some(rest) = compact.strip_prefix("+44") {
        format!("0{}", rest.trim_start_matches("(0)"))
    } else {
        compact
    };
    if national.is_empty() {
        return Err("the number is empty".into());
    }
    if let Some(bad) = national.chars().find(|c| !c.is_ascii_digit()) {
        return Err(format!(
            "'{s}' contains '{bad}': only digits and spaces are allowed"
        ));
    }
    Ok(national)
}

/// Classify a voice number, or say why it is outside the UK numbering plan.
pub fn classify_phone(s: &str) -> Result<NumberClass, String> {
    let d = digits(s)?;
    let n = d.len();
    let outside = || format!("'{s}' is not a UK number this directory accepts");
    match d.as_str() {
        "999" | "112" => return Ok(NumberClass::Emergency),
        // 101: the police non-emergency number, given for safeguarding concerns.
        "111" | "101" => return Ok(NumberClass::Special),
        _ => {}
    }
    if d.starts_with("116") && n == 6 {
        return Ok(NumberClass::Special);
    }
    if d.starts_with("18001") || d.starts_with("18000") {
        return Err(format!(
            "'{s}' is a relay number: give it as a contact of kind \"relay\""
        ));
    }
    if d.starts_with("01") || d.starts_with("02") {
        return if n == 10 || n == 11 {
            Ok(NumberClass::Geographic)
        } else {
            Err(format!(
                "'{s}' has {n} digits; UK geographic numbers have 10 or 11"
            ))
        };
    }
    if d.starts_with("03") || d.starts_with("05") {
        return if n == 11 {
            Ok(NumberClass::NonGeographic)
        } else {
            Err(format!("'{s}' has {n} digits; 03 and 05 numbers have 11"))
        };
    }
    if d.starts_with("07") {
        return if n == 11 {
            Ok(NumberClass::Mobile)
        } else {
            Err(format!("'{s}' has {n} digits; 07 numbers have 11"))
        };
    }
    if d.starts_with("080") {
        // 0800 1111 (Childline) is one of the few short freephone numbers still in use.
        return if matches!(n, 8 | 10 | 11) {
            Ok(NumberClass::Freephone)
        } else {
            Err(format!(
                "'{s}' has {n} digits; freephone numbers have 10 or 11"
            ))
        };
    }
    if d.starts_with("084") || d.starts_with("087") {
        return if n == 10 || n == 11 {
            Ok(NumberClass::Chargeable)
        } else {
            Err(format!(
                "'{s}' has {n} digits; 084 and 087 numbers have 10 or 11"
            ))
        };
    }
    Err(outside())
}

/// A relay (textphone) number: 18001 or 18000 followed by a voice number.
pub fn check_relay(s: &str) -> Result<(), String> {
    let d = digits(s)?;
    let rest = d
        .strip_prefix("18001")
        .or_else(|| d.strip_prefix("18000"))
        .ok_or_else(|| format!("'{s}' is not a relay number (expected 18001 or 18000 first)"))?;
    if rest.is_empty() {
        // "18000" alone is the emergency text relay number.
        return if d == "18000" {
            Ok(())
        } else {
            Err(format!("'{s}' needs a number after the relay prefix"))
        };
    }
    classify_phone(rest).map(|_| ())
}

/// A text short code (5 or 6 digits) or a mobile number that takes texts.
pub fn check_text_number(s: &str) -> Result<(), String> {
    let d = digits(s)?;
    if (5..=6).contains(&d.len()) || (d.starts_with("07") && d.len() == 11) {
        Ok(())
    } else {
        Err(format!(
            "'{s}' is not a text short code (5 or 6 digits) or a UK mobile number"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_plan() {
        for (n, c) in [
            ("999", NumberClass::Emergency),
            ("111", NumberClass::Special),
            ("116 123", NumberClass::Special),
            ("0800 1111", NumberClass::Freephone),
            ("0808 8020 133", NumberClass::Freephone),
            ("0300 123 3393", NumberClass::NonGeographic),
            ("023 8103 0061", NumberClass::Geographic),
            ("01983 525254", NumberClass::Geographic),
            ("07418 341800", NumberClass::Mobile),
            ("0845 459 9405", NumberClass::Chargeable),
            ("+44 300 123 3393", NumberClass::NonGeographic),
        ] {
            assert_eq!(classify_phone(n), Ok(c), "{n}");
        }
    }

    #[test]
    fn refuses_outside_the_plan() {
        for n in [
            "0300 123 339",
            "12345",
            "0900 123 4567",
            "01 23",
            "0800-1111",
            "116 12",
        ] {
            assert!(classify_phone(n).is_err(), "{n}");
        }
    }

    #[test]
    fn relay_and_text() {
        assert!(check_relay("18001 111").is_ok());
        assert!(check_relay("18000").is_ok());
        assert!(check_relay("18001").is_err());
        assert!(check_relay("0800 1111").is_err());
        assert!(check_text_number("85258").is_ok());
        assert!(check_text_number("86463").is_ok());
        assert!(check_text_number("1234").is_err());
        assert_eq!(normalise_spacing("  0800  1111 "), "0800 1111");
    }
}
