//! Several trips on one map (`tripmap render a.json b.json --together`): each trip planned on
//! its own, then joined into one [`Route`] whose stops keep the trip they belong to
//! ([`RouteStop::trip`]) and whose legs join stops of one trip only. In: named routes. Out: the
//! joined route, its stops numbered on from one trip to the next.

use crate::error::Error;
use crate::model::{Itinerary, Route, RouteStop};

/// Joins `trips` (each a name and its planned route) into one route: the stops of the first
/// trip, then the second's and so on, legs renumbered to match, [`Route::trips`] their names.
/// The title names the trips (`A and B`, `A, B and C`); the source lines are joined without
/// repeats; each warning names its trip. Fails when no trip is given.
///
/// ```
/// use tripmap::model::{Itinerary, Stop};
/// let plan = |name: &str, lon: f64| {
///     let trip = Itinerary::builder()
///         .title(name)
///         .stop(Stop::builder("Home").at(0.0, 51.5))
///         .stop(Stop::builder("Away").at(lon, 48.8))
///         .build()?;
///     tripmap::plan(&trip, tripmap::routing::Order::AsGiven)
/// };
/// let both = tripmap::routing::together(vec![
///     ("Spring".into(), plan("Spring", 2.35)?),
///     ("Autumn".into(), plan("Autumn", 4.35)?),
/// ])?;
/// assert_eq!(both.stops.len(), 4);
/// assert_eq!((both.legs[1].from, both.legs[1].to), (2, 3));
/// assert_eq!(both.stops[3].trip, 1);
/// assert_eq!(both.meta.title.as_deref(), Some("Spring and Autumn"));
/// # Ok::<(), tripmap::Error>(())
/// ```
pub fn together(trips: Vec<(String, Route)>) -> Result<Route, Error> {
    if trips.is_empty() {
        return Err(Error::Route("no trip to draw together".into()));
    }
    let names: Vec<String> = trips.iter().map(|(n, _)| n.clone()).collect();
    let mut sources: Vec<String> = Vec::new();
    let mut stops: Vec<RouteStop> = Vec::new();
    let mut legs = Vec::new();
    let mut warnings = Vec::new();
    for (k, (name, route)) in trips.into_iter().enumerate() {
        let offset = stops.len();
        if let Some(s) = route.meta.source.clone()
            && !sources.contains(&s)
        {
            sources.push(s);
        }
        warnings.extend(route.warnings.iter().map(|w| format!("{name}: {w}")));
        stops.extend(route.stops.into_iter().map(|mut s| {
            s.trip = k;
            s
        }));
        legs.extend(route.legs.into_iter().map(|mut l| {
            l.from += offset;
            l.to += offset;
            l
        }));
    }
    let meta = Itinerary {
        title: Some(list(&names)),
        source: (!sources.is_empty()).then(|| sources.join("; ")),
        ..Default::default()
    };
    let mut route = Route::new(meta, stops, legs);
    route.warnings = warnings;
    route.trips = names;
    Ok(route)
}

/// `A`, `A and B`, `A, B and C`.
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    use crate::routing::test_route as route;

    #[test]
    fn stops_keep_their_trip_and_legs_stay_within_one() {
        let a = route(
            r#"{"source": "S", "stops": [{"name": "A1", "lat": 1, "lon": 1}, {"name": "A2", "lat": 2, "lon": 2}]}"#,
        );
        let b = route(
            r#"{"source": "S", "stops": [{"name": "B1", "lat": 3, "lon": 3}, {"name": "B2", "lat": 4, "lon": 4}, {"name": "B3", "lat": 5, "lon": 5}]}"#,
        );
        let c = route(r#"{"stops": [{"name": "C1", "lat": 6, "lon": 6}]}"#);
        let r = together(vec![("a".into(), a), ("b".into(), b), ("c".into(), c)]).unwrap();
        let trips: Vec<usize> = r.stops.iter().map(|s| s.trip).collect();
        assert_eq!(trips, [0, 0, 1, 1, 1, 2]);
        let legs: Vec<(usize, usize)> = r.legs.iter().map(|l| (l.from, l.to)).collect();
        assert_eq!(legs, [(0, 1), (2, 3), (3, 4)]);
        assert_eq!(r.meta.title.as_deref(), Some("a, b and c"));
        assert_eq!(r.meta.source.as_deref(), Some("S"));
        assert_eq!(r.trip_name(2), Some("c"));
        assert!(together(Vec::new()).is_err());
    }
}
