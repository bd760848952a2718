//! `Ellipsoid`: the figure of the Earth a projection is computed on, and the latitude functions
//! (meridian arc, conformal and authalic latitude) the ellipsoidal projections share.
//!
//! In: semi-major axis `a` in metres and flattening `f` (0 for a sphere). Out: functions in units
//! of `a` and radians.
//!
//! # Units
//! Unlike the rest of the crate, the latitude functions here (`meridian_arc`, `tsfn`, `qsfn`
//! and their inverses) take and return **radians**: they are the inner loops of the projections. Formulas from Snyder, "Map Projections: A Working Manual" (USGS PP 1395,
//! 1987) and, for the meridian arc, Krüger's series in the third flattening `n` (as PROJ and
//! GeographicLib use), which is good to well under a micrometre on the Earth.

use crate::trig;
use std::f64::consts::FRAC_PI_2;

use super::ProjectionError;

/// An ellipsoid of revolution (a sphere when `f` is 0).
///
/// # Units
/// `a` in metres; `f` dimensionless. Projections built on it output coordinates in units of `a`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ellipsoid {
    a: f64,
    f: f64,
}

impl Ellipsoid {
    /// WGS 84: a = 6 378 137 m, 1/f = 298.257223563.
    pub const WGS84: Ellipsoid = Ellipsoid {
        a: 6_378_137.0,
        f: 1.0 / 298.257_223_563,
    };
    /// GRS 80: a = 6 378 137 m, 1/f = 298.257222101.
    pub const GRS80: Ellipsoid = Ellipsoid {
        a: 6_378_137.0,
        f: 1.0 / 298.257_222_101,
    };
    /// The IUGG mean Earth sphere, R = 6 371 008.8 m: what maps use.
    pub const EARTH_SPHERE: Ellipsoid = Ellipsoid {
        a: 6_371_008.8,
        f: 0.0,
    };

    /// An ellipsoid from its semi-major axis (metres) and flattening; rejects a non-positive or
    /// non-finite `a` and `f` outside [0, 1).
    pub fn new(a: f64, f: f64) -> Result<Self, ProjectionError> {
        if !a.is_finite() || a <= 0.0 {
            return Err(ProjectionError::Param {
                name: "a",
                value: a,
                why: "semi-major axis must be a positive number",
            });
        }
        if !f.is_finite() || !(0.0..1.0).contains(&f) {
            return Err(ProjectionError::Param {
                name: "f",
                value: f,
                why: "flattening must be in [0, 1)",
            });
        }
        Ok(Self { a, f })
    }

    /// A sphere of radius `r` metres.
    pub fn sphere(r: f64) -> Result<Self, ProjectionError> {
        Self::new(r, 0.0)
    }

    /// Semi-major axis in metres.
    pub fn a(&self) -> f64 {
        self.a
    }

    /// Flattening (0 for a sphere).
    pub fn f(&self) -> f64 {
        self.f
    }

    /// Whether this is a sphere.
    pub fn is_sphere(&self) -> bool {
        self.f == 0.0
    }

    /// First eccentricity squared, e² = f(2 − f).
    pub fn es(&self) -> f64 {
        self.f * (2.0 - self.f)
    }

    /// First eccentricity e.
    pub fn e(&self) -> f64 {
        self.es().sqrt()
    }

    /// Third flattening n = f / (2 − f).
    pub fn n(&self) -> f64 {
        self.f / (2.0 - self.f)
    }

    /// Prime-vertical radius of curvature ν(φ) in units of `a` (Snyder 4-20).
    pub fn nu(&self, phi: f64) -> f64 {
        let s = trig::sin(phi);
        1.0 / (1.0 - self.es() * s * s).sqrt()
    }

    /// Meridian arc length from the equator to latitude `phi` (radians), in units of `a`.
    pub fn meridian_arc(&self, phi: f64) -> f64 {
        let n = self.n();
        let (n2, n3, n4, n5) = (n * n, n * n * n, n.powi(4), n.powi(5));
        // Rectifying radius over a, and the Krüger coefficients of mu - phi (sin 2k phi terms).
        let a_rect = (1.0 + n2 / 4.0 + n4 / 64.0) / (1.0 + n);
        let c = [
            -3.0 / 2.0 * n + 9.0 / 16.0 * n3 - 3.0 / 32.0 * n5,
            15.0 / 16.0 * n2 - 15.0 / 32.0 * n4,
            -35.0 / 48.0 * n3 + 105.0 / 256.0 * n5,
            315.0 / 512.0 * n4,
            -693.0 / 1280.0 * n5,
        ];
        let mut sum = phi;
        for (k, ck) in c.iter().enumerate() {
            sum += ck * trig::sin(2.0 * (k as f64 + 1.0) * phi);
        }
        a_rect * sum
    }

    /// The latitude (radians) whose meridian arc from the equator is `m` (units of `a`);
    /// `None` beyond a pole.
    pub fn meridian_arc_inverse(&self, m: f64) -> Option<f64> {
        let n = self.n();
        let (n2, n3, n4, n5) = (n * n, n * n * n, n.powi(4), n.powi(5));
        let a_rect = (1.0 + n2 / 4.0 + n4 / 64.0) / (1.0 + n);
        let mu = m / a_rect;
        if !mu.is_finite() || mu.abs() > FRAC_PI_2 * (1.0 + 1e-12) {
            return None;
        }
        let mu = mu.clamp(-FRAC_PI_2, FRAC_PI_2);
        let d = [
            3.0 / 2.0 * n - 27.0 / 32.0 * n3 + 269.0 / 512.0 * n5,
            21.0 / 16.0 * n2 - 55.0 / 32.0 * n4,
            151.0 / 96.0 * n3 - 417.0 / 128.0 * n5,
            1097.0 / 512.0 * n4,
            8011.0 / 2560.0 * n5,
        ];
        let mut phi = mu;
        for (k, dk) in d.iter().enumerate() {
            phi += dk * trig::sin(2.0 * (k as f64 + 1.0) * mu);
        }
        Some(phi.clamp(-FRAC_PI_2, FRAC_PI_2))
    }

