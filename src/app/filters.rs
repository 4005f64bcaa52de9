//! The search filters as the handler set them: place (typed, then resolved), age, categories,
//! open now and self-referral — and the choices a typed place may need.

use crate::model::Category;
use crate::search::PlaceInput;
use std::collections::BTreeSet;

/// A place the lookup resolved, or "outside the area" (national services only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceChoice {
    Place {
        id: String,
        name: String,
        why: String,
    },
    /// National services only; `input` is what the search is given for it.
    OutsideArea { why: String, input: PlaceInput },
}

impl PlaceChoice {
    pub fn label(&self) -> &str {
        match self {
            PlaceChoice::Place { name, .. } => name,
            PlaceChoice::OutsideArea { .. } => "outside the area",
        }
    }
}

/// One line in the place-choices picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceOption {
    /// A place the typed text may mean.
    Pick(PlaceChoice),
    /// A near name ("did you mean"): choosing it looks that name up.
    Retry(String),
}

impl PlaceOption {
    pub fn label(&self) -> String {
        match self {
            PlaceOption::Pick(PlaceChoice::Place { name, .. }) => name.clone(),
            PlaceOption::Pick(PlaceChoice::OutsideArea { .. }) => {
                "Outside Hampshire and the Isle of Wight".to_string()
            }
            PlaceOption::Retry(name) => format!("did you mean {name}?"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// What is in the place box (may differ from the applied place while editing).
    pub place_text: String,
    pub place: Option<PlaceChoice>,
    pub age_text: String,
    pub age: Option<u8>,
    pub categories: BTreeSet<Category>,
    pub open_now: bool,
    pub self_referral: bool,
}

impl Filters {
    /// The place as the search takes it.
    pub fn place_input(&self) -> Option<PlaceInput> {
        match &self.place {
            None => None,
            Some(PlaceChoice::Place { id, .. }) => Some(PlaceInput::Id(id.clone())),
            Some(PlaceChoice::OutsideArea { input, .. }) => Some(input.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Short words for the filters in force, for messages ("Isle of Wight, age 15, open now").
    pub fn summary(&self) -> String {
        let mut out = Vec::new();
        if let Some(p) = &self.place {
            out.push(p.label().to_string());
        }
        if let Some(a) = self.age {
            out.push(format!("age {a}"));
        }
        for c in &self.categories {
            out.push(c.label().to_string());
        }
        if self.open_now {
            out.push("open now".into());
        }
        if self.self_referral {
            out.push("self-referral".into());
        }
        out.join(", ")
    }
}

/// An age as typed: whole years, 0 to 130.
pub fn parse_age(text: &str) -> Result<Option<u8>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u16>() {
        Ok(n) if n <= 130 => Ok(Some(n as u8)),
        _ => Err(format!("'{t}' is not an age: type whole years, 0 to 130")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_whole_years_up_to_130() {
        assert_eq!(parse_age(""), Ok(None));
        assert_eq!(parse_age("17"), Ok(Some(17)));
        assert!(parse_age("131").is_err());
        assert!(parse_age("1x").is_err());
    }
}
