//! Map projections: pure functions from lon/lat degrees to a plane and back.
//!
//! One file per projection. Each implements [`Projection`];
//! [`fit`](crate::projection::fit()) scales a projection to a pixel box and
//! [`choose`](crate::projection::choose()) picks one for a trip.
//!
//! ```
//! use tripmap::model::LonLat;
//! use tripmap::projection::{choose, fit, pick_height_px};
//!
//! // Washington -> Amman -> Tokyo: one map, centred near 30 deg E, 1000 px wide.
//! let trip = [(-77.04, 38.9), (35.93, 31.95), (139.65, 35.68)];
//! let stops: Vec<LonLat> = trip.iter().map(|&(lon, lat)| LonLat::new(lon, lat).unwrap()).collect();
//! let projection = choose(&trip, None);
//! let height = pick_height_px(&projection, &stops, 1000.0, 40.0).unwrap();
//! let map = fit(projection, &stops, 1000.0, height, 40.0).unwrap();
//! let (x, y) = map.project_px(stops[1]).unwrap(); // pixels, y down
//! assert!(x > 40.0 && x < 960.0 && y > 0.0 && y < height);
//! let km_per_px = map.scale_at_centre_km_per_px().unwrap();
//! assert!(km_per_px > 1.0 && km_per_px < 100.0);
//! ```

use crate::model::LonLat;

/// Angle helpers shared by the projections (wrapping, checked parameters).
mod angles;
/// Azimuthal equidistant, oblique, spherical or ellipsoidal (geodesics).
pub mod azimuthal_equidistant;
/// A rectangle in projection units.
mod bounds;
/// Choosing a projection for a trip.
pub mod choose;
/// `Ellipsoid { a, f }` and the latitude functions the ellipsoidal projections share.
pub mod ellipsoid;
/// Equal Earth, an equal-area world projection.
pub mod equal_earth;
/// Equidistant cylindrical (plate carrée) with a latitude of true scale.
pub mod equirectangular;
/// `ProjectionError`: a parameter that cannot be used.
pub mod error;
/// Fitting a projection to a pixel box; map scale in km per pixel.
pub mod fit;
/// `ProjectionKind`: the projections a user can ask for, and their names.
pub mod kind;
/// Lambert conformal conic with two standard parallels.
pub mod lambert_conic;
/// Mercator, spherical or ellipsoidal.
pub mod mercator;
/// Natural Earth I, a compromise world projection (spherical).
pub mod natural_earth;
/// Orthographic, oblique (a globe view), spherical or ellipsoidal.
pub mod orthographic;
/// `TripExtent`: where a trip lies, as the projection choice sees it.
pub mod trip_extent;

pub use azimuthal_equidistant::AzimuthalEquidistant;
pub use bounds::Bounds;
pub use choose::{build, choose, choose_kind};
pub use ellipsoid::Ellipsoid;
pub use equal_earth::EqualEarth;
pub use equirectangular::{Equirectangular, EquirectangularParams};
pub use error::ProjectionError;
pub use fit::{FitError, Fitted, fit, fit_bounds, fit_bounds_min_span, pick_height_px};
pub use kind::{ProjectionKind, UnknownProjection};
pub use lambert_conic::{LambertConic, LambertConicParams};
pub use mercator::{Mercator, MercatorParams};
pub use natural_earth::NaturalEarth;
pub use orthographic::{Orthographic, OrthographicParams};
pub use trip_extent::TripExtent;

/// A map projection on the unit sphere (or an ellipsoid, where PROJ tests one), before fitting.
///
/// # Units
/// Input degrees; output in units of the sphere's radius (x east, y north). Fitting to pixels,
/// which flips y, is done separately.
pub trait Projection {
    /// Projects a position; `None` where the projection cannot show it (the far hemisphere of an
    /// orthographic map).
    fn forward(&self, p: LonLat) -> Option<(f64, f64)>;
    /// The position at a projected point; `None` outside the projection's domain.
    fn inverse(&self, x: f64, y: f64) -> Option<LonLat>;
    /// The central meridian in degrees: the map is cut along the meridian opposite it.
    fn central_meridian(&self) -> f64;
    /// For projections that show less than the whole sphere: the centre and the angular radius in
    /// degrees of the visible cap (90 for orthographic). `None` for whole-world projections.
    fn clip_cap(&self) -> Option<(LonLat, f64)> {
        None
    }
    /// For projections with a [`Projection::clip_cap`]: how far apart, at most, in projected
    /// units (Earth radii), two points joined by an arc within `radius_deg` of the cap's centre
    /// are for each radian of that arc, with a margin for the ellipsoid; `None` when not
    /// known. A map uses it to leave unprojected the shapes it can tell lie far outside
    /// its frame.
    fn cap_scale_bound(&self, _radius_deg: f64) -> Option<f64> {
        None
    }
}

