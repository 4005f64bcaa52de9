//! Service areas through the place lookup, and taxonomy terms through the mapping table.

use super::json::At;
use super::report::{FindingKind, Findings};
use crate::model::place::{Candidate, Lookup};
use crate::model::PlacesFile;
use crate::model::{Category, FeedTaxonomy};
use crate::places::PlaceIndex;

/// Place ids for the feed's service areas; an area the lookup does not resolve to exactly one
/// place is reported, never picked.
pub fn areas(svc: &At, places: &PlaceIndex, file: &PlacesFile, r: &mut Findings) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in svc.items("service_areas", r) {
        // 3.0 names the area in `name`; ORUK v1 and the UK profile in `service_area`; some
        // feeds give only a GSS code.
        // Our own export names the GSS code in `uri`; a code is the surest match.
        let gss = a
            .text("uri", r)
            .and_then(|u| u.rsplit('/').next().map(str::to_string))
            .filter(|c| is_gss(c));
        let Some(name) = gss
            .or_else(|| a.text("service_area", r))
            .or_else(|| a.text("name", r))
            .or_else(|| a.text("code", r))
            .or_else(|| a.text("gss_code", r))
        else {
            continue;
        };
        let path = a.path.clone();
        match area_lookup(&name, places, file) {
            Lookup::Found { place, .. } => {
                if !out.contains(&place) {
                    out.push(place);
                }
            }
            Lookup::Candidates { candidates, why } => {
                let ids: Vec<String> = candidates
                    .iter()
                    .map(|c| match c {
                        Candidate::Place(id) => id.clone(),
                        Candidate::OutsideArea => "outside the area".into(),
                    })
                    .collect();
                r.push(
                    FindingKind::Area,
                    &path,
                    format!(
                        "'{}' may be any of {} ({why}); none was chosen",
                        short(&name),
                        ids.join(", ")
                    ),
                );
            }
            Lookup::OutsideArea { why } => r.push(
                FindingKind::Area,
                &path,
                format!(
                    "'{}' is outside Hampshire and the Isle of Wight ({why})",
                    short(&name)
                ),
            ),
            Lookup::DidYouMean { suggestions } => r.push(
                FindingKind::Area,
                &path,
                format!(
                    "'{}' is not a place in places.toml (did you mean {}?)",
                    short(&name),
                    suggestions.join(", ")
                ),
            ),
            Lookup::NotRecognised => r.push(
                FindingKind::Area,
                &path,
                format!("'{}' is not a place in places.toml", short(&name)),
            ),
        }
    }
    out
}

/// Whether the text is an ONS GSS code (a letter and eight digits: E06000045).
pub fn is_gss(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 9 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit)
}

/// An area as a council writes it: a GSS code, a council's name ("Southampton City Council",
/// "Isle of Wight Council") or a place name, through the place lookup.
pub fn area_lookup(text: &str, places: &PlaceIndex, file: &PlacesFile) -> Lookup {
    let text = text.trim();
    if is_gss(text) {
        return match file.by_gss(text) {
            Some(p) => Lookup::Found {
                place: p.id.clone(),
                why: format!("GSS code {}", text.to_ascii_uppercase()),
            },
            None => Lookup::OutsideArea {
                why: format!("GSS code {text} is not a council area in places.toml"),
            },
        };
    }
    // A council's name is tried by its place first: the full text would only miss, and a miss
    // costs a near-name search over every place name.
    let lower = text.to_lowercase();
    for suffix in [
        " city council",
        " county council",
        " borough council",
        " district council",
        " council",
    ] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            let stem = &text[..stem.len()];
            let stem = stem.strip_prefix("The ").unwrap_or(stem);
            if let l @ Lookup::Found { .. } = places.lookup(stem) {
                return l;
            }
        }
    }
    places.lookup(text)
}

/// Categories from HSDS 3.0 `attributes[].taxonomy_term` and ORUK v1
/// `service_taxonomys[].taxonomy`; unmapped terms are reported.
pub fn categories(svc: &At, table: &FeedTaxonomy, r: &mut Findings) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    let terms = svc
        .items("attributes", r)
        .into_iter()
        .filter_map(|a| a.get("taxonomy_term"))
        .chain(
            svc.items("service_taxonomys", r)
                .into_iter()
                .filter_map(|t| t.get("taxonomy")),
        );
    for t in terms {
        if own_vocabulary(&t) {
            continue;
        }
        let code = t.text("code", r).unwrap_or_default();
        let name = t
            .text("name", r)
            .or_else(|| t.text("term", r))
            .unwrap_or_default();
        let vocabulary = t
            .text("taxonomy", r)
            .or_else(|| t.text("vocabulary", r))
            .or_else(|| t.get("taxonomy_detail").and_then(|d| d.text("name", r)))
            .unwrap_or_default();
        match table.categories(&vocabulary, &[&code, &name]) {
            Some(cats) => {
                for c in cats {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            None if code.is_empty() && name.is_empty() => {}
            None => r.push(
                FindingKind::Term,
                &t.path,
                format!(
                    "term '{}'{}{} is not in feed-taxonomy.toml; it gives no category",
                    if name.is_empty() { &code } else { &name },
                    if code.is_empty() || code == name {
                        String::new()
                    } else {
                        format!(" (code '{code}')")
                    },
                    if vocabulary.is_empty() {
                        String::new()
                    } else {
                        format!(" of vocabulary '{vocabulary}'")
                    }
                ),
            ),
        }
    }
    out
}

/// Vocabularies Signpost writes for facts HSDS has no field for (keywords, access routes):
/// read back as those facts, never as categories.
fn own_vocabulary(t: &At) -> bool {
    let v = t.v.get("taxonomy").and_then(|v| v.as_str()).unwrap_or("");
    v == super::hsds_out::KEYWORD_VOCABULARY || v == super::hsds_out::ACCESS_VOCABULARY
}

/// The codes of a service's `attributes` terms of one of Signpost's own vocabularies.
pub fn own_terms(svc: &At, vocabulary: &str, r: &mut Findings) -> Vec<String> {
    svc.items("attributes", r)
        .into_iter()
        .filter_map(|a| a.get("taxonomy_term"))
        .filter(|t| t.v.get("taxonomy").and_then(|v| v.as_str()) == Some(vocabulary))
        .filter_map(|t| t.text("code", r))
        .collect()
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}
