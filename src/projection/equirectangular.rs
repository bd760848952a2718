//! Equidistant cylindrical (plate carrée when `lat_ts` = 0; PROJ `eqc`, EPSG method 1028).
//!
//! In: lon/lat degrees. Out, in units of `a`: x = ν₁ cos φ₁ · λ and y = M(φ) − M(φ₀), with ν₁ the
//! prime-vertical radius at the latitude of true scale φ₁ and M the meridian arc. On a sphere
//! this is x = λ cos φ₁, y = φ − φ₀. (PROJ before 2026 used the spherical formula with R = a even
//! on an ellipsoid; this follows the current EPSG ellipsoidal form, as PROJ now does.)

use crate::trig;
use std::f64::consts::{FRAC_PI_2, PI};

use super::angles::{check_deg, lam_phi, map_lon_0, to_lonlat};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;

/// Parameters of an equidistant cylindrical projection (PROJ names, degrees).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct EquirectangularParams {
    /// Central meridian `lon_0`.
    pub lon_0: f64,
    /// Latitude of origin `lat_0` (y = 0 there).
    pub lat_0: f64,
    /// Latitude of true scale `lat_ts` (the standard parallels are ±`lat_ts`).
    pub lat_ts: f64,
}

/// The equidistant cylindrical projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Equirectangular {
    ell: Ellipsoid,
    lon_0: f64,
    /// x per radian of longitude, units of `a`.
    rc: f64,
    /// Meridian arc at `lat_0`, units of `a`.
    m0: f64,
}

impl Equirectangular {
    /// Equidistant cylindrical on an ellipsoid, with checked parameters.
    pub fn new(ell: Ellipsoid, params: EquirectangularParams) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", params.lon_0, 180.0)?;
        let lat_0 = check_deg("lat_0", params.lat_0, 90.0)?.to_radians();
        let ts = check_deg("lat_ts", params.lat_ts, 90.0)?;
        if ts.abs() >= 90.0 {
            return Err(ProjectionError::Param {
                name: "lat_ts",
                value: ts,
                why: "latitude of true scale must be off the poles",
            });
        }
        let phi1 = ts.to_radians();
        Ok(Self {
            ell,
            lon_0,
            rc: trig::cos(phi1) * ell.nu(phi1),
            m0: ell.meridian_arc(lat_0),
        })
    }

    /// Spherical equirectangular centred on `lon_0`, true to scale along ±`lat_ts` (degrees),
    /// for maps. `lat_ts` is clamped to ±85°.
    pub fn sphere(lon_0: f64, lat_ts: f64) -> Self {
        let phi1 = if lat_ts.is_finite() {
            lat_ts.clamp(-85.0, 85.0).to_radians()
        } else {
            0.0
        };
        Self {
            ell: Ellipsoid::EARTH_SPHERE,
            lon_0: map_lon_0(lon_0),
            rc: trig::cos(phi1),
            m0: 0.0,
        }
    }
}

impl Projection for Equirectangular {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        Some((self.rc * lam, self.ell.meridian_arc(phi) - self.m0))
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        let lam = x / self.rc;
        if !lam.is_finite() || lam.abs() > PI * (1.0 + 1e-12) {
            return None;
        }
        let phi = self.ell.meridian_arc_inverse(y + self.m0)?;
        to_lonlat(
            lam.clamp(-PI, PI),
            phi.clamp(-FRAC_PI_2, FRAC_PI_2),
            self.lon_0,
        )
    }

    fn central_meridian(&self) -> f64 {
        self.lon_0
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::projection::assert_round_trips;

    #[test]
    fn round_trip() {
        let e = Equirectangular::new(
            Ellipsoid::WGS84,
            EquirectangularParams {
                lon_0: 100.0,
                lat_0: 20.0,
                lat_ts: 30.0,
            },
        )
        .unwrap();
        for m in [&e, &Equirectangular::sphere(-170.0, 45.0)] {
            let points = [(-180.0, -90.0), (0.0, 0.0), (12.5, 41.9), (179.0, 89.0)];
            assert_round_trips(m, &points, 1e-9);
        }
    }

    #[test]
    fn plate_carree_is_radians() {
        let m = Equirectangular::sphere(0.0, 0.0);
        let (x, y) = m.forward(LonLat::new(90.0, 45.0).unwrap()).unwrap();
        assert!((x - FRAC_PI_2).abs() < 1e-15 && (y - FRAC_PI_2 / 2.0).abs() < 1e-15);
        assert!(m.inverse(0.0, 2.0).is_none());
    }
}
