//! How `tripmap geocode` shows a lookup: text for people, a JSON line for programs.

use super::{GeocodeError, Kind, Level, Match, Place};
use crate::format::format_count;
use serde_json::json;
use std::fmt::Write;

/// The text block for a match: the place (with its kind and codes when it is not a town), its
/// facts, the runners-up and any warnings.
pub fn text(m: &Match) -> String {
    let mut s = String::new();
    let level = match m.level {
        Level::City => "",
        Level::Country => ", capital: a country-level match",
    };
    let p = &m.place;
    let kind = match p.kind {
        Kind::Town => String::new(),
        kind => {
            let codes: Vec<&str> = [&p.iata, &p.icao]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if codes.is_empty() {
                format!(", {}", kind.as_str())
            } else {
                format!(", {} {}", kind.as_str(), codes.join(" / "))
            }
        }
    };
    // Towns: population and GeoNames id; other places: their source's id.
    let facts = match &p.source_id {
        None => format!(
            "population {}  {}  geonameid {}",
            format_count(p.population),
            zone(p),
            p.geonameid
        ),
        Some(id) => format!("{}  {id}", zone(p)),
    };
    let _ = writeln!(
        s,
        "{} -> {} ({}){kind}{level}\n    {:.5}, {:.5}  {facts}",
        m.query.trim(),
        p.label(),
        p.country,
        p.lat,
        p.lon,
    );
    for a in &m.alternatives {
        let size = match a.kind {
            Kind::Town => format!("population {}", format_count(a.population)),
            kind => kind.as_str().to_string(),
        };
        let _ = writeln!(s, "    also: {} ({}), {size}", a.label(), a.country);
    }
    for w in &m.warnings {
        let _ = writeln!(s, "    warning: {w}");
    }
    s
}

/// The place's time zone, or a note that it has none.
fn zone(p: &Place) -> &str {
    p.timezone.as_deref().unwrap_or("(no time zone)")
}

/// One JSON object on one line: the match's fields, or `{"query", "error", "suggestions"}`.
pub fn json_line(query: &str, result: &Result<Match, GeocodeError>) -> String {
    let value = match result {
        Ok(m) => serde_json::to_value(m).unwrap_or_default(),
        Err(e) => {
            let suggestions = match e {
                GeocodeError::NotFound { suggestions, .. } => suggestions.clone(),
                GeocodeError::NotInRegion { elsewhere, .. } => elsewhere.clone(),
                GeocodeError::Empty => Vec::new(),
            };
            json!({"query": query, "error": e.to_string(), "suggestions": suggestions})
        }
    };
    format!("{value}\n")
}
