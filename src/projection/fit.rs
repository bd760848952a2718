//! Fitting a projection to a pixel box: `Fitted` maps lon/lat to SVG pixels and back.
//!
//! In: a [`Projection`], the positions (or projected [`Bounds`]) that must be visible, the box
//! size and padding in pixels. Out: a [`Fitted`] projection, a uniform scale (pixels per
//! projection unit) and translation that put the bounds' centre at the box's centre and make
//! them fill the box less its padding. Pixel y grows downwards (SVG), projection y upwards.
//! Also: [`pick_height_px`] to choose a box height that suits the trip's shape, and the map
//! scale in km per pixel for a scale bar ([`Fitted::scale_at_centre_km_per_px`]).

use geographiclib_rs::{DirectGeodesic, Geodesic};

use super::{Bounds, Projection};
use crate::model::LonLat;

/// Smallest extent, in projection units (Earth radii), a fit will zoom to: about 1.2 km, a
/// walk through a few streets. Positions closer together than this are shown with this much
/// context; callers that want more (a single place in its region) fit a wider set of points.
/// (It was 1.9 km: a 1 km walk then filled only a third of its map.)
pub const MIN_SPAN_UNITS: f64 = 0.00019;

/// The least share of the smallest extent a fit shows across the frame's shorter side (with
/// [`MIN_SPAN_UNITS`]: about 1 km).
pub const SHORT_SIDE_SHARE: f64 = 0.85;

/// Heights [`pick_height_px`] may return, as fractions of the width.
pub const HEIGHT_RANGE: (f64, f64) = (0.45, 1.25);

/// Why a projection could not be fitted to a box.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// The box width or height is not a positive number of pixels.
    #[error("map {name} {value} px is not a positive number")]
    Size {
        /// `width` or `height`.
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// The padding is negative, not finite, or leaves no room in the box.
    #[error("padding {padding} px leaves no room in a {width} x {height} px map")]
    Padding {
        /// The padding given, pixels.
        padding: f64,
        /// The box width, pixels.
        width: f64,
        /// The box height, pixels.
        height: f64,
    },
    /// None of the positions can be shown by the projection (all on an orthographic map's far
    /// side, say), or there were none.
    #[error("none of the {count} positions can be shown in this projection")]
    NothingToShow {
        /// How many positions were given.
        count: usize,
    },
}

/// A projection scaled and translated into a pixel box: px = tx + scale·x, py = ty − scale·y.
#[derive(Debug, Clone)]
pub struct Fitted<P> {
    projection: P,
    /// Pixels per projection unit.
    scale: f64,
    tx: f64,
    ty: f64,
    width_px: f64,
    height_px: f64,
}

/// Fits `projection` so that every position it can show in `points` lies inside the
/// `width_px` × `height_px` box, at least `padding_px` from its edges, centred.
pub fn fit<P: Projection>(
    projection: P,
    points: &[LonLat],
    width_px: f64,
    height_px: f64,
    padding_px: f64,
) -> Result<Fitted<P>, FitError> {
    let bounds = Bounds::of_positions(&projection, points).ok_or(FitError::NothingToShow {
        count: points.len(),
    })?;
    fit_bounds(projection, bounds, width_px, height_px, padding_px)
}

/// Fits `projection` so that `bounds` (projection units) fills the box less its padding,
/// centred. Bounds smaller than [`MIN_SPAN_UNITS`] on both sides are widened to it.
pub fn fit_bounds<P: Projection>(
    projection: P,
    bounds: Bounds,
    width_px: f64,
    height_px: f64,
    padding_px: f64,
) -> Result<Fitted<P>, FitError> {
    fit_bounds_min_span(
        projection,
        bounds,
        width_px,
        height_px,
        padding_px,
        MIN_SPAN_UNITS,
    )
}

/// [`fit_bounds`] with the caller's smallest extent (projection units) instead of
/// [`MIN_SPAN_UNITS`]: a street map of a walk needs a few hundred metres (0.0001 Earth radii
/// is 640 m). Not finite, or under 1e-7 (60 cm): 1e-7.
pub fn fit_bounds_min_span<P: Projection>(
    projection: P,
    bounds: Bounds,
    width_px: f64,
    height_px: f64,
    padding_px: f64,
    min_span_units: f64,
) -> Result<Fitted<P>, FitError> {
    check_box(width_px, height_px, padding_px)?;
    let min_span = if min_span_units.is_finite() {
        min_span_units.max(1e-7)
    } else {
        1e-7
    };
    let b = bounds.with_span_at_least(min_span);
    if !(b.width().is_finite() && b.height().is_finite()) {
        return Err(FitError::NothingToShow { count: 0 });
    }
    let (inner_w, inner_h) = (width_px - 2.0 * padding_px, height_px - 2.0 * padding_px);
    let sx = if b.width() > 0.0 {
        inner_w / b.width()
    } else {
        f64::INFINITY
    };
    let sy = if b.height() > 0.0 {
        inner_h / b.height()
    } else {
        f64::INFINITY
    };
    // However wide the frame, its shorter side shows at least this share of the least span:
    // a 960 × 430 px map of a walk along one street is not 0.8 km tall.
    let short_floor = SHORT_SIDE_SHARE * min_span;
    let scale = sx.min(sy).min(width_px.min(height_px) / short_floor);
    let (cx, cy) = ((b.min_x + b.max_x) / 2.0, (b.min_y + b.max_y) / 2.0);
    Ok(Fitted {
        projection,
        scale,
        tx: width_px / 2.0 - scale * cx,
        ty: height_px / 2.0 + scale * cy,
        width_px,
        height_px,
    })
}

