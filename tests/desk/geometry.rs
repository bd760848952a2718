//! Plane geometry in page pixels for the desk checks: boxes, discs, segments and polylines.
//! Crossings and distances come from `geo`, as in the map's own label placement.

use geo::{Distance, Euclidean, Intersects};

/// A point, page pixels (y down).
pub type Pt = (f64, f64);

/// An axis-aligned box, page pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// The box at `x`, `y` of `w` × `h`.
    pub fn xywh(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    /// The smallest box around `points`; `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = Pt>) -> Option<Rect> {
        let mut r: Option<Rect> = None;
        for (x, y) in points {
            r = Some(match r {
                None => Rect {
                    x0: x,
                    y0: y,
                    x1: x,
                    y1: y,
                },
                Some(r) => Rect {
                    x0: r.x0.min(x),
                    y0: r.y0.min(y),
                    x1: r.x1.max(x),
                    y1: r.y1.max(y),
                },
            });
        }
        r
    }

    /// Width.
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Area, square pixels.
    pub fn area(&self) -> f64 {
        self.w().max(0.0) * self.h().max(0.0)
    }

    /// The box grown by `d` on every side (shrunk when negative).
    pub fn grow(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }

    /// The box moved by `by`.
    pub fn shift(&self, by: Pt) -> Rect {
        Rect {
            x0: self.x0 + by.0,
            y0: self.y0 + by.1,
            x1: self.x1 + by.0,
            y1: self.y1 + by.1,
        }
    }

    /// Whether `p` is inside (edges included).
    pub fn contains(&self, p: Pt) -> bool {
        (self.x0..=self.x1).contains(&p.0) && (self.y0..=self.y1).contains(&p.1)
    }

    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Distance from `p` to the box, 0 inside.
    pub fn distance_to(&self, p: Pt) -> f64 {
        let q = (p.0.clamp(self.x0, self.x1), p.1.clamp(self.y0, self.y1));
        (q.0 - p.0).hypot(q.1 - p.1)
    }

    /// Whether `p` lies on the box's outline, within `tol` pixels.
    pub fn on_edge(&self, p: Pt, tol: f64) -> bool {
        self.grow(tol).contains(p) && !self.grow(-tol).contains(p)
    }

    fn geo(&self) -> geo::Rect {
        geo::Rect::new(
            geo::coord! { x: self.x0, y: self.y0 },
            geo::coord! { x: self.x1, y: self.y1 },
        )
    }

    /// Whether segment a→b passes through the box (touching counts).
    pub fn meets_segment(&self, a: Pt, b: Pt) -> bool {
        self.geo().intersects(&line(a, b))
    }
}

fn line(a: Pt, b: Pt) -> geo::Line {
    geo::Line::new(
        geo::coord! { x: a.0, y: a.1 },
        geo::coord! { x: b.0, y: b.1 },
    )
}

/// Distance between two points.
pub fn dist(a: Pt, b: Pt) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Distance from `p` to segment a→b.
pub fn point_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    Euclidean.distance(&geo::Point::new(p.0, p.1), &line(a, b))
}

/// Whether segments a→b and c→d cross at a point inside both (sharing an end does not count).
pub fn segments_cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    matches!(
        geo::line_intersection::line_intersection(line(a, b), line(c, d)),
        Some(geo::LineIntersection::SinglePoint {
            is_proper: true,
            ..
        }) | Some(geo::LineIntersection::Collinear { .. })
    )
}

/// Distance from a box to a disc's edge, 0 when they touch or overlap.
pub fn box_to_disc(b: &Rect, c: Pt, r: f64) -> f64 {
    (b.distance_to(c) - r).max(0.0)
}

/// Distance from `p` to the nearest point of a polyline.
pub fn point_to_polyline(p: Pt, line: &[Pt]) -> f64 {
    match line {
        [] => f64::INFINITY,
        [q] => dist(p, *q),
        _ => line
            .windows(2)
            .map(|w| point_to_segment(p, w[0], w[1]))
            .fold(f64::INFINITY, f64::min),
    }
}

/// Length of a polyline.
pub fn length(line: &[Pt]) -> f64 {
    line.windows(2).map(|w| dist(w[0], w[1])).sum()
}

/// Points every `step` pixels along a polyline (its first point included).
pub fn samples(line: &[Pt], step: f64) -> Vec<Pt> {
    let mut out = Vec::new();
    let Some(&first) = line.first() else {
        return out;
    };
    out.push(first);
    let mut carry = 0.0;
    for w in line.windows(2) {
        let d = dist(w[0], w[1]);
        let mut t = step - carry;
        while t <= d {
            let f = t / d;
            out.push((
                w[0].0 + f * (w[1].0 - w[0].0),
                w[0].1 + f * (w[1].1 - w[0].1),
            ));
            t += step;
        }
        carry = (carry + d) % step;
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn crossings_and_distances() {
        assert!(segments_cross(
            (0.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (10.0, 0.0)
        ));
        assert!(!segments_cross(
            (0.0, 0.0),
            (10.0, 10.0),
            (10.0, 10.0),
            (20.0, 0.0)
        ));
        assert!((point_to_segment((5.0, 5.0), (0.0, 0.0), (10.0, 0.0)) - 5.0).abs() < 1e-9);
        let r = Rect::xywh(0.0, 0.0, 10.0, 10.0);
        assert!(r.meets_segment((-5.0, 5.0), (5.0, 5.0)));
        assert!(!r.meets_segment((-5.0, 20.0), (5.0, 20.0)));
        assert_eq!(samples(&[(0.0, 0.0), (10.0, 0.0)], 2.5).len(), 5);
    }
}
