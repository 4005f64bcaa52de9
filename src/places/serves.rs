//! "Does this service serve this place?": the one rule every search, triage and coverage uses.

use crate::model::{Place, PlaceKind, PlacesFile, Service};
use serde::Serialize;

/// How far from the caller a match is. Search ranks local over area-wide over national.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// Serves the place or district itself.
    Local,
    /// Serves a whole county or the whole area (hampshire, hiow).
    AreaWide,
    National,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "serves")]
pub enum Serves {
    /// Serves the whole place: `via` is the nearest listed area (the place or an ancestor).
    Yes {
        reach: Reach,
        via: String,
        reason: String,
    },
    /// The place is a county or the whole area, and the service covers only part of it (some
    /// districts, or all but some): a caller there may or may not be covered, so ask.
    Part {
        reach: Reach,
        areas: Vec<String>,
        reason: String,
    },
    No {
        reason: String,
    },
}

impl Serves {
    pub fn reach(&self) -> Option<Reach> {
        match self {
            Serves::Yes { reach, .. } | Serves::Part { reach, .. } => Some(*reach),
            Serves::No { .. } => None,
        }
    }

    pub fn is_yes(&self) -> bool {
        matches!(self, Serves::Yes { .. })
    }

    pub fn is_part(&self) -> bool {
        matches!(self, Serves::Part { .. })
    }

    pub fn reason(&self) -> &str {
        match self {
            Serves::Yes { reason, .. } | Serves::Part { reason, .. } | Serves::No { reason } => {
                reason
            }
        }
    }
}

