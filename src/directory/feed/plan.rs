//! The next edition after a feed import: the edition in use with this feed's records replaced
//! and nothing else touched, or a refusal that says why.

use super::safety::is_safety_net;
use super::FeedRead;
use crate::directory::{check, parse, Files};
use crate::model::diff::{diff, Diff};
use crate::model::validate::{service_file, CheckContext};
use crate::model::Directory;

#[derive(Debug, Clone)]
pub struct Plan {
    /// The new edition's files.
    pub files: Files,
    pub directory: Directory,
    pub diff: Diff,
    /// Reasons not to install even though the change can be shown (a partial page, nothing
    /// imported). A dry run shows the change and these; an install is refused.
    pub blocked: Vec<String>,
}

/// Plan the import of `feed` over the edition `current`. Refused whole (Err, with every
/// reason) when a record would still be part of the safety net (reading leaves such records
/// out, so this is the second guard), would overwrite a record that is not its own,
/// or the new edition would not pass `check`.
pub fn plan(current: &Files, feed: &FeedRead, ctx: CheckContext) -> Result<Plan, Vec<String>> {
    let mut refusals: Vec<String> = Vec::new();
    let old = parse(current).map_err(|p| {
        vec![format!(
            "the edition in use does not parse ({}); fix or roll it back first",
            p.first().map(|p| p.to_string()).unwrap_or_default()
        )]
    })?;
    for s in &feed.services {
        if is_safety_net(s) {
            refusals.push(format!(
                "record {} would be part of the safety net (its id or a number)",
                s.id
            ));
        }
        if let Some(o) = old.service(&s.id).filter(|o| o.feed != feed.name) {
            let owner = if o.feed.is_empty() {
                "a curated record".to_string()
            } else {
                format!("a record of feed {}", o.feed)
            };
            refusals.push(format!(
                "record id {} is already {owner}; a feed only replaces its own records",
                s.id
            ));
        }
    }
    if !refusals.is_empty() {
        return Err(refusals);
    }
    let mut files = current.clone();
    for s in old.services.iter().filter(|s| s.feed == feed.name) {
        files.remove(&service_file(&s.id));
    }
    for s in &feed.services {
        let body = toml::to_string(s).map_err(|e| vec![format!("record {}: {e}", s.id)])?;
        let header = format!(
            "# From open-data feed {}. The next import of this feed replaces this file: correct the\n# feed (or its mapping in feed-taxonomy.toml) rather than this file.\n",
            feed.name
        );
        files.insert(service_file(&s.id), header + &body);
    }
    let (new, problems) = check(&files, ctx);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| format!("the new edition would not pass check: {p}"))
        .collect();
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    // Belt and braces: every safety-net record of the edition in use is still there, unchanged.
    for s in old.services.iter().filter(|s| is_safety_net(s)) {
        if new.service(&s.id) != Some(s) {
            return Err(vec![format!(
                "the import would remove or change safety-net record {}",
                s.id
            )]);
        }
    }
    let mut blocked = Vec::new();
    if let Some(p) = &feed.partial {
        blocked.push(p.clone());
    }
    if feed.services.is_empty() {
        blocked.push(format!(
            "no service in the file could be imported (see the findings); installing would only remove feed {}'s records",
            feed.name
        ));
    }
    Ok(Plan {
        diff: diff(&old, &new),
        files,
        directory: new,
        blocked,
    })
}
