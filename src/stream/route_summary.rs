//! What `tripmap check` says about a route, as numbers: stops, legs, distance, date span.

use crate::model::{Route, When};
use serde::Serialize;

/// A planned route in a few figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteSummary {
    /// Number of stops.
    pub stops: usize,
    /// Number of legs.
    pub legs: usize,
    /// Total distance along the legs, in kilometres, to the metre.
    pub distance_km: f64,
    /// The first local calendar day of any arrival or departure (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_day: Option<String>,
    /// The last such day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day: Option<String>,
}

impl RouteSummary {
    /// The summary of `route`.
    pub fn of(route: &Route) -> Self {
        let span = date_span(route);
        RouteSummary {
            stops: route.stops.len(),
            legs: route.legs.len(),
            distance_km: (route.total_distance_m()).round() / 1000.0,
            first_day: span.map(|(a, _)| a.to_string()),
            last_day: span.map(|(_, b)| b.to_string()),
        }
    }
}

/// The first and last local calendar days of the route's arrivals and departures, if any stop
/// is dated.
pub fn date_span(route: &Route) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let days = route
        .stops
        .iter()
        .flat_map(|s| [&s.stop.arrive, &s.stop.depart])
        .flatten()
        .map(When::local_date);
    let (mut first, mut last) = (None::<jiff::civil::Date>, None::<jiff::civil::Date>);
    for d in days {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    Some((first?, last?))
}
