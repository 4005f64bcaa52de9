//! The tally exchange file: a versioned header line, then one JSON tally per line.

use super::tally::Tally;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "signpost-tallies";
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u32,
    machine: String,
}

/// Raw rows hold no identifiers, so they are exported unsuppressed; merged reports suppress.
pub fn write(machine: &str, tallies: &[Tally]) -> String {
    let header = Header {
        format: FORMAT.into(),
        version: VERSION,
        machine: machine.into(),
    };
    let mut out = serde_json::to_string(&header).unwrap_or_default();
    out.push('\n');
    for t in tallies {
        out.push_str(&serde_json::to_string(t).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Read one exported file; any bad line is an error naming the file and line.
pub fn read(name: &str, text: &str) -> Result<Vec<Tally>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = lines
        .next()
        .ok_or_else(|| format!("{name}: empty file (expected a tally export)"))?;
    let header: Header = serde_json::from_str(first)
        .map_err(|e| format!("{name}:1: not a Signpost tally export ({e})"))?;
    if header.format != FORMAT {
        return Err(format!(
            "{name}:1: format '{}' is not {FORMAT}",
            header.format
        ));
    }
    if header.version > VERSION {
        return Err(format!(
            "{name}:1: version {} is newer than this program reads ({VERSION})",
            header.version
        ));
    }
    lines
        .map(|(i, l)| {
            serde_json::from_str::<Tally>(l).map_err(|e| format!("{name}:{}: {e}", i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn round_trip_and_refusals() {
        let t = Tally {
            id: "1".into(),
            machine: "m".into(),
            day: Date::parse("2026-11-20").unwrap(),
            place: "havant".into(),
            age_band: "65+".into(),
            urgency: "E".into(),
            needs: vec![],
            local_found: true,
            edition: "e".into(),
        };
        let text = write("m", std::slice::from_ref(&t));
        assert_eq!(read("f", &text).unwrap(), vec![t]);
        assert!(read("f", "").unwrap_err().contains("empty file"));
        let newer = text.replacen("\"version\":1", "\"version\":9", 1);
        assert!(read("f", &newer).unwrap_err().contains("newer"));
        let bad = format!("{text}{{\"id\":3}}\n");
        assert!(read("f", &bad).unwrap_err().starts_with("f:3:"));
    }
}
