//! Distance and initial bearing between two positions along the WGS84 geodesic.

use crate::model::LonLat;
use geo::{Bearing, Distance, Geodesic};

/// Geodesic distance in metres between `a` and `b`; 0 for the same point, never NaN.
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    let d = Geodesic.distance(a.to_point(), b.to_point());
    if d.is_finite() { d } else { 0.0 }
}

/// Initial bearing in degrees clockwise from north, in [0, 360), of the geodesic from `a` to `b`.
/// 0 when the points coincide.
pub fn initial_bearing_deg(a: LonLat, b: LonLat) -> f64 {
    if a == b {
        return 0.0;
    }
    let deg = Geodesic.bearing(a.to_point(), b.to_point());
    if !deg.is_finite() {
        return 0.0;
    }
    let d = deg.rem_euclid(360.0);
    if d >= 360.0 { 0.0 } else { d }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn same_point_is_zero_not_nan() {
        let p = LonLat::new(35.0, 31.0).unwrap();
        assert_eq!(distance_m(p, p), 0.0);
        assert_eq!(initial_bearing_deg(p, p), 0.0);
    }

    #[test]
    fn pole_to_pole_is_finite() {
        let n = LonLat::new(0.0, 90.0).unwrap();
        let s = LonLat::new(0.0, -90.0).unwrap();
        assert!((distance_m(n, s) - 20_003_931.458_6).abs() < 0.01);
    }
}