/// A boxed projection is a projection, so `Fitted<Box<dyn Projection + Send + Sync>>` works.
impl<P: Projection + ?Sized> Projection for Box<P> {
    fn forward(&self, p: LonLat) -> Option<(f64, f64)> {
        (**self).forward(p)
    }
    fn inverse(&self, x: f64, y: f64) -> Option<LonLat> {
        (**self).inverse(x, y)
    }
    fn central_meridian(&self) -> f64 {
        (**self).central_meridian()
    }
    fn clip_cap(&self) -> Option<(LonLat, f64)> {
        (**self).clip_cap()
    }
    fn cap_scale_bound(&self, radius_deg: f64) -> Option<f64> {
        (**self).cap_scale_bound(radius_deg)
    }
}

/// Test helper: asserts that `inverse(forward(p))` gives each `(lon, lat)` back within `tol`
/// degrees, longitudes compared around the circle (so -180 and 180 agree).
#[cfg(test)]
pub(crate) fn assert_round_trips<P: Projection + std::fmt::Debug>(
    m: &P,
    points: &[(f64, f64)],
    tol: f64,
) {
    for &(lon, lat) in points {
        let (x, y) = m
            .forward(LonLat::new(lon, lat).unwrap())
            .unwrap_or_else(|| panic!("{m:?}: {lon} {lat} not shown"));
        let q = m
            .inverse(x, y)
            .unwrap_or_else(|| panic!("{m:?}: no inverse at {x} {y}"));
        let dlon = (q.lon() - lon).rem_euclid(360.0);
        assert!(
            dlon.min(360.0 - dlon) < tol && (q.lat() - lat).abs() < tol,
            "{m:?}: {lon} {lat} -> {q}"
        );
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Every projection, spherical and ellipsoidal, with central meridians on both sides of
    /// the antimeridian.
    fn all_projections() -> Vec<Box<dyn Projection>> {
        let ll = |lon, lat| LonLat::new(lon, lat).unwrap();
        let mut v: Vec<Box<dyn Projection>> = Vec::new();
        for (lon_0, lat_0) in [(0.0, 0.0), (180.0, 40.0), (-100.0, -60.0), (31.3, 90.0)] {
            v.push(Box::new(Mercator::sphere(lon_0)));
            v.push(Box::new(
                Mercator::new(
                    Ellipsoid::WGS84,
                    MercatorParams {
                        lon_0,
                        ..Default::default()
                    },
                )
                .unwrap(),
            ));
            v.push(Box::new(Equirectangular::sphere(lon_0, 30.0)));
            v.push(Box::new(
                Equirectangular::new(
                    Ellipsoid::WGS84,
                    EquirectangularParams {
                        lon_0,
                        lat_0: lat_0 / 2.0,
                        lat_ts: 20.0,
                    },
                )
                .unwrap(),
            ));
            v.push(Box::new(EqualEarth::sphere(lon_0)));
            v.push(Box::new(EqualEarth::new(Ellipsoid::WGS84, lon_0).unwrap()));
            v.push(Box::new(NaturalEarth::sphere(lon_0)));
            v.push(Box::new(
                LambertConic::sphere(lon_0, lat_0 / 2.0, 20.0, 60.0).unwrap(),
            ));
            v.push(Box::new(
                LambertConic::new(
                    Ellipsoid::GRS80,
                    LambertConicParams {
                        lon_0,
                        lat_0: lat_0 / 2.0,
                        lat_1: -20.0,
                        lat_2: -50.0,
                        k_0: 1.0,
                    },
                )
                .unwrap(),
            ));
            v.push(Box::new(AzimuthalEquidistant::sphere(ll(lon_0, lat_0))));
            v.push(Box::new(
                AzimuthalEquidistant::new(Ellipsoid::WGS84, lon_0, lat_0).unwrap(),
            ));
            v.push(Box::new(Orthographic::sphere(ll(lon_0, lat_0))));
            v.push(Box::new(
                Orthographic::new(
                    Ellipsoid::WGS84,
                    OrthographicParams {
                        lon_0,
                        lat_0,
                        ..Default::default()
                    },
                )
                .unwrap(),
            ));
        }
        v
    }

    /// Great-circle angle in degrees.
    fn angle(a: LonLat, b: LonLat) -> f64 {
        crate::geodesy::central_angle_rad(a.lon(), a.lat(), b.lon(), b.lat()).to_degrees()
    }

    #[test]
    fn inverse_undoes_forward_on_a_world_grid() {
        let mut checked = 0;
        for p in all_projections() {
            let cap = p.clip_cap();
            for i in 0..=48 {
                for j in 0..=24 {
                    let q =
                        LonLat::new(-180.0 + 7.5 * i as f64, -89.5 + 7.4583 * j as f64).unwrap();
                    // Skip the ill-conditioned places: the orthographic limb.
                    if let Some((c, r)) = cap
                        && angle(c, q) > r - 1.0
                    {
                        continue;
                    }
                    let Some((x, y)) = p.forward(q) else {
                        continue;
                    };
                    let back = p
                        .inverse(x, y)
                        .unwrap_or_else(|| panic!("{q} -> ({x}, {y})"));
                    checked += 1;
                    assert!(angle(q, back) < 1e-7, "{q} -> ({x}, {y}) -> {back}");
                }
            }
        }
        println!("{checked} grid points round-tripped");
        assert!(checked > 40_000, "{checked}");
    }
}
