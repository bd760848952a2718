//! Angle helpers shared by the projections: checked parameters, longitude wrapping, and turning
//! radians relative to a central meridian back into a [`LonLat`].

use std::f64::consts::{FRAC_PI_2, PI};

use super::ProjectionError;
use crate::model::LonLat;

/// Wraps an angle in radians into [-π, π] (π stays π, so the antimeridian is kept on its side).
pub(crate) fn wrap_pi(x: f64) -> f64 {
    if (-PI..=PI).contains(&x) {
        return x;
    }
    let w = (x + PI).rem_euclid(2.0 * PI) - PI;
    if w == -PI && x > 0.0 { PI } else { w }
}

/// A central meridian for the infallible map constructors: `lon_0` degrees wrapped into
/// [-180, 180], or 0 if it is not finite.
pub(crate) fn map_lon_0(lon_0: f64) -> f64 {
    if lon_0.is_finite() {
        wrap_pi(lon_0.to_radians())
            .to_degrees()
            .clamp(-180.0, 180.0)
    } else {
        0.0
    }
}

/// Longitude relative to `lon_0` and latitude, both radians, of a position.
pub(crate) fn lam_phi(p: LonLat, lon_0_deg: f64) -> (f64, f64) {
    (
        wrap_pi((p.lon() - lon_0_deg).to_radians()),
        p.lat().to_radians(),
    )
}

/// The position at `lam` (radians east of `lon_0`) and `phi` (radians); `None` if either is not
/// finite or `phi` is beyond a pole by more than rounding.
pub(crate) fn to_lonlat(lam: f64, phi: f64, lon_0_deg: f64) -> Option<LonLat> {
    if !lam.is_finite() || !phi.is_finite() || phi.abs() > FRAC_PI_2 + 1e-9 {
        return None;
    }
    let lon = wrap_pi(lam + lon_0_deg.to_radians()).to_degrees();
    LonLat::new(
        lon.clamp(-180.0, 180.0),
        phi.to_degrees().clamp(-90.0, 90.0),
    )
    .ok()
}

/// [`to_lonlat`] for an inverse whose `lam` may overshoot ±π by rounding: `None` when it is
/// beyond ±π by more than a billionth, else the position with `lam` clamped to [-π, π].
pub(crate) fn to_lonlat_within_pi(lam: f64, phi: f64, lon_0_deg: f64) -> Option<LonLat> {
    if lam.abs() > PI * (1.0 + 1e-9) {
        return None;
    }
    to_lonlat(lam.clamp(-PI, PI), phi, lon_0_deg)
}

/// A parameter that must be a finite number of degrees within ±`limit`.
pub(crate) fn check_deg(name: &'static str, v: f64, limit: f64) -> Result<f64, ProjectionError> {
    if v.is_finite() && v.abs() <= limit {
        Ok(v)
    } else {
        Err(ProjectionError::Param {
            name,
            value: v,
            why: if limit >= 180.0 {
                "must be a longitude in degrees within [-180, 180]"
            } else {
                "must be a latitude in degrees within [-90, 90]"
            },
        })
    }
}

/// A scale factor that must be finite and positive.
pub(crate) fn check_scale(name: &'static str, v: f64) -> Result<f64, ProjectionError> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(ProjectionError::Param {
            name,
            value: v,
            why: "scale factor must be a positive number",
        })
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn wraps_into_pi() {
        assert_eq!(wrap_pi(PI), PI);
        assert!((wrap_pi(3.0 * PI / 2.0) + FRAC_PI_2).abs() < 1e-15);
        assert!((wrap_pi(-3.0 * PI / 2.0) - FRAC_PI_2).abs() < 1e-15);
        assert_eq!(wrap_pi(3.0 * PI), PI);
    }

    #[test]
    fn back_to_lonlat_adds_the_central_meridian() {
        let p = to_lonlat(20f64.to_radians(), 0.1, 170.0).unwrap();
        assert!((p.lon() + 170.0).abs() < 1e-9);
        assert!(to_lonlat(0.0, 2.0, 0.0).is_none());
        assert!(check_deg("lat_0", 91.0, 90.0).is_err());
    }
}
