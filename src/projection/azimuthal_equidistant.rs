//! Azimuthal equidistant, oblique, centred on any point (Snyder §25, PROJ `aeqd`).
//!
//! In: lon/lat degrees. Out, in units of `a`: the point at distance s and azimuth α from the
//! centre goes to (s sin α, s cos α). On a sphere, closed formulas; on an ellipsoid, geodesics
//! from `geographiclib-rs` (Karney's algorithms, the same PROJ uses for ellipsoidal `aeqd`),
//! and the meridian arc when the centre is a pole (as PROJ does). Every point but the
//! antipode of the centre is shown.

use crate::trig;
use std::f64::consts::{FRAC_PI_2, PI};

use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

use super::angles::{check_deg, lam_phi, map_lon_0, to_lonlat, wrap_pi};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;

const EPS10: f64 = 1e-10;

/// Where the projection is centred: which formulas apply.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    NorthPole,
    SouthPole,
    Oblique,
}

impl Mode {
    /// The mode for a centre at latitude `phi0` (radians).
    fn at(phi0: f64) -> Mode {
        if (phi0.abs() - FRAC_PI_2).abs() >= EPS10 {
            Mode::Oblique
        } else if phi0 > 0.0 {
            Mode::NorthPole
        } else {
            Mode::SouthPole
        }
    }
}

/// The azimuthal equidistant projection.
#[derive(Debug, Clone)]
pub struct AzimuthalEquidistant {
    ell: Ellipsoid,
    lon_0: f64,
    phi0: f64,
    /// `phi0`'s sine and cosine, used for every point.
    sin_cos_phi0: (f64, f64),
    mode: Mode,
    /// Meridian arc from the equator to the north pole, units of `a`.
    mp: f64,
    /// Geodesic calculator on the ellipsoid scaled to a = 1.
    geod: Geodesic,
}

impl AzimuthalEquidistant {
    /// Azimuthal equidistant on an ellipsoid centred on (`lon_0`, `lat_0`) degrees.
    pub fn new(ell: Ellipsoid, lon_0: f64, lat_0: f64) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", lon_0, 180.0)?;
        let phi0 = check_deg("lat_0", lat_0, 90.0)?.to_radians();
        let mode = Mode::at(phi0);
        Ok(Self {
            ell,
            lon_0,
            phi0,
            sin_cos_phi0: trig::sin_cos(phi0),
            mode,
            mp: ell.meridian_arc(FRAC_PI_2),
            geod: Geodesic::new(1.0, ell.f()),
        })
    }

    /// Spherical azimuthal equidistant centred on `centre`, for maps.
    pub fn sphere(centre: LonLat) -> Self {
        let lon_0 = map_lon_0(centre.lon());
        let phi0 = centre.lat().to_radians();
        let mode = Mode::at(phi0);
        Self {
            ell: Ellipsoid::EARTH_SPHERE,
            lon_0,
            phi0,
            sin_cos_phi0: trig::sin_cos(phi0),
            mode,
            mp: FRAC_PI_2,
            geod: Geodesic::new(1.0, 0.0),
        }
    }

    /// The centre of the map.
    pub fn centre(&self) -> Option<LonLat> {
        LonLat::new(self.lon_0, self.phi0.to_degrees()).ok()
    }

    fn forward_rad(&self, lam: f64, phi: f64) -> Option<(f64, f64)> {
        if self.ell.is_sphere() {
            let (sp0, cp0) = self.sin_cos_phi0;
            let (sp, cp) = trig::sin_cos(phi);
            let (sl, cl) = trig::sin_cos(lam);
            let xp = cp * sl;
            let yp = cp0 * sp - sp0 * cp * cl;
            let cosc = sp0 * sp + cp0 * cp * cl;
            // A square root, not `hypot`: both terms are at most 1, so the sum cannot overflow,
            // and glibc's careful `hypot` was a sixteenth of a globe's render time.
            let sinc = (xp * xp + yp * yp).sqrt();
            if sinc < 1e-15 {
                return (cosc > 0.0).then_some((0.0, 0.0));
            }
            let k = trig::atan2(sinc, cosc) / sinc;
            return Some((k * xp, k * yp));
        }
        match self.mode {
            Mode::NorthPole => {
                let rho = (self.mp - self.ell.meridian_arc(phi)).abs();
                Some((rho * trig::sin(lam), -rho * trig::cos(lam)))
            }
            Mode::SouthPole => {
                let rho = (self.mp + self.ell.meridian_arc(phi)).abs();
                Some((rho * trig::sin(lam), rho * trig::cos(lam)))
            }
            Mode::Oblique => {
                if lam.abs() < EPS10 && (phi - self.phi0).abs() < EPS10 {
                    return Some((0.0, 0.0));
                }
                let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) = self.geod.inverse(
                    self.phi0.to_degrees(),
                    0.0,
                    phi.to_degrees(),
                    lam.to_degrees(),
                );
                let azi = azi1.to_radians();
                Some((s12 * trig::sin(azi), s12 * trig::cos(azi)))
            }
        }
    }
}

