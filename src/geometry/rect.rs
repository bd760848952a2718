//! An axis-aligned rectangle in pixels.

use super::Bounds;

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
    /// The rectangle as a box of its edges, for the clippers.
    pub fn bounds(&self) -> Bounds {
        Bounds::new(self.x, self.y, self.right(), self.bottom())
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
        self.grow_xy(d, d)
    }
    /// The rectangle grown by `dx` left and right and by `dy` above and below.
    pub fn grow_xy(&self, dx: f64, dy: f64) -> Rect {
        Rect::new(
            self.x - dx,
            self.y - dy,
            self.w + 2.0 * dx,
            self.h + 2.0 * dy,
        )
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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn edges_overlap_and_containment() {
        let r = Rect::new(0.0, 0.0, 10.0, 5.0);
        assert_eq!((r.right(), r.bottom()), (10.0, 5.0));
        assert!(r.overlaps(&Rect::new(9.0, 4.0, 3.0, 3.0)));
        assert!(
            !r.overlaps(&Rect::new(10.0, 0.0, 3.0, 3.0)),
            "touching is not overlapping"
        );
        assert!(r.contains((10.0, 5.0)) && !r.contains((10.1, 5.0)));
        assert!(r.grow(1.0).contains_rect(&r));
        assert_eq!(r.nearest((20.0, -3.0)), (10.0, 0.0));
        assert_eq!(
            Rect::around([(3.0, 4.0), (-1.0, 8.0)]),
            Some(Rect::new(-1.0, 4.0, 4.0, 4.0))
        );
        assert_eq!(Rect::around(std::iter::empty()), None);
    }
}