    /// Snyder's t(φ) (15-9): tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2), the
    /// exponential of minus the isometric latitude. 0 at the north pole.
    pub fn tsfn(&self, phi: f64) -> f64 {
        let e = self.e();
        let es = e * trig::sin(phi);
        trig::tan(FRAC_PI_2 / 2.0 - phi / 2.0) / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
    }

    /// The natural logarithm of [`tsfn`](Self::tsfn), minus the isometric latitude: two
    /// logarithms where `tsfn` raised to a power takes a `pow`, so `tsfn(φ)^n` is
    /// `exp(n · ln_tsfn(φ))` at about half the cost of two `pow`s.
    pub fn ln_tsfn(&self, phi: f64) -> f64 {
        let e = self.e();
        let es = e * trig::sin(phi);
        trig::tan(FRAC_PI_2 / 2.0 - phi / 2.0).ln() - e / 2.0 * ((1.0 - es) / (1.0 + es)).ln()
    }

    /// The latitude (radians) whose [`tsfn`](Self::tsfn) is `ts` (Snyder 7-9, iterated).
    pub fn phi_from_ts(&self, ts: f64) -> f64 {
        let e = self.e();
        let mut phi = FRAC_PI_2 - 2.0 * trig::atan(ts);
        if e == 0.0 {
            return phi;
        }
        for _ in 0..30 {
            let es = e * trig::sin(phi);
            let next = FRAC_PI_2 - 2.0 * trig::atan(ts * ((1.0 - es) / (1.0 + es)).powf(e / 2.0));
            let done = (next - phi).abs() < 1e-15;
            phi = next;
            if done {
                break;
            }
        }
        phi
    }

    /// Snyder's q(φ) (3-12), the authalic function; 2 sin φ on a sphere.
    pub fn qsfn(&self, sinphi: f64) -> f64 {
        let es = self.es();
        if es == 0.0 {
            return 2.0 * sinphi;
        }
        let e = es.sqrt();
        let con = e * sinphi;
        (1.0 - es) * (sinphi / (1.0 - con * con) - (0.5 / e) * ((1.0 - con) / (1.0 + con)).ln())
    }

    /// The latitude (radians) whose [`qsfn`](Self::qsfn) is `q` (Snyder 3-16, Newton).
    pub fn phi_from_q(&self, q: f64) -> f64 {
        let qp = self.qsfn(1.0);
        let ratio = (q / qp).clamp(-1.0, 1.0);
        if self.es() == 0.0 {
            return trig::asin(ratio);
        }
        if (ratio.abs() - 1.0).abs() < 1e-15 {
            return FRAC_PI_2.copysign(ratio);
        }
        let es = self.es();
        let e = es.sqrt();
        let mut phi = trig::asin(ratio);
        for _ in 0..30 {
            let s = trig::sin(phi);
            let c = trig::cos(phi);
            if c.abs() < 1e-12 {
                break;
            }
            let one = 1.0 - es * s * s;
            let dphi = one * one / (2.0 * c)
                * (q / (1.0 - es) - s / one + (0.5 / e) * ((1.0 - e * s) / (1.0 + e * s)).ln());
            phi += dphi;
            if dphi.abs() < 1e-15 {
                break;
            }
        }
        phi.clamp(-FRAC_PI_2, FRAC_PI_2)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn meridian_quadrant_of_wgs84() {
        // GeographicLib: the WGS84 quarter meridian is 10 001 965.729 m.
        let q = Ellipsoid::WGS84.meridian_arc(FRAC_PI_2) * Ellipsoid::WGS84.a();
        assert!((q - 10_001_965.729_2).abs() < 1e-3, "{q}");
    }

    /// `ln_tsfn` is the logarithm of `tsfn` (to a few units in the last place of the
    /// isometric latitude), on the ellipsoid and the sphere, from pole to pole.
    #[test]
    fn ln_tsfn_is_the_logarithm_of_tsfn() {
        for ell in [Ellipsoid::WGS84, Ellipsoid::sphere(6_371_000.0).unwrap()] {
            for i in -899..=899 {
                let phi = (i as f64 / 10.0).to_radians();
                let (want, got) = (ell.tsfn(phi).ln(), ell.ln_tsfn(phi));
                assert!(
                    (got - want).abs() <= 1e-14 * want.abs().max(1.0),
                    "{i}: {got} {want}"
                );
            }
        }
    }

    #[test]
    fn latitude_functions_round_trip() {
        let e = Ellipsoid::GRS80;
        for deg in [-89.9, -60.0, -1.0, 0.0, 0.5, 33.3, 75.0, 89.99] {
            let phi = f64::to_radians(deg);
            let m = e.meridian_arc(phi);
            assert!((e.meridian_arc_inverse(m).unwrap() - phi).abs() < 1e-14);
            assert!((e.phi_from_ts(e.tsfn(phi)) - phi).abs() < 1e-14);
            assert!(
                (e.phi_from_q(e.qsfn(trig::sin(phi))) - phi).abs() < 1e-12,
                "{deg}"
            );
        }
        assert!(e.meridian_arc_inverse(3.0).is_none());
    }

    #[test]
    fn rejects_bad_figures() {
        assert!(Ellipsoid::new(-1.0, 0.0).is_err());
        assert!(Ellipsoid::new(1.0, 1.0).is_err());
        assert!(Ellipsoid::new(f64::NAN, 0.0).is_err());
    }
}
