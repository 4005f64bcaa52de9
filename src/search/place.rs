//! The place filter: what the typed place resolved to, and whether each service serves it.

use super::query::PlaceInput;
use crate::model::place::{Candidate, Lookup};
use crate::model::{PlaceKind, PlacesFile, Service};
use crate::places::{reach_of, serves, PlaceIndex, Reach, Serves, OUTSIDE};
use serde::Serialize;

/// What the search is limited to. It never silently picks one of several places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PlaceScope {
    /// No place given: every place.
    Anywhere,
    Place {
        id: String,
        name: String,
        why: String,
    },
    /// Several places fit what was typed. Until the handler picks one, only services that serve
    /// every candidate are shown: they are right whichever it is.
    Unclear {
        candidates: Vec<Candidate>,
        names: Vec<String>,
        why: String,
        /// The handler chose "keep all of these" (triage): a service serving any candidate is
        /// kept, to check it covers where the caller is, rather than only those serving all.
        any: bool,
    },
    /// Outside Hampshire and the Isle of Wight: national services only.
    OutsideArea { why: String },
    /// Not recognised: national services only (they serve everyone) until it is corrected.
    NotRecognised {
        text: String,
        suggestions: Vec<String>,
    },
}

/// How a service stands for the scope: how near, and whether it covers only part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub reach: Reach,
    /// Covers only some of the place (a county searched, a district service): check first.
    pub part: bool,
}

fn national_id(places: &PlacesFile) -> Option<&str> {
    places
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country)
        .map(|p| p.id.as_str())
}

fn candidate_name(places: &PlacesFile, c: &Candidate) -> String {
    match c {
        Candidate::Place(id) => places
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.clone()),
        Candidate::OutsideArea => OUTSIDE.to_string(),
    }
}

impl PlaceScope {
    pub fn resolve(places: &PlacesFile, index: &PlaceIndex, input: Option<&PlaceInput>) -> Self {
        let (lookup, text) = match input {
            None => return PlaceScope::Anywhere,
            Some(PlaceInput::OutsideArea) => {
                return PlaceScope::OutsideArea {
                    why: format!("chosen: {OUTSIDE}"),
                }
            }
            Some(PlaceInput::Text(t)) if t.trim().is_empty() => return PlaceScope::Anywhere,
            Some(PlaceInput::Text(t)) => (index.lookup(t), t.clone()),
            Some(PlaceInput::Id(id)) => match places.get(id) {
                Some(p) => {
                    return PlaceScope::Place {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        why: format!("chosen: {}", p.name),
                    }
                }
                None => (Lookup::NotRecognised, id.clone()),
            },
        };
        match lookup {
            Lookup::Found { place, why } => PlaceScope::Place {
                name: index.name(&place).to_string(),
                id: place,
                why,
            },
            Lookup::Candidates { candidates, why } => PlaceScope::Unclear {
                names: candidates
                    .iter()
                    .map(|c| candidate_name(places, c))
                    .collect(),
                candidates,
                why,
                any: false,
            },
            Lookup::OutsideArea { why } => PlaceScope::OutsideArea { why },
            Lookup::DidYouMean { suggestions } => PlaceScope::NotRecognised { text, suggestions },
            Lookup::NotRecognised => PlaceScope::NotRecognised {
                text,
                suggestions: Vec::new(),
            },
        }
    }

    pub fn is_filter(&self) -> bool {
        !matches!(self, PlaceScope::Anywhere)
    }

    /// Words for a sentence: "in Isle of Wight", "outside the area".
    pub fn phrase(&self) -> String {
        match self {
            PlaceScope::Anywhere => String::new(),
            PlaceScope::Place { name, .. } => format!("in {name}"),
            PlaceScope::Unclear { names, .. } => format!("in every one of {}", names.join(", ")),
            PlaceScope::OutsideArea { .. } => OUTSIDE.to_string(),
            PlaceScope::NotRecognised { text, .. } => format!("for '{text}' (not recognised)"),
        }
    }

    /// The line a results screen shows about the place, if any.
    pub fn note(&self) -> Option<String> {
        match self {
            PlaceScope::Anywhere | PlaceScope::Place { .. } => None,
            PlaceScope::Unclear { names, why, .. } => Some(format!(
                "Place unclear ({why}): {}. Showing only services that serve all of them; pick one to see local services.",
                names.join(" / ")
            )),
            PlaceScope::OutsideArea { why } => Some(format!(
                "Outside the area ({why}): national services only. Local services are for Hampshire and the Isle of Wight; the caller's own area may have its own."
            )),
            PlaceScope::NotRecognised { text, suggestions } if suggestions.is_empty() => Some(format!(
                "Place '{text}' not recognised: national services only until it is corrected."
            )),
            PlaceScope::NotRecognised { text, suggestions } => Some(format!(
                "Place '{text}' not recognised (did you mean {}?): national services only until it is corrected.",
                suggestions.join(", ")
            )),
        }
    }