/// Whether `service` serves `place_id`: its areas contain the place or an ancestor, and no
/// `areas_except` entry is the place or an ancestor. Searching a place that contains others
/// (a county, the area) also finds services of the places inside it, as [`Serves::Part`].
pub fn serves(places: &PlacesFile, service: &Service, place_id: &str) -> Serves {
    let lineage = places.lineage(place_id);
    let Some(place) = lineage.first() else {
        return Serves::No {
            reason: format!("'{place_id}' is not a known place"),
        };
    };
    let name = |id: &str| places.get(id).map(|p| p.name.clone()).unwrap_or(id.into());
    if let Some(e) = service
        .areas_except
        .iter()
        .find(|e| lineage.iter().any(|p| &p.id == *e))
    {
        return Serves::No {
            reason: format!("does not serve {}", name(e)),
        };
    }
    let inside = |id: &str| id != place.id && is_within(places, id, &place.id);
    if let Some(m) = lineage.iter().find(|p| service.areas.contains(&p.id)) {
        let holes: Vec<String> = service
            .areas_except
            .iter()
            .filter(|e| inside(e))
            .map(|e| name(e))
            .collect();
        if !holes.is_empty() {
            return Serves::Part {
                reach: reach_of(places, m),
                areas: vec![m.id.clone()],
                reason: format!("parts of {} only (not {})", place.name, list(&holes)),
            };
        }
        return Serves::Yes {
            reach: reach_of(places, m),
            via: m.id.clone(),
            reason: yes_reason(places, service, m),
        };
    }
    let parts: Vec<&Place> = service
        .areas
        .iter()
        .filter(|a| inside(a))
        .filter(|a| !excluded(places, service, a))
        .filter_map(|a| places.get(a))
        .collect();
    match parts.iter().map(|p| reach_of(places, p)).min() {
        Some(reach) => Serves::Part {
            reach,
            areas: parts.iter().map(|p| p.id.clone()).collect(),
            reason: format!(
                "parts of {} only: {}",
                place.name,
                list(&parts.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
            ),
        },
        None => Serves::No {
            reason: format!("does not serve {}", place.name),
        },
    }
}

fn yes_reason(places: &PlacesFile, service: &Service, m: &Place) -> String {
    if m.kind == PlaceKind::Country {
        return "national service".to_string();
    }
    let holes: Vec<String> = service
        .areas_except
        .iter()
        .filter(|e| *e != &m.id && is_within(places, e, &m.id))
        .map(|e| places.get(e).map(|p| p.name.clone()).unwrap_or(e.clone()))
        .collect();
    if !holes.is_empty() {
        format!("serves {} except {}", m.name, list(&holes))
    } else if has_children(places, &m.id) {
        format!("serves all of {}", m.name)
    } else {
        format!("serves {}", m.name)
    }
}

/// Whether an area the service lists is itself cut out by one of its exceptions.
fn excluded(places: &PlacesFile, service: &Service, area: &str) -> bool {
    service
        .areas_except
        .iter()
        .any(|e| is_within(places, area, e))
}

/// Whether `id` is `ancestor` or lies inside it.
pub fn is_within(places: &PlacesFile, id: &str, ancestor: &str) -> bool {
    places.lineage(id).iter().any(|p| p.id == ancestor)
}

fn has_children(places: &PlacesFile, id: &str) -> bool {
    places
        .places
        .iter()
        .any(|p| p.parent.as_deref() == Some(id))
}

/// Local for a place or district; area-wide for the area or a county with districts.
pub fn reach_of(places: &PlacesFile, p: &Place) -> Reach {
    match p.kind {
        PlaceKind::Country => Reach::National,
        PlaceKind::Area => Reach::AreaWide,
        _ if has_children(places, &p.id) => Reach::AreaWide,
        _ => Reach::Local,
    }
}

fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::fixture;

    fn svc(areas: &[&str], except: &[&str]) -> Service {
        Service {
            id: "s".into(),
            name: "S".into(),
            areas: areas.iter().map(|s| s.to_string()).collect(),
            areas_except: except.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    fn check(areas: &[&str], except: &[&str], place: &str) -> Serves {
        serves(&fixture::places(), &svc(areas, except), place)
    }

    #[test]
    fn district_service_serves_its_district_only() {
        let s = check(&["hart"], &[], "hart");
        assert_eq!(
            s,
            Serves::Yes {
                reach: Reach::Local,
                via: "hart".into(),
                reason: "serves Hart".into()
            }
        );
        assert!(matches!(
            check(&["hart"], &[], "fareham"),
            Serves::No { .. }
        ));
        assert!(matches!(
            check(&["hart"], &[], "portsmouth"),
            Serves::No { .. }
        ));
    }

    #[test]
    fn place_service_serves_the_place() {
        let s = check(&["isle-of-wight"], &[], "isle-of-wight");
        assert_eq!(s.reason(), "serves Isle of Wight");
        assert_eq!(s.reach(), Some(Reach::Local));
        assert!(matches!(
            check(&["isle-of-wight"], &[], "havant"),
            Serves::No { .. }
        ));
    }

    #[test]
    fn county_service_serves_its_districts_area_wide() {
        let s = check(&["hampshire"], &[], "gosport");
        assert!(s.is_yes());
        assert_eq!(s.reason(), "serves all of Hampshire");
        assert_eq!(s.reach(), Some(Reach::AreaWide));
        assert!(check(&["hampshire"], &[], "hampshire").is_yes());
        assert!(matches!(
            check(&["hampshire"], &[], "southampton"),
            Serves::No { .. }
        ));
    }

    #[test]
    fn area_service_serves_every_place_and_district() {
        for p in ["hiow", "hampshire", "portsmouth", "isle-of-wight", "hart"] {
            let s = check(&["hiow"], &[], p);
            assert_eq!(
                s.reason(),
                "serves all of Hampshire and the Isle of Wight",
                "{p}"
            );
            assert_eq!(s.reach(), Some(Reach::AreaWide), "{p}");
        }
    }

    #[test]
    fn national_service_serves_everywhere() {
        for p in ["national", "hiow", "hart", "portsmouth"] {
            let s = check(&["national"], &[], p);
            assert_eq!(s.reason(), "national service", "{p}");
            assert_eq!(s.reach(), Some(Reach::National), "{p}");
        }
    }

    #[test]
    fn nearest_listed_area_decides_reach() {
        let s = check(&["national", "hart"], &[], "hart");
        assert_eq!(s.reach(), Some(Reach::Local));
        let s = check(&["national", "hart"], &[], "fareham");
        assert_eq!(s.reach(), Some(Reach::National));
    }

    #[test]
    fn except_covers_the_place_or_an_ancestor() {
        // Hampshire except Hart: not Hart, still Gosport (and says so).
        let no = check(&["hampshire"], &["hart"], "hart");
        assert_eq!(
            no,
            Serves::No {
                reason: "does not serve Hart".into()
            }
        );
        let yes = check(&["hampshire"], &["hart"], "gosport");
        assert!(yes.is_yes());
        assert_eq!(yes.reason(), "serves Hampshire except Hart");
        // National except the whole area: no district inside it.
        assert!(matches!(
            check(&["national"], &["hiow"], "havant"),
            Serves::No { .. }
        ));
        assert!(matches!(
            check(&["national"], &["hampshire"], "hart"),
            Serves::No { .. }
        ));
        assert!(check(&["national"], &["hampshire"], "portsmouth").is_yes());
    }

    #[test]
    fn county_search_finds_district_services_as_parts() {
        let s = check(&["hart", "fareham"], &[], "hampshire");
        assert_eq!(
            s,
            Serves::Part {
                reach: Reach::Local,
                areas: vec!["hart".into(), "fareham".into()],
                reason: "parts of Hampshire only: Hart and Fareham".into()
            }
        );
        let s = check(&["portsmouth"], &[], "hiow");
        assert!(s.is_part());
        assert_eq!(
            s.reason(),
            "parts of Hampshire and the Isle of Wight only: Portsmouth"
        );
        // The whole county seen from the area is area-wide, not local.
        assert_eq!(
            check(&["hampshire"], &[], "hiow").reach(),
            Some(Reach::AreaWide)
        );
        // A district search never borrows a sibling's services.
        assert!(matches!(check(&["hart"], &[], "havant"), Serves::No { .. }));
    }

    #[test]
    fn county_search_with_an_exception_inside_is_only_part() {
        let s = check(&["hampshire"], &["hart"], "hampshire");
        assert!(s.is_part());
        assert_eq!(s.reason(), "parts of Hampshire only (not Hart)");
        let s = check(&["hiow"], &["isle-of-wight"], "hiow");
        assert!(s.is_part());
        // An excluded district is not a part.
        assert!(matches!(
            check(&["hart"], &["hart"], "hampshire"),
            Serves::No { .. }
        ));
    }

    #[test]
    fn unknown_place_is_never_served() {
        assert!(matches!(
            check(&["national"], &[], "atlantis"),
            Serves::No { .. }
        ));
    }
}