impl Projection for AzimuthalEquidistant {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        self.forward_rad(lam, phi)
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        let c = x.hypot(y);
        if !c.is_finite() {
            return None;
        }
        if c < 1e-15 {
            return to_lonlat(0.0, self.phi0, self.lon_0);
        }
        if self.ell.is_sphere() {
            if c > PI * (1.0 + 1e-12) {
                return None;
            }
            let (sp0, cp0) = self.sin_cos_phi0;
            let (sinc, cosc) = trig::sin_cos(c);
            let phi = trig::asin((cosc * sp0 + y * sinc * cp0 / c).clamp(-1.0, 1.0));
            let lam = trig::atan2(x * sinc, c * cp0 * cosc - y * sp0 * sinc);
            return to_lonlat(lam, phi, self.lon_0);
        }
        let (lam, phi) = match self.mode {
            Mode::NorthPole => (
                trig::atan2(x, -y),
                self.ell.meridian_arc_inverse(self.mp - c)?,
            ),
            Mode::SouthPole => (
                trig::atan2(x, y),
                self.ell.meridian_arc_inverse(c - self.mp)?,
            ),
            Mode::Oblique => {
                let (lat, lon): (f64, f64) = self.geod.direct(
                    self.phi0.to_degrees(),
                    0.0,
                    trig::atan2(x, y).to_degrees(),
                    c,
                );
                let (lam, phi) = (wrap_pi(lon.to_radians()), lat.to_radians());
                // Beyond the antipode the geodesic is no longer the shortest: the point is
                // outside the map. Check by projecting back.
                let (bx, by) = self.forward_rad(lam, phi)?;
                if (bx - x).hypot(by - y) > 1e-9 * (1.0 + c) {
                    return None;
                }
                (lam, phi)
            }
        };
        to_lonlat(lam, phi, self.lon_0)
    }

    fn central_meridian(&self) -> f64 {
        self.lon_0
    }

    /// The whole sphere but a hair round the antipode (which the projection tears into its
    /// rim), as d3-geo clips it: a shape reaching round the far side is cut there, not along
    /// the meridian opposite the centre (about which the projection is continuous).
    fn clip_cap(&self) -> Option<(LonLat, f64)> {
        LonLat::new(self.lon_0, self.phi0.to_degrees())
            .ok()
            .map(|c| (c, 179.999))
    }
    /// Distances from the centre are true; across them the scale is ρ / sin ρ at distance ρ,
    /// largest on the cap's rim (1% added for the ellipsoid); unbounded near the antipode, so
    /// only for caps under 179°.
    fn cap_scale_bound(&self, radius_deg: f64) -> Option<f64> {
        let rho = radius_deg.to_radians();
        (radius_deg > 0.0 && radius_deg < 179.0).then(|| 1.01 * rho / trig::sin(rho))
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::projection::assert_round_trips;

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat).unwrap()
    }

    #[test]
    fn round_trip_sphere_ellipsoid_and_poles() {
        let projections = [
            AzimuthalEquidistant::sphere(ll(35.0, 32.0)),
            AzimuthalEquidistant::new(Ellipsoid::WGS84, 35.0, 32.0).unwrap(),
            AzimuthalEquidistant::new(Ellipsoid::WGS84, 0.0, 90.0).unwrap(),
            AzimuthalEquidistant::new(Ellipsoid::WGS84, 0.0, -90.0).unwrap(),
        ];
        for m in &projections {
            let points = [(-77.0, 38.9), (139.65, 35.7), (35.0, 32.0), (170.0, -45.0)];
            assert_round_trips(m, &points, 1e-8);
        }
    }

    #[test]
    fn distances_from_the_centre_are_true() {
        // Washington to Tokyo on the unit sphere: the great-circle angle.
        let m = AzimuthalEquidistant::sphere(ll(-77.0, 38.9));
        let (x, y) = m.forward(ll(139.65, 35.7)).unwrap();
        let (p1, p2) = (38.9f64.to_radians(), 35.7f64.to_radians());
        let dl = (139.65f64 + 77.0).to_radians();
        let angle = trig::acos(
            trig::sin(p1) * trig::sin(p2) + trig::cos(p1) * trig::cos(p2) * trig::cos(dl),
        );
        assert!((x.hypot(y) - angle).abs() < 1e-12);
        assert!(m.inverse(3.2, 0.0).is_none());
        assert!(m.forward(ll(103.0, -38.9)).is_none(), "antipode");
    }
}
