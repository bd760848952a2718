//! `Route` and `Leg`: the stops in visiting order and the geodesic legs between them.

use super::{Itinerary, LonLat, Mode, Samples, Stop, When};

/// A stop placed on the route. Built with [`RouteStop::new`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RouteStop {
    /// The stop, with `position` always set.
    pub stop: Stop,
    /// Where it stands on the route.
    pub position: LonLat,
    /// 0-based index of the stop in the input.
    pub input_index: usize,
    /// 0-based index into [`Route::trips`] of the trip the stop belongs to (0 for a single trip).
    #[cfg_attr(feature = "serde", serde(default))]
    pub trip: usize,
}

/// The way from one stop to the next, along the WGS84 geodesic. Kept whole: a leg that crosses
/// ±180° is cut only when written out. Built with [`Leg::new`] (`routing::build_legs` computes
/// them), then its fields set.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
    /// The times and elevations recorded for the points of `path` (empty unless the leg follows
    /// a recorded track that has them; `None` at the two stops' own positions).
    pub samples: Samples,
    /// How the leg was travelled: the [`Stop::mode`] of the stop it arrives at, if given.
    pub mode: Option<Mode>,
}

impl RouteStop {
    /// The calendar day the stop is dated by, on its own clock (see [`When::on_clock_of`]):
    /// its arrival's, else its departure's; `None` when it has neither.
    pub fn day(&self) -> Option<jiff::civil::Date> {
        let tz = self.stop.time_zone();
        let when = self.stop.first_time()?;
        Some(when.on_clock_of(tz).0)
    }

    /// `stop` (input number `input_index`, 0-based) standing at `position` on the route.
    pub fn new(stop: Stop, position: LonLat, input_index: usize) -> Self {
        RouteStop {
            stop,
            position,
            input_index,
            trip: 0,
        }
    }
}

impl Leg {
    /// The leg from `Route::stops[from]` to `Route::stops[to]`: `distance_m` metres long,
    /// leaving at `bearing_deg`, along `path` (lon/lat degrees, ends included, longitudes
    /// continuous). No duration; the path is not a recorded track.
    pub fn new(
        from: usize,
        to: usize,
        distance_m: f64,
        bearing_deg: f64,
        path: Vec<(f64, f64)>,
    ) -> Self {
        Leg {
            from,
            to,
            distance_m,
            bearing_deg,
            duration: None,
            path,
            recorded_m: None,
            samples: Samples::default(),
            mode: None,
        }
    }

    /// True when `path` is a recorded track rather than the densified geodesic.
    pub fn is_recorded(&self) -> bool {
        self.recorded_m.is_some()
    }

    /// Keeps the points of `path` whose `keep` is true (and their samples): a simplified path.
    pub fn retain_points(&mut self, keep: &[bool]) {
        let mut k = keep.iter();
        self.path.retain(|_| *k.next().unwrap_or(&true));
        self.samples.retain(keep);
    }

    /// The length of `path` in metres: the recorded track's length for a recorded leg, else the
    /// geodesic distance.
    pub fn path_m(&self) -> f64 {
        self.recorded_m.unwrap_or(self.distance_m)
    }
}

/// An itinerary put in order, with its legs. Built by [`crate::plan`] (or `routing::plan` for a
/// trip whose stops are all placed), or with [`Route::new`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
    /// The names of the trips drawn together (see [`crate::routing::together`]); empty for a
    /// single trip.
    #[cfg_attr(feature = "serde", serde(default))]
    pub trips: Vec<String>,
}

impl Route {
    /// The route through `stops` (in visiting order) along `legs`, with the title lines of
    /// `meta` (its stops and tracks are dropped) and no warnings.
    ///
    /// ```
    /// use tripmap::model::{Itinerary, Leg, LonLat, Route, RouteStop, Stop};
    /// let at = |name: &str, lon, lat| {
    ///     let position = LonLat::new(lon, lat).unwrap();
    ///     let mut stop = Stop::named(name);
    ///     stop.position = Some(position);
    ///     (stop, position)
    /// };
    /// let (amman, a) = at("Amman", 35.91, 31.95);
    /// let (baghdad, b) = at("Baghdad", 44.37, 33.32);
    /// let mut meta = Itinerary::new(vec![amman.clone(), baghdad.clone()]);
    /// meta.title = Some("By hand".into());
    /// let stops = vec![RouteStop::new(amman, a, 0), RouteStop::new(baghdad, b, 1)];
    /// let leg = Leg::new(0, 1, 810_000.0, 79.0, vec![(35.91, 31.95), (44.37, 33.32)]);
    /// let route = Route::new(meta, stops, vec![leg]);
    /// assert!(route.meta.stops.is_empty());
    /// assert_eq!(route.total_distance_m(), 810_000.0);
    /// let layers = tripmap::render::geojson::layers(&route);
    /// assert!(layers.stops.contains("\"By hand\""));
    /// ```
    pub fn new(meta: Itinerary, stops: Vec<RouteStop>, legs: Vec<Leg>) -> Self {
        Route {
            meta: Itinerary {
                stops: Vec::new(),
                tracks: Vec::new(),
                ..meta
            },
            stops,
            legs,
            warnings: Vec::new(),
            trips: Vec::new(),
        }
    }

    /// The calendar day leg `k` is travelled on: the day it leaves its start (that stop's
    /// departure, else its arrival, on its clock), else the day it reaches its end; `None`
    /// when neither end is dated, and for the closing leg of a round trip, which has no
    /// schedule.
    pub fn travel_day(&self, k: usize) -> Option<jiff::civil::Date> {
        let leg = self.legs.get(k)?;
        if leg.to < leg.from {
            return None;
        }
        let (a, b) = (&self.stops[leg.from].stop, &self.stops[leg.to].stop);
        let on = |w: Option<&When>, s: &Stop| w.map(|w| w.on_clock_of(s.time_zone()).0);
        on(a.depart.as_ref(), a)
            .or_else(|| on(a.arrive.as_ref(), a))
            .or_else(|| on(b.arrive.as_ref(), b))
            .or_else(|| on(b.depart.as_ref(), b))
    }

    /// The name of trip `trip` (see [`RouteStop::trip`]): its entry in [`Route::trips`], or for a
    /// single trip its title.
    pub fn trip_name(&self, trip: usize) -> Option<&str> {
        if self.trips.is_empty() {
            self.meta.title.as_deref()
        } else {
            self.trips.get(trip).map(String::as_str)
        }
    }

    /// Total geodesic length in metres.
    pub fn total_distance_m(&self) -> f64 {
        self.legs.iter().map(|l| l.distance_m).sum()
    }
}
