//! The part of the globe a regional map shows, so a view projects only the shapes near it.

use super::decode::BBox;
use crate::geodesy::wrap_lon;
use crate::geometry::Bounds;
use crate::model::LonLat;
use crate::projection::{Fitted, Projection};

/// Samples per frame edge.
const SAMPLES: usize = 64;

/// A longitude/latitude box (degrees) around what the frame shows, with a margin. Longitudes
/// may run past ±180 when the map straddles the antimeridian.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Extent {
    cm: f64,
    lon0: f64,
    lon1: f64,
    lat0: f64,
    lat1: f64,
}

impl Extent {
    /// The extent of a fitted map, or `None` when it is not a simple regional box (a pole or
    /// the cut meridian in the frame, a frame edge off the projection's domain, or more than a
    /// quarter of the globe's longitudes): then nothing is filtered out.
    ///
    /// Longitude and latitude have no extreme inside a region without a pole, so the frame's
    /// edges, sampled densely, bound the region.
    pub(crate) fn of<P: Projection>(fitted: &Fitted<P>, cm: f64) -> Option<Extent> {
        let (w, h) = (fitted.width_px(), fitted.height_px());
        for lat in [-90.0, 90.0] {
            let pole = LonLat::new(cm, lat).ok().and_then(|p| fitted.project_px(p));
            if let Some((x, y)) = pole
                && x > -w
                && x < 2.0 * w
                && y > -h
                && y < 2.0 * h
            {
                return None;
            }
        }
        let (mut x0, mut x1, mut y0, mut y1) = (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        );
        for i in 0..=SAMPLES {
            let t = i as f64 / SAMPLES as f64;
            for (px, py) in [(t * w, 0.0), (t * w, h), (0.0, t * h), (w, t * h)] {
                let p = fitted.inverse_px(px, py)?;
                let rel = wrap_lon(p.lon() - cm);
                x0 = x0.min(rel);
                x1 = x1.max(rel);
                y0 = y0.min(p.lat());
                y1 = y1.max(p.lat());
            }
        }
        if x1 - x0 > 90.0 || x0 < -175.0 || x1 > 175.0 {
            return None;
        }
        let margin = 0.1 * (x1 - x0).max(y1 - y0) + 0.5;
        Some(Extent {
            cm,
            lon0: cm + x0 - margin,
            lon1: cm + x1 + margin,
            lat0: y0 - margin,
            lat1: y1 + margin,
        })
    }

    /// The box as (min, min lat, max, max lat) with longitudes relative to the central
    /// meridian, as the clipper's unwrapped rings use them.
    pub(crate) fn relative_box(&self) -> Bounds {
        Bounds::new(
            self.lon0 - self.cm,
            self.lat0,
            self.lon1 - self.cm,
            self.lat1,
        )
    }

    /// Whether a shape with bounding box `b` may show in the frame.
    pub(crate) fn touches(&self, b: &BBox) -> bool {
        if b.3 < self.lat0 || b.1 > self.lat1 {
            return false;
        }
        [-360.0, 0.0, 360.0]
            .iter()
            .any(|k| b.2 + k >= self.lon0 && b.0 + k <= self.lon1)
    }
}
