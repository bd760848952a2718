//! Densifies a geodesic into a polyline that GIS tools (which draw straight segments) show as the
//! true great-ellipse arc.

use super::unwrap_longitudes;
use crate::model::LonLat;
use geo::{Geodesic, InterpolatePoint};

/// Longest segment of a densified path, in metres (about one point per 50 km; this is shorter
/// than a degree of arc everywhere, so there is also at least one point per degree).
pub const MAX_SEGMENT_M: f64 = 50_000.0;

/// Points along the geodesic from `a` to `b`, ends included, no segment longer than
/// [`MAX_SEGMENT_M`]. Returned as (lon, lat) degrees with continuous longitudes (they may leave
/// [-180, 180] where the path crosses the antimeridian). Two points when `a == b`.
pub fn geodesic_path(a: LonLat, b: LonLat) -> Vec<(f64, f64)> {
    let points: Vec<(f64, f64)> = if a == b {
        vec![(a.lon(), a.lat()), (b.lon(), b.lat())]
    } else {
        Geodesic
            .points_along_line(a.to_point(), b.to_point(), MAX_SEGMENT_M, true)
            .map(|p| (p.x(), p.y()))
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect()
    };
    let mut points = if points.len() < 2 {
        vec![(a.lon(), a.lat()), (b.lon(), b.lat())]
    } else {
        points
    };
    // Pin the ends to the exact input.
    if let Some(first) = points.first_mut() {
        *first = (a.lon(), a.lat());
    }
    if let Some(last) = points.last_mut() {
        *last = (b.lon(), b.lat());
    }
    unwrap_longitudes(&mut points);
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
