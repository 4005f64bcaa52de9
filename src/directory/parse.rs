//! Parses an edition's text files into a `Directory`, naming file, line and field for every problem.

use super::files::Files;
use super::spans::{line_of, path_at, span_of};
use crate::model::validate::{validate, CheckContext};
use crate::model::{Directory, Problem, Service};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// Parse one TOML text into `T`; a failure names the file, line and field.
pub fn parse_toml<T: DeserializeOwned>(file: &str, content: &str) -> Result<T, Problem> {
    match toml::from_str::<T>(content) {
        Ok(v) => Ok(v),
        Err(e) => {
            let (line, field) = match e.span() {
                Some(span) => {
                    let field = toml_edit::Document::parse(content)
                        .map(|doc| path_at(&doc, span.start))
                        .unwrap_or_default();
                    (Some(line_of(content, span.start)), field)
                }
                None => (None, String::new()),
            };
            let mut p = Problem::error(file, &field, e.message().trim().to_string());
            p.line = line;
            Err(p)
        }
    }
}

fn parse_one<T: DeserializeOwned>(
    file: &str,
    content: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    parse_toml(file, content).map_err(|p| problems.push(p)).ok()
}

/// Fill in one problem's line from its field path.
pub fn locate_one(content: &str, p: &mut Problem) {
    if let Some(span) = toml_edit::Document::parse(content)
        .ok()
        .and_then(|d| span_of(&d, &p.field))
    {
        p.line = Some(line_of(content, span.start));
    }
}

fn optional<T: DeserializeOwned + Default>(
    files: &Files,
    name: &str,
    problems: &mut Vec<Problem>,
) -> T {
    match files.get(name) {
        Some(c) => parse_one(name, c, problems).unwrap_or_default(),
        None => T::default(),
    }
}

fn required<T: DeserializeOwned + Default>(
    files: &Files,
    name: &str,
    problems: &mut Vec<Problem>,
) -> T {
    if !files.contains_key(name) {
        problems.push(Problem::error(name, "", "file is missing"));
    }
    optional(files, name, problems)
}

/// Parse every file. Returns the directory only when nothing failed to parse.
pub fn parse(files: &Files) -> Result<Directory, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut dir = Directory {
        edition: optional(files, "edition.toml", &mut problems),
        places: required(files, "places.toml", &mut problems),
        triage: required(files, "triage.toml", &mut problems),
        bank_holidays: optional(files, "bank-holidays.toml", &mut problems),
        accepted_gaps: optional(files, "accepted-gaps.toml", &mut problems),
        feed_taxonomy: optional(files, "feed-taxonomy.toml", &mut problems),
        vocabulary: optional(files, "vocabulary.toml", &mut problems),
        status_notes: optional(files, "status-notes.toml", &mut problems),
        services: Vec::new(),
    };
    dir.places
        .places
        .iter_mut()
        .for_each(crate::model::clean::place);
    let service_files: Vec<(&String, &String)> = files
        .range("services/".to_string()..)
        .take_while(|(name, _)| name.starts_with("services/"))
        .collect();
    // Large editions parse on every core: start-up is what a call handler waits for.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = service_files.len().div_ceil(threads).max(64);
    let parsed: Vec<(Vec<Service>, Vec<Problem>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = service_files
            .chunks(chunk)
            .map(|part| scope.spawn(move || parse_services(part)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (services, mut found) in parsed {
        dir.services.extend(services);
        problems.append(&mut found);
    }
    dir.apply_status_notes();
    locate(files, &mut problems);
    if problems.is_empty() {
        Ok(dir)
    } else {
        Err(problems)
    }
}

fn parse_services(part: &[(&String, &String)]) -> (Vec<Service>, Vec<Problem>) {
    let mut services = Vec::with_capacity(part.len());
    let mut problems = Vec::new();
    for (name, content) in part {
        let Some(stem) = name
            .strip_prefix("services/")
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        if content.trim().is_empty() {
            problems.push(Problem::error(name, "", "file is empty"));
            continue;
        }
        if let Some(mut s) = parse_one::<Service>(name, content, &mut problems) {
            // A directory file is text from outside too: nothing in it may drive a terminal.
            crate::model::clean::service(&mut s);
            if s.id != stem {
                problems.push(Problem::error(
                    name,
                    "id",
                    format!("id '{}' does not match the file name '{stem}.toml'", s.id),
                ));
            }
            services.push(s);
        }
    }
    (services, problems)
}

/// Parse and validate: every problem, errors first, each with its line where it has one.
pub fn check(files: &Files, ctx: CheckContext) -> (Option<Directory>, Vec<Problem>) {
    match parse(files) {
        Err(p) => (None, p),
        Ok(dir) => {
            let mut problems = validate(&dir, ctx);
            locate(files, &mut problems);
            problems
                .sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
            (Some(dir), problems)
        }
    }
}

/// Fill in line numbers from field paths.
pub fn locate(files: &Files, problems: &mut [Problem]) {
    let mut docs: HashMap<&str, Option<toml_edit::Document<&str>>> = HashMap::new();
    for p in problems
        .iter_mut()
        .filter(|p| p.line.is_none() && !p.field.is_empty())
    {
        let Some((name, content)) = files.get_key_value(&p.file) else {
            continue;
        };
        let doc = docs
            .entry(name.as_str())
            .or_insert_with(|| toml_edit::Document::parse(content.as_str()).ok());
        if let Some(span) = doc.as_ref().and_then(|d| span_of(d, &p.field)) {
            p.line = Some(line_of(content, span.start));
        }
    }
}
