//! Recorded tracks onto legs: a leg whose two stops both lie near one recorded track (in that
//! order along it) follows the track between them instead of the geodesic.

use crate::geodesy::unwrap_longitudes;
use crate::model::{Leg, RouteStop, Track};

/// A stop counts as on a track when a track point is within this many metres of it (an airport
/// or station is often this far from the town a stop is named after).
pub const MATCH_RADIUS_M: f64 = 25_000.0;

/// Mean Earth radius in metres, for the quick haversine used to find nearest points.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Replaces the path of each leg that a track covers by the track's points between its two stops
/// (the points nearest each stop, in track order), with the stops' own positions at the ends, and
/// sets [`Leg::recorded`]. The first track that covers a leg wins. Longitudes in the new path are
/// continuous, like a geodesic path's. Legs not covered keep their geodesic.
///
/// # Cost
/// One pass over each track per stop: O(track points x stops), a cheap latitude test first.
pub fn follow_tracks(stops: &[RouteStop], legs: &mut [Leg], tracks: &[Track]) {
    if tracks.is_empty() || legs.is_empty() {
        return;
    }
    // nearest[t][s]: index of track t's point nearest stop s, when within the radius.
    let nearest: Vec<Vec<Option<usize>>> = tracks
        .iter()
        .map(|t| stops.iter().map(|s| nearest_point(t, s)).collect())
        .collect();
    for leg in legs.iter_mut() {
        for (t, track) in tracks.iter().enumerate() {
            let (Some(i), Some(j)) = (nearest[t][leg.from], nearest[t][leg.to]) else {
                continue;
            };
            if i >= j {
                continue;
            }
            let a = stops[leg.from].position;
            let b = stops[leg.to].position;
            let mut path = Vec::with_capacity(j - i + 3);
            path.push((a.lon(), a.lat()));
            for &p in &track.points[i..=j] {
                if path.last() != Some(&p) {
                    path.push(p);
                }
            }
            if path.last() != Some(&(b.lon(), b.lat())) {
                path.push((b.lon(), b.lat()));
            }
            unwrap_longitudes(&mut path);
            leg.recorded_m = Some(
                path.windows(2)
                    .map(|w| haversine_m(w[0].0, w[0].1, w[1].0, w[1].1))
                    .sum(),
            );
            leg.path = path;
            leg.recorded = true;
            break;
        }
    }
}

/// Index of the point of `track` nearest to `stop`, if within [`MATCH_RADIUS_M`]. Ties go to the
/// first point.
fn nearest_point(track: &Track, stop: &RouteStop) -> Option<usize> {
    let (lon0, lat0) = (stop.position.lon(), stop.position.lat());
    let max_dlat = (MATCH_RADIUS_M / EARTH_RADIUS_M).to_degrees();
    let mut best: Option<(usize, f64)> = None;
    for (i, &(lon, lat)) in track.points.iter().enumerate() {
        if (lat - lat0).abs() > max_dlat {
            continue;
        }
        let d = haversine_m(lon0, lat0, lon, lat);
        if d <= MATCH_RADIUS_M && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i, d));
        }
    }
    best.map(|(i, _)| i)
}

/// Great-circle distance on the mean sphere, in metres (degrees in).
fn haversine_m(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::{Itinerary, Stop};

    fn itinerary(tracks: Vec<Track>) -> Itinerary {
        let stop = |name: &str, lon: f64, lat: f64| {
            let mut s = Stop::named(name);
            s.position = Some(crate::model::LonLat::new(lon, lat).unwrap());
            s
        };
        Itinerary {
            stops: vec![
                stop("A", 0.0, 0.0),
                stop("B", 1.0, 0.0),
                stop("C", 2.0, 0.0),
            ],
            tracks,
            ..Default::default()
        }
    }

    #[test]
    fn one_track_through_every_stop_is_split_at_them() {
        let points: Vec<(f64, f64)> = (0..=20).map(|i| (i as f64 / 10.0, 0.05)).collect();
        let it = itinerary(vec![Track { name: None, points }]);
        let route = crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap();
        assert!(route.legs.iter().all(|l| l.recorded));
        let first = &route.legs[0].path;
        assert_eq!(first[0], (0.0, 0.0));
        assert_eq!(first[1], (0.0, 0.05));
        assert_eq!(first[first.len() - 2], (1.0, 0.05));
        assert_eq!(*first.last().unwrap(), (1.0, 0.0));
        assert_eq!(first.len(), 13);
        // 1° of longitude at 0.05°N plus two 0.05° steps north and south, on the mean sphere.
        let km = route.legs[0].recorded_m.unwrap() / 1000.0;
        assert!((km - (111.195 + 2.0 * 5.560)).abs() < 0.01, "{km}");
    }

    #[test]
    fn a_track_covering_one_leg_leaves_the_other_geodesic() {
        let points = vec![(1.0, 0.01), (1.5, 0.3), (2.0, 0.01)];
        let route = crate::routing::plan(
            &itinerary(vec![Track { name: None, points }]),
            crate::routing::Order::AsGiven,
        )
        .unwrap();
        assert!(!route.legs[0].recorded);
        assert!(route.legs[1].recorded);
        assert!(route.legs[1].path.contains(&(1.5, 0.3)));
    }

    #[test]
    fn a_track_going_the_other_way_or_far_away_is_not_used() {
        let back = vec![(2.0, 0.0), (1.0, 0.0), (0.0, 0.0)];
        let far = vec![(0.0, 10.0), (1.0, 10.0), (2.0, 10.0)];
        let route = crate::routing::plan(
            &itinerary(vec![
                Track {
                    name: None,
                    points: back,
                },
                Track {
                    name: None,
                    points: far,
                },
            ]),
            crate::routing::Order::AsGiven,
        )
        .unwrap();
        assert!(route.legs.iter().all(|l| !l.recorded));
    }

    #[test]
    fn haversine_is_about_right() {
        // One degree of the equator on the mean sphere.
        assert!((haversine_m(0.0, 0.0, 1.0, 0.0) - 111_195.0).abs() < 1.0);
    }
}
