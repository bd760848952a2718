//! Map projections: pure functions from lon/lat degrees to a plane and back.
//!
//! One file per projection. Each implements [`Projection`]; `fit` scales a projection to a pixel
//! box and `choose` picks one for a trip.

use crate::model::LonLat;

/// Angle helpers shared by the projections (wrapping, checked parameters).
mod angles;
/// Azimuthal equidistant, oblique, spherical or ellipsoidal (geodesics).
pub mod azimuthal_equidistant;
/// Choosing a projection for a trip; the CLI's projection names.
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
/// Lambert conformal conic with two standard parallels.
pub mod lambert_conic;
/// Mercator, spherical or ellipsoidal.
pub mod mercator;
/// Natural Earth I, a compromise world projection (spherical).
pub mod natural_earth;
/// Orthographic, oblique (a globe view), spherical or ellipsoidal.
pub mod orthographic;

pub use azimuthal_equidistant::AzimuthalEquidistant;
pub use choose::{ProjectionKind, TripExtent, UnknownProjection, choose, choose_kind};
pub use ellipsoid::Ellipsoid;
pub use equal_earth::EqualEarth;
pub use equirectangular::{Equirectangular, EquirectangularParams};
pub use error::ProjectionError;
pub use fit::{Bounds, FitError, Fitted, fit, fit_bounds, pick_height_px};
pub use lambert_conic::{LambertConic, LambertConicParams};
pub use mercator::{Mercator, MercatorParams};
pub use natural_earth::NaturalEarth;
pub use orthographic::{Orthographic, OrthographicParams};

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
}
