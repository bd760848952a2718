//! Densifies a geodesic into a polyline that GIS tools (which draw straight segments) show as the
//! true great-ellipse arc.
//!
//! `geo`'s `points_along_line` gives the same points, but solves a whole direct problem (a new
//! `GeodesicLine`, its series coefficients and their trigonometry) for every point; a long leg
//! has hundreds. Here one line is set up per leg and each point is a position along it — the
//! same arithmetic, so the same bytes, in about a third of the time.

use super::unwrap_longitudes;
use crate::model::LonLat;
use geographiclib_rs::{Geodesic, GeodesicLine, InverseGeodesic, capability as caps};

/// Longest segment of a densified path, in metres (about one point per 50 km; this is shorter
/// than a degree of arc everywhere, so there is also at least one point per degree).
pub const MAX_SEGMENT_M: f64 = 50_000.0;

/// Points along the geodesic from `a` to `b`, ends included, no segment longer than
/// [`MAX_SEGMENT_M`]. Returned as (lon, lat) degrees with continuous longitudes (they may leave
/// [-180, 180] where the path crosses the antimeridian). Two points when `a == b`.
pub fn geodesic_path(a: LonLat, b: LonLat) -> Vec<(f64, f64)> {
    geodesic_leg(a, b).path
}

/// A leg's geodesic, from one solution of the inverse problem.
#[derive(Debug, Clone, PartialEq)]
pub struct GeodesicLeg {
    /// Its length in metres, as [`super::distance_m`] gives it.
    pub distance_m: f64,
    /// Its initial bearing, as [`super::initial_bearing_deg`] gives it.
    pub bearing_deg: f64,
    /// Its points, as [`geodesic_path`] gives them.
    pub path: Vec<(f64, f64)>,
}

/// The geodesic from `a` to `b`: length, initial bearing and densified path, for the price of
/// one inverse solution (the three asked separately solve it three times).
pub fn geodesic_leg(a: LonLat, b: LonLat) -> GeodesicLeg {
    let ends = || vec![(a.lon(), a.lat()), (b.lon(), b.lat())];
    let (total, azi1, _azi2, _a12): (f64, f64, f64, f64) =
        Geodesic::wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
    let bearing_deg = match a == b {
        true => 0.0,
        false => super::measure::bearing_from_azimuth(azi1),
    };
    let points: Vec<(f64, f64)> = match a == b {
        true => ends(),
        false => points_between(a, b, total, azi1)
            .into_iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect(),
    };
    let mut path = if points.len() < 2 { ends() } else { points };
    // Pin the ends to the exact input.
    if let Some(first) = path.first_mut() {
        *first = (a.lon(), a.lat());
    }
    if let Some(last) = path.last_mut() {
        *last = (b.lon(), b.lat());
    }
    unwrap_longitudes(&mut path);
    GeodesicLeg {
        distance_m: if total.is_finite() { total } else { 0.0 },
        bearing_deg,
        path,
    }
}

/// The geodesic from `a` to `b` (length `total` metres, initial azimuth `azi1`) cut into the
/// fewest equal steps no longer than [`MAX_SEGMENT_M`]: its ends and the points between, as
/// (lon, lat) with longitudes in [-180, 180]. The steps are taken as `geo` takes them (a
/// running sum of one step's fraction), so the points are the ones it would give.
fn points_between(a: LonLat, b: LonLat, total: f64, azi1: f64) -> Vec<(f64, f64)> {
    if total.is_nan() || total <= MAX_SEGMENT_M {
        return vec![(a.lon(), a.lat()), (b.lon(), b.lat())];
    }
    let wanted = caps::LATITUDE | caps::LONGITUDE | caps::DISTANCE_IN;
    let geod = Geodesic::wgs84();
    let line = GeodesicLine::new(&geod, a.lat(), a.lon(), azi1, Some(wanted), None, None);
    let steps = (total / MAX_SEGMENT_M).ceil();
    let step = 1.0 / steps;
    let mut points = Vec::with_capacity(steps as usize + 2);
    points.push((a.lon(), a.lat()));
    let mut at = step;
    while at < 1.0 {
        let (_, lat, lon, ..) = line._gen_position(false, total * at, wanted);
        points.push((lon, lat));
        at += step;
    }
    points.push((b.lon(), b.lat()));
    points
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geodesy::distance_m;

    #[test]
    fn segments_are_short_and_ends_exact() {
        let a = LonLat::new(-77.0364, 38.8951).unwrap();
        let b = LonLat::new(34.7818, 32.0853).unwrap();
        let p = geodesic_path(a, b);
        assert_eq!(p[0], (a.lon(), a.lat()));
        assert_eq!(*p.last().unwrap(), (b.lon(), b.lat()));
        for w in p.windows(2) {
            let s = distance_m(
                LonLat::new(w[0].0, w[0].1).unwrap(),
                LonLat::new(w[1].0, w[1].1).unwrap(),
            );
            assert!(s <= MAX_SEGMENT_M + 1.0, "{s}");
        }
        // Washington to Tel Aviv bulges north of both ends.
        assert!(p.iter().any(|q| q.1 > 50.0));
    }

    /// The same points as `geo`'s `points_along_line`, bit for bit, on legs of every length
    /// and direction (so maps and layers are unchanged).
    #[test]
    fn the_points_are_geos() {
        use geo::{Geodesic as GeoGeodesic, InterpolatePoint};
        let places = [
            (-77.0364, 38.8951),
            (34.7818, 32.0853),
            (139.65, 35.68),
            (-157.86, 21.31),
            (0.0, 89.9),
            (179.9, -10.0),
            (-179.9, -10.5),
            (2.35, 48.85),
            (2.36, 48.86),
            (-70.0, -54.0),
            (151.2, -33.9),
        ];
        for &(x1, y1) in &places {
            for &(x2, y2) in &places {
                let (a, b) = (LonLat::new(x1, y1).unwrap(), LonLat::new(x2, y2).unwrap());
                if a == b {
                    assert_eq!(geodesic_leg(a, b).bearing_deg, 0.0);
                    continue;
                }
                let theirs: Vec<(f64, f64)> = GeoGeodesic
                    .points_along_line(a.to_point(), b.to_point(), MAX_SEGMENT_M, true)
                    .map(|p| (p.x(), p.y()))
                    .collect();
                let leg = geodesic_leg(a, b);
                let mut theirs_unwrapped = theirs.clone();
                unwrap_longitudes(&mut theirs_unwrapped);
                assert_eq!(leg.path, theirs_unwrapped, "{a:?} to {b:?}");
                // Length and bearing from the same solution are the separate ones.
                assert_eq!(leg.distance_m.to_bits(), distance_m(a, b).to_bits());
                let bearing = crate::geodesy::initial_bearing_deg(a, b);
                let geos = geo::Bearing::bearing(&GeoGeodesic, a.to_point(), b.to_point());
                assert_eq!(bearing.to_bits(), geos.to_bits(), "{a:?} to {b:?}");
                assert_eq!(
                    leg.bearing_deg.to_bits(),
                    bearing.to_bits(),
                    "{a:?} to {b:?}"
                );
            }
        }
    }

    #[test]
    fn crossing_the_antimeridian_stays_continuous() {
        let tokyo = LonLat::new(139.65, 35.68).unwrap();
        let honolulu = LonLat::new(-157.86, 21.31).unwrap();
        let p = geodesic_path(tokyo, honolulu);
        for w in p.windows(2) {
            assert!((w[1].0 - w[0].0).abs() < 10.0);
        }
        assert!(p.last().unwrap().0 > 180.0 || p.last().unwrap().0 == -157.86);
    }
}
