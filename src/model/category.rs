//! The fixed category taxonomy: stable ids, labels, and nothing about age.

use serde::{Deserialize, Serialize};

/// What a service helps with. Who it is for by age comes from its age range, never from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Crisis,
    Emergency,
    MentalHealth,
    TalkingTherapies,
    SelfHarm,
    SuicidePrevention,
    SuicidalThoughts,
    Psychosis,
    EatingDisorders,
    Perinatal,
    Bereavement,
    SuicideBereavement,
    ChildBereavement,
    Drugs,
    Alcohol,
    Gambling,
    Carers,
    Families,
    Loneliness,
    DomesticAbuse,
    Safeguarding,
    Information,
}

impl Category {
    pub const ALL: [Category; 22] = [
        Category::Crisis,
        Category::Emergency,
        Category::MentalHealth,
        Category::TalkingTherapies,
        Category::SelfHarm,
        Category::SuicidePrevention,
        Category::SuicidalThoughts,
        Category::Psychosis,
        Category::EatingDisorders,
        Category::Perinatal,
        Category::Bereavement,
        Category::SuicideBereavement,
        Category::ChildBereavement,
        Category::Drugs,
        Category::Alcohol,
        Category::Gambling,
        Category::Carers,
        Category::Families,
        Category::Loneliness,
        Category::DomesticAbuse,
        Category::Safeguarding,
        Category::Information,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Crisis => "crisis",
            Category::Emergency => "emergency",
            Category::MentalHealth => "mental-health",
            Category::TalkingTherapies => "talking-therapies",
            Category::SelfHarm => "self-harm",
            Category::SuicidePrevention => "suicide-prevention",
            Category::SuicidalThoughts => "suicidal-thoughts",
            Category::Psychosis => "psychosis",
            Category::EatingDisorders => "eating-disorders",
            Category::Perinatal => "perinatal",
            Category::Bereavement => "bereavement",
            Category::SuicideBereavement => "suicide-bereavement",
            Category::ChildBereavement => "child-bereavement",
            Category::Drugs => "drugs",
            Category::Alcohol => "alcohol",
            Category::Gambling => "gambling",
            Category::Carers => "carers",
            Category::Families => "families",
            Category::Loneliness => "loneliness",
            Category::DomesticAbuse => "domestic-abuse",
            Category::Safeguarding => "safeguarding",
            Category::Information => "information",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Crisis => "crisis",
            Category::Emergency => "emergency",
            Category::MentalHealth => "mental health",
            Category::TalkingTherapies => "talking therapies",
            Category::SelfHarm => "self-harm",
            Category::SuicidePrevention => "suicide prevention",
            Category::SuicidalThoughts => "suicidal thoughts support",
            Category::Psychosis => "psychosis",
            Category::EatingDisorders => "eating disorders",
            Category::Perinatal => "perinatal",
            Category::Bereavement => "bereavement",
            Category::SuicideBereavement => "suicide bereavement",
            Category::ChildBereavement => "child bereavement",
            Category::Drugs => "drugs",
            Category::Alcohol => "alcohol",
            Category::Gambling => "gambling",
            Category::Carers => "carers",
            Category::Families => "families",
            Category::Loneliness => "loneliness",
            Category::DomesticAbuse => "domestic abuse",
            Category::Safeguarding => "safeguarding (report a concern)",
            Category::Information => "information",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde_and_lookup() {
        for c in Category::ALL {
            assert_eq!(Category::from_id(c.id()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.id()));
        }
        assert_eq!(Category::from_id("children-and-young-people"), None);
    }
}
