//! Place lookup (postcode, town, place name → place) and "does this service serve this place".

// A caller sent to a service that does not cover where they live is a safety incident, so the
// lookup never silently picks one of several places: it answers with every candidate and why.

mod combine;
pub mod coverage;
mod index;
pub mod normalise;
pub mod postcode;
mod serves;
mod suggest;

#[cfg(test)]
mod fixture;

pub use coverage::{coverage, AgeBand, Cell, Matrix, AGE_BANDS};
pub use index::{PlaceIndex, OUTSIDE};
pub use serves::{is_within, reach_of, serves, Reach, Serves};

use crate::model::place::Lookup;
use crate::model::PlacesFile;

/// Resolve what a caller said about where they are. Builds an index each call: for a search
/// box, build a [`PlaceIndex`] once and call [`PlaceIndex::lookup`] per keystroke.
pub fn lookup(places: &PlacesFile, text: &str) -> Lookup {
    PlaceIndex::new(places).lookup(text)
}
