//! Place lookup (postcode, town, place name → place) and "does this service serve this place".

use crate::model::place::Lookup;
use crate::model::PlacesFile;

/// Resolve what a caller said about where they are.
pub fn lookup(places: &PlacesFile, text: &str) -> Lookup {
    let t = text.trim().to_lowercase();
    match places
        .places
        .iter()
        .find(|p| p.id == t || p.name.to_lowercase() == t)
    {
        Some(p) => Lookup::Found {
            place: p.id.clone(),
            why: format!("place name {}", p.name),
        },
        None => Lookup::NotRecognised,
    }
}
