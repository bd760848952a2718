//! The map's words about the trip: title, subtitle, the `<desc>` a screen reader reads, the
//! legend's name for the legs, the source line, and the id prefix. In: the route and options.
//! Out: plain text.

use super::clean_text;
use super::context::place_of_stop;
use super::dates::{self, DateStyle};
use super::places::{Place, stay_text};
use crate::format::{Units, round_distance};
use crate::model::Route;
use crate::projection::ProjectionKind;

/// The title: the trip's own, or `Trip map`.
pub(crate) fn title(route: &Route) -> String {
    route
        .meta
        .title
        .as_deref()
        .map(clean_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Trip map".to_string())
}

/// The subtitle: the trip's own, or one made from it ([`generated_subtitle`]).
pub(crate) fn subtitle(route: &Route, units: Units) -> String {
    route
        .meta
        .subtitle
        .as_deref()
        .map(clean_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| generated_subtitle(route, units))
}

/// First and last calendar day of the trip.
fn trip_span(route: &Route) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let days: Vec<jiff::civil::Date> = route
        .stops
        .iter()
        .flat_map(|s| [s.stop.arrive.as_ref(), s.stop.depart.as_ref()])
        .flatten()
        .map(|w| w.local_date())
        .collect();
    Some((*days.iter().min()?, *days.iter().max()?))
}

/// `8 stops · 2–8 Nov 2023 · 21,000 km`.
fn generated_subtitle(route: &Route, units: Units) -> String {
    let n = route.stops.len();
    let mut parts = vec![format!("{n} stop{}", if n == 1 { "" } else { "s" })];
    if let Some((a, b)) = trip_span(route) {
        parts.push(dates::span(a, b));
    }
    if !route.legs.is_empty() {
        parts.push(round_distance(route.total_distance_m() / 1000.0, units));
    }
    parts.join(" · ")
}

/// One sentence for `<desc>`: the stops in order with dates, the span and the distance.
pub(crate) fn describe(route: &Route, places: &[Place], units: Units) -> String {
    let mut stops: Vec<String> = Vec::new();
    let place_of = place_of_stop(places, route.stops.len());
    for (i, s) in route.stops.iter().enumerate() {
        // Each stop by its own name: a revisit may be written differently ("Amman again").
        let own = clean_text(&s.stop.name);
        let name = if own.is_empty() {
            places
                .get(place_of[i])
                .filter(|p| p.visits.contains(&i))
                .map(|p| p.name.clone())
                .unwrap_or_default()
        } else {
            own
        };
        let name: String = name.chars().take(120).collect();
        match stay_text(s, DateStyle::Short) {
            Some(d) => stops.push(format!("{} {name} ({d})", i + 1)),
            None => stops.push(format!("{} {name}", i + 1)),
        }
    }
    let mut text = format!(
        "Route map of {} stop{} in visiting order: {}.",
        route.stops.len(),
        if route.stops.len() == 1 { "" } else { "s" },
        stops.join(", ")
    );
    if let Some((a, b)) = trip_span(route) {
        text.push_str(&format!(" {}.", dates::span(a, b)));
    }
    if !route.legs.is_empty() {
        text.push_str(&format!(
            " {} in total.",
            round_distance(route.total_distance_m() / 1000.0, units)
        ));
    }
    text
}

/// The source line: the trip's source, the basemap's and gazetteer's credits, and the map's
/// projection.
pub(crate) fn source_line(route: &Route, credits: &Credits, projection: ProjectionKind) -> String {
    let mut source = String::new();
    if let Some(s) = route
        .meta
        .source
        .as_deref()
        .map(clean_text)
        .filter(|s| !s.is_empty())
    {
        // The trip's own words may already say "Source:" (or end with a full stop).
        let s = strip_label(&s, "source");
        let s = s.trim_end_matches('.');
        if !s.is_empty() {
            source.push_str(&format!("Source: {s}. "));
        }
    }
    if let Some(streets) = credits.streets.map(clean_text).filter(|s| !s.is_empty()) {
        source.push_str(&format!("Basemap: {}. ", streets.trim_end_matches('.')));
    }
    if credits.natural_earth {
        source.push_str("Basemap: Natural Earth. ");
    }
    for credit in route.credits() {
        source.push_str(&format!("Places: {credit}. "));
    }
    source.push_str(&format!(
        "Map: tripmap, {} projection; scale true at the centre.",
        projection.display_name()
    ));
    source
}

