//! Pixel geometry for the scene: rectangles, cutting polylines at a rectangle, simplifying them
//! to the pixel grid. Everything in pixels, y down.

use geo::{LineString, Simplify};

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, at least 0.
    pub w: f64,
    /// Height, at least 0.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w, h }
    }
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the two rectangles share an area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    /// Whether `o` lies wholly inside.
    pub fn contains_rect(&self, o: &Rect) -> bool {
        o.x >= self.x && o.y >= self.y && o.right() <= self.right() && o.bottom() <= self.bottom()
    }
    /// Whether the point is inside or on the edge.
    pub fn contains(&self, p: (f64, f64)) -> bool {
        p.0 >= self.x && p.0 <= self.right() && p.1 >= self.y && p.1 <= self.bottom()
    }
    /// The rectangle grown by `d` on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }
    /// The point of the rectangle nearest to `p`.
    pub fn nearest(&self, p: (f64, f64)) -> (f64, f64) {
        (
            p.0.clamp(self.x, self.right()),
            p.1.clamp(self.y, self.bottom()),
        )
    }
    /// The smallest rectangle holding every point; `None` for no points.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Rect> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let (mut x0, mut y0, mut x1, mut y1) = (first.0, first.1, first.0, first.1);
        for (x, y) in it {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        Some(Rect::new(x0, y0, x1 - x0, y1 - y0))
    }
}

/// Cuts a polyline where it leaves `r` (Liang–Barsky per segment): the pieces inside, each with
/// at least two points.
pub fn clip_polyline(points: &[(f64, f64)], r: &Rect) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for w in points.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b, a_moved, b_moved)) => {
                if current.is_empty() || a_moved {
                    if current.len() >= 2 {
                        out.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
                if b_moved {
                    out.push(std::mem::take(&mut current));
                }
            }
            None => {
                if current.len() >= 2 {
                    out.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// A clipped segment: its two ends and whether each was moved onto the rectangle's edge.
pub type ClippedSegment = ((f64, f64), (f64, f64), bool, bool);

/// The part of segment a→b inside `r` and whether each end was moved onto the edge; `None`
/// when the segment misses `r`.
pub fn clip_segment(a: (f64, f64), b: (f64, f64), r: &Rect) -> Option<ClippedSegment> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r.x),
        (dx, r.right() - a.0),
        (-dy, a.1 - r.y),
        (dy, r.bottom() - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    Some((at(t0), at(t1), t0 > 0.0, t1 < 1.0))
}

/// Douglas–Peucker to `tolerance_px`, then coordinates rounded to 0.1 px with repeated points
/// dropped.
pub fn simplify(points: &[(f64, f64)], tolerance_px: f64) -> Vec<(f64, f64)> {
    let ls: LineString<f64> = points
        .iter()
        .map(|&(x, y)| geo::coord! { x: x, y: y })
        .collect();
    let simple = ls.simplify(tolerance_px);
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(simple.0.len());
    for c in simple.0 {
        let p = (round1(c.x), round1(c.y));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Rounds to one decimal place (a tenth of a pixel).
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Length of a polyline in pixels.
pub fn length(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .sum()
}

/// The point `d` pixels along a polyline and the direction there (radians, atan2 of dy, dx).
pub fn point_along(points: &[(f64, f64)], d: f64) -> Option<((f64, f64), f64)> {
    let mut left = d;
    for w in points.windows(2) {
        let seg = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        if seg > 0.0 && left <= seg {
            let t = left / seg;
            let p = (
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            );
            return Some((p, (w[1].1 - w[0].1).atan2(w[1].0 - w[0].0)));
        }
        left -= seg;
    }
    None
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn clipping_cuts_where_the_line_leaves_and_reenters() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (15.0, 5.0),
            (15.0, 8.0),
            (5.0, 8.0),
        ];
        let parts = clip_polyline(&line, &r);
        assert_eq!(
            parts,
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)],
                vec![(10.0, 8.0), (5.0, 8.0)]
            ]
        );
        assert!(clip_polyline(&[(20.0, 20.0), (30.0, 30.0)], &r).is_empty());
    }

    #[test]
    fn simplify_keeps_ends_and_rounds() {
        let pts: Vec<(f64, f64)> = (0..=100)
            .map(|i| (i as f64 * 0.123, 1.0 + 1e-4 * i as f64))
            .collect();
        let s = simplify(&pts, 0.25);
        assert_eq!(s, vec![(0.0, 1.0), (12.3, 1.0)]);
        let ((x, y), dir) = point_along(&s, 6.15).unwrap();
        assert!((x - 6.15).abs() < 1e-9 && y == 1.0 && dir == 0.0);
    }
}
