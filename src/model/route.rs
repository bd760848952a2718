//! `Route` and `Leg`: the stops in visiting order and the geodesic legs between them.

use super::{Itinerary, LonLat, Stop};

/// A stop placed on the route.
#[derive(Debug, Clone)]
pub struct RouteStop {
    /// The stop, with `position` always set.
    pub stop: Stop,
    /// Where it stands on the route.
    pub position: LonLat,
    /// 0-based index of the stop in the input.
    pub input_index: usize,
}

/// The way from one stop to the next, along the WGS84 geodesic. Kept whole: a leg that crosses
/// ±180° is cut only when written out.
#[derive(Debug, Clone)]
pub struct Leg {
    /// Index into `Route::stops` of the start.
    pub from: usize,
    /// Index into `Route::stops` of the end.
    pub to: usize,
    /// Geodesic length in metres.
    pub distance_m: f64,
    /// Initial bearing in degrees clockwise from north, in [0, 360).
    pub bearing_deg: f64,
    /// Elapsed time from departure at `from` to arrival at `to`, when both are exact instants.
    pub duration: Option<jiff::SignedDuration>,
    /// The geodesic densified (about one point per 50 km, at least one per degree of arc), ends included.
    /// Longitudes are continuous along the path: they may leave [-180, 180] where the leg crosses
    /// the antimeridian, so that consecutive points never jump by 360°.
    pub path: Vec<(f64, f64)>,
    /// Length of the recorded path in metres (on the mean-radius sphere, as recorded before any
    /// `--simplify`) when `path` is a recorded track (as read, from near `from` to near `to`);
    /// `None` when it is the densified geodesic.
    pub recorded_m: Option<f64>,
}

impl Leg {
    /// True when `path` is a recorded track rather than the densified geodesic.
    pub fn is_recorded(&self) -> bool {
        self.recorded_m.is_some()
    }
}

/// An itinerary put in order, with its legs.
#[derive(Debug, Clone)]
pub struct Route {
    /// Title, subtitle and source from the itinerary (its `stops` list is empty).
    pub meta: Itinerary,
    /// Stops in visiting order.
    pub stops: Vec<RouteStop>,
    /// Legs in visiting order; `legs[i]` normally joins `stops[i]` and `stops[i + 1]`; a round trip
    /// adds a last leg back to `stops[0]`.
    pub legs: Vec<Leg>,
    /// Problems that do not stop the map (implausible speeds, time going backwards).
    pub warnings: Vec<String>,
}

impl Route {
    /// Total geodesic length in metres.
    pub fn total_distance_m(&self) -> f64 {
        self.legs.iter().map(|l| l.distance_m).sum()
    }
}
