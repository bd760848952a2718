//! Recorded tracks onto legs: a leg whose two stops both lie near one recorded track (in that
//! order along it) follows the track between them instead of the geodesic.

use crate::geodesy::unwrap_longitudes;
use crate::model::{Leg, RouteStop, Samples, Track};

/// A stop counts as on a track when a track point is within this many metres of it (an airport
/// or station is often this far from the town a stop is named after).
pub const MATCH_RADIUS_M: f64 = 25_000.0;

/// A pass by a stop ends when the track goes this far from it (metres): a little beyond
/// [`MATCH_RADIUS_M`], so a road that wanders out of the radius and back is still one pass.
const PASS_EXIT_M: f64 = MATCH_RADIUS_M + 10_000.0;

use crate::geodesy::EARTH_RADIUS_M;

/// Replaces the path of each leg that a track covers by the track's points between its two stops,
/// with the stops' own positions at the ends, and sets [`Leg::recorded_m`].
///
/// Stops are matched along each track in visiting order: a stop's point is where the track first
/// passes it (the nearest point of the first stretch within [`MATCH_RADIUS_M`]) after the
/// previous stop's point, so an out-and-back or a loop through the same place splits right. A leg
/// follows the first track on which both its stops are matched, in order. Longitudes in the new
/// path are continuous, like a geodesic path's. Legs not covered keep their geodesic.
///
/// # Cost
/// At most one pass over each track per stop: O(track points x stops), a cheap latitude test
/// first; usually one pass per track.
pub fn follow_tracks(stops: &[RouteStop], legs: &mut [Leg], tracks: &[Track]) {
    if tracks.is_empty() || legs.is_empty() {
        return;
    }
    // matched[t][s]: index of track t's point where it passes stop s, in visiting order.
    let nearest: Vec<Vec<Option<usize>>> = tracks
        .iter()
        .map(|t| {
            let mut cursor = 0;
            stops
                .iter()
                .map(|s| {
                    let m = first_pass(t, s, cursor);
                    if let Some(i) = m {
                        cursor = i;
                    }
                    m
                })
                .collect()
        })
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
            // Which track point each path point is (None: a stop's own position).
            let mut source: Vec<Option<usize>> = Vec::with_capacity(j - i + 3);
            path.push((a.lon(), a.lat()));
            source.push(None);
            for (k, &p) in track.points[i..=j].iter().enumerate() {
                if path.last() != Some(&p) {
                    path.push(p);
                    source.push(Some(i + k));
                } else if let Some(last) = source.last_mut() {
                    // A track point exactly at the stop (a phone's first fix): the stop's point
                    // takes its time and elevation.
                    last.get_or_insert(i + k);
                }
            }
            if path.last() != Some(&(b.lon(), b.lat())) {
                path.push((b.lon(), b.lat()));
                source.push(None);
            }
            unwrap_longitudes(&mut path);
            leg.samples = samples_along(&track.samples, &source);
            leg.recorded_m = Some(
                path.windows(2)
                    .map(|w| haversine_m(w[0].0, w[0].1, w[1].0, w[1].1))
                    .sum(),
            );
            leg.path = path;
            break;
        }
    }
}

/// The samples of the track points that a leg's path points are (`source`; `None` for a stop's
/// own position, which has no recorded time or elevation).
fn samples_along(samples: &Samples, source: &[Option<usize>]) -> Samples {
    fn pick<T: Copy>(v: &[Option<T>], source: &[Option<usize>]) -> Vec<Option<T>> {
        if v.is_empty() {
            return Vec::new();
        }
        source.iter().map(|s| s.and_then(|k| v[k])).collect()
    }
    Samples::new(
        pick(&samples.times, source),
        pick(&samples.elevations_m, source),
    )
}

/// Where `track`, from point `from` on, first passes `stop`: the nearest point within
/// [`MATCH_RADIUS_M`] of the first stretch that comes that close, the stretch ending where the
/// track goes beyond [`PASS_EXIT_M`] (ties go to the first point). `None` if it never comes that
/// close.
fn first_pass(track: &Track, stop: &RouteStop, from: usize) -> Option<usize> {
    let (lon0, lat0) = (stop.position.lon(), stop.position.lat());
    let max_dlat = (PASS_EXIT_M / EARTH_RADIUS_M).to_degrees();
    let mut best: Option<(usize, f64)> = None;
    for (i, &(lon, lat)) in track.points.iter().enumerate().skip(from) {
        let d = if (lat - lat0).abs() > max_dlat {
            f64::INFINITY
        } else {
            haversine_m(lon0, lat0, lon, lat)
        };
        if d <= MATCH_RADIUS_M && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i, d));
        } else if d > PASS_EXIT_M && best.is_some() {
            break;
        }
    }
    best.map(|(i, _)| i)
}

