//! Lambert conformal conic with one or two standard parallels (Snyder §15, PROJ `lcc`).
//!
//! In: lon/lat degrees. Out, in units of `a`: x = k₀ρ sin nλ, y = k₀(ρ₀ − ρ cos nλ) with
//! ρ = F·t(φ)ⁿ. The pole the cone does not reach (south for n > 0) is at infinity: `None`.

use crate::trig;
use std::f64::consts::FRAC_PI_2;

use super::angles::{check_deg, check_scale, lam_phi, map_lon_0, to_lonlat, to_lonlat_within_pi};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;

const EPS10: f64 = 1e-10;

/// Parameters of a Lambert conformal conic (PROJ names, degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LambertConicParams {
    /// Central meridian `lon_0`.
    pub lon_0: f64,
    /// Latitude of origin `lat_0` (y = 0 there on the central meridian).
    pub lat_0: f64,
    /// First standard parallel `lat_1`.
    pub lat_1: f64,
    /// Second standard parallel `lat_2` (equal to `lat_1` for a tangent cone).
    pub lat_2: f64,
    /// Scale factor `k_0`.
    pub k_0: f64,
}

impl Default for LambertConicParams {
    fn default() -> Self {
        Self {
            lon_0: 0.0,
            lat_0: 0.0,
            lat_1: 33.0,
            lat_2: 45.0,
            k_0: 1.0,
        }
    }
}

/// The Lambert conformal conic projection.
#[derive(Debug, Clone, PartialEq)]
pub struct LambertConic {
    ell: Ellipsoid,
    lon_0: f64,
    n: f64,
    c: f64,
    rho0: f64,
    k0: f64,
}

impl LambertConic {
    /// Lambert conformal conic on an ellipsoid, with checked parameters. Rejects standard
    /// parallels symmetric about the equator (the cone becomes a cylinder: use Mercator).
    pub fn new(ell: Ellipsoid, params: LambertConicParams) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", params.lon_0, 180.0)?;
        let phi0 = check_deg("lat_0", params.lat_0, 90.0)?.to_radians();
        let phi1 = check_deg("lat_1", params.lat_1, 90.0)?.to_radians();
        let phi2 = check_deg("lat_2", params.lat_2, 90.0)?.to_radians();
        let k0 = check_scale("k_0", params.k_0)?;
        if (phi1 + phi2).abs() < EPS10 {
            return Err(ProjectionError::Param {
                name: "lat_2",
                value: params.lat_2,
                why: "standard parallels symmetric about the equator make no cone",
            });
        }
        for (name, v, phi) in [("lat_1", params.lat_1, phi1), ("lat_2", params.lat_2, phi2)] {
            if (phi.abs() - FRAC_PI_2).abs() < EPS10 {
                return Err(ProjectionError::Param {
                    name,
                    value: v,
                    why: "a standard parallel cannot be a pole",
                });
            }
        }
        let msfn = |phi: f64| trig::cos(phi) * ell.nu(phi);
        let m1 = msfn(phi1);
        let t1 = ell.tsfn(phi1);
        let n = if (phi1 - phi2).abs() >= EPS10 {
            (m1 / msfn(phi2)).ln() / (t1 / ell.tsfn(phi2)).ln()
        } else {
            trig::sin(phi1)
        };
        if !n.is_finite() || n.abs() < EPS10 {
            return Err(ProjectionError::Param {
                name: "lat_1",
                value: params.lat_1,
                why: "standard parallels give a degenerate cone",
            });
        }
        let c = m1 * t1.powf(-n) / n;
        let rho0 = if (phi0.abs() - FRAC_PI_2).abs() < EPS10 {
            0.0
        } else {
            c * ell.tsfn(phi0).powf(n)
        };
        Ok(Self {
            ell,
            lon_0,
            n,
            c,
            rho0,
            k0,
        })
    }

    /// Spherical conic for maps: central meridian `lon_0`, standard parallels `lat_1`, `lat_2`,
    /// origin latitude `lat_0` (degrees).
    pub fn sphere(lon_0: f64, lat_0: f64, lat_1: f64, lat_2: f64) -> Result<Self, ProjectionError> {
        Self::new(
            Ellipsoid::EARTH_SPHERE,
            LambertConicParams {
                lon_0: map_lon_0(lon_0),
                lat_0,
                lat_1,
                lat_2,
                k_0: 1.0,
            },
        )
    }

    /// The cone constant n (sin of the tangent latitude for one standard parallel).
    pub fn cone_constant(&self) -> f64 {
        self.n
    }
}

impl Projection for LambertConic {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        let rho = if (phi.abs() - FRAC_PI_2).abs() < EPS10 {
            if phi * self.n <= 0.0 {
                return None;
            }
            0.0
        } else {
            self.c * (self.n * self.ell.ln_tsfn(phi)).exp()
        };
        let nl = lam * self.n;
        let (x, y) = (
            self.k0 * rho * trig::sin(nl),
            self.k0 * (self.rho0 - rho * trig::cos(nl)),
        );
        (x.is_finite() && y.is_finite()).then_some((x, y))
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        let (mut x, mut y) = (x / self.k0, self.rho0 - y / self.k0);
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let mut rho = x.hypot(y);
        if rho == 0.0 {
            return to_lonlat(0.0, FRAC_PI_2.copysign(self.n), self.lon_0);
        }
        if self.n < 0.0 {
            rho = -rho;
            x = -x;
            y = -y;
        }
        let phi = self.ell.phi_from_ts((rho / self.c).powf(1.0 / self.n));
        let lam = trig::atan2(x, y) / self.n;
        to_lonlat_within_pi(lam, phi, self.lon_0)
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
    fn round_trip_north_and_south_cones() {
        let north = LambertConic::new(
            Ellipsoid::GRS80,
            LambertConicParams {
                lon_0: 35.0,
                lat_0: 31.0,
                lat_1: 30.0,
                lat_2: 34.0,
                k_0: 1.0,
            },
        )
        .unwrap();
        let south = LambertConic::sphere(150.0, -30.0, -20.0, -40.0).unwrap();
        for m in [&north, &south] {
            let points = [(35.5, 33.9), (-140.0, 10.0), (160.0, -60.0), (0.0, 0.0)];
            assert_round_trips(m, &points, 1e-9);
        }
        assert!(north.forward(LonLat::new(0.0, -90.0).unwrap()).is_none());
        assert!(south.forward(LonLat::new(0.0, -90.0).unwrap()).is_some());
    }

    #[test]
    fn rejects_a_cylinder() {
        let err = LambertConic::sphere(0.0, 0.0, 20.0, -20.0).unwrap_err();
        assert!(err.to_string().contains("lat_2"));
    }
}
