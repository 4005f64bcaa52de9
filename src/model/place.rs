//! Places: the hierarchy from national down to districts, with town aliases and postcode districts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Area,
    Place,
    District,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postcodes: Vec<String>,
    /// The ONS GSS code of the council area (E06…, E07…, E10…): how open-data feeds name areas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gss: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutsideArea {
    /// Border postcode districts that also reach outside the area.
    #[serde(default)]
    pub postcodes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub outside_area: OutsideArea,
}

impl PlacesFile {
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The place and its ancestors, nearest first (district → place → area → national).
    pub fn lineage(&self, id: &str) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut cur = self.get(id);
        while let Some(p) = cur {
            if out.iter().any(|q: &&Place| q.id == p.id) {
                break; // a cycle is reported by validation; never loop here
            }
            out.push(p);
            cur = p.parent.as_deref().and_then(|pid| self.get(pid));
        }
        out
    }

    /// The place with this GSS code (any case, spaces ignored).
    pub fn by_gss(&self, code: &str) -> Option<&Place> {
        let code: String = code
            .split_whitespace()
            .collect::<String>()
            .to_ascii_uppercase();
        self.places
            .iter()
            .find(|p| p.gss.as_deref().is_some_and(|g| g == code))
    }

    /// The 15 local places (the four places and the eleven districts) a coverage proof walks.
    pub fn local(&self) -> impl Iterator<Item = &Place> {
        self.places
            .iter()
            .filter(|p| matches!(p.kind, PlaceKind::Place | PlaceKind::District))
    }
}

/// One possible answer to "where is the caller?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum Candidate {
    Place(String),
    /// Outside Hampshire and the Isle of Wight: national services and "call 111".
    OutsideArea,
}

/// The place lookup's answer. It never silently picks one of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "result")]
pub enum Lookup {
    /// Exactly one place id, and how it was recognised ("postcode district PO30").
    Found {
        place: String,
        why: String,
    },
    /// Several possibilities (a straddling postcode district, a name in two places): ask.
    Candidates {
        candidates: Vec<Candidate>,
        why: String,
    },
    /// Recognised, but wholly outside the area.
    OutsideArea {
        why: String,
    },
    /// Not recognised exactly; these near names are offered, never chosen.
    DidYouMean {
        suggestions: Vec<String>,
    },
    NotRecognised,
}