    /// A key for caching per-service answers; equal keys give equal answers.
    pub fn cache_key(&self) -> String {
        match self {
            PlaceScope::Anywhere => "*".into(),
            PlaceScope::Place { id, .. } => format!("p:{id}"),
            PlaceScope::Unclear {
                candidates, any, ..
            } => format!("u:{any}:{candidates:?}"),
            PlaceScope::OutsideArea { .. } | PlaceScope::NotRecognised { .. } => "n".into(),
        }
    }

    /// Whether and how the service serves this scope. `None`: it does not.
    pub fn placement(&self, places: &PlacesFile, s: &Service) -> Option<Placement> {
        match self {
            PlaceScope::Anywhere => spread(places, s).map(|reach| Placement { reach, part: false }),
            PlaceScope::Place { id, .. } => from_serves(&serves(places, s, id)),
            PlaceScope::Unclear {
                candidates,
                any: true,
                ..
            } => {
                // Any candidate served: the nearest reach; to check unless it serves them all.
                let each: Vec<Option<Placement>> = candidates
                    .iter()
                    .map(|c| match c {
                        Candidate::Place(id) => from_serves(&serves(places, s, id)),
                        Candidate::OutsideArea => national_only(places, s),
                    })
                    .collect();
                let all = each.iter().all(|p| p.is_some_and(|p| !p.part));
                each.iter()
                    .flatten()
                    .min_by_key(|p| p.reach)
                    .map(|p| Placement {
                        reach: p.reach,
                        part: !all,
                    })
            }
            PlaceScope::Unclear { candidates, .. } => {
                let mut worst: Option<Placement> = None;
                for c in candidates {
                    let p = match c {
                        Candidate::Place(id) => from_serves(&serves(places, s, id))?,
                        Candidate::OutsideArea => national_only(places, s)?,
                    };
                    worst = Some(match worst {
                        None => p,
                        Some(w) => Placement {
                            reach: w.reach.max(p.reach),
                            part: w.part || p.part,
                        },
                    });
                }
                worst
            }
            PlaceScope::OutsideArea { .. } | PlaceScope::NotRecognised { .. } => {
                national_only(places, s)
            }
        }
    }

    /// Why the service is in scope, in words ("serves Isle of Wight", "national service").
    pub fn reason(&self, places: &PlacesFile, s: &Service) -> String {
        match self {
            PlaceScope::Anywhere => {
                let names: Vec<String> = s
                    .areas
                    .iter()
                    .map(|a| {
                        places.get(a).map_or_else(
                            || a.clone(),
                            |p| match p.kind {
                                PlaceKind::Country => "national service".to_string(),
                                _ => p.name.clone(),
                            },
                        )
                    })
                    .collect();
                match names.as_slice() {
                    [one] if one == "national service" => one.clone(),
                    _ => format!("serves {}", names.join(", ")),
                }
            }
            PlaceScope::Place { id, .. } => serves(places, s, id).reason().to_string(),
            PlaceScope::Unclear { candidates, .. } => {
                let parts: Vec<String> = candidates
                    .iter()
                    .map(|c| match c {
                        Candidate::Place(id) => serves(places, s, id).reason().to_string(),
                        Candidate::OutsideArea => "national service".to_string(),
                    })
                    .collect();
                let mut parts = parts;
                parts.dedup();
                match self {
                    PlaceScope::Unclear { any: true, .. } => {
                        format!("{} (one of the places it may be)", parts.join("; "))
                    }
                    _ => format!("{} (every place it may be)", parts.join("; ")),
                }
            }
            PlaceScope::OutsideArea { .. } | PlaceScope::NotRecognised { .. } => {
                "national service".to_string()
            }
        }
    }
}

fn from_serves(s: &Serves) -> Option<Placement> {
    match s {
        Serves::Yes { reach, .. } => Some(Placement {
            reach: *reach,
            part: false,
        }),
        Serves::Part { reach, .. } => Some(Placement {
            reach: *reach,
            part: true,
        }),
        Serves::No { .. } => None,
    }
}

fn national_only(places: &PlacesFile, s: &Service) -> Option<Placement> {
    let id = national_id(places)?;
    match serves(places, s, id) {
        Serves::Yes { .. } => Some(Placement {
            reach: Reach::National,
            part: false,
        }),
        _ => None,
    }
}

/// The broadest reach among a service's areas (for ranking when no place is given); `None`
/// when it lists no known area, so it serves nowhere.
pub fn spread(places: &PlacesFile, s: &Service) -> Option<Reach> {
    s.areas
        .iter()
        .filter_map(|a| places.get(a))
        .map(|p| reach_of(places, p))
        .max()
}
