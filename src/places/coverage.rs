//! The coverage matrix: place × age band × need → the services a handler could give; gaps shown.

use super::serves::{serves, Reach, Serves};
use crate::model::{AgeFit, Directory, Service, Status};
use serde::Serialize;

/// An inclusive band of ages, as the questionnaire and the reports group callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AgeBand {
    pub lo: u8,
    pub hi: u8,
    pub label: &'static str,
}

/// The top band runs to the oldest age an age range can state, so "65 and over" means that.
pub const AGE_BANDS: [AgeBand; 6] = [
    AgeBand {
        lo: 0,
        hi: 10,
        label: "0-10",
    },
    AgeBand {
        lo: 11,
        hi: 15,
        label: "11-15",
    },
    AgeBand {
        lo: 16,
        hi: 17,
        label: "16-17",
    },
    AgeBand {
        lo: 18,
        hi: 25,
        label: "18-25",
    },
    AgeBand {
        lo: 26,
        hi: 64,
        label: "26-64",
    },
    AgeBand {
        lo: 65,
        hi: 130,
        label: "65+",
    },
];

/// One place × age band × need, with the ids of the services in each column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub place: String,
    pub band: &'static str,
    pub need: String,
    /// Confirmed (active, public contact, whole band fits) and serving the place, a part of it,
    /// the county or the area.
    pub local: Vec<String>,
    /// Of `local`, those serving only part of the place (a county's districts).
    pub local_parts_only: Vec<String>,
    /// Confirmed, but serving the place only as a national service.
    pub national: Vec<String>,
    /// Would match, but contact, status or age is not confirmed: "check before giving".
    pub unconfirmed_local: Vec<String>,
    pub unconfirmed_national: Vec<String>,
}

impl Cell {
    /// No local service a handler could give with confidence.
    pub fn is_gap(&self) -> bool {
        self.local.is_empty()
    }

    pub fn unconfirmed(&self) -> usize {
        self.unconfirmed_local.len() + self.unconfirmed_national.len()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// The local places walked, in the places file's order: (id, name).
    pub places: Vec<(String, String)>,
    /// The needs walked, in the triage file's order: (id, label).
    pub needs: Vec<(String, String)>,
    /// Place-major, then band, then need.
    pub cells: Vec<Cell>,
}

impl Matrix {
    pub fn gaps(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| c.is_gap())
    }

    pub fn cell(&self, place: &str, band: &str, need: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.place == place && c.band == band && c.need == need)
    }
}

/// Where a service stands for one place, before needs and ages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    No,
    Local { part: bool },
    National,
}

fn classify(s: &Serves) -> Where {
    match s {
        Serves::No { .. } => Where::No,
        Serves::Part { .. } => Where::Local { part: true },
        Serves::Yes {
            reach: Reach::National,
            ..
        } => Where::National,
        Serves::Yes { .. } => Where::Local { part: false },
    }
}

/// A record a handler can give without checking first.
fn confirmed(s: &Service) -> bool {
    s.status == Status::Active && s.has_confirmed_public_contact()
}

/// The flags choosing `need` on the needs question sets: a service its record excludes for one
/// of them (a perpetrators' line, for the domestic abuse need) never meets that need.
fn need_flags<'a>(dir: &'a Directory, need: &str) -> Vec<&'a String> {
    dir.triage
        .questions
        .iter()
        .filter(|q| q.needs_list)
        .flat_map(|q| &q.options)
        .filter(|o| o.effects.needs.iter().any(|n| n == need))
        .flat_map(|o| &o.effects.flags)
        .collect()
}

