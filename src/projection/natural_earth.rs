//! Natural Earth I (Šavrič, Jenny, Patterson, Petrovič & Hurni 2011; PROJ `natearth`): a
//! compromise pseudocylinder for world maps, defined by polynomials on the sphere only.
//!
//! In: lon/lat degrees. Out: x, y in units of the sphere's radius.

use std::f64::consts::PI;

use super::angles::{check_deg, lam_phi, map_lon_0, to_lonlat_within_pi};
use super::{Projection, ProjectionError};
use crate::model::LonLat;

const A0: f64 = 0.8707;
const A1: f64 = -0.131979;
const A2: f64 = -0.013791;
const A3: f64 = 0.003971;
const A4: f64 = -0.001529;
const B0: f64 = 1.007226;
const B1: f64 = 0.015085;
const B2: f64 = -0.044475;
const B3: f64 = 0.028874;
const B4: f64 = -0.005916;

/// The Natural Earth I projection (spherical).
#[derive(Debug, Clone, PartialEq)]
pub struct NaturalEarth {
    lon_0: f64,
}

impl NaturalEarth {
    /// Natural Earth centred on `lon_0` degrees.
    pub fn new(lon_0: f64) -> Result<Self, ProjectionError> {
        Ok(Self {
            lon_0: check_deg("lon_0", lon_0, 180.0)?,
        })
    }

    /// Natural Earth centred on `lon_0` degrees (wrapped into [-180, 180]; 0 if not finite), for maps.
    pub fn sphere(lon_0: f64) -> Self {
        Self {
            lon_0: map_lon_0(lon_0),
        }
    }

    fn x_factor(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        A0 + p2 * (A1 + p2 * (A2 + p4 * p2 * (A3 + p2 * A4)))
    }

    fn y_of(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        phi * (B0 + p2 * (B1 + p4 * (B2 + B3 * p2 + B4 * p4)))
    }

    fn dy_dphi(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        B0 + p2 * (3.0 * B1 + p4 * (7.0 * B2 + 9.0 * B3 * p2 + 11.0 * B4 * p4))
    }
}

impl Projection for NaturalEarth {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        Some((lam * Self::x_factor(phi), Self::y_of(phi)))
    }

    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let ymax = Self::y_of(PI / 2.0);
        let target = y.clamp(-ymax, ymax);
        let mut phi = target;
        let mut converged = false;
        for _ in 0..30 {
            let step = (Self::y_of(phi) - target) / Self::dy_dphi(phi);
            phi -= step;
            if step.abs() < 1e-14 {
                converged = true;
                break;
            }
        }
        if !converged {
            return None;
        }
        let lam = x / Self::x_factor(phi);
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
        let m = NaturalEarth::new(-160.0).unwrap();
        let points = [(-170.0, -90.0), (0.0, 0.0), (139.7, 35.7), (20.0, 89.0)];
        assert_round_trips(&m, &points, 1e-9);
        assert!(m.inverse(4.0, 0.0).is_none());
        assert!(NaturalEarth::new(200.0).is_err());
    }
}
