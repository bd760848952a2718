//! Orthographic, oblique: the globe seen from infinitely far away above any point (Snyder §20;
//! PROJ `ortho`, with its ellipsoidal form, EPSG method 9840, and optional rotation `alpha`).
//!
//! In: lon/lat degrees. Out, in units of `a`: the point's position on the plane tangent at the
//! centre, viewed along the centre's normal. Points on the far side (normal facing away from
//! the viewer) are not shown: `forward` returns `None` and [`Projection::clip_cap`] is the
//! hemisphere around the centre.

use super::angles::{check_deg, check_scale, lam_phi, map_lon_0, to_lonlat};
use super::{Ellipsoid, Projection, ProjectionError};
use crate::model::LonLat;
use crate::trig;

const EPS10: f64 = 1e-10;

/// Parameters of an orthographic projection (PROJ names, degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrthographicParams {
    /// Longitude of the centre `lon_0`.
    pub lon_0: f64,
    /// Latitude of the centre `lat_0`.
    pub lat_0: f64,
    /// Rotation of the plane `alpha`, degrees clockwise from north.
    pub alpha: f64,
    /// Scale factor `k_0`.
    pub k_0: f64,
}

impl Default for OrthographicParams {
    fn default() -> Self {
        Self {
            lon_0: 0.0,
            lat_0: 0.0,
            alpha: 0.0,
            k_0: 1.0,
        }
    }
}

/// The orthographic projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Orthographic {
    ell: Ellipsoid,
    lon_0: f64,
    lat_0: f64,
    sinph0: f64,
    cosph0: f64,
    /// Prime-vertical radius at the centre.
    nu0: f64,
    sinalpha: f64,
    cosalpha: f64,
    k0: f64,
}

impl Orthographic {
    /// Orthographic on an ellipsoid, with checked parameters.
    pub fn new(ell: Ellipsoid, params: OrthographicParams) -> Result<Self, ProjectionError> {
        let lon_0 = check_deg("lon_0", params.lon_0, 180.0)?;
        let lat_0 = check_deg("lat_0", params.lat_0, 90.0)?;
        let alpha = check_deg("alpha", params.alpha, 360.0)?.to_radians();
        let k0 = check_scale("k_0", params.k_0)?;
        let phi0 = lat_0.to_radians();
        Ok(Self {
            ell,
            lon_0,
            lat_0,
            sinph0: trig::sin(phi0),
            cosph0: trig::cos(phi0),
            nu0: ell.nu(phi0),
            sinalpha: trig::sin(alpha),
            cosalpha: trig::cos(alpha),
            k0,
        })
    }

    /// Spherical orthographic centred on `centre` (a globe view), for maps.
    pub fn sphere(centre: LonLat) -> Self {
        let phi0 = centre.lat().to_radians();
        Self {
            ell: Ellipsoid::EARTH_SPHERE,
            lon_0: map_lon_0(centre.lon()),
            lat_0: centre.lat(),
            sinph0: trig::sin(phi0),
            cosph0: trig::cos(phi0),
            nu0: 1.0,
            sinalpha: 0.0,
            cosalpha: 1.0,
            k0: 1.0,
        }
    }
}

