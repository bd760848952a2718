//! A trip with more leg points than a map can show, drawn from a thinned copy.
//!
//! A leg's path holds a point every 50 km for the layers; a 100,000-stop trip round the world
//! has ten million, and framing, projecting and writing them was a third of its map's time for
//! a drawing in which 50 km is about a pixel. Past [`MAX_PATH_POINTS`], the map keeps every
//! k-th point of each great-circle leg (k the fewest that brings the trip under the limit),
//! with both ends and the leg's northernmost and southernmost points, so that the frame still
//! holds every arc's bulge. Maps of trips under the limit (every bundled and corpus trip, by
//! far) are not touched; recorded tracks are never thinned here.
//!
//! In: the route. Out: the thinned copy, or `None` when it is not needed.

use crate::model::{Leg, Route};

/// The most great-circle leg points a map is built from (ten times a 1,000-stop world tour).
pub(crate) const MAX_PATH_POINTS: usize = 1_000_000;

/// `route` with its great-circle legs thinned to about [`MAX_PATH_POINTS`] points, or `None`
/// when it has no more than that.
pub(crate) fn thinned(route: &Route) -> Option<Route> {
    let geodesic = |leg: &&Leg| !leg.is_recorded();
    let total: usize = route
        .legs
        .iter()
        .filter(geodesic)
        .map(|l| l.path.len())
        .sum();
    if total <= MAX_PATH_POINTS {
        return None;
    }
    let step = total.div_ceil(MAX_PATH_POINTS);
    // Every field written out (not a clone with the path replaced, which would copy the ten
    // million points first), so a field added to `Leg` must be decided on here.
    let legs = route
        .legs
        .iter()
        .map(|leg| Leg {
            from: leg.from,
            to: leg.to,
            distance_m: leg.distance_m,
            bearing_deg: leg.bearing_deg,
            duration: leg.duration,
            path: match leg.is_recorded() {
                true => leg.path.clone(),
                false => every_nth(&leg.path, step),
            },
            recorded_m: leg.recorded_m,
            samples: leg.samples.clone(),
            mode: leg.mode,
        })
        .collect();
    Some(Route {
        meta: route.meta.clone(),
        stops: route.stops.clone(),
        legs,
        warnings: route.warnings.clone(),
        trips: route.trips.clone(),
    })
}

/// Every `step`-th point of `path`, its last, and its northernmost and southernmost, in order.
fn every_nth(path: &[(f64, f64)], step: usize) -> Vec<(f64, f64)> {
    let by_lat = |&i: &usize, &j: &usize| path[i].1.total_cmp(&path[j].1);
    let north = (0..path.len()).max_by(by_lat);
    let south = (0..path.len()).min_by(by_lat);
    let last = path.len().saturating_sub(1);
    path.iter()
        .enumerate()
        .filter(|&(i, _)| i % step == 0 || i == last || Some(i) == north || Some(i) == south)
        .map(|(_, &p)| p)
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::{Itinerary, LonLat, RouteStop, Stop};

    fn route(legs: usize, points: usize) -> Route {
        let stops: Vec<RouteStop> = (0..=legs)
            .map(|i| {
                let p = LonLat::new((i % 360) as f64 - 180.0, 0.0).unwrap();
                RouteStop::new(Stop::named(format!("S{i}")), p, i)
            })
            .collect();
        let legs = (0..legs)
            .map(|i| {
                // An arc bulging north at a point that is not a multiple of any step.
                let path = (0..points)
                    .map(|k| {
                        (
                            k as f64 * 0.01,
                            if k == 7 { 60.0 } else { -(k as f64) * 0.001 },
                        )
                    })
                    .collect();
                Leg::new(i, i + 1, 1000.0, 90.0, path)
            })
            .collect();
        Route::new(Itinerary::default(), stops, legs)
    }

    #[test]
    fn a_trip_under_the_limit_is_drawn_as_it_is() {
        assert!(thinned(&route(10, 500)).is_none());
        assert!(thinned(&route(1000, MAX_PATH_POINTS / 1000)).is_none());
    }

    #[test]
    fn a_huge_trip_keeps_ends_and_extremes_and_fits_the_limit() {
        let big = route(10_000, 250);
        let thin = thinned(&big).expect("2.5 million points are thinned");
        let total: usize = thin.legs.iter().map(|l| l.path.len()).sum();
        assert!(total <= MAX_PATH_POINTS + 3 * thin.legs.len(), "{total}");
        assert!(total >= MAX_PATH_POINTS / 2, "{total}");
        for (a, b) in big.legs.iter().zip(&thin.legs) {
            assert_eq!(a.path.first(), b.path.first());
            assert_eq!(a.path.last(), b.path.last());
            // The bulge and the southernmost point stay, in order.
            assert!(b.path.contains(&(0.07, 60.0)));
            assert!(b.path.contains(a.path.last().unwrap()));
            assert!(b.path.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert_eq!(thin.stops.len(), big.stops.len());
    }
}
