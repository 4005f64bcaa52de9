//! What the call handler asked for: words, place, age, categories, open now, self-referral, role.

use crate::model::{AgeFit, AgeRange, Category, Role};
use chrono::{DateTime, Utc};

/// Where the caller is, as typed (postcode, town, place name) or already resolved to a place id
/// (after the handler picked one of several candidates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceInput {
    Text(String),
    Id(String),
    /// The handler confirmed the caller is outside Hampshire and the Isle of Wight.
    OutsideArea,
}

/// One search. The TUI builds one per keystroke; the CLI one per run; triage reuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub place: Option<PlaceInput>,
    pub age: Option<u8>,
    /// An age band (inclusive) when only that is known, as triage asks it; used when `age` is
    /// `None`. A service that takes only part of the band "may not fit".
    pub age_band: Option<(u8, u8)>,
    /// Any of these (empty: every category).
    pub categories: Vec<Category>,
    pub open_now: bool,
    pub self_referral_only: bool,
    /// The instant "open now" is judged at; passed in, never read from a clock here.
    pub at: DateTime<Utc>,
    pub role: Role,
    /// Most results returned per group (the counts stay exact); `None` returns all.
    pub limit: Option<usize>,
    /// Triage's response window in minutes: "reachable" then means reachable within it (open
    /// now and not closing within 30 minutes, or opening within the window) instead of open
    /// now, and `open_now` keeps only those. `None`: open now.
    pub within_minutes: Option<u32>,
}

impl Query {
    /// A query with no filters, for the call-handler role.
    pub fn new(text: &str, at: DateTime<Utc>) -> Self {
        Query {
            text: text.to_string(),
            place: None,
            age: None,
            age_band: None,
            categories: Vec::new(),
            open_now: false,
            self_referral_only: false,
            at,
            role: Role::Handler,
            limit: None,
            within_minutes: None,
        }
    }

    pub fn place_text(mut self, text: &str) -> Self {
        self.place = Some(PlaceInput::Text(text.to_string()));
        self
    }

    pub fn place_id(mut self, id: &str) -> Self {
        self.place = Some(PlaceInput::Id(id.to_string()));
        self
    }

    pub fn age(mut self, age: u8) -> Self {
        self.age = Some(age);
        self
    }

    pub fn age_band(mut self, lo: u8, hi: u8) -> Self {
        self.age_band = Some((lo.min(hi), lo.max(hi)));
        self
    }

    /// How the caller's age (or band) fits a range; `None` when no age was given.
    pub fn age_fit(&self, range: &AgeRange) -> Option<AgeFit> {
        match (self.age, self.age_band) {
            (Some(a), _) => Some(range.fit(a)),
            (None, Some((lo, hi))) => Some(range.fit_band(lo, hi)),
            (None, None) => None,
        }
    }

    /// "age 15", "ages 11–15".
    pub fn age_words(&self) -> Option<String> {
        match (self.age, self.age_band) {
            (Some(a), _) => Some(format!("age {a}")),
            (None, Some((lo, hi))) => Some(format!("ages {lo}–{hi}")),
            (None, None) => None,
        }
    }

    pub fn category(mut self, c: Category) -> Self {
        self.categories.push(c);
        self
    }

    pub fn open_now(mut self) -> Self {
        self.open_now = true;
        self
    }

    pub fn self_referral(mut self) -> Self {
        self.self_referral_only = true;
        self
    }

    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    pub fn within(mut self, minutes: u32) -> Self {
        self.within_minutes = Some(minutes);
        self
    }

    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }
}