fn check_box(width_px: f64, height_px: f64, padding_px: f64) -> Result<(), FitError> {
    for (name, value) in [("width", width_px), ("height", height_px)] {
        if !value.is_finite() || value <= 0.0 {
            return Err(FitError::Size { name, value });
        }
    }
    if !padding_px.is_finite() || padding_px < 0.0 || 2.0 * padding_px >= width_px.min(height_px) {
        return Err(FitError::Padding {
            padding: padding_px,
            width: width_px,
            height: height_px,
        });
    }
    Ok(())
}

/// A box height in whole pixels for a `width_px`-wide map of `points` in `projection`: the
/// height that the points' projected shape (plus padding) asks for, clamped to
/// [`HEIGHT_RANGE`] × width so a trip along a parallel or a meridian still gets a usable map.
pub fn pick_height_px<P: Projection + ?Sized>(
    projection: &P,
    points: &[LonLat],
    width_px: f64,
    padding_px: f64,
) -> Result<f64, FitError> {
    check_box(width_px, width_px, padding_px)?;
    let b = Bounds::of_positions(projection, points)
        .ok_or(FitError::NothingToShow {
            count: points.len(),
        })?
        .with_min_span();
    let aspect = if b.width() > 0.0 {
        b.height() / b.width()
    } else {
        f64::INFINITY
    };
    let inner_w = width_px - 2.0 * padding_px;
    let wanted = inner_w * aspect + 2.0 * padding_px;
    let (lo, hi) = (HEIGHT_RANGE.0 * width_px, HEIGHT_RANGE.1 * width_px);
    Ok(wanted.clamp(lo, hi).round().max(1.0))
}

impl<P: Projection> Fitted<P> {
    /// The pixel position (x right, y down) of a position; `None` where the projection cannot
    /// show it. Points outside the box are returned too (negative or beyond the size).
    pub fn project_px(&self, p: LonLat) -> Option<(f64, f64)> {
        let (x, y) = self.projection.forward(p)?;
        Some((self.tx + self.scale * x, self.ty - self.scale * y))
    }

    /// The position at a pixel; `None` outside the projection's domain.
    pub fn inverse_px(&self, px: f64, py: f64) -> Option<LonLat> {
        self.projection
            .inverse((px - self.tx) / self.scale, (self.ty - py) / self.scale)
    }

    /// The projection.
    pub fn projection(&self) -> &P {
        &self.projection
    }

    /// Pixels per projection unit (per Earth radius at the projection's true-scale places).
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The pixel position of the projection's origin: `(tx, ty)` in px = tx + scale·x,
    /// py = ty − scale·y.
    pub fn translation(&self) -> (f64, f64) {
        (self.tx, self.ty)
    }

    /// Box width in pixels.
    pub fn width_px(&self) -> f64 {
        self.width_px
    }

    /// Box height in pixels.
    pub fn height_px(&self) -> f64 {
        self.height_px
    }

    /// Kilometres per pixel at `p`, measured along the parallel and along the meridian:
    /// project two points 1 km apart (0.5 km either side of `p`, by geodesics on WGS84) and
    /// measure their pixel distance. True for any projection; the two differ where the
    /// projection is not conformal. `None` where `p` or its neighbours cannot be shown.
    pub fn km_per_px_at(&self, p: LonLat) -> Option<(f64, f64)> {
        let g = Geodesic::wgs84();
        let along = |azimuth: f64| -> Option<f64> {
            let end = |s: f64| -> Option<(f64, f64)> {
                let (lat, lon): (f64, f64) = g.direct(p.lat(), p.lon(), azimuth, s);
                self.project_px(LonLat::from_point_wrapped(geo::Point::new(lon, lat)))
            };
            // The two ends lie on one geodesic through p, 1 km apart.
            let (a, b) = (end(-500.0)?, end(500.0)?);
            let px = (b.0 - a.0).hypot(b.1 - a.1);
            (px > 0.0 && px.is_finite()).then(|| 1.0 / px)
        };
        Some((along(90.0)?, along(0.0)?))
    }