/// Count, for every local place × age band × need in `dir.triage.needs`, the services that
/// serve the place, fit the band, meet the need and are not closed.
pub fn coverage(dir: &Directory) -> Matrix {
    let places: Vec<(String, String)> = dir
        .places
        .local()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let open: Vec<&Service> = dir
        .services
        .iter()
        .filter(|s| s.status != Status::Closed)
        .collect();
    let mut cells = Vec::new();
    for (place, _) in &places {
        let wheres: Vec<Where> = open
            .iter()
            .map(|s| classify(&serves(&dir.places, s, place)))
            .collect();
        for band in AGE_BANDS {
            let fits: Vec<AgeFit> = open
                .iter()
                .map(|s| s.age.fit_band(band.lo, band.hi))
                .collect();
            for need in &dir.triage.needs {
                let flags = need_flags(dir, &need.id);
                let mut cell = Cell {
                    place: place.clone(),
                    band: band.label,
                    need: need.id.clone(),
                    local: vec![],
                    local_parts_only: vec![],
                    national: vec![],
                    unconfirmed_local: vec![],
                    unconfirmed_national: vec![],
                };
                for (i, s) in open.iter().enumerate() {
                    if wheres[i] == Where::No
                        || fits[i] == AgeFit::Outside
                        || !need.categories.iter().any(|c| s.has(*c))
                        || s.exclude_if.iter().any(|e| flags.contains(&&e.flag))
                    {
                        continue;
                    }
                    let sure = confirmed(s) && fits[i] == AgeFit::Fits;
                    let id = s.id.clone();
                    match (wheres[i], sure) {
                        (Where::Local { part }, true) => {
                            if part {
                                cell.local_parts_only.push(id.clone());
                            }
                            cell.local.push(id);
                        }
                        (Where::Local { .. }, false) => cell.unconfirmed_local.push(id),
                        (Where::National, true) => cell.national.push(id),
                        (Where::National, false) => cell.unconfirmed_national.push(id),
                        (Where::No, _) => {}
                    }
                }
                cells.push(cell);
            }
        }
    }
    Matrix {
        places,
        needs: dir
            .triage
            .needs
            .iter()
            .map(|n| (n.id.clone(), n.label.clone()))
            .collect(),
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::questionnaire::Need;
    use crate::model::{AgeRange, Category, Contact};
    use crate::places::fixture;

    fn phone() -> Contact {
        toml::from_str(
            r#"kind = "phone"
value = "0300 000 0000"
audience = "public""#,
        )
        .unwrap()
    }

    fn svc(id: &str, areas: &[&str], cats: &[Category], age: AgeRange) -> Service {
        Service {
            id: id.into(),
            name: id.into(),
            areas: areas.iter().map(|s| s.to_string()).collect(),
            categories: cats.to_vec(),
            age,
            contacts: vec![phone()],
            ..Default::default()
        }
    }

    fn dir(services: Vec<Service>) -> Directory {
        let mut d = Directory {
            places: fixture::places(),
            services,
            ..Default::default()
        };
        d.triage.needs = vec![
            Need {
                id: "low-mood".into(),
                label: "Low mood".into(),
                categories: vec![Category::MentalHealth, Category::TalkingTherapies],
                note: String::new(),
            },
            Need {
                id: "gambling".into(),
                label: "Gambling".into(),
                categories: vec![Category::Gambling],
                note: String::new(),
            },
        ];
        d
    }

    #[test]
    fn a_service_its_record_excludes_for_the_needs_own_flag_does_not_count() {
        let everyone = AgeRange::everyone();
        let mut d = dir(vec![
            svc(
                "victims-line",
                &["hart"],
                &[Category::Gambling],
                everyone.clone(),
            ),
            svc(
                "own-behaviour-line",
                &["hart"],
                &[Category::Gambling],
                everyone,
            ),
        ]);
        d.services[1].exclude_if = vec![toml::from_str(
            r#"flag = "harmed"
reason = "not a victims' line""#,
        )
        .unwrap()];
        d.triage.questions = vec![toml::from_str(
            r#"id = "needs"
kind = "multiple"
needs_list = true
text = "What would help?"
[[options]]
key = "gambling"
label = "Gambling"
effects = { needs = ["gambling"], flags = ["harmed"] }"#,
        )
        .unwrap()];
        let m = coverage(&d);
        let cell = m.cell("hart", "26-64", "gambling").unwrap();
        assert_eq!(cell.local, vec!["victims-line".to_string()]);
        // A need whose option sets no flag keeps every service carrying its categories.
        d.triage.questions[0].options[0].effects.flags.clear();
        let m = coverage(&d);
        assert_eq!(m.cell("hart", "26-64", "gambling").unwrap().local.len(), 2);
    }

    #[test]
    fn walks_every_local_place_band_and_need() {
        let m = coverage(&dir(vec![]));
        // Fixture: 3 places + 9 districts.
        assert_eq!(m.places.len(), 12);
        assert_eq!(m.cells.len(), 12 * 6 * 2);
        assert_eq!(m.gaps().count(), m.cells.len());
    }

    #[test]
    fn local_national_and_unconfirmed_are_apart() {
        let everyone = AgeRange::everyone();
        let mut no_phone = svc(
            "no-phone",
            &["hart"],
            &[Category::MentalHealth],
            everyone.clone(),
        );
        no_phone.contacts.clear();
        let mut unsure = svc(
            "unsure",
            &["hart"],
            &[Category::MentalHealth],
            everyone.clone(),
        );
        unsure.status = Status::Unconfirmed;
        let mut closed = svc(
            "closed",
            &["hart"],
            &[Category::MentalHealth],
            everyone.clone(),
        );
        closed.status = Status::Closed;
        let m = coverage(&dir(vec![
            svc(
                "hart-mh",
                &["hart"],
                &[Category::MentalHealth],
                AgeRange::years(18, 64),
            ),
            svc(
                "county",
                &["hampshire"],
                &[Category::TalkingTherapies],
                everyone.clone(),
            ),
            svc(
                "line",
                &["national"],
                &[Category::MentalHealth],
                everyone.clone(),
            ),
            svc(
                "gamble",
                &["national"],
                &[Category::Gambling],
                everyone.clone(),
            ),
            no_phone,
            unsure,
            closed,
        ]));
        let c = m.cell("hart", "18-25", "low-mood").unwrap();
        assert_eq!(c.local, ["hart-mh", "county"]);
        assert_eq!(c.national, ["line"]);
        assert_eq!(c.unconfirmed_local, ["no-phone", "unsure"]);
        assert!(!c.is_gap());
        // 16-17 does not fit 18-64 at all: the county service is still local.
        let c = m.cell("hart", "16-17", "low-mood").unwrap();
        assert_eq!(c.local, ["county"]);
        // Portsmouth: only national — a gap, with the national line still counted.
        let c = m.cell("portsmouth", "26-64", "low-mood").unwrap();
        assert!(c.is_gap());
        assert_eq!(c.national, ["line"]);
        // Gambling: national only everywhere.
        assert!(m.cell("hart", "26-64", "gambling").unwrap().is_gap());
    }

    #[test]
    fn uncertain_age_counts_as_unconfirmed() {
        let mut r = AgeRange::years(5, 18);
        r.uncertain = vec![18];
        let m = coverage(&dir(vec![svc(
            "camhs",
            &["portsmouth"],
            &[Category::MentalHealth],
            r,
        )]));
        // 0-10 only partly fits 5-18; 18-25 meets the uncertain boundary at 18.
        for band in ["0-10", "18-25"] {
            let c = m.cell("portsmouth", band, "low-mood").unwrap();
            assert_eq!(c.unconfirmed_local, ["camhs"], "{band}");
            assert!(c.is_gap(), "{band}");
        }
        let c = m.cell("portsmouth", "11-15", "low-mood").unwrap();
        assert_eq!(c.local, ["camhs"]);
        assert!(
            m.cell("portsmouth", "26-64", "low-mood")
                .unwrap()
                .unconfirmed()
                == 0
        );
    }

    #[test]
    fn a_county_counts_its_districts_services_as_parts() {
        let m = coverage(&dir(vec![svc(
            "hart-mh",
            &["hart"],
            &[Category::MentalHealth],
            AgeRange::everyone(),
        )]));
        let c = m.cell("hampshire", "26-64", "low-mood").unwrap();
        assert_eq!(c.local, ["hart-mh"]);
        assert_eq!(c.local_parts_only, ["hart-mh"]);
        assert!(m.cell("havant", "26-64", "low-mood").unwrap().is_gap());
    }

    #[test]
    fn age_bands_cover_every_age_once() {
        for age in 0..=130u8 {
            let n = AGE_BANDS
                .iter()
                .filter(|b| (b.lo..=b.hi).contains(&age))
                .count();
            assert_eq!(n, 1, "age {age}");
        }
    }
}
