//! Routing: an [`Itinerary`] whose stops all have positions in, a [`Route`] out — the stops in
//! visiting order and the geodesic legs between them.

mod legs;
mod shortest;
mod time_order;
mod together;
mod tracks;
pub mod tsp;

pub use legs::build_legs;
pub use shortest::{ProgressFn, ShortestOptions, find_stop, kicks, lower_bound_m, shortest_order};
pub use time_order::time_order;
pub use together::together;
pub use tracks::{MATCH_RADIUS_M, follow_tracks};

use crate::error::{Error, StopRef};
use crate::model::{Itinerary, Route, RouteStop};
use std::fmt;
use std::str::FromStr;

/// How to put the stops in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Order {
    /// By arrival (departure where there is no arrival); ties and undated stops keep their place.
    #[default]
    Time,
    /// As in the input.
    AsGiven,
    /// Least total geodesic distance; dated stops keep their time order (see [`ShortestOptions`]).
    Shortest,
}

impl Order {
    /// The names the CLI accepts.
    pub const NAMES: &'static [&'static str] = &["time", "as-given", "shortest"];
}

impl FromStr for Order {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "time" => Ok(Order::Time),
            "as-given" => Ok(Order::AsGiven),
            "shortest" => Ok(Order::Shortest),
            _ => Err(format!(
                "unknown order `{s}`; expected one of: {}",
                Order::NAMES.join(", ")
            )),
        }
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Order::Time => "time",
            Order::AsGiven => "as-given",
            Order::Shortest => "shortest",
        })
    }
}

/// Orders the itinerary's stops and computes the legs between consecutive stops.
///
/// Every stop must have a position: [`crate::plan`] looks place names up first, or call
/// [`crate::geocode::resolve`]; a stop without one is an error naming it. Warnings (implausible
/// speeds, time going backwards) are collected in [`Route::warnings`].
pub fn plan(itinerary: &Itinerary, order: Order) -> Result<Route, Error> {
    plan_with(itinerary, order, &ShortestOptions::default())
}

/// [`plan`] with the options of `--order shortest` (start, end, seed, time limit) and
/// `round_trip` (a closing leg back to the first stop, for any order). `--start`/`--end` need
/// `Order::Shortest`.
pub fn plan_with(
    itinerary: &Itinerary,
    order: Order,
    shortest: &ShortestOptions,
) -> Result<Route, Error> {
    if order != Order::Shortest && (shortest.start.is_some() || shortest.end.is_some()) {
        return Err(Error::Route(
            "--start and --end choose the ends of `--order shortest`; add --order shortest".into(),
        ));
    }
    let mut stops = Vec::with_capacity(itinerary.stops.len());
    for (i, stop) in itinerary.stops.iter().enumerate() {
        let Some(position) = stop.position else {
            let at = StopRef {
                number: i + 1,
                name: Some(stop.name.clone()),
            };
            let what = match &stop.place {
                Some(p) => format!(
                    "place `{p}` was not looked up in the gazetteer: plan with `tripmap::plan`, which looks places up, or call `tripmap::geocode::resolve` first"
                ),
                None => "no coordinates: give `lat` and `lon`, or a `place` name (and plan with `tripmap::plan`, which looks places up)".to_string(),
            };
            return Err(Error::field(at, "lat", what));
        };
        stops.push(RouteStop::new(stop.clone(), position, i));
    }
    if stops.is_empty() {
        return Err(Error::Shape("the trip has no stops".into()));
    }
    let visiting = match order {
        Order::Time => time_order(&itinerary.stops),
        Order::AsGiven => (0..stops.len()).collect(),
        Order::Shortest => {
            let positions: Vec<_> = stops.iter().map(|s| s.position).collect();
            shortest_order(&itinerary.stops, &positions, shortest)?
        }
    };
    let mut by_input: Vec<Option<RouteStop>> = stops.into_iter().map(Some).collect();
    let stops: Vec<RouteStop> = visiting
        .iter()
        .filter_map(|&i| by_input.get_mut(i).and_then(Option::take))
        .collect();
    let (mut legs, warnings) = build_legs(&stops, shortest.round_trip);
    follow_tracks(&stops, &mut legs, &itinerary.tracks);
    let mut meta = Itinerary::new(Vec::new());
    meta.title.clone_from(&itinerary.title);
    meta.subtitle.clone_from(&itinerary.subtitle);
    meta.source.clone_from(&itinerary.source);
    let mut route = Route::new(meta, stops, legs);
    route.warnings = warnings;
    Ok(route)
}

/// A trip in tripmap's JSON, read and planned in the order given: for tests.
#[cfg(test)]
pub(crate) fn test_route(json: &str) -> crate::model::Route {
    let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
    plan(&it, Order::AsGiven).unwrap()
}