impl Projection for Orthographic {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        let (lam, phi) = lam_phi(p, self.lon_0);
        let (sinphi, cosphi) = trig::sin_cos(phi);
        let (sinlam, coslam) = trig::sin_cos(lam);
        // Visible when the normals at the point and at the centre are less than 90° apart.
        if self.sinph0 * sinphi + self.cosph0 * cosphi * coslam < -EPS10 {
            return None;
        }
        let es = self.ell.es();
        let nu = self.ell.nu(phi);
        let xp = nu * cosphi * sinlam;
        let yp = nu * (sinphi * self.cosph0 - cosphi * self.sinph0 * coslam)
            + es * (self.nu0 * self.sinph0 - nu * sinphi) * self.cosph0;
        Some((
            (self.cosalpha * xp - self.sinalpha * yp) * self.k0,
            (self.sinalpha * xp + self.cosalpha * yp) * self.k0,
        ))
    }

    /// Closed form: the plane point lies on a line along the centre's normal; intersect that
    /// line with the ellipsoid (in Earth-centred coordinates, a = 1) and keep the near side.
    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let xp = (self.cosalpha * x + self.sinalpha * y) / self.k0;
        let yp = (-self.sinalpha * x + self.cosalpha * y) / self.k0;
        let es = self.ell.es();
        let b2 = 1.0 - es;
        let (s0, c0) = (self.sinph0, self.cosph0);
        let n = yp - es * self.nu0 * s0 * c0;
        // P = xp·East + n·North + t·Up, with Up = (c0, 0, s0), North = (−s0, 0, c0).
        let qa = c0 * c0 + s0 * s0 / b2;
        let qb = 2.0 * n * s0 * c0 * (1.0 / b2 - 1.0);
        let qc = n * n * (s0 * s0 + c0 * c0 / b2) + xp * xp - 1.0;
        let disc = qb * qb - 4.0 * qa * qc;
        // disc / 4qa = 1 − ρ², ρ the point's radius relative to the map's outline (an ellipse).
        // Allow rounding just outside it, as PROJ does: ρ − 1 ≤ 1e-10 on a sphere,
        // ρ² − 1 ≤ 1e-11 on an ellipsoid.
        let rho2_excess = -disc / (4.0 * qa);
        let allowed = if es == 0.0 { 2e-10 } else { 1e-11 };
        if rho2_excess > allowed {
            return None;
        }
        let t = (-qb + disc.max(0.0).sqrt()) / (2.0 * qa);
        let big_x = -n * s0 + t * c0;
        let big_y = xp;
        let big_z = n * c0 + t * s0;
        let phi = trig::atan2(big_z, b2 * big_x.hypot(big_y));
        let lam = if big_x == 0.0 && big_y == 0.0 {
            0.0
        } else {
            trig::atan2(big_y, big_x)
        };
        to_lonlat(lam, phi, self.lon_0)
    }

    fn central_meridian(&self) -> f64 {
        self.lon_0
    }

    fn clip_cap(&self) -> Option<(LonLat, f64)> {
        LonLat::new(self.lon_0, self.lat_0).ok().map(|c| (c, 90.0))
    }
    /// The orthographic view never stretches: it is the sphere seen along parallel rays, so no
    /// two points are farther apart on the map than through the sphere (1% added for the
    /// ellipsoid), at any radius.
    fn cap_scale_bound(&self, _radius_deg: f64) -> Option<f64> {
        Some(1.01)
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
    fn round_trip_on_the_near_side() {
        let rotated = Orthographic::new(
            Ellipsoid::WGS84,
            OrthographicParams {
                lon_0: 23.0,
                lat_0: 37.0,
                alpha: 30.0,
                k_0: 0.9,
            },
        )
        .unwrap();
        for m in [&rotated, &Orthographic::sphere(ll(-170.0, -20.0))] {
            let (c, r) = m.clip_cap().unwrap();
            assert_eq!(r, 90.0);
            let points: Vec<(f64, f64)> = [
                (0.0, 0.0),
                (40.0, 10.0),
                (-80.0, c.lat() + 5.0),
                (10.0, 50.0),
            ]
            .iter()
            .map(|&(dlon, lat)| {
                let lon = super::super::angles::wrap_pi((c.lon() + dlon).to_radians()).to_degrees();
                (lon, lat)
            })
            .collect();
            assert_round_trips(m, &points, 1e-8);
        }
    }

    #[test]
    fn far_side_and_outside_the_disc_are_none() {
        let m = Orthographic::sphere(ll(0.0, 0.0));
        assert!(m.forward(ll(120.0, 0.0)).is_none());
        assert!(m.inverse(0.8, 0.8).is_none());
        let (x, y) = m.forward(ll(90.0, 0.0)).unwrap();
        assert!((x - 1.0).abs() < 1e-15 && y.abs() < 1e-15);
    }
}
