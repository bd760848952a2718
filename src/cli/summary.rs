//! A plain-text summary of a route for `tripmap check`: stops, legs, total distance, date span.

use std::fmt::Write;
use tripmap::format::format_km;
use tripmap::model::Route;
use tripmap::stream::route_summary::date_span;

/// The summary `tripmap check` prints: one line of totals, one line per stop, then warnings.
pub fn summary(route: &Route) -> String {
    let mut s = String::new();
    let span = date_span(route)
        .map(|(a, b)| format!(", {a} to {b}"))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "{} stops, {} legs, {}{span}",
        route.stops.len(),
        route.legs.len(),
        format_km(route.total_distance_m())
    );
    for (i, rs) in route.stops.iter().enumerate() {
        let st = &rs.stop;
        let dates = match (&st.arrive, &st.depart) {
            (Some(a), Some(d)) => format!("{a} to {d}"),
            (Some(a), None) => a.to_string(),
            (None, Some(d)) => format!("departs {d}"),
            (None, None) => "undated".into(),
        };
        let _ = writeln!(
            s,
            "{:>3}. {}  ({:.4}, {:.4})  {dates}{}",
            i + 1,
            st.name,
            rs.position.lat(),
            rs.position.lon(),
            gazetteer_place(st)
        );
    }
    for w in &route.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s
}

/// For a stop the gazetteer placed: `  = Springfield, Illinois, US (GeoNames 4250542)`.
fn gazetteer_place(stop: &tripmap::model::Stop) -> String {
    let get = |key: &str| {
        stop.resolved
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    };
    let (Some(name), Some(country), Some(id)) =
        (get("gazetteer_name"), get("country"), get("geonameid"))
    else {
        return String::new();
    };
    let admin1 = get("admin1")
        .filter(|a| a != &name)
        .map(|a| format!(", {a}"))
        .unwrap_or_default();
    let level = match get("place_level").as_deref() {
        Some("country") => ", the capital",
        _ => "",
    };
    format!("  = {name}{admin1}, {country}{level} (GeoNames {id})")
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(format_km(20_530_400.0), "20,530 km");
        assert_eq!(format_km(999_400.0), "999 km");
        assert_eq!(format_km(0.0), "0 km");
    }
}
