//! Stops grouped into places, one marker each: a place visited twice (two stops within
//! [`SAME_PLACE_M`]) has one marker with both numbers (`1,3`) and both dates; any two stops
//! farther apart keep their own markers, however close, so a city walk's sights stay apart. In: the route and the date style. Out: [`Place`]s in order of
//! first visit, with their marker radii.

use super::dates::{self, DateStyle};
use super::place_grid::PlaceGrid;
use super::text_metrics::{Weight, width_px};
use super::{Tag, clean_text};
use crate::model::{LonLat, Route, RouteStop, Stop};
use crate::trig;

/// Stops nearer than this are one place, metres: a revisit, not a neighbour.
pub(crate) const SAME_PLACE_M: f64 = 50.0;

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
    /// The marker's numbers: `4` or `1,3`; `1/100` where a comma would read as a thousands
    /// separator (a later number of three digits).
    pub fn numbers(&self) -> String {
        let numbers: Vec<String> = self.visits.iter().map(|i| (i + 1).to_string()).collect();
        let ambiguous = numbers.iter().skip(1).any(|n| n.len() == 3);
        numbers.join(if ambiguous { "/" } else { "," })
    }

    /// What the place's marker and label stand for: its stops, 1-based.
    pub fn tag(&self) -> Tag {
        Tag::Stops(self.visits.iter().map(|v| v + 1).collect())
    }

    /// The radius of the marker that holds [`Place::numbers`], pixels.
    pub fn marker_radius(&self) -> f64 {
        (width_px(&self.numbers(), MARKER_FONT_PX, Weight::Bold) / 2.0 + 3.5).max(8.0)
    }
}

/// Stops grouped into places: a stop within [`SAME_PLACE_M`] of an earlier one shares its
/// marker. On a trip that stays within one calendar day, labels give the clock time instead of
/// the date every stop shares.
pub(crate) fn places(route: &Route, style: DateStyle) -> Vec<Place> {
    let one_day = is_one_day(route);
    let mut out: Vec<Place> = Vec::new();
    let mut grid = PlaceGrid::default();
    for (i, s) in route.stops.iter().enumerate() {
        let p = s.position;
        let near = grid.first_near(p.lon(), p.lat(), SAME_PLACE_M, |k| {
            let q = &out[k];
            let dlat = (q.position.lat() - p.lat()).to_radians();
            let dlon = (q.position.lon() - p.lon()).to_radians() * trig::cos(p.lat().to_radians());
            6_371_000.0 * dlat.hypot(dlon) < SAME_PLACE_M
        });
        let date = if one_day {
            stay_clock_text(s, style)
        } else {
            stay_text(s, style)
        };
        let callout = wants_callout(&s.stop);
        let note = s
            .stop
            .note
            .as_deref()
            .map(clean_text)
            .filter(|n| !n.is_empty());
        match near {
            Some(k) => out[k].add_visit(i, date, note, callout),
            None => {
                grid.insert(out.len(), p.lon(), p.lat());
                out.push(Place {
                    position: p,
                    visits: vec![i],
                    name: display_name(&s.stop, i),
                    dates: date,
                    note,
                    callout,
                })
            }
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
            (Some(a), Some(b)) if a == b => Some(a),
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

/// The places in the order a desk would label them when not all fit: the trip's ends first,
/// then the longest stays, then the biggest places (by the gazetteer's population, where the
/// stop was placed by name), then in visiting order.
pub(crate) fn by_importance(route: &Route, places: &[Place]) -> Vec<usize> {
    let last = route.stops.len().saturating_sub(1);
    let key = |p: &Place| {
        let end = p.visits.iter().any(|&v| v == 0 || v == last);
        let days: i64 = p
            .visits
            .iter()
            .map(|&v| stay_days(&route.stops[v]))
            .sum::<i64>()
            + p.visits.len() as i64
            - 1;
        let population = p
            .visits
            .iter()
            .flat_map(|&v| &route.stops[v].stop.extra)
            .filter(|(k, _)| k == "population")
            .filter_map(|(_, v)| v.as_f64())
            .fold(0.0, f64::max);
        (!end, -days, -(population as i64), p.visits[0])
    };
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| key(&places[i]));
    order
}

/// Whole days between a stop's arrival and departure (0 for a stop within one day).
fn stay_days(s: &RouteStop) -> i64 {
    match (&s.stop.arrive, &s.stop.depart) {
        (Some(a), Some(d)) => (d.local_date() - a.local_date()).get_days().into(),
        _ => 0,
    }
}

/// Whether every dated stop of the trip falls on one calendar day (local to each stop).
fn is_one_day(route: &Route) -> bool {
    let mut days = route
        .stops
        .iter()
        .flat_map(|s| [s.stop.arrive.as_ref(), s.stop.depart.as_ref()])
        .flatten()
        .map(|w| w.local_date());
    match days.next() {
        Some(first) => days.all(|d| d == first),
        None => false,
    }
}

/// A stop's stay by the clock, for a one-day trip: `09:00–10:30`.
fn stay_clock_text(s: &RouteStop, style: DateStyle) -> Option<String> {
    let a = s.stop.arrive.as_ref().and_then(dates::clock);
    let d = s.stop.depart.as_ref().and_then(dates::clock);
    dates::stay_clock(a, d, style)
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
            {"name": "Amman again", "lat": 31.9541, "lon": 35.9107, "arrive": "2023-11-06", "note": "Back.",
             "properties": {"callout": "yes"}},
            {"name": "\u202a", "lat": 31.9539, "lon": 36.2, "arrive": "2023-11-07"}
        ]}"#,
        );
        let p = places(&r, DateStyle::Short);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].numbers(), "1,3");
        let round = Place {
            visits: vec![0, 99],
            ..p[0].clone()
        };
        assert_eq!(round.numbers(), "1/100", "not one thousand one hundred");
        assert_eq!(p[0].dates.as_deref(), Some("4 Nov, 6 Nov"));
        assert_eq!(p[0].note.as_deref(), Some("Talks. Back."));
        assert!(p[0].callout && !p[1].callout);
        assert_eq!(p[2].name, "Stop 4");
        assert!(p[0].marker_radius() > p[1].marker_radius());
        assert_eq!(p[1].marker_radius(), 8.0);
    }
}