/// What the map's basemaps need credited.
pub(crate) struct Credits<'a> {
    /// Natural Earth drew land.
    pub natural_earth: bool,
    /// A street basemap's attribution (`© OpenStreetMap contributors`).
    pub streets: Option<&'a str>,
}

/// `text` without a leading `label:` (any case), as in `Source: Reuters`.
fn strip_label<'a>(text: &'a str, label: &str) -> &'a str {
    let t = text.trim_start();
    match t.get(..label.len() + 1) {
        Some(head) if head.eq_ignore_ascii_case(&format!("{label}:")) => {
            t[label.len() + 1..].trim_start()
        }
        _ => t,
    }
}

/// The prefix of ids and classes: the one asked for, else `tm-` and eight hex digits of a hash
/// (FNV-1a) of the title and the stops' names and positions.
pub(crate) fn id_prefix(route: &Route, asked: Option<&str>) -> String {
    if let Some(p) = asked {
        return p.to_string();
    }
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    eat(route.meta.title.as_deref().unwrap_or("").as_bytes());
    for s in &route.stops {
        eat(s.stop.name.as_bytes());
        eat(format!("{:.5},{:.5};", s.position.lon(), s.position.lat()).as_bytes());
    }
    format!("tm-{h:08x}")
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::places::places;

    fn route(json: &str) -> Route {
        let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
        crate::routing::plan(&it, crate::routing::Order::Time).unwrap()
    }

    const TWO: &str = r#"{"stops": [
        {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04"},
        {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05"}
    ]}"#;

    #[test]
    fn generated_words_name_stops_dates_and_distance() {
        let r = route(TWO);
        assert_eq!(title(&r), "Trip map");
        assert_eq!(subtitle(&r, Units::Km), "2 stops · 4–5 Nov 2023 · 807 km");
        let d = describe(&r, &places(&r, DateStyle::Short), Units::Miles);
        assert_eq!(
            d,
            "Route map of 2 stops in visiting order: 1 Amman (4 Nov), 2 Baghdad (5 Nov). 4–5 Nov 2023. 502 mi in total."
        );
        let ne = Credits {
            natural_earth: true,
            streets: None,
        };
        let s = source_line(&r, &ne, ProjectionKind::LambertConic);
        assert_eq!(
            s,
            "Basemap: Natural Earth. Map: tripmap, Lambert conformal conic projection; scale true at the centre."
        );
        let osm = Credits {
            natural_earth: false,
            streets: Some("© OpenStreetMap contributors."),
        };
        let s = source_line(&r, &osm, ProjectionKind::Mercator);
        assert!(
            s.starts_with("Basemap: © OpenStreetMap contributors. Map:"),
            "{s}"
        );
    }

    #[test]
    fn the_source_line_never_doubles_its_label() {
        for given in [
            "Source: Reuters",
            "source:Reuters.",
            "Reuters",
            "  SOURCE:  Reuters.",
        ] {
            let json = TWO.replace("{\"stops\"", &format!("{{\"source\": {given:?}, \"stops\""));
            let none = Credits {
                natural_earth: false,
                streets: None,
            };
            let line = source_line(&route(&json), &none, ProjectionKind::Mercator);
            assert!(
                line.starts_with("Source: Reuters. Map:"),
                "{given:?} gave {line:?}"
            );
        }
        assert_eq!(strip_label("Sources: A", "source"), "Sources: A");
    }

    #[test]
    fn each_stop_is_described_by_its_own_name() {
        let r = route(
            r#"{"stops": [
            {"name": "Old Town Square", "lat": 50.0875, "lon": 14.4213},
            {"name": "Astronomical Clock", "lat": 50.08701, "lon": 14.42061},
            {"name": "Týn Church", "lat": 50.0878, "lon": 14.4225}
        ]}"#,
        );
        let d = describe(&r, &places(&r, DateStyle::Short), Units::Km);
        assert!(
            d.contains("1 Old Town Square, 2 Astronomical Clock, 3 Týn Church."),
            "{d}"
        );
        assert_eq!(
            places(&r, DateStyle::Short).len(),
            3,
            "60-100 m apart: three places"
        );
    }

    #[test]
    fn the_prefix_is_stable_and_can_be_given() {
        let r = route(TWO);
        let p = id_prefix(&r, None);
        assert!(p.starts_with("tm-") && p.len() == 11);
        assert_eq!(p, id_prefix(&route(TWO), None));
        assert_eq!(id_prefix(&r, Some("x")), "x");
    }
}
