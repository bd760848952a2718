//! Equal Earth (Šavrič, Patterson & Jenny 2018; PROJ `eqearth`): an equal-area pseudocylinder
//! for world maps. On an ellipsoid the latitude is first made authalic, and the result scaled by
//! the authalic radius, as PROJ does.
//!
//! In: lon/lat degrees. Out: x, y in units of `a`.

use super::angles::{check_deg, lam_phi, map_lon_0, to_lonlat_within_pi};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;
use crate::trig;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// The Equal Earth projection.
#[derive(Debug, Clone, PartialEq)]
pub struct EqualEarth {
    ell: Ellipsoid,
    lon_0: f64,
    /// q at the pole.
    qp: f64,
    /// Authalic radius over `a`.
    rqda: f64,
}

impl EqualEarth {
    /// Equal Earth on an ellipsoid centred on `lon_0` degrees.
    pub fn new(ell: Ellipsoid, lon_0: f64) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", lon_0, 180.0)?;
        let qp = ell.qsfn(1.0);
        Ok(Self {
            ell,
            lon_0,
            qp,
            rqda: (0.5 * qp).sqrt(),
        })
    }

    /// Spherical Equal Earth centred on `lon_0` degrees, for maps.
    pub fn sphere(lon_0: f64) -> Self {
        Self {
            ell: Ellipsoid::EARTH_SPHERE,
            lon_0: map_lon_0(lon_0),
            qp: 2.0,
            rqda: 1.0,
        }
    }

    /// y (before the authalic scaling) at the pole.
    fn y_max() -> f64 {
        let t = trig::asin(M);
        let t2 = t * t;
        let t6 = t2 * t2 * t2;
        t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    }
}

impl Projection for EqualEarth {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        let sbeta = if self.ell.is_sphere() {
            trig::sin(phi)
        } else {
            (self.ell.qsfn(trig::sin(phi)) / self.qp).clamp(-1.0, 1.0)
        };
        let psi = trig::asin(M * sbeta);
        let psi2 = psi * psi;
        let psi6 = psi2 * psi2 * psi2;
        let x = lam * trig::cos(psi)
            / (M * (A1 + 3.0 * A2 * psi2 + psi6 * (7.0 * A3 + 9.0 * A4 * psi2)));
        let y = psi * (A1 + A2 * psi2 + psi6 * (A3 + A4 * psi2));
        Some((x * self.rqda, y * self.rqda))
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        let (x, y) = (x / self.rqda, y / self.rqda);
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        // Beyond the pole line PROJ returns the pole; so do we.
        let ymax = Self::y_max();
        let target = y.clamp(-ymax, ymax);
        let mut t = target;
        let mut converged = false;
        for _ in 0..30 {
            let t2 = t * t;
            let t6 = t2 * t2 * t2;
            let f = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - target;
            let fy = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
            let step = f / fy;
            t -= step;
            if step.abs() < 1e-14 {
                converged = true;
                break;
            }
        }
        if !converged {
            return None;
        }
        let t2 = t * t;
        let t6 = t2 * t2 * t2;
        let cos_t = trig::cos(t);
        let lam = if cos_t.abs() < 1e-15 {
            0.0
        } else {
            M * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / cos_t
        };
        let sbeta = (trig::sin(t) / M).clamp(-1.0, 1.0);
        let phi = if self.ell.is_sphere() {
            trig::asin(sbeta)
        } else {
            self.ell.phi_from_q(sbeta * self.qp)
        };
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
    fn round_trip() {
        let ell = EqualEarth::new(Ellipsoid::WGS84, 10.0).unwrap();
        for m in [&ell, &EqualEarth::sphere(180.0)] {
            let points = [(-170.0, -89.0), (0.0, 0.0), (139.7, 35.7), (-77.0, 38.9)];
            assert_round_trips(m, &points, 1e-9);
        }
    }

    #[test]
    fn outside_the_outline_is_none() {
        let m = EqualEarth::sphere(0.0);
        assert!(m.inverse(3.0, 1.2).is_none());
        assert!(m.inverse(f64::NAN, 0.0).is_none());
    }
}
