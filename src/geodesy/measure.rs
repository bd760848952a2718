//! Distance and initial bearing between two positions along the WGS84 geodesic.

use crate::model::LonLat;
use crate::trig;
use geo::{Destination, Distance, Geodesic};
use geographiclib_rs::InverseGeodesic;

/// The Earth's mean radius in metres (IUGG), for spherical distances and angles.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// The unit vector (x, y, z) of a position on the sphere: x towards 0° E on the equator, z
/// towards the North Pole.
pub fn unit_vector(p: LonLat) -> [f64; 3] {
    let (lon, lat) = (p.lon().to_radians(), p.lat().to_radians());
    [
        trig::cos(lat) * trig::cos(lon),
        trig::cos(lat) * trig::sin(lon),
        trig::sin(lat),
    ]
}

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
    let (azi1, _, _): (f64, f64, f64) =
        geographiclib_rs::Geodesic::wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
    bearing_from_azimuth(azi1)
}

/// A GeographicLib azimuth (degrees, -180 to 180) as a bearing in [0, 360); 0 when it is not
/// a number.
pub(super) fn bearing_from_azimuth(azi1: f64) -> f64 {
    let deg = (azi1 + 360.0) % 360.0;
    if !deg.is_finite() {
        return 0.0;
    }
    let d = deg.rem_euclid(360.0);
    if d >= 360.0 { 0.0 } else { d }
}

/// The position `distance_m` metres from `p` along the geodesic that starts at `bearing_deg`
/// (clockwise from north); `None` if it cannot be computed (a non-finite input).
pub fn destination(p: LonLat, bearing_deg: f64, distance_m: f64) -> Option<LonLat> {
    let q = Geodesic.destination(p.to_point(), bearing_deg, distance_m);
    (q.x().is_finite() && q.y().is_finite()).then(|| LonLat::from_point_wrapped(q))
}

/// Great-circle (central) angle in radians between two positions given in degrees, on a sphere,
/// by the haversine formula (stable for small angles). Times a radius, it is a distance.
pub fn central_angle_rad(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = p2 - p1;
    let dlam = (lon2 - lon1).to_radians();
    let h = trig::sin(dphi / 2.0).powi(2)
        + trig::cos(p1) * trig::cos(p2) * trig::sin(dlam / 2.0).powi(2);
    2.0 * trig::asin(h.sqrt().min(1.0))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn central_angle_of_a_quarter_meridian_and_of_one_point() {
        let q = central_angle_rad(10.0, 0.0, 10.0, 90.0);
        assert!((q - std::f64::consts::FRAC_PI_2).abs() < 1e-15, "{q}");
        assert_eq!(central_angle_rad(35.0, 31.0, 35.0, 31.0), 0.0);
    }

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
