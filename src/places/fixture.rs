//! A small place hierarchy for unit tests: every lookup shape, without the real data.

use crate::model::PlacesFile;

pub const PLACES: &str = r#"
[[places]]
id = "national"
name = "National"
kind = "country"

[[places]]
id = "hiow"
name = "Hampshire and the Isle of Wight"
kind = "area"
parent = "national"
aliases = ["HIOW"]

[[places]]
id = "hampshire"
name = "Hampshire"
kind = "place"
parent = "hiow"

[[places]]
id = "portsmouth"
name = "Portsmouth"
kind = "place"
parent = "hiow"
aliases = ["Southsea", "Cosham", "Milton"]
postcodes = ["PO1", "PO6"]

[[places]]
id = "isle-of-wight"
name = "Isle of Wight"
kind = "place"
parent = "hiow"
aliases = ["Ryde", "Newport", "Cowes", "East Cowes"]
postcodes = ["PO30", "PO33"]

[[places]]
id = "east-hampshire"
name = "East Hampshire"
kind = "district"
parent = "hampshire"
aliases = ["Alton"]
postcodes = ["GU34"]

[[places]]
id = "havant"
name = "Havant"
kind = "district"
parent = "hampshire"
aliases = ["Havant", "Cowplain"]
postcodes = ["PO6", "PO8", "PO10"]

[[places]]
id = "hart"
name = "Hart"
kind = "district"
parent = "hampshire"
aliases = ["Fleet", "Hook", "Yateley"]
postcodes = ["RG27", "GU46"]

[[places]]
id = "fareham"
name = "Fareham"
kind = "district"
parent = "hampshire"
aliases = ["Fareham", "Hook", "Whiteley"]
postcodes = ["SO31", "PO16"]

[[places]]
id = "winchester"
name = "Winchester"
kind = "district"
parent = "hampshire"
aliases = ["Winchester", "Whiteley", "Bishop's Waltham"]
postcodes = ["SO23", "SO32"]

[[places]]
id = "new-forest"
name = "New Forest"
kind = "district"
parent = "hampshire"
aliases = ["New Milton", "Lymington"]
postcodes = ["BH25"]

[[places]]
id = "eastleigh"
name = "Eastleigh"
kind = "district"
parent = "hampshire"
aliases = ["Eastleigh", "Chandler's Ford"]
postcodes = ["SO53", "SO32"]

[[places]]
id = "gosport"
name = "Gosport"
kind = "district"
parent = "hampshire"
aliases = ["Lee-on-the-Solent"]
postcodes = ["PO12", "PO13"]

[[places]]
id = "basingstoke-and-deane"
name = "Basingstoke and Deane"
kind = "district"
parent = "hampshire"
aliases = ["Basingstoke"]
postcodes = ["RG14", "RG21"]

[outside_area]
postcodes = ["RG14", "PO10", "GU10"]
"#;

pub fn places() -> PlacesFile {
    toml::from_str(PLACES).expect("fixture places parse")
}

/// Shared lookup helpers for the unit tests of the index and of combined names.
pub mod lookups {
    use crate::model::place::{Candidate, Lookup};
    use crate::places::PlaceIndex;

    pub fn ix() -> PlaceIndex {
        PlaceIndex::new(&super::places())
    }

    pub fn found(text: &str) -> String {
        match ix().lookup(text) {
            Lookup::Found { place, .. } => place,
            other => panic!("{text}: expected one place, got {other:?}"),
        }
    }

    pub fn candidates(text: &str) -> Vec<Candidate> {
        match ix().lookup(text) {
            Lookup::Candidates { candidates, .. } => candidates,
            other => panic!("{text}: expected candidates, got {other:?}"),
        }
    }

    pub fn place(id: &str) -> Candidate {
        Candidate::Place(id.to_string())
    }
}
