//! How `tripmap geocode` shows a lookup: text for people, a JSON line for programs.

use super::{GeocodeError, Level, Match};
use crate::format::format_count;
use serde_json::json;
use std::fmt::Write;

/// The text block for a match: the place, its facts, the runners-up and any warnings.
pub fn text(m: &Match) -> String {
    let mut s = String::new();
    let level = match m.level {
        Level::City => "",
        Level::Country => ", capital: a country-level match",
    };
    let _ = writeln!(
        s,
        "{} -> {} ({}){level}\n    {:.5}, {:.5}  population {}  {}  geonameid {}",
        m.query.trim(),
        m.place.label(),
        m.place.country,
        m.place.lat,
        m.place.lon,
        format_count(m.place.population),
        m.place.timezone.as_deref().unwrap_or("(no time zone)"),
        m.place.geonameid
    );
    for a in &m.alternatives {
        let _ = writeln!(
            s,
            "    also: {} ({}), population {}",
            a.label(),
            a.country,
            format_count(a.population)
        );
    }
    for w in &m.warnings {
        let _ = writeln!(s, "    warning: {w}");
    }
    s
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