/// Great-circle distance on the mean sphere, in metres (degrees in).
fn haversine_m(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    EARTH_RADIUS_M * crate::geodesy::central_angle_rad(lon1, lat1, lon2, lat2)
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
        let it = itinerary(vec![Track::new(None, points)]);
        let route = crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap();
        assert!(route.legs.iter().all(|l| l.is_recorded()));
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
            &itinerary(vec![Track::new(None, points)]),
            crate::routing::Order::AsGiven,
        )
        .unwrap();
        assert!(!route.legs[0].is_recorded());
        assert!(route.legs[1].is_recorded());
        assert!(route.legs[1].path.contains(&(1.5, 0.3)));
    }

    #[test]
    fn a_track_going_the_other_way_or_far_away_is_not_used() {
        let back = vec![(2.0, 0.0), (1.0, 0.0), (0.0, 0.0)];
        let far = vec![(0.0, 10.0), (1.0, 10.0), (2.0, 10.0)];
        let route = crate::routing::plan(
            &itinerary(vec![Track::new(None, back), Track::new(None, far)]),
            crate::routing::Order::AsGiven,
        )
        .unwrap();
        assert!(route.legs.iter().all(|l| !l.is_recorded()));
    }

    #[test]
    fn an_out_and_back_track_splits_at_the_turn() {
        // A -> B -> A along one track that goes out along lat 0.01 and back along lat -0.01.
        let mut points: Vec<(f64, f64)> = (0..=10).map(|i| (i as f64 / 10.0, 0.01)).collect();
        points.extend((0..=10).rev().map(|i| (i as f64 / 10.0, -0.01)));
        let stop = |name: &str, lon: f64| {
            let mut s = Stop::named(name);
            s.position = Some(crate::model::LonLat::new(lon, 0.0).unwrap());
            s
        };
        let it = Itinerary {
            stops: vec![stop("A", 0.0), stop("B", 1.0), stop("A again", 0.0)],
            tracks: vec![Track::new(None, points)],
            ..Default::default()
        };
        let route = crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap();
        assert!(route.legs.iter().all(|l| l.is_recorded()));
        assert!(
            route.legs[0]
                .path
                .iter()
                .skip(1)
                .take(11)
                .all(|p| p.1 == 0.01)
        );
        // The way back starts where the track passed B (its last point out), then comes south.
        assert_eq!(route.legs[1].path[1], (1.0, 0.01));
        assert!(
            route.legs[1]
                .path
                .iter()
                .skip(2)
                .take(11)
                .all(|p| p.1 == -0.01)
        );
    }

    #[test]
    fn a_road_wandering_out_of_the_radius_and_back_is_one_pass() {
        // Towards C (2, 0): in range at 1.8, out to 27 km north at 1.85, back in to the stop.
        let points = vec![
            (0.0, 0.0),
            (1.0, 0.0),
            (1.8, 0.0),
            (1.85, 0.24),
            (1.95, 0.0),
            (2.0, 0.0),
        ];
        let route = crate::routing::plan(
            &itinerary(vec![Track::new(None, points)]),
            crate::routing::Order::AsGiven,
        )
        .unwrap();
        let last = &route.legs[1].path;
        assert!(route.legs[1].is_recorded());
        assert_eq!(last[last.len() - 1], (2.0, 0.0));
        assert!(last.contains(&(1.95, 0.0)), "{last:?}");
    }

    #[test]
    fn a_leg_keeps_the_times_and_elevations_of_its_track_points() {
        let points: Vec<(f64, f64)> = (0..=20).map(|i| (i as f64 / 10.0, 0.05)).collect();
        let start: jiff::Timestamp = "2024-05-01T08:00:00Z".parse().unwrap();
        let times = (0..=20)
            .map(|i| Some(start + jiff::SignedDuration::from_secs(60 * i)))
            .collect();
        let elevations = (0..=20).map(|i| Some(f64::from(i))).collect();
        let track = Track::new(None, points).with_samples(Samples::new(times, elevations));
        let route =
            crate::routing::plan(&itinerary(vec![track]), crate::routing::Order::AsGiven).unwrap();
        let leg = &route.legs[1];
        assert_eq!(leg.samples.times.len(), leg.path.len());
        assert_eq!(leg.samples.time(0), None, "the stop's own position");
        assert_eq!(leg.samples.elevation_m(1), Some(10.0));
        assert_eq!(
            leg.samples.time(1).unwrap().to_string(),
            "2024-05-01T08:10:00Z"
        );
        assert_eq!(leg.samples.elevation_m(leg.path.len() - 2), Some(20.0));
    }

    #[test]
    fn haversine_is_about_right() {
        // One degree of the equator on the mean sphere.
        assert!((haversine_m(0.0, 0.0, 1.0, 0.0) - 111_195.0).abs() < 1.0);
    }
}
