//! Stops grouped into places, one marker each: a place visited twice has one marker with both
//! numbers (`1,3`) and both dates. In: the route and the date style. Out: [`Place`]s in order of
//! first visit, with their marker radii.

use super::clean_text;
use super::dates::{self, DateStyle};
use super::text_metrics::{Weight, width_px};
use crate::model::{LonLat, Route, RouteStop, Stop};

/// Marker number size, pixels.
pub(crate) const MARKER_FONT_PX: f64 = 10.5;

/// One marker: a position visited once or more.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub position: LonLat,
    /// Indices into `route.stops`, in visiting order.
    pub visits: Vec<usize>,
    pub name: String,
    pub dates: Option<String>,
    pub note: Option<String>,
    /// The note is drawn as a callout even without `--annotate` (a stop's `callout` property).
    pub callout: bool,
}

impl Place {
    /// The marker's numbers: `4` or `1,3`.
    pub fn numbers(&self) -> String {
        self.visits
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The radius of the marker that holds [`Place::numbers`], pixels.
    pub fn marker_radius(&self) -> f64 {
        (width_px(&self.numbers(), MARKER_FONT_PX, Weight::Bold) / 2.0 + 3.5).max(8.0)
    }
}

/// Stops grouped into places: stops within 1 km of an earlier one share its marker.
pub(crate) fn places(route: &Route, style: DateStyle) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for (i, s) in route.stops.iter().enumerate() {
        let p = s.position;
        let near = out.iter_mut().find(|q| {
            let dlat = (q.position.lat() - p.lat()).to_radians();
            let dlon = (q.position.lon() - p.lon()).to_radians() * p.lat().to_radians().cos();
            6371.0 * dlat.hypot(dlon) < 1.0
        });
        let date = stay_text(s, style);
        let callout = wants_callout(&s.stop);
        let note = s
            .stop
            .note
            .as_deref()
            .map(clean_text)
            .filter(|n| !n.is_empty());
        match near {
            Some(q) => q.add_visit(i, date, note, callout),
            None => out.push(Place {
                position: p,
                visits: vec![i],
                name: display_name(&s.stop, i),
                dates: date,
                note,
                callout,
            }),
        }
    }
    out
}

impl Place {
    /// Another visit to this place: its number, dates and note join the marker's.
    fn add_visit(&mut self, i: usize, date: Option<String>, note: Option<String>, callout: bool) {
        self.visits.push(i);
        self.callout |= callout;
        self.dates = match (self.dates.take(), date) {
            (Some(a), Some(b)) => Some(format!("{a}, {b}")),
            (a, b) => a.or(b),
        };
        if let Some(n) = note {
            self.note = Some(match self.note.take() {
                Some(m) => format!("{m} {n}"),
                None => n,
            });
        }
    }
}

/// The stop's name as the map shows it; `Stop N` when it has none.
fn display_name(stop: &Stop, i: usize) -> String {
    let n = clean_text(&stop.name);
    if n.is_empty() {
        format!("Stop {}", i + 1)
    } else {
        n
    }
}

/// Whether a stop asks for its note as a callout: a `callout` property (JSON `properties`, a CSV
/// column) that is `true`, `1` or `yes`.
fn wants_callout(stop: &Stop) -> bool {
    stop.extra.iter().any(|(k, v)| {
        k == "callout"
            && match v {
                serde_json::Value::Bool(b) => *b,
                serde_json::Value::Number(n) => n.as_f64() == Some(1.0),
                serde_json::Value::String(t) => {
                    matches!(t.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes")
                }
                _ => false,
            }
    })
}

/// A stop's stay as a label shows it (`5 Nov`, `7–8 Nov`), from its local calendar days.
pub(crate) fn stay_text(s: &RouteStop, style: DateStyle) -> Option<String> {
    let a = s.stop.arrive.as_ref().map(|w| w.local_date());
    let d = s.stop.depart.as_ref().map(|w| w.local_date());
    match (a, d) {
        (Some(a), Some(d)) => dates::stay(a, d, style),
        (Some(x), None) | (None, Some(x)) => dates::stay(x, x, style),
        (None, None) => None,
    }
}

/// A place visited once at (`lon`, `lat`), for tests.
#[cfg(test)]
pub(crate) fn place_at(lon: f64, lat: f64) -> Place {
    Place {
        position: LonLat::new(lon, lat).expect("a valid position"),
        visits: vec![0],
        name: "x".into(),
        dates: None,
        note: None,
        callout: false,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn route(json: &str) -> Route {
        let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
        crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap()
    }

    #[test]
    fn a_revisit_shares_a_marker_and_distinct_places_do_not() {
        let r = route(
            r#"{"stops": [
            {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04", "note": "Talks."},
            {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05"},
            {"name": "Amman again", "lat": 31.955, "lon": 35.912, "arrive": "2023-11-06", "note": "Back.",
             "properties": {"callout": "yes"}},
            {"name": "\u202a", "lat": 31.9539, "lon": 36.2, "arrive": "2023-11-07"}
        ]}"#,
        );
        let p = places(&r, DateStyle::Short);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].numbers(), "1,3");
        assert_eq!(p[0].dates.as_deref(), Some("4 Nov, 6 Nov"));
        assert_eq!(p[0].note.as_deref(), Some("Talks. Back."));
        assert!(p[0].callout && !p[1].callout);
        assert_eq!(p[2].name, "Stop 4");
        assert!(p[0].marker_radius() > p[1].marker_radius());
        assert_eq!(p[1].marker_radius(), 8.0);
    }
}
