//! Mercator: the conformal cylinder, spherical or ellipsoidal (Snyder §7, PROJ `merc`).
//!
//! In: lon/lat degrees. Out: x = k₀λ, y = k₀ψ (ψ the isometric latitude) in units of `a`.
//! The poles are at infinity, so `forward` returns `None` there.

use crate::trig;
use std::f64::consts::PI;

use super::angles::{check_deg, check_scale, lam_phi, map_lon_0, to_lonlat};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;

/// Parameters of a Mercator projection (PROJ names).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MercatorParams {
    /// Central meridian `lon_0`, degrees.
    pub lon_0: f64,
    /// Latitude of true scale `lat_ts`, degrees; when given it overrides `k_0`.
    pub lat_ts: Option<f64>,
    /// Scale factor on the equator `k_0`.
    pub k_0: f64,
}

impl Default for MercatorParams {
    fn default() -> Self {
        Self {
            lon_0: 0.0,
            lat_ts: None,
            k_0: 1.0,
        }
    }
}

/// The Mercator projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Mercator {
    ell: Ellipsoid,
    lon_0: f64,
    k0: f64,
}

impl Mercator {
    /// Mercator on an ellipsoid, with checked parameters.
    pub fn new(ell: Ellipsoid, params: MercatorParams) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", params.lon_0, 180.0)?;
        let k0 = match params.lat_ts {
            Some(ts) => {
                let ts = check_deg("lat_ts", ts, 90.0)?;
                if ts.abs() >= 90.0 {
                    return Err(ProjectionError::Param {
                        name: "lat_ts",
                        value: ts,
                        why: "latitude of true scale must be off the poles",
                    });
                }
                let phi = ts.to_radians();
                trig::cos(phi) * ell.nu(phi)
            }
            None => check_scale("k_0", params.k_0)?,
        };
        Ok(Self { ell, lon_0, k0 })
    }

    /// Spherical Mercator centred on `lon_0` degrees (wrapped into [-180, 180]; 0 if not finite), for maps.
    pub fn sphere(lon_0: f64) -> Self {
        Self {
            ell: Ellipsoid::EARTH_SPHERE,
            lon_0: map_lon_0(lon_0),
            k0: 1.0,
        }
    }
}

impl Projection for Mercator {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        let e = self.ell.e();
        let psi = trig::tan(phi).asinh() - e * (e * trig::sin(phi)).atanh();
        let (x, y) = (self.k0 * lam, self.k0 * psi);
        (x.is_finite() && y.is_finite() && phi.abs() < PI / 2.0).then_some((x, y))
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        let lam = x / self.k0;
        if !lam.is_finite() || lam.abs() > PI * (1.0 + 1e-12) || y.is_nan() {
            return None;
        }
        let psi = y / self.k0;
        let phi = if self.ell.is_sphere() {
            trig::atan(psi.sinh())
        } else {
            self.ell.phi_from_ts((-psi).exp())
        };
        to_lonlat(lam.clamp(-PI, PI), phi, self.lon_0)
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
    fn round_trip_sphere_and_ellipsoid() {
        let projections = [
            Mercator::sphere(150.0),
            Mercator::new(
                Ellipsoid::WGS84,
                MercatorParams {
                    lon_0: -30.0,
                    lat_ts: Some(40.0),
                    k_0: 1.0,
                },
            )
            .unwrap(),
        ];
        for m in &projections {
            let points = [(-179.0, -80.0), (0.0, 0.0), (151.2, -33.9), (20.0, 84.9)];
            assert_round_trips(m, &points, 1e-9);
        }
    }

    #[test]
    fn poles_are_not_shown_and_bad_params_are_named() {
        let m = Mercator::sphere(0.0);
        assert!(m.forward(LonLat::new(0.0, 90.0).unwrap()).is_none());
        let err = Mercator::new(
            Ellipsoid::WGS84,
            MercatorParams {
                k_0: -1.0,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("k_0"));
    }

    #[test]
    fn pacific_centre_keeps_the_dateline_whole() {
        let m = Mercator::sphere(180.0);
        let (x1, _) = m.forward(LonLat::new(179.0, 0.0).unwrap()).unwrap();
        let (x2, _) = m.forward(LonLat::new(-179.0, 0.0).unwrap()).unwrap();
        assert!((x2 - x1 - 2f64.to_radians()).abs() < 1e-12);
    }
}
