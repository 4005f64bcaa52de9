//! `signpost list` and `signpost show ID`.

use super::render::{hours_at_json, hours_at_text, service_json, service_text};
use super::{notices, Ctx, Format};
use crate::model::clean::for_terminal;

pub fn list(ctx: &Ctx) -> Result<i32, String> {
    let s = ctx.open()?;
    notices(&s);
    let mut services: Vec<_> = s.directory.services.iter().collect();
    services.sort_by_key(|a| a.name.to_lowercase());
    for svc in &services {
        let number = svc
            .primary_public()
            .map(|c| c.display_value())
            .unwrap_or_else(|| "number not confirmed".into());
        let status = match svc.status {
            crate::model::Status::Active => "",
            crate::model::Status::Unconfirmed => "  [unconfirmed]",
            crate::model::Status::Closed => "  [closed]",
        };
        let row = format!("{:<44} {:<28} {}{status}", svc.id, number, svc.name);
        println!("{}", for_terminal(&row));
    }
    println!(
        "{} services in edition {} ({})",
        services.len(),
        s.meta.id,
        s.meta.date
    );
    Ok(0)
}

pub fn show(ctx: &Ctx, id: &str, format: Format, at: Option<&str>) -> Result<i32, String> {
    let at = match at {
        Some(text) => crate::hours::parse_local(text)?,
        None => ctx.now,
    };
    let s = ctx.open()?;
    notices(&s);
    let Some(svc) = s.directory.service(id) else {
        let near: Vec<&str> = s
            .directory
            .services
            .iter()
            .filter(|x| x.id.contains(id) || id.contains(x.id.as_str()))
            .map(|x| x.id.as_str())
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            String::from(" (try `signpost list`)")
        } else {
            format!(" (did you mean: {})", near.join(", "))
        };
        return Err(format!("no service with id '{id}'{hint}"));
    };
    let notes: Vec<String> = crate::hours::notes::active(&s.directory, id, at)
        .iter()
        .map(|n| n.text())
        .collect();
    match format {
        Format::Text => {
            for n in &notes {
                println!("! STATUS NOTE: {}", for_terminal(n));
            }
            println!(
                "{}",
                for_terminal(&service_text(&s.directory, svc, ctx.role))
            );
            println!(
                "{}",
                for_terminal(&hours_at_text(&s.directory, svc, ctx.role, at))
            );
        }
        Format::Json => {
            let mut v = service_json(&s.directory, svc, ctx.role);
            v["hours_at"] = hours_at_json(&s.directory, svc, ctx.role, at);
            v["status_notes"] = serde_json::json!(notes);
            let json = serde_json::to_string_pretty(&v).unwrap_or_default();
            println!("{}", for_terminal(&json));
        }
    }
    Ok(0)
}
