//! A rectangle in projection units: what a fit frames.

use super::Projection;
use super::fit::MIN_SPAN_UNITS;
use crate::model::LonLat;

/// A rectangle in projection units (x east, y north).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Westmost x.
    pub min_x: f64,
    /// Southmost y.
    pub min_y: f64,
    /// Eastmost x.
    pub max_x: f64,
    /// Northmost y.
    pub max_y: f64,
}

impl Bounds {
    /// The bounds of projected points, ignoring non-finite ones; `None` if there are none.
    pub fn from_points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Self> {
        let mut b: Option<Bounds> = None;
        for (x, y) in points {
            if !x.is_finite() || !y.is_finite() {
                continue;
            }
            b = Some(match b {
                None => Bounds {
                    min_x: x,
                    min_y: y,
                    max_x: x,
                    max_y: y,
                },
                Some(b) => Bounds {
                    min_x: b.min_x.min(x),
                    min_y: b.min_y.min(y),
                    max_x: b.max_x.max(x),
                    max_y: b.max_y.max(y),
                },
            });
        }
        b
    }

    /// The bounds of the positions `projection` can show.
    pub fn of_positions<P: Projection + ?Sized>(projection: &P, points: &[LonLat]) -> Option<Self> {
        Self::from_points(points.iter().filter_map(|&p| projection.forward(p)))
    }

    /// Width, projection units.
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    /// Height, projection units.
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    /// The box of half-width `half_w` and half-height `half_h` around (`cx`, `cy`), all in
    /// projection units.
    pub fn centred(cx: f64, cy: f64, half_w: f64, half_h: f64) -> Self {
        Bounds {
            min_x: cx - half_w,
            min_y: cy - half_h,
            max_x: cx + half_w,
            max_y: cy + half_h,
        }
    }

    /// The same centre, grown evenly (keeping its shape) until its longer side is
    /// [`MIN_SPAN_UNITS`] when both sides are shorter; a point becomes a square.
    pub(super) fn with_min_span(self) -> Self {
        self.with_span_at_least(MIN_SPAN_UNITS)
    }

    /// The same centre, grown evenly (keeping its shape) until its longer side is `min_span`
    /// when both sides are shorter; a point becomes a square.
    pub(super) fn with_span_at_least(self, min_span: f64) -> Self {
        let long = self.width().max(self.height());
        if long >= min_span {
            return self;
        }
        let (cx, cy) = (
            (self.min_x + self.max_x) / 2.0,
            (self.min_y + self.max_y) / 2.0,
        );
        if long <= 0.0 {
            let h = min_span / 2.0;
            return Bounds::centred(cx, cy, h, h);
        }
        let k = min_span / long;
        Bounds::centred(cx, cy, self.width() * k / 2.0, self.height() * k / 2.0)
    }
}