    /// Kilometres per pixel along the parallel through the map's centre pixel: what a
    /// horizontal scale bar at the centre should use. `None` if the centre pixel is outside the
    /// projection's domain.
    pub fn scale_at_centre_km_per_px(&self) -> Option<f64> {
        let c = self.inverse_px(self.width_px / 2.0, self.height_px / 2.0)?;
        self.km_per_px_at(c).map(|(east, _north)| east)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::projection::{AzimuthalEquidistant, EqualEarth, Mercator, Orthographic};

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat).unwrap()
    }

    #[test]
    fn points_fill_the_box_less_padding_and_round_trip() {
        let pts = [ll(-77.0, 38.9), ll(35.2, 31.8), ll(139.65, 35.7)];
        let f = fit(EqualEarth::sphere(31.3), &pts, 1000.0, 500.0, 20.0).unwrap();
        let px: Vec<(f64, f64)> = pts.iter().map(|&p| f.project_px(p).unwrap()).collect();
        let (min_x, max_x) = px
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        assert!((min_x - 20.0).abs() < 1e-9 && (max_x - 980.0).abs() < 1e-9);
        for (lon, lat) in px.iter().map(|&(x, y)| {
            let q = f.inverse_px(x, y).unwrap();
            (q.lon(), q.lat())
        }) {
            assert!(
                pts.iter()
                    .any(|p| (p.lon() - lon).abs() < 1e-9 && (p.lat() - lat).abs() < 1e-9)
            );
        }
        // North is up: Washington (38.9N) above Jerusalem (31.8N) on this map.
        assert!(px[0].1 < px[1].1);
    }

    #[test]
    fn single_point_is_centred_with_context() {
        let f = fit(
            Mercator::sphere(2.35),
            &[ll(2.35, 48.85)],
            800.0,
            600.0,
            10.0,
        )
        .unwrap();
        let (x, y) = f.project_px(ll(2.35, 48.85)).unwrap();
        assert!((x - 400.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
        assert!((f.scale() / (580.0 / MIN_SPAN_UNITS) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_wide_frame_still_shows_the_least_span_across_its_short_side() {
        // Three points along one parallel, 0.012° apart in all (a little over the least span
        // in this projection's units), in a frame 960 × 430 px: the
        // height shows at least SHORT_SIDE_SHARE of the least span.
        let pts = [ll(-3.2, 55.95), ll(-3.194, 55.95), ll(-3.188, 55.95)];
        let f = fit(Mercator::sphere(-3.194), &pts, 960.0, 430.0, 10.0).unwrap();
        let shown = 430.0 / f.scale();
        assert!(
            shown >= SHORT_SIDE_SHARE * MIN_SPAN_UNITS * (1.0 - 1e-9),
            "{shown} units across"
        );
        // The points still fit.
        for p in pts {
            let (x, _) = f.project_px(p).unwrap();
            assert!((0.0..=960.0).contains(&x));
        }
    }

    #[test]
    fn bad_boxes_and_invisible_points_are_named() {
        let pts = [ll(0.0, 0.0)];
        let e = fit(Mercator::sphere(0.0), &pts, 0.0, 100.0, 0.0).unwrap_err();
        assert!(e.to_string().contains("width"));
        let e = fit(Mercator::sphere(0.0), &pts, 100.0, 100.0, 60.0).unwrap_err();
        assert!(matches!(e, FitError::Padding { .. }));
        let far = Orthographic::sphere(ll(0.0, 0.0));
        let e = fit(far, &[ll(180.0, 0.0)], 100.0, 100.0, 0.0).unwrap_err();
        assert_eq!(e, FitError::NothingToShow { count: 1 });
    }

    #[test]
    fn height_follows_the_trip_shape_within_limits() {
        let wide = [ll(-77.0, 38.9), ll(139.65, 35.7)];
        let m = EqualEarth::sphere(31.3);
        assert_eq!(pick_height_px(&m, &wide, 1000.0, 20.0).unwrap(), 450.0);
        let tall = [ll(10.0, -40.0), ll(10.5, 60.0)];
        assert_eq!(pick_height_px(&m, &tall, 1000.0, 20.0).unwrap(), 1250.0);
        let square = [ll(0.0, 0.0), ll(10.0, 10.0)];
        let az = AzimuthalEquidistant::sphere(ll(5.0, 5.0));
        let h = pick_height_px(&az, &square, 1000.0, 0.0).unwrap();
        assert!((900.0..1100.0).contains(&h), "{h}");
    }

    #[test]
    fn scale_bar_km_per_px_is_true_at_the_centre() {
        // Equator on a Mercator map, 1000 px for 10 degrees of longitude less padding.
        let pts = [ll(0.0, 0.0), ll(10.0, 0.0)];
        let f = fit(Mercator::sphere(5.0), &pts, 1000.0, 500.0, 0.0).unwrap();
        let km = f.scale_at_centre_km_per_px().unwrap();
        // 10 degrees of the WGS84 equator is 1113.195 km, drawn 1000 px wide.
        let expected = 1_113.194_9 / 1000.0;
        assert!(
            (km - expected).abs() / expected < 1e-3,
            "{km} vs {expected}"
        );
        let (east, north) = f.km_per_px_at(ll(5.0, 0.0)).unwrap();
        assert!((east - north).abs() / east < 1e-2, "Mercator is conformal");
    }
}
