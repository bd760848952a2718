//! Cutting geometry at a box: lines by Liang–Barsky per segment, rings by Sutherland–Hodgman,
//! polygons exactly by [`super::box_cut`] (skipped when a polygon lies wholly inside or
//! outside). Works in any planar unit: pixels, or degrees before projection.

use geo::BoundingRect;

/// A box given by its edges (`x0 <= x1`, `y0 <= y1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Smallest x.
    pub x0: f64,
    /// Smallest y.
    pub y0: f64,
    /// Largest x.
    pub x1: f64,
    /// Largest y.
    pub y1: f64,
}

impl Bounds {
    /// A box from its edges.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Bounds { x0, y0, x1, y1 }
    }
}

/// A clipped segment: its two ends and whether each was moved onto the box's edge.
pub type ClippedSegment = ((f64, f64), (f64, f64), bool, bool);

/// The part of segment a→b inside `b` and whether each end was moved onto the edge; `None`
/// when the segment misses the box. An end that is not moved is returned exactly as given.
pub fn clip_segment(a: (f64, f64), b: (f64, f64), bx: Bounds) -> Option<ClippedSegment> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - bx.x0),
        (dx, bx.x1 - a.0),
        (-dy, a.1 - bx.y0),
        (dy, bx.y1 - a.1),
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
    let start = if t0 > 0.0 { at(t0) } else { a };
    let end = if t1 < 1.0 { at(t1) } else { b };
    Some((start, end, t0 > 0.0, t1 < 1.0))
}

/// Cuts a polyline where it leaves the box: the runs inside, each with at least two points.
pub fn clip_polyline(points: &[(f64, f64)], bx: Bounds) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for w in points.windows(2) {
        match clip_segment(w[0], w[1], bx) {
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

/// Sutherland–Hodgman: a ring (not closed) clipped to the box. A concave ring may come back
/// with edges running along the box's sides; callers use a box larger than what is drawn.
pub fn clip_ring(ring: &[(f64, f64)], b: Bounds) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    // Each side: is a point inside, and where does a segment cross the side.
    type Side = (
        fn(&(f64, f64), f64) -> bool,
        fn((f64, f64), (f64, f64), f64) -> (f64, f64),
        f64,
    );
    let cross_x =
        |a: (f64, f64), c: (f64, f64), x: f64| (x, a.1 + (c.1 - a.1) * (x - a.0) / (c.0 - a.0));
    let cross_y =
        |a: (f64, f64), c: (f64, f64), y: f64| (a.0 + (c.0 - a.0) * (y - a.1) / (c.1 - a.1), y);
    let sides: [Side; 4] = [
        (|p, v| p.0 >= v, cross_x, b.x0),
        (|p, v| p.0 <= v, cross_x, b.x1),
        (|p, v| p.1 >= v, cross_y, b.y0),
        (|p, v| p.1 <= v, cross_y, b.y1),
    ];
    for (inside, cross, v) in sides {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        let n = pts.len();
        for i in 0..n {
            let (a, c) = (pts[(i + n - 1) % n], pts[i]);
            match (inside(&a, v), inside(&c, v)) {
                (true, true) => out.push(c),
                (true, false) => out.push(cross(a, c, v)),
                (false, true) => {
                    out.push(cross(a, c, v));
                    out.push(c);
                }
                (false, false) => {}
            }
        }
        pts = out;
    }
    pts
}

/// Polygons cut to the box (exactly, holes and all).
pub fn clip_polygons(polys: Vec<geo::Polygon<f64>>, b: Bounds) -> Vec<geo::Polygon<f64>> {
    let mut out = Vec::new();
    for p in polys {
        let Some(r) = p.bounding_rect() else { continue };
        if r.max().x < b.x0 || r.min().x > b.x1 || r.max().y < b.y0 || r.min().y > b.y1 {
            continue;
        }
        if r.min().x >= b.x0 && r.max().x <= b.x1 && r.min().y >= b.y0 && r.max().y <= b.y1 {
            out.push(p);
            continue;
        }
        out.extend(super::box_cut::clip_polygon_to_box(&p, b));
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    const BOX: Bounds = Bounds {
        x0: 0.0,
        y0: 0.0,
        x1: 10.0,
        y1: 10.0,
    };

    #[test]
    fn polyline_runs_split_where_they_leave_and_reenter() {
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (15.0, 5.0),
            (15.0, 8.0),
            (5.0, 8.0),
        ];
        assert_eq!(
            clip_polyline(&line, BOX),
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)],
                vec![(10.0, 8.0), (5.0, 8.0)]
            ]
        );
        assert!(clip_polyline(&[(20.0, 20.0), (30.0, 30.0)], BOX).is_empty());
    }

    #[test]
    fn segment_ends_report_whether_they_moved() {
        let (a, b, am, bm) = clip_segment((5.0, 5.0), (5.0, 20.0), BOX).unwrap();
        assert_eq!((a, b, am, bm), ((5.0, 5.0), (5.0, 10.0), false, true));
        assert!(clip_segment((11.0, 0.0), (11.0, 10.0), BOX).is_none());
    }

    #[test]
    fn ring_clipped_to_box() {
        let r = clip_ring(&[(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)], BOX);
        assert_eq!(r.len(), 4);
        for p in [(0.0, 0.0), (5.0, 0.0), (5.0, 5.0), (0.0, 5.0)] {
            assert!(r.contains(&p), "{r:?}");
        }
        assert!(clip_ring(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], BOX).is_empty());
    }

    #[test]
    fn polygons_inside_kept_outside_dropped_across_cut() {
        let sq = |x: f64, y: f64, s: f64| {
            geo::Polygon::new(
                geo::LineString::from(vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]),
                vec![],
            )
        };
        let out = clip_polygons(
            vec![sq(1.0, 1.0, 2.0), sq(20.0, 20.0, 1.0), sq(8.0, 8.0, 4.0)],
            BOX,
        );
        assert_eq!(out.len(), 2);
        use geo::Area;
        assert!((out[1].unsigned_area() - 4.0).abs() < 1e-9);
    }
}
